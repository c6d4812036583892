/* px-cli.h: the commands of parallax-cli
 *
 * Each command parses its own arguments (GOptionContext, so --help works
 * everywhere) and returns the exit status: 0 success, 1 something failed
 * (what could be kept is kept), 2 usage error.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-store.h"

G_BEGIN_DECLS

#define PX_CLI_OK 0
#define PX_CLI_FAILED 1
#define PX_CLI_USAGE 2

typedef int (*PxCliCommandFunc) (PxStore  *store,
                                 int       argc,
                                 char    **argv);

typedef struct
{
  const char *name;
  PxCliCommandFunc run;
  const char *summary;
} PxCliCommand;

/* Parses @argv with @context (whose parameter string names the command);
 * prints the error and the usage to stderr on failure. */
gboolean px_cli_parse          (GOptionContext  *context,
                                int             *argc,
                                char          ***argv);
/* Prints "parallax-cli: MESSAGE" to stderr and returns PX_CLI_USAGE. */
int      px_cli_usage_error    (const char      *format,
                                ...) G_GNUC_PRINTF (1, 2);
/* Prints "parallax-cli: MESSAGE" to stderr. */
void     px_cli_error          (const char      *format,
                                ...) G_GNUC_PRINTF (1, 2);
/* Parses a positive article or event id; FALSE when @text is not one. */
gboolean px_cli_parse_id       (const char      *text,
                                gint64          *id);
/* Appends the @n ids of @args to @ids (gint64); on a word that is not an
 * id, prints "COMMAND: “WORD” is not an id" and returns FALSE. */
gboolean px_cli_parse_ids      (const char      *command,
                                char           **args,
                                int              n,
                                GArray          *ids);
/* A copy of @text (NULL: "") fit for one tab-separated field: tabs and
 * line breaks become spaces. */
char    *px_cli_field          (const char      *text);

int px_cli_import  (PxStore *store, int argc, char **argv);
int px_cli_list    (PxStore *store, int argc, char **argv);
int px_cli_show    (PxStore *store, int argc, char **argv);
int px_cli_search  (PxStore *store, int argc, char **argv);
int px_cli_outlets (PxStore *store, int argc, char **argv);
int px_cli_rm      (PxStore *store, int argc, char **argv);
int px_cli_reclean (PxStore *store, int argc, char **argv);
int px_cli_restore (PxStore *store, int argc, char **argv);

G_END_DECLS
