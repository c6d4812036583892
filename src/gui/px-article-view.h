/* px-article-view.h: one article, read-only: title, outlet, date, address and text
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-article.h"
#include "px-note.h"

G_BEGIN_DECLS

#define PX_TYPE_ARTICLE_VIEW (px_article_view_get_type ())
G_DECLARE_FINAL_TYPE (PxArticleView, px_article_view, PX, ARTICLE_VIEW, AdwBin)

GtkWidget *px_article_view_new              (void);
PxArticle *px_article_view_get_article      (PxArticleView *self);
void       px_article_view_set_article      (PxArticleView *self,
                                             PxArticle     *article);
gboolean   px_article_view_get_show_removed (PxArticleView *self);
void       px_article_view_set_show_removed (PxArticleView *self,
                                             gboolean       show_removed);
void       px_article_view_set_notes        (PxArticleView *self,
                                             GPtrArray     *notes);
PxTextMap *px_article_view_get_text_map     (PxArticleView *self);
gboolean   px_article_view_get_selection    (PxArticleView *self,
                                             guint         *clean_start,
                                             guint         *clean_end);

G_END_DECLS
