/* px-note-editor.c: a dialog to write a note: its text, tags and colour
 *
 * Edits a PxNote it is given: "Save" writes the body, the tags (typed
 * separated by commas) and the colour into the note and emits "saved";
 * storing it is the caller's business. The quoted text is shown above, so
 * that the reader sees what the note is about.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-note-editor.h"

struct _PxNoteEditor
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkLabel *quote_label;
  GtkTextView *body_view;
  GtkEntry *tags_entry;
  GtkBox *color_box;
  GtkButton *save_button;

  /* owned */
  PxNote *note;
  GPtrArray *color_buttons;  /* GtkToggleButton, "px-color" data */
};

G_DEFINE_FINAL_TYPE (PxNoteEditor, px_note_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The GNOME palette's light tones: distinct, and legible as a translucent
 * fill under text in light and dark styles. */
static const struct
{
  const char *color;
  const char *name;
} colors[] = {
  { "#f6d32d", N_("Yellow") },
  { "#8ff0a4", N_("Green") },
  { "#99c1f1", N_("Blue") },
  { "#f66151", N_("Red") },
  { "#dc8add", N_("Purple") },
};

static void
update_save (PxNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            gtk_text_buffer_get_char_count (buffer) > 0);
}

static void
save_clicked_cb (PxNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_auto (GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)), ",", -1);
  g_autoptr (GPtrArray) tags = g_ptr_array_new ();
  g_autofree char *body = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (body);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0' && !g_ptr_array_find_with_equal_func (tags, parts[i], g_str_equal, NULL))
        g_ptr_array_add (tags, parts[i]);
    }
  g_ptr_array_add (tags, NULL);
  px_note_set_body (self->note, body);
  px_note_set_tags (self->note, (const char * const *) tags->pdata);
  for (guint i = 0; i < self->color_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->color_buttons, i);

      if (gtk_toggle_button_get_active (button))
        px_note_set_color (self->note, g_object_get_data (G_OBJECT (button), "px-color"));
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
px_note_editor_dispose (GObject *object)
{
  PxNoteEditor *self = PX_NOTE_EDITOR (object);

  g_clear_object (&self->note);
  g_clear_pointer (&self->color_buttons, g_ptr_array_unref);
  G_OBJECT_CLASS (px_note_editor_parent_class)->dispose (object);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PxNoteEditor *self = PX_NOTE_EDITOR (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    save_clicked_cb (self);
}

static void
px_note_editor_class_init (PxNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_note_editor_dispose;

  /* The note was written: store it. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/ui/px-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PxNoteEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PxNoteEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, PxNoteEditor, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, PxNoteEditor, color_box);
  gtk_widget_class_bind_template_child (widget_class, PxNoteEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
px_note_editor_init (PxNoteEditor *self)
{
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->color_buttons = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *css_class = g_strdup_printf ("note-color-%u", i);

      g_object_set_data (G_OBJECT (button), "px-color", (gpointer) colors[i].color);
      gtk_widget_add_css_class (button, "note-color");
      gtk_widget_add_css_class (button, css_class);
      gtk_widget_set_tooltip_text (button, _(colors[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(colors[i].name), -1);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->color_box, button);
      g_ptr_array_add (self->color_buttons, button);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (update_save), self);
}

/**
 * px_note_editor_new:
 * @parent: the window the dialog is modal for
 * @note: edited in place when the reader saves
 */
GtkWidget *
px_note_editor_new (GtkWindow *parent,
                    PxNote    *note)
{
  PxNoteEditor *self;
  g_autofree char *tags = NULL;
  const char *color = px_note_get_color (note);
  const char *body = px_note_get_body (note);
  const char *quote = px_note_get_quote (note);
  gboolean chosen = FALSE;
  gboolean on_claim = px_note_get_claim_key (note) != NULL;
  const char *title;

  g_return_val_if_fail (PX_IS_NOTE (note), NULL);

  if (px_note_get_id (note) > 0)
    title = on_claim ? _("Edit Claim Note") : _("Edit Note");
  else
    title = on_claim ? _("New Claim Note") : _("New Note");

  self = g_object_new (PX_TYPE_NOTE_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", title,
                       NULL);
  self->note = g_object_ref (note);
  gtk_label_set_label (self->quote_label, quote != NULL ? quote : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), quote != NULL && *quote != '\0');
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body != NULL ? body : "", -1);
  tags = px_note_dup_tags_string (note);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), tags);
  for (guint i = 0; i < self->color_buttons->len; i++)
    if (g_strcmp0 (color, colors[i].color) == 0)
      {
        gtk_toggle_button_set_active (g_ptr_array_index (self->color_buttons, i), TRUE);
        chosen = TRUE;
      }
  if (!chosen)
    gtk_toggle_button_set_active (g_ptr_array_index (self->color_buttons, 0), TRUE);
  update_save (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  return GTK_WIDGET (self);
}

PxNote *
px_note_editor_get_note (PxNoteEditor *self)
{
  g_return_val_if_fail (PX_IS_NOTE_EDITOR (self), NULL);

  return self->note;
}

const char *
px_note_editor_color_of (PxNote *note)
{
  const char *color;
  GdkRGBA rgba;

  g_return_val_if_fail (PX_IS_NOTE (note), colors[0].color);

  color = px_note_get_color (note);
  return color != NULL && gdk_rgba_parse (&rgba, color) ? color : colors[0].color;
}

char *
px_note_editor_describe (PxNote *note)
{
  g_autofree char *tags = NULL;
  const char *body;

  g_return_val_if_fail (PX_IS_NOTE (note), NULL);

  tags = px_note_dup_tags_string (note);
  body = px_note_get_body (note) != NULL ? px_note_get_body (note) : "";
  return *tags != '\0' ? g_strdup_printf ("%s\n%s", body, tags) : g_strdup (body);
}
