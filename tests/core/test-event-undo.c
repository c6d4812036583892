/* test-event-undo.c: event summaries, and putting events back after a change
 *
 * Real reports (the ECB+ background set in tests/data/align) are grouped
 * into events automatically; then each manual change (merge, split, move,
 * rename) is undone from a snapshot taken before it, and the events must
 * be exactly as they were: ids, labels, articles, and whose each grouping
 * was (automatic or the user's).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "align-fixture.h"
#include "px-error.h"
#include "px-events.h"
#include "px-store-events.h"

typedef struct
{
  PxStore *store;
  GPtrArray *before;  /* PxEvent, as grouped automatically */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = align_fixture_load ("ecbplus-background.jsonl");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  fixture->store = px_store_open (":memory:", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < articles->len; i++)
    {
      gint64 id;

      g_assert_true (px_store_insert_article (fixture->store, articles->pdata[i], &error));
      g_assert_no_error (error);
      id = px_article_get_id (articles->pdata[i]);
      g_array_append_val (ids, id);
    }
  g_assert_true (px_events_assign (fixture->store, (gint64 *) ids->data, ids->len, &error));
  g_assert_no_error (error);
  fixture->before = px_store_list_events (fixture->store, &error);
  g_assert_no_error (error);
  /* Enough events with enough articles to merge, split and move. */
  g_assert_cmpuint (fixture->before->len, >=, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->before, g_ptr_array_unref);
  g_clear_object (&fixture->store);
}

/* The id of an event with at least three articles. */
static const PxEvent *
big_event (Fixture *fixture)
{
  for (guint i = 0; i < fixture->before->len; i++)
    {
      const PxEvent *event = fixture->before->pdata[i];

      if (event->article_ids->len >= 3)
        return event;
    }
  g_assert_not_reached ();
}

/* The events, their labels and articles, and each article's manual flag,
 * are as fixture->before. */
static void
assert_as_before (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) now = px_store_list_events (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (now->len, ==, fixture->before->len);
  for (guint i = 0; i < now->len; i++)
    {
      const PxEvent *a = fixture->before->pdata[i], *b = now->pdata[i];

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpstr (b->label, ==, a->label);
      g_assert_cmpint (b->manual, ==, a->manual);
      g_assert_cmpuint (b->article_ids->len, ==, a->article_ids->len);
      for (guint j = 0; j < a->article_ids->len; j++)
        {
          gboolean manual = TRUE;

          g_assert_cmpint (g_array_index (b->article_ids, gint64, j), ==, g_array_index (a->article_ids, gint64, j));
          g_assert_cmpint (px_store_get_article_event (fixture->store, g_array_index (a->article_ids, gint64, j),
                                                       &manual, &error), ==, a->id);
          g_assert_no_error (error);
          g_assert_false (manual);
        }
    }
}

