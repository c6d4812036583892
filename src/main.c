/* main.c: the parallax executable: the window
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PxApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = px_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
