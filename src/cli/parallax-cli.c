/* parallax-cli.c: the library from the command line
 *
 * The commands and their output formats are a contract other tools read:
 * extend them, never change what a line means. README.md documents them.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "px-cli.h"
#include "px-cli-analysis.h"
#include "px-cli-notes.h"
#include "px-error.h"

static const PxCliCommand commands[] = {
  { "import", px_cli_import, "Import articles from files" },
  { "list", px_cli_list, "List the articles of the library" },
  { "show", px_cli_show, "Print an article's text" },
  { "search", px_cli_search, "Search the library" },
  { "outlets", px_cli_outlets, "List the outlets of the library" },
  { "rm", px_cli_rm, "Remove articles" },
  { "events", px_cli_events, "List the events (articles about one happening)" },
  { "event", px_cli_event, "Merge, split, rename events or move an article" },
  { "compare", px_cli_compare, "Compare articles: claims, differences, conflicts" },
  { "reclean", px_cli_reclean, "Clean articles again" },
  { "restore", px_cli_restore, "Put removed text back into an article" },
  { "note", px_cli_note, "Add, list, edit and remove notes" },
  { "export", px_cli_export, "Export articles, claims and notes (md, html, pdf, json, csv)" },
  { "import-notes", px_cli_import_notes, "Put exported notes (JSON) into this library" },
};

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage: parallax-cli [--db FILE] COMMAND [OPTIONS…]\n\n"
           "Compare how outlets reported the same event, from the command line.\n"
           "The library is shared with the Parallax window.\n\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-13s %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "\nOptions:\n"
           "  --db FILE     the library file (default: %s)\n"
           "  --help        this text; COMMAND --help for a command's options\n",
           "$XDG_DATA_HOME/parallax/library.sqlite3");
}

gboolean
px_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv)
{
  g_autoptr (GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  fprintf (stderr, "parallax-cli: %s\n", error->message);
  fprintf (stderr, "Try “%s --help”.\n", (*argv)[0]);
  return FALSE;
}

static void G_GNUC_PRINTF (1, 0)
print_error (const char *format,
             va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  fprintf (stderr, "parallax-cli: %s\n", message);
}

void
px_cli_error (const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
}

int
px_cli_usage_error (const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
  return PX_CLI_USAGE;
}

gboolean
px_cli_parse_id (const char *text,
                 gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = value;
  return TRUE;
}

gboolean
px_cli_parse_ids (const char  *command,
                  char       **args,
                  int          n,
                  GArray      *ids)
{
  for (int i = 0; i < n; i++)
    {
      gint64 id;

      if (!px_cli_parse_id (args[i], &id))
        {
          px_cli_usage_error ("%s: “%s” is not an id", command, args[i]);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }
  return TRUE;
}

char *
px_cli_field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return copy;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;
  const PxCliCommand *command = NULL;
  int first = 1;

  setlocale (LC_ALL, "");

  /* Global options come before the command, so a command's own options
   * (and its --help) are its own. */
  while (first < argc && argv[first][0] == '-')
    {
      if (strcmp (argv[first], "--help") == 0 || strcmp (argv[first], "-h") == 0)
        {
          print_usage (stdout);
          return PX_CLI_OK;
        }
      else if (strcmp (argv[first], "--db") == 0 && first + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[first] + strlen ("--db="));
          first++;
        }
      else
        {
          print_usage (stderr);
          return px_cli_usage_error ("unknown option “%s”", argv[first]);
        }
    }
  if (first >= argc)
    {
      print_usage (stderr);
      return PX_CLI_USAGE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[first], commands[i].name) == 0)
      command = &commands[i];
  if (command == NULL)
    {
      print_usage (stderr);
      return px_cli_usage_error ("unknown command “%s”", argv[first]);
    }

  /* --help needs no library. */
  for (int i = first + 1; i < argc; i++)
    if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
      return command->run (NULL, argc - first, argv + first);

  if (db_path == NULL)
    db_path = px_store_default_path ();
  store = px_store_open (db_path, &error);
  if (store == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_CLI_FAILED;
    }
  return command->run (store, argc - first, argv + first);
}
