/* px-comparison-view.h: an event or 2–8 articles side by side, and their coverage matrix
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-comparison-column.h"
#include "px-comparison.h"
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
/* "columns" or "matrix". */
void          px_comparison_view_set_page           (PxComparisonView *self,
                                                     const char       *name);
const char   *px_comparison_view_get_page           (PxComparisonView *self);
void          px_comparison_view_set_sync_scroll    (PxComparisonView *self,
                                                     gboolean          sync_scroll);
gboolean      px_comparison_view_get_sync_scroll    (PxComparisonView *self);

G_END_DECLS
