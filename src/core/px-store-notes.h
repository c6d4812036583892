/* px-store-notes.h: notes in the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-note.h"
#include "px-store.h"

G_BEGIN_DECLS

/* Stores a new note and sets its id, "created" and "updated". A note
 * with an id (one just deleted: undo) is stored again under that id and
 * keeps its "created"; an error if the id is taken. */
gboolean   px_store_add_note         (PxStore       *self,
                                      PxNote        *note,
                                      GError       **error);
/* Writes every field of a stored note back and sets "updated". */
gboolean   px_store_update_note      (PxStore       *self,
                                      PxNote        *note,
                                      GError       **error);
/* NULL with PX_STORE_ERROR_NOT_FOUND when there is no such note. */
PxNote    *px_store_get_note         (PxStore       *self,
                                      gint64         id,
                                      GError       **error);
/* All or nothing: PX_STORE_ERROR_NOT_FOUND when one id is not a note. */
gboolean   px_store_delete_notes     (PxStore       *self,
                                      const gint64  *ids,
                                      guint          n_ids,
                                      GError       **error);
/* PxNote objects by article then position (orphans of deleted articles
 * last): of @article_id if not 0, else of the articles of @event_id if not
 * 0, else all; with @tag if not NULL. Notes whose article's cleaning
 * changed are placed again first. */
GPtrArray *px_store_list_notes       (PxStore       *self,
                                      gint64         article_id,
                                      gint64         event_id,
                                      const char    *tag,
                                      GError       **error);
/* Every tag in use, sorted. */
GStrv      px_store_list_note_tags   (PxStore       *self,
                                      GError       **error);

/* Places the notes of @article_id again in its current clean text
 * (px-anchor.h); call it after changing an article's cleaning (the list
 * functions also do it for notes a trigger marked stale). @article_id 0:
 * every stale note. */
gboolean   px_store_reanchor_notes   (PxStore       *self,
                                      gint64         article_id,
                                      GError       **error);

/* The article of the library that is @content_hash, else the one at @url,
 * else the one with @title from @outlet (each may be NULL); 0 when none,
 * -1 on error. For moving notes between libraries. */
gint64     px_store_match_article    (PxStore       *self,
                                      const char    *content_hash,
                                      const char    *url,
                                      const char    *title,
                                      const char    *outlet,
                                      GError       **error);

G_END_DECLS
