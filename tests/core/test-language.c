/* test-language.c: language detection and stop words
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-language.h"

static void
test_detect (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_TEST_DATA"), "text", "languages.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;

      if (*lines[i] == '#' || *lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpstr (px_language_detect (fields[1], -1), ==, fields[0]);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 11);
}

static void
test_unsure (void)
{
  g_assert_null (px_language_detect ("", -1));
  g_assert_null (px_language_detect ("12,500 — 40 %", -1));
  g_assert_null (px_language_detect ("Maria Lopez", -1));
}

static void
test_codes (void)
{
  g_assert_cmpstr (px_language_canonical ("en_GB"), ==, "en");
  g_assert_cmpstr (px_language_canonical ("DE-at"), ==, "de");
  g_assert_null (px_language_canonical ("it"));
  g_assert_null (px_language_canonical (NULL));
  g_assert_cmpstr (px_language_stemmer_name ("es"), ==, "spanish");
  g_assert_cmpstr (px_language_stemmer_name ("it"), ==, "english");
}

static void
test_stop_words (void)
{
  g_assert_true (px_language_is_stop_word ("en", "the"));
  g_assert_false (px_language_is_stop_word ("en", "households"));
  g_assert_true (px_language_is_stop_word ("de", "und"));
  g_assert_true (px_language_is_stop_word ("fr", "les"));
  g_assert_true (px_language_is_stop_word ("es", "los"));
  g_assert_false (px_language_is_stop_word ("it", "the"));
  g_assert_cmpuint (g_hash_table_size (px_language_get_stop_words ("en")), >, 150);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/language/detect", test_detect);
  g_test_add_func ("/px/language/unsure", test_unsure);
  g_test_add_func ("/px/language/codes", test_codes);
  g_test_add_func ("/px/language/stop-words", test_stop_words);
  return g_test_run ();
}
