/* px-store-migrations.c: the library's schema, one step per version
 *
 * Each step runs in its own transaction and ends by setting user_version.
 * Never edit a released step: add a new one, and a test that upgrades a
 * fixture of the previous version (tests/fixtures/).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-store-private.h"

const PxMigration px_store_migrations[] = {
  { 1,
    "CREATE TABLE outlets ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
    ") STRICT;"
    "CREATE TABLE articles ("
    "  id INTEGER PRIMARY KEY,"
    "  outlet_id INTEGER REFERENCES outlets (id),"
    "  title TEXT NOT NULL DEFAULT '',"
    "  url TEXT,"
    "  published TEXT,"
    "  language TEXT,"
    "  format TEXT NOT NULL,"
    "  source_file TEXT,"
    "  content_hash TEXT NOT NULL UNIQUE,"
    "  raw_text TEXT NOT NULL,"
    "  clean_text TEXT NOT NULL,"
    "  imported_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ") STRICT;"
    "CREATE INDEX articles_by_date ON articles (published DESC, id DESC);"
    "CREATE INDEX articles_by_outlet ON articles (outlet_id);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
    "  title, clean_text, content = 'articles', content_rowid = 'id',"
    "  tokenize = 'unicode61 remove_diacritics 2');"
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts (rowid, title, clean_text)"
    "    VALUES (new.id, new.title, new.clean_text);"
    "END;"
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts (articles_fts, rowid, title, clean_text)"
    "    VALUES ('delete', old.id, old.title, old.clean_text);"
    "END;"
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, clean_text ON articles BEGIN"
    "  INSERT INTO articles_fts (articles_fts, rowid, title, clean_text)"
    "    VALUES ('delete', old.id, old.title, old.clean_text);"
    "  INSERT INTO articles_fts (rowid, title, clean_text)"
    "    VALUES (new.id, new.title, new.clean_text);"
    "END;" },
  { 2,
    /* Removed boilerplate, kept so it can be shown and restored, and the
     * cleaner's version so a better cleaner re-runs on older articles. */
    "ALTER TABLE articles ADD COLUMN cleaner_version INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE removed_spans ("
    "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  start_offset INTEGER NOT NULL,"
    "  end_offset INTEGER NOT NULL,"
    "  reason TEXT NOT NULL,"
    "  restored INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (article_id, start_offset)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  label TEXT NOT NULL DEFAULT '',"
    "  manual INTEGER NOT NULL DEFAULT 0"
    ") STRICT;"
    "CREATE TABLE event_articles ("
    "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
    "  article_id INTEGER NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,"
    "  manual INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (event_id, article_id)"
    ") STRICT;" },
  { 3,
    /* Analysis (px-events.c, px-comparison.c): each article's term profile
     * as a JSON object {term: count} with the version of the analysis that
     * made it; its strongest terms as an inverted index for finding
     * similar articles; document frequencies kept by triggers so they
     * follow imports and deletions; and compared sets of articles, cached
     * under a key that names the articles and their texts. */
    "CREATE TABLE article_profiles ("
    "  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
    "  version INTEGER NOT NULL,"
    "  terms TEXT NOT NULL"
    ") STRICT;"
    "CREATE TABLE article_terms ("
    "  term TEXT NOT NULL,"
    "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (term, article_id)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX article_terms_by_article ON article_terms (article_id);"
    "CREATE TABLE term_df ("
    "  term TEXT PRIMARY KEY,"
    "  df INTEGER NOT NULL"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TRIGGER article_profiles_insert AFTER INSERT ON article_profiles BEGIN"
    "  INSERT INTO term_df (term, df) SELECT key, 1 FROM json_each (new.terms) WHERE 1"
    "    ON CONFLICT (term) DO UPDATE SET df = df + 1;"
    "END;"
    "CREATE TRIGGER article_profiles_delete AFTER DELETE ON article_profiles BEGIN"
    "  UPDATE term_df SET df = df - 1"
    "    WHERE term IN (SELECT key FROM json_each (old.terms));"
    "  DELETE FROM term_df WHERE df <= 0;"
    "END;"
    "CREATE TABLE comparisons ("
    "  key TEXT PRIMARY KEY,"
    "  version INTEGER NOT NULL,"
    "  result TEXT NOT NULL"
    ") STRICT, WITHOUT ROWID;" },
  { 4,
    /* Notes (px-store-notes.c): offsets into the raw text, which never
     * changes, with the quote and its context to find it again when the
     * clean text changes (a trigger marks them stale; px-anchor.c places
     * them again). A note outlives its article as an orphan that keeps
     * the article's title. Claims are recomputed, so a claim note keeps a
     * key of its sentence's words. Tags in their own table, in order. */
    "CREATE TABLE notes ("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,"
    "  start_offset INTEGER NOT NULL,"
    "  end_offset INTEGER NOT NULL,"
    "  quote TEXT NOT NULL,"
    "  prefix TEXT NOT NULL DEFAULT '',"
    "  suffix TEXT NOT NULL DEFAULT '',"
    "  body TEXT NOT NULL DEFAULT '',"
    "  color TEXT,"
    "  claim_key TEXT,"
    "  orphan INTEGER NOT NULL DEFAULT 0,"
    "  stale INTEGER NOT NULL DEFAULT 0,"
    "  article_title TEXT,"
    "  created TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ") STRICT;"
    "CREATE INDEX notes_by_article ON notes (article_id);"
    "CREATE INDEX notes_stale ON notes (article_id) WHERE stale = 1;"
    "CREATE TABLE note_tags ("
    "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  tag TEXT NOT NULL COLLATE NOCASE,"
    "  PRIMARY KEY (note_id, tag)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX note_tags_by_tag ON note_tags (tag);"
    "CREATE TRIGGER notes_keep_on_article_delete BEFORE DELETE ON articles BEGIN"
    "  UPDATE notes SET orphan = 1, article_title = old.title WHERE article_id = old.id;"
    "END;"
    "CREATE TRIGGER notes_follow_cleaning AFTER UPDATE OF clean_text ON articles"
    "  WHEN old.clean_text IS NOT new.clean_text BEGIN"
    "  UPDATE notes SET stale = 1 WHERE article_id = new.id;"
    "END;" },
  { 5,
    /* The library list pages through articles newest first: with the
     * columns it shows in the index, a page far down a list of 100,000
     * articles is read from the index alone. */
    "DROP INDEX articles_by_date;"
    "CREATE INDEX articles_by_date ON articles (published DESC, id DESC, outlet_id, title);" },
  { 6,
    /* Zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) and
     * the soft hyphen (U+00AD) split a word in two for unicode61, so
     * "pri<U+200D>vacy" hid from a search for "privacy". The index now
     * reads the articles through a view that drops them; the stored texts
     * keep them, so every offset into them stays valid. px_store_search
     * drops the same characters from the query (px-store.c, `invisible`:
     * keep the two lists equal). Plain SQL rather than a custom tokenizer,
     * so any SQLite tool can still read, change and check a library.
     * BEFORE triggers unindex a row through the view while it still holds
     * the old values. */
    "DROP TRIGGER articles_fts_insert;"
    "DROP TRIGGER articles_fts_delete;"
    "DROP TRIGGER articles_fts_update;"
    "DROP TABLE articles_fts;"
    "CREATE VIEW articles_fts_source (id, title, clean_text) AS SELECT id,"
    "  replace (replace (replace (replace (replace (replace (title, char (0x200B), ''),"
    "    char (0x200C), ''), char (0x200D), ''), char (0x2060), ''), char (0xFEFF), ''),"
    "    char (0xAD), ''),"
    "  replace (replace (replace (replace (replace (replace (clean_text, char (0x200B), ''),"
    "    char (0x200C), ''), char (0x200D), ''), char (0x2060), ''), char (0xFEFF), ''),"
    "    char (0xAD), '')"
    "  FROM articles;"
    "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
    "  title, clean_text, content = 'articles_fts_source', content_rowid = 'id',"
    "  tokenize = 'unicode61 remove_diacritics 2');"
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts (rowid, title, clean_text)"
    "    SELECT id, title, clean_text FROM articles_fts_source WHERE id = new.id;"
    "END;"
    "CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts (articles_fts, rowid, title, clean_text)"
    "    SELECT 'delete', id, title, clean_text FROM articles_fts_source WHERE id = old.id;"
    "END;"
    "CREATE TRIGGER articles_fts_unindex BEFORE UPDATE OF title, clean_text ON articles BEGIN"
    "  INSERT INTO articles_fts (articles_fts, rowid, title, clean_text)"
    "    SELECT 'delete', id, title, clean_text FROM articles_fts_source WHERE id = old.id;"
    "END;"
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, clean_text ON articles BEGIN"
    "  INSERT INTO articles_fts (rowid, title, clean_text)"
    "    SELECT id, title, clean_text FROM articles_fts_source WHERE id = new.id;"
    "END;" },
  { 7,
    /* Word rarity needs the number of profiled articles for every import
     * and every comparison. count(*) of article_profiles read every page
     * of its JSON rows (150 ms at 93,060 articles); with this index it
     * counts the index's few pages instead (under 1 ms). */
    "CREATE INDEX article_profiles_by_version ON article_profiles (version);" },
  { 8,
    /* A trigger upserted term_df for every term of every profile stored,
     * a quarter of an import. px_store_set_profiles () now adds a whole
     * batch's frequencies itself, once per distinct term, in the same
     * transaction as the profiles; deleting a profile (by itself, by
     * replacing it or with its article) still takes its terms out by
     * trigger, so term_df stays right whatever writes the library. */
    "DROP TRIGGER article_profiles_insert;" },
  { 9,
    /* SQLite 3.40's integrity_check reads the wrong column of a WITHOUT
     * ROWID table whose declared columns do not start with its primary
     * key, and called every tagged library damaged ("NULL value in
     * note_tags.position"). The same table, key columns first. */
    "CREATE TABLE note_tags_by_key ("
    "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
    "  tag TEXT NOT NULL COLLATE NOCASE,"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY (note_id, tag)"
    ") STRICT, WITHOUT ROWID;"
    "INSERT INTO note_tags_by_key (note_id, tag, position)"
    "  SELECT note_id, tag, position FROM note_tags;"
    "DROP TABLE note_tags;"
    "ALTER TABLE note_tags_by_key RENAME TO note_tags;"
    "CREATE INDEX note_tags_by_tag ON note_tags (tag);" },
  { 10,
    /* SQLite 3.40's FTS5 writes its pending terms out as a new segment at
     * every statement savepoint, and every article's INSERT runs in one
     * (its trigger writes the index, its unique hash may abort): a batch
     * of 500 articles made 500 segments, written and merged again. An
     * import now indexes a batch's articles with one statement before it
     * commits (px_store_begin_import ()). While articles_fts_deferred
     * holds a row, which it only does inside that transaction, the
     * articles from id `since` on are left to that statement: the
     * triggers skip them on insert, update and delete alike, so the index
     * is never given a row twice nor told to drop one it does not hold,
     * whatever else the transaction does. */
    "CREATE TABLE articles_fts_deferred (since INTEGER NOT NULL) STRICT;"
    "DROP TRIGGER articles_fts_insert;"
    "DROP TRIGGER articles_fts_delete;"
    "DROP TRIGGER articles_fts_unindex;"
    "DROP TRIGGER articles_fts_update;"
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles"
    "  WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE new.id >= since) BEGIN"
    "  INSERT INTO articles_fts (rowid, title, clean_text)"
    "    SELECT id, title, clean_text FROM articles_fts_source WHERE id = new.id;"
    "END;"
    "CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles"
    "  WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE old.id >= since) BEGIN"
    "  INSERT INTO articles_fts (articles_fts, rowid, title, clean_text)"
    "    SELECT 'delete', id, title, clean_text FROM articles_fts_source WHERE id = old.id;"
    "END;"
    "CREATE TRIGGER articles_fts_unindex BEFORE UPDATE OF title, clean_text ON articles"
    "  WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE old.id >= since) BEGIN"
    "  INSERT INTO articles_fts (articles_fts, rowid, title, clean_text)"
    "    SELECT 'delete', id, title, clean_text FROM articles_fts_source WHERE id = old.id;"
    "END;"
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, clean_text ON articles"
    "  WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE new.id >= since) BEGIN"
    "  INSERT INTO articles_fts (rowid, title, clean_text)"
    "    SELECT id, title, clean_text FROM articles_fts_source WHERE id = new.id;"
    "END;" },
  { 11,
    /* The cache of comparisons keeps the most recently written ones only
     * (px_store_set_comparison ()): `written` orders them. Rows of
     * articles since changed or deleted are never asked for again, and
     * were kept for ever. */
    "ALTER TABLE comparisons ADD COLUMN written INTEGER NOT NULL DEFAULT 0;" },
  { 12,
    /* article_terms, keyed by term, took each batch's index terms as rows
     * scattered over the whole table: at 94,562 articles a batch of 500
     * rewrote 7,463 pages, a third of an import, growing with the
     * library. Each profile now keeps its index terms in one value,
     * appended with the profile, and an FTS5 index over them writes a
     * batch's terms as one new segment, merged with older ones in levels.
     * The terms are written as SQLite's hex () spells their UTF-8, spaces
     * between them, so that any term is exactly one token of the 'ascii'
     * tokenizer, whatever characters it holds ("#08.07.2012", "@a.j").
     * Only postings are read: no positions, no column sizes. The index
     * reads its content from article_profiles: px_store_set_profiles ()
     * indexes the profiles it stores with one statement (FTS5 writes its
     * pending terms out as a new segment at every statement savepoint,
     * see version 10), and a trigger takes a deleted profile's terms out,
     * however it is deleted (replaced, by itself or with its article). */
    "ALTER TABLE article_profiles ADD COLUMN index_terms TEXT NOT NULL DEFAULT '';"
    "UPDATE article_profiles SET index_terms = coalesce ("
    "  (SELECT group_concat (hex (term), ' ') FROM article_terms AS t"
    "    WHERE t.article_id = article_profiles.article_id), '');"
    "DROP TABLE article_terms;"
    "CREATE VIRTUAL TABLE article_index USING fts5 ("
    "  index_terms, content = 'article_profiles', content_rowid = 'article_id',"
    "  tokenize = 'ascii', detail = none, columnsize = 0);"
    "INSERT INTO article_index (article_index) VALUES ('rebuild');"
    "CREATE TRIGGER article_index_delete AFTER DELETE ON article_profiles BEGIN"
    "  INSERT INTO article_index (article_index, rowid, index_terms)"
    "    VALUES ('delete', old.article_id, old.index_terms);"
    "END;" },
};

const guint px_store_n_migrations = G_N_ELEMENTS (px_store_migrations);
