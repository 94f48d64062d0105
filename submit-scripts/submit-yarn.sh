#!/usr/bin/env bash
# Submits the film job to YARN (e.g. Amazon EMR; cluster mode) with GPU executors (yarn.io/gpu).
# Usage: submit-scripts/submit-yarn.sh [--queue Q] [--conf K=V]... [--dry-run] [job options...]
#   e.g. ... --catalogue s3a://bucket/in/catalogue.csv --out s3a://bucket/out/run1 --gpu-per-task 1
# Needs $SPARK_HOME/bin/spark-submit and HADOOP_CONF_DIR (EMR's master node has both) unless --dry-run.
# Ships the job jar (mvn package) and the GPU discovery script. Properties: conf/yarn.conf.
set -euo pipefail
# shellcheck source=submit-scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

queue=default
dry_run=false
confs=()
job_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --queue) queue=$2; shift 2 ;;
    --conf) confs+=("$2"); shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    *) job_args+=("$1"); shift ;;
  esac
done

cmd=("${SPARK_HOME:-/usr/lib/spark}/bin/spark-submit" --master yarn --deploy-mode cluster --name storyreel
  --queue "$queue" --class dev.storyreel.jobs.FilmJob --properties-file "${STORYREEL_SPARK_CONF:-$root/conf/yarn.conf}"
  --files "$root/submit-scripts/gpu-discovery.sh"
  --conf spark.executor.resource.gpu.discoveryScript=./gpu-discovery.sh)
for c in ${confs[@]+"${confs[@]}"}; do
  cmd+=(--conf "$c")
done
cmd+=("$job_jar" ${job_args[@]+"${job_args[@]}"})

if $dry_run; then
  printf '%q ' "${cmd[@]}"; echo
  exit 0
fi
ensure_built
"${cmd[@]}"
