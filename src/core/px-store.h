/* px-store.h: the SQLite library of articles
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "px-article.h"

G_BEGIN_DECLS

#define PX_TYPE_STORE (px_store_get_type ())
G_DECLARE_FINAL_TYPE (PxStore, px_store, PX, STORE, GObject)

/* The newest schema this build knows; a library with a higher
 * user_version is refused with PX_STORE_ERROR_NEWER_SCHEMA. */
#define PX_STORE_SCHEMA_VERSION 12

/* One row of the library list: no texts, so a page of them is cheap. */
typedef struct
{
  gint64 id;
  char *outlet;
  char *published;
  char *title;
} PxArticleSummary;

typedef struct
{
  gint64 id;
  char *outlet;
  char *title;
  char *snippet;  /* the hit in context; matches between \x02 and \x03 */
} PxSearchHit;

/* Which articles a list or a search shows. A field that is NULL or empty
 * does not filter, nor does a NULL filter. Days are "YYYY-MM-DD", both
 * included; once a day is given, articles without a date are left out. */
typedef struct
{
  const char *outlet;  /* an outlet's name, as px_store_list_outlets () gives it */
  const char *since;   /* the first day */
  const char *until;   /* the last day */
} PxArticleFilter;

gboolean    px_article_filter_check     (const PxArticleFilter *filter,
                                         GError               **error);
gboolean    px_article_filter_is_empty  (const PxArticleFilter *filter);

void        px_article_summary_free     (PxArticleSummary *summary);
void        px_search_hit_free          (PxSearchHit      *hit);

char       *px_store_default_path       (void);
PxStore    *px_store_open               (const char       *path,
                                         GError          **error);
const char *px_store_get_path           (PxStore          *self);
/* Changes whenever another connection (parallax-cli, an import thread)
 * commits to the library; -1 on error. */
gint64      px_store_get_data_version   (PxStore          *self,
                                         GError          **error);

gboolean    px_store_begin              (PxStore          *self,
                                         GError          **error);
gboolean    px_store_begin_import       (PxStore          *self,
                                         GError          **error);
gboolean    px_store_commit             (PxStore          *self,
                                         GError          **error);
void        px_store_rollback           (PxStore          *self);

gint64      px_store_find_by_hash       (PxStore          *self,
                                         const char       *content_hash,
                                         GError          **error);
gboolean    px_store_insert_article     (PxStore          *self,
                                         PxArticle        *article,
                                         GError          **error);
PxArticle  *px_store_get_article        (PxStore          *self,
                                         gint64            id,
                                         GError          **error);
/* The summaries (no texts) of the articles @ids, in that order; ids not
 * in the library are left out. */
GPtrArray  *px_store_get_summaries      (PxStore          *self,
                                         const gint64     *ids,
                                         guint             n_ids,
                                         GError          **error);
gint64      px_store_count_articles     (PxStore          *self,
                                         GError          **error);
GPtrArray  *px_store_list_articles      (PxStore          *self,
                                         guint             offset,
                                         guint             limit,
                                         GError          **error);
/* The same through @filter (checked: a malformed day is an error). */
gint64      px_store_count_filtered     (PxStore          *self,
                                         const PxArticleFilter *filter,
                                         GError          **error);
GPtrArray  *px_store_list_filtered      (PxStore          *self,
                                         const PxArticleFilter *filter,
                                         guint             offset,
                                         guint             limit,
                                         GError          **error);
/* The names of the outlets that have articles, alphabetical. */
GStrv       px_store_list_outlets       (PxStore          *self,
                                         GError          **error);
gboolean    px_store_delete_articles    (PxStore          *self,
                                         const gint64     *ids,
                                         guint             n_ids,
                                         GError          **error);
gboolean    px_store_update_cleaning    (PxStore          *self,
                                         gint64            id,
                                         const char       *clean_text,
                                         const GArray     *removed,
                                         int               cleaner_version,
                                         GError          **error);
/* Ids (gint64) of the articles cleaned by a cleaner older than @version. */
GArray     *px_store_list_outdated_cleaning (PxStore      *self,
                                         int               version,
                                         GError          **error);
GPtrArray  *px_store_search             (PxStore          *self,
                                         const char       *query,
                                         guint             limit,
                                         GError          **error);
GPtrArray  *px_store_search_filtered    (PxStore          *self,
                                         const char       *query,
                                         const PxArticleFilter *filter,
                                         guint             limit,
                                         GError          **error);

G_END_DECLS
