/* fuzz-align.c: libFuzzer target for the comparison of small article sets
 *
 * The input, made valid UTF-8, is cut into two to four articles at form
 * feeds; the comparison segments, aligns and diffs them and looks for
 * conflicts. Every sentence must belong to exactly one claim.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-comparison.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MAX_ARTICLES 4

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) parts = NULL;
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxComparison) comparison = NULL;
  guint n_members = 0, n_sentences = 0;

  /* Large inputs only make the aligner slow, which libFuzzer reports as a
   * timeout rather than finding more bugs. */
  if (size > 16384)
    return 0;
  text = g_utf8_make_valid ((const char *) data, size);
  parts = g_strsplit (text, "\f", MAX_ARTICLES);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      PxArticle *article = px_article_new ();

      px_article_set_id (article, i + 1);
      px_article_set_outlet (article, "fuzz");
      px_article_set_published (article, "2024-03-12");
      px_article_set_language (article, "en");
      px_article_set_clean_text (article, parts[i]);
      g_ptr_array_add (articles, article);
    }
  if (articles->len < 2)
    return 0;

  comparison = px_comparison_new ((PxArticle * const *) articles->pdata, articles->len, NULL);
  for (guint a = 0; a < px_comparison_get_n_articles (comparison); a++)
    n_sentences += px_comparison_get_article (comparison, a)->sentences->len;
  for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
    n_members += px_comparison_get_claim (comparison, c)->members->len;
  g_assert_cmpuint (n_members, ==, n_sentences);
  return 0;
}
