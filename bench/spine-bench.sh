#!/usr/bin/env bash
# End-to-end benchmark of the spine on this machine, in one run:
#   1. the film job (Spark local[*], procedural renderer) on one sample film at 1280x720, 24 fps;
#   2. the ffmpeg CLI encoding the same frames with the same x264 settings (encode only);
#   3. our packet-copy joiner vs the ffmpeg CLI concat demuxer (-c copy) on the run's segments.
# Prints the figures and the ratios (goals: job/encode >= 0.8, join >= 0.5).
# Usage: [PRESET=veryfast] [CRF=20] bench/spine-bench.sh [FILM_ID] [WIDTH] [HEIGHT]
# Needs free disk for the film as raw frames (about 14 GB for the default film at 720p).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
film=${1:-lighthouse}
width=${2:-1280}
height=${3:-720}
fps=24 preset=${PRESET:-veryfast} crf=${CRF:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run-local.sh builds the jars when sources changed; the bench class needs the test classes.
mvn -q -B -o -Dstyle.color=never -pl lib,jobs test-compile
mvn -q -B -Dstyle.color=never -pl jobs dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
mkdir -p "$work/cat"
cp samples/*.fountain "$work/cat/"
{ head -1 samples/catalogue.csv; grep "^$film," samples/catalogue.csv; } > "$work/cat/catalogue.csv"

start=$(date +%s.%N)
# The spine only (plan, render, encode, join, report): sound and delivery QC came later and are
# measured by their own benchmarks; with them the "before" figures would not compare.
./submit-scripts/run-local.sh --catalogue "$work/cat/catalogue.csv" --out "$work/out" --no-sound --no-qc \
  --width "$width" --height "$height" --fps "$fps" --preset "$preset" --crf "$crf" > "$work/job.log"
end=$(date +%s.%N)
frames=$(python3 -c "import json; print(json.load(open('$work/out/run.json'))['totals']['frames_planned'])")
stages=$(python3 -c "import json; s=json.load(open('$work/out/run.json'))['stages']; print(' '.join(f'{k}={v}s' for k,v in s.items()))")

opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' pom.xml)
# shellcheck disable=SC2086
java $opens -cp "jobs/target/test-classes:jobs/target/classes:lib/target/classes:$(cat "$work/cp.txt")" \
  dev.storyreel.jobs.bench.SpineBench "$work/out" "$film" "$frames" "$preset" "$crf" > "$work/ref.txt"
# shellcheck disable=SC1090
. <(sed 's/^/ref_/' "$work/ref.txt")

python3 - "$frames" "$start" "$end" "$ref_cli_encode_fps" "$ref_ours_join_fps" "$ref_cli_concat_fps" "$ref_join_ratio" "$stages" "$width" "$height" "$preset" "$crf" <<'PY'
import sys
frames, start, end, cli, join, concat, jratio, stages, w, h, preset, crf = sys.argv[1:]
wall = float(end) - float(start)
job = int(frames) / wall
print(f"frame size: {w}x{h} @ 24 fps, x264 {preset} crf {crf}, {frames} frames, {stages}")
print(f"job end-to-end:      {job:8.1f} frames/s  (wall {wall:.1f} s, JVM and Spark start included)")
print(f"ffmpeg CLI encode:   {float(cli):8.1f} frames/s  (same frames, same settings, encode only)")
print(f"ratio job/encode:    {job/float(cli):8.2f}  (goal >= 0.8)")
print(f"our join:            {float(join):8.0f} frames/s")
print(f"ffmpeg concat copy:  {float(concat):8.0f} frames/s")
print(f"ratio join/concat:   {float(jratio):8.2f}  (goal >= 0.5)")
PY
