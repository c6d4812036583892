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

/* Its articles are read from @store only when px_event_item_get_articles ()
 * is first asked for its items. */
PxEventItem  *px_event_item_new              (const PxEventSummary *summary,
                                              PxStore              *store);
gint64        px_event_item_get_id           (PxEventItem   *self);
const char   *px_event_item_get_label        (PxEventItem   *self);
guint         px_event_item_get_n_articles   (PxEventItem   *self);
guint         px_event_item_get_n_outlets    (PxEventItem   *self);
/* "2013-07-02 – 2013-07-03", one date, or NULL when no article has one. */
const char   *px_event_item_get_dates        (PxEventItem   *self);
/* The articles as PxArticleItem, by id. */
GListModel   *px_event_item_get_articles     (PxEventItem   *self);

G_END_DECLS
