/* fuzz-json.c: libFuzzer target for JSON and JSON Lines import
 *
 * The first byte picks JSON Lines or one JSON document; the rest goes the
 * importer's way: any bytes to UTF-8, then the JSON reader.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-encoding.h"
#include "px-readers.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  if (size < 1)
    return 0;
  text = px_encoding_to_utf8 ((const char *) data + 1, size - 1, NULL, NULL, NULL);
  if (text == NULL)
    return 0;
  items = px_json_reader_read (text, data[0] & 1, &error);
  /* Either items or an error, never neither. */
  g_assert_true ((items != NULL) != (error != NULL));
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      PxImportItem *item = g_ptr_array_index (items, i);

      g_assert_true ((item->article != NULL) != (item->error != NULL));
      /* A warning (an impossible date) comes with an article, and says something. */
      for (guint w = 0; item->warnings != NULL && w < item->warnings->len; w++)
        {
          g_assert_nonnull (item->article);
          g_assert_true (g_utf8_validate (g_ptr_array_index (item->warnings, w), -1, NULL));
        }
    }
  return 0;
}
