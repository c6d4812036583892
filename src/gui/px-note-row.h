/* px-note-row.h: one note in a list: its quote, text, tags, and edit and delete buttons
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-note.h"

G_BEGIN_DECLS

#define PX_TYPE_NOTE_ROW (px_note_row_get_type ())
G_DECLARE_FINAL_TYPE (PxNoteRow, px_note_row, PX, NOTE_ROW, GtkListBoxRow)

/* Signals "edit" and "delete" (no arguments): the reader clicked the
 * row's button; storing is the listener's business. @show_quote: FALSE
 * where the quote is shown nearby already (the claim pane). */
GtkWidget *px_note_row_new      (PxNote    *note,
                                 gboolean   show_quote);
PxNote    *px_note_row_get_note (PxNoteRow *self);

G_END_DECLS
