/* test-paraphrase.c: the paraphrase features NIST's weighting and unmatched runs add, and the model's use of them
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-paraphrase.h"

/* Term 1 is rare (weight 5), the others common (weight 1). */
static const double weights[16] = { 1, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

static PxParaphraseSentence *
sentence (const guint *terms,
          guint        length)
{
  static const guint8 flags[16] = { 0 };
  const PxParaphraseText text = { terms, flags, length };

  g_assert_cmpuint (length, <=, G_N_ELEMENTS (flags));
  return px_paraphrase_sentence_new (&text);
}

/* Two pairs share as many words and n-grams; the one sharing the rare
 * word and its bigram has the higher weighted precisions, not the other. */
static void
test_paraphrase_weighted_bleu (void)
{
  static const guint x_terms[] = { 1, 2, 3, 4 }, rare_terms[] = { 1, 2, 8, 9 }, common_terms[] = { 8, 9, 3, 4 };
  g_autoptr (PxParaphraseSentence) x = sentence (x_terms, 4);
  g_autoptr (PxParaphraseSentence) rare = sentence (rare_terms, 4);
  g_autoptr (PxParaphraseSentence) common = sentence (common_terms, 4);
  double shares_rare[PX_PARAPHRASE_N_FEATURES], shares_common[PX_PARAPHRASE_N_FEATURES];

  px_paraphrase_features (x, rare, weights, NULL, NULL, 0, shares_rare);
  px_paraphrase_features (x, common, weights, NULL, NULL, 0, shares_common);
  for (PxParaphraseFeature f = PX_PARAPHRASE_BLEU1_A; f <= PX_PARAPHRASE_BLEU4_B; f++)
    g_assert_cmpfloat (shares_rare[f], ==, shares_common[f]);
  g_assert_cmpfloat_with_epsilon (shares_rare[PX_PARAPHRASE_BLEU1_A], 0.5, 1e-9);

  /* Unigrams: 5 + 1 of x's 8; bigrams by their mean weight, (1 2) = 3 of
   * x's 3 + 1 + 1. */
  g_assert_cmpfloat_with_epsilon (shares_rare[PX_PARAPHRASE_WEIGHTED_BLEU1_A], 6.0 / 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares_rare[PX_PARAPHRASE_WEIGHTED_BLEU1_B], 6.0 / 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares_rare[PX_PARAPHRASE_WEIGHTED_BLEU2_A], 3.0 / 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares_common[PX_PARAPHRASE_WEIGHTED_BLEU1_A], 2.0 / 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares_common[PX_PARAPHRASE_WEIGHTED_BLEU1_B], 2.0 / 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares_common[PX_PARAPHRASE_WEIGHTED_BLEU2_A], 1.0 / 5, 1e-9);
  g_assert_cmpfloat (shares_rare[PX_PARAPHRASE_WEIGHTED_BLEU3_A], ==, 0);
}

static gboolean
twelve_is_four (guint    a,
                guint    b,
                gpointer user_data)
{
  return (a == 4 && b == 12) || (a == 12 && b == 4);
}

/* Three added words in one run (a clause) against the same three spread
 * out; a synonym leaves no word unmatched. */
static void
test_paraphrase_gaps (void)
{
  static const guint x_terms[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  static const guint clause_terms[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
  static const guint spread_terms[] = { 1, 9, 2, 3, 10, 4, 5, 11, 6, 7, 8 };
  static const guint synonym_terms[] = { 1, 2, 3, 12, 5, 6, 7, 8 };
  g_autoptr (PxParaphraseSentence) x = sentence (x_terms, 8);
  g_autoptr (PxParaphraseSentence) clause = sentence (clause_terms, 11);
  g_autoptr (PxParaphraseSentence) spread = sentence (spread_terms, 11);
  g_autoptr (PxParaphraseSentence) synonym = sentence (synonym_terms, 8);
  double features[PX_PARAPHRASE_N_FEATURES];

  px_paraphrase_features (x, clause, weights, NULL, NULL, 0, features);
  g_assert_cmpfloat (features[PX_PARAPHRASE_GAP_MIN], ==, 0);
  g_assert_cmpfloat (features[PX_PARAPHRASE_GAP_MAX], ==, 3);
  g_assert_cmpfloat (features[PX_PARAPHRASE_LENGTH_MIN], ==, 8);
  g_assert_cmpfloat (features[PX_PARAPHRASE_LENGTH_MAX], ==, 11);
  /* In either order. */
  px_paraphrase_features (clause, x, weights, NULL, NULL, 0, features);
  g_assert_cmpfloat (features[PX_PARAPHRASE_GAP_MAX], ==, 3);

  px_paraphrase_features (x, spread, weights, NULL, NULL, 0, features);
  g_assert_cmpfloat (features[PX_PARAPHRASE_GAP_MAX], ==, 1);

  px_paraphrase_features (x, synonym, weights, NULL, NULL, 0, features);
  g_assert_cmpfloat (features[PX_PARAPHRASE_GAP_MIN], ==, 1);
  px_paraphrase_features (x, synonym, weights, twelve_is_four, NULL, 0, features);
  g_assert_cmpfloat (features[PX_PARAPHRASE_GAP_MAX], ==, 0);
}

/* The fitted model (data/align/paraphrase-weights.txt) names every
 * feature (an unknown name warns, and warnings fail the test), counts a
 * longer added run against a pair, and shared rare words for it. */
static void
test_paraphrase_model (void)
{
  static const guint x_terms[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  static const guint clause_terms[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
  g_autoptr (PxParaphraseSentence) x = sentence (x_terms, 8);
  g_autoptr (PxParaphraseSentence) clause = sentence (clause_terms, 11);
  double features[PX_PARAPHRASE_N_FEATURES], p;

  px_paraphrase_features (x, clause, weights, NULL, NULL, 0, features);
  p = px_paraphrase_probability (features);
  g_assert_cmpfloat (p, >, 0);
  g_assert_cmpfloat (p, <, 1);

  features[PX_PARAPHRASE_GAP_MAX] += 3;
  g_assert_cmpfloat (px_paraphrase_probability (features), <, p);
  features[PX_PARAPHRASE_GAP_MAX] -= 3;
  features[PX_PARAPHRASE_WEIGHTED_BLEU1_A] += 0.1;
  features[PX_PARAPHRASE_WEIGHTED_BLEU1_B] += 0.1;
  g_assert_cmpfloat (px_paraphrase_probability (features), >, p);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/px/paraphrase/weighted-bleu", test_paraphrase_weighted_bleu);
  g_test_add_func ("/px/paraphrase/gaps", test_paraphrase_gaps);
  g_test_add_func ("/px/paraphrase/model", test_paraphrase_model);
  return g_test_run ();
}
