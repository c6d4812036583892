/* px-coverage-matrix.h: claims × outlets, who carries what, at a glance
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-comparison.h"

G_BEGIN_DECLS

/* What one outlet does with one claim. */
typedef enum
{
  PX_COVERAGE_SAME,       /* carries it in the claim's common words */
  PX_COVERAGE_DIFFERENT,  /* carries it in words of its own */
  PX_COVERAGE_CONFLICT,   /* carries it with a value the others contradict */
  PX_COVERAGE_ABSENT,     /* does not carry it */
} PxCoverage;

PxCoverage px_coverage_of (PxComparison *comparison,
                           guint         claim,
                           guint         article);

#define PX_TYPE_COVERAGE_MATRIX (px_coverage_matrix_get_type ())
G_DECLARE_FINAL_TYPE (PxCoverageMatrix, px_coverage_matrix, PX, COVERAGE_MATRIX, AdwBin)

GtkWidget *px_coverage_matrix_new            (void);
void       px_coverage_matrix_set_comparison (PxCoverageMatrix *self,
                                              PxComparison     *comparison);
/* The claim index shown in row @position (rows are sorted). */
guint      px_coverage_matrix_get_claim_at   (PxCoverageMatrix *self,
                                              guint             position);
/* What clicking the cell of row @position and article @article does:
 * emits "cell-activated" (claim index, article index). */
void       px_coverage_matrix_activate_cell  (PxCoverageMatrix *self,
                                              guint             position,
                                              guint             article);

G_END_DECLS
