#!/usr/bin/python3
# bench-align-peer.py: aligning the claims of 30-article events, Parallax against scikit-learn.
#
# The peer is what a researcher would write in an afternoon: TF-IDF vectors of every sentence
# (Debian's python3-sklearn), cosine similarity over all sentence pairs, pairs over a
# threshold joined into claims. Its threshold is the best accuracy on the MSRP training split;
# its accuracy on the MSRP test split is printed beside Parallax's (bench-alignment, when
# built). MSRP is read in place from ../shared/corpora/msrp, never copied.
#
# Events: for each of the first EVENTS ECB+ subtopics holding 30 articles in LIBRARY, its 30
# articles (distinct corpus articles first, then their copies). In the same run,
# `parallax-cli compare ID…` (claims, word changes, conflicts and JSON output: more than
# alignment; the library's cache of comparisons is emptied before each run, so it computes)
# and the peer align the same sentences (those the compare prints). Figures are
# CPU time: of the whole parallax-cli process (getrusage of children), and of the peer's
# vectorising, similarity and grouping alone (time.process_time, without Python's start and
# sklearn's import, which favours the peer). Medians over RUNS runs.
#
# With BENCH_ALIGN_DRIVER (bench/bench-align-driver.c), Parallax's aligner alone (px_aligner on
# the same sentences, in-process CPU time without start-up, like the peer's) is timed as well,
# twice: from the raw sentences (word boundaries and stemming included) and from their cached
# analysis (tokens made once, as px-comparison.c keeps them between comparisons); the peer
# always starts from the raw sentences (TfidfVectorizer tokenises them in its time). The driver
# takes the median of at least 11 runs (a few milliseconds each), each in a thread of its own so
# that no tokenizer cache carries over from one run to the next.
#
# Usage: bench-align-peer.py PARALLAX_CLI LIBRARY.sqlite3 [RUNS] [BENCH_ALIGNMENT] [BENCH_ALIGN_DRIVER]
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import collections
import json
import os
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EVENT_SIZE = 30
EVENTS = 5


def corpora_dir():
    return os.environ.get("PX_SHARED_CORPORA", os.path.join(HERE, "..", "..", "shared", "corpora"))


def drop_cached_comparisons(library):
    """The library caches what it compared (table comparisons): drop it so every run computes."""
    db = sqlite3.connect(library)
    db.execute("DELETE FROM comparisons")
    db.commit()
    db.close()


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def events(library):
    """Lists of EVENT_SIZE article ids, one per ECB+ subtopic (from the articles' addresses)."""
    db = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    by_subtopic = collections.defaultdict(list)
    for article_id, url in db.execute("SELECT id, url FROM articles ORDER BY id"):
        m = re.search(r"/(\d+)_\d+(ecb(?:plus)?)/(\d+)$", url or "")
        if m:
            by_subtopic[f"{m.group(1)}_{m.group(2)}"].append((int(m.group(3)), article_id))
    db.close()
    chosen = [sorted(ids)[:EVENT_SIZE] for ids in by_subtopic.values() if len(ids) >= EVENT_SIZE]
    return [[article_id for _, article_id in ids] for ids in chosen[:EVENTS]]


def read_msrp(name):
    with open(os.path.join(corpora_dir(), "msrp", name), encoding="utf-8-sig") as f:
        rows = [line.rstrip("\n").split("\t") for line in f.readlines()[1:]]
    return [(int(r[0]), r[3], r[4]) for r in rows if len(r) >= 5]


def msrp_scores(vectorizer, rows):
    from sklearn.metrics.pairwise import paired_cosine_distances
    a = vectorizer.transform([r[1] for r in rows])
    b = vectorizer.transform([r[2] for r in rows])
    return 1 - paired_cosine_distances(a, b)


