/* fuzz-search.c: libFuzzer target for full-text search queries
 *
 * Every input is a query against an in-memory library holding real
 * articles (tests/data/import/lines.jsonl). A query may be refused with
 * PX_STORE_ERROR_QUERY; anything else must not fail.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-error.h"
#include "px-importer.h"
#include "px-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PxStore *store;

static void
open_library (void)
{
  const char *files[] = { PX_FUZZ_TEST_DATA "/import/lines.jsonl",
                          PX_FUZZ_TEST_DATA "/align/ecbplus-37.jsonl", NULL };
  g_autoptr (PxImporter) importer = px_importer_new (":memory:");
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;

  store = px_store_open (":memory:", &error);
  g_assert_no_error (error);
  results = px_importer_import (importer, store, files, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_count_articles (store, NULL), >, 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *query = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    open_library ();
  query = g_utf8_make_valid ((const char *) data, size);
  hits = px_store_search (store, query, 20, &error);
  if (hits == NULL)
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_QUERY);
  return 0;
}
