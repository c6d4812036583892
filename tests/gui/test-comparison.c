/* test-comparison.c: the comparison view on real articles, under Xvfb
 *
 * Imports the bundled ECB+ sample (four events, five outlets each), opens
 * the comparison of the event with the most conflicts in a window, and
 * drives it as a reader would: clicks a sentence and reads the highlight
 * ranges in every column, jumps from conflict to conflict, clicks a
 * coverage matrix cell, switches to the dark style.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "px-claim-gutter.h"
#include "px-claim-pane.h"
#include "px-comparison-column.h"
#include "px-comparison-view.h"
#include "px-coverage-matrix.h"
#include "px-data.h"
#include "px-importer.h"
#include "px-note-editor.h"
#include "px-event-item.h"
#include "px-event-sidebar.h"
#include "library-fixture.h"
#include "px-gui-test.h"
#include "px-store-events.h"
#include "px-window-private.h"

/* The library, made once for all tests. */
static char *library_dir;
static char *library_path;
static PxStore *library;
static gint64 conflict_event;  /* the event whose comparison has the most conflicts */

typedef struct
{
  GtkWidget *window;
  PxComparisonView *view;
  PxComparison *comparison;  /* borrowed from the view */
} Fixture;

static void
import_sample (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = px_gui_test_sample_files ("");
  g_autoptr (PxImporter) importer = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) events = NULL;
  guint most = 0;

  library_dir = g_dir_make_tmp ("parallax-comparison-XXXXXX", &error);
  g_assert_no_error (error);
  library_path = g_build_filename (library_dir, "library.sqlite3", NULL);
  library = px_store_open (library_path, &error);
  g_assert_no_error (error);
  importer = px_importer_new (library_path);
  results = px_importer_import (importer, library, (const char * const *) files->pdata, NULL, &error);
  g_assert_no_error (error);

  events = px_store_list_events (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >=, 1);
  for (guint e = 0; e < events->len; e++)
    {
      PxEvent *event = events->pdata[e];
      g_autoptr (PxComparison) comparison = NULL;
      guint conflicts = 0;

      if (event->article_ids->len < 2)
        continue;
      comparison = px_comparison_new_for_ids (library, (gint64 *) event->article_ids->data,
                                              event->article_ids->len, &error);
      g_assert_no_error (error);
      for (guint c = 0; c < px_comparison_get_n_claims (comparison); c++)
        conflicts += px_comparison_get_claim (comparison, c)->conflicts->len > 0;
      if (conflicts > most)
        {
          most = conflicts;
          conflict_event = event->id;
        }
    }
  /* The sample's reports disagree on a figure somewhere. */
  g_assert_cmpuint (most, >=, 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);

  fixture->window = gtk_window_new ();
  fixture->view = PX_COMPARISON_VIEW (px_comparison_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width > 0 ? width : 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));

  px_comparison_view_compare_event (fixture->view, library, conflict_event);
  g_assert_true (px_comparison_view_get_loading (fixture->view));
  g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, fixture->view, 30));
  fixture->comparison = px_comparison_view_get_comparison (fixture->view);
  px_gui_test_settle (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  px_gui_test_settle (50);
}

static PxComparisonColumn *
column (Fixture *fixture,
        guint    article)
{
  return PX_COMPARISON_COLUMN (px_comparison_view_get_column (fixture->view, article));
}

/* The character range of a sentence, computed from the analysis's bytes. */
static void
expected_range (Fixture *fixture,
                guint    article,
                guint    sentence,
                int     *start,
                int     *end)
{
  const PxComparisonArticle *info = px_comparison_get_article (fixture->comparison, article);
  PxRange range = g_array_index (info->sentences, PxRange, sentence);

  *start = g_utf8_pointer_to_offset (info->text, info->text + range.start);
  *end = g_utf8_pointer_to_offset (info->text, info->text + range.end);
}

/* The [start, end) character ranges covered by tag @name in a column. */
static GArray *
tag_ranges (PxComparisonColumn *col,
            const char         *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_comparison_column_get_text_view (col));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (int));
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  while (!gtk_text_iter_is_end (&iter) || gtk_text_iter_starts_tag (&iter, tag))
    {
      int start = gtk_text_iter_get_offset (&iter);

      if (!gtk_text_iter_starts_tag (&iter, tag))
        break;
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      g_array_append_val (ranges, start);
      start = gtk_text_iter_get_offset (&iter);
      g_array_append_val (ranges, start);
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }
  return ranges;
}

