/* px-event-sidebar.c: the library's events, each opening to its articles
 *
 * A tree list: one row per event (its label, how many outlets, the date
 * range), expanding to its articles (outlet, date, title). Selecting an
 * event emits "event-activated": the window opens its comparison.
 * Selecting two to eight articles (Ctrl+click, Shift+click) offers
 * "Compare", which emits "compare-articles" with their ids.
 *
 * A library of 100,000 articles opens at once: the events are read, with
 * their figures, in one query when the sidebar is first shown, and the
 * articles of an event only when its row opens (PxEventArticles).
 *
 * Changing events is the window's work (win.event-* actions, with undo);
 * the sidebar offers them in a context menu on the rows (right click,
 * Shift+F10 or Menu) and lets an article row be dragged onto an event
 * row, which emits "article-dropped".
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-article-item.h"
#include "px-comparison-view.h"
#include "px-error.h"
#include "px-event-item.h"
#include "px-event-sidebar.h"
#include "px-first-rows.h"
#include "px-store-events.h"

struct _PxEventSidebar
{
  AdwBin parent_instance;

  /* children */
  GtkListView *list;
  GtkWidget *compare_bar;
  GtkButton *compare_button;
  GtkWidget *menu;             /* GtkPopoverMenu of the rows */

  /* owned */
  PxStore *store;
  GListStore *events;          /* PxEventItem, newest first */
  GtkTreeListModel *tree;
  GtkSliceListModel *rows;          /* the tree's rows the list shows: px-first-rows.c */
  GtkMultiSelection *selection;
  gboolean loaded;             /* the events of @store have been read */
};

G_DEFINE_FINAL_TYPE (PxEventSidebar, px_event_sidebar, ADW_TYPE_BIN)

enum
{
  EVENT_ACTIVATED,
  COMPARE_ARTICLES,
  SELECTION_CHANGED,
  ARTICLE_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  /* Called for every row shown, to learn whether it opens: the model
   * reads nothing until the row does. */
  if (!PX_IS_EVENT_ITEM (item))
    return NULL;
  return g_object_ref (px_event_item_get_articles (item));
}

