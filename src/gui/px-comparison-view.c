/* px-comparison-view.c: an event or 2–8 articles side by side, and their coverage matrix
 *
 * Two pages of one comparison. "Side by side": a column per article in a
 * horizontally scrolling row, a gutter of connecting curves between
 * neighbours, and a pane saying who says what for the selected claim.
 * "Coverage": the claims × outlets matrix; clicking a cell comes back to
 * the columns at that claim. The analysis runs in a GTask thread on its
 * own store connection; comparisons of the same texts are kept in a small
 * process-wide cache, so reopening one costs only building the widgets.
 *
 * PARALLAX_REPORT_FIRST_FRAME (for benchmarks): at the end of the first
 * frame painted with the columns of a new comparison, prints
 * "PARALLAX_FIRST_FRAME comparison T CPU" (T: g_get_monotonic_time (), CPU:
 * the process's processor time so far, both in µs); with
 * the value "exit", the application then quits.
 *
 * Keyboard (also on the help overlay): Alt+Down / Alt+Up next and previous
 * conflict, Ctrl+Down / Ctrl+Up next and previous claim, Alt+U /
 * Shift+Alt+U next and previous claim only one outlet carries, Alt+1 /
 * Alt+2 the two pages. They are captured before the text views, which
 * would otherwise take Ctrl+arrows for moving their cursor.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <sys/resource.h>

#include "px-claim-gutter.h"
#include "px-claim-pane.h"
#include "px-comparison-column.h"
#include "px-comparison-view.h"
#include "px-coverage-matrix.h"
#include "px-error.h"
#include "px-importer.h"
#include "px-mark.h"
#include "px-status-icon.h"
#include "px-store-events.h"

#define CACHE_SIZE 16
#define SPINNER_DELAY_MS 250

/* The legend as the window narrows: every entry with its words, the marks
 * with their words, the marks alone (their names in tooltips). */
typedef enum
{
  LEGEND_ALL_WORDS,
  LEGEND_MARK_WORDS,
  LEGEND_MARKS,
  LEGEND_N_TIERS
} LegendTier;

struct _PxComparisonView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *state_stack;
  GtkSpinner *spinner;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  AdwSqueezer *legend;
  /* The legend's tiers, widest first: the text view's and the matrix's of each. */
  GtkWidget *text_legends[LEGEND_N_TIERS];
  GtkWidget *cell_legends[LEGEND_N_TIERS];
  GtkLabel *summary_label;
  AdwViewStack *view_stack;
  AdwFlap *flap;
  GtkScrolledWindow *columns_scroller;
  GtkBox *columns_box;
  PxClaimPane *claim_pane;
  PxCoverageMatrix *matrix;

  /* owned */
  PxComparison *comparison;
  GCancellable *cancellable;
  GtkSizeGroup *headers;
  GPtrArray *columns;   /* PxComparisonColumn, borrowed from columns_box */
  GPtrArray *gutters;   /* PxClaimGutter, likewise */
  gint64 event_id;
  guint n_requested;    /* articles asked for (more than shown when over the maximum) */
  guint selected;
  gboolean sync_scroll;
  gboolean syncing;     /* moving the other columns: ignore their scrolling */
  gboolean matrix_stale; /* the matrix shows another comparison */
  guint spinner_timeout;
  GPtrArray *claim_notes; /* per claim index: GPtrArray of the PxNote on it, or NULL */
  guint n_imported;       /* articles the last comparison of files added to the library */
  guint picked_article;   /* the sentence the reader clicked last, or G_MAXUINT */
  guint picked_sentence;
};

