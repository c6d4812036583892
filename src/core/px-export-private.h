/* px-export-private.h: what the export writers share
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-comparison.h"
#include "px-exporter.h"
#include "px-note.h"
#include "px-text-map.h"

G_BEGIN_DECLS

#define PX_EXPORT_NO_ARTICLE G_MAXUINT

/* One note as the writers show it. */
typedef struct
{
  PxNote *note;
  guint number;       /* 1, 2, … in the order of the document */
  guint article;      /* index into the document's articles, or PX_EXPORT_NO_ARTICLE */
  gboolean placed;    /* in its article's clean text at [clean_start, clean_end) */
  guint clean_start;
  guint clean_end;
  int claim;          /* index of its claim in the comparison, or -1 */
} PxExportNote;

/* What is exported, gathered once for every format. Articles are in id
 * order, as the comparison has them, so their indexes agree. */
typedef struct
{
  char *title;             /* the event's label, or "N articles" */
  gint64 event_id;         /* 0 for a set of articles */
  char *exported;          /* UTC, ISO 8601 */
  GPtrArray *articles;     /* PxArticle */
  GPtrArray *maps;         /* PxTextMap, one per article */
  PxComparison *comparison;/* NULL when claims are not exported */
  GArray *notes;           /* PxExportNote, by article and position */
  PxPaper paper;
} PxExportDoc;

/* "Outlet" or "article ID". */
char       *_px_export_article_name  (const PxExportDoc  *doc,
                                      guint               article);
/* The distinct conflict kinds of a claim, comma-separated ("" when none). */
char       *_px_export_conflict_kinds (const PxExportDoc *doc,
                                       int                claim);
/* A URL worth printing as a link: http or https only. */
gboolean    _px_export_is_web_url    (const char         *url);
/* The sentence text of a claim member. */
char       *_px_export_member_text   (const PxExportDoc  *doc,
                                      const PxClaimMember *member);

char       *_px_export_markdown      (const PxExportDoc  *doc);
char       *_px_export_html          (const PxExportDoc  *doc);
char       *_px_export_json          (const PxExportDoc  *doc);
char       *_px_export_csv           (const PxExportDoc  *doc);
GBytes     *_px_export_pdf           (const PxExportDoc  *doc,
                                      GError            **error);

G_END_DECLS
