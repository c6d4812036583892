/* px-reclean.h: cleaning an article again, and restoring what was removed
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-cleaner.h"
#include "px-store.h"

G_BEGIN_DECLS

/* Cleans article @id again with @cleaner, keeping the spans the user
 * restored, and using the other articles of its event to find an
 * unrelated appended story. What is made from the clean text follows it
 * in the same transaction: the search index, the notes' places, the term
 * profile used for events and word weights, and (by their key) cached
 * comparisons. */
gboolean px_reclean_article        (PxStore      *store,
                                    PxCleaner    *cleaner,
                                    gint64        id,
                                    GError      **error);

/* Recleans every article cleaned by an older PX_CLEANER_VERSION; returns
 * how many, or -1 with @error. */
gint64   px_reclean_outdated       (PxStore      *store,
                                    PxCleaner    *cleaner,
                                    GCancellable *cancellable,
                                    GError      **error);

/* Puts the removed span of article @id that starts at byte @start back
 * into its clean text (@restored TRUE) or removes it again (FALSE); what
 * is made from the clean text follows, as for px_reclean_article (). */
gboolean px_reclean_restore_span   (PxStore      *store,
                                    gint64        id,
                                    guint         start,
                                    gboolean      restored,
                                    GError      **error);

G_END_DECLS
