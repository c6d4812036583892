/* px-store-notes.c: notes in the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-store-notes.h"

#include "px-anchor.h"
#include "px-error.h"
#include "px-store-private.h"

#define NOTE_COLUMNS                                                           \
  "n.id, n.article_id, n.start_offset, n.end_offset, n.quote, n.prefix, "     \
  "n.suffix, n.body, n.color, n.claim_key, n.orphan, n.article_title, "       \
  "n.created, n.updated"

/* Notes change in a savepoint, so they nest in a caller's transaction. */
static gboolean
begin (PxStore  *self,
       GError  **error)
{
  return _px_store_savepoint (self, "px_notes", error);
}

static gboolean
end (PxStore   *self,
     gboolean   ok,
     GError   **error)
{
  return _px_store_release (self, "px_notes", ok, error);
}

static void
bind_nullable_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
write_tags_for (PxStore  *self,
                gint64    id,
                PxNote   *note,
                GError  **error)
{
  const char * const *tags = px_note_get_tags (note);
  sqlite3_stmt *stmt;

  if (!_px_store_run_for_id (self, "DELETE FROM note_tags WHERE note_id = ?", id, error))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      stmt = _px_store_prepare (self, "INSERT INTO note_tags (note_id, position, tag) VALUES (?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, tags[i], -1, SQLITE_TRANSIENT);
      if (!_px_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Binds the columns a note sets, from ?1 to ?11. */
static void
bind_note (sqlite3_stmt *stmt,
           PxNote       *note)
{
  if (px_note_get_article_id (note) > 0)
    sqlite3_bind_int64 (stmt, 1, px_note_get_article_id (note));
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, px_note_get_start (note));
  sqlite3_bind_int64 (stmt, 3, px_note_get_end (note));
  sqlite3_bind_text (stmt, 4, px_note_get_quote (note) != NULL ? px_note_get_quote (note) : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, px_note_get_prefix (note) != NULL ? px_note_get_prefix (note) : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, px_note_get_suffix (note) != NULL ? px_note_get_suffix (note) : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, px_note_get_body (note) != NULL ? px_note_get_body (note) : "", -1,
                     SQLITE_TRANSIENT);
  bind_nullable_text (stmt, 8, px_note_get_color (note));
  bind_nullable_text (stmt, 9, px_note_get_claim_key (note));
  sqlite3_bind_int (stmt, 10, px_note_get_orphan (note) || px_note_get_article_id (note) == 0);
  bind_nullable_text (stmt, 11, px_note_get_article_title (note));
}

gboolean
px_store_add_note (PxStore  *self,
                   PxNote   *note,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *created = NULL, *updated = NULL;
  gint64 id;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_NOTE (note), FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "INSERT INTO notes (id, article_id, start_offset, end_offset, quote, prefix,"
                            " suffix, body, color, claim_key, orphan, article_title, created)"
                            " VALUES (?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                            "  coalesce (?13, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')))"
                            " RETURNING id, created, updated",
                            error);
  if (stmt == NULL)
    return end (self, FALSE, NULL);
  bind_note (stmt, note);
  /* A deleted note added back (undo) keeps its id and creation time. */
  if (px_note_get_id (note) > 0)
    {
      sqlite3_bind_int64 (stmt, 12, px_note_get_id (note));
      bind_nullable_text (stmt, 13, px_note_get_created (note));
    }
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _px_store_fail (self, error);
      return end (self, FALSE, NULL);
    }
  id = sqlite3_column_int64 (stmt, 0);
  created = _px_store_column_dup (stmt, 1);
  updated = _px_store_column_dup (stmt, 2);
  sqlite3_reset (stmt);
  if (!write_tags_for (self, id, note, error) || !end (self, TRUE, error))
    {
      end (self, FALSE, NULL);
      return FALSE;
    }
  px_note_set_id (note, id);
  px_note_set_created (note, created);
  px_note_set_updated (note, updated);
  return TRUE;
}

gboolean
px_store_update_note (PxStore  *self,
                      PxNote   *note,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *updated = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_NOTE (note), FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "UPDATE notes SET article_id = ?1, start_offset = ?2, end_offset = ?3,"
                            " quote = ?4, prefix = ?5, suffix = ?6, body = ?7, color = ?8,"
                            " claim_key = ?9, orphan = ?10, article_title = ?11, stale = 0,"
                            " updated = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                            " WHERE id = ?12 RETURNING updated",
                            error);
  if (stmt == NULL)
    return end (self, FALSE, NULL);
  bind_note (stmt, note);
  sqlite3_bind_int64 (stmt, 12, px_note_get_id (note));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                   "No note with id %" G_GINT64_FORMAT, px_note_get_id (note));
      return end (self, FALSE, NULL);
    }
  if (rc != SQLITE_ROW)
    {
      _px_store_fail (self, error);
      return end (self, FALSE, NULL);
    }
  updated = _px_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (!write_tags_for (self, px_note_get_id (note), note, error))
    return end (self, FALSE, NULL);
  if (!end (self, TRUE, error))
    return FALSE;
  px_note_set_updated (note, updated);
  return TRUE;
}

