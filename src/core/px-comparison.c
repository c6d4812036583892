/* px-comparison.c: what a set of articles says in common and apart
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-comparison.h"

#include <stdlib.h>
#include <string.h>

#include "px-aligner.h"
#include "px-diff.h"
#include "px-error.h"
#include "px-language.h"
#include "px-store-analysis.h"
#include "px-tokenizer.h"

struct _PxComparison
{
  GObject parent_instance;

  GPtrArray *articles;   /* PxComparisonArticle */
  GPtrArray *claims;     /* PxClaim */
  GArray *wire_runs;     /* PxWireRun */
  GHashTable *claim_of;  /* (article << 32 | sentence) → claim index + 1 */
};

G_DEFINE_FINAL_TYPE (PxComparison, px_comparison, G_TYPE_OBJECT)

/* An article's sentences and their tokens. Finding words (ICU) and
 * stemming them was 80 % of aligning, and the window compares the same
 * articles again and again as the reader changes the selection: each
 * analysis is made once per process and shared (read-only) by the
 * comparisons that follow, as long as the clean text is the same. */
typedef struct
{
  char *text;
  char *language;
  GArray *sentences;  /* PxRange */
  GPtrArray *tokens;  /* a PxToken GArray per sentence */
} Analysis;

/* About 50 kB each: enough for a few large comparisons. */
#define MAX_ANALYSES 300

static GMutex analyses_lock;
static GHashTable *analyses;   /* article id → Analysis */
static GHashTable *tokenizers; /* language → PxTokenizer, used under the lock */

static void
analysis_clear (gpointer data)
{
  Analysis *analysis = data;

  g_free (analysis->text);
  g_free (analysis->language);
  g_array_unref (analysis->sentences);
  g_ptr_array_unref (analysis->tokens);
}

static Analysis *
analyse (const char *text,
         const char *language)
{
  Analysis *analysis = g_atomic_rc_box_new0 (Analysis);
  PxTokenizer *tokenizer = g_hash_table_lookup (tokenizers, language);

  if (tokenizer == NULL)
    {
      tokenizer = px_tokenizer_new (language);
      g_hash_table_insert (tokenizers, g_strdup (language), tokenizer);
    }
  analysis->text = g_strdup (text);
  analysis->language = g_strdup (language);
  analysis->sentences = px_segment_sentences (text, language);
  analysis->tokens = g_ptr_array_new_full (analysis->sentences->len, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < analysis->sentences->len; i++)
    {
      const PxRange *range = &g_array_index (analysis->sentences, PxRange, i);

      g_ptr_array_add (analysis->tokens, px_tokenizer_tokenize (tokenizer, text, range->start, range->end));
    }
  return analysis;
}

static void
analysis_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, analysis_clear);
}

/* The analysis of article @id's @text in @language, from the cache when
 * it holds the same text; release it with analysis_unref (). */
static Analysis *
get_analysis (gint64      id,
              const char *text,
              const char *language)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&analyses_lock);
  Analysis *analysis;

  if (analyses == NULL)
    {
      analyses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, analysis_unref);
      tokenizers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }
  analysis = id > 0 ? g_hash_table_lookup (analyses, &id) : NULL;
  if (analysis != NULL && strcmp (analysis->text, text) == 0 &&
      strcmp (analysis->language, language) == 0)
    return g_atomic_rc_box_acquire (analysis);
  analysis = analyse (text, language);
  if (id > 0)
    {
      if (g_hash_table_size (analyses) >= MAX_ANALYSES)
        g_hash_table_remove_all (analyses);
      g_hash_table_replace (analyses, g_memdup2 (&id, sizeof id), g_atomic_rc_box_acquire (analysis));
    }
  return analysis;
}

static void
comparison_article_free (PxComparisonArticle *article)
{
  g_free (article->outlet);
  g_free (article->title);
  g_free (article->published);
  g_free (article->language);
  g_free (article->text);
  g_clear_pointer (&article->sentences, g_array_unref);
  g_free (article);
}

static void
claim_free (PxClaim *claim)
{
  for (guint i = 0; i < claim->members->len; i++)
    g_clear_pointer (&g_array_index (claim->members, PxClaimMember, i).changed, g_array_unref);
  g_array_unref (claim->members);
  g_ptr_array_unref (claim->conflicts);
  g_free (claim);
}

