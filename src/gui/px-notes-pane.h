/* px-notes-pane.h: the notes of this article, this event or the library, by tag
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-store.h"

G_BEGIN_DECLS

#define PX_TYPE_NOTES_PANE (px_notes_pane_get_type ())
G_DECLARE_FINAL_TYPE (PxNotesPane, px_notes_pane, PX, NOTES_PANE, GtkBox)

GtkWidget *px_notes_pane_new         (void);
void       px_notes_pane_set_store   (PxNotesPane *self,
                                      PxStore     *store);
void       px_notes_pane_set_context (PxNotesPane *self,
                                      gint64       article_id,
                                      gint64       event_id);
void       px_notes_pane_reload      (PxNotesPane *self);
guint      px_notes_pane_get_n_notes (PxNotesPane *self);

G_END_DECLS
