#!/usr/bin/env bash
# A Spark standalone cluster on 127.0.0.1 from the build's jars (no Spark tarball): a master on
# spark://127.0.0.1:7077 and two workers, separate JVMs, each advertising two fake GPUs through
# submit-scripts/gpu-discovery.sh: worker 1 has GPUs 0,1 and worker 2 has GPUs 2,3.
# Usage: submit-scripts/local-cluster.sh up|down
# Environment: STORYREEL_WORKER_CORES (1), STORYREEL_WORKER_MEMORY (2g), STORYREEL_MASTER_PORT (7077).
set -euo pipefail
# shellcheck source=submit-scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
dir=$state/cluster
spark_home=$dir/spark
master_port=${STORYREEL_MASTER_PORT:-7077}
cores=${STORYREEL_WORKER_CORES:-1}
memory=${STORYREEL_WORKER_MEMORY:-2g}

# SPARK_HOME as Spark's launcher expects it: jars/ (links to the build's Spark distribution jars)
# and a RELEASE file; the workers build their executors' classpath from it.
make_spark_home() {
  rm -rf "$spark_home"
  mkdir -p "$spark_home/jars" "$spark_home/conf"
  local jar name
  tr ':' '\n' <"$target/spark-classpath.txt" | while read -r jar; do
    [ -n "$jar" ] || continue
    name=$(basename "$jar")
    [ -e "$spark_home/jars/$name" ] && name="$(basename "$(dirname "$(dirname "$jar")")")-$name"
    ln -s "$jar" "$spark_home/jars/$name"
  done
  echo "Spark 4.1.1 (jars from the storyreel build)" >"$spark_home/RELEASE"
  # The daemons log at INFO into their files (readiness is read from them); the job stays quiet.
  sed "s/^rootLogger.level *=.*/rootLogger.level = info/" "$root/conf/log4j2.properties" >"$spark_home/conf/log4j2.properties"
}

start() {
  local name=$1; shift
  # shellcheck disable=SC2046 # jvm_opens is a list of flags
  nohup env SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 "${envs[@]}" \
    java -Xmx512m $(jvm_opens) -Dlog4j2.configurationFile="$spark_home/conf/log4j2.properties" \
    -cp "$spark_home/jars/*" "$@" >"$dir/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/$name.pid"
}

registered() {
  grep -q "Successfully registered with master" "$dir/$1.log"
}

up() {
  if [ -f "$dir/master.pid" ] && kill -0 "$(cat "$dir/master.pid")" 2>/dev/null; then
    echo "local cluster already up: spark://127.0.0.1:$master_port" >&2
    return
  fi
  ensure_built
  mkdir -p "$dir"
  make_spark_home
  envs=()
  start master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$master_port" --webui-port 0
  wait_for "spark master" "$(cat "$dir/master.pid")" 120 grep -q "I have been elected leader" "$dir/master.log" \
    || { tail -n 20 "$dir/master.log" >&2; down; exit 1; }
  local i gpus
  for i in 1 2; do
    gpus="$(( (i - 1) * 2 )),$(( (i - 1) * 2 + 1 ))"
    mkdir -p "$dir/work-$i"
    envs=("STORYREEL_FAKE_GPUS=$gpus")
    start "worker-$i" -Dspark.worker.resource.gpu.amount=2 \
      -Dspark.worker.resource.gpu.discoveryScript="$root/submit-scripts/gpu-discovery.sh" \
      org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$master_port" --host 127.0.0.1 \
      --cores "$cores" --memory "$memory" --work-dir "$dir/work-$i" --webui-port 0
  done
  for i in 1 2; do
    wait_for "spark worker $i" "$(cat "$dir/worker-$i.pid")" 120 registered "worker-$i" \
      || { tail -n 20 "$dir/worker-$i.log" >&2; down; exit 1; }
  done
  echo "local cluster up: spark://127.0.0.1:$master_port, 2 workers x $cores core(s) x $memory, GPUs 0,1 and 2,3 (logs: $dir)"
}

down() {
  stop_pidfile "$dir/worker-1.pid"
  stop_pidfile "$dir/worker-2.pid"
  stop_pidfile "$dir/master.pid"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
