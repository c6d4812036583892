/* px-store-private.h: for the store's own files (events, claims, notes)
 * and the importer
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "px-store.h"

G_BEGIN_DECLS

typedef struct
{
  int version;          /* the user_version after this step */
  const char *sql;      /* run in the step's transaction */
} PxMigration;

extern const PxMigration px_store_migrations[];
extern const guint px_store_n_migrations;

sqlite3      *_px_store_get_db     (PxStore      *self);
/* A cached statement, reset and with its bindings cleared; borrowed. */
sqlite3_stmt *_px_store_prepare    (PxStore      *self,
                                    const char   *sql,
                                    GError      **error);
/* Sets @error from the connection's last error; returns FALSE. */
gboolean      _px_store_fail       (PxStore      *self,
                                    GError      **error);
/* Steps @stmt once and resets it; for statements that return no rows. */
gboolean      _px_store_run        (PxStore      *self,
                                    sqlite3_stmt *stmt,
                                    GError      **error);
/* Runs @sql, whose one parameter is bound to @id ("DELETE … WHERE id = ?"). */
gboolean      _px_store_run_for_id (PxStore      *self,
                                    const char   *sql,
                                    gint64        id,
                                    GError      **error);
/* A named savepoint, so changes nest in a caller's transaction; release
 * with @ok FALSE rolls back to it. @name is an SQL identifier. */
gboolean      _px_store_savepoint  (PxStore      *self,
                                    const char   *name,
                                    GError      **error);
gboolean      _px_store_release    (PxStore      *self,
                                    const char   *name,
                                    gboolean      ok,
                                    GError      **error);
gboolean      _px_store_exec       (PxStore      *self,
                                    const char   *sql,
                                    GError      **error);
char         *_px_store_column_dup (sqlite3_stmt *stmt,
                                    int           column);
/* @ids as a JSON array, for one statement over all of them through
 * json_each (?): FTS5 writes a segment at the end of every statement. */
char         *_px_store_ids_json   (const gint64 *ids,
                                    guint         n_ids);
/* Ends what px_store_begin_import () set up for a run of import batches
 * (the import's page cache and checkpoints); the importer calls it once
 * its last batch is committed or rolled back. */
void          _px_store_end_import (PxStore      *self);

G_END_DECLS
