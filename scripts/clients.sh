#!/usr/bin/env bash
# GitHub's own clients against the real server: PyGithub and @octokit/rest run a whole
# journey each, then schemathesis checks every operation against /api/openapi.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/end2end/node_modules/.bin:$PATH"

bin=${GISTFUL_BIN:-target/debug/gistful}
home=$(mktemp -d /tmp/gistful-clients.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export OG_HOME=$home OG_HTTP_PORT=$port OG_LOG_LEVEL=warn
export GISTFUL_URL="http://127.0.0.1:$port"

for user in alice bob; do
  echo "password-of-$user" | "$bin" admin create-user --username "$user" --email "$user@example.com" --password-stdin >/dev/null
done
all=gist:read,gist:write,user:read,user:write
ALICE_TOKEN=$("$bin" admin create-token --username alice --name clients --scopes "$all")
BOB_TOKEN=$("$bin" admin create-token --username bob --name clients --scopes "$all")
export ALICE_TOKEN BOB_TOKEN

OG_SSH_PORT=0 "$bin" serve &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 100); do
  curl -fsS "$GISTFUL_URL/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

echo "--> PyGithub"
.venv/bin/python end2end/clients/pygithub_test.py
echo "--> @octokit/rest"
node end2end/clients/octokit_test.mjs
echo "--> gh (over HTTPS, its own server)"
end2end/clients/gh_test.sh
echo "--> schemathesis"
end2end/clients/schemathesis.sh
