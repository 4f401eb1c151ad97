#!/usr/bin/env bash
# A/B of two builds under the same load, alternating on this machine so that its drift falls on both alike.
# Usage: bench/load/ab.sh BASE_TREE [rounds] [clients] [seconds] [interval-ms]
#   BASE_TREE: another checkout (e.g. `git worktree add /tmp/base 3d6b6bd`); this tree is the other build.
# Each round runs bench/load/run.sh in the base tree, then in this one; the lines of each run are prefixed A or B.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:?usage: bench/load/ab.sh BASE_TREE [rounds] [clients] [seconds] [interval-ms]}
rounds=${2:-3}
clients=${3:-50}
seconds=${4:-30}
interval=${5:-0}
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    tree=$base; [ "$side" = B ] && tree=$here
    "$tree/bench/load/run.sh" "$clients" "$seconds" "$interval" 2>&1 | sed "s/^/$side$round /" | grep -E "requests|CPU|memory|p99|warm-up|verification" || true
  done
done
