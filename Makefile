# giftsim — the two commands a newcomer needs: `make serve` and `make test`.
# Every target installs what it is missing first (offline-friendly: registries only).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: help test lint test-rust tools-rust serve

help:
	@echo "make serve   build and serve the calculator on http://127.0.0.1:$(PORT)/ (PORT to change)"
	@echo "make test    install what is missing and run every test"

## Rust ------------------------------------------------------------------------------------

tools-rust:
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

lint: tools-rust
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

test-rust:
	cargo test

## Everything ------------------------------------------------------------------------------

test: lint test-rust
	@echo "make test: all passed"

serve:
	@echo "The calculator page is not built yet (see issue 'The browser calculator')."
	@echo "Meanwhile the engine answers on the command line:  cargo run -- quote examples/quote-lion-ios.json"
