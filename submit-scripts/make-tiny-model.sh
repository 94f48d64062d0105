#!/usr/bin/env bash
# Writes a tiny Stable-Diffusion-layout ONNX model folder (diffusers/Optimum export layout, real tensor
# names and dtypes, random fixed weights) to try the diffusion renderer without downloading weights:
#   submit-scripts/make-tiny-model.sh DIR [--timestep int64|float|float-scalar] [--input-ids int32|int64] [--size tiny|bench]
#   submit-scripts/run-local.sh --renderer diffusion --model DIR
# Builds what is missing first (like run-local.sh).
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
exec java -cp "lib/target/storyreel-lib-0.1.0-SNAPSHOT.jar:$(cat "$target/runtime-classpath.txt")" dev.storyreel.render.diffusion.TinyModelWriter "$dir" "$@"
