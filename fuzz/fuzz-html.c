/* fuzz-html.c: libFuzzer target for HTML import
 *
 * Runs the extractor on the raw bytes (any charset, any tag soup) and the
 * HTML reader that turns its result into an import item.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-html-extractor.h"
#include "px-readers.h"
#include "px-span.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (PxHtmlDocument) document = NULL;
  g_autoptr (GPtrArray) items = NULL;

  document = px_html_extract ((const char *) data, size, NULL);
  if (document != NULL)
    {
      gsize length = strlen (document->text);

      g_assert_true (g_utf8_validate (document->text, -1, NULL));
      for (guint i = 0; i < document->removed->len; i++)
        {
          const PxSpan *span = &g_array_index (document->removed, PxSpan, i);

          g_assert_cmpuint (span->start, <=, span->end);
          g_assert_cmpuint (span->end, <=, length);
        }
    }
  items = px_html_reader_read ((const char *) data, size, NULL);
  return 0;
}
