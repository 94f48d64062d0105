#!/usr/bin/env bash
# Fuzzes the readers of untrusted input with Jazzer's standalone driver (libFuzzer inside the JVM):
# the Fountain parser, the FDX reader, the catalogue reader and the translation reader. Each target
# runs RUNS executions (default 1,000,000) from the corpus kept in
# lib/src/test/resources/dev/storyreel/fuzz/ReaderFuzzTestInputs/<target>/, with a hang timeout and
# an RSS cap (a unit running over 60 s is a hang: the first one includes class loading); a finding stops that target, is copied into the corpus as a regression case (replayed
# by ReaderFuzzTest in the test suite) and makes the script exit 1.
# Prints one line per target: "target executions seconds exec/s findings".
# Usage: bash bench/fuzz.sh [RUNS] [TARGET...]     (targets: fountain fdx catalogue translation)
# FUZZ_SECONDS=N stops each target after N seconds (fewer executions, counted exactly);
# FUZZ_LOGS=DIR keeps each target's libFuzzer log there.
set -euo pipefail
runs="${1:-1000000}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(fountain fdx catalogue translation)
cd "$(dirname "${BASH_SOURCE[0]}")/.."
corpus=lib/src/test/resources/dev/storyreel/fuzz/ReaderFuzzTestInputs

mvn -q -B -o -Dstyle.color=never -pl lib test-compile
classpath_file="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$classpath_file"' EXIT
mvn -q -B -o -Dstyle.color=never -pl lib dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
cp="lib/target/test-classes:lib/target/classes:$(cat "$classpath_file")"

found=0
for t in "${targets[@]}"; do
  class="dev.storyreel.fuzz.$(tr '[:lower:]' '[:upper:]' <<<"${t:0:1}")${t:1}Fuzzer"
  mkdir -p "$work/$t/live" "$work/$t/findings"
  cp "$corpus/$t"/* "$work/$t/live/"
  log="$work/$t.log"
  start=$(date +%s.%N)
  rc=0
  java -Xmx1g -Djava.awt.headless=true -cp "$cp" com.code_intelligence.jazzer.Jazzer \
    --target_class="$class" --instrumentation_includes='dev.storyreel.**' --custom_hook_includes='dev.storyreel.**' \
    --keep_going=0 -runs="$runs" ${FUZZ_SECONDS:+-max_total_time=$FUZZ_SECONDS} -timeout=60 -rss_limit_mb=1536 -max_len=16384 -seed=1 -print_final_stats=1 \
    -artifact_prefix="$work/$t/findings/" "$work/$t/live" >"$log" 2>&1 || rc=$?
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  execs=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  [ -n "$execs" ] || execs=$(grep -a -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -1)
  n=$(find "$work/$t/findings" -type f | wc -l)
  for f in "$work/$t/findings"/*; do
    [ -f "$f" ] || continue
    cp "$f" "$corpus/$t/crash-$(sha1sum "$f" | cut -c1-12)"
  done
  if [ "$rc" != 0 ] || [ "$n" -gt 0 ]; then
    found=1
    echo "--- $t: exit $rc, $n finding(s); the log's tail:" >&2
    tail -40 "$log" >&2
  fi
  [ -z "${FUZZ_LOGS:-}" ] || { mkdir -p "$FUZZ_LOGS"; cp "$log" "$FUZZ_LOGS/"; }
  printf '%s %s %.0f %.0f %d\n' "$t" "${execs:-0}" "$secs" "$(echo "${execs:-0} / $secs" | bc -l)" "$n"
done
exit "$found"
