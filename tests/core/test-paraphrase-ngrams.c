/* test-paraphrase-ngrams.c: the n-gram features of px-paraphrase.c against counting n-grams one by one
 *
 * px_paraphrase_features () finds the n-grams two sentences share
 * through bit masks of positions, 64 positions a word. Here BLEU's
 * clipped counts, their weighted sums and the Dice overlaps of bigrams
 * and trigrams are counted the plain way on the stems of real sentences
 * (ECB+, tests/data/text), also joined into sequences of up to 200 words
 * (masks of several words) and repeated (n-grams found more than once).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "paraphrase-fixture.h"
#include "px-paraphrase.h"

typedef struct
{
  GPtrArray *sequences;  /* GArray of guint term ids each */
  guint n_terms;
  double *weights;       /* by term id, for twice n_terms (see renamed ()) */
} Corpus;

static void
corpus_free (Corpus *corpus)
{
  g_ptr_array_unref (corpus->sequences);
  g_free (corpus->weights);
  g_free (corpus);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Corpus, corpus_free)

static GArray *
joined (GPtrArray *sentences,
        guint      from,
        guint      min_length)
{
  GArray *sequence = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = from; i < sentences->len && sequence->len < min_length; i++)
    {
      GArray *sentence = sentences->pdata[i];

      g_array_append_vals (sequence, sentence->data, sentence->len);
    }
  return sequence;
}

/* The stems of the sentences as term ids, weighted by their rarity among
 * the sentences; then sequences of sentences joined, and sentences said
 * twice. */
static Corpus *
read_corpus (void)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) sentences = g_ptr_array_new ();
  g_autofree guint *df = NULL;
  g_autofree guint *seen_in = NULL;  /* per term: the last sentence it was counted in, + 1 */
  Corpus *corpus = g_new0 (Corpus, 1);
  guint n_sentences;

  lines = fixture_read_lines (&corpus->n_terms);
  df = g_new0 (guint, corpus->n_terms + 1);
  seen_in = g_new0 (guint, corpus->n_terms + 1);
  corpus->sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint l = 0; l < lines->len; l++)
    {
      GArray *terms = ((FixtureLine *) lines->pdata[l])->terms;

      if (terms->len == 0)
        continue;
      g_ptr_array_add (corpus->sequences, g_array_ref (terms));
      for (guint p = 0; p < terms->len; p++)
        {
          guint term = g_array_index (terms, guint, p);

          if (seen_in[term] != corpus->sequences->len)
            {
              seen_in[term] = corpus->sequences->len;
              df[term]++;
            }
        }
    }
  n_sentences = corpus->sequences->len;
  g_assert_cmpuint (n_sentences, >, 30);
  corpus->weights = g_new0 (double, 2 * corpus->n_terms);
  for (guint t = 0; t < corpus->n_terms; t++)
    corpus->weights[t] = corpus->weights[corpus->n_terms + t] =
      log ((n_sentences + 1.0) / (df[t] + 0.5));

  g_ptr_array_extend (sentences, corpus->sequences, NULL, NULL);
  for (guint from = 0; from < 30; from += 6)
    g_ptr_array_add (corpus->sequences, joined (sentences, from, 70 + 26 * from));
  for (guint i = 0; i < 4; i++)
    {
      GArray *sentence = sentences->pdata[i], *twice = joined (sentences, i, 1);

      g_array_append_vals (twice, sentence->data, sentence->len);
      g_ptr_array_add (corpus->sequences, twice);
    }
  return corpus;
}

static PxParaphraseSentence *
prepare (const GArray *sequence)
{
  g_autofree guint8 *flags = g_new0 (guint8, sequence->len + 1);
  const PxParaphraseText text = { (const guint *) sequence->data, flags, sequence->len };

  return px_paraphrase_sentence_new (&text);
}

/* How often the n-gram at @p of @x starts in @y at a position before @end. */
static guint
occurrences (const GArray *x,
             guint         p,
             guint         n,
             const GArray *y,
             guint         end)
{
  guint count = 0;

  for (guint q = 0; q + n <= y->len && q < end; q++)
    count += memcmp (&g_array_index (x, guint, p), &g_array_index (y, guint, q), n * sizeof (guint)) == 0;
  return count;
}

static double
ngram_weight (const GArray *x,
              guint         p,
              guint         n,
              const double *weights)
{
  double sum = 0;

  for (guint c = 0; c < n; c++)
    sum += weights[g_array_index (x, guint, p + c)];
  return sum / n;
}

/* The summed weight of every n-gram of @x, and how many distinct ones it has. */
static double
all_ngrams (const GArray *x,
            guint         n,
            const double *weights,
            guint        *distinct)
{
  double total = 0;

  *distinct = 0;
  for (guint p = 0; p + n <= x->len; p++)
    {
      total += ngram_weight (x, p, n, weights);
      *distinct += occurrences (x, p, n, x, p) == 0;
    }
  return total;
}

/* The n-gram features of @a and @b counted one by one; the Dice
 * overlaps of bigrams and trigrams with @dice_b in b's place (b with its
 * synonyms of a's words renamed back). */
