/* px-extractor.c: the facts of a sentence (quantities, dates, people, quotes, certainty)
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-extractor.h"

#include <string.h>

#include "px-language.h"
#include "px-phrases.h"

struct _PxExtractor
{
  GObject parent_instance;

  /* owned */
  char        *language;
  PxTokenizer *tokenizer;

  /* borrowed (shared lexicon) */
  PxPhrases   *cues;
};

G_DEFINE_FINAL_TYPE (PxExtractor, px_extractor, G_TYPE_OBJECT)

static void
px_extractor_dispose (GObject *object)
{
  PxExtractor *self = PX_EXTRACTOR (object);

  g_clear_object (&self->tokenizer);

  G_OBJECT_CLASS (px_extractor_parent_class)->dispose (object);
}

static void
px_extractor_finalize (GObject *object)
{
  PxExtractor *self = PX_EXTRACTOR (object);

  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (px_extractor_parent_class)->finalize (object);
}

static void
px_extractor_class_init (PxExtractorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_extractor_dispose;
  object_class->finalize = px_extractor_finalize;
}

static void
px_extractor_init (PxExtractor *self)
{
}

PxExtractor *
px_extractor_new (const char *language)
{
  PxExtractor *self = g_object_new (PX_TYPE_EXTRACTOR, NULL);
  const char *code = px_language_canonical (language);

  self->language = g_strdup (code != NULL ? code : "en");
  self->tokenizer = px_tokenizer_new (self->language);
  self->cues = px_phrases_get_shared ("lexicon/certainty-%s.txt", self->language);
  return self;
}

const char *
px_extractor_get_language (PxExtractor *self)
{
  g_return_val_if_fail (PX_IS_EXTRACTOR (self), NULL);

  return self->language;
}

PxTokenizer *
px_extractor_get_tokenizer (PxExtractor *self)
{
  g_return_val_if_fail (PX_IS_EXTRACTOR (self), NULL);

  return self->tokenizer;
}

/* Quotation marks: each opening mark with the closing marks it pairs with. */
static const struct
{
  const char *open;
  const char *close;
} quote_styles[] = {
  { "\xe2\x80\x9c", "\xe2\x80\x9d" },  /* “ ” */
  { "\xe2\x80\x9e", "\xe2\x80\x9c" },  /* „ “ (German) */
  { "\xe2\x80\x9e", "\xe2\x80\x9d" },  /* „ ” (Polish, Hungarian) */
  { "\xc2\xab", "\xc2\xbb" },          /* « » */
  { "\xc2\xbb", "\xc2\xab" },          /* » « (German) */
  { "\xe2\x80\xb9", "\xe2\x80\xba" },  /* ‹ › */
  { "\xe2\x80\x9a", "\xe2\x80\x98" },  /* ‚ ‘ (German) */
  { "\xe2\x80\x98", "\xe2\x80\x99" },  /* ‘ ’ */
  { "``", "''" },                      /* `` '' (LaTeX, Penn Treebank, ECB+) */
  { "\"", "\"" },
  { "'", "'" },
};

static gboolean
is_word_char (const char *p,
              const char *start,
              const char *end)
{
  return p >= start && p < end && g_unichar_isalnum (g_utf8_get_char (p));
}

/* Whether the mark at @p may open a quotation: never touching a letter on
 * its left; marks that also close (", ', ’) not before a space either,
 * while the others may ("« n’aura »", and ECB+'s "“ It is"). */
static gboolean
can_open (const char *p,
          gsize       len,
          const char *start,
          const char *end,
          gboolean    ambiguous)
{
  const char *before = p > start ? g_utf8_find_prev_char (start, p) : NULL;

  if (p + len >= end || (ambiguous && g_unichar_isspace (g_utf8_get_char (p + len))))
    return FALSE;
  return before == NULL || !is_word_char (before, start, end);
}

