/* test-anchor.c: raw/clean offsets and finding notes again
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-anchor.h"
#include "px-cleaner.h"
#include "px-span.h"
#include "px-text-map.h"

/* A real article: ECB+ 37_10ecbplus (news.com.au), see data/sample/README.md. */
static char *
read_sample (const char *name)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "sample", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The raw range of the first occurrence of @needle in @raw. */
static void
find_raw (const char *raw,
          const char *needle,
          guint      *start,
          guint      *end)
{
  const char *hit = strstr (raw, needle);

  g_assert_nonnull (hit);
  *start = hit - raw;
  *end = *start + strlen (needle);
}

/* Every byte of the clean text that is not white space is the raw byte the
 * map names, for the cleaner's own removals and for cuts inside
 * paragraphs, in every sample article. */
static void
test_map_matches_cleaner (void)
{
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autofree char *dir = g_build_filename (SOURCE_DATADIR, "sample", NULL);
  g_autoptr (GDir) samples = g_dir_open (dir, 0, NULL);
  const char *name;
  guint checked = 0;

  g_assert_nonnull (samples);
  while ((name = g_dir_read_name (samples)) != NULL)
    {
      g_autofree char *raw = NULL;
      g_autoptr (PxCleaning) cleaning = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      raw = read_sample (name);
      cleaning = px_cleaner_clean (cleaner, raw, NULL, "en", NULL, NULL);
      /* A cut inside a paragraph, as a user may make: the raw text's
       * middle third of its second half. */
      px_span_array_add (cleaning->removed, strlen (raw) / 2, strlen (raw) / 2 + 40, PX_REMOVAL_PROMPT);
      px_span_array_normalize (cleaning->removed);
      for (guint variant = 0; variant < 2; variant++)
        {
          g_autofree char *clean = px_cleaner_apply (raw, variant == 0 ? NULL : cleaning->removed);
          g_autoptr (PxTextMap) map = px_text_map_new (raw, variant == 0 ? NULL : cleaning->removed, clean);
          guint len = strlen (clean);

          for (guint c = 0; c < len; c++)
            {
              guint raw_start, raw_end, back_start, back_end;

              if (g_ascii_isspace (clean[c]))
                continue;
              px_text_map_clean_to_raw (map, c, c + 1, &raw_start, &raw_end);
              g_assert_cmpuint (raw_end, ==, raw_start + 1);
              g_assert_cmpint (raw[raw_start], ==, clean[c]);
              g_assert_false (variant == 1 && px_span_array_contains (cleaning->removed, raw_start));
              g_assert_true (px_text_map_raw_to_clean (map, raw_start, raw_end, &back_start, &back_end));
              g_assert_cmpuint (back_start, ==, c);
              g_assert_cmpuint (back_end, ==, c + 1);
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 20000);
}

typedef struct
{
  char *raw;
  GArray *removed;
  PxTextMap *map;
} Article;

static void
article_set (Article    *article,
             const char *raw,
             GArray     *removed)
{
  g_autofree char *clean = px_cleaner_apply (raw, removed);

  g_clear_pointer (&article->map, px_text_map_unref);
  if (article->raw != raw)
    {
      g_free (article->raw);
      article->raw = g_strdup (raw);
    }
  article->map = px_text_map_new (article->raw, removed, clean);
}

static void
article_clear (Article *article)
{
  g_clear_pointer (&article->map, px_text_map_unref);
  g_clear_pointer (&article->removed, g_array_unref);
  g_clear_pointer (&article->raw, g_free);
}

/* A note on the text as first cleaned (Published:/Source: lines cut). */
static PxNote *
note_on (Article    *article,
         const char *quote)
{
  PxNote *note = px_note_new ();
  const char *clean = px_text_map_get_clean (article->map);
  const char *hit = strstr (clean, quote);

  g_assert_nonnull (hit);
  px_note_set_clean_range (note, article->map, hit - clean, hit - clean + strlen (quote));
  g_assert_cmpstr (px_note_get_quote (note), ==, quote);
  return note;
}

static void
assert_placed (PxNote     *note,
               PxTextMap  *map,
               const char *expected)
{
  guint start, end;
  const char *clean = px_text_map_get_clean (map);
  g_autofree char *shown = NULL;

  g_assert_false (px_note_get_orphan (note));
  g_assert_true (px_note_get_clean_range (note, map, &start, &end));
  shown = g_strndup (clean + start, end - start);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (px_note_get_quote (note), ==, expected);
}

static void
setup_article (Article *article)
{
  g_autofree char *raw = read_sample ("37-news-37_10ecbplus.txt");
  guint start, end;

  article->removed = px_span_array_new ();
  find_raw (raw, "Published: July 03, 2013 6:22AM", &start, &end);
  px_span_array_add (article->removed, start, end, PX_REMOVAL_BYLINE);
  article_set (article, raw, article->removed);
}

#define LATER_SENTENCE "Injured people had been transported from several affected villages in two trucks, she said."
#define EARLIER_PARAGRAPH                                                                         \
  "The earthquake reduced houses in parts of Aceh to rubble, set off several landslides and badly " \
  "damaged roads."

/* Removing a paragraph before the note moves it in the clean text only. */
static void
test_paragraph_removed_before (void)
{
  Article article = { 0 };
  g_autoptr (PxNote) note = NULL;
  guint before_start, after_start, start, end, raw_start;

  setup_article (&article);
  note = note_on (&article, LATER_SENTENCE);
  raw_start = px_note_get_start (note);
  g_assert_true (px_note_get_clean_range (note, article.map, &before_start, NULL));

  find_raw (article.raw, EARLIER_PARAGRAPH, &start, &end);
  px_span_array_add (article.removed, start, end, PX_REMOVAL_NEAR_REPEATED);
  px_span_array_normalize (article.removed);
  article_set (&article, article.raw, article.removed);

  g_assert_cmpint (px_anchor_note (note, article.map), ==, PX_ANCHOR_EXACT);
  assert_placed (note, article.map, LATER_SENTENCE);
  g_assert_cmpuint (px_note_get_start (note), ==, raw_start);
  g_assert_true (px_note_get_clean_range (note, article.map, &after_start, NULL));
  /* The paragraph and one space: the rest of its paragraph joins on. */
  g_assert_cmpuint (after_start, ==, before_start - (end - start) - 1);
  article_clear (&article);
}

/* The note's text itself removed: an orphan that keeps its quote, and is
 * placed again when the text is restored. */
static void
test_orphan_and_restore (void)
{
  Article article = { 0 };
  g_autoptr (PxNote) note = NULL;
  guint start, end;

  setup_article (&article);
  note = note_on (&article, LATER_SENTENCE);
  find_raw (article.raw, LATER_SENTENCE, &start, &end);
  px_span_array_add (article.removed, start - 10, end + 10, PX_REMOVAL_CAPTION);
  px_span_array_normalize (article.removed);
  article_set (&article, article.raw, article.removed);

  g_assert_cmpint (px_anchor_note (note, article.map), ==, PX_ANCHOR_ORPHAN);
  g_assert_true (px_note_get_orphan (note));
  g_assert_cmpstr (px_note_get_quote (note), ==, LATER_SENTENCE);
  g_assert_false (px_note_get_clean_range (note, article.map, NULL, NULL));

  for (guint i = 0; i < article.removed->len; i++)
    if (g_array_index (article.removed, PxSpan, i).reason == PX_REMOVAL_CAPTION)
      g_array_index (article.removed, PxSpan, i).restored = TRUE;
  article_set (&article, article.raw, article.removed);
  g_assert_cmpint (px_anchor_note (note, article.map), ==, PX_ANCHOR_EXACT);
  assert_placed (note, article.map, LATER_SENTENCE);
  article_clear (&article);
}

/* Another copy of the story: a paragraph more at the top (the quote moved)
 * or a word changed inside the quote (fuzzy). */
static void
test_moved_and_fuzzy (void)
{
  Article article = { 0 };
  g_autoptr (PxNote) note = NULL;
  g_autoptr (GString) edited = NULL;
  g_autoptr (GArray) none = px_span_array_new ();
  const char *quote = "The quake, which hit at a shallow depth of just 10 kilometres, injured more than 200 "
                      "people and damaged more than 300 houses in Aceh";
  guint start, end;

  setup_article (&article);
  note = note_on (&article, quote);

  edited = g_string_new (article.raw);
  find_raw (edited->str, "AN EARTHQUAKE", &start, &end);
  g_string_insert (edited, start, "Jakarta (AFP) - Rescuers dug through the rubble on Wednesday.\n\n");
  article_set (&article, edited->str, none);
  g_assert_cmpint (px_anchor_note (note, article.map), ==, PX_ANCHOR_MOVED);
  assert_placed (note, article.map, quote);

  /* "200" → "250" and "houses" → "homes": 6 bytes of 130. */
  find_raw (edited->str, "more than 200 people", &start, &end);
  g_string_overwrite (edited, start + strlen ("more than 2"), "5");
  find_raw (edited->str, "300 houses", &start, &end);
  g_string_erase (edited, start + 4, strlen ("houses"));
  g_string_insert (edited, start + 4, "homes");
  /* And the context: ", said national" → ", said the national". */
  find_raw (edited->str, "in Aceh, said national", &start, &end);
  g_string_insert (edited, start + strlen ("in Aceh, said "), "the ");
  article_set (&article, edited->str, none);
  g_assert_cmpint (px_anchor_note (note, article.map), ==, PX_ANCHOR_FUZZY);
  assert_placed (note, article.map,
                 "The quake, which hit at a shallow depth of just 10 kilometres, injured more than 250 "
                 "people and damaged more than 300 homes in Aceh");
  article_clear (&article);
}

/* The quote rewritten, its context intact. */
static void
test_context (void)
{
  Article article = { 0 };
  g_autoptr (PxNote) note = NULL;
  g_autoptr (GString) edited = NULL;
  g_autoptr (GArray) none = px_span_array_new ();
  guint start, end;

  setup_article (&article);
  note = note_on (&article, "set off several landslides and badly damaged roads");
  edited = g_string_new (article.raw);
  find_raw (edited->str, "set off several landslides and badly damaged roads", &start, &end);
  g_string_erase (edited, start, end - start);
  g_string_insert (edited, start, "triggered landslides and damaged roads");
  article_set (&article, edited->str, none);
  g_assert_cmpint (px_anchor_note (note, article.map), ==, PX_ANCHOR_CONTEXT);
  assert_placed (note, article.map, "triggered landslides and damaged roads");
  article_clear (&article);
}

/* A sentence that is gone from the text is not forced onto another. */
static void
test_gone (void)
{
  Article article = { 0 };
  g_autoptr (PxNote) note = NULL;
  g_autofree char *other = read_sample ("37-sunstar-37_14ecbplus.txt");
  g_autoptr (GArray) none = px_span_array_new ();

  setup_article (&article);
  note = note_on (&article, LATER_SENTENCE);
  article_set (&article, other, none);
  g_assert_cmpint (px_anchor_note (note, article.map), ==, PX_ANCHOR_ORPHAN);
  g_assert_true (px_note_get_orphan (note));
  g_assert_cmpstr (px_note_get_quote (note), ==, LATER_SENTENCE);
  article_clear (&article);
}

static void
test_similarity (void)
{
  g_assert_cmpfloat (px_anchor_similarity ("kitten", 6, "sitting", 7), ==, 1.0 - 3.0 / 7);
  g_assert_cmpfloat (px_anchor_similarity ("", 0, "", 0), ==, 1.0);
  g_assert_cmpfloat (px_anchor_similarity ("abc", 3, "abc", 3), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/px/anchor/map-matches-cleaner", test_map_matches_cleaner);
  g_test_add_func ("/px/anchor/paragraph-removed-before", test_paragraph_removed_before);
  g_test_add_func ("/px/anchor/orphan-and-restore", test_orphan_and_restore);
  g_test_add_func ("/px/anchor/moved-and-fuzzy", test_moved_and_fuzzy);
  g_test_add_func ("/px/anchor/context", test_context);
  g_test_add_func ("/px/anchor/gone", test_gone);
  g_test_add_func ("/px/anchor/similarity", test_similarity);
  return g_test_run ();
}
