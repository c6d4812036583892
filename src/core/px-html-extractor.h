/* px-html-extractor.h: the main text and metadata of a saved web page
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* Every visible text block of the page in document order, one block per
   * paragraph, blocks separated by "\n\n". This is the article's raw text. */
  char *text;
  /* PxSpan: the blocks of @text outside the main article, with a reason
   * (PX_REMOVAL_OUTSIDE_ARTICLE, or a finer one when known). */
  GArray *removed;
  /* Metadata, each NULL when the page does not say. */
  char *title;
  char *outlet;     /* og:site_name, JSON-LD publisher, … */
  char *url;        /* canonical or og:url */
  char *published;  /* YYYY-MM-DD */
  char *impossible_date;  /* when @published is NULL: a date the page gave
                           * that cannot be ("2025-02-30"), as given */
  char *language;   /* ISO 639-1 from <html lang> or meta */
  char *author;
  char *charset;    /* the charset the document was decoded from */
} PxHtmlDocument;

/* Parses @data with libxml2's HTML parser; never loads anything over the
 * network. The charset comes from a BOM, else <meta charset> or an
 * http-equiv Content-Type (Latin-1 read as its superset Windows-1252), else
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252; NULs and control
 * characters are dropped. Any nesting depth is safe. The main article is
 * found by content scoring (after Mozilla's Readability) in time linear in
 * the page; the page's headline stays in it when it is the title.
 * Errors: PX_ERROR_EMPTY when there is no visible text at all,
 * PX_ERROR_INVALID_INPUT when @data is binary, not a page;
 * PX_ERROR_TOO_LARGE above 2 GB. */
PxHtmlDocument *px_html_extract            (const char      *data,
                                            gsize            length,
                                            GError         **error);
void            px_html_document_free      (PxHtmlDocument  *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxHtmlDocument, px_html_document_free)

G_END_DECLS
