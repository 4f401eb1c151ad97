#!/usr/bin/env bash
# Two web nodes on one PostgreSQL database behind nginx (deploy/nginx/kaoping.conf, only ports and paths changed),
# then Kaoping.Load through nginx over HTTPS: paced assessors updating findings, and the check that the database holds
# exactly what was acknowledged. Optionally kills node 1 (kill -9) halfway.
# Usage: bench/load/nodes.sh [clients] [seconds] [interval-ms] [kill-halfway: 0|1] [sheets]
# Needs KAOPING_BENCH_POSTGRES (or KAOPING_TEST_POSTGRES): a server where it may create a database; nginx; openssl.
# KAOPING_LOAD_CROSS_NODE=N: at a quarter of the run, N changes on node 1 timed until shown on a sheet page open on
# node 2 (bench/page/cross-node.mjs; npm ci in bench/page first), under the load.
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-500}
seconds=${2:-600}
interval=${3:-5000}
kill_halfway=${4:-0}
sheets=${5:-0}
# Ports: node 1, node 2, nginx http, nginx https from this one on.
base=${KAOPING_LOAD_PORT_BASE:-5110}
n1=$base n2=$((base + 1)) http=$((base + 2)) https=$((base + 3))
server=${KAOPING_BENCH_POSTGRES:-${KAOPING_TEST_POSTGRES:?set KAOPING_BENCH_POSTGRES to a PostgreSQL server}}
database=kaoping_bench_$(date +%s)
dir=$(mktemp -d)
chmod 755 "$dir"
if [ -z "${KAOPING_LOAD_NO_BUILD:-}" ]; then # set it when the Release builds are current
  dotnet build -c Release src/Kaoping.Web >/dev/null
  dotnet build -c Release src/Kaoping.Cli >/dev/null
  dotnet build -c Release bench/load/Kaoping.Load >/dev/null
fi

# The Npgsql connection string as libpq's keywords, for psql.
libpq=$(echo "$server" | tr ';' '\n' | awk -F= '{ k = tolower($1) } k == "host" { print "host=" $2 } k == "port" { print "port=" $2 }
  k == "username" { print "user=" $2 } k == "password" { print "password=" $2 }' | paste -sd' ')
psql "$libpq dbname=postgres" -q -c "CREATE DATABASE $database"
export ASPNETCORE_ENVIRONMENT=Production Kaoping__ForwardedHeaders__KnownProxies__0=127.0.0.1 Kaoping__Database__Provider=Postgres
export ConnectionStrings__Kaoping="$server;Database=$database" Kaoping__Demo__Enabled=true
export Kaoping__DataProtection__Key="$(head -c 32 /dev/urandom | base64)" Kaoping__EvidenceDirectory="$dir/evidence"
export Logging__LogLevel__Default=Warning
dotnet artifacts/bin/Kaoping.Cli/release/kaoping.dll migrate >/dev/null
# Published as deploy/ says: a build's output alone serves no static web assets in Production (no Blazor script).
dotnet publish src/Kaoping.Web -c Release --no-build -o "$dir/web" >/dev/null
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  psql "$libpq dbname=postgres" -q -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
  rm -rf "$dir"
}
trap cleanup EXIT
start_node() { # port number
  Kaoping__DataDirectory="$dir/node$2" ASPNETCORE_URLS="http://127.0.0.1:$1" \
    dotnet "$dir/web/Kaoping.Web.dll" --contentRoot "$dir/web" >"$dir/node$2.log" 2>&1 &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$1/health/ready"; do
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "node $2 exited:"; tail -20 "$dir/node$2.log"; exit 1; }
    sleep 0.2
  done
}
start_node $n1 1 # seeds the demo, then the second node on the same database
start_node $n2 2

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
sed -e "s/server 127.0.0.1:5193/server 127.0.0.1:$n1/; s/server 127.0.0.1:5194/server 127.0.0.1:$n2/" \
    -e "s/listen 80;/listen 127.0.0.1:$http;/; s/listen \[::\]:80;/listen [::1]:$http;/" \
    -e "s/listen 443 ssl/listen 127.0.0.1:$https ssl/; s/listen \[::\]:443 ssl/listen [::1]:$https ssl/" \
    -e "s#/etc/ssl/kaoping/#$dir/#" deploy/nginx/kaoping.conf >"$dir/kaoping.conf"
cat >"$dir/nginx.conf" <<CONF
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $dir/body; proxy_temp_path $dir/proxy; fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
    include $dir/kaoping.conf;
}
CONF
nginx -p "$dir" -c "$dir/nginx.conf"
until curl -sf --cacert "$dir/fullchain.pem" -o /dev/null https://127.0.0.1:$https/account/login; do sleep 0.2; done

if [ -n "${KAOPING_LOAD_CROSS_NODE:-}" ]; then
  (sleep $((seconds / 4)); node bench/page/cross-node.mjs "http://127.0.0.1:$n1" "http://127.0.0.1:$n2" "$KAOPING_LOAD_CROSS_NODE" \
    || echo "cross-node timing failed") &
fi
if [ "$kill_halfway" = 1 ]; then
  (sleep $((seconds / 2)); kill -9 "${pids[0]}"; echo "node 1 killed (kill -9) at $((seconds / 2)) s") &
fi
status=0
dotnet artifacts/bin/Kaoping.Load/release/Kaoping.Load.dll --url https://127.0.0.1:$https --ca "$dir/fullchain.pem" \
  --clients "$clients" --seconds "$seconds" --interval-ms "$interval" --sheets "$sheets" || status=$?
echo "sheets in the database: $(psql "$libpq dbname=$database" -tAc 'SELECT count(*) FROM "Sheets"')"
exit $status
