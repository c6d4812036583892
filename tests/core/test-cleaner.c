/* test-cleaner.c: boilerplate removal on real news sentences with injected noise
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The story sentences come from ECB+ (tests/data/cleaner/README.md); the
 * noise is common real-world boilerplate of each language.
 */
#include <string.h>

#include "px-cleaner.h"
#include "px-span.h"

#define KEEP (-1)

/* One paragraph of a test text and what the cleaner must do with it. */
typedef struct
{
  const char *text;
  int expect;  /* KEEP or a PxRemovalReason */
} Piece;

typedef struct
{
  char *raw;
  GArray *starts;  /* guint: start and end of each piece */
} Built;

static char **
story_lines (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_TEST_DATA"), "cleaner", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_strchomp (contents);
  return g_strsplit (contents, "\n", -1);
}

static Built
build (const Piece *pieces,
       guint        n,
       const char  *separator)
{
  GString *raw = g_string_new (NULL);
  Built built = { NULL, g_array_new (FALSE, FALSE, sizeof (guint)) };

  for (guint i = 0; i < n; i++)
    {
      guint start, end;

      if (i > 0)
        g_string_append (raw, separator);
      start = raw->len;
      g_string_append (raw, pieces[i].text);
      end = raw->len;
      g_array_append_val (built.starts, start);
      g_array_append_val (built.starts, end);
    }
  g_string_append_c (raw, '\n');
  built.raw = g_string_free (raw, FALSE);
  return built;
}

static const PxSpan *
span_at (const GArray *removed,
         guint         offset)
{
  for (guint i = 0; i < removed->len; i++)
    {
      const PxSpan *span = &g_array_index (removed, PxSpan, i);
      if (offset >= span->start && offset < span->end && !span->restored)
        return span;
    }
  return NULL;
}

static void
assert_spans_sorted_disjoint (const GArray *removed)
{
  for (guint i = 0; i < removed->len; i++)
    {
      const PxSpan *span = &g_array_index (removed, PxSpan, i);
      g_assert_cmpuint (span->start, <, span->end);
      if (i > 0)
        g_assert_cmpuint (g_array_index (removed, PxSpan, i - 1).end, <=, span->start);
    }
}

/* Every noise piece is removed for its reason, every story piece kept
 * whole, and apply () rebuilds the clean text. */
static void
check_cleaning (const Piece  *pieces,
                guint         n,
                const Built  *built,
                PxCleaning   *cleaning)
{
  g_autofree char *applied = px_cleaner_apply (built->raw, cleaning->removed);

  assert_spans_sorted_disjoint (cleaning->removed);
  g_assert_cmpstr (applied, ==, cleaning->clean_text);
  for (guint i = 0; i < n; i++)
    {
      guint start = g_array_index (built->starts, guint, 2 * i);
      guint end = g_array_index (built->starts, guint, 2 * i + 1);

      for (guint b = start; b < end; b++)
        {
          const PxSpan *span;

          if (g_ascii_isspace (built->raw[b]))
            continue;
          span = span_at (cleaning->removed, b);
          if (pieces[i].expect == KEEP)
            {
              if (span != NULL)
                g_error ("kept piece %u removed (%s): %s", i,
                         px_removal_reason_to_string (span->reason), pieces[i].text);
            }
          else
            {
              if (span == NULL)
                g_error ("noise piece %u kept: %s", i, pieces[i].text);
              if ((int) span->reason != pieces[i].expect)
                g_error ("noise piece %u removed as %s, not %s: %s", i,
                         px_removal_reason_to_string (span->reason),
                         px_removal_reason_to_string (pieces[i].expect), pieces[i].text);
            }
        }
      if (pieces[i].expect == KEEP)
        g_assert_nonnull (strstr (cleaning->clean_text, pieces[i].text));
    }
}

/* The boilerplate of one language, in the order it is injected. */
typedef struct
{
  const char *language;
  const char *skip;       /* navigation */
  const char *breadcrumb; /* navigation */
  const char *menu[4];    /* navigation, one label a line */
  const char *byline;
  const char *caption;
  const char *prompt;
  const char *prompt2;
  const char *link;
  const char *footer;
  const char *teaser;
} Boilerplate;