G_DEFINE_FINAL_TYPE (PxComparisonView, px_comparison_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_COMPARISON,
  PROP_LOADING,
  PROP_SELECTED_CLAIM,
  PROP_SYNC_SCROLL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The cache: key (library path and each article's id and text digest)
 * → PxComparison, which nothing changes once made, so threads share it. */
static GMutex cache_lock;
static GHashTable *cache;
static GQueue cache_order = G_QUEUE_INIT;

static PxComparison *
cache_lookup (const char *key)
{
  PxComparison *comparison = NULL;

  g_mutex_lock (&cache_lock);
  if (cache != NULL)
    comparison = g_hash_table_lookup (cache, key);
  if (comparison != NULL)
    g_object_ref (comparison);
  g_mutex_unlock (&cache_lock);
  return comparison;
}

static void
cache_insert (const char   *key,
              PxComparison *comparison)
{
  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (!g_hash_table_contains (cache, key))
    {
      char *owned = g_strdup (key);

      g_hash_table_insert (cache, owned, g_object_ref (comparison));
      g_queue_push_tail (&cache_order, owned);
      if (g_queue_get_length (&cache_order) > CACHE_SIZE)
        g_hash_table_remove (cache, g_queue_pop_head (&cache_order));
    }
  g_mutex_unlock (&cache_lock);
}

typedef struct
{
  char *db_path;
  GArray *ids;     /* gint64 */
  gint64 event_id;
  GStrv files;     /* to import first, their articles compared; or NULL */
} Request;

typedef struct
{
  PxComparison *comparison;
  guint n_requested;
  guint n_imported; /* articles the files added to the library */
} Result;

static void
request_free (Request *request)
{
  g_free (request->db_path);
  g_clear_pointer (&request->ids, g_array_unref);
  g_strfreev (request->files);
  g_free (request);
}

static void
result_free (Result *result)
{
  g_clear_object (&result->comparison);
  g_free (result);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Imports the request's files (an article already in the library is found
 * by its cleaned text) and adds their articles' ids to @ids. */
static gboolean
import_files (PxStore       *store,
              Request       *request,
              GCancellable  *cancellable,
              GArray        *ids,
              guint         *n_imported,
              GError       **error)
{
  g_autoptr (PxImporter) importer = px_importer_new (request->db_path);
  g_autoptr (GPtrArray) results = NULL;

  results = px_importer_import (importer, store, (const char * const *) request->files, cancellable, error);
  if (results == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      const PxImportResult *r = results->pdata[i];
      gboolean known = FALSE;

      if (r->status == PX_IMPORT_FAILED)
        {
          g_propagate_error (error, g_error_copy (r->error));
          return FALSE;
        }
      *n_imported += r->status == PX_IMPORT_STORED;
      for (guint k = 0; k < ids->len; k++)
        known |= g_array_index (ids, gint64, k) == r->article_id;
      if (!known)
        g_array_append_val (ids, r->article_id);
    }
  if (ids->len < 2)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED,
                   _("The files hold only one article: give two to eight different ones"));
      return FALSE;
    }
  return TRUE;
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (request->db_path, &error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GString) key = NULL;
  guint n_imported = 0;
  Result *result;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (request->files != NULL
      && !import_files (store, request, cancellable, ids, &n_imported, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (request->event_id > 0)
    {
      g_autoptr (PxEvent) event = px_store_get_event (store, request->event_id, &error);

      if (event == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_array_append_vals (ids, event->article_ids->data, event->article_ids->len);
    }
  else if (request->files == NULL)
    g_array_append_vals (ids, request->ids->data, request->ids->len);

  g_array_sort (ids, compare_ids);
  result = g_new0 (Result, 1);
  result->n_requested = ids->len;
  result->n_imported = n_imported;
  g_array_set_size (ids, MIN (ids->len, PX_COMPARISON_VIEW_MAX_ARTICLES));

  key = g_string_new (request->db_path);
  for (guint i = 0; i < ids->len; i++)
    {
      PxArticle *article = px_store_get_article (store, g_array_index (ids, gint64, i), &error);
      g_autofree char *digest = NULL;
      const char *text;

      if (article == NULL)
        {
          result_free (result);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (articles, article);
      text = px_article_get_clean_text (article);
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text != NULL ? text : "", -1);
      g_string_append_printf (key, "\n%" G_GINT64_FORMAT ":%s", px_article_get_id (article), digest);
    }
  if (g_task_return_error_if_cancelled (task))
    {
      result_free (result);
      return;
    }

  result->comparison = cache_lookup (key->str);
  if (result->comparison == NULL && articles->len > 0)
    {
      result->comparison = px_comparison_new ((PxArticle * const *) articles->pdata, articles->len, store);
      cache_insert (key->str, result->comparison);
    }
  if (result->comparison == NULL)
    {
      result_free (result);
      g_task_return_new_error (task, PX_ERROR, PX_ERROR_FAILED, _("There are no articles to compare"));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) result_free);
}

/* Column and gutter widgets, in their row. */

static void
clear_columns (PxComparisonView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->gutters, 0);
  g_clear_object (&self->headers);
}

static PxComparisonColumn *
column_at (PxComparisonView *self,
           guint             index)
{
  return self->columns->pdata[index];
}

/* The first sentence of claim @claim in article @article, or G_MAXUINT. */
static guint
member_in (const PxClaim *claim,
           guint          article)
{
  for (guint m = 0; m < claim->members->len; m++)
    if (g_array_index (claim->members, PxClaimMember, m).article == article)
      return g_array_index (claim->members, PxClaimMember, m).sentence;
  return G_MAXUINT;
}

static GPtrArray *
notes_of (PxComparisonView *self,
          guint             claim)
{
  if (self->claim_notes == NULL || claim >= self->claim_notes->len)
    return NULL;
  return self->claim_notes->pdata[claim];
}

static void
select_claim (PxComparisonView *self,
              guint             claim,
              PxComparisonColumn *origin)
{
  const PxClaim *info = NULL;

  if (self->comparison == NULL)
    return;
  if (claim != PX_NO_CLAIM && claim >= px_comparison_get_n_claims (self->comparison))
    claim = PX_NO_CLAIM;
  if (claim != PX_NO_CLAIM)
    info = px_comparison_get_claim (self->comparison, claim);

  for (guint i = 0; i < self->columns->len; i++)
    {
      PxComparisonColumn *column = column_at (self, i);
      guint sentence;

      px_comparison_column_select_claim (column, claim);
      if (info == NULL || column == origin)
        continue;
      sentence = member_in (info, px_comparison_column_get_article (column));
      if (sentence != G_MAXUINT)
        px_comparison_column_scroll_to_sentence (column, sentence);
    }
  for (guint i = 0; i < self->gutters->len; i++)
    px_claim_gutter_set_selected (self->gutters->pdata[i], claim);
  px_claim_pane_set_claim (self->claim_pane, info != NULL ? self->comparison : NULL, claim);
  px_claim_pane_set_notes (self->claim_pane, notes_of (self, claim));
  /* Beside the columns it costs nothing to show who says what; over them
   * (a narrow window) the reader opens it. */
  if (info != NULL && !adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);

  /* Bring the first column that carries the claim into the row's view. */
  if (info != NULL && origin == NULL)
    {
      guint article = g_array_index (info->members, PxClaimMember, 0).article;
      GtkWidget *column = self->columns->pdata[article];
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->columns_scroller);
      graphene_point_t at;

      if (gtk_widget_compute_point (column, GTK_WIDGET (self->columns_box),
                                    &GRAPHENE_POINT_INIT (0, 0), &at))
        gtk_adjustment_clamp_page (h, at.x, at.x + gtk_widget_get_width (column));
    }

  if (self->selected != claim)
    {
      self->selected = claim;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
    }
}

