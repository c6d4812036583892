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
 * Speed: a comparison of 30 articles repeats most of its words and,
 * through wire copy, many of its sentences. Each distinct word is
 * analysed once (its term, flags and id, in a table of the aligner's,
 * its text and stem the token's own); a sentence repeated word for word
 * shares the first one's analysis; two sentences with the same terms in
 * the same order (a distinct sentence) have the same candidates and
 * scores, so candidates are found between distinct sentences and a pair
 * of such is scored once. Sentences keep their terms in a few flat
 * arrays, the lexicon is read once per process, and what only scored
 * pairs need (the paraphrase preparation of a sentence, the synonyms of
 * its terms) is made when a pair first needs it; that preparation is
 * handed the sentence's sorted terms, so that they are sorted once, and
 * its words' synonym signatures, so that few pairs of words are asked
 * whether they are related. Articles that come tokenised (a comparison's
 * cached analysis) need no tokenizer. Term ids are handed out in the
 * order the words come, as before, so no score depends on any of this.
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
#define NONE G_MAXUINT
#define LEXICON_FILTER_BITS 1024
#define INITIAL_TERMS 8192
#define INITIAL_WORDS 4096  /* table slots: room for half as many */
#define INITIAL_TEXTS 1024
#define SORT_RUN 16

/* A term's synonym groups (px-synonyms.h; NULL when none), and the bits
 * (group mod 64) of their signature: terms whose signatures have no bit
 * in common share no group, which rules out most pairs of words at once. */
typedef struct
{
  const GArray *groups;
  guint64 signature;
} Synonyms;

typedef struct _Sentence Sentence;
struct _Sentence
{
  GArray *tokens;  /* PxToken; for a repeat px_aligner_add_article () saw, made when asked */
  Sentence *repeats;  /* the first sentence of the same text and language, or NULL */
  guint start;     /* of its text in its article */
  GArray *words;   /* guint ids of the normalised words and numbers, in order; made when asked */
  guint terms, n_terms;        /* in PxAligner.terms: term ids, ascending, unique */
  guint sequence, n_sequence;  /* in PxAligner.sequence(_flags): term ids in order, repeats kept */
  guint word_ids, n_words;     /* in PxAligner.word_sequence */
  PxParaphraseSentence *paraphrase;  /* the sequence prepared for pairs, when first scored */
  guint distinct;  /* sentences with the same sequence (and flags) share this, once prepared */
};

/* A pair of distinct sentences' claim score, in PxAligner.scores. */
typedef struct
{
  guint64 key;     /* (earlier's distinct << 32 | later's) + 1; 0 when free */
  double score;
} Score;

typedef struct
{
  const char *text;
  GArray *ranges;  /* PxRange, a reference */
  Sentence *sentences;
  guint n_sentences;
} Article;

typedef struct
{
  char **stems;     /* of the phrase's words, NULL-terminated */
  guint n_stems;
  guint group;      /* index into the lexicon's groups */
} Phrase;

/* The equivalents of one language, read once for the process and never
 * changed after: single words and phrases, each mapped to its group. */
typedef struct
{
  GPtrArray *groups;    /* the stems of each group's first member, joined by spaces */
  GHashTable *words;    /* stem → GUINT_TO_POINTER (group + 1) */
  GHashTable *phrases;  /* first stem → GPtrArray of Phrase, longest first */
  /* A bit for the hash_string () of each stem of words and phrases (mod
   * LEXICON_FILTER_BITS): most stems are in neither, which their bit
   * tells for less than a look-up. */
  guint64 filter[LEXICON_FILTER_BITS / 64];
} Lexicon;

/* One language's lexicon, with the term ids of its groups in this aligner. */
typedef struct
{
  const Lexicon *lexicon;
  guint *group_terms;
} Language;

/* A sentence's text, to find its repeats by (in PxAligner.texts). */
typedef struct
{
  guint hash;        /* text_hash (), first as Table wants */
  const char *text;  /* in its article's text */
  guint length;
  const Language *language;
  Sentence *first;   /* the first sentence of this text */
} Text;

/* A distinct normalised word of the compared sentences (its index in
 * PxAligner.words is its id), and what it adds to a sentence, found out
 * once (for the language and token kind it was first seen with; others
 * are worked out each time). */
typedef struct
{
  guint hash;           /* first, as Table wants */
  const char *norm;     /* its first token's */
  Language *language;
  guint kind;           /* the PxTokenFlags that decide its terms */
  guint stem_hash;      /* hash_string () of its stem */
  const GPtrArray *phrases;  /* lexicon phrases starting with its stem, or NULL */
  gboolean analysed;    /* the fields below are set (on its first use outside a phrase) */
  guint number;         /* "10km": the term of the number, else NONE */
  guint term;
  guint8 flags;         /* PxParaphraseFlags of term */
  gboolean may_be_name; /* a name when capitalised and not first */
} Word;

/* An open-addressed table over an array of items of @size bytes, each
 * starting with its guint hash: the aligner's words, terms and sentence
 * texts, where a GHashTable and GArray cost several times as much (they
 * are filled anew for each comparison). Callers probe the slots
 * themselves. */
typedef struct
{
  guint *slots;    /* item index + 1, 0 when free */
  guint n_slots;   /* a power of two, more than twice n_items */
  guint8 *items;   /* room for n_slots / 2 */
  guint n_items;
  gsize size;
} Table;

struct _PxAligner
{
  GObject parent_instance;

  /* owned */
  GPtrArray *articles;      /* Article */
  GHashTable *languages;    /* language code → Language */
  Table words;              /* Word, one per distinct normalised word */
  Table terms_by_name;      /* the guint hash_string () of each term's name, by id */
  GPtrArray *term_names;    /* id → term (a token's stem, the lexicon's, or in strings) */
  GStringChunk *strings;    /* the names of number and stop word terms */
  GArray *term_weights;     /* double per term id, once prepared */
  Synonyms *term_synonyms;  /* per term id, looked up when first needed */
  guint *term_items;        /* per term id: its index in the sentence at hand's terms */
  PxSynonyms *synonyms;     /* of the articles' language, shared; NULL when none */
  GArray *terms;            /* guint: each sentence's terms */
  GArray *sequence;         /* guint: each sentence's terms in order */
  GArray *sequence_flags;   /* guint8 PxParaphraseFlags, one per sequence term */
  GArray *word_sequence;    /* guint: each sentence's word ids */
  guint n_word_ids, n_set_terms, n_sequence;  /* used of word_sequence, terms, sequence(_flags) */
  guint64 *term_bits;       /* a bit per term id, all 0 between sentences */
  guint term_bits_size;
  guint n_sentences;
  GPtrArray *distinct;      /* the first sentence of each distinct sequence, once prepared */
  guint *distinct_sizes;    /* the number of sentences of each, once prepared */
  guint *term_sentences;    /* per term id: the sentences it is in, once prepared */
  Table texts;              /* Text, one per distinct sentence text */
  Score *scores;            /* claim scores of distinct pairs, open-addressed */
  guint n_scores, n_score_slots;  /* n_score_slots a power of two */

  PxAlignerFrequencyFunc frequency_func;
  gpointer frequency_data;
  gint64 n_documents;

  gboolean prepared;
};

G_DEFINE_FINAL_TYPE (PxAligner, px_aligner, G_TYPE_OBJECT)

/* Synonyms.groups of a term not looked up yet */
static const GArray unknown_synonyms;

static inline guint64
load_64 (const char *bytes)
{
  guint64 value;

  memcpy (&value, bytes, sizeof value);
  return value;
}

/* Of a sentence's length, its first and its last 16 bytes (eight at a
 * time): texts that share all of them are rare enough for text_equal ()
 * to sort out. */
static guint
text_hash (const Text *text)
{
  guint64 hash = text->length ^ G_GUINT64_CONSTANT (0xCBF29CE484222325);

  if (text->length >= 16)
    {
      const char *end = text->text + text->length;
      guint64 parts[4] = { load_64 (text->text), load_64 (text->text + 8), load_64 (end - 16), load_64 (end - 8) };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        hash = (hash ^ parts[i]) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
    }
  else
    for (guint i = 0; i < text->length; i++)
      hash = (hash ^ (guchar) text->text[i]) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (guint) (hash >> 32 ^ hash) ^ GPOINTER_TO_UINT (text->language);
}

static gboolean
text_equal (const Text *x,
            const Text *y)
{
  return x->hash == y->hash && x->length == y->length && x->language == y->language &&
         memcmp (x->text, y->text, x->length) == 0;
}

static void
table_init (Table *table,
            guint  n_slots,
            gsize  size)
{
  table->n_slots = n_slots;
  table->slots = g_new0 (guint, table->n_slots);
  table->items = g_malloc (table->n_slots / 2 * size);
  table->n_items = 0;
  table->size = size;
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->slots, g_free);
  g_clear_pointer (&table->items, g_free);
}

