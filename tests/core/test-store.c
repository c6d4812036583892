/* test-store.c: the SQLite library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "library-fixture.h"
#include "px-data.h"
#include "px-error.h"
#include "px-importer.h"
#include "px-store.h"
#include "px-store-analysis.h"
#include "px-store-events.h"

typedef LibraryFixture Fixture;

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Real sentences from the ECB+ corpus (texts not copyrighted). */
static PxArticle *
make_article (const char *title,
              const char *text,
              const char *hash)
{
  return g_object_new (PX_TYPE_ARTICLE,
                       "outlet", "theguardian.com", "title", title, "format", "text",
                       "raw-text", text, "clean-text", text, "content-hash", hash,
                       "published", "2013-09-16", NULL);
}

/* Two reports of one climbing accident. */
static PxArticle *
make_first_report (void)
{
  return make_article ("British climber dies in New Zealand fall",
                       "A British climber has died in a fall on New Zealand's highest mountain.", "h1");
}

static PxArticle *
make_second_report (void)
{
  return make_article ("Climber dead after Aoraki Mount Cook fall",
                       "The man fell while descending Aoraki Mount Cook.", "h2");
}

static void
test_new_library (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (px_store_count_articles (store, &error), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, PX_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM pragma_journal_mode "
                                             "WHERE journal_mode = 'wal'"), ==, 1);
}

static void
test_migrates_version_1 (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *fixture_sql = NULL;
  g_autofree char *sql_path = g_build_filename (g_getenv ("PX_TEST_FIXTURES"), "library-v1.sql", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxArticle) article = NULL;

  g_assert_true (g_file_get_contents (sql_path, &fixture_sql, NULL, NULL));
  run_sql (fixture->path, fixture_sql);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 1);

  store = px_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, PX_STORE_SCHEMA_VERSION);
  g_assert_cmpint (px_store_count_articles (store, &error), ==, 2);

  /* The old articles keep their texts and their search index. */
  article = px_store_get_article (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_article_get_outlet (article), ==, "theguardian.com");
  g_assert_true (g_str_has_suffix (px_article_get_clean_text (article), "highest mountain."));
  g_assert_cmpuint (px_article_get_removed (article)->len, ==, 0);
  g_assert_cmpint (library_fixture_count_hits (store, "Aoraki"), ==, 1);
  g_assert_cmpint (library_fixture_count_hits (store, "climber"), ==, 2);
}

static void
test_refuses_newer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;

  run_sql (fixture->path, "PRAGMA application_id = 1349676120; CREATE TABLE future (x);"
                          "PRAGMA user_version = 999;");
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_len, NULL));

  store = px_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of Parallax"));
  g_assert_nonnull (strstr (error->message, fixture->path));

  /* Refusing leaves the file as it was. */
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 999);
}

static void
test_refuses_foreign (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  run_sql (fixture->path, "CREATE TABLE other (x); PRAGMA user_version = 1;");
  store = px_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
}

static void
test_refuses_garbage (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (fixture->path, garbage, -1, NULL));
  store = px_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
  g_assert_true (g_file_get_contents (fixture->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
}

static void
test_fts_follows_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);
  g_autoptr (PxArticle) first = make_first_report ();
  g_autoptr (PxArticle) second = make_second_report ();
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (px_store_insert_article (store, first, &error));
  g_assert_true (px_store_insert_article (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (library_fixture_count_hits (store, "climber"), ==, 2);
  g_assert_cmpint (library_fixture_count_hits (store, "descending"), ==, 1);

  /* Update: the old words leave the index, the new ones enter it. */
  id = px_article_get_id (second);
  g_assert_true (px_store_update_cleaning (store, id, "Police said the climber was roped to a "
                                           "guide.", NULL, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (library_fixture_count_hits (store, "descending"), ==, 0);
  g_assert_cmpint (library_fixture_count_hits (store, "roped"), ==, 1);

  /* Delete: nothing of the article is left in the index. */
  g_assert_true (px_store_delete_articles (store, &id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (library_fixture_count_hits (store, "roped"), ==, 0);
  g_assert_cmpint (library_fixture_count_hits (store, "Aoraki"), ==, 0);
  g_assert_cmpint (library_fixture_count_hits (store, "climber"), ==, 1);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'roped'"), ==, 0);
}

static void
test_rollback_on_error (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);
  g_autoptr (PxArticle) kept = make_article ("Kept", "A British climber has died.", "same");
  g_autoptr (PxArticle) batch1 = make_article ("Batch", "The man fell while descending.", "new");
  g_autoptr (PxArticle) batch2 = make_article ("Clash", "Another text with the same hash.", "same");
  gint64 missing = 4242;

  g_assert_true (px_store_insert_article (store, kept, &error));

  g_assert_true (px_store_begin (store, &error));
  g_assert_true (px_store_insert_article (store, batch1, &error));
  g_assert_false (px_store_insert_article (store, batch2, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED);
  px_store_rollback (store);
  g_clear_error (&error);

  /* The whole batch is gone, the earlier article is untouched. */
  g_assert_cmpint (px_store_count_articles (store, &error), ==, 1);
  g_assert_cmpint (library_fixture_count_hits (store, "descending"), ==, 0);

  /* A failed delete removes nothing. */
  {
    gint64 ids[] = { px_article_get_id (kept), missing };
    g_assert_false (px_store_delete_articles (store, ids, 2, &error));
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
    g_assert_cmpint (px_store_count_articles (store, NULL), ==, 1);
  }
}

static void
test_malformed_query (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *queries[] = { "\"unterminated", "AND", "climber NOT", "(((", "title:", "*", "NEAR(" };
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);
  g_autoptr (PxArticle) article = make_article ("Climber", "A British climber has died.", "h");

  g_assert_true (px_store_insert_article (store, article, &error));
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GError) query_error = NULL;
      g_autoptr (GPtrArray) hits = px_store_search (store, queries[i], 10, &query_error);

      g_assert_null (hits);
      g_assert_error (query_error, PX_STORE_ERROR, PX_STORE_ERROR_QUERY);
    }
  /* The connection is still good afterwards. */
  g_assert_cmpint (library_fixture_count_hits (store, "climber"), ==, 1);
}

static void
assert_same_terms (GHashTable *a,
                   GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (b, key)), ==, GPOINTER_TO_UINT (value));
}

