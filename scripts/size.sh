#!/usr/bin/env bash
# Prints the core's .wasm size, raw and gzipped (-9), as shipped in pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
f=pkg/keystead_bg.wasm
raw=$(stat -c %s "$f")
gz=$(gzip -9 -c "$f" | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "keystead_bg.wasm: %d bytes raw (%.1f KB), %d bytes gzipped (%.1f KB)\n", r, r/1024, g, g/1024 }'
