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
/* Lists the events of @store (NULL: none); call again after an import. */
void        px_event_sidebar_set_store    (PxEventSidebar *self,
                                           PxStore        *store);
void        px_event_sidebar_reload       (PxEventSidebar *self);
/* The rows: events, and the articles of those expanded. */
GListModel *px_event_sidebar_get_rows     (PxEventSidebar *self);
/* Selects row @position alone, as a click does. */
void        px_event_sidebar_select_row   (PxEventSidebar *self,
                                           guint           position,
                                           gboolean        extend);
/* The ids (gint64) of the selected article rows. */
GArray     *px_event_sidebar_dup_selected_articles (PxEventSidebar *self);

G_END_DECLS
