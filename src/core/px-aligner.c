/* px-aligner.c: sentences of several articles grouped into claims
 *
 * Each sentence becomes a set of terms: word stems, numbers ("#12500"),
 * words or phrases of the equivalents lexicon mapped to their group's
 * first member, and stop words ("~the"). A term weighs its rarity (IDF),
 * from the library when it is large enough, else from the compared
 * sentences; stop words weigh little, all alike. Two sentences score the
 * weighted Dice overlap of their terms, related words (WordNet synonyms,
 * px-synonyms.h) counted as shared; whether they join one claim is the
 * probability that they are paraphrases (px-paraphrase.h), which also
 * weighs word order, containment and what differs (numbers, names,
 * negation).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-aligner.h"

#include <math.h>
#include <string.h>

#include "px-data.h"
#include "px-diff.h"
#include "px-language.h"
#include "px-paraphrase.h"
#include "px-segmenter.h"
#include "px-synonyms.h"
#include "px-tokenizer.h"

/* Below this many library documents, rarity comes from the comparison. */
#define MIN_LIBRARY_DOCUMENTS 50
/* Two sentences of one article share a claim only when they repeat it. */
#define SAME_ARTICLE_SCORE 0.8
/* Sentences less similar than this are never one claim, whatever the
 * paraphrase model says of short or odd pairs; candidate pairs whose
 * shared terms alone cannot reach it are not scored. 0.35 and 0.4 did
 * best in cross-validation on the MSRP training split; the higher one
 * leaves fewer pairs to score. */
#define MIN_CLAIM_SIMILARITY 0.4
/* Stop words count too, a little and all alike ("~" terms): the small
 * words carry negation, tense and direction ("not", "before", "from").
 * Tuned with the threshold on the MSRP and STS-B training splits. */
#define STOP_WORD_WEIGHT 1.0
/* Word-sequence similarity (2·LCS / total) of wire copy. */
#define NEAR_IDENTICAL_RATIO 0.9
#define NEAR_IDENTICAL_MIN_WORDS 5

typedef struct
{
  GArray *tokens;  /* PxToken */
  GArray *terms;   /* guint term ids, ascending, unique */
  GArray *words;   /* guint ids of the normalised words and numbers, in order */
  GArray *sequence;        /* guint term ids, in order, repeats kept */
  GArray *sequence_flags;  /* guint8 PxParaphraseFlags, one per sequence term */
  PxParaphraseSentence *paraphrase;  /* the sequence prepared for pairs, by prepare () */
  double total;    /* the terms' summed weight */
} Sentence;

typedef struct
{
  const char *text;
  GArray *ranges;  /* PxRange, a reference */
  Sentence *sentences;
  guint n_sentences;
  guint first;     /* global index of the first sentence */
} Article;

typedef struct
{
  char **stems;     /* of the phrase's words, NULL-terminated */
  guint n_stems;
  guint canonical;  /* term id */
} Phrase;

/* The equivalents of one language: single words and phrases, each
 * mapped to the term id of its group. */
typedef struct
{
  GHashTable *words;    /* stem → GUINT_TO_POINTER (term id + 1) */
  GHashTable *phrases;  /* first stem → GPtrArray of Phrase, longest first */
} Lexicon;

struct _PxAligner
{
  GObject parent_instance;

  /* owned */
  GPtrArray *articles;      /* Article */
  GHashTable *lexicons;     /* language → Lexicon */
  GHashTable *term_ids;     /* term → GUINT_TO_POINTER (id + 1) */
  GPtrArray *term_names;    /* id → term (owned) */
  GArray *term_weights;     /* double per term id, once prepared */
  const GArray **term_synonyms;  /* per term id: its synonym groups or NULL, once prepared */
  PxSynonyms *synonyms;     /* of the articles' language, shared; NULL when none */
  GHashTable *word_ids;     /* normalised word → id + 1 */
  guint n_sentences;

  PxAlignerFrequencyFunc frequency_func;
  gpointer frequency_data;
  gint64 n_documents;

  gboolean prepared;
};

G_DEFINE_FINAL_TYPE (PxAligner, px_aligner, G_TYPE_OBJECT)

static void
phrase_free (Phrase *phrase)
{
  g_strfreev (phrase->stems);
  g_free (phrase);
}

