/* px-events.c: grouping articles into events, automatically and by hand
 *
 * Each article gets a profile: the counts of its word stems, of its
 * capitalised words inside sentences (names, "@" prefix) and of its
 * numbers ("#" prefix), which tell two earthquakes or two trials apart
 * when their vocabulary is the same. Articles compare by the cosine of
 * their TF-IDF vectors (document frequencies from the whole library).
 * Each import batch is clustered by average link together with the
 * events its articles resemble (found through the inverted index of
 * px-store-analysis, never by comparing with every article); an article
 * joins an event or makes a new one, and articles already in an event
 * are never moved.
 *
 * An import runs many batches against a growing library, so a
 * PxEventsAssigner keeps between them what does not change: the parsed
 * profiles, with terms interned as integers, and the document
 * frequencies, which it updates itself as it adds profiles. Weights
 * depend on the frequencies, so vectors are made again for each batch;
 * an event's side of a comparison is one dot product with the sum of its
 * sample's unit vectors (Σ cos (v, mᵢ) = v · Σ mᵢ), not one per member.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-events.h"

#include <math.h>
#include <string.h>

#include "px-aligner.h"
#include "px-error.h"
#include "px-language.h"
#include "px-store-analysis.h"
#include "px-store-events.h"
#include "px-store-private.h"
#include "px-tokenizer.h"

/* How many of an article's strongest terms go into the inverted index
 * (16 found too few candidates: B³ F1 0.881 against 0.900 with 32 on
 * ECB+ topics 1–35), how many similar articles are looked at, and how
 * many articles of a large event its average is taken over. */
#define N_INDEX_TERMS 32
#define MAX_CANDIDATES 64
#define MAX_EVENT_SAMPLE 64
/* Names weigh more than common words: they tell events of the same kind
 * apart (tuned on ECB+ topics 1–35). */
#define NAME_BOOST 1.5
#define MAX_LABEL_CHARS 80

/* An article's term counts, by interned term id, and each count's factor
 * in the term's weight (1 + log count). */
typedef struct
{
  guint n;
  guint *terms;
  guint *counts;
  double *tf;
} Profile;

/* Term weights, by interned term id. */
typedef struct
{
  guint n;
  guint *terms;
  double *weights;
} Vector;

struct _PxEventsAssigner
{
  PxStore *store;
  GHashTable *tokenizers;  /* language → PxTokenizer */
  GHashTable *term_ids;    /* term → id + 1; keys owned by term_names */
  GPtrArray *term_names;   /* id → term */
  GArray *df;              /* id → gint64 document frequency, -1 = not read yet */
  GHashTable *profiles;    /* article id → Profile */
  gint64 n_docs;           /* profiled articles, -1 = not counted yet */
  /* Each term's idf, worked out once for all the vectors made under the
   * same frequencies: `generation` changes with n_docs and df. */
  guint generation;
  GArray *idf;             /* double per term id */
  GArray *idf_generation;  /* guint per term id: that of its idf, 0 = none */
  GArray *counts;          /* guint per term id: an article's being counted, else 0 */
  GHashTable *postings;    /* term id + 1 → GArray of the article ids the
                            * inverted index holds for it, newest first, as
                            * px_store_get_index_postings () reads them; the
                            * batches' new index terms are added as they are
                            * stored */

  /* Made from one batch's frequencies. */
  GHashTable *vectors;     /* article id → Vector, unit length */
  GHashTable *centroids;   /* event id → Vector, the sum of its sample's */
  GHashTable *events;      /* article id → event id of older articles; the
                            * batch's transaction keeps them as they are */
  GArray *spread;          /* double per term id: one vector laid out, else 0 */
  GArray *sums;            /* double per term id: a centroid being summed, else 0 */
  GArray *hits;            /* guint8 per article id: its shared index terms
                            * while candidates are counted, else 0 */
};

static void
profile_free (gpointer data)
{
  Profile *profile = data;

  g_free (profile->terms);
  g_free (profile->counts);
  g_free (profile->tf);
  g_free (profile);
}

static void
vector_free (gpointer data)
{
  Vector *vector = data;

  g_free (vector->terms);
  g_free (vector->weights);
  g_free (vector);
}

PxEventsAssigner *
px_events_assigner_new (PxStore *store)
{
  PxEventsAssigner *self;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  self = g_new0 (PxEventsAssigner, 1);
  self->store = g_object_ref (store);
  self->tokenizers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->term_names = g_ptr_array_new_with_free_func (g_free);
  self->df = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->profiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, profile_free);
  self->n_docs = -1;
  self->generation = 1;
  self->idf = g_array_new (FALSE, TRUE, sizeof (double));
  self->idf_generation = g_array_new (FALSE, TRUE, sizeof (guint));
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->vectors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, vector_free);
  self->centroids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, vector_free);
  self->events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->postings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->spread = g_array_new (FALSE, TRUE, sizeof (double));
  self->sums = g_array_new (FALSE, TRUE, sizeof (double));
  self->hits = g_array_new (FALSE, TRUE, sizeof (guint8));
  return self;
}

void
px_events_assigner_free (PxEventsAssigner *self)
{
  g_return_if_fail (self != NULL);

  g_object_unref (self->store);
  g_hash_table_unref (self->tokenizers);
  g_hash_table_unref (self->term_ids);
  g_ptr_array_unref (self->term_names);
  g_array_unref (self->df);
  g_hash_table_unref (self->profiles);
  g_array_unref (self->idf);
  g_array_unref (self->idf_generation);
  g_array_unref (self->counts);
  g_hash_table_unref (self->vectors);
  g_hash_table_unref (self->centroids);
  g_hash_table_unref (self->events);
  g_hash_table_unref (self->postings);
  g_array_unref (self->spread);
  g_array_unref (self->sums);
  g_array_unref (self->hits);
  g_free (self);
}

/* Forgets what the store may no longer hold (after a rollback). */
static void
forget (PxEventsAssigner *self)
{
  g_hash_table_remove_all (self->profiles);
  g_hash_table_remove_all (self->vectors);
  g_hash_table_remove_all (self->centroids);
  g_hash_table_remove_all (self->events);
  g_hash_table_remove_all (self->postings);
  for (guint i = 0; i < self->df->len; i++)
    g_array_index (self->df, gint64, i) = -1;
  self->n_docs = -1;
  self->generation++;
}

