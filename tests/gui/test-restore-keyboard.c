/* test-restore-keyboard.c: restoring removed text without a mouse, under Xvfb
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "px-gui-test.h"
#include "px-restore-popover.h"
#include "px-span.h"
#include "px-window-private.h"

/* A Fox News sample whose cleaning removes the article's first sentence
 * with its date line, as a byline: the span a reader wants back. */
#define SAMPLE "2-foxnews-2_3ecbplus.txt"
#define LOST_SENTENCE "Ellen DeGeneres will host the Oscars for a second time next year"

typedef struct
{
  char *dir;
  char *db_path;
  PxWindow *window;
  GtkTextView *text_view;
  gint64 id;
} Fixture;

static gboolean
import_finished (gpointer data)
{
  return !px_window_get_importing (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = px_gui_test_sample_files (SAMPLE);
  g_autoptr (PxArticle) article = NULL;

  fixture->dir = g_dir_make_tmp ("parallax-restore-keyboard-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "library.sqlite3", NULL);
  fixture->window = g_object_ref_sink (px_window_new (NULL, fixture->db_path));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  px_window_import (fixture->window, (const char * const *) paths->pdata);
  g_assert_true (px_gui_test_wait_for (import_finished, fixture->window, 60));
  fixture->id = 1;
  article = px_store_get_article (fixture->window->store, fixture->id, &error);
  g_assert_no_error (error);
  px_article_view_set_article (_px_window_ensure_article_view (fixture->window), article);
  gtk_stack_set_visible_child_name (fixture->window->content_stack, "article");
  fixture->text_view = GTK_TEXT_VIEW (px_gui_test_find_widget (GTK_WIDGET (fixture->window->article_view),
                                                   GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (fixture->text_view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static char *
selected_text (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_iter_get_slice (&start, &end);
}

static char *
stored_clean_text (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) stored = px_store_get_article (fixture->window->store, fixture->id, &error);

  g_assert_no_error (error);
  return g_strdup (px_article_get_clean_text (stored));
}

/* The article view binds @accelerator to @action (its shortcut controller
 * holds what gtk_widget_class_add_binding_action () added). */
static gboolean
has_binding (GtkWidget  *widget,
             const char *accelerator,
             const char *action)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autofree char *wanted = g_strdup_printf ("action(%s)", action);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *shortcut_trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (shortcut_trigger);
          g_autofree char *named = gtk_shortcut_action_to_string (shortcut_action);

          if (g_str_equal (trigger, accelerator) && g_str_equal (named, wanted))
            return TRUE;
        }
    }
  return FALSE;
}

/* The shortcuts window lists @accelerator. */
static gboolean
listed_in_shortcuts_window (const char *accelerator)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/parallax/Parallax/ui/px-shortcuts-window.ui");
  g_autoptr (GSList) objects = gtk_builder_get_objects (builder);
  gboolean found = FALSE;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *listed = NULL;

        g_object_get (l->data, "accelerator", &listed, NULL);
        found |= g_strcmp0 (listed, accelerator) == 0;
      }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
  return found;
}

/* With removed text shown, Alt+Page Down walks the removed spans (each
 * selected and offered with its reason), Ctrl+R restores the one at the
 * caret, in the library too, and Ctrl+R again removes it again; the caret
 * stays on the span throughout. */
static void
test_restore_with_keyboard (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->window->article_view);
  GtkWidget *popover = px_gui_test_find_widget (view, PX_TYPE_RESTORE_POPOVER);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *before = stored_clean_text (fixture);
  g_autofree char *unchanged = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *removed_again = NULL;
  GtkLabel *reason;
  gboolean found = FALSE;
  int caret;

  g_assert_true (has_binding (view, "<Alt>Page_Down", "article.next-removed"));
  g_assert_true (has_binding (view, "<Alt>Page_Up", "article.previous-removed"));
  g_assert_true (has_binding (view, "<Control>r", "article.restore-at-cursor"));
  g_assert_true (listed_in_shortcuts_window ("<Alt>Page_Down"));
  g_assert_true (listed_in_shortcuts_window ("<Alt>Page_Up"));
  g_assert_true (listed_in_shortcuts_window ("<Primary>r"));
  g_assert_null (strstr (before, LOST_SENTENCE));

  /* Without removed text shown there is nothing to walk or restore. */
  gtk_widget_activate_action (view, "article.restore-at-cursor", NULL);
  unchanged = stored_clean_text (fixture);
  g_assert_cmpstr (unchanged, ==, before);
  g_assert_false (gtk_text_view_get_cursor_visible (fixture->text_view));
  px_article_view_set_show_removed (fixture->window->article_view, TRUE);
  g_assert_true (gtk_text_view_get_cursor_visible (fixture->text_view));

  buffer = gtk_text_view_get_buffer (fixture->text_view);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  for (guint i = 0; i < 100 && !found; i++)
    {
      g_autofree char *selected = NULL;

      g_assert_true (gtk_widget_activate_action (view, "article.next-removed", NULL));
      selected = selected_text (fixture);
      g_assert_cmpstr (selected, !=, "");
      found = strstr (selected, LOST_SENTENCE) != NULL;
    }
  g_assert_true (found);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->text_view)));
  /* The popover offers it with its reason, the tooltip's words. */
  g_assert_true (gtk_widget_get_visible (popover));
  reason = GTK_LABEL (px_gui_test_find_widget (popover, GTK_TYPE_LABEL));
  g_assert_cmpstr (gtk_label_get_label (reason), ==, "Removed: byline");

  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  caret = gtk_text_iter_get_offset (&start);
  g_assert_true (gtk_widget_activate_action (view, "article.restore-at-cursor", NULL));
  restored = stored_clean_text (fixture);
  g_assert_nonnull (strstr (restored, LOST_SENTENCE));
  g_assert_nonnull (strstr (px_article_get_clean_text (px_article_view_get_article (
                                fixture->window->article_view)),
                            LOST_SENTENCE));

  /* The view shows the article again and the caret is where it was. */
  buffer = gtk_text_view_get_buffer (fixture->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, caret);

  g_assert_true (gtk_widget_activate_action (view, "article.restore-at-cursor", NULL));
  removed_again = stored_clean_text (fixture);
  g_assert_cmpstr (removed_again, ==, before);

  /* Alt+Page Up selects a span before it. */
  g_assert_true (gtk_widget_activate_action (view, "article.previous-removed", NULL));
  buffer = gtk_text_view_get_buffer (fixture->text_view);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), <=, caret);
  g_assert_cmpint (gtk_text_iter_get_offset (&start), <, gtk_text_iter_get_offset (&end));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/px/restore-keyboard/restore", Fixture, NULL, fixture_set_up,
              test_restore_with_keyboard, fixture_tear_down);
  return g_test_run ();
}
