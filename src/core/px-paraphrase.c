/* px-paraphrase.c: whether two sentences say the same thing, from features of their terms
 *
 * Word overlap alone confuses two kinds of pairs: sentences that say the
 * same in other words, and sentences that share their words but add or
 * change a figure, a name or a negation. The features below (overlap with
 * synonyms, containment, word order, n-grams, what is left unmatched and
 * how rare it is, numbers, names, negations) are those of the better
 * non-neural paraphrase systems; to them come machine-translation metrics
 * (BLEU's n-gram precisions both ways, a METEOR-like score, a word edit
 * rate), as in Madnani, Tetreault & Chodorow (2012), and the same
 * precisions with each n-gram weighted by its rarity, as NIST weighs
 * them. Two kinds of pairs MSRP calls different are told by where the
 * unmatched words lie (one long run is a clause one sentence adds) and by
 * the lengths. A logistic model weighs them all.
 *
 * A sentence is compared with many others: its distinct terms are
 * sorted once, with a bit mask of each one's positions and the counts of
 * its n-grams (PxParaphraseSentence), so a pair costs a merge of terms,
 * shifts and ANDs of masks for the n-grams it shares, and bit-parallel
 * common subsequences and edit distance. Compared with itself (wire copy
 * repeats sentences across outlets), every word of a sentence matches
 * itself in place, which gives all of that without the work.
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
  "bleu1_a", "bleu2_a", "bleu3_a", "bleu4_a", "bleu1_b", "bleu2_b", "bleu3_b", "bleu4_b",
  "meteor_min", "meteor_max", "edit_rate",
  "weighted_bleu1_a", "weighted_bleu2_a", "weighted_bleu3_a", "weighted_bleu4_a",
  "weighted_bleu1_b", "weighted_bleu2_b", "weighted_bleu3_b", "weighted_bleu4_b",
  "gap_min", "gap_max", "length_min", "length_max",
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
} Item;

#define BLEU_ORDER 4
#define NONE G_MAXUINT
/* matched_b's value for a word matched by a synonym, not by itself */
#define SYNONYM 2
/* METEOR's fragmentation penalty: γ · (chunks / matches)^β, and its
 * weight of recall over precision α (Lavie & Agarwal 2007) */
#define METEOR_GAMMA 0.5
#define METEOR_BETA 3.0
#define METEOR_ALPHA 0.9

struct _PxParaphraseSentence
{
  guint length;
  guint *terms;
  guint8 *flags;
  Item *items;           /* distinct terms, ascending */
  guint n_items;
  /* Per item: the key of its term (PxParaphraseText), 0 for stop words
   * and numbers, which no synonym stands for. */
  guint64 *keys;
  guint *position_item;  /* per position: its item */
  guint *content_item;   /* per content (not stop word) position: its item */
  guint n_content;
  /* Per item, the bits of its positions (then of its content positions),
   * for bit-parallel longest common subsequences. */
  guint64 *masks;
  guint n_words;
  guint64 *content_masks;
  guint n_content_words;
  /* Per n-gram order n (at n - 1) and position: how often the n-gram
   * starting there occurs in the sentence when that is its first
   * occurrence, else 0, less one (G_MAXUINT for 0, so that the arrays
   * start zeroed with most n-grams, those found once); and the number of
   * distinct n-grams. */
  guint *first_count_less[BLEU_ORDER];
  guint n_distinct[BLEU_ORDER];
  /* The summed weight of its distinct terms, for the weights last
   * compared with (total_of) */
  const double *total_of;
  double total;
  /* For the weights last compared with (weights_of): per order, the
   * information of the n-gram starting at each position, and the summed
   * information of all n-grams. */
  const double *weights_of;
  double *information[BLEU_ORDER];
  double ngram_totals[BLEU_ORDER];
  /* METEOR: per item, its positions (item_positions[item_start[i] …]) */
  guint *item_start;
  guint *item_positions;
};

/* A term where it occurs, to sort the positions of a sentence by term. */
typedef struct
{
  guint term;
  guint position;
} Place;

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *x = a, *y = b;

  return x->term < y->term ? -1 : x->term > y->term;
}

/* Narrows @found (bits of positions of @self, its @n_words words) to
 * the positions p at which item @item of @self stands at p + @shift: the
 * positions of an n-gram are found one word at a time. Whether any is
 * left. prepare_ngrams () and shared_ngrams () pass a constant 1 for
 * sentences of at most 64 words, the usual ones, for which the compiler
 * makes a copy of them without the loops over words. */
static inline gboolean
narrow (const PxParaphraseSentence *self,
        guint                       n_words,
        guint64                    *found,
        guint                       item,
        guint                       shift)
{
  const guint64 *mask = self->masks + (gsize) item * n_words;
  guint64 left = 0;

  for (guint w = 0; w < n_words; w++)
    {
      guint64 bits = mask[w] >> shift;

      if (shift > 0 && w + 1 < n_words)
        bits |= mask[w + 1] << (64 - shift);
      found[w] &= bits;
      left |= found[w];
    }
  return left != 0;
}

