/* test-html-extractor.c: main text, metadata and robustness of the HTML extractor
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-error.h"
#include "px-html-extractor.h"
#include "px-span.h"

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_TEST_DATA"), "html", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static PxHtmlDocument *
extract_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  PxHtmlDocument *document;
  gsize length;

  data = read_fixture (name, &length);
  document = px_html_extract (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The text outside the removed spans, blocks joined by blank lines. */
static char *
main_text (const PxHtmlDocument *document)
{
  g_autoptr(GArray) spans = g_array_copy (document->removed);
  GString *out = g_string_new (NULL);
  guint at = 0;
  guint length = strlen (document->text);

  px_span_array_normalize (spans);
  for (guint i = 0; i <= spans->len; i++)
    {
      guint end = i < spans->len ? g_array_index (spans, PxSpan, i).start : length;

      if (end > at)
        {
          g_autofree char *piece = g_strndup (document->text + at, end - at);

          g_strstrip (piece);
          if (*piece != '\0' && out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append (out, piece);
        }
      if (i < spans->len)
        at = MAX (at, g_array_index (spans, PxSpan, i).end);
    }
  return g_string_free (out, FALSE);
}

/* The reason of the removed span covering the first occurrence of
 * @needle in the text, or -1 when it is kept. */
static int
reason_of (const PxHtmlDocument *document,
           const char           *needle)
{
  const char *found = strstr (document->text, needle);
  guint offset;

  g_assert_nonnull (found);
  offset = found - document->text;
  for (guint i = 0; i < document->removed->len; i++)
    {
      const PxSpan *span = &g_array_index (document->removed, PxSpan, i);

      if (span->start <= offset && offset < span->end)
        return span->reason;
    }
  return -1;
}

static void
test_sciencealert (void)
{
  g_autoptr(PxHtmlDocument) document = extract_fixture ("sciencealert-europa.html");
  g_autofree char *text = main_text (document);

  g_assert_nonnull (strstr (text, "A team led by researchers out of NASA's Goddard Space Flight "
                                  "Center in Greenbelt, Maryland, has confirmed traces of water "
                                  "vapor above the surface of Jupiter's icy moon Europa."));
  /* The menu is in the page's text, but not in the article. */
  g_assert_nonnull (strstr (document->text, "Trending Latest Sections"));
  g_assert_null (strstr (text, "Trending Latest Sections"));
  g_assert_cmpstr (document->title, ==,
                   "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa");
  g_assert_cmpstr (document->outlet, ==, "ScienceAlert");
  g_assert_cmpstr (document->url, ==,
                   "https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa");
  g_assert_cmpstr (document->language, ==, "en");
  g_assert_cmpstr (document->charset, ==, "UTF-8");
}

static void
test_polygraph (void)
{
  g_autoptr(PxHtmlDocument) document = extract_fixture ("polygraph-al-tanf.html");
  g_autofree char *text = main_text (document);

  g_assert_true (g_str_has_prefix (strstr (text, "In a joint statement"),
                                   "In a joint statement published Oct. 25, the Russian and "
                                   "Syrian defense ministries accused U.S. forces in southern "
                                   "Syria’s al-Tanf of controlling “bandit formations”"));
  g_assert_null (strstr (text, "Print Options:"));
  g_assert_cmpstr (document->outlet, ==, "POLYGRAPH.info");
  g_assert_cmpstr (document->published, ==, "2019-11-18");
  g_assert_cmpstr (document->title, ==,
                   "Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return");
}

static void
test_russian (void)
{
  g_autoptr(PxHtmlDocument) document = extract_fixture ("gto-normativy-skyrim.html");
  g_autofree char *text = main_text (document);

  g_assert_nonnull (strstr (text, "Характеристики бега можно увеличить за счет кодов"));
  g_assert_nonnull (strstr (document->text, "Образование"));
  g_assert_null (strstr (text, "Образование"));
  g_assert_cmpstr (document->language, ==, "ru");
  g_assert_cmpstr (document->published, ==, "2018-10-03");
}

/* The three heist pages share one body; only bytes and metadata differ. */
static void
check_heist_body (const PxHtmlDocument *document,
                  const char           *dash)
{
  g_autofree char *text = main_text (document);
  g_autofree char *sentence = g_strdup_printf ("Four men rammed their car into the Casty store "
                                               "near Paris's chic Place Vendôme in the latest in "
                                               "a spate of high-profile robberies in France %s "
                                               "most on the Riviera.", dash);

  g_assert_true (g_str_has_prefix (text, "Two million euro jewellery heist in central Paris\n\n"
                                         "Thieves pulled off a two million-euro jewellery heist"));
  g_assert_nonnull (strstr (text, sentence));
  g_assert_nonnull (strstr (text, "(£1.7 million)."));
  g_assert_true (g_str_has_suffix (text, "The entire robbery was over in a matter of minutes."));
  g_assert_cmpint (reason_of (document, "World News"), ==, PX_REMOVAL_NAVIGATION);
  /* The menu's four blocks are one span. */
  g_assert_true (g_str_has_prefix (document->text, "News\n\nWorld News\n\nEurope\n\nFrance\n\n"));
  g_assert_cmpuint (g_array_index (document->removed, PxSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (document->removed, PxSpan, 0).end, ==,
                    strlen ("News\n\nWorld News\n\nEurope\n\nFrance"));
  g_assert_cmpint (reason_of (document, "Copyright of Telegraph"), ==, PX_REMOVAL_FOOTER);
  g_assert_cmpstr (document->title, ==, "Two million euro jewellery heist in central Paris");
}

static void
test_windows_1252 (void)
{
  g_autoptr(PxHtmlDocument) document = extract_fixture ("heist-windows-1252.html");

  check_heist_body (document, "–");
  g_assert_cmpstr (document->charset, ==, "WINDOWS-1252");
}

static void
test_iso_8859_1 (void)
{
  g_autoptr(PxHtmlDocument) document = extract_fixture ("heist-iso-8859-1.html");

  check_heist_body (document, "-");
  /* Browsers read the Latin-1 label as Windows-1252, a superset. */
  g_assert_cmpstr (document->charset, ==, "WINDOWS-1252");
}

static void
test_json_ld (void)
{
  g_autoptr(PxHtmlDocument) document = extract_fixture ("heist-json-ld.html");

  check_heist_body (document, "–");
  g_assert_cmpstr (document->charset, ==, "UTF-8");
  g_assert_cmpstr (document->published, ==, "2013-09-09");
  g_assert_cmpstr (document->author, ==, "Telegraph Foreign Staff");
  g_assert_cmpstr (document->outlet, ==, "The Telegraph");
  g_assert_cmpstr (document->language, ==, "en");
  g_assert_cmpstr (document->url, ==,
                   "http://www.telegraph.co.uk/news/worldnews/europe/france/10296054/"
                   "Two-million-euro-jewellery-heist-in-central-Paris.html");
}

static void
test_blocks (void)
{
  const char *html =
    "<html><head><style>p { color: red }</style></head><body>"
    "<p>They then set fire\n   to the   vehicle and escaped in another car.</p>"
    "<script>document.write ('not text')</script><noscript>Enable scripts</noscript>"
    "<div>The entire robbery was over<br>in a matter of minutes.<br><br>"
    "Arson is suspected.<template><p>hidden</p></template></div>"
    "<div style=\"display: none\">Enable scripts</div><p hidden>hidden</p>"
    "<ul><li>News</li><li>World News<span class=\"sr-only\"> (current)</span></li></ul>"
    "<svg><text>chart label</text></svg>"
    "</body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxHtmlDocument) document = px_html_extract (html, strlen (html), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (document->text, ==,
                   "They then set fire to the vehicle and escaped in another car.\n\n"
                   "The entire robbery was over\nin a matter of minutes.\n\n"
                   "Arson is suspected.\n\n"
                   "News\n\nWorld News");
}

/* The same page in UTF-16 with a byte order mark, as Windows editors save. */
static void
test_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxHtmlDocument) document = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *utf16 = NULL;
  gsize length, written;

  utf8 = read_fixture ("heist-json-ld.html", &length);
  utf16 = g_convert (utf8, length, "UTF-16", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  document = px_html_extract (utf16, written, &error);
  g_assert_no_error (error);
  check_heist_body (document, "–");
  g_assert_true (g_str_has_prefix (document->charset, "UTF-16"));
  g_assert_cmpstr (document->author, ==, "Telegraph Foreign Staff");
}

