/* px-events.h: grouping articles into events, automatically and by hand
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-store.h"

G_BEGIN_DECLS

/* The version of the article profiles (terms, names, numbers) this build
 * makes; older profiles are recomputed when needed. */
#define PX_EVENTS_PROFILE_VERSION 1

/* The average similarity to an event's articles above which a new article
 * joins it (tuned on ECB+ topics 1–35, see bench/bench-alignment.c). */
#define PX_EVENTS_DEFAULT_THRESHOLD 0.22

/* Computes the term profiles of @article_ids that have none of this
 * version (the library's word frequencies follow). */
gboolean px_events_profile               (PxStore       *store,
                                          const gint64  *article_ids,
                                          guint          n_articles,
                                          GError       **error);
/* Computes the term profiles of @article_ids again, whatever they have
 * (after their clean text changed); the old profiles' terms leave the
 * library's word frequencies and inverted index. */
gboolean px_events_reprofile             (PxStore       *store,
                                          const gint64  *article_ids,
                                          guint          n_articles,
                                          GError       **error);

/* Profiles @article_ids, then puts each of them that is in no event yet
 * into the most similar event (average similarity to its articles over
 * PX_EVENTS_DEFAULT_THRESHOLD) or into a new one. Articles already in an
 * event stay where they are, so nothing the user moved is ever moved back,
 * and the labels of events stay as they are. Call it after each import
 * batch; it runs in a savepoint, so inside or outside a transaction. */
gboolean px_events_assign                (PxStore       *store,
                                          const gint64  *article_ids,
                                          guint          n_articles,
                                          GError       **error);
/* The same with another threshold (for tuning). */
gboolean px_events_assign_with_threshold (PxStore       *store,
                                          const gint64  *article_ids,
                                          guint          n_articles,
                                          double         threshold,
                                          GError       **error);

/* Assigns the batches of one import: keeps the articles' profiles, the
 * library's word frequencies and the inverted index's postings from one
 * batch to the next instead of reading them again, and adds what it
 * stores itself. Changes made meanwhile through another connection (a
 * deletion in the window) reach them only at the next import: they only
 * weigh words, and a deleted article found as a candidate has no event
 * to join. It forgets everything when a batch fails. */
typedef struct _PxEventsAssigner PxEventsAssigner;

PxEventsAssigner *px_events_assigner_new    (PxStore           *store);
void              px_events_assigner_free   (PxEventsAssigner  *self);
/* px_events_assign_with_threshold () for one batch of the import. */
gboolean          px_events_assigner_assign (PxEventsAssigner  *self,
                                             const gint64      *article_ids,
                                             guint              n_articles,
                                             double             threshold,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEventsAssigner, px_events_assigner_free)

/* Manual changes: the events and memberships they touch become manual. */

/* Moves every article of @event_ids into the first of them. */
gboolean px_events_merge                 (PxStore       *store,
                                          const gint64  *event_ids,
                                          guint          n_events,
                                          GError       **error);
/* Moves @article_ids out of @event_id into a new event, whose id is
 * returned (-1 on error); its label is the first article's title. */
gint64   px_events_split                 (PxStore       *store,
                                          gint64         event_id,
                                          const gint64  *article_ids,
                                          guint          n_articles,
                                          GError       **error);
gboolean px_events_move                  (PxStore       *store,
                                          gint64         article_id,
                                          gint64         event_id,
                                          GError       **error);
gboolean px_events_rename                (PxStore       *store,
                                          gint64         event_id,
                                          const char    *label,
                                          GError       **error);

G_END_DECLS
