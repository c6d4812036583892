/* px-coverage-matrix.c: claims × outlets, who carries what, at a glance
 *
 * One row per claim (its first sentence, shortened), one column per
 * outlet, a cell per pair: same words, different wording, conflict or
 * absent, each a tinted square with its own symbol shape. Rows sort by how
 * many outlets carry the claim, most first; any column header sorts too.
 * The column view creates cells only for the rows on screen, so hundreds
 * of claims cost what a screenful does. Clicking a cell (or pressing Enter
 * on a row) emits "cell-activated" and the comparison view opens the
 * claim in that outlet's column.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-claim-item.h"
#include "px-coverage-matrix.h"
#include "px-mark.h"

#define NO_ARTICLE G_MAXUINT

struct _PxCoverageMatrix
{
  AdwBin parent_instance;

  /* children */
  GtkColumnView *column_view;

  /* owned */
  PxComparison *comparison;
  GListStore *claims;            /* PxClaimItem, in claim order */
  GtkSortListModel *sorted;
  GtkSelectionModel *selection;
  GtkColumnViewColumn *count_column;
};

G_DEFINE_FINAL_TYPE (PxCoverageMatrix, px_coverage_matrix, ADW_TYPE_BIN)

enum
{
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

PxCoverage
px_coverage_of (PxComparison *comparison,
                guint         index,
                guint         article)
{
  const PxClaim *claim;
  const PxClaimMember *found = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), PX_COVERAGE_ABSENT);

  claim = px_comparison_get_claim (comparison, index);
  for (guint m = 0; m < claim->members->len && found == NULL; m++)
    if (g_array_index (claim->members, PxClaimMember, m).article == article)
      found = &g_array_index (claim->members, PxClaimMember, m);
  if (found == NULL)
    return PX_COVERAGE_ABSENT;

  for (guint k = 0; k < claim->conflicts->len; k++)
    {
      const PxConflict *conflict = claim->conflicts->pdata[k];

      for (guint v = 0; v < conflict->values->len; v++)
        if (g_array_index (conflict->values, PxConflictValue, v).article == article)
          return PX_COVERAGE_CONFLICT;
    }
  if (claim->status != PX_CLAIM_UNIQUE && found->changed != NULL && found->changed->len > 0)
    return PX_COVERAGE_DIFFERENT;
  return PX_COVERAGE_SAME;
}

static const char *
describe_coverage (PxCoverage coverage)
{
  switch (coverage)
    {
    case PX_COVERAGE_SAME:
      return _("says it");
    case PX_COVERAGE_DIFFERENT:
      return _("says it in other words");
    case PX_COVERAGE_CONFLICT:
      return _("says it with conflicting details");
    case PX_COVERAGE_ABSENT:
    default:
      return _("does not say it");
    }
}

/* A cell's shape says what the outlet does (the same words: a disc,
 * other words: a half disc, a conflict, absent: a dash); its colour, the
 * claim's status. */
static PxMark
coverage_shape (PxCoverage coverage)
{
  switch (coverage)
    {
    case PX_COVERAGE_SAME:
      return PX_MARK_SHARED;
    case PX_COVERAGE_DIFFERENT:
      return PX_MARK_PARTIAL;
    case PX_COVERAGE_CONFLICT:
      return PX_MARK_CONFLICT;
    case PX_COVERAGE_ABSENT:
    default:
      return PX_MARK_ABSENT;
    }
}

static PxMark
coverage_color (PxCoverage    coverage,
                PxClaimStatus status)
{
  if (coverage == PX_COVERAGE_CONFLICT || coverage == PX_COVERAGE_ABSENT)
    return coverage_shape (coverage);
  return status == PX_CLAIM_SHARED ? PX_MARK_SHARED
         : status == PX_CLAIM_PARTIAL ? PX_MARK_PARTIAL : PX_MARK_UNIQUE;
}

/* The first sentence of a claim, which names it in the matrix. */
static char *
claim_text (PxComparison  *comparison,
            const PxClaim *claim)
{
  const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, 0);
  const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
  PxRange range = g_array_index (article->sentences, PxRange, member->sentence);

  return g_strndup (article->text + range.start, range.end - range.start);
}

