/* px-store.c: the SQLite library of articles
 *
 * One PxStore is one connection: use one per thread. WAL lets the window
 * read while an import thread or parallax-cli writes.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-store-private.h"

#include <glib/gstdio.h>

#include "px-encoding.h"
#include "px-error.h"
#include "px-span.h"

/* "PrlX": marks the file as a Parallax library. */
#define PX_APPLICATION_ID 0x50726c58
#define BUSY_TIMEOUT_MS 10000
/* SQLite's own: a commit that leaves this many pages in the write-ahead
 * log copies them into the library (a checkpoint). */
#define DEFAULT_CHECKPOINT_PAGES 1000
/* While importing: a page cache that holds a batch's changes (at
 * 100,000 articles 48 MB: a smaller one writes some twice), and a log of
 * 128 MB before a checkpoint. Every batch of an import rewrites pages
 * all over the library's indexes (its words' rows of the inverted index,
 * the content hashes): at 100,000 articles some 12,000 pages a batch. A
 * checkpoint after each commit copied every one of them into the library
 * again, batch after batch; a checkpoint every 128 MB copies a page once
 * however many batches rewrote it meanwhile. Crash safety is the log's
 * and does not depend on when it is copied. */
#define IMPORT_CACHE_KIB 65536
#define IMPORT_CHECKPOINT_PAGES 32768

struct _PxStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  gboolean index_deferred; /* the transaction's new articles are indexed
                            * when it commits */
  gboolean importing;      /* between px_store_begin_import () and
                            * _px_store_end_import () */
  int cache_size;          /* PRAGMA cache_size before the import */
};

G_DEFINE_FINAL_TYPE (PxStore, px_store, G_TYPE_OBJECT)

void
px_article_summary_free (PxArticleSummary *summary)
{
  g_free (summary->outlet);
  g_free (summary->published);
  g_free (summary->title);
  g_free (summary);
}

