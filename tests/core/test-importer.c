/* test-importer.c: files into the library, good and bad
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "px-data.h"
#include "px-error.h"
#include "px-importer.h"
#include "px-store-private.h"

typedef struct
{
  char *dir;
  char *db_path;
  PxStore *store;
  PxImporter *importer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("px-import-XXXXXX", NULL);
  fixture->db_path = g_build_filename (fixture->dir, "library.sqlite3", NULL);
  fixture->store = px_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->importer = px_importer_new (fixture->db_path);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static char *
test_file (const char *name)
{
  return g_build_filename (g_getenv ("PX_TEST_DATA"), "import", name, NULL);
}

static char *
sample_file (const char *name)
{
  g_autofree char *sample = px_data_find ("sample");
  return g_build_filename (sample, name, NULL);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static GPtrArray *
import (Fixture    *fixture,
        const char *path)
{
  const char *files[] = { path, NULL };
  g_autoptr (GError) error = NULL;
  GPtrArray *results = px_importer_import (fixture->importer, fixture->store, files, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static PxImportResult *
import_one (Fixture    *fixture,
            const char *path,
            GPtrArray **keep)
{
  *keep = import (fixture, path);
  g_assert_cmpuint ((*keep)->len, ==, 1);
  return g_ptr_array_index (*keep, 0);
}

static PxArticle *
get_article (Fixture *fixture,
             gint64   id)
{
  g_autoptr (GError) error = NULL;
  PxArticle *article = px_store_get_article (fixture->store, id, &error);

  g_assert_no_error (error);
  return article;
}

static void
test_plain_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = sample_file ("37-news-37_10ecbplus.txt");
  g_autoptr (GPtrArray) keep = NULL;
  PxImportResult *result = import_one (fixture, path, &keep);
  g_autoptr (PxArticle) article = NULL;
  const char *clean;

  g_assert_cmpint (result->status, ==, PX_IMPORT_STORED);
  g_assert_no_error (result->error);
  article = get_article (fixture, result->article_id);
  g_assert_cmpstr (px_article_get_title (article), ==,
                   "6.1-magnitude quake strikes Indonesia's Aceh province in region hit by 2004 tsunami");
  g_assert_cmpstr (px_article_get_outlet (article), ==, "news.com.au");
  g_assert_cmpstr (px_article_get_published (article), ==, "2013-07-03");
  g_assert_true (g_str_has_prefix (px_article_get_url (article), "http://www.news.com.au/world-news/"));
  g_assert_cmpstr (px_article_get_format (article), ==, "text");
  g_assert_cmpstr (px_article_get_source_file (article), ==, "37-news-37_10ecbplus.txt");
  g_assert_cmpuint (strlen (px_article_get_content_hash (article)), ==, 64);

  /* The raw text is kept as it was; the metadata lines leave the clean text. */
  g_assert_true (g_str_has_prefix (px_article_get_raw_text (article), "6.1-magnitude quake"));
  g_assert_nonnull (strstr (px_article_get_raw_text (article), "Source: http://"));
  clean = px_article_get_clean_text (article);
  g_assert_null (strstr (clean, "Source: http://"));
  g_assert_null (strstr (clean, "Published:"));
  g_assert_nonnull (strstr (clean, "AN EARTHQUAKE killed six children and left 14 others trapped"));
  g_assert_cmpuint (px_article_get_removed (article)->len, >=, 2);
}

static void
test_json_object (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = test_file ("object.json");
  g_autoptr (GPtrArray) keep = NULL;
  PxImportResult *result = import_one (fixture, path, &keep);
  g_autoptr (PxArticle) article = NULL;

  g_assert_cmpint (result->status, ==, PX_IMPORT_STORED);
  article = get_article (fixture, result->article_id);
  g_assert_cmpstr (px_article_get_outlet (article), ==, "The Guardian");
  g_assert_cmpstr (px_article_get_published (article), ==, "2013-09-16");
  g_assert_cmpstr (px_article_get_language (article), ==, "en");
  g_assert_cmpstr (px_article_get_format (article), ==, "json");
  g_assert_cmpstr (px_article_get_title (article), ==, "British climber dies in New Zealand fall");
}

