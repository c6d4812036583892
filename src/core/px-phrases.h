/* px-phrases.h: multi-word lexicon entries matched against tokens
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-tokenizer.h"

G_BEGIN_DECLS

/* A set of phrases ("chief operating officer", "according to"), each with
 * a value, matched on the normalised words of a token array (punctuation
 * tokens inside a phrase, as in "co-founder", must match too). */
typedef struct _PxPhrases PxPhrases;

PxPhrases  *px_phrases_new    (PxTokenizer *tokenizer);
void        px_phrases_free   (PxPhrases   *self);

/* Adds @phrase (tokenised and normalised like text) with @value. */
void        px_phrases_add    (PxPhrases   *self,
                               const char  *phrase,
                               const char  *value);

/* Adds the lines "VALUE<TAB>PHRASE" of the data file @relative
 * ("lexicon/roles-en.txt"); a missing file adds nothing. */
void        px_phrases_load   (PxPhrases   *self,
                               const char  *relative);

/* The number of tokens of the longest phrase starting at tokens[@index]
 * (0 when none); its value (borrowed) in @value. */
guint       px_phrases_match  (PxPhrases   *self,
                               GArray      *tokens,
                               guint        index,
                               const char **value);

/* Like px_phrases_match () for values written "KIND:A:B:C" ("num:12",
 * "vague:20:90:10", "percent"): the kind goes to @kind (at most @kind_size
 * bytes with the nul), up to three numbers to @args (0 when absent). */
guint       px_phrases_match_kind (PxPhrases   *self,
                                   GArray      *tokens,
                                   guint        index,
                                   char        *kind,
                                   gsize        kind_size,
                                   double      *args);

/* The phrases of the data file @format (a printf format with one %s for
 * the language: "lexicon/roles-%s.txt") for @language (canonical code;
 * English for others), loaded once and kept for the life of the process.
 * Matching is read-only, so the set is safe to share between threads. */
PxPhrases  *px_phrases_get_shared (const char *format,
                                   const char *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxPhrases, px_phrases_free)

G_END_DECLS
