/* px-window.c: the main window, on one library
 *
 * The window keeps its own connection to the library for reading; imports
 * run on their own connection in a thread (px-window-actions.c). Layout:
 * an AdwLeaflet with the library in a sidebar and the article beside it,
 * folding to one pane below 660 px; an empty library gets a status page
 * offering the bundled sample articles instead.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-article-item.h"
#include "px-article-row.h"
#include "px-first-rows.h"
#include "px-status-icon.h"
#include "px-window-private.h"

G_DEFINE_FINAL_TYPE (PxWindow, px_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DB_PATH,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SEARCH_LIMIT 200

/* The main stack shows one page, and only its primary menu answers F10. */
static void
show_page (PxWindow   *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_menu_button_set_primary (self->empty_menu_button, g_str_equal (name, "empty"));
  gtk_menu_button_set_primary (self->library_menu_button, g_str_equal (name, "library"));
}

void
_px_window_show_error (PxWindow     *self,
                       const char   *heading,
                       const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void search_changed_cb (PxWindow *self);

static void
update_subtitle (PxWindow *self)
{
  guint total = px_article_list_model_get_total (self->articles);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  g_autofree char *subtitle = NULL;

  if (px_article_filter_is_empty (px_filter_button_get_filter (self->filter_button)))
    /* Translators: the number of articles in the library, under the window title;
     * %'u groups its digits as the locale does ("93,060") */
    subtitle = g_strdup_printf (ngettext ("%'u article", "%'u articles", total), total);
  else
    /* Translators: under the window title while the library is filtered: the
     * articles the filter keeps, of all in the library */
    subtitle = g_strdup_printf (ngettext ("%'u of %'u article", "%'u of %'u articles", total), shown, total);
  adw_window_title_set_subtitle (self->library_title, subtitle);
}

/* The articles list, or why it is empty: the filter keeps none. */
static void
show_articles (PxWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) > 0)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "articles");
      return;
    }
  adw_status_page_set_description (self->no_results_page, _("No article matches the filter."));
  gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
}

/* The sidebar's articles and search results, again from the library. */
static void
refresh_sidebar (PxWindow *self)
{
  show_articles (self);
  g_clear_pointer (&self->search_query, g_free);
  search_changed_cb (self);
}

void
_px_window_reload (PxWindow *self)
{
  g_autoptr (GError) error = NULL;
  guint n_articles;

  if (self->store == NULL)
    return;
  /* Before reading: what is committed while it reads is told again. */
  px_library_monitor_mark_read (self->library_monitor);
  if (!px_article_list_model_reload (self->articles, &error))
    {
      _px_window_show_error (self, _("Cannot Read the Library"), error);
      return;
    }
  _px_window_reload_events (self);
  n_articles = px_article_list_model_get_total (self->articles);
  if (n_articles == 0)
    {
      show_page (self, "empty");
      return;
    }
  px_filter_button_reload (self->filter_button);
  update_subtitle (self);
  show_page (self, "library");
  /* The results may have changed with the library. */
  refresh_sidebar (self);
}

/* parallax-cli imported, deleted or regrouped articles, or changed notes:
 * the window shows them as it does after its own import. Its own import
 * reloads when done. */
static void
library_changed_cb (PxWindow *self)
{
  if (px_window_get_importing (self))
    return;
  _px_window_reload (self);
  _px_window_reload_notes (self);
}

/* The filter applies to the articles list and to the search results. */
static void
filter_changed_cb (PxWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!px_article_list_model_set_filter (self->articles, px_filter_button_get_filter (self->filter_button),
                                         &error))
    {
      _px_window_show_error (self, _("Cannot Read the Library"), error);
      return;
    }
  update_subtitle (self);
  refresh_sidebar (self);
}

static void
show_article (PxWindow      *self,
              PxArticleItem *item)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = NULL;

  article = px_store_get_article (self->store, px_article_item_get_id (item), &error);
  if (article == NULL)
    {
      /* Deleted by another program since the list was read. */
      _px_window_show_error (self, _("Cannot Show the Article"), error);
      _px_window_reload (self);
      return;
    }
  px_article_view_set_article (_px_window_ensure_article_view (self), article);
  adw_window_title_set_title (self->content_title, px_article_get_outlet (article));
  gtk_stack_set_visible_child_name (self->content_stack, "article");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
