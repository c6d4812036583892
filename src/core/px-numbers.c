/* px-numbers.c: numbers and quantities in a sentence ("at least 12,000 households")
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Works on tokens: digits come as one ICU number token ("12,500"), number
 * words, qualifiers and units are looked up in data/lexicon/numbers-LANG.txt
 * and qualifiers-LANG.txt. Each quantity gets a plausible range so that two
 * reports compare by overlap: "nearly a quarter" and "about one in four"
 * agree, "at least 12,000" and "tens of thousands" do not.
 */
#include "px-numbers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "px-language.h"
#include "px-phrases.h"

typedef struct
{
  const char *language;
  const char *text;
  GArray     *tokens;
  gboolean   *used;
  PxPhrases  *words;
  PxPhrases  *qualifiers;
} Context;

/* A parsed number: tokens [start, end), a value or an order of magnitude. */
typedef struct
{
  guint    end;
  double   value;
  double   low;
  double   high;
  gboolean vague;
  gboolean share;
} Number;

static PxToken *
token_at (const Context *ctx,
          guint          i)
{
  return &g_array_index (ctx->tokens, PxToken, i);
}

/* The lexicon entry at token @i: its kind ("num", "scale", …) in @kind and
 * the numbers after the colons in @args; the number of tokens, 0 if none. */
static guint
lookup (const Context *ctx,
        guint          i,
        char          *kind,
        gsize          kind_size,
        double        *args)
{
  guint n;

  if (i >= ctx->tokens->len || ctx->used[i])
    return 0;
  n = px_phrases_match_kind (ctx->words, ctx->tokens, i, kind, kind_size, args);
  /* Phrases never cross a date or another quantity. */
  for (guint k = i; k < i + n; k++)
    if (ctx->used[k])
      return 0;
  return n;
}

static gboolean
is_kind (const Context *ctx,
         guint          i,
         const char    *wanted)
{
  char kind[16];
  double args[3];

  return lookup (ctx, i, kind, sizeof kind, args) > 0 && g_str_equal (kind, wanted);
}

/* "12,500" (English) or "12.500" (German, Spanish), "3.5" or "3,5"; "3m",
 * "2bn", "10k" too. FALSE when @norm is not a number. */
static gboolean
parse_digits (const char *language,
              const char *norm,
              double     *value)
{
  GString *plain = g_string_new (NULL);
  gboolean comma_decimal = language != NULL && !g_str_equal (language, "en");
  const char *p = norm;
  double multiplier = 1;
  char *end;
  gboolean ok;

  if (!g_ascii_isdigit (*p))
    {
      g_string_free (plain, TRUE);
      return FALSE;
    }
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (plain, *p);
      else if (*p == ',' || *p == '.')
        {
          /* A separator followed by exactly three digits groups thousands
           * unless it is this language's decimal mark. */
          gboolean three = g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
                           && !g_ascii_isdigit (p[4]);
          gboolean decimal = comma_decimal ? *p == ',' : *p == '.';

          if (!decimal && three)
            continue;
          g_string_append_c (plain, decimal || !three ? '.' : *p);
        }
      else
        break;
    }
  if (g_str_equal (p, "k"))
    multiplier = 1e3;
  else if (g_str_equal (p, "m") || g_str_equal (p, "mn") || g_str_equal (p, "mln"))
    multiplier = 1e6;
  else if (g_str_equal (p, "bn") || g_str_equal (p, "b") || g_str_equal (p, "bln"))
    multiplier = 1e9;
  else if (*p != '\0')
    {
      g_string_free (plain, TRUE);
      return FALSE;
    }
  *value = g_ascii_strtod (plain->str, &end) * multiplier;
  ok = end != plain->str && *end == '\0';
  g_string_free (plain, TRUE);
  return ok;
}

static gboolean
digits_at (const Context *ctx,
           guint          i,
           double        *value)
{
  PxToken *t;

  if (i >= ctx->tokens->len || ctx->used[i])
    return FALSE;
  t = token_at (ctx, i);
  if (!(t->flags & (PX_TOKEN_NUMBER | PX_TOKEN_WORD)))
    return FALSE;
  return parse_digits (ctx->language, t->norm, value);
}

