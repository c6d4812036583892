/* px-diff.c: Myers' diff over token sequences
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-diff.h"

#include <string.h>

/* The furthest-reaching D-path endpoints, one V array per D, kept to walk
 * the script back (sentences are short: the O(D·(N+M)) trace is small). */
guint
px_diff_match (const guint *a,
               guint        n_a,
               const guint *b,
               guint        n_b,
               gboolean    *matched_a,
               gboolean    *matched_b)
{
  int n = (int) n_a, m = (int) n_b;
  int max = n + m;
  int width = 2 * max + 1;
  g_autofree int *trace = NULL;
  int *v;
  int d_end = 0;
  guint common = 0;

  if (matched_a != NULL)
    memset (matched_a, 0, sizeof (gboolean) * n_a);
  if (matched_b != NULL)
    memset (matched_b, 0, sizeof (gboolean) * n_b);
  if (n == 0 || m == 0)
    return 0;

  trace = g_new (int, (gsize) width * (max + 1));
  v = g_new0 (int, width);
  for (int d = 0; d <= max; d++)
    {
      gboolean done = FALSE;

      for (int k = -d; k <= d; k += 2)
        {
          int x, y;

          if (k == -d || (k != d && v[max + k - 1] < v[max + k + 1]))
            x = v[max + k + 1];
          else
            x = v[max + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && a[x] == b[y])
            x++, y++;
          v[max + k] = x;
          if (x >= n && y >= m)
            {
              done = TRUE;
              break;
            }
        }
      memcpy (trace + (gsize) d * width, v, sizeof (int) * width);
      if (done)
        {
          d_end = d;
          break;
        }
    }
  g_free (v);

  /* Walk back from (n, m): each step is one insert or delete followed
   * by a snake of equal tokens, which are the matches. */
  for (int d = d_end, x = n, y = m; d >= 0; d--)
    {
      int k = x - y;
      int prev_x = 0, prev_y = 0, snake_x = 0;

      if (d > 0)
        {
          const int *vp = trace + (gsize) (d - 1) * width;
          int prev_k;

          if (k == -d || (k != d && vp[max + k - 1] < vp[max + k + 1]))
            prev_k = k + 1;
          else
            prev_k = k - 1;
          prev_x = vp[max + prev_k];
          prev_y = prev_x - prev_k;
          snake_x = prev_k == k + 1 ? prev_x : prev_x + 1;
        }
      while (x > snake_x)
        {
          x--, y--;
          if (matched_a != NULL)
            matched_a[x] = TRUE;
          if (matched_b != NULL)
            matched_b[y] = TRUE;
          common++;
        }
      x = prev_x, y = prev_y;
    }
  return common;
}