static void
lexicon_free (Lexicon *lexicon)
{
  g_hash_table_unref (lexicon->words);
  g_hash_table_unref (lexicon->phrases);
  g_free (lexicon);
}

static void
article_free (Article *article)
{
  for (guint i = 0; i < article->n_sentences; i++)
    {
      g_array_unref (article->sentences[i].tokens);
      g_array_unref (article->sentences[i].terms);
      g_array_unref (article->sentences[i].words);
      g_array_unref (article->sentences[i].sequence);
      g_array_unref (article->sentences[i].sequence_flags);
      px_paraphrase_sentence_free (article->sentences[i].paraphrase);
    }
  g_free (article->sentences);
  g_array_unref (article->ranges);
  g_free (article);
}

static void
px_aligner_finalize (GObject *object)
{
  PxAligner *self = PX_ALIGNER (object);

  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->lexicons, g_hash_table_unref);
  g_clear_pointer (&self->term_ids, g_hash_table_unref);
  g_clear_pointer (&self->term_names, g_ptr_array_unref);
  g_clear_pointer (&self->term_weights, g_array_unref);
  g_clear_pointer (&self->term_synonyms, g_free);
  g_clear_pointer (&self->word_ids, g_hash_table_unref);

  G_OBJECT_CLASS (px_aligner_parent_class)->finalize (object);
}

static void
px_aligner_class_init (PxAlignerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_aligner_finalize;
}

static void
px_aligner_init (PxAligner *self)
{
  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);
  self->lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) lexicon_free);
  self->term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->term_names = g_ptr_array_new_with_free_func (g_free);
  self->term_weights = g_array_new (FALSE, TRUE, sizeof (double));
  self->word_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PxAligner *
px_aligner_new (void)
{
  return g_object_new (PX_TYPE_ALIGNER, NULL);
}

void
px_aligner_set_document_frequencies (PxAligner              *self,
                                     PxAlignerFrequencyFunc  func,
                                     gpointer                user_data,
                                     gint64                  n_documents)
{
  g_return_if_fail (PX_IS_ALIGNER (self));
  g_return_if_fail (!self->prepared);

  self->frequency_func = func;
  self->frequency_data = user_data;
  self->n_documents = n_documents;
}



static guint
intern_term (PxAligner  *self,
             const char *term)
{
  gpointer id = g_hash_table_lookup (self->term_ids, term);
  char *copy;

  if (id != NULL)
    return GPOINTER_TO_UINT (id) - 1;
  copy = g_strdup (term);
  g_ptr_array_add (self->term_names, copy);
  g_hash_table_insert (self->term_ids, copy, GUINT_TO_POINTER (self->term_names->len));
  return self->term_names->len - 1;
}

static guint
intern_word (PxAligner  *self,
             const char *word)
{
  gpointer id = g_hash_table_lookup (self->word_ids, word);
  guint n = g_hash_table_size (self->word_ids);

  if (id != NULL)
    return GPOINTER_TO_UINT (id) - 1;
  g_hash_table_insert (self->word_ids, g_strdup (word), GUINT_TO_POINTER (n + 1));
  return n;
}

static gboolean
is_content (const PxToken *token)
{
  return (token->flags & (PX_TOKEN_WORD | PX_TOKEN_NUMBER)) != 0;
}

char *
px_aligner_number_term (const char *norm)
{
  GString *term = g_string_new ("#");

  for (const char *p = norm; *p != '\0'; p++)
    if (*p != ',')
      g_string_append_c (term, *p);
  return g_string_free (term, FALSE);
}

static int
compare_phrase_length (gconstpointer a,
                       gconstpointer b)
{
  const Phrase *x = *(Phrase * const *) a, *y = *(Phrase * const *) b;

  return (int) y->n_stems - (int) x->n_stems;
}

/* data/align/equivalents-LANG.txt: one group a line, alternatives
 * separated by ";", each a word or a phrase. */
