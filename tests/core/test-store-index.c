/* test-store-index.c: the library's two FTS5 indexes, written a batch at a time
 *
 * An import batch leaves its articles out of the full-text index until it
 * commits and then indexes them with one statement (migration 10). These
 * tests hold the index to the articles through whatever the batch's
 * transaction does: FTS5's own check compares every indexed row with the
 * articles' texts. The index of the profiles' index terms (migration 12)
 * is held to the postings and document frequencies the library had
 * before it, through upgrade, replaced profiles and deleted articles.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "library-fixture.h"
#include "px-events.h"
#include "px-importer.h"
#include "px-store.h"
#include "px-store-analysis.h"
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

/* What the library should hold: each term's articles (gint64, newest
 * first, as px_store_get_index_postings () reads them) and document
 * frequency. Terms leave neither table, so those gone are checked too. */
typedef struct
{
  GHashTable *postings;  /* term → GArray of gint64 */
  GHashTable *df;        /* term → count */
} Expected;

static void
expected_init (Expected *expected)
{
  expected->postings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_array_unref);
  expected->df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
expected_clear (Expected *expected)
{
  g_hash_table_unref (expected->postings);
  g_hash_table_unref (expected->df);
}

static GArray *
expected_postings (Expected   *expected,
                   const char *term)
{
  GArray *ids = g_hash_table_lookup (expected->postings, term);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (expected->postings, g_strdup (term), ids);
    }
  return ids;
}

/* Adds @id to the postings of @term (@add) or takes it out. */
static void
expected_post (Expected   *expected,
               const char *term,
               gint64      id,
               gboolean    add)
{
  GArray *ids = expected_postings (expected, term);
  guint at = 0;

  while (at < ids->len && g_array_index (ids, gint64, at) > id)
    at++;
  if (add && (at == ids->len || g_array_index (ids, gint64, at) != id))
    g_array_insert_val (ids, at, id);
  else if (!add && at < ids->len && g_array_index (ids, gint64, at) == id)
    g_array_remove_index (ids, at);
}

static void
expected_count (Expected   *expected,
                const char *term,
                int         delta)
{
  gpointer old = NULL;
  int df = 0;

  if (g_hash_table_lookup_extended (expected->df, term, NULL, &old))
    df = GPOINTER_TO_INT (old);
  g_hash_table_insert (expected->df, g_strdup (term), GINT_TO_POINTER (df + delta));
}

/* The profile of @id, as stored, taken out of @expected's frequencies. */
static void
expected_uncount_profile (Expected *expected,
                          PxStore  *store,
                          gint64    id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) terms = px_store_get_profile (store, id, PX_EVENTS_PROFILE_VERSION, &error);
  GHashTableIter iter;
  gpointer term;

  g_assert_no_error (error);
  g_assert_nonnull (terms);
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &term, NULL))
    expected_count (expected, term, -1);
}

static void
assert_as_expected (PxStore  *store,
                    Expected *expected)
{
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer term, value;

  g_hash_table_iter_init (&iter, expected->postings);
  while (g_hash_table_iter_next (&iter, &term, &value))
    {
      g_autoptr (GArray) ids = px_store_get_index_postings (store, term, &error);
      GArray *want = value;

      g_assert_no_error (error);
      g_assert_nonnull (ids);
      if (ids->len != want->len)
        g_error ("%s: %u postings, expected %u", (const char *) term, ids->len, want->len);
      for (guint i = 0; i < ids->len; i++)
        g_assert_cmpint (g_array_index (ids, gint64, i), ==, g_array_index (want, gint64, i));
    }
  g_hash_table_iter_init (&iter, expected->df);
  while (g_hash_table_iter_next (&iter, &term, &value))
    {
      gint64 df = px_store_get_document_frequency (store, term, &error);

      g_assert_no_error (error);
      if (df != GPOINTER_TO_INT (value))
        g_error ("%s: document frequency %" G_GINT64_FORMAT ", expected %d",
                 (const char *) term, df, GPOINTER_TO_INT (value));
    }
  /* FTS5's own check, with a rank of 1 against the profiles' values. */
  g_assert_true (_px_store_exec (store,
                                 "INSERT INTO article_index (article_index, rank) "
                                 "VALUES ('integrity-check', 1)",
                                 &error));
  g_assert_no_error (error);
}

static GHashTable *
profile_table (const char * const *terms)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; terms[i] != NULL; i++)
    g_hash_table_insert (table, (gpointer) terms[i], GUINT_TO_POINTER (i + 1));
  return table;
}

/* Stores @terms as profiles of @ids (all index terms too) in one set, and
 * puts into @expected what the last profile of each article makes. */
