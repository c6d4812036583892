/* px-window-actions.c: the window's actions: importing, the sample, search, events
 *
 * An import runs in a thread on its own connection (px_importer_import_async);
 * the window shows its progress, then a toast saying what was stored, what
 * was already there and what failed and why. Files dropped while an import
 * runs wait for it.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-data.h"
#include "px-event-item.h"
#include "px-events.h"
#include "px-window-private.h"

static void update_event_actions (PxWindow *self);

/* A failure's details name at most this many files, so that the dialog
 * fits on a screen; the rest are counted. */
#define MAX_DETAILED_FAILURES 8

void
_px_window_update_actions (PxWindow *self)
{
  gboolean open = self->store != NULL;
  gboolean importing = px_window_get_importing (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample", open && !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import",
                                 !importing && self->last_imported != NULL
                                 && self->last_imported->len > 0);
  update_event_actions (self);
}

static char *
describe_problem (const PxImportResult *result,
                  const char           *reason)
{
  g_autofree char *name = g_path_get_basename (result->file);

  if (result->line > 0)
    /* Translators: a file, the line (or item) in it, and why it could not be imported */
    return g_strdup_printf (_("%s, line %u: %s"), name, result->line, reason);
  /* Translators: a file and why it could not be imported */
  return g_strdup_printf (_("%s: %s"), name, reason);
}

static char *
describe_failure (const PxImportResult *result)
{
  return describe_problem (result, result->error != NULL ? result->error->message
                                                         : _("unknown error"));
}

/* Adds one paragraph to @details while there are fewer than
 * MAX_DETAILED_FAILURES; counts every problem in @n_problems. */
static void
add_detail (GString    *details,
            guint      *n_problems,
            const char *paragraph)
{
  if ((*n_problems)++ < MAX_DETAILED_FAILURES)
    g_string_append_printf (details, "%s%s", details->len > 0 ? "\n\n" : "", paragraph);
}

/* One sentence for the toast ("3 articles imported, 1 already in the
 * library, 1 failed: a.html: reason"); @details gets the failures and the
 * warnings (the first MAX_DETAILED_FAILURES) a paragraph each, or NULL when
 * there were none. */