static inline gpointer
table_item (const Table *table,
            guint        index)
{
  return table->items + index * table->size;
}

/* table_item () where the type is known: its size a constant. */
#define TABLE_ITEM(table, Type, index) ((Type *) (gpointer) (table)->items + (index))

/* Adds an item of @hash at free slot @i (found by the caller's probing):
 * its index, and its room to fill in after the hash. */
static guint
table_add (Table *table,
           guint  i,
           guint  hash)
{
  if ((table->n_items + 1) * 2 > table->n_slots)
    {
      guint mask = table->n_slots * 2 - 1;

      g_free (table->slots);
      table->n_slots *= 2;
      table->slots = g_new0 (guint, table->n_slots);
      table->items = g_realloc (table->items, table->n_slots / 2 * table->size);
      for (guint k = 0; k < table->n_items; k++)
        {
          guint j = *(const guint *) table_item (table, k) & mask;

          while (table->slots[j] != 0)
            j = (j + 1) & mask;
          table->slots[j] = k + 1;
        }
      for (i = hash & mask; table->slots[i] != 0; i = (i + 1) & mask)
        ;
    }
  table->slots[i] = ++table->n_items;
  *(guint *) table_item (table, table->n_items - 1) = hash;
  return table->n_items - 1;
}

static void
language_free (Language *language)
{
  g_free (language->group_terms);
  g_free (language);
}

static void
article_free (Article *article)
{
  for (guint i = 0; i < article->n_sentences; i++)
    {
      g_clear_pointer (&article->sentences[i].tokens, g_array_unref);
      g_clear_pointer (&article->sentences[i].words, g_array_unref);
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
  g_clear_pointer (&self->languages, g_hash_table_unref);
  table_clear (&self->words);
  table_clear (&self->terms_by_name);
  g_clear_pointer (&self->term_names, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->term_weights, g_array_unref);
  g_clear_pointer (&self->term_synonyms, g_free);
  g_clear_pointer (&self->term_items, g_free);
  g_clear_pointer (&self->term_bits, g_free);
  g_clear_pointer (&self->terms, g_array_unref);
  g_clear_pointer (&self->sequence, g_array_unref);
  g_clear_pointer (&self->sequence_flags, g_array_unref);
  g_clear_pointer (&self->word_sequence, g_array_unref);
  g_clear_pointer (&self->distinct, g_ptr_array_unref);
  g_clear_pointer (&self->distinct_sizes, g_free);
  g_clear_pointer (&self->term_sentences, g_free);
  table_clear (&self->texts);
  g_clear_pointer (&self->scores, g_free);

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
  self->languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) language_free);
  /* Room for the words and terms of a comparison of 30 articles, as
   * growing costs rehashing them all. */
  table_init (&self->words, INITIAL_WORDS, sizeof (Word));
  table_init (&self->terms_by_name, INITIAL_WORDS, sizeof (guint));
  self->term_names = g_ptr_array_new ();
  self->strings = g_string_chunk_new (4096);
  self->term_weights = g_array_new (FALSE, TRUE, sizeof (double));
  /* Room for a comparison of a few articles, as growing costs copies. */
  self->terms = g_array_sized_new (FALSE, FALSE, sizeof (guint), INITIAL_TERMS);
  self->sequence = g_array_sized_new (FALSE, FALSE, sizeof (guint), INITIAL_TERMS);
  self->sequence_flags = g_array_sized_new (FALSE, FALSE, sizeof (guint8), INITIAL_TERMS);
  self->word_sequence = g_array_sized_new (FALSE, FALSE, sizeof (guint), INITIAL_TERMS);
  self->distinct = g_ptr_array_new ();
  table_init (&self->texts, INITIAL_TEXTS, sizeof (Text));
  self->n_score_slots = 1024;
  self->scores = g_new0 (Score, self->n_score_slots);
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

/* Words and terms are hashed as the synonyms are, so that a term's hash
 * finds its synonym groups too. */
static inline guint
hash_string (const char *text)
{
  return px_synonyms_hash (text);
}

/* The id of the term named @term, whose hash_string () is @hash, added
 * when new. Its name is copied unless it is @lasting: a token's stem (the
 * aligner keeps its tokens) or the lexicon's. */
static guint
intern_term (PxAligner  *self,
             const char *term,
             guint       hash,
             gboolean    lasting)
{
  Table *table = &self->terms_by_name;
  guint mask = table->n_slots - 1, i;

  for (i = hash & mask; table->slots[i] != 0; i = (i + 1) & mask)
    {
      guint id = table->slots[i] - 1;

      if (*TABLE_ITEM (table, guint, id) == hash && strcmp (self->term_names->pdata[id], term) == 0)
        return id;
    }
  g_ptr_array_add (self->term_names, lasting ? (char *) term : g_string_chunk_insert (self->strings, term));
  return table_add (table, i, hash);
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
load_lexicon (PxTokenizer *tokenizer,
              const char  *language)
{
  g_autofree char *name = g_strdup_printf ("align/equivalents-%s.txt", language);
  g_auto (GStrv) lines = px_data_read_lines (name);
  Lexicon *lexicon = g_new0 (Lexicon, 1);

  lexicon->groups = g_ptr_array_new_with_free_func (g_free);
  lexicon->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) alternatives = g_strsplit (lines[i], ";", -1);
      int group = -1;

      for (guint j = 0; alternatives[j] != NULL; j++)
        {
          const char *alternative = g_strstrip (alternatives[j]);
          guint filter_bit;
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
          if (group < 0)
            {
              g_ptr_array_add (stems, NULL);
              g_ptr_array_add (lexicon->groups, g_strjoinv (" ", (char **) stems->pdata));
              g_ptr_array_remove_index (stems, stems->len - 1);
              group = lexicon->groups->len - 1;
            }
          filter_bit = hash_string (stems->pdata[0]) % LEXICON_FILTER_BITS;
          lexicon->filter[filter_bit / 64] |= G_GUINT64_CONSTANT (1) << filter_bit % 64;
          if (stems->len == 1)
            g_hash_table_replace (lexicon->words, g_strdup (stems->pdata[0]),
                                  GUINT_TO_POINTER (group + 1));
          else
            {
              Phrase *phrase = g_new0 (Phrase, 1);
              GPtrArray *list = g_hash_table_lookup (lexicon->phrases, stems->pdata[0]);

              if (list == NULL)
                {
                  list = g_ptr_array_new ();
                  g_hash_table_insert (lexicon->phrases, g_strdup (stems->pdata[0]), list);
                }
              phrase->n_stems = stems->len;
              phrase->group = group;
              g_ptr_array_add (stems, NULL);
              phrase->stems = (char **) g_ptr_array_free (g_steal_pointer (&stems), FALSE);
              g_ptr_array_add (list, phrase);
              g_ptr_array_sort (list, compare_phrase_length);
            }
        }
    }
  return lexicon;
}

