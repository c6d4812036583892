/* px-filter-button.c: the library sidebar's filter: one outlet, a range of days
 *
 * A button beside the search field; its popover picks an outlet (with a
 * search, as a library holds hundreds) and the first and last day of
 * publication. The articles list and the search results follow it. A day
 * that is not one is marked and left out of the filter rather than
 * emptying the list. The popover is built when first opened, like the
 * window's menus, so start-up does not pay for it.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-filter-button.h"

struct _PxFilterButton
{
  AdwBin parent_instance;

  GtkMenuButton *button;
  GtkStringList *outlet_names;  /* "All Outlets", then the outlets; NULL until the popover is built */
  GtkDropDown *outlet;
  GtkEditable *since_entry;
  GtkEditable *until_entry;
  GtkWidget *clear_button;

  PxStore *store;
  GStrv outlets;       /* read when the popover is built, and on reload */
  char *outlet_shown;  /* the filter, as emitted: owned, NULL when unset */
  char *since;
  char *until;
  PxArticleFilter filter;
};

G_DEFINE_FINAL_TYPE (PxFilterButton, px_filter_button, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mark_day (GtkEditable *entry,
          gboolean     wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/* The day @entry holds, trimmed, for the filter: NULL when it is empty or
 * not a day, which is then marked. */
static char *
checked_day (GtkEditable *entry)
{
  g_autofree char *day = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  PxArticleFilter one = { .since = day };
  gboolean wrong = *day != '\0' && !px_article_filter_check (&one, NULL);

  mark_day (entry, wrong);
  return *day != '\0' && !wrong ? g_steal_pointer (&day) : NULL;
}

static void
set_field (char      **field,
           char       *value,
           gboolean   *changed)
{
  if (g_strcmp0 (*field, value) != 0)
    *changed = TRUE;
  g_free (*field);
  *field = value;
}

/* Reads the popover's fields into the filter; emits ::changed when it moved. */
static void
update_filter (PxFilterButton *self)
{
  guint selected = gtk_drop_down_get_selected (self->outlet);
  char *since = checked_day (self->since_entry);
  char *until = checked_day (self->until_entry);
  gboolean changed = FALSE;
  PxArticleFilter range = { .since = since, .until = until };

  /* Days the wrong way round: both marked, neither applied. */
  if (!px_article_filter_check (&range, NULL))
    {
      mark_day (self->since_entry, TRUE);
      mark_day (self->until_entry, TRUE);
      g_clear_pointer (&since, g_free);
      g_clear_pointer (&until, g_free);
    }
  set_field (&self->outlet_shown,
             selected != GTK_INVALID_LIST_POSITION && selected > 0
               ? g_strdup (gtk_string_list_get_string (self->outlet_names, selected)) : NULL,
             &changed);
  set_field (&self->since, since, &changed);
  set_field (&self->until, until, &changed);
  self->filter = (PxArticleFilter) { self->outlet_shown, self->since, self->until };

  gtk_widget_set_sensitive (self->clear_button, selected > 0
                                                || *gtk_editable_get_text (self->since_entry) != '\0'
                                                || *gtk_editable_get_text (self->until_entry) != '\0');
  if (px_article_filter_is_empty (&self->filter))
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "accent");
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Fills the outlet list, keeping the chosen outlet when it is still there. */
static void
fill_outlets (PxFilterButton *self)
{
  g_autofree char *chosen = g_strdup (self->outlet_shown);
  guint position = 0;

  g_signal_handlers_block_by_func (self->outlet, update_filter, self);
  gtk_string_list_splice (self->outlet_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->outlet_names)) - 1,
                          (const char * const *) self->outlets);
  for (guint i = 0; chosen != NULL && self->outlets != NULL && self->outlets[i] != NULL; i++)
    {
      if (g_str_equal (self->outlets[i], chosen))
        position = i + 1;
    }
  gtk_drop_down_set_selected (self->outlet, position);
  g_signal_handlers_unblock_by_func (self->outlet, update_filter, self);
}

static void
read_outlets (PxFilterButton *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->outlets, g_strfreev);
  if (self->store != NULL && (self->outlets = px_store_list_outlets (self->store, &error)) == NULL)
    g_warning ("Could not read the outlets: %s", error->message);
}

