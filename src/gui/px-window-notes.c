/* px-window-notes.c: the window's notes, restoring removed text, export, print and copy
 *
 * Notes: Ctrl+M (or the text's context menu) notes the selected text of
 * the article shown; notes are highlighted in the article and listed in
 * the notes pane, where they are edited and deleted (with an undo toast:
 * storing a deleted note again brings it back). In a comparison,
 * Ctrl+Shift+M (or the claim pane's button, or the context menu) notes
 * the selected claim: the note is anchored on the claim's sentence the
 * reader clicked (else its first), with that sentence's key
 * (px_note_claim_key ()), as `parallax-cli note add --claim` does, so it
 * finds its claim again after the analysis changes; the comparison view
 * shows it beside every sentence of the claim and in the claim pane.
 *
 * Restoring: the article view asks ("restore-span"), the window restores
 * the span in the library, places the article's notes again in the new
 * clean text and shows the article again, with an undo toast.
 *
 * Export (Ctrl+E) writes the comparison's event or the article shown in a
 * format the reader picks, in a thread; print (Ctrl+P) lays out the
 * article, or the comparison's claims, with Pango; Ctrl+Shift+C copies
 * the selected claim with its sources (or the selected text with its
 * article) as plain text, and the context menu also as Markdown.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-article-item.h"
#include "px-comparison-column.h"
#include "px-export-dialog.h"
#include "px-exporter.h"
#include "px-note-editor.h"
#include "px-notes-pane.h"
#include "px-reclean.h"
#include "px-store-notes.h"
#include "px-text-printer.h"
#include "px-window-private.h"

struct _PxWindowNotes
{
  /* the last restore, for undo */
  gint64 restore_article;
  guint restore_start;
  gboolean restore_restored;
  gboolean can_undo_restore;

  GPtrArray *deleted;                /* PxNote, the last deleted, for undo */

  /* the export being set up or running */
  GtkFileChooserNative *export_chooser;
  PxExporter *exporter;
  GCancellable *export_cancellable;
};

static void
show_toast (PxWindow   *self,
            const char *text,
            const char *action)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  if (action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
showing_comparison (PxWindow *self)
{
  return self->comparison_view != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "comparison") == 0
         && px_comparison_view_get_comparison (self->comparison_view) != NULL;
}

static PxArticle *
shown_article (PxWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "article") != 0)
    return NULL;
  return px_article_view_get_article (self->article_view);
}

static void
update_notes_actions (PxWindow *self)
{
  gboolean open = self->store != NULL;
  gboolean article = open && shown_article (self) != NULL;
  gboolean comparison = open && showing_comparison (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-note", article || comparison);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-claim-note",
                                 comparison && px_comparison_view_get_selected_claim (self->comparison_view)
                                               != PX_NO_CLAIM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", article || comparison);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", article || comparison);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-claim", article || comparison);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-claim-markdown", article || comparison);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-restore",
                                 open && self->notes->can_undo_restore);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete-note",
                                 open && self->notes->deleted != NULL);
}

/* Columns of the comparison show their article's clean text sentence by
 * sentence: buffer characters are converted to clean-text bytes through
 * the sentences. */
static guint
column_byte_at (PxComparisonColumn        *column,
                const PxComparisonArticle *article,
                int                        offset)
{
  guint sentence = px_comparison_column_find_sentence (column, offset);
  const PxRange *range;
  int start, end;

  if (sentence >= article->sentences->len)
    return strlen (article->text);
  range = &g_array_index (article->sentences, PxRange, sentence);
  px_comparison_column_get_sentence_range (column, sentence, &start, &end);
  if (offset <= start)
    return range->start;
  return g_utf8_offset_to_pointer (article->text + range->start, MIN (offset, end) - start)
         - article->text;
}

/* The text map of a compared article, when the comparison shows the
 * article's current clean text (else notes cannot be placed in it). */
