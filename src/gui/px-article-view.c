/* px-article-view.c: one article, read-only: title, outlet, date, address and text
 *
 * Shows the cleaned text; with "show-removed", the raw text instead, with
 * what cleaning removed dimmed in place and its reason in a tooltip, so a
 * reader can check what was cut. The header (outlet, date, title, address)
 * is the start of the same text buffer: a text view in a box cannot follow
 * width changes (it does not do height-for-width), so the text view itself
 * is the scrolled, clamped child.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-article-item.h"
#include "px-article-view.h"
#include "px-span.h"

struct _PxArticleView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkTextView *text_view;

  /* owned */
  PxArticle *article;
  gboolean show_removed;

};

G_DEFINE_FINAL_TYPE (PxArticleView, px_article_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ARTICLE,
  PROP_SHOW_REMOVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Why a span was removed, in words a reader understands. */
static const char *
describe_reason (PxRemovalReason reason)
{
  static const char *const descriptions[PX_N_REMOVAL_REASONS] = {
    [PX_REMOVAL_NAVIGATION] = N_("Removed: navigation"),
    [PX_REMOVAL_CAPTION] = N_("Removed: image caption or credit"),
    [PX_REMOVAL_PROMPT] = N_("Removed: share or subscribe prompt"),
    [PX_REMOVAL_FOOTER] = N_("Removed: footer"),
    [PX_REMOVAL_LINK_LINE] = N_("Removed: link"),
    [PX_REMOVAL_BYLINE] = N_("Removed: byline"),
    [PX_REMOVAL_REPEATED] = N_("Removed: repeated paragraph"),
    [PX_REMOVAL_NEAR_REPEATED] = N_("Removed: nearly repeated paragraph"),
    [PX_REMOVAL_UNRELATED_STORY] = N_("Removed: unrelated story"),
    [PX_REMOVAL_OUTSIDE_ARTICLE] = N_("Removed: outside the article"),
    [PX_REMOVAL_EMPTY] = N_("Removed: empty"),
  };

  if ((guint) reason >= PX_N_REMOVAL_REASONS || descriptions[reason] == NULL)
    return _("Removed");
  return _(descriptions[reason]);
}

/* A grey readable on both the light and the dark background. */
#define DIM_COLOR "#8a8a8a"

static void
append (GtkTextBuffer *buffer,
        const char    *text,
        gssize         length,
        GtkTextTag    *tag,
        GtkTextTag    *reason_tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags (buffer, &end, text, length, tag, reason_tag, NULL);
}

/* The raw text with each removed span dimmed, and the span's reason kept
 * on a tag of its own for the tooltip. */
static void
append_with_removed (PxArticleView *self,
                     GtkTextBuffer *buffer,
                     GtkTextTag    *removed_tag)
{
  const char *raw = px_article_get_raw_text (self->article);
  GArray *removed = px_article_get_removed (self->article);
  gsize length = strlen (raw);
  guint done = 0;

  for (guint i = 0; i < removed->len; i++)
    {
      const PxSpan *span = &g_array_index (removed, PxSpan, i);
      guint start = MAX (MIN (span->start, length), done);
      guint stop = MIN (span->end, length);

      if (start > done)
        append (buffer, raw + done, start - done, NULL, NULL);
      if (stop > start)
        {
          GtkTextTag *reason_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);

          g_object_set_data (G_OBJECT (reason_tag), "px-reason", GINT_TO_POINTER (span->reason + 1));
          append (buffer, raw + start, stop - start, span->restored ? NULL : removed_tag, reason_tag);
        }
      done = MAX (done, stop);
    }
  if (length > done)
    append (buffer, raw + done, length - done, NULL, NULL);
}

/* The cleaned text without its first line when that line is the title,
 * already shown above it. */
static const char *
skip_title (PxArticle *article)
{
  const char *text = px_article_get_clean_text (article);
  const char *title = px_article_get_title (article);
  gsize length;

  if (text == NULL)
    return "";
  if (title == NULL || *title == '\0')
    return text;
  length = strlen (title);
  if (strncmp (text, title, length) != 0 || (text[length] != '\n' && text[length] != '\0'))
    return text;
  text += length;
  while (*text == '\n')
    text++;
  return text;
}