static const Boilerplate boilerplates[] = {
  { "en", "Skip to main content", "Home \xE2\x80\xBA Entertainment \xE2\x80\xBA Celebrity",
    { "Sections", "World", "Politics", "Business" },
    "By Jane Smith, Staff Writer", "(Photo by Kevin Winter/Getty Images)",
    "Share on Facebook", "Sign up for our daily newsletter",
    "Short link: https://exm.pl/3xK9q", "Copyright 2013 Example Media. All rights reserved.",
    "More from Example News" },
  { "de", "Zum Inhalt springen", "Startseite \xE2\x80\xBA Panorama \xE2\x80\xBA Leute",
    { "Ressorts", "Politik", "Wirtschaft", "Kultur" },
    "Von Anna Schmidt", "Foto: dpa", "Artikel teilen", "Jetzt Newsletter abonnieren",
    "Lesen Sie auch: https://www.beispiel.de/panorama/123", "Beispiel Verlag GmbH. Alle Rechte vorbehalten.",
    "Mehr zum Thema" },
  { "fr", "Aller au contenu principal", "Accueil \xE2\x80\xBA Culture \xE2\x80\xBA People",
    { "Rubriques", "Politique", "\xC3\x89" "conomie", "Sport" },
    "Par Marie Dupont", "Photo : AFP", "Partager sur Facebook", "Inscrivez-vous \xC3\xA0 notre newsletter",
    "Lien court : https://exm.fr/a1b2", "Exemple M\xC3\xA9" "dias. Tous droits r\xC3\xA9" "serv\xC3\xA9" "s.",
    "\xC3\x80 lire aussi" },
  { "es", "Saltar al contenido", "Inicio \xE2\x80\xBA Gente \xE2\x80\xBA Cine",
    { "Secciones", "Internacional", "Deportes", "Cultura" },
    "Por Juan P\xC3\xA9rez", "Foto: EFE", "Compartir en Facebook", "Suscr\xC3\xAD" "bete a nuestro bolet\xC3\xADn",
    "Enlace corto: https://exm.es/x9", "Ejemplo Medios. Todos los derechos reservados.",
    "Te puede interesar" },
};

/* A story paragraph with one word changed: the next sentence's "her latest
 * stay" becomes "her last stay". */
static char *
one_word_changed (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, "latest", 2);
  return g_strjoinv ("last", parts);
}

static void
test_noise (gconstpointer data)
{
  const Boilerplate *b = data;
  g_auto (GStrv) story = story_lines ("lohan-en.txt");
  g_auto (GStrv) other = story_lines ("kraft-en.txt");
  g_autofree char *near = one_word_changed (story[3]);
  const Piece pieces[] = {
    { b->skip, PX_REMOVAL_NAVIGATION },
    { b->menu[0], PX_REMOVAL_NAVIGATION },
    { b->menu[1], PX_REMOVAL_NAVIGATION },
    { b->menu[2], PX_REMOVAL_NAVIGATION },
    { b->menu[3], PX_REMOVAL_NAVIGATION },
    { b->breadcrumb, PX_REMOVAL_NAVIGATION },
    { story[0], KEEP },
    { b->byline, PX_REMOVAL_BYLINE },
    { story[1], KEEP },
    { story[2], KEEP },
    { b->caption, PX_REMOVAL_CAPTION },
    { story[3], KEEP },
    { b->prompt, PX_REMOVAL_PROMPT },
    { story[2], PX_REMOVAL_REPEATED },
    { near, PX_REMOVAL_NEAR_REPEATED },
    { story[4], KEEP },
    { b->prompt2, PX_REMOVAL_PROMPT },
    { b->link, PX_REMOVAL_LINK_LINE },
    { b->footer, PX_REMOVAL_FOOTER },
    { b->teaser, PX_REMOVAL_UNRELATED_STORY },
    { other[0], PX_REMOVAL_UNRELATED_STORY },
    { other[1], PX_REMOVAL_UNRELATED_STORY },
    { other[2], PX_REMOVAL_UNRELATED_STORY },
    { other[3], PX_REMOVAL_UNRELATED_STORY },
    { other[4], PX_REMOVAL_UNRELATED_STORY },
  };
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();

  /* Both layouts: blank lines between paragraphs, and one a line. */
  for (guint layout = 0; layout < 2; layout++)
    {
      Built built = build (pieces, G_N_ELEMENTS (pieces), layout == 0 ? "\n\n" : "\n");
      g_autoptr (PxCleaning) cleaning = px_cleaner_clean (cleaner, built.raw, story[0],
                                                          b->language, NULL, NULL);

      check_cleaning (pieces, G_N_ELEMENTS (pieces), &built, cleaning);
      g_free (built.raw);
      g_array_unref (built.starts);
    }
}

