#!/usr/bin/env bash
# Spark resource discovery script for GPUs: prints {"name":"gpu","addresses":[...]}.
# STORYREEL_FAKE_GPUS="0,1" advertises those addresses (the local cluster's fake GPUs, one set per
# worker); otherwise the GPUs nvidia-smi lists. Spark runs it on each worker/executor at start.
set -euo pipefail
if [ -n "${STORYREEL_FAKE_GPUS:-}" ]; then
  ids=$STORYREEL_FAKE_GPUS
else
  ids=$(nvidia-smi --query-gpu=index --format=csv,noheader | tr -d ' ' | paste -sd, -)
fi
printf '{"name":"gpu","addresses":[%s]}\n' "$(printf '%s' "$ids" | sed 's/[^,][^,]*/"&"/g')"
