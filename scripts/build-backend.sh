#!/usr/bin/env bash
# Builds the backend executable for each platform Grafana runs on, named as Grafana looks for it:
# dist/gpx_cloudeye_<os>_<arch>[.exe]. Static (CGO off) so one file runs on any host of that OS.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64)
mkdir -p dist

# One at a time: each build already uses every core, and parallel links only fight for memory.
for target in "${targets[@]}"; do
  os=${target%/*}
  arch=${target#*/}
  out="dist/gpx_cloudeye_${os}_${arch}"
  [ "$os" = windows ] && out="$out.exe"
  started=$SECONDS
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -ldflags '-s -w' -o "$out" ./pkg
  echo "built $out in $((SECONDS - started))s"
done
