/* test-aligner.c: claims over real ECB+ articles: partition, symmetry, statuses, wire copy
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "align-fixture.h"
#include "corpus-lines.h"
#include "px-aligner.h"
#include "px-comparison.h"
#include "px-comparison-format.h"
#include "px-paraphrase.h"
#include "px-span.h"
#include "px-synonyms.h"
#include "px-tokenizer.h"

/* A comparison as text: one line per claim, "status: id/sentence …" with
 * article ids, so results from different input orders compare equal. */
static char *
describe (PxComparison *comparison)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (comparison, c);

      g_string_append_printf (out, "%s%s:", px_claim_status_to_string (claim->status),
                              claim->wire ? "+wire" : "");
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);

          g_string_append_printf (out, " %" G_GINT64_FORMAT "/%u",
                                  px_comparison_get_article (comparison, member->article)->id,
                                  member->sentence);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_aligner_partition_and_status (void)
{
  g_autoptr (GPtrArray) articles = align_fixture_load ("ecbplus-37.jsonl");
  g_autoptr (PxComparison) comparison = px_comparison_new ((PxArticle **) articles->pdata,
                                                           articles->len, NULL);
  guint n_articles = px_comparison_get_n_articles (comparison);
  g_autofree guint **seen = g_new0 (guint *, n_articles);
  guint shared = 0, partial = 0;

  g_assert_cmpuint (n_articles, ==, articles->len);
  for (guint a = 0; a < n_articles; a++)
    seen[a] = g_new0 (guint, px_comparison_get_article (comparison, a)->sentences->len);

  for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (comparison, c);
      g_autoptr (GHashTable) distinct = g_hash_table_new (NULL, NULL);

      g_assert_cmpuint (claim->id, ==, c + 1);
      g_assert_cmpuint (claim->members->len, >, 0);
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);

          seen[member->article][member->sentence]++;
          g_hash_table_add (distinct, GUINT_TO_POINTER (member->article + 1));
          g_assert_cmpuint (px_comparison_find_claim (comparison, member->article, member->sentence), ==, c);
        }
      if (g_hash_table_size (distinct) == 1)
        g_assert_cmpint (claim->status, ==, PX_CLAIM_UNIQUE);
      else if (g_hash_table_size (distinct) == n_articles)
        g_assert_cmpint (claim->status, ==, PX_CLAIM_SHARED);
      else
        g_assert_cmpint (claim->status, ==, PX_CLAIM_PARTIAL);
      shared += claim->status == PX_CLAIM_SHARED;
      partial += claim->status == PX_CLAIM_PARTIAL;
    }
  /* Every sentence of every article in exactly one claim. */
  for (guint a = 0; a < n_articles; a++)
    {
      for (guint s = 0; s < px_comparison_get_article (comparison, a)->sentences->len; s++)
        g_assert_cmpuint (seen[a][s], ==, 1);
      g_free (seen[a]);
    }
  /* Six reports of two earthquakes: no sentence is in all six, several
   * are in more than one. */
  g_assert_cmpuint (shared, ==, 0);
  g_assert_cmpuint (partial, >=, 3);
}

