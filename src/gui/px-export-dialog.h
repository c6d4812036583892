/* px-export-dialog.h: asks how to export: the format, the paper for PDF, claims or not
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-exporter.h"

G_BEGIN_DECLS

#define PX_TYPE_EXPORT_DIALOG (px_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PxExportDialog, px_export_dialog, PX, EXPORT_DIALOG, AdwWindow)

GtkWidget      *px_export_dialog_new                (GtkWindow      *parent,
                                                     const char     *subject);
PxExportFormat  px_export_dialog_get_format         (PxExportDialog *self);
void            px_export_dialog_set_format         (PxExportDialog *self,
                                                     PxExportFormat  format);
PxPaper         px_export_dialog_get_paper          (PxExportDialog *self);
gboolean        px_export_dialog_get_include_claims (PxExportDialog *self);

G_END_DECLS