static PxTextMap *
column_text_map (PxWindow                  *self,
                 const PxComparisonArticle *article)
{
  g_autoptr (PxArticle) stored = px_store_get_article (self->store, article->id, NULL);

  if (stored == NULL || g_strcmp0 (px_article_get_clean_text (stored), article->text) != 0)
    return NULL;
  return px_text_map_new_for_article (stored);
}

static void
text_map_free (gpointer map)
{
  if (map != NULL)
    px_text_map_unref (map);
}

/* Gives the comparison the notes of its articles. */
static void
show_comparison_notes (PxWindow *self)
{
  PxComparison *comparison = px_comparison_view_get_comparison (self->comparison_view);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) maps = g_ptr_array_new_with_free_func (text_map_free);

  if (comparison == NULL)
    return;
  for (guint a = 0; a < px_comparison_get_n_articles (comparison); a++)
    {
      const PxComparisonArticle *article = px_comparison_get_article (comparison, a);
      PxTextMap *map = column_text_map (self, article);
      g_autoptr (GPtrArray) article_notes = NULL;

      g_ptr_array_add (maps, map);
      if (map != NULL
          && (article_notes = px_store_list_notes (self->store, article->id, 0, NULL, NULL)) != NULL)
        for (guint n = 0; n < article_notes->len; n++)
          g_ptr_array_add (notes, g_object_ref (article_notes->pdata[n]));
    }
  px_comparison_view_set_notes (self->comparison_view, notes, maps);
}

/* The column with a selection, its article and the selection as a range
 * of the article's clean text. */
static PxComparisonColumn *
column_selection (PxWindow                   *self,
                  const PxComparisonArticle **article,
                  guint                      *clean_start,
                  guint                      *clean_end)
{
  PxComparison *comparison = px_comparison_view_get_comparison (self->comparison_view);
  GtkWidget *widget;

  for (guint i = 0; comparison != NULL
                    && (widget = px_comparison_view_get_column (self->comparison_view, i)) != NULL; i++)
    {
      PxComparisonColumn *column = PX_COMPARISON_COLUMN (widget);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_comparison_column_get_text_view (column));
      GtkTextIter start, end;

      if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        continue;
      *article = px_comparison_get_article (comparison, px_comparison_column_get_article (column));
      *clean_start = column_byte_at (column, *article, gtk_text_iter_get_offset (&start));
      *clean_end = column_byte_at (column, *article, gtk_text_iter_get_offset (&end));
      if (*clean_start < *clean_end)
        return column;
    }
  return NULL;
}

/* Tells the notes pane, once built, what "this article" and "this event"
 * are. */
static void
update_pane_context (PxWindow *self)
{
  PxArticle *article = shown_article (self);

  if (self->notes_pane == NULL)
    return;
  px_notes_pane_set_context (self->notes_pane, article != NULL ? px_article_get_id (article) : 0,
                             showing_comparison (self) ? px_comparison_view_get_event (self->comparison_view)
                                                       : 0);
}

static void
reload_pane (PxWindow *self)
{
  if (self->notes_pane != NULL)
    px_notes_pane_reload (self->notes_pane);
}

/* Highlights the shown article's notes and tells the pane what "this
 * article" and "this event" are. */
static void
reload_notes (PxWindow *self)
{
  PxArticle *article = self->article_view != NULL ? px_article_view_get_article (self->article_view) : NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  if (article != NULL)
    {
      notes = px_store_list_notes (self->store, px_article_get_id (article), 0, NULL, &error);
      if (notes == NULL)
        _px_window_show_error (self, _("Cannot Read the Notes"), error);
    }
  if (self->article_view != NULL)
    px_article_view_set_notes (self->article_view, notes);
  if (showing_comparison (self))
    show_comparison_notes (self);
  update_pane_context (self);
  update_notes_actions (self);
}

/* Another program (parallax-cli note) may have changed any note. */
void
_px_window_reload_notes (PxWindow *self)
{
  reload_notes (self);
  reload_pane (self);
}

