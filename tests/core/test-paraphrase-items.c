/* test-paraphrase-items.c: sentences prepared with their sorted terms given score as those sorted by px-paraphrase.c
 *
 * The aligner hands px_paraphrase_sentence_new () each sentence's
 * distinct terms, sorted, and every term's index among them, which it
 * has already; px-paraphrase.c then skips sorting them itself. It also
 * hands each term's key, bits that related terms share, so that only
 * pairs of words that may be related are asked. Here the sentences of an
 * ECB+ document (tests/data/text), with stop words, numbers and names
 * flagged, and some joined into sequences of more than 64 terms, are
 * prepared both ways, and every pair's features must be the same, to the
 * bit, with and without synonyms; with keys that no two terms share, as
 * without synonyms; and a sentence compared with itself as with a copy.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraphrase-fixture.h"
#include "px-paraphrase.h"

/* The fixture's lines with words, some of their occurrences of one term
 * flagged unlike (a term's flags are those of all its occurrences: some
 * words said as negations), and the lines joined three by three. */
static GPtrArray *
read_sequences (void)
{
  g_autoptr (GPtrArray) lines = fixture_read_lines (NULL);
  GPtrArray *sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) fixture_line_free);
  FixtureLine *joined = NULL;

  /* Its lines move into the sequences, or are freed here. */
  g_ptr_array_set_free_func (lines, NULL);
  for (guint l = 0; l < lines->len; l++)
    {
      FixtureLine *line = lines->pdata[l];

      for (guint p = 0; p < line->terms->len; p++)
        if (p % 3 == 0 && g_array_index (line->terms, guint, p) % 40 == 0)
          g_array_index (line->flags, guint8, p) |= PX_PARAPHRASE_NEGATION;
      if (joined == NULL)
        {
          joined = g_new0 (FixtureLine, 1);
          joined->terms = g_array_new (FALSE, FALSE, sizeof (guint));
          joined->flags = g_array_new (FALSE, FALSE, sizeof (guint8));
        }
      g_array_append_vals (joined->terms, line->terms->data, line->terms->len);
      g_array_append_vals (joined->flags, line->flags->data, line->flags->len);
      if (l % 3 == 2)
        g_ptr_array_add (sequences, g_steal_pointer (&joined));
      if (line->terms->len > 0)
        g_ptr_array_add (sequences, line);
      else
        fixture_line_free (line);
    }
  g_clear_pointer (&joined, fixture_line_free);
  return sequences;
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* @sequence prepared with its distinct terms sorted here, and each
 * term's @key. */
static PxParaphraseSentence *
prepare_with_items (const FixtureLine *sequence,
                    guint64       (*key) (guint term))
{
  guint length = sequence->terms->len, n_items = 0;
  g_autofree guint *items = g_new (guint, length + 1);
  g_autofree guint *term_items = g_new (guint, length + 1);
  g_autofree guint64 *keys = g_new (guint64, length + 1);
  PxParaphraseText text = { (const guint *) sequence->terms->data, (const guint8 *) sequence->flags->data,
                            length, items, 0, term_items, keys };

  memcpy (items, sequence->terms->data, length * sizeof (guint));
  qsort (items, length, sizeof (guint), compare_terms);
  for (guint i = 0; i < length; i++)
    if (n_items == 0 || items[n_items - 1] != items[i])
      items[n_items++] = items[i];
  text.n_items = n_items;
  for (guint i = 0; i < length; i++)
    {
      guint *found = bsearch (&text.terms[i], items, n_items, sizeof (guint), compare_terms);

      term_items[i] = found - items;
      keys[i] = key (text.terms[i]);
    }
  return px_paraphrase_sentence_new (&text);
}

/* Terms whose ids differ by 7, and those of ids 2 and 3, are synonyms. */
static gboolean
related (guint    a,
         guint    b,
         gpointer user_data)
{
  return (a > b ? a - b : b - a) == 7 || (MIN (a, b) == 2 && MAX (a, b) == 3);
}

/* Keys for related (): terms 7 apart share the bit of their id's
 * remainder by 7; terms 2 and 3 one more. */
static guint64
related_key (guint term)
{
  return G_GUINT64_CONSTANT (1) << (term % 7) | (term == 2 || term == 3 ? G_GUINT64_CONSTANT (1) << 7 : 0);
}

static guint64
no_key (guint term)
{
  return 0;
}

/* The sequences prepared both ways: their terms sorted by
 * px-paraphrase.c, and sorted here, with keys; and weights for their
 * terms. */
typedef struct
{
  GPtrArray *sequences;    /* FixtureLine */
  GPtrArray *sorted_here;  /* PxParaphraseSentence, by px-paraphrase.c */
  GPtrArray *given;        /* PxParaphraseSentence, with items and keys */
  double *weights;
} Prepared;

static void
prepared_free (Prepared *prepared)
{
  g_ptr_array_unref (prepared->sequences);
  g_ptr_array_unref (prepared->sorted_here);
  g_ptr_array_unref (prepared->given);
  g_free (prepared->weights);
  g_free (prepared);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Prepared, prepared_free)

