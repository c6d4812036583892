/* px-paraphrase.c: whether two sentences say the same thing, from features of their terms
 *
 * Word overlap alone confuses two kinds of pairs: sentences that say the
 * same in other words, and sentences that share their words but add or
 * change a figure, a name or a negation. The features below (overlap with
 * synonyms, containment, word order, n-grams, what is left unmatched and
 * how rare it is, numbers, names, negations) are those of the better
 * non-neural paraphrase systems; a logistic model weighs them.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-paraphrase.h"

#include <math.h>
#include <string.h>

#include "px-data.h"

#define MAX_UNMATCHED 10
#define STACK_TERMS 63
#define MAX_NAME_MISMATCH 4

static const char *feature_names[PX_PARAPHRASE_N_FEATURES] = {
  "similarity", "containment", "coverage", "number_mismatch", "negation_mismatch",
  "order", "content_order", "bigrams", "trigrams", "length_difference", "unmatched",
  "unmatched_top", "unmatched_top_min", "name_mismatch", "similarity_squared",
};

const char *
px_paraphrase_feature_name (PxParaphraseFeature feature)
{
  g_return_val_if_fail (feature < PX_PARAPHRASE_N_FEATURES, NULL);
  return feature_names[feature];
}

/* One distinct term of a sentence, with the flags of its occurrences. */
typedef struct
{
  guint term;
  guint8 flags;
  gboolean matched;  /* the other side has it, or a synonym of it */
  guint renamed;     /* the other side's term it stands for (b's side), else itself */
} Item;

typedef struct
{
  guint t[3];
} Gram;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;

  return x->term < y->term ? -1 : x->term > y->term;
}

static int
compare_grams (gconstpointer a,
               gconstpointer b)
{
  return memcmp (a, b, sizeof (Gram));
}

/* The distinct terms of @text, ascending; returns how many. */
static guint
distinct_items (const PxParaphraseText *text,
                Item                   *items)
{
  guint n = 0;

  for (guint i = 0; i < text->length; i++)
    items[i] = (Item) { text->terms[i], text->flags[i], FALSE, text->terms[i] };
  if (text->length > 0)
    qsort (items, text->length, sizeof (Item), compare_items);
  for (guint i = 0; i < text->length; i++)
    if (n > 0 && items[n - 1].term == items[i].term)
      items[n - 1].flags |= items[i].flags;
    else
      items[n++] = items[i];
  return n;
}

static guint
lcs (const guint *x,
     guint        nx,
     const guint *y,
     guint        ny,
     guint       *row)
{
  memset (row, 0, (ny + 1) * sizeof (guint));
  for (guint i = 0; i < nx; i++)
    {
      guint diagonal = 0;

      for (guint j = 0; j < ny; j++)
        {
          guint above = row[j + 1];

          row[j + 1] = x[i] == y[j] ? diagonal + 1 : MAX (above, row[j]);
          diagonal = above;
        }
    }
  return row[ny];
}

/* Dice overlap of the distinct n-grams of two term sequences. */
static double
gram_overlap (const guint *x,
              guint        nx,
              const guint *y,
              guint        ny,
              guint        n,
              Gram        *grams)
{
  guint gx = nx >= n ? nx - n + 1 : 0, gy = ny >= n ? ny - n + 1 : 0;
  guint ux = 0, uy = 0, shared = 0, i = 0, j = 0;
  Gram *a = grams, *b = grams + gx;

  if (gx + gy == 0)
    return 0;
  memset (grams, 0, (gx + gy) * sizeof (Gram));
  for (guint k = 0; k < gx; k++)
    memcpy (a[k].t, x + k, n * sizeof (guint));
  for (guint k = 0; k < gy; k++)
    memcpy (b[k].t, y + k, n * sizeof (guint));
  qsort (a, gx, sizeof (Gram), compare_grams);
  qsort (b, gy, sizeof (Gram), compare_grams);
  for (guint k = 0; k < gx; k++)
    if (ux == 0 || compare_grams (&a[ux - 1], &a[k]) != 0)
      a[ux++] = a[k];
  for (guint k = 0; k < gy; k++)
    if (uy == 0 || compare_grams (&b[uy - 1], &b[k]) != 0)
      b[uy++] = b[k];
  while (i < ux && j < uy)
    {
      int order = compare_grams (&a[i], &b[j]);

      if (order == 0)
        shared++, i++, j++;
      else if (order < 0)
        i++;
      else
        j++;
    }
  return 2.0 * shared / (ux + uy);
}

