#!/usr/bin/env bash
# Inference share of the diffusion renderer on this machine: writes the benchmark model (a generated
# SD-layout model with ~4.9 GFLOP per UNet item at latent 64x64), renders one shot per batch size
# through DiffusionRenderer with frame encoding as in a render task, and prints frames/s and the share
# of wall time spent inside ONNX Runtime calls (goal >= 0.95).
# Usage: bench/diffusion-bench.sh [FRAMES] [SIZE] [STEPS] [KEYFRAME_EVERY] [BATCH...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B -Dstyle.color=never -DskipTests install
mvn -q -B -Dstyle.color=never -pl lib dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -Xmx4g -cp "lib/target/test-classes:lib/target/classes:$(cat "$work/cp.txt")" \
  dev.storyreel.render.diffusion.bench.DiffusionBench "$@"