static void
sentence_activated_cb (PxComparisonColumn *column,
                       guint               sentence,
                       PxComparisonView   *self)
{
  guint claim = px_comparison_find_claim (self->comparison,
                                          px_comparison_column_get_article (column), sentence);

  self->picked_article = px_comparison_column_get_article (column);
  self->picked_sentence = sentence;
  select_claim (self, claim, column);
}

/* With synchronised scrolling, the other columns follow the claim at the
 * top of the scrolled one: each puts its own sentence of that claim (or
 * of the next claim it shares) at the same height. */
static void
column_scrolled_cb (GtkAdjustment    *adjustment,
                    PxComparisonView *self)
{
  PxComparisonColumn *source = NULL;
  double offset;
  guint top;

  if (!self->sync_scroll || self->syncing)
    return;
  for (guint i = 0; i < self->columns->len && source == NULL; i++)
    if (px_comparison_column_get_vadjustment (column_at (self, i)) == adjustment)
      source = column_at (self, i);
  /* Columns moving to a selected claim are placed already. */
  if (source == NULL || px_comparison_column_get_scrolling (source))
    return;
  top = px_comparison_column_get_top_sentence (source, &offset);
  if (top == G_MAXUINT)
    return;

  self->syncing = TRUE;
  for (guint i = 0; i < self->columns->len; i++)
    {
      PxComparisonColumn *target = column_at (self, i);
      guint article = px_comparison_column_get_article (target);
      guint n = px_comparison_get_article (self->comparison,
                                           px_comparison_column_get_article (source))->sentences->len;

      if (target == source || px_comparison_column_get_scrolling (target))
        continue;
      for (guint s = top; s < n; s++)
        {
          const PxClaim *claim = px_comparison_get_claim (
            self->comparison,
            px_comparison_find_claim (self->comparison, px_comparison_column_get_article (source), s));
          guint partner = member_in (claim, article);
          double at, bottom;

          if (partner == G_MAXUINT)
            continue;
          if (s == top)
            at = offset;
          else if (!px_comparison_column_get_sentence_bounds (
                     source, s, GTK_WIDGET (px_comparison_column_get_text_view (source)), &at, &bottom))
            break;
          px_comparison_column_place_sentence (target, partner, at);
          break;
        }
    }
  self->syncing = FALSE;
}

