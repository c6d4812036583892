/* test-window.c: the main window on a temporary library, under Xvfb
 *
 * Imports real articles (the bundled ECB+ sample) through the window as a
 * user would, waits for the thread to finish by running the main loop, and
 * looks for the articles in the list model and on screen.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "px-article-item.h"
#include "px-article-row.h"
#include "px-data.h"
#include "library-fixture.h"
#include "px-gui-test.h"
#include "px-window-private.h"

typedef struct
{
  char *dir;
  char *db_path;
  PxWindow *window;
  GPtrArray *samples;  /* two sample article files */
  GPtrArray *titles;   /* their first lines */
  guint expected_articles;
} Fixture;

static gboolean
import_finished (gpointer data)
{
  Fixture *fixture = data;

  return !px_window_get_importing (fixture->window);
}

static gboolean
shows_expected_articles (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (px_window_get_articles (fixture->window)) == fixture->expected_articles;
}

static void
import_and_wait (Fixture           *fixture,
                 const char *const *paths)
{
  px_window_import (fixture->window, paths);
  g_assert_true (px_window_get_importing (fixture->window));
  g_assert_true (px_gui_test_wait_for (import_finished, fixture, 60));
}

static char *
first_line (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_strstrip (g_strndup (contents, strcspn (contents, "\n")));
}

/* The first two sample articles, by name. */
static GPtrArray *
sample_files (void)
{
  GPtrArray *paths = px_gui_test_sample_files ("");

  g_assert_cmpuint (paths->len, >=, 3);
  g_ptr_array_set_size (paths, 2);
  g_ptr_array_add (paths, NULL);
  return paths;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->samples = sample_files ();
  fixture->titles = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (fixture->titles, first_line (g_ptr_array_index (fixture->samples, i)));

  fixture->dir = g_dir_make_tmp ("parallax-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "library.sqlite3", NULL);
  fixture->window = g_object_ref_sink (px_window_new (NULL, fixture->db_path));
  /* @data: the window's width, when not the usual 900 pixels. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window),
                               data != NULL ? GPOINTER_TO_INT (data) : 900, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  library_fixture_remove (fixture->dir, fixture->db_path);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_ptr_array_unref (fixture->samples);
  g_ptr_array_unref (fixture->titles);
}

/* Collects the text of every label under @widget. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static gboolean
titles_on_screen (gpointer data)
{
  Fixture *fixture = data;

  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  guint found = 0;

  collect_labels (GTK_WIDGET (fixture->window->article_list), labels);
  for (guint i = 0; i < fixture->titles->len; i++)
    found += g_ptr_array_find_with_equal_func (labels, g_ptr_array_index (fixture->titles, i),
                                               g_str_equal, NULL);
  return found == fixture->titles->len;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *articles = px_window_get_articles (fixture->window);
  g_autoptr (GPtrArray) listed = g_ptr_array_new ();

  /* An empty library offers the sample. */
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "empty");

  import_and_wait (fixture, (const char *const *) fixture->samples->pdata);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "library");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (PxArticleItem) item = g_list_model_get_item (articles, i);

      g_assert_nonnull (item);
      g_ptr_array_add (listed, (gpointer) px_article_item_get_title (item));
    }
  for (guint i = 0; i < 2; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (listed, g_ptr_array_index (fixture->titles, i),
                                                     g_str_equal, NULL));
  /* The toast's undo needs the ids of what was stored. */
  g_assert_cmpuint (fixture->window->last_imported->len, ==, 2);

  g_assert_true (px_gui_test_wait_for (titles_on_screen, fixture, 60));
}

