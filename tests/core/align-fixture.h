/* align-fixture.h: the ECB+ articles of tests/data/align for the analysis tests
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "px-article.h"

/* The articles of tests/data/align/@name (JSON Lines: doc_id, subtopic,
 * title, text) as PxArticles: outlet = doc_id, language "en"; each
 * article's gold sub-topic is set as its "source-file". */
static inline GPtrArray *
align_fixture_load (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_TEST_DATA"), "align", name, NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autofree char *hash = NULL;
      JsonObject *object;
      PxArticle *article;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
      object = json_node_get_object (json_parser_get_root (parser));
      article = px_article_new ();
      px_article_set_outlet (article, json_object_get_string_member (object, "doc_id"));
      px_article_set_source_file (article, json_object_get_string_member (object, "subtopic"));
      px_article_set_title (article, json_object_get_string_member (object, "title"));
      px_article_set_raw_text (article, json_object_get_string_member (object, "text"));
      px_article_set_clean_text (article, json_object_get_string_member (object, "text"));
      px_article_set_language (article, "en");
      px_article_set_format (article, "text");
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                            json_object_get_string_member (object, "text"), -1);
      px_article_set_content_hash (article, hash);
      px_article_set_id (article, i + 1);
      g_ptr_array_add (articles, article);
    }
  return articles;
}
