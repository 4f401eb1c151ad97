#!/usr/bin/env bash
# Adds a migration to both providers' migrations assemblies, so that they never drift apart.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/Kaoping.Data.$provider" --startup-project "src/Kaoping.Data.$provider" --output-dir Migrations
done