static void
context_changed_cb (PxWindow *self)
{
  reload_notes (self);
}

/* Shows article @id again as the library now has it. */
static void
show_article_again (PxWindow *self,
                    gint64    id)
{
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (GError) error = NULL;

  article = px_store_get_article (self->store, id, &error);
  if (article == NULL)
    {
      _px_window_show_error (self, _("Cannot Show the Article"), error);
      return;
    }
  /* A new object: the view shows it, and "notify::article" reloads the notes. */
  px_article_view_set_article (_px_window_ensure_article_view (self), article);
}

static gboolean
restore_span (PxWindow *self,
              gint64    article_id,
              guint     start,
              gboolean  restored)
{
  g_autoptr (GError) error = NULL;

  if (!px_reclean_restore_span (self->store, article_id, start, restored, &error)
      || !px_store_reanchor_notes (self->store, article_id, &error))
    {
      _px_window_show_error (self, restored ? _("Cannot Restore the Text")
                                            : _("Cannot Remove the Text"), error);
      return FALSE;
    }
  show_article_again (self, article_id);
  /* The list shows cleaned lengths and the comparison cleaned texts. */
  _px_window_reload (self);
  return TRUE;
}

static void
restore_span_cb (PxWindow      *self,
                 guint          start,
                 gboolean       restored,
                 PxArticleView *view)
{
  PxArticle *article = px_article_view_get_article (view);
  gint64 id;

  if (article == NULL || self->store == NULL)
    return;
  id = px_article_get_id (article);
  if (!restore_span (self, id, start, restored))
    return;
  self->notes->restore_article = id;
  self->notes->restore_start = start;
  self->notes->restore_restored = !restored;
  self->notes->can_undo_restore = TRUE;
  update_notes_actions (self);
  show_toast (self, restored ? _("Text restored") : _("Text removed again"), "win.undo-restore");
}

static void
undo_restore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  if (!self->notes->can_undo_restore)
    return;
  self->notes->can_undo_restore = FALSE;
  restore_span (self, self->notes->restore_article, self->notes->restore_start,
                self->notes->restore_restored);
  update_notes_actions (self);
}

static void
note_saved_cb (PxWindow     *self,
               PxNoteEditor *editor)
{
  PxNote *note = px_note_editor_get_note (editor);
  g_autoptr (GError) error = NULL;
  gboolean added = px_note_get_id (note) <= 0;

  if (added ? !px_store_add_note (self->store, note, &error)
            : !px_store_update_note (self->store, note, &error))
    {
      _px_window_show_error (self, _("Cannot Save the Note"), error);
      return;
    }
  reload_notes (self);
  reload_pane (self);
  show_toast (self, added ? _("Note added") : _("Note saved"), NULL);
}

