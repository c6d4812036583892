/* px-cli-notes.h: parallax-cli commands for notes and export
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-cli.h"

G_BEGIN_DECLS

int px_cli_note          (PxStore *store, int argc, char **argv);
int px_cli_export        (PxStore *store, int argc, char **argv);
int px_cli_import_notes  (PxStore *store, int argc, char **argv);

G_END_DECLS
