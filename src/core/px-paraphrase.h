/* px-paraphrase.h: whether two sentences say the same thing, from features of their terms
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PX_PARAPHRASE_STOP     = 1 << 0,  /* a stop word */
  PX_PARAPHRASE_NUMBER   = 1 << 1,
  PX_PARAPHRASE_NAME     = 1 << 2,  /* capitalised, not the sentence's first word */
  PX_PARAPHRASE_NEGATION = 1 << 3,  /* "not", "never", "didn't" */
} PxParaphraseFlags;

/* A sentence as the terms (word stems, numbers, stop words, lexicon
 * phrases; ids of the caller's) of its words, in order. A caller that
 * has its distinct terms sorted already may pass them in @items, with
 * each term's index among them in @term_items, which saves sorting the
 * terms again; else both are NULL. A caller that knows which terms may
 * be related (PxParaphraseRelatedFunc) may pass @keys, one per term and
 * the same for equal terms: two terms that may be related have keys
 * with a bit in common, and a term related to none a key of 0. Then
 * only such pairs are asked; without them, every pair of content words. */
typedef struct
{
  const guint   *terms;
  const guint8  *flags;       /* PxParaphraseFlags, one per term */
  guint          length;
  const guint   *items;       /* the distinct terms, ascending, or NULL */
  guint          n_items;
  const guint   *term_items;  /* the index in @items of each term, or NULL */
  const guint64 *keys;        /* one per term, or NULL */
} PxParaphraseText;

/* A sentence prepared once for many comparisons: its distinct terms,
 * n-grams and positions, sorted, so that a pair needs only merges. */
typedef struct _PxParaphraseSentence PxParaphraseSentence;

/* Whether two different terms can stand for one another (synonyms). */
typedef gboolean (*PxParaphraseRelatedFunc) (guint    a,
                                             guint    b,
                                             gpointer user_data);

typedef enum
{
  PX_PARAPHRASE_SIMILARITY,         /* weighted Dice overlap, related words counted */
  PX_PARAPHRASE_CONTAINMENT,        /* overlap / the smaller sentence's weight */
  PX_PARAPHRASE_COVERAGE,           /* overlap / the larger sentence's weight */
  PX_PARAPHRASE_NUMBER_MISMATCH,    /* 1 when the numbers differ */
  PX_PARAPHRASE_NEGATION_MISMATCH,  /* 1 when the negations differ */
  PX_PARAPHRASE_ORDER,              /* 2 · longest common subsequence / lengths */
  PX_PARAPHRASE_CONTENT_ORDER,      /* the same without stop words */
  PX_PARAPHRASE_BIGRAMS,            /* Dice overlap of term pairs */
  PX_PARAPHRASE_TRIGRAMS,           /* and of term triples */
  PX_PARAPHRASE_LENGTH_DIFFERENCE,  /* |la − lb| / max */
  PX_PARAPHRASE_UNMATCHED,          /* unmatched content terms of the wordier side (≤ 10) */
  PX_PARAPHRASE_UNMATCHED_TOP,      /* weight of the rarest unmatched term, either side */
  PX_PARAPHRASE_UNMATCHED_TOP_MIN,  /* the smaller of the two sides' rarest */
  PX_PARAPHRASE_NAME_MISMATCH,      /* names on one side only (≤ 4) */
  PX_PARAPHRASE_SIMILARITY_SQUARED,
  /* Machine-translation metrics (Madnani, Tetreault & Chodorow 2012). */
  PX_PARAPHRASE_BLEU1_A,            /* clipped shared term n-grams / a's n-grams, n = 1 */
  PX_PARAPHRASE_BLEU2_A,
  PX_PARAPHRASE_BLEU3_A,
  PX_PARAPHRASE_BLEU4_A,
  PX_PARAPHRASE_BLEU1_B,            /* the same over b's n-grams */
  PX_PARAPHRASE_BLEU2_B,
  PX_PARAPHRASE_BLEU3_B,
  PX_PARAPHRASE_BLEU4_B,
  PX_PARAPHRASE_METEOR_MIN,         /* METEOR-like score, the lower of the two references */
  PX_PARAPHRASE_METEOR_MAX,         /* and the higher */
  PX_PARAPHRASE_EDIT_RATE,          /* word edit distance / the longer length (TER without shifts) */
  /* BLEU's precisions again, each n-gram weighted by its information, the
   * mean rarity of its terms (after NIST, Doddington 2002) */
  PX_PARAPHRASE_WEIGHTED_BLEU1_A,
  PX_PARAPHRASE_WEIGHTED_BLEU2_A,
  PX_PARAPHRASE_WEIGHTED_BLEU3_A,
  PX_PARAPHRASE_WEIGHTED_BLEU4_A,
  PX_PARAPHRASE_WEIGHTED_BLEU1_B,
  PX_PARAPHRASE_WEIGHTED_BLEU2_B,
  PX_PARAPHRASE_WEIGHTED_BLEU3_B,
  PX_PARAPHRASE_WEIGHTED_BLEU4_B,
  PX_PARAPHRASE_GAP_MIN,            /* the longest run of unmatched words, the smaller side's */
  PX_PARAPHRASE_GAP_MAX,            /* and the larger side's */
  PX_PARAPHRASE_LENGTH_MIN,         /* words of the shorter sentence */
  PX_PARAPHRASE_LENGTH_MAX,         /* and of the longer */
  PX_PARAPHRASE_N_FEATURES
} PxParaphraseFeature;

/* The name of @feature in data/align/paraphrase-weights.txt. */
const char *px_paraphrase_feature_name   (PxParaphraseFeature      feature);

/* Prepares @text (copied) for px_paraphrase_features (). */
PxParaphraseSentence *
            px_paraphrase_sentence_new   (const PxParaphraseText  *text);
void        px_paraphrase_sentence_free  (PxParaphraseSentence    *self);

/* Fills @features (PX_PARAPHRASE_N_FEATURES values) for @a and @b, with
 * @weights (by term id) for the rarity of terms and @related (may be
 * NULL) for synonyms. Related words of @b are matched to those of @a, so
 * put the pair in a fixed order for symmetric results. A pair whose
 * similarity is below @min_similarity gets only that (the other features
 * 0) and FALSE: the rest costs more than all candidate pairs need. A
 * sentence keeps what it sums of @weights, so pass it the same weights,
 * unchanged, every time. */
gboolean    px_paraphrase_features       (PxParaphraseSentence    *a,
                                          PxParaphraseSentence    *b,
                                          const double            *weights,
                                          PxParaphraseRelatedFunc  related,
                                          gpointer                 user_data,
                                          double                   min_similarity,
                                          double                  *features);

/* How likely the features are those of a paraphrase, from 0 to 1: a
 * logistic model fitted on the MSRP training split
 * (data/align/paraphrase-weights.txt, see build-aux/fit-paraphrase-weights.py). */
double      px_paraphrase_probability    (const double            *features);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxParaphraseSentence, px_paraphrase_sentence_free)

G_END_DECLS
