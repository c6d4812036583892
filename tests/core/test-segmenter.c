/* test-segmenter.c: sentence boundaries
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "px-segmenter.h"

static char *
fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_TEST_DATA"), "text", name, NULL);
  char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The sentences of @text as strings. */
static GStrv
split (const char *text,
       const char *language)
{
  g_autoptr (GArray) ranges = px_segment_sentences (text, language);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  for (guint i = 0; i < ranges->len; i++)
    {
      PxRange *r = &g_array_index (ranges, PxRange, i);
      g_autofree char *s = g_strndup (text + r->start, r->end - r->start);

      g_assert_cmpuint (r->start, <, r->end);
      g_strv_builder_add (builder, s);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static void
assert_split (const char  *text,
              const char  *language,
              const char **expected)
{
  g_auto (GStrv) got = split (text, language);

  g_assert_cmpstrv (got, expected);
}

static void
test_empty (void)
{
  g_autoptr (GArray) none = px_segment_sentences ("", "en");
  g_autoptr (GArray) blank = px_segment_sentences (" \n\n \t\n", "en");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
}

static void
test_abbreviations (void)
{
  assert_split ("Dr. Maria Lopez met Mr. J. R. R. Tolkien at 5 p.m. on Main St. in the U.S. capital. "
                "Prices rose 3.5 percent. It was fine.",
                "en",
                (const char *[]) { "Dr. Maria Lopez met Mr. J. R. R. Tolkien at 5 p.m. on Main St. "
                                   "in the U.S. capital.",
                                   "Prices rose 3.5 percent.", "It was fine.", NULL });
  /* A dotted abbreviation ends the sentence when a usual opener follows. */
  assert_split ("I live in the U.S. How about you?", "en",
                (const char *[]) { "I live in the U.S.", "How about you?", NULL });
}

static void
test_quotes (void)
{
  assert_split ("“We are working hard,” the spokeswoman said. “Power is back.” She left.", "en",
                (const char *[]) { "“We are working hard,” the spokeswoman said.", "“Power is back.”",
                                   "She left.", NULL });
  assert_split ("She turned to him, \"This is great.\" she said.", "en",
                (const char *[]) { "She turned to him, \"This is great.\" she said.", NULL });
}

/* pragmatic_segmenter's spec case en-seg-124 (a Wikipedia sentence) and an
 * enumeration after a sentence (en-seg-066, shortened). */
static void
test_citations_and_lists (void)
{
  assert_split ("Saint Maximus (died 250) is a Christian saint and martyr.[1] The emperor Decius "
                "published a decree ordering the veneration of busts of the deified emperors.",
                "en",
                (const char *[]) { "Saint Maximus (died 250) is a Christian saint and martyr.[1]",
                                   "The emperor Decius published a decree ordering the veneration of "
                                   "busts of the deified emperors.", NULL });
  assert_split ("Finally, this. 1. The first item 2. The second item 3. The third list item", "en",
                (const char *[]) { "Finally, this.", "1. The first item", "2. The second item",
                                   "3. The third list item", NULL });
}

static void
test_paragraphs (void)
{
  const char *text = "Power cut hits county\n\nAt least 12,000 households lost power\non Tuesday.";
  g_autoptr (GArray) ranges = px_segment_sentences (text, "en");

  /* A blank line always ends a sentence; a single line feed before a
   * lower-case word does not. */
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, PxRange, 0).end, ==, strlen ("Power cut hits county"));
  g_assert_cmpuint (g_array_index (ranges, PxRange, 1).start, ==, strlen ("Power cut hits county\n\n"));
  g_assert_cmpuint (g_array_index (ranges, PxRange, 1).end, ==, strlen (text));
}

static void
test_german (void)
{
  assert_split ("Am 12. März 2024 sagte der Sprecher, z. B. in Berlin, es sei vorbei. Dann ging er.",
                "de",
                (const char *[]) { "Am 12. März 2024 sagte der Sprecher, z. B. in Berlin, es sei vorbei.",
                                   "Dann ging er.", NULL });
}

/* ECB+ articles, joined into one paragraph: the corpus's own sentences come back. */
static void
test_ecbplus (void)
{
  const char *names[] = { "ecbplus-1_10ecb", "ecbplus-3_1ecb" };
  guint same = 0, total = 0;

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *txt = g_strconcat (names[n], ".txt", NULL);
      g_autofree char *gold = g_strconcat (names[n], ".sentences", NULL);
      g_autofree char *text = fixture (txt);
      g_autofree char *gold_text = fixture (gold);
      g_auto (GStrv) want = g_strsplit (g_strstrip (gold_text), "\n", -1);
      g_auto (GStrv) got = split (text, "en");
      g_autoptr (GHashTable) produced = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; got[i] != NULL; i++)
        g_hash_table_add (produced, got[i]);
      for (guint i = 0; want[i] != NULL; i++, total++)
        same += g_hash_table_contains (produced, want[i]);
    }
  /* The corpus splits a few quotations inside a sentence; nearly all match. */
  g_assert_cmpuint (total, ==, 46);
  g_assert_cmpuint (same * 100, >=, 90 * total);
}

/* Stripped, with white-space runs as one space. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* The English Golden Rules (pragmatic_segmenter), when the shared corpora are there. */
static void
test_golden_rules (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_SHARED_CORPORA"), "sentence-boundary",
                                            "golden_rules.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *records;
  guint passed = 0, total = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("shared corpora not found");
      return;
    }
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  records = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *r = json_array_get_object_element (records, i);
      const char *input = json_object_get_string_member (r, "input");
      JsonArray *expected = json_object_get_array_member (r, "expected");
      g_auto (GStrv) got = NULL;
      gboolean same;

      if (!g_str_equal (json_object_get_string_member (r, "lang"), "en"))
        continue;
      got = split (input, "en");
      same = g_strv_length (got) == json_array_get_length (expected);
      for (guint k = 0; same && got[k] != NULL; k++)
        {
          /* The gem prints its cleaned text: line feeds as spaces. */
          g_autofree char *want = squeeze (json_array_get_string_element (expected, k));
          g_autofree char *have = squeeze (got[k]);

          same = g_str_equal (want, have);
        }
      passed += same;
      total++;
    }
  g_assert_cmpuint (total, ==, 52);
  g_assert_cmpuint (passed * 100, >=, 98 * total);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/segmenter/empty", test_empty);
  g_test_add_func ("/px/segmenter/abbreviations", test_abbreviations);
  g_test_add_func ("/px/segmenter/quotes", test_quotes);
  g_test_add_func ("/px/segmenter/citations-and-lists", test_citations_and_lists);
  g_test_add_func ("/px/segmenter/paragraphs", test_paragraphs);
  g_test_add_func ("/px/segmenter/german", test_german);
  g_test_add_func ("/px/segmenter/ecbplus", test_ecbplus);
  g_test_add_func ("/px/segmenter/golden-rules", test_golden_rules);
  return g_test_run ();
}