static guint
intern (PxEventsAssigner *self,
        const char       *term)
{
  gpointer found = g_hash_table_lookup (self->term_ids, term);
  gint64 unknown = -1;
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  copy = g_strdup (term);
  g_ptr_array_add (self->term_names, copy);
  g_array_append_val (self->df, unknown);
  g_hash_table_insert (self->term_ids, copy, GUINT_TO_POINTER (self->term_names->len));
  return self->term_names->len - 1;
}

static const char *
term_name (PxEventsAssigner *self,
           guint             term)
{
  return g_ptr_array_index (self->term_names, term);
}

static gint64
document_frequency (PxEventsAssigner  *self,
                    guint              term,
                    GError           **error)
{
  gint64 *df = &g_array_index (self->df, gint64, term);

  if (*df < 0)
    *df = px_store_get_document_frequency (self->store, term_name (self, term), error);
  return *df;
}

static double
idf (PxEventsAssigner  *self,
     guint              term,
     GError           **error)
{
  gint64 df;

  if (self->idf->len < self->term_names->len)
    {
      g_array_set_size (self->idf, self->term_names->len);
      g_array_set_size (self->idf_generation, self->term_names->len);
    }
  if (g_array_index (self->idf_generation, guint, term) == self->generation)
    return g_array_index (self->idf, double, term);
  df = document_frequency (self, term, error);
  if (df < 0)
    return -1;
  g_array_index (self->idf, double, term) = log (1.0 + (double) self->n_docs / MAX (df, 1));
  g_array_index (self->idf_generation, guint, term) = self->generation;
  return g_array_index (self->idf, double, term);
}

/* Fills in the count factors of @profile's weights: every batch makes
 * its vectors again, the counts stay. */
static void
compute_tf (Profile *profile)
{
  profile->tf = g_new (double, profile->n);
  for (guint k = 0; k < profile->n; k++)
    profile->tf[k] = 1.0 + log (profile->counts[k]);
}

/* @terms (term → count) as a profile, its terms in the table's order. */
static Profile *
profile_from_table (PxEventsAssigner *self,
                    GHashTable       *terms)
{
  Profile *profile = g_new0 (Profile, 1);
  GHashTableIter iter;
  gpointer key, value;

  profile->terms = g_new (guint, g_hash_table_size (terms));
  profile->counts = g_new (guint, g_hash_table_size (terms));
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      profile->terms[profile->n] = intern (self, key);
      profile->counts[profile->n++] = GPOINTER_TO_UINT (value);
    }
  compute_tf (profile);
  return profile;
}

typedef struct
{
  PxEventsAssigner *self;
  GArray *terms;
  GArray *counts;
} ProfileReader;

static void
read_term (const char *term,
           guint       count,
           gpointer    user_data)
{
  ProfileReader *reader = user_data;
  guint id = intern (reader->self, term);

  g_array_append_val (reader->terms, id);
  g_array_append_val (reader->counts, count);
}

static Profile *
get_profile (PxEventsAssigner  *self,
             gint64             article_id,
             GError           **error)
{
  Profile *profile = g_hash_table_lookup (self->profiles, &article_id);
  ProfileReader reader = { self, NULL, NULL };
  gboolean found;

  if (profile != NULL)
    return profile;
  /* Read straight into term ids: a table of strings per stored profile
   * was most of reading them in a large library. */
  reader.terms = g_array_new (FALSE, FALSE, sizeof (guint));
  reader.counts = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!px_store_foreach_profile_term (self->store, article_id, PX_EVENTS_PROFILE_VERSION,
                                      read_term, &reader, &found, error) ||
      !found)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND,
                     "Article %" G_GINT64_FORMAT " has no profile", article_id);
      g_array_unref (reader.terms);
      g_array_unref (reader.counts);
      return NULL;
    }
  profile = g_new0 (Profile, 1);
  profile->n = reader.terms->len;
  profile->terms = (guint *) (gpointer) g_array_free (reader.terms, FALSE);
  profile->counts = (guint *) (gpointer) g_array_free (reader.counts, FALSE);
  compute_tf (profile);
  g_hash_table_insert (self->profiles, g_memdup2 (&article_id, sizeof article_id), profile);
  return profile;
}

static gboolean
is_sentence_end (const PxToken *token)
{
  return (token->flags & PX_TOKEN_PUNCT) != 0 && strpbrk (token->norm, ".!?:\"'“”") != NULL;
}

/* Counts one more @prefix@term in self->counts, by term id, and adds the
 * id to @order at its first count: a word costs one lookup, not a string
 * of its own and a table of the article's. */
static void
count_term (PxEventsAssigner *self,
            GString          *key,
            const char       *prefix,
            const char       *term,
            GArray           *order)
{
  guint id;

  if (*prefix == '\0')
    id = intern (self, term);
  else
    {
      g_string_assign (key, prefix);
      g_string_append (key, term);
      id = intern (self, key->str);
    }
  if (self->counts->len < self->term_names->len)
    g_array_set_size (self->counts, self->term_names->len);
  if (g_array_index (self->counts, guint, id)++ == 0)
    g_array_append_val (order, id);
}

static PxTokenizer *
get_tokenizer (PxEventsAssigner *self,
               PxArticle        *article)
{
  const char *text = px_article_get_clean_text (article);
  const char *language = px_language_canonical (px_article_get_language (article));
  PxTokenizer *tokenizer;

  if (language == NULL)
    language = px_language_detect (text, -1);
  if (language == NULL)
    language = "en";
  tokenizer = g_hash_table_lookup (self->tokenizers, language);
  if (tokenizer == NULL)
    {
      tokenizer = px_tokenizer_new (language);
      g_hash_table_insert (self->tokenizers, (gpointer) language, tokenizer);
    }
  return tokenizer;
}

