/* corpus-lines.h: the shared corpora's gzip files (JSON Lines a line at a time), for tests and benchmarks
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

/* The gzip file @path, unzipped as it is read; NULL with @error set when
 * it cannot be opened. */
static inline GInputStream *
corpus_gunzip_open (const char  *path,
                    GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) compressed = g_file_read (file, NULL, error);
  g_autoptr (GZlibDecompressor) gunzip = NULL;

  if (compressed == NULL)
    return NULL;
  gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  return g_converter_input_stream_new (G_INPUT_STREAM (compressed), G_CONVERTER (gunzip));
}

/* The lines of the gzip file @path, as corpus_gunzip_open (). */
static inline GDataInputStream *
corpus_lines_open (const char  *path,
                   GError     **error)
{
  g_autoptr (GInputStream) stream = corpus_gunzip_open (path, error);

  return stream != NULL ? g_data_input_stream_new (stream) : NULL;
}

/* The ECB+ documents of PX_SHARED_CORPORA, a JSON line each; NULL when the
 * corpus is missing (the test then skips). */
static inline GDataInputStream *
ecbplus_lines_open (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_SHARED_CORPORA"), "ecbplus", "documents.jsonl.gz", NULL);

  return corpus_lines_open (path, NULL);
}
