/* test-export.c: exports read back by real consumers
 *
 * cmark (Markdown), libxml2's HTML parser (HTML), pdftotext (PDF),
 * json-glib and a second library (JSON), Python's csv module (CSV).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "px-cleaner.h"
#include "px-exporter.h"
#include "px-importer.h"
#include "px-store-events.h"
#include "px-store-notes.h"

static const char *const samples[] = {
  "37-english-37_11ecbplus.txt", "37-ibtimes-37_12ecbplus.txt", "37-news-37_10ecbplus.txt",
  "37-newsinfo-37_1ecbplus.txt", "37-sunstar-37_14ecbplus.txt",
};

/* Notes a reader could write, with what breaks naive writers: commas,
 * quotes, a line break, markup. */
static const struct
{
  guint sample;
  const char *quote;
  const char *body;
  const char *tags[3];
} sample_notes[] = {
  { 2, "killed six children", "Only news.com.au gives the children's toll, \"six\".", { "toll", "children" } },
  { 4, "Magnitude-6.1 quake hits Indonesia", "Headline says 1 dead;\nothers say more.", { "toll" } },
  { 0, "no tsunami warning", "# Not a heading\n\n- not a list *either*", { NULL } },
};

typedef struct
{
  char *dir;
  char *path;
  PxStore *store;
  gint64 ids[G_N_ELEMENTS (samples)];
  gint64 event_id;
  gint64 hostile_id;
} Fixture;

static PxStore *
open_library (const char *path,
              guint       n_samples,
              gint64     *ids)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxImporter) importer = px_importer_new (path);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) results = NULL;
  PxStore *store = px_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_samples; i++)
    g_ptr_array_add (files, g_build_filename (SOURCE_DATADIR, "sample", samples[i], NULL));
  g_ptr_array_add (files, NULL);
  results = px_importer_import (importer, store, (const char * const *) files->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, n_samples);
  for (guint i = 0; i < n_samples; i++)
    ids[i] = ((PxImportResult *) results->pdata[i])->article_id;
  return store;
}

static PxNote *
add_note (PxStore            *store,
          gint64              article_id,
          const char         *quote,
          const char         *body,
          const char * const *tags,
          const char         *color)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = px_store_get_article (store, article_id, &error);
  g_autoptr (PxTextMap) map = px_text_map_new_for_article (article);
  const char *clean = px_text_map_get_clean (map);
  const char *hit = strstr (clean, quote);
  PxNote *note = px_note_new ();

  g_assert_nonnull (hit);
  px_note_set_article_id (note, article_id);
  px_note_set_clean_range (note, map, hit - clean, hit - clean + strlen (quote));
  px_note_set_body (note, body);
  px_note_set_tags (note, tags);
  px_note_set_color (note, color);
  g_assert_true (px_store_add_note (store, note, &error));
  g_assert_no_error (error);
  return note;
}

/* Hostile strings around real text (ECB+ 37_10ecbplus): every place an
 * article or a note puts a string into an export. */