static void
check_ngrams (const GArray *a,
              const GArray *b,
              const GArray *dice_b,
              const double *weights,
              const double *features)
{
  for (guint n = 1; n <= 4; n++)
    {
      guint clipped = 0, shared = 0, distinct_a, distinct_b;
      double weighted = 0, total_a = all_ngrams (a, n, weights, &distinct_a);
      double total_b = all_ngrams (b, n, weights, &distinct_b);

      for (guint p = 0; p + n <= b->len; p++)
        if (occurrences (b, p, n, b, p) == 0)
          {
            guint count = MIN (occurrences (b, p, n, a, G_MAXUINT), occurrences (b, p, n, b, G_MAXUINT));

            clipped += count;
            weighted += count * ngram_weight (b, p, n, weights);
            shared += occurrences (dice_b, p, n, dice_b, p) == 0 && occurrences (dice_b, p, n, a, G_MAXUINT) > 0;
          }
      g_assert_cmpfloat (features[PX_PARAPHRASE_BLEU1_A + n - 1], ==,
                         a->len >= n ? (double) clipped / (a->len - n + 1) : 0);
      g_assert_cmpfloat (features[PX_PARAPHRASE_BLEU1_B + n - 1], ==,
                         b->len >= n ? (double) clipped / (b->len - n + 1) : 0);
      g_assert_cmpfloat_with_epsilon (features[PX_PARAPHRASE_WEIGHTED_BLEU1_A + n - 1],
                                      total_a > 0 ? weighted / total_a : 0, 1e-12);
      g_assert_cmpfloat_with_epsilon (features[PX_PARAPHRASE_WEIGHTED_BLEU1_B + n - 1],
                                      total_b > 0 ? weighted / total_b : 0, 1e-12);
      if (n == 2 || n == 3)
        g_assert_cmpfloat (features[PX_PARAPHRASE_BIGRAMS + n - 2], ==,
                           distinct_a + distinct_b > 0 ? 2.0 * shared / (distinct_a + distinct_b) : 0);
    }
}

/* Every pair of sequences, in both orders, among them several of more
 * than 64, 128 and 192 words. */
static void
test_paraphrase_ngrams_counted (void)
{
  g_autoptr (Corpus) corpus = read_corpus ();
  g_autoptr (GPtrArray) prepared = g_ptr_array_new_with_free_func ((GDestroyNotify) px_paraphrase_sentence_free);
  guint longest = 0;

  for (guint i = 0; i < corpus->sequences->len; i++)
    {
      g_ptr_array_add (prepared, prepare (corpus->sequences->pdata[i]));
      longest = MAX (longest, ((GArray *) corpus->sequences->pdata[i])->len);
    }
  g_assert_cmpuint (longest, >, 192);
  for (guint i = 0; i < corpus->sequences->len; i++)
    for (guint j = 0; j < corpus->sequences->len; j++)
      {
        double features[PX_PARAPHRASE_N_FEATURES];

        px_paraphrase_features (prepared->pdata[i], prepared->pdata[j], corpus->weights, NULL, NULL, 0,
                                features);
        check_ngrams (corpus->sequences->pdata[i], corpus->sequences->pdata[j], corpus->sequences->pdata[j],
                      corpus->weights, features);
      }
}

typedef struct
{
  guint n_terms;
} Renaming;

/* Term t + n_terms is a synonym of t. */
static gboolean
renamed (guint    a,
         guint    b,
         gpointer user_data)
{
  const Renaming *renaming = user_data;

  return a == b + renaming->n_terms || b == a + renaming->n_terms;
}

/* With a's words in b replaced by synonyms (the shared terms of odd id,
 * wherever they stand in b), BLEU counts only the words left equal, the
 * Dice overlaps of bigrams and trigrams the synonyms too: as if b were
 * not renamed. */
static void
test_paraphrase_ngrams_renamed (void)
{
  g_autoptr (Corpus) corpus = read_corpus ();
  Renaming renaming = { corpus->n_terms };
  guint n_renamed = 0;

  for (guint i = 0; i < corpus->sequences->len; i++)
    for (guint j = 0; j < corpus->sequences->len; j++)
      {
        const GArray *a = corpus->sequences->pdata[i], *b = corpus->sequences->pdata[j];
        g_autoptr (GArray) other = g_array_copy ((GArray *) b);
        g_autoptr (GHashTable) in_a = g_hash_table_new (NULL, NULL);
        g_autoptr (PxParaphraseSentence) x = prepare (a);
        g_autoptr (PxParaphraseSentence) y = NULL;
        double features[PX_PARAPHRASE_N_FEATURES];

        for (guint p = 0; p < a->len; p++)
          g_hash_table_add (in_a, GUINT_TO_POINTER (g_array_index (a, guint, p) + 1));
        for (guint q = 0; q < other->len; q++)
          {
            guint *term = &g_array_index (other, guint, q);

            /* Decided by the term, so that all its occurrences are renamed. */
            if (*term % 2 == 1 && g_hash_table_contains (in_a, GUINT_TO_POINTER (*term + 1)))
              {
                *term += corpus->n_terms;
                n_renamed++;
              }
          }
        y = prepare (other);
        px_paraphrase_features (x, y, corpus->weights, renamed, &renaming, 0, features);
        check_ngrams (a, other, b, corpus->weights, features);
      }
  g_assert_cmpuint (n_renamed, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/paraphrase-ngrams/counted", test_paraphrase_ngrams_counted);
  g_test_add_func ("/px/paraphrase-ngrams/renamed", test_paraphrase_ngrams_renamed);
  return g_test_run ();
}