static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *articles = px_window_get_articles (fixture->window);

  import_and_wait (fixture, (const char *const *) fixture->samples->pdata);
  import_and_wait (fixture, (const char *const *) fixture->samples->pdata);

  /* Nothing is stored twice, and nothing is left to undo. */
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);
  g_assert_cmpuint (fixture->window->last_imported->len, ==, 0);
  g_assert_null (fixture->window->import_details);
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (PxArticleItem) item = NULL;
  PxArticle *shown;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *clean;

  import_and_wait (fixture, (const char *const *) fixture->samples->pdata);
  /* The article view is built when the first article is shown, not with
   * the window, whose first frame does not show it. */
  g_assert_null (fixture->window->article_view);
  g_assert_null (gtk_stack_get_child_by_name (fixture->window->content_stack, "article"));
  gtk_single_selection_set_selected (fixture->window->article_selection, 1);
  g_assert_true (gtk_stack_get_child_by_name (fixture->window->content_stack, "article")
                 == GTK_WIDGET (fixture->window->article_view));

  item = g_list_model_get_item (px_window_get_articles (fixture->window), 1);
  shown = px_article_view_get_article (fixture->window->article_view);
  g_assert_nonnull (shown);
  g_assert_cmpint (px_article_get_id (shown), ==, px_article_item_get_id (item));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "article");

  buffer = gtk_text_view_get_buffer (find_text_view (GTK_WIDGET (fixture->window->article_view)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The header names the article; the cleaned text follows it, whole. */
  g_assert_true (g_str_has_prefix (text, px_article_get_outlet (shown)));
  g_assert_nonnull (strstr (text, px_article_get_title (shown)));
  clean = px_article_get_clean_text (shown);
  g_assert_cmpuint (strlen (clean), >, 200);
  g_assert_true (g_str_has_suffix (text, strrchr (clean, '\n') + 1));
  g_assert_nonnull (strstr (text, strchr (clean, '\n') + 1));
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *articles = px_window_get_articles (fixture->window);

  import_and_wait (fixture, (const char *const *) fixture->samples->pdata);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);

  /* The toast's Undo removes what the import stored, and the empty
   * library offers the sample again. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-import", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "empty");
}

/* An import with a warning offers its details in the toast, and Undo in them. */
static void
test_undo_after_warning (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *articles = px_window_get_articles (fixture->window);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("parallax-gui-XXXXXX", &error);
  g_autofree char *dated = g_build_filename (dir, "dated.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *with_date = NULL;
  const char *files[] = { dated, NULL };
  AdwMessageDialog *dialog;
  char *body;

  /* A real sample article whose date line names a day February lacks. */
  g_assert_true (g_file_get_contents (g_ptr_array_index (fixture->samples, 0), &text, NULL, &error));
  body = strchr (text, '\n');
  g_assert_nonnull (body);
  *body++ = '\0';
  with_date = g_strdup_printf ("%s\nPublished: 2025-02-30\n%s", text, body);
  g_assert_true (g_file_set_contents (dated, with_date, -1, &error));
  import_and_wait (fixture, files);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-import-details", NULL));
  dialog = ADW_MESSAGE_DIALOG (px_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Imported with Warnings");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2025-02-30"));
  g_assert_true (adw_message_dialog_has_response (dialog, "undo"));
  /* What its button does, less the closing. */
  adw_message_dialog_response (dialog, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_remove (dated);
  g_rmdir (dir);
}

static guint
count_sample_files (void)
{
  g_autofree char *sample = px_data_find ("sample");
  g_autoptr (GDir) dir = g_dir_open (sample, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".txt");
  return n;
}

static void
test_load_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *articles = px_window_get_articles (fixture->window);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-sample", NULL);
  g_assert_true (px_window_get_importing (fixture->window));
  g_assert_true (px_gui_test_wait_for (import_finished, fixture, 60));

  /* Every sample file is one article. */
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, count_sample_files ());
  g_assert_null (fixture->window->import_details);
}

static gboolean
leaflet_folded (gpointer data)
{
  Fixture *fixture = data;

  return adw_leaflet_get_folded (fixture->window->leaflet);
}

