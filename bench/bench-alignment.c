/* bench-alignment.c: claims, events and speed on annotated corpora
 *
 *   MSRP (paraphrase pairs): each test pair compared as two one-sentence
 *     articles; "paraphrase" when both land in one claim. The threshold is
 *     tuned for accuracy on the training split only.
 *   STS-B: Pearson correlation of the pair score with the human scores
 *     (test split).
 *   ECB+: automatic events of topics 36–45 against the gold sub-topics,
 *     B-cubed F1; the events threshold tuned on topics 1–35.
 *   Speed: px_comparison_new () on 5 articles of about 800 words, and on
 *     10, 30, 100 and 300 ECB+ articles (the first of the corpus), with
 *     every ECB+ article in the library; best of five runs.
 *
 * MSRP and STS-B carry research licences: they are read from
 * ../shared/corpora (or $PX_SHARED_CORPORA), never copied.
 *
 *   bench-alignment [--only msrp|sts|ecb|speed] [--features FILE]
 *
 * --features writes the paraphrase features of the MSRP training pairs,
 * which build-aux/fit-paraphrase-weights.py turns into the model
 * (data/align/paraphrase-weights.txt).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "corpus-lines.h"
#include "px-aligner.h"
#include "px-comparison.h"
#include "px-events.h"
#include "px-paraphrase.h"
#include "px-store-analysis.h"
#include "px-store-events.h"

static GString *bench_json;
static char *features_path;

static void
figure (const char *name,
        double      value)
{
  g_string_append_printf (bench_json, "%s\"%s\": %.4f", bench_json->len > 0 ? ", " : "", name, value);
}

static char *
corpora_dir (void)
{
  const char *env = g_getenv ("PX_SHARED_CORPORA");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (SOURCE_DATADIR, "..", "..", "shared", "corpora", NULL);
}

static char *
corpus_path (const char *first,
             ...)
{
  g_autofree char *dir = corpora_dir ();
  g_autoptr (GString) path = g_string_new (dir);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, part);
    }
  va_end (args);
  return g_string_free (g_steal_pointer (&path), FALSE);
}

static PxArticle *
make_article (gint64      id,
              const char *outlet,
              const char *title,
              const char *text)
{
  PxArticle *article = px_article_new ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  px_article_set_id (article, id);
  px_article_set_outlet (article, outlet);
  px_article_set_title (article, title);
  px_article_set_raw_text (article, text);
  px_article_set_clean_text (article, text);
  px_article_set_language (article, "en");
  px_article_set_format (article, "text");
  px_article_set_content_hash (article, hash);
  return article;
}

/* A library holding @texts as articles, profiled, so that word rarity
 * comes from them as it would from a user's library. Returns the article
 * id of each text in @ids. */
static PxStore *
library_of (GPtrArray  *texts,
            GArray    **ids)
{
  g_autoptr (GError) error = NULL;
  PxStore *store = px_store_open (":memory:", &error);

  g_assert_no_error (error);
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  px_store_begin (store, &error);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr (PxArticle) article = make_article (0, NULL, NULL, texts->pdata[i]);
      gint64 id = px_store_find_by_hash (store, px_article_get_content_hash (article), &error);

      g_assert_no_error (error);
      if (id <= 0)
        {
          px_store_insert_article (store, article, &error);
          g_assert_no_error (error);
          id = px_article_get_id (article);
        }
      g_array_append_val (*ids, id);
    }
  px_events_profile (store, (gint64 *) (*ids)->data, (*ids)->len, &error);
  g_assert_no_error (error);
  px_store_commit (store, &error);
  g_assert_no_error (error);
  return store;
}

static void
store_frequencies (const char * const *terms,
                   guint               n_terms,
                   gint64             *frequencies,
                   gpointer            user_data)
{
  px_store_get_document_frequencies (user_data, terms, n_terms, frequencies, NULL);
}

typedef enum
{
  SIMILARITY,   /* px_aligner_score () */
  CLAIM_SCORE,  /* px_aligner_claim_score () */
} PairScore;

/* A pair as the comparison sees it, with the library's rarity: its
 * score, or its paraphrase features into @features when not NULL. */
