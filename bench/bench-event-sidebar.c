/* bench-event-sidebar.c: the events sidebar on a large library, from showing it to its rows
 *
 * Usage: bench-event-sidebar LIBRARY.sqlite3 [RUNS]
 *
 * The window opens on the article list; the events sidebar reads its
 * events when it is first shown. This shows a PxEventSidebar alone in a
 * window RUNS times (a new one each time, on an open library) and measures
 * from asking for it to the end of the first frame painted with its rows
 * (the frame clock's after-paint), then opens the event with the most
 * articles and measures to the frame that shows them. It prints medians
 * of wall and CPU time (the machine may be shared: CPU time is the steadier
 * figure), the resident memory at the end, and a BENCH_JSON line. Opening the
 * library may migrate it: give it a copy. Run it under `xvfb-run -a`.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "px-event-item.h"
#include "px-event-sidebar.h"

static gint64 painted;

/* CPU time of the whole process so far, in µs. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  painted = g_get_monotonic_time ();
}

/* Runs the main loop until a frame has been painted after now. */
static double
wait_for_paint (GdkFrameClock *clock,
                gint64         since)
{
  painted = 0;
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  return (painted - since) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return strtol (line + 6, NULL, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GArray) shows = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) show_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  guint n_events = 0, n_articles = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: bench-event-sidebar LIBRARY.sqlite3 [RUNS]\n");
      return 2;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      printf ("bench-event-sidebar: no library %s\n", argv[1]);
      return 0;
    }
  gtk_init ();
  adw_init ();
  store = px_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-event-sidebar: %s\n", error->message);
      return 1;
    }

  for (guint run = 0; run < MAX (runs, 1); run++)
    {
      GtkWidget *window = gtk_window_new ();
      PxEventSidebar *sidebar = PX_EVENT_SIDEBAR (px_event_sidebar_new ());
      GListModel *events = px_event_sidebar_get_events (sidebar);
      g_autoptr (GtkTreeListRow) row = NULL;
      GdkFrameClock *clock;
      gint64 start, cpu;
      double ms;
      guint biggest = 0;

      gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (sidebar));
      gtk_widget_realize (window);
      clock = gtk_widget_get_frame_clock (window);
      g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

      start = g_get_monotonic_time ();
      cpu = cpu_now ();
      px_event_sidebar_set_store (sidebar, store);
      gtk_window_present (GTK_WINDOW (window));
      ms = wait_for_paint (clock, start);
      while (g_list_model_get_n_items (events) == 0)
        ms = wait_for_paint (clock, start);
      g_array_append_val (shows, ms);
      ms = (cpu_now () - cpu) / 1000.0;
      g_array_append_val (show_cpu, ms);

      n_events = g_list_model_get_n_items (events);
      for (guint i = 0; i < n_events; i++)
        {
          g_autoptr (PxEventItem) item = g_list_model_get_item (events, i);

          if (px_event_item_get_n_articles (item) > n_articles || i == 0)
            {
              n_articles = px_event_item_get_n_articles (item);
              biggest = i;
            }
        }
      /* Rows above it stay closed: its row is at its own index. */
      row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (px_event_sidebar_get_rows (sidebar)), biggest);
      start = g_get_monotonic_time ();
      cpu = cpu_now ();
      gtk_tree_list_row_set_expanded (row, TRUE);
      ms = wait_for_paint (clock, start);
      g_array_append_val (opens, ms);
      ms = (cpu_now () - cpu) / 1000.0;
      g_array_append_val (open_cpu, ms);

      g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  printf ("events sidebar, %s: %u events; median of %u runs\n", argv[1], n_events, runs);
  printf ("  shown to its first frame with rows:        %8.1f ms   CPU %8.1f ms\n",
          median (shows), median (show_cpu));
  printf ("  its event of %u articles opened to its frame: %8.1f ms   CPU %8.1f ms\n",
          n_articles, median (opens), median (open_cpu));
  printf ("  resident memory at the end:                %8.1f MB\n", resident_kb () / 1024.0);
  printf ("BENCH_JSON {\"name\": \"event-sidebar\", \"figures\": ["
          "{\"what\": \"events sidebar shown to first frame with rows\", \"value\": %.1f, \"unit\": \"ms\", "
          "\"cpu_ms\": %.1f}, "
          "{\"what\": \"largest event opened to its frame\", \"value\": %.1f, \"unit\": \"ms\", "
          "\"cpu_ms\": %.1f, \"articles\": %u}]}\n",
          median (shows), median (show_cpu), median (opens), median (open_cpu), n_articles);
  return 0;
}
