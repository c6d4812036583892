/* bench-diff.c: word-level diff of sentence pairs with px-diff
 *
 * Usage: bench-diff PAIRS.tsv [RUNS]
 *
 * PAIRS.tsv holds one aligned sentence pair a line, "A<TAB>B" (written by
 * bench/bench-diff-peer.py from MSRP, which runs dwdiff on the same pairs).
 * Each run diffs every pair as dwdiff does: words are the runs of
 * non-space characters, the longest common subsequence comes from
 * px_diff_match () and the result is written out as dwdiff writes it,
 * [-deleted-] {+inserted+}, into a buffer. Prints the median CPU time of
 * the process (getrusage) over RUNS runs (default 5) of all pairs.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "px-diff.h"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* The words of @text as interned ids in @ids and as strings in @words. */
static void
intern_words (const char *text,
              GHashTable *ids,
              GArray     *out,
              GPtrArray  *words)
{
  g_auto (GStrv) parts = g_strsplit_set (text, " \t", -1);

  g_array_set_size (out, 0);
  g_ptr_array_set_size (words, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gpointer id;

      if (*parts[i] == '\0')
        continue;
      if (!g_hash_table_lookup_extended (ids, parts[i], NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids));
          g_hash_table_insert (ids, g_strdup (parts[i]), id);
        }
      g_array_append_val (out, id);
      g_ptr_array_add (words, g_strdup (parts[i]));
    }
}

/* Writes B with A's words that are not in the common subsequence as
 * [-…-] and B's as {+…+}, in order, as dwdiff does. */
static void
write_diff (GString        *out,
            GPtrArray      *words_a,
            const gboolean *matched_a,
            GPtrArray      *words_b,
            const gboolean *matched_b)
{
  guint i = 0, j = 0;

  while (i < words_a->len || j < words_b->len)
    {
      if (i < words_a->len && !matched_a[i])
        g_string_append_printf (out, "[-%s-] ", (char *) g_ptr_array_index (words_a, i++));
      else if (j < words_b->len && !matched_b[j])
        g_string_append_printf (out, "{+%s+} ", (char *) g_ptr_array_index (words_b, j++));
      else
        {
          g_string_append (out, g_ptr_array_index (words_b, j++));
          g_string_append_c (out, ' ');
          i++;
        }
    }
  g_string_append_c (out, '\n');
}

static gsize
diff_all (GStrv pairs)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) words_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) words_b = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint p = 0; pairs[p] != NULL; p++)
    {
      const char *tab = strchr (pairs[p], '\t');
      g_autofree char *first = NULL;
      g_autofree gboolean *matched_a = NULL, *matched_b = NULL;

      if (tab == NULL)
        continue;
      first = g_strndup (pairs[p], tab - pairs[p]);
      intern_words (first, ids, a, words_a);
      intern_words (tab + 1, ids, b, words_b);
      matched_a = g_new0 (gboolean, a->len + 1);
      matched_b = g_new0 (gboolean, b->len + 1);
      px_diff_match ((guint *) a->data, a->len, (guint *) b->data, b->len, matched_a, matched_b);
      write_diff (out, words_a, matched_a, words_b, matched_b);
    }
  return out->len;
}

static int
compare_doubles (const void *x,
                 const void *y)
{
  double a = *(const double *) x, b = *(const double *) y;
  return a < b ? -1 : a > b;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) pairs = NULL;
  g_autoptr (GError) error = NULL;
  guint runs = argc > 2 ? atoi (argv[2]) : 5;
  double *times;
  gsize written = 0;

  if (argc < 2 || runs == 0)
    {
      fprintf (stderr, "Usage: %s PAIRS.tsv [RUNS]\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &contents, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  g_strchomp (contents);
  pairs = g_strsplit (contents, "\n", -1);
  times = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      double start = cpu_seconds ();

      written = diff_all (pairs);
      times[r] = cpu_seconds () - start;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  printf ("px-diff: %u pairs, %zu bytes of marked output, median CPU %.3f ms over %u runs\n",
          g_strv_length (pairs), written, times[runs / 2] * 1e3, runs);
  g_free (times);
  return 0;
}
