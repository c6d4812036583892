/* px-language.c: language detection and per-language word lists
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-language.h"

#include <string.h>

#include "px-data.h"

static const struct
{
  const char *code;
  const char *stemmer;
} languages[] = {
  { "en", "english" },
  { "de", "german" },
  { "fr", "french" },
  { "es", "spanish" },
};

#define N_LANGUAGES G_N_ELEMENTS (languages)

/* Detection reads this much: enough for a few hundred words. */
#define DETECT_BYTES 4096

static int
language_index (const char *language)
{
  if (language == NULL)
    return -1;
  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      /* "en", "EN", "en_GB", "en-US" */
      if (g_ascii_strncasecmp (language, languages[i].code, 2) == 0
          && (language[2] == '\0' || language[2] == '_' || language[2] == '-'))
        return i;
    }
  return -1;
}

const char *
px_language_canonical (const char *language)
{
  int i = language_index (language);

  return i < 0 ? NULL : languages[i].code;
}

const char *
px_language_stemmer_name (const char *language)
{
  int i = language_index (language);

  return i < 0 ? "english" : languages[i].stemmer;
}

static GHashTable *
load_stop_words (const char *code)
{
  g_autofree char *relative = g_strdup_printf ("stopwords/%s.txt", code);
  g_auto (GStrv) lines = px_data_read_lines (relative);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    g_hash_table_add (set, g_utf8_casefold (lines[i], -1));
  return set;
}

static GHashTable *
stop_words_for_index (int index)
{
  static gsize once;
  static GHashTable *sets[N_LANGUAGES + 1];

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < N_LANGUAGES; i++)
        sets[i] = load_stop_words (languages[i].code);
      sets[N_LANGUAGES] = g_hash_table_new (g_str_hash, g_str_equal);
      g_once_init_leave (&once, 1);
    }
  return sets[index < 0 ? (int) N_LANGUAGES : index];
}

GHashTable *
px_language_get_stop_words (const char *language)
{
  return stop_words_for_index (language_index (language));
}

gboolean
px_language_is_stop_word (const char *language,
                          const char *word)
{
  g_return_val_if_fail (word != NULL, FALSE);

  return g_hash_table_contains (px_language_get_stop_words (language), word);
}

/* Letters that (nearly) only one of the four languages writes. */
static int
letter_vote (gunichar c)
{
  switch (c)
    {
    case 0x00DF: /* ß */
    case 0x00E4: /* ä */
    case 0x00F6: /* ö */
    case 0x00FC: /* ü */
      return 1;
    case 0x00E7: /* ç */
    case 0x00E8: /* è */
    case 0x00EA: /* ê */
    case 0x00E0: /* à */
    case 0x00EE: /* î */
    case 0x00F4: /* ô */
    case 0x0153: /* œ */
      return 2;
    case 0x00F1: /* ñ */
    case 0x00BF: /* ¿ */
    case 0x00A1: /* ¡ */
    case 0x00ED: /* í */
    case 0x00F3: /* ó */
      return 3;
    default:
      return -1;
    }
}

static void
score_word (const char *word,
            gsize       length,
            double     *scores)
{
  g_autofree char *folded = g_utf8_casefold (word, length);
  gboolean in[N_LANGUAGES];
  guint n = 0;

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      in[i] = g_hash_table_contains (stop_words_for_index (i), folded);
      n += in[i];
    }
  /* A function word shared by several languages ("a", "de", "en") says less. */
  for (guint i = 0; i < N_LANGUAGES && n > 0; i++)
    if (in[i])
      scores[i] += 1.0 / n;
}

const char *
px_language_detect (const char *text,
                    gssize      length)
{
  double scores[N_LANGUAGES] = { 0 };
  const char *p, *end, *word = NULL;
  guint best = 0, second = 1;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (length > DETECT_BYTES)
    {
      /* Cut on a character boundary. */
      const char *cut = g_utf8_find_prev_char (text, text + DETECT_BYTES + 1);
      length = cut != NULL ? cut - text : DETECT_BYTES;
    }
  end = text + length;

  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gboolean letter;
      int vote;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      vote = letter_vote (g_unichar_tolower (c));
      if (vote >= 0)
        scores[vote] += 0.5;
      letter = g_unichar_isalpha (c) || c == '\'' || c == 0x2019;
      if (letter && word == NULL)
        word = p;
      else if (!letter && word != NULL)
        {
          score_word (word, p - word, scores);
          word = NULL;
        }
    }
  if (word != NULL)
    score_word (word, p - word, scores);

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      if (scores[i] > scores[best])
        best = i;
    }
  for (guint i = 0; i < N_LANGUAGES; i++)
    if (i != best && (second == best || scores[i] > scores[second]))
      second = i;

  /* Too little evidence, or no clear winner. */
  if (scores[best] < 2.0 || scores[best] < 1.5 * scores[second])
    return NULL;
  return languages[best].code;
}
