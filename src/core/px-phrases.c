/* px-phrases.c: multi-word lexicon entries matched against tokens
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-phrases.h"

#include <string.h>

#include "px-data.h"
#include "px-language.h"

typedef struct
{
  GStrv  words;  /* normalised token texts */
  guint  n_words;
  guint  order;  /* of addition: the first of equally long phrases wins */
  char  *value;
  char   kind[16]; /* value parsed as "KIND:A:B:C", for px_phrases_match_kind () */
  double args[3];
} Entry;

struct _PxPhrases
{
  PxTokenizer *tokenizer;  /* owned */
  GHashTable  *by_first;   /* first word → GPtrArray of Entry, longest first */
  guint        n_entries;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_strfreev (entry->words);
  g_free (entry->value);
  g_free (entry);
}

PxPhrases *
px_phrases_new (PxTokenizer *tokenizer)
{
  PxPhrases *self = g_new0 (PxPhrases, 1);

  g_return_val_if_fail (PX_IS_TOKENIZER (tokenizer), NULL);

  self->tokenizer = g_object_ref (tokenizer);
  self->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
px_phrases_free (PxPhrases *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->tokenizer);
  g_clear_pointer (&self->by_first, g_hash_table_unref);
  g_free (self);
}

static void
parse_kind (const char *value,
            char       *kind,
            gsize       kind_size,
            double     *args)
{
  const char *colon = strchr (value, ':');

  g_strlcpy (kind, value, MIN (kind_size, colon != NULL ? (gsize) (colon - value + 1) : kind_size));
  args[0] = args[1] = args[2] = 0;
  for (guint a = 0; colon != NULL && a < 3; a++)
    {
      args[a] = g_ascii_strtod (colon + 1, NULL);
      colon = strchr (colon + 1, ':');
    }
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  const Entry *x = *(Entry * const *) a, *y = *(Entry * const *) b;

  if (x->n_words != y->n_words)
    return (int) y->n_words - (int) x->n_words;
  return x->order < y->order ? -1 : x->order > y->order;
}

void
px_phrases_add (PxPhrases  *self,
                const char *phrase,
                const char *value)
{
  g_autoptr (GArray) tokens = NULL;
  GStrvBuilder *builder;
  GPtrArray *entries;
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (phrase != NULL && value != NULL);

  tokens = px_tokenizer_tokenize (self->tokenizer, phrase, 0, strlen (phrase));
  if (tokens->len == 0)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < tokens->len; i++)
    g_strv_builder_add (builder, g_array_index (tokens, PxToken, i).norm);
  entry = g_new0 (Entry, 1);
  entry->words = g_strv_builder_end (builder);
  entry->n_words = tokens->len;
  entry->order = self->n_entries++;
  entry->value = g_strdup (value);
  parse_kind (value, entry->kind, sizeof entry->kind, entry->args);
  g_strv_builder_unref (builder);

  entries = g_hash_table_lookup (self->by_first, entry->words[0]);
  if (entries == NULL)
    {
      entries = g_ptr_array_new_with_free_func (entry_free);
      g_hash_table_insert (self->by_first, g_strdup (entry->words[0]), entries);
    }
  g_ptr_array_add (entries, entry);
  g_ptr_array_sort (entries, longest_first);
}

void
px_phrases_load (PxPhrases  *self,
                 const char *relative)
{
  g_auto (GStrv) lines = NULL;

  g_return_if_fail (self != NULL);

  lines = px_data_read_lines (relative);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);

      if (g_strv_length (fields) == 2)
        px_phrases_add (self, g_strstrip (fields[1]), g_strstrip (fields[0]));
    }
}

static const Entry *
match_entry (PxPhrases *self,
             GArray    *tokens,
             guint      index)
{
  GPtrArray *entries;

  if (index >= tokens->len)
    return NULL;
  entries = g_hash_table_lookup (self->by_first, g_array_index (tokens, PxToken, index).norm);
  for (guint e = 0; entries != NULL && e < entries->len; e++)
    {
      Entry *entry = entries->pdata[e];
      guint k;

      if (index + entry->n_words > tokens->len)
        continue;
      for (k = 1; k < entry->n_words; k++)
        if (!g_str_equal (g_array_index (tokens, PxToken, index + k).norm, entry->words[k]))
          break;
      if (k == entry->n_words)
        return entry;
    }
  return NULL;
}

guint
px_phrases_match (PxPhrases   *self,
                  GArray      *tokens,
                  guint        index,
                  const char **value)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (tokens != NULL, 0);

  entry = match_entry (self, tokens, index);
  if (entry == NULL)
    return 0;
  if (value != NULL)
    *value = entry->value;
  return entry->n_words;
}

guint
px_phrases_match_kind (PxPhrases *self,
                       GArray    *tokens,
                       guint      index,
                       char      *kind,
                       gsize      kind_size,
                       double    *args)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL && tokens != NULL, 0);
  g_return_val_if_fail (kind != NULL && kind_size > 0 && args != NULL, 0);

  entry = match_entry (self, tokens, index);
  if (entry == NULL)
    return 0;
  g_strlcpy (kind, entry->kind, kind_size);
  memcpy (args, entry->args, sizeof entry->args);
  return entry->n_words;
}

PxPhrases *
px_phrases_get_shared (const char *format,
                       const char *language)
{
  static GMutex lock;
  static GHashTable *shared;
  const char *code = px_language_canonical (language);
  g_autofree char *relative = NULL;
  PxPhrases *phrases;

  g_return_val_if_fail (format != NULL, NULL);

  relative = g_strdup_printf (format, code != NULL ? code : "en");
  g_mutex_lock (&lock);
  if (shared == NULL)
    shared = g_hash_table_new (g_str_hash, g_str_equal);
  phrases = g_hash_table_lookup (shared, relative);
  if (phrases == NULL)
    {
      g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new (code);

      phrases = px_phrases_new (tokenizer);
      px_phrases_load (phrases, relative);
      g_hash_table_insert (shared, g_steal_pointer (&relative), phrases);
    }
  g_mutex_unlock (&lock);
  return phrases;
}