/* A second article appended without a teaser header, after its headline,
 * is cut; the story's last paragraph, an earlier stay at the same clinic,
 * is background and stays. */
static void
test_appended_story (void)
{
  g_auto (GStrv) story = story_lines ("lohan-en.txt");
  g_auto (GStrv) other = story_lines ("kraft-en.txt");
  const Piece pieces[] = {
    { story[0], KEEP },
    { story[1], KEEP },
    { story[2], KEEP },
    { story[3], KEEP },
    { story[4], KEEP },
    { other[0], PX_REMOVAL_UNRELATED_STORY },
    { other[1], PX_REMOVAL_UNRELATED_STORY },
    { other[2], PX_REMOVAL_UNRELATED_STORY },
    { other[3], PX_REMOVAL_UNRELATED_STORY },
    { other[4], PX_REMOVAL_UNRELATED_STORY },
  };
  Built built = build (pieces, G_N_ELEMENTS (pieces), "\n\n");
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (PxCleaning) cleaning = px_cleaner_clean (cleaner, built.raw, story[0], "en",
                                                      NULL, NULL);

  check_cleaning (pieces, G_N_ELEMENTS (pieces), &built, cleaning);
  g_free (built.raw);
  g_array_unref (built.starts);
}

/* An appended story without a headline (an ECB+ "ecb" text opens with
 * its first sentence), then a second appended story that names the
 * lead's names (another report of the same event, as a feed of the
 * site's stories appends it): the whole tail is cut
 * from its first paragraph on, found as a segment with a topic of its own
 * (words its paragraphs share, none used before), with or without a
 * related report of the event. */
static void
test_headless_story (void)
{
  g_auto (GStrv) story = story_lines ("lohan-en.txt");
  g_auto (GStrv) other = story_lines ("pirates-en.txt");
  g_auto (GStrv) echo = story_lines ("lohan-stint-en.txt");
  const Piece pieces[] = {
    { story[0], KEEP },
    { story[1], KEEP },
    { story[2], KEEP },
    { story[3], KEEP },
    { story[4], KEEP },
    { other[0], PX_REMOVAL_UNRELATED_STORY },
    { other[1], PX_REMOVAL_UNRELATED_STORY },
    { other[2], PX_REMOVAL_UNRELATED_STORY },
    { other[3], PX_REMOVAL_UNRELATED_STORY },
    { other[4], PX_REMOVAL_UNRELATED_STORY },
    { other[5], PX_REMOVAL_UNRELATED_STORY },
    { other[6], PX_REMOVAL_UNRELATED_STORY },
    { echo[0], PX_REMOVAL_UNRELATED_STORY },
    { echo[1], PX_REMOVAL_UNRELATED_STORY },
  };
  Built built = build (pieces, G_N_ELEMENTS (pieces), "\n\n");
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();

  for (guint i = 0; i < 2; i++)
    {
      const char *related[] = { story[2], NULL };
      g_autoptr (PxCleaning) cleaning =
        px_cleaner_clean (cleaner, built.raw, story[0], "en", NULL, i ? related : NULL);

      check_cleaning (pieces, G_N_ELEMENTS (pieces), &built, cleaning);
    }
  g_free (built.raw);
  g_array_unref (built.starts);
}

/* The end of a story told in quotes and "Then ...": paragraphs sharing no
 * word with the ones before them, but a quotation or a paragraph opening
 * with a word that refers back ("Then", "He", "But") does not open an
 * appended story, so the story is kept whole. */
static void
test_quoted_ending_kept (void)
{
  g_auto (GStrv) story = story_lines ("kraft-en.txt");
  g_auto (GStrv) quotes = story_lines ("kraft-quotes-en.txt");
  const Piece pieces[] = {
    { story[0], KEEP },
    { story[1], KEEP },
    { story[2], KEEP },
    { story[3], KEEP },
    { quotes[0], KEEP },
    { quotes[1], KEEP },
    { story[4], KEEP },
    { quotes[2], KEEP },
    { quotes[3], KEEP },
  };
  Built built = build (pieces, G_N_ELEMENTS (pieces), "\n\n");
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (PxCleaning) cleaning = px_cleaner_clean (cleaner, built.raw, story[0], "en",
                                                      NULL, NULL);

  check_cleaning (pieces, G_N_ELEMENTS (pieces), &built, cleaning);
  g_assert_cmpuint (cleaning->removed->len, ==, 0);
  g_free (built.raw);
  g_array_unref (built.starts);
}

