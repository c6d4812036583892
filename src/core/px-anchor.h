/* px-anchor.h: finding a note's text again after the text changed
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-note.h"
#include "px-text-map.h"

G_BEGIN_DECLS

/* How a note was placed, best first. */
typedef enum
{
  PX_ANCHOR_EXACT,    /* the quote is still at its raw offsets */
  PX_ANCHOR_MOVED,    /* the quote, elsewhere: the occurrence whose context
                       * matches best, then the closest to the old place */
  PX_ANCHOR_CONTEXT,  /* its prefix and suffix, with similar text between */
  PX_ANCHOR_FUZZY,    /* the closest approximate match of the quote */
  PX_ANCHOR_ORPHAN,   /* nowhere in the clean text */
} PxAnchorMatch;

/* An approximate match must be at least this similar (1 − edit distance /
 * quote length, in bytes). */
#define PX_ANCHOR_FUZZY_MIN_SIMILARITY 0.8
/* Quotes longer than this are not searched for approximately. */
#define PX_ANCHOR_FUZZY_MAX_BYTES 4096

const char    *px_anchor_match_to_string (PxAnchorMatch  match);

/* Finds the quote (with its context and old raw offsets) in @map's clean
 * text; on success sets [@clean_start, @clean_end). */
PxAnchorMatch  px_anchor_locate          (PxTextMap     *map,
                                          guint          raw_start,
                                          guint          raw_end,
                                          const char    *quote,
                                          const char    *prefix,
                                          const char    *suffix,
                                          guint         *clean_start,
                                          guint         *clean_end);

/* Places @note in @map (the text map of its article): on success its
 * offsets, quote and context follow the text found; else it becomes an
 * orphan and keeps what it had. */
PxAnchorMatch  px_anchor_note            (PxNote        *note,
                                          PxTextMap     *map);

/* 1 − Levenshtein distance of the two byte strings / the longer length. */
double         px_anchor_similarity      (const char    *a,
                                          gsize          a_len,
                                          const char    *b,
                                          gsize          b_len);

G_END_DECLS
