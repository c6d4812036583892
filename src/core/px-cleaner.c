/* px-cleaner.c: separates an article's story from the boilerplate around it
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four passes over the paragraphs of the raw text (see px-cleaner.h):
 *   1. each paragraph alone: phrase lists of data/cleaner/ (navigation,
 *      prompts, captions, footers, link lines, bylines, teaser headers) and
 *      the shape of the line (no letters, mostly a URL, a © notice, items
 *      between menu separators, a menu spelled out in known labels);
 *   2. runs of short labels next to a known menu label (a menu whose
 *      entries are not in the lists);
 *   3. exact and near repeats: a hash of the words, and word-bigram
 *      Jaccard against earlier paragraphs found through an index of each
 *      paragraph's smallest bigram hashes (a bottom-k sketch), so the work
 *      stays linear in the text;
 *   4. the off-topic tail (find_tail ()): after the lead, the first
 *      headline-like line (else the first paragraph sharing no stem with
 *      the two before it, or a teaser header) that opens a tail whose
 *      paragraphs seldom name the story's names and whose content stems
 *      (stop-words of data/stopwords/ and news-generic words dropped,
 *      stemmed with libstemmer) are mostly unused before it; related
 *      articles of the event add names that protect a paragraph. A last
 *      paragraph naming the story's names (background, a reaction, a
 *      denial) is kept unless an unnamed, headline-led block precedes it.
 *      A tail without a headline (or shielded by a later appended story
 *      that echoes the lead) is found segment by segment
 *      (find_segment_start ()): a segment whose own topic, the stems its
 *      paragraphs share, is new. A paragraph opening with a quotation or a
 *      word that refers back ([continuing] of data/cleaner/) never starts
 *      a tail without a headline.
 * Phrases of all languages are used on every article; the stop-words and
 * the stemmer follow the article's language (given, or px_language_detect ()).
 */
#include "px-cleaner.h"

#include <libstemmer.h>
#include <string.h>

#include "px-data.h"
#include "px-language.h"
#include "px-span.h"

/* The sections of data/cleaner/<language>.txt that hold phrases. */
typedef enum
{
  KIND_NAVIGATION,
  KIND_PROMPT,
  KIND_CAPTION,
  KIND_FOOTER,
  KIND_LINK,
  KIND_BYLINE,
  KIND_TEASER,
  N_KINDS
} PhraseKind;

static const struct
{
  const char *section;
  PxRemovalReason reason;
  guint max_bytes;  /* the longest paragraph a partial match may remove */
} kinds[N_KINDS] = {
  [KIND_NAVIGATION] = { "navigation", PX_REMOVAL_NAVIGATION, 100 },
  [KIND_PROMPT] = { "prompt", PX_REMOVAL_PROMPT, 260 },
  [KIND_CAPTION] = { "caption", PX_REMOVAL_CAPTION, 320 },
  [KIND_FOOTER] = { "footer", PX_REMOVAL_FOOTER, 420 },
  [KIND_LINK] = { "link", PX_REMOVAL_LINK_LINE, 260 },
  [KIND_BYLINE] = { "byline", PX_REMOVAL_BYLINE, 140 },
  [KIND_TEASER] = { "teaser", PX_REMOVAL_UNRELATED_STORY, 80 },
};

/* How a phrase meets a paragraph: "phrase", "phrase *", "* phrase",
 * "* phrase *". */
typedef enum
{
  MATCH_WHOLE,
  MATCH_PREFIX,
  MATCH_SUFFIX,
  MATCH_CONTAINS,
  N_MATCHES
} MatchMode;

/* Paragraphs longer than this are never boilerplate of a listed kind. */
#define MAX_PHRASE_UNIT_BYTES 420
/* A block line longer than this is not hard-wrapped text. */
#define WRAP_MAX_CHARS 100
#define WRAP_MIN_CHARS 40
#define WRAP_FULL_CHARS 60

/* Near repeats: word-bigram Jaccard, sketch size, posting list cap. */
#define NEAR_MIN_WORDS 5
#define NEAR_JACCARD 0.5
#define NEAR_CONTAINED 0.9
#define SKETCH_SIZE 8
#define POSTING_CAP 16
#define NEAR_CANDIDATES 4

/* Words whose stems a cleaner remembers, per language. */
#define STEM_CACHE_MAX 200000

/* Tail: the lead is the first paragraphs up to LEAD_MIN_STEMS stems (at
 * most LEAD_MAX_UNITS), or, when the first prose paragraph (at least
 * LEAD_PROSE_MIN_WORDS words, ending a sentence) sharing LEAD_TITLE_STEMS
 * stems with the title comes after them, the paragraphs from it (or from
 * the headline right before it); a tail is cut when none of its first
 * TAIL_CLEAN_START prose paragraphs could open the story that way, at most
 * TAIL_SHARE of its stem weight was used before it (TAIL_TEASER_SHARE
 * after a teaser header), it weighs TAIL_MIN_WEIGHT, at most
 * TAIL_NAMED_SHARE of its paragraphs name the story's names (the title's
 * and the lead's that the first LEAD_ECHO_UNITS paragraphs after the lead
 * name again) and none of its
 * first TAIL_CLEAN_START do; a paragraph
 * of TAIL_SHIFT_MIN_WEIGHT sharing no stem with the two before it may
 * start a tail that has at most TAIL_SHIFT_SHARE used weight; a stem used
 * by the related articles counts TAIL_RELATED_FACTOR of a used one; names
 * weigh NAME_WEIGHT. Segments (find_segment_start ()) weigh at least
 * TAIL_SEGMENT_MIN_WEIGHT, grown over at most TAIL_SEGMENT_ROUNDS cues until
 * their shared stems weigh TAIL_COHESIVE_MIN_WEIGHT; a stem known only from
 * the related articles counts TAIL_SEGMENT_RELATED_FACTOR (all stems) or
 * TAIL_COHESIVE_RELATED_FACTOR (shared stems) of a used one; in a segment, a
 * stem the text used in one paragraph before it counts TAIL_USED_ONCE of
 * one used in two. Only in a language the cleaner knows. Tuned on ECB+
 * topics 1-35 (bench-text-cleaning); the lead's start, the tail's first
 * prose and the language rule were added after the real pages of that
 * benchmark showed whole-page copies losing most of their story. */
#define TITLE_MAX_WORDS 16
#define LEAD_MIN_STEMS 25
#define LEAD_MAX_UNITS 3
#define LEAD_ECHO_UNITS 3
#define LEAD_PROSE_MIN_WORDS 10
#define LEAD_TITLE_STEMS 3
#define TAIL_SHARE 0.3
#define TAIL_SEGMENT_MIN_WEIGHT 30.0
#define TAIL_SEGMENT_SHARE 0.1
#define TAIL_SEGMENT_RELATED_FACTOR 0.1
#define TAIL_COHESIVE_MIN_WEIGHT 6.0
#define TAIL_SEGMENT_ROUNDS 2
#define TAIL_COHESIVE_SHARE 0.05
#define TAIL_COHESIVE_SHARE_RELATED 0.2
#define TAIL_COHESIVE_RELATED_FACTOR 0.5
#define TAIL_TEASER_SHARE 0.4
#define TAIL_MIN_WEIGHT 20.0
#define TAIL_RELATED_FACTOR 0.25
#define TAIL_SHIFT_MIN_WEIGHT 8
#define TAIL_CLEAN_START 2
#define TAIL_SHIFT_SHARE 0.05
#define TAIL_NAMED_SHARE 0.3
#define NAME_WEIGHT 2
#define TAIL_USED_ONCE 0.7

/* A language's stop-words (px-language) and the cleaner's own list of
 * words too common in news to tell one story from another. */
typedef struct
{
  char *code;
  GHashTable *stopwords;  /* borrowed from px_language_get_stop_words () */
  GHashTable *generic;    /* case-folded word → itself */
  GHashTable *continuing; /* first words that continue a text: "he", "but" */
  GHashTable *stems;      /* case-folded word → its Snowball stem, or
                           * not_counted; shared by all cleanings (under the
                           * cleaner's stem_lock): stemming and sorting out
                           * each article's words again was a fifth of
                           * cleaning */
} Language;

struct _PxCleaner
{
  GObject parent_instance;

  /* Normalised phrase → kind + 1, with PHRASE_GROWS when it is also
   * the start of a longer phrase (its end for MATCH_SUFFIX, which grows to
   * the left); the starts of phrases that are no phrase themselves are
   * kept with PHRASE_GROWS alone. A match is tried word by word, and a
   * sequence without PHRASE_GROWS cannot grow into a phrase, so the
   * longer tries are skipped: they were most of cleaning. */
  GHashTable *phrases[N_MATCHES];
  guint max_phrase_tokens;
  GPtrArray *languages;            /* Language */
  GMutex stem_lock;
};

G_DEFINE_FINAL_TYPE (PxCleaner, px_cleaner, G_TYPE_OBJECT)

/* ---- Characters and tokens ------------------------------------------ */

typedef struct
{
  guint start;        /* byte offsets into the tokenised text */
  guint end;
  guint word : 1;     /* letters and digits; else one other character */
  guint digits : 1;   /* digits only */
  guint upper : 1;    /* starts with an upper-case letter */
} Token;

