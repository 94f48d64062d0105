#!/usr/bin/env bash
# Runs the film job with Spark local[*] on this machine. Builds what is missing first.
# Usage: submit-scripts/run-local.sh [job options...]   (see --help)
# Defaults: --catalogue samples/catalogue.csv --out out
set -euo pipefail
# shellcheck source=submit-scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$root"
ensure_built

# The default voice engine is Debian's espeak-ng (a program, not a jar): install it when missing, or say
# how in one line (runs with --no-sound or another --voice-engine need none).
case " $* " in
  *" --no-sound "*|*" --voice-engine openai "*|*" --voice-engine=openai "*|*" --plan-only "*) ;;
  *)
    if ! command -v espeak-ng >/dev/null; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing espeak-ng, the default voice engine (Debian package)..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null 2>&1 \
          || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null 2>&1; } \
          || { echo "run-local.sh: cannot install espeak-ng (apt-get install espeak-ng as root, or pass --no-sound)" >&2; exit 2; }
      else
        echo "run-local.sh: the voice engine espeak-ng is not installed: apt-get install espeak-ng (as root), or pass --no-sound" >&2
        exit 2
      fi
    fi ;;
esac

# This checkout's lib jar goes before the runtime classpath (which names the one in ~/.m2, shared by
# every checkout on the machine).
# shellcheck disable=SC2046 # jvm_opens is a list of JVM flags
exec java -Xmx"${STORYREEL_HEAP:-4g}" -Djava.awt.headless=true $(jvm_opens) \
  -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
  -cp "$target/storyreel-jobs-0.1.0-SNAPSHOT.jar:lib/target/storyreel-lib-0.1.0-SNAPSHOT.jar:$(cat "$target/runtime-classpath.txt")" \
  dev.storyreel.jobs.FilmJob \
  --spark-conf "$root/conf/spark-defaults.conf" "$@"