static void
edit_note (PxWindow *self,
           PxNote   *note)
{
  GtkWidget *editor = px_note_editor_new (GTK_WINDOW (self), note);

  g_signal_connect_object (editor, "saved", G_CALLBACK (note_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_note_cb (PxWindow *self,
              PxNote   *note)
{
  /* A copy: cancelling leaves the highlighted note as it was. */
  g_autoptr (GError) error = NULL;
  g_autoptr (PxNote) copy = px_store_get_note (self->store, px_note_get_id (note), &error);

  if (copy == NULL)
    _px_window_show_error (self, _("Cannot Edit the Note"), error);
  else
    edit_note (self, copy);
}

static void
delete_note_cb (PxWindow    *self,
                PxNote      *note,
                GtkWidget   *list)
{
  g_autoptr (GError) error = NULL;
  gint64 id = px_note_get_id (note);

  if (!px_store_delete_notes (self->store, &id, 1, &error))
    {
      _px_window_show_error (self, _("Cannot Delete the Note"), error);
      return;
    }
  g_clear_pointer (&self->notes->deleted, g_ptr_array_unref);
  self->notes->deleted = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->notes->deleted, g_object_ref (note));
  reload_notes (self);
  reload_pane (self);
  show_toast (self, _("Note deleted"), "win.undo-delete-note");
}

static void
undo_delete_note_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GPtrArray) deleted = g_steal_pointer (&self->notes->deleted);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; deleted != NULL && i < deleted->len; i++)
    if (!px_store_add_note (self->store, g_ptr_array_index (deleted, i), &error))
      {
        _px_window_show_error (self, _("Cannot Bring the Note Back"), error);
        break;
      }
  reload_notes (self);
  reload_pane (self);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  PxArticle *article = shown_article (self);
  const PxComparisonArticle *compared = NULL;
  g_autoptr (PxTextMap) column_map = NULL;
  PxTextMap *map = NULL;
  g_autoptr (PxNote) note = NULL;
  gint64 id = 0;
  guint start, end;

  if (article != NULL && px_article_view_get_selection (self->article_view, &start, &end))
    {
      id = px_article_get_id (article);
      map = px_article_view_get_text_map (self->article_view);
    }
  else if (showing_comparison (self) && column_selection (self, &compared, &start, &end) != NULL
           && (column_map = column_text_map (self, compared)) != NULL)
    {
      id = compared->id;
      map = column_map;
    }
  if (map == NULL)
    {
      show_toast (self, _("Select the text to note first"), NULL);
      return;
    }
  note = px_note_new ();
  px_note_set_article_id (note, id);
  px_note_set_clean_range (note, map, start, end);
  edit_note (self, note);
}

/* A note on the selected claim, on the sentence the reader clicked or the
 * claim's first whose article's text is the library's. */
static void
add_claim_note_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  PxComparison *comparison = showing_comparison (self)
                             ? px_comparison_view_get_comparison (self->comparison_view) : NULL;
  guint claim = comparison != NULL ? px_comparison_view_get_selected_claim (self->comparison_view)
                                   : PX_NO_CLAIM;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (PxClaimMember));
  const PxClaim *info;
  guint picked_article, picked_sentence;

  if (claim == PX_NO_CLAIM)
    {
      show_toast (self, _("Select a claim to note first"), NULL);
      return;
    }
  info = px_comparison_get_claim (comparison, claim);
  if (px_comparison_view_get_picked_sentence (self->comparison_view, &picked_article, &picked_sentence))
    g_array_append_val (candidates, ((PxClaimMember) { .article = picked_article,
                                                        .sentence = picked_sentence }));
  g_array_append_vals (candidates, info->members->data, info->members->len);
  for (guint i = 0; i < candidates->len; i++)
    {
      const PxClaimMember *member = &g_array_index (candidates, PxClaimMember, i);
      const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
      const PxRange *range = &g_array_index (article->sentences, PxRange, member->sentence);
      g_autoptr (PxTextMap) map = column_text_map (self, article);
      g_autoptr (PxNote) note = NULL;
      g_autofree char *key = NULL;

      if (map == NULL)
        continue;
      note = px_note_new ();
      key = px_note_claim_key (article->text + range->start, range->end - range->start);
      px_note_set_article_id (note, article->id);
      px_note_set_clean_range (note, map, range->start, range->end);
      px_note_set_claim_key (note, key);
      edit_note (self, note);
      return;
    }
  show_toast (self, _("The library’s text of these articles has changed: compare them again"), NULL);
}

