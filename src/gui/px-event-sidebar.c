/* px-event-sidebar.c: the library's events, each opening to its articles
 *
 * A tree list: one row per event (its label, how many outlets, the date
 * range), expanding to its articles (outlet, date, title). Selecting an
 * event emits "event-activated": the window opens its comparison.
 * Selecting two to eight articles (Ctrl+click, Shift+click) offers
 * "Compare", which emits "compare-articles" with their ids. The articles
 * of an event and its outlet and date figures are read only when its row
 * comes on screen or opens.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-article-item.h"
#include "px-comparison-view.h"
#include "px-event-item.h"
#include "px-event-sidebar.h"

struct _PxEventSidebar
{
  AdwBin parent_instance;

  /* children */
  GtkListView *list;
  GtkWidget *compare_bar;
  GtkButton *compare_button;

  /* owned */
  PxStore *store;
  GListStore *events;         /* PxEventItem */
  GtkTreeListModel *tree;
  GtkMultiSelection *selection;
};

G_DEFINE_FINAL_TYPE (PxEventSidebar, px_event_sidebar, ADW_TYPE_BIN)

enum
{
  EVENT_ACTIVATED,
  COMPARE_ARTICLES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  PxEventSidebar *self = user_data;

  if (!PX_IS_EVENT_ITEM (item) || self->store == NULL)
    return NULL;
  px_event_item_load_details (item, self->store);
  return g_object_ref (px_event_item_get_articles (item));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-end", 6, NULL);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PxEventSidebar           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (box));
  GtkLabel *subtitle = GTK_LABEL (gtk_widget_get_last_child (box));
  gpointer item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (PX_IS_EVENT_ITEM (item))
    {
      PxEventItem *event = item;
      guint n_articles = px_event_item_get_article_ids (event)->len;
      g_autofree char *outlets = NULL;
      g_autofree char *text = NULL;

      px_event_item_load_details (event, self->store);
      outlets = g_strdup_printf (ngettext ("%u outlet", "%u outlets", px_event_item_get_n_outlets (event)),
                                 px_event_item_get_n_outlets (event));
      if (px_event_item_get_dates (event) != NULL)
        text = g_strdup_printf ("%s · %s", outlets, px_event_item_get_dates (event));
      gtk_label_set_text (title, px_event_item_get_label (event));
      gtk_label_set_text (subtitle, text != NULL ? text : outlets);
      gtk_widget_add_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_set_tooltip_text (box, px_event_item_get_label (event));
      /* Translators: the accessible name of an event row: label, articles. */
      text = (g_free (text), g_strdup_printf (ngettext ("%s, %u article", "%s, %u articles", n_articles),
                                              px_event_item_get_label (event), n_articles));
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  else
    {
      PxArticleItem *article = item;
      g_autofree char *byline = px_article_item_dup_byline (article);

      gtk_label_set_text (title, px_article_item_get_title (article));
      gtk_label_set_text (subtitle, byline);
      gtk_widget_remove_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_set_tooltip_text (box, px_article_item_get_title (article));
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      px_article_item_get_title (article), -1);
    }
  g_object_unref (item);
}

GArray *
px_event_sidebar_dup_selected_articles (PxEventSidebar *self)
{
  g_autoptr (GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint position;

  g_return_val_if_fail (PX_IS_EVENT_SIDEBAR (self), ids);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      if (PX_IS_ARTICLE_ITEM (item))
        {
          gint64 id = px_article_item_get_id (PX_ARTICLE_ITEM (item));

          g_array_append_val (ids, id);
        }
    }
  return ids;
}

static void
selection_changed_cb (PxEventSidebar *self)
{
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr (GArray) articles = px_event_sidebar_dup_selected_articles (self);
  g_autofree char *label = NULL;

  label = g_strdup_printf (ngettext ("_Compare %u Article", "_Compare %u Articles", articles->len),
                           articles->len);
  gtk_button_set_label (self->compare_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button),
                            articles->len >= 2 && articles->len <= PX_COMPARISON_VIEW_MAX_ARTICLES);
  gtk_widget_set_visible (self->compare_bar, articles->len >= 2);

  if (gtk_bitset_get_size (selected) == 1)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree),
                                                              gtk_bitset_get_minimum (selected));
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      if (PX_IS_EVENT_ITEM (item))
        g_signal_emit (self, signals[EVENT_ACTIVATED], 0, px_event_item_get_id (PX_EVENT_ITEM (item)));
    }
}

static void
compare_clicked_cb (PxEventSidebar *self)
{
  g_autoptr (GArray) ids = px_event_sidebar_dup_selected_articles (self);

  if (ids->len >= 2)
    g_signal_emit (self, signals[COMPARE_ARTICLES], 0, ids);
}

static void
px_event_sidebar_dispose (GObject *object)
{
  PxEventSidebar *self = PX_EVENT_SIDEBAR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (px_event_sidebar_parent_class)->dispose (object);
}

static void
px_event_sidebar_class_init (PxEventSidebarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = px_event_sidebar_dispose;

  /* An event row was selected alone: its id. */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* "Compare" on selected articles: a GArray of their gint64 ids. */
  signals[COMPARE_ARTICLES] =
    g_signal_new ("compare-articles", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "eventsidebar");
}

static void
px_event_sidebar_init (PxEventSidebar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->events = g_list_store_new (PX_TYPE_EVENT_ITEM);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->events)), FALSE, FALSE,
                                        create_children_cb, self, NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                 factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Events"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->compare_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Compare")));
  gtk_widget_add_css_class (GTK_WIDGET (self->compare_button), "suggested-action");
  gtk_widget_set_hexpand (GTK_WIDGET (self->compare_button), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_button),
                               _("Compare the selected articles side by side (two to eight)"));
  g_signal_connect_swapped (self->compare_button, "clicked", G_CALLBACK (compare_clicked_cb), self);
  self->compare_bar = gtk_action_bar_new ();
  gtk_action_bar_set_center_widget (GTK_ACTION_BAR (self->compare_bar), GTK_WIDGET (self->compare_button));
  gtk_widget_set_visible (self->compare_bar, FALSE);
  gtk_box_append (GTK_BOX (box), self->compare_bar);
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
px_event_sidebar_new (void)
{
  return g_object_new (PX_TYPE_EVENT_SIDEBAR, NULL);
}

void
px_event_sidebar_set_store (PxEventSidebar *self,
                            PxStore        *store)
{
  g_return_if_fail (PX_IS_EVENT_SIDEBAR (self));
  g_return_if_fail (store == NULL || PX_IS_STORE (store));

  g_set_object (&self->store, store);
  px_event_sidebar_reload (self);
}

void
px_event_sidebar_reload (PxEventSidebar *self)
{
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PX_IS_EVENT_SIDEBAR (self));

  g_list_store_remove_all (self->events);
  if (self->store == NULL)
    return;
  events = px_store_list_events (self->store, &error);
  if (events == NULL)
    {
      g_warning ("Could not list the events: %s", error->message);
      return;
    }
  /* Newest first: the last import is what a reader looks for. */
  for (guint i = events->len; i > 0; i--)
    g_ptr_array_add (items, px_event_item_new (events->pdata[i - 1]));
  g_list_store_splice (self->events, 0, 0, items->pdata, items->len);
}

GListModel *
px_event_sidebar_get_rows (PxEventSidebar *self)
{
  g_return_val_if_fail (PX_IS_EVENT_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->tree);
}

void
px_event_sidebar_select_row (PxEventSidebar *self,
                             guint           position,
                             gboolean        extend)
{
  g_return_if_fail (PX_IS_EVENT_SIDEBAR (self));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, !extend);
}
