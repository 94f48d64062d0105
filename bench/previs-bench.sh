#!/usr/bin/env bash
# CPU milliseconds per frame of the procedural (previs) renderer on one thread: every set of the library,
# an establishing pan, a wide two-figure action shot in the rain with a torch, a talking close-up; 24 frames each.
# Run from anywhere: bash bench/previs-bench.sh [WIDTH] [HEIGHT] [REPEATS]   (default 1280 720 2)
set -euo pipefail

width="${1:-1280}"
height="${2:-720}"
repeats="${3:-2}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mvn -q -B -o -Dstyle.color=never -pl lib test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -q -B -o -Dstyle.color=never -pl lib dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test

java -Xmx1g -Djava.awt.headless=true -XX:ActiveProcessorCount=1 \
  -cp "lib/target/test-classes:lib/target/classes:$(cat "$classpath_file")" \
  dev.storyreel.render.bench.PrevisBench "$width" "$height" "$repeats"
