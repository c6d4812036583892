/* test-event-management.c: merging, splitting, moving and renaming events in the window
 *
 * Imports the bundled ECB+ sample (four events, five outlets each) into a
 * temporary library, opens the window on it, and changes its events
 * through the window's actions, dialogs, drop handler and toasts as a
 * reader would; after each change it checks the sidebar and the store,
 * then clicks the toast's Undo and checks that everything is back.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "px-article-item.h"
#include "px-comparison-view.h"
#include "px-event-item.h"
#include "px-event-sidebar.h"
#include "library-fixture.h"
#include "px-gui-test.h"
#include "px-importer.h"
#include "px-store-events.h"
#include "px-window-private.h"

/* The imported library, made once and copied for each test. */
static char *library_dir;
static char *library_path;

typedef struct
{
  char *path;
  PxStore *store;      /* the test's own connection, to check what the window did */
  PxWindow *window;
  GListModel *rows;    /* the sidebar's, borrowed */
} Fixture;

static void
import_sample (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = px_gui_test_sample_files ("");
  g_autoptr (PxImporter) importer = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (PxStore) store = NULL;

  library_dir = g_dir_make_tmp ("parallax-events-XXXXXX", &error);
  g_assert_no_error (error);
  library_path = g_build_filename (library_dir, "library.sqlite3", NULL);
  store = px_store_open (library_path, &error);
  g_assert_no_error (error);
  importer = px_importer_new (library_path);
  results = px_importer_import (importer, store, (const char * const *) files->pdata, NULL, &error);
  g_assert_no_error (error);
  /* One file: the fixtures copy it whole. */
  g_assert_true (px_store_begin (store, &error) && px_store_commit (store, &error));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) checkpoint = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  static guint serial;

  /* Opening and closing folds the WAL into the file, which is then copied. */
  checkpoint = px_store_open (library_path, &error);
  g_assert_no_error (error);
  g_clear_object (&checkpoint);
  g_assert_true (g_file_get_contents (library_path, &contents, &length, &error));
  fixture->path = g_strdup_printf ("%s/copy-%u.sqlite3", library_dir, serial++);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, &error));
  g_assert_no_error (error);

  fixture->store = px_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->window = g_object_ref_sink (px_window_new (NULL, fixture->path));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  adw_view_stack_set_visible_child_name (fixture->window->library_stack, "events");
  px_gui_test_settle (200);
  fixture->rows = px_event_sidebar_get_rows (fixture->window->event_sidebar);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  px_gui_test_settle (50);
  g_clear_object (&fixture->store);
  library_fixture_remove (NULL, fixture->path);
  g_free (fixture->path);
}

/* The event ids the sidebar lists, top to bottom. */
static GArray *
sidebar_events (Fixture *fixture)
{
  GListModel *events = px_event_sidebar_get_events (fixture->window->event_sidebar);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (PxEventItem) item = g_list_model_get_item (events, i);
      gint64 id = px_event_item_get_id (item);

      g_array_append_val (ids, id);
    }
  return ids;
}

static PxEvent *
get_event (Fixture *fixture,
           gint64   id)
{
  g_autoptr (GError) error = NULL;
  PxEvent *event = px_store_get_event (fixture->store, id, &error);

  g_assert_no_error (error);
  return event;
}

static gboolean
event_exists (Fixture *fixture,
              gint64   id)
{
  g_autoptr (PxEvent) event = px_store_get_event (fixture->store, id, NULL);

  return event != NULL;
}

static guint
count_events (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) summaries = px_store_list_event_summaries (fixture->store, &error);

  g_assert_no_error (error);
  return summaries->len;
}

static void
assert_same_ids (const GArray *a,
                 const GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* The sidebar row of event @id, expanded to its articles. */
static guint
expand_event (Fixture *fixture,
              gint64   id)
{
  guint position = px_event_sidebar_find_event (fixture->window->event_sidebar, id);
  g_autoptr (GtkTreeListRow) row = NULL;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  row = g_list_model_get_item (fixture->rows, position);
  gtk_tree_list_row_set_expanded (row, TRUE);
  px_gui_test_settle (50);
  return position;
}

static gint64
row_article (Fixture *fixture,
             guint    position)
{
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (fixture->rows, position);
  g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

  g_assert_true (PX_IS_ARTICLE_ITEM (item));
  return px_article_item_get_id (PX_ARTICLE_ITEM (item));
}

/* The comparison on screen, once it has been worked out, of event
 * @event_id with @n_articles (at most the view's eight). */
static void
assert_comparison (Fixture *fixture,
                   gint64   event_id,
                   guint    n_articles)
{
  PxComparisonView *view = fixture->window->comparison_view;

  g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, view, 60));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "comparison");
  g_assert_cmpint (px_comparison_view_get_event (view), ==, event_id);
  g_assert_cmpuint (px_comparison_get_n_articles (px_comparison_view_get_comparison (view)), ==,
                    MIN (n_articles, PX_COMPARISON_VIEW_MAX_ARTICLES));
}

