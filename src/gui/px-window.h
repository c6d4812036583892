/* px-window.h: the main window, on one library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PX_TYPE_WINDOW (px_window_get_type ())
G_DECLARE_FINAL_TYPE (PxWindow, px_window, PX, WINDOW, AdwApplicationWindow)

PxWindow   *px_window_new           (GtkApplication     *application,
                                     const char         *db_path);
const char *px_window_get_db_path   (PxWindow           *self);
GListModel *px_window_get_articles  (PxWindow           *self);
gboolean    px_window_get_importing (PxWindow           *self);
void        px_window_import        (PxWindow           *self,
                                     const char * const *paths);
/* Opens the comparison of an event, or of 2 to 8 articles (ids). */
void        px_window_show_event      (PxWindow           *self,
                                       gint64              event_id);
void        px_window_show_comparison (PxWindow           *self,
                                       const gint64       *ids,
                                       guint               n_ids);
/* Imports 2 to 8 files (or finds them in the library) and compares them. */
void        px_window_compare_files   (PxWindow           *self,
                                       const char * const *paths);

G_END_DECLS