void
px_paraphrase_features (const PxParaphraseText  *a,
                        const PxParaphraseText  *b,
                        const double            *weights,
                        PxParaphraseRelatedFunc  related,
                        gpointer                 user_data,
                        double                  *features)
{
  /* Scored very often: sentences of usual length need no allocation. */
  Item stack_items[2 * STACK_TERMS + 2];
  guint stack_terms[4 * STACK_TERMS + 4];
  Gram stack_grams[2 * STACK_TERMS + 1];
  gboolean small = a->length <= STACK_TERMS && b->length <= STACK_TERMS;
  g_autofree Item *heap_items = small ? NULL : g_new (Item, a->length + b->length + 2);
  g_autofree guint *heap_terms = small ? NULL : g_new (guint, a->length + 3 * b->length + 4);
  g_autofree Gram *heap_grams = small ? NULL : g_new (Gram, a->length + b->length + 1);
  Item *items_a = small ? stack_items : heap_items;
  Item *items_b = items_a + a->length + 1;
  guint *content_a = small ? stack_terms : heap_terms;
  guint *sequence_b = content_a + a->length + 1;
  guint *content_b = sequence_b + b->length + 1;
  guint *row = content_b + b->length + 1;
  Gram *grams = small ? stack_grams : heap_grams;
  guint na = distinct_items (a, items_a), nb = distinct_items (b, items_b);
  guint n_content_a = 0, n_content_b = 0, unmatched_a = 0, unmatched_b = 0, names = 0;
  double total_a = 0, total_b = 0, shared = 0, top_a = 0, top_b = 0, similarity;
  gboolean numbers_differ = FALSE, negations_differ = FALSE;

  for (guint i = 0; i < na; i++)
    total_a += weights[items_a[i].term];
  for (guint j = 0; j < nb; j++)
    total_b += weights[items_b[j].term];

  /* Equal terms, then synonyms among the content words left, each used once. */
  for (guint i = 0, j = 0; i < na && j < nb;)
    if (items_a[i].term == items_b[j].term)
      {
        shared += weights[items_a[i].term];
        items_a[i++].matched = items_b[j++].matched = TRUE;
      }
    else if (items_a[i].term < items_b[j].term)
      i++;
    else
      j++;
  for (guint i = 0; related != NULL && i < na; i++)
    {
      Item *x = &items_a[i];

      if (x->matched || (x->flags & (PX_PARAPHRASE_STOP | PX_PARAPHRASE_NUMBER)))
        continue;
      for (guint j = 0; j < nb; j++)
        {
          Item *y = &items_b[j];

          if (y->matched || (y->flags & (PX_PARAPHRASE_STOP | PX_PARAPHRASE_NUMBER)) ||
              !related (x->term, y->term, user_data))
            continue;
          x->matched = y->matched = TRUE;
          y->renamed = x->term;
          shared += (weights[x->term] + weights[y->term]) / 2;
          break;
        }
    }

  /* What is left on each side, and whether numbers, negations, names differ. */
  for (guint i = 0; i < na; i++)
    {
      const Item *x = &items_a[i];

      if (x->matched || (x->flags & PX_PARAPHRASE_STOP))
        continue;
      unmatched_a++;
      top_a = MAX (top_a, weights[x->term]);
      names += (x->flags & (PX_PARAPHRASE_NAME | PX_PARAPHRASE_NUMBER)) == PX_PARAPHRASE_NAME;
    }
  for (guint j = 0; j < nb; j++)
    {
      const Item *y = &items_b[j];

      if (y->matched || (y->flags & PX_PARAPHRASE_STOP))
        continue;
      unmatched_b++;
      top_b = MAX (top_b, weights[y->term]);
      names += (y->flags & (PX_PARAPHRASE_NAME | PX_PARAPHRASE_NUMBER)) == PX_PARAPHRASE_NAME;
    }
  for (guint i = 0; i < na; i++)
    if (!items_a[i].matched)
      {
        numbers_differ |= (items_a[i].flags & PX_PARAPHRASE_NUMBER) != 0;
        negations_differ |= (items_a[i].flags & PX_PARAPHRASE_NEGATION) != 0;
      }
  for (guint j = 0; j < nb; j++)
    if (!items_b[j].matched)
      {
        numbers_differ |= (items_b[j].flags & PX_PARAPHRASE_NUMBER) != 0;
        negations_differ |= (items_b[j].flags & PX_PARAPHRASE_NEGATION) != 0;
      }

  /* Word order: b's words renamed to the synonyms they matched in a. */
  for (guint k = 0; k < b->length; k++)
    {
      Item key = { b->terms[k], 0, FALSE, 0 };
      const Item *item = bsearch (&key, items_b, nb, sizeof (Item), compare_items);

      sequence_b[k] = item->renamed;
      if (!(b->flags[k] & PX_PARAPHRASE_STOP))
        content_b[n_content_b++] = item->renamed;
    }
  for (guint k = 0; k < a->length; k++)
    if (!(a->flags[k] & PX_PARAPHRASE_STOP))
      content_a[n_content_a++] = a->terms[k];

  similarity = total_a + total_b > 0 ? 2 * shared / (total_a + total_b) : 0;
  features[PX_PARAPHRASE_SIMILARITY] = similarity;
  features[PX_PARAPHRASE_SIMILARITY_SQUARED] = similarity * similarity;
  features[PX_PARAPHRASE_CONTAINMENT] = MIN (total_a, total_b) > 0 ? shared / MIN (total_a, total_b) : 0;
  features[PX_PARAPHRASE_COVERAGE] = MAX (total_a, total_b) > 0 ? shared / MAX (total_a, total_b) : 0;
  features[PX_PARAPHRASE_NUMBER_MISMATCH] = numbers_differ;
  features[PX_PARAPHRASE_NEGATION_MISMATCH] = negations_differ;
  features[PX_PARAPHRASE_ORDER] = a->length + b->length > 0
    ? 2.0 * lcs (a->terms, a->length, sequence_b, b->length, row) / (a->length + b->length) : 0;
  features[PX_PARAPHRASE_CONTENT_ORDER] = n_content_a + n_content_b > 0
    ? 2.0 * lcs (content_a, n_content_a, content_b, n_content_b, row) / (n_content_a + n_content_b) : 0;
  features[PX_PARAPHRASE_BIGRAMS] = gram_overlap (a->terms, a->length, sequence_b, b->length, 2, grams);
  features[PX_PARAPHRASE_TRIGRAMS] = gram_overlap (a->terms, a->length, sequence_b, b->length, 3, grams);
  features[PX_PARAPHRASE_LENGTH_DIFFERENCE] = MAX (a->length, b->length) > 0
    ? fabs ((double) a->length - b->length) / MAX (a->length, b->length) : 0;
  features[PX_PARAPHRASE_UNMATCHED] = MIN (MAX (unmatched_a, unmatched_b), MAX_UNMATCHED);
  features[PX_PARAPHRASE_UNMATCHED_TOP] = MAX (top_a, top_b);
  features[PX_PARAPHRASE_UNMATCHED_TOP_MIN] = MIN (top_a, top_b);
  features[PX_PARAPHRASE_NAME_MISMATCH] = MIN (names, MAX_NAME_MISMATCH);
}

