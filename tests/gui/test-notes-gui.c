/* test-notes-gui.c: notes, restoring removed text, export and print in the window, under Xvfb
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "px-data.h"
#include "px-note-editor.h"
#include "px-restore-popover.h"
#include "px-span.h"
#include "px-store-notes.h"
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
  PxArticle *article;  /* the sample as first shown */
} Fixture;

static gboolean
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
import_finished (gpointer data)
{
  return !px_window_get_importing (data);
}

static void
show (Fixture *fixture,
      gint64   id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = px_store_get_article (fixture->window->store, id, &error);

  g_assert_no_error (error);
  gtk_stack_set_visible_child_name (fixture->window->content_stack, "article");
  px_article_view_set_article (fixture->window->article_view, article);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = px_data_find ("sample");
  g_autofree char *path = g_build_filename (sample, SAMPLE, NULL);
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) ids = NULL;

  fixture->dir = g_dir_make_tmp ("parallax-notes-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "library.sqlite3", NULL);
  fixture->window = g_object_ref_sink (px_window_new (NULL, fixture->db_path));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  px_window_import (fixture->window, paths);
  g_assert_true (wait_for (import_finished, fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_articles (fixture->window)), ==, 1);
  show (fixture, 1);
  fixture->article = g_object_ref (px_article_view_get_article (fixture->window->article_view));
  g_assert_nonnull (fixture->article);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->article);
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

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
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

static GtkTextBuffer *
article_buffer (Fixture *fixture)
{
  return gtk_text_view_get_buffer (find_text_view (GTK_WIDGET (fixture->window->article_view)));
}

/* Whether the text at @phrase in the article view wears a note's highlight. */
static gboolean
highlighted (Fixture    *fixture,
             const char *phrase)
{
  GtkTextBuffer *buffer = article_buffer (fixture);
  g_autoptr (GSList) tags = NULL;
  GtkTextIter start, match, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, phrase, 0, &match, &match_end, NULL));
  tags = gtk_text_iter_get_tags (&match);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, "px-note") != NULL)
      return TRUE;
  return FALSE;
}

static PxNoteEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (PX_IS_NOTE_EDITOR (window))
        return PX_NOTE_EDITOR (window);
    }
  return NULL;
}

static guint
count_notes (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = px_store_list_notes (fixture->window->store, 0, 0, NULL, &error);

  g_assert_no_error (error);
  return notes->len;
}

static void
test_add_delete_note (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *phrase = "producers Craig Zadan and Neil Meron";
  GtkTextBuffer *buffer = article_buffer (fixture);
  GtkTextIter start, match, match_end;
  PxNoteEditor *editor;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;
  PxNote *note;

  /* Nothing selected: no note, no editor. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-note", NULL);
  g_assert_null (find_editor ());

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, phrase, 0, &match, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match, &match_end);
  g_assert_false (highlighted (fixture, phrase));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-note", NULL);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (px_note_get_quote (px_note_editor_get_note (editor)), ==, phrase);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (find_text_view (GTK_WIDGET (editor))),
                            "Who announced it, and when?", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_null (find_editor ());

  notes = px_store_list_notes (fixture->window->store, px_article_get_id (fixture->article), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (px_note_get_quote (note), ==, phrase);
  g_assert_cmpstr (px_note_get_body (note), ==, "Who announced it, and when?");
  g_assert_true (highlighted (fixture, phrase));
  g_assert_cmpuint (px_notes_pane_get_n_notes (fixture->window->notes_pane), ==, 1);

  /* Deleted from the pane, then brought back by the toast's undo. */
  g_signal_emit_by_name (fixture->window->notes_pane, "delete-note", note);
  g_assert_cmpuint (count_notes (fixture), ==, 0);
  g_assert_cmpuint (px_notes_pane_get_n_notes (fixture->window->notes_pane), ==, 0);
  g_assert_false (highlighted (fixture, phrase));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete-note", NULL);
  g_assert_cmpuint (count_notes (fixture), ==, 1);
  g_assert_cmpuint (px_notes_pane_get_n_notes (fixture->window->notes_pane), ==, 1);
  g_assert_true (highlighted (fixture, phrase));
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

static gboolean
text_read (gpointer data)
{
  return *(char **) data != NULL;
}

/* Copies the selection with its source, as Markdown, and reads it back. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  GtkTextBuffer *buffer = article_buffer (fixture);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  GtkTextIter start, match, match_end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "the 79th Academy Awards", 0,
                                               &match, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match, &match_end);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-claim-markdown", NULL);
  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  g_assert_true (wait_for (text_read, &text));
  /* A quote, its outlet in bold, the address; Markdown's specials escaped. */
  g_assert_true (g_str_has_prefix (text, "> the 79th Academy Awards\n\n— **foxnews\\.com**"));
  g_assert_nonnull (strstr (text, "<http://www.foxnews.com/"));
}