static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, type, found);
}

/* Clicks the Undo button of the toast on screen. */
static void
click_undo (Fixture *fixture)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkButton *undo = NULL;

  px_gui_test_settle (100);
  find_widgets (GTK_WIDGET (fixture->window->toast_overlay), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "_Undo") == 0
        && gtk_widget_is_visible (buttons->pdata[i]))
      undo = buttons->pdata[i];
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (undo)));
  g_signal_emit_by_name (undo, "clicked");
  px_gui_test_settle (50);
}

/* The message dialog the window has just opened. */
static AdwMessageDialog *
find_dialog (void)
{
  GtkWindow *dialog;

  px_gui_test_settle (50);
  dialog = px_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE);
  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  px_gui_test_settle (50);
}

/* Two events picked in the sidebar and merged become one, in the sidebar
 * and in the store; the toast's Undo brings both back with their own
 * articles. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GArray) before = sidebar_events (fixture);
  g_autoptr (GArray) after = NULL;
  g_autoptr (GArray) undone = NULL;
  g_autoptr (PxEvent) first = NULL;
  g_autoptr (PxEvent) second = NULL;
  g_autoptr (PxEvent) merged = NULL;
  g_autoptr (PxEvent) first_again = NULL;
  g_autoptr (PxEvent) second_again = NULL;
  guint n_events = count_events (fixture);

  g_assert_cmpuint (n_events, >=, 3);
  g_assert_cmpuint (before->len, ==, n_events);
  first = get_event (fixture, g_array_index (before, gint64, 0));
  second = get_event (fixture, g_array_index (before, gint64, 1));

  /* Merging needs two events picked: with one, it does nothing. */
  px_event_sidebar_select_row (fixture->window->event_sidebar, 0, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.event-merge", NULL);
  g_assert_cmpuint (count_events (fixture), ==, n_events);
  px_event_sidebar_select_row (fixture->window->event_sidebar, 1, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.event-merge", NULL));

  g_assert_cmpuint (count_events (fixture), ==, n_events - 1);
  after = sidebar_events (fixture);
  g_assert_cmpuint (after->len, ==, n_events - 1);
  g_assert_cmpint (g_array_index (after, gint64, 0), ==, first->id);
  g_assert_false (event_exists (fixture, second->id));
  merged = get_event (fixture, first->id);
  g_assert_cmpuint (merged->article_ids->len, ==, first->article_ids->len + second->article_ids->len);
  g_assert_true (merged->manual);
  g_assert_cmpstr (merged->label, ==, first->label);
  {
    g_autoptr (GtkTreeListRow) row = g_list_model_get_item (fixture->rows, 0);
    g_autoptr (PxEventItem) item = gtk_tree_list_row_get_item (row);

    g_assert_cmpuint (px_event_item_get_n_articles (item), ==, merged->article_ids->len);
  }
  /* The merged event is selected, and its comparison opens. */
  assert_comparison (fixture, first->id, merged->article_ids->len);

  click_undo (fixture);
  g_assert_cmpuint (count_events (fixture), ==, n_events);
  undone = sidebar_events (fixture);
  assert_same_ids (undone, before);
  first_again = get_event (fixture, first->id);
  second_again = get_event (fixture, second->id);
  assert_same_ids (first_again->article_ids, first->article_ids);
  assert_same_ids (second_again->article_ids, second->article_ids);
  g_assert_cmpstr (second_again->label, ==, second->label);
  g_assert_cmpint (first_again->manual, ==, first->manual);
  g_assert_cmpint (second_again->manual, ==, second->manual);
  /* The comparison on screen follows. */
  assert_comparison (fixture, first->id, first->article_ids->len);
}

/* Two articles split from their event make a new one; Undo puts them back. */
static void
test_split (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GArray) before = sidebar_events (fixture);
  g_autoptr (GArray) after = NULL;
  g_autoptr (GArray) picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PxEvent) source = get_event (fixture, g_array_index (before, gint64, 1));
  g_autoptr (PxEvent) created = NULL;
  g_autoptr (PxEvent) rest = NULL;
  g_autoptr (PxEvent) restored = NULL;
  guint n_events = count_events (fixture);
  guint position = expand_event (fixture, source->id);

  g_assert_cmpuint (source->article_ids->len, >=, 3);
  /* The articles open in id order, read only now. */
  for (guint i = 0; i < source->article_ids->len; i++)
    g_assert_cmpint (row_article (fixture, position + 1 + i), ==, g_array_index (source->article_ids, gint64, i));
  px_event_sidebar_select_row (fixture->window->event_sidebar, position + 1, FALSE);
  px_event_sidebar_select_row (fixture->window->event_sidebar, position + 2, TRUE);
  g_array_append_val (picked, g_array_index (source->article_ids, gint64, 0));
  g_array_append_val (picked, g_array_index (source->article_ids, gint64, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.event-split", NULL));

  g_assert_cmpuint (count_events (fixture), ==, n_events + 1);
  after = sidebar_events (fixture);
  g_assert_cmpuint (after->len, ==, n_events + 1);
  /* The new event has the highest id: it comes first. */
  created = get_event (fixture, g_array_index (after, gint64, 0));
  g_assert_cmpint (created->id, >, g_array_index (before, gint64, 0));
  assert_same_ids (created->article_ids, picked);
  rest = get_event (fixture, source->id);
  g_assert_cmpuint (rest->article_ids->len, ==, source->article_ids->len - 2);

  click_undo (fixture);
  g_assert_cmpuint (count_events (fixture), ==, n_events);
  g_assert_false (event_exists (fixture, created->id));
  restored = get_event (fixture, source->id);
  assert_same_ids (restored->article_ids, source->article_ids);
  g_clear_pointer (&after, g_array_unref);
  after = sidebar_events (fixture);
  assert_same_ids (after, before);
}

/* An article dropped on another event's row moves there, and the Move to
 * Event dialog does the same for the keyboard; Undo moves it back. */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GArray) before = sidebar_events (fixture);
  g_autoptr (PxEvent) source = get_event (fixture, g_array_index (before, gint64, 0));
  g_autoptr (PxEvent) target = get_event (fixture, g_array_index (before, gint64, 2));
  g_autoptr (PxEvent) moved_into = NULL;
  g_autoptr (PxEvent) back = NULL;
  AdwMessageDialog *dialog;
  GtkDropDown *choice;
  GListModel *events;
  gint64 article;
  gboolean manual = TRUE;
  guint position;

  position = expand_event (fixture, source->id);
  article = row_article (fixture, position + 1);
  g_assert_cmpint (px_store_get_article_event (fixture->store, article, &manual, NULL), ==, source->id);
  g_assert_false (manual);

  /* Dropped on its own event's row, it stays, still grouped automatically. */
  g_signal_emit_by_name (fixture->window->event_sidebar, "article-dropped", article, source->id);
  g_assert_cmpint (px_store_get_article_event (fixture->store, article, &manual, NULL), ==, source->id);
  g_assert_false (manual);

  /* Dragging the article row onto the target's row. */
  g_signal_emit_by_name (fixture->window->event_sidebar, "article-dropped", article, target->id);
  g_assert_cmpint (px_store_get_article_event (fixture->store, article, &manual, NULL), ==, target->id);
  g_assert_true (manual);
  moved_into = get_event (fixture, target->id);
  g_assert_cmpuint (moved_into->article_ids->len, ==, target->article_ids->len + 1);
  /* The event it left stays open, without it. */
  {
    guint row = px_event_sidebar_find_event (fixture->window->event_sidebar, source->id);
    g_autoptr (GtkTreeListRow) tree_row = g_list_model_get_item (fixture->rows, row);

    g_assert_true (gtk_tree_list_row_get_expanded (tree_row));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_tree_list_row_get_children (tree_row)), ==,
                      source->article_ids->len - 1);
  }
  {
    guint row = px_event_sidebar_find_event (fixture->window->event_sidebar, target->id);
    g_autoptr (GtkTreeListRow) tree_row = g_list_model_get_item (fixture->rows, row);
    g_autoptr (PxEventItem) item = gtk_tree_list_row_get_item (tree_row);

    g_assert_cmpuint (px_event_item_get_n_articles (item), ==, target->article_ids->len + 1);
  }
  click_undo (fixture);
  g_assert_cmpint (px_store_get_article_event (fixture->store, article, &manual, NULL), ==, source->id);
  g_assert_false (manual);
  back = get_event (fixture, target->id);
  assert_same_ids (back->article_ids, target->article_ids);

  /* The same through the menu item's dialog. */
  position = expand_event (fixture, source->id);
  px_event_sidebar_select_row (fixture->window->event_sidebar, position + 1, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.event-move", NULL));
  dialog = find_dialog ();
  choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  events = px_event_sidebar_get_events (fixture->window->event_sidebar);
  /* It offers an event other than the article's own. */
  {
    g_autoptr (PxEventItem) offered = g_list_model_get_item (events, gtk_drop_down_get_selected (choice));

    g_assert_cmpint (px_event_item_get_id (offered), !=, source->id);
  }
  gtk_drop_down_set_selected (choice, 2);
  respond (dialog, "move");
  g_assert_cmpint (px_store_get_article_event (fixture->store, article, NULL, NULL), ==, target->id);
  click_undo (fixture);
  g_assert_cmpint (px_store_get_article_event (fixture->store, article, NULL, NULL), ==, source->id);
}

