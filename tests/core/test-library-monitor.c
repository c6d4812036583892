/* test-library-monitor.c: the window learns of other programs' changes to its library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "library-fixture.h"
#include "px-data.h"
#include "px-importer.h"
#include "px-library-monitor.h"
#include "px-store-analysis.h"

typedef LibraryFixture Fixture;

static void
count_cb (PxLibraryMonitor *monitor,
          guint            *n_changed)
{
  (*n_changed)++;
}

/* Runs the main loop for @seconds, or until *@n_changed reaches @n. */
static void
run_until (const guint *n_changed,
           guint        n,
           double       seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (*n_changed < n && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* One of the bundled ECB+ articles, imported through a connection of its own. */
static void
import_sample (const char *path,
               const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = px_data_find ("sample");
  g_autofree char *file = g_build_filename (sample, name, NULL);
  const char *files[] = { file, NULL };
  g_autoptr (PxStore) store = px_store_open (path, &error);
  g_autoptr (PxImporter) importer = px_importer_new (path);
  g_autoptr (GPtrArray) results = px_importer_import (importer, store, files, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (((PxImportResult *) g_ptr_array_index (results, 0))->status, ==, PX_IMPORT_STORED);
}

static void
test_other_writers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->path, &error);
  g_autoptr (PxLibraryMonitor) monitor = NULL;
  guint n_changed = 0;

  g_assert_no_error (error);
  if (!library_fixture_can_watch (fixture->dir))
    return;
  monitor = px_library_monitor_new (store);
  g_signal_connect (monitor, "changed", G_CALLBACK (count_cb), &n_changed);

  /* Another program imports: told once, after the files went quiet. */
  import_sample (fixture->path, "23-telegraph-23_3ecbplus.txt");
  run_until (&n_changed, 1, 20);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (px_store_count_articles (store, &error), ==, 1);

  /* The owner's own writes are not news to it. */
  g_assert_true (px_store_set_comparison (store, "key", 1, "{}", &error));
  g_assert_no_error (error);
  run_until (&n_changed, 2, 2);
  g_assert_cmpuint (n_changed, ==, 1);

  /* Nor is what the owner read again before the monitor woke. */
  import_sample (fixture->path, "23-stuff-23_1ecbplus.txt");
  px_library_monitor_mark_read (monitor);
  run_until (&n_changed, 2, 2);
  g_assert_cmpuint (n_changed, ==, 1);

  import_sample (fixture->path, "23-news-23_11ecbplus.txt");
  run_until (&n_changed, 2, 20);
  g_assert_cmpuint (n_changed, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/px/library-monitor/other-writers", Fixture, NULL,
              library_fixture_set_up, test_other_writers, library_fixture_tear_down);
  return g_test_run ();
}