static Lexicon *
load_lexicon (PxAligner   *self,
              PxTokenizer *tokenizer,
              const char  *language)
{
  g_autofree char *name = g_strdup_printf ("align/equivalents-%s.txt", language);
  g_auto (GStrv) lines = px_data_read_lines (name);
  Lexicon *lexicon = g_new0 (Lexicon, 1);

  lexicon->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) alternatives = g_strsplit (lines[i], ";", -1);
      int canonical = -1;

      for (guint j = 0; alternatives[j] != NULL; j++)
        {
          const char *alternative = g_strstrip (alternatives[j]);
          g_autoptr (GArray) tokens = px_tokenizer_tokenize (tokenizer, alternative, 0,
                                                             strlen (alternative));
          g_autoptr (GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);

          for (guint k = 0; k < tokens->len; k++)
            {
              const PxToken *token = &g_array_index (tokens, PxToken, k);

              if (is_content (token))
                g_ptr_array_add (stems, g_strdup (token->stem));
            }
          if (stems->len == 0)
            continue;
          if (canonical < 0)
            {
              g_autofree char *joined = NULL;

              g_ptr_array_add (stems, NULL);
              joined = g_strjoinv (" ", (char **) stems->pdata);
              g_ptr_array_remove_index (stems, stems->len - 1);
              canonical = intern_term (self, joined);
            }
          if (stems->len == 1)
            g_hash_table_replace (lexicon->words, g_strdup (stems->pdata[0]),
                                  GUINT_TO_POINTER (canonical + 1));
          else
            {
              Phrase *phrase = g_new0 (Phrase, 1);
              GPtrArray *list = g_hash_table_lookup (lexicon->phrases, stems->pdata[0]);

              if (list == NULL)
                {
                  list = g_ptr_array_new_with_free_func ((GDestroyNotify) phrase_free);
                  g_hash_table_insert (lexicon->phrases, g_strdup (stems->pdata[0]), list);
                }
              phrase->n_stems = stems->len;
              phrase->canonical = canonical;
              g_ptr_array_add (stems, NULL);
              phrase->stems = (char **) g_ptr_array_free (g_steal_pointer (&stems), FALSE);
              g_ptr_array_add (list, phrase);
              g_ptr_array_sort (list, compare_phrase_length);
            }
        }
    }
  return lexicon;
}

/* Opening ICU's word iterator and the stemmer costs more than aligning
 * a few articles: each thread keeps its tokenizers. */
static GPrivate thread_tokenizers = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static PxTokenizer *
get_tokenizer (PxAligner   *self,
               const char  *language,
               Lexicon    **lexicon)
{
  GHashTable *cache = g_private_get (&thread_tokenizers);
  PxTokenizer *tokenizer;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      g_private_set (&thread_tokenizers, cache);
    }
  tokenizer = g_hash_table_lookup (cache, language);
  if (tokenizer == NULL)
    {
      tokenizer = px_tokenizer_new (language);
      g_hash_table_insert (cache, (gpointer) px_tokenizer_get_language (tokenizer), tokenizer);
    }
  if (!g_hash_table_contains (self->lexicons, language))
    g_hash_table_insert (self->lexicons, (gpointer) px_tokenizer_get_language (tokenizer),
                         load_lexicon (self, tokenizer, language));
  *lexicon = g_hash_table_lookup (self->lexicons, language);
  return tokenizer;
}

/* The length of the lexicon phrase starting at content token @at, or 0. */
static guint
match_phrase (Lexicon  *lexicon,
              GArray   *tokens,
              guint    *content,
              guint     n_content,
              guint     at,
              guint    *canonical)
{
  GPtrArray *list = g_hash_table_lookup (lexicon->phrases,
                                         g_array_index (tokens, PxToken, content[at]).stem);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      Phrase *phrase = list->pdata[i];
      guint k;

      if (at + phrase->n_stems > n_content)
        continue;
      for (k = 1; k < phrase->n_stems; k++)
        if (strcmp (g_array_index (tokens, PxToken, content[at + k]).stem, phrase->stems[k]) != 0)
          break;
      if (k == phrase->n_stems)
        {
          *canonical = phrase->canonical;
          return phrase->n_stems;
        }
    }
  return 0;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Words that turn a statement round ("not", "never", "didn't"). */
