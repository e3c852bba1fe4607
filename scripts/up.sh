#!/usr/bin/env bash
# Brings Runbridge up on a fresh machine: installs, builds, and serves the dashboard in
# production mode on the embedded database with the sample runbook loaded.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npm run --silent db:generate
npx next build
exec npm start
