/* px-cli-library.c: import, list, show, search and rm
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "px-cli.h"
#include "px-error.h"
#include "px-importer.h"
#include "px-reclean.h"
#include "px-span.h"

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char tail;

  return sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen (text) == 10 &&
         g_date_valid_dmy (d, m, y);
}

static const char *
location (const PxImportResult *result,
          char           *buffer,
          gsize           size)
{
  if (result->line > 0)
    g_snprintf (buffer, size, "%s:%u", result->file, result->line);
  else
    g_snprintf (buffer, size, "%s", result->file);
  return buffer;
}

/* Printed as each batch commits, so what was printed is in the library
 * even if the import is killed afterwards. */
static void
print_result (const PxImportResult *result,
              gpointer              user_data)
{
  char where[4096];

  for (guint i = 0; result->warnings != NULL && i < result->warnings->len; i++)
    fprintf (stderr, "%s: warning: %s\n", location (result, where, sizeof where),
             (const char *) g_ptr_array_index (result->warnings, i));
  switch (result->status)
    {
    case PX_IMPORT_STORED:
      {
        g_autofree char *o = px_cli_field (result->outlet), *t = px_cli_field (result->title);
        printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", result->article_id, o, t);
        fflush (stdout);
      }
      break;
    case PX_IMPORT_DUPLICATE:
      fprintf (stderr, "%s: already in the library as article %" G_GINT64_FORMAT "\n",
               location (result, where, sizeof where), result->article_id);
      break;
    case PX_IMPORT_FAILED:
      fprintf (stderr, "%s: %s\n", location (result, where, sizeof where), result->error->message);
      break;
    }
}