/* The article's terms (term → count; the keys are the assigner's). */
static GHashTable *
build_profile (PxEventsAssigner *self,
               PxArticle        *article)
{
  GHashTable *terms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) key = g_string_new (NULL);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *text = g_strconcat (px_article_get_title (article) ? px_article_get_title (article) : "",
                                       "\n\n", px_article_get_clean_text (article), NULL);
  g_autoptr (GArray) tokens = px_tokenizer_tokenize (get_tokenizer (self, article),
                                                     text, 0, strlen (text));

  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *token = &g_array_index (tokens, PxToken, i);
      gboolean starts_sentence = i == 0 || is_sentence_end (&g_array_index (tokens, PxToken, i - 1));

      if (token->flags & PX_TOKEN_NUMBER)
        {
          if (strlen (token->norm) >= 2)
            {
              g_autofree char *term = px_aligner_number_term (token->norm);

              count_term (self, key, "", term, order);
            }
        }
      /* Words of two characters or more. */
      else if ((token->flags & PX_TOKEN_WORD) && !(token->flags & PX_TOKEN_STOP) &&
               *token->norm != '\0' && *g_utf8_next_char (token->norm) != '\0')
        {
          count_term (self, key, "", token->stem, order);
          if ((token->flags & PX_TOKEN_CAPITALISED) && !starts_sentence)
            count_term (self, key, "@", token->norm, order);
        }
    }
  /* In the order of first occurrence, as the table was always filled:
   * its order is the profile's, and so the order vectors are summed in. */
  for (guint k = 0; k < order->len; k++)
    {
      guint *count = &g_array_index (self->counts, guint, g_array_index (order, guint, k));

      g_hash_table_insert (terms, (gpointer) term_name (self, g_array_index (order, guint, k)),
                           GUINT_TO_POINTER (*count));
      *count = 0;
    }
  return terms;
}

/* The article's unit-length TF-IDF vector under this batch's
 * frequencies; borrowed. */
static Vector *
get_vector (PxEventsAssigner  *self,
            gint64             article_id,
            GError           **error)
{
  Vector *vector = g_hash_table_lookup (self->vectors, &article_id);
  Profile *profile;
  double norm = 0;

  if (vector != NULL)
    return vector;
  profile = get_profile (self, article_id, error);
  if (profile == NULL)
    return NULL;

  vector = g_new0 (Vector, 1);
  vector->n = profile->n;
  vector->terms = g_memdup2 (profile->terms, profile->n * sizeof (guint));
  vector->weights = g_new (double, profile->n);
  for (guint k = 0; k < profile->n; k++)
    {
      guint term = profile->terms[k];
      double weight = idf (self, term, error);

      if (weight < 0)
        {
          vector_free (vector);
          return NULL;
        }
      /* A term no other article has cannot make two articles alike; it
       * would only dilute the others (this gains about 2 points of B³ F1
       * on ECB+ topics 1–35). */
      if (g_array_index (self->df, gint64, term) == 1)
        weight = 0;
      weight *= profile->tf[k];
      if (term_name (self, term)[0] == '@')
        weight *= NAME_BOOST;
      vector->weights[k] = weight;
      norm += weight * weight;
    }
  norm = sqrt (norm);
  for (guint k = 0; k < vector->n; k++)
    vector->weights[k] /= norm > 0 ? norm : 1;
  g_hash_table_insert (self->vectors, g_memdup2 (&article_id, sizeof article_id), vector);
  return vector;
}

/* Grows the dense arrays to the interned terms (new ones are zero). */
static void
fit_dense (PxEventsAssigner *self)
{
  if (self->spread->len < self->term_names->len)
    g_array_set_size (self->spread, self->term_names->len);
  if (self->sums->len < self->term_names->len)
    g_array_set_size (self->sums, self->term_names->len);
}

/* Lays @vector out in self->spread, or clears it again. */
static void
spread_vector (PxEventsAssigner *self,
               const Vector     *vector,
               gboolean          on)
{
  double *spread;

  fit_dense (self);
  spread = (double *) self->spread->data;
  for (guint k = 0; k < vector->n; k++)
    spread[vector->terms[k]] = on ? vector->weights[k] : 0;
}

/* The dot product of @vector with the one spread out. */
static double
dot_spread (PxEventsAssigner *self,
            const Vector     *vector)
{
  const double *spread;
  double sum = 0;

  fit_dense (self);
  spread = (const double *) self->spread->data;
  for (guint k = 0; k < vector->n; k++)
    sum += spread[vector->terms[k]] * vector->weights[k];
  return sum;
}

/* The sum of the unit vectors of @articles (an event's sample) under this
 * batch's frequencies, kept for @event_id; borrowed. */
static Vector *
get_centroid (PxEventsAssigner  *self,
              gint64             event_id,
              GArray            *articles,
              GError           **error)
{
  Vector *centroid = g_hash_table_lookup (self->centroids, &event_id);
  g_autoptr (GArray) touched = NULL;
  double *sums;

  if (centroid != NULL)
    return centroid;
  touched = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint m = 0; m < articles->len; m++)
    {
      Vector *member = get_vector (self, g_array_index (articles, gint64, m), error);

      if (member == NULL)
        {
          /* Leave the sums at zero for the next one. */
          sums = (double *) self->sums->data;
          for (guint k = 0; k < touched->len; k++)
            sums[g_array_index (touched, guint, k)] = 0;
          return NULL;
        }
      fit_dense (self);
      sums = (double *) self->sums->data;
      /* Weights are never negative: a sum above zero was touched. */
      for (guint k = 0; k < member->n; k++)
        if (member->weights[k] > 0)
          {
            if (sums[member->terms[k]] == 0)
              g_array_append_val (touched, member->terms[k]);
            sums[member->terms[k]] += member->weights[k];
          }
    }
  centroid = g_new0 (Vector, 1);
  centroid->n = touched->len;
  centroid->terms = g_new (guint, touched->len);
  centroid->weights = g_new (double, touched->len);
  sums = (double *) self->sums->data;
  for (guint k = 0; k < touched->len; k++)
    {
      guint term = g_array_index (touched, guint, k);

      centroid->terms[k] = term;
      centroid->weights[k] = sums[term];
      sums[term] = 0;
    }
  g_hash_table_insert (self->centroids, g_memdup2 (&event_id, sizeof event_id), centroid);
  return centroid;
}

