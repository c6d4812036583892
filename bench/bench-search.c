/* bench-search.c: search latency in a large library
 *
 * Usage: bench-search LIBRARY.sqlite3 LIBRARY.jsonl [N_QUERIES]
 *
 * Runs N_QUERIES (default 300) searches through px_store_search () on
 * LIBRARY.sqlite3 (the 100,000 articles of bench/grow-library.py, imported
 * with parallax-cli) and prints the 50th and 95th percentile of their CPU
 * time. The queries are real: words and two-word phrases drawn with a fixed
 * seed from the texts of LIBRARY.jsonl, as a reader would type them. Each
 * search asks for 200 hits, as the window's search does. CPU time of the
 * thread (CLOCK_THREAD_CPUTIME_ID) is measured, since other engineers'
 * compilers share the machine's two cores; wall time is printed beside it.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "px-store.h"

#define SEARCH_LIMIT 200

static double
thread_cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The words of @text of four letters or more, lower-cased. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (g_utf8_strlen (start, p - start) >= 4)
        g_ptr_array_add (words, g_utf8_strdown (start, p - start));
    }
  return words;
}

/* Half single words, half "two word" phrases, from random articles. */
static GPtrArray *
draw_queries (const char *jsonl,
              guint       n_queries)
{
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint n_lines;

  if (!g_file_get_contents (jsonl, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  n_lines = g_strv_length (lines);
  while (queries->len < n_queries)
    {
      const char *line = lines[g_rand_int_range (rand, 0, n_lines)];
      g_autoptr (GPtrArray) words = NULL;
      guint i;

      if (*line == '\0' || !json_parser_load_from_data (parser, line, -1, NULL))
        continue;
      words = split_words (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "text"));
      if (words->len < 2)
        continue;
      i = g_rand_int_range (rand, 0, words->len - 1);
      if (queries->len % 2 == 0)
        g_ptr_array_add (queries, g_strdup (g_ptr_array_index (words, i)));
      else
        g_ptr_array_add (queries, g_strdup_printf ("\"%s %s\"", (char *) g_ptr_array_index (words, i),
                                                   (char *) g_ptr_array_index (words, i + 1)));
    }
  return g_steal_pointer (&queries);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  guint n_queries = argc > 3 ? atoi (argv[3]) : 300;
  double *cpu, *wall, slowest = 0;
  const char *slowest_query = "";
  guint n_hits = 0;

  if (argc < 3)
    {
      fprintf (stderr, "Usage: %s LIBRARY.sqlite3 LIBRARY.jsonl [N_QUERIES]\n", argv[0]);
      return 2;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "%s: no library %s (import it with parallax-cli first)\n", argv[0], argv[1]);
      return 1;
    }
  store = px_store_open (argv[1], &error);
  g_assert_no_error (error);
  queries = draw_queries (argv[2], n_queries);
  cpu = g_new (double, n_queries);
  wall = g_new (double, n_queries);

  /* One untimed search loads the schema and the first pages, as the
   * window's first search after opening would not: it has shown the list. */
  g_ptr_array_unref (px_store_search (store, "the", SEARCH_LIMIT, NULL));
  for (guint i = 0; i < n_queries; i++)
    {
      const char *query = g_ptr_array_index (queries, i);
      g_autoptr (GPtrArray) hits = NULL;
      gint64 start = g_get_monotonic_time ();
      double start_cpu = thread_cpu_seconds ();

      hits = px_store_search (store, query, SEARCH_LIMIT, &error);
      g_assert_no_error (error);
      cpu[i] = (thread_cpu_seconds () - start_cpu) * 1e3;
      wall[i] = (g_get_monotonic_time () - start) / 1e3;
      n_hits += hits->len;
      if (cpu[i] > slowest)
        {
          slowest = cpu[i];
          slowest_query = query;
        }
    }
  printf ("search of %s: %u queries (words and phrases of the articles), %u hits in all\n",
          argv[1], n_queries, n_hits);
  printf ("  slowest: %s (%.1f ms CPU)\n", slowest_query, slowest);
  qsort (cpu, n_queries, sizeof (double), compare_doubles);
  qsort (wall, n_queries, sizeof (double), compare_doubles);
  printf ("  CPU time   p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms\n",
          cpu[n_queries / 2], cpu[n_queries * 95 / 100], cpu[n_queries - 1]);
  printf ("  wall time  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms\n",
          wall[n_queries / 2], wall[n_queries * 95 / 100], wall[n_queries - 1]);
  printf ("BENCH_JSON {\"name\": \"search\", \"figures\": ["
          "{\"what\": \"search p50 (CPU)\", \"value\": %.2f, \"unit\": \"ms\", \"goal\": \"\"}, "
          "{\"what\": \"search p95 (CPU)\", \"value\": %.2f, \"unit\": \"ms\", \"goal\": \"< 30 ms\"}]}\n",
          cpu[n_queries / 2], cpu[n_queries * 95 / 100]);
  g_free (cpu);
  g_free (wall);
  return 0;
}