static double
pair_score (PxStore    *store,
            const char *a,
            const char *b,
            PairScore   kind,
            double     *features)
{
  g_autoptr (PxAligner) aligner = px_aligner_new ();
  g_autoptr (GArray) range_a = g_array_new (FALSE, FALSE, sizeof (PxRange));
  g_autoptr (GArray) range_b = g_array_new (FALSE, FALSE, sizeof (PxRange));
  const PxAlignRef first = { 0, 0 }, second = { 1, 0 };

  g_array_append_val (range_a, ((PxRange) { 0, strlen (a) }));
  g_array_append_val (range_b, ((PxRange) { 0, strlen (b) }));
  px_aligner_set_document_frequencies (aligner, store_frequencies, store,
                                       px_store_count_profiles (store, NULL));
  px_aligner_add_article (aligner, a, range_a, "en");
  px_aligner_add_article (aligner, b, range_b, "en");
  if (features != NULL)
    px_aligner_get_features (aligner, &first, &second, features);
  return kind == SIMILARITY ? px_aligner_score (aligner, &first, &second)
                            : px_aligner_claim_score (aligner, &first, &second);
}

typedef struct
{
  GPtrArray *a;   /* char * */
  GPtrArray *b;
  GArray *gold;   /* double */
} Pairs;

static void
pairs_clear (Pairs *pairs)
{
  g_clear_pointer (&pairs->a, g_ptr_array_unref);
  g_clear_pointer (&pairs->b, g_ptr_array_unref);
  g_clear_pointer (&pairs->gold, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pairs, pairs_clear)

/* Tab-separated lines; @gold_column, @a_column, @b_column are 0-based. */
static gboolean
read_pairs (const char *path,
            gboolean    header,
            guint       gold_column,
            guint       a_column,
            guint       b_column,
            Pairs      *pairs)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  pairs->a = g_ptr_array_new_with_free_func (g_free);
  pairs->b = g_ptr_array_new_with_free_func (g_free);
  pairs->gold = g_array_new (FALSE, FALSE, sizeof (double));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = header ? 1 : 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (g_strchomp (lines[i]), "\t", -1);
      double gold;

      if (g_strv_length (fields) <= MAX (b_column, MAX (a_column, gold_column)))
        continue;
      gold = g_ascii_strtod (fields[gold_column], NULL);
      g_array_append_val (pairs->gold, gold);
      g_ptr_array_add (pairs->a, g_strdup (fields[a_column]));
      g_ptr_array_add (pairs->b, g_strdup (fields[b_column]));
    }
  return TRUE;
}

static PxStore *
library_of_pairs (Pairs *pairs)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  g_autoptr (GArray) ids = NULL;

  g_ptr_array_extend (texts, pairs->a, NULL, NULL);
  g_ptr_array_extend (texts, pairs->b, NULL, NULL);
  return library_of (texts, &ids);
}

static void
accuracy_f1 (GArray   *gold,
             gboolean *predicted,
             double   *accuracy,
             double   *f1)
{
  guint tp = 0, fp = 0, fn = 0, right = 0;

  for (guint i = 0; i < gold->len; i++)
    {
      gboolean truth = g_array_index (gold, double, i) > 0.5;

      right += truth == predicted[i];
      tp += truth && predicted[i];
      fp += !truth && predicted[i];
      fn += truth && !predicted[i];
    }
  *accuracy = 100.0 * right / MAX (gold->len, 1);
  *f1 = tp > 0 ? 100.0 * 2 * tp / (2 * tp + fp + fn) : 0;
}

/* One line of names, then the gold label and the features of each pair. */
static void
write_features (PxStore    *library,
                Pairs      *pairs,
                const char *path)
{
  g_autoptr (GString) out = g_string_new ("label");
  g_autoptr (GError) error = NULL;

  for (guint f = 0; f < PX_PARAPHRASE_N_FEATURES; f++)
    g_string_append_printf (out, "\t%s", px_paraphrase_feature_name (f));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < pairs->gold->len; i++)
    {
      double features[PX_PARAPHRASE_N_FEATURES];

      pair_score (library, pairs->a->pdata[i], pairs->b->pdata[i], SIMILARITY, features);
      g_string_append_printf (out, "%d", g_array_index (pairs->gold, double, i) > 0.5);
      for (guint f = 0; f < PX_PARAPHRASE_N_FEATURES; f++)
        g_string_append_printf (out, "\t%.6g", features[f]);
      g_string_append_c (out, '\n');
    }
  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_printerr ("%s\n", error->message);
  else
    g_print ("MSRP train features written to %s\n", path);
}