static void
px_comparison_finalize (GObject *object)
{
  PxComparison *self = PX_COMPARISON (object);

  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->wire_runs, g_array_unref);
  g_clear_pointer (&self->claim_of, g_hash_table_unref);

  G_OBJECT_CLASS (px_comparison_parent_class)->finalize (object);
}

static void
px_comparison_class_init (PxComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_comparison_finalize;
}

static void
px_comparison_init (PxComparison *self)
{
  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) comparison_article_free);
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
  self->wire_runs = g_array_new (FALSE, FALSE, sizeof (PxWireRun));
  self->claim_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

const char *
px_claim_status_to_string (PxClaimStatus status)
{
  switch (status)
    {
    case PX_CLAIM_SHARED:
      return "shared";
    case PX_CLAIM_PARTIAL:
      return "partial";
    case PX_CLAIM_UNIQUE:
      return "unique";
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
compare_articles_by_id (gconstpointer a,
                        gconstpointer b)
{
  gint64 x = px_article_get_id (*(PxArticle * const *) a);
  gint64 y = px_article_get_id (*(PxArticle * const *) b);

  return x < y ? -1 : x > y;
}

static void
library_frequencies (const char * const *terms,
                     guint               n_terms,
                     gint64             *frequencies,
                     gpointer            user_data)
{
  g_autoptr (GError) error = NULL;

  /* Without the library's frequencies the comparison still works, with
   * rarity taken from the compared sentences' terms alone. */
  if (!px_store_get_document_frequencies (PX_STORE (user_data), terms, n_terms, frequencies, &error))
    g_warning ("Word frequencies of the library: %s", error->message);
}

/* Changed words of each member: those that more than half of the other
 * members lack (for two members: what the other one lacks). */
static void
mark_changes (PxAligner *aligner,
              GPtrArray *articles,
              PxClaim   *claim)
{
  guint n = claim->members->len;

  for (guint m = 0; m < n; m++)
    {
      PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
      const PxComparisonArticle *article = articles->pdata[member->article];
      guint sentence_start = g_array_index (article->sentences, PxRange, member->sentence).start;
      GArray *words = px_aligner_get_words (aligner, member->article, member->sentence);
      GArray *tokens = px_aligner_get_tokens (aligner, member->article, member->sentence);
      g_autofree guint *missing = g_new0 (guint, words->len + 1);
      g_autofree gboolean *matched = g_new (gboolean, words->len + 1);
      gint open_start = -1;
      guint open_end = 0, w = 0;

      member->changed = g_array_new (FALSE, FALSE, sizeof (PxRange));
      if (n < 2)
        continue;
      for (guint o = 0; o < n; o++)
        {
          const PxClaimMember *other = &g_array_index (claim->members, PxClaimMember, o);
          GArray *other_words;

          if (o == m)
            continue;
          other_words = px_aligner_get_words (aligner, other->article, other->sentence);
          px_diff_match ((const guint *) words->data, words->len,
                         (const guint *) other_words->data, other_words->len, matched, NULL);
          for (guint i = 0; i < words->len; i++)
            missing[i] += !matched[i];
        }

      /* Consecutive changed words make one span. */
      for (guint t = 0; t < tokens->len; t++)
        {
          const PxToken *token = &g_array_index (tokens, PxToken, t);
          gboolean changed;

          if (!(token->flags & (PX_TOKEN_WORD | PX_TOKEN_NUMBER)))
            continue;
          changed = 2 * missing[w++] > n - 1;
          if (changed)
            {
              if (open_start < 0)
                open_start = token->start;
              open_end = token->end;
            }
          else if (open_start >= 0)
            {
              g_array_append_val (member->changed, ((PxRange) { open_start - sentence_start,
                                                                open_end - sentence_start }));
              open_start = -1;
            }
        }
      if (open_start >= 0)
        g_array_append_val (member->changed, ((PxRange) { open_start - sentence_start,
                                                          open_end - sentence_start }));
    }
}

/* Extractors load their lexicons when made: each thread keeps its own. */
static GPrivate thread_extractors = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static PxExtractor *
get_extractor (const char *language)
{
  GHashTable *cache = g_private_get (&thread_extractors);
  PxExtractor *extractor;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&thread_extractors, cache);
    }
  extractor = g_hash_table_lookup (cache, language);
  if (extractor == NULL)
    {
      extractor = px_extractor_new (language);
      g_hash_table_insert (cache, g_strdup (language), extractor);
    }
  return extractor;
}

