/* px-dates.h: dates and times in a sentence, resolved against the publication date
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-tokenizer.h"

G_BEGIN_DECLS

typedef enum
{
  PX_DATE_DAY,      /* "March 12, 2024", "on Tuesday", "yesterday" */
  PX_DATE_WEEK,     /* "last week" */
  PX_DATE_MONTH,    /* "in March", "last month" */
  PX_DATE_PART,     /* part of a year or month: "late 2019", "early March" */
  PX_DATE_YEAR,     /* "in 2019", "last year" */
  PX_DATE_TIME,     /* a time of day: "at 3 p.m.", "10:30" */
} PxDateGranularity;

typedef struct
{
  guint              start;       /* byte span of the mention */
  guint              end;
  PxDateGranularity  granularity;
  gboolean           relative;    /* depends on the publication date ("last month") */
  gboolean           resolved;    /* first and last are known */
  guint32            first;       /* first and last day covered, as YYYYMMDD numbers */
  guint32            last;        /*   (20240312); 0 when not resolved */
  int                minutes;     /* time of day in minutes after midnight, or -1 */
} PxDateMention;

/* Appends to @out (an array of PxDateMention) the dates and times among
 * @tokens (PxToken) of @text, in @language, resolving relative ones
 * against @published ("YYYY-MM-DD" or NULL: then relative mentions stay
 * unresolved, and a month without a year gets none). Marks the tokens
 * taken in @used (one entry per token). */
void     px_dates_extract       (const char          *language,
                                 const char          *text,
                                 GArray              *tokens,
                                 const char          *published,
                                 gboolean            *used,
                                 GArray              *out);

/* Whether two resolved mentions can mean the same time: overlapping day
 * ranges, and times of day (when both have one) within an hour. Unresolved
 * mentions agree with anything. */
gboolean px_date_mention_agrees (const PxDateMention *a,
                                 const PxDateMention *b);

/* "2024-03-12", "2024-03", "2019-09..2019-12", "15:00"; newly allocated. */
char    *px_date_mention_to_string (const PxDateMention *mention);

G_END_DECLS