static void
update_summary (PxComparisonView *self)
{
  guint counts[3] = { 0 }, conflicts = 0, n = px_comparison_get_n_claims (self->comparison);
  guint n_articles = px_comparison_get_n_articles (self->comparison);
  g_autoptr (GString) summary = g_string_new (NULL);

  for (guint c = 0; c < n; c++)
    {
      const PxClaim *claim = px_comparison_get_claim (self->comparison, c);

      counts[claim->status]++;
      conflicts += claim->conflicts->len > 0;
    }
  g_string_append_printf (summary, ngettext ("%u outlet", "%u outlets", n_articles), n_articles);
  if (self->n_requested > n_articles)
    g_string_append_printf (summary, _(" (the first %u of %u articles)"), n_articles, self->n_requested);
  g_string_append (summary, " · ");
  g_string_append_printf (summary, ngettext ("%u claim", "%u claims", n), n);
  g_string_append_printf (summary, _(": %u shared, %u partial, %u unique"),
                          counts[PX_CLAIM_SHARED], counts[PX_CLAIM_PARTIAL], counts[PX_CLAIM_UNIQUE]);
  g_string_append (summary, " · ");
  g_string_append_printf (summary, ngettext ("%u claim in conflict", "%u claims in conflict", conflicts),
                          conflicts);
  gtk_label_set_text (self->summary_label, summary->str);
}

/* The matrix is filled when its page shows: building its columns costs
 * more than the text columns, and most openings start side by side. */
static void
update_matrix (PxComparisonView *self)
{
  if (!self->matrix_stale ||
      (self->comparison != NULL &&
       g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "matrix") != 0))
    return;
  self->matrix_stale = FALSE;
  px_coverage_matrix_set_comparison (self->matrix, self->comparison);
}

