/* px-article-row.c: one article in a list: outlet and date, the title, and for a search hit the matching words
 *
 * Built in code rather than from a GtkBuilder template: GTK 4.8's list
 * views make up to 200 rows at once, and parsing a template for each was
 * a fifth of the time the article list took to first appear
 * (docs/PERFORMANCE.md). Items never change, so binding sets the labels
 * once instead of watching expressions.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-article-row.h"

struct _PxArticleRow
{
  GtkWidget parent_instance;

  GtkLabel *byline;
  GtkLabel *title;
  GtkLabel *snippet;  /* made for the first search hit shown, then kept */
};

G_DEFINE_FINAL_TYPE (PxArticleRow, px_article_row, GTK_TYPE_WIDGET)

static GtkLabel *
add_label (PxArticleRow *self,
           const char   *css_class,
           int           lines)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (lines > 1)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), lines);
    }
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return GTK_LABEL (label);
}

static void
px_article_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (px_article_row_parent_class)->dispose (object);
}

static void
px_article_row_class_init (PxArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_article_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "article-row");
}

static void
px_article_row_init (PxArticleRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 6);

  self->byline = add_label (self, "caption", 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->byline), "dim-label");
  self->title = add_label (self, "heading", 2);
}

GtkWidget *
px_article_row_new (void)
{
  return g_object_new (PX_TYPE_ARTICLE_ROW, NULL);
}

/* @item: NULL empties the row. */
void
px_article_row_set_item (PxArticleRow  *self,
                         PxArticleItem *item)
{
  g_autofree char *byline = NULL;
  const char *snippet;

  g_return_if_fail (PX_IS_ARTICLE_ROW (self));
  g_return_if_fail (item == NULL || PX_IS_ARTICLE_ITEM (item));

  byline = item != NULL ? px_article_item_dup_byline (item) : NULL;
  snippet = item != NULL ? px_article_item_get_snippet_markup (item) : NULL;
  gtk_label_set_label (self->byline, byline);
  gtk_label_set_label (self->title, item != NULL ? px_article_item_get_title (item) : NULL);
  if (snippet != NULL && self->snippet == NULL)
    self->snippet = add_label (self, "caption", 3);
  if (self->snippet != NULL)
    {
      gtk_label_set_markup (self->snippet, snippet != NULL ? snippet : "");
      gtk_widget_set_visible (GTK_WIDGET (self->snippet), snippet != NULL);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, px_article_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  px_article_row_set_item (PX_ARTICLE_ROW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item));
}

/* The factory of the window's article lists (the library and search results). */
GtkListItemFactory *
px_article_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  return factory;
}