static void
bench_msrp (void)
{
  g_autofree char *train_path = corpus_path ("msrp", "msr_paraphrase_train.txt", NULL);
  g_autofree char *test_path = corpus_path ("msrp", "msr_paraphrase_test.txt", NULL);
  g_auto (Pairs) train = { 0 };
  g_auto (Pairs) test = { 0 };
  g_autoptr (PxStore) train_library = NULL;
  g_autoptr (PxStore) test_library = NULL;
  g_autofree double *scores = NULL;
  g_autofree gboolean *predicted = NULL;
  double best_threshold = 0, best_accuracy = -1, accuracy, f1;
  gint64 start;

  if (!read_pairs (train_path, TRUE, 0, 3, 4, &train) || !read_pairs (test_path, TRUE, 0, 3, 4, &test))
    {
      g_print ("MSRP: not found under %s; skipped\n", train_path);
      return;
    }

  /* Tuning: the claim score on the training split, its own library. */
  train_library = library_of_pairs (&train);
  scores = g_new (double, train.gold->len);
  predicted = g_new (gboolean, MAX (train.gold->len, test.gold->len));
  if (features_path != NULL)
    write_features (train_library, &train, features_path);
  for (guint i = 0; i < train.gold->len; i++)
    scores[i] = pair_score (train_library, train.a->pdata[i], train.b->pdata[i], CLAIM_SCORE, NULL);
  for (double t = 0.20; t <= 0.90; t += 0.01)
    {
      for (guint i = 0; i < train.gold->len; i++)
        predicted[i] = scores[i] >= t;
      accuracy_f1 (train.gold, predicted, &accuracy, &f1);
      if (accuracy > best_accuracy)
        best_accuracy = accuracy, best_threshold = t;
    }
  g_print ("MSRP train (%u pairs): best threshold %.2f, accuracy %.1f %% (built in: %.2f)\n",
           train.gold->len, best_threshold, best_accuracy, PX_ALIGNER_DEFAULT_THRESHOLD);

  /* Test: two one-sentence articles each, compared as the application
   * does; the library holds the test split's sentences. */
  test_library = library_of_pairs (&test);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < test.gold->len; i++)
    {
      g_autoptr (PxArticle) a = make_article (1, "A", NULL, test.a->pdata[i]);
      g_autoptr (PxArticle) b = make_article (2, "B", NULL, test.b->pdata[i]);
      g_autoptr (PxComparison) comparison = px_comparison_new ((PxArticle *[]) { a, b }, 2, test_library);

      predicted[i] = FALSE;
      for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
        predicted[i] |= px_comparison_get_claim (comparison, c)->status == PX_CLAIM_SHARED;
    }
  {
    g_autofree gboolean *by_score = g_new (gboolean, test.gold->len);
    double score_accuracy, score_f1;
    guint split = 0;

    for (guint i = 0; i < test.gold->len; i++)
      {
        g_autoptr (GArray) sa = px_segment_sentences (test.a->pdata[i], "en");
        g_autoptr (GArray) sb = px_segment_sentences (test.b->pdata[i], "en");

        split += sa->len > 1 || sb->len > 1;
        by_score[i] = pair_score (test_library, test.a->pdata[i], test.b->pdata[i], CLAIM_SCORE, NULL) >=
                      best_threshold;
      }
    accuracy_f1 (test.gold, by_score, &score_accuracy, &score_f1);
    g_print ("MSRP test, pair score alone at the tuned threshold %.2f: accuracy %.1f %%, F1 %.1f "
             "(%u pairs have a side the segmenter splits)\n", best_threshold, score_accuracy, score_f1, split);
  }
  accuracy_f1 (test.gold, predicted, &accuracy, &f1);
  g_print ("MSRP test (%u pairs, compared as articles, threshold %.2f): accuracy %.1f %%, F1 %.1f "
           "(%.2f ms per comparison)\n", test.gold->len, PX_ALIGNER_DEFAULT_THRESHOLD, accuracy, f1,
           (g_get_monotonic_time () - start) / 1000.0 / test.gold->len);
  figure ("msrp_test_accuracy", accuracy);
  figure ("msrp_test_f1", f1);
}

