/* test-notes-gui.c: notes, restoring removed text, export and print in the window, under Xvfb
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "library-fixture.h"
#include "px-claim-pane.h"
#include "px-comparison-column.h"
#include "px-gui-test.h"
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
  px_article_view_set_article (_px_window_ensure_article_view (fixture->window), article);
  gtk_stack_set_visible_child_name (fixture->window->content_stack, "article");
}

/* @data: NULL for the one sample, else a prefix of sample names: those
 * (the reports of one event) are imported, the first shown. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  const char *prefix = data;

  fixture->dir = g_dir_make_tmp ("parallax-notes-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "library.sqlite3", NULL);
  fixture->window = g_object_ref_sink (px_window_new (NULL, fixture->db_path));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  paths = px_gui_test_sample_files (prefix != NULL ? prefix : SAMPLE);
  g_assert_cmpuint (paths->len, >=, 2);
  px_window_import (fixture->window, (const char * const *) paths->pdata);
  g_assert_true (px_gui_test_wait_for (import_finished, fixture->window, 60));
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_articles (fixture->window)), ==, paths->len - 1);
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
  return PX_NOTE_EDITOR (px_gui_test_find_toplevel (PX_TYPE_NOTE_EDITOR, FALSE));
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

  /* The notes pane, built when first opened, lists this article's note. */
  g_assert_null (fixture->window->notes_pane);
  gtk_toggle_button_set_active (fixture->window->notes_button, TRUE);
  g_assert_nonnull (fixture->window->notes_pane);
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

typedef struct
{
  Fixture *fixture;
  const char *phrase;
} NoteShown;

static gboolean
note_shown (gpointer data)
{
  NoteShown *shown = data;

  return highlighted (shown->fixture, shown->phrase)
         && px_notes_pane_get_n_notes (shown->fixture->window->notes_pane) == 1;
}

/* parallax-cli adds a note to the article on screen: the window
 * highlights it and the open notes pane lists it, unasked. */
static void
test_note_from_other_program (Fixture       *fixture,
                              gconstpointer  data)
{
  NoteShown shown = { fixture, "producers Craig Zadan and Neil Meron" };
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (fixture->db_path, &error);
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (PxTextMap) map = NULL;
  g_autoptr (PxNote) note = px_note_new ();
  const char *clean, *hit;

  g_assert_no_error (error);
  if (!library_fixture_can_watch (fixture->dir))
    return;
  gtk_toggle_button_set_active (fixture->window->notes_button, TRUE);
  g_assert_cmpuint (px_notes_pane_get_n_notes (fixture->window->notes_pane), ==, 0);
  g_assert_false (highlighted (fixture, shown.phrase));

  /* As `parallax-cli note add --quote` does. */
  article = px_store_get_article (store, px_article_get_id (fixture->article), &error);
  g_assert_no_error (error);
  map = px_text_map_new_for_article (article);
  clean = px_text_map_get_clean (map);
  hit = strstr (clean, shown.phrase);
  g_assert_nonnull (hit);
  px_note_set_article_id (note, px_article_get_id (article));
  px_note_set_clean_range (note, map, hit - clean, hit - clean + strlen (shown.phrase));
  px_note_set_body (note, "Who announced it?");
  g_assert_true (px_store_add_note (store, note, &error));
  g_assert_no_error (error);

  g_assert_true (px_gui_test_wait_for (note_shown, &shown, 20));
}

static gboolean
pane_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
pane_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* The pane is built when first opened, not with the window; it is out of
 * the window's layout while closed, and in it, drawn, while the notes
 * button holds it open. */
static void
test_pane_shown (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *pane;

  px_gui_test_settle (100);
  g_assert_null (fixture->window->notes_pane);
  g_assert_null (adw_flap_get_flap (fixture->window->notes_flap));
  gtk_toggle_button_set_active (fixture->window->notes_button, TRUE);
  pane = GTK_WIDGET (fixture->window->notes_pane);
  g_assert_nonnull (pane);
  g_assert_true (adw_flap_get_flap (fixture->window->notes_flap) == pane);
  g_assert_true (px_gui_test_wait_for (pane_mapped, pane, 10));
  g_assert_true (adw_flap_get_reveal_flap (fixture->window->notes_flap));
  px_gui_test_settle (500);
  g_assert_cmpfloat (adw_flap_get_reveal_progress (fixture->window->notes_flap), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (pane), >, 0);

  gtk_toggle_button_set_active (fixture->window->notes_button, FALSE);
  g_assert_true (px_gui_test_wait_for (pane_hidden, pane, 10));
  g_assert_cmpfloat (adw_flap_get_reveal_progress (fixture->window->notes_flap), ==, 0);

  /* Opened again, it is the same pane. */
  gtk_toggle_button_set_active (fixture->window->notes_button, TRUE);
  g_assert_true (GTK_WIDGET (fixture->window->notes_pane) == pane);
  g_assert_true (px_gui_test_wait_for (pane_mapped, pane, 10));
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
  g_assert_true (px_gui_test_wait_for (text_read, &text, 60));
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
  popover = px_gui_test_find_widget (GTK_WIDGET (fixture->window->article_view), PX_TYPE_RESTORE_POPOVER);
  g_assert_nonnull (popover);
  px_restore_popover_set_span (PX_RESTORE_POPOVER (popover), start, FALSE, "byline");
  button = px_gui_test_find_widget (popover, GTK_TYPE_BUTTON);
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
      g_assert_true (px_gui_test_wait_for (file_written, file, 60));
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

/* Opens the comparison of the articles @ids in the window. */
static PxComparison *
compare (Fixture      *fixture,
         const gint64 *ids,
         guint         n_ids)
{
  PxComparisonView *view;

  px_window_show_comparison (fixture->window, ids, n_ids);
  view = fixture->window->comparison_view;
  g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, view, 60));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "comparison");
  return px_comparison_view_get_comparison (view);
}

