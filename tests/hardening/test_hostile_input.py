#!/usr/bin/env python3
# test_hostile_input.py: parallax-cli on hostile and broken input: a clear message, no crash,
# nothing already stored lost or changed.
#
# Usage: test_hostile_input.py PARALLAX-CLI PROJECT-ROOT
#
# Every case starts from a library holding real articles (tests/data/import/lines.jsonl)
# and checks, besides its own point, that those articles are still there, unchanged.
# Known defects reported to the lead are marked expectedFailure with the reason; when one
# is fixed, unittest reports an "unexpected success": remove the marker then.
# docs/HARDENING.md lists the cases.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = ROOT = None
DATA = None
# Controls that reorder displayed text (bidirectional embeddings, overrides, isolates).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def limit_resources():
    # 2 GB of address space: an entity expansion or a runaway parse fails instead of
    # taking the machine down. (Not under AddressSanitizer, which maps terabytes.)
    if "ASAN_OPTIONS" not in os.environ:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def run(*args, db=None, timeout=120, preexec=limit_resources, wrap=()):
    cmd = list(wrap) + [CLI] + (["--db", db] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, timeout=timeout, preexec_fn=preexec)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read(path, binary=False):
    with open(path, "rb" if binary else "r", **({} if binary else {"encoding": "utf-8"})) as f:
        return f.read()


def sentences():
    with open(os.path.join(DATA, "text", "ecbplus-1_10ecb.sentences"), encoding="utf-8") as f:
        return f.read().splitlines()


