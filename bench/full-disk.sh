#!/usr/bin/env bash
# A full disk: runs the sample catalogue (default size) with --out on a 20 MB tmpfs (root: mount -t tmpfs)
# and checks that the run ends with run.json naming every film's status and error (the disk), that the
# console says so in one line per film, and that stderr carries no Java stack trace.
# Usage: sudo bash bench/full-disk.sh [SIZE]   (default 20m). Prints "full-disk: ok ..." or what went wrong.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
size=${1:-20m}
mnt=$(mktemp -d)
mount -t tmpfs -o "size=$size" tmpfs "$mnt" || { echo "full-disk: cannot mount a tmpfs (run as root)"; exit 2; }
trap 'umount "$mnt"; rmdir "$mnt"' EXIT
./submit-scripts/run-local.sh --out "$mnt/out" --no-sound >"$mnt.log" 2>"$mnt.err"
rc=$?
traces=$(grep -c -E '^[[:space:]]+at [[:alnum:]_$.]+\(|^Caused by: ' "$mnt.err")
python3 - "$mnt/out/run.json" "$rc" "$traces" <<'PY'
import json, sys
path, rc, traces = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
try:
    films = json.load(open(path))['films']
except Exception as e:
    print(f"full-disk: no readable run.json ({e}); exit {rc}"); sys.exit(1)
bad = [f['film_id'] for f in films if f['status'] == 'failed' and 'No space left' not in json.dumps(f['error'])]
failed = [f for f in films if f['status'] == 'failed']
print(f"full-disk: exit {rc}, {len(failed)} of {len(films)} films failed naming the disk, "
      f"{traces} stack-trace lines on stderr; first error: {failed[0]['error'] if failed else None}")
sys.exit(0 if rc == 1 and failed and not bad and traces == 0 else 1)
PY