static void
draw_cell_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  PxMark shape = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "px-shape"));
  PxMark mark = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "px-mark"));
  gboolean dark = px_mark_is_dark ();
  double size = MIN (width, height);
  double x = (width - size) / 2 + 2, y = (height - size) / 2 + 2, side = size - 4, r = 4;
  GdkRGBA tint, color;

  px_mark_get_color (mark, FALSE, dark, &tint);
  px_mark_get_color (mark, TRUE, dark, &color);
  if (mark != PX_MARK_ABSENT)
    tint.alpha = MIN (1.0, tint.alpha * 1.6);
  gdk_cairo_set_source_rgba (cr, &tint);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + side - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + side - r, y + side - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + side - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  px_mark_draw_shape (cr, shape, width / 2.0, height / 2.0, MIN (16, side * 0.7), &color);
}

static void
cell_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkListItem     *list_item)
{
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  PxCoverageMatrix *self = g_object_get_data (G_OBJECT (area), "px-matrix");
  guint article = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "px-article"));

  if (gtk_list_item_get_position (list_item) != GTK_INVALID_LIST_POSITION)
    px_coverage_matrix_activate_cell (self, gtk_list_item_get_position (list_item), article);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PxCoverageMatrix         *self)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 28);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 24);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cell_cb, NULL, NULL);
  g_object_set_data (G_OBJECT (area), "px-matrix", self);
  g_object_set_data (G_OBJECT (area), "px-article", g_object_get_data (G_OBJECT (factory), "px-article"));
  g_signal_connect (click, "released", G_CALLBACK (cell_released_cb), list_item);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (list_item, area);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PxCoverageMatrix         *self)
{
  PxClaimItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *area = gtk_list_item_get_child (list_item);
  guint article = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "px-article"));
  PxCoverage coverage = px_coverage_of (self->comparison, px_claim_item_get_index (item), article);
  const char *outlet = px_comparison_get_article (self->comparison, article)->outlet;
  g_autofree char *tooltip = NULL;

  g_object_set_data (G_OBJECT (area), "px-shape", GINT_TO_POINTER (coverage_shape (coverage)));
  g_object_set_data (G_OBJECT (area), "px-mark",
                     GINT_TO_POINTER (coverage_color (coverage, px_claim_item_get_claim (item)->status)));
  /* Translators: an outlet and what it does with a claim, e.g. "bbc.co.uk: says it". */
  tooltip = g_strdup_printf (_("%s: %s"), outlet != NULL ? outlet : _("Unknown outlet"),
                             describe_coverage (coverage));
  gtk_widget_set_tooltip_text (area, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_queue_draw (area);
}

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

/* A claim's text keeps room to be read in a narrow window: the outlets'
 * columns scroll sideways instead. */
static void
setup_claim_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  setup_text_cb (factory, list_item, user_data);
  gtk_label_set_width_chars (GTK_LABEL (gtk_list_item_get_child (list_item)), 22);
}

static void
bind_claim_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PxCoverageMatrix         *self)
{
  PxClaimItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = claim_text (self->comparison, px_claim_item_get_claim (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
bind_count_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PxCoverageMatrix         *self)
{
  PxClaimItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  /* Translators: how many outlets carry a claim, of how many, e.g. "3/5". */
  g_autofree char *text = g_strdup_printf (_("%u/%u"), px_claim_item_get_n_outlets (item),
                                           px_comparison_get_n_articles (self->comparison));

  gtk_label_set_text (GTK_LABEL (label), text);
}

static int
compare_claims_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint x = px_claim_item_get_index ((PxClaimItem *) a);
  guint y = px_claim_item_get_index ((PxClaimItem *) b);

  return x < y ? -1 : x > y;
}

/* More outlets first; among equals, claim order, whichever the direction. */
static int
compare_counts_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint x = px_claim_item_get_n_outlets ((PxClaimItem *) a);
  guint y = px_claim_item_get_n_outlets ((PxClaimItem *) b);

  if (x != y)
    return x < y ? -1 : 1;
  return compare_claims_cb (b, a, NULL);
}

/* Conflicts, then other wordings, then the same words, then absent. */
static int
compare_cells_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  PxCoverageMatrix *self = g_object_get_data (G_OBJECT (user_data), "px-matrix");
  guint article = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (user_data), "px-article"));
  static const int rank[] = { [PX_COVERAGE_CONFLICT] = 3, [PX_COVERAGE_DIFFERENT] = 2,
                              [PX_COVERAGE_SAME] = 1, [PX_COVERAGE_ABSENT] = 0 };
  int x = rank[px_coverage_of (self->comparison, px_claim_item_get_index ((PxClaimItem *) a), article)];
  int y = rank[px_coverage_of (self->comparison, px_claim_item_get_index ((PxClaimItem *) b), article)];

  if (x != y)
    return x < y ? -1 : 1;
  return compare_claims_cb (b, a, NULL);
}