static Prepared *
prepare_all (guint64 (*key) (guint term))
{
  Prepared *prepared = g_new0 (Prepared, 1);
  guint n_terms = 0, longest = 0;

  prepared->sequences = read_sequences ();
  prepared->sorted_here = g_ptr_array_new_with_free_func ((GDestroyNotify) px_paraphrase_sentence_free);
  prepared->given = g_ptr_array_new_with_free_func ((GDestroyNotify) px_paraphrase_sentence_free);
  g_assert_cmpuint (prepared->sequences->len, >, 40);
  for (guint i = 0; i < prepared->sequences->len; i++)
    {
      const FixtureLine *sequence = prepared->sequences->pdata[i];
      const PxParaphraseText text = { (const guint *) sequence->terms->data,
                                      (const guint8 *) sequence->flags->data, sequence->terms->len };

      for (guint p = 0; p < sequence->terms->len; p++)
        n_terms = MAX (n_terms, g_array_index (sequence->terms, guint, p) + 1);
      longest = MAX (longest, sequence->terms->len);
      g_ptr_array_add (prepared->sorted_here, px_paraphrase_sentence_new (&text));
      g_ptr_array_add (prepared->given, prepare_with_items (sequence, key));
    }
  g_assert_cmpuint (longest, >, 64);
  prepared->weights = g_new (double, n_terms);
  for (guint t = 0; t < n_terms; t++)
    prepared->weights[t] = 1 + t % 5;
  return prepared;
}

static void
test_paraphrase_items_same_features (void)
{
  g_autoptr (Prepared) prepared = prepare_all (related_key);
  guint n = prepared->sequences->len, n_paraphrases = 0;

  for (guint i = 0; i < n * n; i++)
    for (guint synonyms = 0; synonyms < 2; synonyms++)
      {
        double expected[PX_PARAPHRASE_N_FEATURES], features[PX_PARAPHRASE_N_FEATURES];
        PxParaphraseRelatedFunc func = synonyms ? related : NULL;
        gboolean full = px_paraphrase_features (prepared->sorted_here->pdata[i / n], prepared->sorted_here->pdata[i % n],
                                                prepared->weights, func, NULL, 0.3, expected);

        g_assert_cmpint (px_paraphrase_features (prepared->given->pdata[i / n], prepared->given->pdata[i % n],
                                                 prepared->weights, func, NULL, 0.3, features), ==, full);
        g_assert_cmpmem (features, sizeof features, expected, sizeof expected);
        n_paraphrases += full && px_paraphrase_probability (features) >= 0.5;
      }
  /* Some pairs get every feature, and through all of the model. */
  g_assert_cmpuint (n_paraphrases, >, n);
}

/* Keys no two terms share: no word is asked whether it is related, as
 * if there were no synonyms, which do change some pairs' features. */
static void
test_paraphrase_items_unrelated_keys (void)
{
  g_autoptr (Prepared) prepared = prepare_all (no_key);
  guint n = prepared->sequences->len, n_changed = 0;

  for (guint i = 0; i < n * n; i++)
    {
      PxParaphraseSentence *x = prepared->sorted_here->pdata[i / n], *y = prepared->sorted_here->pdata[i % n];
      double plain[PX_PARAPHRASE_N_FEATURES], synonyms[PX_PARAPHRASE_N_FEATURES];
      double features[PX_PARAPHRASE_N_FEATURES];

      px_paraphrase_features (x, y, prepared->weights, NULL, NULL, 0, plain);
      px_paraphrase_features (x, y, prepared->weights, related, NULL, 0, synonyms);
      px_paraphrase_features (prepared->given->pdata[i / n], prepared->given->pdata[i % n], prepared->weights,
                              related, NULL, 0, features);
      g_assert_cmpmem (features, sizeof features, plain, sizeof plain);
      n_changed += memcmp (synonyms, plain, sizeof plain) != 0;
    }
  g_assert_cmpuint (n_changed, >, n);
}

/* A sentence compared with itself (the aligner's wire copy) is worked
 * out without matching its words: its features must be those of a copy
 * of it prepared apart, to the bit. */
static void
test_paraphrase_items_itself (void)
{
  static const double min_similarities[] = { 0, 2 };  /* every feature, the similarity alone */
  g_autoptr (Prepared) prepared = prepare_all (related_key);
  guint n_full = 0;

  for (guint i = 0; i < prepared->sequences->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (min_similarities); k++)
      {
        double min_similarity = min_similarities[k];
        double itself[PX_PARAPHRASE_N_FEATURES], copy[PX_PARAPHRASE_N_FEATURES];
        PxParaphraseSentence *x = prepared->sorted_here->pdata[i];
        gboolean full = px_paraphrase_features (x, x, prepared->weights, related, NULL, min_similarity, itself);

        g_assert_cmpint (px_paraphrase_features (x, prepared->given->pdata[i], prepared->weights, related, NULL,
                                                 min_similarity, copy), ==, full);
        g_assert_cmpmem (itself, sizeof itself, copy, sizeof copy);
        n_full += full;
      }
  g_assert_cmpuint (n_full, ==, prepared->sequences->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/paraphrase-items/same-features", test_paraphrase_items_same_features);
  g_test_add_func ("/px/paraphrase-items/unrelated-keys", test_paraphrase_items_unrelated_keys);
  g_test_add_func ("/px/paraphrase-items/itself", test_paraphrase_items_itself);
  return g_test_run ();
}
