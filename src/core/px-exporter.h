/* px-exporter.h: an event or a set of articles, with their notes, as a file
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
  PX_EXPORT_MARKDOWN,  /* CommonMark: articles, notes, claims */
  PX_EXPORT_HTML,      /* one standalone page, no scripts, nothing remote */
  PX_EXPORT_PDF,       /* cairo and Pango, selectable text */
  PX_EXPORT_JSON,      /* everything parallax-cli import-notes needs */
  PX_EXPORT_CSV,       /* one row per note, RFC 4180, UTF-8 */
} PxExportFormat;

typedef enum
{
  PX_PAPER_A4,
  PX_PAPER_LETTER,
} PxPaper;

/* "markdown" (or "md"), "html", "pdf", "json", "csv". */
gboolean        px_export_format_from_string (const char           *name,
                                              PxExportFormat       *format);
/* The file name extension without the dot: "md", "html", … */
const char     *px_export_format_extension   (PxExportFormat        format);
/* The media type: "text/markdown", "text/html", … (for a file chooser). */
const char     *px_export_format_mime_type   (PxExportFormat        format);
/* "a4", "letter". */
gboolean        px_paper_from_string         (const char           *name,
                                              PxPaper              *paper);

#define PX_TYPE_EXPORTER (px_exporter_get_type ())
G_DECLARE_FINAL_TYPE (PxExporter, px_exporter, PX, EXPORTER, GObject)

/* Properties: "format" (PxExportFormat), "paper" (PxPaper, PDF only),
 * "include-claims" (default TRUE; FALSE exports the notes alone). */
PxExporter     *px_exporter_new              (PxExportFormat        format);
PxExportFormat  px_exporter_get_format       (PxExporter           *self);
void            px_exporter_set_paper        (PxExporter           *self,
                                              PxPaper               paper);
PxPaper         px_exporter_get_paper        (PxExporter           *self);
void            px_exporter_set_include_claims (PxExporter         *self,
                                                gboolean            include_claims);
gboolean        px_exporter_get_include_claims (PxExporter         *self);

/* The articles of @event_id (when > 0; the event's label is the title)
 * or @article_ids, their claims and their notes (orphans included), as
 * the bytes of a file of the exporter's format. NOT_FOUND errors when an
 * event or article is missing. */
GBytes         *px_exporter_export           (PxExporter           *self,
                                              PxStore              *store,
                                              gint64                event_id,
                                              const gint64         *article_ids,
                                              guint                 n_ids,
                                              GCancellable         *cancellable,
                                              GError              **error);
gboolean        px_exporter_export_to_file   (PxExporter           *self,
                                              PxStore              *store,
                                              gint64                event_id,
                                              const gint64         *article_ids,
                                              guint                 n_ids,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GError              **error);
/* The same in a worker thread, on its own connection to the library at
 * @db_path (px_store_get_path ()); the file is replaced atomically. */
void            px_exporter_export_async     (PxExporter           *self,
                                              const char           *db_path,
                                              gint64                event_id,
                                              const gint64         *article_ids,
                                              guint                 n_ids,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean        px_exporter_export_finish    (PxExporter           *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Puts the notes of a JSON export into @store: each onto the library's
 * article with the exported article's content hash, else its URL, else
 * its title and outlet, placed in that article's clean text (px-anchor.h;
 * a note that cannot be placed is kept as an orphan). Notes already there
 * (same article, quote and body) are skipped. @n_imported (may be NULL)
 * receives how many were added; @missing (may be NULL) a description of
 * each note whose article is not in the library. FALSE with @error only
 * when the file is not an export or the library fails. */
gboolean        px_exporter_import_notes     (PxStore              *store,
                                              const char           *json,
                                              gssize                length,
                                              guint                *n_imported,
                                              GPtrArray           **missing,
                                              GError              **error);

G_END_DECLS
