/* px-status-icon.c: status pages that load their icon only when shown
 *
 * GTK 4.8 loads the icon of every image in the window at start-up, shown
 * or not, and the large symbolic icons of status pages are SVG files that
 * librsvg renders for about ten million instructions each. Error and empty
 * pages are rarely seen, so they take their icon when first mapped: the
 * icon is then ready before the page's first frame is drawn.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-status-icon.h"

static void
page_mapped_cb (AdwStatusPage *page,
                char          *icon_name)
{
  adw_status_page_set_icon_name (page, icon_name);
  /* Frees @icon_name. */
  g_signal_handlers_disconnect_by_func (page, page_mapped_cb, icon_name);
}

/**
 * px_status_page_set_icon_on_map:
 * @page: a status page without an icon
 * @icon_name: the icon it shows
 *
 * Gives @page the icon @icon_name when it is first mapped.
 */
void
px_status_page_set_icon_on_map (AdwStatusPage *page,
                                const char    *icon_name)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    {
      adw_status_page_set_icon_name (page, icon_name);
      return;
    }
  g_signal_connect_data (page, "map", G_CALLBACK (page_mapped_cb), g_strdup (icon_name),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
}