/* Markdown's special characters escaped, so quoted text stays text. */
static void
append_markdown_escaped (GString    *out,
                         const char *text,
                         gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  for (const char *p = text; p < end; p++)
    {
      if (strchr ("\\`*_{}[]<>()#+-.!|~", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }
}

static void
append_source (GString    *out,
               const char *outlet,
               const char *published,
               gboolean    markdown)
{
  g_autofree char *date = px_format_published (published);

  if (outlet == NULL || *outlet == '\0')
    outlet = _("Unknown outlet");
  if (markdown)
    {
      g_string_append (out, "**");
      append_markdown_escaped (out, outlet, -1);
      g_string_append (out, "**");
    }
  else
    g_string_append (out, outlet);
  if (date != NULL)
    g_string_append_printf (out, ", %s", date);
}

static const char *
describe_status (PxClaimStatus status)
{
  switch (status)
    {
    case PX_CLAIM_SHARED:
      return _("reported by all");
    case PX_CLAIM_PARTIAL:
      return _("reported by some");
    case PX_CLAIM_UNIQUE:
      return _("reported by one");
    default:
      g_assert_not_reached ();
    }
}

/* Claim @index of @comparison with each article carrying it. */
static void
append_claim (GString      *out,
              PxComparison *comparison,
              guint         index,
              gboolean      markdown)
{
  const PxClaim *claim = px_comparison_get_claim (comparison, index);

  /* Translators: a claim's number and whether all, some or one article report it */
  g_string_append_printf (out, markdown ? _("**Claim %u** (%s)") : _("Claim %u (%s)"),
                          claim->id, describe_status (claim->status));
  g_string_append (out, "\n\n");
  for (guint i = 0; i < claim->members->len; i++)
    {
      const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, i);
      const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
      const PxRange *range = &g_array_index (article->sentences, PxRange, member->sentence);

      g_string_append (out, markdown ? "- " : "• ");
      append_source (out, article->outlet, article->published, markdown);
      g_string_append (out, ": “");
      if (markdown)
        append_markdown_escaped (out, article->text + range->start, range->end - range->start);
      else
        g_string_append_len (out, article->text + range->start, range->end - range->start);
      g_string_append (out, "”\n");
    }
}

/* The selected text of the shown article with where it is from. */
static gboolean
append_selection (GString   *out,
                  PxWindow  *self,
                  gboolean   markdown)
{
  PxArticle *article = shown_article (self);
  PxTextMap *map = article != NULL ? px_article_view_get_text_map (self->article_view) : NULL;
  const char *url;
  guint start, end;

  if (map == NULL || !px_article_view_get_selection (self->article_view, &start, &end))
    return FALSE;
  url = px_article_get_url (article);
  if (markdown)
    {
      g_string_append (out, "> ");
      append_markdown_escaped (out, px_text_map_get_clean (map) + start, end - start);
      g_string_append (out, "\n\n— ");
    }
  else
    {
      g_string_append (out, "“");
      g_string_append_len (out, px_text_map_get_clean (map) + start, end - start);
      g_string_append (out, "”\n— ");
    }
  append_source (out, px_article_get_outlet (article), px_article_get_published (article), markdown);
  if (url != NULL && *url != '\0')
    g_string_append_printf (out, markdown ? ", <%s>" : ", %s", url);
  g_string_append_c (out, '\n');
  return TRUE;
}

static void
copy (PxWindow *self,
      gboolean  markdown)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint claim;

  if (showing_comparison (self))
    {
      claim = px_comparison_view_get_selected_claim (self->comparison_view);
      if (claim == PX_NO_CLAIM)
        {
          show_toast (self, _("Select a claim to copy first"), NULL);
          return;
        }
      append_claim (out, px_comparison_view_get_comparison (self->comparison_view), claim, markdown);
    }
  else if (!append_selection (out, self, markdown))
    {
      show_toast (self, _("Select the text to copy first"), NULL);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), out->str);
  show_toast (self, markdown ? _("Copied as Markdown") : _("Copied with its sources"), NULL);
}

static void
copy_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  copy (PX_WINDOW (widget), g_str_has_suffix (action_name, "markdown"));
}

