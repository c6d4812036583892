/* px-data.h: where Parallax's data files (phrase lists, lexicons, samples) are
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The full path of @relative ("cleaner/en.txt") under the data folder:
 * $PARALLAX_DATA_DIR, else the source tree's data/ for an uninstalled
 * build, else the installed one. */
char *px_data_find        (const char  *relative);

/* The non-empty, non-comment (#) lines of a data file, trimmed; an empty
 * array when the file is missing. */
GStrv px_data_read_lines  (const char  *relative);

G_END_DECLS
