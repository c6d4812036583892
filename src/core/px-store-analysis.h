/* px-store-analysis.h: derived analysis kept in the library
 *
 * Term profiles of articles, for grouping them into events and weighting
 * words by how rare they are in the library, and compared sets of
 * articles. Everything here can be recomputed; each row carries the
 * version of the analysis that made it.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-store.h"

G_BEGIN_DECLS

/* Replaces the profile of @article_id: @terms maps a term (char *) to its
 * count in the article (GUINT_TO_POINTER); @index_terms, the strongest of
 * them, go into the inverted index. Document frequencies follow. */
gboolean    px_store_set_profile            (PxStore            *self,
                                             gint64              article_id,
                                             int                 version,
                                             GHashTable         *terms,
                                             const char * const *index_terms,
                                             GError            **error);
/* px_store_set_profile () for @n_profiles articles at once: the document
 * frequencies are updated once per distinct term. @index_terms may be
 * NULL, or hold NULL for an article without index terms. */
gboolean    px_store_set_profiles           (PxStore             *self,
                                             int                  version,
                                             guint                n_profiles,
                                             const gint64        *article_ids,
                                             GHashTable         **terms,
                                             const char * const **index_terms,
                                             GError             **error);
/* The profile as a new term → count table, or NULL (no error) when the
 * article has none of @version. */
GHashTable *px_store_get_profile            (PxStore            *self,
                                             gint64              article_id,
                                             int                 version,
                                             GError            **error);
typedef void (*PxProfileTermFunc) (const char *term,
                                   guint       count,
                                   gpointer    user_data);
/* Calls @func for each term of the profile of @article_id of @version,
 * without building a table; @found is FALSE (no error) when it has none. */
gboolean    px_store_foreach_profile_term   (PxStore            *self,
                                             gint64              article_id,
                                             int                 version,
                                             PxProfileTermFunc   func,
                                             gpointer            user_data,
                                             gboolean           *found,
                                             GError            **error);
/* The version of the profile of @article_id, 0 when it has none; -1 on
 * error. */
int         px_store_get_profile_version    (PxStore            *self,
                                             gint64              article_id,
                                             GError            **error);
/* How many articles of one index term are read, newest first. A term
 * among the strongest of hundreds of articles tells little, and reading
 * all of them made each import batch slower as the library grew (30 % of
 * importing at 35,000 articles with 1,000 of them). */
#define PX_STORE_MAX_POSTINGS 200

/* The articles (gint64, newest first) with @term among their index
 * terms. Of a term held by more than PX_STORE_MAX_POSTINGS articles, the
 * newest PX_STORE_MAX_POSTINGS. */
GArray     *px_store_get_index_postings     (PxStore            *self,
                                             const char         *term,
                                             GError            **error);
/* In how many profiled articles @term occurs; -1 on error. */
gint64      px_store_get_document_frequency (PxStore            *self,
                                             const char         *term,
                                             GError            **error);
/* The same for @n_terms terms at once, into @frequencies. */
gboolean    px_store_get_document_frequencies (PxStore          *self,
                                             const char * const *terms,
                                             guint               n_terms,
                                             gint64             *frequencies,
                                             GError            **error);
/* How many articles have a profile; -1 on error. */
gint64      px_store_count_profiles         (PxStore            *self,
                                             GError            **error);

/* A cached comparison (its JSON), or NULL (no error) when none is stored
 * under @key by @version. */
char       *px_store_get_comparison         (PxStore            *self,
                                             const char         *key,
                                             int                 version,
                                             GError            **error);
/* The comparisons the cache keeps at most: the most recently stored. About
 * 50 kB each for five articles. */
#define PX_STORE_MAX_COMPARISONS 256

/* Stores @result under @key, dropping what older versions cached and all
 * but the PX_STORE_MAX_COMPARISONS most recently stored. */
gboolean    px_store_set_comparison         (PxStore            *self,
                                             const char         *key,
                                             int                 version,
                                             const char         *result,
                                             GError            **error);

G_END_DECLS