/* The item (PxEventItem or PxArticleItem) a row widget shows, or NULL. */
static gpointer
dup_row_item (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *list_item)
{
  g_autoptr (GObject) item = dup_row_item (list_item);

  /* Articles move between events; events do not move. */
  if (!PX_IS_ARTICLE_ITEM (item))
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, px_article_item_get_id (PX_ARTICLE_ITEM (item)));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr (GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                GtkListItem   *list_item)
{
  g_autoptr (GObject) item = dup_row_item (list_item);

  return PX_IS_EVENT_ITEM (item) ? GDK_ACTION_MOVE : 0;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  PxEventSidebar *self = PX_EVENT_SIDEBAR (gtk_widget_get_ancestor (row, PX_TYPE_EVENT_SIDEBAR));
  g_autoptr (GObject) item = dup_row_item (list_item);

  if (!PX_IS_EVENT_ITEM (item) || !G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  g_signal_emit (self, signals[ARTICLE_DROPPED], 0, g_value_get_int64 (value),
                 px_event_item_get_id (PX_EVENT_ITEM (item)));
  return TRUE;
}

static GMenuModel *
build_menu (void)
{
  static const struct
  {
    const char *label;
    const char *action;
    const char *accel;
  } entries[] = {
    { N_("_Rename Event…"), "win.event-rename", "F2" },
    { N_("_Merge Events"), "win.event-merge", "<Primary>j" },
    { N_("_Split Into New Event"), "win.event-split", "<Primary><Shift>j" },
    { N_("Mo_ve to Event…"), "win.event-move", "<Primary><Alt>m" },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_(entries[i].label), entries[i].action);

      g_menu_item_set_attribute (item, "accel", "s", entries[i].accel);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
popup_at (PxEventSidebar *self,
          GtkWidget      *widget,
          double          x,
          double          y)
{
  graphene_point_t point;
  GdkRectangle rect;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  /* Built when first asked for, not with the window. */
  if (self->menu == NULL)
    {
      g_autoptr (GMenuModel) menu = build_menu ();

      self->menu = gtk_popover_menu_new_from_model (menu);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  PxEventSidebar *self = PX_EVENT_SIDEBAR (gtk_widget_get_ancestor (row, PX_TYPE_EVENT_SIDEBAR));
  guint position = gtk_list_item_get_position (list_item);

  /* As in Files: a right click on a row outside the selection selects
   * it alone; on a selected one, it keeps the selection to act on. */
  if (position != GTK_INVALID_LIST_POSITION
      && !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at (self, row, x, y);
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
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  GtkGesture *click = gtk_gesture_click_new ();

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

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), list_item);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion_cb), list_item);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));
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
  g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (PX_IS_EVENT_ITEM (item))
    {
      PxEventItem *event = PX_EVENT_ITEM (item);
      guint n_articles = px_event_item_get_n_articles (event);
      guint n_outlets = px_event_item_get_n_outlets (event);
      g_autofree char *outlets = NULL;
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;

      outlets = g_strdup_printf (ngettext ("%u outlet", "%u outlets", n_outlets), n_outlets);
      if (px_event_item_get_dates (event) != NULL)
        text = g_strdup_printf ("%s · %s", outlets, px_event_item_get_dates (event));
      gtk_label_set_text (title, px_event_item_get_label (event));
      gtk_label_set_text (subtitle, text != NULL ? text : outlets);
      gtk_widget_add_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_set_tooltip_text (box, px_event_item_get_label (event));
      /* Translators: the accessible name of an event row: label, articles. */
      name = g_strdup_printf (ngettext ("%s, %u article", "%s, %u articles", n_articles),
                              px_event_item_get_label (event), n_articles);
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    {
      PxArticleItem *article = PX_ARTICLE_ITEM (item);
      g_autofree char *byline = px_article_item_dup_byline (article);

      gtk_label_set_text (title, px_article_item_get_title (article));
      gtk_label_set_text (subtitle, byline);
      gtk_widget_remove_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_set_tooltip_text (box, px_article_item_get_title (article));
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      px_article_item_get_title (article), -1);
    }
}

/* The ids of the selected rows whose items are of @type. */
static GArray *
dup_selected_ids (PxEventSidebar *self,
                  GType           type)
{
  g_autoptr (GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint position;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);
      gint64 id;

      if (!G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        continue;
      id = type == PX_TYPE_EVENT_ITEM ? px_event_item_get_id (PX_EVENT_ITEM (item))
                                      : px_article_item_get_id (PX_ARTICLE_ITEM (item));
      g_array_append_val (ids, id);
    }
  return ids;
}

GArray *
px_event_sidebar_dup_selected_articles (PxEventSidebar *self)
{
  g_return_val_if_fail (PX_IS_EVENT_SIDEBAR (self), NULL);
  return dup_selected_ids (self, PX_TYPE_ARTICLE_ITEM);
}

GArray *
px_event_sidebar_dup_selected_events (PxEventSidebar *self)
{
  g_return_val_if_fail (PX_IS_EVENT_SIDEBAR (self), NULL);
  return dup_selected_ids (self, PX_TYPE_EVENT_ITEM);
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
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);

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

