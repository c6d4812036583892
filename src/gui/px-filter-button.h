/* px-filter-button.h: the library sidebar's filter: one outlet, a range of days
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-store.h"

G_BEGIN_DECLS

#define PX_TYPE_FILTER_BUTTON (px_filter_button_get_type ())
G_DECLARE_FINAL_TYPE (PxFilterButton, px_filter_button, PX, FILTER_BUTTON, AdwBin)

GtkWidget             *px_filter_button_new         (void);
void                   px_filter_button_set_store   (PxFilterButton     *self,
                                                     PxStore            *store);
void                   px_filter_button_reload      (PxFilterButton     *self);
const PxArticleFilter *px_filter_button_get_filter  (PxFilterButton     *self);
GtkPopover            *px_filter_button_get_popover (PxFilterButton     *self);

G_END_DECLS
