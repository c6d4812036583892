/* px-claim-item.c: one claim of a comparison as a list item
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-claim-item.h"

struct _PxClaimItem
{
  GObject parent_instance;

  PxComparison *comparison;
  guint index;
  guint n_outlets;
};

G_DEFINE_FINAL_TYPE (PxClaimItem, px_claim_item, G_TYPE_OBJECT)

static void
px_claim_item_finalize (GObject *object)
{
  g_clear_object (&PX_CLAIM_ITEM (object)->comparison);

  G_OBJECT_CLASS (px_claim_item_parent_class)->finalize (object);
}

static void
px_claim_item_class_init (PxClaimItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_claim_item_finalize;
}

static void
px_claim_item_init (PxClaimItem *self)
{
}

PxClaimItem *
px_claim_item_new (PxComparison *comparison,
                   guint         index)
{
  PxClaimItem *self;
  const PxClaim *claim;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (index < px_comparison_get_n_claims (comparison), NULL);

  self = g_object_new (PX_TYPE_CLAIM_ITEM, NULL);
  self->comparison = g_object_ref (comparison);
  self->index = index;
  /* Members come by article, so each new article starts a run. */
  claim = px_comparison_get_claim (comparison, index);
  for (guint m = 0; m < claim->members->len; m++)
    if (m == 0 || g_array_index (claim->members, PxClaimMember, m).article !=
                    g_array_index (claim->members, PxClaimMember, m - 1).article)
      self->n_outlets++;
  return self;
}

PxComparison *
px_claim_item_get_comparison (PxClaimItem *self)
{
  g_return_val_if_fail (PX_IS_CLAIM_ITEM (self), NULL);
  return self->comparison;
}

guint
px_claim_item_get_index (PxClaimItem *self)
{
  g_return_val_if_fail (PX_IS_CLAIM_ITEM (self), 0);
  return self->index;
}

const PxClaim *
px_claim_item_get_claim (PxClaimItem *self)
{
  g_return_val_if_fail (PX_IS_CLAIM_ITEM (self), NULL);
  return px_comparison_get_claim (self->comparison, self->index);
}

guint
px_claim_item_get_n_outlets (PxClaimItem *self)
{
  g_return_val_if_fail (PX_IS_CLAIM_ITEM (self), 0);
  return self->n_outlets;
}
