#!/usr/bin/env python3
# bench-growth.py: how import and compare times grow with the library and the comparison.
#
# Import: parallax-cli imports the first 1,000, 10,000 and 100,000 articles of
# bench/grow-library.py (real ECB+ text) into a new library each. Compare: parallax-cli compare
# of 10, 30, 100 and 300 articles of one library (the largest ECB+ subtopics first, distinct
# corpus articles before their copies). Times are the CPU time (user + system, getrusage of
# the children) of the parallax-cli process, since other work shares the machine's cores;
# compare times are medians of RUNS runs (the library's cache of comparisons emptied before
# each, so every run computes), an import runs once and also prints its peak memory and the
# bytes it wrote (its own rusage: maximum resident set, blocks written). The growth exponent is the
# least-squares slope of log time over log n, printed beside that of n·log n over the same n
# (just over 1): an exponent near 2 means the work is quadratic.
#
# Usage: bench-growth.py PARALLAX_CLI OUT_DIR [--sizes 1000,10000,100000] [--runs N]
#        [--compare-library LIBRARY.sqlite3]
# The libraries stay in OUT_DIR as library-N.sqlite3 (bench-search and bench-window use the
# largest); a size whose library is already there is not imported again unless --reimport.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import collections
import json
import math
import os
import re
import resource
import sqlite3
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COMPARE_SIZES = (10, 30, 100, 300)


def drop_cached_comparisons(library):
    """The library caches what it compared (table comparisons): drop it so every run computes."""
    db = sqlite3.connect(library)
    db.execute("DELETE FROM comparisons")
    db.commit()
    db.close()


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cpu(command):
    start = children_cpu()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return children_cpu() - start


def run_usage(command):
    """CPU seconds, peak resident MB and MB written by one run of @command."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, usage.ru_oublock * 512 / 1e6


def slope(points):
    """Least-squares slope of log y over log x."""
    xs, ys = [math.log(x) for x, _ in points], [math.log(y) for _, y in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def library(out_dir, n):
    jsonl = os.path.join(out_dir, f"grown-{n}.jsonl")
    if not os.path.exists(jsonl):
        subprocess.run([sys.executable, os.path.join(HERE, "grow-library.py"), str(n), jsonl], check=True)
    return jsonl


def compare_sets(db_path):
    """Article ids for each compare size, from the largest subtopics first."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    by_subtopic = collections.defaultdict(list)
    for article_id, url in db.execute("SELECT id, url FROM articles ORDER BY id"):
        m = re.search(r"/(\d+)_\d+(ecb(?:plus)?)/(\d+)$", url or "")
        if m:
            by_subtopic[f"{m.group(1)}_{m.group(2)}"].append((int(m.group(3)), article_id))
    db.close()
    ordered = [a for ids in sorted(by_subtopic.values(), key=len, reverse=True) for _, a in sorted(ids)]
    return {n: ordered[:n] for n in COMPARE_SIZES if len(ordered) >= n}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("out_dir")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare-library")
    parser.add_argument("--reimport", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    imports = []
    for n in [int(s) for s in args.sizes.split(",")]:
        jsonl, db_path = library(args.out_dir, n), os.path.join(args.out_dir, f"library-{n}.sqlite3")
        if os.path.exists(db_path) and not args.reimport:
            print(f"  import of {n}: {db_path} exists, not timed (--reimport to time it)")
            continue
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db_path + suffix):
                os.unlink(db_path + suffix)
        seconds, peak_mb, written_mb = run_usage([args.cli, "--db", db_path, "import", "--max-size=1000", jsonl])
        imports.append((n, seconds))
        print(f"  import of {n:6} articles: {seconds:9.2f} s CPU  {n / seconds:7.0f} articles/s  "
              f"peak {peak_mb:5.0f} MB  wrote {written_mb:7.0f} MB", flush=True)

    compare_db = args.compare_library or os.path.join(args.out_dir, f"library-{max(int(s) for s in args.sizes.split(','))}.sqlite3")
    compares = []
    for n, ids in compare_sets(compare_db).items():
        times = []
        for _ in range(args.runs):
            drop_cached_comparisons(compare_db)
            times.append(run_cpu([args.cli, "--db", compare_db, "compare", "--format", "json"] + [str(i) for i in ids]))
        compares.append((n, statistics.median(times)))
        print(f"  compare of {n:3} articles: {compares[-1][1] * 1e3:9.1f} ms CPU (median of {args.runs})", flush=True)

    figures = []
    for label, points, unit_scale, unit in (("import", imports, 1, "s"), ("compare", compares, 1e3, "ms")):
        for n, seconds in points:
            figures.append({"what": f"{label} {n} articles (CPU)", "value": round(seconds * unit_scale, 2),
                            "unit": unit})
        if len(points) >= 2:
            ns = [n for n, _ in points]
            exponent, reference = slope(points), slope([(n, n * math.log(n)) for n in ns])
            verdict = "within" if exponent <= reference + 0.1 else "faster than"
            print(f"  {label} growth exponent {exponent:.2f} over n = {ns[0]}…{ns[-1]}; "
                  f"n·log n would be {reference:.2f}: {verdict} n·log n")
            figures.append({"what": f"{label} growth exponent", "value": round(exponent, 2),
                            "peer": "n log n", "peer_value": round(reference, 2), "goal": "<= n log n"})
    print("BENCH_JSON " + json.dumps({"name": "growth", "figures": figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
