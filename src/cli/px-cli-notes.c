/* px-cli-notes.c: parallax-cli note, export and import-notes
 *
 * Offsets on the command line are byte offsets into the article's clean
 * text as `parallax-cli show ID` prints it; the library keeps notes on the
 * raw text (px-text-map.h converts).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-cli-notes.h"

#include <stdio.h>
#include <string.h>

#include "px-comparison.h"
#include "px-error.h"
#include "px-exporter.h"
#include "px-store-events.h"
#include "px-store-notes.h"

/* The clean range of the sentence of @article_id that is a member of
 * claim @claim_id in the comparison of the article's event; sets its key. */
static gboolean
find_claim_sentence (PxStore   *store,
                     gint64     article_id,
                     gint64     claim_id,
                     PxNote    *note,
                     guint     *start,
                     guint     *end,
                     GError   **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PxComparison) comparison = NULL;
  gint64 event_id = px_store_get_article_event (store, article_id, NULL, error);
  const PxClaim *claim;

  if (event_id < 0)
    return FALSE;
  if (event_id > 0)
    {
      g_autoptr (PxEvent) event = px_store_get_event (store, event_id, error);

      if (event == NULL)
        return FALSE;
      g_array_append_vals (ids, event->article_ids->data, event->article_ids->len);
    }
  else
    g_array_append_val (ids, article_id);
  comparison = px_comparison_new_for_ids (store, (const gint64 *) ids->data, ids->len, error);
  if (comparison == NULL)
    return FALSE;
  if (claim_id < 1 || claim_id > px_comparison_get_n_claims (comparison))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND,
                   "no claim %" G_GINT64_FORMAT " in the comparison of article %" G_GINT64_FORMAT
                   "'s event (see parallax-cli compare)", claim_id, article_id);
      return FALSE;
    }
  claim = px_comparison_get_claim (comparison, claim_id - 1);
  for (guint m = 0; m < claim->members->len; m++)
    {
      const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
      const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
      const PxRange *range = &g_array_index (article->sentences, PxRange, member->sentence);
      g_autofree char *key = NULL;

      if (article->id != article_id)
        continue;
      key = px_note_claim_key (article->text + range->start, range->end - range->start);
      px_note_set_claim_key (note, key);
      *start = range->start;
      *end = range->end;
      return TRUE;
    }
  g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND,
               "claim %" G_GINT64_FORMAT " has no sentence of article %" G_GINT64_FORMAT,
               claim_id, article_id);
  return FALSE;
}

static gboolean
on_char_boundary (const char *text,
                  gint64      offset)
{
  return ((guchar) text[offset] & 0xC0) != 0x80;
}

