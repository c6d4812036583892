/* px-store-events.c: events (articles about one happening) in the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-store-events.h"

#include "px-error.h"
#include "px-store-private.h"

void
px_event_free (PxEvent *event)
{
  g_free (event->label);
  g_clear_pointer (&event->article_ids, g_array_unref);
  g_free (event);
}

/* Reads events from rows of (id, label, manual, article_id) ordered by
 * event id, then article id. */
static GPtrArray *
read_events (PxStore       *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) px_event_free);
  PxEvent *event = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 article_id = sqlite3_column_int64 (stmt, 3);

      if (event == NULL || event->id != id)
        {
          event = g_new0 (PxEvent, 1);
          event->id = id;
          event->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          event->manual = sqlite3_column_int (stmt, 2) != 0;
          event->article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_ptr_array_add (events, event);
        }
      g_array_append_val (event->article_ids, article_id);
    }
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error), NULL;
  return g_steal_pointer (&events);
}

GPtrArray *
px_store_list_events (PxStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self,
                            "SELECT e.id, e.label, e.manual, ea.article_id "
                            "FROM events e JOIN event_articles ea ON ea.event_id = e.id "
                            "ORDER BY e.id, ea.article_id",
                            error);
  if (stmt == NULL)
    return NULL;
  return read_events (self, stmt, error);
}

PxEvent *
px_store_get_event (PxStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autoptr (GPtrArray) events = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self,
                            "SELECT e.id, e.label, e.manual, ea.article_id "
                            "FROM events e JOIN event_articles ea ON ea.event_id = e.id "
                            "WHERE e.id = ? ORDER BY ea.article_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  events = read_events (self, stmt, error);
  if (events == NULL)
    return NULL;
  if (events->len == 0)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                   "No event with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  return g_ptr_array_steal_index (events, 0);
}

gint64
px_store_get_article_event (PxStore   *self,
                            gint64     article_id,
                            gboolean  *manual,
                            GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  stmt = _px_store_prepare (self,
                            "SELECT event_id, manual FROM event_articles WHERE article_id = ?",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      if (manual != NULL)
        *manual = FALSE;
      return 0;
    }
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, error), -1;
  if (manual != NULL)
    *manual = sqlite3_column_int (stmt, 1) != 0;
  return sqlite3_column_int64 (stmt, 0);
}

gint64
px_store_create_event (PxStore     *self,
                       const char  *label,
                       gboolean     manual,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  stmt = _px_store_prepare (self, "INSERT INTO events (label, manual) VALUES (?, ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, label != NULL ? label : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, manual ? 1 : 0);
  if (!_px_store_run (self, stmt, error))
    return -1;
  return sqlite3_last_insert_rowid (_px_store_get_db (self));
}

gboolean
px_store_set_event_label (PxStore     *self,
                          gint64       id,
                          const char  *label,
                          gboolean     manual,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  stmt = _px_store_prepare (self, "UPDATE events SET label = ?, manual = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, manual ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!_px_store_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_px_store_get_db (self)) == 0)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                   "No event with id %" G_GINT64_FORMAT, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_set_article_event (PxStore     *self,
                            gint64       article_id,
                            gint64       event_id,
                            gboolean     manual,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  stmt = _px_store_prepare (self,
                            "INSERT INTO event_articles (event_id, article_id, manual) "
                            "VALUES (?1, ?2, ?3) ON CONFLICT (article_id) DO UPDATE "
                            "SET event_id = ?1, manual = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  sqlite3_bind_int (stmt, 3, manual ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_px_store_get_db (self)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                       "No article %" G_GINT64_FORMAT " or no event %" G_GINT64_FORMAT,
                       article_id, event_id);
          return FALSE;
        }
      return _px_store_fail (self, error);
    }
  return TRUE;
}

gboolean
px_store_prune_events (PxStore  *self,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  stmt = _px_store_prepare (self,
                            "DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_articles)",
                            error);
  return stmt != NULL && _px_store_run (self, stmt, error);
}