def tune_on_msrp():
    """The peer's threshold (best accuracy on MSRP train) and its MSRP test accuracy."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    train, test = read_msrp("msr_paraphrase_train.txt"), read_msrp("msr_paraphrase_test.txt")
    vectorizer = TfidfVectorizer().fit([s for r in train for s in r[1:]])
    scores = msrp_scores(vectorizer, train)
    gold = [r[0] for r in train]
    best = max((sum((s >= t) == g for s, g in zip(scores, gold)), t)
               for t in [i / 100 for i in range(1, 100)])
    threshold = best[1]
    test_scores = msrp_scores(vectorizer, test)
    accuracy = 100 * sum((s >= threshold) == r[0] for s, r in zip(test_scores, test)) / len(test)
    return threshold, accuracy


def peer_align(sentences, threshold):
    """Claims of the sentences: TF-IDF, cosine of all pairs, pairs over the threshold joined."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity
    vectors = TfidfVectorizer().fit_transform(sentences)
    similar = cosine_similarity(vectors, dense_output=False) >= threshold
    parent = list(range(len(sentences)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    rows, cols = similar.nonzero()
    for i, j in zip(rows, cols):
        if i < j:
            parent[find(i)] = find(j)
    return len({find(i) for i in range(len(sentences))})


def aligner_alone(driver, result, runs):
    """Median CPU seconds of px_aligner on the compare's sentences, from their raw text and from
    their cached analysis (tokens made once before the runs), or (None, None) without a driver."""
    if not driver or not os.path.exists(driver):
        return None, None
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write("\n\n".join("\n".join(s["text"].replace("\n", " ") for s in a["sentences"])
                             for a in result["articles"]))
        f.flush()
        output = subprocess.run([driver, f.name, str(max(runs, 11))], capture_output=True, text=True,
                                check=True).stdout
    raw = float(re.search(r"claims, median CPU ([0-9.]+) ms", output).group(1)) / 1e3
    analysed = float(re.search(r"cached analysis: median CPU ([0-9.]+) ms", output).group(1)) / 1e3
    return raw, analysed


def parallax_msrp_accuracy(bench_alignment):
    if not bench_alignment or not os.path.exists(bench_alignment):
        return None
    output = subprocess.run([bench_alignment, "--only", "msrp"], capture_output=True, text=True).stdout
    for line in output.splitlines():
        if line.startswith("BENCH_JSON "):
            figures = json.loads(line[len("BENCH_JSON "):]).get("figures", {})
            for name, value in (figures.items() if isinstance(figures, dict) else []):
                if "msrp" in name and "acc" in name and "test" in name:
                    return value
    return None


def main():
    if len(sys.argv) < 3:
        print("Usage: bench-align-peer.py PARALLAX_CLI LIBRARY.sqlite3 [RUNS] [BENCH_ALIGNMENT]")
        return 2
    cli, library = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    if not os.path.isdir(os.path.join(corpora_dir(), "msrp")):
        print(f"bench-align-peer: {corpora_dir()}/msrp is missing: the benchmark reads MSRP from ../shared")
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("bench-align-peer: needs Debian's python3-sklearn (run with /usr/bin/python3)")
        return 0

    threshold, peer_accuracy = tune_on_msrp()
    ours_accuracy = parallax_msrp_accuracy(sys.argv[4] if len(sys.argv) > 4 else None)
    chosen = events(library)
    if not chosen:
        print(f"bench-align-peer: no subtopic with {EVENT_SIZE} articles in {library}")
        return 1
    driver = sys.argv[5] if len(sys.argv) > 5 else None
    ours, alone, analysed, peer, n_sentences, claims_ours, claims_peer = [], [], [], [], 0, 0, 0
    for ids in chosen:
        command = [cli, "--db", library, "compare", "--format", "json"] + [str(i) for i in ids]
        times, peer_times = [], []
        for _ in range(runs):
            drop_cached_comparisons(library)
            start = children_cpu()
            result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
            times.append(children_cpu() - start)
            sentences = [s["text"] for a in result["articles"] for s in a["sentences"]]
            start = time.process_time()
            n_claims = peer_align(sentences, threshold)
            peer_times.append(time.process_time() - start)
        ours.append(statistics.median(times))
        peer.append(statistics.median(peer_times))
        raw, from_analysis = aligner_alone(driver, result, runs)
        alone.append(raw)
        analysed.append(from_analysis)
        n_sentences += len(sentences)
        claims_ours += len(result["claims"])
        claims_peer += n_claims
        print(f"  event of {len(ids)} articles, {len(sentences)} sentences: parallax-cli compare "
              f"{ours[-1] * 1e3:8.1f} ms, px_aligner alone "
              f"{alone[-1] * 1e3 if alone[-1] is not None else float('nan'):7.1f} ms, from cached analysis "
              f"{analysed[-1] * 1e3 if analysed[-1] is not None else float('nan'):7.1f} ms, "
              f"peer {peer[-1] * 1e3:8.1f} ms CPU "
              f"({len(result['claims'])} vs {n_claims} claims)")

    total_ours, total_peer = sum(ours), sum(peer)
    print(f"aligning {len(chosen)} events of {EVENT_SIZE} articles ({n_sentences} sentences), "
          f"CPU time, median of {runs} runs each")
    print(f"  parallax-cli compare (whole process):  {total_ours / len(chosen) * 1e3:9.1f} ms an event")
    print(f"  TF-IDF + cosine peer (alignment only): {total_peer / len(chosen) * 1e3:9.1f} ms an event")
    print(f"  speed ratio:                           {total_peer / total_ours:9.2f} × (goal ≥ 20)")
    total_alone = sum(alone) if None not in alone else None
    total_analysed = sum(analysed) if None not in analysed else None
    if total_alone:
        print(f"  px_aligner alone (same sentences):     {total_alone / len(chosen) * 1e3:9.1f} ms an event, "
              f"{total_peer / total_alone:.2f} × the peer's speed")
        print(f"  px_aligner from cached analysis:       {total_analysed / len(chosen) * 1e3:9.1f} ms an event, "
              f"{total_peer / total_analysed:.2f} × the peer's speed (peer from raw text)")
    print(f"  peer threshold {threshold:.2f} (MSRP train), peer MSRP test accuracy {peer_accuracy:.1f} %, "
          f"Parallax's {ours_accuracy if ours_accuracy is not None else 'n/a (bench-alignment)'}")
    figures = [
        {"what": "align a 30-article event (CPU)", "value": round(total_ours / len(chosen) * 1e3, 1),
         "unit": "ms", "peer": "sklearn TF-IDF cosine", "peer_value": round(total_peer / len(chosen) * 1e3, 1),
         "goal": "20x faster"},
        {"what": "align a 30-article event, aligner alone (CPU)",
         "value": round(total_alone / len(chosen) * 1e3, 1) if total_alone else None, "unit": "ms",
         "peer": "sklearn TF-IDF cosine", "peer_value": round(total_peer / len(chosen) * 1e3, 1),
         "goal": "20x faster"},
        {"what": "align a 30-article event, aligner from cached analysis (CPU)",
         "value": round(total_analysed / len(chosen) * 1e3, 1) if total_analysed else None, "unit": "ms",
         "peer": "sklearn TF-IDF cosine (from raw text)", "peer_value": round(total_peer / len(chosen) * 1e3, 1),
         "goal": "20x faster"},
        {"what": "MSRP test accuracy", "value": ours_accuracy, "unit": "%",
         "peer": "sklearn TF-IDF cosine", "peer_value": round(peer_accuracy, 1), "goal": ">= peer"},
    ]
    print("BENCH_JSON " + json.dumps({"name": "align-peer", "figures": figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
