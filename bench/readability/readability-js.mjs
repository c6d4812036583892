// readability-js.mjs: Mozilla Readability on the article extraction benchmark
//
// Copyright 2026 The Parallax authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node readability-js.mjs CORPUS_DIR OUTPUT.json
// Writes {"output": {id: {"articleBody": text}}} and prints the mean CPU time
// per page of parsing (jsdom) plus extraction (Readability), decompression
// excluded.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(join(process.cwd(), 'package.json'));
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [corpus, outputPath] = process.argv.slice(2);
const truth = JSON.parse(readFileSync(join(corpus, 'ground-truth.json'), 'utf8'));
const ids = Object.keys(truth).sort();
const output = {};
const quiet = new VirtualConsole();
let total = 0;

for (const id of ids) {
  const html = gunzipSync(readFileSync(join(corpus, 'html', `${id}.html.gz`))).toString('utf8');
  const start = process.cpuUsage();
  const dom = new JSDOM(html, { url: truth[id].url, virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  const used = process.cpuUsage(start);
  total += (used.user + used.system) / 1000;
  output[id] = { articleBody: article && article.textContent ? article.textContent.trim() : '' };
  dom.window.close();
}
writeFileSync(outputPath, JSON.stringify({ version: 'readability-js', output }));
console.log(`Readability.js: ${ids.length} pages, mean CPU time per page: ${(total / ids.length).toFixed(2)} ms`);