#define HOSTILE_TITLE "Quake <script>alert('title')</script> kills 11"
#define HOSTILE_BODY "<script>alert(4)</script><a href=\"javascript:alert(5)\" onclick=\"x()\">see</a>"
static gint64
add_hostile (PxStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = px_article_new ();
  g_autoptr (PxNote) first = NULL, second = NULL;
  g_autofree char *hash = NULL, *clean = NULL;
  const char *tags[] = { "<b onmouseover=alert(6)>", NULL };
  const char *raw =
    "AN EARTHQUAKE killed six children and left 14 others trapped when a mosque collapsed during a "
    "Koran reading session in Indonesia's Aceh province. <img src=\"http://evil.example/x.png\" "
    "onerror=\"alert(3)\">\n\n"
    "<a href=\"javascript:alert(2)\">The strong 6.1-magnitude quake</a> left hundreds more injured "
    "<iframe src=\"https://evil.example/\"></iframe> as it rocked a region devastated by the tsunami of "
    "2004. <script>alert(1)</script>\n";

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, raw, -1);
  clean = px_cleaner_apply (raw, NULL);
  px_article_set_title (article, HOSTILE_TITLE);
  px_article_set_outlet (article, "evil.example\"><img src=x onerror=alert(7)>");
  px_article_set_url (article, "javascript:alert(document.cookie)");
  px_article_set_published (article, "2013-07-02");
  px_article_set_format (article, "text");
  px_article_set_content_hash (article, hash);
  px_article_set_raw_text (article, raw);
  px_article_set_clean_text (article, clean);
  g_assert_true (px_store_insert_article (store, article, &error));
  g_assert_no_error (error);
  first = add_note (store, px_article_get_id (article), "<img src=\"http://evil.example/x.png\"",
                    HOSTILE_BODY, tags, "red;background:url(http://evil.example/a.png)");
  second = add_note (store, px_article_get_id (article), "<script>alert(1)</script>",
                     "javascript:alert(8) \"><svg onload=alert(9)>", NULL, "#e01b24");
  return px_article_get_id (article);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("px-export-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "library.sqlite3", NULL);
  fixture->store = open_library (fixture->path, G_N_ELEMENTS (samples), fixture->ids);
  for (guint i = 0; i < G_N_ELEMENTS (sample_notes); i++)
    g_object_unref (add_note (fixture->store, fixture->ids[sample_notes[i].sample], sample_notes[i].quote,
                              sample_notes[i].body, sample_notes[i].tags, NULL));
  fixture->event_id = px_store_get_article_event (fixture->store, fixture->ids[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->event_id, >, 0);
  fixture->hostile_id = add_hostile (fixture->store);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GBytes *
export (Fixture        *fixture,
        PxExportFormat  format,
        PxPaper         paper,
        gboolean        hostile)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxExporter) exporter = px_exporter_new (format);
  GBytes *bytes;

  px_exporter_set_paper (exporter, paper);
  if (hostile)
    bytes = px_exporter_export (exporter, fixture->store, 0, &fixture->hostile_id, 1, NULL, &error);
  else
    bytes = px_exporter_export (exporter, fixture->store, fixture->event_id, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
save (Fixture    *fixture,
      GBytes     *bytes,
      const char *name)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

/* Runs a program; NULL (and the test skipped) when it is not installed. */
static char *
run (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip_printf ("%s is not installed", argv[0]);
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return out;
}

static char *
squeeze (const char *text)
{
  g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* ---- Markdown -------------------------------------------------------- */

static guint
count_nodes (xmlNode    *node,
             const char *name,
             const char *level)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0)
        {
          xmlChar *value = level != NULL ? xmlGetProp (node, BAD_CAST "level") : NULL;

          if (level == NULL || (value != NULL && strcmp ((const char *) value, level) == 0))
            n++;
          xmlFree (value);
        }
      n += count_nodes (node->children, name, level);
    }
  return n;
}