static PxTokenizer *get_tokenizer (const char *code);

/* The lexicon of @language, read once and kept for the process (it is
 * never changed after, so threads share it). */
static const Lexicon *
get_lexicon (const char *language)
{
  static GMutex lock;
  static GHashTable *lexicons;  /* language → Lexicon */
  const Lexicon *lexicon;

  g_mutex_lock (&lock);
  if (lexicons == NULL)
    lexicons = g_hash_table_new (g_str_hash, g_str_equal);
  lexicon = g_hash_table_lookup (lexicons, language);
  if (lexicon == NULL)
    {
      lexicon = load_lexicon (get_tokenizer (language), language);
      g_hash_table_insert (lexicons, g_strdup (language), (gpointer) lexicon);
    }
  g_mutex_unlock (&lock);
  return lexicon;
}

/* The value of @stem (whose hash_string () is @hash) in @table, @lexicon's
 * words or phrases, or NULL. */
static gpointer
lexicon_lookup (const Lexicon *lexicon,
                GHashTable    *table,
                const char    *stem,
                guint          hash)
{
  guint bit = hash % LEXICON_FILTER_BITS;

  if (!(lexicon->filter[bit / 64] >> bit % 64 & 1))
    return NULL;
  return g_hash_table_lookup (table, stem);
}

/* Opening ICU's word iterator and the stemmer costs more than aligning
 * a few articles: each thread keeps its tokenizers. */
static GPrivate thread_tokenizers = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static PxTokenizer *
get_tokenizer (const char *code)
{
  GHashTable *cache = g_private_get (&thread_tokenizers);
  PxTokenizer *tokenizer;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      g_private_set (&thread_tokenizers, cache);
    }
  tokenizer = g_hash_table_lookup (cache, code);
  if (tokenizer == NULL)
    {
      tokenizer = px_tokenizer_new (code);
      g_hash_table_insert (cache, (gpointer) px_tokenizer_get_language (tokenizer), tokenizer);
    }
  return tokenizer;
}

/* The Language of @code in this aligner, made when first asked. Articles
 * that come tokenised need no tokenizer but, once in the process, to
 * read the lexicon. */
static Language *
get_language (PxAligner  *self,
              const char *code)
{
  Language *language = g_hash_table_lookup (self->languages, code);

  if (language == NULL)
    {
      const Lexicon *lexicon = get_lexicon (code);

      language = g_new0 (Language, 1);
      language->lexicon = lexicon;
      /* The groups' terms come first, in the lexicon's order. */
      language->group_terms = g_new (guint, lexicon->groups->len + 1);
      for (guint i = 0; i < lexicon->groups->len; i++)
        language->group_terms[i] = intern_term (self, lexicon->groups->pdata[i],
                                                hash_string (lexicon->groups->pdata[i]), TRUE);
      g_hash_table_insert (self->languages, g_strdup (code), language);
    }
  return language;
}

/* The length of the lexicon phrase starting at content token @at (whose
 * stem starts the phrases of @list), or 0. */
static guint
match_phrase (const GPtrArray *list,
              GArray          *tokens,
              guint           *content,
              guint            n_content,
              guint            at,
              guint           *group)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const Phrase *phrase = list->pdata[i];
      guint k;

      if (at + phrase->n_stems > n_content)
        continue;
      for (k = 1; k < phrase->n_stems; k++)
        if (strcmp (g_array_index (tokens, PxToken, content[at + k]).stem, phrase->stems[k]) != 0)
          break;
      if (k == phrase->n_stems)
        {
          *group = phrase->group;
          return phrase->n_stems;
        }
    }
  return 0;
}

