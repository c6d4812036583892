/* px-gui-test.c: what every GUI test does: run the main loop, find widgets, list the sample
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-gui-test.h"

#include "px-comparison-view.h"
#include "px-data.h"

gboolean
px_gui_test_wait_for (gboolean (*done) (gpointer data),
                      gpointer   data,
                      guint      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

gboolean
px_gui_test_comparison_shown (gpointer view)
{
  return !px_comparison_view_get_loading (view) && px_comparison_view_get_comparison (view) != NULL;
}

void
px_gui_test_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

GtkWidget *
px_gui_test_find_widget (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = px_gui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
px_gui_test_find_toplevel (GType    type,
                           gboolean shown_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && (!shown_only || gtk_widget_get_visible (GTK_WIDGET (window))))
        return window;
    }
  return NULL;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
px_gui_test_sample_files (const char *prefix)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = px_data_find ("sample");
  g_autoptr (GDir) dir = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (sample);
  dir = g_dir_open (sample, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt") && g_str_has_prefix (name, prefix))
      g_ptr_array_add (paths, g_build_filename (sample, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return paths;
}