/* Imports run in worker threads: extractions side by side agree. */
static gpointer
extract_in_thread (gpointer data)
{
  char *text = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PxHtmlDocument) document = extract_fixture ("polygraph-al-tanf.html");

      g_free (text);
      text = main_text (document);
    }
  return text;
}

static void
test_threads (void)
{
  g_autoptr(PxHtmlDocument) document = extract_fixture ("polygraph-al-tanf.html");
  g_autofree char *expected = main_text (document);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", extract_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *text = g_thread_join (threads[i]);

      g_assert_cmpstr (text, ==, expected);
    }
}

static void
check_nesting (guint depth)
{
  const char *sentence = "The entire robbery was over in a matter of minutes.";
  GString *html = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxHtmlDocument) document = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (html, i % 2 ? "<div>" : "<span><b>");
  g_string_append (html, sentence);
  document = px_html_extract (html->str, html->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (document->text, sentence));
  g_string_free (html, TRUE);
}

static void
test_deep_nesting (void)
{
  check_nesting (10000);
  check_nesting (100000);
}

static void
test_empty (void)
{
  const char *inputs[] = {
    "", "  \n\t ", "<html><head><title></title></head><body>  </body></html>",
    "<script>var x = 1;</script>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PxHtmlDocument) document = px_html_extract (inputs[i], strlen (inputs[i]), &error);

      g_assert_null (document);
      g_assert_error (error, PX_ERROR, PX_ERROR_EMPTY);
    }
}

