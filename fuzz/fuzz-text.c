/* fuzz-text.c: libFuzzer target for plain text and Markdown import with cleaning
 *
 * The input goes the importer's way: any bytes to UTF-8, the text reader
 * (the first byte picks plain text or Markdown), then the cleaner.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-cleaner.h"
#include "px-encoding.h"
#include "px-readers.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PxCleaner *cleaner;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) items = NULL;
  const char *format;

  if (size < 1)
    return 0;
  if (cleaner == NULL)
    cleaner = px_cleaner_new ();
  format = (data[0] & 1) ? "markdown" : "text";
  text = px_encoding_to_utf8 ((const char *) data + 1, size - 1, NULL, NULL, NULL);
  if (text == NULL)
    return 0;

  items = px_text_reader_read (text, format);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      PxImportItem *item = g_ptr_array_index (items, i);
      g_autoptr (PxCleaning) cleaning = NULL;
      g_autofree char *applied = NULL;
      const char *raw;

      if (item->article == NULL)
        continue;
      raw = px_article_get_raw_text (item->article);
      cleaning = px_cleaner_clean (cleaner, raw, px_article_get_title (item->article), "en",
                                   item->given, NULL);
      /* The spans must describe the same clean text the cleaner returned. */
      applied = px_cleaner_apply (raw, cleaning->removed);
      g_assert_true (g_utf8_validate (cleaning->clean_text, -1, NULL));
      (void) applied;
    }
  return 0;
}
