/* px-encoding.h: any bytes to clean UTF-8
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Converts @data to UTF-8: a BOM wins, then valid UTF-8, then
 * @declared_charset (may be NULL), then Windows-1252. Line ends become
 * "\n"; NUL bytes and control characters other than tab and newline are
 * dropped. Fails with PX_ERROR_INVALID_INPUT for binary data. */
char     *px_encoding_to_utf8      (const char  *data,
                                    gsize        length,
                                    const char  *declared_charset,
                                    char       **used_charset,
                                    GError     **error);

/* @text without the characters that show nothing: zero-width space,
 * non-joiner and joiner, word joiner, BOM, soft hyphen. The search index
 * drops them too (migration 6 in px-store-migrations.c: keep the two
 * lists equal). Byte matching, so @text need not be valid UTF-8. */
char     *px_encoding_drop_invisible (const char *text);

/* TRUE when @data looks like a binary file (images, archives, executables). */
gboolean  px_encoding_is_binary    (const char  *data,
                                    gsize        length);

G_END_DECLS
