/* px-data.c
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-data.h"

static const char *
data_dir (void)
{
  static gsize once;
  static char *dir;

  if (g_once_init_enter (&once))
    {
      const char *chosen = g_getenv ("PARALLAX_DATA_DIR");

      if (chosen == NULL || *chosen == '\0')
        chosen = g_file_test (SOURCE_DATADIR, G_FILE_TEST_IS_DIR) ? SOURCE_DATADIR : PKGDATADIR;
      dir = g_strdup (chosen);
      g_once_init_leave (&once, 1);
    }
  return dir;
}

char *
px_data_find (const char *relative)
{
  return g_build_filename (data_dir (), relative, NULL);
}

GStrv
px_data_read_lines (const char *relative)
{
  g_autofree char *path = px_data_find (relative);
  g_autofree char *contents = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strv_builder_end (builder);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line != '\0' && *line != '#')
        g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}