/* Most n-grams occur once: without a popcnt instruction in the baseline
 * instruction set, __builtin_popcountll () is a call. */
static inline guint
count_bits (const guint64 *found,
            guint          n_words)
{
  guint count = 0;

  for (guint w = 0; w < n_words; w++)
    count += (found[w] & (found[w] - 1)) == 0 ? found[w] != 0 : (guint) __builtin_popcountll (found[w]);
  return count;
}

/* first_count_less and n_distinct, from the positions of each n-gram
 * (@found: n_words words of room), once item_start is known. An n-gram
 * with a word the sentence has once occurs once: so do most, which is
 * where every count starts. */
static G_ALWAYS_INLINE inline void
prepare_ngrams_of (PxParaphraseSentence *self,
                   guint                 n_words,
                   guint64              *found)
{
  guint length = self->length;

  for (guint n = 1; n <= BLEU_ORDER && n <= length; n++)
    self->n_distinct[n - 1] = length - n + 1;
  for (guint p = 0; p < length; p++)
    {
      guint item = self->position_item[p];

      if (self->item_start[item + 1] - self->item_start[item] == 1)
        continue;
      for (guint w = 0; w < n_words; w++)
        found[w] = ~G_GUINT64_CONSTANT (0);
      /* Once an n-gram is found once, longer ones are too. */
      for (guint n = 1; n <= BLEU_ORDER && p + n <= length; n++)
        {
          gboolean earlier = FALSE;
          guint count;

          narrow (self, n_words, found, self->position_item[p + n - 1], n - 1);
          for (guint w = 0; w <= p / 64 && !earlier; w++)
            earlier = (w < p / 64 ? found[w] : found[w] & ((G_GUINT64_CONSTANT (1) << p % 64) - 1)) != 0;
          if (earlier)
            {
              self->first_count_less[n - 1][p] = G_MAXUINT;
              self->n_distinct[n - 1]--;
              continue;
            }
          count = count_bits (found, n_words);
          self->first_count_less[n - 1][p] = count - 1;
          if (count == 1)
            break;
        }
    }
}

static void
prepare_ngrams (PxParaphraseSentence *self,
                guint64              *found)
{
  if (self->n_words == 1)
    prepare_ngrams_of (self, 1, found);
  else
    prepare_ngrams_of (self, self->n_words, found);
}

/* The offset of an array of @n elements of @size bytes in a block of
 * @end bytes so far, which grows past it (8-byte aligned). */
static gsize
carve (gsize *end,
       gsize  n,
       gsize  size)
{
  gsize at = *end;

  *end = (at + n * size + 7) & ~(gsize) 7;
  return at;
}