/* The summaries agree with the events and their articles' own data. */
static void
test_summaries (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) summaries = px_store_list_event_summaries (fixture->store, &error);
  guint several_outlets = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, fixture->before->len);
  for (guint i = 0; i < summaries->len; i++)
    {
      const PxEventSummary *summary = summaries->pdata[i];
      const PxEvent *event = fixture->before->pdata[i];
      g_autoptr (GPtrArray) articles = NULL;
      g_autoptr (GHashTable) outlets = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (PxEventSummary) one = NULL;
      const char *first = NULL, *last = NULL;

      g_assert_cmpint (summary->id, ==, event->id);
      g_assert_cmpstr (summary->label, ==, event->label);
      g_assert_cmpuint (summary->n_articles, ==, event->article_ids->len);
      articles = px_store_get_summaries (fixture->store, (gint64 *) event->article_ids->data,
                                         event->article_ids->len, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < articles->len; j++)
        {
          const PxArticleSummary *article = articles->pdata[j];

          if (article->outlet != NULL)
            g_hash_table_add (outlets, article->outlet);
          if (article->published != NULL && (first == NULL || g_strcmp0 (article->published, first) < 0))
            first = article->published;
          if (article->published != NULL && (last == NULL || g_strcmp0 (article->published, last) > 0))
            last = article->published;
        }
      g_assert_cmpuint (summary->n_outlets, ==, g_hash_table_size (outlets));
      several_outlets += summary->n_outlets > 1;
      g_assert_cmpstr (summary->first_published, ==, first);
      g_assert_cmpstr (summary->last_published, ==, last);

      one = px_store_get_event_summary (fixture->store, event->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (one->n_articles, ==, summary->n_articles);
      g_assert_cmpuint (one->n_outlets, ==, summary->n_outlets);
      g_assert_cmpstr (one->first_published, ==, summary->first_published);
    }
  g_assert_cmpuint (several_outlets, >, 0);
  g_assert_null (px_store_get_event_summary (fixture->store, 1 << 30, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventSnapshot) snapshot = NULL;
  g_autoptr (GArray) snapshot_ids = NULL;
  g_autoptr (GPtrArray) merged = NULL;
  gint64 ids[3];

  for (guint i = 0; i < 3; i++)
    ids[i] = ((PxEvent *) fixture->before->pdata[i])->id;
  snapshot = px_store_snapshot_events (fixture->store, ids, 3, &error);
  g_assert_no_error (error);
  snapshot_ids = px_event_snapshot_dup_event_ids (snapshot);
  g_assert_cmpuint (snapshot_ids->len, ==, 3);
  g_assert_true (px_events_merge (fixture->store, ids, 3, &error));
  g_assert_no_error (error);
  merged = px_store_list_events (fixture->store, &error);
  g_assert_cmpuint (merged->len, ==, fixture->before->len - 2);

  g_assert_true (px_store_restore_events (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  assert_as_before (fixture);
}

static void
test_split_and_move (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventSnapshot) snapshot = NULL;
  const PxEvent *event = big_event (fixture);
  const PxEvent *other = fixture->before->pdata[event == fixture->before->pdata[0] ? 1 : 0];
  gint64 ids[2] = { event->id, other->id };
  gint64 moved = g_array_index (event->article_ids, gint64, 1);
  gint64 created;

  snapshot = px_store_snapshot_events (fixture->store, ids, 2, &error);
  g_assert_no_error (error);
  created = px_events_split (fixture->store, event->id, (gint64 *) event->article_ids->data, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (created, >, 0);
  g_assert_true (px_events_move (fixture->store, moved, other->id, &error));
  g_assert_true (px_events_rename (fixture->store, other->id, "Renamed by a reader", &error));
  g_assert_no_error (error);

  g_assert_true (px_store_restore_events (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  /* The split's event is gone again, being empty. */
  g_assert_null (px_store_get_event (fixture->store, created, NULL));
  assert_as_before (fixture);
}

/* An event emptied (and so deleted) by a move comes back under its id; an
 * article deleted since the snapshot is simply not put back. */
static void
test_deleted (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventSnapshot) snapshot = NULL;
  g_autoptr (PxEvent) restored = NULL;
  const PxEvent *event = big_event (fixture);
  const PxEvent *other = fixture->before->pdata[event == fixture->before->pdata[0] ? 1 : 0];
  gint64 ids[2] = { event->id, other->id };
  gint64 gone = g_array_index (event->article_ids, gint64, 0);

  snapshot = px_store_snapshot_events (fixture->store, ids, 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < event->article_ids->len; i++)
    g_assert_true (px_events_move (fixture->store, g_array_index (event->article_ids, gint64, i), other->id,
                                   &error));
  g_assert_null (px_store_get_event (fixture->store, event->id, NULL));
  g_assert_true (px_store_delete_articles (fixture->store, &gone, 1, &error));
  g_assert_no_error (error);

  g_assert_true (px_store_restore_events (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  restored = px_store_get_event (fixture->store, event->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->label, ==, event->label);
  g_assert_cmpuint (restored->article_ids->len, ==, event->article_ids->len - 1);
  g_assert_cmpint (px_store_get_article_event (fixture->store, gone, NULL, &error), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/px/event-undo/summaries", Fixture, NULL, fixture_set_up, test_summaries, fixture_tear_down);
  g_test_add ("/px/event-undo/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/px/event-undo/split-and-move", Fixture, NULL, fixture_set_up, test_split_and_move,
              fixture_tear_down);
  g_test_add ("/px/event-undo/deleted", Fixture, NULL, fixture_set_up, test_deleted, fixture_tear_down);
  return g_test_run ();
}