char *
_px_window_describe_import (GPtrArray  *results,
                            char      **details)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) problems = g_string_new (NULL);
  const PxImportResult *first_failure = NULL;
  guint stored = 0, duplicates = 0, failed = 0, warned = 0, n_problems = 0;

  for (guint i = 0; i < results->len; i++)
    {
      const PxImportResult *result = g_ptr_array_index (results, i);

      /* An impossible date and the like: the article is kept without it. */
      for (guint w = 0; result->warnings != NULL && w < result->warnings->len; w++, warned++)
        {
          g_autofree char *line = describe_problem (result, g_ptr_array_index (result->warnings, w));

          add_detail (problems, &n_problems, line);
        }

      switch (result->status)
        {
        case PX_IMPORT_STORED:
          stored++;
          break;
        case PX_IMPORT_DUPLICATE:
          duplicates++;
          break;
        case PX_IMPORT_FAILED:
          if (failed++ == 0)
            first_failure = result;
          {
            g_autofree char *line = describe_failure (result);

            add_detail (problems, &n_problems, line);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (n_problems > MAX_DETAILED_FAILURES)
    {
      g_string_append (problems, "\n\n");
      g_string_append_printf (problems,
                              ngettext ("… and %u more", "… and %u more",
                                        n_problems - MAX_DETAILED_FAILURES),
                              n_problems - MAX_DETAILED_FAILURES);
    }

  if (stored > 0 || (duplicates == 0 && failed == 0))
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u article imported",
                                                       "%u articles imported", stored),
                                             stored));
  if (duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u already in the library",
                                                       "%u already in the library", duplicates),
                                             duplicates));
  if (failed == 1)
    {
      g_autofree char *failure = describe_failure (first_failure);

      /* Translators: %s names the file and the reason */
      g_ptr_array_add (parts, g_strdup_printf (_("1 failed: %s"), failure));
    }
  else if (failed > 1)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u failed", "%u failed", failed), failed));
  if (warned > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u warning", "%u warnings", warned), warned));
  g_ptr_array_add (parts, NULL);

  if (details != NULL)
    *details = problems->len > 0 ? g_strdup (problems->str) : NULL;
  /* Translators: separates the parts of an import summary */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* Returns the toast, borrowed. */
static AdwToast *
show_toast (PxWindow   *self,
            const char *text,
            const char *button_label,
            const char *action)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_set_timeout (toast, button_label != NULL ? 10 : 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

static void start_import (PxWindow *self, GPtrArray *paths);
static void forget_event_undo (PxWindow *self);

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PxWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *summary = NULL;
  guint n_failed = 0, n_warned = 0;

  results = px_importer_import_finish (PX_IMPORTER (source), result, &error);
  g_clear_object (&self->importer);
  g_clear_object (&self->import_cancellable);
  if (self->import_application != NULL)
    {
      g_application_release (self->import_application);
      g_clear_object (&self->import_application);
    }

  /* The window may have been closed while the thread ran. */
  if (self->store == NULL)
    return;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  g_clear_pointer (&self->last_imported, g_array_unref);
  g_clear_pointer (&self->import_details, g_free);
  /* The import may have grouped articles into the events a snapshot
   * holds: putting them back would drop what it did. */
  forget_event_undo (self);
  if (results == NULL)
    {
      /* What was committed before a stop stays; a stop is no error. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _px_window_show_error (self, _("Import Failed"), error);
    }
  else
    {
      self->last_imported = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < results->len; i++)
        {
          const PxImportResult *r = g_ptr_array_index (results, i);

          if (r->status == PX_IMPORT_STORED)
            g_array_append_val (self->last_imported, r->article_id);
          n_failed += r->status == PX_IMPORT_FAILED;
          n_warned += r->warnings != NULL;
        }
      summary = _px_window_describe_import (results, &self->import_details);
      self->import_failed = n_failed > 0;
      if (n_failed > 1 || n_warned > 0)
        show_toast (self, summary, _("_Details"), "win.show-import-details");
      else if (self->last_imported->len > 0)
        show_toast (self, summary, _("_Undo"), "win.undo-import");
      else
        show_toast (self, summary, NULL, NULL);
    }

  _px_window_reload (self);
  _px_window_notify_importing (self);
  _px_window_update_actions (self);

  if (self->queued_paths != NULL && self->queued_paths->len > 0)
    {
      g_autoptr (GPtrArray) next = g_steal_pointer (&self->queued_paths);

      start_import (self, next);
    }
}

static void
start_import (PxWindow  *self,
              GPtrArray *paths)
{
  g_autofree char *label = NULL;

  g_assert (self->importer == NULL);

  self->importer = px_importer_new (self->db_path);
  self->import_cancellable = g_cancellable_new ();
  /* Closing the window does not stop the import, and the application
   * stays until it ends, so that no batch is cut off by quitting. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      self->import_application = g_object_ref (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (self->import_application);
    }
  g_object_bind_property (self->importer, "fraction", self->progress_bar, "fraction",
                          G_BINDING_SYNC_CREATE);
  label = g_strdup_printf (ngettext ("Importing %u file…", "Importing %u files…", paths->len),
                           paths->len);
  gtk_label_set_label (self->progress_label, label);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  g_ptr_array_add (paths, NULL);
  px_importer_import_async (self->importer, (const char * const *) paths->pdata,
                            self->import_cancellable, import_done_cb, g_object_ref (self));
  g_ptr_array_remove_index (paths, paths->len - 1);

  _px_window_notify_importing (self);
  _px_window_update_actions (self);
}

/**
 * px_window_import:
 * @paths: NULL-terminated file names
 *
 * Imports @paths into the window's library in a thread, or after the
 * running import when there is one.
 */
void
px_window_import (PxWindow           *self,
                  const char * const *paths)
{
  g_autoptr (GPtrArray) copy = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->store == NULL || paths[0] == NULL)
    return;
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (copy, g_strdup (paths[i]));

  if (self->importer != NULL)
    {
      if (self->queued_paths == NULL)
        self->queued_paths = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_extend_and_steal (self->queued_paths, g_steal_pointer (&copy));
      return;
    }
  start_import (self, copy);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Imports @paths (file names, no NULL at the end) by name, so that the
 * articles of a folder are stored in a predictable order. */
void
_px_window_import_sorted (PxWindow  *self,
                          GPtrArray *paths)
{
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  px_window_import (self, (const char * const *) paths->pdata);
  g_ptr_array_remove_index (paths, paths->len - 1);
}

static void
chooser_response_cb (PxWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr (GListModel) files = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
    }
  g_clear_object (&self->chooser);
  if (paths->len > 0)
    {
      g_ptr_array_add (paths, NULL);
      px_window_import (self, (const char * const *) paths->pdata);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  static const char *const suffixes[] = { "txt", "md", "html", "htm", "json", "jsonl" };
  g_autoptr (GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  gtk_file_filter_set_name (articles, _("Articles (text, HTML, JSON)"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (articles, suffixes[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), articles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), articles);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autofree char *folder = px_data_find ("sample");
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
    }
  if (paths->len == 0)
    {
      show_toast (self, _("The sample articles are not installed"), NULL, NULL);
      return;
    }
  _px_window_import_sorted (self, paths);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  g_clear_pointer (&self->queued_paths, g_ptr_array_unref);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GArray) ids = g_steal_pointer (&self->last_imported);
  g_autoptr (GError) error = NULL;

  if (ids == NULL || ids->len == 0 || self->importer != NULL)
    return;
  if (!px_store_delete_articles (self->store, (const gint64 *) ids->data, ids->len, &error))
    _px_window_show_error (self, _("Cannot Undo the Import"), error);
  else
    {
      if (self->article_view != NULL)
        px_article_view_set_article (self->article_view, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "none");
    }
  _px_window_reload (self);
  _px_window_update_actions (self);
}

static void
import_details_response_cb (PxWindow   *self,
                            const char *response)
{
  if (g_str_equal (response, "undo"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.undo-import", NULL);
}

/* The toast of an import with failures or warnings offers these details
 * rather than Undo, so the dialog offers Undo as well. */
static void
show_import_details_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  AdwMessageDialog *dialog;

  if (self->import_details == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       self->import_failed
                                                       ? _("Some Files Could Not Be Imported")
                                                       : _("Imported with Warnings"),
                                                       self->import_details));
  if (self->last_imported != NULL && self->last_imported->len > 0 && self->importer == NULL)
    {
      adw_message_dialog_add_response (dialog, "undo", _("_Undo Import"));
      adw_message_dialog_set_response_appearance (dialog, "undo", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_details_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Built on demand rather than by GtkApplicationWindow with every window
 * (it was a twentieth of start-up); it goes when closed. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/parallax/Parallax/ui/px-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Changing events: merge, split, move, rename. Each change first takes a
 * snapshot of the events it touches (px_store_snapshot_events), so that
 * the toast's Undo (win.event-undo) can put them back as they were; only
 * the last change can be undone. Automatic grouping never undoes them: the
 * store marks them as the user's. */

static void
forget_event_undo (PxWindow *self)
{
  g_clear_pointer (&self->event_undo, px_event_snapshot_free);
  g_clear_pointer (&self->event_undo_ids, g_array_unref);
}

static void
append_unique (GArray *ids,
               gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

/* The events the articles @ids are in, each once; NULL on error. */
static GArray *
dup_article_events (PxWindow      *self,
                    const GArray  *ids,
                    GError       **error)
{
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 event = px_store_get_article_event (self->store, g_array_index (ids, gint64, i), NULL, error);

      if (event < 0)
        return NULL;
      if (event > 0)
        append_unique (events, event);
    }
  return g_steal_pointer (&events);
}

/* The event that the selected articles can be split from: they are all
 * in it and it keeps at least one other; 0 when there is none. */
static gint64
split_source (PxWindow     *self,
              const GArray *articles)
{
  g_autoptr (GArray) events = NULL;
  g_autoptr (PxEventSummary) summary = NULL;

  if (articles->len == 0)
    return 0;
  events = dup_article_events (self, articles, NULL);
  if (events == NULL || events->len != 1)
    return 0;
  summary = px_store_get_event_summary (self->store, g_array_index (events, gint64, 0), NULL);
  if (summary == NULL || summary->n_articles <= articles->len)
    return 0;
  return summary->id;
}

static void
update_event_actions (PxWindow *self)
{
  gboolean can = self->store != NULL && !px_window_get_importing (self);
  g_autoptr (GArray) events = px_event_sidebar_dup_selected_events (self->event_sidebar);
  g_autoptr (GArray) articles = px_event_sidebar_dup_selected_articles (self->event_sidebar);
  gboolean only_articles = articles->len > 0 && events->len == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.event-merge", can && events->len >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.event-rename",
                                 can && events->len == 1 && articles->len == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.event-split",
                                 can && only_articles && split_source (self, articles) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.event-move", can && only_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.event-undo", can && self->event_undo != NULL);
}

/* The comparison on screen, when it is of an event in @touched, shows it
 * as it now is, without leaving the page the reader is on. */
static void
refresh_shown_event (PxWindow     *self,
                     const GArray *touched)
{
  gint64 shown = self->comparison_view != NULL ? px_comparison_view_get_event (self->comparison_view) : 0;
  g_autoptr (PxEventSummary) summary = NULL;

  if (shown <= 0 || !g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "comparison"))
    return;
  for (guint i = 0; i < touched->len; i++)
    if (g_array_index (touched, gint64, i) == shown)
      {
        summary = px_store_get_event_summary (self->store, shown, NULL);
        break;
      }
  /* Gone (merged into another): what is on screen stays readable. */
  if (summary == NULL)
    return;
  px_comparison_view_compare_event (self->comparison_view, self->store, shown);
  adw_window_title_set_title (self->content_title, summary->label);
}

static void
event_toast_dismissed_cb (PxWindow *self)
{
  g_clear_object (&self->event_toast);
}

/* Records @snapshot (taken before the change) for undo, shows the change
 * in the sidebar, selects @select_event (0: none) and says what was done,
 * offering to undo it. */
static void
finish_event_change (PxWindow        *self,
                     PxEventSnapshot *snapshot,
                     GArray          *touched,
                     gint64           select_event,
                     const char      *text)
{
  forget_event_undo (self);
  self->event_undo = snapshot;
  self->event_undo_ids = touched;
  px_event_sidebar_update_events (self->event_sidebar, (const gint64 *) touched->data, touched->len);
  if (select_event > 0)
    {
      guint position = px_event_sidebar_find_event (self->event_sidebar, select_event);

      /* Selecting it alone opens its comparison. */
      if (position != G_MAXUINT)
        px_event_sidebar_select_row (self->event_sidebar, position, FALSE);
    }
  else
    refresh_shown_event (self, touched);
  /* The previous change's Undo would now undo this one. */
  if (self->event_toast != NULL)
    adw_toast_dismiss (self->event_toast);
  g_set_object (&self->event_toast, show_toast (self, text, _("_Undo"), "win.event-undo"));
  g_signal_connect_object (self->event_toast, "dismissed", G_CALLBACK (event_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  _px_window_update_actions (self);
}

static void
event_merge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GArray) events = px_event_sidebar_dup_selected_events (self->event_sidebar);
  g_autoptr (PxEventSnapshot) snapshot = NULL;
  g_autoptr (PxEventSummary) merged = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (events->len < 2)
    return;
  snapshot = px_store_snapshot_events (self->store, (const gint64 *) events->data, events->len, &error);
  if (snapshot == NULL
      || !px_events_merge (self->store, (const gint64 *) events->data, events->len, &error)
      || (merged = px_store_get_event_summary (self->store, g_array_index (events, gint64, 0),
                                               &error)) == NULL)
    {
      _px_window_show_error (self, _("Cannot Merge the Events"), error);
      return;
    }
  /* Translators: a toast; %s is the label of the event they went into */
  text = g_strdup_printf (ngettext ("%u event merged into “%s”", "%u events merged into “%s”",
                                    events->len - 1),
                          events->len - 1, merged->label);
  finish_event_change (self, g_steal_pointer (&snapshot), g_steal_pointer (&events), merged->id, text);
}

static void
event_split_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GArray) articles = px_event_sidebar_dup_selected_articles (self->event_sidebar);
  g_autoptr (GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PxEventSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 source = split_source (self, articles);
  gint64 created;

  if (source <= 0)
    return;
  g_array_append_val (touched, source);
  snapshot = px_store_snapshot_events (self->store, &source, 1, &error);
  created = snapshot != NULL ? px_events_split (self->store, source, (const gint64 *) articles->data,
                                                articles->len, &error)
                             : -1;
  if (created <= 0)
    {
      _px_window_show_error (self, _("Cannot Split the Event"), error);
      return;
    }
  g_array_append_val (touched, created);
  text = g_strdup_printf (ngettext ("%u article split into a new event",
                                    "%u articles split into a new event", articles->len),
                          articles->len);
  finish_event_change (self, g_steal_pointer (&snapshot), g_steal_pointer (&touched), created, text);
}

/* Moves the articles @all_ids into event @target, all or none; those
 * already there stay out of it (and of the toast's count). */
static void
move_articles (PxWindow     *self,
               const GArray *all_ids,
               gint64        target)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) touched = NULL;
  g_autoptr (PxEventSnapshot) snapshot = NULL;
  g_autoptr (PxEventSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  for (guint i = 0; i < all_ids->len; i++)
    if (px_store_get_article_event (self->store, g_array_index (all_ids, gint64, i), NULL, NULL) != target)
      g_array_append_val (ids, g_array_index (all_ids, gint64, i));
  if (ids->len == 0)
    return;
  touched = dup_article_events (self, ids, &error);
  if (touched != NULL)
    {
      append_unique (touched, target);
      snapshot = px_store_snapshot_events (self->store, (const gint64 *) touched->data, touched->len,
                                           &error);
    }
  ok = snapshot != NULL && px_store_begin (self->store, &error);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = px_events_move (self->store, g_array_index (ids, gint64, i), target, &error);
  if (ok)
    ok = px_store_commit (self->store, &error);
  else if (snapshot != NULL)
    px_store_rollback (self->store);
  if (ok)
    ok = (summary = px_store_get_event_summary (self->store, target, &error)) != NULL;
  if (!ok)
    {
      _px_window_show_error (self, _("Cannot Move the Articles"), error);
      return;
    }
  /* Translators: a toast; %s is the label of the event they went into */
  text = g_strdup_printf (ngettext ("%u article moved to “%s”", "%u articles moved to “%s”", ids->len),
                          ids->len, summary->label);
  finish_event_change (self, g_steal_pointer (&snapshot), g_steal_pointer (&touched), 0, text);
}

static void
article_dropped_cb (PxEventSidebar *sidebar,
                    gint64          article_id,
                    gint64          event_id,
                    PxWindow       *self)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->store == NULL || px_window_get_importing (self))
    return;
  g_array_append_val (ids, article_id);
  move_articles (self, ids, event_id);
}

