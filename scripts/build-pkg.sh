#!/usr/bin/env bash
# Builds the release core and generates pkg/ (wasm-bindgen --target web), then shrinks the .wasm
# with the npm package binaryen's wasm-opt (Debian's binaryen 108 produces broken modules).
# -Oz --converge --low-memory-unused: 1.4 KB smaller gzipped than -Os, signing not slower
# (docs/benchmarks.md). --low-memory-unused lets wasm-opt fold constant offsets into loads and
# stores; it holds for Rust's layout (the stack fills the first 1 MB, no pointer wraps to 0..1K).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/node_modules/.bin:$PATH"

cargo build --release --lib --target wasm32-unknown-unknown
rm -rf pkg.tmp
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir pkg.tmp --out-name keystead \
  target/wasm32-unknown-unknown/release/keystead.wasm
if command -v wasm-opt >/dev/null && wasm-opt --version | grep -q 'version 1[2-9][0-9]'; then
  wasm-opt -Oz --converge --low-memory-unused --strip-debug --enable-simd --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    pkg.tmp/keystead_bg.wasm -o pkg.tmp/keystead_bg.opt.wasm
  mv pkg.tmp/keystead_bg.opt.wasm pkg.tmp/keystead_bg.wasm
else
  echo "[pkg] wasm-opt (npm binaryen) not found: pkg/keystead_bg.wasm is not optimized" >&2
fi
rm -rf pkg && mv pkg.tmp pkg