class Hostile(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.db = os.path.join(self.tmp, "library.sqlite3")
        result = run("import", os.path.join(DATA, "import", "lines.jsonl"), db=self.db)
        self.assertIn(result.returncode, (0, 1), result.stderr)
        self.before = self.snapshot()
        self.assertGreater(len(self.before), 0)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def snapshot(self, db=None):
        conn = sqlite3.connect(db or self.db)
        try:
            return conn.execute("SELECT id, title, raw_text, clean_text FROM articles "
                                "ORDER BY id").fetchall()
        finally:
            conn.close()

    def assert_kept(self, db=None):
        """The articles stored before the case are all there, unchanged, and the file is sound."""
        after = {row[0]: row for row in self.snapshot(db)}
        for row in self.before:
            self.assertEqual(after.get(row[0]), row, f"article {row[0]} was lost or changed")
        conn = sqlite3.connect(db or self.db)
        try:
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchall(), [("ok",)])
        finally:
            conn.close()

    def assert_clean_failure(self, result, *words, any_of=()):
        """Refused with exit 1 or 2, no signal, a message naming what went wrong."""
        self.assertIn(result.returncode, (1, 2),
                      f"exit {result.returncode}: {result.stderr[-500:]!r}")
        message = result.stderr.decode("utf-8", errors="replace")
        # Under ASan a crash is exit 1 too: its report is no message.
        self.assertNotIn("Sanitizer", message)
        self.assertNotIn("runtime error", message)
        self.assertTrue(message.startswith("parallax-cli: ") or ": " in message, message)
        for word in words:
            self.assertIn(word, message)
        if any_of:
            self.assertTrue(any(word in message for word in any_of), message)

    def write(self, name, content):
        path = os.path.join(self.tmp, name)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
            f.write(content)
        return path

    def stored_ids(self, result):
        return [int(line.split(b"\t")[0]) for line in result.stdout.splitlines()]

    # --- article content -------------------------------------------------------------

    def test_markup_and_scripts_stay_text(self):
        s = sentences()
        path = self.write("markup.txt",
                          f"<script>alert('x')</script>{s[0]}\n\n"
                          f"<b onclick=\"alert(1)\">{s[1]}</b>\n\n"
                          f"<img src=x onerror=alert(1)>{s[2]}\n\n"
                          f"<iframe src=javascript:alert(1)></iframe>{s[3]}\n")
        result = run("import", path, db=self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        (article_id,) = self.stored_ids(result)
        shown = run("show", "--raw", str(article_id), db=self.db).stdout.decode()
        self.assertEqual(shown, read(path), "raw text changed")
        # Exports show the markup as text, never as live HTML.
        html = run("export", "--format", "html", str(article_id), db=self.db)
        self.assertEqual(html.returncode, 0, html.stderr)
        for live in (b"<script>alert", b"<img src=x", b"<iframe src=javascript", b"<b onclick"):
            self.assertNotIn(live, html.stdout)
        self.assertIn(b"&lt;script&gt;", html.stdout)
        markdown = run("export", "--format", "markdown", str(article_id), db=self.db)
        if shutil.which("cmark"):
            rendered = subprocess.run(["cmark"], input=markdown.stdout, capture_output=True)
            self.assertNotIn(b"<script>alert", rendered.stdout)
            self.assertNotIn(b"<img src=x", rendered.stdout)
        compared = run("compare", "--format", "html", str(article_id), str(self.before[0][0]),
                       db=self.db)
        self.assertEqual(compared.returncode, 0, compared.stderr)
        self.assertNotIn(b"<script>alert", compared.stdout)
        self.assert_kept()

    def bidi_article(self):
        s = sentences()
        title = "\u202e" + s[0] + "\u202c"
        body = (s[1].replace("Ketsoyan", "Ket\u200bsoyan").replace("privacy", "pri\u200dvacy")
                + "\ufeff\n\n" + s[2] + " \u2066" + s[3] + "\u2069\u200f\n\n" + s[4])
        path = self.write("bidi.txt", title + "\n\n" + body + "\n")
        result = run("import", path, db=self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        (article_id,) = self.stored_ids(result)
        return path, article_id

    def test_bidi_and_zero_width(self):
        path, article_id = self.bidi_article()
        given = read(path)
        # The reader drops the controls that reorder text and the stray BOM; every other
        # character, zero-width ones included, is kept as it was.
        raw = run("show", "--raw", str(article_id), db=self.db).stdout.decode()
        self.assertEqual(raw, "".join(c for c in given if c not in BIDI_CONTROLS + "\ufeff"))
        clean = run("show", str(article_id), db=self.db).stdout.decode()
        listed = run("list", db=self.db).stdout.decode()
        line = next(l for l in listed.splitlines() if l.startswith(f"{article_id}\t"))
        for shown in (clean, line):
            self.assertFalse(any(c in shown for c in BIDI_CONTROLS), repr(shown))
        self.assert_kept()

    def search_ids(self, query, db=None):
        result = run("search", query, db=db or self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        return {int(line.split("\t")[0]) for line in result.stdout.decode().splitlines()}

    def test_zero_width_characters_do_not_hide_words(self):
        _, article_id = self.bidi_article()
        self.assertIn(article_id, self.search_ids("privacy"), "pri<ZWJ>vacy not found")
        self.assertIn(article_id, self.search_ids("Ketsoyan"), "Ket<ZWSP>soyan not found")
        # Each invisible character inside a word of the text and of the title; the raw
        # text keeps them, byte for byte.
        s = sentences()
        words = {"\u200b": "Perennial", "\u200c": "Promises", "\u200d": "exclusively",
                 "\u2060": "fashion", "\ufeff": "Mantra", "\u00ad": "Treatment"}
        text = "Wel\u00adcome to the " + s[0] + "\n\n" + "\n\n".join(s[1:]) + "\n"
        for char, word in words.items():
            self.assertIn(word, text)
            text = text.replace(word, word[:3] + char + word[3:])
        path = self.write("invisible.txt", text)
        result = run("import", path, db=self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        (hidden_id,) = self.stored_ids(result)
        # (The reader drops a stray BOM, as test_bidi_and_zero_width checks.)
        self.assertEqual(run("show", "--raw", str(hidden_id), db=self.db).stdout.decode(),
                         text.replace("\ufeff", ""))
        for char, word in words.items():
            self.assertIn(hidden_id, self.search_ids(word), f"{word} with U+{ord(char):04X}")
            # A query carrying the character (copied from a page) finds the word too.
            self.assertIn(hidden_id, self.search_ids(word[:2] + char + word[2:]),
                          f"a query with U+{ord(char):04X}")
        self.assertIn(hidden_id, self.search_ids("title:welcome"), "the title is indexed too")
        # The snippet marks the whole word.
        snippet = run("search", "exclusively", db=self.db).stdout.decode()
        self.assertIn("[exclusively]", snippet)
        # One word, not two: the halves are not words of the index.
        for char, word in words.items():
            self.assertNotIn(hidden_id, self.search_ids(word[3:]), f"{word[3:]} is a word")
        self.assert_kept()
        self.assert_index_sound()

    def assert_index_sound(self, db=None):
        conn = sqlite3.connect(db or self.db)
        try:
            conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            self.assertEqual(conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone(),
                             conn.execute("SELECT count(*) FROM articles").fetchone())
        finally:
            conn.close()

    def test_zero_width_characters_old_library(self):
        # A library of schema version 1 (tests/fixtures/library-v1.sql), whose index splits
        # words at zero-width characters, holding such a word: opening it upgrades it, the
        # index is rebuilt and finds the word, the texts stay as they were.
        s = sentences()
        old = os.path.join(self.tmp, "old.sqlite3")
        conn = sqlite3.connect(old)
        conn.executescript(read(os.path.join(ROOT, "tests", "fixtures", "library-v1.sql")))
        hidden = s[1].replace("privacy", "pri\u200dvacy")
        conn.execute("INSERT INTO articles (id, outlet_id, title, format, content_hash, raw_text,"
                     " clean_text) VALUES (3, 1, ?, 'text', 'zero-width', ?, ?)",
                     (s[0], s[0] + "\n\n" + hidden + "\n", hidden))
        conn.commit()
        self.assertEqual(conn.execute("PRAGMA user_version").fetchone(), (1,))
        self.assertEqual(conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'privacy'").fetchone(),
            (0,), "the old index should split the word")
        before = conn.execute("SELECT id, raw_text, clean_text FROM articles").fetchall()
        conn.close()
        self.assertEqual(self.search_ids("privacy", db=old), {3})
        conn = sqlite3.connect(old)
        self.assertGreaterEqual(conn.execute("PRAGMA user_version").fetchone()[0], 6)
        self.assertEqual(conn.execute("SELECT id, raw_text, clean_text FROM articles").fetchall(),
                         before)
        conn.close()
        self.assert_index_sound(old)
        # Changes, from another SQLite tool too, and removals keep the index exact.
        conn = sqlite3.connect(old)
        conn.execute("UPDATE articles SET clean_text = clean_text || ' Zebra\u200bfish.'"
                     " WHERE id = 3")
        conn.commit()
        conn.close()
        self.assertEqual(self.search_ids("zebrafish", db=old), {3})
        result = run("reclean", "3", db=old)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.search_ids("zebrafish", db=old), set())
        self.assertEqual(self.search_ids("privacy", db=old), {3})
        self.assert_index_sound(old)
        result = run("rm", "3", db=old)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.search_ids("privacy", db=old), set())
        self.assert_index_sound(old)

    def test_one_megabyte_line(self):
        line = " ".join(sentences())
        text = ((line + " ") * (1024 * 1024 // (len(line) + 1) + 1))[:1024 * 1024]
        path = self.write("one-line.txt", text + "\n")
        result = run("import", path, db=self.db, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        (article_id,) = self.stored_ids(result)
        title = result.stdout.decode().split("\t")[2]
        self.assertLessEqual(len(title), 200, "a 1 MB title")
        raw = run("show", "--raw", str(article_id), db=self.db).stdout.decode()
        self.assertEqual(raw, text + "\n")
        self.assert_kept()

    # --- sizes, depths, expansions ---------------------------------------------------

    def test_100_mb_file_refused_above_limit(self):
        path = os.path.join(self.tmp, "huge.txt")
        with open(path, "wb") as f:
            f.truncate(100 * 1024 * 1024)  # sparse: refused before it is read
        result = run("import", path, db=self.db)
        self.assert_clean_failure(result, "100 MB", "limit of 64 MB")
        result = run("import", "--max-size", "50", path, db=self.db)
        self.assert_clean_failure(result, "limit of 50 MB")
        result = run("import", "--max-size", "0", path, db=self.db)
        self.assertEqual(result.returncode, 2, result.stderr)
        # Below the limit a file is read: one just over 1 MB with --max-size 1 is refused.
        small = self.write("small.txt", " ".join(sentences()) * 5000)
        self.assert_clean_failure(run("import", "--max-size", "1", small, db=self.db), "limit")
        self.assert_kept()

    def test_html_nested_100000_deep(self):
        s = sentences()
        for name, page in [
            ("deep.html", f"<html><head><title>{s[0]}</title></head><body>" + "<div>" * 100000
             + f"<p>{s[1]}</p>" + "</div>" * 100000 + "</body></html>"),
            ("unclosed.html", "<html><body>" + "<div><span><b>" * 100000 + f"<p>{s[2]}</p>"),
        ]:
            result = run("import", self.write(name, page), db=self.db, timeout=120)
            self.assertIn(result.returncode, (0, 1), f"{name}: exit {result.returncode}")
            if result.returncode == 1:
                self.assert_clean_failure(result)
        self.assert_kept()

    def test_entity_expansion(self):
        s = sentences()
        lol = "".join(f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "lol") * 10}">'
                      for i in range(1, 10))
        page = (f"<!DOCTYPE html [{lol}]><html><head><title>{s[0]}</title></head>"
                f"<body><p>&lol9;</p><p>{s[1]}</p><p>{s[2]}</p></body></html>")
        quadratic = ('<!DOCTYPE html [<!ENTITY a "' + "x" * 50000 + '">]><html><body><p>'
                     + "&a;" * 50000 + f"</p><p>{s[3]}</p></body></html>")
        # An internal subset after an XML declaration and a comment, with "]" and ">"
        # inside its quoted values and comments, and a parameter entity naming a file.
        tricky = ('<?xml version="1.0"?>\n<!-- saved page -->\n<!doctype HTML PUBLIC '
                  '"-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/'
                  'xhtml1-strict.dtd" [\n  <!ENTITY % remote SYSTEM "file:///etc/passwd">\n'
                  '  <!ENTITY close "]>">\n  <!-- a comment with ]> in it -->\n  %remote;\n'
                  f']  >\n<html><head><title>{s[0]}</title></head><body><p>&close;</p>'
                  f'<p>{s[4]}</p></body></html>')
        texts = {}
        for name, content in [("lol.html", page), ("quadratic.html", quadratic),
                              ("tricky.html", tricky)]:
            result = run("import", self.write(name, content), db=self.db, timeout=60)
            self.assertEqual(result.returncode, 0, f"{name}: {result.stderr}")
            (article_id,) = self.stored_ids(result)
            texts[name] = run("show", "--raw", str(article_id), db=self.db).stdout.decode()
        for name, text in texts.items():
            # Nothing of the subset shows in the text, nothing was expanded or read.
            for leak in ("ENTITY", "]>", "%remote", "lollol", "xxxxx", "root:"):
                self.assertNotIn(leak, text, f"{name}: {text[:300]!r}")
            self.assertLess(len(text), 1024 * 1024, f"{name}: an entity was expanded")
        self.assertIn(s[1], texts["lol.html"])
        self.assertIn(s[3], texts["quadratic.html"])
        self.assertIn(s[4], texts["tricky.html"])
        # A subset never closed is left to the parser: no crash, no expansion.
        unclosed = f'<!DOCTYPE html [<!ENTITY a "{"y" * 1000}"><html><body><p>&a;{s[1]}</p>'
        result = run("import", self.write("unclosed.html", unclosed), db=self.db)
        self.assertIn(result.returncode, (0, 1), result.stderr)
        for article_id in self.stored_ids(result):
            raw = run("show", "--raw", str(article_id), db=self.db).stdout.decode()
            self.assertNotIn("y" * 2000, raw, "an entity was expanded")
        conn = sqlite3.connect(self.db)
        longest = conn.execute("SELECT max(length(raw_text)) FROM articles").fetchone()[0]
        conn.close()
        self.assertLess(longest, 1024 * 1024, "an entity was expanded")
        self.assert_kept()

    def test_json_nested_a_million_deep(self):
        for name, text in [("arrays.json", "[" * 1000000 + "]" * 1000000),
                           ("objects.json", '{"a":' * 1000000 + "1" + "}" * 1000000),
                           ("line.jsonl", '{"title": "t", "text": ' + "[" * 1000000
                            + "]" * 1000000 + "}\n")]:
            result = run("import", self.write(name, text), db=self.db, timeout=120)
            self.assertGreaterEqual(result.returncode, 0, f"{name}: killed by signal "
                                    f"{-result.returncode}")
            self.assert_clean_failure(result)
        self.assert_kept()

    def test_json_nested_deep_but_not_absurd(self):
        # 10,000 levels: json-glib copes; the reader says the item is not an article.
        result = run("import", self.write("deep.json", "[" * 10000 + "]" * 10000), db=self.db)
        self.assert_clean_failure(result)
        self.assert_kept()

    # --- dates -------------------------------------------------------------------------

    def test_impossible_dates(self):
        s = sentences()
        path = self.write("dated.txt", s[0] + "\n\n" + "\n\n".join(s[1:]) + "\n")
        for date in ("2024-02-30", "2023-02-29", "2024-13-45", "2024-00-10", "99999-01-01",
                     "2024-1-5", "yesterday"):
            result = run("import", "--published", date, path, db=self.db)
            self.assertEqual(result.returncode, 2, f"--published {date}: {result.stderr}")
            self.assertIn(date.encode(), result.stderr)
        records = [{"title": f"{s[i]}", "text": "\n\n".join(s[i:]), "published": date}
                   for i, date in enumerate(["2024-13-45", "2024-02-30", "0000-00-00"])]
        path = self.write("dated.jsonl", "".join(json.dumps(r) + "\n" for r in records))
        result = run("import", path, db=self.db)
        self.assertIn(result.returncode, (0, 1), result.stderr)
        conn = sqlite3.connect(self.db)
        dates = [row[0] for row in conn.execute(
            "SELECT published FROM articles WHERE published IS NOT NULL")]
        conn.close()
        for date in dates:
            year, month, day = (int(x) for x in date[:10].split("-"))
            self.assertTrue(1 <= month <= 12 and 1 <= day <= 31, f"stored {date}")
        self.assertNotIn("2024-13-45", dates)
        self.assertNotIn("2024-02-30", dates)
        self.assert_kept()

    def import_impossible_dates(self):
        s = sentences()
        records = [{"title": s[i], "text": "\n\n".join(s[i:]), "published": date}
                   for i, date in enumerate(["2024-03-12", "2025-02-30", "2024-13-01"])]
        files = [self.write("dates.jsonl", "".join(json.dumps(r) + "\n" for r in records)),
                 self.write("dated.txt", f"{s[0]} (text)\n\nPublished: 2025-02-30\n\n"
                            + "\n\n".join(s[1:]) + "\n"),
                 self.write("dated.html", f'<html><head><meta property="article:published_time"'
                            f' content="2025-02-30T09:00:00Z"><title>{s[0]} (page)</title></head>'
                            f'<body><article><p>{s[1]}</p><p>{s[2]}</p></article></body></html>')]
        result = run("import", *files, db=self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        return files, result

    def test_impossible_dates_import_without_a_date(self):
        # Every article is stored; only the valid date is.
        _, result = self.import_impossible_dates()
        ids = self.stored_ids(result)
        self.assertEqual(len(ids), 5, result.stdout)
        conn = sqlite3.connect(self.db)
        dates = [row[0] for row in conn.execute(
            f"SELECT published FROM articles WHERE id IN ({','.join(map(str, ids))}) ORDER BY id")]
        conn.close()
        self.assertEqual(dates, ["2024-03-12", None, None, None, None])
        self.assert_kept()

    def test_impossible_dates_are_reported(self):
        (jsonl, text, html), result = self.import_impossible_dates()
        message = result.stderr.decode()
        for where, date in [(f"{jsonl}:2", "2025-02-30"), (f"{jsonl}:3", "2024-13-01"),
                            (text, "line 3: impossible date “2025-02-30”"),
                            (html, "2025-02-30T09:00:00Z")]:
            self.assertTrue(any(line.startswith(where + ": ") and date in line
                                for line in message.splitlines()), f"{where} {date}: {message}")

    # --- search --------------------------------------------------------------------------

    def test_search_fts5_syntax_fuzz(self):
        rng = random.Random(8)
        pieces = ['"', "*", "^", "(", ")", ":", "+", "-", "{", "}", ",", "NEAR(", "NEAR/3",
                  "AND", "OR", "NOT", "title:", "clean_text:", "{title clean_text}:", "x:",
                  "climbers", "police", "Zealand", "'", "\\", "[", "]", "%", "\u00e9",
                  "\u202e", "\u200b", "0x", "-title:", "rank", "MATCH", ";", "--"]
        queries = ["".join(rng.choice(pieces) + rng.choice(["", " "])
                           for _ in range(rng.randint(1, 8))) for _ in range(80)]
        queries += ["*", '"', "NEAR(", "AND", "title:", "{}", "NOT climbers"]
        counts = {0: 0, 2: 0}
        for query in queries:
            result = run("search", query, db=self.db, timeout=30)
            self.assertIn(result.returncode, (0, 2), f"search {query!r}: exit "
                          f"{result.returncode}: {result.stderr!r}")
            counts[result.returncode] += 1
            if result.returncode == 2:
                self.assertTrue(result.stderr.startswith(b"parallax-cli: "), result.stderr)
        # Invalid UTF-8 as a query.
        result = run("search", b"\xff\xfe clim\xc3bers", db=self.db)
        self.assertIn(result.returncode, (0, 2), result.stderr)
        print(f"search fuzz: {counts[0]} answered, {counts[2]} refused", file=sys.stderr)
        self.assertGreater(counts[0], 0)
        self.assert_kept()

    # --- file names ----------------------------------------------------------------------

    def test_file_names_with_newlines_and_invalid_utf8(self):
        s = sentences()
        names = [b"new\nline.txt", b"\xff\xfe not utf-8 \xc3.txt", b"tab\there.txt"]
        tmp = self.tmp.encode()
        paths = []
        for i, name in enumerate(names):
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write((s[i] + "\n\n" + "\n\n".join(s[i + 1:]) + "\n").encode())
            paths.append(path)
        empty = os.path.join(tmp, b"empty\nfile.txt")
        open(empty, "wb").close()
        result = run("import", *paths, empty, db=self.db)
        self.assertEqual(result.returncode, 1, result.stderr)
        rows = [line.split(b"\t") for line in result.stdout.splitlines()]
        self.assertEqual(len(rows), 3, result.stdout)
        self.assertTrue(all(len(row) == 3 for row in rows), result.stdout)
        self.assertIn(b"empty", result.stderr)
        # Exported JSON stays valid UTF-8 JSON whatever the file names were.
        exported = run("export", "--format", "json", *[r[0].decode() for r in rows], db=self.db)
        self.assertEqual(exported.returncode, 0, exported.stderr)
        json.loads(exported.stdout.decode("utf-8"))
        self.assert_kept()

    # --- the library file ------------------------------------------------------------

    def run_unshared(self, script):
        """Runs a shell script as root of a new user and mount namespace."""
        if shutil.which("unshare") is None:
            self.skipTest("unshare is not installed")
        probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
        if probe.returncode != 0:
            self.skipTest(f"no user namespaces here: {probe.stderr.decode().strip()}")
        return subprocess.run(["unshare", "-rm", "sh", "-ec", script], capture_output=True,
                              timeout=300)

    def test_read_only_library(self):
        # As root, permissions do not stop a write: a read-only bind mount does.
        folder = os.path.dirname(self.db)
        digest = sha256(self.db)
        extra = os.path.join(DATA, "text", "ecbplus-3_1ecb.txt")
        result = self.run_unshared(
            f"mount --bind '{folder}' '{folder}'; mount -o remount,bind,ro '{folder}'\n"
            f"! touch '{folder}/probe' 2>/dev/null\n"
            f"'{CLI}' --db '{self.db}' import '{extra}' || echo \"import exit $?\"\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"import exit 1", result.stdout, result.stdout)
        self.assertIn(self.db.encode(), result.stderr)
        self.assertEqual(sha256(self.db), digest, "the read-only library changed")
        self.assert_kept()

    def test_read_only_library_message(self):
        folder = os.path.dirname(self.db)
        result = self.run_unshared(
            f"mount --bind '{folder}' '{folder}'; mount -o remount,bind,ro '{folder}'\n"
            f"'{CLI}' --db '{self.db}' list >/dev/null || true\n")
        message = result.stderr.decode()
        self.assertNotIn("damaged", message)
        self.assertIn("read-only", message)

    def test_full_disk(self):
        folder = os.path.join(self.tmp, "small")
        os.mkdir(folder)
        db = os.path.join(folder, "library.sqlite3")
        size_kb = os.path.getsize(self.db) // 1024 + 200
        big = os.path.join(self.tmp, "many.jsonl")
        s = sentences()
        with open(big, "w", encoding="utf-8") as f:
            # 400 distinct real paragraphs combinations: more than the disk holds.
            for i in range(400):
                order = s[:]
                random.Random(i).shuffle(order)
                f.write(json.dumps({"title": f"{s[0]} ({i})", "text": "\n\n".join(
                    order * 20)}) + "\n")
        result = self.run_unshared(
            f"mount -t tmpfs -o size={size_kb}k tmpfs '{folder}'\n"
            f"cp '{self.db}' '{db}'\n"
            f"'{CLI}' --db '{db}' import '{big}' >/dev/null || echo \"import exit $?\"\n"
            f"'{CLI}' --db '{db}' list | wc -l\n"
            f"cp '{db}' '{self.tmp}/after-full.sqlite3'\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"import exit 1", result.stdout)
        self.assertIn(b"full", result.stderr, result.stderr)
        self.assert_kept(os.path.join(self.tmp, "after-full.sqlite3"))

    def damaged_copies(self):
        size = os.path.getsize(self.db)
        good = read(self.db, binary=True)
        rng = random.Random(3)
        yield "truncated", good[:size // 2]
        yield "header", b"XXXXXXXXXXXXXXXX" + good[16:]
        middle = bytearray(good)
        middle[4096:4096 * 4] = bytes(rng.getrandbits(8) for _ in range(4096 * 3))
        yield "pages", bytes(middle)
        yield "random", bytes(rng.getrandbits(8) for _ in range(65536))
        yield "text", read(os.path.join(DATA, "text", "ecbplus-1_10ecb.txt"), binary=True)

    def test_corrupt_or_truncated_library(self):
        extra = os.path.join(DATA, "text", "ecbplus-3_1ecb.txt")
        for name, content in self.damaged_copies():
            path = self.write(f"{name}.sqlite3", content)
            digest = sha256(path)
            for args in (["list"], ["search", "climbers"], ["import", extra],
                         ["show", "1"], ["compare", "1", "2"]):
                result = run(*args, db=path)
                self.assert_clean_failure(result, any_of=("damaged", "malformed", "not a "))
                self.assertEqual(sha256(path), digest, f"{name}: {args[0]} changed the file")
            leftovers = [f for f in os.listdir(self.tmp) if f.startswith(f"{name}.sqlite3-")]
            for leftover in leftovers:
                self.assertEqual(os.path.getsize(os.path.join(self.tmp, leftover)), 0,
                                 f"{name}: {leftover} was written")
        self.assert_kept()

    def test_library_from_a_newer_version(self):
        conn = sqlite3.connect(self.db)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("PRAGMA user_version = 999")
        conn.close()
        digest = sha256(self.db)
        for args in (["list"], ["import", os.path.join(DATA, "text", "ecbplus-3_1ecb.txt")]):
            result = run(*args, db=self.db)
            self.assert_clean_failure(result, "newer version", "999")
            self.assertEqual(sha256(self.db), digest, f"{args[0]} changed the file")
        conn = sqlite3.connect(self.db)
        conn.execute(f"PRAGMA user_version = {version}")  # back, to check nothing else changed
        conn.close()
        self.assert_kept()


if __name__ == "__main__":
    CLI, ROOT = sys.argv[1], sys.argv[2]
    DATA = os.environ.get("PX_TEST_DATA", os.path.join(ROOT, "tests", "data"))
    unittest.main(argv=sys.argv[:1], verbosity=2)