static void
set_profiles (PxStore             *store,
              Expected            *expected,
              guint                n,
              const gint64        *ids,
              const char * const **terms)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < n; i++)
    {
      gboolean first = TRUE;

      for (guint j = 0; j < i; j++)
        first = first && ids[j] != ids[i];
      g_ptr_array_add (tables, profile_table (terms[i]));
      /* Whatever the article held before the set leaves with it. */
      if (first && px_store_get_profile_version (store, ids[i], &error) > 0)
        {
          GHashTableIter iter;
          gpointer term, value;

          expected_uncount_profile (expected, store, ids[i]);
          g_hash_table_iter_init (&iter, expected->postings);
          while (g_hash_table_iter_next (&iter, &term, &value))
            expected_post (expected, term, ids[i], FALSE);
        }
      g_assert_no_error (error);
    }
  g_assert_true (px_store_set_profiles (store, PX_EVENTS_PROFILE_VERSION, n, ids,
                                        (GHashTable **) tables->pdata, terms, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      gboolean last = TRUE;

      for (guint j = i + 1; j < n; j++)
        last = last && ids[j] != ids[i];
      if (!last)
        continue;
      for (guint k = 0; terms[i][k] != NULL; k++)
        {
          expected_post (expected, terms[i][k], ids[i], TRUE);
          expected_count (expected, terms[i][k], 1);
        }
    }
}

/* A library that held the index terms as rows (article_terms, until
 * version 12) gets them into the index it reads now: every term's
 * postings and document frequency stay what they were, also for terms
 * the tokenizers would split or fold ("#08.07.2012", "Zürich" and
 * "zürich", a term with a space). Replacing a profile, twice in one set
 * too, and deleting an article keep both exact. */
static void
test_upgrade_keeps_postings (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *fixture_sql = NULL;
  g_autofree char *sql_path = g_build_filename (g_getenv ("PX_TEST_FIXTURES"), "library-v9.sql", NULL);
  const char *replacement[] = { "@aoraki", "cook", "Zürich", "helicopter's", NULL };
  const char *second[] = { "@aoraki", "#08.07.2012", "summit", NULL };
  const char *third[] = { "summit", "glacier", "ZÜRICH", NULL };
  const char * const *twice[] = { second, third, replacement };
  const gint64 twice_ids[] = { 2, 1, 2 };
  gint64 deleted = 1;
  Expected expected;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (sql_path, &fixture_sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, fixture_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO article_terms (term, article_id) VALUES"
                                 "  ('#08.07.2012', 2), ('Zürich', 1), ('zürich', 2),"
                                 "  ('zürich', 1), ('new zealand', 1), ('o''neill', 2)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  expected_init (&expected);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term, article_id FROM article_terms",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    expected_post (&expected, (const char *) sqlite3_column_text (stmt, 0),
                   sqlite3_column_int64 (stmt, 1), TRUE);
  sqlite3_finalize (stmt);
  g_assert_cmpuint (g_hash_table_size (expected.postings), >=, 60);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term, df FROM term_df", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    expected_count (&expected, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (g_hash_table_size (expected.df), >=, 150);
  sqlite3_close (db);

  store = px_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, PX_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'article_terms'"), ==, 0);
  g_assert_cmpuint (g_array_index (expected_postings (&expected, "zürich"), gint64, 0), ==, 2);
  g_assert_cmpuint (expected_postings (&expected, "Zürich")->len, ==, 1);
  assert_as_expected (store, &expected);

  /* A term no article holds has no postings. */
  expected_postings (&expected, "zuerich");
  expected_postings (&expected, "");
  assert_as_expected (store, &expected);

  /* The profile replaced. */
  set_profiles (store, &expected, 1, &twice_ids[2], &twice[2]);
  g_assert_cmpuint (expected_postings (&expected, "#08.07.2012")->len, ==, 0);
  assert_as_expected (store, &expected);

  /* Replaced twice in one set, an article in between. */
  set_profiles (store, &expected, 3, twice_ids, twice);
  assert_as_expected (store, &expected);

  /* Deleted with its article. */
  expected_uncount_profile (&expected, store, deleted);
  {
    GHashTableIter iter;
    gpointer term;

    g_hash_table_iter_init (&iter, expected.postings);
    while (g_hash_table_iter_next (&iter, &term, NULL))
      expected_post (&expected, term, deleted, FALSE);
  }
  g_assert_true (px_store_delete_articles (store, &deleted, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (expected_postings (&expected, "glacier")->len, ==, 0);
  assert_as_expected (store, &expected);
  expected_clear (&expected);
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
  ADD ("/px/store-index/upgrade-keeps-postings", test_upgrade_keeps_postings);
  ADD ("/px/store-index/batch-indexed-at-commit", test_batch_indexed_at_commit);
  ADD ("/px/store-index/batch-rolled-back", test_batch_rolled_back);
#undef ADD
  return g_test_run ();
}
