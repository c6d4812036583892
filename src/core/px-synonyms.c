/* px-synonyms.c: groups of related words of a language, by word stem
 *
 * Each line of data/wordnet/synonyms-LANG.txt (a group of related words)
 * and of irregular-LANG.txt (an irregular form and its base form) is one
 * group. Irregular forms are groups rather than rewrites to the base form
 * because many are words of their own too ("left", "found", "saw").
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-synonyms.h"

#include "px-data.h"
#include "px-language.h"
#include "px-tokenizer.h"

struct _PxSynonyms
{
  GHashTable *groups;  /* stem → GArray of guint group ids, ascending */
  guint n_groups;
};

static void
add_groups (PxSynonyms  *self,
            PxTokenizer *tokenizer,
            const char  *relative)
{
  g_auto (GStrv) lines = px_data_read_lines (relative);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) words = g_strsplit (lines[i], " ", -1);
      guint group = self->n_groups++;

      for (guint j = 0; words[j] != NULL; j++)
        {
          /* The lists are lower case: only the odd non-ASCII word needs
           * folding as the tokenizer folds, which costs more than stemming. */
          g_autofree char *norm = g_str_is_ascii (words[j]) ? g_strdup (words[j])
                                                            : px_tokenizer_fold (words[j], -1);
          g_autofree char *stem = px_tokenizer_stem (tokenizer, norm);
          GArray *groups = g_hash_table_lookup (self->groups, stem);

          if (groups == NULL)
            {
              groups = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (self->groups, g_steal_pointer (&stem), groups);
            }
          /* Two words of a group may share a stem; groups come in order. */
          if (groups->len == 0 || g_array_index (groups, guint, groups->len - 1) != group)
            g_array_append_val (groups, group);
        }
    }
}

static PxSynonyms *
load (const char *code)
{
  g_autofree char *synonyms = g_strdup_printf ("wordnet/synonyms-%s.txt", code);
  g_autofree char *irregular = g_strdup_printf ("wordnet/irregular-%s.txt", code);
  g_autofree char *path = px_data_find (synonyms);
  g_autoptr (PxTokenizer) tokenizer = NULL;
  PxSynonyms *self;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  tokenizer = px_tokenizer_new (code);
  self = g_new0 (PxSynonyms, 1);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  add_groups (self, tokenizer, synonyms);
  add_groups (self, tokenizer, irregular);
  return self;
}

PxSynonyms *
px_synonyms_get_shared (const char *language)
{
  static GMutex lock;
  static GHashTable *shared;  /* code → PxSynonyms, or the code itself when none */
  const char *code = px_language_canonical (language);
  gpointer found;

  if (code == NULL)
    return NULL;
  g_mutex_lock (&lock);
  if (shared == NULL)
    shared = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (shared, code, NULL, &found))
    {
      found = load (code);
      g_hash_table_insert (shared, (gpointer) code, found);
    }
  g_mutex_unlock (&lock);
  return found;
}

const GArray *
px_synonyms_get_groups (const PxSynonyms *self,
                        const char       *stem)
{
  g_return_val_if_fail (self != NULL && stem != NULL, NULL);

  return g_hash_table_lookup (self->groups, stem);
}

gboolean
px_synonyms_share_group (const GArray *a,
                         const GArray *b)
{
  guint i = 0, j = 0;

  if (a == NULL || b == NULL)
    return FALSE;
  while (i < a->len && j < b->len)
    {
      guint x = g_array_index (a, guint, i), y = g_array_index (b, guint, j);

      if (x == y)
        return TRUE;
      if (x < y)
        i++;
      else
        j++;
    }
  return FALSE;
}