static double
pearson (const double *x,
         const double *y,
         guint         n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;

  for (guint i = 0; i < n; i++)
    mx += x[i], my += y[i];
  mx /= n, my /= n;
  for (guint i = 0; i < n; i++)
    {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
  return sxy / sqrt (sxx * syy);
}

/* Pearson of the pair score against the human scores of one split, each
 * split its own library; -2 when the file is missing. */
static double
sts_pearson (const char *file,
             PairScore   kind,
             guint      *n_pairs)
{
  g_autofree char *path = corpus_path ("stsbenchmark", file, NULL);
  g_auto (Pairs) pairs = { 0 };
  g_autoptr (PxStore) library = NULL;
  g_autofree double *scores = NULL;

  if (!read_pairs (path, FALSE, 4, 5, 6, &pairs))
    return -2;
  library = library_of_pairs (&pairs);
  scores = g_new (double, pairs.gold->len);
  for (guint i = 0; i < pairs.gold->len; i++)
    scores[i] = pair_score (library, pairs.a->pdata[i], pairs.b->pdata[i], kind, NULL);
  *n_pairs = pairs.gold->len;
  return pearson (scores, (double *) pairs.gold->data, pairs.gold->len);
}

static void
bench_sts (void)
{
  guint n_train = 0, n_test = 0;
  double train = sts_pearson ("sts-train.csv", SIMILARITY, &n_train);
  double test = sts_pearson ("sts-test.csv", SIMILARITY, &n_test);
  double claim_test;

  if (train < -1 || test < -1)
    {
      g_print ("STS-B: not found under %s; skipped\n", "stsbenchmark");
      return;
    }
  /* The claim score is a paraphrase probability fitted on MSRP, not a
   * graded similarity: shown for comparison, not as the figure. */
  claim_test = sts_pearson ("sts-test.csv", CLAIM_SCORE, &n_test);
  g_print ("STS-B train (%u pairs): Pearson %.3f; test (%u pairs): Pearson %.3f "
           "(similarity score; the claim score gets %.3f)\n", n_train, train, n_test, test, claim_test);
  figure ("stsb_test_pearson", test);
}

typedef struct
{
  char *doc_id;
  char *subtopic;
  int topic;
  char *title;
  char *text;
  guint words;
} EcbDocument;

static void
ecb_document_free (EcbDocument *doc)
{
  g_free (doc->doc_id);
  g_free (doc->subtopic);
  g_free (doc->title);
  g_free (doc->text);
  g_free (doc);
}

static gboolean
is_glue (const char *token)
{
  return strcmp (token, ".") == 0 || strcmp (token, ":") == 0 || strcmp (token, "-") == 0 ||
         strcmp (token, ",") == 0;
}

/* "6 . 1", "14 : 58", "6 . 1 - magnitude", "170 , 000" were one word. */
static gboolean
glues (const char *before,
       const char *glue,
       const char *after)
{
  gboolean digits;

  if (before == NULL || after == NULL || *before == '\0' || *after == '\0')
    return FALSE;
  if (!g_ascii_isalnum (before[strlen (before) - 1]) || !g_ascii_isalnum (after[0]))
    return FALSE;
  digits = g_ascii_isdigit (before[strlen (before) - 1]) && g_ascii_isdigit (after[0]);
  if (strcmp (glue, ",") == 0)
    return digits && strlen (after) == 3;
  return strcmp (glue, "-") == 0 || digits;
}

/* The corpus is tokenised; join its tokens back into text, as
 * tests/data/align/README.md describes. */
static void
detokenize (JsonArray *tokens,
            GString   *out)
{
  static const char *no_space_before[] = { ",", ".", ":", ";", "!", "?", "%", ")", "''", "'s",
                                           "n't", "'re", "'ve", "'ll", "'d", "'m", "'S", NULL };
  guint n = json_array_get_length (tokens);
  gboolean open_quote = FALSE, glue_next = FALSE;
  gsize sentence_start = out->len;

  for (guint i = 0; i < n; i++)
    {
      const char *token = json_array_get_string_element (tokens, i);
      const char *previous = i > 0 ? json_array_get_string_element (tokens, i - 1) : NULL;
      const char *before_previous = i > 1 ? json_array_get_string_element (tokens, i - 2) : NULL;
      const char *next = i + 1 < n ? json_array_get_string_element (tokens, i + 1) : NULL;
      gboolean space = out->len > sentence_start;
      gsize length = strlen (token);

      if (previous != NULL && is_glue (previous) && glues (before_previous, previous, token))
        space = FALSE;
      if (is_glue (token) && glues (previous, token, next))
        space = FALSE;
      if (g_strv_contains (no_space_before, token) || glue_next)
        space = FALSE;
      if (previous != NULL && (strcmp (previous, "(") == 0 || strcmp (previous, "``") == 0 ||
                               strcmp (previous, "$") == 0))
        space = FALSE;
      glue_next = FALSE;
      /* Straight quotes: an opening one sticks to the next word, a
       * closing one to the previous. */
      if (strcmp (token, "\"") == 0)
        {
          if (open_quote)
            space = FALSE;
          else
            glue_next = TRUE;
          open_quote = !open_quote;
        }
      else
        {
          if (token[0] == '"')
            open_quote = !open_quote;
          if (length > 1 && token[length - 1] == '"')
            open_quote = !open_quote;
        }
      if (space)
        g_string_append_c (out, ' ');
      if (strcmp (token, "``") == 0)
        g_string_append (out, "“");
      else if (strcmp (token, "''") == 0)
        g_string_append (out, "”");
      else
        g_string_append (out, token);
    }
}

static GPtrArray *
read_ecb (void)
{
  g_autofree char *path = corpus_path ("ecbplus", "documents.jsonl.gz", NULL);
  g_autoptr (GDataInputStream) lines = corpus_lines_open (path, NULL);
  GPtrArray *docs;
  char *line;

  if (lines == NULL)
    return NULL;
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ecb_document_free);
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, NULL)) != NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GString) title = g_string_new (NULL);
      EcbDocument *doc = g_new0 (EcbDocument, 1);
      JsonObject *object;
      JsonArray *sentences;
      gboolean plus;
      guint first;

      json_parser_load_from_data (parser, line, -1, NULL);
      g_free (line);
      object = json_node_get_object (json_parser_get_root (parser));
      doc->doc_id = g_strdup (json_object_get_string_member (object, "doc_id"));
      doc->subtopic = g_strdup (json_object_get_string_member (object, "subtopic"));
      doc->topic = json_object_get_int_member (object, "topic");
      plus = g_strcmp0 (json_object_get_string_member (object, "collection"), "ecbplus") == 0;
      sentences = json_object_get_array_member (object, "sentences");
      /* ecbplus: sentence 0 is the URL, sentence 1 the headline. */
      first = plus ? 1 : 0;
      for (guint s = first; s < json_array_get_length (sentences); s++)
        {
          JsonArray *tokens = json_object_get_array_member (json_array_get_object_element (sentences, s),
                                                            "tokens");

          doc->words += json_array_get_length (tokens);
          if (plus && s == 1)
            detokenize (tokens, title);
          else
            {
              if (text->len > 0)
                g_string_append_c (text, ' ');
              detokenize (tokens, text);
            }
        }
      doc->title = g_string_free (g_steal_pointer (&title), FALSE);
      doc->text = g_string_free (g_steal_pointer (&text), FALSE);
      g_ptr_array_add (docs, doc);
    }
  return docs;
}

