#!/usr/bin/env bash
# Every check `make test` runs, in order: cheapest first, so a formatting slip fails fast.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy (server side)"
cargo clippy --locked --all-targets -- -D warnings
step "clippy (browser side)"
cargo clippy --locked -p frontend --target wasm32-unknown-unknown -- -D warnings

step "Rust tests"
cargo test --locked

step "building the site (wasm, JS, CSS) and the server"
cargo leptos build

step "Playwright in Debian's Chromium"
(cd end2end && npx playwright test)