selection_changed_cb (PxWindow           *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  PxArticleItem *item = gtk_single_selection_get_selected_item (selection);

  /* A reload drops the selection; the article stays on screen. */
  if (item != NULL)
    show_article (self, item);
}

/* What the user typed as an FTS5 query that cannot be malformed: every
 * word quoted (so "don't", "AT&T" or "-" are plain text), all of them
 * required, the last one also as a prefix so results follow the typing. */
static char *
build_match_query (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_word_char = FALSE;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        has_word_char |= g_unichar_isalnum (g_utf8_get_char (p));
      if (!has_word_char)
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
    }
  if (query->len > 0)
    g_string_append_c (query, '*');
  return g_string_free (query, query->len == 0);
}

static void
search_changed_cb (PxWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *query = NULL;
  g_autoptr (GPtrArray) items = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->store == NULL)
    return;
  query = build_match_query (text);
  /* The entry reports a change also when only spaces changed: keep the
   * results, and what is selected in them. */
  if (g_strcmp0 (query, self->search_query) == 0)
    return;
  g_free (self->search_query);
  self->search_query = g_strdup (query);
  if (query == NULL)
    {
      g_list_store_remove_all (self->search_results);
      show_articles (self);
      return;
    }

  hits = px_store_search_filtered (self->store, query, px_filter_button_get_filter (self->filter_button),
                                   SEARCH_LIMIT, &error);
  if (hits == NULL)
    {
      adw_status_page_set_description (self->no_results_page, error->message);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
      return;
    }
  if (hits->len == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is what the user searched for */
      description = g_strdup_printf (_("No article contains “%s”."), text);
      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
      return;
    }

  items = g_ptr_array_new_full (hits->len, g_object_unref);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (items, px_article_item_new_from_hit (g_ptr_array_index (hits, i)));
  g_list_store_splice (self->search_results, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->search_results)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

/* Enter in the search field opens the best hit. */
static void
search_activate_cb (PxWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->search_results)) == 0)
    return;
  gtk_single_selection_set_selected (self->search_selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->search_selection, 0);
}

static void
stop_search_cb (PxWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Folders dropped on the window are imported whole, subfolders included. */
static void
collect_paths (GFile     *file,
               GPtrArray *paths)
{
  g_autoptr (GFileEnumerator) children = NULL;
  g_autofree char *path = g_file_get_path (file);
  GFileInfo *info;
  GFile *child;

  if (path == NULL)
    return;
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_ptr_array_add (paths, g_steal_pointer (&path));
      return;
    }
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, &info, &child, NULL, NULL)
         && info != NULL)
    {
      if (!g_str_has_prefix (g_file_info_get_name (info), "."))
        collect_paths (child, paths);
    }
}

static gboolean
drop_cb (PxWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    collect_paths (l->data, paths);
  g_slist_free (files);
  if (paths->len == 0)
    return FALSE;
  _px_window_import_sorted (self, paths);
  return TRUE;
}

static void
px_window_constructed (GObject *object)
{
  PxWindow *self = PX_WINDOW (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (px_window_parent_class)->constructed (object);

  self->store = px_store_open (self->db_path, &error);
  if (self->store == NULL)
    {
      /* The store's message names the file. */
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
      _px_window_update_actions (self);
      return;
    }

  self->library_monitor = px_library_monitor_new (self->store);
  g_signal_connect_swapped (self->library_monitor, "changed", G_CALLBACK (library_changed_cb), self);
  self->articles = px_article_list_model_new (self->store);
  px_filter_button_set_store (self->filter_button, self->store);
  self->article_rows = px_first_rows_new (g_object_ref (G_LIST_MODEL (self->articles)),
                                         GTK_WIDGET (self->article_list));
  self->article_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->article_rows)));
  gtk_single_selection_set_autoselect (self->article_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->article_selection, TRUE);
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (self->article_selection));
  g_signal_connect_swapped (self->article_selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);

  self->search_results = g_list_store_new (PX_TYPE_ARTICLE_ITEM);
  self->search_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->search_results)));
  gtk_single_selection_set_autoselect (self->search_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->search_selection, TRUE);
  gtk_list_view_set_model (self->search_list, GTK_SELECTION_MODEL (self->search_selection));
  g_signal_connect_swapped (self->search_selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);

  _px_window_init_comparison (self);
  _px_window_init_event_actions (self);
  _px_window_open_notes (self);
  _px_window_reload (self);
  _px_window_update_actions (self);
}

