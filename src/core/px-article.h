/* px-article.h: one article of the library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PX_TYPE_ARTICLE (px_article_get_type ())
G_DECLARE_FINAL_TYPE (PxArticle, px_article, PX, ARTICLE, GObject)

/* The text fields an importer fills; each is a property of the same name
 * ("outlet", "title", "url", "published" as YYYY-MM-DD, "language" as an
 * ISO 639-1 code, "format", "source-file", "content-hash", "raw-text",
 * "clean-text"). */
PxArticle    *px_article_new              (void);

gint64        px_article_get_id           (PxArticle  *self);
void          px_article_set_id           (PxArticle  *self,
                                           gint64      id);
const char   *px_article_get_outlet       (PxArticle  *self);
void          px_article_set_outlet       (PxArticle  *self,
                                           const char *outlet);
const char   *px_article_get_title        (PxArticle  *self);
void          px_article_set_title        (PxArticle  *self,
                                           const char *title);
const char   *px_article_get_url          (PxArticle  *self);
void          px_article_set_url          (PxArticle  *self,
                                           const char *url);
const char   *px_article_get_published    (PxArticle  *self);
void          px_article_set_published    (PxArticle  *self,
                                           const char *published);
const char   *px_article_get_language     (PxArticle  *self);
void          px_article_set_language     (PxArticle  *self,
                                           const char *language);
const char   *px_article_get_format       (PxArticle  *self);
void          px_article_set_format       (PxArticle  *self,
                                           const char *format);
const char   *px_article_get_source_file  (PxArticle  *self);
void          px_article_set_source_file  (PxArticle  *self,
                                           const char *source_file);
const char   *px_article_get_content_hash (PxArticle  *self);
void          px_article_set_content_hash (PxArticle  *self,
                                           const char *content_hash);
const char   *px_article_get_raw_text     (PxArticle  *self);
void          px_article_set_raw_text     (PxArticle  *self,
                                           const char *raw_text);
const char   *px_article_get_clean_text   (PxArticle  *self);
void          px_article_set_clean_text   (PxArticle  *self,
                                           const char *clean_text);
/* PxSpan array of removed byte ranges of the raw text, sorted; never NULL. */
GArray       *px_article_get_removed      (PxArticle  *self);
void          px_article_set_removed      (PxArticle  *self,
                                           GArray     *removed);

/* The version of the cleaner that made clean-text and removed. */
int           px_article_get_cleaner_version (PxArticle *self);
void          px_article_set_cleaner_version (PxArticle *self,
                                              int        version);

G_END_DECLS