/* Words that turn a statement round ("not", "never", "didn't"). */
static gboolean
is_negation (const char *norm)
{
  static const char *const words[] = { "not", "no", "never", "nor", "neither", "none",
                                       "nobody", "nothing", "cannot", "without" };

  gsize length = strlen (norm);

  if (length >= 3 && memcmp (norm + length - 3, "n't", 3) == 0)
    return TRUE;
  /* Each of them starts with one of these, and is short. */
  if ((norm[0] != 'n' && norm[0] != 'c' && norm[0] != 'w') || length > 7)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (norm[1] == words[i][1] && strcmp (norm, words[i]) == 0)
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

static guint
token_kind (const PxToken *token)
{
  return token->flags & (PX_TOKEN_WORD | PX_TOKEN_NUMBER | PX_TOKEN_STOP);
}

/* The terms of @word, a content token of @language outside any phrase
 * whose stem has hash_string () @stem_hash (interned in the order the
 * original words come, as term ids order the scores' sums). */
static void
analyse_word (PxAligner     *self,
              Language      *language,
              const PxToken *token,
              guint          stem_hash,
              Word          *word)
{
  const Lexicon *lexicon = language->lexicon;
  gsize digits = g_ascii_isdigit (token->norm[0]) ? strspn (token->norm, "0123456789.,") : 0;
  gpointer group;

  word->number = NONE;
  word->flags = 0;
  word->may_be_name = FALSE;
  if ((token->flags & PX_TOKEN_WORD) && digits > 0 && is_letters (token->norm + digits))
    {
      /* "10km" is the number 10 and the unit "km", as "10 km" is. */
      g_autofree char *number = g_strndup (token->norm, digits);
      g_autofree char *name = px_aligner_number_term (number);
      const char *unit = token->norm + digits;
      guint unit_hash = hash_string (unit);

      word->number = intern_term (self, name, hash_string (name), FALSE);
      group = lexicon_lookup (lexicon, lexicon->words, unit, unit_hash);
      word->term = group != NULL ? language->group_terms[GPOINTER_TO_UINT (group) - 1]
                                 : intern_term (self, unit, unit_hash, TRUE);
    }
  else if (token->flags & PX_TOKEN_NUMBER)
    {
      g_autofree char *name = px_aligner_number_term (token->norm);

      word->term = intern_term (self, name, hash_string (name), FALSE);
      word->flags = PX_PARAPHRASE_NUMBER;
    }
  else if ((group = lexicon_lookup (lexicon, lexicon->words, token->stem, stem_hash)) != NULL)
    word->term = language->group_terms[GPOINTER_TO_UINT (group) - 1];
  else if (!(token->flags & PX_TOKEN_STOP))
    {
      word->term = intern_term (self, token->stem, stem_hash, TRUE);
      word->may_be_name = TRUE;
      if (is_negation (token->norm))
        word->flags = PX_PARAPHRASE_NEGATION;
    }
  else
    {
      /* "~" and the word, on the stack unless long */
      gsize length = strlen (token->norm);
      char stack[64];
      g_autofree char *heap = length + 2 > sizeof stack ? g_malloc (length + 2) : NULL;
      char *name = heap != NULL ? heap : stack;

      name[0] = '~';
      memcpy (name + 1, token->norm, length + 1);
      word->term = intern_term (self, name, hash_string (name), FALSE);
      word->flags = PX_PARAPHRASE_STOP | (is_negation (token->norm) ? PX_PARAPHRASE_NEGATION : 0);
    }
  word->analysed = TRUE;
}

/* The index of @token's normalised word in self->words, added when new
 * (its text the token's: the aligner keeps its tokens). */
static guint
find_word (PxAligner     *self,
           Language      *language,
           const PxToken *token)
{
  Table *table = &self->words;
  guint hash = hash_string (token->norm), mask = table->n_slots - 1, i, index, stem_hash;
  Word *word;

  for (i = hash & mask; table->slots[i] != 0; i = (i + 1) & mask)
    {
      const Word *other = TABLE_ITEM (table, Word, table->slots[i] - 1);

      if (other->hash == hash && strcmp (other->norm, token->norm) == 0)
        return table->slots[i] - 1;
    }
  index = table_add (table, i, hash);
  word = TABLE_ITEM (table, Word, index);
  stem_hash = hash_string (token->stem);
  *word = (Word) { hash, token->norm, language, token_kind (token), stem_hash,
                   lexicon_lookup (language->lexicon, language->lexicon->phrases, token->stem, stem_hash) };
  return index;
}

/* Sets @array's length to at least @length, in steps that double it. */
static inline void
make_room_for (GArray *array,
               guint   length)
{
  if (array->len < length)
    g_array_set_size (array, MAX (length, 2 * array->len));
}

static void
analyse_sentence (PxAligner *self,
                  Sentence  *sentence,
                  Language  *language)
{
  GArray *tokens = sentence->tokens;
  guint stack[64];
  g_autofree guint *heap = tokens->len <= 64 ? NULL : g_new (guint, tokens->len);
  guint *content = heap != NULL ? heap : stack;
  guint n_content = 0, n_sequence = 0, *words, *terms, *sequence;
  guint8 *flags;

  /* Room for every token, a number and a unit for each at most (the
   * arrays' lengths are their room; n_word_ids … what is used). */
  sentence->word_ids = self->n_word_ids;
  sentence->terms = self->n_set_terms;
  sentence->sequence = self->n_sequence;
  make_room_for (self->word_sequence, sentence->word_ids + tokens->len);
  make_room_for (self->terms, sentence->terms + 2 * tokens->len);
  make_room_for (self->sequence, sentence->sequence + 2 * tokens->len);
  make_room_for (self->sequence_flags, sentence->sequence + 2 * tokens->len);
  words = &g_array_index (self->word_sequence, guint, sentence->word_ids);
  terms = &g_array_index (self->terms, guint, sentence->terms);
  sequence = &g_array_index (self->sequence, guint, sentence->sequence);
  flags = &g_array_index (self->sequence_flags, guint8, sentence->sequence);

  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *token = &g_array_index (tokens, PxToken, i);

      if (!is_content (token))
        continue;
      content[n_content] = i;
      words[n_content++] = find_word (self, language, token);
    }
  sentence->n_words = n_content;

  for (guint at = 0; at < n_content;)
    {
      const PxToken *token = &g_array_index (tokens, PxToken, content[at]);
      Word *word = TABLE_ITEM (&self->words, Word, words[at]), other;
      gboolean cached = word->language == language && word->kind == token_kind (token);
      guint stem_hash = cached ? word->stem_hash : hash_string (token->stem);
      const GPtrArray *phrases = cached ? word->phrases
                                        : lexicon_lookup (language->lexicon, language->lexicon->phrases,
                                                          token->stem, stem_hash);
      guint group, length = match_phrase (phrases, tokens, content, n_content, at, &group);

      if (length > 0)
        {
          sequence[n_sequence] = language->group_terms[group];
          flags[n_sequence++] = 0;
        }
      else
        {
          if (!cached)
            {
              analyse_word (self, language, token, stem_hash, &other);
              word = &other;
            }
          else if (!word->analysed)
            analyse_word (self, language, token, stem_hash, word);
          if (word->number != NONE)
            {
              sequence[n_sequence] = word->number;
              flags[n_sequence++] = PX_PARAPHRASE_NUMBER;
            }
          sequence[n_sequence] = word->term;
          flags[n_sequence] = word->flags;
          if (word->may_be_name && (token->flags & PX_TOKEN_CAPITALISED) && at > 0)
            flags[n_sequence] |= PX_PARAPHRASE_NAME;
          n_sequence++;
        }
      at += MAX (length, 1);
    }
  sentence->n_sequence = n_sequence;

  /* A set: sorted, without repeats. Through a bit per term id, as term
   * ids come in no order (older words, then new ones) and sorting them
   * by insertion cost more than the rest of a sentence's analysis. */
  if (self->term_bits_size * 64 < self->term_names->len)
    {
      guint size = MAX (self->term_names->len / 64 + 1, 2 * self->term_bits_size);

      self->term_bits = g_renew (guint64, self->term_bits, size);
      memset (self->term_bits + self->term_bits_size, 0, (size - self->term_bits_size) * sizeof (guint64));
      self->term_bits_size = size;
    }
  sentence->n_terms = 0;
  if (n_sequence > 0)
    {
      guint64 *bits = self->term_bits;
      guint low = G_MAXUINT, high = 0;

      for (guint i = 0; i < n_sequence; i++)
        {
          guint w = sequence[i] / 64;

          bits[w] |= G_GUINT64_CONSTANT (1) << (sequence[i] % 64);
          low = MIN (low, w);
          high = MAX (high, w);
        }
      for (guint w = low; w <= high; w++)
        for (guint64 word = bits[w]; word != 0; word &= word - 1)
          terms[sentence->n_terms++] = w * 64 + (guint) __builtin_ctzll (word);
      memset (bits + low, 0, (high - low + 1) * sizeof (guint64));
    }
  self->n_word_ids += n_content;
  self->n_set_terms += sentence->n_terms;
  self->n_sequence += n_sequence;
}

/* Adds an article whose sentences have @tokens (a PxToken GArray each),
 * or, when NULL, are tokenised with @tokenizer. A repeat of a sentence's
 * text in the same language (wire copy) has the same tokens, so it shares
 * the first one's analysis, and without @tokens its own are made only
 * when asked (px_aligner_get_tokens ()). */
