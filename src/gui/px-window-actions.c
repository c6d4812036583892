/* px-window-actions.c: the window's actions: importing, the sample, search
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
#include "px-window-private.h"

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
}

static char *
describe_failure (const PxImportResult *result)
{
  g_autofree char *name = g_path_get_basename (result->file);
  const char *reason = result->error != NULL ? result->error->message : _("unknown error");

  if (result->line > 0)
    /* Translators: a file, the line (or item) in it, and why it could not be imported */
    return g_strdup_printf (_("%s, line %u: %s"), name, result->line, reason);
  /* Translators: a file and why it could not be imported */
  return g_strdup_printf (_("%s: %s"), name, reason);
}

/* One sentence for the toast ("3 articles imported, 1 already in the
 * library, 1 failed: a.html: reason"); @details gets the failures
 * (the first MAX_DETAILED_FAILURES) a paragraph each, or NULL when nothing
 * failed. */
char *
_px_window_describe_import (GPtrArray  *results,
                            char      **details)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) failures = g_string_new (NULL);
  const PxImportResult *first_failure = NULL;
  guint stored = 0, duplicates = 0, failed = 0;

  for (guint i = 0; i < results->len; i++)
    {
      const PxImportResult *result = g_ptr_array_index (results, i);

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
          if (failed <= MAX_DETAILED_FAILURES)
            {
              g_autofree char *line = describe_failure (result);

              g_string_append_printf (failures, "%s%s", failures->len > 0 ? "\n\n" : "", line);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (failed > MAX_DETAILED_FAILURES)
    {
      g_string_append (failures, "\n\n");
      g_string_append_printf (failures,
                              ngettext ("… and %u more", "… and %u more",
                                        failed - MAX_DETAILED_FAILURES),
                              failed - MAX_DETAILED_FAILURES);
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
  g_ptr_array_add (parts, NULL);

  if (details != NULL)
    *details = failed > 0 ? g_strdup (failures->str) : NULL;
  /* Translators: separates the parts of an import summary */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
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
}

static void start_import (PxWindow *self, GPtrArray *paths);

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PxWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *summary = NULL;
  guint n_failed = 0;

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
        }
      summary = _px_window_describe_import (results, &self->import_details);
      if (n_failed > 1)
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
      px_article_view_set_article (self->article_view, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "none");
    }
  _px_window_reload (self);
  _px_window_update_actions (self);
}

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
                                                       _("Some Files Could Not Be Imported"),
                                                       self->import_details));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
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

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}
