/* px-application.c: the Parallax application: its actions, settings and windows
 *
 * One window per library: `parallax --db FILE` presents the window already
 * open on FILE or opens a new one; files named on the command line are
 * imported into it, and two to eight of them are compared at once, as
 * `meld a.txt b.txt` would (articles already in the library are found by
 * their text, not imported twice).
 *
 * PARALLAX_REPORT_FIRST_FRAME=1 prints "PARALLAX_FIRST_FRAME window T" at
 * the end of the window's first frame, T being g_get_monotonic_time ()
 * (CLOCK_MONOTONIC, µs), for benchmarks; the comparison view reports its
 * own first frame likewise (px-comparison-view.c). With the value "exit",
 * the application quits after that frame (the comparison's, when files
 * are compared), so a profiler sees start-up alone. Settings that affect
 * every window (style, text size) are applied here.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-application.h"
#include "px-comparison-view.h"
#include "px-preferences-window.h"
#include "px-store.h"
#include "px-window.h"

struct _PxApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GtkCssProvider *font_css;
};

G_DEFINE_FINAL_TYPE (PxApplication, px_application, ADW_TYPE_APPLICATION)

static void
apply_color_scheme (PxApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,      /* follow */
    ADW_COLOR_SCHEME_FORCE_LIGHT,  /* light */
    ADW_COLOR_SCHEME_FORCE_DARK,   /* dark */
  };
  guint scheme = (guint) g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (scheme, G_N_ELEMENTS (schemes) - 1)]);
}

static void
apply_font_size (PxApplication *self)
{
  g_autofree char *css = g_strdup_printf ("textview.article-text { font-size: %dpt; }",
                                          g_settings_get_int (self->settings, "font-size"));

  gtk_css_provider_load_from_data (self->font_css, css, -1);
}