static gboolean
can_close (const char *p,
           gsize       len,
           const char *start,
           const char *end,
           gboolean    apostrophe_like,
           gboolean    ambiguous)
{
  const char *before = p > start ? g_utf8_find_prev_char (start, p) : NULL;

  if (before == NULL || (ambiguous && g_unichar_isspace (g_utf8_get_char (before))))
    return FALSE;
  /* "the utility’s": a letter right after is an apostrophe, not a quote end. */
  return !apostrophe_like || !is_word_char (p + len, start, end);
}

static void
add_quote (GArray     *quotes,
           const char *text,
           const char *open,
           gsize       open_len,
           const char *close,
           gsize       close_len)
{
  PxQuote q;

  q.start = open - text;
  q.inner_start = q.start + open_len;
  q.inner_end = close - text;
  q.end = q.inner_end + close_len;
  if (q.inner_end > q.inner_start)
    g_array_append_val (quotes, q);
}

/* Quotations in text[start, end). A closing mark with no opening one in the
 * sentence ends a quotation begun in an earlier sentence, and an opening
 * one left open runs to the sentence end: the span is then the part inside
 * this sentence, without the missing mark. */
static void
find_quotes (const char *text,
             guint       start,
             guint       end,
             GArray     *quotes)
{
  const char *s = text + start, *e = text + end;
  guint n_before = quotes->len;
  const char *p = s;

  while (p < e)
    {
      gboolean matched = FALSE;

      /* Every mark starts with one of these bytes: " ' ` or the lead byte
       * of U+00AB/U+00BB (0xC2) and U+2018–U+203A (0xE2). */
      if (*p != '"' && *p != '\'' && *p != '`' && (guchar) *p != 0xC2 && (guchar) *p != 0xE2)
        {
          p++;
          continue;
        }

      for (guint k = 0; k < G_N_ELEMENTS (quote_styles) && !matched; k++)
        {
          gsize open_len = strlen (quote_styles[k].open);
          gsize close_len = strlen (quote_styles[k].close);
          gboolean apostrophe_like = g_str_equal (quote_styles[k].close, "'")
                                     || g_str_equal (quote_styles[k].close, "\xe2\x80\x99");
          gboolean ambiguous = apostrophe_like || g_str_equal (quote_styles[k].open, "\"");
          const char *q;

          /* A closing mark before any quotation of the sentence: the end of
           * one begun earlier (not for marks that double as apostrophes). */
          if (quotes->len == n_before && !apostrophe_like && p > s
              && strcmp (quote_styles[k].open, quote_styles[k].close) != 0
              && strncmp (p, quote_styles[k].close, close_len) == 0
              && can_close (p, close_len, s, e, apostrophe_like, ambiguous))
            {
              add_quote (quotes, text, s, 0, p, close_len);
              p += close_len;
              matched = TRUE;
              break;
            }
          if (strncmp (p, quote_styles[k].open, open_len) != 0 || !can_open (p, open_len, s, e, ambiguous))
            continue;
          for (q = p + open_len; q < e; q = g_utf8_next_char (q))
            if (strncmp (q, quote_styles[k].close, close_len) == 0
                && can_close (q, close_len, s, e, apostrophe_like, ambiguous))
              break;
          if (q < e)
            {
              add_quote (quotes, text, p, open_len, q, close_len);
              p = q + close_len;
              matched = TRUE;
            }
          else if (!apostrophe_like)
            {
              /* Opened here, closed in a later sentence. */
              add_quote (quotes, text, p, open_len, e, 0);
              p = e;
              matched = TRUE;
            }
        }
      if (!matched)
        p = g_utf8_next_char (p);
    }
}

static PxCertainty
certainty_from_string (const char *level)
{
  if (g_str_equal (level, "asserted"))
    return PX_CERTAINTY_ASSERTED;
  if (g_str_equal (level, "reported"))
    return PX_CERTAINTY_REPORTED;
  if (g_str_equal (level, "hedged"))
    return PX_CERTAINTY_HEDGED;
  if (g_str_equal (level, "uncertain"))
    return PX_CERTAINTY_UNCERTAIN;
  return PX_CERTAINTY_UNMARKED;
}

