#!/usr/bin/env bash
# Measures the web app on 127.0.0.1 with the embedded SQLite database: time to the first page after start,
# resident memory when idle, then 50 concurrent API clients updating findings for 30 s (Kaoping.Load).
# Usage: bench/load/run.sh [clients] [seconds] [interval-ms] [warm-up-seconds]
#   interval 0: closed loop (each client sends its next update when the last is answered), the default.
#   warm-up (default 10 s): the same load first, on sheets of its own, and reported apart. A fresh process runs its
#   first seconds on code the JIT has not optimised yet; the measured run is of a server in service.
# KAOPING_SERVER_ENV="NAME=value …" is given to the server alone (e.g. DOTNET_gcServer=0 to compare the runtime's GC modes).
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-50}
seconds=${2:-30}
interval=${3:-0}
warmup=${4:-10}
port=5090
data=$(mktemp -d ${KAOPING_LOAD_TMP:+-p $KAOPING_LOAD_TMP})
dotnet build -c Release src/Kaoping.Web >/dev/null
dotnet build -c Release bench/load/Kaoping.Load >/dev/null

start=$(date +%s.%N)
# The project folder is the content root, as with `dotnet run`: its appsettings.json (log levels) applies.
ASPNETCORE_ENVIRONMENT=Production Kaoping__DataDirectory="$data" Kaoping__Demo__Enabled=true \
  Kaoping__DataProtection__Key="$(head -c 32 /dev/urandom | base64)" \
  env ${KAOPING_SERVER_ENV:-} dotnet artifacts/bin/Kaoping.Web/release/Kaoping.Web.dll --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Kaoping.Web" >"$data/web.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/account/login"; do sleep 0.05; done
ready=$(date +%s.%N)
echo "first page: $(awk "BEGIN { printf \"%.2f\", $ready - $start }") s after start (the sign-in page, once the fresh database is prepared)"
until grep -q "Database ready" "$data/web.log"; do sleep 0.05; done
prepared=$(date +%s.%N)
echo "database ready (sign-in possible): $(awk "BEGIN { printf \"%.2f\", $prepared - $start }") s after start (migrations and demo data included)"
sleep 10
echo "idle resident memory: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$pid/status)"
if [ "$warmup" -gt 0 ]; then
  echo "warm-up: $(dotnet artifacts/bin/Kaoping.Load/release/Kaoping.Load.dll --url "http://127.0.0.1:$port" --clients "$clients" --seconds "$warmup" --interval-ms "$interval" | tr '\n' ' ')"
fi
cpu_before=$(awk '{print $14 + $15}' /proc/$pid/stat)
status=0
report=$(dotnet artifacts/bin/Kaoping.Load/release/Kaoping.Load.dll --url "http://127.0.0.1:$port" --clients "$clients" --seconds "$seconds" --interval-ms "$interval") || status=$?
cpu_after=$(awk '{print $14 + $15}' /proc/$pid/stat)
echo "$report"
# CPU time is steadier than req/s on a shared machine: the server's CPU per request (setup and verification included).
requests=$(echo "$report" | sed -n 's/.* \([0-9]*\) requests,.*/\1/p')
ticks=$(getconf CLK_TCK)
echo "server CPU during the run: $(awk "BEGIN { printf \"%.1f s, %.2f ms per request\", ($cpu_after - $cpu_before) / $ticks, ($cpu_after - $cpu_before) * 1000 / $ticks / ($requests > 0 ? $requests : 1) }")"
echo "resident memory after the load: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$pid/status)"
exit $status
