/* test-cleaner.c: boilerplate removal on real news sentences with injected noise
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The story sentences come from ECB+ (tests/data/cleaner/README.md); the
 * noise is common real-world boilerplate of each language.
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "px-cleaner.h"
#include "px-comparison-format.h"
#include "px-events.h"
#include "px-reclean.h"
#include "px-span.h"
#include "px-store-analysis.h"

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

/* Builds an English text of @pieces, one paragraph each, titled @title,
 * cleans it and checks what went and what stayed. */
static void
check_english_story (const Piece *pieces,
                     guint        n_pieces,
                     const char  *title)
{
  Built built = build (pieces, n_pieces, "\n\n");
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (PxCleaning) cleaning = px_cleaner_clean (cleaner, built.raw, title, "en", NULL, NULL);

  check_cleaning (pieces, n_pieces, &built, cleaning);
  g_free (built.raw);
  g_array_unref (built.starts);
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
    /* The whole story again, as a page saved twice gives it. */
    { story[0], PX_REMOVAL_REPEATED },
    { story[1], PX_REMOVAL_REPEATED },
    { story[2], PX_REMOVAL_REPEATED },
    { story[3], PX_REMOVAL_REPEATED },
    { story[4], PX_REMOVAL_REPEATED },
    { b->teaser, PX_REMOVAL_UNRELATED_STORY },
    { other[0], PX_REMOVAL_UNRELATED_STORY },
    { other[1], PX_REMOVAL_UNRELATED_STORY },
    { other[2], PX_REMOVAL_UNRELATED_STORY },
    { other[3], PX_REMOVAL_UNRELATED_STORY },
    { other[4], PX_REMOVAL_UNRELATED_STORY },
  };
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (GArray) headless = g_array_new (FALSE, FALSE, sizeof (Piece));

  /* The same without the teaser header: the appended story follows the
   * footer directly. Only in English: that story is then found by its
   * words alone, and the German, French and Spanish fixtures tell English
   * stories (tests/data/cleaner/README.md), whose "the" and "was" those
   * languages' stop-word lists do not drop. */
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    if (pieces[i].text != b->teaser)
      g_array_append_val (headless, pieces[i]);

  /* Both layouts: blank lines between paragraphs, and one a line. */
  for (guint variant = 0; variant < (g_str_equal (b->language, "en") ? 4 : 2); variant++)
    {
      const Piece *used = variant < 2 ? pieces : (const Piece *) (void *) headless->data;
      guint n = variant < 2 ? G_N_ELEMENTS (pieces) : headless->len;
      Built built = build (used, n, variant % 2 == 0 ? "\n\n" : "\n");
      g_autoptr (PxCleaning) cleaning = px_cleaner_clean (cleaner, built.raw, story[0],
                                                          b->language, NULL, NULL);

      check_cleaning (used, n, &built, cleaning);
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

  check_english_story (pieces, G_N_ELEMENTS (pieces), story[0]);
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

/* A story of one paragraph (an "ecb" text whose only sentence is also its
 * title), then an appended story with its headline: the headline ends the
 * story's lead, so the appended story's names are not taken for the
 * story's and it is cut from its headline on. */
static void
test_one_paragraph_story (void)
{
  g_auto (GStrv) story = story_lines ("pirates-en.txt");
  g_auto (GStrv) other = story_lines ("lohan-en.txt");
  const Piece pieces[] = {
    { story[0], KEEP },
    { other[0], PX_REMOVAL_UNRELATED_STORY },
    { other[2], PX_REMOVAL_UNRELATED_STORY },
    { other[3], PX_REMOVAL_UNRELATED_STORY },
    { other[4], PX_REMOVAL_UNRELATED_STORY },
  };

  check_english_story (pieces, G_N_ELEMENTS (pieces), story[0]);
}

/* A link label before another story's long lead (over the length a
 * partial phrase match may remove) is a link line when one sentence
 * follows it; a long paragraph of several sentences after the same label
 * is not removed for it. */
static void
test_long_link_line (void)
{
  g_auto (GStrv) story = story_lines ("lohan-en.txt");
  g_auto (GStrv) other = story_lines ("species-en.txt");
  g_autofree char *link = g_strdup_printf ("Related: %s", other[11]);
  g_autofree char *several = g_strdup_printf ("Related: %s %s", story[3], story[4]);
  const Piece pieces[] = {
    { story[0], KEEP },
    { story[2], KEEP },
    { several, KEEP },
    { link, PX_REMOVAL_LINK_LINE },
  };
  Built built = build (pieces, G_N_ELEMENTS (pieces), "\n\n");
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (PxCleaning) cleaning = px_cleaner_clean (cleaner, built.raw, story[0], "en",
                                                      NULL, NULL);

  g_assert_cmpuint (strlen (link), >, 260);
  g_assert_cmpuint (strlen (several), >, 260);
  check_cleaning (pieces, G_N_ELEMENTS (pieces), &built, cleaning);
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

/* A story's last paragraphs that give background are the story's: an
 * earlier stay at the same clinic (Lohan), a denial (LaRue denied being
 * "Deep Throat"), critics' reactions and a related finding (the Endangered
 * Species Act rules). Alone, and with an unrelated story appended after
 * them, with or without a teaser header, with and without the title and a
 * related report: the story is kept whole, the appended one cut. */
static void
test_background_kept (gconstpointer data)
{
  g_auto (GStrv) story = story_lines (data);
  g_auto (GStrv) other = story_lines ("kraft-en.txt");
  guint n_story = g_strv_length (story);
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();

  for (guint appended = 0; appended < 3; appended++)
    {
      g_autoptr (GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
      Built built;

      for (guint i = 0; i < n_story; i++)
        g_array_append_val (pieces, ((Piece) { story[i], KEEP }));
      if (appended == 2)
        g_array_append_val (pieces, ((Piece) { "More from Example News", PX_REMOVAL_UNRELATED_STORY }));
      for (guint i = 0; appended > 0 && other[i] != NULL; i++)
        g_array_append_val (pieces, ((Piece) { other[i], PX_REMOVAL_UNRELATED_STORY }));
      built = build ((const Piece *) (void *) pieces->data, pieces->len, "\n\n");

      for (guint i = 0; i < 4; i++)
        {
          const char *related[] = { story[2], NULL };
          g_autoptr (PxCleaning) cleaning =
            px_cleaner_clean (cleaner, built.raw, i & 1 ? story[0] : NULL, "en", NULL,
                              i & 2 ? related : NULL);

          check_cleaning ((const Piece *) (void *) pieces->data, pieces->len, &built, cleaning);
          if (appended == 0)
            g_assert_cmpuint (cleaning->removed->len, ==, 0);
        }
      g_free (built.raw);
      g_array_unref (built.starts);
    }
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

/* ---- Pages copied whole ----------------------------------------------- */

/* @text with every run of white space made one space, trimmed. */
static char *
squeeze (const char *text,
         gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto (GStrv) words = g_strsplit_set (copy, " \t\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

/* The whole visible text of real pages (the article-extraction benchmark's
 * html-text output: what selecting all and copying gives), read from the
 * shared corpora, not copied here: its pages are third-party text. Menus,
 * cookie and sign-in prompts come before the story, so the lead is the
 * first prose that shares the title's words, and a Russian story (a
 * language without stop-words here) is not cut as an appended story. No
 * line of the story goes as an unrelated story, and most of it stays (the
 * gold text repeats a few labels, "Фото:", that go as repeated). */
static void
test_page_copied_whole (gconstpointer data)
{
  const char *id = data;
  g_autofree char *dir = g_build_filename (g_getenv ("PX_SHARED_CORPORA"),
                                           "article-extraction-benchmark", NULL);
  g_autofree char *gold_path = g_build_filename (dir, "ground-truth.json", NULL);
  g_autofree char *text_path = g_build_filename (dir, "baseline-outputs", "html-text.json", NULL);
  g_autoptr (JsonParser) gold_parser = json_parser_new ();
  g_autoptr (JsonParser) text_parser = json_parser_new ();
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (PxCleaning) cleaning = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *gold = NULL;
  g_autofree char *title = NULL;
  const char *page, *line;
  guint64 story = 0, story_kept = 0, other = 0, other_removed = 0;

  if (!g_file_test (gold_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("shared corpora not found");
      return;
    }
  json_parser_load_from_file (gold_parser, gold_path, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (text_parser, text_path, &error);
  g_assert_no_error (error);
  line = json_object_get_string_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (gold_parser)), id),
    "articleBody");
  gold = squeeze (line, strlen (line));
  page = json_object_get_string_member (
    json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (json_parser_get_root (text_parser)),
                                     "output"),
      id),
    "articleBody");
  title = g_strndup (page, strcspn (page, "\n"));
  cleaning = px_cleaner_clean (cleaner, page, title, NULL, NULL, NULL);

  for (line = page; *line != '\0';)
    {
      gsize length = strcspn (line, "\n");
      g_autofree char *text = squeeze (line, length);

      for (gsize b = 0; b < length; b++)
        {
          gboolean removed = span_at (cleaning->removed, line - page + b) != NULL;

          if (g_ascii_isspace (line[b]))
            continue;
          if (strlen (text) >= 3 && strstr (gold, text) != NULL)
            {
              const PxSpan *span = span_at (cleaning->removed, line - page + b);

              if (span != NULL && span->reason == PX_REMOVAL_UNRELATED_STORY)
                g_error ("%s: story cut as an unrelated story: %s", id, text);
              story++;
              story_kept += !removed;
            }
          else
            {
              other++;
              other_removed += removed;
            }
        }
      line += length + (line[length] == '\n');
    }
  g_test_message ("%s: story kept %.3f, the rest removed %.3f", id,
                  (double) story_kept / story, (double) other_removed / other);
  g_assert_cmpfloat ((double) story_kept / story, >=, 0.85);
  g_assert_cmpfloat ((double) other_removed / other, >=, 0.05);
}

/* ---- Recleaning in a library ------------------------------------------ */

/* An article stored by an older cleaner that kept everything: the Lohan
 * story with the Kraft story appended, and another Lohan report. */
static PxArticle *
stored_article (const char *raw,
                const char *title)
{
  PxArticle *article = px_article_new ();
  g_autoptr (GArray) none = px_span_array_new ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, raw, -1);

  px_article_set_title (article, title);
  px_article_set_language (article, "en");
  px_article_set_format (article, "text");
  px_article_set_content_hash (article, hash);
  px_article_set_raw_text (article, raw);
  px_article_set_clean_text (article, raw);
  px_article_set_removed (article, none);
  px_article_set_cleaner_version (article, 0);
  return article;
}

static gboolean
compared_text_has (PxStore      *store,
                   const gint64 *ids,
                   const char   *word)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = px_comparison_json_for_ids (store, ids, 2, &error);

  g_assert_no_error (error);
  return strstr (json, word) != NULL;
}

/* After a reclean cuts the appended story, and after the user restores it,
 * the article's term profile (events, word weights) and comparisons follow
 * the new clean text: "Hiller", named only in the appended story, leaves
 * the document frequencies and the compared text, then comes back. */
static void
test_reclean_follows (void)
{
  g_auto (GStrv) story = story_lines ("lohan-en.txt");
  g_auto (GStrv) other = story_lines ("kraft-en.txt");
  g_auto (GStrv) stint = story_lines ("lohan-stint-en.txt");
  g_autofree char *joined_story = g_strjoinv ("\n\n", story);
  g_autofree char *joined_other = g_strjoinv ("\n\n", other);
  g_autofree char *raw = g_strconcat (joined_story, "\n\n", joined_other, "\n", NULL);
  g_autofree char *stint_raw = g_strjoinv ("\n\n", stint);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (":memory:", &error);
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (PxArticle) noisy = stored_article (raw, story[0]);
  g_autoptr (PxArticle) report = stored_article (stint_raw, stint[0]);
  g_autoptr (PxArticle) recleaned = NULL;
  gint64 ids[2];
  gint64 profiles;
  const PxSpan *tail;

  g_assert_no_error (error);
  g_assert_true (px_store_insert_article (store, noisy, &error));
  g_assert_true (px_store_insert_article (store, report, &error));
  g_assert_no_error (error);
  ids[0] = px_article_get_id (noisy);
  ids[1] = px_article_get_id (report);
  g_assert_true (px_events_assign (store, ids, 2, &error));
  g_assert_no_error (error);
  profiles = px_store_count_profiles (store, &error);
  g_assert_cmpint (px_store_get_document_frequency (store, "hiller", &error), ==, 1);
  g_assert_true (compared_text_has (store, ids, "Hiller"));

  g_assert_cmpint (px_reclean_outdated (store, cleaner, NULL, &error), ==, 2);
  g_assert_no_error (error);
  recleaned = px_store_get_article (store, ids[0], &error);
  g_assert_no_error (error);
  g_assert_null (strstr (px_article_get_clean_text (recleaned), "Hiller"));
  g_assert_cmpint (px_store_get_document_frequency (store, "hiller", &error), ==, 0);
  g_assert_cmpint (px_store_count_profiles (store, &error), ==, profiles);
  g_assert_false (compared_text_has (store, ids, "Hiller"));

  tail = span_at (px_article_get_removed (recleaned), strstr (raw, other[0]) - raw);
  g_assert_nonnull (tail);
  g_assert_cmpint (tail->reason, ==, PX_REMOVAL_UNRELATED_STORY);
  g_assert_true (px_reclean_restore_span (store, ids[0], tail->start, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_document_frequency (store, "hiller", &error), ==, 1);
  g_assert_true (compared_text_has (store, ids, "Hiller"));
  g_assert_no_error (error);
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
  g_test_add_func ("/px/cleaner/one-paragraph-story", test_one_paragraph_story);
  g_test_add_func ("/px/cleaner/long-link-line", test_long_link_line);
  g_test_add_func ("/px/cleaner/quoted-ending-kept", test_quoted_ending_kept);
  g_test_add_data_func ("/px/cleaner/background-kept/earlier-incident", "lohan-en.txt",
                        test_background_kept);
  g_test_add_data_func ("/px/cleaner/background-kept/denial", "larue-en.txt",
                        test_background_kept);
  g_test_add_data_func ("/px/cleaner/background-kept/reactions", "species-en.txt",
                        test_background_kept);
  g_test_add_func ("/px/cleaner/restored-and-given", test_restored_and_given);
  g_test_add_func ("/px/cleaner/layouts", test_layouts);
  g_test_add_func ("/px/cleaner/large", test_large);
  g_test_add_func ("/px/cleaner/empty", test_empty);
  g_test_add_data_func ("/px/cleaner/page-copied-whole/ctpost",
                        "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f",
                        test_page_copied_whole);
  g_test_add_data_func ("/px/cleaner/page-copied-whole/twincities",
                        "264dc3ae31249cb1f50c50986e0952a4708c2e705d18a2d8bf0e525da6e2b485",
                        test_page_copied_whole);
  g_test_add_data_func ("/px/cleaner/page-copied-whole/wday-ru",
                        "3c6d3381ef52ca26be2fbde19c1b0fe17d85682b726dfecf5e300c1ca34546b1",
                        test_page_copied_whole);
  g_test_add_func ("/px/reclean/follows", test_reclean_follows);
  return g_test_run ();
}
