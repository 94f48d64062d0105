#!/usr/bin/env bash
# Submits the film job to Kubernetes (cluster mode) with GPU executors (nvidia.com/gpu).
# Usage: submit-scripts/submit-k8s.sh --master k8s://https://API:443 --image REGISTRY/storyreel:0.1.0 \
#          [--namespace NS] [--conf K=V]... [--dry-run] [job options...]
#   e.g. ... --catalogue s3a://bucket/in/catalogue.csv --out s3a://bucket/out/run1 --gpu-per-task 0.5
# Needs $SPARK_HOME/bin/spark-submit (a Spark 4.1.1 distribution) unless --dry-run. The image
# (conf/k8s/Dockerfile) holds the job jar and the GPU discovery script. Properties: conf/k8s.conf.
set -euo pipefail
# shellcheck source=submit-scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

master=${STORYREEL_K8S_MASTER:-}
image=${STORYREEL_IMAGE:-}
namespace=default
dry_run=false
confs=()
job_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) master=$2; shift 2 ;;
    --image) image=$2; shift 2 ;;
    --namespace) namespace=$2; shift 2 ;;
    --conf) confs+=("$2"); shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    *) job_args+=("$1"); shift ;;
  esac
done
[ -n "$master" ] || { echo "submit-k8s: --master k8s://https://HOST:PORT is required" >&2; exit 2; }
[ -n "$image" ] || { echo "submit-k8s: --image is required (build it with conf/k8s/Dockerfile)" >&2; exit 2; }

cmd=("${SPARK_HOME:-/opt/spark}/bin/spark-submit" --master "$master" --deploy-mode cluster --name storyreel
  --class dev.storyreel.jobs.FilmJob --properties-file "${STORYREEL_SPARK_CONF:-$root/conf/k8s.conf}"
  --conf "spark.kubernetes.container.image=$image"
  --conf "spark.kubernetes.namespace=$namespace"
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=spark
  --conf spark.executor.resource.gpu.vendor=nvidia.com
  --conf spark.executor.resource.gpu.discoveryScript=/opt/storyreel/gpu-discovery.sh)
for c in ${confs[@]+"${confs[@]}"}; do
  cmd+=(--conf "$c")
done
cmd+=(local:///opt/storyreel/storyreel-jobs.jar ${job_args[@]+"${job_args[@]}"})

if $dry_run; then
  printf '%q ' "${cmd[@]}"; echo
  exit 0
fi
"${cmd[@]}"
