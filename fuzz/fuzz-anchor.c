/* fuzz-anchor.c: libFuzzer target for note re-anchoring
 *
 * The input, made valid UTF-8, is cut at form feeds into an article's raw
 * text, a note's quote, prefix and suffix; its first two bytes pick which
 * paragraphs the cleaner removed and where the note was. The note is then
 * placed in the clean text: a match must be a range of it.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-anchor.h"
#include "px-cleaner.h"
#include "px-span.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL, *clean = NULL;
  g_auto (GStrv) parts = NULL;
  g_autoptr (GArray) removed = g_array_new (FALSE, TRUE, sizeof (PxSpan));
  g_autoptr (PxTextMap) map = NULL;
  const char *raw, *quote, *prefix, *suffix, *p;
  guint clean_start = 0, clean_end = 0, raw_start, raw_end, paragraph = 0;
  PxAnchorMatch match;

  if (size < 2 || size > 65536)
    return 0;
  text = g_utf8_make_valid ((const char *) data + 2, size - 2);
  parts = g_strsplit (text, "\f", 4);
  if (parts[0] == NULL)  /* an empty text splits into no parts */
    return 0;
  raw = parts[0];
  quote = parts[0] && parts[1] ? parts[1] : "";
  prefix = quote[0] && parts[2] ? parts[2] : "";
  suffix = prefix[0] && parts[3] ? parts[3] : "";

  /* Paragraph i is removed when bit i of the first byte is set. */
  for (const char *start = raw; *start != '\0'; paragraph++)
    {
      const char *end = strstr (start, "\n\n");
      PxSpan span = { start - raw, end ? (guint) (end - raw) : (guint) strlen (raw),
                      PX_REMOVAL_NAVIGATION, FALSE };

      if (paragraph < 8 && (data[0] >> paragraph & 1) && span.end > span.start)
        g_array_append_val (removed, span);
      if (end == NULL)
        break;
      start = end + 2;
    }
  clean = px_cleaner_apply (raw, removed);
  map = px_text_map_new (raw, removed, clean);

  /* Where the note was: a place in the raw text picked by the second byte. */
  raw_start = strlen (raw) * data[1] / 256;
  p = raw + raw_start;
  while (raw_start > 0 && (*p & 0xC0) == 0x80)
    p--, raw_start--;
  raw_end = MIN (raw_start + strlen (quote), strlen (raw));

  match = px_anchor_locate (map, raw_start, raw_end, quote, prefix, suffix,
                            &clean_start, &clean_end);
  if (match != PX_ANCHOR_ORPHAN)
    {
      g_assert_cmpuint (clean_start, <=, clean_end);
      g_assert_cmpuint (clean_end, <=, strlen (px_text_map_get_clean (map)));
    }
  return 0;
}