static xmlDoc *
cmark_xml (Fixture *fixture,
           GBytes  *markdown)
{
  g_autofree char *path = save (fixture, markdown, "export.md");
  const char *argv[] = { "cmark", "--to", "xml", path, NULL };
  g_autofree char *xml = run (argv);
  xmlDoc *doc;

  if (xml == NULL)
    return NULL;
  doc = xmlReadMemory (xml, strlen (xml), "cmark.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOENT);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GBytes) markdown = export (fixture, PX_EXPORT_MARKDOWN, PX_PAPER_A4, FALSE);
  g_autoptr (GBytes) hostile = export (fixture, PX_EXPORT_MARKDOWN, PX_PAPER_A4, TRUE);
  xmlDoc *doc = cmark_xml (fixture, markdown);
  xmlNode *root;
  g_autofree char *text = NULL;
  xmlChar *content;

  if (doc == NULL)
    return;
  root = xmlDocGetRootElement (doc);
  /* The event, then Articles, Notes and Claims; a heading per note and
   * per claim; each note's quote in a block quote; one list item per
   * article and per claim member, nothing taken for markup. */
  g_assert_cmpuint (count_nodes (root, "heading", "1"), ==, 1);
  g_assert_cmpuint (count_nodes (root, "heading", "2"), ==, 3);
  g_assert_cmpuint (count_nodes (root, "block_quote", NULL), ==, G_N_ELEMENTS (sample_notes));
  g_assert_cmpuint (count_nodes (root, "heading", "3"), >, G_N_ELEMENTS (sample_notes) + 10);
  g_assert_cmpuint (count_nodes (root, "html_block", NULL) + count_nodes (root, "html_inline", NULL), ==, 0);
  content = xmlNodeGetContent (root);
  text = squeeze ((const char *) content);
  xmlFree (content);
  for (guint i = 0; i < G_N_ELEMENTS (sample_notes); i++)
    g_assert_nonnull (strstr (text, sample_notes[i].quote));
  /* Note bodies as text: paragraphs kept, line breaks as spaces. */
  g_assert_nonnull (strstr (text, "Only news.com.au gives the children's toll, \"six\"."));
  g_assert_nonnull (strstr (text, "Headline says 1 dead; others say more."));
  g_assert_nonnull (strstr (text, "# Not a heading"));
  g_assert_nonnull (strstr (text, "- not a list *either*"));
  g_assert_nonnull (strstr (text, "news.com.au"));
  g_assert_nonnull (strstr (text, "http://www.news.com.au/world-news/"));
  xmlFreeDoc (doc);

  /* Markup in an article or a note stays text. */
  doc = cmark_xml (fixture, hostile);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpuint (count_nodes (root, "html_block", NULL) + count_nodes (root, "html_inline", NULL), ==, 0);
  g_assert_cmpuint (count_nodes (root, "link", NULL), ==, 0);
  content = xmlNodeGetContent (root);
  g_assert_nonnull (strstr ((const char *) content, HOSTILE_TITLE));
  g_assert_nonnull (strstr ((const char *) content, HOSTILE_BODY));
  xmlFree (content);
  xmlFreeDoc (doc);
}

/* ---- HTML ------------------------------------------------------------ */

typedef struct
{
  guint marks;
  guint asides;
  guint unsafe;
} HtmlCheck;

static void
check_html (xmlNode   *node,
            HtmlCheck *check)
{
  static const char *const active[] = { "script", "iframe", "object", "embed", "link", "img", "svg",
                                        "base", "form", "meta-refresh" };

  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (active); i++)
        if (g_ascii_strcasecmp ((const char *) node->name, active[i]) == 0)
          {
            g_test_message ("active element <%s>", node->name);
            check->unsafe++;
          }
      if (strcmp ((const char *) node->name, "mark") == 0)
        check->marks++;
      if (strcmp ((const char *) node->name, "aside") == 0)
        check->asides++;
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          xmlChar *value = xmlNodeListGetString (node->doc, attr->children, 1);
          const char *name = (const char *) attr->name;
          g_autofree char *lower = g_ascii_strdown (value != NULL ? (const char *) value : "", -1);

          /* No handlers, no scripts in URLs, nothing fetched or linked from
           * outside the page, no CSS that loads anything. */
          if (g_ascii_strncasecmp (name, "on", 2) == 0 || strstr (lower, "javascript:") != NULL ||
              g_ascii_strcasecmp (name, "src") == 0 ||
              (g_ascii_strcasecmp (name, "href") == 0 && lower[0] != '#') ||
              (g_ascii_strcasecmp (name, "style") == 0 && strstr (lower, "url(") != NULL))
            {
              g_test_message ("unsafe attribute %s=\"%s\"", name, lower);
              check->unsafe++;
            }
          xmlFree (value);
        }
      check_html (node->children, check);
    }
}

static void
test_html_escaping (Fixture       *fixture,
                    gconstpointer  data)
{
  for (guint hostile = 0; hostile < 2; hostile++)
    {
      g_autoptr (GBytes) html = export (fixture, PX_EXPORT_HTML, PX_PAPER_A4, hostile);
      gsize size;
      const char *bytes = g_bytes_get_data (html, &size);
      htmlDocPtr doc = htmlReadMemory (bytes, size, "export.html", "UTF-8",
                                       HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
      HtmlCheck check = { 0 };
      xmlChar *content;

      g_assert_nonnull (doc);
      check_html (xmlDocGetRootElement (doc), &check);
      g_assert_cmpuint (check.unsafe, ==, 0);
      /* No style sheet or font from elsewhere either. */
      g_assert_null (strstr (bytes, "@import"));
      g_assert_null (g_strstr_len (bytes, size, "url("));
      g_assert_nonnull (g_strstr_len (bytes, size, "@media print"));
      content = xmlNodeGetContent (xmlDocGetRootElement (doc));
      if (hostile)
        {
          /* The strings are there, as text. */
          g_assert_cmpuint (check.marks, >=, 2);
          g_assert_cmpuint (check.asides, ==, 2);
          g_assert_nonnull (strstr ((const char *) content, HOSTILE_TITLE));
          g_assert_nonnull (strstr ((const char *) content, HOSTILE_BODY));
          g_assert_nonnull (strstr ((const char *) content, "<iframe src=\"https://evil.example/\"></iframe>"));
          g_assert_nonnull (strstr ((const char *) content, "javascript:alert(document.cookie)"));
        }
      else
        {
          g_assert_cmpuint (check.asides, ==, G_N_ELEMENTS (sample_notes));
          g_assert_cmpuint (check.marks, >=, G_N_ELEMENTS (sample_notes));
          for (guint i = 0; i < G_N_ELEMENTS (sample_notes); i++)
            g_assert_nonnull (strstr ((const char *) content, sample_notes[i].body));
        }
      xmlFree (content);
      xmlFreeDoc (doc);
    }
}

/* ---- PDF ------------------------------------------------------------- */

/* PDF holds binary data: strstr () would stop at the first zero byte. */
static gboolean
contains_bytes (const char *data,
                gsize       size,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  static const struct
  {
    PxPaper paper;
    const char *media_box;
  } papers[] = {
    { PX_PAPER_A4, "/MediaBox [ 0 0 595.27" },
    { PX_PAPER_LETTER, "/MediaBox [ 0 0 612 792 ]" },
  };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr (GBytes) pdf = export (fixture, PX_EXPORT_PDF, papers[p].paper, FALSE);
      g_autofree char *path = save (fixture, pdf, "export.pdf");
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
      g_autofree char *text = NULL, *flat = NULL;
      gsize size;
      const char *bytes = g_bytes_get_data (pdf, &size);

      g_assert_true (size > 1000 && memcmp (bytes, "%PDF-", 5) == 0);
      g_assert_true (contains_bytes (bytes, size, papers[p].media_box));
      text = run (argv);
      if (text == NULL)
        return;
      flat = squeeze (text);
      for (guint i = 0; i < G_N_ELEMENTS (sample_notes); i++)
        {
          g_autofree char *body = squeeze (sample_notes[i].body);

          g_assert_nonnull (strstr (flat, body));
          g_assert_nonnull (strstr (flat, sample_notes[i].quote));
        }
      g_assert_nonnull (strstr (flat, "Claims"));
    }
}

