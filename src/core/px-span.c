/* px-span.c
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-span.h"

#include <string.h>

static const char *const reason_names[PX_N_REMOVAL_REASONS] = {
  [PX_REMOVAL_NAVIGATION] = "navigation",
  [PX_REMOVAL_CAPTION] = "caption",
  [PX_REMOVAL_PROMPT] = "prompt",
  [PX_REMOVAL_FOOTER] = "footer",
  [PX_REMOVAL_LINK_LINE] = "link-line",
  [PX_REMOVAL_BYLINE] = "byline",
  [PX_REMOVAL_REPEATED] = "repeated",
  [PX_REMOVAL_NEAR_REPEATED] = "near-repeated",
  [PX_REMOVAL_UNRELATED_STORY] = "unrelated-story",
  [PX_REMOVAL_OUTSIDE_ARTICLE] = "outside-article",
  [PX_REMOVAL_EMPTY] = "empty",
};

const char *
px_removal_reason_to_string (PxRemovalReason reason)
{
  g_return_val_if_fail (reason < PX_N_REMOVAL_REASONS, "unknown");
  return reason_names[reason];
}

gboolean
px_removal_reason_from_string (const char      *string,
                               PxRemovalReason *reason)
{
  for (guint i = 0; i < PX_N_REMOVAL_REASONS; i++)
    if (g_strcmp0 (string, reason_names[i]) == 0)
      {
        *reason = i;
        return TRUE;
      }
  return FALSE;
}

GArray *
px_span_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (PxSpan));
}

void
px_span_array_add (GArray          *spans,
                   guint            start,
                   guint            end,
                   PxRemovalReason  reason)
{
  PxSpan span = { start, end, reason, FALSE };

  g_return_if_fail (start <= end);
  if (start < end)
    g_array_append_val (spans, span);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const PxSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? 1 : (x->end > y->end ? -1 : 0);
}

/* Sorts the spans and merges overlapping ones; the first reason wins. */
void
px_span_array_normalize (GArray *spans)
{
  guint out = 0;

  if (spans->len < 2)
    return;
  g_array_sort (spans, compare_spans);
  for (guint i = 1; i < spans->len; i++)
    {
      PxSpan *last = &g_array_index (spans, PxSpan, out);
      PxSpan *next = &g_array_index (spans, PxSpan, i);

      if (next->start < last->end)
        last->end = MAX (last->end, next->end);
      else
        g_array_index (spans, PxSpan, ++out) = *next;
    }
  g_array_set_size (spans, out + 1);
}

gboolean
px_span_array_contains (const GArray *spans,
                        guint         offset)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const PxSpan *span = &g_array_index (spans, PxSpan, i);
      if (offset >= span->start && offset < span->end)
        return TRUE;
    }
  return FALSE;
}
