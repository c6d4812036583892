/* px-diff.h: Myers' diff over token sequences
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Compares two sequences of interned tokens (equal tokens have equal ids)
 * with Myers' O(ND) algorithm and marks, in @matched_a and @matched_b (one
 * gboolean per token, may be NULL), the tokens of a longest common
 * subsequence. Returns its length. Ties between equally short edit
 * scripts are broken the same way every time, so the result is
 * deterministic. */
guint px_diff_match (const guint *a,
                     guint        n_a,
                     const guint *b,
                     guint        n_b,
                     gboolean    *matched_a,
                     gboolean    *matched_b);

G_END_DECLS
