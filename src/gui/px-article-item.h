/* px-article-item.h: one row of an article list, for list views
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "px-store.h"

G_BEGIN_DECLS

#define PX_TYPE_ARTICLE_ITEM (px_article_item_get_type ())
G_DECLARE_FINAL_TYPE (PxArticleItem, px_article_item, PX, ARTICLE_ITEM, GObject)

PxArticleItem *px_article_item_new_from_summary   (const PxArticleSummary *summary);
PxArticleItem *px_article_item_new_from_hit       (const PxSearchHit      *hit);

gint64         px_article_item_get_id             (PxArticleItem          *self);
const char    *px_article_item_get_outlet         (PxArticleItem          *self);
const char    *px_article_item_get_published      (PxArticleItem          *self);
const char    *px_article_item_get_title          (PxArticleItem          *self);
char          *px_article_item_dup_byline         (PxArticleItem          *self);
const char    *px_article_item_get_snippet_markup (PxArticleItem          *self);

char          *px_format_published                (const char             *published);
char          *px_snippet_to_markup               (const char             *snippet);

G_END_DECLS
