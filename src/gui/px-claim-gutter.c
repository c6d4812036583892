/* px-claim-gutter.c: curves linking the sentences of one claim in neighbouring columns
 *
 * As diff tools link changed blocks, each claim with a sentence in both
 * neighbouring columns gets a band from the left sentence to the right
 * one, tinted by the claim's status, red-edged when the versions conflict,
 * and drawn in the accent colour, over the others, when selected. Cairo,
 * not GskPathBuilder, which GTK 4.8 lacks.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-claim-gutter.h"
#include "px-mark.h"

#define GUTTER_WIDTH 40

struct _PxClaimGutter
{
  GtkWidget parent_instance;

  /* owned */
  PxComparison *comparison;
  GArray *links;  /* Link: the sentence pairs, fixed for the comparison */
  guint selected;
  guint n_drawn;

  /* borrowed: siblings in the same box */
  PxComparisonColumn *left;
  PxComparisonColumn *right;
};

typedef struct
{
  guint claim;
  guint left;   /* sentence in the left column */
  guint right;  /* sentence in the right column */
} Link;

G_DEFINE_FINAL_TYPE (PxClaimGutter, px_claim_gutter, GTK_TYPE_WIDGET)

static PxMark
link_mark (const PxClaim *claim)
{
  if (claim->conflicts->len > 0)
    return PX_MARK_CONFLICT;
  return claim->status == PX_CLAIM_SHARED ? PX_MARK_SHARED : PX_MARK_PARTIAL;
}

/* The sentences in view in both columns: a band both of whose ends lie
 * above them, or both below, is not drawn, and its ends are not measured
 * (which would lay out the text down to them: the whole of it, in the
 * first frame). */
typedef struct
{
  guint left_first, left_last, right_first, right_last;
} InView;

static gboolean
out_of_view (const Link   *link,
             const InView *view)
{
  return (link->left < view->left_first && link->right < view->right_first)
         || (link->left > view->left_last && link->right > view->right_last);
}

static void
draw_link (PxClaimGutter *self,
           cairo_t       *cr,
           const Link    *link,
           const InView  *view,
           int            width,
           int            height,
           gboolean       dark)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PxClaim *claim = px_comparison_get_claim (self->comparison, link->claim);
  gboolean selected = link->claim == self->selected;
  double lt, lb, rt, rb, mid = width / 2.0;
  GdkRGBA fill, edge;

  if (out_of_view (link, view))
    return;
  if (!px_comparison_column_get_sentence_bounds (self->left, link->left, widget, &lt, &lb) ||
      !px_comparison_column_get_sentence_bounds (self->right, link->right, widget, &rt, &rb))
    return;
  if ((lb < 0 && rb < 0) || (lt > height && rt > height))
    return;

  px_mark_get_color (selected ? PX_MARK_SELECTED : link_mark (claim), FALSE, dark, &fill);
  px_mark_get_color (selected ? PX_MARK_SELECTED : link_mark (claim), TRUE, dark, &edge);
  if (!selected)
    edge.alpha *= claim->conflicts->len > 0 ? 0.8 : 0.45;

  cairo_move_to (cr, 0, lt);
  cairo_curve_to (cr, mid, lt, mid, rt, width, rt);
  cairo_line_to (cr, width, rb);
  cairo_curve_to (cr, mid, rb, mid, lb, 0, lb);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &edge);
  cairo_set_line_width (cr, selected ? 2.0 : 1.0);
  cairo_stroke (cr);
  self->n_drawn++;
}

