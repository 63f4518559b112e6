#!/usr/bin/env bash
# Regenerates or adds a migration for all three providers: ./migrations.sh <Name>
set -euo pipefail
cd "$(dirname "$0")"
name=${1:?usage: ./migrations.sh <MigrationName>}
dotnet tool restore >/dev/null
for p in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --project src/Engine --startup-project src/Engine \
    --context "${p}EngineDbContext" --output-dir "Persistence/Migrations/$p"
done