static void
clear_cb (PxFilterButton *self)
{
  gtk_drop_down_set_selected (self->outlet, 0);
  gtk_editable_set_text (self->since_entry, "");
  gtk_editable_set_text (self->until_entry, "");
}

static GtkEditable *
add_day_entry (GtkWidget  *box,
               const char *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_box_append (GTK_BOX (box), entry);
  return GTK_EDITABLE (entry);
}

static GtkWidget *
add_heading (GtkWidget  *box,
             const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  PxFilterButton *self = user_data;
  g_autoptr (GtkExpression) name = NULL;
  GtkWidget *box, *days, *popover, *label;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  label = add_heading (box, _("_Outlet"));
  self->outlet_names = gtk_string_list_new ((const char *[]) { _("All Outlets"), NULL });
  name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->outlet = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->outlet_names)),
                                                  g_steal_pointer (&name)));
  gtk_drop_down_set_enable_search (self->outlet, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->outlet));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->outlet));

  label = add_heading (box, _("_Published"));
  gtk_widget_set_margin_top (label, 6);
  days = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->since_entry = add_day_entry (days, _("First day"));
  gtk_box_append (GTK_BOX (days), gtk_label_new ("–"));
  self->until_entry = add_day_entry (days, _("Last day"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->since_entry));
  gtk_box_append (GTK_BOX (box), days);

  self->clear_button = gtk_button_new_with_mnemonic (_("_Clear Filter"));
  gtk_widget_set_margin_top (self->clear_button, 6);
  gtk_box_append (GTK_BOX (box), self->clear_button);

  read_outlets (self);
  fill_outlets (self);
  g_signal_connect_swapped (self->outlet, "notify::selected", G_CALLBACK (update_filter), self);
  g_signal_connect_swapped (self->since_entry, "changed", G_CALLBACK (update_filter), self);
  g_signal_connect_swapped (self->until_entry, "changed", G_CALLBACK (update_filter), self);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_cb), self);
  gtk_widget_set_sensitive (self->clear_button, FALSE);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static void
px_filter_button_dispose (GObject *object)
{
  PxFilterButton *self = PX_FILTER_BUTTON (object);

  g_clear_object (&self->outlet_names);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_filter_button_parent_class)->dispose (object);
}

static void
px_filter_button_finalize (GObject *object)
{
  PxFilterButton *self = PX_FILTER_BUTTON (object);

  g_strfreev (self->outlets);
  g_free (self->outlet_shown);
  g_free (self->since);
  g_free (self->until);
  G_OBJECT_CLASS (px_filter_button_parent_class)->finalize (object);
}

static void
px_filter_button_class_init (PxFilterButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_filter_button_dispose;
  object_class->finalize = px_filter_button_finalize;

  /* The filter changed: px_filter_button_get_filter () has the new one. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
px_filter_button_init (PxFilterButton *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "funnel-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Filter Articles"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter Articles"), -1);
  gtk_menu_button_set_create_popup_func (self->button, create_popover_cb, self, NULL);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
}

GtkWidget *
px_filter_button_new (void)
{
  return g_object_new (PX_TYPE_FILTER_BUTTON, NULL);
}

/* The library whose outlets the filter offers. */
void
px_filter_button_set_store (PxFilterButton *self,
                            PxStore        *store)
{
  g_return_if_fail (PX_IS_FILTER_BUTTON (self));

  g_set_object (&self->store, store);
  px_filter_button_reload (self);
}

/* Reads the outlets again, after the library changed; an outlet chosen
 * that is no longer in it is dropped from the filter. */
void
px_filter_button_reload (PxFilterButton *self)
{
  g_return_if_fail (PX_IS_FILTER_BUTTON (self));

  if (self->outlet_names == NULL)
    return;
  read_outlets (self);
  fill_outlets (self);
  update_filter (self);
}

/* The filter chosen: owned by @self, valid until ::changed. */
const PxArticleFilter *
px_filter_button_get_filter (PxFilterButton *self)
{
  g_return_val_if_fail (PX_IS_FILTER_BUTTON (self), NULL);
  return &self->filter;
}

/* The popover, built if it was not yet. */
GtkPopover *
px_filter_button_get_popover (PxFilterButton *self)
{
  g_return_val_if_fail (PX_IS_FILTER_BUTTON (self), NULL);
  create_popover_cb (self->button, self);
  return gtk_menu_button_get_popover (self->button);
}