const char *
px_certainty_to_string (PxCertainty certainty)
{
  switch (certainty)
    {
    case PX_CERTAINTY_ASSERTED:
      return "asserted";
    case PX_CERTAINTY_REPORTED:
      return "reported";
    case PX_CERTAINTY_HEDGED:
      return "hedged";
    case PX_CERTAINTY_UNCERTAIN:
      return "uncertain";
    case PX_CERTAINTY_UNMARKED:
    default:
      return "unmarked";
    }
}

/* The least sure cue gives the sentence its level; of equally sure ones
 * the longest ("with moderate confidence" over "assessed") names it. */
static void
find_cues (PxExtractor     *self,
           const char      *text,
           gboolean        *used,
           PxSentenceFacts *facts)
{
  guint best_words = 0;

  for (guint i = 0; i < facts->tokens->len; i++)
    {
      const char *value = NULL;
      guint n;
      PxCertaintyCue cue;

      if (used[i] || (n = px_phrases_match (self->cues, facts->tokens, i, &value)) == 0)
        continue;
      cue.start = g_array_index (facts->tokens, PxToken, i).start;
      cue.end = g_array_index (facts->tokens, PxToken, i + n - 1).end;
      cue.level = certainty_from_string (value);
      g_array_append_val (facts->cues, cue);
      if (cue.level > facts->certainty || (cue.level == facts->certainty && n > best_words))
        {
          best_words = n;
          facts->certainty = cue.level;
          g_free (facts->certainty_cue);
          facts->certainty_cue = g_strndup (text + cue.start, cue.end - cue.start);
        }
      i += n - 1;
    }
}

PxSentenceFacts *
px_extract_facts_from_tokens (PxExtractor *self,
                              const char  *text,
                              GArray      *tokens,
                              guint        start,
                              guint        end,
                              const char  *published)
{
  PxSentenceFacts *facts;
  g_autofree gboolean *used = NULL;

  g_return_val_if_fail (PX_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (text != NULL && tokens != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  facts = g_new0 (PxSentenceFacts, 1);
  facts->start = start;
  facts->end = end;
  facts->tokens = g_array_ref (tokens);
  facts->quantities = px_quantity_array_new ();
  facts->dates = g_array_new (FALSE, TRUE, sizeof (PxDateMention));
  facts->people = px_person_array_new ();
  facts->quotes = g_array_new (FALSE, TRUE, sizeof (PxQuote));
  facts->cues = g_array_new (FALSE, TRUE, sizeof (PxCertaintyCue));

  /* Dates first: their numbers ("March 12, 2024") are not quantities. */
  used = g_new0 (gboolean, tokens->len + 1);
  px_dates_extract (self->language, text, tokens, published, used, facts->dates);
  px_numbers_extract (self->language, text, tokens, used, facts->quantities);
  px_people_extract (self->language, text, tokens, facts->people);
  find_quotes (text, start, end, facts->quotes);
  find_cues (self, text, used, facts);
  return facts;
}

PxSentenceFacts *
px_extract_facts (PxExtractor *self,
                  const char  *text,
                  guint        start,
                  guint        end,
                  const char  *published)
{
  g_autoptr (GArray) tokens = NULL;

  g_return_val_if_fail (PX_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  tokens = px_tokenizer_tokenize (self->tokenizer, text, start, end);
  return px_extract_facts_from_tokens (self, text, tokens, start, end, published);
}

void
px_sentence_facts_free (PxSentenceFacts *facts)
{
  if (facts == NULL)
    return;
  g_clear_pointer (&facts->tokens, g_array_unref);
  g_clear_pointer (&facts->quantities, g_array_unref);
  g_clear_pointer (&facts->dates, g_array_unref);
  g_clear_pointer (&facts->people, g_array_unref);
  g_clear_pointer (&facts->quotes, g_array_unref);
  g_clear_pointer (&facts->cues, g_array_unref);
  g_clear_pointer (&facts->certainty_cue, g_free);
  g_free (facts);
}
