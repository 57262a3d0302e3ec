#!/usr/bin/env python3
"""Bytes of wasm a cold gist page makes the browser fetch, as it is sent: the main module
plus every chunk the gist page's lazy view needs (`__wasm_split_manifest.json`), each as
its `.br` file built with `--precompress` (else gzip -9 of the file).

usage: bench/reading-wasm.py <site>/pkg   -> prints the byte count
"""
import gzip
import json
import os
import sys

pkg = sys.argv[1]


def sent(name):
    path = os.path.join(pkg, name + ".wasm")
    if os.path.exists(path + ".br"):
        return os.path.getsize(path + ".br")
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), 9))


chunks = []
manifest = os.path.join(pkg, "__wasm_split_manifest.json")
if os.path.exists(manifest):
    with open(manifest) as f:
        views = json.load(f)
    gist = [key for key in views if key.startswith("__gist_view_")]
    if len(gist) != 1:
        sys.exit(f"no single gist page view in {manifest}: {sorted(views)}")
    chunks = views[gist[0]]
print(sent("gistful") + sum(sent(chunk) for chunk in chunks))
