/* px-store-analysis.c: derived analysis kept in the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-store-analysis.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "px-error.h"
#include "px-store-private.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The profile as a JSON object, terms sorted so equal profiles are equal
 * text. Written by hand: json-glib's builder and generator cost a sixth
 * of storing a profile. */
static char *
profile_to_json (GHashTable *terms)
{
  g_autofree gpointer *keys = NULL;
  GString *json = g_string_sized_new (16 * g_hash_table_size (terms) + 2);
  guint n = 0;

  keys = g_hash_table_get_keys_as_array (terms, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  g_string_append_c (json, '{');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (const guchar *c = keys[i]; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (json, '\\');
          if (*c < 0x20)
            g_string_append_printf (json, "\\u%04x", *c);
          else
            g_string_append_c (json, *c);
        }
      g_string_append_printf (json, "\":%u", GPOINTER_TO_UINT (g_hash_table_lookup (terms, keys[i])));
    }
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

gboolean
px_store_set_profile (PxStore            *self,
                      gint64              article_id,
                      int                 version,
                      GHashTable         *terms,
                      const char * const *index_terms,
                      GError            **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gboolean own_savepoint;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  /* Inside a transaction the caller rolls back what failed (as every
   * caller must); a savepoint per profile made the full-text index open
   * one too, 6 % of an import. */
  own_savepoint = sqlite3_get_autocommit (_px_store_get_db (self));
  if (own_savepoint && !_px_store_savepoint (self, "px_profile", error))
    return FALSE;

  /* Delete, then insert: the triggers keep the document frequencies. */
  stmt = _px_store_prepare (self, "DELETE FROM article_profiles WHERE article_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!_px_store_run (self, stmt, error))
    goto fail;
  stmt = _px_store_prepare (self, "DELETE FROM article_terms WHERE article_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!_px_store_run (self, stmt, error))
    goto fail;

  json = profile_to_json (terms);
  stmt = _px_store_prepare (self,
                            "INSERT INTO article_profiles (article_id, version, terms) "
                            "VALUES (?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
  if (!_px_store_run (self, stmt, error))
    goto fail;

  for (guint i = 0; index_terms != NULL && index_terms[i] != NULL; i++)
    {
      stmt = _px_store_prepare (self,
                                "INSERT OR IGNORE INTO article_terms (term, article_id) VALUES (?, ?)",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, index_terms[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, article_id);
      if (!_px_store_run (self, stmt, error))
        goto fail;
    }
  return !own_savepoint || _px_store_release (self, "px_profile", TRUE, error);

fail:
  if (own_savepoint)
    _px_store_release (self, "px_profile", FALSE, NULL);
  return FALSE;
}

GHashTable *
px_store_get_profile (PxStore  *self,
                      gint64    article_id,
                      int       version,
                      GError  **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GHashTable) terms = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self,
                            "SELECT terms FROM article_profiles WHERE article_id = ? AND version = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, error), NULL;
  if (!json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0), -1, error))
    return NULL;
  node = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT,
                   "The profile of article %" G_GINT64_FORMAT " is not a JSON object", article_id);
      return NULL;
    }
  object = json_node_get_object (node);
  terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    g_hash_table_insert (terms, g_strdup (name),
                         GUINT_TO_POINTER ((guint) json_node_get_int (node)));
  return g_steal_pointer (&terms);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* How many articles of one index term are read, newest first. A term
 * among the strongest of hundreds of articles tells little, and reading
 * all of them made each import batch slower as the library grew (30 % of
 * importing at 35,000 articles with 1,000 of them). */
#define MAX_POSTINGS 200

GArray *
px_store_find_by_index_terms (PxStore            *self,
                              const char * const *terms,
                              GArray            **hits,
                              GError            **error)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) id_hits = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = _px_store_prepare (self,
                                              "SELECT article_id FROM article_terms WHERE term = ? "
                                              "ORDER BY article_id DESC LIMIT ?",
                                              error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, terms[i], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, MAX_POSTINGS);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (all, id);
        }
      if (rc != SQLITE_DONE)
        return _px_store_fail (self, error), NULL;
    }

  /* Each article appears once per shared term: count the runs. */
  g_array_sort (all, compare_int64);
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);

      if (ids->len > 0 && g_array_index (ids, gint64, ids->len - 1) == id)
        g_array_index (id_hits, guint, id_hits->len - 1)++;
      else
        {
          guint one = 1;

          g_array_append_val (ids, id);
          g_array_append_val (id_hits, one);
        }
    }
  if (hits != NULL)
    *hits = g_steal_pointer (&id_hits);
  return g_steal_pointer (&ids);
}

static gint64
query_count (PxStore      *self,
             sqlite3_stmt *stmt,
             GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, error), -1;
  return sqlite3_column_int64 (stmt, 0);
}

int
px_store_get_profile_version (PxStore  *self,
                              gint64    article_id,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  stmt = _px_store_prepare (self, "SELECT version FROM article_profiles WHERE article_id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, article_id);
  return query_count (self, stmt, error);
}

gint64
px_store_get_document_frequency (PxStore     *self,
                                 const char  *term,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  stmt = _px_store_prepare (self, "SELECT df FROM term_df WHERE term = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, term, -1, SQLITE_STATIC);
  return query_count (self, stmt, error);
}

gboolean
px_store_get_document_frequencies (PxStore            *self,
                                   const char * const *terms,
                                   guint               n_terms,
                                   gint64             *frequencies,
                                   GError            **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (terms != NULL || n_terms == 0, FALSE);

  /* One query for all: a comparison looks up thousands of terms. */
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_terms; i++)
    {
      json_builder_add_string_value (builder, terms[i]);
      frequencies[i] = 0;
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  stmt = _px_store_prepare (self,
                            "SELECT j.key, t.df FROM json_each (?) AS j "
                            "JOIN term_df AS t ON t.term = j.value",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 index = sqlite3_column_int64 (stmt, 0);

      if (index >= 0 && index < n_terms)
        frequencies[index] = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error);
  return TRUE;
}

gint64
px_store_count_profiles (PxStore  *self,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  stmt = _px_store_prepare (self, "SELECT count(*) FROM article_profiles", error);
  if (stmt == NULL)
    return -1;
  return query_count (self, stmt, error);
}

char *
px_store_get_comparison (PxStore     *self,
                         const char  *key,
                         int          version,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self,
                            "SELECT result FROM comparisons WHERE key = ? AND version = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, error), NULL;
  return _px_store_column_dup (stmt, 0);
}

gboolean
px_store_set_comparison (PxStore     *self,
                         const char  *key,
                         int          version,
                         const char  *result,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  stmt = _px_store_prepare (self, "DELETE FROM comparisons WHERE version <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, version);
  if (!_px_store_run (self, stmt, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "INSERT OR REPLACE INTO comparisons (key, version, result) VALUES (?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_STATIC);
  return _px_store_run (self, stmt, error);
}
