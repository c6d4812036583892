/* test-notes.c: notes in the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "library-fixture.h"
#include "px-cleaner.h"
#include "px-error.h"
#include "px-importer.h"
#include "px-span.h"
#include "px-store-events.h"
#include "px-store-notes.h"

typedef struct
{
  char *dir;
  char *path;
  PxStore *store;
  gint64 ids[5];  /* the ECB+ topic 37 samples, by file name */
} Fixture;

static const char *const samples[] = {
  "37-english-37_11ecbplus.txt", "37-ibtimes-37_12ecbplus.txt", "37-news-37_10ecbplus.txt",
  "37-newsinfo-37_1ecbplus.txt", "37-sunstar-37_14ecbplus.txt",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (PxImporter) importer = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  fixture->path = library_fixture_new ("px-notes-XXXXXX", &fixture->dir);
  fixture->store = px_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_ptr_array_add (files, g_build_filename (SOURCE_DATADIR, "sample", samples[i], NULL));
  g_ptr_array_add (files, NULL);
  importer = px_importer_new (fixture->path);
  results = px_importer_import (importer, fixture->store, (const char * const *) files->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (samples));
  for (guint i = 0; i < results->len; i++)
    {
      PxImportResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (result->status, ==, PX_IMPORT_STORED);
      fixture->ids[i] = result->article_id;
    }
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  library_fixture_remove (fixture->dir, fixture->path);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A note on the first occurrence of @quote in the article's clean text. */
static PxNote *
add_note (Fixture    *fixture,
          gint64      article_id,
          const char *quote,
          const char *body,
          const char *const *tags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = px_store_get_article (fixture->store, article_id, &error);
  g_autoptr (PxTextMap) map = NULL;
  PxNote *note = px_note_new ();
  const char *clean, *hit;

  g_assert_no_error (error);
  map = px_text_map_new_for_article (article);
  clean = px_text_map_get_clean (map);
  hit = strstr (clean, quote);
  g_assert_nonnull (hit);
  px_note_set_article_id (note, article_id);
  px_note_set_clean_range (note, map, hit - clean, hit - clean + strlen (quote));
  px_note_set_body (note, body);
  px_note_set_tags (note, tags);
  g_assert_true (px_store_add_note (fixture->store, note, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_note_get_id (note), >, 0);
  return note;
}

static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  const char *tags[] = { " toll ", "children", "Toll", "", NULL };
  const char *new_tags[] = { "checked", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PxNote) note = add_note (fixture, fixture->ids[2], "killed six children",
                                      "Only news.com.au gives the children's toll.", tags);
  g_autoptr (PxNote) other = add_note (fixture, fixture->ids[4], "Magnitude", "Headline", NULL);
  g_autoptr (PxNote) read = NULL;
  g_autoptr (GPtrArray) all = NULL, tagged = NULL, of_article = NULL, of_event = NULL;
  g_auto (GStrv) tag_names = NULL;
  gint64 missing = 999, ids[2];
  gint64 event_id;

  /* Tags: trimmed, no empties, no repeats (case-insensitive), in order. */
  g_assert_cmpuint (g_strv_length ((char **) px_note_get_tags (note)), ==, 2);
  read = px_store_get_note (fixture->store, px_note_get_id (note), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_note_get_quote (read), ==, "killed six children");
  g_assert_cmpstr (px_note_get_body (read), ==, "Only news.com.au gives the children's toll.");
  g_assert_cmpstr (px_note_get_tags (read)[0], ==, "toll");
  g_assert_cmpstr (px_note_get_tags (read)[1], ==, "children");
  g_assert_cmpuint (px_note_get_start (read), ==, px_note_get_start (note));
  g_assert_cmpuint (strlen (px_note_get_prefix (read)), <=, PX_NOTE_CONTEXT_BYTES);
  g_assert_true (g_str_has_suffix (px_note_get_prefix (read), "AN EARTHQUAKE "));
  g_assert_true (g_str_has_prefix (px_note_get_suffix (read), " and left 14 others"));
  g_assert_nonnull (px_note_get_created (read));

  px_note_set_body (read, "Edited");
  px_note_set_tags (read, new_tags);
  px_note_set_color (read, "#99c1f1");
  g_assert_true (px_store_update_note (fixture->store, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = px_store_get_note (fixture->store, px_note_get_id (note), &error);
  g_assert_cmpstr (px_note_get_body (read), ==, "Edited");
  g_assert_cmpstr (px_note_get_color (read), ==, "#99c1f1");
  g_assert_cmpstr (px_note_get_tags (read)[0], ==, "checked");
  g_assert_null (px_note_get_tags (read)[1]);

  all = px_store_list_notes (fixture->store, 0, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  tagged = px_store_list_notes (fixture->store, 0, 0, "CHECKED", &error);
  g_assert_cmpuint (tagged->len, ==, 1);
  /* A tagged library passes SQLite's own check (3.40 misread note_tags
   * when its key columns did not come first). */
  assert_integrity (fixture->path);
  of_article = px_store_list_notes (fixture->store, fixture->ids[4], 0, NULL, &error);
  g_assert_cmpuint (of_article->len, ==, 1);
  g_assert_cmpint (px_note_get_id (of_article->pdata[0]), ==, px_note_get_id (other));
  event_id = px_store_get_article_event (fixture->store, fixture->ids[2], NULL, &error);
  g_assert_cmpint (event_id, >, 0);
  of_event = px_store_list_notes (fixture->store, 0, event_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_event->len, >=, 1);
  tag_names = px_store_list_note_tags (fixture->store, &error);
  g_assert_cmpuint (g_strv_length (tag_names), ==, 1);

  /* All or nothing. */
  ids[0] = px_note_get_id (note);
  ids[1] = missing;
  g_assert_false (px_store_delete_notes (fixture->store, ids, 2, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = px_store_list_notes (fixture->store, 0, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_true (px_store_delete_notes (fixture->store, ids, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = px_store_list_notes (fixture->store, 0, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 1);

  /* Undo: the deleted note comes back as it was. */
  g_assert_true (px_store_add_note (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_note_get_id (read), ==, ids[0]);
  g_clear_object (&other);
  other = px_store_get_note (fixture->store, ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_note_get_created (other), ==, px_note_get_created (note));
  g_assert_cmpstr (px_note_get_tags (other)[0], ==, "checked");
  g_assert_false (px_store_add_note (fixture->store, read, &error));
  g_assert_nonnull (error);
}

/* Deleting an article keeps its notes, as orphans that name it. */
static void
test_article_deleted (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxNote) note = add_note (fixture, fixture->ids[4], "Magnitude", "Headline", NULL);
  g_autoptr (PxNote) read = NULL;
  g_autoptr (PxArticle) article = px_store_get_article (fixture->store, fixture->ids[4], &error);

  g_assert_true (px_store_delete_articles (fixture->store, &fixture->ids[4], 1, &error));
  g_assert_no_error (error);
  read = px_store_get_note (fixture->store, px_note_get_id (note), &error);
  g_assert_no_error (error);
  g_assert_true (px_note_get_orphan (read));
  g_assert_cmpint (px_note_get_article_id (read), ==, 0);
  g_assert_cmpstr (px_note_get_article_title (read), ==, px_article_get_title (article));
  g_assert_cmpstr (px_note_get_quote (read), ==, "Magnitude");
}

#define LATER_SENTENCE "Injured people had been transported from several affected villages in two trucks, she said."

/* Marks the raw range of @paragraph removed and stores the new cleaning. */
static void
remove_paragraph (Fixture    *fixture,
                  gint64      id,
                  const char *paragraph)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = px_store_get_article (fixture->store, id, &error);
  const char *raw = px_article_get_raw_text (article);
  const char *hit = strstr (raw, paragraph);
  g_autoptr (GArray) removed = g_array_copy (px_article_get_removed (article));
  g_autofree char *clean = NULL;

  g_assert_nonnull (hit);
  px_span_array_add (removed, hit - raw, hit - raw + strlen (paragraph), PX_REMOVAL_NEAR_REPEATED);
  px_span_array_normalize (removed);
  clean = px_cleaner_apply (raw, removed);
  g_assert_true (px_store_update_cleaning (fixture->store, id, clean, removed, PX_CLEANER_VERSION, &error));
  g_assert_no_error (error);
}

static void
clean_range (Fixture *fixture,
             PxNote  *note,
             char   **text,
             guint   *start)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = px_store_get_article (fixture->store, px_note_get_article_id (note), &error);
  g_autoptr (PxTextMap) map = px_text_map_new_for_article (article);
  guint end;

  g_assert_true (px_note_get_clean_range (note, map, start, &end));
  *text = g_strndup (px_article_get_clean_text (article) + *start, end - *start);
}

/* The cleaning of an article changes: its notes are placed again (a
 * trigger marks them; listing places them), or become orphans that are
 * still listed. */
static void
test_recleaned (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxNote) note = add_note (fixture, fixture->ids[2], LATER_SENTENCE, "Trucks", NULL);
  g_autoptr (PxNote) doomed = add_note (fixture, fixture->ids[2], "Aceh, on the northern tip of Sumatra",
                                        "Background", NULL);
  g_autoptr (GPtrArray) notes = NULL;
  g_autofree char *before_text = NULL, *after_text = NULL;
  guint before, after;
  const char *earlier = "The earthquake reduced houses in parts of Aceh to rubble, set off several "
                        "landslides and badly damaged roads.";

  clean_range (fixture, note, &before_text, &before);
  g_assert_cmpstr (before_text, ==, LATER_SENTENCE);

  remove_paragraph (fixture, fixture->ids[2], earlier);
  remove_paragraph (fixture, fixture->ids[2],
                    "Aceh, on the northern tip of Sumatra, is regularly hit by quakes.");
  notes = px_store_list_notes (fixture->store, fixture->ids[2], 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  for (guint i = 0; i < notes->len; i++)
    {
      PxNote *listed = notes->pdata[i];

      if (px_note_get_id (listed) == px_note_get_id (doomed))
        {
          g_assert_true (px_note_get_orphan (listed));
          g_assert_cmpstr (px_note_get_quote (listed), ==, "Aceh, on the northern tip of Sumatra");
          continue;
        }
      g_assert_false (px_note_get_orphan (listed));
      clean_range (fixture, listed, &after_text, &after);
      g_assert_cmpstr (after_text, ==, LATER_SENTENCE);
      g_assert_cmpuint (after, ==, before - strlen (earlier) - 1);
    }
  /* Explicitly, as the reclean path may call it: nothing changes. */
  g_assert_true (px_store_reanchor_notes (fixture->store, fixture->ids[2], &error));
  g_assert_no_error (error);
}

/* A library of schema 1 gains the notes tables. */
static void
test_upgrade (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = library_fixture_new ("px-notes-XXXXXX", &dir);
  g_autofree char *sql_path = g_build_filename (g_getenv ("PX_TEST_FIXTURES"), "library-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = px_store_open (path, &error);
  g_assert_no_error (error);
  notes = px_store_list_notes (store, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 0);
  g_clear_object (&store);
  library_fixture_remove (dir, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/px/notes/crud", Fixture, NULL, fixture_set_up, test_crud, fixture_tear_down);
  g_test_add ("/px/notes/article-deleted", Fixture, NULL, fixture_set_up, test_article_deleted,
              fixture_tear_down);
  g_test_add ("/px/notes/recleaned", Fixture, NULL, fixture_set_up, test_recleaned, fixture_tear_down);
  g_test_add_func ("/px/notes/upgrade", test_upgrade);
  return g_test_run ();
}