/* Whether a sentence's first line is inside the column's visible area. */
static gboolean
sentence_visible (PxComparisonColumn *col,
                  guint               sentence)
{
  GtkTextView *view = px_comparison_column_get_text_view (col);
  GtkTextIter iter;
  GdkRectangle visible, location;
  int start;

  px_comparison_column_get_sentence_range (col, sentence, &start, NULL);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, start);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* Waits (up to 10 s: the text views lay out lazily, frame by frame)
 * until a column shows a sentence. */
static gboolean
shows_sentence (PxComparisonColumn *col,
                guint               sentence)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!sentence_visible (col, sentence))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* The selected claim's sentences, and only they, are lit in every column. */
static void
assert_selected (Fixture *fixture,
                 guint    claim_index)
{
  const PxClaim *claim = px_comparison_get_claim (fixture->comparison, claim_index);

  g_assert_cmpuint (px_comparison_view_get_selected_claim (fixture->view), ==, claim_index);
  for (guint a = 0; a < px_comparison_get_n_articles (fixture->comparison); a++)
    {
      g_autoptr (GArray) ranges = tag_ranges (column (fixture, a), "selected");
      g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (int));

      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
          int start, end;

          if (member->article != a)
            continue;
          expected_range (fixture, a, member->sentence, &start, &end);
          g_array_append_val (expected, start);
          g_array_append_val (expected, end);
        }
      g_assert_cmpuint (ranges->len, ==, expected->len);
      for (guint i = 0; i < ranges->len; i++)
        g_assert_cmpint (g_array_index (ranges, int, i), ==, g_array_index (expected, int, i));
    }
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEvent) event = px_store_get_event (library, conflict_event, &error);
  guint n = px_comparison_get_n_articles (fixture->comparison);

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, MIN (event->article_ids->len, PX_COMPARISON_VIEW_MAX_ARTICLES));
  g_assert_cmpuint (px_comparison_view_get_event (fixture->view), ==, conflict_event);
  g_assert_nonnull (px_comparison_view_get_column (fixture->view, n - 1));
  g_assert_null (px_comparison_view_get_column (fixture->view, n));
  g_assert_true (gtk_widget_get_mapped (px_comparison_view_get_column (fixture->view, 0)));

  for (guint a = 0; a < n; a++)
    {
      const PxComparisonArticle *article = px_comparison_get_article (fixture->comparison, a);
      PxComparisonColumn *col = column (fixture, a);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_comparison_column_get_text_view (col));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      /* The column shows the cleaned text unchanged, so offsets match. */
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_cmpstr (text, ==, article->text);

      /* Every sentence carries the tag of its claim's status. */
      for (guint s = 0; s < article->sentences->len; s++)
        {
          const PxClaim *claim = px_comparison_get_claim (fixture->comparison,
                                                          px_comparison_find_claim (fixture->comparison, a, s));
          GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                       px_claim_status_to_string (claim->status));
          GtkTextIter iter;
          int first, last;

          expected_range (fixture, a, s, &first, &last);
          gtk_text_buffer_get_iter_at_offset (buffer, &iter, first);
          g_assert_true (gtk_text_iter_has_tag (&iter, tag));
          gtk_text_buffer_get_iter_at_offset (buffer, &iter, last - 1);
          g_assert_true (gtk_text_iter_has_tag (&iter, tag));
        }
    }

  /* Neighbouring columns that share claims are linked by curves. */
  for (guint g = 0; g + 1 < n; g++)
    {
      PxClaimGutter *gutter = PX_CLAIM_GUTTER (px_comparison_view_get_gutter (fixture->view, g));

      g_assert_nonnull (gutter);
      g_test_message ("gutter %u drew %u curves", g, px_claim_gutter_get_n_drawn (gutter));
    }
  g_assert_null (px_comparison_view_get_gutter (fixture->view, n - 1));
}

/* A partial claim whose first member is not in the last column, carried
 * by at least two articles. */
