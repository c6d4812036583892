/* px-dates.c: dates and times in a sentence, resolved against the publication date
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every mention becomes a range of days so that two reports compare by
 * overlap: "on Tuesday" in an article of Thursday 14 March 2024 is
 * 2024-03-12, "late 2019" is September to December 2019. Words come from
 * data/lexicon/dates-LANG.txt.
 */
#include "px-dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "px-language.h"
#include "px-phrases.h"

typedef struct
{
  const char *language;
  GArray     *tokens;
  gboolean   *used;
  PxPhrases  *words;
  PxPhrases  *numbers;
  GDate       published;   /* invalid when unknown */
} Context;

static PxToken *
token_at (const Context *ctx,
          guint          i)
{
  return &g_array_index (ctx->tokens, PxToken, i);
}

/* The date word at @i and its kind; 0 tokens when none. English and
 * German write month and weekday names capitalised, which keeps "may" the
 * verb apart from "May" the month. */
static guint
lookup (const Context *ctx,
        guint          i,
        char          *kind,
        double        *args)
{
  guint n;

  if (i >= ctx->tokens->len || ctx->used[i])
    return 0;
  n = px_phrases_match_kind (ctx->words, ctx->tokens, i, kind, 16, args);
  if (n > 0 && (g_str_equal (kind, "month") || g_str_equal (kind, "weekday"))
      && (g_str_equal (ctx->language, "en") || g_str_equal (ctx->language, "de"))
      && !(token_at (ctx, i)->flags & PX_TOKEN_CAPITALISED))
    return 0;
  return n;
}

static gboolean
is_kind (const Context *ctx,
         guint          i,
         const char    *wanted,
         double        *args)
{
  char kind[16];
  double scratch[3];

  return lookup (ctx, i, kind, args != NULL ? args : scratch) > 0 && g_str_equal (kind, wanted);
}

/* A plain integer token ("12", "2024"; "12th", "1st" with @ordinal). */
static gboolean
integer_at (const Context *ctx,
            guint          i,
            gboolean       ordinal,
            int           *value)
{
  const char *p;
  char *end;
  long v;

  if (i >= ctx->tokens->len || ctx->used[i])
    return FALSE;
  p = token_at (ctx, i)->norm;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  v = strtol (p, &end, 10);
  if (*end != '\0' && !(ordinal && (g_str_equal (end, "st") || g_str_equal (end, "nd")
                                    || g_str_equal (end, "rd") || g_str_equal (end, "th")
                                    || g_str_equal (end, "er") || g_str_equal (end, "e"))))
    return FALSE;
  if (end - p > 4)
    return FALSE;
  *value = v;
  return TRUE;
}

static gboolean
year_at (const Context *ctx,
         guint          i,
         int           *year)
{
  int value;

  if (!integer_at (ctx, i, FALSE, &value) || strlen (token_at (ctx, i)->norm) != 4 || value < 1000
      || value > 2999)
    return FALSE;
  *year = value;
  return TRUE;
}

static gboolean
day_at (const Context *ctx,
        guint          i,
        int           *day)
{
  int value;

  if (!integer_at (ctx, i, TRUE, &value) || value < 1 || value > 31)
    return FALSE;
  *day = value;
  return TRUE;
}

static gboolean
norm_is (const Context *ctx,
         guint          i,
         const char    *text)
{
  return i < ctx->tokens->len && g_str_equal (token_at (ctx, i)->norm, text);
}

