/* px-cli-analysis.h: parallax-cli commands for events and comparisons
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-cli.h"

G_BEGIN_DECLS

int px_cli_events   (PxStore *store, int argc, char **argv);
int px_cli_event    (PxStore *store, int argc, char **argv);
int px_cli_compare  (PxStore *store, int argc, char **argv);

G_END_DECLS