static GtkColumnViewColumn *
add_column (PxCoverageMatrix *self,
            const char       *title,
            GCallback         setup,
            GCallback         bind,
            GCompareDataFunc  compare,
            guint             article)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  g_autoptr (GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "px-article", GUINT_TO_POINTER (article));
  g_object_set_data (G_OBJECT (factory), "px-matrix", self);
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare, factory, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

static void
activate_cb (GtkColumnView    *column_view,
             guint             position,
             PxCoverageMatrix *self)
{
  px_coverage_matrix_activate_cell (self, position, NO_ARTICLE);
}

static void
px_coverage_matrix_dispose (GObject *object)
{
  PxCoverageMatrix *self = PX_COVERAGE_MATRIX (object);

  g_clear_object (&self->comparison);
  g_clear_object (&self->claims);
  g_clear_object (&self->sorted);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (px_coverage_matrix_parent_class)->dispose (object);
}

static void
px_coverage_matrix_class_init (PxCoverageMatrixClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = px_coverage_matrix_dispose;

  /* Emitted with the claim index and the article index (G_MAXUINT when
   * the row as a whole was activated). */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "coveragematrix");
}

static void
px_coverage_matrix_init (PxCoverageMatrix *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSingleSelection *selection;

  self->claims = g_list_store_new (PX_TYPE_CLAIM_ITEM);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->claims)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->selection = GTK_SELECTION_MODEL (selection);
  gtk_column_view_set_model (self->column_view, self->selection);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "coverage-matrix");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Coverage matrix: claims by outlet"), -1);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (activate_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
px_coverage_matrix_new (void)
{
  return g_object_new (PX_TYPE_COVERAGE_MATRIX, NULL);
}

void
px_coverage_matrix_set_comparison (PxCoverageMatrix *self,
                                   PxComparison     *comparison)
{
  GListModel *columns;
  GtkColumnViewColumn *claim_column;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (PX_IS_COVERAGE_MATRIX (self));
  g_return_if_fail (comparison == NULL || PX_IS_COMPARISON (comparison));

  /* Detached while rebuilt: the view would make rows for each change. */
  gtk_column_view_set_model (self->column_view, NULL);
  g_list_store_remove_all (self->claims);
  columns = gtk_column_view_get_columns (self->column_view);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  g_set_object (&self->comparison, comparison);
  if (comparison == NULL)
    {
      gtk_column_view_set_model (self->column_view, self->selection);
      return;
    }

  claim_column = add_column (self, _("Claim"), G_CALLBACK (setup_claim_cb), G_CALLBACK (bind_claim_cb),
                             compare_claims_cb, NO_ARTICLE);
  gtk_column_view_column_set_expand (claim_column, TRUE);
  gtk_column_view_column_set_resizable (claim_column, TRUE);
  for (guint a = 0; a < px_comparison_get_n_articles (comparison); a++)
    {
      const char *outlet = px_comparison_get_article (comparison, a)->outlet;
      GtkColumnViewColumn *column = add_column (self, outlet != NULL ? outlet : _("Unknown outlet"),
                                                G_CALLBACK (setup_cell_cb), G_CALLBACK (bind_cell_cb),
                                                compare_cells_cb, a);

      gtk_column_view_column_set_fixed_width (column, 120);
      gtk_column_view_column_set_resizable (column, TRUE);
    }
  self->count_column = add_column (self, _("Outlets"), G_CALLBACK (setup_text_cb),
                                   G_CALLBACK (bind_count_cb), compare_counts_cb, NO_ARTICLE);

  for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
    g_ptr_array_add (items, px_claim_item_new (comparison, c));
  g_list_store_splice (self->claims, 0, 0, items->pdata, items->len);
  gtk_column_view_sort_by_column (self->column_view, self->count_column, GTK_SORT_DESCENDING);
  gtk_column_view_set_model (self->column_view, self->selection);
}

guint
px_coverage_matrix_get_claim_at (PxCoverageMatrix *self,
                                 guint             position)
{
  g_autoptr (PxClaimItem) item = NULL;

  g_return_val_if_fail (PX_IS_COVERAGE_MATRIX (self), G_MAXUINT);

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  return item != NULL ? px_claim_item_get_index (item) : G_MAXUINT;
}

void
px_coverage_matrix_activate_cell (PxCoverageMatrix *self,
                                  guint             position,
                                  guint             article)
{
  guint claim;

  g_return_if_fail (PX_IS_COVERAGE_MATRIX (self));

  claim = px_coverage_matrix_get_claim_at (self, position);
  if (claim != G_MAXUINT)
    g_signal_emit (self, signals[CELL_ACTIVATED], 0, claim, article);
}
