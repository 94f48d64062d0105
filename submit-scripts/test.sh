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
if [ ! -d "$root/../shared/peer-fixtures" ]; then
  echo "warning: ../shared/peer-fixtures not found beside the checkout; the parser's peer tests will fail" >&2
fi
mvn -B -ntp install "$@"