/* At 360 pixels the sidebar and the article take turns. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  import_and_wait (fixture, (const char *const *) fixture->samples->pdata);
  g_assert_true (px_gui_test_wait_for (leaflet_folded, fixture, 60));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), ==, "sidebar");

  gtk_single_selection_set_selected (fixture->window->article_selection, 0);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), ==, "content");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-library", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), ==, "sidebar");

  /* A comparison fits too: its toolbar gives up the switcher's side labels. */
  {
    GListModel *articles = px_window_get_articles (fixture->window);
    g_autoptr (PxArticleItem) a = g_list_model_get_item (articles, 0);
    g_autoptr (PxArticleItem) b = g_list_model_get_item (articles, 1);
    gint64 ids[] = { px_article_item_get_id (a), px_article_item_get_id (b) };
    int minimum;

    px_window_show_comparison (fixture->window, ids, G_N_ELEMENTS (ids));
    g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, fixture->window->comparison_view, 60));
    px_gui_test_settle (200);
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), ==, "content");
    gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window)),
                        GTK_ORIENTATION_HORIZONTAL, -1,
                        &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }
}

/* The shortcuts window is not built with the window (it was a twentieth of
 * start-up); win.show-help-overlay builds it when asked. Presenting it is
 * left out: GTK 4.8's GtkShortcutsWindow warns about a keycap label's
 * negative width, which these tests make fatal. */
static void
test_shortcuts_lazy (Fixture       *fixture,
                     gconstpointer  data)
{
  gboolean installed = FALSE;
  const GVariantType *parameter;
  const char *name, *property;
  GType owner;

  g_assert_null (px_gui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, FALSE));
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (fixture->window), i, &owner, &name,
                                                   &parameter, &property); i++)
    installed |= g_str_equal (name, "win.show-help-overlay");
  g_assert_true (installed);
}

/* Every article the window's list shows is one @outlet published from
 * @since to @until (NULL: any); returns how many it shows. */
static guint
assert_articles_kept (Fixture    *fixture,
                      const char *outlet,
                      const char *since,
                      const char *until)
{
  GListModel *articles = px_window_get_articles (fixture->window);
  guint n = g_list_model_get_n_items (articles);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PxArticleItem) item = g_list_model_get_item (articles, i);

      if (outlet != NULL)
        g_assert_cmpstr (px_article_item_get_outlet (item), ==, outlet);
      if (since != NULL)
        g_assert_cmpstr (px_article_item_get_published (item), >=, since);
      if (until != NULL)
        g_assert_cmpstr (px_article_item_get_published (item), <=, until);
    }
  return n;
}

/* The filter beside the search field: an outlet, a range of days; the
 * list, the search results and the title's count follow it. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) samples = px_gui_test_sample_files ("");
  GtkWidget *button = GTK_WIDGET (fixture->window->filter_button);
  GtkPopover *popover;
  GtkDropDown *outlet;
  GtkEditable *since, *until;
  GListModel *names;
  guint variety = GTK_INVALID_LIST_POSITION;

  g_ptr_array_add (samples, NULL);
  import_and_wait (fixture, (const char *const *) samples->pdata);
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_articles (fixture->window)), ==, 20);
  popover = px_filter_button_get_popover (fixture->window->filter_button);
  outlet = GTK_DROP_DOWN (px_gui_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_DROP_DOWN));
  names = gtk_drop_down_get_model (outlet);
  /* "All Outlets", then the library's outlets. */
  g_assert_cmpuint (g_list_model_get_n_items (names), >, 10);
  for (guint i = 1; i < g_list_model_get_n_items (names); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "variety.com"))
        variety = i;
    }
  g_assert_cmpuint (variety, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (outlet, variety);
  g_assert_cmpuint (assert_articles_kept (fixture, "variety.com", NULL, NULL), ==, 1);
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->library_title), ==, "1 of 20 articles");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (button), "accent"));
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), "Oscars");
  g_signal_emit_by_name (fixture->window->search_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->search_results)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), "");
  g_signal_emit_by_name (fixture->window->search_entry, "search-changed");

  /* Days, both included; a day that is not one is marked and left out. */
  since = GTK_EDITABLE (px_gui_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_ENTRY));
  until = GTK_EDITABLE (gtk_widget_get_last_child (gtk_widget_get_parent (GTK_WIDGET (since))));
  gtk_drop_down_set_selected (outlet, 0);
  gtk_editable_set_text (since, "2013-08-01");
  gtk_editable_set_text (until, "2013-08-02");
  g_assert_cmpuint (assert_articles_kept (fixture, NULL, "2013-08-01", "2013-08-02"), ==, 3);
  gtk_editable_set_text (since, "2013-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (since), "error"));
  g_assert_cmpuint (assert_articles_kept (fixture, NULL, NULL, "2013-08-02"), >, 3);

  /* Nothing kept: the sidebar says why. */
  gtk_editable_set_text (since, "2013-08-01");
  gtk_drop_down_set_selected (outlet, variety);
  gtk_editable_set_text (until, "2013-08-01");
  g_assert_cmpuint (assert_articles_kept (fixture, NULL, NULL, NULL), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->sidebar_stack), ==, "no-results");

  /* Clear: every article again, and the title's plain count. */
  g_signal_emit_by_name (gtk_widget_get_last_child (gtk_popover_get_child (popover)), "clicked");
  g_assert_cmpuint (assert_articles_kept (fixture, NULL, NULL, NULL), ==, 20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->sidebar_stack), ==, "articles");
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->library_title), ==, "20 articles");
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_first_child (button), "accent"));
}

