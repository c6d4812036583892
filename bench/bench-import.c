/* bench-import.c: import throughput against plain SQLite FTS5, the floor
 *
 * Usage: bench-import LIBRARY.jsonl [RUNS]
 *
 * Imports LIBRARY.jsonl (made by bench/make-library.py from real ECB+
 * articles) into a new library RUNS times with the full pipeline (reading,
 * cleaning, hashing, storing, indexing) and, in the same run, loads the same
 * texts into a bare SQLite FTS5 table: the floor no importer can beat.
 * Both are timed in processor time (user + system, getrusage) as well as
 * wall time: on a shared machine the wall clock measures the neighbours.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

#include "px-importer.h"

static void
remove_library (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

typedef struct
{
  double wall;
  double cpu;
} Times;

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static Times
times_since (gint64 start,
             double cpu_start)
{
  return (Times) { (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu_start };
}

static Times
import_once (const char *jsonl,
             const char *db_path,
             guint      *n_stored)
{
  const char *files[] = { jsonl, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxImporter) importer = NULL;
  g_autoptr (GPtrArray) results = NULL;
  gint64 start;
  double cpu_start;

  remove_library (db_path);
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  store = px_store_open (db_path, &error);
  g_assert_no_error (error);
  importer = px_importer_new (db_path);
  results = px_importer_import (importer, store, files, NULL, &error);
  g_assert_no_error (error);
  *n_stored = 0;
  for (guint i = 0; i < results->len; i++)
    *n_stored += ((PxImportResult *) g_ptr_array_index (results, i))->status == PX_IMPORT_STORED;
  g_clear_object (&store);
  return times_since (start, cpu_start);
}

/* The peer: the same titles and texts into an FTS5 table, one transaction. */
static Times
floor_once (const char *jsonl,
            const char *db_path)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  double cpu_start;

  remove_library (db_path);
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  g_assert_true (g_file_get_contents (jsonl, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                    "CREATE VIRTUAL TABLE t USING fts5 (title, body);"
                    "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO t (title, body) VALUES (?, ?)", -1, &stmt, NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonObject *object;

      if (*lines[i] == '\0' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
        continue;
      object = json_node_get_object (json_parser_get_root (parser));
      sqlite3_bind_text (stmt, 1, json_object_get_string_member (object, "title"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, json_object_get_string_member (object, "text"), -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return times_since (start, cpu_start);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL, *db_path = NULL;
  guint runs = argc > 2 ? atoi (argv[2]) : 5;
  g_autofree double *ours_wall = NULL, *ours_cpu = NULL, *floor_wall = NULL, *floor_cpu = NULL;
  double ours, floor;
  guint n = 0;

  if (argc < 2 || runs == 0)
    {
      fprintf (stderr, "Usage: %s LIBRARY.jsonl [RUNS]\n", argv[0]);
      return 2;
    }
  dir = g_dir_make_tmp ("px-bench-import-XXXXXX", NULL);
  db_path = g_build_filename (dir, "library.sqlite3", NULL);
  ours_wall = g_new (double, runs);
  ours_cpu = g_new (double, runs);
  floor_wall = g_new (double, runs);
  floor_cpu = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      Times t = import_once (argv[1], db_path, &n);

      ours_wall[r] = t.wall, ours_cpu[r] = t.cpu;
      t = floor_once (argv[1], db_path);
      floor_wall[r] = t.wall, floor_cpu[r] = t.cpu;
    }
  remove_library (db_path);
  g_rmdir (dir);
  ours = median (ours_cpu, runs);
  floor = median (floor_cpu, runs);

  printf ("import of %u articles (%s), median of %u runs\n", n, argv[1], runs);
  printf ("                            CPU s   articles/s   wall s\n");
  printf ("  parallax import:       %8.3f %12.0f %8.3f\n", ours, n / ours, median (ours_wall, runs));
  printf ("  sqlite3 FTS5 floor:    %8.3f %12.0f %8.3f\n", floor, n / floor, median (floor_wall, runs));
  printf ("  ratio to the floor (CPU): %.2f ×\n", ours / floor);
  printf ("BENCH_JSON {\"name\": \"import\", \"figures\": [{\"what\": \"import %u articles, CPU\", "
          "\"value\": %.1f, \"unit\": \"articles/s\", \"peer\": \"sqlite3 FTS5 load\", "
          "\"peer_value\": %.1f, \"goal\": \">= 1000 articles/s, within 3x the floor\"}]}\n",
          n, n / ours, n / floor);
  return 0;
}