/* B-cubed F1 of @predicted against @gold (labels per item). */
static double
bcubed_f1 (GArray *predicted,
           GPtrArray *gold,
           double *precision_out,
           double *recall_out)
{
  double precision = 0, recall = 0;
  guint n = predicted->len;

  for (guint i = 0; i < n; i++)
    {
      guint same_both = 0, same_predicted = 0, same_gold = 0;

      for (guint j = 0; j < n; j++)
        {
          gboolean p = g_array_index (predicted, gint64, i) == g_array_index (predicted, gint64, j);
          gboolean g = strcmp (gold->pdata[i], gold->pdata[j]) == 0;

          same_both += p && g;
          same_predicted += p;
          same_gold += g;
        }
      precision += (double) same_both / same_predicted;
      recall += (double) same_both / same_gold;
    }
  precision /= n, recall /= n;
  if (precision_out != NULL)
    *precision_out = precision, *recall_out = recall;
  return 2 * precision * recall / (precision + recall);
}

static gboolean
is_test_topic (int topic)
{
  return topic >= 36 && topic <= 45;
}

/* Imports the documents of the split into a new library and groups them. */
static double
cluster_split (GPtrArray *docs,
               gboolean   test,
               double     threshold,
               guint     *n_events,
               double    *precision,
               double    *recall)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (":memory:", &error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) predicted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) gold = g_ptr_array_new ();
  g_autoptr (GHashTable) events = g_hash_table_new (g_int64_hash, g_int64_equal);

  px_store_begin (store, &error);
  for (guint i = 0; i < docs->len; i++)
    {
      EcbDocument *doc = docs->pdata[i];
      g_autoptr (PxArticle) article = NULL;
      gint64 id;

      if (is_test_topic (doc->topic) != test)
        continue;
      article = make_article (0, doc->doc_id, doc->title, doc->text);
      if (!px_store_insert_article (store, article, &error))
        {
          /* Identical texts occur; one copy is imported, as the importer does. */
          g_clear_error (&error);
          continue;
        }
      id = px_article_get_id (article);
      g_array_append_val (ids, id);
      g_ptr_array_add (gold, doc->subtopic);
    }
  px_events_assign_with_threshold (store, (gint64 *) ids->data, ids->len, threshold, &error);
  g_assert_no_error (error);
  px_store_commit (store, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 event = px_store_get_article_event (store, g_array_index (ids, gint64, i), NULL, &error);

      g_array_append_val (predicted, event);
      g_hash_table_add (events, &g_array_index (predicted, gint64, predicted->len - 1));
    }
  *n_events = g_hash_table_size (events);
  return bcubed_f1 (predicted, gold, precision, recall);
}

