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

typedef struct
{
  const char *term;
  guint count;
} TermCount;

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const TermCount *) a)->term, ((const TermCount *) b)->term);
}

/* @text as a JSON string, quotes included. */
static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const guchar *c = (const guchar *) text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (json, '\\');
      if (*c < 0x20)
        g_string_append_printf (json, "\\u%04x", *c);
      else
        g_string_append_c (json, *c);
    }
  g_string_append_c (json, '"');
}

static void
append_json_count (GString *json,
                   guint    count)
{
  char digits[16];
  guint end = sizeof digits;

  do
    digits[--end] = '0' + count % 10;
  while ((count /= 10) > 0);
  g_string_append_len (json, digits + end, sizeof digits - end);
}

/* The profile as a JSON object, terms sorted so equal profiles are equal
 * text. Written by hand: json-glib's builder and generator cost a sixth
 * of storing a profile. */
static char *
profile_to_json (GHashTable *terms)
{
  guint n = g_hash_table_size (terms), i = 0;
  g_autofree TermCount *sorted = g_new (TermCount, n);
  GString *json = g_string_sized_new (16 * n + 2);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    sorted[i++] = (TermCount) { key, GPOINTER_TO_UINT (value) };
  qsort (sorted, n, sizeof (TermCount), compare_terms);
  g_string_append_c (json, '{');
  for (i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_json_string (json, sorted[i].term);
      g_string_append_c (json, ':');
      append_json_count (json, sorted[i].count);
    }
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* Adds @delta to the document frequency of each term of @df (term →
 * delta), all in one statement: a statement per term cost as much again
 * as the upserts themselves. */
static gboolean
add_document_frequencies (PxStore     *self,
                          GHashTable  *df,
                          GError     **error)
{
  g_autoptr (GString) json = g_string_sized_new (16 * g_hash_table_size (df) + 2);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (df) == 0)
    return TRUE;
  g_string_append_c (json, '{');
  g_hash_table_iter_init (&iter, df);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (json->len > 1)
        g_string_append_c (json, ',');
      append_json_string (json, key);
      g_string_append_c (json, ':');
      append_json_count (json, GPOINTER_TO_UINT (value));
    }
  g_string_append_c (json, '}');
  /* "WHERE true" tells SQLite's parser the ON CONFLICT is an upsert's. */
  stmt = _px_store_prepare (self,
                            "INSERT INTO term_df (term, df) SELECT key, value FROM json_each (?) "
                            "WHERE true ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_STATIC);
  if (!_px_store_run (self, stmt, error))
    return FALSE;
  g_hash_table_remove_all (df);
  return TRUE;
}

/* @terms as the index holds them (migration 12): each term's UTF-8 in
 * hex, as SQLite's hex () writes it, a space between two terms. */
static char *
index_terms_to_text (const char * const *terms)
{
  static const char digits[] = "0123456789ABCDEF";
  GString *text = g_string_new (NULL);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      for (const guchar *c = (const guchar *) terms[i]; *c != '\0'; c++)
        {
          g_string_append_c (text, digits[*c >> 4]);
          g_string_append_c (text, digits[*c & 15]);
        }
    }
  return g_string_free (text, FALSE);
}

/* Runs @sql, which reads the ids from json_each (?1), for @n_ids ids. */
static gboolean
run_for_ids (PxStore       *self,
             const char    *sql,
             const gint64  *ids,
             guint          n_ids,
             GError       **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  if (n_ids == 0)
    return TRUE;
  stmt = _px_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  json = _px_store_ids_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  return _px_store_run (self, stmt, error);
}

