/* px-window-comparison.c: the window's events sidebar and comparison page
 *
 * The library sidebar's "Events" page lists the events; selecting one
 * opens its comparison in the content pane; "Compare" on two to eight
 * selected articles compares those. Typing a search shows the "Articles"
 * page, where the results are. `parallax a.txt b.txt` imports the files
 * (or finds them in the library) and opens their comparison at once.
 *
 * The comparison view is built when the first comparison opens, not with
 * the window, whose first frame shows the library beside a status page:
 * building and styling the hidden view was 53 of the 539 million
 * instructions before that frame (93,060 articles).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-store-events.h"
#include "px-window-private.h"

/**
 * _px_window_ensure_comparison_view:
 *
 * The window's comparison view, built and put in the content pane's
 * "comparison" page the first time it is asked for.
 *
 * Returns: (transfer none): the view
 */
PxComparisonView *
_px_window_ensure_comparison_view (PxWindow *self)
{
  if (self->comparison_view == NULL)
    {
      self->comparison_view = PX_COMPARISON_VIEW (px_comparison_view_new ());
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->comparison_view), "comparison");
      _px_window_watch_comparison_notes (self);
    }
  return self->comparison_view;
}

static void
show_comparison_page (PxWindow   *self,
                      const char *title)
{
  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "comparison");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

void
px_window_show_event (PxWindow *self,
                      gint64    event_id)
{
  g_autoptr (PxEvent) event = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PX_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  event = px_store_get_event (self->store, event_id, &error);
  if (event == NULL)
    {
      _px_window_show_error (self, _("Cannot Compare the Event"), error);
      return;
    }
  px_comparison_view_compare_event (_px_window_ensure_comparison_view (self), self->store, event_id);
  show_comparison_page (self, event->label);
}

void
px_window_show_comparison (PxWindow     *self,
                           const gint64 *ids,
                           guint         n_ids)
{
  g_autofree char *title = NULL;

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (ids != NULL && n_ids >= 2);

  if (self->store == NULL)
    return;
  px_comparison_view_compare (_px_window_ensure_comparison_view (self), self->store, ids, n_ids);
  title = g_strdup_printf (ngettext ("%u Article Compared", "%u Articles Compared", n_ids), n_ids);
  show_comparison_page (self, title);
}

static void
files_compared_cb (PxWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->comparison_view, files_compared_cb, self);
  if (px_comparison_view_get_n_imported (self->comparison_view) > 0)
    _px_window_reload (self);
}

/**
 * px_window_compare_files:
 * @paths: NULL-terminated file names, two to eight articles
 *
 * Imports @paths into the window's library (an article already there is
 * found by its cleaned text) and shows their comparison: what
 * `parallax a.txt b.txt` does.
 */
void
px_window_compare_files (PxWindow           *self,
                         const char * const *paths)
{
  g_autoptr (GString) title = g_string_new (NULL);

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (paths != NULL && paths[0] != NULL);

  if (self->store == NULL)
    return;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);

      /* Translators: between the names of compared files */
      g_string_append_printf (title, "%s%s", i > 0 ? _(" · ") : "", name);
    }
  _px_window_ensure_comparison_view (self);
  g_signal_handlers_disconnect_by_func (self->comparison_view, files_compared_cb, self);
  g_signal_connect_object (self->comparison_view, "loaded", G_CALLBACK (files_compared_cb), self,
                           G_CONNECT_SWAPPED);
  px_comparison_view_compare_files (self->comparison_view, self->store, paths);
  /* The comparison is the page, even of a library empty until now. */
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  show_comparison_page (self, title->str);
}

static void
event_activated_cb (PxEventSidebar *sidebar,
                    gint64          event_id,
                    PxWindow       *self)
{
  px_window_show_event (self, event_id);
}

static void
compare_articles_cb (PxEventSidebar *sidebar,
                     GArray         *ids,
                     PxWindow       *self)
{
  px_window_show_comparison (self, (const gint64 *) ids->data, ids->len);
}

static void
search_text_cb (PxWindow *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    adw_view_stack_set_visible_child_name (self->library_stack, "articles");
}

void
_px_window_init_comparison (PxWindow *self)
{
  /* The article list stays what a new window shows first. */
  adw_view_stack_set_visible_child_name (self->library_stack, "articles");
  px_event_sidebar_set_store (self->event_sidebar, self->store);
  g_signal_connect_object (self->event_sidebar, "event-activated", G_CALLBACK (event_activated_cb), self, 0);
  g_signal_connect_object (self->event_sidebar, "compare-articles", G_CALLBACK (compare_articles_cb), self, 0);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_text_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_px_window_reload_events (PxWindow *self)
{
  px_event_sidebar_reload (self->event_sidebar);
}
