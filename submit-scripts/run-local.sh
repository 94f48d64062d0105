#!/usr/bin/env bash
# Runs the film job with Spark local[*] on this machine. Builds what is missing first.
# Usage: submit-scripts/run-local.sh [job options...]   (see --help)
# Defaults: --catalogue samples/catalogue.csv --out out
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

cp_file=jobs/target/runtime-classpath.txt
jar=jobs/target/storyreel-jobs-0.1.0-SNAPSHOT.jar
newest_source=$(find pom.xml lib/pom.xml jobs/pom.xml lib/src/main jobs/src/main -type f -newer "$jar" -print -quit 2>/dev/null || true)
if [ ! -f "$jar" ] || [ ! -f "$cp_file" ] || [ -n "$newest_source" ]; then
  echo "building storyreel (mvn package, tests skipped)..." >&2
  mvn -q -B -DskipTests install >&2
fi

# This checkout's lib jar goes before the runtime classpath (which names the one in ~/.m2, shared by
# every checkout on the machine).
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' pom.xml)
# shellcheck disable=SC2086 # $opens is a list of JVM flags
exec java -Xmx${STORYREEL_HEAP:-4g} -Djava.awt.headless=true $opens \
  -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
  -cp "$jar:lib/target/storyreel-lib-0.1.0-SNAPSHOT.jar:$(cat "$cp_file")" dev.storyreel.jobs.FilmJob \
  --spark-conf "$root/conf/spark-defaults.conf" "$@"
