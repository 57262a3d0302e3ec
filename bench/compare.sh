#!/usr/bin/env bash
# Two builds of `gistful`, the same data, the read scenarios of `make bench`, taken in
# turns (A B A B ...) so that a machine getting slower or faster during the run weighs on
# both alike. Each figure is a ratio to the hello-world baseline measured in the same turn.
#   bench/compare.sh BINARY_A BINARY_B [ROUNDS]
# Build the binaries first, e.g. `cargo build --release -p server --bin gistful` at each
# revision (copy each out of target/), and the seeder and baseline examples at the newer.
#   BENCH_GISTS (10000), BENCH_USERS (100), BENCH_SECONDS per scenario (10),
#   BENCH_CONNECTIONS (64), BENCH_ONLY (a regex of scenario names; the baseline always runs),
#   BENCH_PREPARE_A (a command run with a copy of the seeded home as its argument, which A
#   then serves: e.g. to take a newer schema back to what an older build knows).
set -euo pipefail
cd "$(dirname "$0")/.."
A=$1 B=$2 ROUNDS=${3:-3}
GISTS=${BENCH_GISTS:-10000}
USERS=${BENCH_USERS:-100}
SECONDS_EACH=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
BASE_PORT=3990
PORT=3991
TMP=bench/tmp-compare
EXAMPLES=${BENCH_EXAMPLES:-target/release/examples}
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

command -v wrk >/dev/null || { echo "compare.sh: needs wrk (make bench installs it)" >&2; exit 1; }
rm -rf "$TMP" && mkdir -p "$TMP"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

step "seeding $GISTS gists across $USERS users"
"$EXAMPLES/seed" "$TMP/home" "$GISTS" "$USERS" > "$TMP/seed.json"
"$EXAMPLES/baseline" "127.0.0.1:$BASE_PORT" & pids+=($!)

seed() { python3 -c "import json,sys; print(json.load(open('$TMP/seed.json'))$1)"; }
user=$(seed "['user']")
two=$(seed "['two_file_gist']")
public=$(seed "['public_gists']")
raw=$(seed "['raw_file']")
deep=$(( public / 30 ))
[ "$deep" -gt 1000 ] && deep=1000
[ "$deep" -lt 1 ] && deep=1

results="$TMP/results.jsonl"
: > "$results"
load() { # build round name url [lua] [connections]
  local build=$1 round=$2 name=$3 url=$4 script=${5:-bench/report.lua} conns=${6:-$CONNECTIONS}
  local threads=$(( conns < 2 ? conns : 2 ))
  if [ "$name" != baseline ] && [ -n "${BENCH_ONLY:-}" ] && ! [[ $name =~ ^($BENCH_ONLY)$ ]]; then
    return
  fi
  local line
  line=$(wrk -t"$threads" -c"$conns" -d"${SECONDS_EACH}s" --latency -s "$script" "$url" | grep '^JSON ' | cut -c6-)
  echo "$build $round $name $line"
  printf '{"build":"%s","round":%s,"name":"%s",%s\n' "$build" "$round" "$name" "${line#\{}" >> "$results"
}

home_a="$TMP/home"
if [ -n "${BENCH_PREPARE_A:-}" ]; then
  home_a="$TMP/home-a"
  cp -a "$TMP/home" "$home_a"
  $BENCH_PREPARE_A "$home_a"
fi

turn() { # build binary round
  local build=$1 binary=$2 round=$3
  local home="$TMP/home"
  [ "$build" = A ] && home=$home_a
  step "round $round: $build ($binary)"
  OG_HOME="$home" OG_HTTP_PORT=$PORT OG_SSH_PORT=0 OG_LOG_LEVEL=warn "$binary" serve & local server=$!
  pids+=("$server")
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
    sleep 0.2
  done
  for _ in $(seq 1800); do
    pending=$(curl -sf "http://127.0.0.1:$PORT/healthz" | python3 -c "import json,sys; print(json.load(sys.stdin)['search']['pending'])" || echo '?')
    [ "$pending" = 0 ] && break
    sleep 1
  done
  local api="http://127.0.0.1:$PORT"
  load "$build" "$round" baseline "http://127.0.0.1:$BASE_PORT/"
  load "$build" "$round" api_gist "$api/api/gists/$two"
  load "$build" "$round" gist_page "$api/$user/$two"
  load "$build" "$round" list_page_1 "$api/api/gists/public?page=1"
  load "$build" "$round" list_page_deep "$api/api/gists/public?page=$deep"
  load "$build" "$round" raw_file "$api$raw"
  load "$build" "$round" api_gist_uncached "$api/api/gists/$two" bench/uncached.lua
  load "$build" "$round" gist_page_uncached "$api/$user/$two" bench/uncached.lua
  load "$build" "$round" list_page_1_uncached "$api/api/gists/public?page=1" bench/uncached.lua
  load "$build" "$round" list_page_deep_uncached "$api/api/gists/public?page=$deep" bench/uncached.lua
  load "$build" "$round" search_one_searcher "$api/api/search/gists?q=words+index" bench/uncached.lua 1
  load "$build" "$round" search "$api/api/search/gists?q=words+index" bench/uncached.lua
  load "$build" "$round" search_page_uncached "$api/search?q=words+index" bench/uncached.lua
  load "$build" "$round" search_narrow "$api/api/search/gists?q=index+user:user001+extension:py" bench/uncached.lua
  kill "$server"; wait "$server" 2>/dev/null || true
}

for round in $(seq "$ROUNDS"); do
  turn A "$A" "$round"
  turn B "$B" "$round"
done

python3 - "$results" "$A" "$B" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
base = {(r["build"], r["round"]): r["rps"] for r in rows if r["name"] == "baseline"}
names = [r["name"] for r in rows if r["build"] == "A" and r["round"] == 1 and r["name"] != "baseline"]
def ratios(build, name):
    return [100 * r["rps"] / base[(build, r["round"])] for r in rows if r["build"] == build and r["name"] == name]
print(f"A = {sys.argv[2]}\nB = {sys.argv[3]}\n")
print("| scenario | A % of baseline (median) | B % of baseline (median) | B vs A | A runs | B runs |")
print("|---|---:|---:|---:|---|---|")
for name in names:
    a, b = ratios("A", name), ratios("B", name)
    ma, mb = statistics.median(a), statistics.median(b)
    runs = lambda xs: " ".join(f"{x:.2f}" for x in xs)
    print(f"| {name} | {ma:.2f}% | {mb:.2f}% | {100 * (mb / ma - 1):+.1f}% | {runs(a)} | {runs(b)} |")
PY