/* The main menu's popover is built when first opened, once. */
static void
test_main_menu (Fixture       *fixture,
                gconstpointer  data)
{
  GtkMenuButton *button = gtk_widget_get_mapped (GTK_WIDGET (fixture->window->library_menu_button))
                            ? fixture->window->library_menu_button : fixture->window->empty_menu_button;
  GMenuModel *menu;
  GtkPopover *popover;
  g_autofree char *action = NULL;

  px_gui_test_settle (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_nonnull (menu);
  menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "app.preferences");
  g_object_unref (menu);
  px_gui_test_settle (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtk_menu_button_popdown (button);
  px_gui_test_settle (100);
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  px_gui_test_settle (100);
  gtk_menu_button_popdown (button);
  px_gui_test_settle (100);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Files dropped on the window are imported, in the order of their names. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (fixture->window));
  g_autoptr (GSList) files = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;
  GListModel *articles = px_window_get_articles (fixture->window);

  g_assert_nonnull (target);
  /* Dropped last first. */
  for (guint i = 0; i < 2; i++)
    files = g_slist_prepend (files, g_file_new_for_path (g_ptr_array_index (fixture->samples, i)));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  g_assert_true (px_window_get_importing (fixture->window));
  g_assert_true (px_gui_test_wait_for (import_finished, fixture, 60));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);
  /* The first file by name was stored first. */
  g_assert_cmpuint (fixture->window->last_imported->len, ==, 2);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PxArticle) first = px_store_get_article (fixture->window->store,
                                                        g_array_index (fixture->window->last_imported, gint64, 0),
                                                        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (px_article_get_title (first), ==, g_ptr_array_index (fixture->titles, 0));
  }
}

/* A window closed while it imports finishes the import first (the
 * application is held meanwhile), and nothing warns. */
static void
test_close_while_importing (Fixture       *fixture,
                            gconstpointer  data)
{
  px_window_import (fixture->window, (const char *const *) fixture->samples->pdata);
  g_assert_true (px_window_get_importing (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (px_gui_test_wait_for (import_finished, fixture, 60));
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_articles (fixture->window)), ==, 2);
}

/* The longest word of @text. */
static char *
longest_word (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " ,.:;!?\"'()", -1);
  const char *longest = "";

  for (guint i = 0; words[i] != NULL; i++)
    if (strlen (words[i]) > strlen (longest))
      longest = words[i];
  return g_strdup (longest);
}

static gboolean
results_have_title (GListModel *results,
                    const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (PxArticleItem) hit = g_list_model_get_item (results, i);

      if (g_str_equal (px_article_item_get_title (hit), title))
        return strstr (px_article_item_get_snippet_markup (hit), "<b>") != NULL;
    }
  return FALSE;
}

static void
search (Fixture    *fixture,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), text);
  g_signal_emit_by_name (fixture->window->search_entry, "search-changed");
}