PxParaphraseSentence *
px_paraphrase_sentence_new (const PxParaphraseText *text)
{
  /* A sentence is prepared for each pair that may be scored: its arrays
   * are carved out of one block with the structure, as allocating them
   * one by one took half the time. */
  PxParaphraseSentence *self;
  Place stack[64 + 1];
  g_autofree Place *heap = NULL;
  Place *sorted = NULL;
  guint length, n = 0, n_content = 0, n_words, n_content_words;
  gsize end = (sizeof (PxParaphraseSentence) + 7) & ~(gsize) 7;
  gsize masks, content_masks, first_count_less[BLEU_ORDER], information[BLEU_ORDER], found, items;
  gsize terms, position_item, content_item, item_positions, item_start, keys;
  gsize next, flags, zeroed;
  char *block;

  g_return_val_if_fail (text != NULL, NULL);

  /* The positions sorted by term (by insertion when short, as most
   * sentences are): the distinct terms in order, each position's item;
   * unless the caller has them. */
  length = text->length;
  for (guint i = 0; i < length; i++)
    n_content += !(text->flags[i] & PX_PARAPHRASE_STOP);
  if (text->items != NULL)
    n = text->n_items;
  else
    {
      heap = length <= 64 ? NULL : g_new (Place, length + 1);
      sorted = heap != NULL ? heap : stack;
      for (guint i = 0; i < length; i++)
        sorted[i] = (Place) { text->terms[i], i };
      if (length > 64)
        qsort (sorted, length, sizeof (Place), compare_places);
      else
        for (guint i = 1; i < length; i++)
          {
            Place place = sorted[i];
            guint j = i;

            for (; j > 0 && sorted[j - 1].term > place.term; j--)
              sorted[j] = sorted[j - 1];
            sorted[j] = place;
          }
      for (guint i = 0; i < length; i++)
        n += i == 0 || sorted[i].term != sorted[i - 1].term;
    }

  n_words = (length + 63) / 64;
  n_content_words = (n_content + 63) / 64;
  /* What is summed into comes first, zeroed; the rest is written whole. */
  masks = carve (&end, (gsize) n * n_words + 1, sizeof (guint64));
  content_masks = carve (&end, (gsize) n * n_content_words + 1, sizeof (guint64));
  item_start = carve (&end, n + 1, sizeof (guint));
  for (guint k = 0; k < BLEU_ORDER; k++)
    first_count_less[k] = carve (&end, length + 1, sizeof (guint));
  zeroed = end;
  /* ngrams_weight () writes past the end, where no n-gram fits. */
  for (guint k = 0; k < BLEU_ORDER; k++)
    information[k] = carve (&end, length + BLEU_ORDER, sizeof (double));
  found = carve (&end, n_words + 1, sizeof (guint64));
  items = carve (&end, n + 1, sizeof (Item));
  keys = carve (&end, n + 1, sizeof (guint64));
  terms = carve (&end, length + 1, sizeof (guint));
  position_item = carve (&end, length + 1, sizeof (guint));
  content_item = carve (&end, length + 1, sizeof (guint));
  item_positions = carve (&end, length + 1, sizeof (guint));
  next = carve (&end, n + 1, sizeof (guint));
  flags = carve (&end, length + 1, sizeof (guint8));
  block = g_malloc (end);
  memset (block, 0, zeroed);

  self = (PxParaphraseSentence *) block;
  self->length = length;
  self->n_items = n;
  self->n_words = n_words;
  self->n_content_words = n_content_words;
  self->masks = (guint64 *) (block + masks);
  self->content_masks = (guint64 *) (block + content_masks);
  for (guint k = 0; k < BLEU_ORDER; k++)
    {
      self->first_count_less[k] = (guint *) (block + first_count_less[k]);
      self->information[k] = (double *) (block + information[k]);
    }
  self->items = (Item *) (block + items);
  self->keys = (guint64 *) (block + keys);
  self->terms = (guint *) (block + terms);
  self->position_item = (guint *) (block + position_item);
  self->content_item = (guint *) (block + content_item);
  self->item_positions = (guint *) (block + item_positions);
  self->item_start = (guint *) (block + item_start);
  self->flags = (guint8 *) (block + flags);
  if (length > 0)
    {
      memcpy (self->terms, text->terms, length * sizeof (guint));
      memcpy (self->flags, text->flags, length);
    }
  /* Each distinct term with the flags of all its occurrences */
  if (text->items != NULL)
    {
      for (guint item = 0; item < n; item++)
        self->items[item] = (Item) { text->items[item], 0 };
      for (guint i = 0; i < length; i++)
        {
          self->position_item[i] = text->term_items[i];
          self->items[text->term_items[i]].flags |= text->flags[i];
        }
    }
  else
    for (guint i = 0, item = 0; i < length; i++)
      {
        gboolean first = i == 0 || sorted[i].term != sorted[i - 1].term;

        item += first && i > 0;
        if (first)
          self->items[item] = (Item) { sorted[i].term, 0 };
        self->items[item].flags |= text->flags[sorted[i].position];
        self->position_item[sorted[i].position] = item;
      }
  /* Each position in its item's key, masks and count; each content
   * position in the content masks. */
  for (guint i = 0; i < length; i++)
    {
      guint item = self->position_item[i];

      self->keys[item] = (self->items[item].flags & (PX_PARAPHRASE_STOP | PX_PARAPHRASE_NUMBER)) ? 0
                         : text->keys != NULL ? text->keys[i] : ~G_GUINT64_CONSTANT (0);
      self->masks[item * n_words + i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
      self->item_start[item + 1]++;
      if (!(text->flags[i] & PX_PARAPHRASE_STOP))
        {
          self->content_masks[item * n_content_words + self->n_content / 64] |=
            G_GUINT64_CONSTANT (1) << (self->n_content % 64);
          self->content_item[self->n_content++] = item;
        }
    }
  for (guint i = 0; i < n; i++)
    self->item_start[i + 1] += self->item_start[i];
  prepare_ngrams (self, (guint64 *) (block + found));
  memcpy (block + next, self->item_start, (n + 1) * sizeof (guint));
  for (guint i = 0; i < length; i++)
    self->item_positions[((guint *) (block + next))[self->position_item[i]]++] = i;
  return self;
}

void
px_paraphrase_sentence_free (PxParaphraseSentence *self)
{
  /* One block (px_paraphrase_sentence_new ()) */
  g_free (self);
}

/* The longest common subsequence of x (bit masks of its positions per
 * item, @m positions) and y (items of the other sentence, mapped to x's
 * by @b_to_a), by the bit-parallel method of Crochemore et al. (2001):
 * the number of zero bits left in V (@v, n_words words of room). lcs ()
 * passes a constant 1 for sentences of at most 64 words, as narrow ()
 * has it. */
static G_ALWAYS_INLINE inline guint
lcs_of (const guint64 *masks,
        guint          n_words,
        guint          m,
        const guint   *y,
        guint          ny,
        const guint   *b_to_a,
        guint64       *v)
{
  guint zeros = 0;

  for (guint w = 0; w < n_words; w++)
    v[w] = ~G_GUINT64_CONSTANT (0);
  for (guint k = 0; k < ny; k++)
    {
      guint i = b_to_a[y[k]];
      const guint64 *mask;
      guint64 carry = 0;

      if (i == NONE)
        continue;
      mask = masks + (gsize) i * n_words;
      for (guint w = 0; w < n_words; w++)
        {
          guint64 u = v[w] & mask[w], sum = v[w] + u, total = sum + carry;

          carry = (sum < v[w]) | (total < sum);
          v[w] = total | (v[w] & ~mask[w]);
        }
    }
  for (guint w = 0; w < n_words; w++)
    {
      guint bits = MIN (64, m - 64 * w);
      guint64 valid = bits == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << bits) - 1;

      zeros += bits - __builtin_popcountll (v[w] & valid);
    }
  return zeros;
}

