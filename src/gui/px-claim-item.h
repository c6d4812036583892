/* px-claim-item.h: one claim of a comparison as a list item
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-comparison.h"

G_BEGIN_DECLS

#define PX_TYPE_CLAIM_ITEM (px_claim_item_get_type ())
G_DECLARE_FINAL_TYPE (PxClaimItem, px_claim_item, PX, CLAIM_ITEM, GObject)

PxClaimItem   *px_claim_item_new            (PxComparison *comparison,
                                             guint         index);
PxComparison  *px_claim_item_get_comparison (PxClaimItem  *self);
guint          px_claim_item_get_index      (PxClaimItem  *self);
const PxClaim *px_claim_item_get_claim      (PxClaimItem  *self);
/* How many outlets carry the claim. */
guint          px_claim_item_get_n_outlets  (PxClaimItem  *self);

G_END_DECLS