/* What is printed: the article shown, or every claim of the comparison. */
static GtkPrintOperation *
make_print_operation (PxWindow *self)
{
  PxArticle *article = shown_article (self);
  g_autoptr (GString) text = g_string_new (NULL);

  if (showing_comparison (self))
    {
      PxComparison *comparison = px_comparison_view_get_comparison (self->comparison_view);

      for (guint i = 0; i < px_comparison_get_n_claims (comparison); i++)
        {
          append_claim (text, comparison, i, FALSE);
          g_string_append_c (text, '\n');
        }
      return px_text_printer_new (adw_window_title_get_title (self->content_title), text->str);
    }
  if (article == NULL)
    return NULL;
  append_source (text, px_article_get_outlet (article), px_article_get_published (article), FALSE);
  if (px_article_get_url (article) != NULL)
    g_string_append_printf (text, "\n%s", px_article_get_url (article));
  g_string_append_printf (text, "\n\n%s", px_article_get_clean_text (article));
  return px_text_printer_new (px_article_get_title (article) != NULL ? px_article_get_title (article)
                                                                     : _("Untitled"),
                              text->str);
}

/**
 * _px_window_print:
 * @export_filename: (nullable): a PDF file to write instead of asking
 *
 * Prints the article or comparison shown; FALSE with @error when it failed.
 */
gboolean
_px_window_print (PxWindow    *self,
                  const char  *export_filename,
                  GError     **error)
{
  g_autoptr (GtkPrintOperation) operation = make_print_operation (self);

  if (operation == NULL)
    return TRUE;
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  return gtk_print_operation_run (operation,
                                  export_filename != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                          : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!_px_window_print (self, NULL, &error))
    _px_window_show_error (self, _("Cannot Print"), error);
}

static void
toggle_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  gtk_toggle_button_set_active (self->notes_button,
                                !gtk_toggle_button_get_active (self->notes_button));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PxWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  GFile *file = g_object_get_data (source, "px-file");
  g_autofree char *name = g_file_get_basename (file);

  if (!px_exporter_export_finish (PX_EXPORTER (source), result, &error))
    {
      if (self->store != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _px_window_show_error (self, _("Export Failed"), error);
    }
  else if (self->store != NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);

      show_toast (self, text, NULL);
    }
  if (self->notes != NULL && self->notes->exporter == PX_EXPORTER (source))
    {
      g_clear_object (&self->notes->exporter);
      g_clear_object (&self->notes->export_cancellable);
    }
}

/**
 * _px_window_export:
 * @file: where to write
 *
 * Exports the comparison's event or the article shown to @file with
 * @exporter's settings, in a thread; a toast says when it is done.
 */
void
_px_window_export (PxWindow   *self,
                   PxExporter *exporter,
                   GFile      *file)
{
  PxArticle *article = shown_article (self);
  gint64 event_id = 0, id = 0;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (showing_comparison (self))
    {
      PxComparison *comparison = px_comparison_view_get_comparison (self->comparison_view);

      event_id = px_comparison_view_get_event (self->comparison_view);
      for (guint i = 0; event_id <= 0 && i < px_comparison_get_n_articles (comparison); i++)
        g_array_append_val (ids, px_comparison_get_article (comparison, i)->id);
    }
  else if (article != NULL)
    {
      id = px_article_get_id (article);
      g_array_append_val (ids, id);
    }
  else
    return;

  if (self->notes->export_cancellable != NULL)
    g_cancellable_cancel (self->notes->export_cancellable);
  g_set_object (&self->notes->exporter, exporter);
  g_clear_object (&self->notes->export_cancellable);
  self->notes->export_cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (exporter), "px-file", g_object_ref (file), g_object_unref);
  px_exporter_export_async (exporter, self->db_path, event_id, (const gint64 *) ids->data, ids->len,
                            file, self->notes->export_cancellable, export_done_cb, g_object_ref (self));
}

static void
export_chooser_response_cb (PxWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  g_autoptr (PxExporter) exporter = g_object_steal_data (G_OBJECT (chooser), "px-exporter");
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->notes->export_chooser);
  if (file != NULL && exporter != NULL)
    _px_window_export (self, exporter, file);
}

