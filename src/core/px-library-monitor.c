/* px-library-monitor.c: tells a long-lived connection that another one changed the library
 *
 * parallax-cli, or the window's own import thread, writes through a
 * connection of its own, so the window would go on showing the library as
 * it last read it. SQLite writes each commit to the library's file or its
 * write-ahead log beside it; a monitor on their folder wakes this object,
 * and the connection's data_version tells whether anything was committed
 * by another connection since the owner last read (a checkpoint, or the
 * owner's own writes, touch the files without changing it).
 *
 * "changed" is emitted once the files have been quiet for a moment, or at
 * the latest every few seconds while a long import goes on: reading the
 * library again after every batch would keep the window busy.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-library-monitor.h"

/* How long the files stay quiet before "changed", and the longest wait. */
#define QUIET_MS 400
#define LONGEST_WAIT_US (5 * G_USEC_PER_SEC)

struct _PxLibraryMonitor
{
  GObject parent_instance;

  PxStore *store;
  GFileMonitor *folder_monitor;  /* NULL for a library in memory, or a folder that cannot be watched */
  char *file_name;               /* the library's base name: its log is this with "-wal" */
  gint64 data_version;           /* as the owner last read the library */
  guint quiet_source;
  gint64 first_unseen;           /* monotonic time of the first write not yet told, or 0 */
};

G_DEFINE_FINAL_TYPE (PxLibraryMonitor, px_library_monitor, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
quiet_cb (gpointer data)
{
  PxLibraryMonitor *self = data;
  gint64 version;

  self->quiet_source = 0;
  self->first_unseen = 0;
  version = px_store_get_data_version (self->store, NULL);
  if (version >= 0 && version != self->data_version)
    {
      self->data_version = version;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (PxLibraryMonitor  *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event)
{
  g_autofree char *name = g_file_get_basename (file);
  gint64 now = g_get_monotonic_time ();

  /* The library, its log and its shared memory; not other files beside it. */
  if (!g_str_has_prefix (name, self->file_name))
    return;
  if (self->first_unseen == 0)
    self->first_unseen = now;
  else if (now - self->first_unseen >= LONGEST_WAIT_US)
    return;  /* the pending timeout fires at the longest wait */
  g_clear_handle_id (&self->quiet_source, g_source_remove);
  self->quiet_source = g_timeout_add (QUIET_MS, quiet_cb, self);
}

static void
px_library_monitor_dispose (GObject *object)
{
  PxLibraryMonitor *self = PX_LIBRARY_MONITOR (object);

  g_clear_handle_id (&self->quiet_source, g_source_remove);
  if (self->folder_monitor != NULL)
    g_file_monitor_cancel (self->folder_monitor);
  g_clear_object (&self->folder_monitor);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_library_monitor_parent_class)->dispose (object);
}

static void
px_library_monitor_finalize (GObject *object)
{
  PxLibraryMonitor *self = PX_LIBRARY_MONITOR (object);

  g_free (self->file_name);
  G_OBJECT_CLASS (px_library_monitor_parent_class)->finalize (object);
}

static void
px_library_monitor_class_init (PxLibraryMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_library_monitor_dispose;
  object_class->finalize = px_library_monitor_finalize;

  /**
   * PxLibraryMonitor::changed:
   *
   * Another connection committed to the library since the owner last
   * read it (or called px_library_monitor_mark_read ()).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
px_library_monitor_init (PxLibraryMonitor *self)
{
}

/* Watches @store's library from now on; its folder is watched in GIO's
 * worker thread, and "changed" is emitted in the thread-default main
 * context of the caller. */
PxLibraryMonitor *
px_library_monitor_new (PxStore *store)
{
  PxLibraryMonitor *self;
  const char *path;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  self = g_object_new (PX_TYPE_LIBRARY_MONITOR, NULL);
  self->store = g_object_ref (store);
  self->data_version = px_store_get_data_version (store, NULL);
  path = px_store_get_path (store);
  if (g_strcmp0 (path, ":memory:") == 0)
    return self;

  file = g_file_new_for_path (path);
  folder = g_file_get_parent (file);
  self->file_name = g_file_get_basename (file);
  self->folder_monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->folder_monitor == NULL)
    {
      g_debug ("%s: changes by other programs will not be shown: %s", path, error->message);
      return self;
    }
  g_signal_connect_swapped (self->folder_monitor, "changed", G_CALLBACK (folder_changed_cb), self);
  return self;
}

/* The owner has read the library as it is now: changes until now are not
 * to be told again. */
void
px_library_monitor_mark_read (PxLibraryMonitor *self)
{
  gint64 version;

  g_return_if_fail (PX_IS_LIBRARY_MONITOR (self));

  version = px_store_get_data_version (self->store, NULL);
  if (version >= 0)
    self->data_version = version;
}
