/* test-diff.c: Myers' diff over the tokens of real sentence pairs
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-diff.h"
#include "px-tokenizer.h"

/* Headlines and sentences of ECB+ topic 37 (tests/data/align/README.md). */
static const char *pairs[][2] = {
  { "Dozens injured as 6.1-magnitude quake hits Indonesia's Aceh",
    "6.1-magnitude quake strikes Indonesia's Aceh: USGS" },
  { "The quake hit inland at 0737 GMT at a depth of just 10 kilometres, 55 kilometres south of "
    "Bireun and 72 kilometres southeast of Reuleuet, the US Geological Survey said.",
    "The quake hit inland at a depth of just 10km, 55km south of Bireun and 72 km southeast of "
    "Reuleuet, the US Geological Survey said." },
  { "A strong 6.1-magnitude earthquake struck Indonesia's northwestern province of Aceh today, "
    "causing buildings to collapse and injuring at least 50 people.",
    "A strong 6.1-magnitude earthquake struck the northwestern Indonesian province of Aceh on "
    "Tuesday, the US Geological Survey said, sending people running into the streets in panic." },
  { "Dozens injured as 6.1-magnitude quake hits Indonesia's Aceh",
    "Dozens injured as 6.1-magnitude quake hits Indonesia's Aceh" },
  { "", "A series of earthquakes killed a 10-year-old girl." },
};

static GArray *
intern (PxTokenizer *tokenizer,
        GHashTable  *ids,
        const char  *text,
        GPtrArray   *norms)
{
  g_autoptr (GArray) tokens = px_tokenizer_tokenize (tokenizer, text, 0, strlen (text));
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *norm = g_array_index (tokens, PxToken, i).norm;
      gpointer id = g_hash_table_lookup (ids, norm);
      guint value;

      if (id == NULL)
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
          g_hash_table_insert (ids, g_strdup (norm), id);
        }
      value = GPOINTER_TO_UINT (id);
      g_array_append_val (out, value);
      if (norms != NULL)
        g_ptr_array_add (norms, g_strdup (norm));
    }
  return out;
}

/* The textbook O(NM) longest common subsequence, as the reference. */
static guint
lcs_length (GArray *a,
            GArray *b)
{
  g_autofree guint *table = g_new0 (guint, (a->len + 1) * (b->len + 1));
  guint w = b->len + 1;

  for (guint i = 1; i <= a->len; i++)
    for (guint j = 1; j <= b->len; j++)
      table[i * w + j] = g_array_index (a, guint, i - 1) == g_array_index (b, guint, j - 1)
                           ? table[(i - 1) * w + j - 1] + 1
                           : MAX (table[(i - 1) * w + j], table[i * w + j - 1]);
  return table[a->len * w + b->len];
}

static void
test_diff_real_pairs (void)
{
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      g_autoptr (GArray) a = intern (tokenizer, ids, pairs[p][0], NULL);
      g_autoptr (GArray) b = intern (tokenizer, ids, pairs[p][1], NULL);
      g_autofree gboolean *ma = g_new0 (gboolean, a->len + 1);
      g_autofree gboolean *mb = g_new0 (gboolean, b->len + 1);
      guint common = px_diff_match ((guint *) a->data, a->len, (guint *) b->data, b->len, ma, mb);
      guint na = 0, nb = 0, j = 0;

      g_assert_cmpuint (common, ==, lcs_length (a, b));
      /* The marked tokens pair up in order and are equal. */
      for (guint i = 0; i < a->len; i++)
        {
          if (!ma[i])
            continue;
          na++;
          while (j < b->len && !mb[j])
            j++;
          g_assert_cmpuint (j, <, b->len);
          g_assert_cmpuint (g_array_index (a, guint, i), ==, g_array_index (b, guint, j));
          j++;
        }
      for (guint i = 0; i < b->len; i++)
        nb += mb[i];
      g_assert_cmpuint (na, ==, common);
      g_assert_cmpuint (nb, ==, common);
    }
}

static void
test_diff_headlines (void)
{
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) norms_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) norms_b = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) a = intern (tokenizer, ids, pairs[0][0], norms_a);
  g_autoptr (GArray) b = intern (tokenizer, ids, pairs[0][1], norms_b);
  g_autofree gboolean *ma = g_new0 (gboolean, a->len + 1);
  g_autofree gboolean *mb = g_new0 (gboolean, b->len + 1);
  g_autoptr (GString) changed_a = g_string_new (NULL);
  g_autoptr (GString) changed_b = g_string_new (NULL);

  px_diff_match ((guint *) a->data, a->len, (guint *) b->data, b->len, ma, mb);
  for (guint i = 0; i < a->len; i++)
    if (!ma[i])
      g_string_append_printf (changed_a, "%s ", (char *) norms_a->pdata[i]);
  for (guint i = 0; i < b->len; i++)
    if (!mb[i])
      g_string_append_printf (changed_b, "%s ", (char *) norms_b->pdata[i]);
  /* What one headline says and the other does not. */
  g_assert_cmpstr (changed_a->str, ==, "dozens injured as hits ");
  g_assert_cmpstr (changed_b->str, ==, "strikes : usgs ");
}

static void
test_diff_empty (void)
{
  guint one[] = { 1, 2, 3 };
  gboolean matched[3] = { TRUE, TRUE, TRUE };

  g_assert_cmpuint (px_diff_match (one, 3, NULL, 0, matched, NULL), ==, 0);
  g_assert_false (matched[0] || matched[1] || matched[2]);
  g_assert_cmpuint (px_diff_match (one, 3, one, 3, matched, NULL), ==, 3);
  g_assert_true (matched[0] && matched[1] && matched[2]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/diff/real-pairs", test_diff_real_pairs);
  g_test_add_func ("/px/diff/headlines", test_diff_headlines);
  g_test_add_func ("/px/diff/empty", test_diff_empty);
  return g_test_run ();
}
