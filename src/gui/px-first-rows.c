/* px-first-rows.c: list models that give a list view's first frame a screenful of rows
 *
 * GTK 4.8's list views make 200 rows up front, however few fit, and on a
 * large library laying them out was a quarter of the window's first frame
 * (and most of the events sidebar's). A list view fed through this slice
 * gets, for its first frame, the rows its window could show were the list
 * as tall as the window; each frame after it adds a few dozen, so none of
 * them stalls, until the slice passes the rows GTK makes and opens to the
 * whole model.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-first-rows.h"

/* When the window's height is not known yet. */
#define ROWS_UNKNOWN_HEIGHT 24
#define ROWS_PER_FRAME 48
#define ROWS_MADE_BY_GTK 200
/* The shortest row of the lists that use this: a caption over a one-line title. */
#define ROW_MIN_HEIGHT 48

static void
grow_cb (GdkFrameClock     *clock,
         GtkSliceListModel *slice)
{
  guint size = gtk_slice_list_model_get_size (slice);

  if (size == G_MAXUINT)
    g_signal_handlers_disconnect_by_func (clock, grow_cb, slice);
  else if (size > ROWS_MADE_BY_GTK)
    px_first_rows_open (slice);
  else
    gtk_slice_list_model_set_size (slice, size + ROWS_PER_FRAME);
}

/* The height the window has, or will have: before its first frame nothing
 * is allocated, but the size it asks for is known once it is realized. */
static int
window_height (GtkWindow *window)
{
  int width, height = gtk_widget_get_height (GTK_WIDGET (window));

  if (height > 0)
    return height;
  if (gtk_window_is_maximized (window) || gtk_window_is_fullscreen (window))
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)),
                                                                surface);
      GdkRectangle geometry;

      if (monitor == NULL)
        return -1;
      gdk_monitor_get_geometry (monitor, &geometry);
      return geometry.height;
    }
  /* GTK 4.8 writes both sizes, whatever its documentation says. */
  gtk_window_get_default_size (window, &width, &height);
  return height;
}

/* A list view makes its rows as soon as its model has items, so the slice
 * stays empty until the list is realized, just before its first frame. */
static void
list_realized_cb (GtkWidget         *list_view,
                  GtkSliceListModel *slice)
{
  GtkRoot *root = gtk_widget_get_root (list_view);
  int height = GTK_IS_WINDOW (root) ? window_height (GTK_WINDOW (root)) : -1;

  g_signal_handlers_disconnect_by_func (list_view, list_realized_cb, slice);
  if (gtk_slice_list_model_get_size (slice) == G_MAXUINT)
    return;
  gtk_slice_list_model_set_size (slice, height > 0 ? MIN (height / ROW_MIN_HEIGHT + 1, ROWS_MADE_BY_GTK)
                                                   : ROWS_UNKNOWN_HEIGHT);
  g_signal_connect_object (gtk_widget_get_frame_clock (list_view), "after-paint",
                           G_CALLBACK (grow_cb), slice, 0);
}

/**
 * px_first_rows_new:
 * @model: (transfer full): the rows
 * @list_view: the list view that shows them
 *
 * Returns: (transfer full): a slice of @model for @list_view's selection
 * model: no rows until @list_view is realized, then a window's height of
 * them until it has first been painted, all of them a few frames later.
 * Positions are those of @model.
 */
GtkSliceListModel *
px_first_rows_new (GListModel *model,
                   GtkWidget  *list_view)
{
  GtkSliceListModel *slice = gtk_slice_list_model_new (model, 0, 0);

  g_signal_connect_object (list_view, "realize", G_CALLBACK (list_realized_cb), slice, 0);
  return slice;
}

/**
 * px_first_rows_open:
 * @slice: a slice from px_first_rows_new ()
 *
 * Shows every row now: before selecting or scrolling to a row by its
 * position, which may lie past the rows shown so far.
 */
void
px_first_rows_open (GtkSliceListModel *slice)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));
  gtk_slice_list_model_set_size (slice, G_MAXUINT);
}