static void
test_json_array (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_file ("array.json");
  g_autoptr (GPtrArray) results = import (fixture, path);
  g_autoptr (PxArticle) first = NULL;

  g_assert_cmpuint (results->len, ==, 2);
  for (guint i = 0; i < results->len; i++)
    {
      PxImportResult *result = g_ptr_array_index (results, i);
      g_assert_cmpint (result->status, ==, PX_IMPORT_STORED);
      g_assert_cmpuint (result->line, ==, i + 1);
    }
  /* "body" is read as the text; the outlet comes from the url. */
  first = get_article (fixture, ((PxImportResult *) g_ptr_array_index (results, 0))->article_id);
  g_assert_cmpstr (px_article_get_outlet (first), ==, "news.sky.com");
  g_assert_cmpstr (px_article_get_published (first), ==, "2013-09-16");
  g_assert_nonnull (strstr (px_article_get_clean_text (first), "climber"));
}

static void
test_json_lines (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_file ("lines.jsonl");
  g_autoptr (GPtrArray) results = import (fixture, path);
  PxImportResult *r;

  /* Line 3 is blank: no result. Lines 2 and 4 fail alone, naming their line. */
  g_assert_cmpuint (results->len, ==, 4);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpint (r->status, ==, PX_IMPORT_STORED);
  g_assert_cmpuint (r->line, ==, 1);
  r = g_ptr_array_index (results, 1);
  g_assert_cmpint (r->status, ==, PX_IMPORT_FAILED);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_error (r->error, PX_ERROR, PX_ERROR_EMPTY);
  g_assert_nonnull (strstr (r->error->message, "\"text\""));
  r = g_ptr_array_index (results, 2);
  g_assert_cmpint (r->status, ==, PX_IMPORT_FAILED);
  g_assert_cmpuint (r->line, ==, 4);
  r = g_ptr_array_index (results, 3);
  g_assert_cmpint (r->status, ==, PX_IMPORT_STORED);
  g_assert_cmpuint (r->line, ==, 5);
  g_assert_cmpstr (r->outlet, ==, "Global News");
  g_assert_cmpint (px_store_count_articles (fixture->store, NULL), ==, 2);
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = test_file ("aljazeera-helicopter.html");
  g_autoptr (GPtrArray) keep = NULL;
  PxImportResult *result = import_one (fixture, path, &keep);
  g_autoptr (PxArticle) article = NULL;

  g_assert_no_error (result->error);
  g_assert_cmpint (result->status, ==, PX_IMPORT_STORED);
  article = get_article (fixture, result->article_id);
  g_assert_cmpstr (px_article_get_format (article), ==, "html");
  g_assert_nonnull (strstr (px_article_get_title (article),
                            "US service members killed in Afghanistan helicopter crash"));
  g_assert_cmpstr (px_article_get_url (article), ==,
                   "https://www.aljazeera.com/news/2019/11/"
                   "service-members-killed-afghanistan-helicopter-crash-191120070028895.html");
  g_assert_nonnull (strstr (px_article_get_clean_text (article),
                            "Two United States service members have been killed in a helicopter "
                            "crash in Afghanistan"));
  g_assert_null (strstr (px_article_get_clean_text (article), "<"));
}

/* A copy of the sample @name, named @copy_name, with every @from made @to;
 * at least @least replacements. */
static char *
write_variant (Fixture    *fixture,
               const char *name,
               const char *copy_name,
               const char *from,
               const char *to,
               guint       least)
{
  g_autofree char *path = sample_file (name);
  g_autofree char *contents = NULL;
  g_autoptr (GString) variant = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  variant = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (variant, from, to, 0), >=, least);
  return write_file (fixture, copy_name, variant->str, variant->len);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = sample_file ("23-stuff-23_1ecbplus.txt");
  g_autofree char *rewrapped_path = NULL;
  g_autoptr (GPtrArray) first = NULL, second = NULL, third = NULL;
  PxImportResult *a, *b, *c;

  a = import_one (fixture, path, &first);
  b = import_one (fixture, path, &second);
  g_assert_cmpint (a->status, ==, PX_IMPORT_STORED);
  g_assert_cmpint (b->status, ==, PX_IMPORT_DUPLICATE);
  g_assert_cmpint (b->article_id, ==, a->article_id);

  /* The same story with other line ends is the same article. */
  rewrapped_path = write_variant (fixture, "23-stuff-23_1ecbplus.txt", "copy.txt", "\n", "\r\n", 1);
  c = import_one (fixture, rewrapped_path, &third);
  g_assert_cmpint (c->status, ==, PX_IMPORT_DUPLICATE);
  g_assert_cmpint (c->article_id, ==, a->article_id);
  g_assert_cmpint (px_store_count_articles (fixture->store, NULL), ==, 1);
}

