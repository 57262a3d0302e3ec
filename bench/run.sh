#!/usr/bin/env bash
# `make bench`: the release server against a hello-world axum baseline on this machine.
# Every figure is also given as a ratio to the baseline measured in the same run.
#   BENCH_GISTS (10000), BENCH_USERS (100), BENCH_SECONDS per scenario (10),
#   BENCH_CONNECTIONS (64).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"

GISTS=${BENCH_GISTS:-10000}
USERS=${BENCH_USERS:-100}
SECONDS_EACH=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
BASE_PORT=3990
PORT=3991
TMP=bench/tmp
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

scripts/setup.sh
if ! command -v wrk >/dev/null; then
  step "apt: installing wrk (the load generator)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk; else sudo apt-get install -y -qq wrk; fi
fi

step "release build: server, site, baseline and seeder"
cargo leptos build --release --precompress --split
cargo build --release --locked -p server --example baseline --example seed

rm -rf "$TMP" && mkdir -p "$TMP"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

step "seeding $GISTS gists across $USERS users (through the services)"
seed_started=$(date +%s)
target/release/examples/seed "$TMP/home" "$GISTS" "$USERS" > "$TMP/seed.json"
echo "seeded in $(( $(date +%s) - seed_started ))s"

target/release/examples/baseline "127.0.0.1:$BASE_PORT" & pids+=($!)
OG_HOME="$TMP/home" OG_HTTP_PORT=$PORT OG_SSH_PORT=0 OG_LOG_LEVEL=warn target/release/gistful serve & server=$!
pids+=("$server")
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && curl -sf "http://127.0.0.1:$BASE_PORT/" >/dev/null && break
  sleep 0.2
done

step "waiting for the search index to take in the seeded gists"
index_started=$(date +%s)
for _ in $(seq 1800); do
  pending=$(curl -sf "http://127.0.0.1:$PORT/healthz" | python3 -c "import json,sys; print(json.load(sys.stdin)['search']['pending'])" || echo '?')
  [ "$pending" = 0 ] && break
  sleep 1
done
echo "indexed in $(( $(date +%s) - index_started ))s"

seed() { python3 -c "import json,sys; print(json.load(open('$TMP/seed.json'))$1)"; }
export BENCH_TOKEN=$(seed "['token']")
export BENCH_PATCH_IDS=$(seed "['patchable']" | tr -d "[]' " )
user=$(seed "['user']")
two=$(seed "['two_file_gist']")
public=$(seed "['public_gists']")
deep=$(( public / 30 ))
[ "$deep" -gt 1000 ] && deep=1000
[ "$deep" -lt 1 ] && deep=1

results="$TMP/results.jsonl"
: > "$results"
load() { # name url [lua] [connections]
  local name=$1 url=$2 script=${3:-bench/report.lua} conns=${4:-$CONNECTIONS}
  local threads=$(( conns < 2 ? conns : 2 ))
  step "$name ($conns connections): $url"
  local line
  line=$(wrk -t"$threads" -c"$conns" -d"${SECONDS_EACH}s" --latency -s "$script" "$url" | grep '^JSON ' | cut -c6-)
  echo "$line"
  # Where the memory goes: the server's peak so far, and what is resident now (heap vs
  # mapped files such as the search index).
  local mem
  mem=$(awk '/VmHWM|RssAnon|RssFile/ {printf "\"%s\":%s,", tolower(substr($1, 1, length($1) - 1)), $2}' "/proc/$server/status")
  printf '{"name":"%s","url":"%s","connections":%s,%s%s\n' "$name" "$url" "$conns" "$mem" "${line#\{}" >> "$results"
}

