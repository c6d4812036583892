/* px-article-list-model.c: the library's articles as a lazy GListModel
 *
 * Only the count is read up front; rows (PxArticleItem) are read a page at
 * a time when a list view asks for them, and a bounded number of pages is
 * kept, so a library of 100,000 articles opens as fast as one of ten.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-article-list-model.h"
#include "px-article-item.h"

/* About 12,800 rows: many screens of scrolling back and forth. */
#define MAX_CACHED_PAGES 64

struct _PxArticleListModel
{
  GObject parent_instance;

  PxStore *store;
  char *outlet;       /* the filter's fields, owned; NULL when unset */
  char *since;
  char *until;
  guint n_items;      /* the articles the filter keeps */
  guint total;        /* the articles in the library */
  GHashTable *pages;  /* page number → GPtrArray of PxArticleItem */
  GQueue recent;      /* page numbers, most recently used first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxArticleListModel, px_article_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
px_article_list_model_dispose (GObject *object)
{
  PxArticleListModel *self = PX_ARTICLE_LIST_MODEL (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_article_list_model_parent_class)->dispose (object);
}

static void
px_article_list_model_finalize (GObject *object)
{
  PxArticleListModel *self = PX_ARTICLE_LIST_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_free (self->outlet);
  g_free (self->since);
  g_free (self->until);
  G_OBJECT_CLASS (px_article_list_model_parent_class)->finalize (object);
}

static void
px_article_list_model_class_init (PxArticleListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_article_list_model_dispose;
  object_class->finalize = px_article_list_model_finalize;
}

static void
px_article_list_model_init (PxArticleListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

static GType
get_item_type (GListModel *model)
{
  return PX_TYPE_ARTICLE_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return PX_ARTICLE_LIST_MODEL (model)->n_items;
}

static PxArticleFilter
get_filter (PxArticleListModel *self)
{
  return (PxArticleFilter) { self->outlet, self->since, self->until };
}

static GPtrArray *
load_page (PxArticleListModel *self,
           guint               page)
{
  PxArticleFilter filter = get_filter (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *items;

  rows = px_store_list_filtered (self->store, &filter, page * PX_ARTICLE_LIST_PAGE_SIZE,
                                 PX_ARTICLE_LIST_PAGE_SIZE, &error);
  if (rows == NULL)
    {
      /* A list view cannot take an error; the rows stay empty and the next
       * request tries again. */
      g_warning ("Could not read the library list: %s", error->message);
      return NULL;
    }
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, px_article_item_new_from_summary (g_ptr_array_index (rows, i)));

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->recent) > MAX_CACHED_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
  return items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PxArticleListModel *self = PX_ARTICLE_LIST_MODEL (model);
  guint page = position / PX_ARTICLE_LIST_PAGE_SIZE;
  guint index = position % PX_ARTICLE_LIST_PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items != NULL)
    {
      /* Move the page to the front so that eviction takes the least used. */
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
    }
  else
    items = load_page (self, page);

  /* The library may have shrunk behind our back (parallax-cli rm); the
   * next reload fixes the count. */
  if (items == NULL || index >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

PxArticleListModel *
px_article_list_model_new (PxStore *store)
{
  PxArticleListModel *self;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  self = g_object_new (PX_TYPE_ARTICLE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* Reads the count again and forgets every cached row: after an import or
 * a deletion, any position may hold another article. */
gboolean
px_article_list_model_reload (PxArticleListModel  *self,
                              GError             **error)
{
  PxArticleFilter filter = get_filter (self);
  guint old_n_items;
  gint64 total, count;

  g_return_val_if_fail (PX_IS_ARTICLE_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  total = px_store_count_articles (self->store, error);
  if (total < 0)
    return FALSE;
  count = px_article_filter_is_empty (&filter) ? total : px_store_count_filtered (self->store, &filter, error);
  if (count < 0)
    return FALSE;

  old_n_items = self->n_items;
  self->total = (guint) MIN (total, G_MAXUINT);
  self->n_items = (guint) MIN (count, G_MAXUINT);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  if (old_n_items != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  return TRUE;
}

/* A copy of a filter's field, NULL when it does not filter. */
static char *
field_dup (const char *field)
{
  return field != NULL && *field != '\0' ? g_strdup (field) : NULL;
}

/* Shows only the articles @filter keeps (NULL: all of them), reloading.
 * On error (a malformed day) the list is left as it was. */
gboolean
px_article_list_model_set_filter (PxArticleListModel     *self,
                                  const PxArticleFilter  *filter,
                                  GError                **error)
{
  g_return_val_if_fail (PX_IS_ARTICLE_LIST_MODEL (self), FALSE);

  if (!px_article_filter_check (filter, error))
    return FALSE;
  g_free (self->outlet);
  g_free (self->since);
  g_free (self->until);
  self->outlet = filter != NULL ? field_dup (filter->outlet) : NULL;
  self->since = filter != NULL ? field_dup (filter->since) : NULL;
  self->until = filter != NULL ? field_dup (filter->until) : NULL;
  return px_article_list_model_reload (self, error);
}

/* The articles in the library, whatever the filter keeps. */
guint
px_article_list_model_get_total (PxArticleListModel *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_LIST_MODEL (self), 0);
  return self->total;
}
