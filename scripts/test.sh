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

step "starting a throwaway PostgreSQL and MariaDB on 127.0.0.1"
eval "$(scripts/pg.sh)"
trap 'scripts/pg.sh stop "$GISTFUL_PG_DIR"' EXIT
eval "$(scripts/mariadb.sh)"
trap 'scripts/pg.sh stop "$GISTFUL_PG_DIR"; scripts/mariadb.sh stop "$GISTFUL_MARIADB_DIR"' EXIT
# Service tests run on SQLite and on these servers; their absence must fail, not shrink
# the suite.
export GISTFUL_TEST_PG GISTFUL_REQUIRE_PG=1 GISTFUL_TEST_MYSQL GISTFUL_REQUIRE_MYSQL=1

step "Rust tests (SQLite, PostgreSQL and MariaDB)"
cargo test --locked

step "GitHub clients against the real server: PyGithub, @octokit/rest, schemathesis"
scripts/clients.sh

step "building the site (wasm, JS, CSS) and the server"
cargo leptos build --split

step "Playwright in Debian's Chromium"
(cd end2end && npx playwright test)
