/* test-events.c: automatic grouping into events and the manual changes it keeps
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "align-fixture.h"
#include "px-error.h"
#include "px-events.h"
#include "px-span.h"
#include "px-store-analysis.h"
#include "px-store-events.h"

typedef struct
{
  PxStore *store;
  GPtrArray *articles;  /* the six reports of topic 41 */
  GArray *ids;
  guint n_background;
  guint n_background_events;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_autoptr (GPtrArray) background = align_fixture_load ("ecbplus-background.jsonl");
  g_autoptr (GArray) background_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) events = NULL;

  fixture->store = px_store_open (":memory:", &error);
  g_assert_no_error (error);
  /* A library already holding reports of other events, so that word
   * rarity means what it does in use. */
  for (guint i = 0; i < background->len; i++)
    {
      gint64 id;

      g_assert_true (px_store_insert_article (fixture->store, background->pdata[i], &error));
      g_assert_no_error (error);
      id = px_article_get_id (background->pdata[i]);
      g_array_append_val (background_ids, id);
    }
  g_assert_true (px_events_assign (fixture->store, (gint64 *) background_ids->data,
                                   background_ids->len, &error));
  g_assert_no_error (error);
  fixture->n_background = background->len;
  events = px_store_list_events (fixture->store, &error);
  g_assert_no_error (error);
  fixture->n_background_events = events->len;
  fixture->articles = align_fixture_load ("ecbplus-41.jsonl");
  fixture->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < fixture->articles->len; i++)
    {
      PxArticle *article = fixture->articles->pdata[i];
      gint64 id;

      g_assert_true (px_store_insert_article (fixture->store, article, &error));
      g_assert_no_error (error);
      id = px_article_get_id (article);
      g_array_append_val (fixture->ids, id);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_array_unref (fixture->ids);
  g_ptr_array_unref (fixture->articles);
  g_assert_finalize_object (fixture->store);
}

static gint64
event_of (Fixture *fixture,
          gint64   article_id)
{
  g_autoptr (GError) error = NULL;
  gint64 event = px_store_get_article_event (fixture->store, article_id, NULL, &error);

  g_assert_no_error (error);
  return event;
}

/* Three reports of the shelling of a UN school in Gaza (2009) and three of
 * the bombing of a refugee camp in South Sudan (2011): two new events,
 * along the gold sub-topics. */
static void
test_events_two_subtopics (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;

  g_assert_true (px_events_assign (fixture->store, (gint64 *) fixture->ids->data,
                                   fixture->ids->len, &error));
  g_assert_no_error (error);
  events = px_store_list_events (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, fixture->n_background_events + 2);
  for (guint i = 0; i < fixture->articles->len; i++)
    for (guint j = 0; j < fixture->articles->len; j++)
      {
        PxArticle *a = fixture->articles->pdata[i], *b = fixture->articles->pdata[j];
        gboolean same_gold = g_strcmp0 (px_article_get_source_file (a), px_article_get_source_file (b)) == 0;

        g_assert_cmpint (same_gold, ==, event_of (fixture, px_article_get_id (a)) ==
                                          event_of (fixture, px_article_get_id (b)));
      }
}

/* Articles imported one by one land where the batch put them. */
static void
test_events_incremental (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;

  for (guint i = 0; i < fixture->ids->len; i++)
    {
      g_assert_true (px_events_assign (fixture->store, &g_array_index (fixture->ids, gint64, i), 1, &error));
      g_assert_no_error (error);
    }
  events = px_store_list_events (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, fixture->n_background_events + 2);
}

