/* px-tokenizer.c: words of a sentence (ICU), normalised (NFKC + case folding) and stemmed
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-tokenizer.h"

#include <libstemmer.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "px-language.h"

struct _PxTokenizer
{
  GObject parent_instance;

  /* owned */
  char              *language;
  struct sb_stemmer *stemmer;
  UBreakIterator    *words;

  gboolean           elision;  /* split "l'année" (French) */

  /* borrowed */
  GHashTable        *stop_words;
};

G_DEFINE_FINAL_TYPE (PxTokenizer, px_tokenizer, G_TYPE_OBJECT)

static void
px_tokenizer_finalize (GObject *object)
{
  PxTokenizer *self = PX_TOKENIZER (object);

  g_clear_pointer (&self->stemmer, sb_stemmer_delete);
  g_clear_pointer (&self->words, ubrk_close);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (px_tokenizer_parent_class)->finalize (object);
}

static void
px_tokenizer_class_init (PxTokenizerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_tokenizer_finalize;
}

static void
px_tokenizer_init (PxTokenizer *self)
{
}

PxTokenizer *
px_tokenizer_new (const char *language)
{
  PxTokenizer *self = g_object_new (PX_TYPE_TOKENIZER, NULL);
  const char *code = px_language_canonical (language);
  UErrorCode status = U_ZERO_ERROR;

  self->language = g_strdup (code != NULL ? code : "en");
  self->stemmer = sb_stemmer_new (px_language_stemmer_name (code), "UTF_8");
  g_assert (self->stemmer != NULL);
  self->stop_words = px_language_get_stop_words (code);
  self->elision = g_strcmp0 (code, "fr") == 0;
  self->words = ubrk_open (UBRK_WORD, self->language, NULL, 0, &status);
  if (U_FAILURE (status))
    g_error ("ICU word iterator: %s", u_errorName (status));
  return self;
}

const char *
px_tokenizer_get_language (PxTokenizer *self)
{
  g_return_val_if_fail (PX_IS_TOKENIZER (self), NULL);

  return self->language;
}

/* Straight apostrophes, so "utility’s" and "utility's" fold alike. */
static void
straighten_apostrophes (GString *s)
{
  for (gsize i = 0; i + 3 <= s->len; i++)
    {
      if ((guchar) s->str[i] == 0xE2 && (guchar) s->str[i + 1] == 0x80
          && ((guchar) s->str[i + 2] == 0x99 || (guchar) s->str[i + 2] == 0x98))
        {
          s->str[i] = '\'';
          g_string_erase (s, i + 1, 2);
        }
    }
}

char *
px_tokenizer_fold (const char *text,
                   gssize      length)
{
  const UNormalizer2 *nfkc_cf;
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *utf16 = NULL;
  g_autofree UChar *folded = NULL;
  int32_t n16 = 0, nfold;
  GString *out;
  gboolean ascii = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  for (gssize i = 0; i < length && ascii; i++)
    ascii = (guchar) text[i] < 0x80;
  if (ascii)
    return g_ascii_strdown (text, length);

  u_strFromUTF8 (NULL, 0, &n16, text, length, &status);
  status = U_ZERO_ERROR;
  utf16 = g_new (UChar, n16 + 1);
  u_strFromUTF8 (utf16, n16 + 1, NULL, text, length, &status);
  nfkc_cf = unorm2_getNFKCCasefoldInstance (&status);
  if (U_FAILURE (status))
    return g_utf8_casefold (text, length);
  nfold = unorm2_normalize (nfkc_cf, utf16, n16, NULL, 0, &status);
  status = U_ZERO_ERROR;
  folded = g_new (UChar, nfold + 1);
  unorm2_normalize (nfkc_cf, utf16, n16, folded, nfold + 1, &status);
  if (U_FAILURE (status))
    return g_utf8_casefold (text, length);

  {
    int32_t n8 = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8 (NULL, 0, &n8, folded, nfold, &status);
    out = g_string_sized_new (n8 + 1);
    g_string_set_size (out, n8);
    status = U_ZERO_ERROR;
    u_strToUTF8 (out->str, n8 + 1, NULL, folded, nfold, &status);
  }
  straighten_apostrophes (out);
  return g_string_free (out, FALSE);
}

char *
px_tokenizer_stem (PxTokenizer *self,
                   const char  *norm)
{
  const sb_symbol *stem;

  g_return_val_if_fail (PX_IS_TOKENIZER (self), NULL);
  g_return_val_if_fail (norm != NULL, NULL);

  stem = sb_stemmer_stem (self->stemmer, (const sb_symbol *) norm, strlen (norm));
  if (stem == NULL)
    return g_strdup (norm);
  return g_strndup ((const char *) stem, sb_stemmer_length (self->stemmer));
}