static guint
find_partial_claim (Fixture *fixture)
{
  for (guint c = 0; c < px_comparison_get_n_claims (fixture->comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (fixture->comparison, c);

      if (claim->status == PX_CLAIM_PARTIAL)
        return c;
    }
  g_assert_not_reached ();
}

static void
test_select_sentence (Fixture       *fixture,
                      gconstpointer  data)
{
  guint c = find_partial_claim (fixture);
  const PxClaim *claim = px_comparison_get_claim (fixture->comparison, c);
  const PxClaimMember *first = &g_array_index (claim->members, PxClaimMember, 0);
  const PxClaimMember *last = &g_array_index (claim->members, PxClaimMember, claim->members->len - 1);
  PxClaimPane *pane = PX_CLAIM_PANE (px_comparison_view_get_claim_pane (fixture->view));
  g_autofree char *pane_text = NULL;
  guint n = px_comparison_get_n_articles (fixture->comparison);

  g_assert_cmpuint (first->article, !=, last->article);
  g_assert_cmpuint (px_comparison_view_get_selected_claim (fixture->view), ==, PX_NO_CLAIM);

  /* Scroll the partner's column away first, so following it is tested. */
  gtk_adjustment_set_value (px_comparison_column_get_vadjustment (column (fixture, last->article)),
                            G_MAXINT);
  px_gui_test_settle (100);

  /* What a click on the sentence emits. */
  g_signal_emit_by_name (column (fixture, first->article), "sentence-activated", first->sentence);
  assert_selected (fixture, c);
  for (guint m = 0; m < claim->members->len; m++)
    {
      const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);

      if (member->article != first->article)
        g_assert_true (shows_sentence (column (fixture, member->article), member->sentence));
    }

  /* The pane names every outlet: the carriers with their words, the rest as silent. */
  pane_text = px_claim_pane_dup_text (pane);
  g_test_message ("%s", pane_text);
  for (guint a = 0; a < n; a++)
    {
      const char *outlet = px_comparison_get_article (fixture->comparison, a)->outlet;
      gboolean carries = FALSE;
      g_autofree char *line = NULL;

      for (guint m = 0; m < claim->members->len; m++)
        carries |= g_array_index (claim->members, PxClaimMember, m).article == a;
      line = g_strdup_printf ("%s: ", outlet);
      g_assert_true (carries == (strstr (pane_text, line) != NULL));
      g_assert_nonnull (strstr (pane_text, outlet));
    }
  g_assert_true (claim->status == PX_CLAIM_SHARED || strstr (pane_text, "Silent\n") != NULL);

  /* The gutter next to the first carrier draws the selected claim. */
  g_assert_cmpuint (px_comparison_view_get_gutter (fixture->view, 0) != NULL, ==, n > 1);

  /* Clicking a sentence of another claim moves the selection. */
  g_signal_emit_by_name (column (fixture, 0), "sentence-activated", 0);
  assert_selected (fixture, px_comparison_find_claim (fixture->comparison, 0, 0));
}