static guint32
date_number (const GDate *date)
{
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

static void
set_days (PxDateMention *m,
          const GDate   *first,
          const GDate   *last)
{
  m->first = date_number (first);
  m->last = date_number (last);
  m->resolved = TRUE;
}

static void
set_month (PxDateMention *m,
           int            year,
           int            month,
           int            from_day,
           int            to_day)
{
  int days = g_date_get_days_in_month (month, year);

  m->first = year * 10000 + month * 100 + MAX (1, from_day);
  m->last = year * 10000 + month * 100 + (to_day > 0 ? MIN (to_day, days) : days);
  m->resolved = TRUE;
}

static gboolean
valid_day (int year,
           int month,
           int day)
{
  return month >= 1 && month <= 12 && year >= 1 && year <= 9999
         && g_date_valid_dmy (day, month, year);
}

/* A month written without its year: the latest such month not after the
 * publication (news tells what happened), unless the text says more. */
static int
infer_year (const Context *ctx,
            int            month)
{
  int year;

  if (!g_date_valid (&ctx->published))
    return 0;
  year = g_date_get_year (&ctx->published);
  /* A month more than one ahead is last year's ("in December", written in March). */
  if (month > (int) g_date_get_month (&ctx->published) + 1)
    year--;
  return year;
}

/* The unit ("day", "week", …) of the lexicon entry at @i, or NULL. */
static const char *
unit_at (const Context *ctx,
         guint          i)
{
  const char *value = NULL;

  if (i >= ctx->tokens->len || ctx->used[i])
    return NULL;
  if (px_phrases_match (ctx->words, ctx->tokens, i, &value) == 0 || !g_str_has_prefix (value, "unit:"))
    return NULL;
  return value + 5;
}

/* "last year", "this year", "next year" right at @i: the year offset. */
static gboolean
shifted_year_at (const Context *ctx,
                 guint          i,
                 int           *shift,
                 guint         *n)
{
  double args[3];
  char kind[16];
  guint a = lookup (ctx, i, kind, args);
  const char *unit;

  if (a == 0 || !g_str_equal (kind, "shift"))
    return FALSE;
  unit = unit_at (ctx, i + a);
  if (unit == NULL || !g_str_equal (unit, "year"))
    return FALSE;
  *shift = (int) args[0];
  *n = a + 1;
  return TRUE;
}

/* Resolves a period @offset units away from the publication date. */
static void
resolve_period (const Context *ctx,
                PxDateMention *m,
                const char    *unit,
                int            offset)
{
  GDate first = ctx->published, last;

  m->relative = TRUE;
  if (!g_date_valid (&ctx->published))
    return;
  if (g_str_equal (unit, "day"))
    {
      m->granularity = PX_DATE_DAY;
      offset < 0 ? g_date_subtract_days (&first, -offset) : g_date_add_days (&first, offset);
      set_days (m, &first, &first);
    }
  else if (g_str_equal (unit, "week"))
    {
      m->granularity = PX_DATE_WEEK;
      g_date_subtract_days (&first, g_date_get_weekday (&first) - 1);
      offset < 0 ? g_date_subtract_days (&first, -7 * offset) : g_date_add_days (&first, 7 * offset);
      last = first;
      g_date_add_days (&last, 6);
      set_days (m, &first, &last);
    }
  else if (g_str_equal (unit, "month"))
    {
      m->granularity = PX_DATE_MONTH;
      g_date_set_day (&first, 1);
      offset < 0 ? g_date_subtract_months (&first, -offset) : g_date_add_months (&first, offset);
      set_month (m, g_date_get_year (&first), g_date_get_month (&first), 1, 0);
    }
  else
    {
      int year = g_date_get_year (&first) + offset;

      m->granularity = PX_DATE_YEAR;
      m->first = year * 10000 + 101;
      m->last = year * 10000 + 1231;
      m->resolved = TRUE;
    }
}

/* Narrows a resolved month or year to its early, middle or late part. */
static void
apply_part (PxDateMention *m,
            const char    *part)
{
  int year = m->first / 10000, month = (m->first / 100) % 100;

  if (!m->resolved || part == NULL)
    return;
  m->granularity = PX_DATE_PART;
  if (m->first % 10000 == 101 && m->last % 10000 == 1231)
    {
      /* A year in thirds: January–April, May–August, September–December. */
      int from = g_str_equal (part, "early") ? 1 : g_str_equal (part, "mid") ? 5 : 9;

      m->first = year * 10000 + from * 100 + 1;
      m->last = year * 10000 + (from + 3) * 100 + g_date_get_days_in_month (from + 3, year);
    }
  else
    {
      /* A month in thirds: 1–10, 11–20, 21–end. */
      int from = g_str_equal (part, "early") ? 1 : g_str_equal (part, "mid") ? 11 : 21;
      int to = g_str_equal (part, "early") ? 10 : g_str_equal (part, "mid") ? 20 : 0;

      set_month (m, year, month, from, to);
    }
}

/* Dates that name a month: "March 12, 2024", "12 March 2024", "12 de
 * marzo de 2024", "March 2024", "in March last year", "March". */
static guint
match_month_date (const Context *ctx,
                  guint          i,
                  PxDateMention *m)
{
  double args[3];
  char kind[16];
  int day = 0, year = 0, month = 0, shift;
  guint j = i, n, month_at;

  /* Day first: "12 March", "12th of March", "12. März", "12 de marzo" */
  if (day_at (ctx, j, &day))
    {
      guint k = j + 1;

      if (norm_is (ctx, k, ".") || norm_is (ctx, k, "of") || norm_is (ctx, k, "de"))
        k++;
      if (!is_kind (ctx, k, "month", args))
        return 0;
      j = k;
    }
  if (!is_kind (ctx, j, "month", args))
    return 0;
  month = (int) args[0];
  month_at = j;
  j += lookup (ctx, j, kind, args);
  /* "Mar. 12": an abbreviation's full stop, unless it ends the sentence. */
  if (norm_is (ctx, j, ".") && j == month_at + 1 && j + 1 < ctx->tokens->len
      && g_utf8_strlen (token_at (ctx, month_at)->norm, -1) <= 4)
    j++;

  /* Month first: "March 12", "March 12th" */
  if (day == 0 && day_at (ctx, j, &day))
    j++;
  /* The year: "March 12, 2024", "12 March 2024", "de 2024" */
  {
    guint k = j;

    if (norm_is (ctx, k, ",") || norm_is (ctx, k, "de"))
      k++;
    if (year_at (ctx, k, &year))
      j = k + 1;
    else if (shifted_year_at (ctx, k, &shift, &n) && g_date_valid (&ctx->published))
      {
        year = g_date_get_year (&ctx->published) + shift;
        m->relative = TRUE;
        j = k + n;
      }
  }
  if (year == 0)
    {
      year = infer_year (ctx, month);
      m->relative = TRUE;
    }

  if (day > 0)
    {
      m->granularity = PX_DATE_DAY;
      if (year > 0 && valid_day (year, month, day))
        set_month (m, year, month, day, day);
      else if (year > 0)
        return 0;
    }
  else
    {
      m->granularity = PX_DATE_MONTH;
      if (year > 0)
        set_month (m, year, month, 1, 0);
    }
  return j - i;
}

/* "2024-03-12"; "12/03/2024" (day first) or "3/12/2024" (month first in English). */
static guint
match_numeric_date (const Context *ctx,
                    guint          i,
                    PxDateMention *m)
{
  int a, b, c, year, month, day;

  if (!integer_at (ctx, i, FALSE, &a) || !integer_at (ctx, i + 2, FALSE, &b)
      || !integer_at (ctx, i + 4, FALSE, &c))
    return 0;
  if (norm_is (ctx, i + 1, "-") && norm_is (ctx, i + 3, "-") && year_at (ctx, i, &year))
    month = b, day = c;
  else if ((norm_is (ctx, i + 1, "/") && norm_is (ctx, i + 3, "/"))
           || (norm_is (ctx, i + 1, ".") && norm_is (ctx, i + 3, ".")))
    {
      if (!year_at (ctx, i + 4, &year))
        return 0;
      if (g_str_equal (ctx->language, "en") && norm_is (ctx, i + 1, "/"))
        month = a, day = b;
      else
        day = a, month = b;
    }
  else
    return 0;
  if (!valid_day (year, month, day))
    return 0;
  m->granularity = PX_DATE_DAY;
  set_month (m, year, month, day, day);
  return 5;
}

/* "on Tuesday", "last Tuesday", "next Friday". */
static guint
match_weekday (const Context *ctx,
               guint          i,
               PxDateMention *m)
{
  double args[3], weekday[3];
  int shift = 0, back;
  guint j = i;
  GDate day;

  if (is_kind (ctx, j, "shift", args))
    {
      shift = (int) args[0];
      j++;
    }
  if (!is_kind (ctx, j, "weekday", weekday))
    return 0;
  m->granularity = PX_DATE_DAY;
  m->relative = TRUE;
  if (g_date_valid (&ctx->published))
    {
      day = ctx->published;
      /* The latest such day on or before publication; "next" looks ahead. */
      back = ((int) g_date_get_weekday (&day) - (int) weekday[0] + 7) % 7;
      if (shift > 0)
        g_date_add_days (&day, back == 0 ? 7 : 7 - back);
      else
        g_date_subtract_days (&day, back + (shift < 0 && back == 0 ? 7 : 0));
      set_days (m, &day, &day);
    }
  return j + 1 - i;
}

/* A small count in digits or one number word ("3", "three", "drei"). */
static gboolean
count_at (const Context *ctx,
          guint          i,
          int           *count)
{
  char kind[16];
  double args[3];

  if (i >= ctx->tokens->len || ctx->used[i])
    return FALSE;
  if (integer_at (ctx, i, FALSE, count))
    return *count > 0 && *count < 1000;
  if (px_phrases_match_kind (ctx->numbers, ctx->tokens, i, kind, sizeof kind, args) == 1
      && g_str_equal (kind, "num") && args[0] > 0)
    {
      *count = (int) args[0];
      return TRUE;
    }
  return FALSE;
}

/* "yesterday", "last week", "this year", "three days ago", "vor drei Tagen",
 * "el mes pasado". */
static guint
match_relative (const Context *ctx,
                guint          i,
                PxDateMention *m)
{
  double args[3];
  char kind[16];
  guint n = lookup (ctx, i, kind, args);
  const char *unit;
  int count;

  if (n > 0 && g_str_equal (kind, "day"))
    {
      resolve_period (ctx, m, "day", (int) args[0]);
      m->granularity = PX_DATE_DAY;
      return n;
    }
  if (n > 0 && g_str_equal (kind, "shift") && (unit = unit_at (ctx, i + n)) != NULL)
    {
      resolve_period (ctx, m, unit, (int) args[0]);
      return n + 1;
    }
  /* "la semaine dernière", "el mes pasado": the shift after the unit */
  if ((unit = unit_at (ctx, i)) != NULL && is_kind (ctx, i + 1, "shift", args))
    {
      resolve_period (ctx, m, unit, (int) args[0]);
      return 2;
    }
  /* "three days ago" */
  if (count_at (ctx, i, &count) && (unit = unit_at (ctx, i + 1)) != NULL
      && is_kind (ctx, i + 2, "ago", NULL))
    {
      resolve_period (ctx, m, unit, -count);
      return 3;
    }
  /* "vor drei Tagen", "il y a trois jours", "hace tres días" */
  if (n > 0 && g_str_equal (kind, "ago") && count_at (ctx, i + n, &count)
      && (unit = unit_at (ctx, i + n + 1)) != NULL)
    {
      resolve_period (ctx, m, unit, -count);
      return n + 2;
    }
  return 0;
}

/* "in 2019", "since 2008": a bare year after a preposition. */
static guint
match_year (const Context *ctx,
            guint          i,
            PxDateMention *m)
{
  int year;

  if (!year_at (ctx, i, &year) || year < 1800 || year > 2199)
    return 0;
  m->granularity = PX_DATE_YEAR;
  m->first = year * 10000 + 101;
  m->last = year * 10000 + 1231;
  m->resolved = TRUE;
  return 1;
}

/* "3 p.m.", "10:30", "10:30 a.m.", "9 o'clock", "15 Uhr". */
static guint
match_time (const Context *ctx,
            guint          i,
            PxDateMention *m)
{
  double args[3];
  char kind[16];
  int hour, minute = 0;
  guint j = i + 1, n;
  gboolean colon = FALSE;

  if (!integer_at (ctx, i, FALSE, &hour) || hour > 24)
    return 0;
  if (norm_is (ctx, j, ":") && integer_at (ctx, j + 1, FALSE, &minute)
      && strlen (token_at (ctx, j + 1)->norm) == 2 && minute < 60)
    {
      colon = TRUE;
      j += 2;
    }
  n = lookup (ctx, j, kind, args);
  if (n > 0 && g_str_equal (kind, "ampm"))
    {
      const char *value = NULL;

      px_phrases_match (ctx->words, ctx->tokens, j, &value);
      if (hour > 12)
        return 0;
      if (g_str_equal (value, "ampm:pm") && hour < 12)
        hour += 12;
      else if (g_str_equal (value, "ampm:am") && hour == 12)
        hour = 0;
      j += n;
      /* "a.m." keeps its last full stop as a separate token. */
      if (norm_is (ctx, j, ".") && j + 1 < ctx->tokens->len)
        j++;
    }
  else if (n > 0 && g_str_equal (kind, "oclock"))
    j += n;
  else if (!colon)
    return 0;
  m->granularity = PX_DATE_TIME;
  m->minutes = (hour % 24) * 60 + minute;
  return j - i;
}

/* "late 2019", "early March", "mid-2019", "the end of last year". */
static guint
match_part (const Context *ctx,
            guint          i,
            PxDateMention *m)
{
  const char *value = NULL;
  guint n, j, inner;

  if (i >= ctx->tokens->len || ctx->used[i])
    return 0;
  n = px_phrases_match (ctx->words, ctx->tokens, i, &value);
  if (n == 0 || !g_str_has_prefix (value, "part:"))
    return 0;
  j = i + n;
  if (norm_is (ctx, j, "-"))
    j++;
  if (norm_is (ctx, j, "of") || norm_is (ctx, j, "de"))
    j++;
  if ((inner = match_month_date (ctx, j, m)) == 0 && (inner = match_year (ctx, j, m)) == 0
      && (inner = match_relative (ctx, j, m)) == 0)
    return 0;
  if (m->granularity != PX_DATE_YEAR && m->granularity != PX_DATE_MONTH)
    return 0;
  apply_part (m, value + 5);
  return j + inner - i;
}

void
px_dates_extract (const char *language,
                  const char *text,
                  GArray     *tokens,
                  const char *published,
                  gboolean   *used,
                  GArray     *out)
{
  Context ctx = {
    .language = px_language_canonical (language) ? px_language_canonical (language) : "en",
    .tokens = tokens,
    .used = used,
  };

  g_return_if_fail (text != NULL && tokens != NULL && used != NULL && out != NULL);

  ctx.words = px_phrases_get_shared ("lexicon/dates-%s.txt", ctx.language);
  ctx.numbers = px_phrases_get_shared ("lexicon/numbers-%s.txt", ctx.language);
  g_date_clear (&ctx.published, 1);
  if (published != NULL)
    {
      int y, mo, d;

      if (sscanf (published, "%4d-%2d-%2d", &y, &mo, &d) == 3 && valid_day (y, mo, d))
        g_date_set_dmy (&ctx.published, d, mo, y);
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      PxDateMention m = { 0 };
      guint n;

      m.minutes = -1;
      if (used[i])
        continue;
      if ((n = match_part (&ctx, i, &m)) == 0 && (n = match_numeric_date (&ctx, i, &m)) == 0
          && (n = match_month_date (&ctx, i, &m)) == 0 && (n = match_weekday (&ctx, i, &m)) == 0
          && (n = match_time (&ctx, i, &m)) == 0 && (n = match_relative (&ctx, i, &m)) == 0)
        {
          /* A bare year needs a preposition before it ("in 2019"). */
          if (i > 0 && is_kind (&ctx, i - 1, "year-prep", NULL) && (n = match_year (&ctx, i, &m)) > 0)
            ;
          else
            continue;
        }
      m.start = token_at (&ctx, i)->start;
      m.end = token_at (&ctx, i + n - 1)->end;
      for (guint k = i; k < i + n; k++)
        used[k] = TRUE;
      if (!m.resolved)
        m.first = m.last = 0;
      g_array_append_val (out, m);
      i += n - 1;
    }
}

gboolean
px_date_mention_agrees (const PxDateMention *a,
                        const PxDateMention *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->minutes >= 0 && b->minutes >= 0 && ABS (a->minutes - b->minutes) > 60)
    return FALSE;
  if (!a->resolved || !b->resolved)
    return TRUE;
  return a->first <= b->last && b->first <= a->last;
}

char *
px_date_mention_to_string (const PxDateMention *m)
{
  GString *s = g_string_new (NULL);

  if (m->resolved)
    {
      guint32 f = m->first, l = m->last;

      if (m->granularity == PX_DATE_DAY || f == l)
        g_string_append_printf (s, "%04u-%02u-%02u", f / 10000, (f / 100) % 100, f % 100);
      else if (m->granularity == PX_DATE_MONTH)
        g_string_append_printf (s, "%04u-%02u", f / 10000, (f / 100) % 100);
      else if (m->granularity == PX_DATE_YEAR)
        g_string_append_printf (s, "%04u", f / 10000);
      else
        g_string_append_printf (s, "%04u-%02u-%02u..%04u-%02u-%02u", f / 10000, (f / 100) % 100,
                                f % 100, l / 10000, (l / 100) % 100, l % 100);
    }
  if (m->minutes >= 0)
    g_string_append_printf (s, "%s%02d:%02d", s->len > 0 ? " " : "", m->minutes / 60,
                            m->minutes % 60);
  if (s->len == 0)
    g_string_append (s, "?");
  return g_string_free (s, FALSE);
}