/* The process's processor time so far, all threads, in µs. */
static gint64
cpu_time (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static void
columns_painted_cb (GdkFrameClock    *clock,
                    PxComparisonView *self)
{
  GtkWidget *column = self->columns->len > 0 ? self->columns->pdata[0] : NULL;

  if (column == NULL || !gtk_widget_get_mapped (column) || gtk_widget_get_width (column) == 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, columns_painted_cb, self);
  g_print ("PARALLAX_FIRST_FRAME comparison %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           g_get_monotonic_time (), cpu_time ());
  if (g_strcmp0 (g_getenv ("PARALLAX_REPORT_FIRST_FRAME"), "exit") == 0 && g_application_get_default () != NULL)
    g_application_quit (g_application_get_default ());
}

static void
report_first_frame (PxComparisonView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (columns_painted_cb), self, 0);
}

static void
show_comparison (PxComparisonView *self,
                 PxComparison     *comparison)
{
  guint n;

  clear_columns (self);
  g_set_object (&self->comparison, comparison);
  g_clear_pointer (&self->claim_notes, g_ptr_array_unref);
  self->selected = PX_NO_CLAIM;
  self->picked_article = G_MAXUINT;
  px_claim_pane_set_claim (self->claim_pane, NULL, 0);
  self->matrix_stale = TRUE;
  update_matrix (self);
  if (comparison == NULL)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
      return;
    }

  self->headers = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  n = px_comparison_get_n_articles (comparison);
  for (guint a = 0; a < n; a++)
    {
      GtkWidget *column = px_comparison_column_new (comparison, a);

      if (a > 0)
        {
          GtkWidget *gutter = px_claim_gutter_new (comparison, self->columns->pdata[a - 1],
                                                   PX_COMPARISON_COLUMN (column));

          g_ptr_array_add (self->gutters, gutter);
          gtk_box_append (self->columns_box, gutter);
        }
      /* Two or three columns share the width; more scroll sideways. */
      gtk_widget_set_size_request (column, n <= 3 ? 280 : 300, -1);
      gtk_widget_set_hexpand (column, TRUE);
      gtk_size_group_add_widget (self->headers,
                                 px_comparison_column_get_header (PX_COMPARISON_COLUMN (column)));
      g_signal_connect_object (column, "sentence-activated", G_CALLBACK (sentence_activated_cb), self, 0);
      g_signal_connect_object (px_comparison_column_get_vadjustment (PX_COMPARISON_COLUMN (column)),
                               "value-changed", G_CALLBACK (column_scrolled_cb), self, 0);
      g_ptr_array_add (self->columns, column);
      gtk_box_append (self->columns_box, column);
    }
  update_summary (self);
  gtk_stack_set_visible_child_name (self->state_stack, "comparison");
  if (g_getenv ("PARALLAX_REPORT_FIRST_FRAME") != NULL)
    report_first_frame (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
  g_signal_emit (self, signals[LOADED], 0);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  PxComparisonView *self = user_data;

  self->spinner_timeout = 0;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  return G_SOURCE_REMOVE;
}

/* The spinner shows only when the analysis takes a while: a cached
 * comparison replaces the previous one without a flash in between. */
static void
set_loading (PxComparisonView *self,
             gboolean          loading)
{
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (loading)
    self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *task,
                 gpointer      user_data)
{
  g_autoptr (PxComparisonView) self = user_data;
  g_autoptr (GError) error = NULL;
  Result *result = g_task_propagate_pointer (G_TASK (task), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (result == NULL)
    {
      clear_columns (self);
      g_clear_object (&self->comparison);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      set_loading (self, FALSE);
      return;
    }
  self->n_requested = result->n_requested;
  self->n_imported = result->n_imported;
  show_comparison (self, result->comparison);
  set_loading (self, FALSE);
  result_free (result);
}

static void
start (PxComparisonView   *self,
       PxStore            *store,
       const gint64       *ids,
       guint               n_ids,
       gint64              event_id,
       const char * const *files)
{
  g_autoptr (GTask) task = NULL;
  Request *request = g_new0 (Request, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->event_id = event_id;

  request->db_path = g_strdup (px_store_get_path (store));
  request->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (ids != NULL)
    g_array_append_vals (request->ids, ids, n_ids);
  request->event_id = event_id;
  request->files = g_strdupv ((char **) files);
  self->n_imported = 0;

  task = g_task_new (NULL, self->cancellable, compare_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  set_loading (self, TRUE);
  /* Nothing shown yet: say what is coming rather than "Nothing to Compare". */
  if (self->comparison == NULL)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");
  g_task_run_in_thread (task, compare_thread);
}

/* Keyboard navigation between claims. */

typedef gboolean (*ClaimFilter) (const PxClaim *claim);

static gboolean
any_claim (const PxClaim *claim)
{
  return TRUE;
}

static gboolean
conflict_claim (const PxClaim *claim)
{
  return claim->conflicts->len > 0;
}

static gboolean
unique_claim (const PxClaim *claim)
{
  return claim->status == PX_CLAIM_UNIQUE;
}

static void
step (PxComparisonView *self,
      ClaimFilter       filter,
      int               direction)
{
  guint n;
  gint64 c;

  if (self->comparison == NULL)
    return;
  n = px_comparison_get_n_claims (self->comparison);
  if (self->selected == PX_NO_CLAIM)
    c = direction > 0 ? -1 : (gint64) n;
  else
    c = self->selected;
  for (c += direction; c >= 0 && c < n; c += direction)
    if (filter (px_comparison_get_claim (self->comparison, c)))
      {
        px_comparison_view_set_page (self, "columns");
        px_comparison_view_select_claim (self, c);
        return;
      }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PxComparisonView *self = PX_COMPARISON_VIEW (widget);
  int direction = g_str_has_prefix (action_name, "comparison.next") ? 1 : -1;

  if (g_str_has_suffix (action_name, "-conflict"))
    step (self, conflict_claim, direction);
  else if (g_str_has_suffix (action_name, "-unique"))
    step (self, unique_claim, direction);
  else
    step (self, any_claim, direction);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  px_comparison_view_set_page (PX_COMPARISON_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
cell_activated_cb (PxCoverageMatrix *matrix,
                   guint             claim,
                   guint             article,
                   PxComparisonView *self)
{
  const PxClaim *info = px_comparison_get_claim (self->comparison, claim);
  guint sentence = article != G_MAXUINT ? member_in (info, article) : G_MAXUINT;

  px_comparison_view_set_page (self, "columns");
  px_comparison_view_select_claim (self, claim);
  /* An absent cell still opens the claim: its carriers are scrolled to. */
  if (sentence != G_MAXUINT)
    {
      GtkWidget *column = self->columns->pdata[article];
      graphene_point_t at;

      gtk_widget_grab_focus (GTK_WIDGET (px_comparison_column_get_text_view (PX_COMPARISON_COLUMN (column))));
      if (gtk_widget_compute_point (column, GTK_WIDGET (self->columns_box),
                                    &GRAPHENE_POINT_INIT (0, 0), &at))
        gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (self->columns_scroller),
                                   at.x, at.x + gtk_widget_get_width (column));
    }
}

typedef struct
{
  PxMark mark;
  const char *label;
  const char *tooltip;
} LegendEntry;

static GtkWidget *
legend_entry (const LegendEntry *entry,
              LegendTier         tier)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (box), px_mark_symbol_new (entry->mark, 14));
  if (tier == LEGEND_MARKS)
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _(entry->label), -1);
  else
    gtk_box_append (GTK_BOX (box), gtk_label_new (_(entry->label)));
  gtk_widget_set_tooltip_text (box, _(entry->tooltip));
  gtk_widget_add_css_class (box, "legend-entry");
  return box;
}

static GtkWidget *
legend_row (const LegendEntry *entries,
            guint              n_entries,
            LegendTier         tier)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, tier == LEGEND_MARKS ? 8 : 12);

  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  for (guint i = 0; i < n_entries; i++)
    gtk_box_append (GTK_BOX (row), legend_entry (&entries[i], tier));
  return row;
}

/* Two legends: the marks in the texts, and the cells of the matrix; each in
 * three tiers the squeezer picks from as the window narrows. */