static void
test_next_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GArray) conflicts = g_array_new (FALSE, FALSE, sizeof (guint));
  PxClaimPane *pane = PX_CLAIM_PANE (px_comparison_view_get_claim_pane (fixture->view));

  for (guint c = 0; c < px_comparison_get_n_claims (fixture->comparison); c++)
    if (px_comparison_get_claim (fixture->comparison, c)->conflicts->len > 0)
      g_array_append_val (conflicts, c);
  g_assert_cmpuint (conflicts->len, >=, 1);

  /* Alt+Down, as the shortcut controller sends it; past the last conflict
   * the bell rings and the selection stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "comparison.next-conflict", NULL));
  assert_selected (fixture, g_array_index (conflicts, guint, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "comparison.next-conflict", NULL));
  assert_selected (fixture, g_array_index (conflicts, guint, MIN (1, conflicts->len - 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "comparison.previous-conflict", NULL));
  assert_selected (fixture, g_array_index (conflicts, guint, 0));

  /* The conflict comes first in the pane, and its values are marked in the text. */
  {
    g_autofree char *text = px_claim_pane_dup_text (pane);
    const PxClaim *claim = px_comparison_get_claim (fixture->comparison, g_array_index (conflicts, guint, 0));
    const PxConflict *conflict = claim->conflicts->pdata[0];
    const char *conflict_at = strstr (text, "Conflict: ");
    const char *versions_at = strstr (text, "Versions\n");
    guint marked = 0;

    g_assert_nonnull (conflict_at);
    g_assert_nonnull (versions_at);
    g_assert_true (conflict_at < versions_at);
    for (guint v = 0; v < conflict->values->len; v++)
      {
        guint article = g_array_index (conflict->values, PxConflictValue, v).article;
        g_autoptr (GArray) ranges = tag_ranges (column (fixture, article), "conflict");

        marked += ranges->len > 0;
      }
    g_assert_cmpuint (marked, >, 0);
  }

  /* Claims and unique claims step in order too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "comparison.next-claim", NULL));
  assert_selected (fixture, g_array_index (conflicts, guint, 0) + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "comparison.next-unique", NULL));
  g_assert_cmpint (px_comparison_get_claim (fixture->comparison,
                                            px_comparison_view_get_selected_claim (fixture->view))->status,
                   ==, PX_CLAIM_UNIQUE);
}

static void
test_matrix_cell (Fixture       *fixture,
                  gconstpointer  data)
{
  PxCoverageMatrix *matrix = PX_COVERAGE_MATRIX (px_comparison_view_get_matrix (fixture->view));
  guint n_claims = px_comparison_get_n_claims (fixture->comparison);
  guint previous = G_MAXUINT, row = G_MAXUINT;
  const PxClaim *claim;
  const PxClaimMember *member;

  px_comparison_view_set_page (fixture->view, "matrix");
  px_gui_test_settle (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (matrix)));

  /* Rows go from the most carried claim down. */
  for (guint r = 0; r < n_claims; r++)
    {
      const PxClaim *c = px_comparison_get_claim (fixture->comparison, px_coverage_matrix_get_claim_at (matrix, r));
      guint carriers = 0;

      for (guint a = 0; a < px_comparison_get_n_articles (fixture->comparison); a++)
        carriers += px_coverage_of (fixture->comparison, px_coverage_matrix_get_claim_at (matrix, r), a)
                    != PX_COVERAGE_ABSENT;
      g_assert_cmpuint (carriers, <=, previous);
      previous = carriers;
      if (row == G_MAXUINT && c->conflicts->len > 0)
        row = r;
    }
  g_assert_cmpuint (row, !=, G_MAXUINT);

  /* Click the cell of the claim's last carrier: the columns open there. */
  claim = px_comparison_get_claim (fixture->comparison, px_coverage_matrix_get_claim_at (matrix, row));
  member = &g_array_index (claim->members, PxClaimMember, claim->members->len - 1);
  g_assert_cmpint (px_coverage_of (fixture->comparison, px_coverage_matrix_get_claim_at (matrix, row),
                                   member->article), ==, PX_COVERAGE_CONFLICT);
  px_coverage_matrix_activate_cell (matrix, row, member->article);
  g_assert_cmpstr (px_comparison_view_get_page (fixture->view), ==, "columns");

  assert_selected (fixture, px_coverage_matrix_get_claim_at (matrix, row));
  /* The column was hidden behind the matrix: it finds its way there. */
  g_assert_true (shows_sentence (column (fixture, member->article), member->sentence));
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_comparison_column_get_text_view (column (fixture, 0)));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "conflict");
  g_autoptr (GdkRGBA) light = NULL;
  g_autoptr (GdkRGBA) dark = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  px_gui_test_settle (50);
  g_object_get (tag, "foreground-rgba", &light, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  px_gui_test_settle (50);
  g_object_get (tag, "foreground-rgba", &dark, NULL);
  /* A lighter red on the dark background. */
  g_assert_cmpfloat (dark->red + dark->green + dark->blue, >, light->red + light->green + light->blue);
}

