#!/usr/bin/env python3
# bench-diff-peer.py: word-level diff of 1,000 aligned sentence pairs, px-diff against dwdiff.
#
# The pairs are the first 1,000 of the MSRP training split (../shared/corpora/msrp, read in
# place, never copied): two sentences about the same news, written by different outlets. In
# the same run, bench-diff (px_diff_match () over the same whitespace-split words, writing
# the marked output as dwdiff does) and Debian's dwdiff diff them:
#   - dwdiff once per pair, as a user diffs two sentences (1,000 processes), and
#   - dwdiff once on two files holding all the sentences, one a line (one process, so its
#     start-up counts once; it then matches across the whole file, a little more work).
# Figures are CPU time (user + system, getrusage of the children), medians over RUNS runs;
# the machine's two cores are shared with compilers, so wall time would mostly measure them.
#
# Usage: bench-diff-peer.py BENCH_DIFF [RUNS]
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
N_PAIRS = 1000


def corpora_dir():
    return os.environ.get("PX_SHARED_CORPORA", os.path.join(HERE, "..", "..", "shared", "corpora"))


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_of(commands):
    """CPU seconds the commands take, run one after the other."""
    start = children_cpu()
    for command in commands:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return children_cpu() - start


def main():
    bench_diff = sys.argv[1] if len(sys.argv) > 1 else None
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    train = os.path.join(corpora_dir(), "msrp", "msr_paraphrase_train.txt")
    if not os.path.exists(train):
        print(f"bench-diff-peer: {train} is missing: the benchmark reads MSRP from ../shared")
        return 0
    if not bench_diff or shutil.which("dwdiff") is None:
        print("Usage: bench-diff-peer.py BENCH_DIFF [RUNS]; needs dwdiff (apt-get install dwdiff)")
        return 2
    with open(train, encoding="utf-8-sig") as f:
        pairs = [line.rstrip("\n").split("\t")[3:5] for line in f.readlines()[1:N_PAIRS + 1]]

    with tempfile.TemporaryDirectory(prefix="px-bench-diff-") as tmp:
        tsv = os.path.join(tmp, "pairs.tsv")
        with open(tsv, "w", encoding="utf-8") as out:
            out.writelines(f"{a}\t{b}\n" for a, b in pairs)
        for side in (0, 1):
            with open(os.path.join(tmp, f"all-{side}.txt"), "w", encoding="utf-8") as out:
                out.writelines(pair[side] + "\n" for pair in pairs)
        for i, (a, b) in enumerate(pairs):
            for side, text in ((0, a), (1, b)):
                with open(os.path.join(tmp, f"{i}-{side}.txt"), "w", encoding="utf-8") as out:
                    out.write(text + "\n")

        ours_process, ours_inner, peer_pairs, peer_files = [], [], [], []
        for _ in range(runs):
            start = children_cpu()
            output = subprocess.run([bench_diff, tsv, "1"], capture_output=True, text=True,
                                    check=True).stdout
            ours_process.append(children_cpu() - start)
            ours_inner.append(float(re.search(r"median CPU ([0-9.]+) ms", output).group(1)) / 1e3)
            peer_files.append(cpu_of([["dwdiff", os.path.join(tmp, "all-0.txt"),
                                       os.path.join(tmp, "all-1.txt")]]))
        # 1,000 processes a run: fewer runs of it.
        for _ in range(max(1, runs // 2)):
            peer_pairs.append(cpu_of([["dwdiff", os.path.join(tmp, f"{i}-0.txt"),
                                       os.path.join(tmp, f"{i}-1.txt")] for i in range(len(pairs))]))

    med = statistics.median
    print(f"word-level diff of {len(pairs)} MSRP train pairs, CPU time, median of {runs} runs")
    print(f"  px-diff (bench-diff), the diffs alone:        {med(ours_inner) * 1e3:9.2f} ms")
    print(f"  px-diff (bench-diff), whole process:          {med(ours_process) * 1e3:9.2f} ms")
    print(f"  dwdiff on two files of all sentences (1 run): {med(peer_files) * 1e3:9.2f} ms")
    print(f"  dwdiff once per pair ({len(pairs)} processes):     {med(peer_pairs) * 1e3:9.2f} ms")
    print(f"  ratio, whole process vs dwdiff on two files:  {med(peer_files) / med(ours_process):9.2f} × faster")
    print(f"  ratio, whole process vs dwdiff per pair:      {med(peer_pairs) / med(ours_process):9.2f} × faster")
    figures = [
        {"what": "diff 1000 pairs (process, CPU)", "value": round(med(ours_process) * 1e3, 2), "unit": "ms",
         "peer": "dwdiff, two files", "peer_value": round(med(peer_files) * 1e3, 2), "goal": "faster"},
        {"what": "diff 1000 pairs, one each (CPU)", "value": round(med(ours_process) * 1e3, 2), "unit": "ms",
         "peer": "dwdiff per pair", "peer_value": round(med(peer_pairs) * 1e3, 2), "goal": "faster"},
    ]
    print("BENCH_JSON " + json.dumps({"name": "diff", "figures": figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
