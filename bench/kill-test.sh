#!/usr/bin/env bash
# Exactly-once under kills: runs the job once cleanly, then for each of five points starts it into a
# fresh --out, kills its driver JVM with SIGKILL at that point, and runs the same command again into the
# same --out. Each rerun must exit 0 with every film ok, no duplicate frame key, frames = plan, and
# frames (key, MD5 of the data) and films (MD5 of each MP4) identical to the clean run's.
# Points (the frames commit protocol of docs/frames-table.md):
#   before-first-commit  planned and estimated (or render tasks running), no task published
#   inside-commit        local: a task's file written under _frames-work/staging, not yet published;
#                        S3 (where staging is executor-local and publishing is an upload): the instant the
#                        first task has published, while the other tasks write and upload theirs
#   between-commits      after the first task's commit, render not done
#   encode               half of the clean run's segments encoded (by the render tasks, for the procedural
#                        renderer), before the join
#   report               films joined, deliverables and report being written
# Usage: bash bench/kill-test.sh [CATALOGUE]   (default samples/catalogue.csv, at 160x90, 6 fps)
# KILL_S3=1 runs it on the local standalone cluster (submit-scripts/local-cluster.sh, two worker JVMs)
# with the catalogue and the output on the local S3 server (local-s3.sh) through s3a://; the outputs are
# read back with the AWS CLI. KILL_WORK=DIR keeps the runs and logs there; KILL_POINTS="encode report"
# runs only those points. Prints one line per point ("point: ok" or what differed), exits 1 when any fails.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=submit-scripts/common.sh
. submit-scripts/common.sh
ensure_built
catalogue=${1:-samples/catalogue.csv}
work=${KILL_WORK:-$(mktemp -d)}
mkdir -p "$work"
points=(${KILL_POINTS:-before-first-commit inside-commit between-commits encode report})
duck=$(find "$HOME/.m2/repository/org/duckdb/duckdb_jdbc" -name 'duckdb_jdbc-*.jar' | sort | tail -1)
size=(--width 160 --height 90 --fps 6)

descendants() { local c; for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
films_md5() { (cd "$1" && find films -name '*.mp4' -type f -print0 | sort -z | xargs -0 md5sum); }
all_ok() { python3 -c "import json,sys; f=json.load(open(sys.argv[1]))['films']; sys.exit(0 if f and all(x['status']=='ok' for x in f) else 1)" "$1/run.json"; }

if [ -n "${KILL_S3:-}" ]; then
  export STORYREEL_MASTER_PORT=${STORYREEL_MASTER_PORT:-$(free_port)}
  down() { ./submit-scripts/local-cluster.sh down >/dev/null 2>&1; ./submit-scripts/local-s3.sh down >/dev/null 2>&1; }
  trap down EXIT
  eval "$(STORYREEL_S3_HEAP=${STORYREEL_S3_HEAP:-3g} ./submit-scripts/local-s3.sh up 2>/dev/null | grep '^export ')"
  ./submit-scripts/local-cluster.sh up >"$work/cluster.log" 2>&1 || { echo "local-cluster up failed: $(tail -1 "$work/cluster.log")"; exit 1; }
  aws s3 mb s3://kill >/dev/null && aws s3 cp --recursive "$(dirname "$catalogue")" s3://kill/in/ >/dev/null \
    || { echo "cannot upload the catalogue"; exit 1; }
  job() {  # job NAME: the job into s3a://kill/NAME
    ./submit-scripts/submit-standalone.sh --master "spark://127.0.0.1:$STORYREEL_MASTER_PORT" \
      --catalogue "s3a://kill/in/$(basename "$catalogue")" --out "s3a://kill/$1" "${size[@]}"
  }
  # the S3 server keeps every object in memory: each run's output is downloaded, then deleted there
  fetch() { rm -rf "$work/$1" && aws s3 cp --recursive "s3://kill/$1" "$work/$1" >/dev/null && aws s3 rm --recursive "s3://kill/$1" >/dev/null; }
  staged() { grep -aq '^\[render\] committed' "$2"; }
  segments() { aws s3 ls "s3://kill/$1/segments/" --recursive 2>/dev/null | grep -c .; }
else
  job() { ./submit-scripts/run-local.sh --out "$work/$1" --catalogue "$catalogue" "${size[@]}"; }
  fetch() { :; }
  staged() { [ -n "$(find "$work/$1/_frames-work" -name '*.parquet' -print -quit 2>/dev/null)" ]; }
  segments() { find "$work/$1/segments" -type f 2>/dev/null | wc -l; }
fi

reached() {  # reached POINT NAME LOG: whether the run NAME is at POINT
  local name=$2 log=$3
  case "$1" in
    before-first-commit) grep -aqE '^\[render\]|^Estimated render' "$log" && ! grep -aq '^\[render\] committed' "$log" ;;
    inside-commit) staged "$name" "$log" && ! grep -aq '^\[render\] done' "$log" ;;
    between-commits) grep -aq '^\[render\] committed' "$log" && ! grep -aq '^\[render\] done' "$log" ;;
    encode) [ "$(segments "$name")" -ge "$half_segments" ] && ! grep -aq '^\[join\]' "$log" ;;
    report) grep -aq '^\[join\] done' "$log" ;;
  esac
}

job clean >"$work/clean.log" 2>&1 || { echo "clean run failed: $(tail -1 "$work/clean.log")"; exit 1; }
fetch clean
java -cp "$duck" bench/KillCheck.java "$work/clean" "$work/clean.md5" >"$work/clean.check"
films_md5 "$work/clean" >"$work/clean.films"
# "encode": half of the clean run's segments are encoded (by the render tasks, for a CPU renderer)
half_segments=$(( ($(find "$work/clean/segments" -type f | wc -l) + 1) / 2 ))

failed=0
for p in "${points[@]}"; do
  out=$work/$p log=$work/$p.log
  rm -rf "$out"
  job "$p" >"$log" 2>&1 &
  bg=$!
  while kill -0 "$bg" 2>/dev/null && ! reached "$p" "$p" "$log"; do sleep 0.05; done
  if ! kill -0 "$bg" 2>/dev/null; then
    echo "$p: the run ended before the point"; failed=1; continue
  fi
  for j in $(descendants "$bg") "$bg"; do [ "$(cat "/proc/$j/comm" 2>/dev/null)" = java ] && kill -9 "$j"; done
  wait "$bg" 2>/dev/null
  job "$p" >"$log.rerun" 2>&1
  rc=$?
  fetch "$p"
  java -cp "$duck" bench/KillCheck.java "$out" "$work/$p.md5" >"$work/$p.check" 2>&1
  films_md5 "$out" >"$work/$p.films"
  why=""
  [ "$rc" = 0 ] || why="rerun exited $rc ($(grep -a -m1 -E '^failed|^storyreel:' "$log.rerun"))"
  all_ok "$out" || why="${why:+$why; }not every film ok in run.json"
  grep -q 'duplicates=0$' "$work/$p.check" || why="${why:+$why; }$(cat "$work/$p.check")"
  cmp -s "$work/clean.md5" "$work/$p.md5" || why="${why:+$why; }frames differ from the clean run's"
  cmp -s "$work/clean.films" "$work/$p.films" || why="${why:+$why; }films differ from the clean run's"
  rendered=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['totals']; print('%s of %s shots rendered again' % (t['shots_rendered'], t['shots_planned']))" "$out/run.json" 2>/dev/null)
  if [ -z "$why" ]; then echo "$p: ok ($rendered)"; else echo "$p: $why"; failed=1; fi
done
[ -n "${KILL_WORK:-}" ] || rm -rf "$work"
exit "$failed"