static void
build_legend (PxComparisonView *self)
{
  static const LegendEntry text_entries[] = {
    { PX_MARK_SHARED, N_("Shared"), N_("Every outlet says it") },
    { PX_MARK_PARTIAL, N_("Partial"), N_("Some outlets say it") },
    { PX_MARK_UNIQUE, N_("Unique"), N_("Only one outlet says it") },
    { PX_MARK_CONFLICT, N_("Conflict"), N_("Outlets give different values: wavy underline") },
  };
  static const LegendEntry cell_entries[] = {
    { PX_MARK_SHARED, N_("Same words"), N_("The outlet says it as the others do") },
    { PX_MARK_PARTIAL, N_("Other words"), N_("The outlet says it in words of its own") },
    { PX_MARK_CONFLICT, N_("Conflict"), N_("The outlet gives a value the others contradict") },
    { PX_MARK_ABSENT, N_("Silent"), N_("The outlet does not say it") },
  };

  for (LegendTier tier = 0; tier < LEGEND_N_TIERS; tier++)
    {
      GtkWidget *tier_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      self->text_legends[tier] = legend_row (text_entries, G_N_ELEMENTS (text_entries), tier);
      if (tier == LEGEND_ALL_WORDS)
        {
          GtkWidget *changed = gtk_label_new (NULL);

          gtk_label_set_markup (GTK_LABEL (changed), _("<u>Changed words</u>"));
          gtk_widget_set_tooltip_text (changed, _("Words the other versions of the claim do not have"));
          gtk_box_append (GTK_BOX (self->text_legends[tier]), changed);
        }
      self->cell_legends[tier] = legend_row (cell_entries, G_N_ELEMENTS (cell_entries), tier);
      gtk_widget_set_visible (self->cell_legends[tier], FALSE);
      gtk_widget_set_hexpand (tier_box, TRUE);
      gtk_box_append (GTK_BOX (tier_box), self->text_legends[tier]);
      gtk_box_append (GTK_BOX (tier_box), self->cell_legends[tier]);
      adw_squeezer_add (self->legend, tier_box);
    }
}

static void
page_changed_cb (PxComparisonView *self)
{
  gboolean matrix = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "matrix") == 0;

  for (LegendTier tier = 0; tier < LEGEND_N_TIERS; tier++)
    {
      gtk_widget_set_visible (self->text_legends[tier], !matrix);
      gtk_widget_set_visible (self->cell_legends[tier], matrix);
    }
  update_matrix (self);
}

static void
px_comparison_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PxComparisonView *self = PX_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, px_comparison_view_get_loading (self));
      break;
    case PROP_SELECTED_CLAIM:
      g_value_set_uint (value, self->selected);
      break;
    case PROP_SYNC_SCROLL:
      g_value_set_boolean (value, self->sync_scroll);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_comparison_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PxComparisonView *self = PX_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_SYNC_SCROLL:
      px_comparison_view_set_sync_scroll (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_comparison_view_dispose (GObject *object)
{
  PxComparisonView *self = PX_COMPARISON_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  /* AdwBin unparents its child itself: let it go first, as the template
   * would unparent its root (a bound child) and leave AdwBin a stale one. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_COMPARISON_VIEW);
  g_clear_object (&self->headers);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->claim_notes, g_ptr_array_unref);

  G_OBJECT_CLASS (px_comparison_view_parent_class)->dispose (object);
}

static void
px_comparison_view_finalize (GObject *object)
{
  PxComparisonView *self = PX_COMPARISON_VIEW (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->gutters, g_ptr_array_unref);

  G_OBJECT_CLASS (px_comparison_view_parent_class)->finalize (object);
}

static const struct
{
  guint key;
  GdkModifierType modifiers;
  const char *action;
  const char *parameter;
} shortcuts[] = {
  { GDK_KEY_Down, GDK_ALT_MASK, "comparison.next-conflict", NULL },
  { GDK_KEY_Up, GDK_ALT_MASK, "comparison.previous-conflict", NULL },
  { GDK_KEY_Down, GDK_CONTROL_MASK, "comparison.next-claim", NULL },
  { GDK_KEY_Up, GDK_CONTROL_MASK, "comparison.previous-claim", NULL },
  { GDK_KEY_u, GDK_ALT_MASK, "comparison.next-unique", NULL },
  { GDK_KEY_U, GDK_ALT_MASK | GDK_SHIFT_MASK, "comparison.previous-unique", NULL },
  { GDK_KEY_1, GDK_ALT_MASK, "comparison.page", "'columns'" },
  { GDK_KEY_2, GDK_ALT_MASK, "comparison.page", "'matrix'" },
};

static void
px_comparison_view_class_init (PxComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const navigation[] = {
    "comparison.next-conflict", "comparison.previous-conflict",
    "comparison.next-claim", "comparison.previous-claim",
    "comparison.next-unique", "comparison.previous-unique",
  };

  object_class->get_property = px_comparison_view_get_property;
  object_class->set_property = px_comparison_view_set_property;
  object_class->dispose = px_comparison_view_dispose;
  object_class->finalize = px_comparison_view_finalize;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, PX_TYPE_COMPARISON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CLAIM] =
    g_param_spec_uint ("selected-claim", NULL, NULL, 0, G_MAXUINT, PX_NO_CLAIM,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_SCROLL] =
    g_param_spec_boolean ("sync-scroll", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when a comparison is shown, its columns built. */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PX_TYPE_CLAIM_PANE);
  g_type_ensure (PX_TYPE_COVERAGE_MATRIX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/ui/px-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, legend);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, flap);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, columns_scroller);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, claim_pane);
  gtk_widget_class_bind_template_child (widget_class, PxComparisonView, matrix);

  for (guint i = 0; i < G_N_ELEMENTS (navigation); i++)
    gtk_widget_class_install_action (widget_class, navigation[i], NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "comparison.page", "s", page_action);
  gtk_widget_class_install_property_action (widget_class, "comparison.sync-scroll", "sync-scroll");
  gtk_widget_class_set_css_name (widget_class, "comparisonview");
}

