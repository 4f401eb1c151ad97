#!/usr/bin/env bash
# Runs every test of Kaoping on a fresh machine that has only the .NET SDK.
# It installs and starts what the tests need first (at this stage nothing beyond the SDK and NuGet packages;
# PostgreSQL and Chromium join here when the web app's tests do), then prints "N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

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
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