static const char *
shown_clean_text (Fixture *fixture)
{
  return px_article_get_clean_text (px_article_view_get_article (fixture->window->article_view));
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  GArray *removed = px_article_get_removed (fixture->article);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) stored = NULL;
  guint start = G_MAXUINT;
  const char *raw = px_article_get_raw_text (fixture->article);
  GtkWidget *popover, *button;

  for (guint i = 0; i < removed->len; i++)
    {
      const PxSpan *span = &g_array_index (removed, PxSpan, i);

      if (g_strstr_len (raw + span->start, span->end - span->start, LOST_SENTENCE) != NULL)
        start = span->start;
    }
  g_assert_cmpuint (start, !=, G_MAXUINT);
  g_assert_null (strstr (shown_clean_text (fixture), LOST_SENTENCE));

  /* What a click on the dimmed span offers; its button restores. */
  px_article_view_set_show_removed (fixture->window->article_view, TRUE);
  popover = find_widget (GTK_WIDGET (fixture->window->article_view), PX_TYPE_RESTORE_POPOVER);
  g_assert_nonnull (popover);
  px_restore_popover_set_span (PX_RESTORE_POPOVER (popover), start, FALSE, "byline");
  button = find_widget (popover, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Restore");
  g_signal_emit_by_name (button, "clicked");
  g_assert_nonnull (strstr (shown_clean_text (fixture), LOST_SENTENCE));
  /* Kept in the library, not only on screen. */
  stored = px_store_get_article (fixture->window->store, px_article_get_id (fixture->article), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (px_article_get_clean_text (stored), LOST_SENTENCE));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-restore", NULL);
  g_assert_null (strstr (shown_clean_text (fixture), LOST_SENTENCE));
}

static gboolean
file_written (gpointer data)
{
  g_autoptr (GFileInfo) info = g_file_query_info (data, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL && g_file_info_get_size (info) > 0;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  static const PxExportFormat formats[] = {
    PX_EXPORT_MARKDOWN, PX_EXPORT_HTML, PX_EXPORT_PDF, PX_EXPORT_JSON, PX_EXPORT_CSV,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (PxExporter) exporter = px_exporter_new (formats[i]);
      g_autofree char *name = g_strdup_printf ("export.%s", px_export_format_extension (formats[i]));
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;

      _px_window_export (fixture->window, exporter, file);
      g_assert_true (wait_for (file_written, file));
      /* The exporter writes a temporary file and renames it: this is all of it. */
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (formats[i] == PX_EXPORT_PDF)
        g_assert_true (g_str_has_prefix (contents, "%PDF"));
      else if (formats[i] != PX_EXPORT_CSV)
        g_assert_nonnull (strstr (contents, "Oscars"));
    }
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "print.pdf", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "print.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *title = px_article_get_title (fixture->article);
  const char *argv[] = { NULL, path, text_path, NULL };
  int status;

  g_assert_true (_px_window_print (fixture->window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is missing: the PDF's text is not checked");
      return;
    }
  /* Text, not pictures of text: the title can be found in it. */
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, title));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/px/notes-gui/add-delete-note", Fixture, NULL, fixture_set_up,
              test_add_delete_note, fixture_tear_down);
  g_test_add ("/px/notes-gui/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/px/notes-gui/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/px/notes-gui/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/px/notes-gui/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  return g_test_run ();
}