typedef struct
{
  const char *term;
  double weight;
} WeightedTerm;

static int
compare_weighted_terms (gconstpointer a,
                        gconstpointer b)
{
  const WeightedTerm *x = a, *y = b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return strcmp (x->term, y->term);
}

/* The @n strongest of @terms (WeightedTerm), strongest first, ties by
 * term. They are picked in one pass, kept in order: an article has
 * hundreds of terms, and sorting all of them cost four times as much. */
static const char **
strongest_terms (GArray *terms,
                 guint   n)
{
  g_autofree WeightedTerm *best = g_new (WeightedTerm, n);
  const char **strongest;
  guint n_best = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      const WeightedTerm *term = &g_array_index (terms, WeightedTerm, i);
      guint low = 0, high = n_best;

      if (n_best == n && compare_weighted_terms (term, &best[n - 1]) >= 0)
        continue;
      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (compare_weighted_terms (term, &best[middle]) < 0)
            high = middle;
          else
            low = middle + 1;
        }
      if (n_best < n)
        n_best++;
      memmove (&best[low + 1], &best[low], (n_best - 1 - low) * sizeof (WeightedTerm));
      best[low] = *term;
    }
  strongest = g_new0 (const char *, n_best + 1);
  for (guint i = 0; i < n_best; i++)
    strongest[i] = best[i].term;
  return strongest;
}

/* Profiles @article_id unless it has a profile of this version (or
 * @again); adds it to @added when its profile is new, its terms to
 * @new_terms and its index terms to @new_index_terms (all stored together
 * by the caller), and sets @replaced when that replaced an older one. */
static gboolean
profile_article (PxEventsAssigner  *self,
                 gint64             article_id,
                 gboolean           again,
                 GArray            *added,
                 GPtrArray         *new_terms,
                 GPtrArray         *new_index_terms,
                 gboolean          *replaced,
                 GError           **error)
{
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (GHashTable) terms = NULL;
  g_autoptr (GArray) weighted = NULL;
  const char **index_terms;
  Profile *profile;
  int version;

  version = px_store_get_profile_version (self->store, article_id, error);
  if (version < 0)
    return FALSE;
  if (version == PX_EVENTS_PROFILE_VERSION && !again)
    return get_profile (self, article_id, error) != NULL;
  /* A new article may have the id of one deleted meanwhile. */
  g_hash_table_remove (self->profiles, &article_id);
  article = px_store_get_article (self->store, article_id, error);
  if (article == NULL)
    return FALSE;
  terms = build_profile (self, article);
  profile = profile_from_table (self, terms);

  /* The index takes the terms strongest by the library's frequencies as
   * they were before this batch; good enough to find candidates. */
  weighted = g_array_sized_new (FALSE, FALSE, sizeof (WeightedTerm), profile->n);
  for (guint k = 0; k < profile->n; k++)
    {
      double weight = idf (self, profile->terms[k], error);

      if (weight < 0)
        {
          profile_free (profile);
          return FALSE;
        }
      g_array_append_val (weighted, ((WeightedTerm) { term_name (self, profile->terms[k]),
                                                      weight * profile->tf[k] }));
    }
  index_terms = strongest_terms (weighted, N_INDEX_TERMS);
  g_hash_table_insert (self->profiles, g_memdup2 (&article_id, sizeof article_id), profile);
  g_array_append_val (added, article_id);
  g_ptr_array_add (new_terms, g_steal_pointer (&terms));
  g_ptr_array_add (new_index_terms, index_terms);
  *replaced = *replaced || version != 0;
  return TRUE;
}

typedef struct
{
  gint64 article_id;
  guint hits;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->hits != y->hits)
    return x->hits > y->hits ? -1 : 1;
  return x->article_id < y->article_id ? -1 : x->article_id > y->article_id;
}

static char *
label_for (PxStore  *store,
           gint64    article_id,
           GError  **error)
{
  g_autoptr (PxArticle) article = px_store_get_article (store, article_id, error);
  const char *title;

  if (article == NULL)
    return NULL;
  title = px_article_get_title (article);
  if (title == NULL || *title == '\0')
    title = px_article_get_clean_text (article);
  if (g_utf8_strlen (title, -1) <= MAX_LABEL_CHARS)
    return g_strstrip (g_strdup (title));
  return g_strstrip (g_utf8_substring (title, 0, MAX_LABEL_CHARS));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Average-link clustering of a batch: the batch's new articles start
 * alone, the events they resemble take part as fixed groups (never merged
 * with each other, so no automatic step undoes a manual split), and the
 * two groups with the best average similarity merge while it is above the
 * threshold. Similarities come from each article's candidates only (the
 * inverted index); an event's side is a sample of its articles. */
typedef struct
{
  GArray *articles;       /* gint64: the batch's articles in it */
  gint64 event_id;        /* 0 for a group of new articles */
  guint size;             /* articles counted in averages */
  guint version;
  gboolean alive;
  GHashTable *neighbours; /* group index → double *summed similarity */
} Group;

typedef struct
{
  double average;
  guint a, b;
  guint version_a, version_b;
} HeapEntry;

static gboolean
heap_before (const HeapEntry *x,
             const HeapEntry *y)
{
  if (x->average != y->average)
    return x->average > y->average;
  if (x->a != y->a)
    return x->a < y->a;
  return x->b < y->b;
}

static void
heap_push (GArray    *heap,
           HeapEntry  entry)
{
  guint i = heap->len;

  g_array_append_val (heap, entry);
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      HeapEntry *items = (HeapEntry *) heap->data;

      if (!heap_before (&items[i], &items[parent]))
        break;
      HeapEntry swap = items[i];
      items[i] = items[parent];
      items[parent] = swap;
      i = parent;
    }
}