static gunichar
next_char (const char  *p,
           const char  *end,
           const char **next)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    {
      *next = p + 1;
      return (guchar) *p;
    }
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = p + 1;
      return 0xFFFD;
    }
  *next = g_utf8_next_char (p);
  return c;
}

static gboolean
is_alnum (gunichar c)
{
  return c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c);
}

static gboolean
is_space (gunichar c)
{
  return c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c);
}

/* Characters that may sit inside a word: "don't", "court-mandated". */
static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010;
}

static void
tokenize (const char *text,
          gsize       length,
          GArray     *tokens)
{
  const char *p = text, *end = text + length;

  g_array_set_size (tokens, 0);
  while (p < end)
    {
      const char *next;
      gunichar c = next_char (p, end, &next);
      Token token = { p - text, next - text, FALSE, FALSE, FALSE };

      if (is_space (c))
        {
          p = next;
          continue;
        }
      if (is_alnum (c))
        {
          const char *q = next;

          token.word = TRUE;
          token.digits = c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
          token.upper = g_unichar_isupper (c);
          while (q < end)
            {
              const char *after;
              gunichar d = next_char (q, end, &after);

              if (is_alnum (d))
                {
                  if (!(d < 0x80 ? g_ascii_isdigit (d) : g_unichar_isdigit (d)))
                    token.digits = FALSE;
                  q = after;
                }
              else if (is_joiner (d) && after < end)
                {
                  const char *after2;
                  if (!is_alnum (next_char (after, end, &after2)))
                    break;
                  token.digits = FALSE;
                  q = after;
                }
              else
                break;
            }
          token.end = q - text;
        }
      g_array_append_val (tokens, token);
      p = text + token.end;
    }
}

/* Appends the normalised form of @token: digits become "0", words are
 * case-folded, other characters stay. */
static void
append_normalized (GString     *out,
                   const char  *text,
                   const Token *token)
{
  const char *s = text + token->start;
  gsize len = token->end - token->start;
  gboolean ascii = TRUE;

  if (token->digits)
    {
      g_string_append_c (out, '0');
      return;
    }
  if (!token->word)
    {
      g_string_append_len (out, s, len);
      return;
    }
  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guchar) s[i] < 0x80;
  if (ascii)
    {
      /* Written in place, not appended and lowered by a call a character. */
      gsize at = out->len;

      g_string_set_size (out, at + len);
      for (gsize i = 0; i < len; i++)
        out->str[at + i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i];
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (s, len);
      g_string_append (out, folded);
    }
}

static gboolean
is_terminal_char (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' ||
         c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x2026;
}

/* ---- Paragraphs ------------------------------------------------------ */

typedef struct
{
  guint start;
  guint end;
} Range;

typedef struct
{
  guint start;   /* trimmed */
  guint end;
  guint chars;   /* capped: a line over 400 bytes counts as its bytes */
} Line;

static gunichar
last_char (const char *raw,
           const Line *line)
{
  const char *prev = g_utf8_find_prev_char (raw + line->start, raw + line->end);
  return prev ? g_utf8_get_char_validated (prev, raw + line->end - prev) : 0;
}

static gboolean
starts_sentence (const char *raw,
                 const Line *line)
{
  const char *next;
  gunichar c = next_char (raw + line->start, raw + line->end, &next);

  return g_unichar_isupper (c) || g_unichar_isdigit (c) || !is_alnum (c);
}

static gboolean
has_alnum (const char *raw,
           const Line *line)
{
  const char *p = raw + line->start, *end = raw + line->end, *next;

  for (; p < end; p = next)
    if (is_alnum (next_char (p, end, &next)))
      return TRUE;
  return FALSE;
}

static gboolean
joins_next (const char *raw,
            const Line *line,
            const Line *next,
            guint       width)
{
  /* A closing quote wrapped onto a line of its own. */
  if (!has_alnum (raw, next))
    return TRUE;
  if (line->chars < MAX (WRAP_MIN_CHARS, width * 0.65))
    return FALSE;
  return !(is_terminal_char (last_char (raw, line)) && starts_sentence (raw, next));
}

static void
add_block (const char *raw,
           const Line *lines,
           guint       n_lines,
           GArray     *paragraphs)
{
  guint n_long = 0, n_full = 0, width = 0;
  gboolean wrapped;
  Range paragraph = { lines[0].start, lines[0].end };

  for (guint i = 0; i < n_lines; i++)
    {
      if (lines[i].chars > WRAP_MAX_CHARS)
        n_long++;
      else
        width = MAX (width, lines[i].chars);
      if (lines[i].chars >= WRAP_MIN_CHARS)
        n_full++;
    }
  /* Two full lines, or a full first line that runs on into the second. */
  wrapped = n_lines >= 2 && n_long * 10 <= n_lines &&
            (n_full - n_long >= 2 ||
             (n_long == 0 && lines[0].chars >= WRAP_FULL_CHARS &&
              !(is_terminal_char (last_char (raw, &lines[0])) && starts_sentence (raw, &lines[1]))));
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      if (wrapped && joins_next (raw, &lines[i], &lines[i + 1], width))
        paragraph.end = lines[i + 1].end;
      else
        {
          g_array_append_val (paragraphs, paragraph);
          paragraph.start = lines[i + 1].start;
          paragraph.end = lines[i + 1].end;
        }
    }
  g_array_append_val (paragraphs, paragraph);
}

/* The paragraphs of @raw as trimmed byte ranges (see px-cleaner.h). */
static GArray *
split_paragraphs (const char *raw)
{
  g_autoptr (GArray) block = g_array_new (FALSE, FALSE, sizeof (Line));
  GArray *paragraphs = g_array_new (FALSE, FALSE, sizeof (Range));
  const char *p = raw;

  for (;;)
    {
      const char *eol = strchr (p, '\n');
      const char *end = eol ? eol : p + strlen (p);
      Line line = { p - raw, end - raw, 0 };

      while (line.start < line.end && g_ascii_isspace (raw[line.start]))
        line.start++;
      while (line.end > line.start && g_ascii_isspace (raw[line.end - 1]))
        line.end--;
      if (line.start == line.end)
        {
          if (block->len > 0)
            add_block (raw, (Line *) (void *) block->data, block->len, paragraphs);
          g_array_set_size (block, 0);
        }
      else
        {
          guint bytes = line.end - line.start;
          line.chars = bytes > 400 ? bytes : (guint) g_utf8_strlen (raw + line.start, bytes);
          g_array_append_val (block, line);
        }
      if (eol == NULL)
        break;
      p = eol + 1;
    }
  if (block->len > 0)
    add_block (raw, (Line *) (void *) block->data, block->len, paragraphs);
  return paragraphs;
}

static void
append_lines (GString    *paragraph,
              const char *raw,
              guint       start,
              guint       end)
{
  while (start < end)
    {
      const char *eol = memchr (raw + start, '\n', end - start);
      guint line_end = eol ? (guint) (eol - raw) : end;
      guint a = start, b = line_end;

      while (a < b && g_ascii_isspace (raw[a]))
        a++;
      while (b > a && g_ascii_isspace (raw[b - 1]))
        b--;
      if (a < b)
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append_len (paragraph, raw + a, b - a);
        }
      start = eol ? line_end + 1 : end;
    }
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : (x->end > y->end ? 1 : 0);
}

