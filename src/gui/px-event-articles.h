/* px-event-articles.h: the articles of one event, read when first asked for
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "px-store.h"

G_BEGIN_DECLS

#define PX_TYPE_EVENT_ARTICLES (px_event_articles_get_type ())
G_DECLARE_FINAL_TYPE (PxEventArticles, px_event_articles, PX, EVENT_ARTICLES, GObject)

/* A GListModel of PxArticleItem, by article id: the articles of event
 * @event_id in @store, read from it the first time the model's size or an
 * item is asked for (a tree row that opens), not when it is made (a tree
 * row that is only shown). */
PxEventArticles *px_event_articles_new (PxStore *store,
                                        gint64   event_id);

G_END_DECLS
