/* test-tokenizer.c: words, normalisation, stems and stop words
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-data.h"
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

static void
assert_same_tokens (const PxToken *a,
                    const PxToken *b,
                    guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      const PxToken *x = &a[i], *y = &b[i];

      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpuint (x->end, ==, y->end);
      g_assert_cmpstr (x->norm, ==, y->norm);
      g_assert_cmpstr (x->stem, ==, y->stem);
      g_assert_cmpuint (x->flags, ==, y->flags);
    }
}

/* Text of ASCII and common typographic punctuation has its word boundaries
 * found without ICU; one character outside that set sends the whole text to
 * ICU. Both must give the same words, on every bundled sample article. */
static void
test_ascii_path (void)
{
  const char *languages[] = { "en", "de", "fr", "es" };
  g_autofree char *sample = px_data_find ("sample");
  g_autoptr (GDir) dir = g_dir_open (sample, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (sample, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *forced = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      /* U+0100 is outside the fast path's set, and a word of its own. */
      forced = g_strconcat (text, " \xc4\x80", NULL);
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new (languages[l]);
          g_autoptr (GArray) plain = tokenize (tokenizer, text);
          g_autoptr (GArray) by_icu = tokenize (tokenizer, forced);

          g_assert_cmpuint (plain->len + 1, ==, by_icu->len);
          assert_same_tokens ((PxToken *) plain->data, (PxToken *) by_icu->data, plain->len);
        }
      files++;
    }
  g_assert_cmpuint (files, >=, 20);
}

/* Copied tokens are the tokens of the same words elsewhere. */
static void
test_copy_tokens (void)
{
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");
  const char *sentence = "Federal authorities said Saturday that they were offering a $35,000 reward.";
  g_autofree char *twice = g_strdup_printf ("%s %s", sentence, sentence);
  g_autoptr (GArray) once = tokenize (tokenizer, sentence);
  g_autoptr (GArray) both = tokenize (tokenizer, twice);
  g_autoptr (GArray) moved = px_tokenizer_copy_tokens (once, strlen (sentence) + 1);
  PxToken *second = &g_array_index (both, PxToken, once->len);

  g_assert_cmpuint (both->len, ==, 2 * once->len);
  g_assert_cmpuint (moved->len, ==, once->len);
  assert_same_tokens ((PxToken *) moved->data, second, once->len);
  /* Its own strings: freeing the original leaves the copy whole. */
  g_clear_pointer (&once, g_array_unref);
  g_assert_cmpstr (token (moved, 0)->norm, ==, "federal");
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
  g_test_add_func ("/px/tokenizer/ascii-path", test_ascii_path);
  g_test_add_func ("/px/tokenizer/copy-tokens", test_copy_tokens);
  return g_test_run ();
}