static guint
add_sentences (PxAligner   *self,
               const char  *text,
               GArray      *ranges,
               GPtrArray   *tokens,
               PxTokenizer *tokenizer,
               Language    *language)
{
  Article *article = g_new0 (Article, 1);

  article->text = text;
  article->ranges = g_array_ref (ranges);
  article->n_sentences = ranges->len;
  article->sentences = g_new0 (Sentence, ranges->len);
  for (guint i = 0; i < ranges->len; i++)
    {
      const PxRange *range = &g_array_index (ranges, PxRange, i);
      Sentence *sentence = &article->sentences[i];
      Text key = { 0, text + range->start, range->end - range->start, language, sentence };
      Sentence *first = NULL;
      guint mask = self->texts.n_slots - 1, slot;

      key.hash = text_hash (&key);
      for (slot = key.hash & mask; self->texts.slots[slot] != 0 && first == NULL; slot = (slot + 1) & mask)
        {
          const Text *other = TABLE_ITEM (&self->texts, Text, self->texts.slots[slot] - 1);

          if (text_equal (other, &key))
            first = other->first;
        }

      if (first != NULL)
        {
          *sentence = *first;
          sentence->repeats = first;
          sentence->words = NULL;
          sentence->tokens = tokens != NULL ? g_array_ref (g_ptr_array_index (tokens, i)) : NULL;
        }
      else
        {
          /* Added before its item is addressed: adding may move the items. */
          guint index = table_add (&self->texts, slot, key.hash);

          *TABLE_ITEM (&self->texts, Text, index) = key;
          sentence->tokens = tokens != NULL ? g_array_ref (g_ptr_array_index (tokens, i))
                                            : px_tokenizer_tokenize (tokenizer, text, range->start, range->end);
          analyse_sentence (self, sentence, language);
        }
      sentence->start = range->start;
    }
  self->n_sentences += ranges->len;
  g_ptr_array_add (self->articles, article);
  return self->articles->len - 1;
}

/* The Language of @language for articles added, and when @tokenizer is
 * not NULL, this thread's tokenizer of it. */
static Language *
prepare_language (PxAligner    *self,
                  const char   *language,
                  PxTokenizer **tokenizer)
{
  const char *code = px_language_canonical (language);

  if (code == NULL)
    code = "en";
  if (tokenizer != NULL)
    *tokenizer = get_tokenizer (code);
  if (self->synonyms == NULL)
    self->synonyms = px_synonyms_get_shared (code);
  return get_language (self, code);
}

guint
px_aligner_add_article (PxAligner   *self,
                        const char  *text,
                        GArray      *sentences,
                        const char  *language)
{
  PxTokenizer *tokenizer;
  Language *found;

  g_return_val_if_fail (PX_IS_ALIGNER (self), 0);
  g_return_val_if_fail (text != NULL && sentences != NULL, 0);
  g_return_val_if_fail (!self->prepared, 0);

  found = prepare_language (self, language, &tokenizer);
  return add_sentences (self, text, sentences, NULL, tokenizer, found);
}

guint
px_aligner_add_tokenised_article (PxAligner   *self,
                                  const char  *text,
                                  GArray      *sentences,
                                  GPtrArray   *tokens,
                                  const char  *language)
{
  Language *found;

  g_return_val_if_fail (PX_IS_ALIGNER (self), 0);
  g_return_val_if_fail (text != NULL && sentences != NULL, 0);
  g_return_val_if_fail (tokens != NULL && tokens->len == sentences->len, 0);
  g_return_val_if_fail (!self->prepared, 0);

  found = prepare_language (self, language, NULL);
  return add_sentences (self, text, sentences, tokens, NULL, found);
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
  Sentence *found;

  g_return_val_if_fail (PX_IS_ALIGNER (self), NULL);

  found = get_sentence (self, &(PxAlignRef) { article, sentence });
  /* A repeat: the first one's tokens, moved to where it is. */
  if (found->tokens == NULL)
    found->tokens = px_tokenizer_copy_tokens (found->repeats->tokens,
                                              (gint64) found->start - found->repeats->start);
  return found->tokens;
}

GArray *
px_aligner_get_words (PxAligner *self,
                      guint      article,
                      guint      sentence)
{
  Sentence *found;

  g_return_val_if_fail (PX_IS_ALIGNER (self), NULL);

  found = get_sentence (self, &(PxAlignRef) { article, sentence });
  if (found->words == NULL)
    {
      found->words = g_array_sized_new (FALSE, FALSE, sizeof (guint), found->n_words);
      g_array_append_vals (found->words, &g_array_index (self->word_sequence, guint, found->word_ids),
                           found->n_words);
    }
  return found->words;
}

static gboolean
same_sequence (PxAligner      *self,
               const Sentence *a,
               const Sentence *b)
{
  return a->n_sequence == b->n_sequence &&
         memcmp (&g_array_index (self->sequence, guint, a->sequence),
                 &g_array_index (self->sequence, guint, b->sequence), a->n_sequence * sizeof (guint)) == 0 &&
         memcmp (&g_array_index (self->sequence_flags, guint8, a->sequence),
                 &g_array_index (self->sequence_flags, guint8, b->sequence), a->n_sequence) == 0;
}

/* Groups the sentences whose terms and flags are the same in the same
 * order: wire copy repeats sentences word for word across outlets, and
 * every score of such sentences is the same, so it is worked out once. A
 * repeat of a sentence's text comes after it and is in its group. */
static void
find_distinct (PxAligner *self)
{
  guint n_slots = 64, mask;
  g_autofree guint *slots = NULL;  /* index + 1 into self->distinct */
  g_autofree guint *hashes = NULL;

  while (n_slots < 2 * self->n_sentences)
    n_slots *= 2;
  mask = n_slots - 1;
  slots = g_new0 (guint, n_slots);
  hashes = g_new (guint, self->n_sentences + 1);
  self->distinct_sizes = g_new0 (guint, self->n_sentences + 1);
  for (guint a = 0; a < self->articles->len; a++)
    {
      Article *article = self->articles->pdata[a];

      for (guint s = 0; s < article->n_sentences; s++)
        {
          Sentence *sentence = &article->sentences[s];
          const guint *terms = &g_array_index (self->sequence, guint, sentence->sequence);
          const guint8 *flags = &g_array_index (self->sequence_flags, guint8, sentence->sequence);
          guint hash = 2166136261u, i;

          if (sentence->repeats != NULL)
            {
              sentence->distinct = sentence->repeats->distinct;
              self->distinct_sizes[sentence->distinct]++;
              continue;
            }
          for (guint k = 0; k < sentence->n_sequence; k++)
            hash = (hash ^ (terms[k] * 16u + flags[k])) * 16777619u;
          for (i = hash & mask; slots[i] != 0; i = (i + 1) & mask)
            if (hashes[slots[i] - 1] == hash &&
                same_sequence (self, self->distinct->pdata[slots[i] - 1], sentence))
              break;
          if (slots[i] == 0)
            {
              hashes[self->distinct->len] = hash;
              g_ptr_array_add (self->distinct, sentence);
              slots[i] = self->distinct->len;
            }
          sentence->distinct = slots[i] - 1;
          self->distinct_sizes[sentence->distinct]++;
        }
    }
}

/* The weight of a term in @df of @n documents (IDF). */
static double
rarity (double n,
        double df)
{
  return log ((n + 1) / (MIN (df, n) + 0.5));
}