static void
test_aligner_symmetric (void)
{
  g_autoptr (GPtrArray) articles = align_fixture_load ("ecbplus-37.jsonl");
  g_autoptr (PxComparison) forward = px_comparison_new ((PxArticle **) articles->pdata,
                                                        articles->len, NULL);
  g_autofree char *expected = describe (forward);
  static const guint orders[][6] = { { 5, 4, 3, 2, 1, 0 }, { 3, 0, 5, 1, 4, 2 }, { 1, 3, 5, 0, 2, 4 } };

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      g_autofree PxArticle **permuted = g_new (PxArticle *, articles->len);
      g_autoptr (PxComparison) comparison = NULL;
      g_autofree char *got = NULL;

      for (guint i = 0; i < articles->len; i++)
        permuted[i] = articles->pdata[orders[o][i]];
      comparison = px_comparison_new (permuted, articles->len, NULL);
      got = describe (comparison);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* The three Aceh reports: the agency paragraph on depth and distance is
 * one claim of all three; 37_5ecbplus and 37_11ecbplus end with the same
 * two sentences of wire copy. */
static void
test_aligner_aceh_reports (void)
{
  g_autoptr (GPtrArray) all = align_fixture_load ("ecbplus-37.jsonl");
  PxArticle *aceh[] = { all->pdata[3], all->pdata[4], all->pdata[5] };
  g_autoptr (PxComparison) comparison = px_comparison_new (aceh, 3, NULL);
  GArray *runs = px_comparison_get_wire_runs (comparison);
  gboolean found_depth = FALSE;

  for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (comparison, c);

      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
          const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
          const PxRange *range = &g_array_index (article->sentences, PxRange, member->sentence);
          g_autofree char *text = g_strndup (article->text + range->start, range->end - range->start);

          if (strstr (text, "55 kilometres south of Bireun") != NULL ||
              strstr (text, "55km south of Bireun") != NULL)
            {
              g_assert_cmpint (claim->status, ==, PX_CLAIM_SHARED);
              found_depth = TRUE;
            }
        }
    }
  g_assert_true (found_depth);

  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpuint (g_array_index (runs, PxWireRun, 0).article_a, ==, 0);
  g_assert_cmpuint (g_array_index (runs, PxWireRun, 0).article_b, ==, 2);
  g_assert_cmpuint (g_array_index (runs, PxWireRun, 0).length, ==, 2);
}

/* No chaining: every two members of a claim from different articles are
 * close themselves, not only through a third. */
static void
test_aligner_complete_link (void)
{
  g_autoptr (GPtrArray) articles = align_fixture_load ("ecbplus-37.jsonl");
  g_autoptr (PxAligner) aligner = px_aligner_new ();
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint checked = 0;

  for (guint i = 0; i < articles->len; i++)
    {
      const char *text = px_article_get_clean_text (articles->pdata[i]);
      GArray *ranges = px_segment_sentences (text, "en");

      g_ptr_array_add (sentences, ranges);
      px_aligner_add_article (aligner, text, ranges, "en");
    }
  claims = px_aligner_align (aligner);
  for (guint c = 0; c < claims->len; c++)
    {
      GArray *claim = claims->pdata[c];

      for (guint i = 0; i < claim->len; i++)
        for (guint j = i + 1; j < claim->len; j++)
          {
            const PxAlignRef *a = &g_array_index (claim, PxAlignRef, i);
            const PxAlignRef *b = &g_array_index (claim, PxAlignRef, j);

            g_assert_cmpfloat (px_aligner_score (aligner, a, b), ==, px_aligner_score (aligner, b, a));
            g_assert_cmpfloat (px_aligner_claim_score (aligner, a, b), ==,
                               px_aligner_claim_score (aligner, b, a));
            g_assert_cmpfloat (px_aligner_claim_score (aligner, a, b), >=,
                               PX_ALIGNER_DEFAULT_THRESHOLD * PX_ALIGNER_LINK_RATIO);
            checked++;
          }
    }
  g_assert_cmpuint (checked, >, 0);
}

static const GArray *
groups_of (PxTokenizer *tokenizer,
           const char  *word)
{
  g_autofree char *stem = px_tokenizer_stem (tokenizer, word);

  return px_synonyms_get_groups (px_synonyms_get_shared ("en"), stem);
}

/* WordNet's related words (data/wordnet/), by stem: synonyms, irregular
 * forms, derived words; English only. */
