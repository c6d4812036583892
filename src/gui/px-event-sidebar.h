/* px-event-sidebar.h: the library's events, each opening to its articles
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-store.h"

G_BEGIN_DECLS

#define PX_TYPE_EVENT_SIDEBAR (px_event_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (PxEventSidebar, px_event_sidebar, PX, EVENT_SIDEBAR, AdwBin)

GtkWidget  *px_event_sidebar_new          (void);
/* Lists the events of @store (NULL: none), read when the sidebar is
 * first shown; call px_event_sidebar_reload () after an import. */
void        px_event_sidebar_set_store    (PxEventSidebar *self,
                                           PxStore        *store);
void        px_event_sidebar_reload       (PxEventSidebar *self);
/* Reads the events @ids again after a change: rows of events that are
 * gone leave, new ones come in by id, the others are updated in place
 * (staying open if they were). Returns at once when the list was never read. */
void        px_event_sidebar_update_events (PxEventSidebar *self,
                                            const gint64   *ids,
                                            guint           n_ids);
/* The events as PxEventItem, newest first (empty until first shown). */
GListModel *px_event_sidebar_get_events   (PxEventSidebar *self);
/* The rows: events, and the articles of those expanded. */
GListModel *px_event_sidebar_get_rows     (PxEventSidebar *self);
/* Selects row @position alone, as a click does, or adds it. */
void        px_event_sidebar_select_row   (PxEventSidebar *self,
                                           guint           position,
                                           gboolean        extend);
/* The position of the row of event @event_id, or G_MAXUINT. */
guint       px_event_sidebar_find_event   (PxEventSidebar *self,
                                           gint64          event_id);
/* The ids (gint64) of the selected article rows. */
GArray     *px_event_sidebar_dup_selected_articles (PxEventSidebar *self);
/* The ids (gint64) of the selected event rows, top to bottom. */
GArray     *px_event_sidebar_dup_selected_events   (PxEventSidebar *self);
/* Opens the rows' context menu at the focused row, as Shift+F10 does. */
void        px_event_sidebar_popup_menu   (PxEventSidebar *self);

G_END_DECLS
