/* px-cli-events.c: parallax-cli events and event merge|split|move|rename
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "px-cli-analysis.h"
#include "px-events.h"
#include "px-store-events.h"

int
px_cli_events (PxStore  *store,
               int       argc,
               char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— list the events");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;

  g_option_context_set_summary (context,
                                "Prints EVENT_ID<TAB>COUNT<TAB>LABEL<TAB>ID,ID,… one line per event:\n"
                                "the articles grouped as reports of one happening.");
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc > 1)
    return px_cli_usage_error ("events: unexpected argument “%s”", argv[1]);

  events = px_store_list_events (store, &error);
  if (events == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  for (guint i = 0; i < events->len; i++)
    {
      const PxEvent *event = events->pdata[i];
      g_autoptr (GString) ids = g_string_new (NULL);
      g_autofree char *label = g_strdup (event->label);

      /* Tabs and newlines would break the line-per-record output. */
      g_strdelimit (label, "\t\r\n", ' ');
      for (guint j = 0; j < event->article_ids->len; j++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, j > 0 ? "," : "",
                                g_array_index (event->article_ids, gint64, j));
      printf ("%" G_GINT64_FORMAT "\t%u\t%s\t%s\n", event->id, event->article_ids->len, label, ids->str);
    }
  return PX_CLI_OK;
}

int
px_cli_event (PxStore  *store,
              int       argc,
              char    **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("merge|split|move|rename … — change events");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *action;
  g_autofree char *command = NULL;
  gboolean ok;

  g_option_context_set_summary (context,
                                "  event merge EVENT_ID EVENT_ID…     the articles of all into the first\n"
                                "  event split EVENT_ID ARTICLE_ID…   the articles leave into a new event\n"
                                "  event move ARTICLE_ID EVENT_ID     one article into another event\n"
                                "  event rename EVENT_ID LABEL        a new label\n\n"
                                "Automatic grouping never undoes these changes.");
  if (!px_cli_parse (context, &argc, &argv))
    return PX_CLI_USAGE;
  if (argc < 2)
    return px_cli_usage_error ("event: which change? merge, split, move or rename");
  action = argv[1];
  command = g_strdup_printf ("event %s", action);

  if (strcmp (action, "merge") == 0)
    {
      if (argc < 4)
        return px_cli_usage_error ("event merge: give two or more event ids");
      if (!px_cli_parse_ids (command, argv + 2, argc - 2, ids))
        return PX_CLI_USAGE;
      ok = px_events_merge (store, (const gint64 *) ids->data, ids->len, &error);
      if (ok)
        printf ("%" G_GINT64_FORMAT "\n", g_array_index (ids, gint64, 0));
    }
  else if (strcmp (action, "split") == 0)
    {
      gint64 new_event;

      if (argc < 4)
        return px_cli_usage_error ("event split: give the event id and one or more article ids");
      if (!px_cli_parse_ids (command, argv + 2, argc - 2, ids))
        return PX_CLI_USAGE;
      new_event = px_events_split (store, g_array_index (ids, gint64, 0),
                                   &g_array_index (ids, gint64, 1), ids->len - 1, &error);
      ok = new_event > 0;
      if (ok)
        printf ("%" G_GINT64_FORMAT "\n", new_event);
    }
  else if (strcmp (action, "move") == 0)
    {
      if (argc != 4)
        return px_cli_usage_error ("event move: give an article id and an event id");
      if (!px_cli_parse_ids (command, argv + 2, 2, ids))
        return PX_CLI_USAGE;
      ok = px_events_move (store, g_array_index (ids, gint64, 0), g_array_index (ids, gint64, 1), &error);
    }
  else if (strcmp (action, "rename") == 0)
    {
      if (argc != 4)
        return px_cli_usage_error ("event rename: give an event id and a label");
      if (!px_cli_parse_ids (command, argv + 2, 1, ids))
        return PX_CLI_USAGE;
      ok = px_events_rename (store, g_array_index (ids, gint64, 0), argv[3], &error);
    }
  else
    return px_cli_usage_error ("event: unknown change “%s” (merge, split, move or rename)", action);

  if (!ok)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  return PX_CLI_OK;
}