static void
px_window_dispose (GObject *object)
{
  PxWindow *self = PX_WINDOW (object);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->importer);
  g_clear_object (&self->chooser);
  _px_window_dispose_notes (self);
  g_clear_object (&self->article_selection);
  g_clear_object (&self->article_rows);
  g_clear_object (&self->search_selection);
  g_clear_object (&self->search_results);
  g_clear_object (&self->articles);
  g_clear_object (&self->library_monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->event_toast);
  /* Built when first shown, they go with the template's widgets. */
  self->article_view = NULL;
  self->comparison_view = NULL;
  self->notes_pane = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WINDOW);
  G_OBJECT_CLASS (px_window_parent_class)->dispose (object);
}

static void
px_window_finalize (GObject *object)
{
  PxWindow *self = PX_WINDOW (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->search_query, g_free);
  g_clear_pointer (&self->queued_paths, g_ptr_array_unref);
  g_clear_pointer (&self->last_imported, g_array_unref);
  g_clear_pointer (&self->import_details, g_free);
  g_clear_pointer (&self->event_undo, px_event_snapshot_free);
  g_clear_pointer (&self->event_undo_ids, g_array_unref);
  G_OBJECT_CLASS (px_window_parent_class)->finalize (object);
}

static void
px_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_IMPORTING:
      g_value_set_boolean (value, px_window_get_importing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_window_class_init (PxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = px_window_constructed;
  object_class->dispose = px_window_dispose;
  object_class->finalize = px_window_finalize;
  object_class->get_property = px_window_get_property;
  object_class->set_property = px_window_set_property;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* TRUE while an import runs; tests wait on it. */
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PX_TYPE_ARTICLE_ITEM);
  g_type_ensure (PX_TYPE_EVENT_SIDEBAR);
  g_type_ensure (PX_TYPE_FILTER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/ui/px-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, empty_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, library_title);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, library_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, article_list);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_list);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, library_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, event_sidebar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, filter_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  _px_window_class_init_actions (widget_class);
  _px_window_class_init_notes (widget_class);
}

/* The main menu's popover is built when first opened, not with the window:
 * two of them were a fiftieth of the window's first frame. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  PxWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
px_window_init (PxWindow *self)
{
  g_autoptr (GtkListItemFactory) row_factory = px_article_row_factory_new ();
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->empty_menu_button, create_primary_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->library_menu_button, create_primary_menu_cb, self, NULL);
  px_status_page_set_icon_on_map (self->error_page, "dialog-error-symbolic");
  gtk_list_view_set_factory (self->article_list, row_factory);
  gtk_list_view_set_factory (self->search_list, row_factory);
  _px_window_init_notes (self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * _px_window_ensure_article_view:
 *
 * The window's article view, built and put in the content pane's
 * "article" page the first time it is asked for: a new window shows the
 * library beside a status page, and building the view before the first
 * frame cost 8 million instructions.
 *
 * Returns: (transfer none): the view
 */
PxArticleView *
_px_window_ensure_article_view (PxWindow *self)
{
  if (self->article_view == NULL)
    {
      self->article_view = PX_ARTICLE_VIEW (px_article_view_new ());
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->article_view), "article");
      g_settings_bind (self->settings, "show-removed", self->article_view, "show-removed",
                       G_SETTINGS_BIND_GET);
      _px_window_watch_article_notes (self);
    }
  return self->article_view;
}

/* @application may be NULL (tests); @db_path is the library to open. */
PxWindow *
px_window_new (GtkApplication *application,
               const char     *db_path)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  return g_object_new (PX_TYPE_WINDOW,
                       "application", application,
                       "db-path", db_path,
                       NULL);
}

const char *
px_window_get_db_path (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->db_path;
}

/* The library's articles, newest first: a GListModel of PxArticleItem. */
GListModel *
px_window_get_articles (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->articles);
}

gboolean
px_window_get_importing (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  return self->importer != NULL;
}

/* For px-window-actions.c, which starts and ends imports. */
void
_px_window_notify_importing (PxWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}
