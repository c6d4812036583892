/* bench-html-extraction.c: main-text extraction quality and speed on real pages
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs px_html_extract () on the 181 pages of the article extraction
 * benchmark (Scrapinghub/Zyte) and scores main text (text minus removed
 * spans) against the gold articleBody with the benchmark's own metric:
 * multisets of 4-token shingles over \w+ tokens, per-page tp/fp/fn
 * normalised by their sum, precision and recall averaged over pages, F1 the
 * harmonic mean of the two averages. Pages are split by sorted id: the
 * first 90 were used to tune the extractor, the other 91 are held out.
 * The extractor keeps a page's headline in the article while the gold
 * bodies never have it, so the figure without it is printed too. Time is
 * the CPU time of px_html_extract () alone (decompression excluded).
 *
 * Usage: bench-html-extraction [--output FILE.json] [--baselines]
 *                              [--score NAME=FILE.json]...
 * --score rates another extractor's output on the same pages (see
 * bench/readability/run.sh).
 */
#include <locale.h>
#include <string.h>
#include <time.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "corpus-lines.h"
#include "px-html-extractor.h"
#include "px-span.h"

#define SHINGLE 4

typedef struct
{
  double precision_sum, recall_sum;
  guint precision_n, recall_n, exact, pages;
} Score;

/* CPU time, not wall time: the figure stays put on a busy machine. */
static gint64
cpu_time_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static char *
corpus_dir (void)
{
  const char *env = g_getenv ("PX_SHARED_CORPORA");
  g_autofree char *root = NULL;

  if (env != NULL && *env != '\0')
    return g_build_filename (env, "article-extraction-benchmark", NULL);
  root = g_path_get_dirname (SOURCE_DATADIR);
  return g_build_filename (root, "..", "shared", "corpora", "article-extraction-benchmark", NULL);
}

static GBytes *
read_gzip (const char  *path,
           GError     **error)
{
  g_autoptr(GInputStream) in = corpus_gunzip_open (path, error);
  g_autoptr(GOutputStream) out = NULL;

  if (in == NULL)
    return NULL;
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* \w+ tokens (Unicode letters, digits, underscore), as Python's re does. */
static GPtrArray *
tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = text, *start = NULL;

  for (;;)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean word = c != 0 && (g_unichar_isalnum (c) || c == '_');

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }
  return tokens;
}

static GHashTable *
shingles (const char *text)
{
  g_autoptr(GPtrArray) tokens = tokenize (text);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = tokens->len < SHINGLE ? MIN (tokens->len, 1) : tokens->len - SHINGLE + 1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) key = g_string_new (NULL);
      guint width = MIN (SHINGLE, tokens->len);

      for (guint j = 0; j < width; j++)
        {
          g_string_append (key, g_ptr_array_index (tokens, i + j));
          g_string_append_c (key, '\x1f');
        }
      char *k = g_string_free (g_steal_pointer (&key), FALSE);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, k));
      g_hash_table_replace (counts, k, GUINT_TO_POINTER (count + 1));
    }
  return counts;
}

static gboolean
same_tokens (const char *a,
             const char *b)
{
  g_autoptr(GPtrArray) x = tokenize (a);
  g_autoptr(GPtrArray) y = tokenize (b);

  if (x->len != y->len)
    return FALSE;
  for (guint i = 0; i < x->len; i++)
    if (strcmp (g_ptr_array_index (x, i), g_ptr_array_index (y, i)) != 0)
      return FALSE;
  return TRUE;
}

static void
score_page (Score      *score,
            const char *gold,
            const char *predicted)
{
  g_autoptr(GHashTable) g = shingles (gold);
  g_autoptr(GHashTable) p = shingles (predicted);
  GHashTableIter iter;
  gpointer key, value;
  double tp = 0, fp = 0, fn = 0;

  g_hash_table_iter_init (&iter, p);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint pc = GPOINTER_TO_UINT (value);
      guint gc = GPOINTER_TO_UINT (g_hash_table_lookup (g, key));

      tp += MIN (pc, gc);
      fp += pc > gc ? pc - gc : 0;
    }
  g_hash_table_iter_init (&iter, g);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint gc = GPOINTER_TO_UINT (value);
      guint pc = GPOINTER_TO_UINT (g_hash_table_lookup (p, key));

      fn += gc > pc ? gc - pc : 0;
    }
  score->pages++;
  if (fp == 0 && fn == 0)
    {
      score->precision_sum += 1;
      score->recall_sum += 1;
      score->precision_n++;
      score->recall_n++;
    }
  else
    {
      if (tp + fp > 0)
        {
          score->precision_sum += tp / (tp + fp);
          score->precision_n++;
        }
      if (tp + fn > 0)
        {
          score->recall_sum += tp / (tp + fn);
          score->recall_n++;
        }
    }
  if (same_tokens (gold, predicted))
    score->exact++;
}

static double
precision (const Score *s)
{
  return s->precision_n > 0 ? s->precision_sum / s->precision_n : 0;
}

