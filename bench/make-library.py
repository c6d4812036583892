#!/usr/bin/env python3
# make-library.py: a JSON Lines library of N real articles for tests and benchmarks.
#
# Recombines the news articles of the ECB+ corpus (../shared/corpora/ecbplus): each output
# article is one corpus article, or, past the corpus's 982, a corpus article with some of
# its first sentences left out, under another outlet and date, so every article's text is real
# and distinct. Events keep their corpus grouping. No prose is invented.
#
# Usage: make-library.py N OUT.jsonl [--corpora DIR] [--seed S]
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import datetime
import json
import os
import random
import sys
import zlib
from urllib.parse import urlparse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build-aux"))
from ecbplus import detokenise, load_documents  # noqa: E402

def load(corpora):
    """(doc_id, subtopic, host, sentences) of every article with three sentences or more."""
    docs = []
    for doc in load_documents(corpora):
        sentences = doc["sentences"][1:] if doc["collection"] == "ecbplus" else doc["sentences"]
        texts = [detokenise(s["tokens"]) for s in sentences if s["tokens"]]
        if len(texts) >= 3:
            host = urlparse(doc["url"]).netloc.removeprefix("www.") if doc["url"] else None
            docs.append((doc["doc_id"], doc["subtopic"], host, texts))
    return docs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--corpora", default=os.environ.get(
        "PX_SHARED_CORPORA", os.path.join(here, "..", "..", "shared", "corpora")))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    docs = load(args.corpora)
    base = datetime.date(2013, 1, 1)
    seen = set()
    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.n * 3):
            if written == args.n:
                break
            doc_id, subtopic, host, texts = docs[i % len(docs)]
            round_ = i // len(docs)
            if round_ > 0:
                # Leave out one of the first sentences of the story (never the title):
                # a cleaner keeps the lead, so the texts stay distinct after cleaning.
                drop = 1 + (round_ - 1) % (len(texts) - 1)
                texts = texts[:drop] + texts[drop + 1:]
            outlet = host or f"outlet-{rng.randrange(1, 60)}.example"
            if round_ > 0:
                outlet = f"{outlet.split('.')[0]}-{round_}.example"
            published = base + datetime.timedelta(days=zlib.crc32(subtopic.encode()) % 365
                                                  + rng.randrange(0, 3))
            body = "\n\n".join(texts[1:])
            # The corpus holds some wire stories twice, under other datelines: a library
            # stores a story once, so keep one of them (keyed on its long paragraphs).
            key = tuple(p for p in texts[1:] if len(p) >= 80)[:3]
            if key in seen:
                continue
            seen.add(key)
            written += 1
            out.write(json.dumps({
                "title": texts[0], "outlet": outlet, "published": published.isoformat(),
                "url": f"https://{outlet}/{doc_id}/{i}", "text": body, "language": "en",
                "event": subtopic,
            }, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
