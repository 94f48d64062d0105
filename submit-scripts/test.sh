#!/usr/bin/env bash
# Runs every test (unit and integration). Installs missing test tools first: the JDK and Maven
# come with the machine; everything else comes from Maven Central through the build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
  echo "installing Maven and a JDK (Debian packages)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq maven openjdk-17-jdk-headless >/dev/null
fi
# The ffmpeg/ffprobe programs bundled in the JavaCV jar (our independent checks) link libavdevice,
# which needs the PulseAudio client library from the system.
if ! ldconfig -p | grep -q 'libpulse.so.0 '; then
  echo "installing libpulse0 for the bundled ffprobe/ffmpeg (Debian package)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq libpulse0 >/dev/null
fi
# The sound tests speak with the default voice engine, Debian's espeak-ng.
if ! command -v espeak-ng >/dev/null; then
  echo "installing espeak-ng, the default voice engine (Debian package)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq espeak-ng >/dev/null
fi
# The report test loads the run report in headless Chromium; the notebook test executes the
# notebooks with Debian's Jupyter and the Java kernel (from Maven Central).
if ! command -v chromium >/dev/null; then
  echo "installing chromium for the report test (Debian package)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if ! command -v jupyter-nbconvert >/dev/null || ! /usr/bin/python3 -c 'import jupyter_client, ipykernel' 2>/dev/null; then
  echo "installing Jupyter (Debian packages) for the notebook test..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq jupyter-nbconvert jupyter-client python3-ipykernel >/dev/null
fi
"$root/notebooks/install-kernel.sh"
if [ ! -d "$root/../shared/peer-fixtures" ]; then
  echo "warning: ../shared/peer-fixtures not found beside the checkout; the parser's peer tests will fail" >&2
fi
mvn -B -ntp install "$@"