/* Renaming through the dialog; Cancel changes nothing; Undo restores the
 * old label and gives it back to automatic grouping. */
static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GArray) before = sidebar_events (fixture);
  g_autoptr (PxEvent) event = get_event (fixture, g_array_index (before, gint64, 0));
  g_autoptr (PxEvent) renamed = NULL;
  g_autoptr (PxEvent) restored = NULL;
  const char *label = "Earthquake reports, renamed by a reader";
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  g_assert_false (event->manual);
  px_event_sidebar_select_row (fixture->window->event_sidebar, 0, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.event-rename", NULL));
  dialog = find_dialog ();
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, event->label);
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (entry, "Not this one");
  respond (dialog, "cancel");
  renamed = get_event (fixture, event->id);
  g_assert_cmpstr (renamed->label, ==, event->label);
  g_clear_pointer (&renamed, px_event_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.event-rename", NULL));
  dialog = find_dialog ();
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, label);
  respond (dialog, "rename");
  renamed = get_event (fixture, event->id);
  g_assert_cmpstr (renamed->label, ==, label);
  g_assert_true (renamed->manual);
  {
    g_autoptr (GtkTreeListRow) row = g_list_model_get_item (fixture->rows, 0);
    g_autoptr (PxEventItem) item = gtk_tree_list_row_get_item (row);

    g_assert_cmpstr (px_event_item_get_label (item), ==, label);
  }
  /* The event's comparison is open: its title follows. */
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->content_title), ==, label);

  click_undo (fixture);
  restored = get_event (fixture, event->id);
  g_assert_cmpstr (restored->label, ==, event->label);
  g_assert_false (restored->manual);
  {
    g_autoptr (GtkTreeListRow) row = g_list_model_get_item (fixture->rows, 0);
    g_autoptr (PxEventItem) item = gtk_tree_list_row_get_item (row);

    g_assert_cmpstr (px_event_item_get_label (item), ==, event->label);
  }
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->content_title), ==, event->label);
}

