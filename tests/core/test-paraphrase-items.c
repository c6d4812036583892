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
 * without synonyms.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-paraphrase.h"
#include "px-tokenizer.h"

typedef struct
{
  GArray *terms;  /* guint term ids, in order */
  GArray *flags;  /* guint8 PxParaphraseFlags */
} Sequence;

static void
sequence_free (Sequence *sequence)
{
  g_array_unref (sequence->terms);
  g_array_unref (sequence->flags);
  g_free (sequence);
}

/* Each line's words as term ids (their stems, first seen first), and the
 * lines joined three by three. */
static GPtrArray *
read_sequences (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_TEST_DATA"), "text", "ecbplus-3_1ecb.sentences", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) sequence_free);
  Sequence *joined = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autoptr (GArray) tokens = px_tokenizer_tokenize (tokenizer, lines[l], 0, strlen (lines[l]));
      Sequence *sequence = g_new0 (Sequence, 1);

      sequence->terms = g_array_new (FALSE, FALSE, sizeof (guint));
      sequence->flags = g_array_new (FALSE, FALSE, sizeof (guint8));
      for (guint t = 0; t < tokens->len; t++)
        {
          const PxToken *token = &g_array_index (tokens, PxToken, t);
          gpointer id;
          guint term;
          guint8 flags = 0;

          if (!(token->flags & (PX_TOKEN_WORD | PX_TOKEN_NUMBER)))
            continue;
          id = g_hash_table_lookup (ids, token->stem);
          if (id == NULL)
            {
              id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
              g_hash_table_insert (ids, g_strdup (token->stem), id);
            }
          term = GPOINTER_TO_UINT (id) - 1;
          if (token->flags & PX_TOKEN_STOP)
            flags |= PX_PARAPHRASE_STOP;
          if (token->flags & PX_TOKEN_NUMBER)
            flags |= PX_PARAPHRASE_NUMBER;
          if ((token->flags & PX_TOKEN_CAPITALISED) && sequence->terms->len > 0)
            flags |= PX_PARAPHRASE_NAME;
          /* Occurrences of one term flagged unlike (a term's flags are
           * those of all its occurrences): some words said as negations. */
          if (t % 3 == 0 && term % 40 == 0)
            flags |= PX_PARAPHRASE_NEGATION;
          g_array_append_val (sequence->terms, term);
          g_array_append_val (sequence->flags, flags);
        }
      if (joined == NULL)
        {
          joined = g_new0 (Sequence, 1);
          joined->terms = g_array_new (FALSE, FALSE, sizeof (guint));
          joined->flags = g_array_new (FALSE, FALSE, sizeof (guint8));
        }
      g_array_append_vals (joined->terms, sequence->terms->data, sequence->terms->len);
      g_array_append_vals (joined->flags, sequence->flags->data, sequence->flags->len);
      if (l % 3 == 2)
        g_ptr_array_add (sequences, g_steal_pointer (&joined));
      if (sequence->terms->len > 0)
        g_ptr_array_add (sequences, sequence);
      else
        sequence_free (sequence);
    }
  g_clear_pointer (&joined, sequence_free);
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
prepare_with_items (const Sequence *sequence,
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

static void
prepare_all (GPtrArray  *sequences,
             GPtrArray **sorted_here,
             GPtrArray **given,
             guint64   (*key) (guint term),
             double    **weights)
{
  guint n_terms = 0, longest = 0;

  *sorted_here = g_ptr_array_new_with_free_func ((GDestroyNotify) px_paraphrase_sentence_free);
  *given = g_ptr_array_new_with_free_func ((GDestroyNotify) px_paraphrase_sentence_free);
  g_assert_cmpuint (sequences->len, >, 40);
  for (guint i = 0; i < sequences->len; i++)
    {
      const Sequence *sequence = sequences->pdata[i];
      const PxParaphraseText text = { (const guint *) sequence->terms->data,
                                      (const guint8 *) sequence->flags->data, sequence->terms->len };

      for (guint p = 0; p < sequence->terms->len; p++)
        n_terms = MAX (n_terms, g_array_index (sequence->terms, guint, p) + 1);
      longest = MAX (longest, sequence->terms->len);
      g_ptr_array_add (*sorted_here, px_paraphrase_sentence_new (&text));
      g_ptr_array_add (*given, prepare_with_items (sequence, key));
    }
  g_assert_cmpuint (longest, >, 64);
  *weights = g_new (double, n_terms);
  for (guint t = 0; t < n_terms; t++)
    (*weights)[t] = 1 + t % 5;
}

static void
test_paraphrase_items_same_features (void)
{
  g_autoptr (GPtrArray) sequences = read_sequences ();
  g_autoptr (GPtrArray) sorted_here = NULL;
  g_autoptr (GPtrArray) given = NULL;
  g_autofree double *weights = NULL;
  guint n_paraphrases = 0;

  prepare_all (sequences, &sorted_here, &given, related_key, &weights);
  for (guint i = 0; i < sequences->len; i++)
    for (guint j = 0; j < sequences->len; j++)
      for (guint synonyms = 0; synonyms < 2; synonyms++)
        {
          double expected[PX_PARAPHRASE_N_FEATURES], features[PX_PARAPHRASE_N_FEATURES];
          PxParaphraseRelatedFunc func = synonyms ? related : NULL;
          gboolean full = px_paraphrase_features (sorted_here->pdata[i], sorted_here->pdata[j], weights, func,
                                                  NULL, 0.3, expected);

          g_assert_cmpint (px_paraphrase_features (given->pdata[i], given->pdata[j], weights, func, NULL, 0.3,
                                                   features), ==, full);
          g_assert_cmpmem (features, sizeof features, expected, sizeof expected);
          n_paraphrases += full && px_paraphrase_probability (features) >= 0.5;
        }
  /* Some pairs get every feature, and through all of the model. */
  g_assert_cmpuint (n_paraphrases, >, sequences->len);
}

/* Keys no two terms share: no word is asked whether it is related, as
 * if there were no synonyms, which do change some pairs' features. */
static void
test_paraphrase_items_unrelated_keys (void)
{
  g_autoptr (GPtrArray) sequences = read_sequences ();
  g_autoptr (GPtrArray) sorted_here = NULL;
  g_autoptr (GPtrArray) given = NULL;
  g_autofree double *weights = NULL;
  guint n_changed = 0;

  prepare_all (sequences, &sorted_here, &given, no_key, &weights);
  for (guint i = 0; i < sequences->len; i++)
    for (guint j = 0; j < sequences->len; j++)
      {
        double plain[PX_PARAPHRASE_N_FEATURES], synonyms[PX_PARAPHRASE_N_FEATURES];
        double features[PX_PARAPHRASE_N_FEATURES];

        px_paraphrase_features (sorted_here->pdata[i], sorted_here->pdata[j], weights, NULL, NULL, 0, plain);
        px_paraphrase_features (sorted_here->pdata[i], sorted_here->pdata[j], weights, related, NULL, 0,
                                synonyms);
        px_paraphrase_features (given->pdata[i], given->pdata[j], weights, related, NULL, 0, features);
        g_assert_cmpmem (features, sizeof features, plain, sizeof plain);
        n_changed += memcmp (synonyms, plain, sizeof plain) != 0;
      }
  g_assert_cmpuint (n_changed, >, sequences->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/paraphrase-items/same-features", test_paraphrase_items_same_features);
  g_test_add_func ("/px/paraphrase-items/unrelated-keys", test_paraphrase_items_unrelated_keys);
  return g_test_run ();
}
