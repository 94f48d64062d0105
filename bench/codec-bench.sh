#!/usr/bin/env bash
# Bytes per frame, PSNR and encode/decode time of every frame codec (FrameCodec.all()) on procedural
# and photographic-like frames, at 720p and 1080p by default. Prints a Markdown table.
# Run from anywhere: bash bench/codec-bench.sh [FRAMES] [WxH...]   (default 12 1280x720 1920x1080)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -o -Dstyle.color=never -pl lib test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -q -B -o -Dstyle.color=never -pl lib dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
java -Xmx2g -Djava.awt.headless=true \
  -cp "lib/target/test-classes:lib/target/classes:$(cat "$classpath_file")" \
  dev.storyreel.frames.bench.CodecBench "$@"
