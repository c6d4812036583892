/* px-language.h: language detection and per-language word lists
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "en", "de", "fr" or "es" for @text (the first few KB are read), or NULL
 * when the text is too short or too mixed to say. @length may be -1. */
const char *px_language_detect          (const char  *text,
                                         gssize       length);

/* The supported code for @language ("en", "EN", "en_GB", "de-AT" → "en",
 * "de"), or NULL when @language is NULL or not supported. */
const char *px_language_canonical       (const char  *language);

/* The Snowball (libstemmer) algorithm name for @language: "english",
 * "german", …; "english" for NULL or unknown languages. */
const char *px_language_stemmer_name    (const char  *language);

/* The stop words of @language, case-folded (data/stopwords/<lang>.txt),
 * as a set (keys only); borrowed, loaded once, safe from any thread.
 * An empty set for unsupported languages. */
GHashTable *px_language_get_stop_words  (const char  *language);

/* Whether the case-folded @word is a stop word of @language. */
gboolean    px_language_is_stop_word    (const char  *language,
                                         const char  *word);

G_END_DECLS
