/* fuzz-sentences.c: libFuzzer target for sentence splitting and fact extraction
 *
 * The first byte picks the language; the rest, made valid UTF-8, is split
 * into sentences and each sentence's numbers, dates, names, quotes and
 * certainty cues are extracted against a fixed publication date.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-extractor.h"
#include "px-segmenter.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char *const languages[] = { "en", "de", "fr", "es", "it", "nl" };
static PxExtractor *extractors[G_N_ELEMENTS (languages)];

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr (GArray) sentences = NULL;
  guint which, previous_end = 0;

  if (size < 1)
    return 0;
  which = data[0] % G_N_ELEMENTS (languages);
  if (extractors[which] == NULL)
    extractors[which] = px_extractor_new (languages[which]);
  text = g_utf8_make_valid ((const char *) data + 1, size - 1);

  sentences = px_segment_sentences (text, languages[which]);
  for (guint i = 0; i < sentences->len; i++)
    {
      const PxRange *range = &g_array_index (sentences, PxRange, i);
      g_autoptr (PxSentenceFacts) facts = NULL;

      /* In order, disjoint, non-empty, inside the text. */
      g_assert_cmpuint (range->start, >=, previous_end);
      g_assert_cmpuint (range->start, <, range->end);
      g_assert_cmpuint (range->end, <=, strlen (text));
      previous_end = range->end;
      facts = px_extract_facts (extractors[which], text, range->start, range->end, "2024-03-12");
      for (guint t = 0; t < facts->tokens->len; t++)
        {
          const PxToken *token = &g_array_index (facts->tokens, PxToken, t);

          g_assert_cmpuint (token->start, >=, range->start);
          g_assert_cmpuint (token->end, <=, range->end);
        }
    }
  return 0;
}