static gboolean
grouped_thousands (const Context *ctx,
                   guint          i,
                   double        *value)
{
  PxToken *t, *prev;
  const char *gap;
  gsize gap_len;

  if (g_str_equal (ctx->language, "en") || i == 0 || i >= ctx->tokens->len || ctx->used[i])
    return FALSE;
  t = token_at (ctx, i);
  prev = token_at (ctx, i - 1);
  if (!(t->flags & PX_TOKEN_NUMBER) || strlen (t->norm) != 3 || !g_ascii_isdigit (t->norm[0])
      || !g_ascii_isdigit (t->norm[1]) || !g_ascii_isdigit (t->norm[2]))
    return FALSE;
  gap = ctx->text + prev->end;
  gap_len = t->start - prev->end;
  if (!(gap_len == 1 && *gap == ' ') && !(gap_len == 2 && g_str_has_prefix (gap, "\xc2\xa0"))
      && !(gap_len == 3 && g_str_has_prefix (gap, "\xe2\x80\xaf")))
    return FALSE;
  *value = g_ascii_strtod (t->norm, NULL);
  return TRUE;
}

static gboolean
is_hyphen (const Context *ctx,
           guint          i)
{
  return i < ctx->tokens->len && (g_str_equal (token_at (ctx, i)->norm, "-")
                                  || g_str_equal (token_at (ctx, i)->norm, "‐"));
}

/* A number starting at token @i: digits or words, with scales, fractions
 * ("two-thirds", "a quarter") and orders of magnitude ("tens of thousands"). */
static gboolean
parse_number (const Context *ctx,
              guint          i,
              Number        *number)
{
  double total = 0, current = 0, digits;
  gboolean have = FALSE, from_digits = FALSE;
  guint j = i;

  memset (number, 0, sizeof *number);
  while (j < ctx->tokens->len)
    {
      char kind[16];
      double args[3];
      guint n;

      if (!have && digits_at (ctx, j, &digits))
        {
          current = digits;
          have = from_digits = TRUE;
          j++;
          /* "12 000": thousands set apart by a (thin, no-break) space. */
          while (grouped_thousands (ctx, j, &digits))
            current = current * 1000 + digits, j++;
          continue;
        }
      n = lookup (ctx, j, kind, sizeof kind, args);
      if (n == 0)
        {
          /* "twenty-five", "two-thirds" */
          if (have && is_hyphen (ctx, j) && (is_kind (ctx, j + 1, "num") || is_kind (ctx, j + 1, "frac")))
            {
              j++;
              continue;
            }
          break;
        }
      if (g_str_equal (kind, "num") && !from_digits)
        {
          double v = args[0];

          if (have && !(current >= 20 && fmod (current, 10) == 0 && v < 10)
              && !(fmod (current, 100) == 0 && current > 0 && v < 100) && !(current == 0))
            break;
          current += v;
          have = TRUE;
        }
      else if (g_str_equal (kind, "scale"))
        {
          if (!have)
            break;
          if (args[0] == 100)
            current = (current == 0 ? 1 : current) * 100;
          else
            {
              total += (current == 0 ? 1 : current) * args[0];
              current = 0;
            }
        }
      else if (g_str_equal (kind, "a") && !have)
        {
          /* "a quarter", "a million", "a dozen", French "un sur quatre" */
          if (!is_kind (ctx, j + n, "scale") && !is_kind (ctx, j + n, "frac")
              && !is_kind (ctx, j + n, "in"))
            break;
          current = 1;
          have = TRUE;
        }
      else if (g_str_equal (kind, "and") && have && !from_digits && is_kind (ctx, j + n, "num"))
        ;
      else if (g_str_equal (kind, "frac") && (have || j == i))
        {
          /* "two-thirds", "a quarter"; a bare "half" ("half of them") too,
           * but not an ordinal ("the third day"). */
          double whole = have ? total + current : 1;

          if (!have && args[0] != 2)
            break;
          number->value = number->low = number->high = whole / args[0];
          number->share = TRUE;
          number->end = j + n;
          return TRUE;
        }
      else if (g_str_equal (kind, "vague") && !have)
        {
          /* "tens", "hundreds of thousands", "several thousand" */
          double low = args[0], high = args[1];
          guint k = j + n;
          char kind2[16];
          double args2[3];
          guint n2;

          if (is_kind (ctx, k, "of") || is_hyphen (ctx, k))
            {
              guint of = lookup (ctx, k, kind2, sizeof kind2, args2);
              guint after = k + (of > 0 ? of : 1);

              n2 = lookup (ctx, after, kind2, sizeof kind2, args2);
              if (n2 > 0 && g_str_equal (kind2, "vague"))
                {
                  low = args[0] * args2[2];
                  high = args[1] * args2[2];
                  k = after + n2;
                }
            }
          else if ((n2 = lookup (ctx, k, kind2, sizeof kind2, args2)) > 0
                   && g_str_equal (kind2, "scale"))
            {
              low *= args2[0];
              high *= args2[0];
              k += n2;
            }
          number->vague = TRUE;
          number->low = low;
          number->high = high;
          number->value = sqrt (low * high);
          number->end = k;
          return TRUE;
        }
      else
        break;
      j += n;
    }
  if (!have)
    return FALSE;
  number->value = number->low = number->high = total + current;
  number->end = j;
  return TRUE;
}

