#!/usr/bin/env bash
# Runs every test of Kaoping on a fresh machine that has only the .NET SDK.
# It installs and starts what the tests need first — Debian's PostgreSQL server, Chromium, a CJK font, LibreOffice, nginx —
# then runs all tests and prints "N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
log=$(mktemp)
pgdata=""
cleanup() {
  rm -f "$log"
  if [ -n "$pgdata" ]; then
    as_root su postgres -c "$pgbin/pg_ctl -D $pgdata -m fast stop" >/dev/null 2>&1 || true
    as_root rm -rf "$pgdata"
  fi
}
trap cleanup EXIT

# Debian packages the tests need: PostgreSQL (integration tests on both databases), Chromium and a CJK font (browser
# tests), LibreOffice Writer and Calc (the office client that opens our Word and Excel files in the document tests),
# poppler-utils (pdftotext), WenQuanYi Micro Hei (the Chinese face our PDFs embed) and nginx (the two-node test).
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pg_dump >/dev/null 2>&1 && command -v pg_restore >/dev/null 2>&1 || missing+=(postgresql-client)
# nginx: the two-node test runs Debian's nginx with deploy/nginx/kaoping.conf in front of two web nodes.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# A throw-away PostgreSQL server on 127.0.0.1:5433 for this run.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdata=$(mktemp -d)
chown postgres:postgres "$pgdata" 2>/dev/null || as_root chown postgres:postgres "$pgdata"
as_root su postgres -c "$pgbin/initdb -D $pgdata -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
as_root su postgres -c "$pgbin/pg_ctl -D $pgdata -o '-h 127.0.0.1 -p 5433 -k /tmp' -l $pgdata/log -w start" >/dev/null
export KAOPING_TEST_POSTGRES="Host=127.0.0.1;Port=5433;Username=postgres;Include Error Detail=true"
export KAOPING_CHROMIUM=/usr/bin/chromium

dotnet build Kaoping.slnx -c Release 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  dotnet build Kaoping.slnx -c Release 2>&1 | grep -E 'error' | sort -u | head -n 40
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test --solution Kaoping.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the runners' summaries ("total: N", "failed: N", "succeeded: N", "skipped: N"), one per test project.
read -r passed failed skipped < <(awk '
  /^[[:space:]]*succeeded:/ { p += $2 }
  /^[[:space:]]*failed:/    { f += $2 }
  /^[[:space:]]*skipped:/   { s += $2 }
  END { print p + 0, f + 0, s + 0 }' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run failed without a test failing (a crash, a build error): never report it green
fi
# CI keeps only the end of the output: repeat each failed test's name and first lines of its message here.
if grep -qE '^failed ' "$log"; then
  echo "Failed tests:"
  grep -E -A 8 '^failed ' "$log" | grep -vE '^\s+at System\.' | head -n 120
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
