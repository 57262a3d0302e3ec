#!/usr/bin/env bash
# Starts a throwaway MariaDB server on 127.0.0.1 for the test suite and prints the
# connection URI. `scripts/mariadb.sh stop DIR` stops and removes it. The system's server
# (if any) is neither configured nor used: this one has its own data directory, socket and
# port. Speed over durability: nothing here outlives the test run. The server keeps
# Debian's default (case-insensitive) collation: Gistful must ask for byte-exact text itself.
set -euo pipefail

if [ "${1:-}" = stop ]; then
  dir=$2
  [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
  for _ in $(seq 50); do [ -e "$dir/sock" ] || break; sleep 0.1; done
  rm -rf "$dir"
  exit 0
fi

command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || {
  echo "mariadb.sh: MariaDB is not installed (run scripts/setup.sh)" >&2
  exit 1
}
PATH="$PATH:/usr/sbin"
dir=$(mktemp -d /tmp/gistful-mariadb.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
user=$(id -un)
mariadb-install-db --no-defaults --user="$user" --datadir="$dir/data" \
  --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1
mariadbd --no-defaults --user="$user" --datadir="$dir/data" --socket="$dir/sock" \
  --port="$port" --bind-address=127.0.0.1 --pid-file="$dir/pid" --skip-name-resolve \
  --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --max-connections=500 \
  >"$dir/server.log" 2>&1 &
for _ in $(seq 300); do
  mariadb --no-defaults --socket="$dir/sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
  sleep 0.1
done
mariadb --no-defaults --socket="$dir/sock" -uroot -e \
  "CREATE USER 'gistful'@'127.0.0.1' IDENTIFIED BY 'gistful';
   GRANT ALL PRIVILEGES ON *.* TO 'gistful'@'127.0.0.1';" || {
  cat "$dir/server.log" >&2
  exit 1
}
echo "GISTFUL_MARIADB_DIR=$dir"
echo "GISTFUL_TEST_MYSQL=mysql://gistful:gistful@127.0.0.1:$port/mysql"
