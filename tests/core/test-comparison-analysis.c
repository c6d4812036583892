/* test-comparison-analysis.c: comparisons reuse an article's analysis only for the same text
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "align-fixture.h"
#include "px-comparison.h"
#include "px-segmenter.h"

/* The claims, each as its members' article:sentence pairs, and each
 * article's number of sentences. */
static char *
describe (PxComparison *comparison)
{
  GString *out = g_string_new (NULL);

  for (guint a = 0; a < px_comparison_get_n_articles (comparison); a++)
    g_string_append_printf (out, "%u ", px_comparison_get_article (comparison, a)->sentences->len);
  for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (comparison, c);

      g_string_append (out, "|");
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);

          g_string_append_printf (out, " %u:%u", member->article, member->sentence);
        }
    }
  return g_string_free (out, FALSE);
}

/* Three Aceh earthquake reports with library ids, so that their analysis
 * is kept between comparisons: comparing again gives the same claims;
 * after one article's clean text changes (a new cleaning), its sentences
 * are those of the new text, not of the analysis kept; with the old text
 * back, the first result again. */
static void
test_comparison_analysis_follows_text (void)
{
  g_autoptr (GPtrArray) all = align_fixture_load ("ecbplus-37.jsonl");
  PxArticle *aceh[] = { all->pdata[3], all->pdata[4], all->pdata[5] };
  g_autofree char *original = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *shortened_result = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *shortened = NULL;
  g_autoptr (GArray) sentences = NULL;
  g_autoptr (GArray) expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (aceh); i++)
    px_article_set_id (aceh[i], 900001 + i);
  {
    g_autoptr (PxComparison) comparison = px_comparison_new (aceh, 3, NULL);

    first = describe (comparison);
  }
  {
    g_autoptr (PxComparison) comparison = px_comparison_new (aceh, 3, NULL);

    again = describe (comparison);
  }
  g_assert_cmpstr (again, ==, first);

  /* The first article without its last two sentences. */
  original = g_strdup (px_article_get_clean_text (aceh[0]));
  sentences = px_segment_sentences (original, "en");
  g_assert_cmpuint (sentences->len, >=, 4);
  shortened = g_strndup (original, g_array_index (sentences, PxRange, sentences->len - 2).start);
  px_article_set_clean_text (aceh[0], shortened);
  expected = px_segment_sentences (shortened, "en");
  {
    g_autoptr (PxComparison) comparison = px_comparison_new (aceh, 3, NULL);
    const PxComparisonArticle *article = px_comparison_get_article (comparison, 0);

    g_assert_cmpstr (article->text, ==, shortened);
    g_assert_cmpuint (article->sentences->len, ==, expected->len);
    g_assert_cmpuint (g_array_index (article->sentences, PxRange, expected->len - 1).end, <=,
                      strlen (shortened));
    shortened_result = describe (comparison);
  }
  g_assert_cmpstr (shortened_result, !=, first);

  px_article_set_clean_text (aceh[0], original);
  {
    g_autoptr (PxComparison) comparison = px_comparison_new (aceh, 3, NULL);

    restored = describe (comparison);
  }
  g_assert_cmpstr (restored, ==, first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/comparison/analysis-follows-text", test_comparison_analysis_follows_text);
  return g_test_run ();
}
