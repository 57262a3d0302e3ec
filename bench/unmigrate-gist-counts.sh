#!/usr/bin/env bash
# For bench/compare.sh (BENCH_PREPARE_A): takes a home seeded by a build with the
# gist_counts migration back to the schema of builds before it (d6d0cdb and older).
set -euo pipefail
python3 - "$1/gistful.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for t in ["gist_counts_insert", "gist_counts_delete", "gist_counts_update"]:
    db.execute(f"DROP TRIGGER IF EXISTS {t}")
db.execute("DROP TABLE IF EXISTS gist_counts")
db.execute("DELETE FROM seaql_migrations WHERE version = 'm20261203_000005_gist_counts'")
db.commit()
PY
