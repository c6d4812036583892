/* px-segmenter.c: sentence boundaries (ICU plus fixes for abbreviations, lists, quotes)
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ICU's sentence iterator proposes breaks; its rules know nothing about
 * abbreviations ("Dr. Smith"), initials ("Jonas E. Smith"), enumerations
 * ("1.) … 2.) …") or sentences glued together ("world.Today"). Each proposed
 * break is judged by the words on both sides, and the few missing ones are
 * added. Lines are grouped into blocks first because ICU ends a sentence at
 * every line feed, while hard-wrapped text continues across them.
 */
#include "px-segmenter.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "px-data.h"
#include "px-language.h"

typedef enum
{
  ABBR_NONE,
  ABBR_PREFIX, /* "Dr", "p", "No": what follows continues the sentence */
  ABBR_FINAL,  /* "Co", "Inc", "etc": may end a sentence */
} AbbrKind;

typedef struct
{
  gunichar bullet;  /* 0 when none */
  guint    value;   /* the number, or the letter */
  gboolean letter;
  int      suffix;  /* 0 ".", 1 ")", 2 ".)" */
  guint    length;  /* bytes */
} ListMarker;

typedef struct
{
  const char  *text;      /* the caller's text */
  const char  *flat;      /* the same with line feeds as spaces, for ICU */
  guint        start;     /* the block being split */
  guint        end;
  GHashTable  *stop_words;
  GHashTable  *abbreviations;
  gboolean     german;    /* "am 12. März": a full stop after a number is an ordinal */
} Block;

static GHashTable *
abbreviations (void)
{
  static gsize once;
  static GHashTable *table;

  if (g_once_init_enter (&once))
    {
      g_auto (GStrv) lines = px_data_read_lines ("lexicon/abbreviations.txt");
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);

          if (g_strv_length (fields) != 2)
            continue;
          g_hash_table_insert (t, g_strdup (fields[1]),
                               GINT_TO_POINTER (g_str_equal (fields[0], "prefix")
                                                ? ABBR_PREFIX : ABBR_FINAL));
        }
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

/* ubrk_open parses rules; cloning a ready iterator is much cheaper, and each
 * call needs its own because iterators are not thread-safe. */
static UBreakIterator *
new_iterator (void)
{
  static gsize once;
  static UBreakIterator *model;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi;

  if (g_once_init_enter (&once))
    {
      UBreakIterator *m = ubrk_open (UBRK_SENTENCE, "en", NULL, 0, &status);

      if (U_FAILURE (status))
        g_error ("ICU sentence iterator: %s", u_errorName (status));
      model = m;
      g_once_init_leave (&once, 1);
    }
  bi = ubrk_clone (model, &status);
  if (U_FAILURE (status))
    g_error ("ICU sentence iterator: %s", u_errorName (status));
  return bi;
}

static gunichar
char_at (const char *p)
{
  return g_utf8_get_char (p);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B;
}

static gboolean
is_opener (gunichar c)
{
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x201C
         || c == 0x2018 || c == 0x00AB || c == 0x201E || c == 0x201A || c == 0x2039
         || c == '`';
}

static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201D
         || c == 0x2019 || c == 0x00BB || c == 0x203A;
}

static gboolean
is_terminal (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01
         || c == 0xFF1F || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049;
}

static gboolean
is_bullet (gunichar c)
{
  return c == 0x2022 || c == 0x2043 || c == 0x00B7 || c == 0x2023 || c == 0x25AA
         || c == 0x25CF || c == '*' || c == '-' || c == 0x2013;
}

/* The start of the character before @p, or NULL at @start. */
static const char *
prev_char (const char *start,
           const char *p)
{
  return p > start ? g_utf8_find_prev_char (start, p) : NULL;
}