static gboolean
insert_profile (PxStore            *self,
                gint64              article_id,
                int                 version,
                GHashTable         *terms,
                const char * const *index_terms,
                GError            **error)
{
  g_autofree char *json = profile_to_json (terms);
  g_autofree char *index_text = index_terms_to_text (index_terms);
  sqlite3_stmt *stmt;

  stmt = _px_store_prepare (self,
                            "INSERT INTO article_profiles (article_id, version, terms, index_terms) "
                            "VALUES (?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, index_text, -1, SQLITE_STATIC);
  return _px_store_run (self, stmt, error);
}

/* Stores the profiles of @n_profiles distinct articles. Each step is one
 * statement for all of them but the inserts: FTS5 writes its pending
 * terms out as a new segment at every statement savepoint (see migration
 * 10), and a statement per profile that touched the index wrote a
 * segment per profile. */
static gboolean
store_profiles (PxStore             *self,
                int                  version,
                guint                n_profiles,
                const gint64        *article_ids,
                GHashTable         **terms,
                const char * const **index_terms,
                GError             **error)
{
  g_autoptr (GHashTable) df = g_hash_table_new (g_str_hash, g_str_equal);

  /* The delete triggers take the old profiles' terms out of the document
   * frequencies and the index (so does deleting an article). */
  if (!run_for_ids (self,
                    "DELETE FROM article_profiles WHERE article_id IN (SELECT value FROM json_each (?))",
                    article_ids, n_profiles, error))
    return FALSE;
  for (guint i = 0; i < n_profiles; i++)
    {
      GHashTableIter iter;
      gpointer key;

      if (!insert_profile (self, article_ids[i], version, terms[i],
                           index_terms != NULL ? index_terms[i] : NULL, error))
        return FALSE;
      g_hash_table_iter_init (&iter, terms[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_insert (df, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (df, key)) + 1));
    }
  /* Document frequencies are added once per distinct term of the whole
   * run: a trigger upserting every term of every profile was a quarter
   * of an import. The index reads the terms back from the profiles. */
  return add_document_frequencies (self, df, error) &&
         run_for_ids (self,
                      "INSERT INTO article_index (rowid, index_terms) "
                      "SELECT article_id, index_terms FROM article_profiles "
                      "WHERE article_id IN (SELECT value FROM json_each (?))",
                      article_ids, n_profiles, error);
}

gboolean
px_store_set_profiles (PxStore             *self,
                       int                  version,
                       guint                n_profiles,
                       const gint64        *article_ids,
                       GHashTable         **terms,
                       const char * const **index_terms,
                       GError             **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean own_savepoint;
  guint start = 0;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (article_ids != NULL || n_profiles == 0, FALSE);
  g_return_val_if_fail (terms != NULL || n_profiles == 0, FALSE);

  /* Inside a transaction the caller rolls back what failed (as every
   * caller must); a savepoint per profile made the full-text index open
   * one too, 6 % of an import. */
  own_savepoint = sqlite3_get_autocommit (_px_store_get_db (self));
  if (own_savepoint && !_px_store_savepoint (self, "px_profile", error))
    return FALSE;

  /* In runs of distinct articles: an article repeated replaces the
   * profile stored for it earlier in the set, which must be stored,
   * counted and indexed before the delete triggers take it out again. */
  for (guint i = 0; i <= n_profiles; i++)
    {
      if (i < n_profiles && !g_hash_table_contains (seen, &article_ids[i]))
        {
          g_hash_table_add (seen, (gpointer) &article_ids[i]);
          continue;
        }
      if (!store_profiles (self, version, i - start, article_ids + start, terms + start,
                           index_terms != NULL ? index_terms + start : NULL, error))
        goto fail;
      g_hash_table_remove_all (seen);
      if (i < n_profiles)
        g_hash_table_add (seen, (gpointer) &article_ids[i]);
      start = i;
    }
  return !own_savepoint || _px_store_release (self, "px_profile", TRUE, error);

fail:
  if (own_savepoint)
    _px_store_release (self, "px_profile", FALSE, NULL);
  return FALSE;
}

gboolean
px_store_set_profile (PxStore            *self,
                      gint64              article_id,
                      int                 version,
                      GHashTable         *terms,
                      const char * const *index_terms,
                      GError            **error)
{
  g_return_val_if_fail (terms != NULL, FALSE);

  return px_store_set_profiles (self, version, 1, &article_id, &terms, &index_terms, error);
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

/* Reads the JSON string at @p (after its opening quote) into @out; returns
 * what follows its closing quote, or NULL when it is not a string this
 * reader knows. */
static const char *
read_string (const char *p,
             GString    *out)
{
  g_string_truncate (out, 0);
  for (;;)
    {
      const char *run = p;

      while (*p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;
      g_string_append_len (out, run, p - run);
      if (*p == '"')
        return p + 1;
      if (*p != '\\')
        return NULL;
      switch (p[1])
        {
        case '"': case '\\': case '/':
          g_string_append_c (out, p[1]);
          p += 2;
          break;
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          {
            gunichar c = 0;

            for (guint i = 2; i < 6; i++)
              {
                if (!g_ascii_isxdigit (p[i]))
                  return NULL;
                c = c * 16 + g_ascii_xdigit_value (p[i]);
              }
            /* NUL and surrogates: left to the full parser. */
            if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
              return NULL;
            g_string_append_unichar (out, c);
            p += 6;
          }
          break;
        default:
          return NULL;
        }
    }
}

/* The profile's object {"term": count, …} read directly into @names (the
 * terms, each ending in NUL) and @counts (guint each): json-glib's parser,
 * building a node per term, was a fifth of an import into a large
 * library. FALSE when @json is not that simple shape, for the full parser
 * to judge. */
static gboolean
parse_profile (const char *json,
               GString    *names,
               GArray     *counts)
{
  g_autoptr (GString) term = g_string_new (NULL);
  const char *p = skip_space (json);

  if (*p++ != '{')
    return FALSE;
  p = skip_space (p);
  if (*p == '}')
    return *skip_space (p + 1) == '\0';
  for (;;)
    {
      guint64 count = 0;
      guint narrow;
      const char *digits;

      if (*p++ != '"' || (p = read_string (p, term)) == NULL)
        return FALSE;
      p = skip_space (p);
      if (*p++ != ':')
        return FALSE;
      p = skip_space (p);
      for (digits = p; g_ascii_isdigit (*p) && p - digits < 10; p++)
        count = count * 10 + (guint64) (*p - '0');
      if (p == digits || count > G_MAXUINT || g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E')
        return FALSE;
      g_string_append_len (names, term->str, term->len + 1);
      narrow = (guint) count;
      g_array_append_val (counts, narrow);
      p = skip_space (p);
      if (*p == '}')
        return *skip_space (p + 1) == '\0';
      if (*p++ != ',')
        return FALSE;
      p = skip_space (p);
    }
}

gboolean
px_store_foreach_profile_term (PxStore           *self,
                               gint64             article_id,
                               int                version,
                               PxProfileTermFunc  func,
                               gpointer           user_data,
                               gboolean          *found,
                               GError           **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *json;
  const char *name;
  JsonObjectIter iter;
  JsonNode *node;
  sqlite3_stmt *stmt;
  gboolean fast;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  *found = FALSE;
  stmt = _px_store_prepare (self,
                            "SELECT terms FROM article_profiles WHERE article_id = ? AND version = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, error);
  json = (const char *) sqlite3_column_text (stmt, 0);
  fast = parse_profile (json, names, counts);
  if (!fast)
    {
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, json, -1, error))
        g_clear_object (&parser);
    }
  /* A statement left on its row holds the reader's snapshot of the
   * library: changes made through other connections would stay unseen. */
  sqlite3_reset (stmt);
  if (!fast && parser == NULL)
    return FALSE;
  if (fast)
    {
      name = names->str;
      for (guint i = 0; i < counts->len; i++)
        {
          func (name, g_array_index (counts, guint, i), user_data);
          name += strlen (name) + 1;
        }
      *found = TRUE;
      return TRUE;
    }
  node = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT,
                        "The profile of article %" G_GINT64_FORMAT " is not a JSON object",
                        article_id), FALSE;
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &node))
    func (name, (guint) json_node_get_int (node), user_data);
  *found = TRUE;
  return TRUE;
}

