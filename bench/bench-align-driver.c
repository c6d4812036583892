/* bench-align-driver.c: px_aligner alone on given sentences, for bench-align-peer.py
 *
 * Usage: bench-align-driver SENTENCES.txt [RUNS] [--claims]
 *
 * SENTENCES.txt holds the articles of one comparison, one sentence a line,
 * articles separated by an empty line (bench/bench-align-peer.py writes the
 * sentences `parallax-cli compare` printed, the ones its scikit-learn peer
 * aligns). Each run adds the articles to a new PxAligner and groups their
 * sentences into claims with px_aligner_align (); prints the median CPU
 * time of the runs (the thread's CPU clock), without the process start or
 * reading the file, as the peer's time leaves out Python's start.
 *
 * Each run has a thread of its own, so what a thread keeps (its
 * tokenizers and the stems they know) starts empty each time, as the
 * peer's vectorizer does; what the process loads once (ICU's rules, the
 * lexicon, WordNet's relations; the peer has sklearn imported) is loaded
 * by a first, untimed run. Timed twice: from the raw sentences (word
 * boundaries and stemming included), and from their cached analysis
 * (tokenised once before the runs, then px_aligner_add_tokenised_article
 * (): terms, lexicon, scoring, grouping), which is what a comparison of
 * analysed articles pays. With --claims, it also prints the claims, one a
 * line as ARTICLE:SENTENCE members, so that two versions of the aligner
 * can be checked to group alike.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "px-aligner.h"
#include "px-segmenter.h"
#include "px-tokenizer.h"

typedef struct
{
  char *text;
  GArray *sentences;
  GPtrArray *tokens;  /* the cached analysis: a PxToken GArray per sentence */
} Article;

/* The calling thread's CPU time (getrusage () counts a thread's in
 * clock ticks). */
static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Each block of lines becomes one text, its lines joined by spaces, with
 * the byte range of each line as a sentence. */
static GPtrArray *
read_articles (const char *contents)
{
  GPtrArray *articles = g_ptr_array_new ();
  g_auto (GStrv) blocks = g_strsplit (contents, "\n\n", -1);

  for (guint b = 0; blocks[b] != NULL; b++)
    {
      g_auto (GStrv) lines = g_strsplit (blocks[b], "\n", -1);
      GString *text = g_string_new (NULL);
      Article *article = g_new0 (Article, 1);

      article->sentences = g_array_new (FALSE, FALSE, sizeof (PxRange));
      for (guint l = 0; lines[l] != NULL; l++)
        {
          PxRange range;

          if (*lines[l] == '\0')
            continue;
          if (text->len > 0)
            g_string_append_c (text, ' ');
          range.start = text->len;
          g_string_append (text, lines[l]);
          range.end = text->len;
          g_array_append_val (article->sentences, range);
        }
      if (article->sentences->len == 0)
        {
          g_array_unref (article->sentences);
          g_string_free (text, TRUE);
          g_free (article);
          continue;
        }
      article->text = g_string_free (text, FALSE);
      g_ptr_array_add (articles, article);
    }
  return articles;
}

static int
compare_doubles (const void *x,
                 const void *y)
{
  double a = *(const double *) x, b = *(const double *) y;
  return a < b ? -1 : a > b;
}

typedef struct
{
  GPtrArray *articles;
  gboolean analysed;
  double seconds;  /* CPU time of the run's thread */
  guint n_claims;
} Run;

/* One alignment, from the raw text or from the cached analysis. */
static gpointer
run_once (gpointer data)
{
  Run *run = data;
  double start = cpu_seconds ();
  g_autoptr (PxAligner) aligner = px_aligner_new ();
  g_autoptr (GPtrArray) claims = NULL;

  for (guint a = 0; a < run->articles->len; a++)
    {
      Article *article = g_ptr_array_index (run->articles, a);

      if (run->analysed)
        px_aligner_add_tokenised_article (aligner, article->text, article->sentences,
                                          article->tokens, "en");
      else
        px_aligner_add_article (aligner, article->text, article->sentences, "en");
    }
  claims = px_aligner_align (aligner);
  run->seconds = cpu_seconds () - start;
  run->n_claims = claims->len;
  return NULL;
}

/* Median CPU seconds of @runs alignments of @articles, each in a new
 * thread, after an untimed one. */
static double
time_runs (GPtrArray *articles,
           guint      runs,
           gboolean   analysed,
           guint     *n_claims)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r <= runs; r++)
    {
      Run run = { articles, analysed, 0, 0 };

      g_thread_join (g_thread_new ("run", run_once, &run));
      if (r > 0)
        times[r - 1] = run.seconds;
      *n_claims = run.n_claims;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  return times[runs / 2];
}

static void
print_claims (GPtrArray *articles)
{
  g_autoptr (PxAligner) aligner = px_aligner_new ();
  g_autoptr (GPtrArray) claims = NULL;

  for (guint a = 0; a < articles->len; a++)
    {
      Article *article = g_ptr_array_index (articles, a);

      px_aligner_add_article (aligner, article->text, article->sentences, "en");
    }
  claims = px_aligner_align (aligner);
  for (guint c = 0; c < claims->len; c++)
    {
      GArray *claim = g_ptr_array_index (claims, c);

      for (guint i = 0; i < claim->len; i++)
        {
          const PxAlignRef *ref = &g_array_index (claim, PxAlignRef, i);

          printf ("%s%u:%u", i > 0 ? " " : "", ref->article, ref->sentence);
        }
      printf ("\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (PxTokenizer) tokenizer = NULL;
  guint runs = argc > 2 ? atoi (argv[2]) : 5;
  gboolean claims = argc > 3 && strcmp (argv[3], "--claims") == 0;
  guint n_claims = 0, n_analysed_claims = 0, n_sentences = 0;
  double raw, analysed;

  if (argc < 2 || runs == 0)
    {
      fprintf (stderr, "Usage: %s SENTENCES.txt [RUNS] [--claims]\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &contents, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  articles = read_articles (contents);
  tokenizer = px_tokenizer_new ("en");
  for (guint a = 0; a < articles->len; a++)
    {
      Article *article = g_ptr_array_index (articles, a);

      article->tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      for (guint i = 0; i < article->sentences->len; i++)
        {
          const PxRange *range = &g_array_index (article->sentences, PxRange, i);

          g_ptr_array_add (article->tokens, px_tokenizer_tokenize (tokenizer, article->text,
                                                                   range->start, range->end));
        }
      n_sentences += article->sentences->len;
    }
  raw = time_runs (articles, runs, FALSE, &n_claims);
  analysed = time_runs (articles, runs, TRUE, &n_analysed_claims);
  g_assert_cmpuint (n_claims, ==, n_analysed_claims);
  printf ("px_aligner: %u articles, %u sentences, %u claims, median CPU %.3f ms over %u runs\n",
          articles->len, n_sentences, n_claims, raw * 1e3, runs);
  printf ("px_aligner from cached analysis: median CPU %.3f ms over %u runs\n", analysed * 1e3, runs);
  if (claims)
    print_claims (articles);
  for (guint a = 0; a < articles->len; a++)
    {
      Article *article = g_ptr_array_index (articles, a);

      g_ptr_array_unref (article->tokens);
      g_array_unref (article->sentences);
      g_free (article->text);
      g_free (article);
    }
  return 0;
}