static void
bench_ecb (GPtrArray *docs)
{
  double best = -1, best_threshold = 0, f1, precision, recall;
  guint n_events;

  for (double t = 0.04; t <= 0.40; t += 0.02)
    {
      f1 = cluster_split (docs, FALSE, t, &n_events, &precision, &recall);
      if (f1 > best)
        best = f1, best_threshold = t;
    }
  g_print ("ECB+ topics 1–35: best events threshold %.2f, B³ F1 %.3f (built in: %.2f)\n",
           best_threshold, best, PX_EVENTS_DEFAULT_THRESHOLD);
  f1 = cluster_split (docs, TRUE, PX_EVENTS_DEFAULT_THRESHOLD, &n_events, &precision, &recall);
  g_print ("ECB+ topics 36–45 vs sub-topics (threshold %.2f): B³ F1 %.3f (P %.3f, R %.3f), "
           "%u events for 20 sub-topics\n", PX_EVENTS_DEFAULT_THRESHOLD, f1, precision, recall, n_events);
  figure ("ecb_test_bcubed_f1", f1);
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The best of five runs, in milliseconds of this thread's processor time
 * (a loaded machine stretches the wall clock, not the work), and the
 * wall-clock time of that run in @wall_ms. */
static double
time_comparison (PxArticle **articles,
                 guint       n,
                 PxStore    *store,
                 guint      *n_claims,
                 double     *wall_ms)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();
      g_autoptr (PxComparison) comparison = px_comparison_new (articles, n, store);
      double cpu = thread_cpu_ms () - cpu_start;

      if (cpu < best)
        {
          best = cpu;
          *wall_ms = (g_get_monotonic_time () - start) / 1000.0;
        }
      *n_claims = px_comparison_get_n_claims (comparison);
    }
  return best;
}

