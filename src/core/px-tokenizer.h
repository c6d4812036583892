/* px-tokenizer.h: words of a sentence (ICU), normalised (NFKC + case folding) and stemmed
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PX_TOKEN_WORD        = 1 << 0,  /* letters (may contain digits, apostrophes) */
  PX_TOKEN_NUMBER      = 1 << 1,  /* "12,500", "3.5", "2024" */
  PX_TOKEN_PUNCT       = 1 << 2,  /* punctuation and symbols ("%", "$", "—") */
  PX_TOKEN_STOP        = 1 << 3,  /* a stop word of the tokenizer's language */
  PX_TOKEN_CAPITALISED = 1 << 4,  /* first letter upper case */
  PX_TOKEN_UPPER       = 1 << 5,  /* all letters upper case, at least two ("COO") */
  PX_TOKEN_IDEOGRAPHIC = 1 << 6,  /* kana or ideographs */
} PxTokenFlags;

typedef struct
{
  guint  start;  /* byte offsets into the text given to px_tokenizer_tokenize () */
  guint  end;
  char  *norm;   /* NFKC + case folded, ’ as ' */
  char  *stem;   /* Snowball stem of norm (words); a copy of norm otherwise */
  guint  flags;  /* PxTokenFlags */
} PxToken;

#define PX_TYPE_TOKENIZER (px_tokenizer_get_type ())
G_DECLARE_FINAL_TYPE (PxTokenizer, px_tokenizer, PX, TOKENIZER, GObject)

/* A tokenizer for @language ("en", "de", "fr", "es", others or NULL: English
 * stemming, no stop words). Use one from one thread at a time. */
PxTokenizer *px_tokenizer_new            (const char  *language);

/* The canonical language code it was made for ("en" for unknown ones). */
const char  *px_tokenizer_get_language   (PxTokenizer *self);

/* The tokens of text[start, end) as an array of PxToken (white space
 * skipped); the array owns the tokens' strings. */
GArray      *px_tokenizer_tokenize       (PxTokenizer *self,
                                          const char  *text,
                                          guint        start,
                                          guint        end);

/* A copy of @tokens (from px_tokenizer_tokenize ()) with their offsets
 * moved by @shift bytes: the tokens of the same text elsewhere. */
GArray      *px_tokenizer_copy_tokens    (GArray      *tokens,
                                          gint64       shift);

/* The Snowball stem of a normalised word (newly allocated). */
char        *px_tokenizer_stem           (PxTokenizer *self,
                                          const char  *norm);

/* NFKC + case folding of @text (@length bytes or -1), ’ ‘ mapped to '.
 * Safe from any thread. */
char        *px_tokenizer_fold           (const char  *text,
                                          gssize       length);

G_END_DECLS