static int
note_add (PxStore  *store,
          int       argc,
          char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— add a note");
  g_autoptr (GError) error = NULL;
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (PxTextMap) map = NULL;
  g_autoptr (PxNote) note = px_note_new ();
  g_autofree char *quote = NULL, *text = NULL, *color = NULL;
  g_auto (GStrv) tags = NULL;
  gint64 article_id = 0, start = -1, end = -1, claim_id = 0;
  guint clean_start = 0, clean_end = 0;
  const char *clean;
  const GOptionEntry entries[] = {
    { "article", 'a', 0, G_OPTION_ARG_INT64, &article_id, "The article", "ID" },
    { "quote", 'q', 0, G_OPTION_ARG_STRING, &quote, "The noted text, found in the clean text", "TEXT" },
    { "start", 0, 0, G_OPTION_ARG_INT64, &start, "First byte of the noted text in the clean text", "N" },
    { "end", 0, 0, G_OPTION_ARG_INT64, &end, "Byte after the noted text in the clean text", "N" },
    { "claim", 'c', 0, G_OPTION_ARG_INT64, &claim_id,
      "Attach to this claim of parallax-cli compare --event (the article's event)", "ID" },
    { "text", 't', 0, G_OPTION_ARG_STRING, &text, "The note", "NOTE" },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, "A tag (repeat for more)", "T" },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, "A colour (#rrggbb)", "C" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Notes a span of an article's clean text (as `show` prints it), given\n"
                                "as --quote (which must occur once) or as byte offsets --start/--end.\n"
                                "With --claim alone, notes the article's sentence of that claim.\n"
                                "Prints the new note's id.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc > 1)
    return px_cli_usage_error ("note add: unexpected argument “%s”", argv[1]);
  if (article_id <= 0)
    return px_cli_usage_error ("note add: give --article ID");
  if (text == NULL)
    return px_cli_usage_error ("note add: give --text NOTE");
  if (quote != NULL && (start >= 0 || end >= 0))
    return px_cli_usage_error ("note add: give --quote or --start/--end, not both");
  if ((start >= 0) != (end >= 0))
    return px_cli_usage_error ("note add: give both --start and --end");
  if (quote == NULL && start < 0 && claim_id == 0)
    return px_cli_usage_error ("note add: give --quote TEXT, --start N --end N or --claim ID");
  if (color != NULL && !g_str_has_prefix (color, "#"))
    return px_cli_usage_error ("note add: --color takes #rrggbb");

  article = px_store_get_article (store, article_id, &error);
  if (article == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  map = px_text_map_new_for_article (article);
  clean = px_text_map_get_clean (map);

  if (claim_id != 0 &&
      !find_claim_sentence (store, article_id, claim_id, note, &clean_start, &clean_end, &error))
    {
      px_cli_error ("note add: %s", error->message);
      return PX_CLI_FAILED;
    }
  if (quote != NULL)
    {
      const char *hit = *quote != '\0' ? strstr (clean, quote) : NULL;
      guint count = 0;

      for (const char *h = hit; h != NULL; h = strstr (h + 1, quote))
        count++;
      if (count == 0)
        {
          px_cli_error ("note add: the quote is not in the clean text of article %" G_GINT64_FORMAT
                        " (see parallax-cli show %" G_GINT64_FORMAT ")", article_id, article_id);
          return PX_CLI_FAILED;
        }
      if (count > 1)
        {
          px_cli_error ("note add: the quote occurs %u times in article %" G_GINT64_FORMAT
                        "; quote more words or give --start/--end", count, article_id);
          return PX_CLI_FAILED;
        }
      clean_start = hit - clean;
      clean_end = clean_start + strlen (quote);
    }
  else if (start >= 0)
    {
      gint64 len = strlen (clean);

      if (start >= end || end > len || !on_char_boundary (clean, start) || !on_char_boundary (clean, end))
        return px_cli_usage_error ("note add: --start %" G_GINT64_FORMAT " --end %" G_GINT64_FORMAT
                                   " is not a range of whole characters of the clean text (%"
                                   G_GINT64_FORMAT " bytes)", start, end, len);
      clean_start = start;
      clean_end = end;
    }

  px_note_set_article_id (note, article_id);
  px_note_set_clean_range (note, map, clean_start, clean_end);
  px_note_set_body (note, text);
  px_note_set_tags (note, (const char * const *) tags);
  px_note_set_color (note, color);
  if (!px_store_add_note (store, note, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  printf ("%" G_GINT64_FORMAT "\n", px_note_get_id (note));
  return PX_CLI_OK;
}

static void
print_note (PxNote    *note,
            PxTextMap *map)
{
  g_autofree char *tags = g_strjoinv (",", (char **) px_note_get_tags (note));
  g_autofree char *t = px_cli_field (tags), *q = px_cli_field (px_note_get_quote (note));
  g_autofree char *b = px_cli_field (px_note_get_body (note));
  g_autofree char *article = NULL, *start = NULL, *end = NULL;
  guint clean_start, clean_end;

  article = px_note_get_article_id (note) > 0
              ? g_strdup_printf ("%" G_GINT64_FORMAT, px_note_get_article_id (note))
              : g_strdup ("");
  if (map != NULL && px_note_get_clean_range (note, map, &clean_start, &clean_end))
    {
      start = g_strdup_printf ("%u", clean_start);
      end = g_strdup_printf ("%u", clean_end);
    }
  printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n", px_note_get_id (note), article,
          start ? start : "", end ? end : "", t, q, b);
}

static int
note_list (PxStore  *store,
           int       argc,
           char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— list notes");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (PxTextMap) map = NULL;
  g_autofree char *tag = NULL;
  gint64 event_id = 0, article_id = 0;
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &event_id, "The notes on this event's articles", "N" },
    { "article", 'a', 0, G_OPTION_ARG_INT64, &article_id, "The notes on this article", "ID" },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, "Only notes with this tag", "T" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Prints NOTE_ID<TAB>ARTICLE_ID<TAB>START<TAB>END<TAB>TAGS<TAB>QUOTE<TAB>TEXT\n"
                                "by article and position. START and END are byte offsets into the\n"
                                "article's clean text (as `show` prints it); TAGS are comma-separated.\n"
                                "Orphans (text no longer in the article) have empty START and END, and\n"
                                "an empty ARTICLE_ID when their article was removed.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc > 1)
    return px_cli_usage_error ("note list: unexpected argument “%s”", argv[1]);
  if (event_id != 0 && article_id != 0)
    return px_cli_usage_error ("note list: give --event or --article, not both");
  if (event_id < 0 || article_id < 0)
    return px_cli_usage_error ("note list: ids are positive");
  if (event_id > 0)
    {
      g_autoptr (PxEvent) event = px_store_get_event (store, event_id, &error);

      if (event == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_CLI_FAILED;
        }
    }
  if (article_id > 0)
    {
      g_autoptr (PxArticle) check = px_store_get_article (store, article_id, &error);

      if (check == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_CLI_FAILED;
        }
    }

  notes = px_store_list_notes (store, article_id, event_id, tag, &error);
  if (notes == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  for (guint i = 0; i < notes->len; i++)
    {
      PxNote *note = notes->pdata[i];
      gint64 id = px_note_get_article_id (note);

      if (id == 0)
        g_clear_pointer (&map, px_text_map_unref);
      else if (article == NULL || px_article_get_id (article) != id)
        {
          g_clear_object (&article);
          g_clear_pointer (&map, px_text_map_unref);
          article = px_store_get_article (store, id, &error);
          if (article == NULL)
            {
              px_cli_error ("%s", error->message);
              return PX_CLI_FAILED;
            }
          map = px_text_map_new_for_article (article);
        }
      print_note (note, map);
    }
  return PX_CLI_OK;
}

static int
note_edit (PxStore  *store,
           int       argc,
           char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("NOTE_ID — change a note");
  g_autoptr (GError) error = NULL;
  g_autoptr (PxNote) note = NULL;
  g_autofree char *text = NULL, *color = NULL;
  g_auto (GStrv) tags = NULL;
  gboolean no_tags = FALSE;
  gint64 id;
  const GOptionEntry entries[] = {
    { "text", 't', 0, G_OPTION_ARG_STRING, &text, "The new note", "NOTE" },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, "The new tags (repeat; replaces all)", "T" },
    { "no-tags", 0, 0, G_OPTION_ARG_NONE, &no_tags, "Remove every tag", NULL },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, "A colour (#rrggbb), \"\" for none", "C" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc != 2 || !px_cli_parse_id (argv[1], &id))
    return px_cli_usage_error ("note edit: give one note id");
  if (tags != NULL && no_tags)
    return px_cli_usage_error ("note edit: give --tag or --no-tags, not both");
  if (color != NULL && *color != '\0' && !g_str_has_prefix (color, "#"))
    return px_cli_usage_error ("note edit: --color takes #rrggbb");

  note = px_store_get_note (store, id, &error);
  if (note == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  if (text != NULL)
    px_note_set_body (note, text);
  if (tags != NULL || no_tags)
    px_note_set_tags (note, (const char * const *) tags);
  if (color != NULL)
    px_note_set_color (note, *color != '\0' ? color : NULL);
  if (!px_store_update_note (store, note, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  return PX_CLI_OK;
}

static int
note_rm (PxStore  *store,
         int       argc,
         char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("NOTE_ID… — remove notes");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context, "Nothing is removed when one of the ids is not a note.");
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc < 2)
    return px_cli_usage_error ("note rm: give at least one note id");
  if (!px_cli_parse_ids ("note rm", argv + 1, argc - 1, ids))
    return PX_CLI_USAGE;
  if (!px_store_delete_notes (store, (const gint64 *) ids->data, ids->len, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  return PX_CLI_OK;
}

int
px_cli_note (PxStore  *store,
             int       argc,
             char    **argv)
{
  static const PxCliCommand subcommands[] = {
    { "add", note_add, "Add a note" },
    { "list", note_list, "List notes" },
    { "edit", note_edit, "Change a note's text, tags or colour" },
    { "rm", note_rm, "Remove notes" },
  };

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      if (strcmp (argv[1], subcommands[i].name) == 0)
        return subcommands[i].run (store, argc - 1, argv + 1);

  {
    FILE *out = argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0) ? stdout : stderr;

    fprintf (out, "Usage: parallax-cli note (add|list|edit|rm) [OPTIONS…]\n\n");
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      fprintf (out, "  %-5s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf (out, "\nparallax-cli note SUBCOMMAND --help for its options.\n");
    return out == stdout ? PX_CLI_OK : PX_CLI_USAGE;
  }
}

int
px_cli_export (PxStore  *store,
               int       argc,
               char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("(--event N | ID…) — export articles and notes");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PxExporter) exporter = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *format_name = NULL, *output = NULL, *paper_name = NULL;
  PxExportFormat format;
  PxPaper paper = PX_PAPER_A4;
  gboolean notes_only = FALSE;
  gint64 event_id = 0;
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &event_id, "The articles of this event", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "markdown, html, pdf, json or csv", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (needed for pdf), not stdout", "FILE" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, "PDF paper size: a4 (default) or letter", "SIZE" },
    { "notes-only", 0, 0, G_OPTION_ARG_NONE, &notes_only, "Leave the claims out", NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Exports the articles (outlet, date, URL), their claims with status and\n"
                                "conflicts, and their notes. markdown: CommonMark; html: one standalone\n"
                                "page without scripts; pdf: A4 or Letter; json: what import-notes reads;\n"
                                "csv: one row per note (RFC 4180, UTF-8).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (format_name == NULL)
    return px_cli_usage_error ("export: give --format markdown|html|pdf|json|csv");
  if (!px_export_format_from_string (format_name, &format))
    return px_cli_usage_error ("export: unknown format “%s” (markdown, html, pdf, json or csv)", format_name);
  if (paper_name != NULL && !px_paper_from_string (paper_name, &paper))
    return px_cli_usage_error ("export: unknown paper “%s” (a4 or letter)", paper_name);
  if (format == PX_EXPORT_PDF && output == NULL)
    return px_cli_usage_error ("export: PDF needs -o FILE");
  if (event_id != 0 && argc > 1)
    return px_cli_usage_error ("export: give --event or article ids, not both");
  if (event_id < 0)
    return px_cli_usage_error ("export: event ids are positive");
  if (event_id == 0 && argc < 2)
    return px_cli_usage_error ("export: give --event N or one or more article ids");
  if (!px_cli_parse_ids ("export", argv + 1, argc - 1, ids))
    return PX_CLI_USAGE;

  exporter = px_exporter_new (format);
  px_exporter_set_paper (exporter, paper);
  px_exporter_set_include_claims (exporter, !notes_only);
  bytes = px_exporter_export (exporter, store, event_id, (const gint64 *) ids->data, ids->len, NULL, &error);
  if (bytes != NULL && output != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (output);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                    NULL, &error))
        g_clear_pointer (&bytes, g_bytes_unref);
    }
  else if (bytes != NULL)
    fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
  if (bytes == NULL)
    {
      px_cli_error ("export: %s", error->message);
      return PX_CLI_FAILED;
    }
  return PX_CLI_OK;
}

int
px_cli_import_notes (PxStore  *store,
                     int       argc,
                     char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE — import notes from a JSON export");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint imported = 0;

  g_option_context_set_summary (context,
                                "Puts the notes of `parallax-cli export --format json` onto the same\n"
                                "articles in this library, found by content hash, then URL, then title\n"
                                "and outlet, and placed again in their text. Prints how many were added;\n"
                                "notes whose article is not here are named on stderr (exit status 1).");
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc != 2)
    return px_cli_usage_error ("import-notes: give one file");
  if (!g_file_get_contents (argv[1], &contents, &length, &error) ||
      !px_exporter_import_notes (store, contents, length, &imported, &missing, &error))
    {
      px_cli_error ("import-notes: %s: %s", argv[1], error->message);
      return PX_CLI_FAILED;
    }
  for (guint i = 0; i < missing->len; i++)
    fprintf (stderr, "%s: %s\n", argv[1], (const char *) missing->pdata[i]);
  printf ("%u\n", imported);
  return missing->len > 0 ? PX_CLI_FAILED : PX_CLI_OK;
}