char *
px_cleaner_apply (const char   *raw,
                  const GArray *removed)
{
  g_autoptr (GArray) paragraphs = NULL;
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr (GString) paragraph = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  guint next_cut = 0;

  g_return_val_if_fail (raw != NULL, NULL);

  for (guint i = 0; removed != NULL && i < removed->len; i++)
    {
      const PxSpan *span = &g_array_index (removed, PxSpan, i);
      Range cut = { span->start, span->end };
      if (!span->restored && span->start < span->end)
        g_array_append_val (cuts, cut);
    }
  g_array_sort (cuts, compare_ranges);

  paragraphs = split_paragraphs (raw);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const Range *range = &g_array_index (paragraphs, Range, i);
      guint cursor = range->start;

      g_string_truncate (paragraph, 0);
      while (cursor < range->end)
        {
          guint piece_end = range->end;
          gboolean inside = FALSE;

          /* Cuts are sorted by start; skip those ending before the cursor
           * and jump over any that covers it. */
          while (next_cut < cuts->len && g_array_index (cuts, Range, next_cut).end <= cursor)
            next_cut++;
          for (guint c = next_cut; c < cuts->len; c++)
            {
              const Range *cut = &g_array_index (cuts, Range, c);
              if (cut->start > cursor)
                {
                  piece_end = MIN (piece_end, cut->start);
                  break;
                }
              if (cut->end > cursor)
                {
                  cursor = MIN (cut->end, range->end);
                  inside = TRUE;
                }
            }
          if (inside)
            continue;
          append_lines (paragraph, raw, cursor, piece_end);
          cursor = piece_end;
        }
      if (paragraph->len > 0)
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append_len (out, paragraph->str, paragraph->len);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- Phrase lists ----------------------------------------------------- */

/* The normalised tokens of @text joined by single spaces, from token
 * @first to @last (exclusive). */
static void
join_tokens (GString     *out,
             const char  *text,
             const Token *tokens,
             guint        first,
             guint        last)
{
  g_string_truncate (out, 0);
  for (guint i = first; i < last; i++)
    {
      if (i > first)
        g_string_append_c (out, ' ');
      append_normalized (out, text, &tokens[i]);
    }
}

#define PHRASE_KIND 0xFF
#define PHRASE_GROWS 0x100

/* Adds @bits (a kind + 1 or PHRASE_GROWS) to @key's entry; a phrase
 * listed twice keeps its first kind. */
static void
mark_phrase (GHashTable *phrases,
             const char *key,
             guint       bits)
{
  guint value = GPOINTER_TO_UINT (g_hash_table_lookup (phrases, key));
  guint updated = value;

  if ((bits & PHRASE_KIND) == 0 || (value & PHRASE_KIND) == 0)
    updated |= bits;
  if (updated != value)
    g_hash_table_insert (phrases, g_strdup (key), GUINT_TO_POINTER (updated));
}

static void
add_phrase (PxCleaner  *self,
            PhraseKind  kind,
            const char *line)
{
  g_autoptr (GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr (GString) key = g_string_new (NULL);
  gsize len = strlen (line);
  gboolean star_start = line[0] == '*';
  gboolean star_end = len > 1 && line[len - 1] == '*';
  const Token *t;
  guint first = 0, last;
  MatchMode mode;

  if (star_start)
    line++, len--;
  if (star_end)
    len--;
  mode = star_start && star_end ? MATCH_CONTAINS
         : star_start           ? MATCH_SUFFIX
         : star_end             ? MATCH_PREFIX
                                : MATCH_WHOLE;
  tokenize (line, len, tokens);
  t = (const Token *) (void *) tokens->data;
  last = tokens->len;
  /* Paragraphs are matched without their leading and trailing
   * punctuation: the anchored ends of a phrase lose theirs too. */
  if (mode == MATCH_WHOLE || mode == MATCH_PREFIX)
    while (first < last && !t[first].word)
      first++;
  if (mode == MATCH_WHOLE || mode == MATCH_SUFFIX)
    while (last > first && !t[last - 1].word)
      last--;
  if (first == last)
    return;
  join_tokens (key, line, t, first, last);
  self->max_phrase_tokens = MAX (self->max_phrase_tokens, last - first);
  mark_phrase (self->phrases[mode], key->str, kind + 1);
  for (guint k = 1; k < last - first; k++)
    {
      if (mode == MATCH_SUFFIX)
        join_tokens (key, line, t, last - k, last);
      else
        join_tokens (key, line, t, first, first + k);
      mark_phrase (self->phrases[mode], key->str, PHRASE_GROWS);
    }
}

/* A Language's stem of a word too short or too common to count. */
static char not_counted[] = "";

static void
free_stem (gpointer stem)
{
  if (stem != not_counted)
    g_free (stem);
}

static void
language_free (gpointer data)
{
  Language *language = data;

  g_free (language->code);
  g_hash_table_unref (language->generic);
  g_hash_table_unref (language->continuing);
  g_hash_table_unref (language->stems);
  g_free (language);
}

static void
load_language (PxCleaner  *self,
               const char *code)
{
  g_autofree char *relative = g_strdup_printf ("cleaner/%s.txt", code);
  g_auto (GStrv) lines = px_data_read_lines (relative);
  g_autoptr (GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr (GString) word = g_string_new (NULL);
  Language *language = g_new0 (Language, 1);
  int section = -1;  /* a PhraseKind, N_KINDS for generic words, N_KINDS + 1
                      * for continuing words, -1 unknown */

  language->code = g_strdup (code);
  language->stopwords = px_language_get_stop_words (code);
  language->generic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  language->continuing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  language->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_stem);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '[')
        {
          section = -1;
          for (int k = 0; k < N_KINDS; k++)
            if (strncmp (line + 1, kinds[k].section, strlen (kinds[k].section)) == 0)
              section = k;
          if (g_str_has_prefix (line, "[generic]"))
            section = N_KINDS;
          if (g_str_has_prefix (line, "[continuing]"))
            section = N_KINDS + 1;
        }
      else if (section >= N_KINDS)
        {
          GHashTable *words = section == N_KINDS ? language->generic : language->continuing;

          tokenize (line, strlen (line), tokens);
          for (guint t = 0; t < tokens->len; t++)
            {
              const Token *token = &g_array_index (tokens, Token, t);
              if (!token->word)
                continue;
              g_string_truncate (word, 0);
              append_normalized (word, line, token);
              g_hash_table_add (words, g_strdup (word->str));
            }
        }
      else if (section >= 0)
        add_phrase (self, section, line);
    }
  g_ptr_array_add (self->languages, language);
}

