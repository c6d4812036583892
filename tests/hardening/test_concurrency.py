#!/usr/bin/env python3
# test_concurrency.py: several parallax-cli processes on one library at once lose nothing
# and never tell the user the database is locked.
#
# Usage: test_concurrency.py PARALLAX-CLI PROJECT-ROOT
#
# Two imports of different real ECB+ articles (bench/make-library.py) run at the same time,
# while a third process keeps reading (search, list, events, show) and a fourth keeps
# writing notes on an article the first import has reported. Afterwards:
#   - every process exited 0 and none wrote "locked" or "busy" to stderr;
#   - every article either import reported is in the library, once, and the library holds
#     nothing else; its integrity and search-index checks pass (test_crash_safety's);
#   - every note the writer was told it added is there.
# The window's side (its import thread, its searches, another connection importing at the
# same time) is test-window's /px/window/busy-library.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_crash_safety import check, check_library, parse_stored  # noqa: E402

N_EACH = 600
READS = [["search", "police"], ["search", "earthquake OR quake"], ["list"], ["events"],
         ["show", "1"]]


def make_sources(root, tmp):
    corpora = os.environ.get("PX_SHARED_CORPORA", os.path.join(root, "..", "shared", "corpora"))
    if not os.path.exists(os.path.join(corpora, "ecbplus", "documents.jsonl.gz")):
        print(f"SKIP: the ECB+ corpus is missing from {corpora}")
        sys.exit(77)
    distinct = os.path.join(tmp, "distinct.jsonl")
    subprocess.run([sys.executable, os.path.join(root, "bench", "make-library.py"),
                    str(2 * N_EACH), distinct, "--corpora", corpora], check=True,
                   stdout=subprocess.DEVNULL)
    lines = open(distinct, encoding="utf-8").read().splitlines()
    check(len(lines) >= 2 * N_EACH, f"make-library.py gave {len(lines)} records")
    paths = []
    for i in range(2):
        path = os.path.join(tmp, f"part-{i}.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(lines[i * N_EACH:(i + 1) * N_EACH]) + "\n")
        paths.append(path)
    return paths


def run(cli, db, *args):
    return subprocess.run([cli, "--db", db, *args], capture_output=True, text=True)


def check_quiet(result, what):
    check(result.returncode == 0, f"{what}: exit {result.returncode}: {result.stderr}")
    for word in ("locked", "busy"):
        check(word not in result.stderr.lower(), f"{what}: {result.stderr}")


def main():
    cli, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        sources = make_sources(root, tmp)
        db = os.path.join(tmp, "library.sqlite3")
        check_quiet(run(cli, db, "list"), "list of a new library")

        outs = [open(os.path.join(tmp, f"import-{i}.out"), "w+") for i in range(2)]
        errs = [open(os.path.join(tmp, f"import-{i}.err"), "w+") for i in range(2)]
        imports = [subprocess.Popen([cli, "--db", db, "import", source], stdout=outs[i],
                                    stderr=errs[i], text=True)
                   for i, source in enumerate(sources)]
        reads = notes = 0
        noted = None
        deadline = time.monotonic() + 600
        while any(p.poll() is None for p in imports):
            check(time.monotonic() < deadline, "the imports did not finish in 10 minutes")
            command = READS[reads % len(READS)]
            if command[0] != "show" or parse_stored(open(outs[0].name).read()):
                check_quiet(run(cli, db, *command), " ".join(command) + " during the imports")
                reads += 1
            if noted is None:
                stored = parse_stored(open(outs[0].name).read())
                noted = stored[0][0] if stored else None
            if noted is not None:
                result = run(cli, db, "note", "add", "--article", str(noted), "--start", "0",
                             "--end", "5", "--text", f"note {notes} written during the imports")
                check_quiet(result, "note add during the imports")
                notes += 1
        print(f"{reads} reads and {notes} notes while importing")
        check(reads > 0 and notes > 0, "the imports ended before any read or note")

        reported = []
        for i, p in enumerate(imports):
            errs[i].seek(0)
            outs[i].seek(0)
            result = subprocess.CompletedProcess(p.args, p.returncode, outs[i].read(), errs[i].read())
            check_quiet(result, f"import {i}")
            reported += [row[0] for row in parse_stored(result.stdout)]
        check(len(reported) == len(set(reported)), "an article id was reported twice")
        articles = check_library(db)
        check(set(articles) == set(reported),
              f"{len(articles)} articles in the library, {len(reported)} reported")

        listed = run(cli, db, "note", "list", "--article", str(noted))
        check_quiet(listed, "note list")
        bodies = [line for line in listed.stdout.splitlines() if "written during the imports" in line]
        check(len(bodies) == notes, f"{notes} notes added, {len(bodies)} listed")
        print(f"{len(reported)} articles and {notes} notes, nothing lost, never locked")


if __name__ == "__main__":
    main()
