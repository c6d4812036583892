/* px-article-list-model.h: the library's articles as a lazy GListModel
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "px-store.h"

G_BEGIN_DECLS

#define PX_TYPE_ARTICLE_LIST_MODEL (px_article_list_model_get_type ())
G_DECLARE_FINAL_TYPE (PxArticleListModel, px_article_list_model, PX, ARTICLE_LIST_MODEL, GObject)

/* Rows are fetched from the store a page at a time. */
#define PX_ARTICLE_LIST_PAGE_SIZE 200

PxArticleListModel *px_article_list_model_new    (PxStore            *store);
gboolean            px_article_list_model_reload (PxArticleListModel *self,
                                                  GError            **error);
gboolean            px_article_list_model_set_filter (PxArticleListModel     *self,
                                                      const PxArticleFilter  *filter,
                                                      GError                **error);
guint               px_article_list_model_get_total  (PxArticleListModel     *self);

G_END_DECLS
