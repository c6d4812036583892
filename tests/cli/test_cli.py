#!/usr/bin/env python3
# test_cli.py: parallax-cli's commands, output formats and exit codes (a contract other
# tools read), run on a temporary library with the bundled sample articles.
#
# Usage: test_cli.py PARALLAX_CLI SOURCE_ROOT
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = SOURCE = None


def run(*args, db=None, env=None):
    cmd = [CLI] + (["--db", db] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)


class Cli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "library.sqlite3")
        self.samples = sorted(glob.glob(os.path.join(SOURCE, "data", "sample", "*.txt")))
        self.assertGreaterEqual(len(self.samples), 10)

    def tearDown(self):
        self.tmp.cleanup()

    def import_samples(self):
        result = run("import", *self.samples, db=self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        return [line.split("\t") for line in result.stdout.splitlines()]

    def test_usage_errors(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("frobnicate", db=self.db).returncode, 2)
        self.assertEqual(run("import", db=self.db).returncode, 2)
        self.assertEqual(run("show", "abc", db=self.db).returncode, 2)
        self.assertEqual(run("import", "--published", "last week", self.samples[0], db=self.db).returncode, 2)
        result = run("--db")
        self.assertEqual(result.returncode, 2)

    def test_help_for_every_command(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        listing = result.stdout.split("Commands:")[1].split("Options:")[0]
        commands = re.findall(r"^  ([\w-]+) ", listing, re.M)
        for command in ("import", "list", "show", "search", "outlets", "rm", "reclean", "restore"):
            self.assertIn(command, commands)
        for command in commands:
            result = run(command, "--help")
            self.assertEqual(result.returncode, 0, command)
            self.assertIn("Usage:", result.stdout, command)

    def test_import_list_show(self):
        rows = self.import_samples()
        self.assertEqual(len(rows), len(self.samples))
        for row in rows:
            self.assertEqual(len(row), 3)
            self.assertRegex(row[0], r"^\d+$")
            self.assertTrue(row[2])
        by_title = {row[2]: row for row in rows}
        quake = by_title["6.1-magnitude quake strikes Indonesia's Aceh province in region hit by 2004 tsunami"]
        self.assertEqual(quake[1], "news.com.au")

        listed = [line.split("\t") for line in run("list", db=self.db).stdout.splitlines()]
        self.assertEqual(len(listed), len(rows))
        self.assertEqual({r[0] for r in listed}, {r[0] for r in rows})
        for row in listed:
            self.assertEqual(len(row), 4)
            self.assertRegex(row[2], r"^(\d{4}-\d{2}-\d{2})?$")
        dates = [r[2] for r in listed if r[2]]
        self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertIn([quake[0], "news.com.au", "2013-07-03", quake[2]], listed)

        shown = run("show", quake[0], db=self.db)
        self.assertEqual(shown.returncode, 0)
        self.assertIn("AN EARTHQUAKE killed six children", shown.stdout)
        self.assertNotIn("Source: http", shown.stdout)
        self.assertNotIn("\n\n\n", shown.stdout)
        self.assertIn("\n\n", shown.stdout)
        raw = run("show", "--raw", quake[0], db=self.db).stdout
        self.assertIn("Source: http://www.news.com.au/", raw)

        removed = run("show", "--removed", quake[0], db=self.db)
        self.assertEqual(removed.returncode, 0)
        spans = [line.split("\t") for line in removed.stdout.splitlines()]
        self.assertIn("link-line", [s[2] for s in spans])
        for start, end, reason, text in spans:
            self.assertEqual(raw.encode()[int(start):int(end)].decode().replace("\n", " ").replace("\t", " "), text)

        missing = run("show", "99999", db=self.db)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("99999", missing.stderr)

    def test_restore_and_reclean(self):
        rows = self.import_samples()
        article = rows[0][0]
        spans = [l.split("\t") for l in run("show", "--removed", article, db=self.db).stdout.splitlines()]
        self.assertTrue(spans)
        start, end, reason, text = spans[0]
        self.assertNotIn(text, run("show", article, db=self.db).stdout)

        self.assertEqual(run("restore", article, start, db=self.db).returncode, 0)
        self.assertIn(text, run("show", article, db=self.db).stdout)
        self.assertIn(f"{reason} (restored)", run("show", "--removed", article, db=self.db).stdout)
        # Cleaning again keeps what the user restored.
        recleaned = run("reclean", article, db=self.db)
        self.assertEqual((recleaned.returncode, recleaned.stdout), (0, "1\n"))
        self.assertIn(text, run("show", article, db=self.db).stdout)
        self.assertIn(text.split()[0], run("search", f'"{text.split()[0]}"', db=self.db).stdout + text)

        self.assertEqual(run("restore", "--undo", article, start, db=self.db).returncode, 0)
        self.assertNotIn(text, run("show", article, db=self.db).stdout)
        bad = run("restore", article, str(int(end) + 100000), db=self.db)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("no removed span", bad.stderr)
        # Nothing is outdated right after an import.
        self.assertEqual(run("reclean", db=self.db).stdout, "0\n")

    def test_reimport_is_not_a_failure(self):
        rows = self.import_samples()
        again = run("import", *self.samples, db=self.db)
        self.assertEqual(again.returncode, 0)
        self.assertEqual(again.stdout, "")
        lines = again.stderr.splitlines()
        self.assertEqual(len(lines), len(rows))
        ids = {r[0] for r in rows}
        for line in lines:
            match = re.search(r"already in the library as article (\d+)$", line)
            self.assertTrue(match, line)
            self.assertIn(match.group(1), ids)

    def test_reimport_invisible_characters(self):
        """An article with zero-width spaces and soft hyphens in it, stored by an earlier
        version under the hash of its whole text, is still found when imported again."""
        with open(self.samples[0], encoding="utf-8") as f:
            text = f.read().replace("the ", "th\u00ade\u200b ")
        marked = os.path.join(self.tmp.name, "marked.txt")
        with open(marked, "w", encoding="utf-8") as f:
            f.write(text)
        first = run("import", marked, db=self.db)
        self.assertEqual(first.returncode, 0, first.stderr)
        article = first.stdout.split("\t")[0]
        # The earlier versions' hash: SHA-256 of the clean text's words, each followed by a space.
        db = sqlite3.connect(self.db)
        (clean,) = db.execute("SELECT clean_text FROM articles WHERE id = ?", (article,)).fetchone()
        self.assertIn("\u200b", clean)
        words = [w for w in re.split(r"[ \t\n\v\f\r]+", clean) if w]
        whole = hashlib.sha256("".join(w + " " for w in words).encode("utf-8")).hexdigest()
        db.execute("UPDATE articles SET content_hash = ? WHERE id = ?", (whole, article))
        db.commit()
        db.close()
        again = run("import", marked, db=self.db)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(again.stdout, "")
        self.assertIn(f"already in the library as article {article}", again.stderr)
        # Without them, the same story is the same article, once stored under the new hash.
        db = sqlite3.connect(self.db)
        db.execute("DELETE FROM articles")
        db.commit()
        db.close()
        self.assertEqual(run("import", marked, db=self.db).returncode, 0)
        plain = run("import", self.samples[0], db=self.db)
        self.assertEqual(plain.stdout, "")
        self.assertIn("already in the library as article", plain.stderr)

    def test_failures_name_the_file(self):
        empty = os.path.join(self.tmp.name, "empty.txt")
        open(empty, "w").close()
        bad = os.path.join(self.tmp.name, "bad.jsonl")
        with open(bad, "w") as f:
            f.write('{"title": "x", "text": "A strong earthquake struck Aceh."}\n{"title": \n')
        result = run("import", empty, bad, self.samples[0], db=self.db)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stdout.splitlines()), 2)
        self.assertIn(f"{empty}: the file is empty", result.stderr)
        self.assertIn(f"{bad}:2: not valid JSON", result.stderr)

    def test_search(self):
        self.import_samples()
        hits = run("search", "earthquake", "Aceh", db=self.db)
        self.assertEqual(hits.returncode, 0)
        rows = [line.split("\t") for line in hits.stdout.splitlines()]
        self.assertGreaterEqual(len(rows), 3)
        for row in rows:
            self.assertEqual(len(row), 4)
            self.assertIn("[", row[3])
        for query in ('"unterminated', "AND", "(((", "NEAR("):
            bad = run("search", query, db=self.db)
            self.assertEqual(bad.returncode, 2, query)
            self.assertIn("Cannot search for", bad.stderr)
            self.assertNotIn("Traceback", bad.stderr)

    def test_filters(self):
        self.import_samples()
        outlets = run("outlets", db=self.db)
        self.assertEqual(outlets.returncode, 0, outlets.stderr)
        names = outlets.stdout.splitlines()
        self.assertEqual(names, sorted(names, key=str.lower))
        every = [line.split("\t") for line in run("list", db=self.db).stdout.splitlines()]
        self.assertEqual(set(names), {row[1] for row in every})
        # Each outlet's list holds its articles, and together they hold all.
        total = 0
        for name in names:
            rows = [line.split("\t") for line in run("list", "--outlet", name, db=self.db).stdout.splitlines()]
            self.assertTrue(rows and all(row[1] == name for row in rows), name)
            total += len(rows)
        self.assertEqual(total, len(every))
        # Days: both ends included, undated articles left out.
        august = [line.split("\t") for line in
                  run("list", "--since", "2013-08-01", "--until", "2013-08-02", db=self.db).stdout.splitlines()]
        self.assertEqual(sorted(august), sorted(row for row in every if "2013-08-01" <= row[2] <= "2013-08-02"))
        self.assertTrue(august)
        hits = run("search", "--outlet", "foxnews.com", "Oscars", db=self.db)
        self.assertEqual(hits.returncode, 0, hits.stderr)
        self.assertEqual([line.split("\t")[1] for line in hits.stdout.splitlines()], ["foxnews.com"])
        # A day that is not one, or days the wrong way round: a usage error naming it.
        for args in (("list", "--since", "2013-02-30"), ("search", "--until", "08/02/2013", "Oscars"),
                     ("list", "--since", "2013-09-01", "--until", "2013-08-01")):
            bad = run(*args, db=self.db)
            self.assertEqual(bad.returncode, 2, args)
            self.assertIn(args[2], bad.stderr)

    def test_rm(self):
        rows = self.import_samples()
        self.assertEqual(run("rm", rows[0][0], rows[1][0], db=self.db).returncode, 0)
        self.assertEqual(len(run("list", db=self.db).stdout.splitlines()), len(rows) - 2)
        # One unknown id: nothing is removed.
        result = run("rm", rows[2][0], "424242", db=self.db)
        self.assertEqual(result.returncode, 1)
        self.assertIn("424242", result.stderr)
        self.assertEqual(len(run("list", db=self.db).stdout.splitlines()), len(rows) - 2)
        self.assertEqual(len(run("search", "Aceh", db=self.db).stdout.splitlines()) <= len(rows), True)

    def test_default_library_location(self):
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.tmp.name, "data"))
        result = run("import", self.samples[0], env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.exists(os.path.join(self.tmp.name, "data", "parallax", "library.sqlite3")))

    def test_thousand_articles(self):
        corpora = os.environ.get("PX_SHARED_CORPORA", os.path.join(SOURCE, "..", "shared", "corpora"))
        if not os.path.exists(os.path.join(corpora, "ecbplus", "documents.jsonl.gz")):
            self.skipTest(f"the ECB+ corpus is not at {corpora}")
        library = os.path.join(self.tmp.name, "thousand.jsonl")
        subprocess.run([sys.executable, os.path.join(SOURCE, "bench", "make-library.py"), "1000", library,
                        "--corpora", corpora], check=True)
        first = run("import", library, db=self.db)
        self.assertEqual(first.returncode, 0, first.stderr[:2000])
        ids = [line.split("\t")[0] for line in first.stdout.splitlines()]
        self.assertEqual(len(ids), 1000)
        self.assertEqual(len(set(ids)), 1000)
        self.assertEqual(len(run("list", db=self.db).stdout.splitlines()), 1000)
        again = run("import", library, db=self.db)
        self.assertEqual(again.returncode, 0)
        self.assertEqual(again.stdout, "")
        self.assertEqual(len([l for l in again.stderr.splitlines() if "already in the library" in l]), 1000)
        self.assertEqual(len(run("list", db=self.db).stdout.splitlines()), 1000)


if __name__ == "__main__":
    CLI, SOURCE = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
