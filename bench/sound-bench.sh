#!/usr/bin/env bash
# Times the sound pieces on one film: voice synthesis (espeak-ng) per minute of dialogue, the score
# (Gervill, offline), ambience, the ebur128 meter, and the whole two-pass mix with stems and AAC master.
# Run from anywhere: bash bench/sound-bench.sh [FILM_SECONDS]   (default 60)
# Needs espeak-ng (Debian package) and the local Maven repository (builds offline).
set -euo pipefail

seconds="${1:-60}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

mvn -q -B -o -Dstyle.color=never -pl lib test-compile
classpath_file="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$classpath_file"' EXIT
mvn -q -B -o -Dstyle.color=never -pl lib dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$root/pom.xml")

# shellcheck disable=SC2086 # opens is a list of JVM flags
java -Xmx1g -Djava.awt.headless=true $opens \
  -cp "lib/target/test-classes:lib/target/classes:$(cat "$classpath_file")" \
  dev.storyreel.sound.bench.SoundBench "$seconds" "$work"
