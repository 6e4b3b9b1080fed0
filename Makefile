# giftsim — the two commands a newcomer needs: `make serve` and `make test`.
# Every target installs what it is missing first (offline-friendly: registries only).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
# apt-get needs root; use sudo when not root (CI runs as root).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The WASM build: no CLI dependencies (clap, rayon, indicatif).
WASM_SOURCES := $(shell find src -name '*.rs' -o -name '*.json' -o -name '*.d.ts') Cargo.toml Cargo.lock

.PHONY: bench bench-quick help test lint test-rust tools-rust serve tools-wasm tools-browser tools-node wasm wasm-lean npm www dist serve-dist types \
	test-types test-wasm test-e2e test-fuzz test-size tools-python python test-python bench-python

help:
	@echo "make serve   build and serve the calculator on http://127.0.0.1:$(PORT)/ (PORT to change)"
	@echo "make test    install what is missing and run every test"
	@echo "make dist    build dist/, the static folder to deploy (docs/deploying.md)"
	@echo "make python  build the Python package's wheel into target/wheels/ (python/README.md)"
	@echo "make types   regenerate src/wasm_types.d.ts, www/js/lab/shapes.js and python/giftsim/_types.pyi from docs/schema/"

## Rust ------------------------------------------------------------------------------------

tools-rust:
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

lint: tools-rust
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy -p giftsim-python -- -D warnings

test-rust:
	cargo test

## WebAssembly, npm package and page ---------------------------------------------------------

tools-wasm:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@command -v wasm-pack >/dev/null || cargo install wasm-pack --locked
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# npm ci only when package-lock.json changed since the last install.
tools-node: node_modules/.ci-stamp
node_modules/.ci-stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# A Japanese font too, so that the Japanese pages are laid out (and screenshot) as readers see them.
tools-browser:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver fonts-ipafont-gothic; }

# The npm package: ES module + .wasm + TypeScript types, every operation and every time zone,
# optimized for speed by wasm-opt (from the npm package binaryen, found on PATH, so wasm-pack
# downloads nothing). The pricing lab runs this one.
wasm: pkg/giftsim_bg.wasm
pkg/giftsim_bg.wasm: $(WASM_SOURCES) | tools-wasm tools-node
	wasm-pack build --release --target web --out-dir pkg . -- --no-default-features --features simulate,tzdb
	@touch $@

# The calculator page and the embedded widget need no simulation and carry no time-zone
# database (the page loads a zone's file from www/tz/ when it needs one): the lean build,
# optimized for size (opt-level z, wasm-opt -Oz), in its own target folder so the two builds
# do not rebuild each other.
wasm-lean: pkg-lean/giftsim_bg.wasm
pkg-lean/giftsim_bg.wasm: $(WASM_SOURCES) | tools-wasm tools-node
	CARGO_TARGET_DIR=target/lean wasm-pack build --release --no-opt --target web --out-dir pkg-lean . -- \
		--no-default-features --config 'profile.release.opt-level="z"'
	wasm-opt -Oz pkg-lean/giftsim_bg.wasm -o pkg-lean/giftsim_bg.wasm
	@touch $@

# The npm package `giftsim` as published: both builds (the lean one as `giftsim/lean`), an entry
# per host (Node ESM and CommonJS, browsers and bundlers), DOM-free types, its own README
# (npm/README.md), packed into target/npm/giftsim-<version>.tgz.
npm: target/npm/.stamp
target/npm/.stamp: pkg/giftsim_bg.wasm pkg-lean/giftsim_bg.wasm scripts/npm-package.mjs npm/README.md LICENSE-APACHE LICENSE-MIT
	node scripts/npm-package.mjs
	@touch $@

# The page's build output: the engine, each time zone's TZif file (from the npm build's pinned
# database, so the page and the CLI read the same bytes) and the chart library, in www/.
www: wasm wasm-lean
	@mkdir -p www/pkg www/pkg-full www/vendor
	@cp pkg-lean/giftsim.js pkg-lean/giftsim_bg.wasm www/pkg/
	@cp pkg/giftsim.js pkg/giftsim_bg.wasm www/pkg-full/
	@cp node_modules/chart.js/dist/chart.umd.min.js www/vendor/
	@node scripts/tz-files.mjs
	@node scripts/wasm-size.mjs

serve: tools-node www
	PORT=$(PORT) node scripts/serve.mjs

# www/ as a static folder for any host or CDN (content-hashed names, .br and .gz, cache headers,
# preload hints): dist/. docs/deploying.md says how to serve it; `make serve-dist` serves it as
# a production host would.
dist: www
	node scripts/dist.mjs

serve-dist: dist
	PORT=$(PORT) node scripts/serve.mjs --root dist

