/* px-claim-gutter.h: curves linking the sentences of one claim in neighbouring columns
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-comparison-column.h"

G_BEGIN_DECLS

#define PX_TYPE_CLAIM_GUTTER (px_claim_gutter_get_type ())
G_DECLARE_FINAL_TYPE (PxClaimGutter, px_claim_gutter, PX, CLAIM_GUTTER, GtkWidget)

/* The gutter between @left and @right, columns of @comparison. */
GtkWidget *px_claim_gutter_new          (PxComparison       *comparison,
                                         PxComparisonColumn *left,
                                         PxComparisonColumn *right);
/* Draws claim @claim (an index, or PX_NO_CLAIM) over the others. */
void       px_claim_gutter_set_selected (PxClaimGutter      *self,
                                         guint               claim);
/* How many curves the last frame drew (for tests). */
guint      px_claim_gutter_get_n_drawn  (PxClaimGutter      *self);

G_END_DECLS