/* Parses an enumeration marker ("1.)", "2)", "10.", "b.", "• 9.") at @p. */
static gboolean
parse_list_marker (const char *p,
                   const char *end,
                   ListMarker *marker)
{
  const char *q = p;
  guint value = 0, digits = 0;

  marker->bullet = 0;
  if (q < end && is_bullet (char_at (q)))
    {
      marker->bullet = char_at (q);
      q = g_utf8_next_char (q);
      while (q < end && *q == ' ')
        q++;
    }
  while (q < end && g_ascii_isdigit (*q) && digits < 3)
    {
      value = value * 10 + (*q++ - '0');
      digits++;
    }
  marker->letter = digits == 0;
  if (digits == 0)
    {
      if (q >= end || !g_ascii_islower (*q))
        return FALSE;
      value = *q++;
    }
  if (q < end && g_ascii_isdigit (*q))
    return FALSE;
  if (q + 1 < end && q[0] == '.' && q[1] == ')')
    marker->suffix = 2, q += 2;
  else if (q < end && *q == ')')
    marker->suffix = 1, q++;
  else if (q < end && *q == '.')
    marker->suffix = 0, q++;
  else
    return FALSE;
  /* "1)" must be followed by a space or end the text. */
  if (q < end && *q != ' ')
    return FALSE;
  /* A bullet alone may not make "-" of "a-b." a marker. */
  if (marker->bullet == '-' && marker->letter)
    return FALSE;
  marker->value = value;
  marker->length = q - p;
  return TRUE;
}

/* An enumeration starting at @start ("1.) The first item 2.) The second
 * item") ends an item where the next marker begins, with or without a full
 * stop before it. Inside a block it must count from 1 (or a). */
static void
add_list_from (const Block *block,
               const char  *start,
               gboolean     block_start,
               GArray      *forced)
{
  const char *end = block->text + block->end;
  ListMarker first, next;
  guint expect;

  if (!parse_list_marker (start, end, &first) || first.length == (guint) (end - start))
    return;
  if (!block_start && first.value != 1 && first.value != 'a')
    return;
  expect = first.value + 1;
  for (const char *p = start + first.length; p < end; p++)
    {
      const char *q = p;

      if (*p != ' ')
        continue;
      while (q < end && *q == ' ')
        q++;
      if (parse_list_marker (q, end, &next) && next.bullet == first.bullet
          && next.letter == first.letter && next.suffix == first.suffix
          && next.value == expect)
        {
          guint at = q - block->text;
          g_array_append_val (forced, at);
          expect++;
          p = q + next.length - 1;
        }
    }
}

/* Enumerations at the start of the block or right after a sentence
 * ("Finally, this. 1. The first item 2. The second item"). */
static void
add_list_breaks (const Block *block,
                 GArray      *forced)
{
  const char *start = block->text + block->start;
  const char *end = block->text + block->end;

  add_list_from (block, start, TRUE, forced);
  for (const char *p = start + 1; p + 1 < end; p++)
    {
      const char *q = p;

      if (*p != ' ' || (p[1] != '1' && p[1] != 'a'))
        continue;
      while (q > start && q[-1] == ' ')
        q--;
      if (q > start && (q[-1] == '.' || q[-1] == '!' || q[-1] == '?'))
        add_list_from (block, p + 1, FALSE, forced);
    }
}

/* "Hello world.Today is Tuesday.Mr. Smith": a full stop between a lower-case
 * letter or digit and a capitalised word, outside e-mail addresses and URLs. */
static void
add_glued_breaks (const Block *block,
                  GArray      *forced)
{
  const char *text = block->text;

  for (guint i = block->start + 1; i + 2 < block->end; i++)
    {
      const char *before, *after;
      gunichar prev, next, next2;

      if (text[i] != '.')
        continue;
      before = prev_char (text + block->start, text + i);
      prev = char_at (before);
      next = char_at (text + i + 1);
      next2 = char_at (g_utf8_next_char (text + i + 1));
      if (!(g_unichar_islower (prev) || g_unichar_isdigit (prev)) || !g_unichar_isupper (next)
          || !g_unichar_islower (next2))
        continue;
      for (before = text + i; before > text + block->start && !is_space (char_at (before - 1));
           before--)
        ;
      for (after = text + i; after < text + block->end && !is_space (char_at (after)); after++)
        ;
      if (g_strstr_len (before, after - before, "@") != NULL
          || g_strstr_len (before, after - before, "/") != NULL
          || g_strstr_len (before, after - before, "www") != NULL)
        continue;
      {
        guint at = i + 1;
        g_array_append_val (forced, at);
      }
    }
}

/* "compounds. . . . The practice": a full stop glued to a word, then a
 * spaced ellipsis opening the next sentence. */
