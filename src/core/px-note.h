/* px-note.h: a reader's note on a span of an article
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "px-comparison.h"
#include "px-text-map.h"

G_BEGIN_DECLS

/* Bytes of context kept on each side of a note's quote. */
#define PX_NOTE_CONTEXT_BYTES 32

#define PX_TYPE_NOTE (px_note_get_type ())
G_DECLARE_FINAL_TYPE (PxNote, px_note, PX, NOTE, GObject)

/* Properties, each notified on change: "id", "article-id" (0 once its
 * article was deleted), "start" and "end" (byte offsets into the article's
 * RAW text, which never changes), "quote" (the noted text as the clean
 * text shows it), "prefix" and "suffix" (up to PX_NOTE_CONTEXT_BYTES of
 * clean text around the quote), "body", "tags" (GStrv), "color" (a CSS
 * colour such as "#f6d32d", or NULL), "claim-key" (px_note_claim_key () of
 * the sentence a claim note was made on, or NULL), "orphan" (the quote is
 * no longer in the article's clean text, or the article is gone; the
 * offsets are the last known ones), "created" and "updated" (UTC, ISO 8601)
 * and "article-title" (the title of a deleted article, for orphans). */
PxNote             *px_note_new               (void);

gint64              px_note_get_id            (PxNote             *self);
void                px_note_set_id            (PxNote             *self,
                                               gint64              id);
gint64              px_note_get_article_id    (PxNote             *self);
void                px_note_set_article_id    (PxNote             *self,
                                               gint64              article_id);
guint               px_note_get_start         (PxNote             *self);
guint               px_note_get_end           (PxNote             *self);
void                px_note_set_range         (PxNote             *self,
                                               guint               start,
                                               guint               end);
const char         *px_note_get_quote         (PxNote             *self);
void                px_note_set_quote         (PxNote             *self,
                                               const char         *quote);
const char         *px_note_get_prefix        (PxNote             *self);
void                px_note_set_prefix        (PxNote             *self,
                                               const char         *prefix);
const char         *px_note_get_suffix        (PxNote             *self);
void                px_note_set_suffix        (PxNote             *self,
                                               const char         *suffix);
const char         *px_note_get_body          (PxNote             *self);
void                px_note_set_body          (PxNote             *self,
                                               const char         *body);
const char * const *px_note_get_tags          (PxNote             *self);
void                px_note_set_tags          (PxNote             *self,
                                               const char * const *tags);
/* Tags joined by ", " (empty string when none). */
char               *px_note_dup_tags_string   (PxNote             *self);
gboolean            px_note_has_tag           (PxNote             *self,
                                               const char         *tag);
const char         *px_note_get_color         (PxNote             *self);
void                px_note_set_color         (PxNote             *self,
                                               const char         *color);
const char         *px_note_get_claim_key     (PxNote             *self);
void                px_note_set_claim_key     (PxNote             *self,
                                               const char         *claim_key);
gboolean            px_note_get_orphan        (PxNote             *self);
void                px_note_set_orphan        (PxNote             *self,
                                               gboolean            orphan);
const char         *px_note_get_created       (PxNote             *self);
void                px_note_set_created       (PxNote             *self,
                                               const char         *created);
const char         *px_note_get_updated       (PxNote             *self);
void                px_note_set_updated       (PxNote             *self,
                                               const char         *updated);
const char         *px_note_get_article_title (PxNote             *self);
void                px_note_set_article_title (PxNote             *self,
                                               const char         *title);

/* Sets the range [@clean_start, @clean_end) of @map's clean text as the
 * note's anchor: raw offsets, quote and context; clears "orphan". */
void                px_note_set_clean_range   (PxNote             *self,
                                               PxTextMap          *map,
                                               guint               clean_start,
                                               guint               clean_end);
/* Where the note is in @map's clean text; FALSE for an orphan or a range
 * none of which is kept. */
gboolean            px_note_get_clean_range   (PxNote             *self,
                                               PxTextMap          *map,
                                               guint              *clean_start,
                                               guint              *clean_end);

/* The stable key of a sentence for claim notes: claims are recomputed,
 * the words of a sentence are not ("s1:" and 16 hex digits of its SHA-1). */
char               *px_note_claim_key         (const char         *sentence,
                                               gssize              length);
/* The index of the claim @self belongs to in @comparison: the claim of
 * the sentence whose key is its claim key, else (given @map, the text map
 * of its article, may be NULL) of the sentence holding its start; -1 when
 * its article is not compared or it is an orphan. @article_index and
 * @sentence (may be NULL) receive where it was found. */
int                 px_note_find_claim        (PxNote             *self,
                                               PxComparison       *comparison,
                                               PxTextMap          *map,
                                               guint              *article_index,
                                               guint              *sentence);

G_END_DECLS