static HeapEntry
heap_pop (GArray *heap)
{
  HeapEntry *items = (HeapEntry *) heap->data;
  HeapEntry top = items[0];
  guint i = 0, n;

  items[0] = items[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);
  n = heap->len;
  items = (HeapEntry *) heap->data;
  for (;;)
    {
      guint left = 2 * i + 1, right = left + 1, best = i;

      if (left < n && heap_before (&items[left], &items[best]))
        best = left;
      if (right < n && heap_before (&items[right], &items[best]))
        best = right;
      if (best == i)
        break;
      HeapEntry swap = items[i];
      items[i] = items[best];
      items[best] = swap;
      i = best;
    }
  return top;
}

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_clear_pointer (&group->articles, g_array_unref);
  g_clear_pointer (&group->neighbours, g_hash_table_unref);
}

static void
add_similarity (GArray *groups,
                guint   a,
                guint   b,
                double  similarity)
{
  for (guint k = 0; k < 2; k++)
    {
      Group *group = &g_array_index (groups, Group, k == 0 ? a : b);
      guint other = k == 0 ? b : a;
      double *sum = g_hash_table_lookup (group->neighbours, GUINT_TO_POINTER (other));

      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (group->neighbours, GUINT_TO_POINTER (other), sum);
        }
      *sum += similarity;
    }
}

static void
push_pair (GArray *heap,
           GArray *groups,
           guint   a,
           guint   b)
{
  Group *x = &g_array_index (groups, Group, MIN (a, b));
  Group *y = &g_array_index (groups, Group, MAX (a, b));
  double *sum = g_hash_table_lookup (x->neighbours, GUINT_TO_POINTER (MAX (a, b)));

  /* Two events never merge by themselves. */
  if (x->event_id != 0 && y->event_id != 0)
    return;
  heap_push (heap, (HeapEntry) { *sum / ((double) x->size * y->size), MIN (a, b), MAX (a, b),
                                 x->version, y->version });
}

static gboolean
collect_event_group (PxEventsAssigner  *self,
                     GArray            *groups,
                     GHashTable        *event_groups,
                     gint64             event_id,
                     guint             *index,
                     GError           **error)
{
  gpointer found = g_hash_table_lookup (event_groups, &event_id);
  Group group = { 0 };

  if (found != NULL)
    {
      *index = GPOINTER_TO_UINT (found) - 1;
      return TRUE;
    }
  /* The sample: the event's first articles (by id), read alone; reading
   * all of them for every batch grew with the events, which a library of
   * 100,000 articles makes a thousand articles large. */
  group.articles = px_store_get_event_articles (self->store, event_id, MAX_EVENT_SAMPLE, error);
  if (group.articles == NULL)
    return FALSE;
  group.event_id = event_id;
  group.size = group.articles->len;
  group.alive = TRUE;
  group.neighbours = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_array_append_val (groups, group);
  *index = groups->len - 1;
  g_hash_table_insert (event_groups, g_memdup2 (&event_id, sizeof event_id),
                       GUINT_TO_POINTER (*index + 1));
  return TRUE;
}

/* The event of an older article (0 for none), read once a batch. */
static gint64
get_article_event (PxEventsAssigner  *self,
                   gint64             article_id,
                   GError           **error)
{
  gint64 *cached = g_hash_table_lookup (self->events, &article_id);
  gint64 event_id;

  if (cached != NULL)
    return *cached;
  event_id = px_store_get_article_event (self->store, article_id, NULL, error);
  if (event_id >= 0)
    g_hash_table_insert (self->events, g_memdup2 (&article_id, sizeof article_id),
                         g_memdup2 (&event_id, sizeof event_id));
  return event_id;
}

/* Each term's postings (article ids, newest first, as
 * px_store_get_index_postings () reads them; borrowed). Articles of one
 * event share their strongest terms: each term's postings are read once
 * an import and then kept up to date (reading them for each article was
 * 12 % of importing 10,000 articles, once a batch still 5 %). */
static GPtrArray *
get_postings (PxEventsAssigner  *self,
              const char       **terms,
              GError           **error)
{
  g_autoptr (GPtrArray) lists = g_ptr_array_new ();

  for (guint i = 0; terms[i] != NULL; i++)
    {
      gpointer key = GUINT_TO_POINTER (intern (self, terms[i]) + 1);
      GArray *postings = g_hash_table_lookup (self->postings, key);

      if (postings == NULL)
        {
          postings = px_store_get_index_postings (self->store, terms[i], error);
          if (postings == NULL)
            return NULL;
          g_hash_table_insert (self->postings, key, postings);
        }
      g_ptr_array_add (lists, postings);
    }
  return g_steal_pointer (&lists);
}

/* The MAX_CANDIDATES articles whose index terms share the most of @terms,
 * ties by lower id, leaving out @exclude; sorted by compare_candidates ().
 * Each article's shared terms are counted in self->hits, by id (a term's
 * postings hold an article once, and @terms are distinct); hits run from
 * 1 to N_INDEX_TERMS, so counting how many have each tells the fewest a
 * chosen one has, and only the ties at that count are ordered by id.
 * Merging the postings in id order instead took 8 % of an import. */
static GArray *
find_candidates (PxEventsAssigner  *self,
                 const char       **terms,
                 gint64             exclude,
                 GError           **error)
{
  g_autoptr (GPtrArray) lists = get_postings (self, terms, error);
  g_autoptr (GArray) touched = NULL;
  g_autoptr (GArray) ties = NULL;
  GArray *best;
  guint with_hits[N_INDEX_TERMS + 1] = { 0 };
  guint fewest = N_INDEX_TERMS, above = 0, total = 0;
  guint8 *hits;

  if (lists == NULL)
    return NULL;
  for (guint l = 0; l < lists->len; l++)
    {
      GArray *postings = lists->pdata[l];

      total += postings->len;
      /* Newest first: the first id is the list's highest. */
      if (postings->len > 0 && (gsize) g_array_index (postings, gint64, 0) >= self->hits->len)
        g_array_set_size (self->hits, g_array_index (postings, gint64, 0) + 1);
    }
  touched = g_array_sized_new (FALSE, FALSE, sizeof (gint64), total);
  hits = (guint8 *) self->hits->data;
  for (guint l = 0; l < lists->len; l++)
    {
      GArray *postings = lists->pdata[l];
      const gint64 *ids = (const gint64 *) (gpointer) postings->data;

      for (guint k = 0; k < postings->len; k++)
        if (hits[ids[k]]++ == 0)
          g_array_append_val (touched, ids[k]);
    }

  for (guint k = 0; k < touched->len; k++)
    {
      gint64 id = g_array_index (touched, gint64, k);

      if (id != exclude)
        with_hits[hits[id]]++;
    }
  while (fewest > 0 && above + with_hits[fewest] < MAX_CANDIDATES)
    above += with_hits[fewest--];
  /* All with more hits than the fewest, and the lowest ids with that many. */
  best = g_array_new (FALSE, FALSE, sizeof (Candidate));
  ties = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint k = 0; k < touched->len; k++)
    {
      gint64 id = g_array_index (touched, gint64, k);

      if (id != exclude && hits[id] > fewest)
        g_array_append_val (best, ((Candidate) { id, hits[id] }));
      else if (id != exclude && hits[id] == fewest)
        g_array_append_val (ties, id);
    }
  if (ties->len > MAX_CANDIDATES - above)
    {
      g_array_sort (ties, compare_ids);
      g_array_set_size (ties, MAX_CANDIDATES - above);
    }
  for (guint k = 0; k < ties->len; k++)
    g_array_append_val (best, ((Candidate) { g_array_index (ties, gint64, k), fewest }));
  for (guint k = 0; k < touched->len; k++)
    hits[g_array_index (touched, gint64, k)] = 0;
  g_array_sort (best, compare_candidates);
  return best;
}