static guint
lcs (const guint64 *masks,
     guint          n_words,
     guint          m,
     const guint   *y,
     guint          ny,
     const guint   *b_to_a)
{
  guint64 stack[4];
  g_autofree guint64 *heap = n_words > G_N_ELEMENTS (stack) ? g_new (guint64, n_words) : NULL;
  guint64 *v = heap != NULL ? heap : stack;

  if (n_words == 1)
    return lcs_of (masks, 1, m, y, ny, b_to_a, v);
  return lcs_of (masks, n_words, m, y, ny, b_to_a, v);
}

/* The n-grams of order n (at n - 1) that cover a word d words from the
 * nearer end of a long sentence (at d, the last for any farther),
 * MIN (d + 1, n). */
static const double coverage[BLEU_ORDER][BLEU_ORDER] = {
  { 1, 1, 1, 1 }, { 1, 2, 2, 2 }, { 1, 2, 3, 3 }, { 1, 2, 3, 4 },
};

/* An n-gram's information, after NIST (Doddington 2002): the mean rarity
 * of its terms, so that sharing "Ashcroft said" counts more than sharing
 * "he said". That of each n-gram of @self, and the summed information of
 * all of them, per order (n - 1), in which each word's weight is counted
 * once for each n-gram that covers it; worked out once a sentence, as
 * @weights stay the same. */
static const double *
ngrams_weight (PxParaphraseSentence *self,
               const double         *weights)
{
  guint length = self->length;
  double stack[64 + BLEU_ORDER];
  g_autofree double *heap = NULL;
  double *weight;  /* of each word, 0 past the end */
  double *information[BLEU_ORDER];
  /* The sums, kept apart from the arrays written, so that they stay in
   * registers: each is summed in the same order as in memory. */
  double totals[BLEU_ORDER] = { 0 };

  if (self->weights_of == weights)
    return self->ngram_totals;
  self->weights_of = weights;
  heap = length <= 64 ? NULL : g_new (double, length + BLEU_ORDER);
  weight = heap != NULL ? heap : stack;
  for (guint i = 0; i < length; i++)
    weight[i] = weights[self->terms[i]];
  memset (weight + length, 0, BLEU_ORDER * sizeof (double));
  memcpy (information, self->information, sizeof information);
  for (guint i = 0; i < length; i++)
    {
      double sum = weight[i];

      /* How many n-grams of each order cover the word: the same for all
       * words of a sentence of 2 · BLEU_ORDER - 1 or more, at the same
       * distance from its nearer end; orders longer than the sentence
       * add nothing (0). */
      if (length >= 2 * BLEU_ORDER - 1)
        {
          const double *covering = coverage[MIN (MIN (i, length - 1 - i), BLEU_ORDER - 1)];

#pragma GCC unroll 4
          for (guint n = 1; n <= BLEU_ORDER; n++)
            totals[n - 1] += weight[i] * covering[n - 1];
        }
      else
        for (guint n = 1; n <= BLEU_ORDER; n++)
          totals[n - 1] += weight[i] * (n > length ? 0 : MIN (MIN (i + 1, n), MIN (length - i, length - n + 1)));
      /* Past the end, what is left is never read. */
      information[0][i] = sum;
#pragma GCC unroll 4
      for (guint n = 2; n <= BLEU_ORDER; n++)
        {
          sum += weight[i + n - 1];
          information[n - 1][i] = sum / n;
        }
    }
  for (guint n = 1; n <= BLEU_ORDER; n++)
    self->ngram_totals[n - 1] = totals[n - 1] / n;
  return self->ngram_totals;
}

/* The summed weight of the distinct terms of @self, worked out once a
 * sentence, as @weights stay the same. */
static double
total_weight (PxParaphraseSentence *self,
              const double         *weights)
{
  if (self->total_of != weights)
    {
      self->total_of = weights;
      self->total = 0;
      for (guint i = 0; i < self->n_items; i++)
        self->total += weights[self->items[i].term];
    }
  return self->total;
}

/* What one side of a pair leaves unmatched: its content words, the
 * weight of the rarest of them, its names among them, and whether any of
 * its words left are numbers or negations. */