static void
append_header (PxArticleView *self,
               GtkTextBuffer *buffer)
{
  const char *outlet = px_article_get_outlet (self->article);
  const char *title = px_article_get_title (self->article);
  const char *url = px_article_get_url (self->article);
  g_autofree char *date = px_format_published (px_article_get_published (self->article));
  g_autofree char *byline = NULL;
  GtkTextTag *byline_tag, *title_tag, *url_tag;

  byline_tag = gtk_text_buffer_create_tag (buffer, "byline",
                                           "foreground", DIM_COLOR,
                                           "scale", 0.9,
                                           "pixels-below-lines", 4,
                                           NULL);
  title_tag = gtk_text_buffer_create_tag (buffer, "title",
                                          "weight", 800,
                                          "scale", 1.8,
                                          "pixels-below-lines", 6,
                                          NULL);
  url_tag = gtk_text_buffer_create_tag (buffer, "url",
                                        "foreground", DIM_COLOR,
                                        "scale", 0.8,
                                        NULL);

  if (outlet == NULL || *outlet == '\0')
    outlet = _("Unknown outlet");
  /* Translators: an article's outlet and publication date above its title */
  byline = date != NULL ? g_strdup_printf (_("%s · %s"), outlet, date) : g_strdup (outlet);
  append (buffer, byline, -1, byline_tag, NULL);
  append (buffer, "\n", -1, byline_tag, NULL);
  append (buffer, (title != NULL && *title != '\0') ? title : _("Untitled"), -1, title_tag, NULL);
  append (buffer, "\n", -1, title_tag, NULL);
  if (url != NULL && *url != '\0')
    {
      append (buffer, url, -1, url_tag, NULL);
      append (buffer, "\n", -1, url_tag, NULL);
    }
  append (buffer, "\n", -1, NULL, NULL);
}

static void
update_text (PxArticleView *self)
{
  g_autoptr (GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);

  if (self->article != NULL)
    {
      const char *raw = px_article_get_raw_text (self->article);

      append_header (self, buffer);
      if (self->show_removed && raw != NULL && g_utf8_validate (raw, -1, NULL))
        {
          GtkTextTag *removed_tag = gtk_text_buffer_create_tag (buffer, "removed",
                                                                "foreground", DIM_COLOR,
                                                                "style", PANGO_STYLE_ITALIC,
                                                                NULL);

          append_with_removed (self, buffer, removed_tag);
        }
      else
        append (buffer, skip_title (self->article), -1, NULL, NULL);
    }
  gtk_text_view_set_buffer (self->text_view, buffer);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0.0);
}

static gboolean
text_query_tooltip_cb (PxArticleView *self,
                       int            x,
                       int            y,
                       gboolean       keyboard_mode,
                       GtkTooltip    *tooltip)
{
  g_autoptr (GSList) tags = NULL;
  GtkTextIter iter;
  int bx, by;

  if (keyboard_mode || !self->show_removed)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      int reason = GPOINTER_TO_INT (g_object_get_data (l->data, "px-reason"));

      if (reason > 0)
        {
          gtk_tooltip_set_text (tooltip, describe_reason (reason - 1));
          return TRUE;
        }
    }
  return FALSE;
}

static void
px_article_view_dispose (GObject *object)
{
  PxArticleView *self = PX_ARTICLE_VIEW (object);

  g_clear_object (&self->article);
  /* No gtk_widget_dispose_template (): AdwBin unparents its child itself. */
  G_OBJECT_CLASS (px_article_view_parent_class)->dispose (object);
}

static void
px_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PxArticleView *self = PX_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_SHOW_REMOVED:
      g_value_set_boolean (value, self->show_removed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PxArticleView *self = PX_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      px_article_view_set_article (self, g_value_get_object (value));
      break;
    case PROP_SHOW_REMOVED:
      px_article_view_set_show_removed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_article_view_class_init (PxArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_article_view_dispose;
  object_class->get_property = px_article_view_get_property;
  object_class->set_property = px_article_view_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, PX_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_REMOVED] =
    g_param_spec_boolean ("show-removed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/ui/px-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PxArticleView, text_view);
}

static void
px_article_view_init (PxArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect_swapped (self->text_view, "query-tooltip",
                            G_CALLBACK (text_query_tooltip_cb), self);
  update_text (self);
}

GtkWidget *
px_article_view_new (void)
{
  return g_object_new (PX_TYPE_ARTICLE_VIEW, NULL);
}

PxArticle *
px_article_view_get_article (PxArticleView *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

void
px_article_view_set_article (PxArticleView *self,
                             PxArticle     *article)
{
  g_return_if_fail (PX_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || PX_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;
  update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

gboolean
px_article_view_get_show_removed (PxArticleView *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), FALSE);

  return self->show_removed;
}

void
px_article_view_set_show_removed (PxArticleView *self,
                                  gboolean       show_removed)
{
  g_return_if_fail (PX_IS_ARTICLE_VIEW (self));

  show_removed = !!show_removed;
  if (self->show_removed == show_removed)
    return;
  self->show_removed = show_removed;
  update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_REMOVED]);
}