/* The same story with characters that show nothing in it (a zero-width
 * space, a soft hyphen, as pages carry them) is the same article. */
static void
test_duplicate_invisible (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = sample_file ("23-stuff-23_1ecbplus.txt");
  /* In the words of the story's body, not only its title. */
  g_autofree char *marked_path = write_variant (fixture, "23-stuff-23_1ecbplus.txt", "marked.txt",
                                                "the ", "th\u00ADe\u200B ", 4);
  g_autoptr (GPtrArray) first = NULL, second = NULL;
  PxImportResult *a, *b;

  a = import_one (fixture, marked_path, &first);
  b = import_one (fixture, path, &second);
  g_assert_cmpint (a->status, ==, PX_IMPORT_STORED);
  g_assert_cmpint (b->status, ==, PX_IMPORT_DUPLICATE);
  g_assert_cmpint (b->article_id, ==, a->article_id);
  g_assert_cmpint (px_store_count_articles (fixture->store, NULL), ==, 1);
}

static void
test_overrides (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = sample_file ("23-telegraph-23_3ecbplus.txt");
  g_autoptr (GPtrArray) keep = NULL;
  g_autoptr (PxArticle) article = NULL;
  PxImportResult *result;

  px_importer_set_overrides (fixture->importer, "The Daily Telegraph", "2013-09-17", NULL,
                             "Climbers fall to their deaths");
  result = import_one (fixture, path, &keep);
  article = get_article (fixture, result->article_id);
  g_assert_cmpstr (px_article_get_outlet (article), ==, "The Daily Telegraph");
  g_assert_cmpstr (px_article_get_published (article), ==, "2013-09-17");
  g_assert_cmpstr (px_article_get_title (article), ==, "Climbers fall to their deaths");
  g_assert_true (g_str_has_prefix (px_article_get_url (article), "http://www.telegraph.co.uk/"));
}

/* Real text from the sample, in other encodings. */
static void
test_encodings (Fixture       *fixture,
                gconstpointer  data)
{
  const char *text = "Ellen DeGeneres To Host Oscars\n\n“It’s official: I’m hosting the #Oscars!” "
                     "said the comedian — Oscars® host, café owner.\n";
  const char *charsets[] = { "WINDOWS-1252", "UTF-16LE" };

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      g_autoptr (GError) error = NULL;
      gsize length;
      g_autofree char *converted = g_convert (text, -1, charsets[i], "UTF-8", NULL, &length, &error);
      g_autoptr (GString) bytes = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("encoded-%u.txt", i);
      g_autofree char *path = NULL;
      g_autoptr (GPtrArray) keep = NULL;
      g_autoptr (PxArticle) article = NULL;
      PxImportResult *result;

      g_assert_no_error (error);
      if (i == 1)
        g_string_append_len (bytes, "\xff\xfe", 2);
      g_string_append_len (bytes, converted, length);
      path = write_file (fixture, name, bytes->str, bytes->len);
      result = import_one (fixture, path, &keep);
      g_assert_no_error (result->error);
      article = get_article (fixture, result->article_id);
      g_assert_cmpstr (px_article_get_raw_text (article), ==, text);
      g_assert_cmpstr (px_article_get_title (article), ==, "Ellen DeGeneres To Host Oscars");
      /* Both encode the same text: the second is already there. */
      g_assert_cmpint (result->status, ==, i == 0 ? PX_IMPORT_STORED : PX_IMPORT_DUPLICATE);
    }
}

static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  const char bytes[] = "Magnitude-6.1 quake hits Indonesia; 1 dead\n\nA strong earthquake\x01 struck "
                       "Indonesia's\x1b Aceh\x7f province\r\non Tuesday.\xe2\x80\xae\n";
  g_autofree char *path = write_file (fixture, "controls.txt", bytes, sizeof bytes - 1);
  g_autoptr (GPtrArray) keep = NULL;
  PxImportResult *result = import_one (fixture, path, &keep);
  g_autoptr (PxArticle) article = get_article (fixture, result->article_id);

  g_assert_cmpstr (px_article_get_raw_text (article), ==,
                   "Magnitude-6.1 quake hits Indonesia; 1 dead\n\nA strong earthquake struck "
                   "Indonesia's Aceh province\non Tuesday.\n");
}

typedef struct
{
  gint64 id;
  char *clean;
} Snapshot;