static void
px_claim_gutter_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PxClaimGutter *self = PX_CLAIM_GUTTER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = px_mark_is_dark ();
  cairo_t *cr;
  const Link *selected = NULL;
  graphene_point_t text_top;
  InView view;

  self->n_drawn = 0;
  if (width <= 0 || height <= 0 || self->links->len == 0)
    return;

  /* Only beside the texts, not beside the column headers above them. */
  if (!gtk_widget_compute_point (GTK_WIDGET (px_comparison_column_get_text_view (self->left)),
                                 widget, &GRAPHENE_POINT_INIT (0, 0), &text_top) ||
      text_top.y >= height)
    return;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, text_top.y, width, height - text_top.y));
  px_comparison_column_get_visible_sentences (self->left, &view.left_first, &view.left_last);
  px_comparison_column_get_visible_sentences (self->right, &view.right_first, &view.right_last);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);

      if (link->claim == self->selected)
        selected = link;
      else
        draw_link (self, cr, link, &view, width, height, dark);
    }
  /* The selected claim's bands last, over the others. */
  for (guint i = 0; selected != NULL && i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);

      if (link->claim == self->selected)
        draw_link (self, cr, link, &view, width, height, dark);
    }
  cairo_destroy (cr);
  gtk_snapshot_pop (snapshot);
}

static void
px_claim_gutter_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? GUTTER_WIDTH : 0;
}

static void
px_claim_gutter_finalize (GObject *object)
{
  PxClaimGutter *self = PX_CLAIM_GUTTER (object);

  g_clear_object (&self->comparison);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (px_claim_gutter_parent_class)->finalize (object);
}

static void
px_claim_gutter_class_init (PxClaimGutterClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = px_claim_gutter_finalize;
  widget_class->snapshot = px_claim_gutter_snapshot;
  widget_class->measure = px_claim_gutter_measure;
  gtk_widget_class_set_css_name (widget_class, "claimgutter");
  /* Decoration: the same links are in the claim pane and the matrix. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
px_claim_gutter_init (PxClaimGutter *self)
{
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  self->selected = PX_NO_CLAIM;
}

/* Each claim with sentences on both sides links its first sentence on
 * the left with its first on the right, and any further ones in order. */
static void
find_links (PxClaimGutter *self)
{
  guint a = px_comparison_column_get_article (self->left);
  guint b = px_comparison_column_get_article (self->right);

  for (guint c = 0; c < px_comparison_get_n_claims (self->comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (self->comparison, c);
      g_autoptr (GArray) left = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GArray) right = g_array_new (FALSE, FALSE, sizeof (guint));

      if (claim->status == PX_CLAIM_UNIQUE)
        continue;
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);

          if (member->article == a)
            g_array_append_val (left, member->sentence);
          else if (member->article == b)
            g_array_append_val (right, member->sentence);
        }
      for (guint i = 0; i < MAX (left->len, right->len) && left->len > 0 && right->len > 0; i++)
        {
          Link link = {
            c,
            g_array_index (left, guint, MIN (i, left->len - 1)),
            g_array_index (right, guint, MIN (i, right->len - 1)),
          };

          g_array_append_val (self->links, link);
        }
    }
}

GtkWidget *
px_claim_gutter_new (PxComparison       *comparison,
                     PxComparisonColumn *left,
                     PxComparisonColumn *right)
{
  PxClaimGutter *self;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (left), NULL);
  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (right), NULL);

  self = g_object_new (PX_TYPE_CLAIM_GUTTER, NULL);
  self->comparison = g_object_ref (comparison);
  self->left = left;
  self->right = right;
  find_links (self);
  for (guint i = 0; i < 2; i++)
    {
      GtkAdjustment *adjustment = px_comparison_column_get_vadjustment (i == 0 ? left : right);

      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw),
                               self, G_CONNECT_SWAPPED);
    }
  return GTK_WIDGET (self);
}

void
px_claim_gutter_set_selected (PxClaimGutter *self,
                              guint          claim)
{
  g_return_if_fail (PX_IS_CLAIM_GUTTER (self));

  if (self->selected == claim)
    return;
  self->selected = claim;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
px_claim_gutter_get_n_drawn (PxClaimGutter *self)
{
  g_return_val_if_fail (PX_IS_CLAIM_GUTTER (self), 0);
  return self->n_drawn;
}
