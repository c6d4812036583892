/* px-text-map.h: byte offsets between an article's raw and clean texts
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "px-article.h"

G_BEGIN_DECLS

/* The clean text is the raw text's kept bytes, in order, with white space
 * trimmed, collapsed or inserted between pieces (px-cleaner.h): every byte
 * that is not white space appears once in each text. A PxTextMap pairs the
 * two, so a range of one text can be shown or stored in the other. */
typedef struct _PxTextMap PxTextMap;

#define PX_TYPE_TEXT_MAP (px_text_map_get_type ())
GType       px_text_map_get_type         (void) G_GNUC_CONST;

/* @removed: PxSpan array (restored spans are kept text), may be NULL;
 * @clean: px_cleaner_apply (@raw, @removed) or the article's stored clean
 * text. The texts are copied. */
PxTextMap  *px_text_map_new              (const char   *raw,
                                          const GArray *removed,
                                          const char   *clean);
PxTextMap  *px_text_map_new_for_article  (PxArticle    *article);
PxTextMap  *px_text_map_ref              (PxTextMap    *self);
void        px_text_map_unref            (PxTextMap    *self);

const char *px_text_map_get_raw          (PxTextMap    *self);
const char *px_text_map_get_clean        (PxTextMap    *self);

/* The clean range showing what is kept of the raw range [@raw_start,
 * @raw_end); FALSE (and an empty range where it would be) when none of
 * it is kept. */
gboolean    px_text_map_raw_to_clean     (PxTextMap    *self,
                                          guint         raw_start,
                                          guint         raw_end,
                                          guint        *clean_start,
                                          guint        *clean_end);
/* The raw range a clean range [@clean_start, @clean_end) was made from,
 * from its first to its last byte. */
void        px_text_map_clean_to_raw     (PxTextMap    *self,
                                          guint         clean_start,
                                          guint         clean_end,
                                          guint        *raw_start,
                                          guint        *raw_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxTextMap, px_text_map_unref)

G_END_DECLS