static void
px_cleaner_finalize (GObject *object)
{
  PxCleaner *self = PX_CLEANER (object);

  for (guint m = 0; m < N_MATCHES; m++)
    g_clear_pointer (&self->phrases[m], g_hash_table_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_mutex_clear (&self->stem_lock);
  G_OBJECT_CLASS (px_cleaner_parent_class)->finalize (object);
}

static void
px_cleaner_class_init (PxCleanerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_cleaner_finalize;
}

static void
px_cleaner_init (PxCleaner *self)
{
  g_auto (GStrv) codes = px_data_read_lines ("cleaner/languages.txt");

  for (guint m = 0; m < N_MATCHES; m++)
    self->phrases[m] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->languages = g_ptr_array_new_with_free_func (language_free);
  g_mutex_init (&self->stem_lock);
  for (guint i = 0; codes[i] != NULL; i++)
    load_language (self, codes[i]);
}

PxCleaner *
px_cleaner_new (void)
{
  return g_object_new (PX_TYPE_CLEANER, NULL);
}

void
px_cleaning_free (PxCleaning *cleaning)
{
  g_free (cleaning->clean_text);
  g_clear_pointer (&cleaning->removed, g_array_unref);
  g_free (cleaning);
}

/* ---- One paragraph ------------------------------------------------------ */

#define KEEP (-1)

typedef struct
{
  guint start;            /* trimmed byte range of raw */
  guint end;
  int reason;             /* a PxRemovalReason, or KEEP */
  guint pinned : 1;       /* overlaps a restored given span: always kept */
  guint gone : 1;         /* all its text is in given removed spans */
  guint teaser : 1;       /* "More from this site" and the like */
  guint short_label : 1;  /* a menu entry's shape: few words, no digits */
  guint title_like : 1;   /* a headline's shape: a few words, no full stop */
  guint continuing : 1;   /* opens with a quote or a word that refers back */
  guint prose : 1;        /* a sentence or more: LEAD_PROSE_MIN_WORDS, a full stop */
  guint n_words;
  guint64 hash;           /* of its normalised words */
  guint32 *shingles;      /* sorted distinct word-bigram hashes */
  guint n_shingles;
  guint32 *stems;         /* content stem ids, high bit set for names */
  guint n_stems;
} Unit;

/* Scratch buffers shared by the paragraphs of one cleaning. */
typedef struct
{
  PxCleaner *cleaner;
  const Language *language;
  struct sb_stemmer *stemmer;
  GHashTable *stem_ids;   /* stem → id + 1 */
  GArray *tokens;
  GString *key;
  GString *word;
  GArray *offsets;        /* guint: start of each token in @key */
  GArray *words;          /* guint: index in tokens of each word token */
  GArray *hashes;         /* guint32 */
  GArray *stems;          /* guint32 */
} Scratch;

static guint32
hash_bytes (const char *s,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

/* The stem of @word (case-folded already), or not_counted for a word too
 * short or too common to count. Owned by @language->stems, or by *@owned
 * once that is full. Called with the cleaner's stem_lock held. */
static const char *
lookup_stem (Scratch    *scratch,
             const char *word,
             gsize       len,
             char      **owned)
{
  const Language *language = scratch->language;
  const char *stem = g_hash_table_lookup (language->stems, word);
  char *copy;

  if (stem != NULL)
    return stem;
  if (len < 2 || g_hash_table_contains (language->stopwords, word) ||
      g_hash_table_contains (language->generic, word))
    copy = not_counted;
  else if (scratch->stemmer != NULL &&
           (stem = (const char *) sb_stemmer_stem (scratch->stemmer, (const sb_symbol *) word, len)) != NULL)
    copy = g_strndup (stem, sb_stemmer_length (scratch->stemmer));
  else
    copy = g_strndup (word, len);
  /* A bound on what a long import keeps: news vocabulary stays far below. */
  if (g_hash_table_size (language->stems) < STEM_CACHE_MAX)
    g_hash_table_insert (language->stems, g_strndup (word, len), copy);
  else if (copy != not_counted)
    *owned = copy;
  return copy;
}

/* The id of @stem in this cleaning. */
static guint32
stem_id (Scratch    *scratch,
         const char *stem)
{
  gpointer id = g_hash_table_lookup (scratch->stem_ids, stem);

  if (id == NULL)
    {
      id = GUINT_TO_POINTER (g_hash_table_size (scratch->stem_ids) + 1);
      g_hash_table_insert (scratch->stem_ids, g_strdup (stem), id);
    }
  return GPOINTER_TO_UINT (id) - 1;
}

/* A stem id's flag: a name (capitalised inside a clause). */
#define NAME_BIT 0x80000000u
#define ID_MASK (~NAME_BIT)

static gboolean
starts_clause (const char  *text,
               const Token *tokens,
               guint        index)
{
  const char *next;
  gunichar c;

  if (index == 0)
    return TRUE;
  if (tokens[index - 1].word)
    return FALSE;
  c = next_char (text + tokens[index - 1].start, text + tokens[index - 1].end, &next);
  return is_terminal_char (c) || c == '(' || c == '[' || c == 0x201C || c == 0xAB ||
         c == 0x2014 || c == '-' || c == '*';
}

/* Fills @scratch->stems with the content stems of @text's tokens, names
 * (capitalised inside a clause) marked with NAME_BIT. */
static void
collect_stems (Scratch    *scratch,
               const char *text)
{
  const Token *tokens = (const Token *) (void *) scratch->tokens->data;

  g_array_set_size (scratch->stems, 0);
  for (guint i = 0; i < scratch->tokens->len; i++)
    {
      const Token *t = &tokens[i];
      guint32 id;

      if (!t->word || t->digits)
        continue;
      g_string_truncate (scratch->word, 0);
      append_normalized (scratch->word, text, t);
      if (scratch->language == NULL)
        {
          if (scratch->word->len < 2)
            continue;
          id = stem_id (scratch, scratch->word->str);
        }
      else
        {
          g_autofree char *owned = NULL;
          GMutex *lock = &scratch->cleaner->stem_lock;
          const char *stem;

          g_mutex_lock (lock);
          stem = lookup_stem (scratch, scratch->word->str, scratch->word->len, &owned);
          id = stem != not_counted ? stem_id (scratch, stem) : G_MAXUINT32;
          g_mutex_unlock (lock);
          if (id == G_MAXUINT32)
            continue;
        }
      if (t->upper && !starts_clause (text, tokens, i))
        id |= NAME_BIT;
      g_array_append_val (scratch->stems, id);
    }
}

static int
compare_uint32 (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : (x > y ? 1 : 0);
}

static int
compare_stems (gconstpointer a,
               gconstpointer b)
{
  guint32 x = *(const guint32 *) a & ID_MASK, y = *(const guint32 *) b & ID_MASK;
  return x < y ? -1 : (x > y ? 1 : 0);
}

/* Sorts and removes duplicates; for stems, a name anywhere makes the stem
 * a name. */
static guint
sort_unique (guint32 *values,
             guint    n,
             gboolean stems)
{
  guint out = 0;

  if (n == 0)
    return 0;  /* values may be NULL, which qsort must not see */
  qsort (values, n, sizeof (guint32), stems ? compare_stems : compare_uint32);
  for (guint i = 0; i < n; i++)
    {
      guint32 mask = stems ? ID_MASK : G_MAXUINT32;

      if (out > 0 && (values[out - 1] & mask) == (values[i] & mask))
        values[out - 1] |= values[i];
      else
        values[out++] = values[i];
    }
  return out;
}

static gboolean
has_url (const char *text,
         gsize       len,
         gsize      *url_bytes)
{
  static const char *const starts[] = { "http://", "https://", "www." };
  gsize total = 0;

  for (gsize i = 0; i < len; i++)
    {
      /* Every start begins with h or w: most bytes go no further. */
      if ((text[i] | 0x20) != 'h' && (text[i] | 0x20) != 'w')
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
        if (g_ascii_tolower (text[i]) == starts[s][0] &&
            (i == 0 || g_ascii_isspace (text[i - 1]) || text[i - 1] == '(' || text[i - 1] == ':') &&
            len - i >= strlen (starts[s]) &&
            g_ascii_strncasecmp (text + i, starts[s], strlen (starts[s])) == 0)
          {
            gsize j = i;
            while (j < len && !g_ascii_isspace (text[j]))
              j++;
            total += j - i;
            i = j;
            break;
          }
    }
  *url_bytes = total;
  return total > 0;
}

/* Menu separators: "Home › World", "News | Sport | Weather". */
static gboolean
is_separator (gunichar c)
{
  return c == '|' || c == 0x203A || c == 0xBB || c == 0x2022 || c == 0xB7 || c == '>' ||
         c == 0x27E9 || c == 0x2192 || c == 0x25B8 || c == 0x25BA || c == 0x2023;
}

static gboolean
menu_shape (const char  *text,
            const Token *tokens,
            guint        n_tokens)
{
  guint items = 0, words = 0, separators = 0;

  for (guint i = 0; i < n_tokens; i++)
    {
      const char *next;
      gunichar c;

      if (tokens[i].word)
        {
          if (++words > 4)
            return FALSE;
          continue;
        }
      c = next_char (text + tokens[i].start, text + tokens[i].end, &next);
      if (is_separator (c))
        {
          separators++;
          if (words > 0)
            items++;
          words = 0;
        }
      else if (c == '!' || c == '?' || c == ',' || c == ';' || (c == '.' && i + 1 == n_tokens))
        return FALSE;
    }
  if (words > 0)
    items++;
  return separators > 0 && items >= 2;
}

/* The words between @first and @last spelled out as known menu labels. */
static gboolean
menu_of_labels (Scratch     *scratch,
                const char  *text,
                const Token *tokens,
                guint        first,
                guint        last)
{
  GHashTable *whole = scratch->cleaner->phrases[MATCH_WHOLE];
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean reach[32] = { TRUE };
  guint n;

  for (guint i = first; i < last; i++)
    if (tokens[i].word)
      g_array_append_val (words, i);
    else
      {
        const char *next;
        gunichar c = next_char (text + tokens[i].start, text + tokens[i].end, &next);
        if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == '"')
          return FALSE;
      }
  n = words->len;
  if (n < 2 || n >= G_N_ELEMENTS (reach))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!reach[i])
        continue;
      for (guint k = 1; k <= scratch->cleaner->max_phrase_tokens && i + k <= n; k++)
        {
          g_string_truncate (scratch->key, 0);
          for (guint w = i; w < i + k; w++)
            {
              if (w > i)
                g_string_append_c (scratch->key, ' ');
              append_normalized (scratch->key, text, &tokens[g_array_index (words, guint, w)]);
            }
          guint value = GPOINTER_TO_UINT (g_hash_table_lookup (whole, scratch->key->str));

          if ((int) (value & PHRASE_KIND) - 1 == KIND_NAVIGATION)
            reach[i + k] = TRUE;
          if (!(value & PHRASE_GROWS))
            break;
        }
    }
  return reach[n];
}

/* A byline's rest: mostly capitalised words ("Jane Smith, Reuters"), or a
 * date and time. */
static gboolean
byline_rest (const Token *tokens,
             guint        first,
             guint        last)
{
  guint words = 0, upper = 0, digits = 0;

  for (guint i = first; i < last; i++)
    if (tokens[i].word)
      {
        words++;
        upper += tokens[i].upper;
        digits += tokens[i].digits;
      }
  if (words > 14)
    return FALSE;
  return words == 0 || upper * 2 >= words - digits || digits * 2 >= words;
}

/* Looks tokens @a to @b (exclusive) up among the phrases of @mode: the
 * kind, or -1; @grows tells whether a longer try may still match. */
static int
lookup_kind (Scratch   *scratch,
             MatchMode  mode,
             guint      a,
             guint      b,
             gboolean  *grows)
{
  const guint *offsets = (const guint *) (void *) scratch->offsets->data;
  char *key = scratch->key->str;
  guint from = offsets[a], to = offsets[b] - 1;  /* each token is followed by one space */
  char saved = key[to];
  guint value;

  key[to] = '\0';
  value = GPOINTER_TO_UINT (g_hash_table_lookup (scratch->cleaner->phrases[mode], key + from));
  key[to] = saved;
  if (grows != NULL)
    *grows = (value & PHRASE_GROWS) != 0;
  return (int) (value & PHRASE_KIND) - 1;
}

/* Whether tokens @first to @last hold at most one sentence: no . ! or ?
 * after a word of three letters or more is followed by a capital or a
 * quotation mark ("Calif., on" goes on). */
static gboolean
one_sentence (const char  *text,
              const Token *tokens,
              guint        first,
              guint        last)
{
  for (guint i = first + 1; i + 1 < last; i++)
    {
      const char *next;
      gunichar c, after;

      if (tokens[i].word || !tokens[i - 1].word ||
          g_utf8_strlen (text + tokens[i - 1].start, tokens[i - 1].end - tokens[i - 1].start) < 3)
        continue;
      c = next_char (text + tokens[i].start, text + tokens[i].end, &next);
      after = next_char (text + tokens[i + 1].start, text + tokens[i + 1].end, &next);
      if ((c == '.' || c == '!' || c == '?') &&
          (tokens[i + 1].upper || (!tokens[i + 1].word && after != ',' && after != ';' &&
                                   after != ':' && after != ')')))
        return FALSE;
    }
  return TRUE;
}

/* Whether a partial match of @kind may remove the paragraph: it is short
 * enough, a byline's rest looks like names, and a byline, a menu entry or
 * a teaser header does not end a sentence ("Also on Monday, ..."). A link
 * label followed by one sentence ("Related: <a story's long lead>") is a
 * link line at any length a phrase may match. */
static gboolean
match_allowed (int          kind,
               const char  *text,
               gsize        bytes,
               gboolean     sentence,
               const Token *tokens,
               guint        rest_first,
               guint        rest_last)
{
  if (kind < 0)
    return FALSE;
  if (bytes > kinds[kind].max_bytes &&
      !(kind == KIND_LINK && one_sentence (text, tokens, rest_first, rest_last)))
    return FALSE;
  if (sentence && (kind == KIND_BYLINE || kind == KIND_NAVIGATION || kind == KIND_TEASER))
    return FALSE;
  return kind != KIND_BYLINE || byline_rest (tokens, rest_first, rest_last);
}

