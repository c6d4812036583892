/* px-gui-test.h: what every GUI test does: run the main loop, find widgets, list the sample
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until @done (@data) says so; FALSE after @seconds. */
gboolean   px_gui_test_wait_for      (gboolean  (*done) (gpointer data),
                                      gpointer    data,
                                      guint       seconds);

/* Whether the PxComparisonView @view shows a comparison it has finished
 * loading: a condition for px_gui_test_wait_for (). */
gboolean   px_gui_test_comparison_shown (gpointer view);

/* Runs the main loop for @ms milliseconds: the window lays out and draws. */
void       px_gui_test_settle        (guint       ms);

/* The first widget of @type at or below @widget, depth first; NULL if none. */
GtkWidget *px_gui_test_find_widget   (GtkWidget  *widget,
                                      GType       type);

/* The first top-level window of @type (shown ones only if @shown_only),
 * or NULL. */
GtkWindow *px_gui_test_find_toplevel (GType       type,
                                      gboolean    shown_only);

/* The paths of the sample articles (the .txt files of data/sample/) whose names start
 * with @prefix ("" for all), sorted by name, NULL-terminated. */
GPtrArray *px_gui_test_sample_files  (const char *prefix);

G_END_DECLS
