/* px-numbers.h: numbers and quantities in a sentence ("at least 12,000 households")
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-tokenizer.h"

G_BEGIN_DECLS

typedef enum
{
  PX_QUANTITY_COUNT,     /* "12,500", "twelve thousand", "tens of thousands" */
  PX_QUANTITY_SHARE,     /* a proportion in [0, 1]: "40 percent", "two-thirds", "one in four" */
  PX_QUANTITY_MONEY,     /* "$3 million", "€40" (the currency in unit) */
} PxQuantityKind;

typedef enum
{
  PX_QUALIFIER_EXACT,     /* no qualifier */
  PX_QUALIFIER_AT_LEAST,  /* "at least", "more than", "over" */
  PX_QUALIFIER_AT_MOST,   /* "up to", "less than", "no more than" */
  PX_QUALIFIER_ABOUT,     /* "about", "roughly", "around", "an estimated" */
  PX_QUALIFIER_NEARLY,    /* "nearly", "almost", "close to" */
  PX_QUALIFIER_VAGUE,     /* an order of magnitude: "tens of thousands", "dozens" */
  PX_QUALIFIER_RANGE,     /* two bounds: "six to eight", "between $60 million and $70 million" */
} PxQualifier;

typedef struct
{
  guint           start;      /* byte span of the whole mention, qualifier included */
  guint           end;
  PxQuantityKind  kind;
  PxQualifier     qualifier;
  double          value;      /* best single estimate (a share as 0.25, not 25) */
  double          low;        /* the plausible range the words allow, low <= value <= high: */
  double          high;       /*   "at least 12,000" → [12000, 18000], "nearly a quarter"
                               *   → [0.2125, 0.25], "tens of thousands" → [20000, 90000] */
  char           *qualifier_text; /* as written, or NULL */
  char           *unit;       /* the counted noun after it, normalised ("households"), or
                               * the currency ("$", "€", "£") for money; NULL when unclear */
  char           *unit_stem;  /* Snowball stem of unit ("household"), or NULL */
} PxQuantity;

/* Appends to @out (an array of PxQuantity, see px_quantity_array_new ())
 * the quantities among @tokens (PxToken) of @text, in @language; tokens
 * whose @used entry is TRUE (dates) are left alone, the ones taken are
 * marked. */
void     px_numbers_extract         (const char       *language,
                                     const char       *text,
                                     GArray           *tokens,
                                     gboolean         *used,
                                     GArray           *out);

/* An empty PxQuantity array that frees its members' strings. */
GArray  *px_quantity_array_new      (void);
void     px_quantity_clear          (PxQuantity       *quantity);

/* Whether two quantities can describe the same amount: same kind and
 * overlapping plausible ranges. */
gboolean px_quantity_agrees         (const PxQuantity *a,
                                     const PxQuantity *b);

/* A short display form: "at least 12000 households", "20000..90000 homes",
 * "nearly 25 % injured", "$60000000..70000000". */
char    *px_quantity_to_string      (const PxQuantity *quantity);

G_END_DECLS