static GArray *
snapshot (Fixture *fixture)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Snapshot));
  g_autoptr (GPtrArray) list = px_store_list_articles (fixture->store, 0, 1000, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      PxArticleSummary *summary = g_ptr_array_index (list, i);
      g_autoptr (PxArticle) article = get_article (fixture, summary->id);
      Snapshot row = { summary->id, g_strdup (px_article_get_clean_text (article)) };
      g_array_append_val (rows, row);
    }
  return rows;
}

static void
assert_same_library (GArray *before,
                     GArray *after)
{
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      g_assert_cmpint (g_array_index (before, Snapshot, i).id, ==, g_array_index (after, Snapshot, i).id);
      g_assert_cmpstr (g_array_index (before, Snapshot, i).clean, ==, g_array_index (after, Snapshot, i).clean);
    }
}

static void
free_snapshot (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    g_free (g_array_index (rows, Snapshot, i).clean);
  g_array_unref (rows);
}

static void
expect_failure (Fixture    *fixture,
                const char *path,
                GQuark      domain,
                int         code,
                const char *words)
{
  g_autoptr (GPtrArray) keep = NULL;
  PxImportResult *result = import_one (fixture, path, &keep);

  g_assert_cmpint (result->status, ==, PX_IMPORT_FAILED);
  g_assert_cmpstr (result->file, ==, path);
  g_assert_error (result->error, domain, code);
  if (words != NULL && strstr (result->error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", result->error->message, words);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = sample_file ("2-variety-2_10ecbplus.txt");
  g_autofree char *empty = write_file (fixture, "empty.txt", "", 0);
  g_autofree char *blank = write_file (fixture, "blank.md", "\n  \n\t\n", -1);
  g_autofree char *binary = write_file (fixture, "photo.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18);
  g_autofree char *truncated = test_file ("truncated.json");
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-file.txt", NULL);
  g_autoptr (GPtrArray) keep = NULL;
  g_autoptr (GArray) before = NULL, after = NULL;

  import_one (fixture, good, &keep);
  before = snapshot (fixture);

  expect_failure (fixture, empty, PX_ERROR, PX_ERROR_EMPTY, "empty");
  expect_failure (fixture, blank, PX_ERROR, PX_ERROR_EMPTY, NULL);
  expect_failure (fixture, binary, PX_ERROR, PX_ERROR_INVALID_INPUT, "binary");
  expect_failure (fixture, truncated, PX_ERROR, PX_ERROR_INVALID_INPUT, "not valid JSON");
  expect_failure (fixture, missing, G_FILE_ERROR, G_FILE_ERROR_NOENT, "cannot read");
  expect_failure (fixture, fixture->dir, PX_ERROR, PX_ERROR_UNSUPPORTED, "folder");

  after = snapshot (fixture);
  assert_same_library (before, after);
  free_snapshot (g_steal_pointer (&before));
  free_snapshot (g_steal_pointer (&after));
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Latin-1 bytes in a file that is otherwise UTF-8 are read as Windows-1252. */
  const char bytes[] = "Caf\xe9 owner held after Paris jewellery theft\n\nThieves took \x80" "2.5 million.\n";
  g_autofree char *path = write_file (fixture, "latin.txt", bytes, sizeof bytes - 1);
  g_autoptr (GPtrArray) keep = NULL;
  PxImportResult *result = import_one (fixture, path, &keep);
  g_autoptr (PxArticle) article = get_article (fixture, result->article_id);

  g_assert_cmpstr (px_article_get_title (article), ==, "Café owner held after Paris jewellery theft");
  g_assert_nonnull (strstr (px_article_get_raw_text (article), "took €2.5 million"));
}

static void
test_deep_html (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GString) html = g_string_new ("<html><head><title>Deep</title></head><body>");
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) keep = NULL;
  PxImportResult *result;

  for (int i = 0; i < 10000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "<p>A strong earthquake struck Indonesia's Aceh province on Tuesday, killing "
                         "at least one person and leaving two others missing.</p>");
  for (int i = 0; i < 10000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "</body></html>");
  path = write_file (fixture, "deep.html", html->str, html->len);

  /* A clear error or a correct import; never a crash. */
  result = import_one (fixture, path, &keep);
  if (result->status == PX_IMPORT_FAILED)
    g_assert_nonnull (result->error->message);
  else
    {
      g_autoptr (PxArticle) article = get_article (fixture, result->article_id);
      g_assert_nonnull (strstr (px_article_get_clean_text (article), "Aceh province"));
    }
}

static void
test_large_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sample = sample_file ("37-newsinfo-37_1ecbplus.txt");
  g_autofree char *story = NULL;
  g_autoptr (GString) big = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) keep = NULL;
  g_autoptr (GArray) before = NULL, after = NULL;
  PxImportResult *result;
  guint n = 0;

  g_assert_true (g_file_get_contents (sample, &story, NULL, NULL));
  import_one (fixture, sample, &keep);
  g_clear_pointer (&keep, g_ptr_array_unref);
  before = snapshot (fixture);

  /* 50 MB: the story's paragraphs over and over, each numbered so none repeats exactly. */
  while (big->len < 50 * 1024 * 1024)
    g_string_append_printf (big, "%u. %s\n", n++, story);
  path = write_file (fixture, "big.txt", big->str, big->len);

  px_importer_set_max_file_size (fixture->importer, 16 * 1024 * 1024);
  expect_failure (fixture, path, PX_ERROR, PX_ERROR_TOO_LARGE, "limit of 16 MB");
  after = snapshot (fixture);
  assert_same_library (before, after);

  px_importer_set_max_file_size (fixture->importer, 64 * 1024 * 1024);
  result = import_one (fixture, path, &keep);
  g_assert_no_error (result->error);
  g_assert_cmpint (result->status, ==, PX_IMPORT_STORED);
  g_assert_cmpint (px_store_count_articles (fixture->store, NULL), ==, 2);
  free_snapshot (g_steal_pointer (&before));
  free_snapshot (g_steal_pointer (&after));
}