/* Links new article @i (group @i), whose vector is spread out, with its
 * candidates: other new articles, and the events of older ones. */
static gboolean
link_spread_candidates (PxEventsAssigner  *self,
                        Vector            *vector,
                        GArray            *groups,
                        GArray            *new_ids,
                        GHashTable        *new_index,
                        GHashTable        *event_groups,
                        guint              i,
                        GError           **error)
{
  gint64 article_id = g_array_index (new_ids, gint64, i);
  g_autoptr (GArray) candidates = NULL;
  g_autoptr (GArray) weighted = g_array_sized_new (FALSE, FALSE, sizeof (WeightedTerm), vector->n);
  g_autoptr (GHashTable) linked_events = g_hash_table_new (NULL, NULL);
  g_autofree const char **terms = NULL;

  for (guint k = 0; k < vector->n; k++)
    g_array_append_val (weighted, ((WeightedTerm) { term_name (self, vector->terms[k]),
                                                    vector->weights[k] }));
  terms = strongest_terms (weighted, N_INDEX_TERMS);
  candidates = find_candidates (self, terms, article_id, error);
  if (candidates == NULL)
    return FALSE;
  for (guint k = 0; k < candidates->len; k++)
    {
      gint64 other = g_array_index (candidates, Candidate, k).article_id;
      gpointer other_index = g_hash_table_lookup (new_index, &other);
      gint64 event_id;
      guint group;
      Vector *other_vector;

      if (other_index != NULL)
        {
          guint j = GPOINTER_TO_UINT (other_index) - 1;

          /* Each pair once, from its lower index, whichever side found it. */
          if (g_hash_table_contains (g_array_index (groups, Group, i).neighbours, GUINT_TO_POINTER (j)))
            continue;
          other_vector = get_vector (self, other, error);
          if (other_vector == NULL)
            return FALSE;
          add_similarity (groups, i, j, dot_spread (self, other_vector));
          continue;
        }
      event_id = get_article_event (self, other, error);
      if (event_id < 0)
        return FALSE;
      if (event_id == 0 || g_hash_table_contains (linked_events, GSIZE_TO_POINTER ((gsize) event_id)))
        continue;
      g_hash_table_add (linked_events, GSIZE_TO_POINTER ((gsize) event_id));
      if (!collect_event_group (self, groups, event_groups, event_id, &group, error))
        return FALSE;
      /* The summed similarity to the event's sample. */
      other_vector = get_centroid (self, event_id, g_array_index (groups, Group, group).articles, error);
      if (other_vector == NULL)
        return FALSE;
      add_similarity (groups, i, group, dot_spread (self, other_vector));
    }
  return TRUE;
}

static gboolean
link_candidates (PxEventsAssigner  *self,
                 GArray            *groups,
                 GArray            *new_ids,
                 GHashTable        *new_index,
                 GHashTable        *event_groups,
                 guint              i,
                 GError           **error)
{
  Vector *vector = get_vector (self, g_array_index (new_ids, gint64, i), error);
  gboolean ok;

  if (vector == NULL)
    return FALSE;
  spread_vector (self, vector, TRUE);
  ok = link_spread_candidates (self, vector, groups, new_ids, new_index, event_groups, i, error);
  spread_vector (self, vector, FALSE);
  return ok;
}