typedef struct
{
  guint unmatched;
  double top;
  guint names;
  gboolean numbers;
  gboolean negations;
} Left;

static void
left_of (const PxParaphraseSentence *self,
         const guint8               *matched,
         const double               *weights,
         Left                       *left)
{
  memset (left, 0, sizeof *left);
  for (guint i = 0; i < self->n_items; i++)
    {
      const Item *x = &self->items[i];

      if (matched[i])
        continue;
      left->numbers |= (x->flags & PX_PARAPHRASE_NUMBER) != 0;
      left->negations |= (x->flags & PX_PARAPHRASE_NEGATION) != 0;
      if (x->flags & PX_PARAPHRASE_STOP)
        continue;
      left->unmatched++;
      left->top = MAX (left->top, weights[x->term]);
      left->names += (x->flags & (PX_PARAPHRASE_NAME | PX_PARAPHRASE_NUMBER)) == PX_PARAPHRASE_NAME;
    }
}

/* The n-grams a and b share, per order (n - 1). */
typedef struct
{
  guint clipped[BLEU_ORDER];    /* each counted as often as the side with fewer has it (BLEU) */
  double weighted[BLEU_ORDER];  /* their summed information */
  guint distinct[BLEU_ORDER];   /* distinct ones, b's words renamed to the synonyms they matched in a */
} Shared;

/* Word by word through b, the positions of a where each n-gram of b
 * ending at that word ends (@ends, n_words words per order): those of
 * the (n - 1)-gram ending at the word before, moved on by one, that the
 * word's match in a stands at. An n-gram is found only where the
 * shorter ones ending with it are, so only the orders found at the word
 * before and one more are worked out, the longest first, which leaves
 * the shorter ones of the word before to it. Each n-gram is counted
 * where it first occurs in b. Renaming by synonyms is one to one and
 * onto terms b lacks, so b's distinct n-grams stay distinct; BLEU counts
 * only n-grams of equal terms. */
static G_ALWAYS_INLINE inline void
shared_ngrams_of (const PxParaphraseSentence *a,
                  guint                       n_words,
                  const PxParaphraseSentence *b,
                  const guint                *b_to_a,
                  const guint8               *matched_b,
                  guint64                    *ends,
                  Shared                     *shared)
{
  guint found = 0;  /* orders found ending at the word before */
  guint equal = 0;  /* words up to here matched by themselves, not by synonyms */

  memset (shared, 0, sizeof *shared);
  for (guint e = 0; e < b->length; e++)
    {
      guint y = b->position_item[e], x = b_to_a[y], longest = 0;
      const guint64 *mask;

      if (x == NONE)
        {
          found = equal = 0;
          continue;
        }
      mask = a->masks + (gsize) x * n_words;
      equal = matched_b[y] != SYNONYM ? equal + 1 : 0;
      for (guint n = MIN (found + 1, BLEU_ORDER); n >= 1; n--)
        {
          guint64 *end = ends + (gsize) (n - 1) * n_words, left = 0;
          guint p = e + 1 - n, first;

          for (guint w = 0; w < n_words; w++)
            {
              guint64 bits = mask[w];

              if (n > 1)
                {
                  const guint64 *before = end - n_words;

                  bits &= before[w] << 1 | (w > 0 ? before[w - 1] >> 63 : 0);
                }
              end[w] = bits;
              left |= bits;
            }
          if (left == 0)
            continue;
          longest = MAX (longest, n);
          first = b->first_count_less[n - 1][p] + 1;
          if (first == 0)
            continue;
          shared->distinct[n - 1]++;
          if (equal >= n)
            {
              /* Most n-grams of b occur once, which clips the count to 1. */
              guint count = first == 1 ? 1 : MIN (count_bits (end, n_words), first);

              shared->clipped[n - 1] += count;
              shared->weighted[n - 1] += count * b->information[n - 1][p];
            }
        }
      found = longest;
    }
}

static void
shared_ngrams (const PxParaphraseSentence *a,
               const PxParaphraseSentence *b,
               const guint                *b_to_a,
               const guint8               *matched_b,
               Shared                     *shared)
{
  guint64 one[BLEU_ORDER];
  g_autofree guint64 *ends = a->n_words > 1 ? g_new (guint64, BLEU_ORDER * a->n_words) : NULL;

  if (ends == NULL)
    shared_ngrams_of (a, 1, b, b_to_a, matched_b, one, shared);
  else
    shared_ngrams_of (a, a->n_words, b, b_to_a, matched_b, ends, shared);
}

/* The longest run of consecutive words of @self whose terms are not
 * matched (@matched, by item): a clause one sentence adds is a long
 * run, the same words spread over the sentence are not. */
static guint
longest_unmatched_run (const PxParaphraseSentence *self,
                       const guint8               *matched)
{
  guint longest = 0, run = 0;

  for (guint i = 0; i < self->length; i++)
    {
      run = matched[self->position_item[i]] ? 0 : run + 1;
      longest = MAX (longest, run);
    }
  return longest;
}

