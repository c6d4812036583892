/* px-extractor.h: the facts of a sentence (quantities, dates, people, quotes, certainty)
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "px-dates.h"
#include "px-numbers.h"
#include "px-people.h"
#include "px-tokenizer.h"

G_BEGIN_DECLS

/* How sure the sentence says its claim is; higher is less sure. */
typedef enum
{
  PX_CERTAINTY_UNMARKED,   /* no cue */
  PX_CERTAINTY_ASSERTED,   /* "is certain", "confirmed", "with high confidence" */
  PX_CERTAINTY_REPORTED,   /* "said", "according to", "told reporters" */
  PX_CERTAINTY_HEDGED,     /* "believed to", "likely", "with moderate confidence", "may" */
  PX_CERTAINTY_UNCERTAIN,  /* "reportedly", "allegedly", "unconfirmed", "with low confidence" */
} PxCertainty;

typedef struct
{
  guint  start;        /* byte span including the quotation marks */
  guint  end;
  guint  inner_start;  /* the quoted words, without the marks */
  guint  inner_end;
} PxQuote;

typedef struct
{
  guint        start;  /* byte span of the cue */
  guint        end;
  PxCertainty  level;
} PxCertaintyCue;

typedef struct
{
  guint        start;        /* the sentence */
  guint        end;
  GArray      *tokens;       /* PxToken */
  GArray      *quantities;   /* PxQuantity */
  GArray      *dates;        /* PxDateMention */
  GArray      *people;       /* PxPersonMention */
  GArray      *quotes;       /* PxQuote */
  GArray      *cues;         /* PxCertaintyCue, in order */
  PxCertainty  certainty;    /* the least sure of the cues, or UNMARKED */
  char        *certainty_cue; /* the text of that cue, or NULL */
} PxSentenceFacts;

#define PX_TYPE_EXTRACTOR (px_extractor_get_type ())
G_DECLARE_FINAL_TYPE (PxExtractor, px_extractor, PX, EXTRACTOR, GObject)

/* An extractor for @language ("en", "de", "fr", "es"; others and NULL:
 * English lexicons). Use one from one thread at a time. */
PxExtractor     *px_extractor_new             (const char  *language);
const char      *px_extractor_get_language    (PxExtractor *self);
PxTokenizer     *px_extractor_get_tokenizer   (PxExtractor *self);

/* The facts of the sentence text[@start, @end); @published ("YYYY-MM-DD"
 * or NULL) resolves relative dates. All spans are byte offsets into @text. */
PxSentenceFacts *px_extract_facts             (PxExtractor *self,
                                               const char  *text,
                                               guint        start,
                                               guint        end,
                                               const char  *published);

/* The same from tokens already made by px_extractor_get_tokenizer () (or
 * a tokenizer of the same language); @tokens is referenced, not copied. */
PxSentenceFacts *px_extract_facts_from_tokens (PxExtractor *self,
                                               const char  *text,
                                               GArray      *tokens,
                                               guint        start,
                                               guint        end,
                                               const char  *published);

void             px_sentence_facts_free       (PxSentenceFacts *facts);

/* "asserted", "reported", …; "unmarked" for none. */
const char      *px_certainty_to_string       (PxCertainty  certainty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxSentenceFacts, px_sentence_facts_free)

G_END_DECLS
