/* px-conflicts.c: what the members of one claim disagree on
 *
 * For each kind, a mention of one member is set against the comparable
 * mentions of the other articles (the same unit, the same person, the
 * same quotation…): an article with a comparable mention that agrees
 * shares the value; otherwise its first comparable mention is a
 * different value. A conflict lists one value per article and is kept
 * when at least two values differ.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-conflicts.h"

#include <string.h>

#include "px-diff.h"

/* Quotations are the same one when this share of the shorter one's
 * words appear in the other, in order. */
#define SAME_QUOTE_RATIO 0.5

const char *
px_conflict_kind_to_string (PxConflictKind kind)
{
  switch (kind)
    {
    case PX_CONFLICT_NUMBER:
      return "number";
    case PX_CONFLICT_DATE:
      return "date";
    case PX_CONFLICT_ROLE:
      return "role";
    case PX_CONFLICT_NAME:
      return "name";
    case PX_CONFLICT_QUOTE:
      return "quote";
    case PX_CONFLICT_CERTAINTY:
      return "certainty";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
conflict_value_clear (gpointer data)
{
  g_free (((PxConflictValue *) data)->text);
}

void
px_conflict_free (PxConflict *conflict)
{
  g_array_unref (conflict->values);
  g_free (conflict);
}

/* One comparable thing a member mentions. */
typedef struct
{
  guint member;
  guint article;
  gconstpointer mention;
  char *text;
} Mention;

typedef gboolean (*MentionFunc) (const PxConflictInput *input,
                                 gconstpointer          a,
                                 gconstpointer          b);

typedef struct
{
  PxConflictKind kind;
  MentionFunc comparable;
  MentionFunc agrees;
} Rule;

static void
mention_clear (gpointer data)
{
  g_free (((Mention *) data)->text);
}

static char *
span_text (const char *text,
           guint       start,
           guint       end)
{
  return g_strndup (text + start, end - start);
}

/* Applies @rule to @mentions (ordered by member), appending conflicts. */
static void
find_kind (const PxConflictInput *inputs,
           GArray                *mentions,
           const Rule            *rule,
           GPtrArray             *conflicts)
{
  g_autofree gboolean *covered = g_new0 (gboolean, mentions->len + 1);

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *x = &g_array_index (mentions, Mention, i);
      g_autoptr (GArray) values = NULL;
      g_autofree gboolean *done_article = NULL;
      guint max_article = 0;
      gboolean differs = FALSE;

      if (covered[i])
        continue;
      covered[i] = TRUE;
      for (guint j = 0; j < mentions->len; j++)
        max_article = MAX (max_article, g_array_index (mentions, Mention, j).article);
      done_article = g_new0 (gboolean, max_article + 1);
      done_article[x->article] = TRUE;
      values = g_array_new (FALSE, FALSE, sizeof (PxConflictValue));
      g_array_set_clear_func (values, conflict_value_clear);
      g_array_append_val (values, ((PxConflictValue) { x->article, g_strdup (x->text) }));

      for (guint j = i + 1; j < mentions->len; j++)
        {
          const Mention *y = &g_array_index (mentions, Mention, j);
          int agreeing = -1, first = -1;

          if (covered[j] || done_article[y->article] ||
              !rule->comparable (&inputs[y->member], x->mention, y->mention))
            continue;
          /* This article's agreeing mention if it has one, else its first
           * comparable one. */
          for (guint k = j; k < mentions->len; k++)
            {
              const Mention *z = &g_array_index (mentions, Mention, k);

              if (z->article != y->article || covered[k] ||
                  !rule->comparable (&inputs[z->member], x->mention, z->mention))
                continue;
              if (first < 0)
                first = k;
              if (rule->agrees (&inputs[z->member], x->mention, z->mention))
                {
                  agreeing = k;
                  break;
                }
            }
          done_article[y->article] = TRUE;
          if (agreeing < 0)
            {
              differs = TRUE;
              agreeing = first;
            }
          covered[agreeing] = TRUE;
          g_array_append_val (values, ((PxConflictValue) {
            y->article, g_strdup (g_array_index (mentions, Mention, agreeing).text) }));
        }
      if (differs)
        {
          PxConflict *conflict = g_new0 (PxConflict, 1);

          conflict->kind = rule->kind;
          conflict->values = g_steal_pointer (&values);
          g_ptr_array_add (conflicts, conflict);
        }
    }
}

/* A quantity, and whether it is the only one of its kind in its sentence. */
typedef struct
{
  const PxQuantity *quantity;
  gboolean sole;
} QuantityMention;

/* Numbers: the same kind of quantity of the same thing (the same counted
 * noun, or the same currency); two sentences of one claim that each give
 * one count compare them even when their nouns differ ("households",
 * "homes"). */
static gboolean
quantity_comparable (const PxConflictInput *input,
                     gconstpointer          a,
                     gconstpointer          b)
{
  const QuantityMention *x = a, *y = b;
  const PxQuantity *p = x->quantity, *q = y->quantity;

  if (p->kind != q->kind)
    return FALSE;
  if (p->kind == PX_QUANTITY_MONEY)
    return g_strcmp0 (p->unit, q->unit) == 0;
  if (p->unit_stem != NULL && q->unit_stem != NULL && strcmp (p->unit_stem, q->unit_stem) == 0)
    return TRUE;
  return x->sole && y->sole;
}

static gboolean
quantity_agrees (const PxConflictInput *input,
                 gconstpointer          a,
                 gconstpointer          b)
{
  return px_quantity_agrees (((const QuantityMention *) a)->quantity,
                             ((const QuantityMention *) b)->quantity);
}

static gboolean
date_comparable (const PxConflictInput *input,
                 gconstpointer          a,
                 gconstpointer          b)
{
  const PxDateMention *x = a, *y = b;

  return x->resolved && y->resolved && x->granularity == y->granularity;
}

static gboolean
date_agrees (const PxConflictInput *input,
             gconstpointer          a,
             gconstpointer          b)
{
  return px_date_mention_agrees (a, b);
}

static gboolean
role_comparable (const PxConflictInput *input,
                 gconstpointer          a,
                 gconstpointer          b)
{
  const PxPersonMention *x = a, *y = b;

  return x->role != NULL && y->role != NULL && px_people_same_person (x->name, y->name);
}

static gboolean
role_agrees (const PxConflictInput *input,
             gconstpointer          a,
             gconstpointer          b)
{
  return strcmp (((const PxPersonMention *) a)->role, ((const PxPersonMention *) b)->role) == 0;
}

static gboolean
name_comparable (const PxConflictInput *input,
                 gconstpointer          a,
                 gconstpointer          b)
{
  return px_people_same_person (((const PxPersonMention *) a)->name,
                                ((const PxPersonMention *) b)->name);
}

static gboolean
name_agrees (const PxConflictInput *input,
             gconstpointer          a,
             gconstpointer          b)
{
  return !px_people_is_spelling_variant (((const PxPersonMention *) a)->name,
                                         ((const PxPersonMention *) b)->name);
}

/* A quotation mention: its folded words as ids, for comparing. */
typedef struct
{
  GArray *words;
} QuoteWords;

static gboolean
quote_comparable (const PxConflictInput *input,
                  gconstpointer          a,
                  gconstpointer          b)
{
  const QuoteWords *x = a, *y = b;
  guint common, shorter = MIN (x->words->len, y->words->len);

  if (shorter == 0)
    return FALSE;
  common = px_diff_match ((const guint *) x->words->data, x->words->len,
                          (const guint *) y->words->data, y->words->len, NULL, NULL);
  return common >= SAME_QUOTE_RATIO * shorter;
}

static gboolean
quote_agrees (const PxConflictInput *input,
              gconstpointer          a,
              gconstpointer          b)
{
  const QuoteWords *x = a, *y = b;

  return x->words->len == y->words->len &&
         memcmp (x->words->data, y->words->data, sizeof (guint) * x->words->len) == 0;
}

/* Spaces, punctuation and quote marks of any style. */
static gboolean
is_quote_edge (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return (c < 0x80 && c != 0 && strchr (" \t\n\"'`.,;:!?", (int) c) != NULL) ||
         type == G_UNICODE_INITIAL_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
         g_unichar_isspace (c);
}

/* Narrows a quotation's inner bytes [@start, @end) to its words: it ends
 * at the first double quote mark inside, since a quotation within a
 * quotation takes single marks (the quotation finder runs past a closing
 * mark written as two apostrophes, ``LaTeX'' style, or as an opening
 * one, as in "soon afterwards, “he said" of text converted from tokens),
 * and loses the spaces, quote marks and punctuation around it, so that
 * "Ring of Fire'', "Ring of Fire" and “Ring of Fire,” are one quotation. */
static void
quote_bounds (const char *text,
              guint      *start,
              guint      *end)
{
  static const char *const marks[] = { "''", "\"", "“", "”", "„", "«", "»" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *mark = g_strstr_len (text + *start, *end - *start, marks[i]);

      if (mark != NULL && mark > text + *start)
        *end = mark - text;
    }
  while (*start < *end && is_quote_edge (g_utf8_get_char (text + *start)))
    *start = g_utf8_next_char (text + *start) - text;
  while (*end > *start && is_quote_edge (g_utf8_get_char (g_utf8_prev_char (text + *end))))
    *end = g_utf8_prev_char (text + *end) - text;
}

static void
quote_words_free (QuoteWords *quote)
{
  g_array_unref (quote->words);
  g_free (quote);
}

static gboolean
certainty_comparable (const PxConflictInput *input,
                      gconstpointer          a,
                      gconstpointer          b)
{
  return TRUE;
}

/* Attribution ("said") states a claim as plainly as no cue at all. */
static PxCertainty
certainty_class (PxCertainty certainty)
{
  return certainty == PX_CERTAINTY_REPORTED ? PX_CERTAINTY_UNMARKED : certainty;
}

static gboolean
certainty_agrees (const PxConflictInput *input,
                  gconstpointer          a,
                  gconstpointer          b)
{
  return certainty_class (*(const PxCertainty *) a) == certainty_class (*(const PxCertainty *) b);
}

static void
add_mention (GArray        *mentions,
             guint          member,
             guint          article,
             gconstpointer  mention,
             char          *text)
{
  g_array_append_val (mentions, ((Mention) { member, article, mention, text }));
}

GPtrArray *
px_conflicts_find (const PxConflictInput *inputs,
                   guint                  n_inputs)
{
  static const Rule rules[] = {
    { PX_CONFLICT_NUMBER, quantity_comparable, quantity_agrees },
    { PX_CONFLICT_DATE, date_comparable, date_agrees },
    { PX_CONFLICT_ROLE, role_comparable, role_agrees },
    { PX_CONFLICT_NAME, name_comparable, name_agrees },
    { PX_CONFLICT_QUOTE, quote_comparable, quote_agrees },
    { PX_CONFLICT_CERTAINTY, certainty_comparable, certainty_agrees },
  };
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) px_conflict_free);
  g_autoptr (GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) quote_words_free);
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) word_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (inputs != NULL || n_inputs == 0, conflicts);

  if (n_inputs < 2)
    return conflicts;
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      g_autoptr (GArray) mentions = g_array_new (FALSE, FALSE, sizeof (Mention));

      g_array_set_clear_func (mentions, mention_clear);
      for (guint m = 0; m < n_inputs; m++)
        {
          const PxConflictInput *input = &inputs[m];
          const PxSentenceFacts *facts = input->facts;

          switch (rules[r].kind)
            {
            case PX_CONFLICT_NUMBER:
              for (guint i = 0; i < facts->quantities->len; i++)
                {
                  const PxQuantity *q = &g_array_index (facts->quantities, PxQuantity, i);
                  QuantityMention *mention = g_new0 (QuantityMention, 1);
                  guint same_kind = 0;

                  for (guint j = 0; j < facts->quantities->len; j++)
                    same_kind += g_array_index (facts->quantities, PxQuantity, j).kind == q->kind;
                  *mention = (QuantityMention) { q, same_kind == 1 };
                  g_ptr_array_add (owned, mention);
                  add_mention (mentions, m, input->article, mention,
                               span_text (input->text, q->start, q->end));
                }
              break;
            case PX_CONFLICT_DATE:
              for (guint i = 0; i < facts->dates->len; i++)
                {
                  const PxDateMention *d = &g_array_index (facts->dates, PxDateMention, i);

                  add_mention (mentions, m, input->article, d, span_text (input->text, d->start, d->end));
                }
              break;
            case PX_CONFLICT_ROLE:
              for (guint i = 0; i < facts->people->len; i++)
                {
                  const PxPersonMention *p = &g_array_index (facts->people, PxPersonMention, i);

                  if (p->role != NULL)
                    add_mention (mentions, m, input->article, p,
                                 p->role_end > p->role_start
                                   ? span_text (input->text, p->role_start, p->role_end)
                                   : g_strdup (p->role));
                }
              break;
            case PX_CONFLICT_NAME:
              for (guint i = 0; i < facts->people->len; i++)
                {
                  const PxPersonMention *p = &g_array_index (facts->people, PxPersonMention, i);

                  add_mention (mentions, m, input->article, p, g_strdup (p->name));
                }
              break;
            case PX_CONFLICT_QUOTE:
              for (guint i = 0; i < facts->quotes->len; i++)
                {
                  const PxQuote *q = &g_array_index (facts->quotes, PxQuote, i);
                  QuoteWords *words = g_new0 (QuoteWords, 1);
                  guint start = q->inner_start, end = q->inner_end;

                  quote_bounds (input->text, &start, &end);
                  words->words = g_array_new (FALSE, FALSE, sizeof (guint));
                  for (guint t = 0; t < facts->tokens->len; t++)
                    {
                      const PxToken *token = &g_array_index (facts->tokens, PxToken, t);
                      const char *first = token->norm, *last = first + strlen (first);
                      g_autofree char *norm = NULL;
                      gpointer id;

                      if (token->start < start || token->start >= end ||
                          !(token->flags & (PX_TOKEN_WORD | PX_TOKEN_NUMBER)))
                        continue;
                      /* A word token keeps apostrophes at its ends ("fire''"). */
                      while (*first == '\'')
                        first++;
                      while (last > first && last[-1] == '\'')
                        last--;
                      norm = g_strndup (first, last - first);
                      id = g_hash_table_lookup (word_ids, norm);
                      if (id == NULL)
                        {
                          id = GUINT_TO_POINTER (g_hash_table_size (word_ids) + 1);
                          g_hash_table_insert (word_ids, g_steal_pointer (&norm), id);
                        }
                      g_array_append_val (words->words, ((guint) { GPOINTER_TO_UINT (id) }));
                    }
                  g_ptr_array_add (quotes, words);
                  add_mention (mentions, m, input->article, words, span_text (input->text, start, end));
                }
              break;
            case PX_CONFLICT_CERTAINTY:
              add_mention (mentions, m, input->article, &facts->certainty,
                           g_strdup (facts->certainty_cue != NULL
                                       ? facts->certainty_cue
                                       : px_certainty_to_string (facts->certainty)));
              break;
            default:
              g_assert_not_reached ();
            }
        }
      find_kind (inputs, mentions, &rules[r], conflicts);
    }
  return conflicts;
}
