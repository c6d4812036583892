/* px-article.c
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-article.h"
#include "px-span.h"

struct _PxArticle
{
  GObject parent_instance;

  gint64 id;
  int cleaner_version;
  char *fields[10];
  GArray *removed;
};

G_DEFINE_FINAL_TYPE (PxArticle, px_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OUTLET,
  PROP_TITLE,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_LANGUAGE,
  PROP_FORMAT,
  PROP_SOURCE_FILE,
  PROP_CONTENT_HASH,
  PROP_RAW_TEXT,
  PROP_CLEAN_TEXT,
  N_PROPS
};

#define FIELD(prop) ((prop) - PROP_OUTLET)

static GParamSpec *properties[N_PROPS];

static void
set_field (PxArticle  *self,
           guint       prop,
           const char *value)
{
  char **field = &self->fields[FIELD (prop)];

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
px_article_finalize (GObject *object)
{
  PxArticle *self = PX_ARTICLE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    g_free (self->fields[i]);
  g_clear_pointer (&self->removed, g_array_unref);
  G_OBJECT_CLASS (px_article_parent_class)->finalize (object);
}

static void
px_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PxArticle *self = PX_ARTICLE (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id > PROP_ID && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[FIELD (prop_id)]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
px_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PxArticle *self = PX_ARTICLE (object);

  if (prop_id == PROP_ID)
    px_article_set_id (self, g_value_get_int64 (value));
  else if (prop_id > PROP_ID && prop_id < N_PROPS)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
px_article_class_init (PxArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *const names[N_PROPS] = {
    [PROP_OUTLET] = "outlet", [PROP_TITLE] = "title", [PROP_URL] = "url",
    [PROP_PUBLISHED] = "published", [PROP_LANGUAGE] = "language",
    [PROP_FORMAT] = "format", [PROP_SOURCE_FILE] = "source-file",
    [PROP_CONTENT_HASH] = "content-hash", [PROP_RAW_TEXT] = "raw-text",
    [PROP_CLEAN_TEXT] = "clean-text",
  };

  object_class->finalize = px_article_finalize;
  object_class->get_property = px_article_get_property;
  object_class->set_property = px_article_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = PROP_OUTLET; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_article_init (PxArticle *self)
{
  self->removed = px_span_array_new ();
}

PxArticle *
px_article_new (void)
{
  return g_object_new (PX_TYPE_ARTICLE, NULL);
}

gint64
px_article_get_id (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->id;
}

void
px_article_set_id (PxArticle *self,
                   gint64     id)
{
  g_return_if_fail (PX_IS_ARTICLE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define DEFINE_FIELD(name, PROP)                                   \
  const char *                                                     \
  px_article_get_##name (PxArticle *self)                          \
  {                                                                \
    g_return_val_if_fail (PX_IS_ARTICLE (self), NULL);             \
    return self->fields[FIELD (PROP)];                             \
  }                                                                \
  void                                                             \
  px_article_set_##name (PxArticle *self, const char *value)       \
  {                                                                \
    g_return_if_fail (PX_IS_ARTICLE (self));                       \
    set_field (self, PROP, value);                                 \
  }

DEFINE_FIELD (outlet, PROP_OUTLET)
DEFINE_FIELD (title, PROP_TITLE)
DEFINE_FIELD (url, PROP_URL)
DEFINE_FIELD (published, PROP_PUBLISHED)
DEFINE_FIELD (language, PROP_LANGUAGE)
DEFINE_FIELD (format, PROP_FORMAT)
DEFINE_FIELD (source_file, PROP_SOURCE_FILE)
DEFINE_FIELD (content_hash, PROP_CONTENT_HASH)
DEFINE_FIELD (raw_text, PROP_RAW_TEXT)
DEFINE_FIELD (clean_text, PROP_CLEAN_TEXT)

GArray *
px_article_get_removed (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), NULL);
  return self->removed;
}

void
px_article_set_removed (PxArticle *self,
                        GArray    *removed)
{
  g_return_if_fail (PX_IS_ARTICLE (self));
  g_return_if_fail (removed != NULL);
  g_array_ref (removed);
  g_clear_pointer (&self->removed, g_array_unref);
  self->removed = removed;
}

int
px_article_get_cleaner_version (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->cleaner_version;
}

void
px_article_set_cleaner_version (PxArticle *self,
                                int        version)
{
  g_return_if_fail (PX_IS_ARTICLE (self));
  self->cleaner_version = version;
}