/* The paragraph ends with . ! or ? after a word of three letters or more
 * (not "a.m."). */
static gboolean
ends_sentence (const char  *text,
               const Token *tokens,
               guint        n)
{
  const char *next;
  gunichar c;

  if (n < 2 || tokens[n - 1].word || !tokens[n - 2].word)
    return FALSE;
  c = next_char (text + tokens[n - 1].start, text + tokens[n - 1].end, &next);
  return (c == '.' || c == '!' || c == '?') &&
         g_utf8_strlen (text + tokens[n - 2].start, tokens[n - 2].end - tokens[n - 2].start) >= 3;
}

/* The phrase kind of a short paragraph, or -1. */
static int
match_phrases (Scratch    *scratch,
               const char *text,
               gsize       len)
{
  const Token *tokens = (const Token *) (void *) scratch->tokens->data;
  guint n = scratch->tokens->len, a = 0, b = n, k_max = scratch->cleaner->max_phrase_tokens;
  gboolean sentence = ends_sentence (text, tokens, n);
  gboolean prefix_grows = TRUE, suffix_grows = TRUE;
  int kind;

  while (a < b && !tokens[a].word)
    a++;
  while (b > a && !tokens[b - 1].word)
    b--;
  if (a == b)
    return -1;

  g_string_truncate (scratch->key, 0);
  g_array_set_size (scratch->offsets, 0);
  for (guint i = 0; i < n; i++)
    {
      guint offset = scratch->key->len;
      g_array_append_val (scratch->offsets, offset);
      append_normalized (scratch->key, text, &tokens[i]);
      g_string_append_c (scratch->key, ' ');
    }
  {
    guint offset = scratch->key->len;
    g_array_append_val (scratch->offsets, offset);
  }

  kind = lookup_kind (scratch, MATCH_WHOLE, a, b, NULL);
  if (kind >= 0)
    return kind;
  for (guint k = 1; k <= k_max && a + k <= b && (prefix_grows || suffix_grows); k++)
    {
      if (prefix_grows)
        {
          kind = lookup_kind (scratch, MATCH_PREFIX, a, a + k, &prefix_grows);
          if (match_allowed (kind, text, len, sentence, tokens, a + k, b))
            return kind;
        }
      if (suffix_grows)
        {
          kind = lookup_kind (scratch, MATCH_SUFFIX, b - k, b, &suffix_grows);
          /* "Example Media logo", not "... unveiled a new logo." */
          if (match_allowed (kind, text, len, sentence, tokens, a, b - k) &&
              !(kind == KIND_CAPTION && sentence))
            return kind;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      gboolean grows = TRUE;

      for (guint k = 1; k <= k_max && i + k <= n && grows; k++)
        {
          kind = lookup_kind (scratch, MATCH_CONTAINS, i, i + k, &grows);
          if (match_allowed (kind, text, len, sentence, tokens, i + k, n))
            return kind;
        }
    }
  if (menu_shape (text, tokens + a, b - a) || menu_of_labels (scratch, text, tokens, a, b))
    return KIND_NAVIGATION;
  return -1;
}

/* Fills @scratch->hashes with the hashes of the words of @text, tokenized
 * in @scratch->tokens, and returns a hash of the whole sequence. */
static guint64
hash_words (Scratch    *scratch,
            const char *text)
{
  const Token *tokens = (const Token *) (void *) scratch->tokens->data;
  guint64 whole = 14695981039346656037ull;

  g_array_set_size (scratch->hashes, 0);
  for (guint i = 0; i < scratch->tokens->len; i++)
    if (tokens[i].word)
      {
        guint32 h;
        g_string_truncate (scratch->word, 0);
        /* Numbers count here: "June 8" and "June 9" are not the same. */
        if (tokens[i].digits)
          g_string_append_len (scratch->word, text + tokens[i].start,
                               tokens[i].end - tokens[i].start);
        else
          append_normalized (scratch->word, text, &tokens[i]);
        h = hash_bytes (scratch->word->str, scratch->word->len);
        g_array_append_val (scratch->hashes, h);
        whole = (whole ^ h) * 1099511628211ull;
      }
  return whole;
}

/* The hash of the words of @text, as a paragraph's. */
static guint64
words_hash (Scratch    *scratch,
            const char *text)
{
  tokenize (text, strlen (text), scratch->tokens);
  return hash_words (scratch, text);
}

/* Classifies @unit alone and fills its hashes and stems. */
static void
analyse_unit (Scratch    *scratch,
              const char *raw,
              Unit       *unit)
{
  const char *text = raw + unit->start;
  gsize len = unit->end - unit->start, url_bytes = 0, nonspace = 0;
  const Token *tokens;
  guint32 *hashes;

  tokenize (text, len, scratch->tokens);
  tokens = (const Token *) (void *) scratch->tokens->data;

  /* Word hashes: for exact repeats (the whole sequence) and bigrams. */
  unit->hash = hash_words (scratch, text);
  unit->n_words = scratch->hashes->len;
  hashes = (guint32 *) (void *) scratch->hashes->data;
  if (unit->n_words >= NEAR_MIN_WORDS)
    {
      unit->shingles = g_new (guint32, unit->n_words - 1);
      for (guint i = 0; i + 1 < unit->n_words; i++)
        unit->shingles[i] = (hashes[i] * 0x9E3779B1u) ^ (hashes[i + 1] + 0x7F4A7C15u);
      unit->n_shingles = sort_unique (unit->shingles, unit->n_words - 1, FALSE);
    }

  collect_stems (scratch, text);
  unit->n_stems = sort_unique ((guint32 *) (void *) scratch->stems->data, scratch->stems->len, TRUE);
  unit->stems = g_memdup2 (scratch->stems->data, unit->n_stems * sizeof (guint32));

  if (unit->n_words == 0)
    {
      unit->reason = PX_REMOVAL_EMPTY;
      return;
    }
  for (gsize i = 0; i < len; i++)
    nonspace += !g_ascii_isspace (text[i]);
  if (has_url (text, len, &url_bytes) && url_bytes * 2 >= nonspace)
    {
      unit->reason = PX_REMOVAL_LINK_LINE;
      return;
    }
  if (len <= MAX_PHRASE_UNIT_BYTES)
    {
      int kind;

      if (g_strstr_len (text, len, "\xC2\xA9") != NULL)
        {
          unit->reason = PX_REMOVAL_FOOTER;
          return;
        }
      kind = match_phrases (scratch, text, len);
      if (kind == KIND_TEASER)
        unit->teaser = TRUE;
      else if (kind >= 0)
        unit->reason = kinds[kind].reason;
    }
  /* "He said ...", "But ...", a quotation: not the first paragraph of a
   * story. */
  if (tokens[0].word)
    {
      g_string_truncate (scratch->word, 0);
      append_normalized (scratch->word, text, &tokens[0]);
      unit->continuing = scratch->language != NULL &&
                         g_hash_table_contains (scratch->language->continuing, scratch->word->str);
    }
  else
    {
      const char *next;
      gunichar c = next_char (text + tokens[0].start, text + tokens[0].end, &next);
      unit->continuing = c == '"' || c == 0x201C || c == 0xAB || c == 0x201E || c == '\'';
    }
  if (unit->reason == KEEP && unit->n_words >= 2 && unit->n_words <= TITLE_MAX_WORDS &&
      tokens[0].word && tokens[0].upper)
    {
      const Token *last = &tokens[scratch->tokens->len - 1];
      const char *next;
      gunichar c = next_char (text + last->start, text + last->end, &next);

      unit->title_like = last->word || !(is_terminal_char (c) || c == ',' || c == ')');
    }
  unit->prose = unit->reason == KEEP && !unit->teaser && unit->n_words >= LEAD_PROSE_MIN_WORDS &&
                ends_sentence (text, tokens, scratch->tokens->len);
  if (unit->reason == KEEP && !unit->teaser && unit->n_words <= 4 && len <= 40)
    {
      guint numbers = 0;
      gboolean comma = g_strstr_len (text, len, ",") != NULL;

      /* Not a date line ("May 3, 2013", "3 May 2013"). */
      for (guint i = 0; i < scratch->tokens->len; i++)
        numbers += tokens[i].digits;
      unit->short_label = numbers <= 1 && !comma &&
                          !is_terminal_char (g_utf8_get_char_validated (
                            g_utf8_find_prev_char (text, text + len), -1));
    }
}

/* ---- Whole text --------------------------------------------------------- */

/* A run of at least three short labels and removed paragraphs, with at
 * least one known menu entry among them, is a menu; the title is not one
 * of its labels. */
static void
extend_menus (Unit    *units,
              guint    n,
              guint64  title_hash)
{
  guint i = 0, first_text = 0;

  while (first_text < n && units[first_text].gone)
    first_text++;
  while (i < n)
    {
      guint j = i, labels = 0, menu = 0;

      while (j < n && !units[j].gone && (units[j].short_label || units[j].reason != KEEP))
        {
          labels += units[j].short_label;
          menu += units[j].reason == PX_REMOVAL_NAVIGATION;
          j++;
        }
      /* At the top of the text, a site's name and a breadcrumb are
       * enough. */
      if ((j - i >= 3 || (i == first_text && j - i >= 2)) && menu > 0 && labels > 0)
        for (guint k = i; k < j; k++)
          if (units[k].short_label && !units[k].pinned && units[k].hash != title_hash)
            units[k].reason = PX_REMOVAL_NAVIGATION;
      i = MAX (j, i + 1);
    }
}

static guint
count_common (const guint32 *a,
              guint          na,
              const guint32 *b,
              guint          nb)
{
  guint i = 0, j = 0, common = 0;

  while (i < na && j < nb)
    if (a[i] < b[j])
      i++;
    else if (a[i] > b[j])
      j++;
    else
      common++, i++, j++;
  return common;
}

static gboolean
live (const Unit *unit)
{
  return !unit->gone && unit->reason == KEEP;
}

/* Exact repeats by the hash of the words; near repeats by bigram Jaccard
 * (or a later paragraph contained in an earlier one) among candidates
 * sharing sketch hashes. Kept (and pinned) paragraphs are the references. */
static void
find_repeats (Unit *units,
              guint n)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) postings = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) votes = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      Unit *unit = &units[i];
      guint sketch = MIN (unit->n_shingles, SKETCH_SIZE);
      GHashTableIter iter;
      gpointer key, value;
      guint best[NEAR_CANDIDATES] = { 0 }, best_votes[NEAR_CANDIDATES] = { 0 };

      if (!live (unit))
        continue;
      if (g_hash_table_contains (seen, &unit->hash))
        {
          if (!unit->pinned)
            {
              unit->reason = PX_REMOVAL_REPEATED;
              continue;
            }
        }
      else
        g_hash_table_add (seen, &unit->hash);

      /* Candidates: earlier paragraphs sharing the most sketch hashes. */
      g_hash_table_remove_all (votes);
      for (guint s = 0; s < sketch; s++)
        {
          GArray *posting = g_hash_table_lookup (postings, GUINT_TO_POINTER (unit->shingles[s]));
          for (guint p = 0; posting != NULL && p < posting->len; p++)
            {
              gpointer other = GUINT_TO_POINTER (g_array_index (posting, guint, p) + 1);
              g_hash_table_insert (votes, other,
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                                       g_hash_table_lookup (votes, other)) + 1));
            }
        }
      g_hash_table_iter_init (&iter, votes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint v = GPOINTER_TO_UINT (value), other = GPOINTER_TO_UINT (key) - 1;
          for (guint c = 0; c < NEAR_CANDIDATES; c++)
            if (v > best_votes[c] || (v == best_votes[c] && best_votes[c] > 0 && other < best[c]))
              {
                memmove (best + c + 1, best + c, (NEAR_CANDIDATES - c - 1) * sizeof (guint));
                memmove (best_votes + c + 1, best_votes + c,
                         (NEAR_CANDIDATES - c - 1) * sizeof (guint));
                best[c] = other;
                best_votes[c] = v;
                break;
              }
        }
      for (guint c = 0; c < NEAR_CANDIDATES && best_votes[c] > 0 && !unit->pinned; c++)
        {
          const Unit *other = &units[best[c]];
          guint common = count_common (unit->shingles, unit->n_shingles,
                                       other->shingles, other->n_shingles);
          double jaccard = (double) common / (unit->n_shingles + other->n_shingles - common);

          if (live (other) &&
              (jaccard >= NEAR_JACCARD || common >= NEAR_CONTAINED * unit->n_shingles))
            {
              unit->reason = PX_REMOVAL_NEAR_REPEATED;
              break;
            }
        }
      if (!live (unit))
        continue;
      for (guint s = 0; s < sketch; s++)
        {
          gpointer h = GUINT_TO_POINTER (unit->shingles[s]);
          GArray *posting = g_hash_table_lookup (postings, h);

          if (posting == NULL)
            {
              posting = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (postings, h, posting);
            }
          if (posting->len < POSTING_CAP)
            g_array_append_val (posting, i);
        }
    }
}

