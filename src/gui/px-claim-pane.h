/* px-claim-pane.h: who says what for one claim, conflicts first, and who is silent
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-comparison.h"
#include "px-note.h"

G_BEGIN_DECLS

#define PX_TYPE_CLAIM_PANE (px_claim_pane_get_type ())
G_DECLARE_FINAL_TYPE (PxClaimPane, px_claim_pane, PX, CLAIM_PANE, AdwBin)

GtkWidget *px_claim_pane_new       (void);
/* Shows claim @claim (an index) of @comparison; @comparison NULL shows
 * a hint instead. */
void       px_claim_pane_set_claim (PxClaimPane  *self,
                                    PxComparison *comparison,
                                    guint         claim);
/* The notes on the claim shown (PxNote, may be NULL), each with buttons
 * to edit and delete it: signals "edit-note" and "delete-note". */
void       px_claim_pane_set_notes (PxClaimPane  *self,
                                    GPtrArray    *notes);
/* The notes listed (for tests). */
GPtrArray *px_claim_pane_dup_notes (PxClaimPane  *self);
/* The pane's text as a reader hears it, line by line (for tests). */
char      *px_claim_pane_dup_text  (PxClaimPane  *self);

/* What a conflict kind is about, in words, e.g. "Role". */
const char *px_conflict_kind_describe (PxConflictKind kind);

G_END_DECLS
