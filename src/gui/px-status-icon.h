/* px-status-icon.h: status pages that load their icon only when shown
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void px_status_page_set_icon_on_map (AdwStatusPage *page,
                                     const char    *icon_name);

G_END_DECLS