/* ---- JSON and import-notes ------------------------------------------- */

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GBytes) json = export (fixture, PX_EXPORT_JSON, PX_PAPER_A4, FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) second = NULL;
  g_autoptr (GPtrArray) missing = NULL, notes = NULL;
  g_autofree char *second_dir = g_dir_make_tmp ("px-export-XXXXXX", NULL);
  g_autofree char *second_path = g_build_filename (second_dir, "second.sqlite3", NULL);
  gint64 second_ids[3];
  JsonObject *root;
  JsonArray *exported;
  guint imported = 0;

  /* The document: articles with what finds them again, notes with what
   * places them. */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                             &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "parallax-notes");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "articles")), ==,
                    G_N_ELEMENTS (samples));
  g_assert_cmpint (strlen (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "articles"), 0),
                     "content_hash")), ==, 64);
  exported = json_object_get_array_member (root, "notes");
  g_assert_cmpuint (json_array_get_length (exported), ==, G_N_ELEMENTS (sample_notes));
  for (guint i = 0; i < json_array_get_length (exported); i++)
    {
      JsonObject *note = json_array_get_object_element (exported, i);

      g_assert_true (json_object_has_member (note, "prefix"));
      g_assert_true (json_object_has_member (note, "suffix"));
      g_assert_cmpint (json_object_get_int_member (note, "end"), >, json_object_get_int_member (note, "start"));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (note, "claim")));
    }
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "comparison")));

  /* Another library holding three of the five articles (ids differ: the
   * order of import differs). */
  {
    g_autoptr (PxImporter) importer = px_importer_new (second_path);
    g_autoptr (GPtrArray) results = NULL;
    const char *files[4];
    g_autofree char *f0 = g_build_filename (SOURCE_DATADIR, "sample", samples[4], NULL);
    g_autofree char *f1 = g_build_filename (SOURCE_DATADIR, "sample", samples[2], NULL);
    g_autofree char *f2 = g_build_filename (SOURCE_DATADIR, "sample", samples[1], NULL);

    files[0] = f0, files[1] = f1, files[2] = f2, files[3] = NULL;
    second = px_store_open (second_path, &error);
    g_assert_no_error (error);
    results = px_importer_import (importer, second, files, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 3; i++)
      second_ids[i] = ((PxImportResult *) results->pdata[i])->article_id;
  }
  g_assert_true (px_exporter_import_notes (second, g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                           &imported, &missing, &error));
  g_assert_no_error (error);
  /* Notes on samples 2 and 4 come over; the one on sample 0 is missing. */
  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_nonnull (strstr (missing->pdata[0], "english.ahram.org.eg"));

  notes = px_store_list_notes (second, 0, 0, NULL, &error);
  g_assert_cmpuint (notes->len, ==, 2);
  for (guint i = 0; i < notes->len; i++)
    {
      PxNote *note = notes->pdata[i];
      g_autoptr (PxArticle) article = px_store_get_article (second, px_note_get_article_id (note), &error);
      g_autoptr (PxTextMap) map = px_text_map_new_for_article (article);
      guint start, end, s = px_note_get_article_id (note) == second_ids[0] ? 4 : 2;
      g_autofree char *shown = NULL;

      g_assert_true (px_note_get_article_id (note) == second_ids[0] || px_note_get_article_id (note) == second_ids[1]);
      g_assert_true (px_note_get_clean_range (note, map, &start, &end));
      shown = g_strndup (px_text_map_get_clean (map) + start, end - start);
      for (guint n = 0; n < G_N_ELEMENTS (sample_notes); n++)
        if (sample_notes[n].sample == s)
          {
            g_assert_cmpstr (shown, ==, sample_notes[n].quote);
            g_assert_cmpstr (px_note_get_body (note), ==, sample_notes[n].body);
            g_assert_cmpstr (px_note_get_tags (note)[0], ==, sample_notes[n].tags[0]);
          }
    }

  /* Twice is once. */
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_assert_true (px_exporter_import_notes (second, g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                           &imported, &missing, &error));
  g_assert_cmpuint (imported, ==, 0);

  /* Not an export. */
  g_assert_false (px_exporter_import_notes (second, "{\"notes\": []}", -1, NULL, NULL, &error));
  g_assert_nonnull (error);

  g_clear_object (&second);
  remove_tree (second_dir);
}

