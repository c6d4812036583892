/* test-article-list-model.c: the lazy list of the library, across pages
 *
 * Fills a temporary library with more than two pages of real articles
 * (ECB+ from ../shared/corpora, skipped when it is missing) and checks
 * that the model lists exactly what the store lists, in the same order,
 * across page boundaries and after the page cache has been emptied; and
 * that the window's article list and events sidebar, which start with the
 * rows of their first frame, come to show every article and event.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "px-article-item.h"
#include "px-article-list-model.h"
#include "px-event-sidebar.h"
#include "corpus-lines.h"
#include "library-fixture.h"
#include "px-gui-test.h"
#include "px-importer.h"
#include "px-window-private.h"

#define N_ARTICLES 450

/* ECB+ documents as JSON Lines the importer reads: the first sentence as
 * the title, the others as the text. */
static char *
write_ecbplus_jsonl (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "ecbplus.jsonl", NULL);
  g_autoptr (GDataInputStream) lines = ecbplus_lines_open ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  guint written = 0;
  char *line;

  if (lines == NULL)
    return NULL;
  while (written < N_ARTICLES
         && (line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      g_autofree char *owned = line;
      g_autoptr (JsonNode) node = json_from_string (owned, &error);
      JsonArray *sentences;
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (JsonNode) article = NULL;
      g_autofree char *json = NULL;

      g_assert_no_error (error);
      sentences = json_object_get_array_member (json_node_get_object (node), "sentences");
      if (json_array_get_length (sentences) < 3)
        continue;
      for (guint i = 1; i < json_array_get_length (sentences); i++)
        g_string_append_printf (text, "%s%s", i > 1 ? " " : "",
                                json_object_get_string_member (json_array_get_object_element (sentences, i),
                                                               "text"));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder,
                                     json_object_get_string_member (json_array_get_object_element (sentences, 0),
                                                                    "text"));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text->str);
      json_builder_end_object (builder);
      article = json_builder_get_root (builder);
      json = json_to_string (article, FALSE);
      g_string_append_printf (out, "%s\n", json);
      written++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, N_ARTICLES);
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
assert_same_as_store (GListModel *model,
                      PxStore    *store,
                      guint       offset,
                      guint       limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = px_store_list_articles (store, offset, limit, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const PxArticleSummary *row = g_ptr_array_index (rows, i);
      g_autoptr (PxArticleItem) item = g_list_model_get_item (model, offset + i);

      g_assert_nonnull (item);
      g_assert_cmpint (px_article_item_get_id (item), ==, row->id);
      g_assert_cmpstr (px_article_item_get_title (item), ==, row->title);
    }
}

typedef struct
{
  char *dir;
  char *db_path;
  char *jsonl;
  PxStore *store;   /* NULL when ECB+ is missing */
} Library;

static void
library_set_up (Library       *library,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxImporter) importer = NULL;
  g_autoptr (GPtrArray) results = NULL;

  library->dir = g_dir_make_tmp ("parallax-model-XXXXXX", &error);
  g_assert_no_error (error);
  library->db_path = g_build_filename (library->dir, "library.sqlite3", NULL);
  library->jsonl = write_ecbplus_jsonl (library->dir);
  if (library->jsonl == NULL)
    return;

  library->store = px_store_open (library->db_path, &error);
  g_assert_no_error (error);
  importer = px_importer_new (library->db_path);
  results = px_importer_import (importer, library->store, (const char *[]) { library->jsonl, NULL },
                                NULL, &error);
  g_assert_no_error (error);
}

static void
library_tear_down (Library       *library,
                   gconstpointer  data)
{
  g_clear_object (&library->store);
  if (library->jsonl != NULL)
    g_unlink (library->jsonl);
  library_fixture_remove (library->dir, library->db_path);
  g_free (library->jsonl);
  g_free (library->db_path);
  g_free (library->dir);
}

