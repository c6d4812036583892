/* px-export-data.c: an export as JSON or CSV, and notes read back from JSON
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON (a contract: import-notes and other tools read it; extend, never
 * change a member's meaning):
 *   {"format": "parallax-notes", "version": 1, "exported", "title",
 *    "event": id or null,
 *    "articles": [{"id", "content_hash", "url", "title", "outlet",
 *                  "published"}],
 *    "notes": [{"id", "article" (an id of "articles"), "start", "end"
 *               (bytes of the raw text), "clean_start", "clean_end" (bytes
 *               of the clean text, null for orphans), "quote", "prefix",
 *               "suffix", "body", "tags": [], "color", "claim_key",
 *               "claim": {"id", "status", "conflicts": [kinds]} or null,
 *               "orphan", "created", "updated"}],
 *    "comparison": the document of parallax-cli compare, or null}
 * CSV: RFC 4180 (CRLF, fields quoted when needed, quotes doubled), UTF-8,
 * a header row, then one row per note.
 */
#include "px-export-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "px-anchor.h"
#include "px-comparison-format.h"
#include "px-error.h"
#include "px-store-notes.h"

#define JSON_FORMAT_NAME "parallax-notes"
#define JSON_FORMAT_VERSION 1

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_claim (JsonBuilder        *builder,
           const PxExportDoc  *doc,
           const PxExportNote *entry)
{
  const PxClaim *claim;

  json_builder_set_member_name (builder, "claim");
  if (entry->claim < 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  claim = px_comparison_get_claim (doc->comparison, entry->claim);
  json_builder_begin_object (builder);
  add_int (builder, "id", claim->id);
  add_string (builder, "status", px_claim_status_to_string (claim->status));
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint k = 0; k < claim->conflicts->len; k++)
    json_builder_add_string_value (builder,
                                   px_conflict_kind_to_string (((PxConflict *) claim->conflicts->pdata[k])->kind));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

char *
_px_export_json (const PxExportDoc *doc)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", JSON_FORMAT_NAME);
  add_int (builder, "version", JSON_FORMAT_VERSION);
  add_string (builder, "exported", doc->exported);
  add_string (builder, "title", doc->title);
  json_builder_set_member_name (builder, "event");
  if (doc->event_id > 0)
    json_builder_add_int_value (builder, doc->event_id);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint a = 0; a < doc->articles->len; a++)
    {
      PxArticle *article = doc->articles->pdata[a];

      json_builder_begin_object (builder);
      add_int (builder, "id", px_article_get_id (article));
      add_string (builder, "content_hash", px_article_get_content_hash (article));
      add_string (builder, "url", px_article_get_url (article));
      add_string (builder, "title", px_article_get_title (article));
      add_string (builder, "outlet", px_article_get_outlet (article));
      add_string (builder, "published", px_article_get_published (article));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < doc->notes->len; i++)
    {
      const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);
      PxNote *note = entry->note;
      const char * const *tags = px_note_get_tags (note);

      json_builder_begin_object (builder);
      add_int (builder, "id", px_note_get_id (note));
      add_int (builder, "article", px_note_get_article_id (note));
      add_int (builder, "start", px_note_get_start (note));
      add_int (builder, "end", px_note_get_end (note));
      json_builder_set_member_name (builder, "clean_start");
      if (entry->placed)
        json_builder_add_int_value (builder, entry->clean_start);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "clean_end");
      if (entry->placed)
        json_builder_add_int_value (builder, entry->clean_end);
      else
        json_builder_add_null_value (builder);
      add_string (builder, "quote", px_note_get_quote (note));
      add_string (builder, "prefix", px_note_get_prefix (note));
      add_string (builder, "suffix", px_note_get_suffix (note));
      add_string (builder, "body", px_note_get_body (note));
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      for (guint t = 0; tags[t] != NULL; t++)
        json_builder_add_string_value (builder, tags[t]);
      json_builder_end_array (builder);
      add_string (builder, "color", px_note_get_color (note));
      add_string (builder, "claim_key", px_note_get_claim_key (note));
      add_claim (builder, doc, entry);
      json_builder_set_member_name (builder, "orphan");
      json_builder_add_boolean_value (builder, !entry->placed);
      add_string (builder, "created", px_note_get_created (note));
      add_string (builder, "updated", px_note_get_updated (note));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "comparison");
  if (doc->comparison != NULL)
    {
      g_autofree char *comparison = px_comparison_to_json (doc->comparison);

      json_builder_add_value (builder, json_from_string (comparison, NULL));
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  {
    char *text = json_generator_to_data (generator, NULL);
    char *with_newline = g_strconcat (text, "\n", NULL);

    g_free (text);
    return with_newline;
  }
}