/* The rows' context menu (Shift+F10, the Menu key, a right click) is built
 * when first asked for, and offers the four ways to manage events. */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *sidebar = GTK_WIDGET (fixture->window->event_sidebar);
  GtkWidget *menu;
  GMenuModel *model;

  g_assert_null (px_gui_test_find_widget (sidebar, GTK_TYPE_POPOVER_MENU));
  px_event_sidebar_select_row (fixture->window->event_sidebar, 0, FALSE);
  g_assert_true (gtk_widget_activate_action (sidebar, "sidebar.popup-menu", NULL));
  menu = px_gui_test_find_widget (sidebar, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (menu);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 4);
  px_gui_test_settle (100);
  g_assert_true (gtk_widget_get_mapped (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  px_gui_test_settle (100);
  g_assert_false (gtk_widget_get_mapped (menu));
  g_assert_true (gtk_widget_activate_action (sidebar, "sidebar.popup-menu", NULL));
  g_assert_true (px_gui_test_find_widget (sidebar, GTK_TYPE_POPOVER_MENU) == menu);
  px_gui_test_settle (100);
  g_assert_true (gtk_widget_get_mapped (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  px_gui_test_settle (100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  import_sample ();

  g_test_add ("/px/event-management/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/px/event-management/split", Fixture, NULL, fixture_set_up, test_split, fixture_tear_down);
  g_test_add ("/px/event-management/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/px/event-management/context-menu", Fixture, NULL, fixture_set_up, test_context_menu,
              fixture_tear_down);
  g_test_add ("/px/event-management/rename", Fixture, NULL, fixture_set_up, test_rename, fixture_tear_down);
  status = g_test_run ();

  library_fixture_remove (library_dir, library_path);
  return status;
}