static void
test_binary (void)
{
  guchar png[512] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  guchar noise[512];
  g_autoptr(GError) error = NULL;
  g_autoptr(PxHtmlDocument) document = NULL;
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 8; i < sizeof png; i++)
    png[i] = g_rand_int_range (rand, 0, 256);
  document = px_html_extract ((const char *) png, sizeof png, &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* No magic number, just bytes: a fifth of them controls. */
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = i % 5 == 0 ? g_rand_int_range (rand, 1, 8) : g_rand_int_range (rand, 32, 256);
  document = px_html_extract ((const char *) noise, sizeof noise, &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT);
  g_rand_free (rand);
}

static void
test_controls (void)
{
  /* A stray NUL and control characters inside a real page's text. */
  const char html[] = "<p>They then set fire to the\0 vehicle\x01 and escaped\x7f in another car.</p>";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxHtmlDocument) document = px_html_extract (html, sizeof html - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (document->text, ==, "They then set fire to the vehicle and escaped in another car.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/html-extractor/sciencealert", test_sciencealert);
  g_test_add_func ("/px/html-extractor/polygraph", test_polygraph);
  g_test_add_func ("/px/html-extractor/russian", test_russian);
  g_test_add_func ("/px/html-extractor/windows-1252", test_windows_1252);
  g_test_add_func ("/px/html-extractor/iso-8859-1", test_iso_8859_1);
  g_test_add_func ("/px/html-extractor/json-ld", test_json_ld);
  g_test_add_func ("/px/html-extractor/utf-16", test_utf16);
  g_test_add_func ("/px/html-extractor/blocks", test_blocks);
  g_test_add_func ("/px/html-extractor/threads", test_threads);
  g_test_add_func ("/px/html-extractor/deep-nesting", test_deep_nesting);
  g_test_add_func ("/px/html-extractor/empty", test_empty);
  g_test_add_func ("/px/html-extractor/binary", test_binary);
  g_test_add_func ("/px/html-extractor/controls", test_controls);

  return g_test_run ();
}
