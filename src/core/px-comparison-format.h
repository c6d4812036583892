/* px-comparison-format.h: a comparison as JSON, Markdown or HTML
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-comparison.h"

/* Bumped whenever the analysis or the JSON changes what it says, so that
 * cached comparisons are made again. */
#define PX_COMPARISON_VERSION 4

G_BEGIN_DECLS

typedef enum
{
  PX_COMPARISON_FORMAT_JSON,
  PX_COMPARISON_FORMAT_MARKDOWN,
  PX_COMPARISON_FORMAT_HTML,
} PxComparisonFormat;

/* "json", "markdown" (or "md"), "html". */
gboolean  px_comparison_format_from_string (const char          *name,
                                            PxComparisonFormat  *format);

/* The JSON document of parallax-cli compare:
 *   {"articles": [{"id", "outlet", "title", "published" (or null),
 *                  "language", "sentences": [{"index", "text", "claim"}]}],
 *    "claims": [{"id", "status": "shared"|"partial"|"unique",
 *                "articles": [ids], "wire": bool,
 *                "members": [{"article", "sentence", "text",
 *                             "changed": [[start, end], …]}],
 *                "conflicts": [{"kind", "values": [{"article", "text"}]}]}],
 *    "wire_runs": [{"articles": [a, b], "sentences": [[a_first, a_last],
 *                                                     [b_first, b_last]]}],
 *    "offsets": "codepoints"}
 * "article" values are article ids. "changed" holds half-open ranges in
 * Unicode code points into the member's "text" (Python string indexes;
 * JavaScript counts UTF-16 units, which differ only after characters
 * outside the Basic Multilingual Plane). */
char     *px_comparison_to_json            (PxComparison        *comparison);
/* The JSON of comparing the library's articles @ids, from the library's
 * cache when this version of Parallax compared the same articles with the
 * same texts before; else computed and cached. */
char     *px_comparison_json_for_ids       (PxStore             *store,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GError             **error);
/* One section per claim: its status, outlets, each version with the
 * changed words in bold, and its conflicts. */
char     *px_comparison_to_markdown        (PxComparison        *comparison);
/* A standalone page: the articles side by side, sentences coloured by the
 * status of their claim, changed words marked, every article string
 * escaped. */
char     *px_comparison_to_html            (PxComparison        *comparison);
char     *px_comparison_format             (PxComparison        *comparison,
                                            PxComparisonFormat   format);

G_END_DECLS