static void
px_comparison_view_init (PxComparisonView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  px_mark_ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  px_status_page_set_icon_on_map (self->empty_page, "view-dual-symbolic");
  px_status_page_set_icon_on_map (self->error_page, "dialog-warning-symbolic");
  self->columns = g_ptr_array_new ();
  self->gutters = g_ptr_array_new ();
  self->selected = PX_NO_CLAIM;
  self->picked_article = G_MAXUINT;
  build_legend (self);
  g_signal_connect_object (self->matrix, "cell-activated", G_CALLBACK (cell_activated_cb), self, 0);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (page_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcutAction *action = gtk_named_action_new (shortcuts[i].action);
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                        shortcuts[i].modifiers),
                                                action);

      if (shortcuts[i].parameter != NULL)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_parsed (shortcuts[i].parameter));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
px_comparison_view_new (void)
{
  return g_object_new (PX_TYPE_COMPARISON_VIEW, NULL);
}

void
px_comparison_view_compare (PxComparisonView *self,
                            PxStore          *store,
                            const gint64     *ids,
                            guint             n_ids)
{
  g_return_if_fail (PX_IS_COMPARISON_VIEW (self));
  g_return_if_fail (PX_IS_STORE (store));
  g_return_if_fail (ids != NULL && n_ids > 0);

  start (self, store, ids, n_ids, 0, NULL);
}

void
px_comparison_view_compare_event (PxComparisonView *self,
                                  PxStore          *store,
                                  gint64            event_id)
{
  g_return_if_fail (PX_IS_COMPARISON_VIEW (self));
  g_return_if_fail (PX_IS_STORE (store));
  g_return_if_fail (event_id > 0);

  start (self, store, NULL, 0, event_id, NULL);
}

void
px_comparison_view_compare_files (PxComparisonView   *self,
                                  PxStore            *store,
                                  const char * const *files)
{
  g_return_if_fail (PX_IS_COMPARISON_VIEW (self));
  g_return_if_fail (PX_IS_STORE (store));
  g_return_if_fail (files != NULL && files[0] != NULL);

  start (self, store, NULL, 0, 0, files);
}

guint
px_comparison_view_get_n_imported (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), 0);
  return self->n_imported;
}

void
px_comparison_view_set_comparison (PxComparisonView *self,
                                   PxComparison     *comparison)
{
  g_return_if_fail (PX_IS_COMPARISON_VIEW (self));
  g_return_if_fail (comparison == NULL || PX_IS_COMPARISON (comparison));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->event_id = 0;
  self->n_requested = comparison != NULL ? px_comparison_get_n_articles (comparison) : 0;
  show_comparison (self, comparison);
  set_loading (self, FALSE);
}

PxComparison *
px_comparison_view_get_comparison (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), NULL);
  return self->comparison;
}

gboolean
px_comparison_view_get_loading (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

gint64
px_comparison_view_get_event (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), 0);
  return self->event_id;
}

GtkWidget *
px_comparison_view_get_column (PxComparisonView *self,
                               guint             index)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), NULL);
  return index < self->columns->len ? self->columns->pdata[index] : NULL;
}

GtkWidget *
px_comparison_view_get_gutter (PxComparisonView *self,
                               guint             index)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), NULL);
  return index < self->gutters->len ? self->gutters->pdata[index] : NULL;
}

GtkWidget *
px_comparison_view_get_matrix (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), NULL);
  return GTK_WIDGET (self->matrix);
}

GtkWidget *
px_comparison_view_get_claim_pane (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), NULL);
  return GTK_WIDGET (self->claim_pane);
}

