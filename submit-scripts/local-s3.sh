#!/usr/bin/env bash
# A local S3-compatible server (s3proxy, in-memory "transient" backend) on 127.0.0.1, from the build's jars.
# Usage: submit-scripts/local-s3.sh up     starts it and prints export lines for `eval`
#        (it keeps every object in memory, and a multipart upload twice while it completes:
#        STORYREEL_S3_HEAP, default 4g, is its heap; 1g ran out on the samples with sound stems)
#        submit-scripts/local-s3.sh down   stops it (its buckets are gone)
#        submit-scripts/local-s3.sh env    prints the export lines of the running server
#   eval "$(submit-scripts/local-s3.sh up)"; aws s3 mb s3://films
set -euo pipefail
# shellcheck source=submit-scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
dir=$state/s3
pidfile=$dir/s3proxy.pid

print_env() {
  cat "$dir/env"
}

up() {
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    print_env
    return
  fi
  ensure_built
  mkdir -p "$dir"
  chmod 700 "$dir"
  local port key secret
  port=${STORYREEL_S3_PORT:-$(free_port)}
  key=storyreel
  secret=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  (umask 077
   cat >"$dir/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$key
s3proxy.credential=$secret
s3proxy.ignore-unknown-headers=true
jclouds.provider=transient
jclouds.identity=$key
jclouds.credential=$secret
PROPS
   printf 'export AWS_ENDPOINT_URL=http://127.0.0.1:%s\nexport AWS_ACCESS_KEY_ID=%s\nexport AWS_SECRET_ACCESS_KEY=%s\nexport AWS_DEFAULT_REGION=us-east-1\n' \
     "$port" "$key" "$secret" >"$dir/env")
  nohup java -Xmx"${STORYREEL_S3_HEAP:-4g}" -cp "$(cat "$target/test-classpath.txt")" org.gaul.s3proxy.Main \
    --properties "$dir/s3proxy.properties" >"$dir/s3proxy.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  # Ready when it answers HTTP (any status: an anonymous request is refused with 403).
  if ! wait_for "s3proxy" "$(cat "$pidfile")" 120 \
      port_open "$port"; then
    tail -n 20 "$dir/s3proxy.log" >&2
    stop_pidfile "$pidfile"
    exit 1
  fi
  echo "# s3proxy on http://127.0.0.1:$port (log: $dir/s3proxy.log); stop with: $0 down" >&2
  print_env
}

case "${1:-}" in
  up) up ;;
  down) stop_pidfile "$pidfile"; rm -f "$dir/env" "$dir/s3proxy.properties" ;;
  env) print_env ;;
  *) echo "usage: $0 up|down|env" >&2; exit 2 ;;
esac