/* Profiles keep any term, whether the store or an older library wrote
 * them; the library's document frequencies count each profile once,
 * through replacements, batches and deletions. */
static void
test_profiles (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);
  g_autoptr (PxArticle) first = make_first_report ();
  g_autoptr (PxArticle) second = make_second_report ();
  g_autoptr (GHashTable) terms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) other = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) read = NULL;
  const char *index_terms[] = { "climber", NULL };
  GHashTable *both[2];
  gint64 ids[2];

  g_assert_no_error (error);
  g_assert_true (px_store_insert_article (store, first, &error));
  g_assert_true (px_store_insert_article (store, second, &error));
  ids[0] = px_article_get_id (first);
  ids[1] = px_article_get_id (second);

  g_hash_table_insert (terms, "climber", GUINT_TO_POINTER (2));
  g_hash_table_insert (terms, "@Zealand's", GUINT_TO_POINTER (1));
  g_hash_table_insert (terms, "say \"no\" \\ yes", GUINT_TO_POINTER (3));
  g_hash_table_insert (terms, "line\nbreak\t\x01", GUINT_TO_POINTER (4));
  g_hash_table_insert (terms, "mönch", GUINT_TO_POINTER (4000000000u));
  g_assert_true (px_store_set_profile (store, ids[0], 1, terms, index_terms, &error));
  g_assert_no_error (error);
  read = px_store_get_profile (store, ids[0], 1, &error);
  g_assert_no_error (error);
  assert_same_terms (terms, read);
  g_clear_pointer (&read, g_hash_table_unref);
  g_assert_cmpint (px_store_get_document_frequency (store, "climber", &error), ==, 1);

  /* Replaced, then stored with another article in one set, twice over. */
  g_assert_true (px_store_set_profile (store, ids[0], 1, terms, index_terms, &error));
  g_assert_cmpint (px_store_get_document_frequency (store, "climber", &error), ==, 1);
  g_hash_table_insert (other, "climber", GUINT_TO_POINTER (1));
  g_hash_table_insert (other, "aoraki", GUINT_TO_POINTER (1));
  both[0] = other;
  both[1] = other;
  g_assert_true (px_store_set_profiles (store, 1, 2, ids, both, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_document_frequency (store, "climber", &error), ==, 2);
  g_assert_cmpint (px_store_get_document_frequency (store, "mönch", &error), ==, 0);
  ids[1] = ids[0];
  g_assert_true (px_store_set_profiles (store, 1, 2, ids, both, NULL, &error));
  g_assert_cmpint (px_store_get_document_frequency (store, "climber", &error), ==, 2);
  g_assert_cmpint (px_store_get_document_frequency (store, "aoraki", &error), ==, 2);

  /* JSON as json-glib or another tool may have written it. */
  run_sql (fixture->path, "UPDATE article_profiles SET terms = "
                          "' { \"caf\\u00e9\" : 2 , \"a\\/b\":1,\"x\\ud83d\\ude00\": 3 }'");
  read = px_store_get_profile (store, ids[0], 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (read), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (read, "café")), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (read, "a/b")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (read, "x\xf0\x9f\x98\x80")), ==, 3);
  g_clear_pointer (&read, g_hash_table_unref);
  run_sql (fixture->path, "UPDATE article_profiles SET terms = '{\"a\":1'");
  g_assert_null (px_store_get_profile (store, ids[0], 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  run_sql (fixture->path, "UPDATE article_profiles SET terms = '{\"climber\":1,\"aoraki\":1}'");
  g_assert_true (px_store_delete_articles (store, ids, 1, &error));
  g_assert_cmpint (px_store_get_document_frequency (store, "climber", &error), ==, 1);
  g_assert_cmpint (px_store_get_document_frequency (store, "aoraki", &error), ==, 1);
}

/* The cache of comparisons keeps the most recently stored ones, however
 * many are stored; a new version of the analysis drops the old ones. */
static void
test_comparisons_bounded (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);
  guint total = PX_STORE_MAX_COMPARISONS + 40;

  g_assert_no_error (error);
  for (guint i = 0; i < total; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u", i);

      g_assert_true (px_store_set_comparison (store, key, 1, "{}", &error));
      g_assert_no_error (error);
    }
  /* Storing a key again makes it the newest: the next to go is key-41. */
  g_assert_true (px_store_set_comparison (store, "key-40", 1, "{\"again\": true}", &error));
  g_assert_true (px_store_set_comparison (store, "key-last", 1, "{}", &error));
  g_clear_object (&store);

  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM comparisons"), ==, PX_STORE_MAX_COMPARISONS);
  store = px_store_open (fixture->path, &error);
  {
    g_autofree char *oldest = px_store_get_comparison (store, "key-41", 1, &error);
    g_autofree char *again = px_store_get_comparison (store, "key-40", 1, &error);
    g_autofree char *last = px_store_get_comparison (store, "key-last", 1, &error);

    g_assert_no_error (error);
    g_assert_null (oldest);
    g_assert_cmpstr (again, ==, "{\"again\": true}");
    g_assert_cmpstr (last, ==, "{}");
  }

  g_assert_true (px_store_set_comparison (store, "key-new", 2, "{}", &error));
  g_clear_object (&store);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM comparisons"), ==, 1);
}

