/* px-reclean.c: cleaning an article again, and restoring what was removed
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-reclean.h"

#include "px-error.h"
#include "px-events.h"
#include "px-readers.h"
#include "px-span.h"
#include "px-store-analysis.h"
#include "px-store-events.h"
#include "px-store-notes.h"

/* The clean texts of the other articles of @id's event, NULL-terminated. */
static GStrv
related_texts (PxStore  *store,
               gint64    id,
               GError  **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (PxEvent) event = NULL;
  gint64 event_id = px_store_get_article_event (store, id, NULL, error);

  if (event_id < 0)
    return NULL;
  if (event_id > 0 && (event = px_store_get_event (store, event_id, error)) == NULL)
    return NULL;
  for (guint i = 0; event != NULL && i < event->article_ids->len; i++)
    {
      gint64 other_id = g_array_index (event->article_ids, gint64, i);
      g_autoptr (PxArticle) other = NULL;

      if (other_id == id)
        continue;
      if ((other = px_store_get_article (store, other_id, error)) == NULL)
        return NULL;
      g_strv_builder_add (builder, px_article_get_clean_text (other));
    }
  return g_strv_builder_end (builder);
}

/* The removals the cleaner starts from: what the format's reader decides
 * again from the raw text (metadata lines), what an HTML extractor decided
 * at import (its page is not kept, so its spans stay), and what the user
 * restored. */
static GArray *
given_spans (PxArticle *article)
{
  g_autoptr (GArray) given = px_span_array_new ();
  g_autoptr (GArray) restored = px_span_array_new ();
  GArray *current = px_article_get_removed (article);
  const char *format = px_article_get_format (article);
  gboolean html = g_strcmp0 (format, "html") == 0;

  for (guint i = 0; i < current->len; i++)
    {
      const PxSpan *span = &g_array_index (current, PxSpan, i);
      if (span->restored)
        g_array_append_val (restored, *span);
      else if (html && span->reason == PX_REMOVAL_OUTSIDE_ARTICLE)
        g_array_append_val (given, *span);
    }
  if (g_strcmp0 (format, "text") == 0 || g_strcmp0 (format, "markdown") == 0)
    {
      g_autoptr (GPtrArray) items = px_text_reader_read (px_article_get_raw_text (article), format);
      GArray *metadata = ((PxImportItem *) g_ptr_array_index (items, 0))->given;

      for (guint i = 0; i < metadata->len; i++)
        {
          const PxSpan *span = &g_array_index (metadata, PxSpan, i);
          if (!px_span_array_contains (restored, span->start))
            g_array_append_val (given, *span);
        }
    }
  g_array_append_vals (given, restored->data, restored->len);
  return g_steal_pointer (&given);
}

/* Stores a new cleaning of @id, and in the same transaction what is made
 * from the clean text: the notes' places and the term profile. The search
 * index follows by trigger, and cached comparisons by their key, which
 * holds a digest of the clean texts compared (px-comparison-format.c). */
static gboolean
store_cleaning (PxStore       *store,
                gint64         id,
                const char    *clean_text,
                const GArray  *removed,
                int            version,
                GError       **error)
{
  if (!px_store_begin (store, error))
    return FALSE;
  if (!px_store_update_cleaning (store, id, clean_text, removed, version, error) ||
      !px_store_reanchor_notes (store, id, error) ||
      !px_events_reprofile (store, &id, 1, error) ||
      !px_store_commit (store, error))
    {
      px_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_reclean_article (PxStore    *store,
                    PxCleaner  *cleaner,
                    gint64      id,
                    GError    **error)
{
  g_autoptr (PxArticle) article = NULL;
  g_autoptr (GArray) given = NULL;
  g_autoptr (PxCleaning) cleaning = NULL;
  g_auto (GStrv) related = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  g_return_val_if_fail (PX_IS_CLEANER (cleaner), FALSE);

  article = px_store_get_article (store, id, error);
  if (article == NULL)
    return FALSE;
  related = related_texts (store, id, error);
  if (related == NULL)
    return FALSE;
  given = given_spans (article);
  cleaning = px_cleaner_clean (cleaner, px_article_get_raw_text (article),
                               px_article_get_title (article), px_article_get_language (article),
                               given, (const char * const *) related);
  return store_cleaning (store, id, cleaning->clean_text, cleaning->removed, PX_CLEANER_VERSION,
                         error);
}

gint64
px_reclean_outdated (PxStore       *store,
                     PxCleaner     *cleaner,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr (GArray) ids = px_store_list_outdated_cleaning (store, PX_CLEANER_VERSION, error);

  if (ids == NULL)
    return -1;
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !px_reclean_article (store, cleaner, g_array_index (ids, gint64, i), error))
        return -1;
    }
  return ids->len;
}

gboolean
px_reclean_restore_span (PxStore   *store,
                         gint64     id,
                         guint      start,
                         gboolean   restored,
                         GError   **error)
{
  g_autoptr (PxArticle) article = NULL;
  g_autofree char *clean_text = NULL;
  GArray *spans;
  PxSpan *span = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), FALSE);

  article = px_store_get_article (store, id, error);
  if (article == NULL)
    return FALSE;
  spans = px_article_get_removed (article);
  for (guint i = 0; i < spans->len && span == NULL; i++)
    if (g_array_index (spans, PxSpan, i).start == start)
      span = &g_array_index (spans, PxSpan, i);
  if (span == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND,
                   "Article %" G_GINT64_FORMAT " has no removed span at offset %u", id, start);
      return FALSE;
    }
  span->restored = restored;
  clean_text = px_cleaner_apply (px_article_get_raw_text (article), spans);
  return store_cleaning (store, id, clean_text, spans, px_article_get_cleaner_version (article),
                         error);
}
