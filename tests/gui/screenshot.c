/* screenshot.c: parallax-screenshot, PNGs of the real window for the docs
 *
 * Runs the real application on a library at a given size and style,
 * optionally selects an article or searches, lets it draw, and renders the
 * window to a PNG with its own renderer, so screenshots are repeatable.
 *
 *   parallax-screenshot --db FILE [--width N] [--height N] [--dark] [--show-removed]
 *                       [--select N] [--search TEXT] [--action NAME]
 *                       [--localedir DIR] OUT.png [FILE…]
 *
 * --action activates a window or application action ("win.load-sample",
 * "app.preferences") last; a window it opens is what is saved. FILEs are
 * imported first, as `parallax FILE…` does. --localedir reads the
 * translations from a build directory (_build/po) instead of the installed
 * ones; pick the language with LANGUAGE=de.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-application.h"
#include "px-window-private.h"

typedef struct
{
  GApplication *app;
  PxWindow *window;
  const char *out;
  const char *search;
  const char *action;
  int select;
  int status;
} Shot;

static gboolean
save_png (GtkWidget  *window,
          const char *path)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

/* The window an action opened, else the main window. */
static GtkWidget *
newest_window (Shot *shot)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *newest = GTK_WIDGET (shot->window);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (shot->window) && gtk_widget_get_visible (window))
        newest = window;
    }
  return newest;
}

static gboolean
take_cb (gpointer data)
{
  Shot *shot = data;

  if (!save_png (newest_window (shot), shot->out))
    {
      g_printerr ("Could not write %s\n", shot->out);
      shot->status = 1;
    }
  g_application_quit (shot->app);
  return G_SOURCE_REMOVE;
}

static gboolean
arrange_cb (gpointer data)
{
  Shot *shot = data;

  if (px_window_get_importing (shot->window))
    return G_SOURCE_CONTINUE;
  if (shot->search != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (shot->window->search_entry), shot->search);
      g_signal_emit_by_name (shot->window->search_entry, "search-changed");
    }
  if (shot->select >= 0)
    gtk_single_selection_set_selected (shot->search != NULL ? shot->window->search_selection
                                                            : shot->window->article_selection,
                                       shot->select);
  if (shot->action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (shot->window), shot->action, NULL);
  g_timeout_add (3000, take_cb, shot);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Shot           *shot)
{
  if (!PX_IS_WINDOW (window) || shot->window != NULL)
    return;
  shot->window = PX_WINDOW (window);
  g_timeout_add (700, arrange_cb, shot);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *search = NULL;
  g_autofree char *action = NULL;
  g_autofree char *localedir = NULL;
  int width = 1000, height = 680, select = -1;
  gboolean dark = FALSE;
  gboolean show_removed = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("OUT.png");
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The library", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "N" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "N" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "show-removed", 0, 0, G_OPTION_ARG_NONE, &show_removed, "Show removed boilerplate", NULL },
    { "select", 0, 0, G_OPTION_ARG_INT, &select, "Select the article at this position", "N" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, "Search for this", "TEXT" },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, "Activate this action", "NAME" },
    { "localedir", 0, 0, G_OPTION_ARG_FILENAME, &localedir, "Where the translations are", "DIR" },
    { NULL }
  };
  g_autoptr (PxApplication) app = NULL;
  g_autoptr (GSettings) settings = NULL;
  Shot shot = { 0 };
  g_autoptr (GStrvBuilder) app_args = g_strv_builder_new ();
  g_auto (GStrv) app_argv = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || argc < 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: parallax-screenshot --db FILE OUT.png");
      return 2;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Run with GSETTINGS_BACKEND=memory: these settings are the window's. */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_string (settings, "color-scheme", dark ? "dark" : "light");
  g_settings_set_boolean (settings, "show-removed", show_removed);

  app = px_application_new ();
  /* Never hand the work to a running Parallax. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  shot.app = G_APPLICATION (app);
  shot.out = argv[1];
  shot.search = search;
  shot.select = select;
  shot.action = action;
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &shot);
  g_strv_builder_add_many (app_args, argv[0], "--db", db, NULL);
  for (int i = 2; i < argc; i++)
    g_strv_builder_add (app_args, argv[i]);
  app_argv = g_strv_builder_end (app_args);
  g_application_run (G_APPLICATION (app), g_strv_length (app_argv), app_argv);
  return shot.window != NULL ? shot.status : 1;
}