/* ---- CSV ------------------------------------------------------------- */

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  value = value != NULL ? value : "";
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

char *
_px_export_csv (const PxExportDoc *doc)
{
  static const char *const header[] = {
    "note_id", "article_id", "article_title", "outlet", "date", "quote", "note", "tags", "color",
    "claim", "claim_status", "conflict_kinds", "orphan",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (out, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < doc->notes->len; i++)
    {
      const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);
      PxArticle *article = doc->articles->pdata[entry->article];
      g_autofree char *note_id = g_strdup_printf ("%" G_GINT64_FORMAT, px_note_get_id (entry->note));
      g_autofree char *article_id = g_strdup_printf ("%" G_GINT64_FORMAT, px_article_get_id (article));
      g_autofree char *tags = px_note_dup_tags_string (entry->note);
      g_autofree char *claim = NULL, *kinds = _px_export_conflict_kinds (doc, entry->claim);
      const char *status = NULL;

      if (entry->claim >= 0)
        {
          const PxClaim *c = px_comparison_get_claim (doc->comparison, entry->claim);

          claim = g_strdup_printf ("%u", c->id);
          status = px_claim_status_to_string (c->status);
        }
      append_field (out, note_id, FALSE);
      append_field (out, article_id, FALSE);
      append_field (out, px_article_get_title (article), FALSE);
      append_field (out, px_article_get_outlet (article), FALSE);
      append_field (out, px_article_get_published (article), FALSE);
      append_field (out, px_note_get_quote (entry->note), FALSE);
      append_field (out, px_note_get_body (entry->note), FALSE);
      append_field (out, tags, FALSE);
      append_field (out, px_note_get_color (entry->note), FALSE);
      append_field (out, claim, FALSE);
      append_field (out, status, FALSE);
      append_field (out, kinds, FALSE);
      append_field (out, entry->placed ? "no" : "yes", TRUE);
    }
  return g_string_free (out, FALSE);
}

/* ---- Import ---------------------------------------------------------- */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
           ? json_node_get_int (node) : -1;
}