static void
insert_term (const char *term,
             guint       count,
             gpointer    user_data)
{
  g_hash_table_insert (user_data, g_strdup (term), GUINT_TO_POINTER (count));
}

GHashTable *
px_store_get_profile (PxStore  *self,
                      gint64    article_id,
                      int       version,
                      GError  **error)
{
  g_autoptr (GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean found;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  if (!px_store_foreach_profile_term (self, article_id, version, insert_term, terms, &found, error) ||
      !found)
    return NULL;
  return g_steal_pointer (&terms);
}

GArray *
px_store_get_index_postings (PxStore     *self,
                             const char  *term,
                             GError     **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *terms[] = { term, NULL };
  g_autofree char *hex = NULL;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  g_return_val_if_fail (term != NULL, NULL);

  /* The index holds no empty term, and FTS5 reads "" as no phrase. */
  if (*term == '\0')
    return g_steal_pointer (&ids);
  /* A quoted string of hex digits: a phrase of exactly that one token. */
  hex = index_terms_to_text (terms);
  query = g_strconcat ("\"", hex, "\"", NULL);
  stmt = _px_store_prepare (self,
                            "SELECT rowid FROM article_index WHERE article_index MATCH ? "
                            "ORDER BY rowid DESC LIMIT ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, PX_STORE_MAX_POSTINGS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error), NULL;
  return g_steal_pointer (&ids);
}

static gint64
query_count (PxStore      *self,
             sqlite3_stmt *stmt,
             GError      **error)
{
  int rc = sqlite3_step (stmt);
  gint64 count;

  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, error), -1;
  count = sqlite3_column_int64 (stmt, 0);
  /* Off its row, the statement no longer holds a snapshot of the library
   * (see px_store_get_profile ()). */
  sqlite3_reset (stmt);
  return count;
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
  char *result;
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
  result = _px_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return result;
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
                            "INSERT OR REPLACE INTO comparisons (key, version, result, written) "
                            "VALUES (?, ?, ?, (SELECT coalesce (max (written), 0) + 1 FROM comparisons))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_STATIC);
  if (!_px_store_run (self, stmt, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "DELETE FROM comparisons WHERE written <= "
                            "(SELECT max (written) FROM comparisons) - ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, PX_STORE_MAX_COMPARISONS);
  return _px_store_run (self, stmt, error);
}
