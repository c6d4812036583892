/* px-conflicts.h: what the members of one claim disagree on
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "px-extractor.h"

G_BEGIN_DECLS

/* The string forms (px_conflict_kind_to_string) are part of parallax-cli's
 * JSON: never rename them. */
typedef enum
{
  PX_CONFLICT_NUMBER,     /* different values of the same quantity */
  PX_CONFLICT_DATE,       /* different days, months or years for one happening */
  PX_CONFLICT_ROLE,       /* one person, different titles */
  PX_CONFLICT_NAME,       /* one person, names spelt differently */
  PX_CONFLICT_QUOTE,      /* one quotation, different words inside it */
  PX_CONFLICT_CERTAINTY,  /* "is certain" against "believes", "reportedly" */
} PxConflictKind;

typedef struct
{
  guint article;  /* index of the article in the comparison */
  char *text;     /* the value as that article gives it */
} PxConflictValue;

typedef struct
{
  PxConflictKind kind;
  GArray *values;  /* PxConflictValue, by article */
} PxConflict;

/* One member of a claim, as the conflict finder reads it. */
typedef struct
{
  guint article;                 /* index of its article */
  const char *text;              /* the article's text, which the facts point into */
  const PxSentenceFacts *facts;  /* of the member's sentence */
} PxConflictInput;

const char *px_conflict_kind_to_string (PxConflictKind          kind);
void        px_conflict_free           (PxConflict             *conflict);

/* The conflicts between the members of one claim (PxConflict), each with
 * one value per article that takes part in it. */
GPtrArray  *px_conflicts_find          (const PxConflictInput  *members,
                                        guint                   n_members);

G_END_DECLS
