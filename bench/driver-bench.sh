#!/usr/bin/env bash
# Driver benchmark: --plan-only on a generated catalogue of feature-length screenplays (>= 90 pages
# each, deterministic from SEED) with the JVM heap capped (default -Xmx1g: in local[*] mode driver and
# executors share that one heap, so the cap is stricter than a driver-only cap). Prints wall time,
# planned shots and the peak heap in use (the largest heap-before-GC figure of the GC log).
# Usage: bench/driver-bench.sh [FILMS] [HEAP] [SEED]   (default 2000 1g 1)
# The screenplays are written to a temporary folder (about 90 kB each) and removed afterwards.
set -euo pipefail
films=${1:-2000}
heap=${2:-1g}
seed=${3:-1}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B -o -Dstyle.color=never -pl lib test-compile
mvn -q -B -o -Dstyle.color=never -pl lib dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
java -Xmx1g -cp "lib/target/test-classes:lib/target/classes:$(cat "$work/cp.txt")" \
  dev.storyreel.plan.bench.FeatureScreenplays "$work/cat" "$films" "$seed"
start=$(date +%s.%N)
status=0
STORYREEL_HEAP=$heap JAVA_TOOL_OPTIONS="-Xlog:gc:file=$work/gc.log" \
  ./submit-scripts/run-local.sh --catalogue "$work/cat/catalogue.csv" --out "$work/out" --plan-only \
  > "$work/job.log" 2>&1 || status=$?
end=$(date +%s.%N)
python3 - "$work" "$start" "$end" "$status" "$films" "$heap" <<'PY'
import json, re, sys, os
work, start, end, status, films, heap = sys.argv[1:]
peak = live = 0
for line in open(os.path.join(work, "gc.log")):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        peak = max(peak, int(m.group(1)))
        live = max(live, int(m.group(2)))
shots = "?"
try:
    t = json.load(open(os.path.join(work, "out", "run.json")))["totals"]
    shots = t["shots_planned"]
except Exception as e:
    print(open(os.path.join(work, "job.log")).read()[-3000:])
print(f"films: {films}, heap cap -Xmx{heap}, exit status {status}")
print(f"planned shots: {shots}")
print(f"wall: {float(end)-float(start):.1f} s (build check, JVM and Spark start included)")
print(f"peak heap in use (before GC): {peak} MB; largest heap left after a GC: {live} MB")
print(f"last console lines: {' | '.join(open(os.path.join(work, 'job.log')).read().strip().splitlines()[-3:])}")
PY
