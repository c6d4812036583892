/* library-fixture.h: a library in a temporary folder of its own, for the store and window tests
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "px-store.h"

/* A new temporary folder (from @name_template, "px-...-XXXXXX") in *@dir and
 * the path of a library in it, not created yet. */
static inline char *
library_fixture_new (const char  *name_template,
                     char       **dir)
{
  *dir = g_dir_make_tmp (name_template, NULL);
  g_assert_nonnull (*dir);
  return g_build_filename (*dir, "library.sqlite3", NULL);
}

/* Removes the library at @path, its write-ahead log and shared memory, and
 * then its folder @dir (NULL: a folder that holds more, left). */
static inline void
library_fixture_remove (const char *dir,
                        const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  if (dir != NULL)
    g_rmdir (dir);
}

/* How many articles px_store_search () finds for @query (at most 100). */
static inline guint
library_fixture_count_hits (PxStore    *store,
                            const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = px_store_search (store, query, 100, &error);

  g_assert_no_error (error);
  return hits->len;
}

/* Whether this system can watch @dir for changes (GFileMonitor: inotify on
 * Linux); when not, a test of the window following other programs skips,
 * saying why. */
static inline gboolean
library_fixture_can_watch (const char *dir)
{
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileMonitor) monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_NONE, NULL, &error);

  if (monitor == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("cannot watch %s for changes: %s", dir, error->message);

      g_test_skip (reason);
      return FALSE;
    }
  g_file_monitor_cancel (monitor);
  return TRUE;
}

/* A library of its own for each test case: g_test_add () with
 * library_fixture_set_up () and library_fixture_tear_down (). */
typedef struct
{
  char *dir;
  char *path;
} LibraryFixture;

static inline void
library_fixture_set_up (LibraryFixture *fixture,
                        gconstpointer   data)
{
  fixture->path = library_fixture_new ("px-library-XXXXXX", &fixture->dir);
}

static inline void
library_fixture_tear_down (LibraryFixture *fixture,
                           gconstpointer   data)
{
  library_fixture_remove (fixture->dir, fixture->path);
  g_free (fixture->path);
  g_free (fixture->dir);
}
