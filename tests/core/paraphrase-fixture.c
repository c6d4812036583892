/* paraphrase-fixture.c: the sentences of an ECB+ document as term ids, for the paraphrase tests
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "paraphrase-fixture.h"

#include <string.h>

#include "px-paraphrase.h"
#include "px-tokenizer.h"

void
fixture_line_free (FixtureLine *line)
{
  g_array_unref (line->terms);
  g_array_unref (line->flags);
  g_free (line);
}

GPtrArray *
fixture_read_lines (guint *n_terms)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_TEST_DATA"), "text", "ecbplus-3_1ecb.sentences", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) texts = NULL;
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fixture_line_free);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  texts = g_strsplit (contents, "\n", -1);
  for (guint l = 0; texts[l] != NULL; l++)
    {
      g_autoptr (GArray) tokens = px_tokenizer_tokenize (tokenizer, texts[l], 0, strlen (texts[l]));
      FixtureLine *line = g_new0 (FixtureLine, 1);

      line->terms = g_array_new (FALSE, FALSE, sizeof (guint));
      line->flags = g_array_new (FALSE, FALSE, sizeof (guint8));
      for (guint t = 0; t < tokens->len; t++)
        {
          const PxToken *token = &g_array_index (tokens, PxToken, t);
          gpointer id;
          guint term;
          guint8 flags = 0;

          if (!(token->flags & (PX_TOKEN_WORD | PX_TOKEN_NUMBER)))
            continue;
          id = g_hash_table_lookup (ids, token->stem);
          if (id == NULL)
            {
              id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
              g_hash_table_insert (ids, g_strdup (token->stem), id);
            }
          term = GPOINTER_TO_UINT (id) - 1;
          if (token->flags & PX_TOKEN_STOP)
            flags |= PX_PARAPHRASE_STOP;
          if (token->flags & PX_TOKEN_NUMBER)
            flags |= PX_PARAPHRASE_NUMBER;
          if ((token->flags & PX_TOKEN_CAPITALISED) && line->terms->len > 0)
            flags |= PX_PARAPHRASE_NAME;
          g_array_append_val (line->terms, term);
          g_array_append_val (line->flags, flags);
        }
      g_ptr_array_add (lines, line);
    }
  if (n_terms != NULL)
    *n_terms = g_hash_table_size (ids);
  return lines;
}