static gboolean
assign_batch (PxEventsAssigner  *self,
              GArray            *ids,
              double             threshold,
              GError           **error)
{
  g_autoptr (GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) new_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) event_groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_autoptr (GArray) heap = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  guint n_new;

  g_array_set_clear_func (groups, group_clear);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gint64 event_id = px_store_get_article_event (self->store, id, NULL, error);

      if (event_id < 0)
        return FALSE;
      if (event_id > 0)
        continue;
      g_array_append_val (new_ids, id);
      g_hash_table_insert (new_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (new_ids->len));
    }
  n_new = new_ids->len;
  for (guint i = 0; i < n_new; i++)
    {
      Group group = { 0 };

      group.articles = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (group.articles, g_array_index (new_ids, gint64, i));
      group.size = 1;
      group.alive = TRUE;
      group.neighbours = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_array_append_val (groups, group);
    }
  for (guint i = 0; i < n_new; i++)
    if (!link_candidates (self, groups, new_ids, new_index, event_groups, i, error))
      return FALSE;

  for (guint a = 0; a < groups->len; a++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, g_array_index (groups, Group, a).neighbours);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (GPOINTER_TO_UINT (key) > a)
          push_pair (heap, groups, a, GPOINTER_TO_UINT (key));
    }

  while (heap->len > 0)
    {
      HeapEntry top = heap_pop (heap);
      Group *x = &g_array_index (groups, Group, top.a);
      Group *y = &g_array_index (groups, Group, top.b);
      Group *into, *from;
      guint into_index, from_index;
      GHashTableIter iter;
      gpointer key, value;

      if (!x->alive || !y->alive || x->version != top.version_a || y->version != top.version_b)
        continue;
      if (top.average < threshold)
        break;
      /* An event keeps its identity; otherwise the lower index does. */
      if (y->event_id != 0)
        into = y, from = x, into_index = top.b, from_index = top.a;
      else
        into = x, from = y, into_index = top.a, from_index = top.b;
      g_array_append_vals (into->articles, from->articles->data, from->articles->len);
      into->size += from->size;
      into->version++;
      from->alive = FALSE;

      g_hash_table_remove (into->neighbours, GUINT_TO_POINTER (from_index));
      g_hash_table_iter_init (&iter, from->neighbours);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint k = GPOINTER_TO_UINT (key);
          Group *neighbour = &g_array_index (groups, Group, k);
          double *sum;

          if (k == into_index || !neighbour->alive)
            continue;
          sum = g_hash_table_lookup (into->neighbours, key);
          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (into->neighbours, key, sum);
            }
          *sum += *(double *) value;
          g_hash_table_remove (neighbour->neighbours, GUINT_TO_POINTER (from_index));
          if (g_hash_table_lookup (neighbour->neighbours, GUINT_TO_POINTER (into_index)) == NULL)
            g_hash_table_insert (neighbour->neighbours, GUINT_TO_POINTER (into_index), g_new0 (double, 1));
          *(double *) g_hash_table_lookup (neighbour->neighbours, GUINT_TO_POINTER (into_index)) = *sum;
        }
      g_hash_table_iter_init (&iter, into->neighbours);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_array_index (groups, Group, GPOINTER_TO_UINT (key)).alive)
          push_pair (heap, groups, into_index, GPOINTER_TO_UINT (key));
    }

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = &g_array_index (groups, Group, g);
      gint64 event_id = group->event_id;

      if (!group->alive)
        continue;
      if (event_id == 0)
        {
          g_autofree char *label = NULL;

          g_array_sort (group->articles, compare_ids);
          label = label_for (self->store, g_array_index (group->articles, gint64, 0), error);
          if (label == NULL)
            return FALSE;
          event_id = px_store_create_event (self->store, label, FALSE, error);
          if (event_id < 0)
            return FALSE;
        }
      for (guint m = 0; m < group->articles->len; m++)
        {
          gint64 id = g_array_index (group->articles, gint64, m);

          /* An event's sample articles are already in it. */
          if (g_hash_table_contains (new_index, &id) &&
              !px_store_set_article_event (self->store, id, event_id, FALSE, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Adds the articles @added, just stored with @index_terms (char ** each),
 * to the postings kept of those terms, so that they stay what the store
 * would read: the newest PX_STORE_MAX_POSTINGS ids, newest first. */
static void
add_postings (PxEventsAssigner *self,
              GArray           *added,
              GPtrArray        *index_terms)
{
  for (guint i = 0; i < added->len; i++)
    {
      gint64 id = g_array_index (added, gint64, i);
      const char **terms = index_terms->pdata[i];

      for (guint k = 0; terms[k] != NULL; k++)
        {
          GArray *postings = g_hash_table_lookup (self->postings,
                                                  GUINT_TO_POINTER (intern (self, terms[k]) + 1));
          guint at = 0;

          if (postings == NULL)
            continue;
          /* New articles have the highest ids: this stops at once. */
          while (at < postings->len && g_array_index (postings, gint64, at) > id)
            at++;
          if (at == PX_STORE_MAX_POSTINGS)
            continue;
          g_array_insert_val (postings, at, id);
          if (postings->len > PX_STORE_MAX_POSTINGS)
            g_array_set_size (postings, PX_STORE_MAX_POSTINGS);
        }
    }
}

/* Profiles @ids (@again: even those with a profile of this version), then
 * brings the frequencies up to date with them: the whole batch counts in
 * its own weights. */
static gboolean
profile_all (PxEventsAssigner  *self,
             GArray            *ids,
             gboolean           again,
             GError           **error)
{
  g_autoptr (GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr (GPtrArray) index_terms = g_ptr_array_new_with_free_func (g_free);
  gboolean replaced = FALSE;

  if (self->n_docs < 0)
    {
      self->n_docs = px_store_count_profiles (self->store, error);
      if (self->n_docs < 0)
        return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      /* Sorted: a repeated id follows itself, and is profiled once. */
      if (i > 0 && g_array_index (ids, gint64, i - 1) == id)
        continue;
      if (!profile_article (self, id, again, added, terms, index_terms, &replaced, error))
        return FALSE;
    }
  /* Stored together: the library's frequencies are updated once per
   * distinct term of the batch. */
  if (!px_store_set_profiles (self->store, PX_EVENTS_PROFILE_VERSION, added->len,
                              (const gint64 *) added->data, (GHashTable **) terms->pdata,
                              (const char * const **) index_terms->pdata, error))
    return FALSE;

  /* Idfs, vectors and centroids were for the old frequencies, and events
   * may have changed between two batches. */
  self->generation++;
  g_hash_table_remove_all (self->vectors);
  g_hash_table_remove_all (self->centroids);
  g_hash_table_remove_all (self->events);
  if (replaced)
    {
      /* The store took the old profiles' terms out again: read anew. */
      forget (self);
      self->n_docs = px_store_count_profiles (self->store, error);
      return self->n_docs >= 0;
    }
  /* A frequency is first read before any article of the batch that has
   * the term is stored, so it counts none of them yet. */
  for (guint i = 0; i < added->len; i++)
    {
      Profile *profile = g_hash_table_lookup (self->profiles, &g_array_index (added, gint64, i));

      for (guint k = 0; k < profile->n; k++)
        {
          gint64 *df = &g_array_index (self->df, gint64, profile->terms[k]);

          if (*df >= 0)
            (*df)++;
        }
    }
  self->n_docs += added->len;
  add_postings (self, added, index_terms);
  return TRUE;
}

/* The ids in ascending order: the same batch gives the same events
 * whatever order it came in. */
static GArray *
sorted_ids (const gint64 *article_ids,
            guint         n_articles)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_vals (ids, article_ids, n_articles);
  g_array_sort (ids, compare_ids);
  return ids;
}

static gboolean
profile_ids (PxStore       *store,
             const gint64  *article_ids,
             guint          n_articles,
             gboolean       again,
             GError       **error)
{
  g_autoptr (PxEventsAssigner) assigner = NULL;
  g_autoptr (GArray) ids = NULL;
  gboolean ok;

  ids = sorted_ids (article_ids, n_articles);
  if (!_px_store_savepoint (store, "px_events", error))
    return FALSE;
  assigner = px_events_assigner_new (store);
  ok = profile_all (assigner, ids, again, error);
  return _px_store_release (store, "px_events", ok, error);
}

gboolean
px_events_profile (PxStore       *store,
                   const gint64  *article_ids,
                   guint          n_articles,
                   GError       **error)
{
  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  g_return_val_if_fail (article_ids != NULL || n_articles == 0, FALSE);

  return profile_ids (store, article_ids, n_articles, FALSE, error);
}

gboolean
px_events_reprofile (PxStore       *store,
                     const gint64  *article_ids,
                     guint          n_articles,
                     GError       **error)
{
  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  g_return_val_if_fail (article_ids != NULL || n_articles == 0, FALSE);

  return profile_ids (store, article_ids, n_articles, TRUE, error);
}

gboolean
px_events_assigner_assign (PxEventsAssigner  *self,
                           const gint64      *article_ids,
                           guint              n_articles,
                           double             threshold,
                           GError           **error)
{
  g_autoptr (GArray) ids = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (article_ids != NULL || n_articles == 0, FALSE);

  ids = sorted_ids (article_ids, n_articles);
  if (!_px_store_savepoint (self->store, "px_events", error))
    return FALSE;
  /* First every profile, so the whole batch counts in the frequencies. */
  ok = profile_all (self, ids, FALSE, error);
  ok = ok && assign_batch (self, ids, threshold, error);
  if (!ok)
    forget (self);
  return _px_store_release (self->store, "px_events", ok, error);
}

gboolean
px_events_assign_with_threshold (PxStore       *store,
                                 const gint64  *article_ids,
                                 guint          n_articles,
                                 double         threshold,
                                 GError       **error)
{
  g_autoptr (PxEventsAssigner) assigner = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), FALSE);

  assigner = px_events_assigner_new (store);
  return px_events_assigner_assign (assigner, article_ids, n_articles, threshold, error);
}

gboolean
px_events_assign (PxStore       *store,
                  const gint64  *article_ids,
                  guint          n_articles,
                  GError       **error)
{
  return px_events_assign_with_threshold (store, article_ids, n_articles,
                                          PX_EVENTS_DEFAULT_THRESHOLD, error);
}

static gboolean
require_event (PxStore  *store,
               gint64    event_id,
               GError  **error)
{
  g_autoptr (PxEvent) event = px_store_get_event (store, event_id, error);

  return event != NULL;
}

gboolean
px_events_merge (PxStore       *store,
                 const gint64  *event_ids,
                 guint          n_events,
                 GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_events >= 1, FALSE);

  if (!_px_store_savepoint (store, "px_events", error))
    return FALSE;
  ok = require_event (store, event_ids[0], error);
  for (guint i = 1; ok && i < n_events; i++)
    {
      g_autoptr (PxEvent) event = NULL;

      if (event_ids[i] == event_ids[0])
        continue;
      event = px_store_get_event (store, event_ids[i], error);
      ok = event != NULL;
      for (guint j = 0; ok && j < event->article_ids->len; j++)
        ok = px_store_set_article_event (store, g_array_index (event->article_ids, gint64, j),
                                         event_ids[0], TRUE, error);
    }
  if (ok)
    {
      g_autoptr (PxEvent) merged = px_store_get_event (store, event_ids[0], error);

      ok = merged != NULL &&
           px_store_set_event_label (store, merged->id, merged->label, TRUE, error) &&
           px_store_prune_events (store, error);
    }
  return _px_store_release (store, "px_events", ok, error);
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

gint64
px_events_split (PxStore       *store,
                 gint64         event_id,
                 const gint64  *article_ids,
                 guint          n_articles,
                 GError       **error)
{
  g_autoptr (PxEvent) event = NULL;
  g_autofree char *label = NULL;
  gint64 new_event = -1;
  gboolean ok;

  g_return_val_if_fail (PX_IS_STORE (store), -1);
  g_return_val_if_fail (n_articles >= 1, -1);

  if (!_px_store_savepoint (store, "px_events", error))
    return -1;
  event = px_store_get_event (store, event_id, error);
  ok = event != NULL;
  for (guint i = 0; ok && i < n_articles; i++)
    if (!contains_id (event->article_ids, article_ids[i]))
      {
        g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                     "Article %" G_GINT64_FORMAT " is not in event %" G_GINT64_FORMAT,
                     article_ids[i], event_id);
        ok = FALSE;
      }
  if (ok)
    {
      label = label_for (store, article_ids[0], error);
      ok = label != NULL;
    }
  if (ok)
    {
      new_event = px_store_create_event (store, label, TRUE, error);
      ok = new_event > 0 && px_store_set_event_label (store, event->id, event->label, TRUE, error);
    }
  for (guint i = 0; ok && i < n_articles; i++)
    ok = px_store_set_article_event (store, article_ids[i], new_event, TRUE, error);
  ok = ok && px_store_prune_events (store, error);
  if (!_px_store_release (store, "px_events", ok, error))
    return -1;
  return new_event;
}

gboolean
px_events_move (PxStore   *store,
                gint64     article_id,
                gint64     event_id,
                GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (PX_IS_STORE (store), FALSE);

  if (!_px_store_savepoint (store, "px_events", error))
    return FALSE;
  ok = require_event (store, event_id, error) &&
       px_store_set_article_event (store, article_id, event_id, TRUE, error) &&
       px_store_prune_events (store, error);
  return _px_store_release (store, "px_events", ok, error);
}

gboolean
px_events_rename (PxStore     *store,
                  gint64       event_id,
                  const char  *label,
                  GError     **error)
{
  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  return px_store_set_event_label (store, event_id, label, TRUE, error);
}
