/* test-import-dates.c: impossible dates in JSON, text and HTML imports are reported, not dropped
 *
 * An article whose date cannot be ("2025-02-30", month 13) is still read,
 * without a date, and its item carries a warning that names the date (and,
 * in a text file, the line); the importer prints it with the file name.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-readers.h"
#include "px-span.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("PX_TEST_DATA"), name, NULL);
}

/* Real sentences of an ECB+ article, one a line. */
static char **
sentences (void)
{
  g_autofree char *path = data_path ("text/ecbplus-1_10ecb.sentences");
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_strsplit (g_strstrip (text), "\n", -1);
}

static const char *
only_warning (const PxImportItem *item)
{
  g_assert_nonnull (item->warnings);
  g_assert_cmpuint (item->warnings->len, ==, 1);
  return g_ptr_array_index (item->warnings, 0);
}

static void
test_json_lines (void)
{
  g_auto (GStrv) s = sentences ();
  static const char *const dates[] = { "2024-02-29", "2025-02-30", "2024-13-01", "0000-00-00",
                                       "31 April 2024", "2024-03-12T10:00:00Z" };
  static const char *const stored[] = { "2024-02-29", NULL, NULL, NULL, NULL, "2024-03-12" };
  static const char *const reasons[] = { NULL, "2025-02 has 28 days", "no month 13",
                                         "not within the years 1800 to 2200",
                                         "2024-04 has 30 days", NULL };
  g_autoptr (GString) file = g_string_new (NULL);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr (GString) text = g_string_new (s[1 + i % 4]);

      g_string_replace (text, "\"", "\\\"", 0);
      g_string_append_printf (file,
                              "{\"title\": \"%s\", \"text\": \"%s\", \"published\": \"%s\"}\n",
                              s[0], text->str, dates[i]);
    }
  items = px_json_reader_read (file->str, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (dates));
  for (guint i = 0; i < items->len; i++)
    {
      PxImportItem *item = g_ptr_array_index (items, i);

      g_assert_no_error (item->error);
      g_assert_cmpuint (item->line, ==, i + 1);
      g_assert_cmpstr (px_article_get_raw_text (item->article), ==, s[1 + i % 4]);
      g_assert_cmpstr (px_article_get_published (item->article), ==, stored[i]);
      if (reasons[i] == NULL)
        g_assert_null (item->warnings);
      else
        {
          const char *warning = only_warning (item);
          g_autofree char *quoted = g_strdup_printf ("“%s”", dates[i]);

          g_assert_nonnull (strstr (warning, "\"published\""));
          g_assert_nonnull (strstr (warning, quoted));
          g_assert_nonnull (strstr (warning, reasons[i]));
          g_assert_nonnull (strstr (warning, "imported without a date"));
        }
    }
}

static void
test_text_metadata_line (void)
{
  g_auto (GStrv) s = sentences ();
  g_autofree char *text = g_strdup_printf ("%s\n\nPublished: 2025-02-30\n\n%s\n\n%s\n",
                                           s[0], s[1], s[2]);
  g_autofree char *good = g_strdup_printf ("%s\n\nPublished: 2025-02-28\n\n%s\n\n%s\n",
                                           s[0], s[1], s[2]);
  g_autoptr (GPtrArray) items = px_text_reader_read (text, "text");
  g_autoptr (GPtrArray) good_items = px_text_reader_read (good, "text");
  PxImportItem *item = g_ptr_array_index (items, 0);
  const char *warning = only_warning (item);
  g_autofree char *metadata = NULL;
  const PxSpan *span;

  g_assert_null (px_article_get_published (item->article));
  g_assert_cmpstr (px_article_get_raw_text (item->article), ==, text);
  /* Empty lines count: the date is on line 3 of the file. */
  g_assert_true (g_str_has_prefix (warning, "line 3: impossible date “2025-02-30”"));
  /* The line is metadata all the same, out of the cleaned text. */
  g_assert_cmpuint (item->given->len, ==, 1);
  span = &g_array_index (item->given, PxSpan, 0);
  metadata = g_strndup (text + span->start, span->end - span->start);
  g_assert_cmpstr (metadata, ==, "Published: 2025-02-30");

  item = g_ptr_array_index (good_items, 0);
  g_assert_null (item->warnings);
  g_assert_cmpstr (px_article_get_published (item->article), ==, "2025-02-28");
}

static void
test_html_page (void)
{
  g_autofree char *path = data_path ("html/heist-json-ld.html");
  g_autofree char *page = NULL;
  g_autoptr (GString) bad = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) bad_items = NULL;
  g_autoptr (GError) error = NULL;
  PxImportItem *item;
  gsize length;

  g_assert_true (g_file_get_contents (path, &page, &length, NULL));
  items = px_html_reader_read (page, length, &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (px_article_get_published (item->article), ==, "2013-09-09");
  g_assert_null (item->warnings);

  /* The same page with its only date made impossible. */
  bad = g_string_new (page);
  g_assert_cmpuint (g_string_replace (bad, "2013-09-09T12:48", "2013-09-31T12:48", 0), ==, 1);
  bad_items = px_html_reader_read (bad->str, bad->len, &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (bad_items, 0);
  g_assert_null (px_article_get_published (item->article));
  g_assert_true (g_str_has_prefix (only_warning (item), "impossible date “2013-09-31T12:48"));
  g_assert_cmpstr (px_article_get_title (item->article), ==,
                   px_article_get_title (((PxImportItem *) g_ptr_array_index (items, 0))->article));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/px/import-dates/json-lines", test_json_lines);
  g_test_add_func ("/px/import-dates/text-metadata-line", test_text_metadata_line);
  g_test_add_func ("/px/import-dates/html-page", test_html_page);
  return g_test_run ();
}