/* Distinct sentences and term weights, once every article is in. */
static void
prepare (PxAligner *self)
{
  guint n_terms = self->term_names->len;
  g_autofree gint64 *library_df = NULL;
  g_autofree double *by_df = NULL;
  gboolean library = self->frequency_func != NULL && self->n_documents >= MIN_LIBRARY_DOCUMENTS;
  const guint *terms = (const guint *) self->terms->data;
  double *weights;

  if (self->prepared)
    return;
  self->prepared = TRUE;
  find_distinct (self);
  /* Each sentence's terms are a set; a distinct sentence's are those of
   * all its sentences. */
  self->term_sentences = g_new0 (guint, n_terms + 1);
  for (guint d = 0; d < self->distinct->len; d++)
    {
      const Sentence *sentence = self->distinct->pdata[d];

      for (guint t = 0; t < sentence->n_terms; t++)
        self->term_sentences[terms[sentence->terms + t]] += self->distinct_sizes[d];
    }
  g_array_set_size (self->term_weights, n_terms);
  weights = (double *) self->term_weights->data;
  if (library)
    {
      library_df = g_new0 (gint64, n_terms + 1);
      self->frequency_func ((const char * const *) self->term_names->pdata, n_terms, library_df,
                            self->frequency_data);
    }
  else
    {
      /* Many terms are in as many sentences: the rarity of each count is
       * worked out once (-1 until then). */
      by_df = g_new (double, self->n_sentences + 1);
      for (guint df = 0; df <= self->n_sentences; df++)
        by_df[df] = -1;
    }
  for (guint t = 0; t < n_terms; t++)
    {
      guint df = self->term_sentences[t];

      if (((const char *) self->term_names->pdata[t])[0] == '~')
        weights[t] = STOP_WORD_WEIGHT;
      else if (library)
        weights[t] = rarity (self->n_documents, library_df[t]);
      else
        {
          if (by_df[df] < 0)
            by_df[df] = rarity (self->n_sentences, df);
          weights[t] = by_df[df];
        }
    }
  self->term_synonyms = g_new (Synonyms, n_terms + 1);
  self->term_items = g_new (guint, n_terms + 1);
  for (guint t = 0; t < n_terms; t++)
    self->term_synonyms[t].groups = &unknown_synonyms;
}

static void
look_up_synonyms (PxAligner *self,
                  Synonyms  *synonyms,
                  guint      term)
{
  synonyms->groups = self->synonyms != NULL
    ? px_synonyms_get_groups_hashed (self->synonyms, self->term_names->pdata[term],
                                     *TABLE_ITEM (&self->terms_by_name, guint, term))
    : NULL;
  synonyms->signature = 0;
  for (guint i = 0; synonyms->groups != NULL && i < synonyms->groups->len; i++)
    synonyms->signature |= G_GUINT64_CONSTANT (1) << (g_array_index (synonyms->groups, guint, i) % 64);
}

/* The synonym groups of a term, looked up when a sentence of it is first
 * prepared for pairs. */
static inline const Synonyms *
term_synonyms (PxAligner *self,
               guint      term)
{
  Synonyms *synonyms = &self->term_synonyms[term];

  if (G_UNLIKELY (synonyms->groups == &unknown_synonyms))
    look_up_synonyms (self, synonyms, term);
  return synonyms;
}

/* Asked of the pairs of content words two sentences do not share whose
 * signatures (their keys in PxParaphraseText) have a bit in common. */
static gboolean
related_terms (guint    a,
               guint    b,
               gpointer user_data)
{
  PxAligner *self = user_data;

  return px_synonyms_share_group (term_synonyms (self, a)->groups, term_synonyms (self, b)->groups);
}

/* A sentence's terms prepared for pairs, made when the first of its
 * distinct group is scored, with its terms' set, which is what their
 * preparation would sort them for, and the synonym signatures of its
 * content words (stop words and numbers have none). */
static PxParaphraseSentence *
paraphrase_of (PxAligner *self,
               Sentence  *sentence)
{
  sentence = self->distinct->pdata[sentence->distinct];
  if (sentence->paraphrase == NULL)
    {
      PxParaphraseText text = { NULL, NULL, sentence->n_sequence, NULL, sentence->n_terms, NULL, NULL };
      guint stack[64];
      guint64 stack_keys[64];
      gboolean small = sentence->n_sequence <= 64;
      g_autofree guint *heap = small ? NULL : g_new (guint, sentence->n_sequence);
      g_autofree guint64 *heap_keys = small ? NULL : g_new (guint64, sentence->n_sequence);
      guint *term_items = small ? stack : heap;
      guint64 *keys = small ? stack_keys : heap_keys;

      if (sentence->n_sequence > 0)
        {
          text.terms = &g_array_index (self->sequence, guint, sentence->sequence);
          text.flags = &g_array_index (self->sequence_flags, guint8, sentence->sequence);
          text.items = &g_array_index (self->terms, guint, sentence->terms);
          text.term_items = term_items;
          text.keys = keys;
          for (guint i = 0; i < sentence->n_terms; i++)
            self->term_items[text.items[i]] = i;
          for (guint i = 0; i < sentence->n_sequence; i++)
            {
              term_items[i] = self->term_items[text.terms[i]];
              keys[i] = text.flags[i] & (PX_PARAPHRASE_STOP | PX_PARAPHRASE_NUMBER) ? 0
                        : term_synonyms (self, text.terms[i])->signature;
            }
        }
      sentence->paraphrase = px_paraphrase_sentence_new (&text);
    }
  return sentence->paraphrase;
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
  return px_paraphrase_features (paraphrase_of (self, a), paraphrase_of (self, b),
                                 (const double *) self->term_weights->data,
                                 related_terms, self, min_similarity, features);
}