/* Whether the library already has this note (an import run twice). */
static gboolean
already_there (GPtrArray *existing,
               PxNote    *note)
{
  for (guint i = 0; i < existing->len; i++)
    {
      PxNote *other = existing->pdata[i];

      if (g_strcmp0 (px_note_get_quote (other), px_note_get_quote (note)) == 0 &&
          g_strcmp0 (px_note_get_body (other), px_note_get_body (note)) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
px_exporter_import_notes (PxStore     *store,
                          const char  *json,
                          gssize       length,
                          guint       *n_imported,
                          GPtrArray  **missing,
                          GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GHashTable) local_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) exported = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) lost = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root;
  JsonArray *articles, *notes;
  guint added = 0;

  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!json_parser_load_from_data (parser, json, length, error))
    return FALSE;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
           ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL || g_strcmp0 (member_string (root, "format"), JSON_FORMAT_NAME) != 0 ||
      !json_object_has_member (root, "articles") || !json_object_has_member (root, "notes") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "articles")) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "notes")))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "Not a Parallax notes export (parallax-cli export --format json)");
      return FALSE;
    }
  if (member_int (root, "version") > JSON_FORMAT_VERSION)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_UNSUPPORTED,
                   "The export was made by a newer Parallax (version %" G_GINT64_FORMAT ")",
                   member_int (root, "version"));
      return FALSE;
    }
  articles = json_object_get_array_member (root, "articles");
  notes = json_object_get_array_member (root, "notes");

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonNode *node = json_array_get_element (articles, i);
      JsonObject *article;
      gint64 id, local;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      article = json_node_get_object (node);
      id = member_int (article, "id");
      g_hash_table_insert (exported, g_memdup2 (&id, sizeof id), article);
      local = px_store_match_article (store, member_string (article, "content_hash"),
                                      member_string (article, "url"), member_string (article, "title"),
                                      member_string (article, "outlet"), error);
      if (local < 0)
        return FALSE;
      if (local > 0)
        g_hash_table_insert (local_ids, g_memdup2 (&id, sizeof id), g_memdup2 (&local, sizeof local));
    }

  if (!px_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonNode *node = json_array_get_element (notes, i);
      JsonObject *object;
      g_autoptr (PxNote) note = NULL;
      g_autoptr (PxArticle) article = NULL;
      g_autoptr (PxTextMap) map = NULL;
      g_autoptr (GPtrArray) existing = NULL;
      g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
      g_auto (GStrv) tag_list = NULL;
      gint64 exported_id, *local;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      exported_id = member_int (object, "article");
      local = g_hash_table_lookup (local_ids, &exported_id);
      if (local == NULL)
        {
          JsonObject *from = g_hash_table_lookup (exported, &exported_id);
          const char *title = from != NULL ? member_string (from, "title") : NULL;
          const char *outlet = from != NULL ? member_string (from, "outlet") : NULL;

          g_ptr_array_add (lost, g_strdup_printf ("note %" G_GINT64_FORMAT " on “%s”%s%s%s: the article is not "
                                                  "in the library",
                                                  member_int (object, "id"), title ? title : "?",
                                                  outlet ? " (" : "", outlet ? outlet : "", outlet ? ")" : ""));
          continue;
        }
      article = px_store_get_article (store, *local, error);
      if (article == NULL)
        goto fail;
      map = px_text_map_new_for_article (article);

      note = px_note_new ();
      px_note_set_article_id (note, *local);
      start = member_int (object, "start");
      end = member_int (object, "end");
      if (start >= 0 && end >= start)
        px_note_set_range (note, start, end);
      px_note_set_quote (note, member_string (object, "quote"));
      px_note_set_prefix (note, member_string (object, "prefix"));
      px_note_set_suffix (note, member_string (object, "suffix"));
      px_note_set_body (note, member_string (object, "body"));
      px_note_set_color (note, member_string (object, "color"));
      px_note_set_claim_key (note, member_string (object, "claim_key"));
      if (json_object_has_member (object, "tags") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "tags")))
        {
          JsonArray *array = json_object_get_array_member (object, "tags");

          for (guint t = 0; t < json_array_get_length (array); t++)
            {
              JsonNode *tag = json_array_get_element (array, t);

              if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
                g_strv_builder_add (tags, json_node_get_string (tag));
            }
        }
      tag_list = g_strv_builder_end (tags);
      px_note_set_tags (note, (const char * const *) tag_list);
      /* The offsets are another library's: the article there may be
       * another copy, or cleaned otherwise. */
      px_anchor_note (note, map);

      existing = px_store_list_notes (store, *local, 0, NULL, error);
      if (existing == NULL)
        goto fail;
      if (already_there (existing, note))
        continue;
      if (!px_store_add_note (store, note, error))
        goto fail;
      added++;
    }
  if (!px_store_commit (store, error))
    goto fail;

  if (n_imported != NULL)
    *n_imported = added;
  if (missing != NULL)
    *missing = g_steal_pointer (&lost);
  return TRUE;

fail:
  px_store_rollback (store);
  return FALSE;
}