static const char *
currency_at (const Context *ctx,
             guint          i)
{
  char kind[16];
  double args[3];
  const char *value = NULL;

  if (i >= ctx->tokens->len || lookup (ctx, i, kind, sizeof kind, args) == 0
      || !g_str_equal (kind, "currency"))
    return NULL;
  px_phrases_match (ctx->words, ctx->tokens, i, &value);
  return value + strlen ("currency:");
}

/* "six to eight", "10 to 15 million", "$10 million to $15 million",
 * "between 60 and 70", "10-15": widens @number to both bounds, moves @end
 * past the second one and @start to "between". */
static gboolean
parse_range (const Context *ctx,
             guint          i,
             Number        *number,
             guint         *end,
             guint         *start)
{
  char kind[16];
  double args[3];
  guint k = *end, n, before = i;
  gboolean between;
  Number upper;
  double low = number->value;

  if (before > 0 && currency_at (ctx, before - 1) != NULL)
    before--;
  between = before > 0 && is_kind (ctx, before - 1, "between");
  n = lookup (ctx, k, kind, sizeof kind, args);
  if (n > 0 && (g_str_equal (kind, "range") || (between && g_str_equal (kind, "and"))))
    k += n;
  else if (is_hyphen (ctx, k) && k + 1 < ctx->tokens->len
           && token_at (ctx, k)->start == token_at (ctx, k - 1)->end
           && token_at (ctx, k)->end == token_at (ctx, k + 1)->start)
    k++;
  else
    return FALSE;
  if (currency_at (ctx, k) != NULL)
    k++;
  if (!parse_number (ctx, k, &upper) || upper.vague || upper.share || upper.value <= low || low <= 0)
    return FALSE;
  /* "10 to 15 million": the scale written once serves both. */
  for (double scale = 1e12; scale >= 1e3; scale /= 1e3)
    if (upper.value / low >= scale && low < 1000)
      {
        low *= scale;
        break;
      }
  number->low = low;
  number->high = upper.value;
  number->value = (low + upper.value) / 2;
  *end = upper.end;
  *start = between ? before - 1 : i;
  return TRUE;
}

/* The qualifier phrase ending just before token @i, if any. */
static PxQualifier
qualifier_before (const Context *ctx,
                  guint          i,
                  guint         *start)
{
  for (guint back = MIN (i, 4); back >= 1; back--)
    {
      const char *value = NULL;
      guint k = i - back;

      if (ctx->used[k])
        continue;
      if (px_phrases_match (ctx->qualifiers, ctx->tokens, k, &value) == back)
        {
          *start = k;
          if (g_str_equal (value, "at_least"))
            return PX_QUALIFIER_AT_LEAST;
          if (g_str_equal (value, "at_most"))
            return PX_QUALIFIER_AT_MOST;
          if (g_str_equal (value, "nearly"))
            return PX_QUALIFIER_NEARLY;
          return PX_QUALIFIER_ABOUT;
        }
    }
  *start = i;
  return PX_QUALIFIER_EXACT;
}

/* The counted noun after a number: the next word, or the one past "of
 * the", "of those" ("a quarter of the injured") or a hyphen ("five-year"). */
static guint
unit_after (const Context *ctx,
            guint          j)
{
  guint k = j;
  PxToken *t;

  /* "a five-year deal" */
  if (is_hyphen (ctx, k))
    k++;
  while (k < ctx->tokens->len && k < j + 3
         && (is_kind (ctx, k, "of") || is_kind (ctx, k, "det") || is_kind (ctx, k, "a")))
    k++;
  if (k >= ctx->tokens->len || ctx->used[k])
    return G_MAXUINT;
  t = token_at (ctx, k);
  if (!(t->flags & PX_TOKEN_WORD) || (t->flags & PX_TOKEN_STOP) || is_kind (ctx, k, "in"))
    return G_MAXUINT;
  /* "two-thirds agreed": a participle right after the number is a verb. */
  if (k == j && g_str_equal (ctx->language, "en")
      && (g_str_has_suffix (t->norm, "ed") || g_str_has_suffix (t->norm, "ing")))
    return G_MAXUINT;
  return k;
}

