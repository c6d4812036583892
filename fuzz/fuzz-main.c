/* fuzz-main.c: runs a fuzz target on files, without libFuzzer
 *
 * Linked with a fuzz-*.c target by the ordinary build, so the regression
 * inputs under fuzz/regressions/ are replayed by `meson test` with gcc and
 * with the sanitizer build. Arguments are files or folders of files.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
run_file (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  printf ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const guint8 *) data, length);
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);

              if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
                {
                  run_file (path);
                  n++;
                }
            }
        }
      else
        {
          run_file (argv[i]);
          n++;
        }
    }
  printf ("%u inputs, no crash\n", n);
  return 0;
}
