#!/usr/bin/env bash
# Submits the film job to a Spark standalone cluster (client mode: the driver runs here).
# Usage: submit-scripts/submit-standalone.sh [--master spark://HOST:7077] [--conf K=V]... [--dry-run] [job options...]
#   e.g. --master spark://127.0.0.1:7077 --catalogue s3a://films/in/catalogue.csv --out s3a://films/out/run1
# Spark: $SPARK_HOME/bin/spark-submit when SPARK_HOME holds one, else SparkSubmit from the build's jars.
# Properties: conf/standalone.conf (STORYREEL_SPARK_CONF to change), then each --conf.
# S3: with AWS_ENDPOINT_URL set (e.g. by local-s3.sh) the s3a endpoint, path-style access, region and
# AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are passed in a private properties file (never on the
# command line); without it S3A uses its standard provider chain and configuration.
set -euo pipefail
# shellcheck source=submit-scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

master=spark://127.0.0.1:7077
dry_run=false
confs=()
job_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) master=$2; shift 2 ;;
    --master=*) master=${1#--master=}; shift ;;
    --conf) confs+=("$2"); shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    *) job_args+=("$1"); shift ;;
  esac
done

props=$(mktemp "${TMPDIR:-/tmp}/storyreel-submit.XXXXXX")
chmod 600 "$props"
trap 'rm -f "$props"' EXIT
cat "${STORYREEL_SPARK_CONF:-$root/conf/standalone.conf}" >"$props"
case "$master" in
  spark://127.0.0.1:*|spark://localhost:*)
    printf 'spark.driver.host 127.0.0.1\nspark.driver.bindAddress 127.0.0.1\n' >>"$props" ;;
esac
if [ -n "${AWS_ENDPOINT_URL:-}" ]; then
  {
    echo "spark.hadoop.fs.s3a.endpoint $AWS_ENDPOINT_URL"
    echo "spark.hadoop.fs.s3a.path.style.access true"
    echo "spark.hadoop.fs.s3a.endpoint.region ${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
    case "$AWS_ENDPOINT_URL" in
      http://*) echo "spark.hadoop.fs.s3a.connection.ssl.enabled false" ;;
    esac
    if [ -n "${AWS_ACCESS_KEY_ID:-}" ] && [ -n "${AWS_SECRET_ACCESS_KEY:-}" ]; then
      echo "spark.hadoop.fs.s3a.aws.credentials.provider org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"
      echo "spark.hadoop.fs.s3a.access.key $AWS_ACCESS_KEY_ID"
      echo "spark.hadoop.fs.s3a.secret.key $AWS_SECRET_ACCESS_KEY"
    fi
  } >>"$props"
fi

submit_args=(--master "$master" --deploy-mode client --name storyreel --class dev.storyreel.jobs.FilmJob
  --properties-file "$props")
for c in ${confs[@]+"${confs[@]}"}; do
  submit_args+=(--conf "$c")
done

if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  cmd=("$SPARK_HOME/bin/spark-submit")
else
  $dry_run || ensure_built
  # shellcheck disable=SC2207 # jvm_opens is a list of flags without spaces inside
  cmd=(java "-Xmx${STORYREEL_DRIVER_MEMORY:-1g}" -Djava.awt.headless=true $(jvm_opens)
    "-Dlog4j2.configurationFile=$root/conf/log4j2.properties"
    -cp "$(cat "$target/spark-classpath.txt" 2>/dev/null || echo "\$SPARK_JARS")" org.apache.spark.deploy.SparkSubmit)
fi
cmd+=("${submit_args[@]}" "$job_jar" ${job_args[@]+"${job_args[@]}"})

if $dry_run; then
  # The classpath is long: show its file instead; the properties file is shown without secrets.
  printf '%q ' "${cmd[@]}" | sed "s|-cp [^ ]* |-cp \"\$(cat $target/spark-classpath.txt)\" |"; echo
  echo "# properties ($props):"; grep -v -i -E 'secret|access\.key' "$props"
  exit 0
fi
"${cmd[@]}"
