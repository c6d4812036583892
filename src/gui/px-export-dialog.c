/* px-export-dialog.c: asks how to export: the format, the paper for PDF, claims or not
 *
 * The first step of Export…: the reader picks a format (the paper size
 * shows only for PDF) and whether the claims go in; "Export…" emits
 * "export" and closes, and the window then asks where to save.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-export-dialog.h"

struct _PxExportDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  AdwComboRow *format_row;
  AdwComboRow *paper_row;
  GtkSwitch *claims_switch;
};

G_DEFINE_FINAL_TYPE (PxExportDialog, px_export_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows of the format list, in PxExportFormat order. */
G_STATIC_ASSERT (PX_EXPORT_MARKDOWN == 0 && PX_EXPORT_HTML == 1 && PX_EXPORT_PDF == 2
                 && PX_EXPORT_JSON == 3 && PX_EXPORT_CSV == 4);

static void
format_changed_cb (PxExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row),
                          px_export_dialog_get_format (self) == PX_EXPORT_PDF);
}

static void
export_clicked_cb (PxExportDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_EXPORT], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
px_export_dialog_class_init (PxExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The reader chose: read the choices, then ask for the file. */
  signals[SIGNAL_EXPORT] =
    g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/ui/px-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, group);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, claims_switch);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
px_export_dialog_init (PxExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  format_changed_cb (self);
}

/**
 * px_export_dialog_new:
 * @subject: what is exported, for the reader ("Article: …", "Event: …")
 */
GtkWidget *
px_export_dialog_new (GtkWindow  *parent,
                      const char *subject)
{
  PxExportDialog *self = g_object_new (PX_TYPE_EXPORT_DIALOG,
                                       "transient-for", parent,
                                       "modal", TRUE,
                                       NULL);

  adw_preferences_group_set_description (self->group, subject);
  return GTK_WIDGET (self);
}

PxExportFormat
px_export_dialog_get_format (PxExportDialog *self)
{
  g_return_val_if_fail (PX_IS_EXPORT_DIALOG (self), PX_EXPORT_MARKDOWN);

  return (PxExportFormat) adw_combo_row_get_selected (self->format_row);
}

void
px_export_dialog_set_format (PxExportDialog *self,
                             PxExportFormat  format)
{
  g_return_if_fail (PX_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, format);
}

PxPaper
px_export_dialog_get_paper (PxExportDialog *self)
{
  g_return_val_if_fail (PX_IS_EXPORT_DIALOG (self), PX_PAPER_A4);

  return adw_combo_row_get_selected (self->paper_row) == 1 ? PX_PAPER_LETTER : PX_PAPER_A4;
}

gboolean
px_export_dialog_get_include_claims (PxExportDialog *self)
{
  g_return_val_if_fail (PX_IS_EXPORT_DIALOG (self), TRUE);

  return gtk_switch_get_active (self->claims_switch);
}
