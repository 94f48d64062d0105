#!/usr/bin/env bash
# Peak RSS of joining a 10-minute vs a 120-minute film's segments (SegmentJoiner, packet copy), each
# in a fresh JVM. Usage: bash bench/assembly-rss-bench.sh [SHORT_MIN] [LONG_MIN]   (default 10 120)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -o -Dstyle.color=never -pl lib test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -q -B -o -Dstyle.color=never -pl lib dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
java -Xmx1g -Djava.awt.headless=true \
  -cp "lib/target/test-classes:lib/target/classes:$(cat "$classpath_file")" \
  dev.storyreel.assemble.bench.AssemblyRssBench "$@"