void
px_search_hit_free (PxSearchHit *hit)
{
  g_free (hit->outlet);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static void
px_store_finalize (GObject *object)
{
  PxStore *self = PX_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (px_store_parent_class)->finalize (object);
}

static void
px_store_class_init (PxStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
px_store_init (PxStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

static PxStoreError
store_error_code (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return PX_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return PX_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return PX_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return PX_STORE_ERROR_FULL;
    default:
      return PX_STORE_ERROR_FAILED;
    }
}

gboolean
_px_store_fail (PxStore  *self,
                GError  **error)
{
  int code = sqlite3_extended_errcode (self->db);

  g_set_error (error, PX_STORE_ERROR, store_error_code (code),
               "%s: %s", self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3 *
_px_store_get_db (PxStore *self)
{
  return self->db;
}

sqlite3_stmt *
_px_store_prepare (PxStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _px_store_fail (self, error);
      return NULL;
    }
  /* Statements are string literals: the key outlives the table. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_px_store_exec (PxStore     *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _px_store_fail (self, error);
  return TRUE;
}

char *
_px_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static int
query_int (PxStore    *self,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Runs before anything is written, so a library this version cannot
 * read is left byte for byte as it was. */
static gboolean
check_compatible (PxStore  *self,
                  GError  **error)
{
  int version = query_int (self, "PRAGMA user_version");
  int newest = px_store_migrations[px_store_n_migrations - 1].version;

  if (version < 0)
    {
      int code = sqlite3_errcode (self->db);

      /* A file that cannot be opened for writing is not a damaged one: say
       * which, so nobody deletes a good library. */
      if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM)
        g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY,
                     "Cannot open %s: the file or its folder is read-only or not accessible (%s)",
                     self->path, sqlite3_errmsg (self->db));
      else
        g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT,
                     "%s is not a Parallax library, or it is damaged: %s",
                     self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  if (version > newest)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NEWER_SCHEMA,
                   "%s was written by a newer version of Parallax (library version %d, "
                   "this version reads up to %d); update Parallax to open it",
                   self->path, version, newest);
      return FALSE;
    }
  if (version > 0 && query_int (self, "PRAGMA application_id") != PX_APPLICATION_ID)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT,
                   "%s is an SQLite database but not a Parallax library", self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (PxStore  *self,
         GError  **error)
{
  int version = query_int (self, "PRAGMA user_version");

  if (version < 0)
    return _px_store_fail (self, error);
  for (guint i = 0; i < px_store_n_migrations; i++)
    {
      const PxMigration *step = &px_store_migrations[i];
      g_autofree char *set_version = NULL;

      if (step->version <= version)
        continue;
      set_version = g_strdup_printf ("PRAGMA user_version = %d;"
                                     "PRAGMA application_id = %d;",
                                     step->version, PX_APPLICATION_ID);
      if (!_px_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!_px_store_exec (self, step->sql, error) ||
          !_px_store_exec (self, set_version, error) ||
          !_px_store_exec (self, "COMMIT", error))
        {
          g_prefix_error (error, "Could not upgrade the library to version %d: ", step->version);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

char *
px_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "parallax", "library.sqlite3", NULL);
}

static gboolean
configure (PxStore  *self,
           GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  sqlite3_extended_result_codes (self->db, 1);
  if (!_px_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", error))
    return FALSE;
  if (strcmp (self->path, ":memory:") == 0)
    return TRUE;

  /* A corrupt or foreign file fails here, before anything is written to it. */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) != SQLITE_OK)
    return _px_store_fail (self, error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  if (!wal && sqlite3_errcode (self->db) != SQLITE_OK && sqlite3_errcode (self->db) != SQLITE_DONE)
    return _px_store_fail (self, error);
  if (!wal)
    g_debug ("%s: not in WAL mode; readers may wait for writers", self->path);
  return TRUE;
}

PxStore *
px_store_open (const char  *path,
               GError     **error)
{
  g_autoptr (PxStore) self = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PX_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (strcmp (path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY,
                       "Could not create the folder %s: %s", dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED,
                       "%s: out of memory", path);
          return NULL;
        }
      return _px_store_fail (self, error), NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!check_compatible (self, error) || !configure (self, error) || !migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
px_store_get_path (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return self->path;
}

char *
_px_store_ids_json (const gint64 *ids,
                    guint         n_ids)
{
  GString *json = g_string_sized_new (12 * n_ids + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

gint64
px_store_get_data_version (PxStore  *self,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 version;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  stmt = _px_store_prepare (self, "PRAGMA data_version", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _px_store_fail (self, error), -1;
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/* Cached statements stay active after their last row was read; an active
 * statement would keep COMMIT from releasing the write lock. */
static void
reset_statements (PxStore *self)
{
  sqlite3_stmt *stmt = NULL;

  while ((stmt = sqlite3_next_stmt (self->db, stmt)) != NULL)
    sqlite3_reset (stmt);
}

gboolean
_px_store_run (PxStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  /* Reset at once: a statement left active would hold the write lock and
   * refuse a later SAVEPOINT. */
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _px_store_fail (self, error);
  return TRUE;
}

gboolean
_px_store_run_for_id (PxStore     *self,
                      const char  *sql,
                      gint64       id,
                      GError     **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _px_store_run (self, stmt, error);
}

/* A write statement whose row was read but that was not stepped to its
 * end (INSERT … RETURNING) would refuse a SAVEPOINT; its writes are done,
 * so finish it. Readers may be mid-iteration by a caller: leave them. */
static void
finish_writes (PxStore *self)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (self->db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (self->db, stmt))
    if (sqlite3_stmt_busy (stmt) && !sqlite3_stmt_readonly (stmt))
      sqlite3_reset (stmt);
}

gboolean
_px_store_savepoint (PxStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SAVEPOINT %s", name);

  finish_writes (self);
  return _px_store_exec (self, sql, error);
}

gboolean
_px_store_release (PxStore     *self,
                   const char  *name,
                   gboolean     ok,
                   GError     **error)
{
  g_autofree char *release = g_strdup_printf ("RELEASE %s", name);
  g_autofree char *undo = g_strdup_printf ("ROLLBACK TO %s; RELEASE %s", name, name);

  finish_writes (self);
  if (ok)
    return _px_store_exec (self, release, error);
  _px_store_exec (self, undo, NULL);
  return FALSE;
}

gboolean
px_store_begin (PxStore  *self,
                GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!_px_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->index_deferred = FALSE;
  return TRUE;
}

/* A transaction for a batch of new articles: they are added to the search
 * index by one statement when it commits, not one by one (see migration
 * 10), in the same transaction, so a library never holds an article its
 * index lacks. */
gboolean
px_store_begin_import (PxStore  *self,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  if (!self->importing)
    {
      g_autofree char *cache_size = g_strdup_printf ("PRAGMA cache_size = -%d", IMPORT_CACHE_KIB);

      self->cache_size = query_int (self, "PRAGMA cache_size");
      if (!_px_store_exec (self, cache_size, error))
        return FALSE;
      sqlite3_wal_autocheckpoint (self->db, IMPORT_CHECKPOINT_PAGES);
      self->importing = TRUE;
    }
  if (!px_store_begin (self, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "INSERT INTO articles_fts_deferred (since) "
                            "SELECT coalesce (max (id), 0) + 1 FROM articles",
                            error);
  if (stmt == NULL || !_px_store_run (self, stmt, error))
    {
      px_store_rollback (self);
      return FALSE;
    }
  self->index_deferred = TRUE;
  return TRUE;
}

void
_px_store_end_import (PxStore *self)
{
  g_autofree char *cache_size = NULL;

  g_return_if_fail (PX_IS_STORE (self));

  if (!self->importing)
    return;
  self->importing = FALSE;
  sqlite3_wal_autocheckpoint (self->db, DEFAULT_CHECKPOINT_PAGES);
  cache_size = g_strdup_printf ("PRAGMA cache_size = %d", self->cache_size);
  sqlite3_exec (self->db, cache_size, NULL, NULL, NULL);
  /* The import's pages go into the library now, and the log is emptied
   * (it grew to 128 MB), unless someone reads or writes: then it waits
   * for a later checkpoint rather than keep them waiting. */
  if (sqlite3_get_autocommit (self->db))
    {
      sqlite3_busy_timeout (self->db, 0);
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
    }
}

/* Indexes the articles left to the end of the transaction and ends the
 * deferral, so that nothing later in it is left out. */
static gboolean
index_deferred (PxStore  *self,
                GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = _px_store_prepare (self,
                            "INSERT INTO articles_fts (rowid, title, clean_text) "
                            "SELECT id, title, clean_text FROM articles_fts_source "
                            "WHERE id >= (SELECT min (since) FROM articles_fts_deferred)",
                            error);
  if (stmt == NULL || !_px_store_run (self, stmt, error))
    return FALSE;
  stmt = _px_store_prepare (self, "DELETE FROM articles_fts_deferred", error);
  if (stmt == NULL || !_px_store_run (self, stmt, error))
    return FALSE;
  self->index_deferred = FALSE;
  return TRUE;
}

gboolean
px_store_commit (PxStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (self->index_deferred && !index_deferred (self, error))
    return FALSE;
  reset_statements (self);
  return _px_store_exec (self, "COMMIT", error);
}

void
px_store_rollback (PxStore *self)
{
  g_return_if_fail (PX_IS_STORE (self));
  self->index_deferred = FALSE;
  reset_statements (self);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

gint64
px_store_find_by_hash (PxStore     *self,
                       const char  *content_hash,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  stmt = _px_store_prepare (self, "SELECT id FROM articles WHERE content_hash = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, content_hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  /* Off its row, the statement no longer holds a snapshot of the library
   * (see px_store_get_profile ()). */
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _px_store_fail (self, error), -1;
  return id;
}

static gint64
ensure_outlet (PxStore     *self,
               const char  *name,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (name == NULL || *name == '\0')
    return 0;
  stmt = _px_store_prepare (self,
                            "INSERT INTO outlets (name) VALUES (?) "
                            "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _px_store_fail (self, error), -1;
  id = sqlite3_column_int64 (stmt, 0);
  /* RETURNING keeps the statement active until reset, and an active
   * statement would refuse a later SAVEPOINT. */
  sqlite3_reset (stmt);
  return id;
}

static gboolean
insert_spans (PxStore       *self,
              gint64         article_id,
              const GArray  *removed,
              GError       **error)
{
  sqlite3_stmt *stmt;

  if (!_px_store_run_for_id (self, "DELETE FROM removed_spans WHERE article_id = ?", article_id, error))
    return FALSE;

  for (guint i = 0; removed != NULL && i < removed->len; i++)
    {
      const PxSpan *span = &g_array_index (removed, PxSpan, i);

      stmt = _px_store_prepare (self,
                                "INSERT OR REPLACE INTO removed_spans "
                                "(article_id, start_offset, end_offset, reason, restored) "
                                "VALUES (?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int (stmt, 2, span->start);
      sqlite3_bind_int (stmt, 3, span->end);
      sqlite3_bind_text (stmt, 4, px_removal_reason_to_string (span->reason), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, span->restored ? 1 : 0);
      if (!_px_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
px_store_insert_article (PxStore    *self,
                         PxArticle  *article,
                         GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 outlet_id;
  gboolean own_transaction;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (px_article_get_content_hash (article) != NULL, FALSE);

  own_transaction = sqlite3_get_autocommit (self->db);
  if (own_transaction && !px_store_begin (self, error))
    return FALSE;

  outlet_id = ensure_outlet (self, px_article_get_outlet (article), error);
  if (outlet_id < 0)
    goto fail;
  stmt = _px_store_prepare (self,
                            "INSERT INTO articles (outlet_id, title, url, published, language, "
                            "format, source_file, content_hash, raw_text, clean_text, "
                            "cleaner_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto fail;
  if (outlet_id > 0)
    sqlite3_bind_int64 (stmt, 1, outlet_id);
  sqlite3_bind_text (stmt, 2, px_article_get_title (article) ? px_article_get_title (article) : "",
                     -1, SQLITE_TRANSIENT);
  bind_text (stmt, 3, px_article_get_url (article));
  bind_text (stmt, 4, px_article_get_published (article));
  bind_text (stmt, 5, px_article_get_language (article));
  sqlite3_bind_text (stmt, 6, px_article_get_format (article) ? px_article_get_format (article) : "text",
                     -1, SQLITE_TRANSIENT);
  bind_text (stmt, 7, px_article_get_source_file (article));
  sqlite3_bind_text (stmt, 8, px_article_get_content_hash (article), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, px_article_get_raw_text (article) ? px_article_get_raw_text (article) : "",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10,
                     px_article_get_clean_text (article) ? px_article_get_clean_text (article) : "",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 11, px_article_get_cleaner_version (article));
  if (!_px_store_run (self, stmt, error))
    goto fail;
  px_article_set_id (article, sqlite3_last_insert_rowid (self->db));
  if (!insert_spans (self, px_article_get_id (article), px_article_get_removed (article), error))
    goto fail;
  if (own_transaction && !px_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  if (own_transaction)
    px_store_rollback (self);
  return FALSE;
}

static GArray *
load_spans (PxStore  *self,
            gint64    article_id,
            GError  **error)
{
  g_autoptr (GArray) spans = px_span_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _px_store_prepare (self,
                            "SELECT start_offset, end_offset, reason, restored FROM removed_spans "
                            "WHERE article_id = ? ORDER BY start_offset",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxSpan span = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                      PX_REMOVAL_NAVIGATION, sqlite3_column_int (stmt, 3) != 0 };

      px_removal_reason_from_string ((const char *) sqlite3_column_text (stmt, 2), &span.reason);
      g_array_append_val (spans, span);
    }
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error), NULL;
  return g_steal_pointer (&spans);
}

PxArticle *
px_store_get_article (PxStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (GArray) spans = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self,
                            "SELECT a.id, o.name, a.title, a.url, a.published, a.language, "
                            "a.format, a.source_file, a.content_hash, a.raw_text, a.clean_text, "
                            "a.cleaner_version "
                            "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
                            "WHERE a.id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                   "No article with id %" G_GINT64_FORMAT " in %s", id, self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, error), NULL;

  article = g_object_new (PX_TYPE_ARTICLE,
                          "id", sqlite3_column_int64 (stmt, 0),
                          "outlet", sqlite3_column_text (stmt, 1),
                          "title", sqlite3_column_text (stmt, 2),
                          "url", sqlite3_column_text (stmt, 3),
                          "published", sqlite3_column_text (stmt, 4),
                          "language", sqlite3_column_text (stmt, 5),
                          "format", sqlite3_column_text (stmt, 6),
                          "source-file", sqlite3_column_text (stmt, 7),
                          "content-hash", sqlite3_column_text (stmt, 8),
                          "raw-text", sqlite3_column_text (stmt, 9),
                          "clean-text", sqlite3_column_text (stmt, 10),
                          NULL);
  px_article_set_cleaner_version (article, sqlite3_column_int (stmt, 11));
  sqlite3_reset (stmt);

  spans = load_spans (self, id, error);
  if (spans == NULL)
    return NULL;
  px_article_set_removed (article, spans);
  return g_steal_pointer (&article);
}

static PxArticleSummary *
read_summary (sqlite3_stmt *stmt)
{
  PxArticleSummary *row = g_new0 (PxArticleSummary, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->outlet = _px_store_column_dup (stmt, 1);
  row->published = _px_store_column_dup (stmt, 2);
  row->title = _px_store_column_dup (stmt, 3);
  return row;
}

GPtrArray *
px_store_get_summaries (PxStore       *self,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) px_article_summary_free);

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt = _px_store_prepare (self,
                                              "SELECT a.id, o.name, a.published, a.title "
                                              "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
                                              "WHERE a.id = ?",
                                              error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (rows, read_summary (stmt));
      else if (rc != SQLITE_DONE)
        return _px_store_fail (self, error), NULL;
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&rows);
}

/* The articles a PxArticleFilter keeps, in SQL: its fields are bound to
 * :outlet, :since and :before (the day after its last), NULL when unset. */
#define FILTER_SQL "(:outlet IS NULL OR o.name = :outlet) " \
                   "AND (:since IS NULL OR a.published >= :since) " \
                   "AND (:before IS NULL OR a.published < :before)"

/* Whether a field of a PxArticleFilter filters: NULL and "" do not. */
static gboolean
filter_field_set (const char *field)
{
  return field != NULL && *field != '\0';
}

/* Reads "YYYY-MM-DD" into @date; FALSE when @day is not such a day. */
static gboolean
parse_day (const char *day,
           GDate      *date)
{
  int year, month, mday, end = 0;

  g_date_clear (date, 1);
  if (sscanf (day, "%4d-%2d-%2d%n", &year, &month, &mday, &end) != 3 || end != 10 || day[end] != '\0'
      || !g_date_valid_dmy (mday, month, year))
    return FALSE;
  g_date_set_dmy (date, mday, month, year);
  return TRUE;
}

gboolean
px_article_filter_check (const PxArticleFilter  *filter,
                         GError                **error)
{
  const char *days[] = { filter != NULL ? filter->since : NULL, filter != NULL ? filter->until : NULL };
  GDate dates[2];

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      if (!filter_field_set (days[i]))
        days[i] = NULL;
      else if (!parse_day (days[i], &dates[i]))
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                       "“%s” is not a day: write it as YYYY-MM-DD", days[i]);
          return FALSE;
        }
    }
  if (days[0] != NULL && days[1] != NULL && g_date_compare (&dates[0], &dates[1]) > 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "The first day, %s, comes after the last, %s", days[0], days[1]);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_article_filter_is_empty (const PxArticleFilter *filter)
{
  return filter == NULL
         || (!filter_field_set (filter->outlet) && !filter_field_set (filter->since) && !filter_field_set (filter->until));
}

/* With an outlet set, its articles come from the articles_by_outlet index
 * (then sorted): ordered by date, a rare outlet's few would be looked for
 * along the whole date index. */
#define OUTLET_SQL "a.outlet_id = (SELECT id FROM outlets WHERE name = :outlet) AND "

/* The filtered count and list, each WHERE @where. */
#define COUNT_SQL(where) "SELECT count(*) FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id " \
                         "WHERE " where
#define LIST_SQL(where) "SELECT a.id, o.name, a.published, a.title " \
                        "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id " \
                        "WHERE " where " " \
                        "ORDER BY a.published DESC, a.id DESC LIMIT :limit OFFSET :offset"

/* Binds @filter (checked) to FILTER_SQL's parameters of @stmt. */
static void
bind_filter (sqlite3_stmt          *stmt,
             const PxArticleFilter *filter)
{
  GDate before;

  if (filter == NULL)
    return;
  bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":outlet"), filter->outlet);
  bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":since"), filter->since);
  if (filter_field_set (filter->until) && parse_day (filter->until, &before))
    {
      char day[16];

      g_date_add_days (&before, 1);
      g_snprintf (day, sizeof day, "%04d-%02d-%02d", g_date_get_year (&before),
                  g_date_get_month (&before), g_date_get_day (&before));
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":before"), day, -1, SQLITE_TRANSIENT);
    }
}

gint64
px_store_count_articles (PxStore  *self,
                         GError  **error)
{
  return px_store_count_filtered (self, NULL, error);
}

gint64
px_store_count_filtered (PxStore                *self,
                         const PxArticleFilter  *filter,
                         GError                **error)
{
  sqlite3_stmt *stmt;
  gint64 count;

  g_return_val_if_fail (PX_IS_STORE (self), -1);

  if (!px_article_filter_check (filter, error))
    return -1;
  /* Unfiltered, SQLite counts the smallest index: the window's start-up asks. */
  if (px_article_filter_is_empty (filter))
    stmt = _px_store_prepare (self, "SELECT count(*) FROM articles", error);
  else
    stmt = _px_store_prepare (self,
                              filter_field_set (filter->outlet) ? COUNT_SQL (OUTLET_SQL FILTER_SQL)
                                                                : COUNT_SQL (FILTER_SQL),
                              error);
  if (stmt == NULL)
    return -1;
  bind_filter (stmt, filter);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _px_store_fail (self, error), -1;
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

GPtrArray *
px_store_list_articles (PxStore  *self,
                        guint     offset,
                        guint     limit,
                        GError  **error)
{
  return px_store_list_filtered (self, NULL, offset, limit, error);
}

GPtrArray *
px_store_list_filtered (PxStore                *self,
                        const PxArticleFilter  *filter,
                        guint                   offset,
                        guint                   limit,
                        GError                **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) px_article_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  if (!px_article_filter_check (filter, error))
    return NULL;
  /* Newest first, in the order of the articles_by_date index. */
  stmt = _px_store_prepare (self,
                            filter != NULL && filter_field_set (filter->outlet) ? LIST_SQL (OUTLET_SQL FILTER_SQL)
                                                                                : LIST_SQL (FILTER_SQL),
                            error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_summary (stmt));
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error), NULL;
  return g_steal_pointer (&rows);
}

GStrv
px_store_list_outlets (PxStore  *self,
                       GError  **error)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self,
                            "SELECT name FROM outlets o "
                            "WHERE EXISTS (SELECT 1 FROM articles a WHERE a.outlet_id = o.id) "
                            "ORDER BY name COLLATE NOCASE, name",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error), NULL;
  return g_strv_builder_end (names);
}

gboolean
px_store_delete_articles (PxStore       *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  if (!px_store_begin (self, error))
    return FALSE;
  /* All of them or none. */
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      stmt = _px_store_prepare (self, "SELECT 1 FROM articles WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _px_store_fail (self, error);
          goto fail;
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                       "No article with id %" G_GINT64_FORMAT " in %s", ids[i], self->path);
          goto fail;
        }
    }
  /* One statement: a statement for each article wrote a segment of the
   * search index and one of the events' index for each (undoing a large
   * import left thousands). */
  stmt = _px_store_prepare (self, "DELETE FROM articles WHERE id IN (SELECT value FROM json_each (?))", error);
  if (stmt == NULL)
    goto fail;
  json = _px_store_ids_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  if (!_px_store_run (self, stmt, error))
    goto fail;
  /* Events left without articles go with them. */
  if (!_px_store_exec (self,
                       "DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_articles)",
                       error))
    goto fail;
  return px_store_commit (self, error);

fail:
  px_store_rollback (self);
  return FALSE;
}

gboolean
px_store_update_cleaning (PxStore       *self,
                          gint64         id,
                          const char    *clean_text,
                          const GArray  *removed,
                          int            cleaner_version,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean own_transaction;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  own_transaction = sqlite3_get_autocommit (self->db);
  if (own_transaction && !px_store_begin (self, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "UPDATE articles SET clean_text = ?, cleaner_version = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, clean_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, cleaner_version);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!_px_store_run (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                   "No article with id %" G_GINT64_FORMAT " in %s", id, self->path);
      goto fail;
    }
  if (!insert_spans (self, id, removed, error))
    goto fail;
  if (own_transaction && !px_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  if (own_transaction)
    px_store_rollback (self);
  return FALSE;
}

GArray *
px_store_list_outdated_cleaning (PxStore  *self,
                                 int       version,
                                 GError  **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self, "SELECT id FROM articles WHERE cleaner_version < ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, version);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, error), NULL;
  return g_steal_pointer (&ids);
}

/* How many matches of a query are ranked at most. bm25 () is computed for
 * every row it is asked to order, so a word found in most of a library of
 * 100,000 articles cost 100 ms; ranking only the newest matches (by id,
 * i.e. import order) bounds that, and a query with fewer matches is
 * ranked exactly as before. */
#define SEARCH_RANKED_MATCHES 2000

/* Sets @error for a search that SQLite refused with @rc. */
static void
search_fail (PxStore     *self,
             const char  *query,
             int          rc,
             GError     **error)
{
  /* FTS5 reports a malformed query as a plain SQLITE_ERROR. */
  g_set_error (error, PX_STORE_ERROR,
               (rc & 0xff) == SQLITE_ERROR ? PX_STORE_ERROR_QUERY : store_error_code (rc),
               "Cannot search for “%s”: %s", query, sqlite3_errmsg (self->db));
}

/* The lowest article id whose match is ranked: 0 when @query has at most
 * SEARCH_RANKED_MATCHES matches that @filter keeps. FTS5 yields matches in
 * rowid order without ranking them, so this is cheap. -1 on error. */
static gint64
search_rank_floor (PxStore                *self,
                   const char             *query,
                   const char             *shown_query,
                   const PxArticleFilter  *filter,
                   GError                **error)
{
  sqlite3_stmt *stmt;
  gint64 floor = 0;
  int rc;

  if (px_article_filter_is_empty (filter))
    stmt = _px_store_prepare (self,
                              "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :query "
                              "ORDER BY rowid DESC LIMIT 1 OFFSET :offset",
                              error);
  else
    stmt = _px_store_prepare (self,
                              "SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                              "LEFT JOIN outlets o ON o.id = a.outlet_id "
                              "WHERE articles_fts MATCH :query AND " FILTER_SQL " "
                              "ORDER BY f.rowid DESC LIMIT 1 OFFSET :offset",
                              error);
  if (stmt == NULL)
    return -1;
  bind_filter (stmt, filter);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":query"), query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), SEARCH_RANKED_MATCHES - 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    floor = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      search_fail (self, shown_query, rc, error);
      floor = -1;
    }
  sqlite3_reset (stmt);
  return floor;
}

