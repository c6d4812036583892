/* px-note-editor.h: a dialog to write a note: its text, tags and colour
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-note.h"

G_BEGIN_DECLS

#define PX_TYPE_NOTE_EDITOR (px_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (PxNoteEditor, px_note_editor, PX, NOTE_EDITOR, AdwWindow)

GtkWidget *px_note_editor_new      (GtkWindow    *parent,
                                    PxNote       *note);
PxNote    *px_note_editor_get_note (PxNoteEditor *self);

/* The note's colour, or the default one when it has none (or a bad one). */
const char *px_note_editor_color_of (PxNote *note);
/* What a tooltip says of a note: its text, then its tags on a line. */
char       *px_note_editor_describe (PxNote *note);

G_END_DECLS
