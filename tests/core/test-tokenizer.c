/* test-tokenizer.c: words, normalisation, stems and stop words
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-tokenizer.h"

static GArray *
tokenize (PxTokenizer *tokenizer,
          const char  *text)
{
  return px_tokenizer_tokenize (tokenizer, text, 0, strlen (text));
}

static PxToken *
token (GArray *tokens,
       guint   i)
{
  g_assert_cmpuint (i, <, tokens->len);
  return &g_array_index (tokens, PxToken, i);
}

/* A real ECB+ sentence: offsets, kinds, folding and stems. */
static void
test_english (void)
{
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");
  const char *text = "Federal authorities said Saturday that they were offering a $35,000 reward.";
  g_autoptr (GArray) tokens = tokenize (tokenizer, text);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      PxToken *t = token (tokens, i);
      g_string_append_printf (joined, "%s%.*s", i ? "|" : "", (int) (t->end - t->start), text + t->start);
    }
  g_assert_cmpstr (joined->str, ==,
                   "Federal|authorities|said|Saturday|that|they|were|offering|a|$|35,000|reward|.");
  g_string_free (joined, TRUE);

  g_assert_cmpstr (token (tokens, 0)->norm, ==, "federal");
  g_assert_true (token (tokens, 0)->flags & PX_TOKEN_CAPITALISED);
  g_assert_cmpstr (token (tokens, 1)->stem, ==, "author");
  g_assert_true (token (tokens, 4)->flags & PX_TOKEN_STOP);
  g_assert_false (token (tokens, 1)->flags & PX_TOKEN_STOP);
  g_assert_cmpstr (token (tokens, 7)->stem, ==, "offer");
  g_assert_true (token (tokens, 9)->flags & PX_TOKEN_PUNCT);
  g_assert_true (token (tokens, 10)->flags & PX_TOKEN_NUMBER);
  g_assert_cmpstr (token (tokens, 10)->norm, ==, "35,000");
  g_assert_true (token (tokens, 12)->flags & PX_TOKEN_PUNCT);
}

static void
test_fold (void)
{
  g_autofree char *ligature = px_tokenizer_fold ("ﬁnal", -1);
  g_autofree char *width = px_tokenizer_fold ("ＣＯＯ １２", -1);
  g_autofree char *sharp = px_tokenizer_fold ("Straße", -1);
  g_autofree char *apostrophe = px_tokenizer_fold ("Utility’s", -1);

  g_assert_cmpstr (ligature, ==, "final");
  g_assert_cmpstr (width, ==, "coo 12");
  g_assert_cmpstr (sharp, ==, "strasse");
  g_assert_cmpstr (apostrophe, ==, "utility's");
}

static void
test_flags (void)
{
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");
  g_autoptr (GArray) tokens = tokenize (tokenizer, "The utility’s COO said 3.5 percent.");

  g_assert_cmpuint (tokens->len, ==, 7);
  g_assert_cmpstr (token (tokens, 1)->norm, ==, "utility's");
  g_assert_cmpstr (token (tokens, 1)->stem, ==, "util");
  g_assert_true (token (tokens, 2)->flags & PX_TOKEN_UPPER);
  g_assert_true (token (tokens, 4)->flags & PX_TOKEN_NUMBER);
  g_assert_cmpstr (token (tokens, 4)->norm, ==, "3.5");
}

static void
test_languages (void)
{
  g_autoptr (PxTokenizer) de = px_tokenizer_new ("de-DE");
  g_autoptr (PxTokenizer) fr = px_tokenizer_new ("fr");
  g_autoptr (PxTokenizer) es = px_tokenizer_new ("es");
  g_autoptr (PxTokenizer) other = px_tokenizer_new ("xx");
  g_autoptr (GArray) german = tokenize (de, "Die Haushalte waren ohne Strom");
  g_autoptr (GArray) french = tokenize (fr, "les foyers étaient privés");
  g_autoptr (GArray) spanish = tokenize (es, "los hogares se quedaron");

  g_assert_cmpstr (px_tokenizer_get_language (de), ==, "de");
  g_assert_cmpstr (px_tokenizer_get_language (other), ==, "en");
  g_assert_true (token (german, 0)->flags & PX_TOKEN_STOP);
  g_assert_cmpstr (token (german, 1)->stem, ==, "haushalt");
  g_assert_true (token (french, 0)->flags & PX_TOKEN_STOP);
  g_assert_cmpstr (token (french, 1)->stem, ==, "foyer");
  g_assert_cmpstr (token (spanish, 1)->stem, ==, "hogar");
}

/* French elision, in words of tests/data/text/languages.txt: "l’effectif"
 * is the article and the noun. */
static void
test_elision (void)
{
  g_autoptr (PxTokenizer) fr = px_tokenizer_new ("fr");
  const char *text = "dont l’effectif est de 809 salariés";
  g_autoptr (GArray) tokens = tokenize (fr, text);

  g_assert_cmpuint (tokens->len, ==, 7);
  g_assert_cmpstr (token (tokens, 1)->norm, ==, "l'");
  g_assert_true (token (tokens, 1)->flags & PX_TOKEN_STOP);
  g_assert_cmpstr (token (tokens, 2)->norm, ==, "effectif");
  g_assert_cmpuint (token (tokens, 2)->start, ==, strstr (text, "effectif") - text);
  g_assert_cmpuint (token (tokens, 1)->end, ==, token (tokens, 2)->start);
}

static void
test_range (void)
{
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");
  const char *text = "First one. Second sentence here.";
  g_autoptr (GArray) tokens = px_tokenizer_tokenize (tokenizer, text, 11, strlen (text));
  g_autoptr (GArray) empty = px_tokenizer_tokenize (tokenizer, text, 5, 5);

  g_assert_cmpuint (tokens->len, ==, 4);
  g_assert_cmpuint (token (tokens, 0)->start, ==, 11);
  g_assert_cmpstr (token (tokens, 0)->norm, ==, "second");
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/tokenizer/english", test_english);
  g_test_add_func ("/px/tokenizer/fold", test_fold);
  g_test_add_func ("/px/tokenizer/flags", test_flags);
  g_test_add_func ("/px/tokenizer/languages", test_languages);
  g_test_add_func ("/px/tokenizer/elision", test_elision);
  g_test_add_func ("/px/tokenizer/range", test_range);
  return g_test_run ();
}
