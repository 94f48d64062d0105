#!/usr/bin/env bash
# Scale benchmarks of the render path, each from one run of the job (Spark local[*], procedural):
#   1. linear scaling: time(16 films) / (4 x time(4 films)), the films being copies of the sample
#      films under other ids and seeds (same shot-length mix);
#   2. busy executors: share of the render job's wall time during which every slot runs a render
#      task, from Spark's task events (BusyListener), on the 16-film run (shots of 1-15 s);
#   3. frames files per film after each run.
# Usage: bench/scale-bench.sh [WIDTH] [HEIGHT] [FPS]   (default 160 90 12)
set -euo pipefail
width=${1:-160}
height=${2:-90}
fps=${3:-12}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B -o -Dstyle.color=never -pl lib,jobs -am test-compile
mvn -q -B -o -Dstyle.color=never -pl jobs dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' pom.xml)

catalogue() {  # N -> a catalogue of N films cycling through the sample screenplays
  local n=$1 dir="$work/cat$1"
  mkdir -p "$dir"
  cp samples/*.fountain "$dir/"
  echo "film_id,title,source,style,seed" > "$dir/catalogue.csv"
  mapfile -t rows < <(tail -n +2 samples/catalogue.csv | grep -v '^$')
  for ((i = 0; i < n; i++)); do
    IFS=, read -r id title src style seed <<< "${rows[$((i % ${#rows[@]}))]}"
    echo "$id-$i,$title $i,$src,$style,$((seed + 1000 * i))" >> "$dir/catalogue.csv"
  done
  echo "$dir/catalogue.csv"
}

run() {  # N -> wall seconds; writes $work/out$N and $work/busy$N.txt
  local n=$1 cat conf start end
  cat=$(catalogue "$n")
  conf="$work/spark$n.conf"
  cp conf/spark-defaults.conf "$conf"
  printf 'spark.extraListeners dev.storyreel.jobs.bench.BusyListener\nspark.storyreel.bench.busyOut %s\n' "$work/busy$n.txt" >> "$conf"
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  java -Xmx4g -Djava.awt.headless=true $opens -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
    -cp "jobs/target/test-classes:jobs/target/classes:lib/target/classes:$(cat "$work/cp.txt")" \
    dev.storyreel.jobs.FilmJob --spark-conf "$conf" --catalogue "$cat" --out "$work/out$n" \
    --width "$width" --height "$height" --fps "$fps" > "$work/log$n.txt" 2>&1
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')"
}

t4=$(run 4)
t16=$(run 16)
python3 - "$work" "$t4" "$t16" "$width" "$height" "$fps" <<'PY'
import json, os, sys
work, t4, t16, w, h, fps = sys.argv[1:]
t4, t16 = float(t4), float(t16)
def stages(n):
    return json.load(open(os.path.join(work, f"out{n}", "run.json")))
def files(n):
    root = os.path.join(work, f"out{n}", "frames")
    per = {d: len([f for f in os.listdir(os.path.join(root, d)) if f.endswith(".parquet")]) for d in os.listdir(root)}
    return max(per.values()), sum(per.values()) / len(per)
def busy(n):
    return dict(l.strip().split("=") for l in open(os.path.join(work, f"busy{n}.txt")))
r4, r16 = stages(4), stages(16)
print(f"frame size {w}x{h} @ {fps} fps; 4 films: {r4['totals']['frames_planned']} frames, 16 films: {r16['totals']['frames_planned']} frames")
print(f"wall 4 films: {t4:.1f} s, 16 films: {t16:.1f} s; linear scaling time(16)/(4 x time(4)) = {t16 / (4 * t4):.3f}")
s4 = r4['stages']['render'] + r4['stages']['assemble']; s16 = r16['stages']['render'] + r16['stages']['assemble']
print(f"render+assemble stages 4 films: {s4:.1f} s, 16 films: {s16:.1f} s; ratio {s16 / (4 * s4):.3f}")
for n in (4, 16):
    b = busy(n)
    mx, avg = files(n)
    print(f"{n} films: busy-executor share {b['busy_share']} ({b['all_busy_ms']} of {b['render_wall_ms']} ms with all "
          f"{b['slots']} slots rendering, {b['render_tasks']} render tasks); frames files per film max {mx}, mean {avg:.2f}")
PY