static void
add_ellipsis_breaks (const Block *block,
                     GArray      *forced)
{
  const char *text = block->text;

  for (guint i = block->start + 1; i + 8 < block->end; i++)
    {
      const char *p = text + i + 8;

      if (text[i] != '.' || !g_unichar_isalnum (char_at (prev_char (text + block->start, text + i)))
          || strncmp (text + i + 1, " . . . ", 7) != 0)
        continue;
      while (p < text + block->end && is_opener (char_at (p)))
        p = g_utf8_next_char (p);
      if (p < text + block->end && g_unichar_isupper (char_at (p)))
        {
          guint at = i + 1;
          g_array_append_val (forced, at);
        }
    }
}

/* The word starting at @at after spaces and opening quotes or brackets;
 * where it ends in @word_end. */
static char *
next_word (const Block *block,
           guint        at,
           guint       *word_end)
{
  const char *p = block->text + at;
  const char *end = block->text + block->end;
  const char *w;

  while (p < end && (is_space (char_at (p)) || is_opener (char_at (p))))
    p = g_utf8_next_char (p);
  for (w = p; w < end && g_unichar_isalnum (char_at (w)); w = g_utf8_next_char (w))
    ;
  *word_end = w - block->text;
  return g_strndup (p, w - p);
}

/* The white-space delimited chunk ending at @end, without opening
 * punctuation; @chunk_start receives where it starts. */
static char *
chunk_before (const char  *first,
              const char  *end,
              const char **chunk_start)
{
  const char *p = end;

  while (p > first)
    {
      const char *q = prev_char (first, p);
      if (is_space (char_at (q)))
        break;
      p = q;
    }
  *chunk_start = p;
  while (p < end && is_opener (char_at (p)))
    p = g_utf8_next_char (p);
  return g_strndup (p, end - p);
}

static gboolean
is_capitalised (const char *word)
{
  return *word != '\0' && g_unichar_isupper (g_utf8_get_char (word));
}

/* "The", "He", "How": a capitalised word that usually opens a sentence. */
static gboolean
is_opener_word (const Block *block,
                const char  *word)
{
  g_autofree char *folded = NULL;

  if (!is_capitalised (word))
    return FALSE;
  folded = g_utf8_casefold (word, -1);
  return g_hash_table_contains (block->stop_words, folded);
}

/* "U.S", "a.m", "e.g", "Ph.D": short letter groups joined by full stops. */
static gboolean
is_dotted_abbreviation (const char *word,
                        gboolean   *upper)
{
  guint group = 0, dots = 0;

  *upper = TRUE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.')
        {
          if (group == 0)
            return FALSE;
          group = 0;
          dots++;
        }
      else if (g_unichar_isalpha (c))
        {
          if (++group > 3)
            return FALSE;
          if (!g_unichar_isupper (c))
            *upper = FALSE;
        }
      else
        return FALSE;
    }
  return dots > 0 && group > 0;
}

static gboolean
is_list_marker_piece (const Block *block,
                      guint        from,
                      const char  *to)
{
  const char *p = block->text + from;
  ListMarker marker;

  while (p < to && is_space (char_at (p)))
    p = g_utf8_next_char (p);
  return parse_list_marker (p, to, &marker) && p + marker.length == to;
}

