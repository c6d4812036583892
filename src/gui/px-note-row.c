/* px-note-row.c: one note in a list: its quote, text, tags, and edit and delete buttons
 *
 * Shared by the notes pane and the claim pane, so a note reads the same
 * in both: the quote with a bar in the note's colour (which ties it to its
 * highlight), the text, an orphan warning, the tags and article title.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-note-editor.h"
#include "px-note-row.h"

struct _PxNoteRow
{
  GtkListBoxRow parent_instance;

  /* owned */
  PxNote *note;
};

G_DEFINE_FINAL_TYPE (PxNoteRow, px_note_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  SIGNAL_EDIT,
  SIGNAL_DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
edit_clicked_cb (PxNoteRow *self)
{
  g_signal_emit (self, signals[SIGNAL_EDIT], 0);
}

static void
delete_clicked_cb (PxNoteRow *self)
{
  g_signal_emit (self, signals[SIGNAL_DELETE], 0);
}

static GtkWidget *
make_button (PxNoteRow  *self,
             const char *icon_name,
             const char *label,
             GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A bar in the note's colour at the start of @widget. */
static void
paint_bar (GtkWidget *widget,
           PxNote    *note)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
  g_autofree char *css = g_strdup_printf ("* { border-left-color: %s; }", px_note_editor_color_of (note));

  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider (gtk_widget_get_style_context (widget), GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
build (PxNoteRow *self,
       gboolean   show_quote)
{
  PxNote *note = self->note;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *body;
  g_autofree char *tags = px_note_dup_tags_string (note);
  const char *title = px_note_get_article_title (note);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_hexpand (text, TRUE);

  if (show_quote)
    {
      GtkWidget *quote = make_label (px_note_get_quote (note), "note-quote");

      gtk_label_set_lines (GTK_LABEL (quote), 3);
      gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
      paint_bar (quote, note);
      gtk_box_append (GTK_BOX (text), quote);
    }
  body = make_label (px_note_get_body (note), show_quote ? NULL : "note-bar");
  if (!show_quote)
    paint_bar (body, note);
  gtk_box_append (GTK_BOX (text), body);
  if (px_note_get_orphan (note))
    gtk_box_append (GTK_BOX (text),
                    make_label (_("Orphan: the quoted text is no longer in the article"), "error"));
  if (*tags != '\0' || (title != NULL && *title != '\0'))
    {
      g_autofree char *meta = NULL;

      if (*tags != '\0' && title != NULL && *title != '\0')
        /* Translators: a note's article title and its tags */
        meta = g_strdup_printf (_("%s · %s"), title, tags);
      else
        meta = g_strdup (*tags != '\0' ? tags : title);
      gtk_box_append (GTK_BOX (text), make_label (meta, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (text), "dim-label");
    }
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), make_button (self, "document-edit-symbolic", _("Edit Note"),
                                              G_CALLBACK (edit_clicked_cb)));
  gtk_box_append (GTK_BOX (box), make_button (self, "user-trash-symbolic", _("Delete Note"),
                                              G_CALLBACK (delete_clicked_cb)));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

static void
px_note_row_dispose (GObject *object)
{
  PxNoteRow *self = PX_NOTE_ROW (object);

  g_clear_object (&self->note);
  G_OBJECT_CLASS (px_note_row_parent_class)->dispose (object);
}

static void
px_note_row_class_init (PxNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_note_row_dispose;

  signals[SIGNAL_EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
px_note_row_init (PxNoteRow *self)
{
}

GtkWidget *
px_note_row_new (PxNote   *note,
                 gboolean  show_quote)
{
  PxNoteRow *self;

  g_return_val_if_fail (PX_IS_NOTE (note), NULL);

  self = g_object_new (PX_TYPE_NOTE_ROW, NULL);
  self->note = g_object_ref (note);
  build (self, show_quote);
  return GTK_WIDGET (self);
}

PxNote *
px_note_row_get_note (PxNoteRow *self)
{
  g_return_val_if_fail (PX_IS_NOTE_ROW (self), NULL);
  return self->note;
}
