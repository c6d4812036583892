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
 * Then it scrolls every column of that comparison smoothly, a few pixels
 * each frame, down to the end and back (--scroll-frames N frames at most,
 * 0 for none), and prints from the GdkFrameClock, per frame: the interval
 * since the previous frame began (the clock paces frames at the display's
 * rate, 60 Hz under Xvfb, so ~16.7 ms is an on-time frame and longer ones
 * were late) and the frame's own work, from the start of its update phase
 * to the end of its paint. Goal: no frame over 16 ms.
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

  /* scrolling */
  GPtrArray *adjustments; /* GtkAdjustment of each scrolled text */
  gboolean scrolling;
  int scroll_step;      /* pixels a frame; negative going back up */
  guint frames_left;
  gint64 frame_start;   /* this frame's update phase began */
  gint64 last_start;    /* the previous frame's */
  GArray *intervals;    /* double ms */
  GArray *works;        /* double ms */
} Bench;

static gboolean
wake_cb (gpointer user_data)
{
  *(guint *) user_data = 0;
  return G_SOURCE_REMOVE;
}

static void
iterate_until (gboolean *flag,
               double    seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  /* An idle window sends nothing: wake the loop at the deadline. */
  guint wake = g_timeout_add ((guint) (seconds * 1000), wake_cb, &wake);

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&wake, g_source_remove);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  GtkWidget *column = px_comparison_view_get_column (bench->view, 0);
  gint64 now = g_get_monotonic_time ();

  if (bench->loaded && bench->painted == 0 && column != NULL && gtk_widget_get_mapped (column))
    bench->painted = now;
  if (bench->scrolling && bench->frame_start != 0)
    {
      double work = (now - bench->frame_start) / 1000.0;

      g_array_append_val (bench->works, work);
      if (bench->last_start != 0)
        {
          double interval = (bench->frame_start - bench->last_start) / 1000.0;

          g_array_append_val (bench->intervals, interval);
        }
      bench->last_start = bench->frame_start;
      bench->frame_start = 0;
    }
}

static void
update_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  if (bench->scrolling)
    bench->frame_start = g_get_monotonic_time ();
}

/* Each frame: every column a step further, down to the end, then back. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Bench *bench = user_data;
  gboolean moved = FALSE;

  if (bench->frames_left == 0)
    {
      bench->scrolling = FALSE;
      return G_SOURCE_REMOVE;
    }
  bench->frames_left--;
  for (guint i = 0; i < bench->adjustments->len; i++)
    {
      GtkAdjustment *adjustment = bench->adjustments->pdata[i];
      double value = gtk_adjustment_get_value (adjustment);
      double top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, CLAMP (value + bench->scroll_step, 0, top));
      moved |= gtk_adjustment_get_value (adjustment) != value;
    }
  if (!moved && bench->scroll_step > 0)
    bench->scroll_step = -bench->scroll_step;
  else if (!moved)
    bench->frames_left = 0;
  return G_SOURCE_CONTINUE;
}

static double
percentile (GArray *sorted,
            double  p)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, double, MIN (sorted->len - 1, (guint) (p * sorted->len)));
}

static int compare_doubles (gconstpointer a, gconstpointer b);

/* Scrolls the texts of @bench->adjustments in @bench->window for up to
 * @frames frames; FALSE when nothing scrolled. */
