/* px-first-rows.h: list models that give a list view's first frame a screenful of rows
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkSliceListModel *px_first_rows_new  (GListModel        *model,
                                       GtkWidget         *list_view);
void               px_first_rows_open (GtkSliceListModel *slice);

G_END_DECLS
