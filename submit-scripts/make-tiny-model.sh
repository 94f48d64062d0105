#!/usr/bin/env bash
# Writes a tiny Stable-Diffusion-layout ONNX model folder (diffusers/Optimum export layout, real tensor
# names and dtypes, random fixed weights) to try the diffusion renderer without downloading weights:
#   submit-scripts/make-tiny-model.sh DIR [--timestep int64|float|float-scalar] [--input-ids int32|int64] [--size tiny|bench]
#   submit-scripts/run-local.sh --renderer diffusion --model DIR
# Builds what is missing first (like run-local.sh).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -lt 1 ]; then
  sed -n '2,6p' "$0" >&2
  exit 2
fi
mkdir -p "$(dirname "$1")"
dir=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
cd "$root"
cp_file=jobs/target/runtime-classpath.txt
jar=jobs/target/storyreel-jobs-0.1.0-SNAPSHOT.jar
newest_source=$(find pom.xml lib/pom.xml jobs/pom.xml lib/src/main jobs/src/main -type f -newer "$jar" -print -quit 2>/dev/null || true)
if [ ! -f "$jar" ] || [ ! -f "$cp_file" ] || [ -n "$newest_source" ]; then
  echo "building storyreel (mvn package, tests skipped)..." >&2
  mvn -q -B -DskipTests install >&2
fi
exec java -cp "lib/target/storyreel-lib-0.1.0-SNAPSHOT.jar:$(cat "$cp_file")" dev.storyreel.render.diffusion.TinyModelWriter "$dir" "$@"