GPtrArray *
px_store_search (PxStore     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  return px_store_search_filtered (self, query, NULL, limit, error);
}

GPtrArray *
px_store_search_filtered (PxStore                *self,
                          const char             *query,
                          const PxArticleFilter  *filter,
                          guint                   limit,
                          GError                **error)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) px_search_hit_free);
  g_autofree char *visible_query = NULL;
  sqlite3_stmt *stmt;
  gint64 floor;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!px_article_filter_check (filter, error))
    return NULL;
  visible_query = px_encoding_drop_invisible (query);
  floor = search_rank_floor (self, visible_query, query, filter, error);
  if (floor < 0)
    return NULL;
  stmt = _px_store_prepare (self,
                            "SELECT a.id, o.name, a.title, "
                            "snippet (articles_fts, 1, char(2), char(3), '…', 12) "
                            "FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                            "LEFT JOIN outlets o ON o.id = a.outlet_id "
                            "WHERE articles_fts MATCH :query AND f.rowid >= :floor AND " FILTER_SQL " "
                            "ORDER BY f.rank LIMIT :limit",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":query"), visible_query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":floor"), floor);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxSearchHit *hit = g_new0 (PxSearchHit, 1);

      hit->id = sqlite3_column_int64 (stmt, 0);
      hit->outlet = _px_store_column_dup (stmt, 1);
      hit->title = _px_store_column_dup (stmt, 2);
      hit->snippet = _px_store_column_dup (stmt, 3);
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      search_fail (self, query, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
