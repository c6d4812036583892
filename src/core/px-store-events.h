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

/* What a list of events shows of one, without its articles. */
typedef struct
{
  gint64 id;
  char *label;
  gboolean manual;
  guint n_articles;
  guint n_outlets;
  char *first_published;  /* the earliest and latest dates of its articles, */
  char *last_published;   /* NULL when none has a date */
} PxEventSummary;

void        px_event_summary_free         (PxEventSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEventSummary, px_event_summary_free)

/* Events as they were, for px_store_restore_events (). */
typedef struct _PxEventSnapshot PxEventSnapshot;

void        px_event_snapshot_free        (PxEventSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEventSnapshot, px_event_snapshot_free)

/* Every event with at least one article, by id. */
GPtrArray  *px_store_list_events          (PxStore     *self,
                                           GError     **error);
/* The summary of every event with at least one article, by id, in one
 * pass over an index: no article ids, so a list of events opens at once. */
GPtrArray  *px_store_list_event_summaries (PxStore     *self,
                                           GError     **error);
/* NULL with PX_STORE_ERROR_NOT_FOUND when there is no such event or it
 * has no article. */
PxEventSummary *px_store_get_event_summary (PxStore    *self,
                                           gint64       id,
                                           GError     **error);
/* NULL with PX_STORE_ERROR_NOT_FOUND when there is no such event. */
PxEvent    *px_store_get_event            (PxStore     *self,
                                           gint64       id,
                                           GError     **error);
/* The first @max articles of event @id (gint64, ascending ids), without
 * reading the others; NULL with PX_STORE_ERROR_NOT_FOUND when it has
 * none. */
GArray     *px_store_get_event_articles   (PxStore     *self,
                                           gint64       id,
                                           guint        max,
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
/* Remembers the events @event_ids (those that exist) as they are now:
 * label, whether the user named it, and each article with whether the
 * user put it there. */
PxEventSnapshot *px_store_snapshot_events (PxStore       *self,
                                           const gint64  *event_ids,
                                           guint          n_events,
                                           GError       **error);
/* Puts the events of @snapshot back as they were (recreating deleted
 * ones under their old ids), moves their articles back into them, and
 * deletes the events that are left empty: the undo of a merge, split,
 * move or rename whose events were snapshotted before. */
gboolean    px_store_restore_events       (PxStore               *self,
                                           const PxEventSnapshot *snapshot,
                                           GError               **error);
/* The ids (gint64) of the events in @snapshot. */
GArray     *px_event_snapshot_dup_event_ids (const PxEventSnapshot *snapshot);

G_END_DECLS