/* Word-level Levenshtein distance, words equal when they are one term.
 * When a has at most 64 words, bit-parallel over its masks of positions
 * (Myers 1999, with Hyyrö's change for the distance of whole sequences:
 * the top row grows by one a column); longer ones by the table. */
static guint
edit_distance (const PxParaphraseSentence *a,
               const PxParaphraseSentence *b,
               const guint                *b_to_a,
               const guint8               *matched_b)
{
  guint stack[2 * STACK_TERMS + 2];
  g_autofree guint *heap = NULL;
  guint *row;

  if (a->length == 0)
    return b->length;
  if (a->length <= 64)
    {
      guint64 pv = a->length == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << a->length) - 1;
      guint64 mv = 0, top = G_GUINT64_CONSTANT (1) << (a->length - 1);
      guint distance = a->length;

      for (guint j = 0; j < b->length; j++)
        {
          guint y = b->position_item[j];
          guint64 eq = b_to_a[y] != NONE && matched_b[y] != SYNONYM ? a->masks[b_to_a[y]] : 0;
          guint64 xv = eq | mv, xh = (((eq & pv) + pv) ^ pv) | eq;
          guint64 ph = mv | ~(xh | pv), mh = pv & xh;

          if (ph & top)
            distance++;
          else if (mh & top)
            distance--;
          ph = (ph << 1) | 1;
          mh <<= 1;
          pv = mh | ~(xv | ph);
          mv = ph & xv;
        }
      return distance;
    }

  heap = b->length < STACK_TERMS ? NULL : g_new (guint, b->length + 1);
  row = heap != NULL ? heap : stack;
  for (guint j = 0; j <= b->length; j++)
    row[j] = j;
  for (guint i = 0; i < a->length; i++)
    {
      guint diagonal = row[0], item = a->position_item[i];

      row[0] = i + 1;
      for (guint j = 0; j < b->length; j++)
        {
          guint y = b->position_item[j], above = row[j + 1];
          gboolean same = b_to_a[y] == item && matched_b[y] != SYNONYM;

          row[j + 1] = MIN (MIN (above, row[j]) + 1, diagonal + !same);
          diagonal = above;
        }
    }
  return row[b->length];
}

/* METEOR (Banerjee & Lavie 2005) on terms (stems) and synonyms: the
 * harmonic mean of precision and recall, recall weighted, less a penalty
 * for matches that come in many fragments; the lower and the higher of
 * the scores with a (@length_a words) and with b as the reference, from
 * the words matched and the chunks they come in. */
static void
meteor (guint   matches,
        guint   chunks,
        guint   length_a,
        guint   length_b,
        double *lower,
        double *higher)
{
  double precision, recall, penalty, f_a, f_b;

  if (matches == 0)
    {
      *lower = *higher = 0;
      return;
    }
  precision = (double) matches / length_b;
  recall = (double) matches / length_a;
  penalty = 1 - METEOR_GAMMA * pow ((double) chunks / matches, METEOR_BETA);
  f_a = precision * recall / (METEOR_ALPHA * precision + (1 - METEOR_ALPHA) * recall) * penalty;
  f_b = precision * recall / (METEOR_ALPHA * recall + (1 - METEOR_ALPHA) * precision) * penalty;
  *lower = MIN (f_a, f_b);
  *higher = MAX (f_a, f_b);
}

/* METEOR's matches and chunks: each word of b matched in a takes the
 * next unused occurrence of its match, in order. */
static void
meteor_matches (const PxParaphraseSentence *a,
                const PxParaphraseSentence *b,
                const guint                *b_to_a,
                guint                      *matches,
                guint                      *chunks)
{
  guint stack[STACK_TERMS + 1];
  g_autofree guint *heap = a->n_items < STACK_TERMS ? NULL : g_new (guint, a->n_items + 1);
  guint *used = heap != NULL ? heap : stack;
  guint previous = NONE;

  *matches = *chunks = 0;
  memset (used, 0, a->n_items * sizeof (guint));
  for (guint j = 0; j < b->length; j++)
    {
      guint item = b_to_a[b->position_item[j]], position;

      if (item == NONE || used[item] == a->item_start[item + 1] - a->item_start[item])
        {
          previous = NONE;
          continue;
        }
      position = a->item_positions[a->item_start[item] + used[item]++];
      (*matches)++;
      *chunks += previous == NONE || position != previous + 1;
      previous = position;
    }
}

/* What a pair's features are worked out from, once its words are matched. */
typedef struct
{
  Left left_a, left_b;
  guint order, content_order;  /* longest common subsequences, of all words and of content words */
  Shared ngrams;
  guint gap_a, gap_b;          /* longest_unmatched_run () */
  guint matches, chunks;       /* METEOR's */
  guint edits;                 /* edit_distance () */
} Pair;

/* The Pair of @a and @b, from how b's words matched a's (@b_to_a,
 * @matched_a, @matched_b). */
