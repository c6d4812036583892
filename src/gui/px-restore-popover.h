/* px-restore-popover.h: offers to restore a removed span, or to remove it again
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PX_TYPE_RESTORE_POPOVER (px_restore_popover_get_type ())
G_DECLARE_FINAL_TYPE (PxRestorePopover, px_restore_popover, PX, RESTORE_POPOVER, GtkPopover)

GtkWidget *px_restore_popover_new      (void);
void       px_restore_popover_set_span (PxRestorePopover *self,
                                        guint             start,
                                        gboolean          restored,
                                        const char       *reason);

G_END_DECLS