/* The model's coefficients: one per feature, then the intercept. */
static const double *
model (void)
{
  static gsize once;
  static double coefficients[PX_PARAPHRASE_N_FEATURES + 1];

  if (g_once_init_enter (&once))
    {
      g_auto (GStrv) lines = px_data_read_lines ("align/paraphrase-weights.txt");

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto (GStrv) fields = g_strsplit_set (lines[i], " \t", 2);
          guint f;

          if (g_strv_length (fields) != 2)
            continue;
          for (f = 0; f < PX_PARAPHRASE_N_FEATURES; f++)
            if (strcmp (fields[0], feature_names[f]) == 0)
              break;
          if (f == PX_PARAPHRASE_N_FEATURES && strcmp (fields[0], "intercept") != 0)
            g_warning ("align/paraphrase-weights.txt: unknown feature %s", fields[0]);
          else
            coefficients[f] = g_ascii_strtod (fields[1], NULL);
        }
      g_once_init_leave (&once, 1);
    }
  return coefficients;
}

double
px_paraphrase_probability (const double *features)
{
  const double *coefficients = model ();
  double z = coefficients[PX_PARAPHRASE_N_FEATURES];

  g_return_val_if_fail (features != NULL, 0);

  for (guint f = 0; f < PX_PARAPHRASE_N_FEATURES; f++)
    z += coefficients[f] * features[f];
  return 1 / (1 + exp (-z));
}
