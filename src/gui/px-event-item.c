/* px-event-item.c: one event of the library as a list item
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-article-item.h"
#include "px-event-item.h"

struct _PxEventItem
{
  GObject parent_instance;

  gint64 id;
  char *label;
  GArray *article_ids;
  GListStore *articles;  /* PxArticleItem, once loaded */
  guint n_outlets;
  char *dates;
};

G_DEFINE_FINAL_TYPE (PxEventItem, px_event_item, G_TYPE_OBJECT)

static void
px_event_item_finalize (GObject *object)
{
  PxEventItem *self = PX_EVENT_ITEM (object);

  g_free (self->label);
  g_free (self->dates);
  g_clear_pointer (&self->article_ids, g_array_unref);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (px_event_item_parent_class)->finalize (object);
}

static void
px_event_item_class_init (PxEventItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_event_item_finalize;
}

static void
px_event_item_init (PxEventItem *self)
{
}

PxEventItem *
px_event_item_new (const PxEvent *event)
{
  PxEventItem *self;

  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (PX_TYPE_EVENT_ITEM, NULL);
  self->id = event->id;
  self->label = g_strdup (event->label);
  self->article_ids = g_array_copy (event->article_ids);
  return self;
}

gint64
px_event_item_get_id (PxEventItem *self)
{
  g_return_val_if_fail (PX_IS_EVENT_ITEM (self), 0);
  return self->id;
}

const char *
px_event_item_get_label (PxEventItem *self)
{
  g_return_val_if_fail (PX_IS_EVENT_ITEM (self), NULL);
  return self->label;
}

GArray *
px_event_item_get_article_ids (PxEventItem *self)
{
  g_return_val_if_fail (PX_IS_EVENT_ITEM (self), NULL);
  return self->article_ids;
}

void
px_event_item_load_details (PxEventItem *self,
                            PxStore     *store)
{
  g_autoptr (GHashTable) outlets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) summaries = NULL;
  const char *first = NULL, *last = NULL;

  g_return_if_fail (PX_IS_EVENT_ITEM (self));
  g_return_if_fail (PX_IS_STORE (store));

  if (self->articles != NULL)
    return;
  self->articles = g_list_store_new (PX_TYPE_ARTICLE_ITEM);
  /* Summaries only: the texts are read when an article is opened. */
  summaries = px_store_get_summaries (store, (const gint64 *) self->article_ids->data,
                                      self->article_ids->len, NULL);
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      PxArticleItem *item;

      item = px_article_item_new_from_summary (g_ptr_array_index (summaries, i));
      g_ptr_array_add (items, item);
      /* Kept by the item, so the table may point into it. */
      if (px_article_item_get_outlet (item) != NULL)
        g_hash_table_add (outlets, (gpointer) px_article_item_get_outlet (item));
      if (px_article_item_get_published (item) != NULL)
        {
          const char *date = px_article_item_get_published (item);

          if (first == NULL || g_strcmp0 (date, first) < 0)
            first = date;
          if (last == NULL || g_strcmp0 (date, last) > 0)
            last = date;
        }
    }
  g_list_store_splice (self->articles, 0, 0, items->pdata, items->len);
  self->n_outlets = g_hash_table_size (outlets);
  if (first != NULL && g_strcmp0 (first, last) == 0)
    self->dates = g_strdup (first);
  else if (first != NULL)
    self->dates = g_strdup_printf ("%s – %s", first, last);
}

guint
px_event_item_get_n_outlets (PxEventItem *self)
{
  g_return_val_if_fail (PX_IS_EVENT_ITEM (self), 0);
  return self->n_outlets;
}

const char *
px_event_item_get_dates (PxEventItem *self)
{
  g_return_val_if_fail (PX_IS_EVENT_ITEM (self), NULL);
  return self->dates;
}

GListModel *
px_event_item_get_articles (PxEventItem *self)
{
  g_return_val_if_fail (PX_IS_EVENT_ITEM (self), NULL);
  return G_LIST_MODEL (self->articles);
}
