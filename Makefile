# Two commands: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/end2end/node_modules/.bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test setup build bench lint clean

## Build in release mode and serve on http://127.0.0.1:3000 (data in ./data).
run: build
	target/release/gistful serve

## Format, lint, and every test: Rust unit/integration, then Playwright in Chromium.
test: setup
	scripts/test.sh

## Install toolchain pieces, Chromium, PostgreSQL and npm packages (idempotent).
setup:
	scripts/setup.sh

## Release build of the server and the hydrated site (wasm optimised with wasm-opt).
build: setup
	cargo leptos build --release --precompress --split

## Load-test the release server against a hello-world baseline; report in bench/results/.
bench:
	bench/run.sh

lint:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings

clean:
	cargo clean
	rm -rf end2end/node_modules end2end/test-results