/* Whether ICU's break at @at (the current sentence began at @from) stands. */
static gboolean
keep_break (const Block *block,
            guint        from,
            guint        at)
{
  const char *first = block->text + from;
  const char *e = block->text + at;
  const char *q;
  guint next_end;
  g_autofree char *next = next_word (block, at, &next_end);
  g_autofree char *word = NULL;
  const char *chunk_start;
  gunichar terminal;
  guint dots = 0;
  gpointer kind;
  gboolean upper, dotted;

  /* Back over spaces and closing quotes or brackets to the terminal mark. */
  while (e > first && is_space (char_at (prev_char (first, e))))
    e = prev_char (first, e);
  while (e > first && is_closer (char_at (prev_char (first, e))))
    e = prev_char (first, e);
  if (e == first)
    return FALSE;
  q = prev_char (first, e);
  terminal = char_at (q);

  if (terminal == '!' || terminal == '?')
    return !g_unichar_islower (g_utf8_get_char (next)) || *next == '\0';
  if (terminal != '.' && terminal != 0x2026)
    return TRUE;

  /* Ellipses: three dots mark an omission inside a sentence; a fourth is
   * the full stop of a sentence that ends with one. */
  for (const char *p = e; p > first;)
    {
      const char *r = prev_char (first, p);
      gunichar c = char_at (r);

      if (c == '.')
        dots++;
      else if (c == 0x2026)
        dots += 3;
      else if (c != ' ')
        break;
      p = r;
    }
  if (dots == 3)
    return FALSE;
  if (dots > 1)
    return TRUE;

  if (is_list_marker_piece (block, from, e))
    return FALSE;

  word = chunk_before (first, q, &chunk_start);
  kind = g_hash_table_lookup (block->abbreviations, word);
  if (GPOINTER_TO_INT (kind) == ABBR_PREFIX)
    return FALSE;

  /* German ordinals: "am 12. März", "der 2. Weltkrieg", but "auf Seite 12. Dort". */
  if (block->german && is_capitalised (next) && !is_opener_word (block, next) && strlen (word) <= 2
      && g_ascii_isdigit (word[0]) && (word[1] == '\0' || g_ascii_isdigit (word[1])))
    return FALSE;

  if (g_utf8_strlen (word, -1) == 1 && g_unichar_isalpha (g_utf8_get_char (word)))
    {
      /* An initial ("Jonas E. Smith", "J. R. R. Tolkien") unless a lower-case
       * word precedes and an opener follows ("you and I. Did you"). */
      const char *prev_start;
      g_autofree char *prev = NULL;
      const char *before = chunk_start;

      while (before > first && is_space (char_at (prev_char (first, before))))
        before = prev_char (first, before);
      if (before == first)
        return FALSE;
      /* "an L. A. Superior Court judge": another initial follows. */
      if (g_utf8_strlen (next, -1) == 1 && next_end < block->end && block->text[next_end] == '.')
        return FALSE;
      prev = chunk_before (first, before, &prev_start);
      return g_unichar_islower (g_utf8_get_char (prev)) && is_opener_word (block, next);
    }

  dotted = is_dotted_abbreviation (word, &upper);
  if (GPOINTER_TO_INT (kind) == ABBR_FINAL || dotted)
    {
      /* "U.S. Government" vs "the U.S. How about", "6 P.M. Mr. Smith". */
      if (is_opener_word (block, next))
        return TRUE;
      upper = upper && GPOINTER_TO_INT (kind) != ABBR_FINAL;
      return upper
             && GPOINTER_TO_INT (g_hash_table_lookup (block->abbreviations, next)) == ABBR_PREFIX;
    }
  return TRUE;
}

static void
append_trimmed (GArray     *sentences,
                const char *text,
                guint       start,
                guint       end)
{
  PxRange range;

  while (start < end && is_space (char_at (text + start)))
    start = g_utf8_next_char (text + start) - text;
  while (end > start)
    {
      const char *p = g_utf8_find_prev_char (text + start, text + end);
      if (p == NULL || !is_space (char_at (p)))
        break;
      end = p - text;
    }
  if (end <= start)
    return;
  range.start = start;
  range.end = end;
  g_array_append_val (sentences, range);
}

/* ICU counts "[" as closing punctuation, so "martyr.[1] The" breaks inside
 * the footnote mark; the break belongs after "[1]" (or "[7][8]"). */
