/* px-store-events.h: events (articles about one happening) in the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *label;
  gboolean manual;      /* the user made or renamed it: its label is theirs */
  GArray *article_ids;  /* gint64, ascending */
} PxEvent;

void        px_event_free                 (PxEvent     *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEvent, px_event_free)

/* Every event with at least one article, by id. */
GPtrArray  *px_store_list_events          (PxStore     *self,
                                           GError     **error);
/* NULL with PX_STORE_ERROR_NOT_FOUND when there is no such event. */
PxEvent    *px_store_get_event            (PxStore     *self,
                                           gint64       id,
                                           GError     **error);
/* The event of @article_id, 0 when it has none, -1 on error; @manual
 * (may be NULL) says whether the user put it there. */
gint64      px_store_get_article_event    (PxStore     *self,
                                           gint64       article_id,
                                           gboolean    *manual,
                                           GError     **error);
/* Returns the new event's id, -1 on error. */
gint64      px_store_create_event         (PxStore     *self,
                                           const char  *label,
                                           gboolean     manual,
                                           GError     **error);
gboolean    px_store_set_event_label      (PxStore     *self,
                                           gint64       id,
                                           const char  *label,
                                           gboolean     manual,
                                           GError     **error);
/* Puts @article_id into @event_id, leaving any event it was in. */
gboolean    px_store_set_article_event    (PxStore     *self,
                                           gint64       article_id,
                                           gint64       event_id,
                                           gboolean     manual,
                                           GError     **error);
/* Deletes the events that have no article left. */
gboolean    px_store_prune_events         (PxStore     *self,
                                           GError     **error);

G_END_DECLS
