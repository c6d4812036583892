# ecbplus.py: reading the ECB+ corpus of ../shared/corpora back as readable text.
#
# The corpus stores each sentence as tokens ("It ’ s", "90 - day", "`` quoted ''");
# detokenise() joins them as a reader would expect. Used by build-aux/make-sample.py and
# bench/make-library.py.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import gzip
import json
import os
import sys

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve",
                   "'ll", "'d", "'m", "’s", "''", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘", "#"}
def detokenise(tokens):
    out = ""
    quote_open = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok == "``":
            tok = "“"
        elif tok == "''":
            tok = "”"
        elif tok.endswith("''") and len(tok) > 2:
            tok = tok[:-2] + "”"
        elif tok == '"':
            closing = quote_open or nxt is None or nxt in NO_SPACE_BEFORE
            tok = "”" if closing else "“"
            quote_open = not closing
        glue = (not out or tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or out.endswith("“")
                or tok == "”"
                # contractions split at the apostrophe: It ’ s, I ’ m
                or tok in ("’", "'") and nxt in ("s", "t", "m", "d", "re", "ll", "ve")
                or prev in ("’", "'") and tok in ("s", "t", "m", "d", "re", "ll", "ve")
                # 90 - day, 8 : 13am, 9 / 11, 6 . 1, 2 . 5
                or tok in ("-", "/") and prev not in (None, ",") and nxt is not None
                or prev in ("-", "/") and i > 1 and tokens[i - 2] not in (",",)
                or tok in (":", ".") and prev and prev.isdigit() and nxt and nxt[:1].isdigit()
                or prev in (":", ".") and i > 1 and tokens[i - 2].isdigit() and tok[:1].isdigit()
                # thousands split at the comma: 1 , 000
                or prev == "," and i > 1 and is_thousands_group(tokens[i - 2], tok))
        out += tok if glue else " " + tok
    return out.strip()


def is_thousands_group(before, after):
    """True for the two sides of "1 , 000" but not of "2009 , 300"."""
    return (before.isdigit() and len(before) <= 3
            and len(after) >= 3 and after[:3].isdigit() and not after[3:4].isdigit())


def load_documents(corpora):
    """The corpus's documents, as its README describes them."""
    path = os.path.join(corpora, "ecbplus", "documents.jsonl.gz")
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: the ECB+ corpus of ../shared/corpora is needed")
    return [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