/* The 20 ECB+ sample articles, imported into @path's library. */
static void
import_samples (PxStore    *store,
                const char *path)
{
  g_autofree char *sample = px_data_find ("sample");
  g_autoptr (GDir) dir = g_dir_open (sample, 0, NULL);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PxImporter) importer = px_importer_new (path);
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (files, g_build_filename (sample, name, NULL));
    }
  g_assert_cmpuint (files->len, ==, 20);
  g_ptr_array_add (files, NULL);
  results = px_importer_import (importer, store, (const char * const *) files->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_count_articles (store, NULL), ==, 20);
}

/* Every row of a filtered list is one the filter keeps, and the count
 * agrees with the list and with SQL over the whole table. */
static guint
assert_filtered (PxStore               *store,
                 const char            *path,
                 const PxArticleFilter *filter,
                 const char            *sql_count)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = px_store_list_filtered (store, filter, 0, 100, &error);
  gint64 count = px_store_count_filtered (store, filter, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count, ==, rows->len);
  g_assert_cmpint (count, ==, query_int (path, sql_count));
  for (guint i = 0; i < rows->len; i++)
    {
      PxArticleSummary *row = g_ptr_array_index (rows, i);

      if (filter->outlet != NULL)
        g_assert_cmpstr (row->outlet, ==, filter->outlet);
      if (filter->since != NULL)
        g_assert_cmpstr (row->published, >=, filter->since);
      if (filter->until != NULL)
        g_assert_cmpstr (row->published, <=, filter->until);
      /* Newest first, as unfiltered. */
      if (i > 0)
        g_assert_cmpstr (((PxArticleSummary *) g_ptr_array_index (rows, i - 1))->published, >=, row->published);
    }
  return rows->len;
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);
  g_auto (GStrv) outlets = NULL;
  g_autoptr (GPtrArray) all_hits = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  PxArticleFilter variety = { .outlet = "variety.com" };
  PxArticleFilter august = { .since = "2013-08-01", .until = "2013-08-31" };
  PxArticleFilter one_day = { .since = "2013-08-02", .until = "2013-08-02" };
  PxArticleFilter empty = { .outlet = "", .since = "", .until = NULL };
  PxArticleFilter bad_day = { .since = "2013-02-30" };
  PxArticleFilter reversed = { .since = "2013-09-01", .until = "2013-08-01" };

  g_assert_no_error (error);
  import_samples (store, fixture->path);

  outlets = px_store_list_outlets (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (outlets), ==,
                    query_int (fixture->path, "SELECT count(DISTINCT outlet_id) FROM articles"));
  g_assert_true (g_strv_contains ((const char * const *) outlets, "variety.com"));
  for (guint i = 1; outlets[i] != NULL; i++)
    g_assert_cmpint (g_ascii_strcasecmp (outlets[i - 1], outlets[i]), <=, 0);

  g_assert_cmpuint (assert_filtered (store, fixture->path, &variety,
                                     "SELECT count(*) FROM articles a JOIN outlets o ON o.id = a.outlet_id "
                                     "WHERE o.name = 'variety.com'"), ==, 1);
  /* Both days are included; undated articles are left out. */
  g_assert_cmpuint (assert_filtered (store, fixture->path, &august,
                                     "SELECT count(*) FROM articles "
                                     "WHERE published BETWEEN '2013-08-01' AND '2013-08-31'"), ==, 3);
  g_assert_cmpuint (assert_filtered (store, fixture->path, &one_day,
                                     "SELECT count(*) FROM articles WHERE published = '2013-08-02'"), ==, 3);
  g_assert_true (px_article_filter_is_empty (&empty));
  g_assert_cmpint (px_store_count_filtered (store, &empty, &error), ==, 20);

  /* A search keeps its ranking and drops what the filter leaves out. */
  all_hits = px_store_search (store, "Oscars", 50, &error);
  hits = px_store_search_filtered (store, "Oscars", &variety, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_hits->len, >, hits->len);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((PxSearchHit *) g_ptr_array_index (hits, 0))->outlet, ==, "variety.com");

  /* A day that is not one, or days the wrong way round, are refused. */
  g_assert_cmpint (px_store_count_filtered (store, &bad_day, &error), ==, -1);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "2013-02-30"));
  g_clear_error (&error);
  g_assert_null (px_store_search_filtered (store, "Oscars", &reversed, 50, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT);
}