static void
find_conflicts (PxAligner  *aligner,
                GPtrArray  *articles,
                PxClaim    *claim)
{
  guint n = claim->members->len;
  g_autofree PxConflictInput *inputs = g_new0 (PxConflictInput, n);
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) px_sentence_facts_free);

  for (guint m = 0; m < n; m++)
    {
      const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
      const PxComparisonArticle *article = articles->pdata[member->article];
      const PxRange *range = &g_array_index (article->sentences, PxRange, member->sentence);
      PxSentenceFacts *sentence_facts;

      sentence_facts = px_extract_facts_from_tokens (get_extractor (article->language),
                                                     article->text,
                                                     px_aligner_get_tokens (aligner, member->article,
                                                                            member->sentence),
                                                     range->start, range->end, article->published);
      g_ptr_array_add (facts, sentence_facts);
      inputs[m] = (PxConflictInput) { member->article, article->text, sentence_facts };
    }
  claim->conflicts = px_conflicts_find (inputs, n);
}

static gint64
pair_key (guint article,
          guint sentence)
{
  return ((gint64) article << 32) | sentence;
}

typedef struct
{
  guint article_a, sentence_a, article_b, sentence_b;
} WirePair;

static int
compare_wire_pairs (gconstpointer a,
                    gconstpointer b)
{
  const WirePair *x = a, *y = b;

  if (x->article_a != y->article_a)
    return x->article_a < y->article_a ? -1 : 1;
  if (x->article_b != y->article_b)
    return x->article_b < y->article_b ? -1 : 1;
  if (x->sentence_a != y->sentence_a)
    return x->sentence_a < y->sentence_a ? -1 : 1;
  return x->sentence_b < y->sentence_b ? -1 : x->sentence_b > y->sentence_b;
}

/* Runs of at least two consecutive near-identical sentences in two
 * articles; the claims holding them are marked. */
static void
find_wire_runs (PxComparison *self,
                PxAligner    *aligner)
{
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (WirePair));

  for (guint c = 0; c < self->claims->len; c++)
    {
      PxClaim *claim = self->claims->pdata[c];

      for (guint i = 0; i < claim->members->len; i++)
        for (guint j = i + 1; j < claim->members->len; j++)
          {
            const PxClaimMember *x = &g_array_index (claim->members, PxClaimMember, i);
            const PxClaimMember *y = &g_array_index (claim->members, PxClaimMember, j);

            if (x->article != y->article &&
                px_aligner_is_near_identical (aligner, &(PxAlignRef) { x->article, x->sentence },
                                              &(PxAlignRef) { y->article, y->sentence }))
              g_array_append_val (pairs, ((WirePair) { x->article, x->sentence,
                                                       y->article, y->sentence }));
          }
    }
  g_array_sort (pairs, compare_wire_pairs);

  for (guint i = 0; i < pairs->len; i++)
    {
      const WirePair *start = &g_array_index (pairs, WirePair, i);
      guint length = 1;
      WirePair previous = { start->article_a, start->sentence_a - 1,
                            start->article_b, start->sentence_b - 1 };

      /* Only from the first pair of a run. */
      if (start->sentence_a > 0 && start->sentence_b > 0 &&
          bsearch (&previous, pairs->data, pairs->len, sizeof (WirePair), compare_wire_pairs) != NULL)
        continue;
      for (;;)
        {
          WirePair next = { start->article_a, start->sentence_a + length,
                            start->article_b, start->sentence_b + length };

          if (bsearch (&next, pairs->data, pairs->len, sizeof (WirePair), compare_wire_pairs) == NULL)
            break;
          length++;
        }
      if (length < 2)
        continue;
      g_array_append_val (self->wire_runs, ((PxWireRun) { start->article_a, start->article_b,
                                                          start->sentence_a, start->sentence_b,
                                                          length }));
      for (guint k = 0; k < length; k++)
        {
          guint c = px_comparison_find_claim (self, start->article_a, start->sentence_a + k);

          ((PxClaim *) self->claims->pdata[c])->wire = TRUE;
        }
    }
}