static void
clear_token (gpointer data)
{
  PxToken *token = data;

  g_clear_pointer (&token->norm, g_free);
  g_clear_pointer (&token->stem, g_free);
}

static guint
case_flags (const char *text,
            guint       length)
{
  guint letters = 0, uppers = 0;
  gboolean first = TRUE, capitalised = FALSE;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      letters++;
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        {
          uppers++;
          if (first)
            capitalised = TRUE;
        }
      first = FALSE;
    }
  return (capitalised ? PX_TOKEN_CAPITALISED : 0)
         | (letters >= 2 && uppers == letters ? PX_TOKEN_UPPER : 0);
}

static gboolean
all_space (const char *text,
           guint       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x200B && c != 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

/* French elision: the length of "l'", "qu'", "jusqu'" (straight or curly
 * apostrophe) at the start of a word, or 0. */
static guint
elision_length (const char *word,
                guint       length)
{
  static const char *heads[] = { "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu",
                                 "puisqu", "quoiqu", NULL };

  for (guint i = 0; heads[i] != NULL; i++)
    {
      gsize n = strlen (heads[i]);

      if (length <= n + 1 || g_ascii_strncasecmp (word, heads[i], n) != 0)
        continue;
      if (word[n] == '\'')
        return n + 1;
      if (length > n + 3 && strncmp (word + n, "\xe2\x80\x99", 3) == 0)
        return n + 3;
    }
  return 0;
}

/* Normalises, stems and flags @token (text @word, @length bytes) and appends it. */
static void
add_token (PxTokenizer *self,
           GArray      *tokens,
           PxToken     *token,
           const char  *word,
           guint        length)
{
  token->norm = px_tokenizer_fold (word, length);
  if (token->flags & PX_TOKEN_WORD)
    {
      token->stem = px_tokenizer_stem (self, token->norm);
      if (g_hash_table_contains (self->stop_words, token->norm))
        token->flags |= PX_TOKEN_STOP;
    }
  else
    token->stem = g_strdup (token->norm);
  g_array_append_val (tokens, *token);
}

GArray *
px_tokenizer_tokenize (PxTokenizer *self,
                       const char  *text,
                       guint        start,
                       guint        end)
{
  GArray *tokens;
  UErrorCode status = U_ZERO_ERROR;
  UText *ut;
  int32_t prev;

  g_return_val_if_fail (PX_IS_TOKENIZER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  tokens = g_array_new (FALSE, FALSE, sizeof (PxToken));
  g_array_set_clear_func (tokens, clear_token);
  if (start == end)
    return tokens;

  ut = utext_openUTF8 (NULL, text + start, end - start, &status);
  ubrk_setUText (self->words, ut, &status);
  if (U_FAILURE (status))
    g_error ("ICU word iterator: %s", u_errorName (status));

  prev = ubrk_first (self->words);
  for (int32_t b = ubrk_next (self->words); b != UBRK_DONE; prev = b, b = ubrk_next (self->words))
    {
      int32_t rule = ubrk_getRuleStatus (self->words);
      const char *word = text + start + prev;
      guint length = b - prev;
      PxToken token = { start + prev, start + b, NULL, NULL, 0 };

      if (rule < UBRK_WORD_NONE_LIMIT)
        {
          if (all_space (word, length))
            continue;
          token.flags = PX_TOKEN_PUNCT;
        }
      else if (rule < UBRK_WORD_NUMBER_LIMIT)
        token.flags = PX_TOKEN_NUMBER;
      else if (rule < UBRK_WORD_LETTER_LIMIT)
        token.flags = PX_TOKEN_WORD | case_flags (word, length);
      else
        token.flags = PX_TOKEN_WORD | PX_TOKEN_IDEOGRAPHIC;

      if ((token.flags & PX_TOKEN_WORD) && self->elision)
        {
          guint cut = elision_length (word, length);

          if (cut > 0)
            {
              /* "l'année" → "l'" + "année" */
              PxToken article = { token.start, token.start + cut, NULL, NULL, PX_TOKEN_WORD };

              add_token (self, tokens, &article, word, cut);
              token.start += cut;
              token.flags = PX_TOKEN_WORD | case_flags (word + cut, length - cut);
              word += cut;
              length -= cut;
            }
        }
      add_token (self, tokens, &token, word, length);
    }
  utext_close (ut);
  return tokens;
}
