#!/usr/bin/env bash
# Exactly-once under kills: runs the job once cleanly, then for each of five points starts it into a
# fresh --out, kills its JVM with SIGKILL at that point, and runs the same command again into the
# same --out. Each rerun must exit 0 with every film ok, no duplicate frame key, frames = plan, and
# frames (key, MD5 of the data) and films (MD5 of each MP4) identical to the clean run's.
# Points: before-first-commit (render started, nothing committed), inside-commit (task output
# written under frames/, not yet committed), between-commits (after the first render commit),
# encode (segments being encoded), report (films joined, report being written).
# Usage: bash bench/kill-test.sh [CATALOGUE]   (default samples/catalogue.csv, at 160x90, 6 fps)
# KILL_WORK=DIR keeps the runs and logs there; KILL_POINTS="encode report" runs only those points.
# Prints one line per point ("point: ok" or what differed) and exits 1 when any point fails.
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
args=(--catalogue "$catalogue" --width 160 --height 90 --fps 6)

descendants() { local c; for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
films_md5() { (cd "$1" && find films -name '*.mp4' -type f -print0 | sort -z | xargs -0 md5sum); }
all_ok() { python3 -c "import json,sys; f=json.load(open(sys.argv[1]))['films']; sys.exit(0 if f and all(x['status']=='ok' for x in f) else 1)" "$1/run.json"; }
reached() {  # reached POINT OUT LOG: whether the run is at POINT
  local out=$2 log=$3
  case "$1" in
    before-first-commit) grep -aq '^\[render\]' "$log" && ! grep -aq '^\[render\] committed' "$log" ;;
    inside-commit) [ -n "$(find "$out/frames" -path '*_temporary*' -name '*.parquet' -print -quit 2>/dev/null)" ] \
                     && ! grep -aq '^\[render\] done' "$log" ;;
    between-commits) grep -aq '^\[render\] committed' "$log" && ! grep -aq '^\[render\] done' "$log" ;;
    encode) grep -aq '^\[encode\]' "$log" && ! grep -aq '^\[encode\] done' "$log" ;;
    report) grep -aq '^\[join\] done' "$log" ;;
  esac
}

./submit-scripts/run-local.sh --out "$work/clean" "${args[@]}" >"$work/clean.log" 2>&1 || { echo "clean run failed: $(tail -1 "$work/clean.log")"; exit 1; }
java -cp "$duck" bench/KillCheck.java "$work/clean" "$work/clean.md5" >"$work/clean.check"
films_md5 "$work/clean" >"$work/clean.films"

failed=0
for p in "${points[@]}"; do
  out=$work/$p log=$work/$p.log
  rm -rf "$out"
  ./submit-scripts/run-local.sh --out "$out" "${args[@]}" >"$log" 2>&1 &
  bg=$!
  while kill -0 "$bg" 2>/dev/null && ! reached "$p" "$out" "$log"; do sleep 0.05; done
  if ! kill -0 "$bg" 2>/dev/null; then
    echo "$p: the run ended before the point"; failed=1; continue
  fi
  for j in $(descendants "$bg") "$bg"; do [ "$(cat "/proc/$j/comm" 2>/dev/null)" = java ] && kill -9 "$j"; done
  wait "$bg" 2>/dev/null
  ./submit-scripts/run-local.sh --out "$out" "${args[@]}" >"$log.rerun" 2>&1
  rc=$?
  java -cp "$duck" bench/KillCheck.java "$out" "$work/$p.md5" >"$work/$p.check" 2>&1
  films_md5 "$out" >"$work/$p.films"
  why=""
  [ "$rc" = 0 ] || why="rerun exited $rc ($(grep -a -m1 -E '^failed|^storyreel:' "$log.rerun"))"
  all_ok "$out" || why="${why:+$why; }not every film ok in run.json"
  grep -q 'duplicates=0$' "$work/$p.check" || why="${why:+$why; }$(cat "$work/$p.check")"
  cmp -s "$work/clean.md5" "$work/$p.md5" || why="${why:+$why; }frames differ from the clean run's"
  cmp -s "$work/clean.films" "$work/$p.films" || why="${why:+$why; }films differ from the clean run's"
  if [ -z "$why" ]; then echo "$p: ok"; else echo "$p: $why"; failed=1; fi
done
[ -n "${KILL_WORK:-}" ] || rm -rf "$work"
exit "$failed"