static double
recall (const Score *s)
{
  return s->recall_n > 0 ? s->recall_sum / s->recall_n : 0;
}

static double
f1 (const Score *s)
{
  double p = precision (s), r = recall (s);

  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void
print_score (const char  *label,
             const Score *s)
{
  g_print ("%-38s F1 %.3f  P %.3f  R %.3f  exact %u/%u\n",
           label, f1 (s), precision (s), recall (s), s->exact, s->pages);
}

/* The main text: the blocks of text not covered by a removed span. */
static char *
main_text (const PxHtmlDocument *document)
{
  g_autoptr(GArray) spans = g_array_copy (document->removed);
  GString *out = g_string_new (NULL);
  guint at = 0;
  gsize length = strlen (document->text);

  px_span_array_normalize (spans);
  for (guint i = 0; i <= spans->len; i++)
    {
      guint end = i < spans->len ? g_array_index (spans, PxSpan, i).start : length;

      if (end > at)
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append_len (out, document->text + at, end - at);
        }
      if (i < spans->len)
        at = MAX (at, g_array_index (spans, PxSpan, i).end);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* The main text without its first block when that is the headline: the
 * extractor keeps the headline, the gold bodies never have it. */
static const char *
skip_headline (const char *text,
               const char *title)
{
  gsize length = title != NULL ? strlen (title) : 0;

  if (length > 0 && strncmp (text, title, length) == 0
      && (text[length] == '\0' || strncmp (text + length, "\n\n", 2) == 0))
    return text[length] == '\0' ? text + length : text + length + 2;
  return text;
}

/* One figure in the suite runner's format (bench/run.py). */
static void
add_figure (JsonBuilder *builder,
            const char  *what,
            double       value,
            const char  *unit,
            const char  *peer,
            double       peer_value,
            const char  *goal)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "what");
  json_builder_add_string_value (builder, what);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, value);
  if (unit != NULL)
    {
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, unit);
    }
  if (peer != NULL)
    {
      json_builder_set_member_name (builder, "peer");
      json_builder_add_string_value (builder, peer);
      json_builder_set_member_name (builder, "peer_value");
      json_builder_add_double_value (builder, peer_value);
    }
  if (goal != NULL)
    {
      json_builder_set_member_name (builder, "goal");
      json_builder_add_string_value (builder, goal);
    }
  json_builder_end_object (builder);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Scores another extractor's output, in the benchmark's format
 * {"output": {id: {"articleBody": ...}}}, on the same pages and halves. */
