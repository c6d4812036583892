/* px-segmenter.h: sentence boundaries (ICU plus fixes for abbreviations, lists, quotes)
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A half-open byte range [start, end) into a UTF-8 text. */
typedef struct
{
  guint start;
  guint end;
} PxRange;

/* The sentences of the UTF-8 @text as an array of PxRange (byte offsets),
 * in order, each trimmed of surrounding white space, none empty. A blank
 * line ("\n\n") always ends a sentence. @language ("en", "de", …, or NULL
 * for English) picks the abbreviations and sentence openers used to judge
 * ICU's candidate breaks. Safe to call from any thread. */
GArray *px_segment_sentences (const char *text,
                              const char *language);

G_END_DECLS