static void
progress_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  double *last = user_data;
  double fraction = px_importer_get_fraction (PX_IMPORTER (object));

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = px_importer_import_finish (PX_IMPORTER (object), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *sample_dir = px_data_find ("sample");
  g_autoptr (GDir) dir = g_dir_open (sample_dir, 0, NULL);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) results = NULL;
  double last = 0.0;
  const char *name;
  guint stored = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_build_filename (sample_dir, name, NULL));
  g_ptr_array_add (files, NULL);
  g_assert_cmpuint (files->len, >=, 10);

  g_signal_connect (fixture->importer, "notify::fraction", G_CALLBACK (progress_cb), &last);
  px_importer_import_async (fixture->importer, (const char * const *) files->pdata, NULL,
                            import_done_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < results->len; i++)
    stored += ((PxImportResult *) g_ptr_array_index (results, i))->status == PX_IMPORT_STORED;
  g_assert_cmpuint (stored, ==, files->len - 1);
  g_assert_cmpfloat (last, ==, 1.0);
  /* The thread wrote through its own connection; this one sees it all. */
  g_assert_cmpint (px_store_count_articles (fixture->store, NULL), ==, stored);
}

static int
cache_size (PxStore *store)
{
  sqlite3_stmt *stmt = NULL;
  int size;

  g_assert_cmpint (sqlite3_prepare_v2 (_px_store_get_db (store), "PRAGMA cache_size", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* An import checkpoints rarely and with a large page cache; once it is
 * over, its pages are in the library file, the write-ahead log is empty
 * again and the connection has its own cache size back. */
static void
test_import_settings_undone (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = test_file ("lines.jsonl");
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autoptr (GPtrArray) results = NULL;
  int before = cache_size (fixture->store);
  GStatBuf st;

  results = import (fixture, path);
  g_assert_cmpint (((PxImportResult *) g_ptr_array_index (results, 0))->status, ==, PX_IMPORT_STORED);
  g_assert_cmpint (cache_size (fixture->store), ==, before);
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  g_assert_cmpint (px_store_count_articles (fixture->store, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/px/importer/plain-text", test_plain_text);
  ADD ("/px/importer/json-object", test_json_object);
  ADD ("/px/importer/json-array", test_json_array);
  ADD ("/px/importer/json-lines", test_json_lines);
  ADD ("/px/importer/html", test_html);
  ADD ("/px/importer/duplicate", test_duplicate);
  ADD ("/px/importer/duplicate-invisible", test_duplicate_invisible);
  ADD ("/px/importer/overrides", test_overrides);
  ADD ("/px/importer/encodings", test_encodings);
  ADD ("/px/importer/control-characters", test_control_characters);
  ADD ("/px/importer/bad-input", test_bad_input);
  ADD ("/px/importer/invalid-utf8", test_invalid_utf8);
  ADD ("/px/importer/deep-html", test_deep_html);
  ADD ("/px/importer/large-file", test_large_file);
  ADD ("/px/importer/async", test_async);
  ADD ("/px/importer/import-settings-undone", test_import_settings_undone);
#undef ADD

  return g_test_run ();
}