static gboolean
score_output (const char  *label,
              const char  *path,
              JsonObject  *truth,
              GPtrArray   *ids,
              gboolean     print,
              Score       *all)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *output;
  Score tune = { 0 }, held = { 0 };
  g_autofree char *tune_label = g_strdup_printf ("%s, tuning half", label);
  g_autofree char *held_label = g_strdup_printf ("%s, held-out half", label);

  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_print ("%s: %s\n", label, error->message);
      return FALSE;
    }
  output = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "output");
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      JsonObject *gold = json_object_get_object_member (truth, id);
      JsonObject *predicted = output != NULL && json_object_has_member (output, id)
                              ? json_object_get_object_member (output, id) : NULL;
      const char *text = predicted != NULL && json_object_has_member (predicted, "articleBody")
                         ? json_object_get_string_member (predicted, "articleBody") : NULL;
      const char *body = json_object_get_string_member (gold, "articleBody");

      score_page (all, body, text != NULL ? text : "");
      score_page (i < ids->len / 2 ? &tune : &held, body, text != NULL ? text : "");
    }
  if (print)
    {
      print_score (label, all);
      print_score (tune_label, &tune);
      print_score (held_label, &held);
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = corpus_dir ();
  g_autofree char *truth_path = g_build_filename (dir, "ground-truth.json", NULL);
  g_autofree char *output_path = NULL;
  g_auto(GStrv) scores = NULL;
  gboolean baselines = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      "Write the main texts as {\"output\": {id: {\"articleBody\": ...}}}", "FILE" },
    { "baselines", 'b', 0, G_OPTION_ARG_NONE, &baselines,
      "Also score the bundled baseline outputs (checks the metric)", NULL },
    { "score", 's', 0, G_OPTION_ARG_FILENAME_ARRAY, &scores,
      "Also score another extractor's output", "NAME=FILE.json" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- HTML main-text benchmark");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *truth;
  Score all = { 0 }, tune = { 0 }, held = { 0 };
  Score headless = { 0 }, headless_tune = { 0 }, headless_held = { 0 }, peer = { 0 };
  gboolean have_peer;
  gint64 total_us = 0;
  guint failed = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!g_file_test (truth_path, G_FILE_TEST_EXISTS))
    {
      g_print ("article-extraction-benchmark not found at %s: skipped\n", dir);
      return 0;
    }
  if (!json_parser_load_from_file (parser, truth_path, &error))
    {
      g_printerr ("%s: %s\n", truth_path, error->message);
      return 1;
    }
  truth = json_node_get_object (json_parser_get_root (parser));
  {
    g_autoptr(GList) members = json_object_get_members (truth);

    for (GList *l = members; l != NULL; l = l->next)
      g_ptr_array_add (ids, l->data);
  }
  g_ptr_array_sort (ids, compare_strings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "output");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *name = g_strdup_printf ("%s.html.gz", id);
      g_autofree char *path = g_build_filename (dir, "html", name, NULL);
      g_autoptr(GBytes) bytes = read_gzip (path, &error);
      g_autoptr(PxHtmlDocument) document = NULL;
      g_autofree char *predicted = NULL;
      const char *gold;
      gint64 start;

      if (bytes == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
      start = cpu_time_us ();
      document = px_html_extract (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  &error);
      total_us += cpu_time_us () - start;
      if (document == NULL)
        {
          g_printerr ("%s: %s\n", id, error->message);
          g_clear_error (&error);
          failed++;
        }
      predicted = document != NULL ? main_text (document) : g_strdup ("");
      gold = json_object_get_string_member (json_object_get_object_member (truth, id),
                                            "articleBody");
      score_page (&all, gold, predicted);
      score_page (i < ids->len / 2 ? &tune : &held, gold, predicted);
      {
        const char *body = skip_headline (predicted, document != NULL ? document->title : NULL);

        score_page (&headless, gold, body);
        score_page (i < ids->len / 2 ? &headless_tune : &headless_held, gold, body);
      }

      json_builder_set_member_name (builder, id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "articleBody");
      json_builder_add_string_value (builder, predicted);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  g_print ("Parallax HTML extractor on %u pages of %s (%u failed)\n", ids->len, dir, failed);
  print_score ("all pages", &all);
  print_score ("tuning half (first by id)", &tune);
  print_score ("held-out half", &held);
  print_score ("all pages, kept headline not counted", &headless);
  print_score ("  tuning half, headline not counted", &headless_tune);
  print_score ("  held-out half, headline not counted", &headless_held);
  g_print ("Parallax: mean CPU time per page: %.2f ms\n", total_us / 1000.0 / ids->len);
  if (baselines)
    {
      const char *names[] = { "trafilatura", "readability", "justext", "html-text" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *file = g_strdup_printf ("%s.json", names[i]);
          g_autofree char *path = g_build_filename (dir, "baseline-outputs", file, NULL);
          g_autofree char *label = g_strdup_printf ("published %s", names[i]);

          Score score = { 0 };

          score_output (label, path, truth, ids, TRUE, &score);
        }
    }
  for (guint i = 0; scores != NULL && scores[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (scores[i], "=", 2);

      if (parts[1] == NULL)
        {
          g_printerr ("--score wants NAME=FILE.json, not %s\n", scores[i]);
          return 2;
        }
      {
        Score score = { 0 };

        score_output (parts[0], parts[1], truth, ids, TRUE, &score);
      }
    }
  if (output_path != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      json_generator_set_root (generator, root);
      if (!json_generator_to_file (generator, output_path, &error))
        {
          g_printerr ("%s: %s\n", output_path, error->message);
          return 1;
        }
    }
  {
    g_autofree char *path = g_build_filename (dir, "baseline-outputs", "trafilatura.json", NULL);

    have_peer = score_output ("published trafilatura", path, truth, ids, FALSE, &peer);
  }
  {
    g_autoptr(JsonBuilder) figures = json_builder_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = NULL;
    g_autofree char *json = NULL;
    const char *peer_name = "trafilatura 2.0.0 (published output)";

    json_builder_begin_object (figures);
    json_builder_set_member_name (figures, "name");
    json_builder_add_string_value (figures, "html-extraction");
    json_builder_set_member_name (figures, "figures");
    json_builder_begin_array (figures);
    add_figure (figures, "F1, 181 pages", f1 (&all), NULL,
                have_peer ? peer_name : NULL, f1 (&peer), ">= 0.96");
    add_figure (figures, "precision, 181 pages", precision (&all), NULL,
                have_peer ? peer_name : NULL, precision (&peer), NULL);
    add_figure (figures, "recall, 181 pages", recall (&all), NULL,
                have_peer ? peer_name : NULL, recall (&peer), NULL);
    add_figure (figures, "F1, tuning half (90 pages)", f1 (&tune), NULL, NULL, 0, NULL);
    add_figure (figures, "F1, held-out half (91 pages)", f1 (&held), NULL, NULL, 0, NULL);
    add_figure (figures, "F1, kept headline not counted", f1 (&headless), NULL, NULL, 0, NULL);
    add_figure (figures, "CPU time per page", total_us / 1000.0 / ids->len, "ms", NULL, 0,
                "20x faster than Readability.js (bench/readability/run.sh)");
    json_builder_end_array (figures);
    json_builder_end_object (figures);
    root = json_builder_get_root (figures);
    json_generator_set_root (generator, root);
    json = json_generator_to_data (generator, NULL);
    g_print ("BENCH_JSON %s\n", json);
  }
  return 0;
}
