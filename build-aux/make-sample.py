#!/usr/bin/env python3
# make-sample.py: regenerates data/sample/ from the ECB+ corpus in ../shared/corpora/ecbplus.
#
# Picks a few events (ECB+ sub-topics) with several outlets each and turns the corpus's
# tokenised sentences back into readable text: a title line, a date line when the article
# had one, a source line with its address, then the story. The texts are not copyrighted;
# the annotations are CC BY 3.0 (Cybulska & Vossen 2014); see data/sample/README.md.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys
from urllib.parse import urlparse

from ecbplus import detokenise, load_documents

EVENTS = ["37_ecbplus", "3_ecbplus", "23_ecbplus", "2_ecbplus"]
PER_EVENT = 5
MIN_WORDS, MAX_WORDS = 140, 800

DATE_LINE = re.compile(r"^(\w+ \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})")


def is_dateline(sentence):
    """A short line holding a date ("INDONESIA, July 2, 2013", "8/2/13 at 1:30 PM")."""
    month = r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    return len(sentence) < 45 and bool(re.search(month + r"|\d{1,2}/\d{1,2}/\d{2}", sentence, re.I))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    docs = load_documents(os.path.join(root, "..", "shared", "corpora"))
    out_dir = os.path.join(root, "data", "sample")
    os.makedirs(out_dir, exist_ok=True)
    for event in EVENTS:
        seen = set()
        chosen = []
        for doc in sorted(docs, key=lambda d: d["doc_id"]):
            if doc["subtopic"] != event or not doc["url"]:
                continue
            host = urlparse(doc["url"]).netloc.lower().removeprefix("www.")
            words = sum(len(s["tokens"]) for s in doc["sentences"])
            first = [detokenise(s["tokens"]) for s in doc["sentences"][1:3]]
            if host in seen or not MIN_WORDS <= words <= MAX_WORDS or all(map(is_dateline, first[:1])) \
                    and is_dateline(first[-1]) or first[-1].lower().startswith("updated"):
                continue
            seen.add(host)
            chosen.append((doc, host))
            if len(chosen) == PER_EVENT:
                break
        for doc, host in chosen:
            sentences = [detokenise(s["tokens"]) for s in doc["sentences"][1:]]
            dateline = sentences.pop(0) if is_dateline(sentences[0]) else None
            title, body = sentences[0], sentences[1:]
            header = [title]
            if dateline:
                header.append("Published: " + dateline)
            elif body and DATE_LINE.match(body[0]) and len(body[0]) < 40:
                header.append("Published: " + body.pop(0))
            header.append("Source: " + doc["url"])
            paragraphs = [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]
            name = f"{event.split('_')[0]}-{host.split('.')[0]}-{doc['doc_id']}.txt"
            with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
                f.write("\n".join(header) + "\n\n" + "\n\n".join(paragraphs) + "\n")
            print(name)


if __name__ == "__main__":
    main()