/* A long-lived connection, as the window's, sees what another one
 * committed after any of its reads: none of them keeps the snapshot of
 * the library it read. */
static void
test_sees_other_writers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) reader = px_store_open (fixture->path, &error);
  g_autoptr (PxStore) writer = NULL;
  g_autoptr (PxArticle) report = make_first_report ();
  g_autoptr (PxArticle) first = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *comparison = NULL;
  g_auto (GStrv) outlets = NULL;
  PxArticleFilter variety = { .outlet = "variety.com" };
  gint64 version;

  g_assert_no_error (error);
  import_samples (reader, fixture->path);
  g_assert_true (px_store_set_comparison (reader, "key", 1, "{}", &error));

  /* What the window reads while it is open. */
  rows = px_store_list_filtered (reader, &variety, 0, 10, &error);
  g_assert_cmpint (px_store_count_filtered (reader, &variety, &error), ==, 1);
  first = px_store_get_article (reader, ((PxArticleSummary *) g_ptr_array_index (rows, 0))->id, &error);
  g_assert_cmpint (px_store_find_by_hash (reader, px_article_get_content_hash (first), &error), ==,
                   px_article_get_id (first));
  g_assert_cmpint (px_store_get_article_event (reader, px_article_get_id (first), NULL, &error), >, 0);
  comparison = px_store_get_comparison (reader, "key", 1, &error);
  hits = px_store_search (reader, "Oscars", 10, &error);
  events = px_store_list_event_summaries (reader, &error);
  outlets = px_store_list_outlets (reader, &error);
  g_assert_cmpint (px_store_count_articles (reader, &error), ==, 20);
  version = px_store_get_data_version (reader, &error);
  g_assert_no_error (error);

  writer = px_store_open (fixture->path, &error);
  g_assert_true (px_store_begin (writer, &error));
  g_assert_true (px_store_insert_article (writer, report, &error));
  g_assert_true (px_store_commit (writer, &error));
  g_assert_no_error (error);

  g_assert_cmpint (px_store_get_data_version (reader, &error), !=, version);
  g_assert_cmpint (px_store_count_articles (reader, &error), ==, 21);
  g_assert_cmpint (px_store_find_by_hash (reader, "h1", &error), ==, px_article_get_id (report));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, library_fixture_set_up, func, library_fixture_tear_down)
  ADD ("/px/store/new", test_new_library);
  ADD ("/px/store/migrate-v1", test_migrates_version_1);
  ADD ("/px/store/refuse-newer", test_refuses_newer);
  ADD ("/px/store/refuse-foreign", test_refuses_foreign);
  ADD ("/px/store/refuse-garbage", test_refuses_garbage);
  ADD ("/px/store/fts-follows-changes", test_fts_follows_changes);
  ADD ("/px/store/rollback", test_rollback_on_error);
  ADD ("/px/store/malformed-query", test_malformed_query);
  ADD ("/px/store/profiles", test_profiles);
  ADD ("/px/store/comparisons-bounded", test_comparisons_bounded);
  ADD ("/px/store/filter", test_filter);
  ADD ("/px/store/sees-other-writers", test_sees_other_writers);
#undef ADD

  return g_test_run ();
}