static guint
after_citations (const Block *block,
                 guint        at)
{
  const char *text = block->text;
  guint p = at, moved = at;

  if (at == block->start || text[at - 1] != '[')
    return at;
  while (p < block->end)
    {
      guint q = p;

      while (q < block->end && g_ascii_isdigit (text[q]))
        q++;
      if (q == p || q >= block->end || text[q] != ']')
        break;
      moved = p = q + 1;
      if (p + 1 < block->end && text[p] == '[')
        p++;
      else
        break;
    }
  return moved;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
split_block (Block          *block,
             UBreakIterator *bi,
             GArray         *sentences)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) forced = g_array_new (FALSE, FALSE, sizeof (guint));
  UErrorCode status = U_ZERO_ERROR;
  UText *ut;
  guint from = block->start, f = 0;

  ut = utext_openUTF8 (NULL, block->flat + block->start, block->end - block->start, &status);
  ubrk_setUText (bi, ut, &status);
  if (U_FAILURE (status))
    g_error ("ICU sentence iterator: %s", u_errorName (status));
  for (int32_t b = ubrk_next (bi); b != UBRK_DONE; b = ubrk_next (bi))
    {
      guint at = block->start + b;
      if (at < block->end)
        g_array_append_val (candidates, at);
    }
  utext_close (ut);

  add_list_breaks (block, forced);
  add_glued_breaks (block, forced);
  add_ellipsis_breaks (block, forced);
  g_array_sort (forced, compare_guint);
  g_array_append_vals (candidates, forced->data, forced->len);
  g_array_sort (candidates, compare_guint);

  for (guint i = 0; i < candidates->len; i++)
    {
      guint at = g_array_index (candidates, guint, i);
      gboolean is_forced = FALSE;

      at = after_citations (block, at);
      if (at <= from)
        continue;
      while (f < forced->len && g_array_index (forced, guint, f) < at)
        f++;
      is_forced = f < forced->len && g_array_index (forced, guint, f) == at;
      if (is_forced || keep_break (block, from, at))
        {
          append_trimmed (sentences, block->text, from, at);
          from = at;
        }
    }
  append_trimmed (sentences, block->text, from, block->end);
}

static gboolean
line_is_blank (const char *p,
               const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Splits a paragraph (no blank line inside) into blocks: every line when the
 * paragraph has no sentence mark at all (a list of items), else at a line
 * feed followed by anything but a lower-case letter. */
static void
paragraph_blocks (const char *text,
                  guint       start,
                  guint       end,
                  GArray     *blocks)
{
  gboolean marks = FALSE;
  PxRange block = { start, start };

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (is_terminal (char_at (p)))
      {
        marks = TRUE;
        break;
      }

  for (guint i = start; i < end; i++)
    {
      const char *p;

      if (text[i] != '\n')
        continue;
      for (p = text + i + 1; p < text + end && (*p == ' ' || *p == '\t' || *p == '\r'); p++)
        ;
      if (!marks || !g_unichar_islower (char_at (p)))
        {
          block.end = i;
          g_array_append_val (blocks, block);
          block.start = i + 1;
        }
    }
  block.end = end;
  g_array_append_val (blocks, block);
}

GArray *
px_segment_sentences (const char *text,
                      const char *language)
{
  GArray *sentences;
  g_autoptr (GArray) blocks = NULL;
  g_autofree char *flat = NULL;
  UBreakIterator *bi;
  guint length, para;

  g_return_val_if_fail (text != NULL, NULL);

  sentences = g_array_new (FALSE, FALSE, sizeof (PxRange));
  length = strlen (text);
  if (length == 0)
    return sentences;

  /* Paragraphs: runs of lines without a blank one. */
  blocks = g_array_new (FALSE, FALSE, sizeof (PxRange));
  para = 0;
  for (guint i = 0; i <= length; i++)
    {
      const char *eol;
      guint line_end;

      if (i < length && text[i] != '\n')
        continue;
      /* text[i] ends a line; is the next one blank? */
      eol = i < length ? strchr (text + i + 1, '\n') : NULL;
      line_end = eol != NULL ? (guint) (eol - text) : length;
      if (i == length || line_is_blank (text + i + 1, text + line_end))
        {
          if (!line_is_blank (text + para, text + i))
            paragraph_blocks (text, para, i, blocks);
          para = i + 1;
        }
    }

  flat = g_strdup (text);
  for (guint i = 0; i < length; i++)
    if (flat[i] == '\n' || flat[i] == '\r')
      flat[i] = ' ';

  bi = new_iterator ();
  for (guint i = 0; i < blocks->len; i++)
    {
      PxRange *r = &g_array_index (blocks, PxRange, i);
      Block block = {
        .text = text,
        .flat = flat,
        .start = r->start,
        .end = r->end,
        .stop_words = px_language_get_stop_words (px_language_canonical (language)
                                                  ? language : "en"),
        .abbreviations = abbreviations (),
        .german = g_strcmp0 (px_language_canonical (language), "de") == 0,
      };

      if (r->end > r->start)
        split_block (&block, bi, sentences);
    }
  ubrk_close (bi);
  return sentences;
}