static void
test_sync_scroll (Fixture       *fixture,
                  gconstpointer  data)
{
  guint c = find_partial_claim (fixture);
  const PxClaim *claim = px_comparison_get_claim (fixture->comparison, c);
  const PxClaimMember *first = &g_array_index (claim->members, PxClaimMember, 0);
  const PxClaimMember *other = NULL;
  PxComparisonColumn *source = column (fixture, first->article);
  double offset, other_offset;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "comparison.sync-scroll", NULL));
  g_assert_true (px_comparison_view_get_sync_scroll (fixture->view));
  /* Sync brings each column's first member of the claim level with the source. */
  for (guint m = 1; m < claim->members->len && other == NULL; m++)
    if (g_array_index (claim->members, PxClaimMember, m).article != first->article)
      other = &g_array_index (claim->members, PxClaimMember, m);
  g_assert_nonnull (other);
  /* Scroll the first carrier so its sentence is at the top: the other follows. */
  px_comparison_column_place_sentence (source, first->sentence, 0);
  px_gui_test_settle (200);
  g_assert_cmpuint (px_comparison_column_get_top_sentence (source, &offset), ==, first->sentence);
  g_assert_true (shows_sentence (column (fixture, other->article), other->sentence));
  g_assert_true (px_comparison_column_get_sentence_bounds (column (fixture, other->article), other->sentence,
                                                           GTK_WIDGET (px_comparison_column_get_text_view (column (fixture, other->article))),
                                                           &other_offset, &offset));
  g_assert_cmpfloat (ABS (other_offset), <, 40);
}

/* The mapped label at or below @widget that reads @text, or NULL. */
static GtkLabel *
find_shown_label (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_shown_label (child, text);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkAdjustment *h;
  GtkLabel *side_by_side;

  /* The view switcher's names are whole: the legend makes way for them. */
  side_by_side = find_shown_label (GTK_WIDGET (fixture->view), "Side by Side");
  g_assert_nonnull (side_by_side);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (side_by_side)));

  /* At 360 px the columns scroll sideways instead of shrinking to nothing. */
  h = gtk_scrolled_window_get_hadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (px_comparison_view_get_column (fixture->view, 0),
                                                  GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h));
  g_assert_cmpint (gtk_widget_get_width (px_comparison_view_get_column (fixture->view, 0)), >=, 250);
}

/* The window's sidebar lists the events; picking one opens its
 * comparison; picking two of its articles offers Compare. */
static void
test_window (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = px_store_list_events (library, &error);
  PxWindow *window = g_object_ref_sink (px_window_new (NULL, library_path));
  GListModel *rows;
  guint event_row = G_MAXUINT;
  g_autoptr (GArray) selected = NULL;
  PxEvent *event = NULL;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  adw_view_stack_set_visible_child_name (window->library_stack, "events");
  px_gui_test_settle (200);

  rows = px_event_sidebar_get_rows (window->event_sidebar);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, events->len);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (PxEventItem) item = gtk_tree_list_row_get_item (row);

      if (px_event_item_get_id (item) == conflict_event)
        event_row = i;
    }
  g_assert_cmpuint (event_row, !=, G_MAXUINT);
  for (guint e = 0; e < events->len; e++)
    if (((PxEvent *) events->pdata[e])->id == conflict_event)
      event = events->pdata[e];

  /* Selecting the event opens its comparison. */
  px_event_sidebar_select_row (window->event_sidebar, event_row, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "comparison");
  g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, window->comparison_view, 30));
  g_assert_cmpint (px_comparison_view_get_event (window->comparison_view), ==, conflict_event);
  g_assert_cmpuint (px_comparison_get_n_articles (px_comparison_view_get_comparison (window->comparison_view)),
                    ==, event->article_ids->len);

  /* Open it, pick its first two articles: Compare compares those. */
  {
    g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, event_row);

    gtk_tree_list_row_set_expanded (row, TRUE);
  }
  px_event_sidebar_select_row (window->event_sidebar, event_row + 1, FALSE);
  px_event_sidebar_select_row (window->event_sidebar, event_row + 2, TRUE);
  selected = px_event_sidebar_dup_selected_articles (window->event_sidebar);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, g_array_index (event->article_ids, gint64, 0));
  g_assert_cmpint (g_array_index (selected, gint64, 1), ==, g_array_index (event->article_ids, gint64, 1));
  px_window_show_comparison (window, (gint64 *) selected->data, selected->len);
  g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, window->comparison_view, 30));
  g_assert_cmpint (px_comparison_view_get_event (window->comparison_view), ==, 0);
  g_assert_cmpuint (px_comparison_get_n_articles (px_comparison_view_get_comparison (window->comparison_view)),
                    ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  px_gui_test_settle (50);
}

