/* px-restore-popover.c: offers to restore a removed span, or to remove it again
 *
 * Says why cleaning removed the span and offers the one action that
 * applies: "Restore" for a removed span, "Remove Again" for one the reader
 * restored. Choosing emits "response" with the span's start and the state
 * wanted; the popover knows nothing of the library. Its button is the
 * default widget, so Enter chooses it when the popover opened from the
 * keyboard, and it carries the reason as its accessible description.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-restore-popover.h"

struct _PxRestorePopover
{
  GtkPopover parent_instance;

  /* template widgets */
  GtkLabel *reason_label;
  GtkButton *button;

  /* the span offered */
  guint start;
  gboolean restored;
};

G_DEFINE_FINAL_TYPE (PxRestorePopover, px_restore_popover, GTK_TYPE_POPOVER)

enum
{
  SIGNAL_RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
button_clicked_cb (PxRestorePopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SIGNAL_RESPONSE], 0, self->start, !self->restored);
}

static void
px_restore_popover_class_init (PxRestorePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* @start: the span's first byte in the raw text; @restored: TRUE to
   * restore it, FALSE to remove it again. */
  signals[SIGNAL_RESPONSE] =
    g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/ui/px-restore-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PxRestorePopover, reason_label);
  gtk_widget_class_bind_template_child (widget_class, PxRestorePopover, button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
}

static void
px_restore_popover_init (PxRestorePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->button));
}

GtkWidget *
px_restore_popover_new (void)
{
  return g_object_new (PX_TYPE_RESTORE_POPOVER, NULL);
}

/* Offers the span starting at byte @start: to restore it when it is
 * removed, to remove it again when @restored. */
void
px_restore_popover_set_span (PxRestorePopover *self,
                             guint             start,
                             gboolean          restored,
                             const char       *reason)
{
  g_return_if_fail (PX_IS_RESTORE_POPOVER (self));

  self->start = start;
  self->restored = !!restored;
  gtk_label_set_label (self->reason_label, reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
  gtk_button_set_label (self->button, restored ? _("_Remove Again") : _("_Restore"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->button), restored ? "suggested-action" : "destructive-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), restored ? "destructive-action" : "suggested-action");
}
