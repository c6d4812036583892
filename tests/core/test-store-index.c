/* test-store-index.c: the search index of an import batch, written at its commit
 *
 * An import batch leaves its articles out of the full-text index until it
 * commits and then indexes them with one statement (migration 10). These
 * tests hold the index to the articles through whatever the batch's
 * transaction does: FTS5's own check compares every indexed row with the
 * articles' texts.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "library-fixture.h"
#include "px-importer.h"
#include "px-store.h"
#include "px-store-private.h"

typedef LibraryFixture Fixture;

static int
query_int (PxStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (_px_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
exec (PxStore    *store,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (_px_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* FTS5's check with a rank of 1 also compares the index with the texts
 * of the articles (through the view it indexes). */
static void
assert_index_matches (PxStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (_px_store_exec (store,
                                 "INSERT INTO articles_fts (articles_fts, rank) "
                                 "VALUES ('integrity-check', 1)",
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM articles_fts_deferred"), ==, 0);
}

/* Real sentences from the ECB+ corpus (texts not copyrighted). */
static gint64
insert (PxStore    *store,
        const char *title,
        const char *text,
        const char *hash)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = g_object_new (PX_TYPE_ARTICLE,
                                                "outlet", "theguardian.com", "title", title,
                                                "format", "text", "raw-text", text,
                                                "clean-text", text, "content-hash", hash, NULL);

  g_assert_true (px_store_insert_article (store, article, &error));
  g_assert_no_error (error);
  return px_article_get_id (article);
}

static void
test_upgrade_version_9 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *fixture_sql = NULL;
  g_autofree char *sql_path = g_build_filename (g_getenv ("PX_TEST_FIXTURES"), "library-v9.sql", NULL);
  g_autofree char *lines = g_build_filename (g_getenv ("PX_TEST_DATA"), "import", "lines.jsonl", NULL);
  const char *files[] = { lines, NULL };
  gint64 old_id = 1;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxImporter) importer = NULL;
  g_autoptr (GPtrArray) results = NULL;
  sqlite3 *db = NULL;
  guint stored = 0;

  g_assert_true (g_file_get_contents (sql_path, &fixture_sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, fixture_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = px_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, PX_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (library_fixture_count_hits (store, "Aoraki"), ==, 2);
  assert_index_matches (store);

  /* An import into the upgraded library: its articles are found once it
   * has committed, and the old ones still are. */
  importer = px_importer_new (fixture->path);
  results = px_importer_import (importer, store, files, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    stored += ((PxImportResult *) g_ptr_array_index (results, i))->status == PX_IMPORT_STORED;
  g_assert_cmpuint (stored, >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM articles_fts_docsize"), ==, 2 + stored);
  g_assert_cmpuint (library_fixture_count_hits (store, "Aoraki"), >, 2);
  assert_index_matches (store);

  /* An article indexed before the upgrade leaves the index with its row. */
  g_assert_true (px_store_delete_articles (store, &old_id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM articles_fts_docsize"), ==, 1 + stored);
  assert_index_matches (store);
}

static void
test_batch_indexed_at_commit (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);
  gint64 before, kept, changed, dropped;

  g_assert_no_error (error);
  before = insert (store, "Climber dies on Aoraki",
                   "Police said the climber fell while descending from the summit of Aoraki.", "h1");
  g_assert_cmpuint (library_fixture_count_hits (store, "descending"), ==, 1);

  g_assert_true (px_store_begin_import (store, &error));
  g_assert_no_error (error);
  kept = insert (store, "Second climber dies",
                 "An Australian climber has died after a fall in Aoraki Mount Cook National Park.", "h2");
  changed = insert (store, "Rescue",
                    "The man's body was recovered by the rescue helicopter on Sunday.", "h3");
  dropped = insert (store, "Glacier",
                    "Two climbers were caught by an avalanche on the Tasman Glacier.", "h4");
  /* Not indexed yet (one row per indexed article in docsize): the
   * batch's articles wait for its commit. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM articles_fts_docsize"), ==, 1);

  /* Whatever else the transaction does to articles, old or new, the
   * index follows: a waiting article changed and one deleted, an indexed
   * one changed. */
  {
    g_autofree char *update = g_strdup_printf ("UPDATE articles SET clean_text = "
                                               "'Rescuers recovered the body by helicopter.' "
                                               "WHERE id = %" G_GINT64_FORMAT, changed);
    g_autofree char *delete = g_strdup_printf ("DELETE FROM articles WHERE id = %" G_GINT64_FORMAT,
                                               dropped);
    g_autofree char *update_old = g_strdup_printf ("UPDATE articles SET title = 'Climber killed' "
                                                   "WHERE id = %" G_GINT64_FORMAT, before);
    exec (store, update);
    exec (store, delete);
    exec (store, update_old);
  }
  g_assert_true (px_store_commit (store, &error));
  g_assert_no_error (error);

  assert_index_matches (store);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM articles_fts_docsize"), ==, 3);
  g_assert_cmpuint (library_fixture_count_hits (store, "Australian"), ==, 1);
  g_assert_cmpuint (library_fixture_count_hits (store, "Rescuers"), ==, 1);
  g_assert_cmpuint (library_fixture_count_hits (store, "Sunday"), ==, 0);
  g_assert_cmpuint (library_fixture_count_hits (store, "avalanche"), ==, 0);
  g_assert_cmpuint (library_fixture_count_hits (store, "killed"), ==, 1);
  g_assert_cmpuint (library_fixture_count_hits (store, "dies"), ==, 1);

  /* The next article outside an import is indexed at once again. */
  insert (store, "Park", "The national park is home to the highest mountain.", "h5");
  g_assert_cmpuint (library_fixture_count_hits (store, "highest"), ==, 1);
  assert_index_matches (store);
  g_assert_cmpint (kept, >, before);
}

static void
test_batch_rolled_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (px_store_begin_import (store, &error));
  g_assert_no_error (error);
  insert (store, "Second climber dies",
          "An Australian climber has died after a fall in Aoraki Mount Cook National Park.", "h2");
  px_store_rollback (store);

  g_assert_cmpint (px_store_count_articles (store, &error), ==, 0);
  assert_index_matches (store);

  /* Nothing of the deferral outlives the rollback. */
  insert (store, "Park", "The national park is home to the highest mountain.", "h5");
  g_assert_cmpuint (library_fixture_count_hits (store, "highest"), ==, 1);
  g_assert_cmpuint (library_fixture_count_hits (store, "Australian"), ==, 0);
  assert_index_matches (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, library_fixture_set_up, func, library_fixture_tear_down)
  ADD ("/px/store-index/upgrade-v9", test_upgrade_version_9);
  ADD ("/px/store-index/batch-indexed-at-commit", test_batch_indexed_at_commit);
  ADD ("/px/store-index/batch-rolled-back", test_batch_rolled_back);
#undef ADD
  return g_test_run ();
}