int
px_cli_import (PxStore  *store,
               int       argc,
               char    **argv)
{
  g_autofree char *outlet = NULL, *published = NULL, *url = NULL, *title = NULL;
  g_auto (GStrv) files = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (PxImporter) importer = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  gint64 max_mb = PX_IMPORTER_DEFAULT_MAX_FILE_SIZE / (1024 * 1024);
  int status = PX_CLI_OK;
  const GOptionEntry entries[] = {
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, "The outlet, instead of the detected one", "NAME" },
    { "published", 0, 0, G_OPTION_ARG_STRING, &published, "The publication date", "YYYY-MM-DD" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "The article's address", "URL" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "The title, instead of the detected one", "T" },
    { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_mb, "Refuse files larger than this (default 64)", "MB" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  context = g_option_context_new ("FILE… — import articles");
  g_option_context_set_summary (context,
                                "Reads .txt, .md, .html, .htm, .json and .jsonl files. Prints\n"
                                "ID<TAB>OUTLET<TAB>TITLE for each stored article; failures and\n"
                                "articles already in the library are named on stderr.\n"
                                "Exit status: 0 nothing failed, 1 something failed, 2 usage error.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (files == NULL || files[0] == NULL)
    return px_cli_usage_error ("import: no files given");
  if (published != NULL && !valid_date (published))
    return px_cli_usage_error ("import: --published takes a date as YYYY-MM-DD, not “%s”", published);
  if (max_mb <= 0)
    return px_cli_usage_error ("import: --max-size takes a positive number of megabytes");

  importer = px_importer_new (px_store_get_path (store));
  px_importer_set_overrides (importer, outlet, published, url, title);
  px_importer_set_max_file_size (importer, max_mb * 1024 * 1024);
  px_importer_set_result_func (importer, print_result, NULL);
  results = px_importer_import (importer, store, (const char * const *) files, NULL, &error);
  if (results == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }

  for (guint i = 0; i < results->len; i++)
    if (((PxImportResult *) g_ptr_array_index (results, i))->status == PX_IMPORT_FAILED)
      status = PX_CLI_FAILED;
  return status;
}

/* The options of `list` and `search` that choose articles, as @filter
 * points at them; they hold their values until the context is freed. */
static void
add_filter_options (GOptionContext  *context,
                    PxArticleFilter *filter)
{
  const GOptionEntry entries[] = {
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &filter->outlet, "Only this outlet's articles (see `outlets`)", "NAME" },
    { "since", 0, 0, G_OPTION_ARG_STRING, &filter->since, "Only articles published on or after this day", "YYYY-MM-DD" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &filter->until, "Only articles published on or before this day", "YYYY-MM-DD" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
}

static void
clear_filter (PxArticleFilter *filter)
{
  g_free ((char *) filter->outlet);
  g_free ((char *) filter->since);
  g_free ((char *) filter->until);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PxArticleFilter, clear_filter)

int
px_cli_list (PxStore  *store,
             int       argc,
             char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— list the articles");
  g_auto (PxArticleFilter) filter = { NULL };
  g_autoptr (GError) error = NULL;
  const guint page = 1000;

  g_option_context_set_summary (context,
                                "Prints ID<TAB>OUTLET<TAB>PUBLISHED<TAB>TITLE, newest first.");
  add_filter_options (context, &filter);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc > 1)
    return px_cli_usage_error ("list: unexpected argument “%s”", argv[1]);
  if (!px_article_filter_check (&filter, &error))
    return px_cli_usage_error ("list: %s", error->message);

  for (guint offset = 0;; offset += page)
    {
      g_autoptr (GPtrArray) rows = px_store_list_filtered (store, &filter, offset, page, &error);

      if (rows == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_CLI_FAILED;
        }
      for (guint i = 0; i < rows->len; i++)
        {
          PxArticleSummary *row = g_ptr_array_index (rows, i);
          g_autofree char *o = px_cli_field (row->outlet), *t = px_cli_field (row->title);

          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", row->id, o,
                  row->published ? row->published : "", t);
        }
      if (rows->len < page)
        break;
    }
  return PX_CLI_OK;
}

static void
print_removed (PxArticle *article)
{
  const char *raw = px_article_get_raw_text (article);
  GArray *removed = px_article_get_removed (article);

  for (guint i = 0; i < removed->len; i++)
    {
      const PxSpan *span = &g_array_index (removed, PxSpan, i);
      g_autofree char *piece = g_strndup (raw + span->start, span->end - span->start);
      g_autofree char *text = px_cli_field (piece);

      printf ("%u\t%u\t%s%s\t%s\n", span->start, span->end,
              px_removal_reason_to_string (span->reason), span->restored ? " (restored)" : "",
              text);
    }
}

int
px_cli_show (PxStore  *store,
             int       argc,
             char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("ID — print an article");
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  gboolean raw = FALSE, removed = FALSE;
  gint64 id;
  const GOptionEntry entries[] = {
    { "raw", 0, 0, G_OPTION_ARG_NONE, &raw, "The text as imported, before cleaning", NULL },
    { "removed", 0, 0, G_OPTION_ARG_NONE, &removed,
      "The removed boilerplate: START<TAB>END<TAB>REASON<TAB>TEXT (byte offsets into --raw)", NULL },
    { NULL }
  };

  g_option_context_set_summary (context, "Prints the cleaned text, paragraphs separated by a blank line.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc != 2)
    return px_cli_usage_error ("show: give one article id");
  if (!px_cli_parse_id (argv[1], &id))
    return px_cli_usage_error ("show: “%s” is not an article id", argv[1]);

  article = px_store_get_article (store, id, &error);
  if (article == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  if (removed)
    print_removed (article);
  else
    {
      const char *text = raw ? px_article_get_raw_text (article) : px_article_get_clean_text (article);
      fputs (text, stdout);
      if (*text != '\0' && !g_str_has_suffix (text, "\n"))
        fputc ('\n', stdout);
    }
  return PX_CLI_OK;
}

int
px_cli_search (PxStore  *store,
               int       argc,
               char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("QUERY — full-text search");
  g_auto (PxArticleFilter) filter = { NULL };
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *query = NULL;
  int limit = 50;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, "At most this many hits (default 50)", "N" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Prints ID<TAB>OUTLET<TAB>TITLE<TAB>SNIPPET, best first; matches in\n"
                                "the snippet are between [ and ]. QUERY is SQLite FTS5 syntax:\n"
                                "words, \"phrases\", AND, OR, NOT, prefix*.");
  g_option_context_add_main_entries (context, entries, NULL);
  add_filter_options (context, &filter);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc < 2)
    return px_cli_usage_error ("search: give a query");
  if (limit <= 0)
    return px_cli_usage_error ("search: --limit takes a positive number");
  if (!px_article_filter_check (&filter, &error))
    return px_cli_usage_error ("search: %s", error->message);
  query = g_strjoinv (" ", argv + 1);

  hits = px_store_search_filtered (store, query, &filter, limit, &error);
  if (hits == NULL)
    {
      px_cli_error ("%s", error->message);
      return g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_QUERY) ? PX_CLI_USAGE : PX_CLI_FAILED;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      PxSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *o = px_cli_field (hit->outlet), *t = px_cli_field (hit->title), *s = px_cli_field (hit->snippet);

      g_strdelimit (s, "\x02", '[');
      g_strdelimit (s, "\x03", ']');
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", hit->id, o, t, s);
    }
  return PX_CLI_OK;
}

