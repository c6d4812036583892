/* px-event-item.c: one event of the library as a list item
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-article-item.h"
#include "px-event-articles.h"
#include "px-event-item.h"

struct _PxEventItem
{
  GObject parent_instance;

  gint64 id;
  char *label;
  guint n_articles;
  guint n_outlets;
  char *dates;
  PxEventArticles *articles;
};

G_DEFINE_FINAL_TYPE (PxEventItem, px_event_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_event_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PxEventItem *self = PX_EVENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_event_item_finalize (GObject *object)
{
  PxEventItem *self = PX_EVENT_ITEM (object);

  g_free (self->label);
  g_free (self->dates);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (px_event_item_parent_class)->finalize (object);
}

static void
px_event_item_class_init (PxEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = px_event_item_get_property;
  object_class->finalize = px_event_item_finalize;

  /* For GtkPropertyExpression: a drop-down of events shows and searches it. */
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_event_item_init (PxEventItem *self)
{
}

PxEventItem *
px_event_item_new (const PxEventSummary *summary,
                   PxStore              *store)
{
  PxEventItem *self;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  self = g_object_new (PX_TYPE_EVENT_ITEM, NULL);
  self->id = summary->id;
  self->label = g_strdup (summary->label);
  self->n_articles = summary->n_articles;
  self->n_outlets = summary->n_outlets;
  first = px_format_published (summary->first_published);
  last = px_format_published (summary->last_published);
  if (first != NULL && g_strcmp0 (first, last) == 0)
    self->dates = g_steal_pointer (&first);
  else if (first != NULL)
    self->dates = g_strdup_printf ("%s – %s", first, last);
  self->articles = px_event_articles_new (store, summary->id);
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

guint
px_event_item_get_n_articles (PxEventItem *self)
{
  g_return_val_if_fail (PX_IS_EVENT_ITEM (self), 0);
  return self->n_articles;
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
