/* px-html-reader.c: a saved web page as one article
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-readers.h"

#include "px-html-extractor.h"
#include "px-span.h"

GPtrArray *
px_html_reader_read (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) px_import_item_free);
  g_autoptr (PxHtmlDocument) document = px_html_extract (data, length, error);
  g_autoptr (PxArticle) article = NULL;
  g_autofree char *outlet = NULL;
  PxImportItem *item;

  if (document == NULL)
    return NULL;
  article = g_object_new (PX_TYPE_ARTICLE,
                          "format", "html",
                          "raw-text", document->text,
                          "title", document->title,
                          "url", document->url,
                          "published", document->published,
                          "language", document->language,
                          NULL);
  outlet = g_strdup (document->outlet);
  if (outlet == NULL)
    outlet = px_outlet_from_url (document->url);
  px_article_set_outlet (article, outlet);
  item = px_import_item_new (article, 0);
  if (document->impossible_date != NULL)
    px_import_item_add_warning (item,
                                "impossible date “%s” in the page; imported without a date",
                                document->impossible_date);
  g_array_append_vals (item->given, document->removed->data, document->removed->len);
  g_ptr_array_add (items, item);
  return g_steal_pointer (&items);
}
