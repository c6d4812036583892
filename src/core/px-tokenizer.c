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

/* Snowball's stemmer costs more than ICU's word boundaries, and a text
 * repeats its words: a tokenizer keeps what it found out about up to
 * this many words (then starts again), about 2 MB. */
#define MAX_KNOWN_WORDS 32768

/* What a normalised word's stem and stop-word test gave. */
typedef struct
{
  char *stem;
  gboolean stop;
} Known;

struct _PxTokenizer
{
  GObject parent_instance;

  /* owned */
  char              *language;
  struct sb_stemmer *stemmer;
  UBreakIterator    *words;
  GHashTable        *known;    /* norm → Known */

  gboolean           elision;  /* split "l'année" (French) */
  gboolean           plain;    /* word boundaries of plain text without ICU (plain_word_end ()) */

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
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (px_tokenizer_parent_class)->finalize (object);
}

static void
px_tokenizer_class_init (PxTokenizerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_tokenizer_finalize;
}

static void
known_free (Known *known)
{
  g_free (known->stem);
  g_free (known);
}

static void
px_tokenizer_init (PxTokenizer *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) known_free);
}

/* Classes of characters in ICU's word boundary rules (UAX #29), for
 * ASCII and the punctuation news text has most. */
enum
{
  PLAIN_OTHER,
  PLAIN_LETTER,       /* and "@" (ICU 72 keeps e-mail addresses whole) */
  PLAIN_DIGIT,
  PLAIN_UNDERSCORE,   /* joins words and numbers */
  PLAIN_MID_NUM_LET,  /* "." "'" ‘ ’: between two letters or two digits */
  PLAIN_MID_NUM,      /* "," ";": between two digits */
  PLAIN_CR,
  PLAIN_LF,
  PLAIN_SPACE,
  PLAIN_FOREIGN,      /* any other character: ICU's rules are needed */
};

/* The class of the character at text[at] (@length bytes in all), its
 * size in bytes in @size. */
static inline guint
plain_class (const char *text,
             guint       length,
             guint       at,
             guint      *size)
{
  guchar c = text[at];

  *size = 1;
  if (c >= 0x80)
    {
      /* NBSP, and ‘ ’ – — “ ” … */
      if (c == 0xC2 && at + 1 < length && (guchar) text[at + 1] == 0xA0)
        {
          *size = 2;
          return PLAIN_OTHER;
        }
      if (c == 0xE2 && at + 2 < length && (guchar) text[at + 1] == 0x80)
        switch ((guchar) text[at + 2])
          {
          case 0x98:
          case 0x99:
            *size = 3;
            return PLAIN_MID_NUM_LET;
          case 0x93:
          case 0x94:
          case 0x9C:
          case 0x9D:
          case 0xA6:
            *size = 3;
            return PLAIN_OTHER;
          default:
            break;
          }
      return PLAIN_FOREIGN;
    }
  if (g_ascii_isalpha (c) || c == '@')
    return PLAIN_LETTER;
  if (g_ascii_isdigit (c))
    return PLAIN_DIGIT;
  switch (c)
    {
    case '_':
      return PLAIN_UNDERSCORE;
    case '.':
    case '\'':
      return PLAIN_MID_NUM_LET;
    case ',':
    case ';':
      return PLAIN_MID_NUM;
    case '\r':
      return PLAIN_CR;
    case '\n':
      return PLAIN_LF;
    case ' ':
      return PLAIN_SPACE;
    default:
      return PLAIN_OTHER;
    }
}

static gboolean
is_plain_word (guint class)
{
  return class == PLAIN_LETTER || class == PLAIN_DIGIT || class == PLAIN_UNDERSCORE;
}

/* Whether @text (@length bytes) is all of the characters above. */
static gboolean
is_plain (const char *text,
          guint       length)
{
  for (guint at = 0, size; at < length; at += size)
    if (plain_class (text, length, at, &size) == PLAIN_FOREIGN)
      return FALSE;
  return TRUE;
}