static gboolean
load_tags (PxStore  *self,
           PxNote   *note,
           GError  **error)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _px_store_prepare (self,
                                          "SELECT tag FROM note_tags WHERE note_id = ? ORDER BY position",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, px_note_get_id (note));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tags, _px_store_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error);
  g_ptr_array_add (tags, NULL);
  px_note_set_tags (note, (const char * const *) tags->pdata);
  return TRUE;
}

/* A note from a row of NOTE_COLUMNS. */
static PxNote *
read_note (sqlite3_stmt *stmt)
{
  PxNote *note = px_note_new ();
  g_autofree char *quote = _px_store_column_dup (stmt, 4), *prefix = _px_store_column_dup (stmt, 5);
  g_autofree char *suffix = _px_store_column_dup (stmt, 6), *body = _px_store_column_dup (stmt, 7);
  g_autofree char *color = _px_store_column_dup (stmt, 8), *key = _px_store_column_dup (stmt, 9);
  g_autofree char *title = _px_store_column_dup (stmt, 11), *created = _px_store_column_dup (stmt, 12);
  g_autofree char *updated = _px_store_column_dup (stmt, 13);

  px_note_set_id (note, sqlite3_column_int64 (stmt, 0));
  px_note_set_article_id (note, sqlite3_column_int64 (stmt, 1));
  px_note_set_range (note, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3));
  px_note_set_quote (note, quote);
  px_note_set_prefix (note, prefix);
  px_note_set_suffix (note, suffix);
  px_note_set_body (note, body);
  px_note_set_color (note, color);
  px_note_set_claim_key (note, key);
  px_note_set_orphan (note, sqlite3_column_int (stmt, 10));
  px_note_set_article_title (note, title);
  px_note_set_created (note, created);
  px_note_set_updated (note, updated);
  return note;
}

PxNote *
px_store_get_note (PxStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autoptr (PxNote) note = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  if (!px_store_reanchor_notes (self, 0, error))
    return NULL;
  stmt = _px_store_prepare (self, "SELECT " NOTE_COLUMNS " FROM notes n WHERE n.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    note = read_note (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                   "No note with id %" G_GINT64_FORMAT " in %s", id, px_store_get_path (self));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, error), NULL;
  if (!load_tags (self, note, error))
    return NULL;
  return g_steal_pointer (&note);
}

gboolean
px_store_delete_notes (PxStore       *self,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      if (!_px_store_run_for_id (self, "DELETE FROM notes WHERE id = ?", ids[i], error))
        return end (self, FALSE, NULL);
      if (sqlite3_changes (_px_store_get_db (self)) == 0)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                       "No note with id %" G_GINT64_FORMAT " in %s", ids[i], px_store_get_path (self));
          return end (self, FALSE, NULL);
        }
    }
  return end (self, TRUE, error);
}

