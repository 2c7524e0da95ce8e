#!/usr/bin/env bash
# Installs what the project needs and is missing. Idempotent; caches in .tools/ and node_modules/.
# Used by `make start`, `make test` and `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
TOOLS="$PWD/.tools"

say() { printf '[setup] %s\n' "$*"; }

# 1. the wasm32 target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, exactly the version the crate pins (its test runner comes with it)
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into .tools/ (a few minutes, once)"
  # Not --locked: the locked build asks for a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --force
fi

# 3. Chromium + chromedriver for wasm-bindgen-test and Playwright (Debian packages)
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver with apt-get"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 4. npm dev dependencies (differential tests, wasm-opt, anvil, playwright-core)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
# 5. the SLIP-39 reference implementation (trezor's shamir-mnemonic, pinned) in a Python venv, for
#    the differential test tests/slip39_reference.rs (which reads the version from this line)
SHAMIR_MNEMONIC_VERSION="0.3.0"
if ! "$TOOLS/venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('shamir-mnemonic') != '$SHAMIR_MNEMONIC_VERSION')" 2>/dev/null; then
  if ! python3 -m venv --help >/dev/null 2>&1; then
    say "installing python3-venv with apt-get"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
  fi
  say "installing shamir-mnemonic $SHAMIR_MNEMONIC_VERSION into .tools/venv"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "shamir-mnemonic==$SHAMIR_MNEMONIC_VERSION"
fi
say "toolchain ready"