static void
grow_scores (PxAligner *self)
{
  Score *old = self->scores;
  guint n_old = self->n_score_slots, mask;

  self->n_score_slots *= 2;
  mask = self->n_score_slots - 1;
  self->scores = g_new0 (Score, self->n_score_slots);
  for (guint i = 0; i < n_old; i++)
    if (old[i].key != 0)
      {
        guint j = (old[i].key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32 & mask;

        while (self->scores[j].key != 0)
          j = (j + 1) & mask;
        self->scores[j] = old[i];
      }
  g_free (old);
}

/* The claim score of @a and @b (in global order), worked out once for
 * each pair of distinct sentences. */
static double
claim_score (PxAligner *self,
             Sentence  *a,
             Sentence  *b)
{
  double features[PX_PARAPHRASE_N_FEATURES];
  guint64 key = ((guint64) a->distinct << 32 | b->distinct) + 1;
  guint mask = self->n_score_slots - 1;
  guint i = (key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32 & mask;
  double score;

  for (; self->scores[i].key != 0; i = (i + 1) & mask)
    if (self->scores[i].key == key)
      return self->scores[i].score;
  score = pair_features (self, a, b, MIN_CLAIM_SIMILARITY, features)
    ? px_paraphrase_probability (features) : 0;
  self->scores[i] = (Score) { key, score };
  if (++self->n_scores * 2 > self->n_score_slots)
    grow_scores (self);
  return score;
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
  const guint *words;
  guint common;

  g_return_val_if_fail (PX_IS_ALIGNER (self), FALSE);

  x = get_sentence (self, a);
  y = get_sentence (self, b);
  if (x->n_words < NEAR_IDENTICAL_MIN_WORDS || y->n_words < NEAR_IDENTICAL_MIN_WORDS)
    return FALSE;
  words = (const guint *) self->word_sequence->data;
  common = px_diff_match (words + x->word_ids, x->n_words, words + y->word_ids, y->n_words,
                          NULL, NULL);
  return 2.0 * common >= NEAR_IDENTICAL_RATIO * (x->n_words + y->n_words);
}

typedef struct
{
  guint a, b;  /* global sentence indexes, a < b */
  double score;
} Edge;

/* Strongest first, ties in the order they come (@edges come by a, then
 * b): a merge sort, stable, comparing scores alone, where qsort () calls
 * a comparison through a pointer and costs as much as the rest of the
 * grouping. Runs of SORT_RUN edges are sorted first by insertion, which
 * costs less than as many rounds of merging. */
static void
sort_edges (Edge  *edges,
            guint  n)
{
  g_autofree Edge *buffer = g_new (Edge, n + 1);
  Edge *from = edges, *to = buffer;

  for (guint start = 0; start < n; start += SORT_RUN)
    for (guint i = start + 1; i < MIN (start + SORT_RUN, n); i++)
      {
        Edge edge = edges[i];
        guint j = i;

        for (; j > start && edges[j - 1].score < edge.score; j--)
          edges[j] = edges[j - 1];
        edges[j] = edge;
      }
  for (guint width = SORT_RUN; width < n; width *= 2)
    {
      Edge *swap = from;

      for (guint start = 0; start < n; start += 2 * width)
        {
          guint middle = MIN (start + width, n), end = MIN (start + 2 * width, n);
          guint i = start, j = middle, k = start;

          while (i < middle && j < end)
            to[k++] = from[j].score > from[i].score ? from[j++] : from[i++];
          while (i < middle)
            to[k++] = from[i++];
          while (j < end)
            to[k++] = from[j++];
        }
      from = to;
      to = swap;
    }
  if (from != edges)
    memcpy (edges, from, n * sizeof (Edge));
}

/* @pairs in order of a, then b, by two counting sorts (by b, then stably
 * by a), and where each a's pairs start (@start[a], n + 1 of them: its
 * pairs end at @start[a + 1]). */
static void
order_pairs (Edge  *pairs,
             guint  n_pairs,
             guint  n,
             guint *start)
{
  g_autofree Edge *by_b = g_new (Edge, n_pairs + 1);
  g_autofree guint *next = g_new0 (guint, n + 2);

  for (guint e = 0; e < n_pairs; e++)
    next[pairs[e].b + 1]++;
  for (guint g = 0; g < n; g++)
    next[g + 1] += next[g];
  for (guint e = 0; e < n_pairs; e++)
    by_b[next[pairs[e].b]++] = pairs[e];
  memset (start, 0, (n + 1) * sizeof (guint));
  for (guint e = 0; e < n_pairs; e++)
    start[pairs[e].a + 1]++;
  for (guint g = 0; g < n; g++)
    start[g + 1] += start[g];
  memcpy (next, start, (n + 1) * sizeof (guint));
  for (guint e = 0; e < n_pairs; e++)
    pairs[next[by_b[e].a]++] = by_b[e];
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
  Scored *scored;        /* each sentence's scored pairs, by other, */
  guint *scored_start;   /* from scored_start[g] to scored_start[g + 1] */
  guint *next_member;    /* the next sentence of its group, or NONE */
} Index;

/* @array with room for one more than its @n elements of @element_size
 * bytes, *@size in all: a pair's append without the calls of
 * g_array_append_val (). */
static inline gpointer
make_room (gpointer  array,
           guint     n,
           guint    *size,
           gsize     element_size)
{
  if (n < *size)
    return array;
  *size = MAX (2 * *size, 64);
  return g_realloc_n (array, *size, element_size);
}

/* The claim score of sentences @a < @b: from the candidates when they are
 * of different articles (a pair that was no candidate shares too little
 * to score), computed when they are of the same one. */
static double
indexed_score (Index *index,
               guint  a,
               guint  b)
{
  guint low = index->scored_start[a], high = index->scored_start[a + 1];

  if (index->article_of[a] == index->article_of[b])
    return claim_score (index->self, index->sentences[a], index->sentences[b]);
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (index->scored[middle].other == b)
        return index->scored[middle].score;
      if (index->scored[middle].other < b)
        low = middle + 1;
      else
        high = middle;
    }
  return 0;
}

/* Whether the groups whose first members are @x and @y may join. */
static gboolean
may_join (Index *index,
          guint  x,
          guint  y)
{
  double link = PX_ALIGNER_DEFAULT_THRESHOLD * PX_ALIGNER_LINK_RATIO;

  for (guint a = x; a != NONE; a = index->next_member[a])
    for (guint b = y; b != NONE; b = index->next_member[b])
      {
        double score = indexed_score (index, MIN (a, b), MAX (a, b));

        if (index->article_of[a] == index->article_of[b] ? score < MAX (SAME_ARTICLE_SCORE, PX_ALIGNER_DEFAULT_THRESHOLD)
                                                         : score < link)
          return FALSE;
      }
  return TRUE;
}

/* Whether two sentences of @totals weight, of which @shared is in both,
 * are similar enough to be scored. */
static inline gboolean
may_be_similar (double shared,
                double totals)
{
  double twice = 2 * shared;

  /* Most pairs fall well short, which a product tells sooner than the
   * quotient; the margin leaves the others to the quotient. */
  return twice >= MIN_CLAIM_SIMILARITY * totals * (1 - 1e-9) && twice / totals >= MIN_CLAIM_SIMILARITY;
}

/* The candidate pairs of the sentences of distinct sentences @x <= @y,
 * scored: those of different articles, in global order, when that order
 * is one that @forward (@x's first) or @backward (@y's first) lets through.
 * Every such pair of the two has one score, worked out once. */
static Edge *
add_member_pairs (PxAligner     *self,
                  Sentence     **sentences,
                  const guint   *article_of,
                  const guint   *member_start,
                  const guint   *members,
                  guint          x,
                  guint          y,
                  gboolean       forward,
                  gboolean       backward,
                  Edge          *pairs,
                  guint         *n_pairs,
                  guint         *pairs_size)
{
  double scores[2] = { -1, -1 };  /* forward, backward; -1 until worked out */

  for (guint i = member_start[x]; i < member_start[x + 1]; i++)
    for (guint j = x == y ? i + 1 : member_start[y]; j < member_start[y + 1]; j++)
      {
        guint g = members[i], h = members[j], first = MIN (g, h), second = MAX (g, h);
        gboolean backwards = h < g;

        if (article_of[g] == article_of[h] || !(backwards ? backward : forward))
          continue;
        if (scores[backwards] < 0)
          scores[backwards] = claim_score (self, sentences[first], sentences[second]);
        pairs = make_room (pairs, *n_pairs, pairs_size, sizeof (Edge));
        pairs[(*n_pairs)++] = (Edge) { first, second, scores[backwards] };
      }
  return pairs;
}

/* Every pair of sentences of different articles that shares enough
 * weight to be a claim, scored (a < b). Candidates come from an inverted
 * index of the distinct sentences' terms, term → distinct sentences in
 * order (postings[posting_start[t] …]), as sentences with the same
 * sequence have the same candidates. Terms found in very many sentences
 * say little; they are left out of the index (not of the scores), which
 * keeps the candidate pairs near linear; counted as shared, the earlier
 * sentence's unindexed terms bound what a pair may share. Distinct
 * sentences are taken in order, so the postings of a term before the one
 * at hand (posting_seen of them, and it) are skipped. */
static Edge *
score_candidates (PxAligner  *self,
                  Sentence  **sentences,
                  const guint *article_of,
                  guint       *n_pairs)
{
  guint n = self->n_sentences, n_distinct = self->distinct->len, n_terms = self->term_names->len;
  guint max_postings = MAX (64, n / 8), pairs_size = 0;
  const guint *terms = (const guint *) self->terms->data;
  const double *weights = (const double *) self->term_weights->data;
  g_autofree guint *member_start = g_new0 (guint, n_distinct + 2);
  g_autofree guint *members = g_new (guint, n + 1);
  g_autofree guint *posting_start = g_new0 (guint, n_terms + 2);
  g_autofree guint *postings = NULL;
  g_autofree guint *posting_seen = g_new0 (guint, n_terms + 1);
  g_autofree double *totals = g_new0 (double, n_distinct + 1);
  g_autofree double *unindexed = g_new0 (double, n_distinct + 1);
  g_autofree double *shared = g_new0 (double, n_distinct + 1);
  g_autofree guint *touched = g_new (guint, n_distinct + 1);
  Edge *pairs = NULL;

  *n_pairs = 0;
  /* The sentences of each distinct one, in order. */
  for (guint d = 0; d < n_distinct; d++)
    member_start[d + 2] = member_start[d + 1] + self->distinct_sizes[d];
  for (guint g = 0; g < n; g++)
    members[member_start[sentences[g]->distinct + 1]++] = g;

  for (guint d = 0; d < n_distinct; d++)
    {
      const Sentence *sentence = self->distinct->pdata[d];

      for (guint t = 0; t < sentence->n_terms; t++)
        {
          guint term = terms[sentence->terms + t];

          totals[d] += weights[term];
          if (self->term_sentences[term] > max_postings)
            unindexed[d] += weights[term];
          else
            posting_start[term + 2]++;
        }
    }
  for (guint t = 0; t < n_terms; t++)
    posting_start[t + 2] += posting_start[t + 1];
  postings = g_new (guint, posting_start[n_terms + 1] + 1);
  for (guint d = 0; d < n_distinct; d++)
    {
      const Sentence *sentence = self->distinct->pdata[d];

      for (guint t = 0; t < sentence->n_terms; t++)
        {
          guint term = terms[sentence->terms + t];

          if (self->term_sentences[term] <= max_postings)
            postings[posting_start[term + 1]++] = d;
        }
    }

  for (guint d = 0; d < n_distinct; d++)
    {
      const Sentence *sentence = self->distinct->pdata[d];
      guint n_touched = 0;
      double indexed = 0;  /* what d shares with itself */

      for (guint t = 0; t < sentence->n_terms; t++)
        {
          guint term = terms[sentence->terms + t];
          double weight = weights[term];
          const guint *list, *end = postings + posting_start[term + 1];

          if (self->term_sentences[term] > max_postings)
            continue;
          indexed += weight;
          /* After d itself */
          for (list = postings + posting_start[term] + ++posting_seen[term]; list < end; list++)
            {
              guint other = *list;

              if (shared[other] == 0)
                touched[n_touched++] = other;
              shared[other] += weight;
            }
        }
      /* d's sentences may pair with each other. */
      if (indexed > 0 && self->distinct_sizes[d] > 1 && may_be_similar (indexed + unindexed[d], 2 * totals[d]))
        pairs = add_member_pairs (self, sentences, article_of, member_start, members, d, d,
                                  TRUE, TRUE, pairs, n_pairs, &pairs_size);
      for (guint i = 0; i < n_touched; i++)
        {
          guint other = touched[i];
          double both = shared[other], weight = totals[d] + totals[other];
          gboolean forward = may_be_similar (both + unindexed[d], weight);
          gboolean backward = may_be_similar (both + unindexed[other], weight);

          shared[other] = 0;
          if (forward || backward)
            pairs = add_member_pairs (self, sentences, article_of, member_start, members, d, other,
                                      forward, backward, pairs, n_pairs, &pairs_size);
        }
    }
  return pairs;
}

GPtrArray *
px_aligner_align (PxAligner *self)
{
  guint n = self->n_sentences, n_pairs;
  g_autofree Sentence **sentences = NULL;
  g_autofree guint *article_of = NULL;
  g_autofree guint *sentence_of = NULL;
  g_autofree Edge *edges = NULL;
  g_autofree Scored *scored = NULL;
  guint n_edges = 0;
  g_autofree guint *scored_start = NULL;
  g_autofree guint *group_of = NULL;
  g_autofree guint *group_size = NULL;
  g_autofree guint *next_member = NULL;
  g_autofree guint *last_member = NULL;
  guint *claim_of;
  GPtrArray *claims;
  Index index;

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

  /* Each sentence's scored pairs by the later one (scored[scored_start[g]
   * …]); the pairs that may be claims (edges) kept in place, strongest
   * first, then by a and b. */
  edges = score_candidates (self, sentences, article_of, &n_pairs);
  scored = g_new (Scored, n_pairs + 1);
  scored_start = g_new (guint, n + 1);
  order_pairs (edges, n_pairs, n, scored_start);
  for (guint e = 0; e < n_pairs; e++)
    {
      scored[e] = (Scored) { edges[e].b, edges[e].score };
      if (edges[e].score >= PX_ALIGNER_DEFAULT_THRESHOLD)
        edges[n_edges++] = edges[e];
    }
  sort_edges (edges, n_edges);

  /* Strongest pairs first; complete link between the groups. A group is
   * a list of its members through next_member, known by its first. */
  group_of = g_new (guint, n + 1);
  group_size = g_new (guint, n + 1);
  next_member = g_new (guint, n + 1);
  last_member = g_new (guint, n + 1);
  for (guint g = 0; g < n; g++)
    {
      group_of[g] = last_member[g] = g;
      group_size[g] = 1;
      next_member[g] = NONE;
    }
  index = (Index) { self, sentences, article_of, scored, scored_start, next_member };
  for (guint e = 0; e < n_edges; e++)
    {
      const Edge *edge = &edges[e];
      guint x = group_of[edge->a], y = group_of[edge->b];

      if (x == y || !may_join (&index, x, y))
        continue;
      /* The smaller group moves into the larger; ties by index. */
      if (group_size[y] > group_size[x] || (group_size[y] == group_size[x] && y < x))
        {
          guint swap = x;
          x = y, y = swap;
        }
      for (guint member = y; member != NONE; member = next_member[member])
        group_of[member] = x;
      next_member[last_member[x]] = y;
      last_member[x] = last_member[y];
      group_size[x] += group_size[y];
    }

  /* In global order, each sentence joins its group's claim: members come
   * out in order, and claims in the order of their first members. */
  claims = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  claim_of = last_member;  /* its room, no longer needed */
  for (guint g = 0; g < n; g++)
    claim_of[g] = NONE;
  for (guint g = 0; g < n; g++)
    {
      guint group = group_of[g];

      if (claim_of[group] == NONE)
        {
          claim_of[group] = claims->len;
          g_ptr_array_add (claims, g_array_sized_new (FALSE, FALSE, sizeof (PxAlignRef), group_size[group]));
        }
      g_array_append_val (claims->pdata[claim_of[group]], ((PxAlignRef) { article_of[g], sentence_of[g] }));
    }
  return claims;
}