PxComparison *
px_comparison_new (PxArticle * const *articles,
                   guint              n_articles,
                   PxStore           *store)
{
  g_autoptr (PxComparison) self = g_object_new (PX_TYPE_COMPARISON, NULL);
  g_autoptr (PxAligner) aligner = px_aligner_new ();
  g_autofree PxArticle **sorted = NULL;
  g_autoptr (GPtrArray) groups = NULL;

  g_return_val_if_fail (articles != NULL && n_articles > 0, NULL);
  g_return_val_if_fail (store == NULL || PX_IS_STORE (store), NULL);

  sorted = g_memdup2 (articles, sizeof (PxArticle *) * n_articles);
  qsort (sorted, n_articles, sizeof (PxArticle *), compare_articles_by_id);

  if (store != NULL)
    px_aligner_set_document_frequencies (aligner, library_frequencies, store,
                                         MAX (px_store_count_profiles (store, NULL), 0));
  for (guint i = 0; i < n_articles; i++)
    {
      PxComparisonArticle *article = g_new0 (PxComparisonArticle, 1);
      Analysis *analysis;
      const char *language = px_language_canonical (px_article_get_language (sorted[i]));
      const char *text = px_article_get_clean_text (sorted[i]);

      article->id = px_article_get_id (sorted[i]);
      article->outlet = g_strdup (px_article_get_outlet (sorted[i]));
      article->title = g_strdup (px_article_get_title (sorted[i]));
      article->published = g_strdup (px_article_get_published (sorted[i]));
      article->text = g_strdup (text != NULL ? text : "");
      if (language == NULL)
        language = px_language_detect (article->text, -1);
      article->language = g_strdup (language != NULL ? language : "en");
      analysis = get_analysis (article->id, article->text, article->language);
      article->sentences = g_array_ref (analysis->sentences);
      g_ptr_array_add (self->articles, article);
      px_aligner_add_tokenised_article (aligner, article->text, article->sentences,
                                        analysis->tokens, article->language);
      analysis_unref (analysis);
    }

  groups = px_aligner_align (aligner);
  for (guint c = 0; c < groups->len; c++)
    {
      GArray *group = groups->pdata[c];
      PxClaim *claim = g_new0 (PxClaim, 1);
      guint n_distinct = 0;

      claim->id = c + 1;
      claim->members = g_array_sized_new (FALSE, TRUE, sizeof (PxClaimMember), group->len);
      for (guint m = 0; m < group->len; m++)
        {
          const PxAlignRef *ref = &g_array_index (group, PxAlignRef, m);

          if (m == 0 || ref->article != g_array_index (group, PxAlignRef, m - 1).article)
            n_distinct++;
          g_array_append_val (claim->members, ((PxClaimMember) { ref->article, ref->sentence, NULL }));
          g_hash_table_insert (self->claim_of,
                               g_memdup2 (&(gint64) { pair_key (ref->article, ref->sentence) },
                                          sizeof (gint64)),
                               GUINT_TO_POINTER (c + 1));
        }
      if (n_distinct == 1)
        claim->status = PX_CLAIM_UNIQUE;
      else if (n_distinct == n_articles)
        claim->status = PX_CLAIM_SHARED;
      else
        claim->status = PX_CLAIM_PARTIAL;
      mark_changes (aligner, self->articles, claim);
      if (n_distinct > 1)
        find_conflicts (aligner, self->articles, claim);
      else
        claim->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) px_conflict_free);
      g_ptr_array_add (self->claims, claim);
    }
  find_wire_runs (self, aligner);
  return g_steal_pointer (&self);
}

PxComparison *
px_comparison_new_for_ids (PxStore       *store,
                           const gint64  *ids,
                           guint          n_ids,
                           GError       **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL && n_ids > 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      PxArticle *article;
      gboolean seen = FALSE;

      /* An article given twice is compared once. */
      for (guint j = 0; j < i; j++)
        seen |= ids[j] == ids[i];
      if (seen)
        continue;
      article = px_store_get_article (store, ids[i], error);
      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
    }
  return px_comparison_new ((PxArticle * const *) articles->pdata, articles->len, store);
}

guint
px_comparison_get_n_articles (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);
  return self->articles->len;
}

const PxComparisonArticle *
px_comparison_get_article (PxComparison *self,
                           guint         index)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->articles->len, NULL);
  return self->articles->pdata[index];
}

guint
px_comparison_get_n_claims (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);
  return self->claims->len;
}

const PxClaim *
px_comparison_get_claim (PxComparison *self,
                         guint         index)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);
  return self->claims->pdata[index];
}

guint
px_comparison_find_claim (PxComparison *self,
                          guint         article,
                          guint         sentence)
{
  gint64 key = pair_key (article, sentence);
  gpointer found;

  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);

  found = g_hash_table_lookup (self->claim_of, &key);
  g_return_val_if_fail (found != NULL, 0);
  return GPOINTER_TO_UINT (found) - 1;
}

GArray *
px_comparison_get_wire_runs (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->wire_runs;
}
