/* px-synonyms.c: groups of related words of a language, by word stem
 *
 * Each line of data/wordnet/synonyms-LANG.txt (a group of related words)
 * and of irregular-LANG.txt (an irregular form and its base form) is one
 * group. Irregular forms are groups rather than rewrites to the base form
 * because many are words of their own too ("left", "found", "saw").
 *
 * The words are stemmed once, ahead of time, into stems-LANG.txt
 * (build-aux/stem-synonyms.c; a test checks it matches the word lists):
 * stemming 28,000 words made the first comparison of every process
 * wait about 30 ms.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-synonyms.h"

#include "px-data.h"
#include "px-language.h"
#include "px-tokenizer.h"

struct _PxSynonyms
{
  char *stems;         /* the stems file, its separators made NULs: the keys */
  GHashTable *groups;  /* stem → GArray of guint group ids, ascending */
};

/* One line of stems a group, words folded as the tokenizer folds them and
 * stemmed, each stem once, in the order of the word lists. */
static void
stem_list (GStrvBuilder *lines,
           PxTokenizer  *tokenizer,
           const char   *relative)
{
  g_auto (GStrv) groups = px_data_read_lines (relative);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto (GStrv) words = g_strsplit (groups[i], " ", -1);
      g_autoptr (GString) line = g_string_new (NULL);
      g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint j = 0; words[j] != NULL; j++)
        {
          g_autofree char *norm = g_str_is_ascii (words[j]) ? g_strdup (words[j])
                                                            : px_tokenizer_fold (words[j], -1);
          char *stem = px_tokenizer_stem (tokenizer, norm);

          if (!g_hash_table_add (seen, stem))
            continue;
          g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", stem);
        }
      g_strv_builder_add (lines, line->str);
    }
}

GStrv
px_synonyms_stem_lists (const char *language)
{
  const char *code = px_language_canonical (language);
  g_autofree char *synonyms = NULL;
  g_autofree char *irregular = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PxTokenizer) tokenizer = NULL;
  g_autoptr (GStrvBuilder) lines = g_strv_builder_new ();

  if (code == NULL)
    return NULL;
  synonyms = g_strdup_printf ("wordnet/synonyms-%s.txt", code);
  irregular = g_strdup_printf ("wordnet/irregular-%s.txt", code);
  path = px_data_find (synonyms);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  tokenizer = px_tokenizer_new (code);
  stem_list (lines, tokenizer, synonyms);
  stem_list (lines, tokenizer, irregular);
  return g_strv_builder_end (lines);
}

/* Reads stems-CODE.txt in place: the file's text is kept and its stems
 * are the table's keys, so loading allocates little and stems nothing. */
static PxSynonyms *
load (const char *code)
{
  g_autofree char *relative = g_strdup_printf ("wordnet/stems-%s.txt", code);
  g_autofree char *path = px_data_find (relative);
  PxSynonyms *self;
  guint n_groups = 0;
  char *line, *next;

  self = g_new0 (PxSynonyms, 1);
  if (!g_file_get_contents (path, &self->stems, NULL, NULL))
    {
      g_free (self);
      return NULL;
    }
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (line = self->stems; *line != '\0'; line = next)
    {
      char *end = strchr (line, '\n');
      guint group = n_groups;

      next = end != NULL ? end + 1 : line + strlen (line);
      if (end != NULL)
        *end = '\0';
      if (*line == '#' || *line == '\0')
        continue;
      n_groups++;
      for (char *stem = line, *space; stem != NULL; stem = space != NULL ? space + 1 : NULL)
        {
          GArray *groups;

          space = strchr (stem, ' ');
          if (space != NULL)
            *space = '\0';
          groups = g_hash_table_lookup (self->groups, stem);
          if (groups == NULL)
            {
              groups = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (self->groups, stem, groups);
            }
          /* Groups come in order: at most once each. */
          if (groups->len == 0 || g_array_index (groups, guint, groups->len - 1) != group)
            g_array_append_val (groups, group);
        }
    }
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
