/* px-text-map.c: byte offsets between an article's raw and clean texts
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map is built by walking both texts together rather than by redoing
 * the cleaner's paragraph rules: a byte of the clean text that is not white
 * space is the next kept raw byte, and white space of the clean text either
 * matches raw white space or was put there to join two pieces. That holds
 * for any clean text px_cleaner_apply () makes, whatever its paragraphs.
 */
#include "px-text-map.h"

#include <string.h>

#include "px-span.h"

struct _PxTextMap
{
  gatomicrefcount ref_count;
  char *raw;
  char *clean;
  guint raw_len;
  guint clean_len;
  guint *raw_of;  /* per clean byte: its raw offset; joining space: the next raw byte */
};

G_DEFINE_BOXED_TYPE (PxTextMap, px_text_map, px_text_map_ref, px_text_map_unref)

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const PxSpan *x = a, *y = b;

  return x->start < y->start ? -1 : (x->start > y->start ? 1 : 0);
}

PxTextMap *
px_text_map_new (const char   *raw,
                 const GArray *removed,
                 const char   *clean)
{
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  PxTextMap *self;
  guint r = 0, next_cut = 0;

  g_return_val_if_fail (raw != NULL, NULL);
  g_return_val_if_fail (clean != NULL, NULL);

  self = g_new0 (PxTextMap, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->raw = g_strdup (raw);
  self->clean = g_strdup (clean);
  self->raw_len = strlen (raw);
  self->clean_len = strlen (clean);
  self->raw_of = g_new (guint, self->clean_len + 1);

  for (guint i = 0; removed != NULL && i < removed->len; i++)
    {
      const PxSpan *span = &g_array_index (removed, PxSpan, i);

      if (!span->restored && span->start < span->end)
        g_array_append_val (cuts, *span);
    }
  g_array_sort (cuts, compare_spans);

  for (guint c = 0; c < self->clean_len;)
    {
      char ch = clean[c];

      /* Step over removed text (spans may overlap). */
      while (next_cut < cuts->len && g_array_index (cuts, PxSpan, next_cut).start <= r)
        {
          r = MAX (r, g_array_index (cuts, PxSpan, next_cut).end);
          next_cut++;
        }
      if (r < self->raw_len && raw[r] == ch)
        self->raw_of[c++] = r++;
      else if (is_space (ch))
        self->raw_of[c++] = MIN (r, self->raw_len);
      else if (r < self->raw_len)
        r++;  /* raw white space, or a clean text not made from this raw text */
      else
        self->raw_of[c++] = self->raw_len;
    }
  self->raw_of[self->clean_len] = self->raw_len;
  return self;
}

PxTextMap *
px_text_map_new_for_article (PxArticle *article)
{
  const char *raw, *clean;

  g_return_val_if_fail (PX_IS_ARTICLE (article), NULL);

  raw = px_article_get_raw_text (article);
  clean = px_article_get_clean_text (article);
  return px_text_map_new (raw != NULL ? raw : "", px_article_get_removed (article),
                          clean != NULL ? clean : "");
}

PxTextMap *
px_text_map_ref (PxTextMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
px_text_map_unref (PxTextMap *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->raw);
  g_free (self->clean);
  g_free (self->raw_of);
  g_free (self);
}

const char *
px_text_map_get_raw (PxTextMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->raw;
}

const char *
px_text_map_get_clean (PxTextMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->clean;
}

/* The first clean byte whose raw offset is at least @raw_offset. */
static guint
lower_bound (PxTextMap *self,
             guint      raw_offset)
{
  guint lo = 0, hi = self->clean_len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->raw_of[mid] < raw_offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
px_text_map_raw_to_clean (PxTextMap *self,
                          guint      raw_start,
                          guint      raw_end,
                          guint     *clean_start,
                          guint     *clean_end)
{
  guint start, end;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (raw_start <= raw_end, FALSE);

  start = lower_bound (self, raw_start);
  end = MAX (start, lower_bound (self, raw_end));
  /* Joining white space belongs to neither side. */
  while (start < end && is_space (self->clean[start]))
    start++;
  while (end > start && is_space (self->clean[end - 1]))
    end--;
  if (clean_start != NULL)
    *clean_start = start;
  if (clean_end != NULL)
    *clean_end = end;
  return start < end;
}

void
px_text_map_clean_to_raw (PxTextMap *self,
                          guint      clean_start,
                          guint      clean_end,
                          guint     *raw_start,
                          guint     *raw_end)
{
  guint start, end;

  g_return_if_fail (self != NULL);

  clean_start = MIN (clean_start, self->clean_len);
  clean_end = CLAMP (clean_end, clean_start, self->clean_len);
  start = self->raw_of[clean_start];
  end = clean_end > clean_start ? self->raw_of[clean_end - 1] + 1 : start;
  if (raw_start != NULL)
    *raw_start = start;
  if (raw_end != NULL)
    *raw_end = MIN (MAX (end, start), self->raw_len);
}
