/* paraphrase-fixture.h: the sentences of an ECB+ document as term ids, for the paraphrase tests
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* One line of tests/data/text/ecbplus-3_1ecb.sentences: the stems of its
 * words and numbers as term ids (in the order the document first uses
 * them, from 0), with each one's PxParaphraseFlags (stop word, number,
 * name: capitalised and not the line's first). */
typedef struct
{
  GArray *terms;  /* guint */
  GArray *flags;  /* guint8 */
} FixtureLine;

void       fixture_line_free  (FixtureLine *line);

/* Every line of the document, empty ones too; the number of term ids in
 * @n_terms (may be NULL). */
GPtrArray *fixture_read_lines (guint       *n_terms);
