#!/usr/bin/env bash
# GitHub's own CLI, Debian's `gh`, against a Gistful serving HTTPS itself: `gh` talks to an
# enterprise host only over HTTPS (REST under /api/v3, GraphQL at /api/graphql). A CA made
# here signs the server's certificate; `gh` trusts it through SSL_CERT_FILE and git through
# GIT_SSL_CAINFO. Runs create, list, view, edit, clone and delete, and checks each result.
set -euo pipefail
cd "$(dirname "$0")/../.."

bin=${GISTFUL_BIN:-target/debug/gistful}
work=$(mktemp -d /tmp/gistful-gh.XXXXXX)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

fail() { echo "gh_test: $*" >&2; exit 1; }
expect() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }
refuse() { if grep -qF -- "$2" <<<"$1"; then fail "did not expect '$2' in: $1"; fi; }

# A throwaway CA and a certificate for 127.0.0.1 signed by it.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -keyout "$work/ca.key" -out "$work/ca.pem" -subj "/CN=Gistful test CA" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$work/server.key" -out "$work/server.csr" -subj "/CN=127.0.0.1" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$work/ext.cnf"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
  -CAcreateserial -out "$work/server.pem" -days 2 -extfile "$work/ext.cnf" 2>/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export OG_HOME=$work/home OG_HTTP_PORT=$port OG_LOG_LEVEL=warn OG_SSH_PORT=0
export OG_HTTP_TLS_ENABLED=true OG_HTTP_CERT_FILE=$work/server.pem OG_HTTP_KEY_FILE=$work/server.key
for user in alice bob; do
  echo "password-of-$user" | "$bin" admin create-user --username "$user" --email "$user@example.com" --password-stdin >/dev/null
done
alice=$("$bin" admin create-token --username alice --name gh --scopes gist:read,gist:write,user:read)
bob=$("$bin" admin create-token --username bob --name gh --scopes gist:read,gist:write,user:read)
"$bin" serve &
server=$!
for _ in $(seq 100); do
  curl -fsS --cacert "$work/ca.pem" "https://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
# A client that connects and never says a word holds up nobody else: this one stays
# open, silent, for the whole run.
exec 3<>"/dev/tcp/127.0.0.1/$port"
# Plain HTTP gets no answer on the TLS port.
if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then fail "plain HTTP answered"; fi

export SSL_CERT_FILE=$work/ca.pem GIT_SSL_CAINFO=$work/ca.pem GH_HOST=127.0.0.1:$port
export GH_CONFIG_DIR=$work/gh GH_NO_UPDATE_NOTIFIER=1 GH_PROMPT_DISABLED=1 NO_COLOR=1
export GIT_CONFIG_GLOBAL=$work/gitconfig GIT_TERMINAL_PROMPT=0
# `gh gist edit` opens $GH_EDITOR on the file: this one rewrites it.
printf '#!/bin/sh\necho "print(\\"edited by gh\\")" > "$1"\n' >"$work/editor.sh"
chmod +x "$work/editor.sh"
export GH_EDITOR=$work/editor.sh
as_alice() { GH_ENTERPRISE_TOKEN=$alice gh "$@"; }
as_bob() { GH_ENTERPRISE_TOKEN=$bob gh "$@"; }

cd "$work"
echo 'print("hello")' >hello.py
echo 'x = 1' >public.py
echo 'added' >added.txt

echo "gh gist create"
secret_url=$(as_alice gist create hello.py -d "secret from gh" 2>/dev/null)
public_url=$(as_alice gist create --public public.py -d "public from gh" 2>/dev/null)
secret=${secret_url##*/}
public=${public_url##*/}
expect "$secret_url" "https://127.0.0.1:$port/alice/"
[[ $secret =~ ^[0-9a-f]{32}$ ]] || fail "no gist id in $secret_url"

echo "gh gist list (GraphQL)"
all=$(as_alice gist list)
expect "$all" "$secret"$'\t'"secret from gh"
expect "$all" "$public"$'\t'"public from gh"
only_public=$(as_alice gist list --public)
expect "$only_public" "$public"
refuse "$only_public" "$secret"
only_secret=$(as_alice gist list --secret)
expect "$only_secret" "$secret"
refuse "$only_secret" "$public"
# Bob's list holds none of Alice's gists.
bobs=$(as_bob gist list)
refuse "$bobs" "$secret"
refuse "$bobs" "$public"

echo "gh gist view"
view=$(as_alice gist view "$secret" --raw)
expect "$view" "secret from gh"
expect "$view" 'print("hello")'

echo "gh gist edit"
as_alice gist edit "$secret" -d "renamed by gh" >/dev/null
as_alice gist edit "$secret" -a added.txt >/dev/null
view=$(as_alice gist view "$secret" --raw)
expect "$view" "renamed by gh"
expect "$view" 'print("edited by gh")'
refuse "$view" 'print("hello")'
expect "$(as_alice gist view "$secret" --files)" "added.txt"
# Bob may not edit Alice's gist.
if as_bob gist edit "$secret" -a added.txt >/dev/null 2>&1; then fail "bob edited alice's gist"; fi

echo "gh gist clone"
as_alice gist clone "$secret" cloned >/dev/null 2>&1
expect "$(cat cloned/hello.py)" 'print("edited by gh")'
expect "$(cat cloned/added.txt)" "added"

echo "gh gist delete"
as_alice gist delete "$secret"
if as_alice gist view "$secret" >/dev/null 2>&1; then fail "the deleted gist still shows"; fi
all=$(as_alice gist list)
refuse "$all" "$secret"
expect "$all" "$public"
echo "gh: create, list, view, edit, clone and delete passed"