void
px_comparison_view_select_claim (PxComparisonView *self,
                                 guint             claim)
{
  g_return_if_fail (PX_IS_COMPARISON_VIEW (self));
  select_claim (self, claim, NULL);
}

guint
px_comparison_view_get_selected_claim (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), PX_NO_CLAIM);
  return self->selected;
}

void
px_comparison_view_set_page (PxComparisonView *self,
                             const char       *name)
{
  g_return_if_fail (PX_IS_COMPARISON_VIEW (self));
  g_return_if_fail (g_strcmp0 (name, "columns") == 0 || g_strcmp0 (name, "matrix") == 0);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
px_comparison_view_get_page (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
px_comparison_view_set_sync_scroll (PxComparisonView *self,
                                    gboolean          sync_scroll)
{
  g_return_if_fail (PX_IS_COMPARISON_VIEW (self));

  sync_scroll = !!sync_scroll;
  if (self->sync_scroll == sync_scroll)
    return;
  self->sync_scroll = sync_scroll;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_SCROLL]);
  if (sync_scroll && self->columns->len > 0)
    column_scrolled_cb (px_comparison_column_get_vadjustment (column_at (self, 0)), self);
}

gboolean
px_comparison_view_get_sync_scroll (PxComparisonView *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), FALSE);
  return self->sync_scroll;
}

static void
notes_free (gpointer notes)
{
  if (notes != NULL)
    g_ptr_array_unref (notes);
}

void
px_comparison_view_set_notes (PxComparisonView *self,
                              GPtrArray        *notes,
                              GPtrArray        *maps)
{
  guint n_articles;
  g_autoptr (GPtrArray) column_notes = NULL;  /* per article: GPtrArray of PxNote */
  g_autoptr (GPtrArray) column_ranges = NULL; /* per article: GArray of PxRange */

  g_return_if_fail (PX_IS_COMPARISON_VIEW (self));

  if (self->comparison == NULL)
    return;
  n_articles = px_comparison_get_n_articles (self->comparison);
  g_return_if_fail (maps != NULL && maps->len == n_articles);

  g_clear_pointer (&self->claim_notes, g_ptr_array_unref);
  self->claim_notes = g_ptr_array_new_with_free_func (notes_free);
  g_ptr_array_set_size (self->claim_notes, px_comparison_get_n_claims (self->comparison));
  column_notes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  column_ranges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint a = 0; a < n_articles; a++)
    {
      g_ptr_array_add (column_notes, g_ptr_array_new ());
      g_ptr_array_add (column_ranges, g_array_new (FALSE, FALSE, sizeof (PxRange)));
    }

  for (guint n = 0; notes != NULL && n < notes->len; n++)
    {
      PxNote *note = notes->pdata[n];
      PxTextMap *map = NULL;
      PxRange range;
      guint a;

      for (a = 0; a < n_articles; a++)
        if (px_comparison_get_article (self->comparison, a)->id == px_note_get_article_id (note))
          break;
      if (a == n_articles || (map = maps->pdata[a]) == NULL)
        continue;
      /* A note on a claim goes with the claim, wherever its sentences
       * are; a note on words stays on its words. */
      if (px_note_get_claim_key (note) != NULL)
        {
          int claim = px_note_find_claim (note, self->comparison, map, NULL, NULL);

          if (claim < 0)
            continue;
          if (self->claim_notes->pdata[claim] == NULL)
            self->claim_notes->pdata[claim] = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (self->claim_notes->pdata[claim], g_object_ref (note));
        }
      else if (px_note_get_clean_range (note, map, &range.start, &range.end))
        {
          g_ptr_array_add (column_notes->pdata[a], note);
          g_array_append_val (column_ranges->pdata[a], range);
        }
    }

  for (guint i = 0; i < self->columns->len; i++)
    {
      guint a = px_comparison_column_get_article (column_at (self, i));

      px_comparison_column_set_notes (column_at (self, i), column_notes->pdata[a],
                                      column_ranges->pdata[a], self->claim_notes);
    }
  if (self->selected != PX_NO_CLAIM)
    px_claim_pane_set_notes (self->claim_pane, notes_of (self, self->selected));
}

GPtrArray *
px_comparison_view_get_claim_notes (PxComparisonView *self,
                                    guint             claim)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), NULL);
  return notes_of (self, claim);
}

gboolean
px_comparison_view_get_picked_sentence (PxComparisonView *self,
                                        guint            *article,
                                        guint            *sentence)
{
  g_return_val_if_fail (PX_IS_COMPARISON_VIEW (self), FALSE);

  if (self->comparison == NULL || self->picked_article == G_MAXUINT || self->selected == PX_NO_CLAIM
      || px_comparison_find_claim (self->comparison, self->picked_article, self->picked_sentence)
         != self->selected)
    return FALSE;
  *article = self->picked_article;
  *sentence = self->picked_sentence;
  return TRUE;
}
