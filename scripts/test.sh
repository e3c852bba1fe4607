#!/usr/bin/env bash
# Runs every test: type check, unit and integration tests (Vitest, against PGlite and the
# PostgreSQL on 127.0.0.1:5432), then the production build and the Playwright tests in Chromium.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

step "Generate the Prisma client"
npm run --silent db:generate

step "Type check"
npx tsc --noEmit

step "Unit and integration tests"
npx vitest run

step "Production build"
npx next build

step "End-to-end tests in Chromium"
npx playwright test
