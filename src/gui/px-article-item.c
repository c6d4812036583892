/* px-article-item.c: one row of an article list, for list views
 *
 * Immutable: a changed library makes new items. PxArticleRow shows one;
 * the byline and a search hit's snippet markup are derived here.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n.h>

#include "px-article-item.h"

struct _PxArticleItem
{
  GObject parent_instance;

  gint64 id;
  char *outlet;
  char *published;
  char *title;
  char *snippet_markup;
};

G_DEFINE_FINAL_TYPE (PxArticleItem, px_article_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_OUTLET,
  PROP_PUBLISHED,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_article_item_finalize (GObject *object)
{
  PxArticleItem *self = PX_ARTICLE_ITEM (object);

  g_free (self->outlet);
  g_free (self->published);
  g_free (self->title);
  g_free (self->snippet_markup);
  G_OBJECT_CLASS (px_article_item_parent_class)->finalize (object);
}

static void
px_article_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PxArticleItem *self = PX_ARTICLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_article_item_class_init (PxArticleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = px_article_item_finalize;
  object_class->get_property = px_article_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, ro);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_article_item_init (PxArticleItem *self)
{
}

static PxArticleItem *
item_new (gint64      id,
          const char *outlet,
          const char *published,
          const char *title)
{
  PxArticleItem *self = g_object_new (PX_TYPE_ARTICLE_ITEM, NULL);

  self->id = id;
  self->outlet = g_strdup (outlet);
  self->published = g_strdup (published);
  self->title = g_strdup (title);
  return self;
}

PxArticleItem *
px_article_item_new_from_summary (const PxArticleSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  return item_new (summary->id, summary->outlet, summary->published, summary->title);
}

/* The snippet after the title, when it starts with the title (the cleaned
 * text opens with it, and the row shows it already) and a match follows;
 * the snippet itself otherwise. A match open where the title ends is
 * opened again. */
static char *
snippet_after_title (const char *snippet,
                     const char *title)
{
  const char *s = snippet;
  const char *t = title;
  gboolean bold = FALSE;

  if (title == NULL || *title == '\0')
    return g_strdup (snippet);
  while (*t != '\0' && *s != '\0')
    {
      if (*s == '\x02' || *s == '\x03')
        bold = *s++ == '\x02';
      else if (*s++ != *t++)
        return g_strdup (snippet);
    }
  while (*s == '\x03' || g_ascii_isspace (*s))
    bold = *s++ == '\x03' ? FALSE : bold;
  /* Keep the title when the matched words are only there. */
  if (*t != '\0' || *s == '\0' || (!bold && strchr (s, '\x02') == NULL))
    return g_strdup (snippet);
  return g_strconcat (bold ? "\x02" : "", s, NULL);
}

PxArticleItem *
px_article_item_new_from_hit (const PxSearchHit *hit)
{
  PxArticleItem *self;
  g_autofree char *snippet = NULL;

  g_return_val_if_fail (hit != NULL, NULL);

  self = item_new (hit->id, hit->outlet, NULL, hit->title);
  snippet = hit->snippet != NULL ? snippet_after_title (hit->snippet, hit->title) : NULL;
  self->snippet_markup = px_snippet_to_markup (snippet);
  return self;
}

gint64
px_article_item_get_id (PxArticleItem *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_ITEM (self), 0);

  return self->id;
}

const char *
px_article_item_get_outlet (PxArticleItem *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_ITEM (self), NULL);

  return self->outlet;
}

const char *
px_article_item_get_published (PxArticleItem *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_ITEM (self), NULL);

  return self->published;
}

/* Never NULL or empty: an article without a title is called "Untitled". */
const char *
px_article_item_get_title (PxArticleItem *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_ITEM (self), NULL);

  if (self->title == NULL || *self->title == '\0')
    return _("Untitled");
  return self->title;
}

char *
px_article_item_dup_byline (PxArticleItem *self)
{
  g_autofree char *date = NULL;
  const char *outlet;

  g_return_val_if_fail (PX_IS_ARTICLE_ITEM (self), NULL);

  outlet = (self->outlet != NULL && *self->outlet != '\0') ? self->outlet : _("Unknown outlet");
  date = px_format_published (self->published);
  if (date == NULL)
    return g_strdup (outlet);
  /* Translators: an article's outlet and publication date in the library list */
  return g_strdup_printf (_("%s · %s"), outlet, date);
}

const char *
px_article_item_get_snippet_markup (PxArticleItem *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_ITEM (self), NULL);

  return self->snippet_markup;
}

/* "2024-03-12" as a localised date ("12 Mar 2024"); a partial or odd date
 * as it is; NULL for none. */
char *
px_format_published (const char *published)
{
  g_autoptr (GDateTime) date = NULL;
  int year, month, day;

  if (published == NULL || *published == '\0')
    return NULL;
  if (sscanf (published, "%4d-%2d-%2d", &year, &month, &day) != 3
      || (date = g_date_time_new_utc (year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (published);
  /* Translators: a publication date, see the strftime-like codes of
   * g_date_time_format (); %-d is the day without padding */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/* A search snippet, whose matches sit between \x02 and \x03, as Pango
 * markup on one line: everything escaped, the matches in bold, line and
 * paragraph breaks as spaces. */
char *
px_snippet_to_markup (const char *snippet)
{
  GString *markup;
  const char *run = snippet;
  gboolean bold = FALSE;

  if (snippet == NULL)
    return NULL;
  markup = g_string_sized_new (strlen (snippet) + 32);
  for (const char *p = snippet;; p++)
    {
      if (*p == '\x02' || *p == '\x03' || *p == '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (run, p - run);

          g_string_append (markup, escaped);
          run = p + 1;
          /* Unpaired marks (a snippet cut inside a match) must still give
           * well-formed markup. */
          if ((*p == '\x02') != bold && *p != '\0')
            {
              g_string_append (markup, bold ? "</b>" : "<b>");
              bold = !bold;
            }
          if (*p == '\0')
            break;
        }
    }
  if (bold)
    g_string_append (markup, "</b>");
  for (char *p = markup->str; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_string_free (markup, FALSE);
}