types: tools-node tools-python
	node scripts/wasm-types.mjs
	node scripts/lab-shapes.mjs
	$(PY) scripts/python-types.py

## Python package ---------------------------------------------------------------------------

# Our own virtual environment (target/python/venv) with the pinned tools of
# python/requirements-dev.txt: maturin, pytest, and pandas and tqdm, which the package uses when
# they are there. Debian's python3-venv is installed only where `venv` is missing.
PY_VENV := target/python/venv
PY := $(PY_VENV)/bin/python
PYTHON_SOURCES := $(shell find python/giftsim python/src -type f -not -name '*.pyc') \
	python/Cargo.toml python/pyproject.toml python/README.md

tools-python: $(PY_VENV)/.stamp
$(PY_VENV)/.stamp: python/requirements-dev.txt
	@python3 -c 'import venv, ensurepip' 2>/dev/null || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y python3 python3-venv python3-pip; }
	python3 -m venv $(PY_VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r python/requirements-dev.txt
	@touch $@

# The wheel, one for every CPython from 3.9 (the stable ABI):
# target/wheels/giftsim-<version>-cp39-abi3-<platform>.whl. `pip install` it, or `pip install ./python`.
python: target/wheels/.stamp
target/wheels/.stamp: $(WASM_SOURCES) $(PYTHON_SOURCES) | tools-python
	rm -f target/wheels/giftsim-*.whl
	cd python && ../$(PY_VENV)/bin/maturin build --release --quiet --out ../target/wheels
	@touch $@

# The wheel installed in that environment, as users install it.
$(PY_VENV)/.giftsim-stamp: target/wheels/.stamp
	$(PY) -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/giftsim-*.whl
	@touch $@

# pytest against the installed wheel (and the CLI, whose JSON every answer must match byte for
# byte); it also installs the wheel into a fresh environment of its own.
test-python: $(PY_VENV)/.giftsim-stamp
	cargo build --quiet --bin giftsim
	GIFTSIM_CLI=target/debug/giftsim GIFTSIM_WHEEL="$$(ls target/wheels/giftsim-*.whl)" \
		$(PY) -m pytest -q -p no:cacheprovider python/tests

## Tests of the web surfaces ---------------------------------------------------------------

# The TypeScript types are current with the schemas, and type-check real use of the package.
test-types: tools-node npm
	node scripts/wasm-types.mjs --check
	node scripts/lab-shapes.mjs --check
	tsc -p tests/e2e/tsconfig.json

# The JS edge itself (tests/web.rs), in headless Chromium with wasm-bindgen-test; Chromium's
# options are in webdriver.json. This is what `wasm-pack test --headless --chrome` runs, minus
# its `--tests`, which would also build the unit tests whose native-only dev-dependencies
# (proptest) do not build for wasm32. Clippy checks the wasm-only code too.
test-wasm: tools-wasm tools-browser
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features simulate,tzdb --lib --test web -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --lib -- -D warnings
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
		cargo test --target wasm32-unknown-unknown --no-default-features --features simulate,tzdb --test web

# The page end to end in Debian's Chromium (Playwright without its own browser download).
# The page end to end, plus the WASM edge against the CLI (cross-target determinism and the
# bad-input catalogue), which needs the CLI built.
test-e2e: tools-node tools-browser dist npm
	cargo build --quiet --bin giftsim
	node --test --test-concurrency=1 tests/e2e/

# A short fuzzing smoke (libFuzzer through cargo-fuzz, 20 s per target); longer runs:
# `scripts/fuzz.sh SECONDS` (see docs/fuzzing.md).
test-fuzz: tools-rust
	scripts/fuzz.sh 20

# What the calculator and the widget download stays within its budget (250 KB of gzipped
# WebAssembly; 260 KB for the widget's first download from dist/, Brotli as served): sizes are
# deterministic, so this fails the build instead of printing a warning.
test-size: dist
	node scripts/wasm-size.mjs --check

## Benchmarks -------------------------------------------------------------------------------

# Speed, size and memory, natively and as WASM in Chromium, against the budgets (exits 1 when
# one fails). Not part of `make test`: timings are noisy. `bench-quick` is a short smoke run.
bench: tools-node tools-browser dist bench-python
	node scripts/bench.mjs

bench-quick: tools-node tools-browser dist
	node scripts/bench.mjs --quick

# The Python package against shelling out to the CLI, as notebook users did before it.
bench-python: $(PY_VENV)/.giftsim-stamp
	cargo build --release --quiet --bin giftsim
	$(PY) scripts/python-bench.py target/release/giftsim

## Everything ------------------------------------------------------------------------------

test: lint test-rust test-types test-size test-wasm test-e2e test-python test-fuzz
	@echo "make test: all passed"