static void
bench_speed (GPtrArray *docs)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) long_articles = g_ptr_array_new ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (PxStore) library = NULL;
  static const guint sizes[] = { 10, 30, 100, 300 };
  guint n_claims, total_words = 0;
  double ms, wall;

  /* The library: every ECB+ article, so rarity is the library's. */
  for (guint i = 0; i < docs->len; i++)
    g_ptr_array_add (texts, ((EcbDocument *) docs->pdata[i])->text);
  library = library_of (texts, &ids);
  for (guint i = 0; i < docs->len; i++)
    {
      EcbDocument *doc = docs->pdata[i];
      PxArticle *article = make_article (g_array_index (ids, gint64, i), doc->doc_id, doc->title, doc->text);

      g_ptr_array_add (articles, article);
    }
  /* Five reports of about 800 words (700–1100) of one sub-topic: the
   * first sub-topic that has five. */
  for (guint i = 0; i < docs->len && long_articles->len < 5; i++)
    {
      EcbDocument *doc = docs->pdata[i];

      g_ptr_array_set_size (long_articles, 0);
      for (guint j = i; j < docs->len && long_articles->len < 5; j++)
        {
          EcbDocument *other = docs->pdata[j];

          if (strcmp (other->subtopic, doc->subtopic) == 0 && other->words >= 700 && other->words <= 1100)
            g_ptr_array_add (long_articles, GUINT_TO_POINTER (j));
        }
    }
  {
    g_autofree PxArticle **five = g_new (PxArticle *, 5);

    g_assert_cmpuint (long_articles->len, ==, 5);
    for (guint i = 0; i < 5; i++)
      {
        guint index = GPOINTER_TO_UINT (long_articles->pdata[i]);

        five[i] = articles->pdata[index];
        total_words += ((EcbDocument *) docs->pdata[index])->words;
      }
    ms = time_comparison (five, 5, library, &n_claims, &wall);
    g_print ("Speed: 5 articles of %u words on average (%s): %.1f ms processor time (%.1f ms wall), "
             "%u claims\n", total_words / 5,
             ((EcbDocument *) docs->pdata[GPOINTER_TO_UINT (long_articles->pdata[0])])->subtopic,
             ms, wall, n_claims);
    figure ("compare_5x800_ms", ms);
  }
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n_sentences = 0;

      for (guint i = 0; i < sizes[s]; i++)
        {
          g_autoptr (GArray) sentences = px_segment_sentences (((EcbDocument *) docs->pdata[i])->text, "en");

          n_sentences += sentences->len;
        }
      ms = time_comparison ((PxArticle **) articles->pdata, sizes[s], library, &n_claims, &wall);
      g_print ("Speed: %u articles (%u sentences): %.1f ms processor time (%.1f ms wall), %u claims, "
               "%.3f ms per sentence\n", sizes[s], n_sentences, ms, wall, n_claims, ms / n_sentences);
      {
        g_autofree char *name = g_strdup_printf ("compare_%u_ms", sizes[s]);

        figure (name, ms);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *only = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("— alignment, events and speed");
  g_autoptr (GPtrArray) ecb = NULL;
  const GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "one part: msrp, sts, ecb or speed", "PART" },
    { "features", 0, 0, G_OPTION_ARG_FILENAME, &features_path,
      "write the MSRP training pairs' paraphrase features to FILE", "FILE" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL))
    return 2;
  bench_json = g_string_new (NULL);

  if (only == NULL || strcmp (only, "msrp") == 0)
    bench_msrp ();
  if (only == NULL || strcmp (only, "sts") == 0)
    bench_sts ();
  if (only == NULL || strcmp (only, "ecb") == 0 || strcmp (only, "speed") == 0)
    {
      ecb = read_ecb ();
      if (ecb == NULL)
        g_print ("ECB+: not found; events and speed skipped\n");
    }
  if (ecb != NULL && (only == NULL || strcmp (only, "ecb") == 0))
    bench_ecb (ecb);
  if (ecb != NULL && (only == NULL || strcmp (only, "speed") == 0))
    bench_speed (ecb);

  g_print ("BENCH_JSON {\"name\": \"alignment\", \"figures\": {%s}}\n", bench_json->str);
  g_string_free (bench_json, TRUE);
  return 0;
}
