#!/usr/bin/env bash
# Every check `make test` runs, in order: cheapest first, so a formatting slip fails fast.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# A fresh clone gains nothing from incremental compilation, and its caches doubled the
# target directory (about 13 GB); a developer who wants them sets CARGO_INCREMENTAL=1.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step() { current="$*"; printf '\033[1m==> %s\033[0m\n' "$*"; }
# When a step fails, its own message can scroll out of a log's tail: name the step and the
# free disk (a full disk is the usual reason a build dies with a bare backtrace).
current=""
GISTFUL_PG_DIR=""
GISTFUL_MARIADB_DIR=""
on_exit() {
  local rc=$?
  [ -z "$GISTFUL_PG_DIR" ] || scripts/pg.sh stop "$GISTFUL_PG_DIR" || true
  [ -z "$GISTFUL_MARIADB_DIR" ] || scripts/mariadb.sh stop "$GISTFUL_MARIADB_DIR" || true
  if [ "$rc" -ne 0 ]; then
    printf '\n==> FAILED in step: %s (exit %s); free disk here: %s\n' \
      "$current" "$rc" "$(df -h --output=avail . | tail -1 | tr -d ' ')" >&2
  fi
  return "$rc"
}
trap on_exit EXIT

step "rustfmt"
cargo fmt --all --check

step "clippy (server side)"
cargo clippy --locked --all-targets -- -D warnings
step "clippy (browser side)"
cargo clippy --locked -p frontend --target wasm32-unknown-unknown -- -D warnings

step "starting a throwaway PostgreSQL and MariaDB on 127.0.0.1"
eval "$(scripts/pg.sh)"
eval "$(scripts/mariadb.sh)"
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
