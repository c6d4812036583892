/* test-synonyms.c: the stemmed word groups the aligner loads match the WordNet word lists
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-data.h"
#include "px-synonyms.h"

/* data/wordnet/stems-en.txt is what stemming synonyms-en.txt and
 * irregular-en.txt gives now: stale after a change of the lists or of
 * libstemmer, it would pair words that no longer share a stem. */
static void
test_stems_current (void)
{
  g_auto (GStrv) expected = px_synonyms_stem_lists ("en");
  g_auto (GStrv) stored = px_data_read_lines ("wordnet/stems-en.txt");

  g_assert_nonnull (expected);
  g_assert_cmpuint (g_strv_length (expected), >, 10000);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (stored[i] == NULL || !g_str_equal (stored[i], expected[i]))
        g_error ("data/wordnet/stems-en.txt differs at group %u (“%s”, stemmed now “%s”): "
                 "regenerate it with _build/build-aux/stem-synonyms en > data/wordnet/stems-en.txt",
                 i + 1, stored[i] != NULL ? stored[i] : "(missing)", expected[i]);
    }
  g_assert_cmpuint (g_strv_length (stored), ==, g_strv_length (expected));
}

/* Words of one group share it, whatever their form; unrelated words don't. */
static void
test_groups (void)
{
  PxSynonyms *synonyms = px_synonyms_get_shared ("en");

  g_assert_nonnull (synonyms);
  g_assert_null (px_synonyms_get_shared ("de"));
  /* "purchas" and "buy"; "bought" (irregular) and "buy"; "injur" and "injuri". */
  g_assert_true (px_synonyms_share_group (px_synonyms_get_groups (synonyms, "purchas"),
                                          px_synonyms_get_groups (synonyms, "buy")));
  g_assert_true (px_synonyms_share_group (px_synonyms_get_groups (synonyms, "bought"),
                                          px_synonyms_get_groups (synonyms, "buy")));
  g_assert_true (px_synonyms_share_group (px_synonyms_get_groups (synonyms, "injur"),
                                          px_synonyms_get_groups (synonyms, "injuri")));
  g_assert_false (px_synonyms_share_group (px_synonyms_get_groups (synonyms, "buy"),
                                           px_synonyms_get_groups (synonyms, "sell")));
  g_assert_null (px_synonyms_get_groups (synonyms, "zzzqx"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/px/synonyms/stems-current", test_stems_current);
  g_test_add_func ("/px/synonyms/groups", test_groups);
  return g_test_run ();
}