/* What Export… writes, for the dialog and the file's name. */
static const char *
export_subject (PxWindow *self)
{
  PxArticle *article = shown_article (self);

  if (showing_comparison (self) || article == NULL || px_article_get_title (article) == NULL)
    return adw_window_title_get_title (self->content_title);
  return px_article_get_title (article);
}

static void
export_chosen_cb (PxWindow       *self,
                  PxExportDialog *dialog)
{
  PxExportFormat format = px_export_dialog_get_format (dialog);
  PxExporter *exporter = px_exporter_new (format);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *subject = export_subject (self);

  px_exporter_set_paper (exporter, px_export_dialog_get_paper (dialog));
  px_exporter_set_include_claims (exporter, px_export_dialog_get_include_claims (dialog));

  g_clear_object (&self->notes->export_chooser);
  self->notes->export_chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                                             GTK_FILE_CHOOSER_ACTION_SAVE,
                                                             _("_Export"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (self->notes->export_chooser), "px-exporter", exporter,
                          g_object_unref);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->notes->export_chooser), TRUE);
  gtk_file_filter_add_mime_type (filter, px_export_format_mime_type (format));
  gtk_file_filter_add_suffix (filter, px_export_format_extension (format));
  gtk_file_filter_set_name (filter, px_export_format_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->notes->export_chooser), filter);
  /* A file name cannot hold a slash. */
  name = g_strdelimit (g_strdup_printf ("%s.%s", subject != NULL && *subject != '\0' ? subject
                                                                                      : _("Parallax"),
                                        px_export_format_extension (format)),
                       "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->notes->export_chooser), name);
  g_signal_connect_swapped (self->notes->export_chooser, "response",
                            G_CALLBACK (export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->notes->export_chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autofree char *subject = NULL;
  GtkWidget *dialog;

  if (showing_comparison (self))
    /* Translators: %s is the event's name */
    subject = g_strdup_printf (_("The event “%s”, its claims and its notes"), export_subject (self));
  else
    /* Translators: %s is the article's title */
    subject = g_strdup_printf (_("The article “%s” and its notes"), export_subject (self));
  dialog = px_export_dialog_new (GTK_WINDOW (self), subject);
  g_signal_connect_object (dialog, "export", G_CALLBACK (export_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_px_window_class_init_notes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PxWindow, notes_flap);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, notes_button);

  gtk_widget_class_install_action (widget_class, "win.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "win.add-claim-note", NULL, add_claim_note_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-note", NULL, undo_delete_note_action);
  gtk_widget_class_install_action (widget_class, "win.undo-restore", NULL, undo_restore_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-notes", NULL, toggle_notes_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-claim", NULL, copy_claim_action);
  gtk_widget_class_install_action (widget_class, "win.copy-claim-markdown", NULL, copy_claim_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-claim-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-claim", NULL);
}

static void
ensure_css (void)
{
  static gboolean loaded;
  g_autoptr (GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/parallax/Parallax/px-notes.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The notes pane is built when it first opens, not with the window, whose
 * first frame does not show it: 11 million instructions less before that
 * frame. */
static void
ensure_notes_pane (PxWindow *self)
{
  GtkWidget *pane;

  if (self->notes_pane != NULL)
    return;
  pane = px_notes_pane_new ();
  self->notes_pane = PX_NOTES_PANE (pane);
  gtk_widget_add_css_class (pane, "background");
  /* Shown by flap_moved_cb () as the flap opens, as when it was built with
   * the window: put in the flap shown, GTK 4.8 warned of snapshotting the
   * leaflet without an allocation in the frame after. */
  gtk_widget_set_visible (pane, FALSE);
  g_signal_connect_swapped (pane, "edit-note", G_CALLBACK (edit_note_cb), self);
  g_signal_connect_swapped (pane, "delete-note", G_CALLBACK (delete_note_cb), self);
  adw_flap_set_flap (self->notes_flap, pane);
  update_pane_context (self);
  px_notes_pane_set_store (self->notes_pane, self->store);
}

/* The pane is built before the flap starts sliding: built from the flap's
 * notification, after the slide had started, the slide's first step was
 * now and then NaN in libadwaita 1.2 (a content pane allocated
 * -2147483648 pixels wide). */
static void
notes_button_toggled_cb (PxWindow *self)
{
  if (gtk_toggle_button_get_active (self->notes_button))
    ensure_notes_pane (self);
}

/* AdwFlap measures and lays out its flap even while it is hidden: the notes
 * pane, with its status pages, counted for a fifth of the text the window's
 * first frame laid out. It is visible only while it shows or slides. */
static void
flap_moved_cb (PxWindow *self)
{
  gboolean shown = adw_flap_get_reveal_flap (self->notes_flap)
                   || adw_flap_get_reveal_progress (self->notes_flap) > 0;

  if (shown)
    ensure_notes_pane (self);
  if (self->notes_pane != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->notes_pane), shown);
}

/* From px_window_init (): the library is not open yet. */
void
_px_window_init_notes (PxWindow *self)
{
  ensure_css ();
  self->notes = g_new0 (PxWindowNotes, 1);
  /* Before the binding: the pane is there when the flap is told to open. */
  g_signal_connect_swapped (self->notes_button, "notify::active", G_CALLBACK (notes_button_toggled_cb), self);
  g_object_bind_property (self->notes_button, "active", self->notes_flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_swapped (self->notes_flap, "notify::reveal-flap", G_CALLBACK (flap_moved_cb), self);
  g_signal_connect_swapped (self->notes_flap, "notify::reveal-progress", G_CALLBACK (flap_moved_cb), self);
  flap_moved_cb (self);
  g_signal_connect_swapped (self->content_stack, "notify::visible-child-name",
                            G_CALLBACK (context_changed_cb), self);
  update_notes_actions (self);
}

/* From _px_window_ensure_article_view (), when the window's article view
 * is built: it shows the article's notes and asks to restore text. */
void
_px_window_watch_article_notes (PxWindow *self)
{
  g_signal_connect_swapped (self->article_view, "restore-span", G_CALLBACK (restore_span_cb), self);
  g_signal_connect_swapped (self->article_view, "note-activated", G_CALLBACK (edit_note_cb), self);
  g_signal_connect_swapped (self->article_view, "notify::article", G_CALLBACK (context_changed_cb), self);
}

/* From _px_window_ensure_comparison_view (), when the window's comparison
 * view is built: its notes and claims reach the window's. */
void
_px_window_watch_comparison_notes (PxWindow *self)
{
  GtkWidget *claim_pane = px_comparison_view_get_claim_pane (self->comparison_view);

  g_signal_connect_object (self->comparison_view, "loaded", G_CALLBACK (context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison_view, "notify::selected-claim",
                           G_CALLBACK (update_notes_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (claim_pane, "edit-note", G_CALLBACK (edit_note_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (claim_pane, "delete-note", G_CALLBACK (delete_note_cb), self, G_CONNECT_SWAPPED);
}

/* Once the library is open. */
void
_px_window_open_notes (PxWindow *self)
{
  if (self->notes_pane != NULL)
    px_notes_pane_set_store (self->notes_pane, self->store);
  reload_notes (self);
}

void
_px_window_dispose_notes (PxWindow *self)
{
  if (self->notes == NULL)
    return;
  if (self->notes->export_cancellable != NULL)
    g_cancellable_cancel (self->notes->export_cancellable);
  g_clear_object (&self->notes->export_cancellable);
  g_clear_object (&self->notes->exporter);
  g_clear_object (&self->notes->export_chooser);
  g_clear_pointer (&self->notes->deleted, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_free);
}
