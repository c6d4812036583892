/* px-json-reader.c: JSON (an object or an array of them) and JSON Lines
 *
 * Fields: title, outlet, url, published, text (or body), language. An item
 * without text fails alone; the others of the file are still imported.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-readers.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "px-error.h"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static PxImportItem *
read_object (JsonNode *node,
             guint     line)
{
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (GError) date_error = NULL;
  g_autofree char *published = NULL;
  g_autofree char *outlet = NULL;
  PxImportItem *item;
  JsonObject *object;
  const char *text;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return px_import_item_new_error (line, g_error_new_literal (PX_ERROR, PX_ERROR_INVALID_INPUT,
                                                                "expected a JSON object"));
  object = json_node_get_object (node);
  text = member_string (object, "text");
  if (text == NULL)
    text = member_string (object, "body");
  if (text == NULL || *text == '\0')
    return px_import_item_new_error (line, g_error_new_literal (PX_ERROR, PX_ERROR_EMPTY,
                                                                "no \"text\" or \"body\" field"));

  article = px_article_new ();
  px_article_set_format (article, "json");
  px_article_set_raw_text (article, text);
  px_article_set_title (article, member_string (object, "title"));
  px_article_set_url (article, member_string (object, "url"));
  px_article_set_language (article, member_string (object, "language"));
  published = px_parse_date (member_string (object, "published"), &date_error);
  px_article_set_published (article, published);
  outlet = g_strdup (member_string (object, "outlet"));
  if (outlet == NULL)
    outlet = px_outlet_from_url (px_article_get_url (article));
  px_article_set_outlet (article, outlet);
  item = px_import_item_new (article, line);
  if (date_error != NULL)
    px_import_item_add_warning (item, "\"published\": %s; imported without a date",
                                date_error->message);
  return item;
}

/* json-glib's parser recurses once per level: a file nested a hundred
 * thousand deep would overflow the stack. No article is nested deeper
 * than a few levels. */
#define MAX_DEPTH 1000

static gboolean
too_deep (const char *text,
          gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = text; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p + 1 < end)
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        {
          if (++depth > MAX_DEPTH)
            return TRUE;
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}

/* json-glib's messages start with "<data>:LINE:COLUMN: Parse error: ". */
static gboolean
load (JsonParser  *parser,
      const char  *text,
      gssize       length,
      GError     **error)
{
  g_autoptr (GError) parse_error = NULL;
  const char *message;

  if (too_deep (text, length))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "not an article: JSON nested more than %d levels deep", MAX_DEPTH);
      return FALSE;
    }
  if (json_parser_load_from_data (parser, text, length, &parse_error))
    return TRUE;
  message = g_str_has_prefix (parse_error->message, "<data>:") ?
            parse_error->message + strlen ("<data>:") : parse_error->message;
  g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT, "not valid JSON: %s", message);
  return FALSE;
}

static PxImportItem *
parse_one (JsonParser *parser,
           const char *text,
           gssize      length,
           guint       line)
{
  GError *error = NULL;

  if (!load (parser, text, length, &error))
    return px_import_item_new_error (line, error);
  return read_object (json_parser_get_root (parser), line);
}

GPtrArray *
px_json_reader_read (const char  *text,
                     gboolean     json_lines,
                     GError     **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) px_import_item_free);
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();

  if (json_lines)
    {
      const char *p = text;
      guint line = 0;

      while (*p != '\0')
        {
          const char *eol = strchr (p, '\n');
          gsize length = eol ? (gsize) (eol - p) : strlen (p);
          const char *s = p;

          line++;
          while (s < p + length && g_ascii_isspace (*s))
            s++;
          if (s < p + length)
            g_ptr_array_add (items, parse_one (parser, p, length, line));
          p = eol ? eol + 1 : p + length;
        }
    }
  else
    {
      JsonNode *root;

      if (!load (parser, text, -1, error))
        return NULL;
      root = json_parser_get_root (parser);
      if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *array = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (array); i++)
            g_ptr_array_add (items, read_object (json_array_get_element (array, i), i + 1));
        }
      else if (root != NULL)
        g_ptr_array_add (items, read_object (root, 0));
    }

  if (items->len == 0)
    {
      g_set_error_literal (error, PX_ERROR, PX_ERROR_EMPTY, "no articles in the file");
      return NULL;
    }
  return g_steal_pointer (&items);
}
