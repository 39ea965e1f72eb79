#!/usr/bin/env bash
# Installs what the project needs and runs every check and test: the one command CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

step "install npm packages"
npm ci --no-audit --no-fund

step "install Go modules"
go mod download

step "lint, format and type-check"
npm run lint
npx prettier --check .
npm run typecheck
test -z "$(gofmt -l pkg)" || { echo "gofmt would change:"; gofmt -l pkg; exit 1; }
go vet ./...

step "build the plugin (frontend, core bundle, backend executables)"
npm run build
# The build rewrites the embedded core bundle; a difference means the committed one was stale.
git diff --exit-code --stat pkg/core/bundle/ ||
  { echo "pkg/core/bundle/core.js is stale: run npm run build:core and commit it"; exit 1; }

step "Jest (contract, core, plugin, service)"
npx jest --ci

step "Go tests (client, core parity, frames, handlers, harness against the built executable)"
go test -race -count=1 ./...

step "done"
echo "all checks passed in ${SECONDS}s"
