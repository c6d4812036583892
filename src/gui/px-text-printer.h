/* px-text-printer.h: prints a title and plain text over as many pages as it needs
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkPrintOperation *px_text_printer_new (const char *title,
                                        const char *text);

G_END_DECLS