static void
mark_known (guint8        *known,
            const guint32 *stems,
            guint          n)
{
  for (guint s = 0; s < n; s++)
    known[stems[s] & ID_MASK] = 1;
}

static double
stem_weight (guint32 stem)
{
  return stem & NAME_BIT ? NAME_WEIGHT : 1;
}

/* The number of stems two paragraphs share (stem lists sorted by id). */
static guint
common_stems (const Unit *a,
              const Unit *b)
{
  guint i = 0, j = 0, common = 0;

  while (i < a->n_stems && j < b->n_stems)
    {
      guint32 x = a->stems[i] & ID_MASK, y = b->stems[j] & ID_MASK;
      if (x == y)
        common++;
      if (x <= y)
        i++;
      if (y <= x)
        j++;
    }
  return common;
}

/* The first tail segment judged alone: the paragraphs from a cue (a
 * headline-like line, a teaser header, or a paragraph sharing no stem with
 * the two before it that does not open with a quote or a word referring
 * back, "He", "But") up to the next cue, grown to TAIL_SEGMENT_MIN_WEIGHT.
 * It starts an appended story when few of its paragraphs, and none of its
 * first TAIL_CLEAN_START, name the story's names, few of the paragraphs
 * after it do, at most TAIL_SEGMENT_SHARE of its stem weight was used
 * before it and, above all, its own topic is new: of the stems it uses in
 * two paragraphs or more (TextTiling's lexical cohesion), at most
 * TAIL_COHESIVE_SHARE of the weight was used before it. A later appended
 * story that echoes the lead (the same city, a reused story) does not
 * shield the first one, as it does in the whole-tail test. A stem of the
 * related articles only counts as partly used (a segment's vocabulary
 * missing from every other report of the event is suspect); with them the
 * cohesive share allowed is TAIL_COHESIVE_SHARE_RELATED. A stem the text
 * used only once before the segment counts TAIL_USED_ONCE: a long story
 * uses much of the common news vocabulary once (the "died", "years" of an
 * appended obituary), its own topic again and again. Every paragraph
 * is in one segment, so the work is linear. Returns @limit when no
 * segment before it qualifies. */
static guint
find_segment_start (const Unit    *units,
                    const guint   *kept,
                    guint          k_count,
                    guint          lead_end,
                    guint          limit,
                    const double  *weight,
                    const guint   *first,
                    const guint   *second,
                    const guint8  *lead_named,
                    const guint   *named_after,
                    const guint8  *related,
                    guint          n_ids)
{
  g_autofree guint8 *cue = g_new0 (guint8, k_count + 1);
  g_autofree guint8 *count = g_new0 (guint8, n_ids + 1);
  double cohesive_share = related != NULL ? TAIL_COHESIVE_SHARE_RELATED : TAIL_COHESIVE_SHARE;

  for (guint k = lead_end; k < k_count; k++)
    {
      const Unit *unit = &units[kept[k]];

      cue[k] = unit->title_like || unit->teaser ||
               (!unit->continuing && k >= 2 && weight[k] >= TAIL_SHIFT_MIN_WEIGHT &&
                common_stems (unit, &units[kept[k - 1]]) == 0 &&
                common_stems (unit, &units[kept[k - 2]]) == 0);
    }
  for (guint a = lead_end; a < limit;)
    {
      guint b = a + 1;
      double seg_weight;

      if (!cue[a])
        {
          a++;
          continue;
        }
      seg_weight = weight[a];
      while (b < k_count && (!cue[b] || seg_weight < TAIL_SEGMENT_MIN_WEIGHT))
        seg_weight += weight[b++];

      /* Too few shared stems to tell its topic: judge it with the next
       * segment too (a bounded number of times, so the work stays linear). */
      for (guint round = 0;; round++)
        {
          guint named = 0;
          double seg_hits = 0, coh_weight = 0, coh_hits = 0;

          for (guint k = a; k < b; k++)
            {
              const Unit *unit = &units[kept[k]];

              named += lead_named[k];
              if (lead_named[k] && k < a + TAIL_CLEAN_START)
                named = G_MAXUINT / 2;
              for (guint s = 0; s < unit->n_stems; s++)
                if (count[unit->stems[s] & ID_MASK] < 255)
                  count[unit->stems[s] & ID_MASK]++;
            }
          for (guint k = a; k < b; k++)
            {
              const Unit *unit = &units[kept[k]];

              for (guint s = 0; s < unit->n_stems; s++)
                {
                  guint32 id = unit->stems[s] & ID_MASK;
                  double w = stem_weight (unit->stems[s]);

                  double used = (first[id] < a ? TAIL_USED_ONCE : 0) +
                                (second[id] < a ? 1 - TAIL_USED_ONCE : 0);

                  seg_hits += w * (first[id] < a                     ? used
                                   : related != NULL && related[id] ? TAIL_SEGMENT_RELATED_FACTOR
                                                                     : 0);
                  if (count[id] < 2)
                    continue;
                  coh_weight += w;
                  coh_hits += w * (first[id] < a                     ? used
                                   : related != NULL && related[id] ? TAIL_COHESIVE_RELATED_FACTOR
                                                                     : 0);
                }
            }
          for (guint k = a; k < b; k++)
            for (guint s = 0; s < units[kept[k]].n_stems; s++)
              count[units[kept[k]].stems[s] & ID_MASK] = 0;

          if (seg_weight >= TAIL_SEGMENT_MIN_WEIGHT && named <= TAIL_NAMED_SHARE * (b - a) &&
              named_after[a] <= TAIL_NAMED_SHARE * (k_count - a) &&
              seg_hits <= TAIL_SEGMENT_SHARE * seg_weight &&
              coh_weight >= TAIL_COHESIVE_MIN_WEIGHT && coh_hits <= cohesive_share * coh_weight)
            return a;
          if (coh_weight >= TAIL_COHESIVE_MIN_WEIGHT || b >= k_count ||
              round + 1 >= TAIL_SEGMENT_ROUNDS)
            break;
          do
            seg_weight += weight[b++];
          while (b < k_count && !cue[b]);
        }
      a = b;
    }
  return limit;
}