static PxComparisonColumn *
column_of (Fixture *fixture,
           guint    article)
{
  return PX_COMPARISON_COLUMN (px_comparison_view_get_column (fixture->window->comparison_view, article));
}

/* The note the reader writes in the open editor and saves. */
static void
write_note (const char *body,
            const char *tags)
{
  PxNoteEditor *editor = find_editor ();
  GtkWidget *entry;

  g_assert_nonnull (editor);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (find_text_view (GTK_WIDGET (editor))), body, -1);
  entry = px_gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), tags);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_null (find_editor ());
}

/* A claim several outlets carry: its first two members, from two articles. */
static guint
shared_claim (PxComparison  *comparison,
              PxClaimMember *first,
              PxClaimMember *second)
{
  for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (comparison, c);

      if (claim->members->len < 2)
        continue;
      *first = g_array_index (claim->members, PxClaimMember, 0);
      for (guint m = 1; m < claim->members->len; m++)
        {
          *second = g_array_index (claim->members, PxClaimMember, m);
          if (second->article != first->article)
            return c;
        }
    }
  g_assert_not_reached ();
}

static char *
sentence_text (PxComparison        *comparison,
               const PxClaimMember *member)
{
  const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
  const PxRange *range = &g_array_index (article->sentences, PxRange, member->sentence);

  return g_strndup (article->text + range->start, range->end - range->start);
}

/* A note on a claim, made in the window on one outlet's sentence, shows
 * beside the sentences of every outlet carrying the claim and in the claim
 * pane when the reader picks another outlet's version, and finds its claim
 * again in another comparison (other claims, other numbers). */