void
px_event_sidebar_popup_menu (PxEventSidebar *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (PX_IS_EVENT_SIDEBAR (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    popup_at (self, focus, 12, gtk_widget_get_height (focus) / 2.0);
  else
    popup_at (self, GTK_WIDGET (self->list), 12, 12);
}

static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  px_event_sidebar_popup_menu (PX_EVENT_SIDEBAR (widget));
}

static void
map_cb (PxEventSidebar *self)
{
  if (!self->loaded)
    px_event_sidebar_reload (self);
}

static void
px_event_sidebar_dispose (GObject *object)
{
  PxEventSidebar *self = PX_EVENT_SIDEBAR (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->tree);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (px_event_sidebar_parent_class)->dispose (object);
}

static void
px_event_sidebar_class_init (PxEventSidebarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_event_sidebar_dispose;

  /* An event row was selected alone: its id. */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* "Compare" on selected articles: a GArray of their gint64 ids. */
  signals[COMPARE_ARTICLES] =
    g_signal_new ("compare-articles", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);
  /* The selected rows changed: what can be done to them may have. */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* An article row was dropped on an event row: the article's and the
   * event's ids. */
  signals[ARTICLE_DROPPED] =
    g_signal_new ("article-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "sidebar.popup-menu", NULL, popup_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "sidebar.popup-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sidebar.popup-menu", NULL);
  gtk_widget_class_set_css_name (widget_class, "eventsidebar");
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
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  self->rows = px_first_rows_new (g_object_ref (G_LIST_MODEL (self->tree)), GTK_WIDGET (self->list));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
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

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
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
  g_list_store_remove_all (self->events);
  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    px_event_sidebar_reload (self);
}

void
px_event_sidebar_reload (PxEventSidebar *self)
{
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PX_IS_EVENT_SIDEBAR (self));

  /* Hidden, it waits to be shown: the window reloads after every import. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_list_store_remove_all (self->events);
      self->loaded = FALSE;
      return;
    }
  self->loaded = TRUE;
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->events);
      return;
    }
  summaries = px_store_list_event_summaries (self->store, &error);
  if (summaries == NULL)
    {
      g_warning ("Could not list the events: %s", error->message);
      g_list_store_remove_all (self->events);
      return;
    }
  /* Newest first: the last import is what a reader looks for. */
  for (guint i = summaries->len; i > 0; i--)
    g_ptr_array_add (items, px_event_item_new (summaries->pdata[i - 1], self->store));
  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       items->pdata, items->len);
}

/* The position of event @id in self->events, or where it would go. */
static guint
event_position (PxEventSidebar *self,
                gint64          id,
                gboolean       *found)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PxEventItem) item = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      if (px_event_item_get_id (item) <= id)
        {
          *found = px_event_item_get_id (item) == id;
          return i;
        }
    }
  *found = FALSE;
  return n;
}

void
px_event_sidebar_update_events (PxEventSidebar *self,
                                const gint64   *ids,
                                guint           n_ids)
{
  g_return_if_fail (PX_IS_EVENT_SIDEBAR (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  if (!self->loaded || self->store == NULL)
    return;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr (PxEventSummary) summary = NULL;
      g_autoptr (PxEventItem) item = NULL;
      g_autoptr (GError) error = NULL;
      gboolean found;
      guint position = event_position (self, ids[i], &found);

      guint row = found ? px_event_sidebar_find_event (self, ids[i]) : G_MAXUINT;
      gboolean expanded = FALSE;

      if (row != G_MAXUINT)
        {
          g_autoptr (GtkTreeListRow) tree_row = g_list_model_get_item (G_LIST_MODEL (self->tree), row);

          expanded = gtk_tree_list_row_get_expanded (tree_row);
        }
      summary = px_store_get_event_summary (self->store, ids[i], &error);
      if (summary == NULL && !g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read event %" G_GINT64_FORMAT ": %s", ids[i], error->message);
      if (summary != NULL)
        item = px_event_item_new (summary, self->store);
      g_list_store_splice (self->events, position, found ? 1 : 0, (gpointer *) &item, item != NULL ? 1 : 0);
      /* An open event stays open, showing its articles as they now are. */
      if (expanded && item != NULL && (row = px_event_sidebar_find_event (self, ids[i])) != G_MAXUINT)
        {
          g_autoptr (GtkTreeListRow) tree_row = g_list_model_get_item (G_LIST_MODEL (self->tree), row);

          gtk_tree_list_row_set_expanded (tree_row, TRUE);
        }
    }
}

GListModel *
px_event_sidebar_get_events (PxEventSidebar *self)
{
  g_return_val_if_fail (PX_IS_EVENT_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->events);
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
  px_first_rows_open (self->rows);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, !extend);
}

guint
px_event_sidebar_find_event (PxEventSidebar *self,
                             gint64          event_id)
{
  guint n;

  g_return_val_if_fail (PX_IS_EVENT_SIDEBAR (self), G_MAXUINT);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      if (PX_IS_EVENT_ITEM (item) && px_event_item_get_id (PX_EVENT_ITEM (item)) == event_id)
        return i;
    }
  return G_MAXUINT;
}
