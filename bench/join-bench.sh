#!/usr/bin/env bash
# Times SegmentJoiner against `ffmpeg -f concat -c copy`, and ShotEncoder against the ffmpeg CLI
# encoding the same raw frames, on the same 1280x720 @ 24 fps segments in one run.
# Run from anywhere: bash bench/join-bench.sh [SEGMENTS] [FRAMES_PER_SEGMENT]   (default 20 48)
# Needs the local Maven repository (builds offline) and libpulse.so.0 for the bundled ffmpeg.
set -euo pipefail

segments="${1:-20}"
frames="${2:-48}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mvn -q -B -o -Dstyle.color=never -pl lib test-compile
classpath_file="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$classpath_file"' EXIT
mvn -q -B -o -Dstyle.color=never -pl lib dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test

java -Xmx2g -Djava.awt.headless=true \
  -cp "lib/target/test-classes:lib/target/classes:$(cat "$classpath_file")" \
  dev.storyreel.assemble.bench.JoinBench "$segments" "$frames" "$work"
