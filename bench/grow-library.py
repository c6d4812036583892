#!/usr/bin/env python3
# grow-library.py: a JSON Lines library of up to ~1,000,000 real articles for the scale benchmarks.
#
# make-library.py leaves out one sentence per copy, which yields some 3,400 distinct articles
# from ECB+ (its 900 usable articles times their sentences), whatever N it is asked for. This
# generator reads the same articles through make-library.py's load () and makes copy r of an
# article by leaving out the r-th combination of two (then three) of its body sentences, so
# 100,000 distinct articles exist; every sentence is corpus text, none is invented. Copies of
# one ECB+ subtopic are grouped into events of about 30 articles (three rounds of copies
# under their own outlets and dates), the 2-to-50 range of the issue.
#
# Usage: grow-library.py N OUT.jsonl [--corpora DIR]
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import datetime
import hashlib
import importlib.util
import itertools
import json
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROUNDS_PER_EVENT = 3


def make_library_module():
    spec = importlib.util.spec_from_file_location("make_library", os.path.join(HERE, "make-library.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drop_sets(n_body):
    """The sentence sets copy 1, 2, … of an article with n_body body sentences leaves out."""
    for k in (2, 3):
        yield from itertools.combinations(range(n_body), k)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--corpora", default=os.environ.get(
        "PX_SHARED_CORPORA", os.path.join(HERE, "..", "..", "shared", "corpora")))
    args = parser.parse_args()

    docs = make_library_module().load(args.corpora)
    variants = [drop_sets(len(texts) - 1) for _, _, _, texts in docs]
    base = datetime.date(2013, 1, 1)
    written = 0
    # ECB+ holds some wire stories twice under other datelines: their copies would be equal
    # texts, which a library stores once, so each text is written once.
    seen = set()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out + ".part", "w", encoding="utf-8") as out:
        for round_ in itertools.count(1):
            progressed = False
            for (doc_id, subtopic, host, texts), drops in zip(docs, variants):
                if written == args.n:
                    break
                dropped = next(drops, None)
                if dropped is None:
                    continue
                progressed = True
                body = [t for i, t in enumerate(texts[1:]) if i not in dropped]
                if len(body) < 2:
                    continue
                key = hashlib.sha1("\n\n".join(body).encode()).digest()
                if key in seen:
                    continue
                seen.add(key)
                event = f"{subtopic}-{round_ // ROUNDS_PER_EVENT}"
                outlet = f"{(host or 'outlet').split('.')[0]}-{round_}.example"
                published = base + datetime.timedelta(days=zlib.crc32(event.encode()) % 3650)
                written += 1
                out.write(json.dumps({
                    "title": texts[0], "outlet": outlet, "published": published.isoformat(),
                    "url": f"https://{outlet}/{doc_id}/{round_}", "text": "\n\n".join(body),
                    "language": "en", "event": event,
                }, ensure_ascii=False) + "\n")
            if written == args.n or not progressed:
                break
    os.replace(args.out + ".part", args.out)
    if written < args.n:
        print(f"grow-library: only {written} distinct articles", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