int
px_cli_outlets (PxStore  *store,
                int       argc,
                char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— list the outlets");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;

  g_option_context_set_summary (context,
                                "Prints the name of each outlet with articles in the library, one a\n"
                                "line, alphabetical: the names `list --outlet` and `search --outlet` take.");
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc > 1)
    return px_cli_usage_error ("outlets: unexpected argument “%s”", argv[1]);
  names = px_store_list_outlets (store, &error);
  if (names == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = px_cli_field (names[i]);

      printf ("%s\n", name);
    }
  return PX_CLI_OK;
}

int
px_cli_rm (PxStore  *store,
           int       argc,
           char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("ID… — remove articles");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context,
                                "Removes the articles and everything derived from them. Nothing is\n"
                                "removed when one of the ids is not in the library.");
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc < 2)
    return px_cli_usage_error ("rm: give at least one article id");
  if (!px_cli_parse_ids ("rm", argv + 1, argc - 1, ids))
    return PX_CLI_USAGE;
  if (!px_store_delete_articles (store, (gint64 *) ids->data, ids->len, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  return PX_CLI_OK;
}

int
px_cli_reclean (PxStore  *store,
                int       argc,
                char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("[ID…] — clean articles again");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PxCleaner) cleaner = px_cleaner_new ();
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context,
                                "Cleans the given articles again, or, without ids, every article\n"
                                "an older version of Parallax cleaned. Restored spans stay restored.\n"
                                "Prints the number of articles cleaned.");
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc == 1)
    {
      gint64 n = px_reclean_outdated (store, cleaner, NULL, &error);
      if (n < 0)
        {
          px_cli_error ("%s", error->message);
          return PX_CLI_FAILED;
        }
      printf ("%" G_GINT64_FORMAT "\n", n);
      return PX_CLI_OK;
    }
  if (!px_cli_parse_ids ("reclean", argv + 1, argc - 1, ids))
    return PX_CLI_USAGE;
  for (guint i = 0; i < ids->len; i++)
    if (!px_reclean_article (store, cleaner, g_array_index (ids, gint64, i), &error))
      {
        px_cli_error ("%s", error->message);
        return PX_CLI_FAILED;
      }
  printf ("%u\n", ids->len);
  return PX_CLI_OK;
}

int
px_cli_restore (PxStore  *store,
                int       argc,
                char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("ID START — put removed text back");
  g_autoptr (GError) error = NULL;
  gboolean undo = FALSE;
  guint64 start;
  gint64 id;
  const GOptionEntry entries[] = {
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, "Remove the span again", NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Puts the removed span of article ID that starts at byte START (as\n"
                                "“show ID --removed” prints it) back into the cleaned text.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc != 3 || !px_cli_parse_id (argv[1], &id) ||
      !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT, &start, NULL))
    return px_cli_usage_error ("restore: give an article id and a span's start offset");
  if (!px_reclean_restore_span (store, id, start, !undo, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  return PX_CLI_OK;
}