static void
test_pages (Library       *library,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticleListModel) model = NULL;
  PxStore *store = library->store;
  gint64 count;
  guint n;

  if (store == NULL)
    {
      g_test_skip ("ECB+ is not in PX_SHARED_CORPORA");
      return;
    }
  count = px_store_count_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, >, 2 * PX_ARTICLE_LIST_PAGE_SIZE);

  model = px_article_list_model_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (px_article_list_model_reload (model, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, count);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == PX_TYPE_ARTICLE_ITEM);

  /* Backwards from the end, so pages load out of order, then across the
   * first boundary; past the end there is nothing. */
  assert_same_as_store (G_LIST_MODEL (model), store, n - 30, 30);
  assert_same_as_store (G_LIST_MODEL (model), store, PX_ARTICLE_LIST_PAGE_SIZE - 5, 10);
  assert_same_as_store (G_LIST_MODEL (model), store, 0, n);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

  /* After a deletion, a reload drops the cached rows. */
  {
    g_autoptr (PxArticleItem) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    gint64 id = px_article_item_get_id (first);

    g_assert_true (px_store_delete_articles (store, &id, 1, &error));
    g_assert_no_error (error);
    g_assert_true (px_article_list_model_reload (model, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n - 1);
    assert_same_as_store (G_LIST_MODEL (model), store, 0, n - 1);
  }
}

typedef struct
{
  PxWindow *window;
  guint n_articles;
  const char *last_title;
  GtkListView *event_list;
  guint n_event_rows;
} ListCheck;

static gboolean
list_holds_library (gpointer data)
{
  ListCheck *check = data;

  return g_list_model_get_n_items (G_LIST_MODEL (check->window->article_selection)) == check->n_articles;
}

static gboolean
event_list_holds_events (gpointer data)
{
  ListCheck *check = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (check->event_list)))
         == check->n_event_rows;
}

/* Whether a mapped label at or below @widget reads @text. */
static gboolean
label_shown (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (label_shown (child, text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
last_title_shown (gpointer data)
{
  ListCheck *check = data;

  return label_shown (GTK_WIDGET (check->window->article_list), check->last_title);
}

static void
test_window_rows (Library       *library,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticleItem) last = NULL;
  PxWindow *window;
  ListCheck check;

  if (library->store == NULL)
    {
      g_test_skip ("ECB+ is not in PX_SHARED_CORPORA");
      return;
    }
  window = g_object_ref_sink (px_window_new (NULL, library->db_path));
  check.window = window;
  check.n_articles = px_store_count_articles (library->store, &error);
  g_assert_no_error (error);

  /* The first frame lays out only a screenful of the library... */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->article_selection)), <,
                    check.n_articles);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));

  /* ...and the frames after it take in the rest, down to the last article. */
  g_assert_true (px_gui_test_wait_for (list_holds_library, &check, 30));
  last = g_list_model_get_item (G_LIST_MODEL (window->articles), check.n_articles - 1);
  check.last_title = px_article_item_get_title (last);
  gtk_widget_activate_action (GTK_WIDGET (window->article_list), "list.scroll-to-item", "u",
                              check.n_articles - 1);
  g_assert_true (px_gui_test_wait_for (last_title_shown, &check, 30));

  /* The events sidebar starts alike when first shown, and also comes to
   * list every event. */
  adw_view_stack_set_visible_child_name (window->library_stack, "events");
  check.event_list = GTK_LIST_VIEW (px_gui_test_find_widget (GTK_WIDGET (window->event_sidebar),
                                                             GTK_TYPE_LIST_VIEW));
  check.n_event_rows = g_list_model_get_n_items (px_event_sidebar_get_rows (window->event_sidebar));
  g_assert_cmpuint (check.n_event_rows, >, 24);  /* more than the rows of a first frame */
  g_assert_false (event_list_holds_events (&check));
  g_assert_true (px_gui_test_wait_for (event_list_holds_events, &check, 30));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/px/article-list-model/pages", Library, NULL, library_set_up, test_pages,
              library_tear_down);
  g_test_add ("/px/article-list-model/window-rows", Library, NULL, library_set_up, test_window_rows,
              library_tear_down);
  return g_test_run ();
}
