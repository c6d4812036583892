/* px-synonyms.h: groups of related words of a language, by word stem
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words that can stand for one another ("buy", "purchase"; "injure",
 * "injury"; "bought", "buy"), from data/wordnet/ (WordNet 3.0, English
 * only), keyed by the Snowball stem the tokenizer gives them. Read-only
 * once loaded, so safe to share between threads. */
typedef struct _PxSynonyms PxSynonyms;

/* The related words of @language (canonical code), loaded once and kept
 * for the life of the process; NULL when there are none for it. */
PxSynonyms   *px_synonyms_get_shared  (const char       *language);

/* The groups of @language's word lists as lines of stems, in group order:
 * what data/wordnet/stems-LANG.txt holds. NULL when there are no lists. */
GStrv         px_synonyms_stem_lists  (const char       *language);

/* The hash the groups are found by (32-bit FNV-1a of the bytes of
 * @text): a caller that keeps it for its words (the aligner does) finds
 * their groups without hashing them again. */
static inline guint
px_synonyms_hash (const char *text)
{
  guint hash = 2166136261u;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;
  return hash;
}

/* The groups @stem belongs to: ascending group ids, NULL when none. */
const GArray *px_synonyms_get_groups  (const PxSynonyms *self,
                                       const char       *stem);
/* The same for a stem whose px_synonyms_hash () is @hash. */
const GArray *px_synonyms_get_groups_hashed (const PxSynonyms *self,
                                             const char       *stem,
                                             guint             hash);

/* Whether two group lists (from px_synonyms_get_groups ()) share a group. */
gboolean      px_synonyms_share_group (const GArray     *a,
                                       const GArray     *b);

G_END_DECLS