static void
test_claim_note (Fixture       *fixture,
                 gconstpointer  data)
{
  PxComparisonView *view;
  PxClaimPane *pane;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *key = NULL;
  g_autofree char *cue = NULL;
  PxComparison *comparison;
  PxClaimMember first, second;
  gint64 first_id, second_id;
  guint claim;
  PxNote *note;

  for (guint i = 0; i < g_list_model_get_n_items (px_window_get_articles (fixture->window)); i++)
    {
      gint64 id = i + 1;

      g_array_append_val (ids, id);
    }
  comparison = compare (fixture, (gint64 *) ids->data, ids->len);
  view = fixture->window->comparison_view;
  pane = PX_CLAIM_PANE (px_comparison_view_get_claim_pane (view));
  claim = shared_claim (comparison, &first, &second);
  first_id = px_comparison_get_article (comparison, first.article)->id;
  second_id = px_comparison_get_article (comparison, second.article)->id;
  quote = sentence_text (comparison, &first);

  /* Nothing picked: nothing to note. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-claim-note", NULL);
  g_assert_null (find_editor ());

  /* The reader clicks the first outlet's sentence, then Ctrl+Shift+M. */
  g_signal_emit_by_name (column_of (fixture, first.article), "sentence-activated", first.sentence);
  g_assert_cmpuint (px_comparison_view_get_selected_claim (view), ==, claim);
  g_assert_null (px_comparison_column_dup_claim_notes_text (column_of (fixture, second.article),
                                                           second.sentence));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-claim-note", NULL);
  g_assert_nonnull (find_editor ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (find_editor ())), ==, "New Claim Note");
  g_assert_cmpstr (px_note_get_quote (px_note_editor_get_note (find_editor ())), ==, quote);
  write_note ("Outlet B's figure matches the agency's report", "checked, figures");

  notes = px_store_list_notes (fixture->window->store, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  note = notes->pdata[0];
  key = px_note_claim_key (quote, -1);
  g_assert_cmpint (px_note_get_article_id (note), ==, first_id);
  g_assert_cmpstr (px_note_get_claim_key (note), ==, key);
  g_assert_cmpstr (px_note_get_quote (note), ==, quote);

  /* A cue beside the claim's sentence in the other outlet's column, its
   * tooltip the note; no highlight over the noted words themselves. */
  cue = px_comparison_column_dup_claim_notes_text (column_of (fixture, second.article), second.sentence);
  g_assert_cmpstr (cue, ==, "Outlet B's figure matches the agency's report\nchecked, figures");
  g_clear_pointer (&cue, g_free);
  cue = px_comparison_column_dup_claim_notes_text (column_of (fixture, first.article), first.sentence);
  g_assert_nonnull (cue);
  g_clear_pointer (&cue, g_free);

  /* The reader picks the other outlet's version: the pane lists the note. */
  px_comparison_view_select_claim (view, PX_NO_CLAIM);
  g_signal_emit_by_name (column_of (fixture, second.article), "sentence-activated", second.sentence);
  g_assert_cmpuint (px_comparison_view_get_selected_claim (view), ==, claim);
  listed = px_claim_pane_dup_notes (pane);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (px_note_get_body (listed->pdata[0]), ==, "Outlet B's figure matches the agency's report");

  /* Another comparison, of those two articles only: other claims, yet the
   * note finds its claim by its sentence. */
  {
    gint64 pair[] = { first_id, second_id };
    guint a = 0, b = 1;
    guint again;

    comparison = compare (fixture, pair, 2);
    if (px_comparison_get_article (comparison, 0)->id != first_id)
      a = 1, b = 0;
    again = px_comparison_find_claim (comparison, a, first.sentence);
    g_assert_nonnull (px_comparison_view_get_claim_notes (view, again));
    g_assert_cmpuint (px_comparison_view_get_claim_notes (view, again)->len, ==, 1);
    for (guint m = 0; m < px_comparison_get_claim (comparison, again)->members->len; m++)
      {
        const PxClaimMember *member = &g_array_index (px_comparison_get_claim (comparison, again)->members,
                                                      PxClaimMember, m);

        cue = px_comparison_column_dup_claim_notes_text (column_of (fixture, member->article), member->sentence);
        g_assert_nonnull (cue);
        g_clear_pointer (&cue, g_free);
      }
    (void) b;
  }

  /* Deleted from the claim pane, then brought back. */
  px_comparison_view_select_claim (view, px_comparison_find_claim (comparison,
                                                                   px_comparison_get_article (comparison, 0)->id
                                                                   == first_id ? 0 : 1,
                                                                   first.sentence));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = px_claim_pane_dup_notes (pane);
  g_assert_cmpuint (listed->len, ==, 1);
  g_signal_emit_by_name (pane, "delete-note", listed->pdata[0]);
  g_assert_cmpuint (count_notes (fixture), ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = px_claim_pane_dup_notes (pane);
  g_assert_cmpuint (listed->len, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete-note", NULL);
  g_assert_cmpuint (count_notes (fixture), ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = px_claim_pane_dup_notes (pane);
  g_assert_cmpuint (listed->len, ==, 1);
}

/* A note on words in a column is highlighted there, and hovering it shows
 * its text and tags. */
static void
test_column_tooltip (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 ids[] = { 1, 2 };
  PxComparison *comparison = compare (fixture, ids, 2);
  const PxComparisonArticle *article = px_comparison_get_article (comparison, 1);
  PxComparisonColumn *column = column_of (fixture, 1);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_comparison_column_get_text_view (column));
  const PxRange *sentence = &g_array_index (article->sentences, PxRange, 1);
  g_autofree char *words = g_strndup (article->text + sentence->start, 20);
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int from, to;

  /* Twenty bytes of the second sentence: not its first words' characters. */
  from = g_utf8_pointer_to_offset (article->text, article->text + sentence->start);
  to = from + g_utf8_strlen (words, -1) - 1;
  g_assert_null (px_comparison_column_dup_note_text (column, from + 1));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-note", NULL);
  g_assert_nonnull (find_editor ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (find_editor ())), ==, "New Note");
  write_note ("Which outlet said this first?", "sources");
  g_assert_cmpuint (count_notes (fixture), ==, 1);

  text = px_comparison_column_dup_note_text (column, from + 1);
  g_assert_cmpstr (text, ==, "Which outlet said this first?\nsources");
  g_clear_pointer (&text, g_free);
  /* Only over the noted words. */
  g_assert_null (px_comparison_column_dup_note_text (column, to + 1));
  g_assert_null (px_comparison_column_dup_note_text (column_of (fixture, 0), from + 1));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/px/notes-gui/add-delete-note", Fixture, NULL, fixture_set_up,
              test_add_delete_note, fixture_tear_down);
  g_test_add ("/px/notes-gui/note-from-other-program", Fixture, NULL, fixture_set_up,
              test_note_from_other_program, fixture_tear_down);
  g_test_add ("/px/notes-gui/pane-shown", Fixture, NULL, fixture_set_up, test_pane_shown, fixture_tear_down);
  g_test_add ("/px/notes-gui/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/px/notes-gui/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/px/notes-gui/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/px/notes-gui/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/px/notes-gui/claim-note", Fixture, "3-", fixture_set_up, test_claim_note, fixture_tear_down);
  g_test_add ("/px/notes-gui/column-tooltip", Fixture, "3-", fixture_set_up, test_column_tooltip,
              fixture_tear_down);
  return g_test_run ();
}
