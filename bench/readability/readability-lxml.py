#!/usr/bin/python3
# readability-lxml.py: readability-lxml on the article extraction benchmark
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: readability-lxml.py CORPUS_DIR OUTPUT.json
# Needs Debian's python3-readability. Writes {"output": {id: {"articleBody":
# text}}} and prints the mean CPU time per page (parse and extract; the text of
# the summary taken with lxml, decompression excluded).
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document

corpus, output_path = sys.argv[1:3]
with open(os.path.join(corpus, 'ground-truth.json'), encoding='utf-8') as f:
    truth = json.load(f)
output = {}
total = 0.0
for page in sorted(truth):
    with gzip.open(os.path.join(corpus, 'html', page + '.html.gz')) as f:
        html = f.read().decode('utf-8')
    start = time.process_time()
    try:
        summary = Document(html).summary(html_partial=True)
        text = lxml.html.fromstring(summary).text_content().strip() if summary.strip() else ''
    except Exception as error:  # a failure on one page scores as an empty output
        print(f'{page}: {error}', file=sys.stderr)
        text = ''
    total += time.process_time() - start
    output[page] = {'articleBody': text}
with open(output_path, 'w', encoding='utf-8') as f:
    json.dump({'version': 'readability-lxml', 'output': output}, f)
print(f'readability-lxml: {len(truth)} pages, mean CPU time per page: {total * 1000 / len(truth):.2f} ms')