static gboolean
is_negation (const char *norm)
{
  static const char *const words[] = { "not", "no", "never", "nor", "neither", "none",
                                       "nobody", "nothing", "cannot", "without" };

  if (g_str_has_suffix (norm, "n't"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (norm, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @text is one or more ASCII letters and nothing else. */
static gboolean
is_letters (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isalpha (*text))
      return FALSE;
  return TRUE;
}

static void
add_term (Sentence *sentence,
          guint     term,
          guint8    flags)
{
  g_array_append_val (sentence->terms, term);
  g_array_append_val (sentence->sequence, term);
  g_array_append_val (sentence->sequence_flags, flags);
}

static void
analyse_sentence (PxAligner *self,
                  Sentence  *sentence,
                  Lexicon   *lexicon)
{
  GArray *tokens = sentence->tokens;
  g_autofree guint *content = g_new (guint, tokens->len + 1);
  guint n_content = 0;

  sentence->terms = g_array_new (FALSE, FALSE, sizeof (guint));
  sentence->words = g_array_new (FALSE, FALSE, sizeof (guint));
  sentence->sequence = g_array_new (FALSE, FALSE, sizeof (guint));
  sentence->sequence_flags = g_array_new (FALSE, FALSE, sizeof (guint8));
  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *token = &g_array_index (tokens, PxToken, i);

      if (!is_content (token))
        continue;
      content[n_content++] = i;
      g_array_append_val (sentence->words, ((guint) { intern_word (self, token->norm) }));
    }

  for (guint at = 0; at < n_content;)
    {
      const PxToken *token = &g_array_index (tokens, PxToken, content[at]);
      guint canonical, term;
      guint8 flags = 0;
      guint length = match_phrase (lexicon, tokens, content, n_content, at, &canonical);
      gsize digits = strspn (token->norm, "0123456789.,");
      gpointer word;

      if (length > 0)
        term = canonical;
      else if ((token->flags & PX_TOKEN_WORD) && g_ascii_isdigit (token->norm[0]) &&
               is_letters (token->norm + digits))
        {
          /* "10km" is the number 10 and the unit "km", as "10 km" is. */
          g_autofree char *number = g_strndup (token->norm, digits);
          g_autofree char *name = px_aligner_number_term (number);
          const char *unit = token->norm + digits;

          add_term (sentence, intern_term (self, name), PX_PARAPHRASE_NUMBER);
          word = g_hash_table_lookup (lexicon->words, unit);
          term = word != NULL ? GPOINTER_TO_UINT (word) - 1 : intern_term (self, unit);
        }
      else if (token->flags & PX_TOKEN_NUMBER)
        {
          g_autofree char *name = px_aligner_number_term (token->norm);

          term = intern_term (self, name);
          flags = PX_PARAPHRASE_NUMBER;
        }
      else if ((word = g_hash_table_lookup (lexicon->words, token->stem)) != NULL)
        term = GPOINTER_TO_UINT (word) - 1;
      else if (!(token->flags & PX_TOKEN_STOP))
        {
          term = intern_term (self, token->stem);
          if ((token->flags & PX_TOKEN_CAPITALISED) && at > 0)
            flags = PX_PARAPHRASE_NAME;
          if (is_negation (token->norm))
            flags |= PX_PARAPHRASE_NEGATION;
        }
      else
        {
          g_autofree char *name = g_strconcat ("~", token->norm, NULL);

          term = intern_term (self, name);
          flags = PX_PARAPHRASE_STOP | (is_negation (token->norm) ? PX_PARAPHRASE_NEGATION : 0);
        }
      at += MAX (length, 1);
      add_term (sentence, term, flags);
    }

  /* A set: sorted, without repeats. */
  g_array_sort (sentence->terms, compare_uint);
  {
    guint n = 0;

    for (guint i = 0; i < sentence->terms->len; i++)
      if (n == 0 || g_array_index (sentence->terms, guint, n - 1) != g_array_index (sentence->terms, guint, i))
        g_array_index (sentence->terms, guint, n++) = g_array_index (sentence->terms, guint, i);
    g_array_set_size (sentence->terms, n);
  }
}

guint
px_aligner_add_article (PxAligner   *self,
                        const char  *text,
                        GArray      *sentences,
                        const char  *language)
{
  g_autoptr (GPtrArray) tokens = NULL;
  PxTokenizer *tokenizer;
  Lexicon *lexicon;
  const char *code;

  g_return_val_if_fail (PX_IS_ALIGNER (self), 0);
  g_return_val_if_fail (text != NULL && sentences != NULL, 0);
  g_return_val_if_fail (!self->prepared, 0);

  code = px_language_canonical (language);
  tokenizer = get_tokenizer (self, code != NULL ? code : "en", &lexicon);
  tokens = g_ptr_array_new_full (sentences->len, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < sentences->len; i++)
    {
      const PxRange *range = &g_array_index (sentences, PxRange, i);

      g_ptr_array_add (tokens, px_tokenizer_tokenize (tokenizer, text, range->start, range->end));
    }
  return px_aligner_add_tokenised_article (self, text, sentences, tokens, language);
}

guint
px_aligner_add_tokenised_article (PxAligner   *self,
                                  const char  *text,
                                  GArray      *sentences,
                                  GPtrArray   *tokens,
                                  const char  *language)
{
  Article *article;
  Lexicon *lexicon;
  const char *code;

  g_return_val_if_fail (PX_IS_ALIGNER (self), 0);
  g_return_val_if_fail (text != NULL && sentences != NULL, 0);
  g_return_val_if_fail (tokens != NULL && tokens->len == sentences->len, 0);
  g_return_val_if_fail (!self->prepared, 0);

  code = px_language_canonical (language);
  get_tokenizer (self, code != NULL ? code : "en", &lexicon);
  if (self->synonyms == NULL)
    self->synonyms = px_synonyms_get_shared (code != NULL ? code : "en");

  article = g_new0 (Article, 1);
  article->text = text;
  article->ranges = g_array_ref (sentences);
  article->n_sentences = sentences->len;
  article->sentences = g_new0 (Sentence, sentences->len);
  article->first = self->n_sentences;
  for (guint i = 0; i < sentences->len; i++)
    {
      article->sentences[i].tokens = g_array_ref (g_ptr_array_index (tokens, i));
      analyse_sentence (self, &article->sentences[i], lexicon);
    }
  self->n_sentences += sentences->len;
  g_ptr_array_add (self->articles, article);
  return self->articles->len - 1;
}



static Sentence *
get_sentence (PxAligner        *self,
              const PxAlignRef *ref)
{
  Article *article;

  g_return_val_if_fail (ref->article < self->articles->len, NULL);
  article = self->articles->pdata[ref->article];
  g_return_val_if_fail (ref->sentence < article->n_sentences, NULL);
  return &article->sentences[ref->sentence];
}

GArray *
px_aligner_get_tokens (PxAligner *self,
                       guint      article,
                       guint      sentence)
{
  g_return_val_if_fail (PX_IS_ALIGNER (self), NULL);
  return get_sentence (self, &(PxAlignRef) { article, sentence })->tokens;
}

GArray *
px_aligner_get_words (PxAligner *self,
                      guint      article,
                      guint      sentence)
{
  g_return_val_if_fail (PX_IS_ALIGNER (self), NULL);
  return get_sentence (self, &(PxAlignRef) { article, sentence })->words;
}

/* Term weights, once every article is in. */
static void
prepare (PxAligner *self)
{
  guint n_terms = self->term_names->len;
  g_autofree guint *sentence_df = NULL;
  g_autofree gint64 *library_df = NULL;
  gboolean library = self->frequency_func != NULL && self->n_documents >= MIN_LIBRARY_DOCUMENTS;

  if (self->prepared)
    return;
  self->prepared = TRUE;
  g_array_set_size (self->term_weights, n_terms);
  if (library)
    {
      library_df = g_new0 (gint64, n_terms + 1);
      self->frequency_func ((const char * const *) self->term_names->pdata, n_terms, library_df,
                            self->frequency_data);
    }
  else
    sentence_df = g_new0 (guint, n_terms);
  for (guint a = 0; sentence_df != NULL && a < self->articles->len; a++)
    {
      Article *article = self->articles->pdata[a];

      for (guint s = 0; s < article->n_sentences; s++)
        for (guint t = 0; t < article->sentences[s].terms->len; t++)
          sentence_df[g_array_index (article->sentences[s].terms, guint, t)]++;
    }
  for (guint t = 0; t < n_terms; t++)
    {
      double n, df;

      if (((const char *) self->term_names->pdata[t])[0] == '~')
        {
          g_array_index (self->term_weights, double, t) = STOP_WORD_WEIGHT;
          continue;
        }
      if (library)
        {
          n = self->n_documents;
          df = library_df[t];
        }
      else
        {
          n = self->n_sentences;
          df = sentence_df[t];
        }
      g_array_index (self->term_weights, double, t) = log ((n + 1) / (MIN (df, n) + 0.5));
    }
  self->term_synonyms = g_new0 (const GArray *, n_terms + 1);
  for (guint t = 0; self->synonyms != NULL && t < n_terms; t++)
    self->term_synonyms[t] = px_synonyms_get_groups (self->synonyms, self->term_names->pdata[t]);
  for (guint a = 0; a < self->articles->len; a++)
    {
      Article *article = self->articles->pdata[a];

      for (guint s = 0; s < article->n_sentences; s++)
        {
          Sentence *sentence = &article->sentences[s];
          PxParaphraseText text = { (const guint *) sentence->sequence->data,
                                    (const guint8 *) sentence->sequence_flags->data,
                                    sentence->sequence->len };

          sentence->paraphrase = px_paraphrase_sentence_new (&text);
          sentence->total = 0;
          for (guint t = 0; t < sentence->terms->len; t++)
            sentence->total += g_array_index (self->term_weights, double,
                                              g_array_index (sentence->terms, guint, t));
        }
    }
}

static gboolean
related_terms (guint    a,
               guint    b,
               gpointer user_data)
{
  PxAligner *self = user_data;

  return px_synonyms_share_group (self->term_synonyms[a], self->term_synonyms[b]);
}

/* The paraphrase features of two sentences (only the similarity when it
 * is below @min_similarity: FALSE); callers pass them in global order
 * (article, then sentence), which keeps the scores symmetric. */
static gboolean
pair_features (PxAligner *self,
               Sentence  *a,
               Sentence  *b,
               double     min_similarity,
               double    *features)
{
  return px_paraphrase_features (a->paraphrase, b->paraphrase, (const double *) self->term_weights->data,
                                 related_terms, self, min_similarity, features);
}

static double
claim_score (PxAligner *self,
             Sentence  *a,
             Sentence  *b)
{
  double features[PX_PARAPHRASE_N_FEATURES];

  if (!pair_features (self, a, b, MIN_CLAIM_SIMILARITY, features))
    return 0;
  return px_paraphrase_probability (features);
}

static gboolean
in_order (const PxAlignRef *a,
          const PxAlignRef *b)
{
  return a->article < b->article || (a->article == b->article && a->sentence <= b->sentence);
}

double
px_aligner_score (PxAligner        *self,
                  const PxAlignRef *a,
                  const PxAlignRef *b)
{
  double features[PX_PARAPHRASE_N_FEATURES];

  g_return_val_if_fail (PX_IS_ALIGNER (self), 0);

  prepare (self);
  if (!in_order (a, b))
    return px_aligner_score (self, b, a);
  /* The similarity alone. */
  pair_features (self, get_sentence (self, a), get_sentence (self, b), G_MAXDOUBLE, features);
  return features[PX_PARAPHRASE_SIMILARITY];
}

double
px_aligner_claim_score (PxAligner        *self,
                        const PxAlignRef *a,
                        const PxAlignRef *b)
{
  g_return_val_if_fail (PX_IS_ALIGNER (self), 0);

  prepare (self);
  if (!in_order (a, b))
    return px_aligner_claim_score (self, b, a);
  return claim_score (self, get_sentence (self, a), get_sentence (self, b));
}

void
px_aligner_get_features (PxAligner        *self,
                         const PxAlignRef *a,
                         const PxAlignRef *b,
                         double           *features)
{
  g_return_if_fail (PX_IS_ALIGNER (self));
  g_return_if_fail (features != NULL);

  prepare (self);
  if (!in_order (a, b))
    {
      px_aligner_get_features (self, b, a, features);
      return;
    }
  pair_features (self, get_sentence (self, a), get_sentence (self, b), 0, features);
}

gboolean
px_aligner_is_near_identical (PxAligner        *self,
                              const PxAlignRef *a,
                              const PxAlignRef *b)
{
  Sentence *x, *y;
  guint common;

  g_return_val_if_fail (PX_IS_ALIGNER (self), FALSE);

  x = get_sentence (self, a);
  y = get_sentence (self, b);
  if (x->words->len < NEAR_IDENTICAL_MIN_WORDS || y->words->len < NEAR_IDENTICAL_MIN_WORDS)
    return FALSE;
  common = px_diff_match ((const guint *) x->words->data, x->words->len,
                          (const guint *) y->words->data, y->words->len, NULL, NULL);
  return 2.0 * common >= NEAR_IDENTICAL_RATIO * (x->words->len + y->words->len);
}

typedef struct
{
  guint a, b;  /* global sentence indexes, a < b */
  double score;
} Edge;

static int
compare_edges (gconstpointer x,
               gconstpointer y)
{
  const Edge *e = x, *f = y;

  if (e->score != f->score)
    return e->score > f->score ? -1 : 1;
  if (e->a != f->a)
    return e->a < f->a ? -1 : 1;
  return e->b < f->b ? -1 : e->b > f->b;
}

/* A candidate pair's claim score, kept for the complete-link checks. */
typedef struct
{
  guint other;  /* global index of the later sentence */
  double score;
} Scored;

typedef struct
{
  PxAligner *self;
  Sentence **sentences;  /* by global index */
  guint *article_of;     /* by global index */
  GPtrArray *scored;     /* by global index: GArray of Scored, by other */
} Index;

static int
compare_scored (gconstpointer a,
                gconstpointer b)
{
  guint x = ((const Scored *) a)->other, y = ((const Scored *) b)->other;

  return x < y ? -1 : x > y;
}

/* The claim score of sentences @a < @b: from the candidates when they are
 * of different articles (a pair that was no candidate shares too little
 * to score), computed when they are of the same one. */
static double
indexed_score (Index *index,
               guint  a,
               guint  b)
{
  GArray *list = index->scored->pdata[a];
  const Scored key = { b, 0 }, *found;

  if (index->article_of[a] == index->article_of[b])
    return claim_score (index->self, index->sentences[a], index->sentences[b]);
  /* bsearch () on an empty list would be handed a NULL array. */
  if (list->len == 0)
    return 0;
  found = bsearch (&key, list->data, list->len, sizeof (Scored), compare_scored);
  return found != NULL ? found->score : 0;
}

static gboolean
may_join (Index  *index,
          GArray *x,
          GArray *y)
{
  double link = PX_ALIGNER_DEFAULT_THRESHOLD * PX_ALIGNER_LINK_RATIO;

  for (guint i = 0; i < x->len; i++)
    for (guint j = 0; j < y->len; j++)
      {
        guint a = g_array_index (x, guint, i), b = g_array_index (y, guint, j);
        double score = indexed_score (index, MIN (a, b), MAX (a, b));

        if (index->article_of[a] == index->article_of[b] ? score < MAX (SAME_ARTICLE_SCORE, PX_ALIGNER_DEFAULT_THRESHOLD)
                                                         : score < link)
          return FALSE;
      }
  return TRUE;
}

static int
compare_claims (gconstpointer a,
                gconstpointer b)
{
  const GArray *x = *(GArray * const *) a, *y = *(GArray * const *) b;
  const PxAlignRef *p = &g_array_index (x, PxAlignRef, 0), *q = &g_array_index (y, PxAlignRef, 0);

  if (p->article != q->article)
    return p->article < q->article ? -1 : 1;
  return p->sentence < q->sentence ? -1 : p->sentence > q->sentence;
}

GPtrArray *
px_aligner_align (PxAligner *self)
{
  guint n = self->n_sentences;
  g_autofree Sentence **sentences = NULL;
  g_autofree guint *article_of = NULL;
  g_autofree guint *sentence_of = NULL;
  g_autoptr (GPtrArray) postings = NULL;
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree double *shared = NULL;
  g_autoptr (GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *cluster_of = NULL;
  g_autoptr (GPtrArray) clusters = NULL;
  g_autoptr (GPtrArray) scored = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GPtrArray *claims;
  Index index;
  guint max_postings;

  g_return_val_if_fail (PX_IS_ALIGNER (self), NULL);

  prepare (self);
  sentences = g_new (Sentence *, n + 1);
  article_of = g_new (guint, n + 1);
  sentence_of = g_new (guint, n + 1);
  for (guint a = 0, g = 0; a < self->articles->len; a++)
    {
      Article *article = self->articles->pdata[a];

      for (guint s = 0; s < article->n_sentences; s++, g++)
        {
          sentences[g] = &article->sentences[s];
          article_of[g] = a;
          sentence_of[g] = s;
        }
    }

  /* The inverted index: term → sentences, in global order. Terms found
   * in very many sentences say little; they are left out of the index
   * (not of the scores), which keeps the candidate pairs near linear. */
  postings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint t = 0; t < self->term_names->len; t++)
    g_ptr_array_add (postings, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint g = 0; g < n; g++)
    for (guint t = 0; t < sentences[g]->terms->len; t++)
      g_array_append_val (postings->pdata[g_array_index (sentences[g]->terms, guint, t)], g);
  max_postings = MAX (64, n / 8);

  shared = g_new0 (double, n + 1);
  for (guint g = 0; g < n; g++)
    {
      Sentence *sentence = sentences[g];
      GArray *list = g_array_new (FALSE, FALSE, sizeof (Scored));
      double unindexed = 0;

      g_ptr_array_add (scored, list);
      for (guint t = 0; t < sentence->terms->len; t++)
        {
          guint term = g_array_index (sentence->terms, guint, t);
          double weight = g_array_index (self->term_weights, double, term);
          GArray *list = postings->pdata[term];

          if (list->len > max_postings)
            {
              unindexed += weight;
              continue;
            }
          for (guint p = 0; p < list->len; p++)
            {
              guint other = g_array_index (list, guint, p);

              if (other <= g || article_of[other] == article_of[g])
                continue;
              if (shared[other] == 0)
                g_array_append_val (touched, other);
              shared[other] += weight;
            }
        }
      for (guint i = 0; i < touched->len; i++)
        {
          guint other = g_array_index (touched, guint, i);
          double bound = 2 * (shared[other] + unindexed) / (sentence->total + sentences[other]->total);

          shared[other] = 0;
          if (bound >= MIN_CLAIM_SIMILARITY)
            {
              double score = claim_score (self, sentence, sentences[other]);

              g_array_append_val (list, ((Scored) { other, score }));
              if (score >= PX_ALIGNER_DEFAULT_THRESHOLD)
                g_array_append_val (edges, ((Edge) { g, other, score }));
            }
        }
      g_array_set_size (touched, 0);
      g_array_sort (list, compare_scored);
    }
  g_array_sort (edges, compare_edges);

  /* Strongest pairs first; complete link between the groups. */
  index = (Index) { self, sentences, article_of, scored };
  cluster_of = g_new (guint, n + 1);
  clusters = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint g = 0; g < n; g++)
    {
      GArray *members = g_array_new (FALSE, FALSE, sizeof (guint));

      g_array_append_val (members, g);
      g_ptr_array_add (clusters, members);
      cluster_of[g] = g;
    }
  for (guint e = 0; e < edges->len; e++)
    {
      const Edge *edge = &g_array_index (edges, Edge, e);
      guint x = cluster_of[edge->a], y = cluster_of[edge->b];
      GArray *into, *from;

      if (x == y || !may_join (&index, clusters->pdata[x], clusters->pdata[y]))
        continue;
      /* The smaller group moves into the larger; ties by index. */
      if (((GArray *) clusters->pdata[y])->len > ((GArray *) clusters->pdata[x])->len ||
          (((GArray *) clusters->pdata[y])->len == ((GArray *) clusters->pdata[x])->len && y < x))
        {
          guint swap = x;
          x = y, y = swap;
        }
      into = clusters->pdata[x];
      from = clusters->pdata[y];
      for (guint i = 0; i < from->len; i++)
        {
          guint member = g_array_index (from, guint, i);

          cluster_of[member] = x;
          g_array_append_val (into, member);
        }
      g_array_set_size (from, 0);
    }

  claims = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint c = 0; c < clusters->len; c++)
    {
      GArray *members = clusters->pdata[c];
      GArray *claim;

      if (members->len == 0)
        continue;
      g_array_sort (members, compare_uint);
      claim = g_array_sized_new (FALSE, FALSE, sizeof (PxAlignRef), members->len);
      for (guint i = 0; i < members->len; i++)
        {
          guint g = g_array_index (members, guint, i);

          g_array_append_val (claim, ((PxAlignRef) { article_of[g], sentence_of[g] }));
        }
      g_ptr_array_add (claims, claim);
    }
  g_ptr_array_sort (claims, compare_claims);
  return claims;
}
