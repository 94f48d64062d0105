#!/usr/bin/env bash
# Runs every test (unit and integration), or with --quick lib's unit tests only:
#   submit-scripts/test.sh [--quick] [MAVEN ARGS...]
# Installs the missing test tools first (Debian packages need root; see README "What the test
# command installs"): Maven and a JDK, libpulse0, Node.js/npm and two npm Fountain parsers (into
# .tools/node, git-ignored); for the full run also Chromium, Jupyter and the notebooks' Java kernel.
# Prints at the end which optional suites ran.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
quick=false
if [ "${1:-}" = "--quick" ]; then
  quick=true
  shift
fi

apt_install() {  # apt_install WHY PACKAGE...
  local why=$1; shift
  echo "installing $* for $why (Debian packages)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
}

if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
  apt_install "the build" maven openjdk-17-jdk-headless
fi
# The ffmpeg/ffprobe programs bundled in the JavaCV jar (our independent checks) link libavdevice,
# which needs the PulseAudio client library from the system.
if ! ldconfig -p | grep -q 'libpulse.so.0 '; then
  apt_install "the bundled ffprobe/ffmpeg" libpulse0
fi
# The sound tests speak with the default voice engine, Debian's espeak-ng.
if ! command -v espeak-ng >/dev/null; then
  apt_install "the sound tests (default voice engine)" espeak-ng
fi
# The differential test runs two independent Fountain parsers from npm under Node.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install "the differential parser test" nodejs npm
fi
# Exactly the versions pinned by lib/src/test/node/package-lock.json, no install scripts.
tools=$root/.tools/node
if ! cmp -s lib/src/test/node/package-lock.json "$tools/package-lock.json" || [ ! -d "$tools/node_modules/aw-parser" ]; then
  echo "installing fountain-js and afterwriting (npm, pinned) into .tools/node..." >&2
  rm -rf "$tools" && mkdir -p "$tools"
  cp lib/src/test/node/package.json lib/src/test/node/package-lock.json "$tools/"
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi
if ! $quick; then
  # The report test loads the run report in headless Chromium; the notebook test executes the
  # notebooks with Debian's Jupyter and the Java kernel (from Maven Central).
  if ! command -v chromium >/dev/null; then
    apt_install "the report test" chromium
  fi
  if ! command -v jupyter-nbconvert >/dev/null || ! /usr/bin/python3 -c 'import jupyter_client, ipykernel' 2>/dev/null; then
    apt_install "the notebook test" jupyter-nbconvert jupyter-client python3-ipykernel
  fi
  "$root/notebooks/install-kernel.sh"
fi

if [ ! -d "$root/../shared/peer-fixtures" ]; then
  echo "note: no ../shared/peer-fixtures beside the checkout: the peer parser suites will be skipped" >&2
fi
# Stale reports and summaries would misreport which suites ran.
rm -rf lib/target/surefire-reports lib/target/test-suites jobs/target/surefire-reports
status=0
if $quick; then
  mvn -B -ntp -Dstyle.color=never -pl lib test "$@" || status=$?
else
  mvn -B -ntp -Dstyle.color=never install "$@" || status=$?
fi

# Which optional suites ran: the peer suites (*FixturesTest) from surefire's reports (a suite
# without its fixtures reports one skipped test), the differential suite from the summary it
# writes when it passes.
echo
echo "== optional suites"
ran=0
skipped=0
for report in lib/target/surefire-reports/TEST-*FixturesTest.xml; do
  [ -f "$report" ] || continue
  counts=$(sed -n 's/.*<testsuite [^>]*tests="\([0-9]*\)".*skipped="\([0-9]*\)".*/\1 \2/p' "$report" | head -1)
  ran=$((ran + ${counts% *} - ${counts#* }))
  skipped=$((skipped + ${counts#* }))
done
if [ "$ran" -gt 0 ]; then
  echo "peer suites: present, $ran cases ran"
elif [ "$skipped" -gt 0 ]; then
  echo "peer suites: not present (../shared/peer-fixtures missing)"
else
  echo "peer suites: did not run"
fi
if [ -f lib/target/test-suites/differential.txt ]; then
  cat lib/target/test-suites/differential.txt
else
  echo "differential suite (fountain-js, afterwriting): did not pass (see the test output above)"
fi
exit "$status"
