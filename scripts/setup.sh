#!/usr/bin/env bash
# Installs everything Gistful needs to build, run and test, from the registries this
# machine reaches. Idempotent: each step checks first and is skipped when satisfied.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "apt: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Debian: the browser for Playwright, PostgreSQL and MariaDB for the database tests (the
# tests start private servers; the system's are never configured or used), pkg-config and a
# C toolchain for the bundled libgit2/SQLite, git (the server runs it for clones and
# pushes over HTTP), Node for Playwright and wasm-opt; slapd and ldap-utils for a private
# LDAP directory the sign-in tests start (the system's slapd is never configured or run);
# OpenSSL's headers for webauthn-rs (passkeys), which verifies signatures with OpenSSL;
# OpenSSH's client (ssh, ssh-keygen) for the git-over-SSH tests; GitHub's CLI (gh) and
# openssl (a test CA for the HTTPS it needs) for the gh client test.
apt_install chromium postgresql mariadb-server pkg-config build-essential curl git slapd ldap-utils libssl-dev openssh-client gh openssl
command -v npm >/dev/null || apt_install nodejs npm

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup: adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  step "cargo: installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes, once)"
  # --locked: without it the resolver picks crates that need a newer rustc.
  # no_downloads: cargo-leptos must not fetch tools; we provide wasm-bindgen and wasm-opt.
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "cargo: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (must equal the crate version)"
  # Not --locked: its lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm: Playwright, binaryen's wasm-opt (runs on Node), oidc-provider (the OpenID provider
# the sign-in tests start), Mermaid and KaTeX (bundled into the site, see vendor.sh),
# pinned by end2end/package-lock.json.
stamp=end2end/node_modules/.gistful-lock
if [ ! -f "$stamp" ] || ! cmp -s end2end/package-lock.json "$stamp"; then
  step "npm: installing end2end packages"
  (cd end2end && npm ci --no-audit --no-fund)
  cp end2end/package-lock.json "$stamp"
fi

# The diagram and math libraries the site loads on demand, from those npm packages.
scripts/vendor.sh

# PyPI: PyGithub and schemathesis for the API client tests, in a project venv.
pystamp=.venv/.gistful-requirements
if [ ! -f "$pystamp" ] || ! cmp -s end2end/clients/requirements.txt "$pystamp"; then
  step "pip: installing end2end/clients/requirements.txt into .venv"
  command -v python3 >/dev/null || apt_install python3
  python3 -m venv .venv 2>/dev/null || { apt_install python3-venv; python3 -m venv .venv; }
  .venv/bin/pip install --quiet --disable-pip-version-check -r end2end/clients/requirements.txt
  cp end2end/clients/requirements.txt "$pystamp"
fi

step "tools ready: $(cargo leptos --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
