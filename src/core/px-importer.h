/* px-importer.h: files into the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "px-store.h"

G_BEGIN_DECLS

typedef enum
{
  PX_IMPORT_STORED,     /* a new article */
  PX_IMPORT_DUPLICATE,  /* its cleaned text was already in the library */
  PX_IMPORT_FAILED,
} PxImportStatus;

/* What happened to one article of one file. */
typedef struct
{
  char *file;            /* the path as given */
  guint line;            /* JSON Lines: the line; JSON array: the item (1-based); else 0 */
  PxImportStatus status;
  gint64 article_id;     /* the new or the existing article */
  char *outlet;
  char *title;
  GError *error;         /* why it failed */
  GPtrArray *warnings;   /* strings: what was read but not kept, and why; NULL when none */
} PxImportResult;

void px_import_result_free (PxImportResult *result);

/* Called for each result once it is final: a stored article after its
 * batch is committed, so a caller that prints it never names an article a
 * crash could still take back. */
typedef void (*PxImportResultFunc) (const PxImportResult *result,
                                    gpointer              user_data);

#define PX_TYPE_IMPORTER (px_importer_get_type ())
G_DECLARE_FINAL_TYPE (PxImporter, px_importer, PX, IMPORTER, GObject)

/* Files larger than this are refused (PX_ERROR_TOO_LARGE). */
#define PX_IMPORTER_DEFAULT_MAX_FILE_SIZE (64 * 1024 * 1024)

PxImporter *px_importer_new              (const char           *db_path);

/* Values that override what was detected; NULL leaves detection alone. */
void        px_importer_set_overrides    (PxImporter           *self,
                                          const char           *outlet,
                                          const char           *published,
                                          const char           *url,
                                          const char           *title);
void        px_importer_set_max_file_size (PxImporter          *self,
                                          goffset               max_bytes);
double      px_importer_get_fraction     (PxImporter           *self);
void        px_importer_set_result_func  (PxImporter           *self,
                                          PxImportResultFunc    func,
                                          gpointer              user_data);

/* Imports @files into @store (the importer's own db_path is ignored), one
 * transaction per batch. Returns PxImportResult, one per article tried and
 * per failed file; NULL with @error only when the library itself failed. */
GPtrArray  *px_importer_import           (PxImporter           *self,
                                          PxStore              *store,
                                          const char * const   *files,
                                          GCancellable         *cancellable,
                                          GError              **error);

/* The same in a thread, on its own connection to db_path; "fraction"
 * is notified on the calling thread's main context. */
void        px_importer_import_async     (PxImporter           *self,
                                          const char * const   *files,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray  *px_importer_import_finish    (PxImporter           *self,
                                          GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