static void
compare (const PxParaphraseSentence *a,
         const PxParaphraseSentence *b,
         const double               *weights,
         const guint                *b_to_a,
         const guint8               *matched_a,
         const guint8               *matched_b,
         Pair                       *pair)
{
  left_of (a, matched_a, weights, &pair->left_a);
  left_of (b, matched_b, weights, &pair->left_b);
  /* Word order: b's words renamed to the synonyms they matched in a. */
  pair->order = lcs (a->masks, a->n_words, a->length, b->position_item, b->length, b_to_a);
  pair->content_order = lcs (a->content_masks, a->n_content_words, a->n_content, b->content_item, b->n_content,
                             b_to_a);
  shared_ngrams (a, b, b_to_a, matched_b, &pair->ngrams);
  pair->gap_a = longest_unmatched_run (a, matched_a);
  pair->gap_b = longest_unmatched_run (b, matched_b);
  meteor_matches (a, b, b_to_a, &pair->matches, &pair->chunks);
  pair->edits = edit_distance (a, b, b_to_a, matched_b);
}

/* compare () of a sentence with itself, which wire copy makes common:
 * each word matches itself where it stands, so nothing is left, the
 * common subsequences are the whole sentence, METEOR matches every word
 * in one chunk, no edit is needed, and each distinct n-gram is shared as
 * often as it occurs, counted where it first does, as shared_ngrams ()
 * counts it: all of them, its distinct ones, and their information
 * summed in the same order. */
static void
compare_itself (const PxParaphraseSentence *self,
                Pair                       *pair)
{
  memset (pair, 0, sizeof *pair);
  pair->order = self->length;
  pair->content_order = self->n_content;
  pair->matches = self->length;
  pair->chunks = self->length > 0;
  for (guint n = 1; n <= BLEU_ORDER && n <= self->length; n++)
    {
      const guint *first_count_less = self->first_count_less[n - 1];
      const double *information = self->information[n - 1];
      double weighted = 0;

      for (guint p = 0; p + n <= self->length; p++)
        if (first_count_less[p] != G_MAXUINT)
          weighted += (first_count_less[p] + 1) * information[p];
      pair->ngrams.distinct[n - 1] = self->n_distinct[n - 1];
      pair->ngrams.clipped[n - 1] = self->length - n + 1;
      pair->ngrams.weighted[n - 1] = weighted;
    }
}

