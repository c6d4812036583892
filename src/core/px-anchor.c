/* px-anchor.c: finding a note's text again after the text changed
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notes point into the raw text, which never changes, but the clean text
 * does (a paragraph removed or restored, a better cleaner) and a note's
 * article may be another copy of the story (parallax-cli import-notes). The
 * search runs over the clean text, which is exactly the raw text's kept
 * parts, so a note is never placed on removed boilerplate. Steps, as in
 * the W3C Web Annotation text quote selector: the quote where it was, the
 * quote elsewhere, the context around it, an approximate match of the
 * quote (Sellers' edit-distance search), else an orphan.
 */
#include "px-anchor.h"

#include <string.h>

/* Context sides shorter than this say too little to place a note. */
#define CONTEXT_MIN_BYTES 8
/* Text between a found prefix and suffix must be this similar to the quote. */
#define CONTEXT_MIN_SIMILARITY 0.5

const char *
px_anchor_match_to_string (PxAnchorMatch match)
{
  static const char *const names[] = { "exact", "moved", "context", "fuzzy", "orphan" };

  g_return_val_if_fail (match <= PX_ANCHOR_ORPHAN, NULL);
  return names[match];
}

double
px_anchor_similarity (const char *a,
                      gsize       a_len,
                      const char *b,
                      gsize       b_len)
{
  g_autofree guint *row = NULL;
  gsize longer = MAX (a_len, b_len);

  if (longer == 0)
    return 1.0;
  row = g_new (guint, b_len + 1);
  for (gsize j = 0; j <= b_len; j++)
    row[j] = j;
  for (gsize i = 1; i <= a_len; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= b_len; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (above + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return 1.0 - (double) row[b_len] / longer;
}

static guint
char_start (const char *text,
            guint       offset)
{
  while (offset > 0 && ((guchar) text[offset] & 0xC0) == 0x80)
    offset--;
  return offset;
}

static guint
char_end (const char *text,
          guint       len,
          guint       offset)
{
  while (offset < len && ((guchar) text[offset] & 0xC0) == 0x80)
    offset++;
  return offset;
}

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

/* How many bytes of context agree around an occurrence at [start, end). */
static guint
context_score (const char *clean,
               guint       len,
               guint       start,
               guint       end,
               const char *prefix,
               const char *suffix)
{
  guint score = 0;
  gsize p = prefix != NULL ? strlen (prefix) : 0;

  while (score < p && score < start && prefix[p - 1 - score] == clean[start - 1 - score])
    score++;
  for (guint i = 0; suffix != NULL && suffix[i] != '\0' && end + i < len && suffix[i] == clean[end + i]; i++)
    score++;
  return score;
}

static gboolean
find_moved (const char *clean,
            guint       len,
            const char *quote,
            const char *prefix,
            const char *suffix,
            guint       old_start,
            guint      *start)
{
  gsize q = strlen (quote);
  gboolean found = FALSE;
  guint best_score = 0;

  for (const char *hit = strstr (clean, quote); hit != NULL; hit = strstr (hit + 1, quote))
    {
      guint at = hit - clean;
      guint score = context_score (clean, len, at, at + q, prefix, suffix);

      if (!found || score > best_score ||
          (score == best_score && distance (at, old_start) < distance (*start, old_start)))
        {
          found = TRUE;
          best_score = score;
          *start = at;
        }
    }
  return found;
}

static gboolean
find_by_context (const char *clean,
                 const char *quote,
                 const char *prefix,
                 const char *suffix,
                 guint       old_start,
                 guint      *start,
                 guint      *end)
{
  gsize q = strlen (quote), p = prefix != NULL ? strlen (prefix) : 0;
  gsize s = suffix != NULL ? strlen (suffix) : 0;
  gboolean found = FALSE;
  double best = 0;

  if (p < CONTEXT_MIN_BYTES || s < CONTEXT_MIN_BYTES)
    return FALSE;
  for (const char *hit = strstr (clean, prefix); hit != NULL; hit = strstr (hit + 1, prefix))
    {
      const char *between = hit + p;
      const char *after = strstr (between, suffix);
      gsize gap;
      double similarity;

      if (after == NULL)
        break;
      gap = after - between;
      if (gap == 0 || gap > 2 * q + 64)
        continue;
      similarity = px_anchor_similarity (quote, q, between, gap);
      if (similarity >= CONTEXT_MIN_SIMILARITY &&
          (!found || similarity > best ||
           (similarity == best && distance (between - clean, old_start) < distance (*start, old_start))))
        {
          found = TRUE;
          best = similarity;
          *start = between - clean;
          *end = after - clean;
        }
    }
  return found;
}

/* Sellers' algorithm: the substring of @clean nearest to @quote in edit
 * distance (ties: the one ending closest to @old_end), then the start of
 * that substring by aligning backwards from its end. */
static gboolean
find_fuzzy (const char *clean,
            guint       len,
            const char *quote,
            guint       old_end,
            guint      *start,
            guint      *end)
{
  gsize m = strlen (quote);
  g_autofree guint *column = NULL;
  guint best = G_MAXUINT, best_end = 0, max_distance, window;
  gsize last_active;

  if (m == 0 || m > PX_ANCHOR_FUZZY_MAX_BYTES || len == 0)
    return FALSE;
  max_distance = (guint) ((1.0 - PX_ANCHOR_FUZZY_MIN_SIMILARITY) * m);
  column = g_new (guint, m + 1);
  for (gsize i = 0; i <= m; i++)
    column[i] = i;
  /* Ukkonen's cut-off: rows below the last one within max_distance
   * cannot lead to an acceptable match, so they are not computed. */
  last_active = MIN (max_distance + 1, m);
  for (guint j = 0; j < len; j++)
    {
      guint diagonal = 0, value = 0;

      for (gsize i = 1; i <= last_active; i++)
        {
          if (quote[i - 1] == clean[j])
            value = diagonal;
          else
            value = MIN (MIN (diagonal, value), column[i]) + 1;
          diagonal = column[i];
          column[i] = value;
        }
      while (last_active > 0 && column[last_active] > max_distance)
        last_active--;
      if (last_active == m)
        {
          if (column[m] < best || (column[m] == best && distance (j + 1, old_end) < distance (best_end, old_end)))
            {
              best = column[m];
              best_end = j + 1;
            }
        }
      else
        last_active++;
    }
  if (best > max_distance)
    return FALSE;

  /* Backwards from best_end: the reversed quote against the reversed text,
   * anchored at best_end, free where it stops. */
  window = MIN (best_end, m + max_distance);
  {
    g_autofree guint *row = g_new (guint, window + 1);
    guint best_back = G_MAXUINT, back = 0;

    for (guint j = 0; j <= window; j++)
      row[j] = j;
    for (gsize i = 1; i <= m; i++)
      {
        guint diagonal = row[0];

        row[0] = i;
        for (guint j = 1; j <= window; j++)
          {
            guint above = row[j];

            row[j] = MIN (MIN (above + 1, row[j - 1] + 1),
                          diagonal + (quote[m - i] != clean[best_end - j]));
            diagonal = above;
          }
      }
    for (guint j = 0; j <= window; j++)
      if (row[j] < best_back || (row[j] == best_back && distance (j, m) < distance (back, m)))
        {
          best_back = row[j];
          back = j;
        }
    *start = char_start (clean, best_end - back);
    *end = char_end (clean, len, best_end);
  }
  /* Whole words: an approximate match should not start or end mid-word. */
  while (*start > 0 && g_ascii_isalnum (clean[*start - 1]) && g_ascii_isalnum (clean[*start]))
    (*start)--;
  while (*end < len && g_ascii_isalnum (clean[*end - 1]) && g_ascii_isalnum (clean[*end]))
    (*end)++;
  return *start < *end;
}

PxAnchorMatch
px_anchor_locate (PxTextMap  *map,
                  guint       raw_start,
                  guint       raw_end,
                  const char *quote,
                  const char *prefix,
                  const char *suffix,
                  guint      *clean_start,
                  guint      *clean_end)
{
  const char *clean;
  guint len, start = 0, end = 0, old_start, old_end;
  gsize q;

  g_return_val_if_fail (map != NULL, PX_ANCHOR_ORPHAN);
  g_return_val_if_fail (quote != NULL, PX_ANCHOR_ORPHAN);

  clean = px_text_map_get_clean (map);
  len = strlen (clean);
  q = strlen (quote);
  if (q == 0)
    return PX_ANCHOR_ORPHAN;

  /* Where the old raw range is now (or would be, if it is all removed). */
  if (px_text_map_raw_to_clean (map, raw_start, raw_end, &old_start, &old_end) &&
      old_end - old_start == q && memcmp (clean + old_start, quote, q) == 0)
    {
      *clean_start = old_start;
      *clean_end = old_end;
      return PX_ANCHOR_EXACT;
    }
  if (find_moved (clean, len, quote, prefix, suffix, old_start, &start))
    {
      *clean_start = start;
      *clean_end = start + q;
      return PX_ANCHOR_MOVED;
    }
  if (find_by_context (clean, quote, prefix, suffix, old_start, &start, &end))
    {
      *clean_start = start;
      *clean_end = end;
      return PX_ANCHOR_CONTEXT;
    }
  if (find_fuzzy (clean, len, quote, old_start + q, &start, &end))
    {
      *clean_start = start;
      *clean_end = end;
      return PX_ANCHOR_FUZZY;
    }
  return PX_ANCHOR_ORPHAN;
}

PxAnchorMatch
px_anchor_note (PxNote    *note,
                PxTextMap *map)
{
  PxAnchorMatch match;
  guint start = 0, end = 0;

  g_return_val_if_fail (PX_IS_NOTE (note), PX_ANCHOR_ORPHAN);
  g_return_val_if_fail (map != NULL, PX_ANCHOR_ORPHAN);

  match = px_anchor_locate (map, px_note_get_start (note), px_note_get_end (note),
                            px_note_get_quote (note) != NULL ? px_note_get_quote (note) : "",
                            px_note_get_prefix (note), px_note_get_suffix (note), &start, &end);
  if (match == PX_ANCHOR_ORPHAN)
    px_note_set_orphan (note, TRUE);
  else if (match != PX_ANCHOR_EXACT || px_note_get_orphan (note))
    px_note_set_clean_range (note, map, start, end);
  return match;
}