/* The window imports while the reader searches in it and another
 * connection (as parallax-cli's would) imports too: both imports land
 * whole, the searches answer, and no failure reaches the window. */
static void
test_busy_library (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = px_gui_test_sample_files ("");
  g_autofree char *lines = g_build_filename (g_getenv ("PX_TEST_DATA"), "import", "lines.jsonl", NULL);
  const char *others[] = { lines, NULL };
  g_autoptr (PxStore) store = px_store_open (fixture->db_path, &error);
  g_autoptr (PxImporter) importer = px_importer_new (fixture->db_path);
  g_autoptr (GPtrArray) results = NULL;
  GListModel *hits = G_LIST_MODEL (fixture->window->search_results);
  guint stored = 0;

  g_assert_no_error (error);
  /* Whichever import ends last, the window shows both: the other through
   * its library monitor. */
  if (!library_fixture_can_watch (fixture->dir))
    return;
  px_window_import (fixture->window, (const char *const *) all->pdata);
  g_assert_true (px_window_get_importing (fixture->window));
  search (fixture, "police");
  px_gui_test_settle (50);
  /* Blocks this thread while the window's import thread writes; a
   * locked library would fail the whole call (the file's one broken
   * record fails alone). */
  results = px_importer_import (importer, store, others, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    stored += ((PxImportResult *) g_ptr_array_index (results, i))->status == PX_IMPORT_STORED;
  g_assert_cmpuint (stored, >, 0);
  search (fixture, "climbers");
  g_assert_true (px_gui_test_wait_for (import_finished, fixture, 60));
  g_assert_null (fixture->window->import_details);
  /* Every article is stored once, by one import or the other; the window
   * shows them all, whichever import ended first. */
  fixture->expected_articles = fixture->window->last_imported->len + stored;
  g_assert_cmpuint (fixture->expected_articles, >, all->len - 1);
  g_assert_true (px_gui_test_wait_for (shows_expected_articles, fixture, 20));
  search (fixture, "climbers");
  g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 2);
}

/* parallax-cli imports into the library the window shows: the articles
 * list and its count follow without the reader asking. */
static void
test_follows_other_programs (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *lines = g_build_filename (g_getenv ("PX_TEST_DATA"), "import", "lines.jsonl", NULL);
  const char *files[] = { lines, NULL };
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxImporter) importer = px_importer_new (fixture->db_path);
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *subtitle = NULL;
  guint stored = 0;

  if (!library_fixture_can_watch (fixture->dir))
    return;
  import_and_wait (fixture, (const char *const *) fixture->samples->pdata);
  store = px_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  results = px_importer_import (importer, store, files, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    stored += ((PxImportResult *) g_ptr_array_index (results, i))->status == PX_IMPORT_STORED;
  g_assert_cmpuint (stored, >, 0);

  fixture->expected_articles = fixture->samples->len - 1 + stored;
  g_assert_true (px_gui_test_wait_for (shows_expected_articles, fixture, 20));
  subtitle = g_strdup_printf ("%u articles", fixture->expected_articles);
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->library_title), ==, subtitle);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *results = G_LIST_MODEL (fixture->window->search_results);
  const char *title = g_ptr_array_index (fixture->titles, 0);
  g_autofree char *word = longest_word (title);
  g_autofree char *prefix = g_strndup (word, 4);

  import_and_wait (fixture, (const char *const *) fixture->samples->pdata);

  /* A word of the title finds the article, with the word in bold in its
   * snippet; so does the start of a word. */
  g_assert_cmpuint (strlen (word), >=, 5);
  search (fixture, word);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->sidebar_stack), ==, "results");
  g_assert_true (results_have_title (results, title));
  search (fixture, prefix);
  g_assert_true (results_have_title (results, title));
  /* The rows show the snippets; the library's rows have none. */
  px_gui_test_settle (100);
  {
    GtkWidget *hit_row = px_gui_test_find_widget (GTK_WIDGET (fixture->window->search_list), PX_TYPE_ARTICLE_ROW);
    GtkWidget *library_row = px_gui_test_find_widget (GTK_WIDGET (fixture->window->article_list),
                                                      PX_TYPE_ARTICLE_ROW);
    GtkWidget *snippet;

    g_assert_nonnull (hit_row);
    snippet = gtk_widget_get_last_child (hit_row);
    g_assert_true (GTK_IS_LABEL (snippet) && gtk_widget_get_visible (snippet));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (snippet)), "<b>"));
    g_assert_nonnull (library_row);
    for (GtkWidget *child = gtk_widget_get_first_child (library_row); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (child)) && gtk_widget_get_visible (child));
  }

  /* Enter opens the best hit. */
  g_signal_emit_by_name (fixture->window->search_entry, "activate");
  {
    g_autoptr (PxArticleItem) best = g_list_model_get_item (results, 0);
    PxArticle *shown = px_article_view_get_article (fixture->window->article_view);

    g_assert_nonnull (shown);
    g_assert_cmpint (px_article_get_id (shown), ==, px_article_item_get_id (best));
  }

  /* Quotes and operators are searched for as text, never a syntax error. */
  search (fixture, "zqxj\" AND (NEAR wvut* -");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->sidebar_stack), ==, "no-results");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (fixture->window->no_results_page),
                                   "No article contains"));

  search (fixture, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->sidebar_stack), ==, "articles");
}