/* ICU's word boundaries take a third of tokenising, and for plain text
 * (is_plain (): most news in these languages) its rules come down to
 * this: runs of letters, digits and "_" are one piece, across one "."
 * "'" ‘ ’ between two letters and one "." "'" ‘ ’ "," ";" between two
 * digits; CR LF and a run of spaces are one piece; any other character is
 * one. The rule status (UBRK_WORD_*) is that of the piece's end: letters,
 * numbers, or for a final "_" what comes before it. The end of the piece
 * of @text (@length bytes) that starts at @at, its status in @rule.
 * Checked against ICU 72 (en, de, fr, es) on every ASCII string of up to
 * three characters, every string of up to four of 27 characters of each
 * class, and millions of random longer ones; each tokenizer checks it
 * again when made (plain_agrees ()). */
static guint
plain_word_end (const char *text,
                guint       length,
                guint       at,
                int32_t    *rule)
{
  guint size, class = plain_class (text, length, at, &size), last = class, before = PLAIN_OTHER;
  guint end = at + size;

  *rule = UBRK_WORD_NONE;
  if (class == PLAIN_CR)
    return end < length && plain_class (text, length, end, &size) == PLAIN_LF ? end + 1 : end;
  if (class == PLAIN_SPACE)
    {
      while (end < length && plain_class (text, length, end, &size) == PLAIN_SPACE)
        end++;
      return end;
    }
  if (!is_plain_word (class))
    return end;
  while (end < length)
    {
      guint next = plain_class (text, length, end, &size), after = PLAIN_OTHER, after_size = 0;

      if (is_plain_word (next))
        {
          before = last;
          last = next;
          end += size;
          continue;
        }
      if (end + size < length)
        after = plain_class (text, length, end + size, &after_size);
      if ((last == PLAIN_LETTER && next == PLAIN_MID_NUM_LET && after == PLAIN_LETTER) ||
          (last == PLAIN_DIGIT && (next == PLAIN_MID_NUM_LET || next == PLAIN_MID_NUM) &&
           after == PLAIN_DIGIT))
        {
          before = last;
          end += size + after_size;
          continue;
        }
      break;
    }
  if (last == PLAIN_LETTER || (last == PLAIN_UNDERSCORE && end - at > 1 && before != PLAIN_DIGIT))
    *rule = UBRK_WORD_LETTER;
  else if (last == PLAIN_DIGIT || (last == PLAIN_UNDERSCORE && end - at > 1))
    *rule = UBRK_WORD_NUMBER;
  return end;
}

/* Whether ICU and plain_word_end () find the same pieces, of the same
 * kinds, in text with each case above (should ICU's rules change). */