/* The end of the lead starting at kept paragraph @first: up to
 * LEAD_MIN_STEMS stems, at most LEAD_MAX_UNITS paragraphs, and not past a
 * headline-like line after prose (a one-paragraph story followed by an
 * appended story's headline: its names are not the story's). */
static guint
lead_window (const Unit  *units,
             const guint *kept,
             guint        k_count,
             guint        first)
{
  guint end = first, stems = 0;
  gboolean prose = FALSE;

  while (end < k_count && end - first < LEAD_MAX_UNITS && stems < LEAD_MIN_STEMS &&
         !(prose && units[kept[end]].title_like))
    {
      prose |= units[kept[end]].prose;
      stems += units[kept[end++]].n_stems;
    }
  return end;
}

/* Whether @unit may open the story: prose that shares LEAD_TITLE_STEMS
 * stems with the title (a date line for a title shares none). */
static gboolean
is_lead (const Unit    *unit,
         const guint32 *title_stems,
         guint          n_title_stems)
{
  guint shared = 0;

  if (!unit->prose)
    return FALSE;
  for (guint s = 0; s < unit->n_stems; s++)
    for (guint t = 0; t < n_title_stems; t++)
      shared += (unit->stems[s] & ID_MASK) == (title_stems[t] & ID_MASK);
  return shared >= LEAD_TITLE_STEMS;
}

/* Whether one of the first TAIL_CLEAN_START prose paragraphs from kept
 * paragraph @k on could open the story (is_lead ()): the story goes on
 * there, whatever share of new words the rest of the text has (a page
 * copied whole has share buttons inside its story and long lists of other
 * stories after it). */
static gboolean
retells_title (const Unit    *units,
               const guint   *kept,
               guint          k_count,
               guint          k,
               const guint32 *title_stems,
               guint          n_title_stems)
{
  for (guint j = k, prose = 0; j < k_count && prose < TAIL_CLEAN_START; j++)
    {
      if (is_lead (&units[kept[j]], title_stems, n_title_stems))
        return TRUE;
      prose += units[kept[j]].prose;
    }
  return FALSE;
}

/* The off-topic tail. Story paragraphs name the names of the title and
 * the lead (or, with related articles, the event's names); an appended
 * story seldom does, and it opens with a headline. So the tail starts at
 * the first cue followed by few paragraphs naming them: a headline-like
 * line, else a paragraph sharing no stem with the two before it; or at a
 * teaser header ("More from this site"), names or not. It is cut when its words
 * are mostly new: hits(s), the weight of the tail's stems already used
 * before s (in the title or a paragraph before s; partly when used by the
 * related articles) is a small share of the tail's weight. A stem first
 * used in paragraph f and used again in paragraph j counts for every s in
 * (f, j]: a difference array gives all hits(s) in one pass. */
static void
find_tail (Unit          *units,
           guint          n,
           const guint32 *title_stems,
           guint          n_title_stems,
           const guint8  *related,
           const guint8  *related_names,
           guint          n_ids)
{
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *first = NULL;
  g_autofree guint *second = NULL;
  g_autofree guint8 *lead_names = NULL;
  g_autofree double *diff = NULL;
  g_autofree double *weight = NULL;
  g_autofree double *hits = NULL;
  g_autofree double *tail_weight = NULL;
  g_autofree guint *named_after = NULL;  /* named paragraphs from k on */
  g_autofree guint8 *lead_named = NULL;
  guint lead_first = 0, lead_end, k_count;
  guint teaser_start = G_MAXUINT, title_start = G_MAXUINT, shift_start = G_MAXUINT, start;

  for (guint i = 0; i < n; i++)
    if (live (&units[i]) || (units[i].teaser && !units[i].gone))
      g_array_append_val (kept, i);
  k_count = kept->len;
  if (k_count < 2)
    return;

  /* The story's names: those of the title and the lead that the first
   * paragraphs name at least twice ("Lohan", not the "Los Angeles" of a
   * lead that an appended story may name too), as names: the "Dies" of a
   * headline is not named by "Williams died". */
  lead_names = g_new0 (guint8, n_ids + 1);
  for (guint s = 0; s < n_title_stems; s++)
    if (title_stems[s] & NAME_BIT)
      lead_names[title_stems[s] & ID_MASK] = 1;
  /* The lead: the first paragraphs, unless the first paragraph that may
   * open the story comes after them (a page copied whole opens with menus,
   * cookie and sign-in prompts and lists of other stories, which would make
   * the story itself look appended): then from it, or from the headline
   * right before it. */
  lead_end = lead_window (units, (const guint *) (void *) kept->data, k_count, 0);
  while (lead_first < k_count &&
         !is_lead (&units[g_array_index (kept, guint, lead_first)], title_stems, n_title_stems))
    lead_first++;
  if (lead_first < lead_end || lead_first == k_count)
    lead_first = 0;
  else
    {
      if (units[g_array_index (kept, guint, lead_first - 1)].title_like)
        lead_first--;
      lead_end = lead_window (units, (const guint *) (void *) kept->data, k_count, lead_first);
    }
  for (guint k = lead_first; k < lead_end; k++)
    {
      const Unit *unit = &units[g_array_index (kept, guint, k)];
      for (guint s = 0; s < unit->n_stems; s++)
        if (unit->stems[s] & NAME_BIT)
          lead_names[unit->stems[s] & ID_MASK] = 1;
    }
  for (guint k = lead_first; k < MIN (k_count, lead_end + LEAD_ECHO_UNITS); k++)
    {
      const Unit *unit = &units[g_array_index (kept, guint, k)];
      for (guint s = 0; s < unit->n_stems; s++)
        {
          guint8 *name = &lead_names[unit->stems[s] & ID_MASK];
          if (*name > 0 && *name < 3 && (unit->stems[s] & NAME_BIT))
            (*name)++;
        }
    }
  for (guint id = 0; id <= n_ids; id++)
    lead_names[id] = lead_names[id] >= 3;

  first = g_new (guint, n_ids + 1);
  memset (first, 0xff, (n_ids + 1) * sizeof (guint));
  second = g_new (guint, n_ids + 1);
  memset (second, 0xff, (n_ids + 1) * sizeof (guint));
  for (guint s = 0; s < n_title_stems; s++)
    first[title_stems[s] & ID_MASK] = second[title_stems[s] & ID_MASK] = 0;
  diff = g_new0 (double, k_count + 2);
  weight = g_new0 (double, k_count);
  named_after = g_new0 (guint, k_count + 1);
  lead_named = g_new0 (guint8, k_count + 1);
  for (guint k = 0; k < k_count; k++)
    {
      const Unit *unit = &units[g_array_index (kept, guint, k)];
      guint event_names = 0;
      gboolean named = FALSE;

      for (guint s = 0; s < unit->n_stems; s++)
        {
          guint32 id = unit->stems[s] & ID_MASK;
          double w = stem_weight (unit->stems[s]);

          weight[k] += w;
          named |= lead_names[id];
          event_names += related_names != NULL && related_names[id] && (unit->stems[s] & NAME_BIT);
          if (related != NULL && related[id])
            {
              diff[0] += TAIL_RELATED_FACTOR * w;
              diff[k + 1] -= TAIL_RELATED_FACTOR * w;
              w *= 1 - TAIL_RELATED_FACTOR;
            }
          if (first[id] == G_MAXUINT)
            first[id] = k;
          else if (first[id] < k)
            {
              if (second[id] == G_MAXUINT)
                second[id] = k;
              diff[first[id] + 1] += w;
              diff[k + 1] -= w;
            }
        }
      named_after[k] = named || event_names >= 2;
      lead_named[k] = named;
    }

  hits = g_new0 (double, k_count + 1);
  tail_weight = g_new0 (double, k_count + 1);
  for (guint k = 0; k < k_count; k++)
    hits[k] = (k > 0 ? hits[k - 1] : 0) + diff[k];
  for (guint k = k_count; k > 0; k--)
    {
      tail_weight[k - 1] = tail_weight[k] + weight[k - 1];
      named_after[k - 1] += named_after[k];
    }

  for (guint k = lead_end; k < k_count; k++)
    {
      const Unit *unit = &units[g_array_index (kept, guint, k)];
      double share = tail_weight[k] > 0 ? hits[k] / tail_weight[k] : 0;

      if (unit->teaser && teaser_start == G_MAXUINT && share <= TAIL_TEASER_SHARE)
        teaser_start = k;
      /* Few of the tail's paragraphs name the story's names (an appended
       * story may, by chance), and not its first ones. */
      if (named_after[k] > named_after[MIN (k + TAIL_CLEAN_START, k_count)] ||
          named_after[k] > TAIL_NAMED_SHARE * (k_count - k) ||
          tail_weight[k] < TAIL_MIN_WEIGHT || share > TAIL_SHARE ||
          retells_title (units, (const guint *) (void *) kept->data, k_count, k, title_stems,
                         n_title_stems))
        continue;
      if ((unit->title_like || unit->teaser) && title_start == G_MAXUINT)
        title_start = k;
      if (shift_start == G_MAXUINT && !unit->continuing && k >= 2 &&
          weight[k] >= TAIL_SHIFT_MIN_WEIGHT &&
          share <= TAIL_SHIFT_SHARE &&
          common_stems (unit, &units[g_array_index (kept, guint, k - 1)]) == 0 &&
          common_stems (unit, &units[g_array_index (kept, guint, k - 2)]) == 0)
        shift_start = k;
    }
  start = MIN (teaser_start, title_start != G_MAXUINT ? title_start : shift_start);

  start = find_segment_start (units, (const guint *) (void *) kept->data, k_count, lead_end,
                              MIN (start, k_count), weight, first, second, lead_named, named_after,
                              related, n_ids);
  for (guint k = start; k < k_count; k++)
    {
      Unit *unit = &units[g_array_index (kept, guint, k)];
      if (!unit->pinned)
        unit->reason = PX_REMOVAL_UNRELATED_STORY;
    }
}

