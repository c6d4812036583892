/* px-comparison-column.h: one article of a comparison, its sentences marked by claim
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-comparison.h"

G_BEGIN_DECLS

#define PX_TYPE_COMPARISON_COLUMN (px_comparison_column_get_type ())
G_DECLARE_FINAL_TYPE (PxComparisonColumn, px_comparison_column, PX, COMPARISON_COLUMN, GtkWidget)

/* No claim selected. */
#define PX_NO_CLAIM G_MAXUINT

/* The column of article @article (an index) of @comparison. */
GtkWidget     *px_comparison_column_new                 (PxComparison       *comparison,
                                                         guint               article);
guint          px_comparison_column_get_article         (PxComparisonColumn *self);
GtkTextView   *px_comparison_column_get_text_view       (PxComparisonColumn *self);
/* The header (outlet, date, title), for a size group across columns. */
GtkWidget     *px_comparison_column_get_header          (PxComparisonColumn *self);
GtkAdjustment *px_comparison_column_get_vadjustment     (PxComparisonColumn *self);

/* The character offsets of a sentence in the column's text buffer. */
void           px_comparison_column_get_sentence_range  (PxComparisonColumn *self,
                                                         guint               sentence,
                                                         int                *start,
                                                         int                *end);
/* The sentence holding character @offset of the buffer, or the first one
 * after it; G_MAXUINT past the last. */
guint          px_comparison_column_find_sentence       (PxComparisonColumn *self,
                                                         int                 offset);
/* Where a sentence is drawn now, from its first line's top to its last
 * line's bottom, in the coordinates of @widget. FALSE when the layout is
 * not ready. */
gboolean       px_comparison_column_get_sentence_bounds (PxComparisonColumn *self,
                                                         guint               sentence,
                                                         GtkWidget          *widget,
                                                         double             *top,
                                                         double             *bottom);

/* The reader's notes: @notes (PxNote, may be NULL) are highlighted over
 * the clean-text byte ranges @ranges (PxRange, one per note) of the
 * column's article, their text in a tooltip; @claim_notes (may be NULL),
 * per claim index a GPtrArray of the PxNote attached to that claim or
 * NULL, puts a note symbol beside the sentences of those claims. */
void           px_comparison_column_set_notes           (PxComparisonColumn *self,
                                                         GPtrArray          *notes,
                                                         GArray             *ranges,
                                                         GPtrArray          *claim_notes);
/* What the tooltip at character @offset of the buffer says: the text and
 * tags of the innermost note highlighted there, or NULL. */
char          *px_comparison_column_dup_note_text       (PxComparisonColumn *self,
                                                         int                 offset);
/* What the note symbol beside @sentence says: the notes on its claim, or
 * NULL when its claim has none (and no symbol shows). */
char          *px_comparison_column_dup_claim_notes_text (PxComparisonColumn *self,
                                                          guint               sentence);

/* Lights up the sentences of claim @claim (an index, or PX_NO_CLAIM). */
void           px_comparison_column_select_claim        (PxComparisonColumn *self,
                                                         guint               claim);
/* Scrolls so that the sentence shows a quarter of the way down. */
void           px_comparison_column_scroll_to_sentence  (PxComparisonColumn *self,
                                                         guint               sentence);
/* Whether it is still moving to a sentence asked for. */
gboolean       px_comparison_column_get_scrolling       (PxComparisonColumn *self);
/* The first and last sentences in view (G_MAXUINT past the end). */
void           px_comparison_column_get_visible_sentences (PxComparisonColumn *self,
                                                           guint              *first,
                                                           guint              *last);
/* The first sentence at least partly visible, and how far its top is
 * below the top of the view (negative when it starts above). */
guint          px_comparison_column_get_top_sentence    (PxComparisonColumn *self,
                                                         double             *offset);
/* Scrolls so that the top of @sentence lies @offset below the top. */
void           px_comparison_column_place_sentence      (PxComparisonColumn *self,
                                                         guint               sentence,
                                                         double              offset);

G_END_DECLS
