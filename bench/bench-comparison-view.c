/* bench-comparison-view.c: time from asking for a comparison to the first frame showing it
 *
 * Usage: bench-comparison-view [--runs N] [--db FILE] [--event ID] [--width W] [--height H]
 *                              [--dark] [--matrix] [--conflict] [--screenshot OUT.png]
 *
 * Imports the bundled ECB+ sample (data/sample, four events of five
 * articles) into a temporary library, unless --db names one, then opens
 * the comparison of its largest event in a PxComparisonView in a window:
 * once cold (the analysis runs), then N times with the analysis cached,
 * each time measuring from the request to the end of the first frame
 * painted with the columns on screen (the frame clock's after-paint).
 * Goal: under 150 ms once cached. Run it under `xvfb-run -a`.
 *
 * --window does the same in the real main window (px_window_show_event),
 * with the events page of its sidebar showing.
 *
 * --screenshot renders the window to a PNG afterwards (--matrix on the
 * coverage page, --conflict with the first conflict selected, --dark in the
 * dark style): how data/screenshots/comparison-*.png are made.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "px-comparison-column.h"
#include "px-comparison-view.h"
#include "px-data.h"
#include "px-importer.h"
#include "px-store-events.h"
#include "px-window-private.h"

typedef struct
{
  GtkWidget *window;
  PxComparisonView *view;
  gint64 requested;
  gint64 built;         /* when "loaded" came: the columns exist */
  gint64 painted;       /* 0 until the columns' first frame */
  gboolean loaded;
} Bench;

static void
iterate_until (gboolean *flag,
               double    seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  GtkWidget *column = px_comparison_view_get_column (bench->view, 0);

  if (bench->loaded && bench->painted == 0 && column != NULL && gtk_widget_get_mapped (column))
    bench->painted = g_get_monotonic_time ();
}

static void
loaded_cb (PxComparisonView *view,
           Bench            *bench)
{
  bench->loaded = TRUE;
  bench->built = g_get_monotonic_time ();
}

static double
open_once (Bench   *bench,
           PxStore *store,
           gint64   event_id,
           double  *built_ms)
{
  gboolean painted = FALSE;
  gint64 deadline;

  /* From an empty view, as when the reader picks another event. */
  px_comparison_view_set_comparison (bench->view, NULL);
  bench->loaded = FALSE;
  bench->painted = 0;
  bench->requested = g_get_monotonic_time ();
  if (PX_IS_WINDOW (bench->window))
    px_window_show_event (PX_WINDOW (bench->window), event_id);
  else
    px_comparison_view_compare_event (bench->view, store, event_id);
  deadline = bench->requested + 30 * G_USEC_PER_SEC;
  while (!painted && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      painted = bench->painted != 0;
    }
  if (!painted)
    {
      g_printerr ("The comparison did not appear within 30 s\n");
      exit (1);
    }
  *built_ms = (bench->built - bench->requested) / 1000.0;
  return (bench->painted - bench->requested) / 1000.0;
}

