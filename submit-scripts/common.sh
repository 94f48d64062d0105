#!/usr/bin/env bash
# Shared by the submit scripts (sourced, not run): the project root, the build's jars, the JVM flags.
# shellcheck disable=SC2034 # the variables are used by the scripts that source this file
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=$root/jobs/target
job_jar=$target/storyreel-jobs-0.1.0-SNAPSHOT-spark.jar
# Where the local S3 server and the local cluster keep their pid files, logs and state.
state=${STORYREEL_LOCAL_STATE:-/tmp/storyreel-local}

# Builds the project when a jar or classpath file is missing or older than the sources.
ensure_built() {
  local newest
  newest=$(cd "$root" && find pom.xml lib/pom.xml jobs/pom.xml lib/src/main jobs/src/main -type f -newer "$job_jar" -print -quit 2>/dev/null || true)
  if [ ! -f "$job_jar" ] || [ ! -f "$target/spark-classpath.txt" ] || [ ! -f "$target/test-classpath.txt" ] \
      || [ ! -f "$target/runtime-classpath.txt" ] || [ -n "$newest" ]; then
    echo "building storyreel (mvn install, tests skipped)..." >&2
    (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests install >&2)
  fi
}

# The JVM flags Spark needs on Java 17 (the same list as the pom's spark.jvm.opens).
jvm_opens() {
  sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$root/pom.xml"
}

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until a condition command succeeds, up to N seconds, while process PID lives.
wait_for() {
  local what=$1 pid=$2 seconds=$3; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$what exited while starting" >&2
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$what not ready after ${seconds}s" >&2
      return 1
    fi
    sleep 0.2
  done
}

# Whether something answers on 127.0.0.1:PORT (HTTP with curl when present, else a TCP connect).
port_open() {
  if command -v curl >/dev/null; then
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# Stops the process whose pid is in FILE (TERM, then KILL after 10 s) and removes the file.
stop_pidfile() {
  local file=$1 pid i
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$file"
}
