/* px-comparison.h: what a set of articles says in common and apart
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "px-article.h"
#include "px-conflicts.h"
#include "px-segmenter.h"
#include "px-store.h"

G_BEGIN_DECLS

typedef enum
{
  PX_CLAIM_SHARED,   /* every compared article carries it */
  PX_CLAIM_PARTIAL,  /* two or more, not all */
  PX_CLAIM_UNIQUE,   /* one article only */
} PxClaimStatus;

typedef struct
{
  gint64 id;
  char *outlet;
  char *title;
  char *published;    /* YYYY-MM-DD or NULL */
  char *language;
  char *text;         /* the cleaned text the sentences point into */
  GArray *sentences;  /* PxRange */
} PxComparisonArticle;

typedef struct
{
  guint article;      /* index into the comparison's articles */
  guint sentence;     /* index into that article's sentences */
  /* PxRange byte ranges relative to the start of the sentence: the words
   * that most of the claim's other members do not have. */
  GArray *changed;
} PxClaimMember;

typedef struct
{
  guint id;             /* 1, 2, … in the order of the claims */
  PxClaimStatus status;
  GArray *members;      /* PxClaimMember, by article then sentence */
  GPtrArray *conflicts; /* PxConflict */
  gboolean wire;        /* two of its members belong to a run of wire copy */
} PxClaim;

/* Two articles repeating @length consecutive sentences nearly word for
 * word (from first_a and first_b on): the same agency text. */
typedef struct
{
  guint article_a;
  guint article_b;
  guint first_a;
  guint first_b;
  guint length;
} PxWireRun;

#define PX_TYPE_COMPARISON (px_comparison_get_type ())
G_DECLARE_FINAL_TYPE (PxComparison, px_comparison, PX, COMPARISON, GObject)

/* Compares @articles (at least one); they are put in id order first, so
 * the result does not depend on the order given. @store (may be NULL)
 * gives the library's word frequencies. */
PxComparison              *px_comparison_new              (PxArticle * const *articles,
                                                           guint              n_articles,
                                                           PxStore           *store);
/* The same for articles of the library; NULL with PX_STORE_ERROR_NOT_FOUND
 * when one is missing. */
PxComparison              *px_comparison_new_for_ids      (PxStore           *store,
                                                           const gint64      *ids,
                                                           guint              n_ids,
                                                           GError           **error);

guint                      px_comparison_get_n_articles   (PxComparison      *self);
const PxComparisonArticle *px_comparison_get_article      (PxComparison      *self,
                                                           guint              index);
guint                      px_comparison_get_n_claims     (PxComparison      *self);
const PxClaim             *px_comparison_get_claim        (PxComparison      *self,
                                                           guint              index);
/* The index of the claim holding a sentence. */
guint                      px_comparison_find_claim       (PxComparison      *self,
                                                           guint              article,
                                                           guint              sentence);
/* PxWireRun, ordered by articles then sentences. */
GArray                    *px_comparison_get_wire_runs    (PxComparison      *self);

const char                *px_claim_status_to_string      (PxClaimStatus      status);

G_END_DECLS