static gboolean
scroll_columns (Bench *bench,
                guint  frames,
                double *interval_p95,
                double *interval_max,
                double *work_p95,
                double *work_max,
                guint  *over_16ms,
                guint  *late)
{
  bench->intervals = g_array_new (FALSE, FALSE, sizeof (double));
  bench->works = g_array_new (FALSE, FALSE, sizeof (double));
  bench->scroll_step = 12;
  bench->frames_left = frames;
  bench->scrolling = TRUE;
  bench->frame_start = bench->last_start = 0;
  gtk_widget_add_tick_callback (bench->window, scroll_tick_cb, bench, NULL);
  while (bench->scrolling)
    g_main_context_iteration (NULL, TRUE);
  /* The first interval spans the start of the ticks. */
  if (bench->intervals->len > 0)
    g_array_remove_index (bench->intervals, 0);
  g_array_sort (bench->intervals, compare_doubles);
  g_array_sort (bench->works, compare_doubles);
  *interval_p95 = percentile (bench->intervals, 0.95);
  *interval_max = percentile (bench->intervals, 1.0);
  *work_p95 = percentile (bench->works, 0.95);
  *work_max = percentile (bench->works, 1.0);
  *over_16ms = *late = 0;
  for (guint i = 0; i < bench->works->len; i++)
    *over_16ms += g_array_index (bench->works, double, i) > 16.0;
  /* Later than half a frame past its turn. */
  for (guint i = 0; i < bench->intervals->len; i++)
    *late += g_array_index (bench->intervals, double, i) > 1.5 * 1000.0 / 60;
  return bench->works->len > 0;
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
  guint wake;

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
  /* Wakes the loop at the deadline should nothing else happen. */
  wake = g_timeout_add_seconds (30, wake_cb, &wake);
  while (!painted && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      painted = bench->painted != 0;
    }
  g_clear_handle_id (&wake, g_source_remove);
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

static void settle (double seconds);

/* The floor: the same texts in as many plain GtkTextViews side by side, in
 * a window of the same size, scrolled the same way. */
static void
scroll_plain (Bench  *bench,
              guint   frames,
              int     width,
              int     height,
              double *work_p95,
              double *work_max)
{
  PxComparison *comparison = px_comparison_view_get_comparison (bench->view);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 1);
  Bench plain = { .window = window, .view = bench->view };
  double interval_p95, interval_max;
  guint over, late;

  plain.adjustments = g_ptr_array_new ();
  for (guint a = 0; a < px_comparison_get_n_articles (comparison); a++)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *text = gtk_text_view_new ();

      g_object_set (text, "editable", FALSE, "cursor-visible", FALSE, "wrap-mode", GTK_WRAP_WORD_CHAR,
                    "pixels-inside-wrap", 3, "pixels-below-lines", 2, "top-margin", 12,
                    "left-margin", 40, "right-margin", 12, NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                                px_comparison_get_article (comparison, a)->text, -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_widget_set_hexpand (scrolled, TRUE);
      gtk_widget_set_size_request (scrolled, 300, -1);
      gtk_box_append (GTK_BOX (row), scrolled);
      g_ptr_array_add (plain.adjustments, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
    }
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  settle (1.0);
  g_signal_connect (gtk_widget_get_frame_clock (window), "update", G_CALLBACK (update_cb), &plain);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), &plain);
  if (scroll_columns (&plain, frames, &interval_p95, &interval_max, work_p95, work_max, &over, &late))
    printf ("  floor, %u plain GtkTextViews of the same texts scrolled alike, %u frames: work per frame "
            "p95 %.1f ms, max %.1f ms; interval p95 %.1f ms\n", plain.adjustments->len, plain.works->len,
            *work_p95, *work_max, interval_p95);
  g_clear_pointer (&plain.intervals, g_array_unref);
  g_clear_pointer (&plain.works, g_array_unref);
  g_clear_pointer (&plain.adjustments, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (window));
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
  int runs = 20, width = 1400, height = 900, scroll_frames = 600;
  double interval_p95 = 0, interval_max = 0, work_p95 = 0, work_max = 0, plain_p95 = 0, plain_max = 0;
  guint over_16ms = 0, late = 0, n_frames = 0;
  gboolean dark = FALSE, matrix = FALSE, conflict = FALSE, in_window = FALSE;
  GdkFrameClock *clock;
  Bench bench = { 0 };
  g_autoptr (GArray) built_times = g_array_new (FALSE, FALSE, sizeof (double));
  double cold, cold_built, median, worst, built_median;
  gint64 event_id = 0;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "openings with the analysis cached (20)", "N" },
    { "scroll-frames", 0, 0, G_OPTION_ARG_INT, &scroll_frames, "frames of scrolling at most (600; 0: none)", "N" },
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
  /* The application's own icons, as GtkApplication finds them for Parallax. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/parallax/Parallax/icons");
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
      bench.view = _px_window_ensure_comparison_view (window);
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
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &bench);

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
  if (scroll_frames > 0)
    {
      GtkWidget *column;

      bench.adjustments = g_ptr_array_new ();
      for (guint i = 0; (column = px_comparison_view_get_column (bench.view, i)) != NULL; i++)
        g_ptr_array_add (bench.adjustments,
                         px_comparison_column_get_vadjustment (PX_COMPARISON_COLUMN (column)));
      settle (0.5);
      if (scroll_columns (&bench, scroll_frames, &interval_p95, &interval_max, &work_p95, &work_max,
                          &over_16ms, &late))
        {
          n_frames = bench.works->len;
          printf ("scrolling the %u columns, %u frames: frame interval p95 %.1f ms, max %.1f ms "
                  "(%u frames late by half a frame or more)\n",
                  px_comparison_get_n_articles (px_comparison_view_get_comparison (bench.view)),
                  n_frames, interval_p95, interval_max, late);
          printf ("  work per frame (update to end of paint): p95 %.1f ms, max %.1f ms; "
                  "%u frames over 16 ms (goal 0)\n", work_p95, work_max, over_16ms);
        }
      g_clear_pointer (&bench.intervals, g_array_unref);
      g_clear_pointer (&bench.works, g_array_unref);
      g_clear_pointer (&bench.adjustments, g_ptr_array_unref);
      scroll_plain (&bench, scroll_frames, width, height, &plain_p95, &plain_max);
    }
  printf ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench.window))));
  printf ("BENCH_JSON {\"name\": \"comparison-view\", \"figures\": {\"open_cold_ms\": %.1f, "
          "\"open_cached_median_ms\": %.1f, \"open_cached_worst_ms\": %.1f, "
          "\"built_cold_ms\": %.1f, \"built_cached_median_ms\": %.1f, \"articles\": %u, "
          "\"scroll_frames\": %u, \"scroll_interval_p95_ms\": %.1f, \"scroll_interval_max_ms\": %.1f, "
          "\"scroll_late_frames\": %u, \"scroll_work_p95_ms\": %.1f, \"scroll_work_max_ms\": %.1f, "
          "\"scroll_frames_over_16ms\": %u, \"scroll_plain_work_p95_ms\": %.1f, "
          "\"scroll_plain_work_max_ms\": %.1f}}\n",
          cold, median, worst, cold_built, built_median,
          px_comparison_get_n_articles (px_comparison_view_get_comparison (bench.view)),
          n_frames, interval_p95, interval_max, late, work_p95, work_max, over_16ms, plain_p95, plain_max);

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
