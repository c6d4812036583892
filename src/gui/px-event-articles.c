/* px-event-articles.c: the articles of one event, read when first asked for
 *
 * GtkTreeListModel calls its create function for every row it shows, to
 * learn whether the row can open; reading an event's articles there made
 * a library of 93,060 articles read thousands of them before the first
 * frame. This model costs nothing until a row opens.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-article-item.h"
#include "px-error.h"
#include "px-event-articles.h"
#include "px-store-events.h"

struct _PxEventArticles
{
  GObject parent_instance;

  PxStore *store;       /* dropped once read */
  gint64 event_id;
  GPtrArray *items;     /* PxArticleItem; NULL until read */
};

static void px_event_articles_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxEventArticles, px_event_articles, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, px_event_articles_list_model_init))

static void
load (PxEventArticles *self)
{
  g_autoptr (PxEvent) event = NULL;
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (GError) error = NULL;

  if (self->items != NULL)
    return;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  /* Summaries only: the texts are read when an article is opened. */
  event = px_store_get_event (self->store, self->event_id, &error);
  if (event != NULL)
    summaries = px_store_get_summaries (self->store, (const gint64 *) event->article_ids->data,
                                        event->article_ids->len, &error);
  /* An event deleted by another program since the list was read has no
   * articles left to show; anything else is worth a word. */
  if (error != NULL && !g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
    g_warning ("Could not read the articles of event %" G_GINT64_FORMAT ": %s",
               self->event_id, error->message);
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    g_ptr_array_add (self->items, px_article_item_new_from_summary (summaries->pdata[i]));
  g_clear_object (&self->store);
}

static GType
get_item_type (GListModel *model)
{
  return PX_TYPE_ARTICLE_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  PxEventArticles *self = PX_EVENT_ARTICLES (model);

  load (self);
  return self->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PxEventArticles *self = PX_EVENT_ARTICLES (model);

  load (self);
  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
px_event_articles_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
px_event_articles_dispose (GObject *object)
{
  PxEventArticles *self = PX_EVENT_ARTICLES (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (px_event_articles_parent_class)->dispose (object);
}

static void
px_event_articles_finalize (GObject *object)
{
  PxEventArticles *self = PX_EVENT_ARTICLES (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (px_event_articles_parent_class)->finalize (object);
}

static void
px_event_articles_class_init (PxEventArticlesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_event_articles_dispose;
  object_class->finalize = px_event_articles_finalize;
}

static void
px_event_articles_init (PxEventArticles *self)
{
}

PxEventArticles *
px_event_articles_new (PxStore *store,
                       gint64   event_id)
{
  PxEventArticles *self;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  self = g_object_new (PX_TYPE_EVENT_ARTICLES, NULL);
  self->store = g_object_ref (store);
  self->event_id = event_id;
  return self;
}