static gboolean
plain_agrees (UBreakIterator *words)
{
  static const char probe[] =
    "The U.S. and e.g. it's 3.5, 1,000; 10km a_b _ __ 1_ _1 a1 1a x@y.z @ a:b a..b "
    "1'5 a'1 1.a \"q\" (x) -- it\u2019s \u2018a\u2019 1\u2019000 \u201cq\u201d a\u2014b "
    "a\u2013b a\u2026 a\u00a0b \t\v\f\r\n\n  \r end.";
  guint length = sizeof probe - 1, at = 0;
  UErrorCode status = U_ZERO_ERROR;
  UText *ut = utext_openUTF8 (NULL, probe, length, &status);
  gboolean same = TRUE;

  ubrk_setUText (words, ut, &status);
  ubrk_first (words);
  for (int32_t b = ubrk_next (words); b != UBRK_DONE && same; b = ubrk_next (words))
    {
      int32_t rule, icu = ubrk_getRuleStatus (words);

      at = plain_word_end (probe, length, at, &rule);
      same = U_SUCCESS (status) && (guint) b == at &&
             (icu < UBRK_WORD_NONE_LIMIT ? rule == UBRK_WORD_NONE
              : icu < UBRK_WORD_NUMBER_LIMIT ? rule == UBRK_WORD_NUMBER
              : icu < UBRK_WORD_LETTER_LIMIT && rule == UBRK_WORD_LETTER);
    }
  utext_close (ut);
  return same && at == length && is_plain (probe, length);
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
  self->plain = plain_agrees (self->words);
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
  char *lower;
  gboolean ascii = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  /* ASCII, most words, in one pass without ICU */
  lower = g_malloc (length + 1);
  for (gssize i = 0; i < length && ascii; i++)
    {
      guchar c = text[i];

      ascii = c < 0x80;
      lower[i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
  if (ascii)
    {
      lower[length] = '\0';
      return lower;
    }
  g_free (lower);

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

GArray *
px_tokenizer_copy_tokens (GArray *tokens,
                          gint64  shift)
{
  GArray *copy;

  g_return_val_if_fail (tokens != NULL, NULL);

  copy = g_array_sized_new (FALSE, FALSE, sizeof (PxToken), tokens->len);
  g_array_set_clear_func (copy, clear_token);
  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *token = &g_array_index (tokens, PxToken, i);
      PxToken moved = { token->start + shift, token->end + shift, g_strdup (token->norm),
                        g_strdup (token->stem), token->flags };

      g_array_append_val (copy, moved);
    }
  return copy;
}

static guint
case_flags (const char *text,
            guint       length)
{
  guint letters = 0, uppers = 0;
  gboolean first = TRUE, capitalised = FALSE;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p;
      gboolean upper;

      /* ASCII, most letters, without GLib's Unicode tables */
      if (c < 0x80)
        {
          if (!g_ascii_isalpha (c))
            continue;
          upper = g_ascii_isupper (c);
        }
      else
        {
          c = g_utf8_get_char (p);
          if (!g_unichar_isalpha (c))
            continue;
          upper = g_unichar_isupper (c) || g_unichar_istitle (c);
        }
      letters++;
      if (upper)
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
      gunichar c = (guchar) *p;

      /* ASCII as g_unichar_isspace () has it, without its tables */
      if (c < 0x80 ? c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f'
                   : (c = g_utf8_get_char (p), !g_unichar_isspace (c) && c != 0x00A0 &&
                      c != 0x200B && c != 0xFEFF))
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
      Known *known = g_hash_table_lookup (self->known, token->norm);

      if (known == NULL)
        {
          if (g_hash_table_size (self->known) >= MAX_KNOWN_WORDS)
            g_hash_table_remove_all (self->known);
          known = g_new (Known, 1);
          known->stem = px_tokenizer_stem (self, token->norm);
          known->stop = g_hash_table_contains (self->stop_words, token->norm);
          g_hash_table_insert (self->known, g_strdup (token->norm), known);
        }
      token->stem = g_strdup (known->stem);
      if (known->stop)
        token->flags |= PX_TOKEN_STOP;
    }
  else
    token->stem = g_strdup (token->norm);
  g_array_append_val (tokens, *token);
}

/* Adds the tokens of the piece text[start + prev, start + b) that the
 * word boundaries found, of ICU rule status @rule. */
static void
add_piece (PxTokenizer *self,
           GArray      *tokens,
           const char  *text,
           guint        start,
           guint        prev,
           guint        b,
           int32_t      rule)
{
  const char *word = text + start + prev;
  guint length = b - prev;
  PxToken token = { start + prev, start + b, NULL, NULL, 0 };

  if (rule < UBRK_WORD_NONE_LIMIT)
    {
      if (all_space (word, length))
        return;
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

  /* About a token for every five bytes: room without growing. */
  tokens = g_array_sized_new (FALSE, FALSE, sizeof (PxToken), (end - start) / 5 + 2);
  g_array_set_clear_func (tokens, clear_token);
  if (start == end)
    return tokens;

  if (self->plain && is_plain (text + start, end - start))
    {
      for (guint at = 0, b; at < end - start; at = b)
        {
          int32_t rule;

          b = plain_word_end (text + start, end - start, at, &rule);
          add_piece (self, tokens, text, start, at, b, rule);
        }
      return tokens;
    }

  ut = utext_openUTF8 (NULL, text + start, end - start, &status);
  ubrk_setUText (self->words, ut, &status);
  if (U_FAILURE (status))
    g_error ("ICU word iterator: %s", u_errorName (status));

  prev = ubrk_first (self->words);
  for (int32_t b = ubrk_next (self->words); b != UBRK_DONE; prev = b, b = ubrk_next (self->words))
    add_piece (self, tokens, text, start, prev, b, ubrk_getRuleStatus (self->words));
  utext_close (ut);
  return tokens;
}
