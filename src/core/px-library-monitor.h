/* px-library-monitor.h: tells a long-lived connection that another one changed the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-store.h"

G_BEGIN_DECLS

#define PX_TYPE_LIBRARY_MONITOR (px_library_monitor_get_type ())
G_DECLARE_FINAL_TYPE (PxLibraryMonitor, px_library_monitor, PX, LIBRARY_MONITOR, GObject)

PxLibraryMonitor *px_library_monitor_new       (PxStore          *store);
void              px_library_monitor_mark_read (PxLibraryMonitor *self);

G_END_DECLS