GPtrArray *
px_store_list_notes (PxStore     *self,
                     gint64       article_id,
                     gint64       event_id,
                     const char  *tag,
                     GError     **error)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  if (!px_store_reanchor_notes (self, 0, error))
    return NULL;
  stmt = _px_store_prepare (self,
                            "SELECT " NOTE_COLUMNS " FROM notes n"
                            " WHERE (?1 = 0 OR n.article_id = ?1)"
                            "  AND (?2 = 0 OR n.article_id IN"
                            "   (SELECT article_id FROM event_articles WHERE event_id = ?2))"
                            "  AND (?3 IS NULL OR n.id IN (SELECT note_id FROM note_tags WHERE tag = ?3))"
                            " ORDER BY n.article_id IS NULL, n.article_id, n.orphan, n.start_offset, n.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  bind_nullable_text (stmt, 3, tag);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notes, read_note (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error), NULL;
  for (guint i = 0; i < notes->len; i++)
    if (!load_tags (self, notes->pdata[i], error))
      return NULL;
  return g_steal_pointer (&notes);
}

GStrv
px_store_list_note_tags (PxStore  *self,
                         GError  **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self, "SELECT DISTINCT tag FROM note_tags ORDER BY tag", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error), NULL;
  return g_strv_builder_end (builder);
}

static gboolean
write_anchor (PxStore  *self,
              PxNote   *note,
              GError  **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self,
                                          "UPDATE notes SET start_offset = ?, end_offset = ?, quote = ?,"
                                          " prefix = ?, suffix = ?, orphan = ?, stale = 0 WHERE id = ?",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, px_note_get_start (note));
  sqlite3_bind_int64 (stmt, 2, px_note_get_end (note));
  sqlite3_bind_text (stmt, 3, px_note_get_quote (note), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, px_note_get_prefix (note) ? px_note_get_prefix (note) : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, px_note_get_suffix (note) ? px_note_get_suffix (note) : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, px_note_get_orphan (note));
  sqlite3_bind_int64 (stmt, 7, px_note_get_id (note));
  return _px_store_run (self, stmt, error);
}

gboolean
px_store_reanchor_notes (PxStore  *self,
                         gint64    article_id,
                         GError  **error)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (PxTextMap) map = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  stmt = _px_store_prepare (self,
                            "SELECT " NOTE_COLUMNS " FROM notes n"
                            " WHERE n.article_id IS NOT NULL AND (?1 = 0 AND n.stale = 1 OR n.article_id = ?1)"
                            " ORDER BY n.article_id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notes, read_note (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error);
  if (notes->len == 0)
    return TRUE;

  if (!begin (self, error))
    return FALSE;
  for (guint i = 0; i < notes->len; i++)
    {
      PxNote *note = notes->pdata[i];

      if (article == NULL || px_article_get_id (article) != px_note_get_article_id (note))
        {
          g_clear_object (&article);
          g_clear_pointer (&map, px_text_map_unref);
          article = px_store_get_article (self, px_note_get_article_id (note), error);
          if (article == NULL)
            return end (self, FALSE, NULL);
          map = px_text_map_new_for_article (article);
        }
      px_anchor_note (note, map);
      if (!write_anchor (self, note, error))
        return end (self, FALSE, NULL);
    }
  return end (self, TRUE, error);
}

gint64
px_store_match_article (PxStore     *self,
                        const char  *content_hash,
                        const char  *url,
                        const char  *title,
                        const char  *outlet,
                        GError     **error)
{
  static const char *const queries[] = {
    "SELECT id FROM articles WHERE url = ?1 ORDER BY id LIMIT 1",
    "SELECT a.id FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
    " WHERE a.title = ?1 AND coalesce (o.name, '') = coalesce (?2, '') COLLATE NOCASE"
    " ORDER BY a.id LIMIT 1",
  };
  const char *keys[] = { url, title };
  gint64 id = 0;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  if (content_hash != NULL && *content_hash != '\0')
    {
      id = px_store_find_by_hash (self, content_hash, error);
      if (id != 0)
        return id;
    }
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (keys[i] == NULL || *keys[i] == '\0')
        continue;
      stmt = _px_store_prepare (self, queries[i], error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, keys[i], -1, SQLITE_TRANSIENT);
      if (i == 1)
        bind_nullable_text (stmt, 2, outlet);
      rc = sqlite3_step (stmt);
      id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return _px_store_fail (self, error), -1;
      if (id != 0)
        return id;
    }
  return 0;
}
