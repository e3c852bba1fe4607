#!/usr/bin/env bash
# Brings Runbridge up on a fresh machine: installs, builds, and serves the dashboard in
# production mode on the embedded database with the sample runbook loaded.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

# Fail at once when a running server has locked the data folder, before reinstalling under it.
if [ -d node_modules/tsx ]; then
  LOG_LEVEL=warn node --import tsx scripts/check-data-dir.ts
fi

npm ci --no-audit --no-fund
npm run --silent db:generate
npx next build
exec npm start
