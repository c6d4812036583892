/* px-event-item.h: one event of the library as a list item
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-store-events.h"

G_BEGIN_DECLS

#define PX_TYPE_EVENT_ITEM (px_event_item_get_type ())
G_DECLARE_FINAL_TYPE (PxEventItem, px_event_item, PX, EVENT_ITEM, GObject)

PxEventItem  *px_event_item_new              (const PxEvent *event);
gint64        px_event_item_get_id           (PxEventItem   *self);
const char   *px_event_item_get_label        (PxEventItem   *self);
/* gint64 article ids, ascending. */
GArray       *px_event_item_get_article_ids  (PxEventItem   *self);
/* Reads its articles' outlets and dates from @store, once; then the
 * number of outlets and the date range ("2013-07-02 – 2013-07-03") are
 * known. A list reads them as rows come on screen, not all at once. */
void          px_event_item_load_details     (PxEventItem   *self,
                                              PxStore       *store);
guint         px_event_item_get_n_outlets    (PxEventItem   *self);
const char   *px_event_item_get_dates        (PxEventItem   *self);
/* The articles as PxArticleItem, after px_event_item_load_details (). */
GListModel   *px_event_item_get_articles     (PxEventItem   *self);

G_END_DECLS