static char *
make_library (char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = px_data_find ("sample");
  g_autoptr (GDir) folder = g_dir_open (sample, 0, &error);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxImporter) importer = NULL;
  g_autoptr (GPtrArray) results = NULL;
  const char *name;
  char *path;

  if (folder == NULL)
    {
      g_printerr ("No sample articles: %s\n", error->message);
      exit (1);
    }
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_build_filename (sample, name, NULL));
  g_ptr_array_add (files, NULL);
  *dir = g_dir_make_tmp ("bench-comparison-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "library.sqlite3", NULL);
  store = px_store_open (path, &error);
  g_assert_no_error (error);
  importer = px_importer_new (path);
  results = px_importer_import (importer, store, (const char * const *) files->pdata, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
largest_event (PxStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = px_store_list_events (store, &error);
  gint64 best = 0;
  guint most = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      PxEvent *event = events->pdata[i];

      if (event->article_ids->len > most)
        {
          most = event->article_ids->len;
          best = event->id;
        }
    }
  return best;
}

static void
save_png (GtkWidget  *window,
          const char *path)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("Could not write %s\n", path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Lets the window draw for a while (layouts settle, scrolling ends). */
static void
settle (double seconds)
{
  gboolean never = FALSE;

  iterate_until (&never, seconds);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("— time to open a comparison");
  g_autofree char *db = NULL;
  g_autofree char *screenshot = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  int runs = 20, width = 1400, height = 900;
  gboolean dark = FALSE, matrix = FALSE, conflict = FALSE, in_window = FALSE;
  GdkFrameClock *clock;
  Bench bench = { 0 };
  g_autoptr (GArray) built_times = g_array_new (FALSE, FALSE, sizeof (double));
  double cold, cold_built, median, worst, built_median;
  gint64 event_id = 0;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "openings with the analysis cached (20)", "N" },
    { "event", 0, 0, G_OPTION_ARG_INT64, &event_id, "this event (default: the largest)", "ID" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "an existing library (default: the sample, imported)", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "window width (1400)", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "window height (900)", "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "dark style", NULL },
    { "window", 0, 0, G_OPTION_ARG_NONE, &in_window, "in the main window", NULL },
    { "matrix", 0, 0, G_OPTION_ARG_NONE, &matrix, "screenshot the coverage matrix", NULL },
    { "conflict", 0, 0, G_OPTION_ARG_NONE, &conflict, "select the first conflict first", NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &screenshot, "render the window to this PNG", "OUT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  gtk_init ();
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  if (db == NULL)
    db = make_library (&dir);
  store = px_store_open (db, &error);
  g_assert_no_error (error);
  if (event_id == 0)
    event_id = largest_event (store);
  if (event_id == 0)
    {
      g_printerr ("The library has no events\n");
      return 1;
    }

  if (in_window)
    {
      PxWindow *window = px_window_new (NULL, db);

      bench.window = GTK_WIDGET (window);
      bench.view = window->comparison_view;
      adw_view_stack_set_visible_child_name (window->library_stack, "events");
    }
  else
    {
      bench.window = adw_window_new ();
      bench.view = PX_COMPARISON_VIEW (px_comparison_view_new ());
      adw_window_set_content (ADW_WINDOW (bench.window), GTK_WIDGET (bench.view));
    }
  g_signal_connect (bench.view, "loaded", G_CALLBACK (loaded_cb), &bench);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), width, height);
  gtk_window_present (GTK_WINDOW (bench.window));
  settle (0.5);
  clock = gtk_widget_get_frame_clock (bench.window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);

  cold = open_once (&bench, store, event_id, &cold_built);
  for (int i = 0; i < runs; i++)
    {
      double built;
      double ms = open_once (&bench, store, event_id, &built);

      g_array_append_val (times, ms);
      g_array_append_val (built_times, built);
    }
  g_array_sort (built_times, compare_doubles);
  built_median = built_times->len > 0 ? g_array_index (built_times, double, built_times->len / 2) : 0;
  g_array_sort (times, compare_doubles);
  median = times->len > 0 ? g_array_index (times, double, times->len / 2) : 0;
  worst = times->len > 0 ? g_array_index (times, double, times->len - 1) : 0;

  printf ("comparison of %u articles, %u claims (event %" G_GINT64_FORMAT ")\n",
          px_comparison_get_n_articles (px_comparison_view_get_comparison (bench.view)),
          px_comparison_get_n_claims (px_comparison_view_get_comparison (bench.view)), event_id);
  printf ("request to columns built: not cached %.1f ms, cached median %.1f ms\n", cold_built, built_median);
  printf ("request to first frame, analysis not cached: %.1f ms\n", cold);
  printf ("request to first frame, cached: median %.1f ms, worst %.1f ms over %u runs (goal 150 ms)\n",
          median, worst, times->len);
  printf ("BENCH_JSON {\"name\": \"comparison-view\", \"figures\": {\"open_cold_ms\": %.1f, "
          "\"open_cached_median_ms\": %.1f, \"open_cached_worst_ms\": %.1f, "
          "\"built_cold_ms\": %.1f, \"built_cached_median_ms\": %.1f, \"articles\": %u}}\n",
          cold, median, worst, cold_built, built_median,
          px_comparison_get_n_articles (px_comparison_view_get_comparison (bench.view)));

  if (screenshot != NULL)
    {
      if (conflict)
        gtk_widget_activate_action (GTK_WIDGET (bench.view), "comparison.next-conflict", NULL);
      if (matrix)
        px_comparison_view_set_page (bench.view, "matrix");
      settle (6.0);
      save_png (bench.window, screenshot);
    }

  gtk_window_destroy (GTK_WINDOW (bench.window));
  if (dir != NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      g_clear_object (&store);
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (db, suffixes[i], NULL);

          g_unlink (file);
        }
      g_rmdir (dir);
    }
  return 0;
}
