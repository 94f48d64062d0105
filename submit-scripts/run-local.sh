#!/usr/bin/env bash
# Runs the film job with Spark local[*] on this machine. Builds what is missing first.
# Usage: submit-scripts/run-local.sh [job options...]   (see --help)
# Defaults: --catalogue samples/catalogue.csv --out out
set -euo pipefail
# shellcheck source=submit-scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$root"
ensure_built

# This checkout's lib jar goes before the runtime classpath (which names the one in ~/.m2, shared by
# every checkout on the machine).
# shellcheck disable=SC2046 # jvm_opens is a list of JVM flags
exec java -Xmx"${STORYREEL_HEAP:-4g}" -Djava.awt.headless=true $(jvm_opens) \
  -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
  -cp "$target/storyreel-jobs-0.1.0-SNAPSHOT.jar:lib/target/storyreel-lib-0.1.0-SNAPSHOT.jar:$(cat "$target/runtime-classpath.txt")" \
  dev.storyreel.jobs.FilmJob \
  --spark-conf "$root/conf/spark-defaults.conf" "$@"
