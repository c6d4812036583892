/* px-first-rows.c: list models that give a list view's first frame a screenful of rows
 *
 * GTK 4.8's list views make 200 rows up front, however few fit, and on a
 * large library laying them out was a quarter of the window's first frame
 * (and most of the events sidebar's). A list view fed through this slice
 * gets the rows a tall screen shows for its first frame; each frame after
 * it adds a few dozen, so none of them stalls, until the slice passes the
 * rows GTK makes and opens to the whole model.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-first-rows.h"

#define FIRST_FRAME_ROWS 24
#define ROWS_MADE_BY_GTK 200

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
    gtk_slice_list_model_set_size (slice, size + 2 * FIRST_FRAME_ROWS);
}

static void
list_mapped_cb (GtkWidget         *list_view,
                GtkSliceListModel *slice)
{
  g_signal_handlers_disconnect_by_func (list_view, list_mapped_cb, slice);
  if (gtk_slice_list_model_get_size (slice) != G_MAXUINT)
    g_signal_connect_object (gtk_widget_get_frame_clock (list_view), "after-paint",
                             G_CALLBACK (grow_cb), slice, 0);
}

/**
 * px_first_rows_new:
 * @model: (transfer full): the rows
 * @list_view: the list view that shows them
 *
 * Returns: (transfer full): a slice of @model for @list_view's selection
 * model: a screenful of rows until @list_view has first been painted, all
 * of them a few frames later. Positions are those of @model.
 */
GtkSliceListModel *
px_first_rows_new (GListModel *model,
                   GtkWidget  *list_view)
{
  GtkSliceListModel *slice = gtk_slice_list_model_new (model, 0, FIRST_FRAME_ROWS);

  g_signal_connect_object (list_view, "map", G_CALLBACK (list_mapped_cb), slice, 0);
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