static void
set_range (PxQuantity *q,
           double      value)
{
  switch (q->qualifier)
    {
    case PX_QUALIFIER_AT_LEAST:
      q->low = value, q->high = value * 1.5;
      break;
    case PX_QUALIFIER_AT_MOST:
      q->low = value * 0.5, q->high = value;
      break;
    case PX_QUALIFIER_ABOUT:
      q->low = value * 0.9, q->high = value * 1.1;
      break;
    case PX_QUALIFIER_NEARLY:
      q->low = value * 0.85, q->high = value;
      break;
    case PX_QUALIFIER_EXACT:
    case PX_QUALIFIER_VAGUE:
    default:
      q->low = q->high = value;
      break;
    }
  q->value = value;
  if (q->kind == PX_QUANTITY_SHARE)
    q->high = MIN (q->high, 1.0);
}

static gboolean
looks_like_year (const Context *ctx,
                 guint          i,
                 const Number  *number)
{
  PxToken *t = token_at (ctx, i);

  return number->end == i + 1 && (t->flags & PX_TOKEN_NUMBER) && strlen (t->norm) == 4
         && number->value >= 1900 && number->value <= 2099;
}

void
px_numbers_extract (const char *language,
                    const char *text,
                    GArray     *tokens,
                    gboolean   *used,
                    GArray     *out)
{
  Context ctx = {
    .language = px_language_canonical (language) ? px_language_canonical (language) : "en",
    .text = text,
    .tokens = tokens,
    .used = used,
  };

  g_return_if_fail (text != NULL && tokens != NULL && used != NULL && out != NULL);

  ctx.words = px_phrases_get_shared ("lexicon/numbers-%s.txt", ctx.language);
  ctx.qualifiers = px_phrases_get_shared ("lexicon/qualifiers-%s.txt", ctx.language);

  for (guint i = 0; i < tokens->len; i++)
    {
      PxQuantity q = { 0 };
      Number number;
      const char *currency = NULL;
      guint first, j, unit, range_start = i;
      gboolean range;
      char kind[16];
      double args[3];
      guint n;

      if (used[i] || !parse_number (&ctx, i, &number))
        continue;
      j = number.end;
      q.kind = number.share ? PX_QUANTITY_SHARE : PX_QUANTITY_COUNT;

      range = !number.share && !number.vague && parse_range (&ctx, i, &number, &j, &range_start);

      /* "40 percent", "40%" */
      if (!number.share && (n = lookup (&ctx, j, kind, sizeof kind, args)) > 0
          && g_str_equal (kind, "percent"))
        {
          number.value /= 100, number.low /= 100, number.high /= 100;
          q.kind = PX_QUANTITY_SHARE;
          j += n;
        }
      /* "one in four", "1 in 4" */
      else if (!number.share && !number.vague && !range && (n = lookup (&ctx, j, kind, sizeof kind, args)) > 0
               && g_str_equal (kind, "in"))
        {
          Number of;

          if (parse_number (&ctx, j + n, &of) && !of.vague && !of.share && of.value > number.value
              && of.value > 0)
            {
              number.value = number.low = number.high = number.value / of.value;
              q.kind = PX_QUANTITY_SHARE;
              j = of.end;
            }
        }

      if (q.kind == PX_QUANTITY_COUNT && !number.vague && !range && looks_like_year (&ctx, i, &number))
        continue;


      /* "more than $2 million", "3 million dollars" */
      first = i;
      if (i > 0 && (currency = currency_at (&ctx, i - 1)) != NULL)
        first = i - 1;
      else if ((currency = currency_at (&ctx, j)) != NULL)
        j += lookup (&ctx, j, kind, sizeof kind, args);
      {
        guint number_start = first;

        q.qualifier = range ? PX_QUALIFIER_RANGE : qualifier_before (&ctx, number_start, &first);
        if (range)
          first = MIN (first, range_start);
        else if (first < number_start)
          q.qualifier_text = g_strndup (text + token_at (&ctx, first)->start,
                                        token_at (&ctx, number_start - 1)->end
                                        - token_at (&ctx, first)->start);
      }
      if (currency != NULL && q.kind == PX_QUANTITY_COUNT)
        {
          q.kind = PX_QUANTITY_MONEY;
          q.unit = g_strdup (currency);
        }

      if (range)
        q.value = number.value, q.low = number.low, q.high = number.high;
      else if (number.vague && q.qualifier == PX_QUALIFIER_EXACT)
        {
          q.qualifier = PX_QUALIFIER_VAGUE;
          q.value = number.value, q.low = number.low, q.high = number.high;
        }
      else if (number.vague)
        {
          /* "at least tens of thousands": the qualifier widens the range. */
          set_range (&q, number.value);
          q.low = MIN (q.low, number.low);
          q.high = MAX (q.high, number.high);
        }
      else
        set_range (&q, number.value);

      /* "or so" after the number */
      if (q.qualifier == PX_QUALIFIER_EXACT && j < tokens->len)
        {
          const char *value = NULL;
          guint m = px_phrases_match (ctx.qualifiers, tokens, j, &value);

          if (m == 2 && g_str_equal (value, "about"))
            {
              q.qualifier = PX_QUALIFIER_ABOUT;
              q.qualifier_text = g_strndup (text + token_at (&ctx, j)->start,
                                            token_at (&ctx, j + 1)->end - token_at (&ctx, j)->start);
              set_range (&q, q.value);
              j += 2;
            }
        }

      if (q.unit == NULL && (unit = unit_after (&ctx, j)) != G_MAXUINT)
        {
          q.unit = g_strdup (token_at (&ctx, unit)->norm);
          q.unit_stem = g_strdup (token_at (&ctx, unit)->stem);
        }

      q.start = token_at (&ctx, first)->start;
      q.end = token_at (&ctx, j - 1)->end;
      for (guint k = first; k < j; k++)
        used[k] = TRUE;
      g_array_append_val (out, q);
      i = j - 1;
    }
}

