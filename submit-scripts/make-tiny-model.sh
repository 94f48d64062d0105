#!/usr/bin/env bash
# Writes a tiny Stable-Diffusion-layout ONNX model folder (diffusers/Optimum export layout, real tensor
# names and dtypes, random fixed weights) to try the diffusion renderer without downloading weights:
#   submit-scripts/make-tiny-model.sh DIR [--timestep int64|float|float-scalar] [--input-ids int32|int64] [--size tiny|bench]
#   submit-scripts/run-local.sh --renderer diffusion --model DIR
# Builds what is missing first (like run-local.sh). The writer lives in lib's test sources
# (src/test/java/dev/storyreel/render/diffusion/TinyModelWriter.java): only tests and this tool use it.
set -euo pipefail
# shellcheck source=submit-scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ $# -lt 1 ]; then
  sed -n '2,6p' "$0" >&2
  exit 2
fi
mkdir -p "$(dirname "$1")"
dir=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
cd "$root"
ensure_built
# The writer is test code (lib's test-jar, with the ONNX protobuf classes of the test classpath):
# rebuild lib when its sources are newer than that jar.
tests_jar=lib/target/storyreel-lib-0.1.0-SNAPSHOT-tests.jar
if [ ! -f "$tests_jar" ] || [ -n "$(find lib/src/test/java/dev/storyreel/render/diffusion -name '*.java' -newer "$tests_jar" -print -quit)" ]; then
  echo "building lib's test-jar (TinyModelWriter)..." >&2
  mvn -q -B -Dstyle.color=never -pl lib -DskipTests package >&2
fi
exec java -cp "$tests_jar:lib/target/storyreel-lib-0.1.0-SNAPSHOT.jar:$(cat "$target/test-classpath.txt")" \
  dev.storyreel.render.diffusion.TinyModelWriter "$dir" "$@"