static void
test_background_kept (void)
{
  g_auto (GStrv) story = story_lines ("lohan-en.txt");
  const Piece pieces[] = {
    { story[0], KEEP },
    { story[1], KEEP },
    { story[2], KEEP },
    { story[3], KEEP },
    { story[4], KEEP },
  };
  Built built = build (pieces, G_N_ELEMENTS (pieces), "\n\n");
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();

  /* With and without the title, with and without a related report. */
  for (guint i = 0; i < 4; i++)
    {
      const char *related[] = { story[2], NULL };
      g_autoptr (PxCleaning) cleaning =
        px_cleaner_clean (cleaner, built.raw, i & 1 ? story[0] : NULL, "en", NULL,
                          i & 2 ? related : NULL);

      check_cleaning (pieces, G_N_ELEMENTS (pieces), &built, cleaning);
      g_assert_cmpuint (cleaning->removed->len, ==, 0);
    }
  g_free (built.raw);
  g_array_unref (built.starts);
}

/* A restored span stays kept, and stays restored, when the text is
 * cleaned again; the given removals of an HTML extractor are kept as
 * they are. */
static void
test_restored_and_given (void)
{
  g_auto (GStrv) story = story_lines ("lohan-en.txt");
  const Piece pieces[] = {
    { "Menu", PX_REMOVAL_NAVIGATION },
    { story[0], KEEP },
    { story[2], KEEP },
    { "Photo: Reuters", PX_REMOVAL_CAPTION },
    { story[3], KEEP },
    { "Related Video Galleries Around The Web", PX_REMOVAL_OUTSIDE_ARTICLE },
  };
  Built built = build (pieces, G_N_ELEMENTS (pieces), "\n\n");
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (GArray) given = px_span_array_new ();
  g_autoptr (PxCleaning) first = NULL;
  g_autoptr (PxCleaning) second = NULL;
  g_autofree char *applied = NULL;
  guint caption = g_array_index (built.starts, guint, 6);
  gboolean found = FALSE;

  px_span_array_add (given, g_array_index (built.starts, guint, 10),
                     g_array_index (built.starts, guint, 11), PX_REMOVAL_OUTSIDE_ARTICLE);
  first = px_cleaner_clean (cleaner, built.raw, story[0], "en", given, NULL);
  check_cleaning (pieces, G_N_ELEMENTS (pieces), &built, first);

  /* The user restores the caption. */
  for (guint i = 0; i < first->removed->len; i++)
    {
      PxSpan *span = &g_array_index (first->removed, PxSpan, i);
      if (span->start == caption)
        span->restored = found = TRUE;
    }
  g_assert_true (found);
  applied = px_cleaner_apply (built.raw, first->removed);
  g_assert_nonnull (strstr (applied, "Photo: Reuters"));

  second = px_cleaner_clean (cleaner, built.raw, story[0], "en", first->removed, NULL);
  assert_spans_sorted_disjoint (second->removed);
  g_assert_cmpstr (second->clean_text, ==, applied);
  found = FALSE;
  for (guint i = 0; i < second->removed->len; i++)
    {
      const PxSpan *span = &g_array_index (second->removed, PxSpan, i);
      if (span->start == caption)
        {
          g_assert_true (span->restored);
          g_assert_cmpint (span->reason, ==, PX_REMOVAL_CAPTION);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_null (strstr (second->clean_text, "Related Video"));
  g_assert_null (strstr (second->clean_text, "Menu"));
  g_free (built.raw);
  g_array_unref (built.starts);
}

/* Hard-wrapped paragraphs are joined with spaces; a paragraph per line
 * stays a paragraph per line; the clean text separates paragraphs with
 * one blank line. */
static void
test_layouts (void)
{
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  const char *wrapped =
    "After skipping out on entering a Newport Beach rehabilitation facility\n"
    "and facing the prospect of arrest for violating her probation, Lindsay\n"
    "Lohan has checked into the Betty Ford Center.\n"
    "\n"
    "\n"
    "Lohan was previously at Betty Ford from September 2010 to January 2011\n"
    "after a probation violation in a prior drunk driving case.\n";
  const char *lines =
    "Lindsay Lohan checks into Betty Ford Center\r\n"
    "May 03, 2013\r\n"
    "  Lohan was previously at Betty Ford from September 2010 to January 2011 after a "
    "probation violation in a prior drunk driving case.  \r\n";
  g_autoptr (PxCleaning) a = px_cleaner_clean (cleaner, wrapped, NULL, "en", NULL, NULL);
  g_autoptr (PxCleaning) b = px_cleaner_clean (cleaner, lines, NULL, "en", NULL, NULL);

  g_assert_cmpstr (a->clean_text, ==,
                   "After skipping out on entering a Newport Beach rehabilitation facility "
                   "and facing the prospect of arrest for violating her probation, Lindsay "
                   "Lohan has checked into the Betty Ford Center.\n\n"
                   "Lohan was previously at Betty Ford from September 2010 to January 2011 "
                   "after a probation violation in a prior drunk driving case.");
  g_assert_cmpstr (b->clean_text, ==,
                   "Lindsay Lohan checks into Betty Ford Center\n\n"
                   "May 03, 2013\n\n"
                   "Lohan was previously at Betty Ford from September 2010 to January 2011 after "
                   "a probation violation in a prior drunk driving case.");
}

/* A megabyte on one line, and a paragraph repeated twenty thousand
 * times: both finish, the line is kept, the repeats go. */
static void
test_large (void)
{
  g_auto (GStrv) story = story_lines ("lohan-en.txt");
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  GString *line = g_string_new (NULL), *repeats = g_string_new (NULL);
  g_autoptr (PxCleaning) a = NULL;
  g_autoptr (PxCleaning) b = NULL;

  for (guint i = 0; line->len < 1000000; i++)
    g_string_append_printf (line, "%s ", story[2 + i % 3]);
  a = px_cleaner_clean (cleaner, line->str, NULL, "en", NULL, NULL);
  g_assert_cmpuint (a->removed->len, ==, 0);
  g_assert_cmpuint (strlen (a->clean_text), ==, line->len - 1);

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (repeats, "%s\n\n", story[2]);
  b = px_cleaner_clean (cleaner, repeats->str, NULL, "en", NULL, NULL);
  g_assert_cmpstr (b->clean_text, ==, story[2]);
  g_assert_cmpuint (b->removed->len, ==, 1);
  g_assert_cmpint (g_array_index (b->removed, PxSpan, 0).reason, ==, PX_REMOVAL_REPEATED);
  g_string_free (line, TRUE);
  g_string_free (repeats, TRUE);
}

static void
test_empty (void)
{
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (PxCleaning) a = px_cleaner_clean (cleaner, "", NULL, NULL, NULL, NULL);
  g_autoptr (PxCleaning) b = px_cleaner_clean (cleaner, "\n \n* * *\n", NULL, NULL, NULL, NULL);

  g_assert_cmpstr (a->clean_text, ==, "");
  g_assert_cmpuint (a->removed->len, ==, 0);
  g_assert_cmpstr (b->clean_text, ==, "");
  g_assert_cmpuint (b->removed->len, ==, 1);
  g_assert_cmpint (g_array_index (b->removed, PxSpan, 0).reason, ==, PX_REMOVAL_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (boilerplates); i++)
    {
      g_autofree char *path = g_strdup_printf ("/px/cleaner/noise/%s", boilerplates[i].language);
      g_test_add_data_func (path, &boilerplates[i], test_noise);
    }
  g_test_add_func ("/px/cleaner/appended-story", test_appended_story);
  g_test_add_func ("/px/cleaner/headless-story", test_headless_story);
  g_test_add_func ("/px/cleaner/quoted-ending-kept", test_quoted_ending_kept);
  g_test_add_func ("/px/cleaner/background-kept", test_background_kept);
  g_test_add_func ("/px/cleaner/restored-and-given", test_restored_and_given);
  g_test_add_func ("/px/cleaner/layouts", test_layouts);
  g_test_add_func ("/px/cleaner/large", test_large);
  g_test_add_func ("/px/cleaner/empty", test_empty);
  return g_test_run ();
}