/* ---- CSV ------------------------------------------------------------- */

static const char csv_reader[] =
  "import csv, json, sys\n"
  "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
  "    data = f.read()\n"
  "assert data.endswith('\\r\\n')\n"
  "rows = list(csv.reader(data.splitlines(keepends=True), strict=True))\n"
  "print(json.dumps(rows))\n";

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr (GBytes) csv = export (fixture, PX_EXPORT_CSV, PX_PAPER_A4, FALSE);
  g_autofree char *path = save (fixture, csv, "export.csv");
  const char *argv[] = { "python3", "-c", csv_reader, path, NULL };
  g_autofree char *out = run (argv);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *rows, *header;

  if (out == NULL)
    return;
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + G_N_ELEMENTS (sample_notes));
  header = json_array_get_array_element (rows, 0);
  g_assert_cmpstr (json_array_get_string_element (header, 3), ==, "outlet");
  g_assert_cmpstr (json_array_get_string_element (header, 5), ==, "quote");
  g_assert_cmpstr (json_array_get_string_element (header, 6), ==, "note");
  g_assert_cmpstr (json_array_get_string_element (header, 10), ==, "claim_status");
  for (guint r = 1; r < json_array_get_length (rows); r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);
      const char *body = json_array_get_string_element (row, 6);
      const char *status = json_array_get_string_element (row, 10);
      gboolean found = FALSE;

      g_assert_cmpuint (json_array_get_length (row), ==, json_array_get_length (header));
      g_assert_true (g_strv_contains ((const char *[]) { "shared", "partial", "unique", NULL }, status));
      for (guint i = 0; i < G_N_ELEMENTS (sample_notes); i++)
        if (strcmp (body, sample_notes[i].body) == 0)
          {
            found = TRUE;
            g_assert_cmpstr (json_array_get_string_element (row, 5), ==, sample_notes[i].quote);
          }
      g_assert_true (found);
    }
}

/* ---- From the window: in a thread, to a file -------------------------- */

typedef struct
{
  gboolean done;
  GError *error;
} AsyncResult;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *outcome = user_data;

  px_exporter_export_finish (PX_EXPORTER (source), result, &outcome->error);
  outcome->done = TRUE;
  g_main_context_wakeup (NULL);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (PxExporter) exporter = px_exporter_new (PX_EXPORT_CSV);
  g_autofree char *path = g_build_filename (fixture->dir, "async.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) expected = export (fixture, PX_EXPORT_CSV, PX_PAPER_A4, FALSE);
  g_autofree char *contents = NULL;
  AsyncResult outcome = { FALSE, NULL };
  gsize length;

  px_exporter_export_async (exporter, fixture->path, fixture->event_id, NULL, 0, file, NULL, export_done_cb,
                            &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, g_bytes_get_size (expected));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), length);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/px/export/markdown", Fixture, NULL, fixture_set_up, test_markdown, fixture_tear_down);
  g_test_add ("/px/export/html-escaping", Fixture, NULL, fixture_set_up, test_html_escaping, fixture_tear_down);
  g_test_add ("/px/export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/px/export/json-round-trip", Fixture, NULL, fixture_set_up, test_json_round_trip,
              fixture_tear_down);
  g_test_add ("/px/export/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/px/export/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  return g_test_run ();
}
