#!/bin/bash
# run.sh: Parallax's HTML extractor against Mozilla Readability and readability-lxml
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench/readability/run.sh [BUILD_DIR]     (default: _build)
#
# Runs the three extractors on the same 181 pages of the article extraction
# benchmark and scores them with bench-html-extraction's metric, then prints
# how many times faster per page Parallax is. Readability.js
# (@mozilla/readability + jsdom) is installed with npm into
# BUILD_DIR/bench-node; readability-lxml is Debian's python3-readability.
# Either is skipped, with the reason, when it cannot be had. Tests never
# need any of this.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/_build}" 2>/dev/null && pwd) || { echo "no build directory ${1:-$root/_build}"; exit 1; }
corpus=${PX_SHARED_CORPORA:-$root/../shared/corpora}/article-extraction-benchmark
bench=$build/bench/bench-html-extraction
out=$build/bench-readability
node_dir=$build/bench-node
scores=()
timings=()

if [ ! -f "$corpus/ground-truth.json" ]; then
  echo "article-extraction-benchmark not found at $corpus: skipped"
  exit 0
fi
if [ ! -x "$bench" ]; then
  echo "$bench is not built: run ninja -C $build first"
  exit 1
fi
mkdir -p "$out"

if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d "$node_dir/node_modules/@mozilla/readability" ] || [ ! -d "$node_dir/node_modules/jsdom" ]; then
    mkdir -p "$node_dir"
    # jsdom 29 throws on some inline CSS of these pages; 24 parses them all.
    npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error \
      @mozilla/readability@0.6.0 jsdom@24.1.3 >/dev/null \
      || echo "Readability.js skipped: npm could not install @mozilla/readability and jsdom"
  fi
  if [ -d "$node_dir/node_modules/@mozilla/readability" ] && [ -d "$node_dir/node_modules/jsdom" ]; then
    if (cd "$node_dir" && node "$here/readability-js.mjs" "$corpus" "$out/readability-js.json") > "$out/readability-js.txt"; then
      cat "$out/readability-js.txt"
      scores+=(--score "Readability.js=$out/readability-js.json")
      timings+=("$out/readability-js.txt")
    else
      echo "Readability.js skipped: it failed to run (see above)"
    fi
  fi
else
  echo "Readability.js skipped: node and npm are not installed"
fi

if /usr/bin/python3 -c 'import readability, lxml.html' 2>/dev/null; then
  if /usr/bin/python3 "$here/readability-lxml.py" "$corpus" "$out/readability-lxml.json" > "$out/readability-lxml.txt" 2> "$out/readability-lxml.log"; then
    cat "$out/readability-lxml.txt"
    scores+=(--score "readability-lxml=$out/readability-lxml.json")
    timings+=("$out/readability-lxml.txt")
  else
    echo "readability-lxml skipped: it failed to run (see $out/readability-lxml.log)"
  fi
else
  echo "readability-lxml skipped: Debian's python3-readability is not installed"
fi

"$bench" "${scores[@]}" | tee "$out/parallax.txt"

ours=$(sed -n 's/^Parallax: mean CPU time per page: \([0-9.]*\) ms$/\1/p' "$out/parallax.txt")
for file in "${timings[@]}"; do
  sed -n 's/^\(.*\): .* mean CPU time per page: \([0-9.]*\) ms$/\1 \2/p' "$file" |
    awk -v ours="$ours" '{ printf "Parallax is %.1fx faster per page than %s (CPU %.2f ms vs %.2f ms)\n", $2 / ours, $1, ours, $2 }'
done
