#!/usr/bin/env python3
# seed.py: writes a fuzz target's seed corpus from ../shared/corpora and tests/data.
#
# Usage: seed.py TARGET OUTDIR [--corpora DIR]
#
# The corpora are never copied into the project: seeds are written at run time into the
# build folder (build-aux/dev fuzz uses _build-fuzz/corpus/TARGET). The targets of
# fuzz-text.c and fuzz-json.c read a format byte first, fuzz-sentences.c a language byte.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import glob
import gzip
import json
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(here)
sys.path.insert(0, os.path.join(top, "build-aux"))
from ecbplus import detokenise, load_documents  # noqa: E402

MAX_SEEDS = 300


def articles(corpora, rng):
    """(subtopic, title, text) of ECB+ articles, title the first sentence."""
    out = []
    for doc in load_documents(corpora):
        texts = [detokenise(s["tokens"]) for s in doc["sentences"] if s["tokens"]]
        if len(texts) >= 2:
            out.append((doc["subtopic"], texts[0], "\n\n".join(texts[1:])))
    rng.shuffle(out)
    return out


def seeds(target, corpora, rng):
    data = os.path.join(top, "tests", "data")
    if target == "text":
        for path in sorted(glob.glob(os.path.join(data, "text", "*.txt"))):
            yield b"T" + open(path, "rb").read()
        for _, title, text in articles(corpora, rng)[:MAX_SEEDS]:
            yield b"T" + f"{title}\n\n{text}\n".encode()
    elif target == "html":
        for path in sorted(glob.glob(os.path.join(data, "html", "*.html"))):
            yield open(path, "rb").read()
        for path in sorted(glob.glob(os.path.join(corpora, "article-extraction-benchmark",
                                                  "html", "*.html.gz"))):
            yield gzip.open(path).read()
    elif target == "json":
        for path in sorted(glob.glob(os.path.join(data, "import", "*.json*"))):
            yield (b"L" if path.endswith(".jsonl") else b"J") + open(path, "rb").read()
        for i, (_, title, text) in enumerate(articles(corpora, rng)[:MAX_SEEDS]):
            record = {"title": title, "text": text, "published": f"2013-0{i % 9 + 1}-1{i % 9}"}
            yield b"J" + json.dumps(record, ensure_ascii=i % 2 == 0).encode()
    elif target == "sentences":
        languages = ["en", "de", "fr", "es", "it", "nl"]
        cases = json.load(open(os.path.join(corpora, "sentence-boundary", "golden_rules.json")))
        for case in cases:
            if case["lang"] in languages:
                yield bytes([languages.index(case["lang"])]) + case["input"].encode()
        for _, title, text in articles(corpora, rng)[:100]:
            yield b"\0" + text.encode()
    elif target == "align":
        by_event = {}
        for subtopic, title, text in articles(corpora, rng):
            by_event.setdefault(subtopic, []).append(text[:4000])
        for texts in list(by_event.values())[:MAX_SEEDS]:
            if len(texts) >= 2:
                yield "\f".join(texts[:rng.randint(2, 4)]).encode()[:16384]
    elif target == "search":
        for _, title, _ in articles(corpora, rng)[:MAX_SEEDS // 2]:
            words = title.split()
            yield " ".join(rng.sample(words, min(3, len(words)))).encode()
        for query in ['"police said"', "fire OR earthquake", "NEAR(police shot, 5)",
                      "title: climbers", "climb*", "police AND NOT fire", "^New",
                      "{title clean_text}: mountain", "(a OR b) AND c", "- police"]:
            yield query.encode()
    elif target == "anchor":
        # An article, then a quote from it with the words before and after.
        for i, (_, title, text) in enumerate(articles(corpora, rng)[:MAX_SEEDS]):
            words = text.split(" ")
            a = rng.randrange(len(words))
            b = min(len(words), a + rng.randint(1, 12))
            quote = " ".join(words[a:b])
            if i % 3 == 1:
                quote = quote.replace("e", "a", 1)  # a quote that changed a little
            parts = [text, quote, " ".join(words[max(0, a - 4):a]), " ".join(words[b:b + 4])]
            yield bytes([rng.getrandbits(8), rng.getrandbits(8)]) + "\f".join(parts).encode()
    else:
        sys.exit(f"seed.py: unknown target {target}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("target")
    parser.add_argument("outdir")
    parser.add_argument("--corpora", default=os.environ.get(
        "PX_SHARED_CORPORA", os.path.join(top, "..", "shared", "corpora")))
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(1)
    n = 0
    for n, seed in enumerate(seeds(args.target, args.corpora, rng), 1):
        with open(os.path.join(args.outdir, f"seed-{n:04d}"), "wb") as out:
            out.write(seed)
    print(f"seed.py: {n} seeds for {args.target} in {args.outdir}")


if __name__ == "__main__":
    main()