static void
move_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PxWindow         *self)
{
  GtkDropDown *events = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  PxEventItem *target = gtk_drop_down_get_selected_item (events);
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "px-articles");

  if (g_str_equal (response, "move") && target != NULL)
    move_articles (self, ids, px_event_item_get_id (target));
}

static void
setup_event_choice_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Labels are headlines: a long one must not widen the dialog. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_event_choice_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  PxEventItem *event = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), px_event_item_get_label (event));
  gtk_widget_set_tooltip_text (label, px_event_item_get_label (event));
}

static void
event_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GArray) ids = px_event_sidebar_dup_selected_articles (self->event_sidebar);
  g_autoptr (GArray) sources = NULL;
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GListModel *events = px_event_sidebar_get_events (self->event_sidebar);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *choice;

  if (ids->len == 0)
    return;
  sources = dup_article_events (self, ids, NULL);
  body = g_strdup_printf (ngettext ("Move the selected article to this event:",
                                    "Move the %u selected articles to this event:", ids->len),
                          ids->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Move to Event"), body));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_event_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_event_choice_cb), NULL);
  choice = gtk_drop_down_new (g_object_ref (events),
                              gtk_property_expression_new (PX_TYPE_EVENT_ITEM, NULL, "label"));
  gtk_drop_down_set_factory (GTK_DROP_DOWN (choice), factory);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choice), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event"), -1);
  /* Offer the first event the articles are not in already. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (PxEventItem) event = g_list_model_get_item (events, i);
      gboolean source = FALSE;

      for (guint j = 0; sources != NULL && j < sources->len; j++)
        source |= g_array_index (sources, gint64, j) == px_event_item_get_id (event);
      if (!source)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), i);
          break;
        }
    }
  adw_message_dialog_set_extra_child (dialog, choice);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "px-articles", g_steal_pointer (&ids),
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (move_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PxWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "px-event");
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (PxEventSnapshot) snapshot = NULL;
  g_autoptr (GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "rename") || label[0] == '\0')
    return;
  snapshot = px_store_snapshot_events (self->store, &id, 1, &error);
  if (snapshot == NULL || !px_events_rename (self->store, id, label, &error))
    {
      _px_window_show_error (self, _("Cannot Rename the Event"), error);
      return;
    }
  g_array_append_val (touched, id);
  finish_event_change (self, g_steal_pointer (&snapshot), g_steal_pointer (&touched), 0,
                       _("Event renamed"));
}

static void
rename_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", label[0] != '\0');
}

static void
event_rename_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GArray) events = px_event_sidebar_dup_selected_events (self->event_sidebar);
  g_autoptr (PxEventSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (events->len != 1)
    return;
  summary = px_store_get_event_summary (self->store, g_array_index (events, gint64, 0), &error);
  if (summary == NULL)
    {
      _px_window_show_error (self, _("Cannot Rename the Event"), error);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Rename Event"), NULL));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), summary->label);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  /* Labels are headlines: room for most of one. */
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 36);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_changed_cb), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "px-event", g_memdup2 (&summary->id, sizeof (gint64)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
event_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (PxEventSnapshot) snapshot = g_steal_pointer (&self->event_undo);
  g_autoptr (GArray) touched = g_steal_pointer (&self->event_undo_ids);
  g_autoptr (GError) error = NULL;

  if (snapshot == NULL)
    return;
  if (!px_store_restore_events (self->store, snapshot, &error))
    _px_window_show_error (self, _("Cannot Undo the Change"), error);
  px_event_sidebar_update_events (self->event_sidebar, (const gint64 *) touched->data, touched->len);
  refresh_shown_event (self, touched);
  _px_window_update_actions (self);
}

void
_px_window_init_event_actions (PxWindow *self)
{
  g_signal_connect_object (self->event_sidebar, "selection-changed", G_CALLBACK (update_event_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_sidebar, "article-dropped", G_CALLBACK (article_dropped_cb), self, 0);
}

void
_px_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-details", NULL,
                                   show_import_details_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.event-merge", NULL, event_merge_action);
  gtk_widget_class_install_action (widget_class, "win.event-split", NULL, event_split_action);
  gtk_widget_class_install_action (widget_class, "win.event-move", NULL, event_move_action);
  gtk_widget_class_install_action (widget_class, "win.event-rename", NULL, event_rename_action);
  gtk_widget_class_install_action (widget_class, "win.event-undo", NULL, event_undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "win.event-merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_J, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.event-split", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.event-move", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.event-rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.event-undo", NULL);
}