/* The window builds its comparison view when the first comparison opens,
 * not with the window, whose first frame does not show it. Built then, it
 * shows the event in the content pane, and the window's actions follow
 * its claims: a claim picked can be noted. */
static void
test_built_when_opened (void)
{
  PxWindow *window = g_object_ref_sink (px_window_new (NULL, library_path));
  PxComparisonView *view;
  GtkWindow *editor;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  px_gui_test_settle (200);
  g_assert_null (window->comparison_view);
  g_assert_null (gtk_stack_get_child_by_name (window->content_stack, "comparison"));
  g_assert_null (px_gui_test_find_widget (GTK_WIDGET (window), PX_TYPE_COMPARISON_VIEW));

  px_window_show_event (window, conflict_event);
  view = window->comparison_view;
  g_assert_nonnull (view);
  g_assert_true (gtk_stack_get_child_by_name (window->content_stack, "comparison") == GTK_WIDGET (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "comparison");
  g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, view, 30));
  px_gui_test_settle (200);
  g_assert_cmpint (px_comparison_view_get_event (view), ==, conflict_event);
  g_assert_true (gtk_widget_get_mapped (px_comparison_view_get_column (view, 0)));
  g_assert_cmpint (gtk_widget_get_width (px_comparison_view_get_column (view, 0)), >, 0);

  /* Nothing picked: no note. A claim picked: Ctrl+Shift+M notes it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-claim-note", NULL);
  g_assert_null (px_gui_test_find_toplevel (PX_TYPE_NOTE_EDITOR, FALSE));
  g_assert_cmpuint (px_comparison_get_n_claims (px_comparison_view_get_comparison (view)), >, 0);
  px_comparison_view_select_claim (view, 0);
  g_assert_cmpuint (px_comparison_view_get_selected_claim (view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-claim-note", NULL);
  editor = px_gui_test_find_toplevel (PX_TYPE_NOTE_EDITOR, FALSE);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);

  /* Another comparison reuses the view. */
  px_window_show_event (window, conflict_event);
  g_assert_true (window->comparison_view == view);
  g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, view, 30));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  px_gui_test_settle (50);
}

static gboolean
not_loading (gpointer view)
{
  return !px_comparison_view_get_loading (view);
}

static void
remove_library (const char *dir)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *test_program;  /* argv[0], to find the parallax executable */

/* `parallax a.txt b.txt`: the window imports the files (or finds them in
 * the library by their text) and opens their comparison at once. */
