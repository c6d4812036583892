/* px-people.h: people with their roles and titles, and name spelling variants
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-tokenizer.h"

G_BEGIN_DECLS

typedef struct
{
  guint  start;          /* byte span of the whole mention (role and name) */
  guint  end;
  guint  name_start;     /* byte span of the name */
  guint  name_end;
  char  *name;           /* as written: "Maria Lopez" */
  char  *name_key;       /* folded, accents removed, titles dropped: "maria lopez" */
  char  *role;           /* normalised through data/lexicon/roles-LANG.txt:
                          * "chief operating officer" (for COO), or NULL */
  guint  role_start;     /* byte span of the role as written (0, 0 when none) */
  guint  role_end;
  char  *organisation;   /* "the utility", "Acme" as written, or NULL */
} PxPersonMention;

/* Appends to @out (see px_person_array_new ()) the people named among
 * @tokens (PxToken) of @text with a role or title beside them ("X, chief
 * operating officer of Y", "Y's COO X", "chief executive Maria Lopez",
 * "Dr. X") or as the speaker of a reporting verb ("X said"), in @language. */
void       px_people_extract            (const char   *language,
                                         const char   *text,
                                         GArray       *tokens,
                                         GArray       *out);

/* The normalised form of a role as written ("COO" → "chief operating
 * officer", "Chief Executive Officer" → "chief executive"), or a folded
 * copy when the lexicon does not know it. */
char      *px_people_normalise_role     (const char   *language,
                                         const char   *role);

GArray    *px_person_array_new          (void);
void       px_person_mention_clear      (PxPersonMention *mention);

/* The comparison key of a name: folded, accents removed, honorifics
 * ("Mr", "Dr") dropped, single spaces. */
char      *px_people_name_key           (const char   *name);

/* Whether two names are spelling variants of one person's name: the same
 * first name (or one of them gives only the surname) and surnames at edit
 * distance 1 or 2 ("Maria Lopez" / "Maria Lopes"). FALSE for equal keys. */
gboolean   px_people_is_spelling_variant (const char  *name_a,
                                          const char  *name_b);

/* Whether two names may refer to one person: equal keys, one is the
 * surname of the other ("Lopez" / "Maria Lopez"), or spelling variants. */
gboolean   px_people_same_person        (const char   *name_a,
                                         const char   *name_b);

/* Levenshtein distance between two UTF-8 strings (in characters). */
guint      px_people_edit_distance      (const char   *a,
                                         const char   *b);

G_END_DECLS
