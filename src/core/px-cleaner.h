/* px-cleaner.h: separates an article's story from the boilerplate around it
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paragraphs. The raw text is cut into lines; blank lines separate blocks.
 * A block is one paragraph per line (plain text copied from a browser, one
 * HTML block per line), except when it is hard-wrapped: no line longer than
 * 100 characters (one in ten may be) and at least two lines of 40 or more.
 * In a hard-wrapped block a line joins the next one when it is "full" (at
 * least 40 characters and 65 % of the block's widest line) and it does not
 * end a sentence right before a capitalised line. This depends on the raw
 * text only, so px_cleaner_apply () and px_cleaner_clean () always agree.
 *
 * The clean text is the kept paragraphs, separated by exactly one blank
 * line ("\n\n"); the lines of a joined paragraph are joined by one space;
 * every line is trimmed of ASCII white space. A removed span may cover any
 * byte range: the bytes it covers are dropped and the pieces left of a
 * paragraph are joined by one space. The cleaner itself removes whole
 * paragraphs (a run of paragraphs removed for the same reason is one span).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Bump when the cleaner's decisions change: articles cleaned by an older
 * version are cleaned again (px_store / parallax-cli reclean). */
#define PX_CLEANER_VERSION 6

#define PX_TYPE_CLEANER (px_cleaner_get_type ())
G_DECLARE_FINAL_TYPE (PxCleaner, px_cleaner, PX, CLEANER, GObject)

typedef struct
{
  char *clean_text;  /* kept paragraphs, separated by one blank line */
  GArray *removed;   /* PxSpan: sorted, disjoint byte ranges of the raw text */
} PxCleaning;

/* Loads the phrase lists of data/cleaner/ (languages.txt names them). */
PxCleaner  *px_cleaner_new      (void);

/* Cleans @raw (UTF-8). @given: spans decided before (an HTML extractor's
 * removals, or a previous cleaning whose restored flags the user set): a
 * given span is removed again, a given restored span is always kept; all
 * given spans are part of the result, with their flags. @title: the
 * article's title or NULL. @language: ISO 639-1 code or NULL (then guessed
 * from the stop-words of the known languages). @related: NULL-terminated
 * clean texts of the other articles of the same event (may be NULL), used
 * to find an unrelated appended story. The PxCleaner is not changed:
 * several threads may clean with one cleaner at once. */
PxCleaning *px_cleaner_clean    (PxCleaner          *self,
                                 const char         *raw,
                                 const char         *title,
                                 const char         *language,
                                 const GArray       *given,
                                 const char * const *related);

/* The clean text of @raw without the @removed spans that are not restored;
 * the same text px_cleaner_clean () gives for those spans. */
char       *px_cleaner_apply    (const char         *raw,
                                 const GArray       *removed);

void        px_cleaning_free    (PxCleaning         *cleaning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxCleaning, px_cleaning_free)

G_END_DECLS