/* The article's language: @code if supported, else detected. */
static const Language *
find_language (PxCleaner  *self,
               const char *code,
               const char *raw)
{
  const char *canonical = px_language_canonical (code);

  if (canonical == NULL)
    canonical = px_language_detect (raw, -1);
  for (guint i = 0; canonical != NULL && i < self->languages->len; i++)
    {
      const Language *language = g_ptr_array_index (self->languages, i);
      if (g_str_equal (language->code, canonical))
        return language;
    }
  return NULL;
}

/* Marks the units covered by given spans: removed again (gone) or pinned. */
static void
apply_given (Unit         *units,
             guint         n,
             const char   *raw,
             const GArray *given)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  guint first = 0;

  g_array_append_vals (spans, given->data, given->len);
  g_array_sort (spans, compare_ranges);  /* PxSpan starts with the same two fields */
  for (guint i = 0; i < n; i++)
    {
      Unit *unit = &units[i];
      guint cursor = unit->start;
      gboolean uncovered_text = FALSE;

      while (first < spans->len && g_array_index (spans, PxSpan, first).end <= unit->start)
        first++;
      for (guint s = first; s < spans->len; s++)
        {
          const PxSpan *span = &g_array_index (spans, PxSpan, s);

          if (span->start >= unit->end)
            break;
          if (span->end <= unit->start)
            continue;
          if (span->restored)
            {
              unit->pinned = TRUE;
              continue;
            }
          for (; cursor < MIN (span->start, unit->end); cursor++)
            uncovered_text |= !g_ascii_isspace (raw[cursor]);
          cursor = MAX (cursor, span->end);
        }
      for (; cursor < unit->end; cursor++)
        uncovered_text |= !g_ascii_isspace (raw[cursor]);
      unit->gone = !uncovered_text && !unit->pinned;
    }
}

/* Whether a given span overlaps [@start, @end); @spans sorted by start. */
static gboolean
given_overlaps (const GArray *spans,
                guint         from,
                guint         start,
                guint         end)
{
  for (guint s = from; s < spans->len; s++)
    {
      const PxSpan *span = &g_array_index (spans, PxSpan, s);
      if (span->start >= end)
        break;
      if (span->end > start)
        return TRUE;
    }
  return FALSE;
}

/* Adds the spans of the paragraphs removed by this cleaning, leaving out
 * what given spans cover; neighbours removed for the same reason merge. */
static void
add_removals (GArray       *out,
              const Unit   *units,
              guint         n,
              const GArray *given)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  gboolean extendable = FALSE;  /* out's last span is ours and may grow */
  guint first = 0;

  if (given != NULL)
    g_array_append_vals (spans, given->data, given->len);
  g_array_sort (spans, compare_ranges);
  for (guint i = 0; i < n; i++)
    {
      const Unit *unit = &units[i];
      PxSpan *last;

      if (unit->gone || unit->pinned || unit->reason == KEEP)
        {
          extendable = FALSE;
          continue;
        }
      last = extendable ? &g_array_index (out, PxSpan, out->len - 1) : NULL;
      if (last != NULL && last->reason == (PxRemovalReason) unit->reason &&
          !given_overlaps (spans, first, last->end, unit->end))
        {
          last->end = unit->end;
          continue;
        }
      while (first < spans->len && g_array_index (spans, PxSpan, first).end <= unit->start)
        first++;
      if (!given_overlaps (spans, first, unit->start, unit->end))
        {
          px_span_array_add (out, unit->start, unit->end, unit->reason);
          extendable = TRUE;
          continue;
        }
      /* Only the parts outside the given spans. */
      {
        guint cursor = unit->start;

        for (guint s = first; s < spans->len; s++)
          {
            const PxSpan *span = &g_array_index (spans, PxSpan, s);
            if (span->start >= unit->end)
              break;
            if (span->end <= cursor)
              continue;
            if (span->start > cursor)
              px_span_array_add (out, cursor, span->start, unit->reason);
            cursor = span->end;
          }
        if (cursor < unit->end)
          px_span_array_add (out, cursor, unit->end, unit->reason);
        extendable = FALSE;
      }
    }
}

PxCleaning *
px_cleaner_clean (PxCleaner          *self,
                  const char         *raw,
                  const char         *title,
                  const char         *language,
                  const GArray       *given,
                  const char * const *related)
{
  g_autoptr (GArray) paragraphs = NULL;
  g_autofree Unit *units = NULL;
  g_autofree guint32 *title_stems = NULL;
  g_autofree guint8 *related_known = NULL;
  g_autofree guint8 *related_names = NULL;
  guint n, n_title_stems = 0;
  Scratch scratch = { self };
  PxCleaning *cleaning;

  g_return_val_if_fail (PX_IS_CLEANER (self), NULL);
  g_return_val_if_fail (raw != NULL, NULL);

  scratch.language = find_language (self, language, raw);
  if (scratch.language != NULL)
    scratch.stemmer = sb_stemmer_new (px_language_stemmer_name (scratch.language->code), NULL);
  scratch.stem_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scratch.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  scratch.key = g_string_new (NULL);
  scratch.word = g_string_new (NULL);
  scratch.offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  scratch.hashes = g_array_new (FALSE, FALSE, sizeof (guint32));
  scratch.stems = g_array_new (FALSE, FALSE, sizeof (guint32));

  paragraphs = split_paragraphs (raw);
  n = paragraphs->len;
  units = g_new0 (Unit, n);
  for (guint i = 0; i < n; i++)
    {
      units[i].start = g_array_index (paragraphs, Range, i).start;
      units[i].end = g_array_index (paragraphs, Range, i).end;
      units[i].reason = KEEP;
    }
  if (given != NULL)
    apply_given (units, n, raw, given);
  for (guint i = 0; i < n; i++)
    {
      analyse_unit (&scratch, raw, &units[i]);
      if (units[i].pinned)
        units[i].reason = KEEP;
    }

  extend_menus (units, n, title != NULL ? words_hash (&scratch, title) : 0);
  find_repeats (units, n);

  if (title != NULL)
    {
      tokenize (title, strlen (title), scratch.tokens);
      collect_stems (&scratch, title);
      n_title_stems = scratch.stems->len;
      title_stems = g_memdup2 (scratch.stems->data, n_title_stems * sizeof (guint32));
    }
  if (related != NULL && related[0] != NULL)
    {
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));

      for (guint r = 0; related[r] != NULL; r++)
        {
          tokenize (related[r], strlen (related[r]), scratch.tokens);
          collect_stems (&scratch, related[r]);
          g_array_append_vals (ids, scratch.stems->data, scratch.stems->len);
        }
      related_known = g_new0 (guint8, g_hash_table_size (scratch.stem_ids) + 1);
      related_names = g_new0 (guint8, g_hash_table_size (scratch.stem_ids) + 1);
      mark_known (related_known, (guint32 *) (void *) ids->data, ids->len);
      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, guint32, i) & NAME_BIT)
          related_names[g_array_index (ids, guint32, i) & ID_MASK] = 1;
    }
  /* An appended story is told apart by its words: without a known
   * language's stop-words and stemmer they say too little, and a story in
   * Russian or Korean would be cut as its own appendix. */
  if (scratch.language != NULL)
    find_tail (units, n, title_stems, n_title_stems, related_known, related_names,
               g_hash_table_size (scratch.stem_ids));

  cleaning = g_new0 (PxCleaning, 1);
  cleaning->removed = px_span_array_new ();
  if (given != NULL)
    g_array_append_vals (cleaning->removed, given->data, given->len);
  add_removals (cleaning->removed, units, n, given);
  g_array_sort (cleaning->removed, compare_ranges);
  cleaning->clean_text = px_cleaner_apply (raw, cleaning->removed);

  for (guint i = 0; i < n; i++)
    {
      g_free (units[i].shingles);
      g_free (units[i].stems);
    }
  if (scratch.stemmer != NULL)
    sb_stemmer_delete (scratch.stemmer);
  g_hash_table_unref (scratch.stem_ids);
  g_array_unref (scratch.tokens);
  g_string_free (scratch.key, TRUE);
  g_string_free (scratch.word, TRUE);
  g_array_unref (scratch.offsets);
  g_array_unref (scratch.hashes);
  g_array_unref (scratch.stems);
  return cleaning;
}
