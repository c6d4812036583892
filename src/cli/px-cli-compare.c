/* px-cli-compare.c: parallax-cli compare
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "px-cli-analysis.h"
#include "px-comparison-format.h"
#include "px-store-events.h"

int
px_cli_compare (PxStore  *store,
                int       argc,
                char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("(--event N | ID ID…) — compare articles");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PxComparison) comparison = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  PxComparisonFormat format = PX_COMPARISON_FORMAT_JSON;
  gint64 event_id = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "json (default), markdown or html", "FORMAT" },
    { "event", 'e', 0, G_OPTION_ARG_INT64, &event_id, "the articles of this event", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Groups the sentences of the articles into claims (shared by all,\n"
                                "partial, unique), marks the words each version changes and the\n"
                                "conflicts (number, date, role, name, quote, certainty).\n"
                                "JSON \"changed\" offsets count Unicode code points of the member's text.");
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (format_name != NULL && !px_comparison_format_from_string (format_name, &format))
    return px_cli_usage_error ("compare: unknown format “%s” (json, markdown or html)", format_name);
  if (event_id != 0 && argc > 1)
    return px_cli_usage_error ("compare: give --event or article ids, not both");
  if (event_id < 0)
    return px_cli_usage_error ("compare: “%" G_GINT64_FORMAT "” is not an event id", event_id);

  if (event_id > 0)
    {
      g_autoptr (PxEvent) event = px_store_get_event (store, event_id, &error);

      if (event == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_CLI_FAILED;
        }
      g_array_append_vals (ids, event->article_ids->data, event->article_ids->len);
    }
  else
    {
      if (argc < 2)
        return px_cli_usage_error ("compare: give --event N or one or more article ids");
      if (!px_cli_parse_ids ("compare", argv + 1, argc - 1, ids))
        return PX_CLI_USAGE;
    }

  /* JSON, what scripts ask for again and again, comes from the cache. */
  if (format == PX_COMPARISON_FORMAT_JSON)
    output = px_comparison_json_for_ids (store, (const gint64 *) ids->data, ids->len, &error);
  else
    {
      comparison = px_comparison_new_for_ids (store, (const gint64 *) ids->data, ids->len, &error);
      if (comparison != NULL)
        output = px_comparison_format (comparison, format);
    }
  if (output == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  fputs (output, stdout);
  if (format == PX_COMPARISON_FORMAT_JSON)
    fputc ('\n', stdout);
  return PX_CLI_OK;
}