gboolean
px_paraphrase_features (PxParaphraseSentence       *a,
                        PxParaphraseSentence       *b,
                        const double               *weights,
                        PxParaphraseRelatedFunc     related,
                        gpointer                    user_data,
                        double                      min_similarity,
                        double                     *features)
{
  /* Scored very often: sentences of usual length need no allocation. */
  guint8 stack_matched[2 * STACK_TERMS + 2];
  guint stack_b_to_a[2 * STACK_TERMS + 2];
  gboolean small = a->n_items <= STACK_TERMS && b->n_items <= STACK_TERMS;
  g_autofree guint8 *heap_matched = small ? NULL : g_new (guint8, a->n_items + b->n_items + 2);
  g_autofree guint *heap_b_to_a = small ? NULL : g_new (guint, 2 * b->n_items + 2);
  guint8 *matched_a = small ? stack_matched : heap_matched;
  guint8 *matched_b = matched_a + a->n_items + 1;
  guint *b_to_a = small ? stack_b_to_a : heap_b_to_a;
  guint *related_b = b_to_a + b->n_items + 1;  /* b's content words left that may be related to some word */
  const Item *items_a = a->items, *items_b = b->items;
  guint na = a->n_items, nb = b->n_items;
  double total_a, total_b, shared = 0, similarity;
  const double *weight_a, *weight_b;
  Pair pair;

  total_a = total_weight (a, weights);
  total_b = total_weight (b, weights);
  /* Equal terms, then synonyms among the content words left, each used
   * once. A sentence with itself shares every term, which sums the
   * weights as its total does. */
  if (a == b)
    shared = total_a;
  else
    {
      memset (matched_a, 0, na + nb + 2);
      for (guint j = 0; j < nb; j++)
        b_to_a[j] = NONE;
      for (guint i = 0, j = 0; i < na && j < nb;)
        if (items_a[i].term == items_b[j].term)
          {
            shared += weights[items_a[i].term];
            b_to_a[j] = i;
            matched_a[i++] = matched_b[j++] = TRUE;
          }
        else if (items_a[i].term < items_b[j].term)
          i++;
        else
          j++;
    }
  if (related != NULL && a != b)
    {
      guint n_related = 0;

      for (guint j = 0; j < nb; j++)
        if (!matched_b[j] && b->keys[j] != 0)
          related_b[n_related++] = j;
      for (guint i = 0; i < na && n_related > 0; i++)
        {
          const Item *x = &items_a[i];

          if (matched_a[i] || a->keys[i] == 0)
            continue;
          for (guint k = 0; k < n_related; k++)
            {
              guint j = related_b[k];
              const Item *y = &items_b[j];

              if (matched_b[j] || (a->keys[i] & b->keys[j]) == 0 || !related (x->term, y->term, user_data))
                continue;
              matched_a[i] = TRUE;
              matched_b[j] = SYNONYM;
              b_to_a[j] = i;
              shared += (weights[x->term] + weights[y->term]) / 2;
              break;
            }
        }
    }

  similarity = total_a + total_b > 0 ? 2 * shared / (total_a + total_b) : 0;
  if (similarity < min_similarity)
    {
      memset (features, 0, PX_PARAPHRASE_N_FEATURES * sizeof (double));
      features[PX_PARAPHRASE_SIMILARITY] = similarity;
      return FALSE;
    }

  weight_a = ngrams_weight (a, weights);
  weight_b = ngrams_weight (b, weights);
  if (a == b)
    compare_itself (a, &pair);
  else
    compare (a, b, weights, b_to_a, matched_a, matched_b, &pair);

  features[PX_PARAPHRASE_SIMILARITY] = similarity;
  features[PX_PARAPHRASE_SIMILARITY_SQUARED] = similarity * similarity;
  features[PX_PARAPHRASE_CONTAINMENT] = MIN (total_a, total_b) > 0 ? shared / MIN (total_a, total_b) : 0;
  features[PX_PARAPHRASE_COVERAGE] = MAX (total_a, total_b) > 0 ? shared / MAX (total_a, total_b) : 0;
  /* What is left on each side, and whether numbers, negations, names differ. */
  features[PX_PARAPHRASE_NUMBER_MISMATCH] = pair.left_a.numbers || pair.left_b.numbers;
  features[PX_PARAPHRASE_NEGATION_MISMATCH] = pair.left_a.negations || pair.left_b.negations;
  features[PX_PARAPHRASE_ORDER] = a->length + b->length > 0
    ? 2.0 * pair.order / (a->length + b->length) : 0;
  features[PX_PARAPHRASE_CONTENT_ORDER] = a->n_content + b->n_content > 0
    ? 2.0 * pair.content_order / (a->n_content + b->n_content) : 0;
  for (guint k = 1; k <= 2; k++)
    features[PX_PARAPHRASE_BIGRAMS + k - 1] = a->n_distinct[k] + b->n_distinct[k] > 0
      ? 2.0 * pair.ngrams.distinct[k] / (a->n_distinct[k] + b->n_distinct[k]) : 0;
  features[PX_PARAPHRASE_LENGTH_DIFFERENCE] = MAX (a->length, b->length) > 0
    ? fabs ((double) a->length - b->length) / MAX (a->length, b->length) : 0;
  features[PX_PARAPHRASE_UNMATCHED] = MIN (MAX (pair.left_a.unmatched, pair.left_b.unmatched), MAX_UNMATCHED);
  features[PX_PARAPHRASE_UNMATCHED_TOP] = MAX (pair.left_a.top, pair.left_b.top);
  features[PX_PARAPHRASE_UNMATCHED_TOP_MIN] = MIN (pair.left_a.top, pair.left_b.top);
  features[PX_PARAPHRASE_NAME_MISMATCH] = MIN (pair.left_a.names + pair.left_b.names, MAX_NAME_MISMATCH);

  for (guint n = 1; n <= BLEU_ORDER; n++)
    {
      guint clipped = pair.ngrams.clipped[n - 1];
      double weighted = pair.ngrams.weighted[n - 1];
      guint count_a = a->length >= n ? a->length - n + 1 : 0, count_b = b->length >= n ? b->length - n + 1 : 0;

      features[PX_PARAPHRASE_BLEU1_A + n - 1] = count_a > 0 ? (double) clipped / count_a : 0;
      features[PX_PARAPHRASE_BLEU1_B + n - 1] = count_b > 0 ? (double) clipped / count_b : 0;
      features[PX_PARAPHRASE_WEIGHTED_BLEU1_A + n - 1] = weight_a[n - 1] > 0 ? weighted / weight_a[n - 1] : 0;
      features[PX_PARAPHRASE_WEIGHTED_BLEU1_B + n - 1] = weight_b[n - 1] > 0 ? weighted / weight_b[n - 1] : 0;
    }
  features[PX_PARAPHRASE_GAP_MIN] = MIN (pair.gap_a, pair.gap_b);
  features[PX_PARAPHRASE_GAP_MAX] = MAX (pair.gap_a, pair.gap_b);
  features[PX_PARAPHRASE_LENGTH_MIN] = MIN (a->length, b->length);
  features[PX_PARAPHRASE_LENGTH_MAX] = MAX (a->length, b->length);
  meteor (pair.matches, pair.chunks, a->length, b->length, &features[PX_PARAPHRASE_METEOR_MIN],
          &features[PX_PARAPHRASE_METEOR_MAX]);
  features[PX_PARAPHRASE_EDIT_RATE] = MAX (a->length, b->length) > 0
    ? (double) pair.edits / MAX (a->length, b->length) : 0;
  return TRUE;
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
