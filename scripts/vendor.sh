#!/usr/bin/env bash
# Copies the browser libraries the site loads on demand (diagrams and math, issue 21) from
# end2end/node_modules (pinned by end2end/package-lock.json) into public/assets/vendor,
# which cargo-leptos copies into the site. Only what the browser fetches: Mermaid's ES
# module build and its chunks (no source maps), KaTeX's ES module, and their licences.
# Idempotent: run by scripts/setup.sh after npm.
set -euo pipefail
cd "$(dirname "$0")/.."

from=end2end/node_modules
to=public/assets/vendor
stamp="$to/.gistful-lock"
if [ -f "$stamp" ] && cmp -s end2end/package-lock.json "$stamp"; then
  exit 0
fi
rm -rf "$to"
mkdir -p "$to/mermaid/chunks/mermaid.esm.min" "$to/katex"
cp "$from/mermaid/dist/mermaid.esm.min.mjs" "$to/mermaid/"
cp "$from"/mermaid/dist/chunks/mermaid.esm.min/*.mjs "$to/mermaid/chunks/mermaid.esm.min/"
cp "$from/mermaid/LICENSE" "$to/mermaid/LICENSE"
cp "$from/katex/dist/katex.mjs" "$to/katex/"
cp "$from/katex/LICENSE" "$to/katex/LICENSE"
cp end2end/package-lock.json "$stamp"
echo "vendor: $(du -sh "$to" | cut -f1) in $to"