/* Snippet marks become bold; everything else is escaped, unpaired marks
 * still give well-formed markup, and breaks become spaces. */
static void
test_snippet_markup (void)
{
  g_autofree char *plain = px_snippet_to_markup ("AT&T \x02<Oscars>\x03 host\n\nnext");
  g_autofree char *cut = px_snippet_to_markup ("\x02Osc");
  g_autofree char *stray = px_snippet_to_markup ("host\x03s");

  g_assert_cmpstr (plain, ==, "AT&amp;T <b>&lt;Oscars&gt;</b> host  next");
  g_assert_cmpstr (cut, ==, "<b>Osc</b>");
  g_assert_cmpstr (stray, ==, "hosts");
  g_assert_true (pango_parse_markup (plain, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_null (px_snippet_to_markup (NULL));
}

/* Dates show localised; what is not a full date shows as it is. */
static void
test_published (void)
{
  g_autofree char *full = px_format_published ("2013-08-02");
  g_autofree char *year = px_format_published ("2013");

  g_assert_cmpstr (full, ==, "2 Aug 2013");
  g_assert_cmpstr (year, ==, "2013");
  g_assert_null (px_format_published (""));
  g_assert_null (px_format_published (NULL));
}

/* The summary names what failed and why, next to what worked. */
static void
test_describe_failure (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("parallax-gui-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "library.sqlite3", NULL);
  g_autoptr (GPtrArray) samples = sample_files ();
  const char *sample = g_ptr_array_index (samples, 0);
  g_autofree char *truncated = g_build_filename (g_getenv ("PX_TEST_DATA"), "import",
                                                 "truncated.json", NULL);
  const char *files[] = { sample, truncated, NULL };
  g_autoptr (PxStore) store = px_store_open (db_path, &error);
  g_autoptr (PxImporter) importer = px_importer_new (db_path);
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;

  g_assert_no_error (error);
  results = px_importer_import (importer, store, files, NULL, &error);
  g_assert_no_error (error);
  summary = _px_window_describe_import (results, &details);
  g_test_message ("%s", summary);
  g_assert_true (g_str_has_prefix (summary, "1 article imported, 1 failed: truncated.json: "));
  g_assert_true (g_str_has_prefix (details, "truncated.json: "));
  g_clear_object (&store);
  g_clear_object (&importer);
  library_fixture_remove (dir, db_path);
}

/* A warning (an impossible date) is counted in the summary and detailed. */
static void
test_describe_warning (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("parallax-gui-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "library.sqlite3", NULL);
  g_autofree char *dated = g_build_filename (dir, "dated.txt", NULL);
  g_autoptr (GPtrArray) samples = sample_files ();
  g_autofree char *text = NULL;
  g_autofree char *with_date = NULL;
  const char *files[] = { dated, NULL };
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxImporter) importer = px_importer_new (db_path);
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  char *body;

  /* A real sample article whose date line names a day February lacks. */
  g_assert_true (g_file_get_contents (g_ptr_array_index (samples, 0), &text, NULL, &error));
  body = strchr (text, '\n');
  g_assert_nonnull (body);
  *body++ = '\0';
  with_date = g_strdup_printf ("%s\nPublished: 2025-02-30\n%s", text, body);
  g_assert_true (g_file_set_contents (dated, with_date, -1, &error));
  store = px_store_open (db_path, &error);
  g_assert_no_error (error);
  results = px_importer_import (importer, store, files, NULL, &error);
  g_assert_no_error (error);
  summary = _px_window_describe_import (results, &details);
  g_test_message ("%s\n%s", summary, details);
  g_assert_cmpstr (summary, ==, "1 article imported, 1 warning");
  g_assert_true (g_str_has_prefix (details, "dated.txt: "));
  g_assert_nonnull (strstr (details, "2025-02-30"));
  g_clear_object (&store);
  g_clear_object (&importer);
  g_remove (dated);
  library_fixture_remove (dir, db_path);
}

/* A file that is not a library: the window says so, with the icon of its
 * error page (given only when shown), and leaves the file as it was. */
static gboolean
error_page_mapped (gpointer data)
{
  PxWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window->error_page));
}

static void
test_unreadable_library (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("parallax-gui-XXXXXX", &error);
  g_autofree char *source = g_build_filename (g_getenv ("PX_TEST_DATA"), "import", "lines.jsonl", NULL);
  g_autofree char *path = g_build_filename (dir, "not-a-library.sqlite3", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  PxWindow *window;

  g_assert_no_error (error);
  g_file_get_contents (source, &before, &before_length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, before, before_length, &error);
  g_assert_no_error (error);

  window = g_object_ref_sink (px_window_new (NULL, path));
  g_assert_null (adw_status_page_get_icon_name (window->error_page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_gui_test_wait_for (error_page_mapped, window, 30));
  g_assert_cmpstr (adw_status_page_get_icon_name (window->error_page), ==, "dialog-error-symbolic");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page), path));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);

  g_file_get_contents (path, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_length, after, after_length);
  library_fixture_remove (dir, path);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/px/window/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/px/window/reimport", Fixture, NULL, fixture_set_up, test_reimport, fixture_tear_down);
  g_test_add ("/px/window/select", Fixture, NULL, fixture_set_up, test_select, fixture_tear_down);
  g_test_add ("/px/window/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/px/window/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/px/window/undo-after-warning", Fixture, NULL, fixture_set_up, test_undo_after_warning,
              fixture_tear_down);
  g_test_add ("/px/window/load-sample", Fixture, NULL, fixture_set_up, test_load_sample, fixture_tear_down);
  g_test_add ("/px/window/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/px/window/shortcuts-lazy", Fixture, NULL, fixture_set_up, test_shortcuts_lazy, fixture_tear_down);
  g_test_add ("/px/window/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/px/window/main-menu", Fixture, NULL, fixture_set_up, test_main_menu, fixture_tear_down);
  g_test_add ("/px/window/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/px/window/close-while-importing", Fixture, NULL, fixture_set_up,
              test_close_while_importing, fixture_tear_down);
  g_test_add ("/px/window/follows-other-programs", Fixture, NULL, fixture_set_up,
              test_follows_other_programs, fixture_tear_down);
  g_test_add ("/px/window/busy-library", Fixture, NULL, fixture_set_up, test_busy_library,
              fixture_tear_down);
  g_test_add_func ("/px/window/unreadable-library", test_unreadable_library);
  g_test_add_func ("/px/window/describe-failure", test_describe_failure);
  g_test_add_func ("/px/window/describe-warning", test_describe_warning);
  g_test_add_func ("/px/article-item/snippet-markup", test_snippet_markup);
  g_test_add_func ("/px/article-item/published", test_published);
  return g_test_run ();
}
