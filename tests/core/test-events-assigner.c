/* test-events-assigner.c: an import's assigner decides what fresh reads would
 *
 * A PxEventsAssigner keeps, from one batch to the next, what it read and
 * what it stored: profiles, frequencies, each word's idf for the batch,
 * and the inverted index's postings, which it adds each batch's articles
 * to. Each kept thing must be what reading the library again would give:
 * one assigner for all batches must store the same index terms, the same
 * frequencies and the same events as a new assigner for every batch.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "align-fixture.h"
#include "px-error.h"
#include "px-events.h"
#include "px-store-events.h"
#include "px-store-private.h"

/* Small, so that the 36 articles make several batches, each weighing its
 * words by frequencies the one before changed. */
#define BATCH 5

/* The ECB+ background and topic 41, in that order, in a new library;
 * returns the ids of the articles stored. */
static PxStore *
open_library (GArray **ids)
{
  const char *files[] = { "ecbplus-background.jsonl", "ecbplus-41.jsonl" };
  g_autoptr (GError) error = NULL;
  PxStore *store = px_store_open (":memory:", &error);

  g_assert_no_error (error);
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr (GPtrArray) articles = align_fixture_load (files[f]);

      for (guint i = 0; i < articles->len; i++)
        {
          gint64 id;

          g_assert_true (px_store_insert_article (store, articles->pdata[i], &error));
          g_assert_no_error (error);
          id = px_article_get_id (articles->pdata[i]);
          g_array_append_val (*ids, id);
        }
    }
  return store;
}

/* Every row @sql gives, one line each, columns separated by tabs. */
static char *
dump (PxStore    *store,
      const char *sql)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (_px_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (text, "%s%s", c > 0 ? "\t" : "",
                                (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (text, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

static void
assert_same_rows (PxStore    *a,
                  PxStore    *b,
                  const char *sql)
{
  g_autofree char *rows_a = dump (a, sql);
  g_autofree char *rows_b = dump (b, sql);

  g_assert_cmpstr (rows_a, !=, "");
  g_assert_cmpstr (rows_a, ==, rows_b);
}

static void
test_assigner_as_fresh (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids_kept = NULL;
  g_autoptr (GArray) ids_fresh = NULL;
  g_autoptr (PxStore) kept = open_library (&ids_kept);
  g_autoptr (PxStore) fresh = open_library (&ids_fresh);
  g_autoptr (PxEventsAssigner) assigner = px_events_assigner_new (kept);
  g_autofree char *spanning = NULL;

  g_assert_cmpuint (ids_kept->len, >, 3 * BATCH);
  for (guint start = 0; start < ids_kept->len; start += BATCH)
    {
      guint n = MIN (BATCH, ids_kept->len - start);

      g_assert_true (px_events_assigner_assign (assigner, &g_array_index (ids_kept, gint64, start), n,
                                                PX_EVENTS_DEFAULT_THRESHOLD, &error));
      g_assert_no_error (error);
      g_assert_true (px_events_assign (fresh, &g_array_index (ids_fresh, gint64, start), n, &error));
      g_assert_no_error (error);
    }

  /* Index terms are chosen by idf: an idf kept from an earlier batch
   * would choose others. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (_px_store_exec (i == 0 ? kept : fresh,
                                     "CREATE VIRTUAL TABLE temp.postings USING fts5vocab "
                                     "(main, article_index, instance)", &error));
      g_assert_no_error (error);
    }
  assert_same_rows (kept, fresh, "SELECT doc, term FROM temp.postings ORDER BY doc, term");
  assert_same_rows (kept, fresh, "SELECT term, df FROM term_df ORDER BY term");
  /* Events are compared as the articles they hold, named by their lowest
   * id. These few articles would be grouped alike even by postings that
   * missed the batches' articles (each finds the others through a word
   * read for the first time later): the 10,000-article import of
   * docs/PERFORMANCE.md checks those. */
  assert_same_rows (kept, fresh,
                    "SELECT e.article_id, (SELECT min (article_id) FROM event_articles"
                    " WHERE event_id = e.event_id) FROM event_articles AS e ORDER BY e.article_id");
  /* Some of those events hold articles of different batches. */
  spanning = dump (kept, "SELECT 1 FROM event_articles GROUP BY event_id"
                         " HAVING max (article_id) - min (article_id) >= " G_STRINGIFY (BATCH)
                         " LIMIT 1");
  g_assert_cmpstr (spanning, ==, "1\n");
}

/* An event's sample is its first articles by id, read without the rest. */
static void
test_assigner_event_sample (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (PxStore) store = open_library (&ids);
  g_autoptr (GPtrArray) events = NULL;
  PxEvent *largest = NULL;

  g_assert_true (px_events_assign (store, (gint64 *) ids->data, ids->len, &error));
  g_assert_no_error (error);
  events = px_store_list_events (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      PxEvent *event = events->pdata[i];

      if (largest == NULL || event->article_ids->len > largest->article_ids->len)
        largest = event;
    }
  g_assert_cmpuint (largest->article_ids->len, >=, 3);
  for (guint max = 1; max <= largest->article_ids->len + 1; max++)
    {
      g_autoptr (GArray) sample = px_store_get_event_articles (store, largest->id, max, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sample->len, ==, MIN (max, largest->article_ids->len));
      g_assert_cmpmem (sample->data, sample->len * sizeof (gint64),
                       largest->article_ids->data, sample->len * sizeof (gint64));
    }
  g_assert_null (px_store_get_event_articles (store, G_MAXINT64, 10, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/events-assigner/as-fresh", test_assigner_as_fresh);
  g_test_add_func ("/px/events-assigner/event-sample", test_assigner_event_sample);
  return g_test_run ();
}
