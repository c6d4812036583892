/* px-error.c
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-error.h"

G_DEFINE_QUARK (px-error-quark, px_error)
G_DEFINE_QUARK (px-store-error-quark, px_store_error)