static void
settings_changed_cb (PxApplication *self,
                     const char    *key)
{
  if (g_str_equal (key, "color-scheme"))
    apply_color_scheme (self);
  else if (g_str_equal (key, "font-size"))
    apply_font_size (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *const sample_credits[] = {
    "ECB+ corpus, Agata Cybulska and Piek Vossen, VU University Amsterdam, CC BY 3.0 https://creativecommons.org/licenses/by/3.0/",
    NULL
  };
  AdwAboutWindow *about;

  /* Built by hand rather than with adw_show_about_window () because the
   * credit for the sample articles needs its own section. */
  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  adw_about_window_set_application_name (about, _("Parallax"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, _("The Parallax authors"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about, _("Compare how news outlets reported the same event"));
  adw_about_window_set_website (about, "https://github.com/parallax/parallax");
  adw_about_window_set_issue_url (about, "https://github.com/parallax/parallax/issues");
  adw_about_window_set_copyright (about, "© 2026 The Parallax authors");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: put your names here, one a line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_acknowledgement_section (about, _("Sample Articles"), (const char **) sample_credits);
  adw_about_window_add_legal_section (about, _("Sample Articles"),
                                      "© Agata Cybulska, Piek Vossen, VU University Amsterdam",
                                      GTK_LICENSE_CUSTOM,
                                      _("The sample articles come from the ECB+ corpus. Its annotations are "
                                        "licensed under the <a href=\"https://creativecommons.org/licenses/by/3.0/\">"
                                        "Creative Commons Attribution 3.0 Unported</a> licence; "
                                        "its news texts are not copyrighted."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (px_preferences_window_new (gtk_application_get_active_window (app))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      icon_theme,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (icon_theme, "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* GTK starts reading the icon theme in a thread as soon as the theme is
 * asked for, but GtkApplication and libadwaita then add their resource
 * paths, which throws that reading away: the window's first icon would
 * read the theme again, on the main thread, in the middle of the first
 * frame (a sixth of its instructions). Read it again in a thread now,
 * while the window is built; GtkIconTheme locks itself for this. */
static void
read_icon_theme_in_thread (void)
{
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr (GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_object_ref (icon_theme), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
px_application_startup (GApplication *application)
{
  PxApplication *self = PX_APPLICATION (application);
  static const char *const quit_accels[] = { "<Primary>q", NULL };
  static const char *const preferences_accels[] = { "<Primary>comma", NULL };
  static const char *const shortcuts_accels[] = { "<Primary>question", NULL };

  G_APPLICATION_CLASS (px_application_parent_class)->startup (application);
  read_icon_theme_in_thread ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (settings_changed_cb), self);
  apply_color_scheme (self);

  self->font_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->font_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  apply_font_size (self);
}

static void
px_application_shutdown (GApplication *application)
{
  PxApplication *self = PX_APPLICATION (application);

  g_clear_object (&self->settings);
  g_clear_object (&self->font_css);
  G_APPLICATION_CLASS (px_application_parent_class)->shutdown (application);
}

static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, user_data);
  g_print ("PARALLAX_FIRST_FRAME window %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (GPOINTER_TO_INT (user_data))
    g_application_quit (g_application_get_default ());
}

static void
report_first_frame_cb (GtkWidget *window,
                       gpointer   exit_after)
{
  g_signal_handlers_disconnect_by_func (window, report_first_frame_cb, exit_after);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), exit_after);
}

static PxWindow *
window_for_library (PxApplication *self,
                    const char    *db_path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (PX_IS_WINDOW (l->data) && g_str_equal (px_window_get_db_path (l->data), db_path))
        return l->data;
    }
  return px_window_new (GTK_APPLICATION (self), db_path);
}

/* Activation without a command line (D-Bus, the desktop's launcher). */
static void
px_application_activate (GApplication *application)
{
  g_autofree char *db_path = px_store_default_path ();

  gtk_window_present (GTK_WINDOW (window_for_library (PX_APPLICATION (application), db_path)));
}

static int
px_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  PxApplication *self = PX_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *db_path = NULL;
  g_autofree const char **files = NULL;
  const char *db = NULL;
  PxWindow *window;
  guint n_files;

  /* Names are relative to the directory of the process that was started,
   * which may not be the primary instance. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      db_path = g_file_get_path (file);
    }
  if (db_path == NULL)
    db_path = px_store_default_path ();

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files))
    {
      for (guint i = 0; files[i] != NULL; i++)
        {
          g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                                   files[i]);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
    }

  window = window_for_library (self, db_path);
  n_files = paths->len;
  if (g_getenv ("PARALLAX_REPORT_FIRST_FRAME") != NULL)
    {
      gboolean compares = n_files >= 2 && n_files <= PX_COMPARISON_VIEW_MAX_ARTICLES;
      gboolean exit_after = !compares && g_str_equal (g_getenv ("PARALLAX_REPORT_FIRST_FRAME"), "exit");

      g_signal_connect (window, "realize", G_CALLBACK (report_first_frame_cb), GINT_TO_POINTER (exit_after));
    }
  g_ptr_array_add (paths, NULL);
  /* Asked for before the window shows, so its first frame is the comparison's page. */
  if (n_files >= 2 && n_files <= PX_COMPARISON_VIEW_MAX_ARTICLES)
    px_window_compare_files (window, (const char * const *) paths->pdata);
  else if (n_files > 0)
    px_window_import (window, (const char * const *) paths->pdata);
  gtk_window_present (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}

static void
px_application_class_init (PxApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = px_application_startup;
  app_class->shutdown = px_application_shutdown;
  app_class->activate = px_application_activate;
  app_class->command_line = px_application_command_line;
}

static void
px_application_init (PxApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      _("Open the library in FILE instead of the default one"), _("FILE") },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      _("Articles to import; two to eight are compared"), _("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Compare how news outlets reported the same event."));
}

/* Without a GPU (no DRM render node: a virtual machine, a container,
 * remote X) OpenGL is Mesa's software rasteriser: loading it costs GTK 4.8
 * half a second of processor time at start-up, and drawing this text-heavy
 * window through it is slower than with cairo (a 5-article comparison's
 * first frame: 368 ms against 73 ms). So GTK is told to leave OpenGL
 * alone then, unless the user chose a renderer. */
static void
prefer_cairo_without_gpu (void)
{
  g_autoptr (GDir) dri = NULL;
  const char *name;

  if (g_getenv ("GSK_RENDERER") != NULL || g_getenv ("GDK_DEBUG") != NULL)
    return;
  dri = g_dir_open ("/dev/dri", 0, NULL);
  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return;
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
}

PxApplication *
px_application_new (void)
{
  /* Before GTK opens the display, which is when it loads OpenGL. */
  prefer_cairo_without_gpu ();
  return g_object_new (PX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/parallax/Parallax",
                       NULL);
}