load baseline "http://127.0.0.1:$BASE_PORT/"
load api_gist "http://127.0.0.1:$PORT/api/gists/$two"
load gist_page "http://127.0.0.1:$PORT/$user/$two"
load list_page_1 "http://127.0.0.1:$PORT/api/gists/public?page=1"
load list_page_deep "http://127.0.0.1:$PORT/api/gists/public?page=$deep"
load raw_file "http://127.0.0.1:$PORT$(seed "['raw_file']")"
# The same reads again, each request a URL of its own: the path behind the response cache.
load api_gist_uncached "http://127.0.0.1:$PORT/api/gists/$two" bench/uncached.lua
load gist_page_uncached "http://127.0.0.1:$PORT/$user/$two" bench/uncached.lua
load list_page_1_uncached "http://127.0.0.1:$PORT/api/gists/public?page=1" bench/uncached.lua
load list_page_deep_uncached "http://127.0.0.1:$PORT/api/gists/public?page=$deep" bench/uncached.lua
# Full-text search past the response cache: every gist matches "words index". Once as
# one person searching (the latency a searcher sees), then under the full load.
# The headline: what a visitor to any of thousands of gists meets. Each request a random
# gist of the seeded spread (up to 2,000 across the whole set), past the response cache.
python3 -c "import json; print('\n'.join(json.load(open('$TMP/seed.json'))['spread']))" > "$TMP/spread.txt"
export BENCH_PATHS="$TMP/spread.txt"
BENCH_KIND=api load api_gist_random "http://127.0.0.1:$PORT/" bench/random.lua
BENCH_KIND=page load gist_page_random "http://127.0.0.1:$PORT/" bench/random.lua
BENCH_KIND=page BENCH_ACCEPT="gzip, deflate, br" load gist_page_random_br "http://127.0.0.1:$PORT/" bench/random.lua
BENCH_KIND=raw load raw_file_random "http://127.0.0.1:$PORT/" bench/random.lua
load search_one_searcher "http://127.0.0.1:$PORT/api/search/gists?q=words+index" bench/uncached.lua 1
load search "http://127.0.0.1:$PORT/api/search/gists?q=words+index" bench/uncached.lua
load search_page_uncached "http://127.0.0.1:$PORT/search?q=words+index" bench/uncached.lua
load search_narrow "http://127.0.0.1:$PORT/api/search/gists?q=index+user:user001+extension:py" bench/uncached.lua
load create_gist "http://127.0.0.1:$PORT/api/gists" bench/post.lua
load update_gist "http://127.0.0.1:$PORT/api/gists" bench/patch.lua

step "git clone of a 100-file gist"
hundred=$(seed "['hundred_file_gist']")
python3 - "$PORT" "$user" "$hundred" "$TMP" >> "$results" <<'PY'
import json, shutil, subprocess, sys, time
port, user, gist, tmp = sys.argv[1:]
times = []
for n in range(5):
    target = f"{tmp}/clone{n}"
    shutil.rmtree(target, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(["git", "clone", "-q", f"http://127.0.0.1:{port}/{user}/{gist}.git", target], check=True)
    times.append(time.perf_counter() - start)
print(json.dumps({"name": "git_clone_100_files", "seconds": sorted(times)[len(times) // 2], "runs": times}))
PY

peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
# What a cold gist page makes a browser fetch: the main module and the page's chunks.
wasm_gz=$(python3 bench/reading-wasm.py target/site/pkg)
binary=$(stat -c %s target/release/gistful)
# The same reads on PostgreSQL (where the response cache is off by default): a throwaway
# cluster from scripts/pg.sh, seeded alike. BENCH_PG=0 skips it.
if [ "${BENCH_PG:-1}" = 1 ]; then
  step "PostgreSQL: a throwaway cluster, the same seed, the read scenarios again"
  kill "$server" 2>/dev/null || true
  eval "$(scripts/pg.sh)"
  trap 'cleanup; scripts/pg.sh stop "$GISTFUL_PG_DIR"' EXIT
  pg_uri="${GISTFUL_TEST_PG%/*}/gistful_bench"
  psql -q "$GISTFUL_TEST_PG" -c "CREATE DATABASE gistful_bench"
  target/release/examples/seed "$TMP/pg-home" "$GISTS" "$USERS" "$pg_uri" > "$TMP/pg-seed.json"
  OG_HOME="$TMP/pg-home" OG_DB_URI="$pg_uri" OG_HTTP_PORT=$PORT OG_SSH_PORT=0 OG_LOG_LEVEL=warn target/release/gistful serve & server=$!
  pids+=("$server")
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  for _ in $(seq 1800); do
    pending=$(curl -sf "http://127.0.0.1:$PORT/healthz" | python3 -c "import json,sys; print(json.load(sys.stdin)['search']['pending'])" || echo '?')
    [ "$pending" = 0 ] && break
    sleep 1
  done
  python3 -c "import json; print('\n'.join(json.load(open('$TMP/pg-seed.json'))['spread']))" > "$TMP/pg-spread.txt"
  export BENCH_PATHS="$TMP/pg-spread.txt"
  BENCH_KIND=api load pg_api_gist_random "http://127.0.0.1:$PORT/" bench/random.lua
  BENCH_KIND=page load pg_gist_page_random "http://127.0.0.1:$PORT/" bench/random.lua
  BENCH_KIND=raw load pg_raw_file_random "http://127.0.0.1:$PORT/" bench/random.lua
  load pg_list_page_1_uncached "http://127.0.0.1:$PORT/api/gists/public?page=1" bench/uncached.lua
  load pg_list_page_deep_uncached "http://127.0.0.1:$PORT/api/gists/public?page=$deep" bench/uncached.lua
  load pg_search "http://127.0.0.1:$PORT/api/search/gists?q=words+index" bench/uncached.lua
fi

python3 bench/report.py "$results" "$TMP/seed.json" "$peak_kb" "$wasm_gz" "$binary" "$CONNECTIONS" "$SECONDS_EACH"
