# Keystead. The README's two commands: `make start` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# The runner's default budget is 20 s; a few 600,000-iteration PBKDF2 runs need more.
export WASM_BINDGEN_TEST_TIMEOUT ?= 180

WASM_TARGET := wasm32-unknown-unknown
WASM_RAW    := target/$(WASM_TARGET)/release/keystead.wasm

.PHONY: start test setup pkg dist size lint test-native test-wasm test-diff test-unit test-e2e test-e2e-nl bench screenshots clean

# Ports `make start` uses on 127.0.0.1 (e.g. `make start DEMO_PORT=5174`).
ANVIL_PORT ?= 8545
DEMO_PORT  ?= 5173

## start: install what is missing, build the core, the extension (dist/) and the demo dApp
## (dist-demo/), run anvil and the demo server, and open Chromium with the extension when a
## display is available (else print how to load it). Ctrl-C stops everything it started.
start: setup pkg size
	@ANVIL_PORT=$(ANVIL_PORT) DEMO_PORT=$(DEMO_PORT) scripts/start.sh

## test: install what is missing, then run every test (lint, native, browser, differential,
## end-to-end). The end-to-end tests run last, so the output ends with their summary.
test: setup lint test-native test-wasm pkg test-diff test-unit test-e2e

setup:
	@scripts/setup.sh

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib -- -D warnings

test-native:
	cargo test

# wasm-bindgen-test in headless Chromium (the runner comes with wasm-bindgen-cli in .tools/).
test-wasm:
	cargo test --target $(WASM_TARGET) --test web

pkg:
	@scripts/build-pkg.sh

size: pkg
	@scripts/size.sh

test-diff: pkg
	node --test tests/diff/

# The extension's module structure (no import cycles, the popup's layers), read from its source.
test-unit:
	node --test tests/unit/

# The extension (dist/) and the demo dApp (dist-demo/), built by webpack with the core from pkg/.
dist: pkg
	webpack --stats errors-warnings

# Playwright + Debian's Chromium with dist/ loaded, the viem demo, and anvil on 127.0.0.1:8545
# (and :8546). The files share those ports: as root they run in E2E_JOBS shards (default 2), each
# in its own network namespace; otherwise one at a time (scripts/test-e2e.sh).
# These files run again in Dutch in every `make test`: the language switch, keyboard use, first
# run, masked fields, the accessibility audit and the catalog check of every screen, where longer
# Dutch words break layouts and labels (the whole suite in Dutch: make test-e2e-nl).
E2E_NL_FILES = language keyboard welcome typing-secrets phrase-guard onboarding-connect a11y catalog-text

test-e2e: dist
	@scripts/test-e2e.sh && E2E_LANG=nl E2E_FILES="$(E2E_NL_FILES)" scripts/test-e2e.sh

# The whole end-to-end suite with Chromium in Dutch.
test-e2e-nl: dist
	@E2E_LANG=nl scripts/test-e2e.sh

## bench: time the release core against the JS wallet libraries (Chromium page + Node; bench/), and
## the extension (service-worker cold start, popup; needs 127.0.0.1:8545 free for anvil)
bench: setup pkg
	node bench/run.mjs

clean:
	rm -rf target pkg dist dist-demo

## screenshots: a PNG of every popup screen and approval window, in English and Dutch, light and
## dark, in target/screenshots/ for review (scripts/screenshots.mjs; needs 127.0.0.1:8545 and
## :8546 free for anvil)
screenshots: dist
	node scripts/screenshots.mjs
