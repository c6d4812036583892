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

/* A stem and its groups, in PxSynonyms.stems */
typedef struct
{
  guint hash;        /* px_synonyms_hash () of stem */
  const char *stem;  /* in the file's text */
  GArray *groups;    /* guint group ids, ascending */
} Stem;

/* An open-addressed table of stems by px_synonyms_hash (), which the
 * aligner keeps for its terms: a term's groups are found without hashing
 * it again. */
struct _PxSynonyms
{
  char *text;      /* the stems file, its separators made NULs */
  Stem *stems;
  guint n_stems;
  guint *slots;    /* index + 1 into stems, 0 when free */
  guint n_slots;   /* a power of two, at least twice the words of the file */
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

/* The slot of @stem of @hash: its own, or the free one it would take. */
static guint
find_slot (const PxSynonyms *self,
           const char       *stem,
           guint             hash)
{
  guint mask = self->n_slots - 1, i;

  for (i = hash & mask; self->slots[i] != 0; i = (i + 1) & mask)
    {
      const Stem *other = &self->stems[self->slots[i] - 1];

      if (other->hash == hash && strcmp (other->stem, stem) == 0)
        break;
    }
  return i;
}

/* Reads stems-CODE.txt in place: the file's text is kept and its stems
 * are the table's keys, so loading allocates little and stems nothing. */
static PxSynonyms *
load (const char *code)
{
  g_autofree char *relative = g_strdup_printf ("wordnet/stems-%s.txt", code);
  g_autofree char *path = px_data_find (relative);
  PxSynonyms *self;
  guint n_groups = 0, n_words = 1;
  char *line, *next;

  self = g_new0 (PxSynonyms, 1);
  if (!g_file_get_contents (path, &self->text, NULL, NULL))
    {
      g_free (self);
      return NULL;
    }
  /* Words are separated by spaces and line ends: room for all. */
  for (const char *c = self->text; *c != '\0'; c++)
    n_words += *c == ' ' || *c == '\n';
  self->n_slots = 64;
  while (self->n_slots < 2 * n_words)
    self->n_slots *= 2;
  self->slots = g_new0 (guint, self->n_slots);
  self->stems = g_new (Stem, n_words);
  for (line = self->text; *line != '\0'; line = next)
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
          guint hash, slot;
          GArray *groups;

          space = strchr (stem, ' ');
          if (space != NULL)
            *space = '\0';
          hash = px_synonyms_hash (stem);
          slot = find_slot (self, stem, hash);
          if (self->slots[slot] == 0)
            {
              self->stems[self->n_stems++] = (Stem) { hash, stem, g_array_new (FALSE, FALSE, sizeof (guint)) };
              self->slots[slot] = self->n_stems;
            }
          groups = self->stems[self->slots[slot] - 1].groups;
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

  return px_synonyms_get_groups_hashed (self, stem, px_synonyms_hash (stem));
}

const GArray *
px_synonyms_get_groups_hashed (const PxSynonyms *self,
                               const char       *stem,
                               guint             hash)
{
  guint slot;

  g_return_val_if_fail (self != NULL && stem != NULL, NULL);

  slot = find_slot (self, stem, hash);
  return self->slots[slot] != 0 ? self->stems[self->slots[slot] - 1].groups : NULL;
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
