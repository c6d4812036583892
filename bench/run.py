#!/usr/bin/env python3
# run.py: the benchmark suite. Runs every benchmark of bench/ on the corpora of
# ../shared/corpora, prints one table and writes it as JSON to BUILD/bench.json.
#
# Each benchmark prints its own figures and, last, a line
#   BENCH_JSON {"name": …, "figures": [{"what", "value", "unit", "peer", "peer_value", "goal"}]}
# (or "figures": {"name": value, …}). This script only gathers them.
#
# Usage: run.py --build BUILD [--only NAME…] [--runs N]
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def corpora_dir():
    return os.environ.get("PX_SHARED_CORPORA", os.path.join(ROOT, "..", "shared", "corpora"))


def library(build, n):
    """A JSON Lines library of n real articles, made once per build."""
    path = os.path.join(build, "bench", f"library-{n}.jsonl")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "make-library.py"), str(n), path,
                        "--corpora", corpora_dir()], check=True)
    return path


def benchmarks(build, runs):
    exe = lambda name: os.path.join(build, "bench", name)  # noqa: E731
    cli = os.path.join(build, "src", "cli", "parallax-cli")
    lib100k = (os.path.join(build, "bench"), os.path.join(build, "bench", "library-100000.sqlite3"))
    return [
        ("import", lambda: [exe("bench-import"), library(build, 1000), str(runs)]),
        ("import-10k", lambda: [exe("bench-import"), library(build, 10000), "1"]),
        ("html-extraction", lambda: [exe("bench-html-extraction")]),
        ("text-cleaning", lambda: [exe("bench-text-cleaning")]),
        ("sentences", lambda: [exe("bench-sentences")]),
        ("alignment", lambda: [exe("bench-alignment")]),
        # Scale: bench-growth imports grow-library.py's 1k/10k/100k libraries into BUILD/bench
        # (the 100k one takes long; it is kept), which search, window and align-peer then use.
        ("growth", lambda: [sys.executable, os.path.join(HERE, "bench-growth.py"), cli, lib100k[0]]),
        ("search", lambda: [exe("bench-search"), lib100k[1], os.path.join(lib100k[0], "grown-100000.jsonl")]),
        ("window", lambda: [sys.executable, os.path.join(HERE, "bench-window.py"), build, lib100k[1], str(runs)]),
        ("diff", lambda: [sys.executable, os.path.join(HERE, "bench-diff-peer.py"), exe("bench-diff"), str(runs)]),
        # Launch to the first frame of two articles side by side, against `meld a.txt b.txt`.
        ("meld", lambda: [sys.executable, os.path.join(HERE, "bench-meld.py"), build, str(runs)]),
        # Opening a 5-article comparison and scrolling it, by GTK's default and the cairo renderer.
        ("comparison-view", lambda: ["/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1400x900x24",
                                     exe("bench-comparison-view"), "--runs", "10"]),
        ("comparison-view-cairo", lambda: ["/usr/bin/env", "GSK_RENDERER=cairo", "xvfb-run", "-a", "-s",
                                           "-screen 0 1400x900x24", exe("bench-comparison-view"), "--runs", "10"]),
        ("align-peer", lambda: ["/usr/bin/python3", os.path.join(HERE, "bench-align-peer.py"), cli, lib100k[1],
                                "3", exe("bench-alignment"), exe("bench-align-driver")]),
    ]


def collect(output):
    for line in output.splitlines():
        if line.startswith("BENCH_JSON "):
            data = json.loads(line[len("BENCH_JSON "):])
            figures = data.get("figures", [])
            if isinstance(figures, dict):
                figures = [{"what": k, "value": v} for k, v in figures.items()]
            for figure in figures:
                yield data.get("name", "?"), figure


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "_build"))
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    build = os.path.abspath(args.build)

    if not os.path.isdir(corpora_dir()):
        print(f"bench: {corpora_dir()} is missing: the benchmarks read the corpora of ../shared")
        return 0

    rows = []
    for name, command in benchmarks(build, args.runs):
        if args.only and name not in args.only:
            continue
        cmd = command()
        if not os.path.exists(cmd[0]):
            print(f"== {name}: skipped, {cmd[0]} is not built")
            continue
        print(f"== {name}: {' '.join(cmd)}", flush=True)
        started = time.monotonic()
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        print(result.stdout.rstrip())
        if result.returncode != 0:
            print(f"   failed with status {result.returncode}: {result.stderr.strip()[-500:]}")
        rows += [(name, f) for _, f in collect(result.stdout)]
        print(f"   ({time.monotonic() - started:.1f} s)\n", flush=True)

    print(f"{'benchmark':<16} {'figure':<44} {'value':>12} {'peer':>12} {'ratio':>7}  goal")
    for name, f in rows:
        value, peer = f.get("value"), f.get("peer_value")
        ratio = f"{value / peer:.2f}" if isinstance(value, (int, float)) and peer else ""
        fmt = lambda v: f"{v:.4g}" if isinstance(v, (int, float)) else str(v or "")  # noqa: E731
        print(f"{name:<16} {str(f.get('what'))[:44]:<44} {fmt(value):>12} {fmt(peer):>12} {ratio:>7}"
              f"  {f.get('goal', '')} {f.get('unit', '')}")
    report = {
        "machine": {"platform": platform.platform(), "processor": platform.processor(),
                    "cpus": os.cpu_count()},
        "figures": [dict(benchmark=name, **f) for name, f in rows],
    }
    with open(os.path.join(build, "bench.json"), "w") as out:
        json.dump(report, out, indent=1)
    print(f"\nwritten to {os.path.join(build, 'bench.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
