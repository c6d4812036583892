/* px-span.h: byte ranges of a text and why they were removed
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a piece of an article's raw text is not part of its cleaned text.
 * The string forms (px_removal_reason_to_string) are stored in the library
 * and printed by parallax-cli: never rename them. */
typedef enum
{
  PX_REMOVAL_NAVIGATION,       /* menus, section labels, breadcrumbs */
  PX_REMOVAL_CAPTION,          /* image captions and credits */
  PX_REMOVAL_PROMPT,           /* share, subscribe, newsletter prompts */
  PX_REMOVAL_FOOTER,           /* copyright footers, slogans */
  PX_REMOVAL_LINK_LINE,        /* short links, "read more" lines */
  PX_REMOVAL_BYLINE,           /* author and date block */
  PX_REMOVAL_REPEATED,         /* a paragraph seen earlier in the article */
  PX_REMOVAL_NEAR_REPEATED,    /* nearly the same as an earlier paragraph */
  PX_REMOVAL_UNRELATED_STORY,  /* an off-topic tail: teasers, a second article */
  PX_REMOVAL_OUTSIDE_ARTICLE,  /* HTML: a block outside the main content */
  PX_REMOVAL_EMPTY,            /* blank or whitespace-only */
  PX_N_REMOVAL_REASONS
} PxRemovalReason;

/* A half-open byte range [start, end) of a UTF-8 text. */
typedef struct
{
  guint start;
  guint end;
  PxRemovalReason reason;
  gboolean restored;  /* the user put it back: shown in the cleaned text */
} PxSpan;

const char      *px_removal_reason_to_string   (PxRemovalReason  reason);
gboolean         px_removal_reason_from_string (const char      *string,
                                                PxRemovalReason *reason);

GArray          *px_span_array_new             (void);
void             px_span_array_add             (GArray          *spans,
                                                guint            start,
                                                guint            end,
                                                PxRemovalReason  reason);
void             px_span_array_normalize       (GArray          *spans);
gboolean         px_span_array_contains        (const GArray    *spans,
                                                guint            offset);

G_END_DECLS