static void
test_events_manual_changes_survive (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEvent) event = NULL;
  gint64 *ids = (gint64 *) fixture->ids->data;
  guint n = fixture->ids->len;
  gint64 camp, other, split;
  gboolean manual = FALSE;

  /* Five articles grouped; then the user moves a Gaza report into the
   * camp event, splits another out and renames an event. */
  g_assert_true (px_events_assign (fixture->store, ids, n - 1, &error));
  g_assert_no_error (error);
  camp = event_of (fixture, ids[3]);
  g_assert_cmpint (event_of (fixture, ids[4]), ==, camp);
  g_assert_cmpint (event_of (fixture, ids[0]), !=, camp);

  g_assert_true (px_events_move (fixture->store, ids[0], camp, &error));
  g_assert_no_error (error);
  split = px_events_split (fixture->store, event_of (fixture, ids[2]), &ids[2], 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (split, >, 0);
  g_assert_true (px_events_rename (fixture->store, camp, "Yida camp bombing", &error));
  g_assert_no_error (error);

  /* The last article imported, then everything assigned again: it joins
   * the camp reports, nothing the user did is undone. */
  g_assert_true (px_events_assign (fixture->store, ids, n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (event_of (fixture, ids[n - 1]), ==, camp);
  g_assert_cmpint (px_store_get_article_event (fixture->store, ids[0], &manual, &error), ==, camp);
  g_assert_true (manual);
  g_assert_cmpint (event_of (fixture, ids[2]), ==, split);
  other = event_of (fixture, ids[1]);
  event = px_store_get_event (fixture->store, camp, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (event->label, ==, "Yida camp bombing");
  g_assert_true (event->manual);
  g_assert_cmpint (event_of (fixture, ids[4]), ==, camp);

  /* Merging empties and removes the other events. */
  g_assert_true (px_events_merge (fixture->store, (gint64[]) { camp, other, split }, 3, &error));
  g_assert_no_error (error);
  g_clear_pointer (&event, px_event_free);
  event = px_store_get_event (fixture->store, camp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (event->article_ids->len, ==, n);
  g_assert_cmpstr (event->label, ==, "Yida camp bombing");
  g_assert_null (px_store_get_event (fixture->store, split, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

static void
test_events_profiles_follow_deletions (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 before;

  g_assert_true (px_events_assign (fixture->store, (gint64 *) fixture->ids->data, fixture->ids->len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_store_count_profiles (fixture->store, &error), ==,
                   fixture->n_background + fixture->ids->len);
  /* "yida" is in the three reports of the camp only. */
  before = px_store_get_document_frequency (fixture->store, "yida", &error);
  g_assert_cmpint (before, ==, 3);
  g_assert_true (px_store_delete_articles (fixture->store, (gint64 *) fixture->ids->data + 3, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_document_frequency (fixture->store, "yida", &error), ==, 2);
  g_assert_cmpint (px_store_count_profiles (fixture->store, &error), ==,
                   fixture->n_background + fixture->ids->len - 1);
}

/* Profiling an article again replaces its terms in the library's
 * frequencies, once: unchanged text leaves them as they were, a new clean
 * text (another report's) moves them to its own terms. */
static void
test_events_reprofile (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) old_terms = NULL;
  g_autoptr (GHashTable) new_terms = NULL;
  g_autoptr (GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (PxArticle) donor = NULL;
  g_autoptr (GArray) removed = px_span_array_new ();
  gint64 target = g_array_index (fixture->ids, gint64, 3);
  gint64 n_profiles;
  GHashTableIter iter;
  gpointer key;

  g_assert_true (px_events_assign (fixture->store, (gint64 *) fixture->ids->data, fixture->ids->len, &error));
  g_assert_no_error (error);
  n_profiles = px_store_count_profiles (fixture->store, &error);
  old_terms = px_store_get_profile (fixture->store, target, PX_EVENTS_PROFILE_VERSION, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (old_terms, "yida"));

  /* A report without "yida" gives the new text. */
  for (guint i = 0; i < fixture->ids->len && donor == NULL; i++)
    {
      gint64 id = g_array_index (fixture->ids, gint64, i);
      g_autoptr (GHashTable) terms = px_store_get_profile (fixture->store, id, PX_EVENTS_PROFILE_VERSION, &error);

      g_assert_no_error (error);
      if (!g_hash_table_contains (terms, "yida"))
        {
          donor = px_store_get_article (fixture->store, id, &error);
          new_terms = g_steal_pointer (&terms);
        }
    }
  g_assert_nonnull (donor);
  g_hash_table_iter_init (&iter, new_terms);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_insert (before, g_strdup (key),
                         GINT_TO_POINTER ((int) px_store_get_document_frequency (fixture->store, key, &error)));

  g_assert_true (px_events_reprofile (fixture->store, &target, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_document_frequency (fixture->store, "yida", &error), ==, 3);
  g_assert_cmpint (px_store_count_profiles (fixture->store, &error), ==, n_profiles);

  g_assert_true (px_store_update_cleaning (fixture->store, target, px_article_get_clean_text (donor),
                                           removed, 1, &error));
  g_assert_true (px_events_reprofile (fixture->store, &target, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_document_frequency (fixture->store, "yida", &error), ==, 2);
  g_assert_cmpint (px_store_count_profiles (fixture->store, &error), ==, n_profiles);
  /* Body terms only: the target keeps its own title. */
  g_hash_table_iter_init (&iter, new_terms);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (GHashTable) terms = px_store_get_profile (fixture->store, target, PX_EVENTS_PROFILE_VERSION, &error);
      gint64 expected = GPOINTER_TO_INT (g_hash_table_lookup (before, key));

      if (!g_hash_table_contains (terms, key))
        continue;
      expected += 1 - g_hash_table_contains (old_terms, key);
      g_assert_cmpint (px_store_get_document_frequency (fixture->store, key, &error), ==, expected);
    }
}

/* One assigner for batches of one article each, as an import of many
 * batches uses it: the frequencies it keeps itself between batches group
 * the reports along the gold sub-topics, as reading them anew does. */
static void
test_events_assigner_batches (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventsAssigner) assigner = px_events_assigner_new (fixture->store);
  g_autoptr (GPtrArray) events = NULL;

  for (guint i = 0; i < fixture->ids->len; i++)
    {
      g_assert_true (px_events_assigner_assign (assigner, &g_array_index (fixture->ids, gint64, i), 1,
                                                PX_EVENTS_DEFAULT_THRESHOLD, &error));
      g_assert_no_error (error);
    }
  events = px_store_list_events (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, fixture->n_background_events + 2);
  for (guint i = 0; i < fixture->articles->len; i++)
    for (guint j = 0; j < fixture->articles->len; j++)
      {
        PxArticle *a = fixture->articles->pdata[i], *b = fixture->articles->pdata[j];
        gboolean same_gold = g_strcmp0 (px_article_get_source_file (a), px_article_get_source_file (b)) == 0;

        g_assert_cmpint (same_gold, ==, event_of (fixture, px_article_get_id (a)) ==
                                          event_of (fixture, px_article_get_id (b)));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/px/events/two-subtopics", Fixture, NULL,
              fixture_set_up, test_events_two_subtopics, fixture_tear_down);
  g_test_add ("/px/events/incremental", Fixture, NULL,
              fixture_set_up, test_events_incremental, fixture_tear_down);
  g_test_add ("/px/events/manual-changes-survive", Fixture, NULL,
              fixture_set_up, test_events_manual_changes_survive, fixture_tear_down);
  g_test_add ("/px/events/profiles-follow-deletions", Fixture, NULL,
              fixture_set_up, test_events_profiles_follow_deletions, fixture_tear_down);
  g_test_add ("/px/events/reprofile", Fixture, NULL,
              fixture_set_up, test_events_reprofile, fixture_tear_down);
  g_test_add ("/px/events/assigner-batches", Fixture, NULL,
              fixture_set_up, test_events_assigner_batches, fixture_tear_down);
  return g_test_run ();
}