static void
test_command_line (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("parallax-files-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *sample = px_data_find ("sample");
  g_autofree char *a = g_build_filename (sample, "23-stuff-23_1ecbplus.txt", NULL);
  g_autofree char *b = g_build_filename (sample, "23-telegraph-23_3ecbplus.txt", NULL);
  g_autofree char *empty = NULL;
  const char *files[] = { a, b, NULL };
  PxWindow *window;
  PxComparison *comparison;
  gint64 first_ids[2];

  g_assert_no_error (error);
  path = g_build_filename (dir, "library.sqlite3", NULL);
  window = g_object_ref_sink (px_window_new (NULL, path));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  /* Asked for before the window shows, as the application does. */
  px_window_compare_files (window, files);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "comparison");
  g_assert_true (px_gui_test_wait_for (px_gui_test_comparison_shown, window->comparison_view, 30));
  px_gui_test_settle (100);
  comparison = px_comparison_view_get_comparison (window->comparison_view);
  g_assert_cmpuint (px_comparison_get_n_articles (comparison), ==, 2);
  g_assert_cmpuint (px_comparison_view_get_n_imported (window->comparison_view), ==, 2);
  g_assert_cmpint (px_comparison_view_get_event (window->comparison_view), ==, 0);
  g_assert_cmpstr (px_comparison_get_article (comparison, 0)->outlet, ==, "stuff.co.nz");
  g_assert_cmpstr (px_comparison_get_article (comparison, 1)->outlet, ==, "telegraph.co.uk");
  /* The library lists the two new articles. */
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_articles (window)), ==, 2);
  g_assert_nonnull (px_comparison_view_get_column (window->comparison_view, 1));
  first_ids[0] = px_comparison_get_article (comparison, 0)->id;
  first_ids[1] = px_comparison_get_article (comparison, 1)->id;

  /* Again: the same articles, found by their text, nothing imported. */
  px_window_compare_files (window, files);
  g_assert_true (px_gui_test_wait_for (not_loading, window->comparison_view, 30));
  comparison = px_comparison_view_get_comparison (window->comparison_view);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (px_comparison_view_get_n_imported (window->comparison_view), ==, 0);
  g_assert_cmpint (px_comparison_get_article (comparison, 0)->id, ==, first_ids[0]);
  g_assert_cmpint (px_comparison_get_article (comparison, 1)->id, ==, first_ids[1]);
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_articles (window)), ==, 2);

  /* The same file twice is one article: nothing to compare, said so. */
  {
    const char *same[] = { a, a, NULL };

    px_window_compare_files (window, same);
    g_assert_true (px_gui_test_wait_for (not_loading, window->comparison_view, 30));
    g_assert_null (px_comparison_view_get_comparison (window->comparison_view));
  }
  /* A file that cannot be read: the error, nothing imported. */
  empty = g_build_filename (dir, "missing.txt", NULL);
  {
    const char *missing[] = { a, empty, NULL };

    px_window_compare_files (window, missing);
    g_assert_true (px_gui_test_wait_for (not_loading, window->comparison_view, 30));
    g_assert_null (px_comparison_view_get_comparison (window->comparison_view));
    g_assert_cmpuint (g_list_model_get_n_items (px_window_get_articles (window)), ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  px_gui_test_settle (50);

  /* The real program, as a reader starts it: it reports the first frame
   * showing the comparison, then (asked to) quits. */
  {
    g_autofree char *bin = g_path_get_dirname (test_program);
    g_autofree char *parallax = g_build_filename (bin, "..", "..", "src", "parallax", NULL);
    g_autofree char *other = g_build_filename (dir, "other.sqlite3", NULL);
    g_autofree char *out = NULL;
    g_auto (GStrv) env = g_get_environ ();
    const char *argv[] = { parallax, "--db", other, a, b, NULL };
    int status;

    env = g_environ_unsetenv (env, "G_DEBUG");  /* no session bus here: GTK warns */
    env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
    env = g_environ_setenv (env, "PARALLAX_REPORT_FIRST_FRAME", "exit", TRUE);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "PARALLAX_FIRST_FRAME comparison "));
    {
      g_autoptr (PxStore) store = px_store_open (other, &error);
      g_autoptr (PxArticle) article = NULL;

      g_assert_no_error (error);
      article = px_store_get_article (store, 2, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (px_article_get_outlet (article), ==, "telegraph.co.uk");
    }
  }
  remove_library (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_program = argv[0];
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  import_sample ();

  g_test_add ("/px/comparison-view/open", Fixture, NULL, fixture_set_up, test_open, fixture_tear_down);
  g_test_add ("/px/comparison-view/select-sentence", Fixture, NULL, fixture_set_up, test_select_sentence,
              fixture_tear_down);
  g_test_add ("/px/comparison-view/next-conflict", Fixture, NULL, fixture_set_up, test_next_conflict,
              fixture_tear_down);
  g_test_add ("/px/comparison-view/matrix-cell", Fixture, NULL, fixture_set_up, test_matrix_cell,
              fixture_tear_down);
  g_test_add ("/px/comparison-view/sync-scroll", Fixture, NULL, fixture_set_up, test_sync_scroll,
              fixture_tear_down);
  g_test_add ("/px/comparison-view/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/px/comparison-view/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_narrow,
              fixture_tear_down);
  g_test_add_func ("/px/comparison-view/window", test_window);
  g_test_add_func ("/px/comparison-view/built-when-opened", test_built_when_opened);
  g_test_add_func ("/px/comparison-view/command-line", test_command_line);
  status = g_test_run ();

  g_clear_object (&library);
  library_fixture_remove (library_dir, library_path);
  return status;
}
