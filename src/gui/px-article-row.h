/* px-article-row.h: one article in a list: outlet and date, the title, and for a search hit the matching words
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "px-article-item.h"

G_BEGIN_DECLS

#define PX_TYPE_ARTICLE_ROW (px_article_row_get_type ())
G_DECLARE_FINAL_TYPE (PxArticleRow, px_article_row, PX, ARTICLE_ROW, GtkWidget)

GtkWidget          *px_article_row_new          (void);
void                px_article_row_set_item     (PxArticleRow *self,
                                                 PxArticleItem *item);

GtkListItemFactory *px_article_row_factory_new  (void);

G_END_DECLS