void
px_quantity_clear (PxQuantity *quantity)
{
  g_clear_pointer (&quantity->qualifier_text, g_free);
  g_clear_pointer (&quantity->unit, g_free);
  g_clear_pointer (&quantity->unit_stem, g_free);
}

GArray *
px_quantity_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PxQuantity));

  g_array_set_clear_func (array, (GDestroyNotify) px_quantity_clear);
  return array;
}

gboolean
px_quantity_agrees (const PxQuantity *a,
                    const PxQuantity *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == PX_QUANTITY_MONEY && g_strcmp0 (a->unit, b->unit) != 0)
    return FALSE;
  /* A hair of tolerance for rounding ("12,000" vs "12,000.5"). */
  return a->low <= b->high * (1 + 1e-9) && b->low <= a->high * (1 + 1e-9);
}

char *
px_quantity_to_string (const PxQuantity *quantity)
{
  static const char *qualifiers[] = { "", "at least ", "at most ", "about ", "nearly ", "~", "" };
  GString *s = g_string_new (qualifiers[quantity->qualifier]);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (quantity->kind == PX_QUANTITY_SHARE)
    {
      g_ascii_formatd (number, sizeof number, "%.4g", quantity->value * 100);
      g_string_append_printf (s, "%s %%", number);
    }
  else
    {
      g_ascii_formatd (number, sizeof number, "%.15g", quantity->value);
      if (quantity->kind == PX_QUANTITY_MONEY)
        g_string_append (s, quantity->unit);
      g_string_append (s, number);
    }
  if (quantity->qualifier == PX_QUALIFIER_VAGUE || quantity->qualifier == PX_QUALIFIER_RANGE)
    {
      char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (low, sizeof low, "%.15g", quantity->low);
      g_ascii_formatd (high, sizeof high, "%.15g", quantity->high);
      g_string_truncate (s, 0);
      if (quantity->kind == PX_QUANTITY_SHARE)
        {
          g_ascii_formatd (low, sizeof low, "%.4g", quantity->low * 100);
          g_ascii_formatd (high, sizeof high, "%.4g", quantity->high * 100);
        }
      g_string_append_printf (s, "%s%s..%s%s", quantity->kind == PX_QUANTITY_MONEY ? quantity->unit : "",
                              low, high, quantity->kind == PX_QUANTITY_SHARE ? " %" : "");
    }
  if (quantity->kind != PX_QUANTITY_MONEY && quantity->unit != NULL)
    g_string_append_printf (s, " %s", quantity->unit);
  return g_string_free (s, FALSE);
}
