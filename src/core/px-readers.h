/* px-readers.h: the format readers and the item each produces, before cleaning
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-article.h"

G_BEGIN_DECLS

typedef struct
{
  PxArticle *article;  /* metadata and raw text; NULL when @error is set */
  GArray *given;       /* PxSpan removals decided by the reader (metadata lines, HTML) */
  guint line;          /* JSON Lines: the line; JSON array: the item (1-based) */
  GError *error;
  GPtrArray *warnings; /* strings: what was read but not kept, and why; NULL when none */
} PxImportItem;

PxImportItem *px_import_item_new   (PxArticle    *article,
                                    guint         line);
PxImportItem *px_import_item_new_error (guint     line,
                                    GError       *error);
void          px_import_item_free  (PxImportItem *item);
void          px_import_item_add_warning (PxImportItem *item,
                                    const char   *format,
                                    ...) G_GNUC_PRINTF (2, 3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxImportItem, px_import_item_free)

/* Readers: each turns a file's UTF-8 text into items. */
GPtrArray    *px_text_reader_read  (const char   *text,
                                    const char   *format);
GPtrArray    *px_json_reader_read  (const char   *text,
                                    gboolean      json_lines,
                                    GError      **error);
GPtrArray    *px_html_reader_read  (const char   *data,
                                    gsize         length,
                                    GError      **error);

/* "2024-03-12", "2024-03-12T10:00:00Z", "12 March 2024", "March 12, 2024",
 * "Mar. 12 2024" → "2024-03-12"; NULL when @text holds no full date, and
 * NULL with PX_ERROR_INVALID_INPUT when it holds one that cannot be
 * ("2025-02-30", month 13, a year outside 1800–2200), so the reader can
 * say so instead of dropping it silently. */
char         *px_parse_date        (const char   *text,
                                    GError      **error);
/* The outlet named by a URL: its host without "www." ("latimes.com"). */
char         *px_outlet_from_url   (const char   *url);

G_END_DECLS
