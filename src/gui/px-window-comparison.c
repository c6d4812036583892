/* px-window-comparison.c: the window's events sidebar and comparison page
 *
 * The library sidebar's "Events" page lists the events; selecting one
 * opens its comparison in the content pane; "Compare" on two to eight
 * selected articles compares those. Typing a search shows the "Articles"
 * page, where the results are.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-store-events.h"
#include "px-window-private.h"

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
  px_comparison_view_compare_event (self->comparison_view, self->store, event_id);
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
  px_comparison_view_compare (self->comparison_view, self->store, ids, n_ids);
  title = g_strdup_printf (ngettext ("%u Article Compared", "%u Articles Compared", n_ids), n_ids);
  show_comparison_page (self, title);
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
