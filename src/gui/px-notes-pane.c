/* px-notes-pane.c: the notes of this article, this event or the library, by tag
 *
 * A list of notes (px-note-row.c): each with its quote, its text, its
 * tags and where it is from, and buttons to edit and delete it
 * ("edit-note", "delete-note": the window stores). Orphans, whose quote is no longer in their article,
 * are listed too, marked as such: a note is never dropped.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-note.h"
#include "px-note-row.h"
#include "px-notes-pane.h"
#include "px-store-notes.h"

typedef enum
{
  SCOPE_ARTICLE,
  SCOPE_EVENT,
  SCOPE_ALL,
} Scope;

struct _PxNotesPane
{
  GtkBox parent_instance;

  /* template widgets */
  GtkDropDown *scope_dropdown;
  GtkDropDown *tag_dropdown;
  GtkStringList *tags;
  GtkStack *stack;
  GtkListBox *list;
  AdwStatusPage *empty_page;

  /* owned */
  PxStore *store;
  gint64 article_id;
  gint64 event_id;
  guint n_notes;
  gboolean reloading;
};

G_DEFINE_FINAL_TYPE (PxNotesPane, px_notes_pane, GTK_TYPE_BOX)

enum
{
  SIGNAL_EDIT_NOTE,
  SIGNAL_DELETE_NOTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_edit_cb (PxNoteRow *row,
             gpointer   user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_EDIT_NOTE], 0, px_note_row_get_note (row));
}

static void
row_delete_cb (PxNoteRow *row,
               gpointer   user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_DELETE_NOTE], 0, px_note_row_get_note (row));
}

static GtkWidget *
make_row (PxNotesPane *self,
          PxNote      *note)
{
  GtkWidget *row = px_note_row_new (note, TRUE);

  g_signal_connect_object (row, "edit", G_CALLBACK (row_edit_cb), self, 0);
  g_signal_connect_object (row, "delete", G_CALLBACK (row_delete_cb), self, 0);
  return row;
}

static void
update_tags (PxNotesPane *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) tags = px_store_list_note_tags (self->store, &error);
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);
  g_autofree char *chosen = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));

  if (selected > 0 && selected < n)
    chosen = g_strdup (gtk_string_list_get_string (self->tags, selected));
  gtk_string_list_splice (self->tags, 1, n - 1, (const char * const *) tags);
  selected = 0;
  for (guint i = 0; chosen != NULL && tags != NULL && tags[i] != NULL; i++)
    if (g_str_equal (tags[i], chosen))
      selected = i + 1;
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
}

void
px_notes_pane_reload (PxNotesPane *self)
{
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  Scope scope;
  const char *tag = NULL;
  guint selected;

  g_return_if_fail (PX_IS_NOTES_PANE (self));

  if (self->store == NULL || self->reloading)
    return;
  /* Updating the tag list changes the selection, which reloads. */
  self->reloading = TRUE;
  update_tags (self);
  self->reloading = FALSE;

  scope = gtk_drop_down_get_selected (self->scope_dropdown);
  selected = gtk_drop_down_get_selected (self->tag_dropdown);
  if (selected > 0)
    tag = gtk_string_list_get_string (self->tags, selected);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_notes = 0;

  if ((scope == SCOPE_ARTICLE && self->article_id <= 0)
      || (scope == SCOPE_EVENT && self->event_id <= 0))
    {
      adw_status_page_set_description (self->empty_page,
                                       scope == SCOPE_ARTICLE ? _("No article is open")
                                                              : _("No event is open"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  notes = px_store_list_notes (self->store,
                               scope == SCOPE_ARTICLE ? self->article_id : 0,
                               scope == SCOPE_EVENT ? self->event_id : 0,
                               tag, &error);
  if (notes == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < notes->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (notes, i)));
  self->n_notes = notes->len;
  adw_status_page_set_description (self->empty_page,
                                   _("Select text and press Ctrl+M to add a note"));
  gtk_stack_set_visible_child_name (self->stack, notes->len > 0 ? "list" : "empty");
}

static void
filter_changed_cb (PxNotesPane *self)
{
  px_notes_pane_reload (self);
}

static void
px_notes_pane_dispose (GObject *object)
{
  PxNotesPane *self = PX_NOTES_PANE (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_notes_pane_parent_class)->dispose (object);
}

static void
px_notes_pane_class_init (PxNotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_notes_pane_dispose;

  signals[SIGNAL_EDIT_NOTE] =
    g_signal_new ("edit-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[SIGNAL_DELETE_NOTE] =
    g_signal_new ("delete-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/ui/px-notes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, PxNotesPane, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxNotesPane, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxNotesPane, tags);
  gtk_widget_class_bind_template_child (widget_class, PxNotesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, PxNotesPane, list);
  gtk_widget_class_bind_template_child (widget_class, PxNotesPane, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
px_notes_pane_init (PxNotesPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
px_notes_pane_new (void)
{
  return g_object_new (PX_TYPE_NOTES_PANE, NULL);
}

void
px_notes_pane_set_store (PxNotesPane *self,
                         PxStore     *store)
{
  g_return_if_fail (PX_IS_NOTES_PANE (self));

  if (g_set_object (&self->store, store))
    px_notes_pane_reload (self);
}

/* The article and the event "this article" and "this event" mean (0: none). */
void
px_notes_pane_set_context (PxNotesPane *self,
                           gint64       article_id,
                           gint64       event_id)
{
  g_return_if_fail (PX_IS_NOTES_PANE (self));

  self->article_id = article_id;
  self->event_id = event_id;
  /* Follow what the window shows: an event's comparison or an article. */
  if (article_id <= 0 && event_id > 0
      && gtk_drop_down_get_selected (self->scope_dropdown) == SCOPE_ARTICLE)
    gtk_drop_down_set_selected (self->scope_dropdown, SCOPE_EVENT);
  else if (article_id > 0 && event_id <= 0
           && gtk_drop_down_get_selected (self->scope_dropdown) == SCOPE_EVENT)
    gtk_drop_down_set_selected (self->scope_dropdown, SCOPE_ARTICLE);
  px_notes_pane_reload (self);
}

guint
px_notes_pane_get_n_notes (PxNotesPane *self)
{
  g_return_val_if_fail (PX_IS_NOTES_PANE (self), 0);

  return self->n_notes;
}