static void
test_aligner_related_words (void)
{
  g_autoptr (PxTokenizer) tokenizer = px_tokenizer_new ("en");

  g_assert_nonnull (px_synonyms_get_shared ("en"));
  g_assert_null (px_synonyms_get_shared ("de"));
  g_assert_true (px_synonyms_share_group (groups_of (tokenizer, "purchase"), groups_of (tokenizer, "buy")));
  g_assert_true (px_synonyms_share_group (groups_of (tokenizer, "bought"), groups_of (tokenizer, "buy")));
  g_assert_true (px_synonyms_share_group (groups_of (tokenizer, "injured"), groups_of (tokenizer, "injury")));
  g_assert_false (px_synonyms_share_group (groups_of (tokenizer, "buy"), groups_of (tokenizer, "sell")));
  g_assert_false (px_synonyms_share_group (groups_of (tokenizer, "buy"), NULL));
}

static gboolean
three_is_seven (guint    a,
                guint    b,
                gpointer user_data)
{
  return (a == 3 && b == 7) || (a == 7 && b == 3);
}

/* The paraphrase features on term ids (weights 1): a changed number, a
 * synonym, and what the fitted model makes of them. */
static void
test_aligner_paraphrase_features (void)
{
  static const guint a[] = { 1, 2, 3, 4, 5 }, numbers[] = { 1, 2, 6, 4, 5 }, synonym[] = { 1, 2, 7, 4, 5 };
  static const guint8 plain[] = { 0, 0, 0, 0, 0 };
  static const guint8 number_flags[] = { 0, 0, PX_PARAPHRASE_NUMBER, 0, 0 };
  static const double weights[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
  const PxParaphraseText x_text = { a, number_flags, 5 }, y_text = { numbers, number_flags, 5 };
  const PxParaphraseText s_text = { a, plain, 5 }, t_text = { synonym, plain, 5 };
  g_autoptr (PxParaphraseSentence) x = px_paraphrase_sentence_new (&x_text);
  g_autoptr (PxParaphraseSentence) y = px_paraphrase_sentence_new (&y_text);
  g_autoptr (PxParaphraseSentence) s = px_paraphrase_sentence_new (&s_text);
  g_autoptr (PxParaphraseSentence) t = px_paraphrase_sentence_new (&t_text);
  double same[PX_PARAPHRASE_N_FEATURES], changed[PX_PARAPHRASE_N_FEATURES], related[PX_PARAPHRASE_N_FEATURES];

  px_paraphrase_features (x, x, weights, NULL, NULL, 0, same);
  g_assert_cmpfloat (same[PX_PARAPHRASE_SIMILARITY], ==, 1);
  g_assert_cmpfloat (same[PX_PARAPHRASE_ORDER], ==, 1);
  g_assert_cmpfloat (same[PX_PARAPHRASE_NUMBER_MISMATCH], ==, 0);

  px_paraphrase_features (x, y, weights, NULL, NULL, 0, changed);
  g_assert_cmpfloat_with_epsilon (changed[PX_PARAPHRASE_SIMILARITY], 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed[PX_PARAPHRASE_ORDER], 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed[PX_PARAPHRASE_BIGRAMS], 0.5, 1e-9);
  g_assert_cmpfloat (changed[PX_PARAPHRASE_TRIGRAMS], ==, 0);
  g_assert_cmpfloat (changed[PX_PARAPHRASE_NUMBER_MISMATCH], ==, 1);
  g_assert_cmpfloat (changed[PX_PARAPHRASE_UNMATCHED], ==, 1);
  /* The machine-translation metrics: 4 of 5 words, 2 of 4 bigrams, no
   * trigram shared; one substitution; two fragments of matches. */
  g_assert_cmpfloat_with_epsilon (changed[PX_PARAPHRASE_BLEU1_A], 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed[PX_PARAPHRASE_BLEU2_B], 0.5, 1e-9);
  g_assert_cmpfloat (changed[PX_PARAPHRASE_BLEU3_A], ==, 0);
  g_assert_cmpfloat_with_epsilon (changed[PX_PARAPHRASE_EDIT_RATE], 0.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed[PX_PARAPHRASE_METEOR_MIN], 0.8 * (1 - 0.5 * 0.125), 1e-9);
  g_assert_cmpfloat_with_epsilon (same[PX_PARAPHRASE_METEOR_MAX], 1 - 0.5 / 125, 1e-9);
  g_assert_cmpfloat (same[PX_PARAPHRASE_EDIT_RATE], ==, 0);
  /* Under a minimum similarity, only the similarity. */
  {
    double below[PX_PARAPHRASE_N_FEATURES];

    g_assert_false (px_paraphrase_features (x, y, weights, NULL, NULL, 0.9, below));
    g_assert_cmpfloat_with_epsilon (below[PX_PARAPHRASE_SIMILARITY], 0.8, 1e-9);
    g_assert_cmpfloat (below[PX_PARAPHRASE_ORDER], ==, 0);
    g_assert_true (px_paraphrase_features (x, y, weights, NULL, NULL, 0.8, below));
    g_assert_cmpfloat_with_epsilon (below[PX_PARAPHRASE_ORDER], 0.8, 1e-9);
  }

  /* Without the relation 3 ~ 7 the pair is the changed one (minus the
   * number); with it, the same sentence. */
  px_paraphrase_features (s, t, weights, three_is_seven, NULL, 0, related);
  g_assert_cmpfloat (related[PX_PARAPHRASE_SIMILARITY], ==, 1);
  g_assert_cmpfloat (related[PX_PARAPHRASE_TRIGRAMS], ==, 1);
  g_assert_cmpfloat (related[PX_PARAPHRASE_UNMATCHED], ==, 0);
  /* METEOR counts the synonym, BLEU and the edit rate only equal terms. */
  g_assert_cmpfloat_with_epsilon (related[PX_PARAPHRASE_METEOR_MIN], 1 - 0.5 / 125, 1e-9);
  g_assert_cmpfloat_with_epsilon (related[PX_PARAPHRASE_BLEU1_B], 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (related[PX_PARAPHRASE_EDIT_RATE], 0.2, 1e-9);

  /* A changed number alone keeps the pair one claim (where the number
   * conflict shows), but counts against it. */
  g_assert_cmpfloat (px_paraphrase_probability (same), >, 0.9);
  g_assert_cmpfloat (px_paraphrase_probability (changed), >=, PX_ALIGNER_DEFAULT_THRESHOLD);
  {
    double p = px_paraphrase_probability (changed);

    changed[PX_PARAPHRASE_NUMBER_MISMATCH] = 0;
    g_assert_cmpfloat (p, <, px_paraphrase_probability (changed));
  }
}

/* Word order of sentences longer than one 64-bit word of positions: one
 * word moved from the end to the front leaves a common subsequence of
 * all the others. */
static void
test_aligner_paraphrase_long (void)
{
  guint terms[100], moved[100];
  guint8 flags[100] = { 0 };
  const double weights[101] = { 0 };
  const PxParaphraseText a_text = { terms, flags, 100 }, b_text = { moved, flags, 100 };
  g_autoptr (PxParaphraseSentence) a = NULL;
  g_autoptr (PxParaphraseSentence) b = NULL;
  double features[PX_PARAPHRASE_N_FEATURES];

  for (guint i = 0; i < 100; i++)
    {
      terms[i] = i;
      moved[i] = (i + 99) % 100;
    }
  a = px_paraphrase_sentence_new (&a_text);
  b = px_paraphrase_sentence_new (&b_text);
  px_paraphrase_features (a, b, weights, NULL, NULL, 0, features);
  g_assert_cmpfloat_with_epsilon (features[PX_PARAPHRASE_ORDER], 0.99, 1e-9);
  g_assert_cmpfloat_with_epsilon (features[PX_PARAPHRASE_CONTENT_ORDER], 0.99, 1e-9);
  g_assert_cmpfloat_with_epsilon (features[PX_PARAPHRASE_EDIT_RATE], 0.02, 1e-9);
  g_assert_cmpfloat_with_epsilon (features[PX_PARAPHRASE_BLEU2_A], 98.0 / 99, 1e-9);
}

/* Every article string is escaped in HTML; JSON offsets count code points. */
static void
test_aligner_formats (void)
{
  g_autoptr (GPtrArray) all = align_fixture_load ("ecbplus-37.jsonl");
  PxArticle *aceh[] = { all->pdata[3], all->pdata[5] };
  g_autoptr (PxComparison) comparison = NULL;
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *json = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *claims;
  guint checked = 0;

  px_article_set_outlet (aceh[0], "<script>alert('AFP & co')</script>");
  comparison = px_comparison_new (aceh, 2, NULL);
  html = px_comparison_to_html (comparison);
  g_assert_null (strstr (html, "<script>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&apos;AFP &amp; co&apos;)&lt;/script&gt;"));
  markdown = px_comparison_to_markdown (comparison);
  g_assert_nonnull (strstr (markdown, "## Claim 1: "));

  json = px_comparison_to_json (comparison);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  claims = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "claims");
  for (guint c = 0; c < json_array_get_length (claims); c++)
    {
      JsonArray *members = json_object_get_array_member (json_array_get_object_element (claims, c),
                                                         "members");

      for (guint m = 0; m < json_array_get_length (members); m++)
        {
          JsonObject *member = json_array_get_object_element (members, m);
          const char *text = json_object_get_string_member (member, "text");
          JsonArray *changed = json_object_get_array_member (member, "changed");

          for (guint k = 0; k < json_array_get_length (changed); k++)
            {
              JsonArray *span = json_array_get_array_element (changed, k);
              gint64 start = json_array_get_int_element (span, 0);
              gint64 end = json_array_get_int_element (span, 1);
              g_autofree char *piece = NULL;

              g_assert_cmpint (0, <=, start);
              g_assert_cmpint (start, <, end);
              g_assert_cmpint (end, <=, g_utf8_strlen (text, -1));
              /* A span starts and ends on a word. */
              piece = g_utf8_substring (text, start, end);
              g_assert_true (g_unichar_isalnum (g_utf8_get_char (piece)));
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

/* Repeated JSON comes from the library's cache, until a text changes. */
static void
test_aligner_cached_json (void)
{
  g_autoptr (GPtrArray) articles = align_fixture_load ("ecbplus-37.jsonl");
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (":memory:", &error);
  g_autoptr (PxComparison) comparison = NULL;
  g_autoptr (GArray) removed = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  g_autofree char *first = NULL, *again = NULL, *fresh = NULL, *changed = NULL;
  gint64 ids[3];

  g_assert_no_error (error);
  for (guint i = 3; i < 6; i++)
    {
      g_assert_true (px_store_insert_article (store, articles->pdata[i], &error));
      ids[i - 3] = px_article_get_id (articles->pdata[i]);
    }
  first = px_comparison_json_for_ids (store, ids, 3, &error);
  g_assert_no_error (error);
  again = px_comparison_json_for_ids (store, (gint64[]) { ids[2], ids[0], ids[1], ids[0] }, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, first);
  comparison = px_comparison_new_for_ids (store, ids, 3, &error);
  g_assert_no_error (error);
  fresh = px_comparison_to_json (comparison);
  g_assert_cmpstr (fresh, ==, first);

  g_assert_true (px_store_update_cleaning (store, ids[0], "Dozens injured as quake hits Aceh.",
                                           removed, 1, &error));
  g_assert_no_error (error);
  changed = px_comparison_json_for_ids (store, ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (changed, !=, first);
  g_assert_nonnull (strstr (changed, "Dozens injured as quake hits Aceh."));
}

/* Articles of the ECB+ corpus (../shared), read in order until they hold
 * @min_distinct distinct sentences: each article's sentences joined by a
 * space, with their ranges. NULL when the corpus is missing. */
static GPtrArray *
read_ecbplus_articles (guint       min_distinct,
                       GPtrArray **ranges)
{
  g_autoptr (GDataInputStream) lines = ecbplus_lines_open ();
  g_autoptr (GHashTable) distinct = NULL;
  GPtrArray *texts;
  char *line;

  if (lines == NULL)
    return NULL;
  distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  texts = g_ptr_array_new_with_free_func (g_free);
  *ranges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  while (g_hash_table_size (distinct) < min_distinct
         && (line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, NULL)) != NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      GString *text = g_string_new (NULL);
      GArray *article_ranges = g_array_new (FALSE, FALSE, sizeof (PxRange));
      JsonArray *sentences;

      json_parser_load_from_data (parser, line, -1, &error);
      g_free (line);
      g_assert_no_error (error);
      sentences = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "sentences");
      for (guint i = 0; i < json_array_get_length (sentences); i++)
        {
          const char *sentence = json_object_get_string_member (json_array_get_object_element (sentences, i), "text");
          PxRange range;

          if (text->len > 0)
            g_string_append_c (text, ' ');
          range.start = text->len;
          g_string_append (text, sentence);
          range.end = text->len;
          g_array_append_val (article_ranges, range);
          g_hash_table_add (distinct, g_strdup (sentence));
        }
      g_ptr_array_add (texts, g_string_free (text, FALSE));
      g_ptr_array_add (*ranges, article_ranges);
    }
  return texts;
}

/* A comparison of thousands of distinct sentences, more than the
 * aligner's tables hold at first: every sentence in exactly one claim.
 * Growing those tables once wrote through a pointer into their old
 * memory; under the sanitizers (`build-aux/dev test --asan`) this fails
 * if it ever does again. */
static void
test_aligner_many_sentences (void)
{
  g_autoptr (GPtrArray) ranges = NULL;
  g_autoptr (GPtrArray) texts = read_ecbplus_articles (6000, &ranges);
  g_autoptr (PxAligner) aligner = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) seen = NULL;
  guint n_sentences = 0, n_members = 0;

  if (texts == NULL)
    {
      g_test_skip ("the ECB+ corpus is missing from PX_SHARED_CORPORA");
      return;
    }
  aligner = px_aligner_new ();
  seen = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < texts->len; i++)
    {
      GArray *article_ranges = ranges->pdata[i];

      px_aligner_add_article (aligner, texts->pdata[i], article_ranges, "en");
      g_ptr_array_add (seen, g_new0 (guint8, article_ranges->len));
      n_sentences += article_ranges->len;
    }
  g_assert_cmpuint (n_sentences, >=, 6000);
  claims = px_aligner_align (aligner);
  for (guint c = 0; c < claims->len; c++)
    {
      GArray *claim = claims->pdata[c];

      g_assert_cmpuint (claim->len, >, 0);
      for (guint m = 0; m < claim->len; m++)
        {
          const PxAlignRef *ref = &g_array_index (claim, PxAlignRef, m);

          g_assert_cmpuint (((guint8 *) seen->pdata[ref->article])[ref->sentence]++, ==, 0);
          n_members++;
        }
    }
  g_assert_cmpuint (n_members, ==, n_sentences);
  /* Wire copy and shared facts: far fewer claims than sentences. */
  g_assert_cmpuint (claims->len, <, n_sentences);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/aligner/partition-and-status", test_aligner_partition_and_status);
  g_test_add_func ("/px/aligner/symmetric", test_aligner_symmetric);
  g_test_add_func ("/px/aligner/aceh-reports", test_aligner_aceh_reports);
  g_test_add_func ("/px/aligner/complete-link", test_aligner_complete_link);
  g_test_add_func ("/px/aligner/related-words", test_aligner_related_words);
  g_test_add_func ("/px/aligner/paraphrase-features", test_aligner_paraphrase_features);
  g_test_add_func ("/px/aligner/paraphrase-long", test_aligner_paraphrase_long);
  g_test_add_func ("/px/aligner/formats", test_aligner_formats);
  g_test_add_func ("/px/aligner/cached-json", test_aligner_cached_json);
  g_test_add_func ("/px/aligner/many-sentences", test_aligner_many_sentences);
  return g_test_run ();
}
