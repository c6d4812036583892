/* px-comparison-view.h: an event or 2–8 articles side by side, and their coverage matrix
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-comparison-column.h"
#include "px-comparison.h"
#include "px-note.h"
#include "px-store.h"

G_BEGIN_DECLS

/* The most articles shown side by side; an event with more shows its
 * first ones and says so. */
#define PX_COMPARISON_VIEW_MAX_ARTICLES 8

#define PX_TYPE_COMPARISON_VIEW (px_comparison_view_get_type ())
G_DECLARE_FINAL_TYPE (PxComparisonView, px_comparison_view, PX, COMPARISON_VIEW, AdwBin)

GtkWidget    *px_comparison_view_new                (void);

/* Compares articles of @store in a thread with its own connection (a
 * result already computed for the same texts comes from a cache) and
 * shows them; "loaded" follows, or the error page. */
void          px_comparison_view_compare            (PxComparisonView *self,
                                                     PxStore          *store,
                                                     const gint64     *ids,
                                                     guint             n_ids);
/* The same for the articles of event @event_id. */
void          px_comparison_view_compare_event      (PxComparisonView *self,
                                                     PxStore          *store,
                                                     gint64            event_id);
/* The same for the articles of @files (NULL-terminated names), imported
 * into @store first, or found there when already in it. */
void          px_comparison_view_compare_files      (PxComparisonView   *self,
                                                     PxStore            *store,
                                                     const char * const *files);
/* How many articles the last px_comparison_view_compare_files () added to
 * the library (0 when they all were in it). */
guint         px_comparison_view_get_n_imported     (PxComparisonView *self);
/* Shows @comparison at once (already computed). */
void          px_comparison_view_set_comparison     (PxComparisonView *self,
                                                     PxComparison     *comparison);
PxComparison *px_comparison_view_get_comparison     (PxComparisonView *self);
gboolean      px_comparison_view_get_loading        (PxComparisonView *self);
/* The event shown, 0 for a set of articles picked by hand. */
gint64        px_comparison_view_get_event          (PxComparisonView *self);

/* The column of article @index (in the comparison's order). */
GtkWidget    *px_comparison_view_get_column         (PxComparisonView *self,
                                                     guint             index);
GtkWidget    *px_comparison_view_get_gutter         (PxComparisonView *self,
                                                     guint             index);
GtkWidget    *px_comparison_view_get_matrix         (PxComparisonView *self);
GtkWidget    *px_comparison_view_get_claim_pane     (PxComparisonView *self);

/* Selects claim @claim (an index, or PX_NO_CLAIM): lights up its
 * sentences in every column, scrolls each column that carries it to its
 * sentence and shows who says what. */
void          px_comparison_view_select_claim       (PxComparisonView *self,
                                                     guint             claim);
guint         px_comparison_view_get_selected_claim (PxComparisonView *self);
/* The reader's notes on the compared articles (PxNote, may be NULL):
 * notes on words are highlighted in their columns, notes on a claim are
 * marked beside each of its sentences and listed in the claim pane.
 * @maps: per article of the comparison (in its order), the PxTextMap of
 * the stored article, or NULL when the comparison shows another text than
 * the library now has (its notes cannot be placed then). */
void          px_comparison_view_set_notes          (PxComparisonView *self,
                                                     GPtrArray        *notes,
                                                     GPtrArray        *maps);
/* The notes on claim @claim (PxNote), or NULL when it has none. */
GPtrArray    *px_comparison_view_get_claim_notes    (PxComparisonView *self,
                                                     guint             claim);
/* The sentence the reader clicked to select the selected claim; FALSE
 * when the claim was selected otherwise (keyboard, matrix). */
gboolean      px_comparison_view_get_picked_sentence (PxComparisonView *self,
                                                      guint            *article,
                                                      guint            *sentence);
/* "columns" or "matrix". */
void          px_comparison_view_set_page           (PxComparisonView *self,
                                                     const char       *name);
const char   *px_comparison_view_get_page           (PxComparisonView *self);
void          px_comparison_view_set_sync_scroll    (PxComparisonView *self,
                                                     gboolean          sync_scroll);
gboolean      px_comparison_view_get_sync_scroll    (PxComparisonView *self);

G_END_DECLS
