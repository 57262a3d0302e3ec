"""Turns one `make bench` run into bench/results/<date>.md and .json, and prints the table.

Every throughput is also shown as a ratio to the hello-world baseline of the same run,
so runs on a noisy shared machine stay comparable."""

import datetime
import json
import pathlib
import sys

results_file, seed_file, peak_kb, wasm_gz, binary, connections, seconds = sys.argv[1:]
rows = [json.loads(line) for line in open(results_file) if line.strip()]
seed = json.load(open(seed_file))
by_name = {row["name"]: row for row in rows}
baseline = by_name["baseline"]["rps"]


def ratio(name):
    return by_name[name]["rps"] / baseline if name in by_name else 0.0


page1 = by_name["list_page_1"]["p50_ms"]
deep = by_name["list_page_deep"]["p50_ms"]
page1_db = by_name["list_page_1_uncached"]["p50_ms"]
deep_db = by_name["list_page_deep_uncached"]["p50_ms"]
peak_mb = int(peak_kb) / 1024
wasm_kb = int(wasm_gz) / 1024
# The headline (issue 16): reads past the response cache, each request a random gist.
headline = [
    ("API gist, random gist, >= 12% of baseline", "api_gist_random", 0.12),
    ("gist page, random gist, >= 5% of baseline", "gist_page_random", 0.05),
    ("raw file, random gist, >= 15% of baseline", "raw_file_random", 0.15),
    ("list page 1 past the cache >= 5% of baseline", "list_page_1_uncached", 0.05),
    (f"search ({connections} connections) >= 2% of baseline", "search", 0.02),
]
# PostgreSQL within 2x of SQLite on the same reads, when the PostgreSQL part ran.
on_postgres = [
    (f"PostgreSQL {name} within 2x of SQLite", ratio(f"pg_{name}") * 2 >= ratio(name),
     f'{ratio(f"pg_{name}"):.1%} vs {ratio(name):.1%}')
    for name in ["api_gist_random", "gist_page_random", "raw_file_random",
                 "list_page_1_uncached", "list_page_deep_uncached", "search"]
    if f"pg_{name}" in by_name
]
targets = [
    (label, ratio(name) >= floor, f"{ratio(name):.1%}") for label, name, floor in headline
] + on_postgres + [
    ("GET /api/gists/{id} >= 30% of baseline, p99 <= 10 ms",
     ratio("api_gist") >= 0.30 and by_name["api_gist"]["p99_ms"] <= 10,
     f'{ratio("api_gist"):.0%}, p99 {by_name["api_gist"]["p99_ms"]:.1f} ms'),
    ("SSR gist page >= 20% of baseline", ratio("gist_page") >= 0.20, f'{ratio("gist_page"):.0%}'),
    ("POST /api/gists >= 800/s", by_name["create_gist"]["rps"] >= 800, f'{by_name["create_gist"]["rps"]:.0f}/s'),
    ("PATCH /api/gists/{id} >= 600/s", by_name["update_gist"]["rps"] >= 600, f'{by_name["update_gist"]["rps"]:.0f}/s'),
    ("deep list page p50 within 1.5x of page 1", deep <= 1.5 * page1, f"{deep / page1:.2f}x"),
    ("... and past the response cache (database path)", deep_db <= 1.5 * page1_db,
     f"{deep_db / page1_db:.2f}x ({page1_db:.1f} / {deep_db:.1f} ms)"),
    ("search p99 < 50 ms, one searcher (every gist matching, past the response cache)",
     by_name["search_one_searcher"]["p99_ms"] < 50,
     f'{by_name["search_one_searcher"]["p99_ms"]:.1f} ms (under {connections} connections: '
     f'{by_name["search"]["rps"]:.0f} searches/s, p99 {by_name["search"]["p99_ms"]:.0f} ms)'),
    ("peak RSS <= 150 MB", peak_mb <= 150, f"{peak_mb:.0f} MB"),
    ("hydrate wasm a reading page loads <= 250 KiB compressed", wasm_kb <= 250, f"{wasm_kb:.0f} KiB"),
    ("no errors in any scenario", all(r.get("errors", 0) == 0 for r in rows),
     str(sum(r.get("errors", 0) for r in rows))),
]

now = datetime.datetime.now(datetime.timezone.utc)
lines = [
    f"# Benchmark {now:%Y-%m-%d %H:%M} UTC",
    "",
    f"{seed['gists']} seeded gists across {seed['users']} users; wrk, 2 threads, "
    f"{connections} connections, {seconds} s per scenario, on the same machine as the server.",
    "",
    "| scenario | connections | requests/s | vs baseline | p50 ms | p99 ms | errors "
    "| server peak / heap / files MB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
]


def memory(row):
    if "vmhwm" not in row:
        return ""
    return f'{row["vmhwm"] / 1024:.0f} / {row["rssanon"] / 1024:.0f} / {row["rssfile"] / 1024:.0f}'


for row in rows:
    if "rps" in row:
        lines.append(
            f'| {row["name"]} | {row.get("connections", connections)} | {row["rps"]:.0f} | '
            f'{row["rps"] / baseline:.1%} | '
            f'{row["p50_ms"]:.2f} | {row["p99_ms"]:.2f} | {row["errors"]} | {memory(row)} |')
clone = by_name.get("git_clone_100_files")
if clone:
    lines.append(f'| git clone, 100 files (median of 5) | 1 | | | {clone["seconds"] * 1000:.0f} | | 0 | |')
lines += [
    "",
    f"Server peak RSS: {peak_mb:.0f} MB. Wasm a cold gist page loads (main module + its chunks): {wasm_kb:.0f} KiB compressed. "
    f"Binary: {int(binary) / 1024 / 1024:.1f} MB.",
    "",
    "| target | met | measured |",
    "|---|---|---|",
]
lines += [f"| {name} | {'yes' if met else '**no**'} | {value} |" for name, met, value in targets]
report = "\n".join(lines) + "\n"

out = pathlib.Path("bench/results")
out.mkdir(parents=True, exist_ok=True)
stem = now.strftime("%Y-%m-%d-%H%M")
(out / f"{stem}.md").write_text(report)
(out / f"{stem}.json").write_text(json.dumps({
    "date": now.isoformat(), "gists": seed["gists"], "users": seed["users"],
    "connections": int(connections), "seconds": int(seconds), "scenarios": rows,
    "peak_rss_kb": int(peak_kb), "wasm_gzip_bytes": int(wasm_gz), "binary_bytes": int(binary),
    "targets": [{"target": n, "met": m, "measured": v} for n, m, v in targets],
}, indent=2) + "\n")
print(report)
print(f"written to {out / stem}.md and .json")
