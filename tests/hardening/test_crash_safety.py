#!/usr/bin/env python3
# test_crash_safety.py: `parallax-cli import` killed with SIGKILL loses nothing it reported.
#
# Usage: test_crash_safety.py PARALLAX-CLI PROJECT-ROOT
#
# Imports 5,000 JSON Lines records of real ECB+ articles (bench/make-library.py; it yields
# 3,434 distinct articles, so the file repeats its first records to reach 5,000 and the
# importer's duplicate detection is under test too), kills the import with SIGKILL once
# at least one batch has been reported and before it finishes, then checks:
#   - the library opens: PRAGMA integrity_check is "ok", the FTS5 index passes its own
#     integrity-check and holds exactly the articles' rows;
#   - every article reported on stdout before the kill is in the library, whole: its
#     raw text equals its source record's text, its title and outlet are the record's,
#     its cleaned text is non-empty and made of the record's own paragraphs;
#   - importing the same file again stores exactly the records not yet stored, and
#     every record is then either an article or reported as a duplicate of one;
#   - importing it a third time stores nothing (stdout empty) and adds no row.
# Then re-analysis: `reclean` of 400 articles marked as cleaned by an older version is
# killed after 0.5 s: the library is sound, every article is whole, each one either kept
# its old cleaned text (and old version) or has the new version; `reclean` again finishes
# the rest. `compare --event` of the largest event, its cache emptied, is killed at five
# moments: the library is sound and the next compare prints exactly what an undisturbed
# compare on a copy printed. `import-notes` of 1,000 notes is killed at three moments:
# the library is sound and holds none of them; the next import adds all, a third none.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

N_RECORDS = 5000
# Re-analysis: how many articles to re-clean, and when to kill it.
RECLEAN_ARTICLES = 400
RECLEAN_KILL_AFTER = 0.5
COMPARE_KILL_DELAYS = [0.05, 0.15, 0.3, 0.5, 0.8]
# Notes import: how many notes the export file carries, and when to kill it.
N_NOTES = 1000
NOTES_KILL_DELAYS = [0.02, 0.1, 0.3]


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def make_library(root, tmp):
    corpora = os.environ.get("PX_SHARED_CORPORA",
                             os.path.join(root, "..", "shared", "corpora"))
    if not os.path.exists(os.path.join(corpora, "ecbplus", "documents.jsonl.gz")):
        print(f"SKIP: the ECB+ corpus is missing from {corpora}")
        sys.exit(77)
    distinct = os.path.join(tmp, "distinct.jsonl")
    subprocess.run([sys.executable, os.path.join(root, "bench", "make-library.py"),
                    str(N_RECORDS), distinct, "--corpora", corpora], check=True,
                   stdout=subprocess.DEVNULL)
    lines = open(distinct, encoding="utf-8").read().splitlines()
    lines = (lines * (N_RECORDS // len(lines) + 1))[:N_RECORDS]
    path = os.path.join(tmp, "library.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path, [json.loads(line) for line in lines]


def import_and_kill(cli, db, source):
    """Starts the import, kills it after its first reported batch; returns its stdout."""
    out_path = db + ".killed.out"
    with open(out_path, "wb") as out:
        proc = subprocess.Popen([cli, "--db", db, "import", source], stdout=out,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            if os.path.getsize(out_path) > 0:
                break
            time.sleep(0.05)
        # Into the next batch: between the commits, where a kill hurts most.
        time.sleep(1.5)
        check(proc.poll() is None,
              "the import finished before it could be killed: make the library larger")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    check(proc.returncode == -signal.SIGKILL, f"import exited with {proc.returncode}")
    return open(out_path, encoding="utf-8").read()


def parse_stored(stdout):
    rows = []
    for line in stdout.splitlines(keepends=True):
        # A line cut by the kill has no newline: it was never fully reported.
        if line.endswith("\n"):
            article_id, outlet, title = line.rstrip("\n").split("\t")
            rows.append((int(article_id), outlet, title))
    return rows


def check_library(db):
    conn = sqlite3.connect(db)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        check(result == [("ok",)], f"integrity_check: {result}")
        try:
            conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as e:
            fail(f"FTS5 integrity-check: {e}")
        n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        check(n_articles == n_indexed,
              f"{n_articles} articles but {n_indexed} rows in the search index")
        missing = conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                               "(SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)"
                               ).fetchone()[0]
        check(missing == 0, f"{missing} articles are not in the search index")
        rows = conn.execute("SELECT a.id, a.url, a.title, o.name, a.raw_text, a.clean_text "
                            "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
                            ).fetchall()
        conn.commit()
    finally:
        conn.close()
    return {row[0]: row[1:] for row in rows}


def check_whole(articles, records_by_url):
    for article_id, (url, title, outlet, raw, clean) in articles.items():
        record = records_by_url.get(url)
        check(record is not None, f"article {article_id} ({url}) is not from the source")
        check(title == record["title"], f"article {article_id}: title {title!r}")
        check(outlet == record["outlet"], f"article {article_id}: outlet {outlet!r}")
        check(raw == record["text"], f"article {article_id}: raw text differs from its source")
        check(clean.strip() != "", f"article {article_id}: empty cleaned text")
        for paragraph in clean.split("\n\n"):
            check(paragraph in record["text"],
                  f"article {article_id}: cleaned paragraph not in its source: {paragraph!r}")


def kill_reclean(cli, db, records_by_url):
    """Kills `reclean` of RECLEAN_ARTICLES articles an "older version" cleaned."""
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, clean_text, cleaner_version FROM articles ORDER BY id "
                        "LIMIT ?", (RECLEAN_ARTICLES,)).fetchall()
    current = rows[0][2]
    conn.executemany("UPDATE articles SET cleaner_version = 0 WHERE id = ?",
                     [(row[0],) for row in rows])
    conn.commit()
    conn.close()
    old = {row[0]: row[1] for row in rows}

    proc = subprocess.Popen([cli, "--db", db, "reclean"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(RECLEAN_KILL_AFTER)
    check(proc.poll() is None, "reclean finished before it could be killed")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    articles = check_library(db)
    check_whole(articles, records_by_url)
    conn = sqlite3.connect(db)
    versions = dict(conn.execute("SELECT id, cleaner_version FROM articles"))
    conn.close()
    done = [i for i in old if versions[i] == current]
    for article_id, text in old.items():
        if versions[article_id] == 0:
            check(articles[article_id][4] == text,
                  f"article {article_id}: cleaned text changed but its version did not")
    print(f"reclean killed after {RECLEAN_KILL_AFTER} s: {len(done)} of {len(old)} re-cleaned")

    again = subprocess.run([cli, "--db", db, "reclean"], capture_output=True, text=True)
    check(again.returncode == 0, f"reclean after the kill failed: {again.stderr}")
    check_whole(check_library(db), records_by_url)
    conn = sqlite3.connect(db)
    stale = conn.execute("SELECT count(*) FROM articles WHERE cleaner_version <> ?",
                         (current,)).fetchone()[0]
    conn.close()
    check(stale == 0, f"{stale} articles left unre-cleaned")


def kill_compare(cli, db, tmp):
    """Kills `compare --event` of the largest event at several moments; the analysis it
    caches must never be half written: the next compare prints what an undisturbed one
    prints."""
    conn = sqlite3.connect(db)
    event = conn.execute("SELECT event_id FROM event_articles GROUP BY event_id "
                         "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    conn.close()
    reference_db = os.path.join(tmp, "reference.sqlite3")
    shutil.copy(db, reference_db)
    command = ["compare", "--event", str(event)]
    reference = subprocess.run([cli, "--db", reference_db] + command, capture_output=True)
    check(reference.returncode == 0, f"compare failed: {reference.stderr}")
    landed = 0
    for delay in COMPARE_KILL_DELAYS:
        conn = sqlite3.connect(db)
        conn.execute("DELETE FROM comparisons")  # analyse again, do not read the cache
        conn.commit()
        conn.close()
        proc = subprocess.Popen([cli, "--db", db] + command, stdout=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            landed += 1
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        check_library(db)
        again = subprocess.run([cli, "--db", db] + command, capture_output=True)
        check(again.stdout == reference.stdout, f"compare after a kill at {delay} s differs")
    print(f"compare --event {event}: {landed} of {len(COMPARE_KILL_DELAYS)} kills landed "
          "before it finished; every next compare matched")


def count_notes(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    finally:
        conn.close()


def kill_notes_import(cli, db, tmp):
    """Kills `import-notes` of a 1,000-note export at several moments: the library keeps
    its notes and gains none half-written; the next import adds them all, a third none."""
    conn = sqlite3.connect(db)
    article = conn.execute("SELECT min(id) FROM articles").fetchone()[0]
    conn.close()
    added = subprocess.run([cli, "--db", db, "note", "add", "--article", str(article), "--start",
                            "0", "--end", "12", "--text", "the note exported", "--tag", "crash"],
                           capture_output=True, text=True)
    check(added.returncode == 0, f"note add: {added.stderr}")
    exported = subprocess.run([cli, "--db", db, "export", str(article), "--format", "json",
                               "--notes-only"], capture_output=True, text=True)
    check(exported.returncode == 0, f"export: {exported.stderr}")
    document = json.loads(exported.stdout)
    template = document["notes"][0]
    document["notes"] = [dict(template, id=i + 1, body=f"imported note {i}") for i in range(N_NOTES)]
    source = os.path.join(tmp, "notes.json")
    with open(source, "w", encoding="utf-8") as out:
        json.dump(document, out)

    before = count_notes(db)
    landed = 0
    for delay in NOTES_KILL_DELAYS:
        proc = subprocess.Popen([cli, "--db", db, "import-notes", source],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is not None:
            break
        landed += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        check_library(db)
        check(count_notes(db) == before, f"a notes import killed at {delay} s left "
              f"{count_notes(db) - before} notes")
    result = subprocess.run([cli, "--db", db, "import-notes", source], capture_output=True, text=True)
    check(count_notes(db) == before + N_NOTES or landed == 0,
          f"after {landed} kills, import-notes gave {count_notes(db) - before} notes: {result.stderr}")
    again = subprocess.run([cli, "--db", db, "import-notes", source], capture_output=True, text=True)
    check(again.returncode == 0, f"import-notes again: {again.stderr}")
    check(count_notes(db) == before + N_NOTES, f"{count_notes(db) - before} notes, not {N_NOTES}")
    print(f"import-notes: {landed} of {len(NOTES_KILL_DELAYS)} kills landed before it finished; "
          f"then {N_NOTES} notes, once")


def main():
    cli, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        source, records = make_library(root, tmp)
        records_by_url = {r["url"]: r for r in records}
        check(len(records_by_url) == len(set(json.dumps(r) for r in records)),
              "make-library.py gave two records one url")
        db = os.path.join(tmp, "library.sqlite3")

        start = time.monotonic()
        reported = parse_stored(import_and_kill(cli, db, source))
        print(f"killed after {time.monotonic() - start:.1f} s, {len(reported)} articles reported")
        check(len(reported) > 0, "nothing was reported before the kill")

        articles = check_library(db)
        print(f"after the kill: {len(articles)} articles in the library")
        check(len(articles) < len(records_by_url), "the kill came after the last article")
        for article_id, outlet, title in reported:
            check(article_id in articles, f"article {article_id} was reported but is lost")
            check(articles[article_id][1] == title, f"article {article_id}: reported title "
                  f"{title!r}, stored {articles[article_id][1]!r}")
        check_whole(articles, records_by_url)

        again = subprocess.run([cli, "--db", db, "import", source], capture_output=True,
                               text=True)
        check(again.returncode == 0, f"re-import failed ({again.returncode}): {again.stderr}")
        added = parse_stored(again.stdout)
        after = check_library(db)
        check(len(after) == len(articles) + len(added),
              f"{len(articles)} + {len(added)} reported, but {len(after)} in the library")
        check(all(i in after for i in articles), "the re-import lost an article")
        check_whole(after, records_by_url)
        stored_urls = {row[0] for row in after.values()}
        duplicates = {}
        for line in again.stderr.splitlines():
            match = re.match(r"^.*:(\d+): already in the library as article (\d+)$", line)
            check(match is not None, f"unexpected message: {line}")
            duplicates[int(match.group(1))] = int(match.group(2))
        for n, record in enumerate(records, 1):
            check(record["url"] in stored_urls or duplicates.get(n) in after,
                  f"line {n} ({record['url']}) is neither stored nor a duplicate")
        print(f"re-import: {len(added)} added, {len(after)} articles")

        third = subprocess.run([cli, "--db", db, "import", source], capture_output=True,
                               text=True)
        check(third.returncode == 0, f"third import failed: {third.stderr}")
        check(third.stdout == "", f"the third import stored again: {third.stdout[:200]!r}")
        check(len(check_library(db)) == len(after), "the third import changed the library")

        kill_reclean(cli, db, records_by_url)
        kill_compare(cli, db, tmp)
        kill_notes_import(cli, db, tmp)
        print("PASS")


if __name__ == "__main__":
    main()
