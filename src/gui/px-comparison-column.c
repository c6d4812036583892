/* px-comparison-column.c: one article of a comparison, its sentences marked by claim
 *
 * A header (outlet, date, title) over the cleaned text in a read-only,
 * wrapping text view. Each sentence is tinted by the status of its claim
 * and carries that status's symbol in the left margin, so the status reads
 * without colour too; inside a sentence the words that differ from the
 * claim's other versions are underlined, and the values in conflict get a
 * wavy underline, bold type and a red tint: a disagreement stands out more
 * than a rewording. The text is the article's own, unchanged, so buffer
 * offsets map one to one to the analysis's sentences.
 *
 * The reader's notes: a note on words is highlighted in its colour, and
 * its text shows in a tooltip; a note on a claim puts a note symbol in the
 * margin beside every sentence of the claim, in every column, with the
 * notes in the symbol's tooltip. A right click first picks the claim under
 * the pointer, so the context menu's "Add Note to Claim" is about it.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "px-comparison-column.h"
#include "px-mark.h"
#include "px-note-editor.h"

#define MARGIN_WIDTH 34
#define NOTE_X 8.0     /* the centre of the note symbol in the margin */
#define STATUS_X 21.0  /* and of the claim status symbol */

struct _PxComparisonColumn
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *header;
  GtkWidget *scrolled;
  GtkTextView *text_view;
  GtkWidget *margin;

  /* owned */
  PxComparison *comparison;
  guint article;
  guint n_sentences;
  int *starts;         /* character offset of each sentence */
  int *ends;
  guint *claims;       /* claim index of each sentence */
  gboolean *conflicts; /* whether its claim has a value of this article in conflict */
  guint selected;      /* claim index or PX_NO_CLAIM */
  GPtrArray *note_tags;   /* GtkTextTag, one per highlighted note, "px-note" data */
  GPtrArray *color_tags;  /* GtkTextTag, borrowed from the buffer: a background per colour */
  GPtrArray *claim_notes; /* per claim index: GPtrArray of PxNote, or NULL */

  /* borrowed, owned by the buffer */
  GtkTextTag *status_tags[3];
  GtkTextTag *changed_tag;
  GtkTextTag *conflict_tag;
  GtkTextTag *selected_tag;

  /* scrolling to a sentence, frame by frame until the layout holds */
  guint target;        /* sentence, or G_MAXUINT */
  guint target_ticks;  /* frames left to try */
  guint target_stable; /* frames in a row it was in place */
  guint scroll_tick;
};

G_DEFINE_FINAL_TYPE (PxComparisonColumn, px_comparison_column, GTK_TYPE_WIDGET)

enum
{
  SENTENCE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PxMark
status_mark (PxClaimStatus status)
{
  switch (status)
    {
    case PX_CLAIM_SHARED:
      return PX_MARK_SHARED;
    case PX_CLAIM_PARTIAL:
      return PX_MARK_PARTIAL;
    case PX_CLAIM_UNIQUE:
    default:
      return PX_MARK_UNIQUE;
    }
}

static void
set_background (GtkTextTag *tag,
                PxMark      mark,
                gboolean    dark)
{
  GdkRGBA color;

  px_mark_get_color (mark, FALSE, dark, &color);
  g_object_set (tag, "background-rgba", &color, NULL);
}

static void
update_colors (PxComparisonColumn *self)
{
  gboolean dark = px_mark_is_dark ();
  GdkRGBA color;

  for (guint s = 0; s < G_N_ELEMENTS (self->status_tags); s++)
    set_background (self->status_tags[s], status_mark (s), dark);
  set_background (self->changed_tag, PX_MARK_DIFFERENT, dark);
  set_background (self->conflict_tag, PX_MARK_CONFLICT, dark);
  px_mark_get_color (PX_MARK_CONFLICT, TRUE, dark, &color);
  g_object_set (self->conflict_tag, "foreground-rgba", &color, "underline-rgba", &color, NULL);
  set_background (self->selected_tag, PX_MARK_SELECTED, dark);
  gtk_widget_queue_draw (self->margin);
}

static void
dark_changed_cb (PxComparisonColumn *self)
{
  update_colors (self);
}

/* The sentence drawn at buffer y @y, or the first below it. */
static guint
sentence_at_y (PxComparisonColumn *self,
               int                 y)
{
  GtkTextIter iter;

  gtk_text_view_get_iter_at_location (self->text_view, &iter, 0, y);
  return px_comparison_column_find_sentence (self, gtk_text_iter_get_offset (&iter));
}

static void
offset_rect (PxComparisonColumn *self,
             int                 offset,
             GdkRectangle       *rect)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), &iter, offset);
  gtk_text_view_get_iter_location (self->text_view, &iter, rect);
}

/* The notes on claim @claim, or NULL when it has none. */
static GPtrArray *
claim_notes (PxComparisonColumn *self,
             guint               claim)
{
  GPtrArray *notes;

  if (self->claim_notes == NULL || claim >= self->claim_notes->len)
    return NULL;
  notes = self->claim_notes->pdata[claim];
  return notes != NULL && notes->len > 0 ? notes : NULL;
}

/* A small sheet of paper with a folded corner and two lines of writing,
 * in the colour of @note. */
static void
draw_note_symbol (cairo_t *cr,
                  PxNote  *note,
                  double   x,
                  double   y,
                  gboolean dark)
{
  const double w = 10, h = 12, fold = 3.5;
  double left = x - w / 2, top = y - h / 2;
  GdkRGBA fill, ink;

  gdk_rgba_parse (&fill, px_note_editor_color_of (note));
  gdk_rgba_parse (&ink, dark ? "rgba(255,255,255,0.85)" : "rgba(0,0,0,0.7)");
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left + 0.5, top + 0.5);
  cairo_line_to (cr, left + w - fold, top + 0.5);
  cairo_line_to (cr, left + w - 0.5, top + fold);
  cairo_line_to (cr, left + w - 0.5, top + h - 0.5);
  cairo_line_to (cr, left + 0.5, top + h - 0.5);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_stroke (cr);
  cairo_move_to (cr, left + 2.5, top + 5.5);
  cairo_line_to (cr, left + w - 2.5, top + 5.5);
  cairo_move_to (cr, left + 2.5, top + 8.5);
  cairo_line_to (cr, left + w - 2.5, top + 8.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_margin_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  PxComparisonColumn *self = user_data;
  gboolean dark = px_mark_is_dark ();
  GdkRectangle visible;

  if (self->n_sentences == 0)
    return;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  for (guint s = sentence_at_y (self, visible.y); s < self->n_sentences; s++)
    {
      const PxClaim *claim = px_comparison_get_claim (self->comparison, self->claims[s]);
      GdkRectangle first;
      int top;
      PxMark mark;

      offset_rect (self, self->starts[s], &first);
      if (first.y > visible.y + visible.height)
        break;
      gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_LEFT,
                                             0, first.y, NULL, &top);
      if (self->claims[s] == self->selected)
        {
          GdkRectangle last;
          GdkRGBA color;
          int bottom;

          offset_rect (self, MAX (self->ends[s] - 1, self->starts[s]), &last);
          gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_LEFT,
                                                 0, last.y + last.height, NULL, &bottom);
          px_mark_get_color (PX_MARK_SELECTED, TRUE, dark, &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_rectangle (cr, width - 4, top, 3, bottom - top);
          cairo_fill (cr);
        }
      mark = self->conflicts[s] ? PX_MARK_CONFLICT : status_mark (claim->status);
      px_mark_draw_symbol (cr, mark, STATUS_X, top + first.height / 2.0, 14, dark);
      if (claim_notes (self, self->claims[s]) != NULL)
        draw_note_symbol (cr, claim_notes (self, self->claims[s])->pdata[0],
                          NOTE_X, top + first.height / 2.0, dark);
    }
}

/* The margin's tooltip: the notes on the claim of the sentence beside the
 * pointer, when its note symbol is there. */
static gboolean
margin_query_tooltip_cb (GtkWidget          *margin,
                         int                 x,
                         int                 y,
                         gboolean            keyboard_mode,
                         GtkTooltip         *tooltip,
                         PxComparisonColumn *self)
{
  g_autofree char *text = NULL;
  GdkRectangle first;
  int bx, by, top;
  guint s;

  if (keyboard_mode || x > STATUS_X - 7)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_LEFT, x, y, &bx, &by);
  s = sentence_at_y (self, by);
  if (s >= self->n_sentences || (text = px_comparison_column_dup_claim_notes_text (self, s)) == NULL)
    return FALSE;
  /* Only beside the symbol, on the sentence's first line. */
  offset_rect (self, self->starts[s], &first);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_LEFT, 0, first.y, NULL, &top);
  if (y < top || y > top + first.height)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The tag of the innermost note at @iter, or NULL. */
static GtkTextTag *
note_tag_at (const GtkTextIter *iter)
{
  g_autoptr (GSList) tags = gtk_text_iter_get_tags (iter);
  GtkTextTag *found = NULL;

  /* By priority: the last is the most recently made, the innermost note. */
  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, "px-note") != NULL)
      found = l->data;
  return found;
}

static gboolean
text_query_tooltip_cb (GtkWidget          *text_view,
                       int                 x,
                       int                 y,
                       gboolean            keyboard_mode,
                       GtkTooltip         *tooltip,
                       PxComparisonColumn *self)
{
  GtkTextIter iter;
  g_autofree char *text = NULL;
  int bx, by;

  if (keyboard_mode)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
        return FALSE;
    }
  text = px_comparison_column_dup_note_text (self, gtk_text_iter_get_offset (&iter));
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
scrolled_cb (PxComparisonColumn *self)
{
  gtk_widget_queue_draw (self->margin);
}

/* Picks the claim of the sentence at widget point (@x, @y), if any. */
static void
activate_at (PxComparisonColumn *self,
             double              x,
             double              y)
{
  GtkTextIter iter;
  int bx, by;
  guint sentence;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  sentence = px_comparison_column_find_sentence (self, gtk_text_iter_get_offset (&iter));
  if (sentence < self->n_sentences && gtk_text_iter_get_offset (&iter) >= self->starts[sentence])
    g_signal_emit (self, signals[SENTENCE_ACTIVATED], 0, sentence);
}

static void
released_cb (GtkGestureClick    *gesture,
             int                 n_press,
             double              x,
             double              y,
             PxComparisonColumn *self)
{
  /* A drag selects text to copy; only a plain click picks a claim. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)))
    return;
  activate_at (self, x, y);
}

/* Before the text view opens its context menu (the gesture runs in the
 * capture phase and does not claim the click). */
static void
secondary_pressed_cb (GtkGestureClick    *gesture,
                      int                 n_press,
                      double              x,
                      double              y,
                      PxComparisonColumn *self)
{
  activate_at (self, x, y);
}

static void
apply (PxComparisonColumn *self,
       GtkTextTag         *tag,
       int                 start,
       int                 end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_apply_tag (buffer, tag, &a, &b);
}

/* Marks the changed words and the values in conflict of one sentence. */
static void
mark_sentence (PxComparisonColumn        *self,
               const PxComparisonArticle *article,
               guint                      s,
               const PxClaim             *claim)
{
  PxRange range = g_array_index (article->sentences, PxRange, s);
  const char *sentence = article->text + range.start;
  gsize length = range.end - range.start;

  if (claim->status == PX_CLAIM_UNIQUE)
    return;

  for (guint m = 0; m < claim->members->len; m++)
    {
      const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);

      if (member->article != self->article || member->sentence != s || member->changed == NULL)
        continue;
      for (guint c = 0; c < member->changed->len; c++)
        {
          PxRange changed = g_array_index (member->changed, PxRange, c);

          if (changed.end > length || changed.start >= changed.end)
            continue;
          apply (self, self->changed_tag,
                 self->starts[s] + g_utf8_strlen (sentence, changed.start),
                 self->starts[s] + g_utf8_strlen (sentence, changed.end));
        }
    }

  /* Conflicts give each article's value as text: find it in the sentence. */
  for (guint k = 0; k < claim->conflicts->len; k++)
    {
      const PxConflict *conflict = claim->conflicts->pdata[k];

      for (guint v = 0; v < conflict->values->len; v++)
        {
          const PxConflictValue *value = &g_array_index (conflict->values, PxConflictValue, v);
          const char *found;

          if (value->article != self->article || value->text == NULL || value->text[0] == '\0')
            continue;
          self->conflicts[s] = TRUE;
          found = g_strstr_len (sentence, length, value->text);
          if (found != NULL)
            {
              int start = self->starts[s] + g_utf8_strlen (sentence, found - sentence);

              apply (self, self->conflict_tag, start, start + g_utf8_strlen (value->text, -1));
            }
        }
    }
}

static void
fill (PxComparisonColumn *self)
{
  const PxComparisonArticle *article = px_comparison_get_article (self->comparison, self->article);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint byte = 0;
  int offset = 0;

  gtk_text_buffer_set_text (buffer, article->text, -1);
  self->n_sentences = article->sentences->len;
  self->starts = g_new (int, self->n_sentences);
  self->ends = g_new (int, self->n_sentences);
  self->claims = g_new (guint, self->n_sentences);
  self->conflicts = g_new0 (gboolean, self->n_sentences);
  for (guint s = 0; s < self->n_sentences; s++)
    {
      PxRange range = g_array_index (article->sentences, PxRange, s);

      offset += g_utf8_strlen (article->text + byte, range.start - byte);
      self->starts[s] = offset;
      offset += g_utf8_strlen (article->text + range.start, range.end - range.start);
      self->ends[s] = offset;
      byte = range.end;
      self->claims[s] = px_comparison_find_claim (self->comparison, self->article, s);
    }

  for (guint s = 0; s < self->n_sentences; s++)
    {
      const PxClaim *claim = px_comparison_get_claim (self->comparison, self->claims[s]);

      apply (self, self->status_tags[claim->status], self->starts[s], self->ends[s]);
      mark_sentence (self, article, s, claim);
    }
}

static GtkWidget *
header_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
build_header (PxComparisonColumn        *self,
              const PxComparisonArticle *article)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *outlet = header_label (article->outlet != NULL ? article->outlet : _("Unknown outlet"),
                                    "heading");
  GtkWidget *title = header_label (article->title, "column-title");

  self->header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->header, "comparison-column-header");
  gtk_label_set_ellipsize (GTK_LABEL (outlet), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (outlet, TRUE);
  gtk_box_append (GTK_BOX (top), outlet);
  if (article->published != NULL)
    gtk_box_append (GTK_BOX (top), header_label (article->published, "dim-label"));
  gtk_box_append (GTK_BOX (self->header), top);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, article->title);
  gtk_widget_set_valign (title, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->header), title);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
}

static void
build_text (PxComparisonColumn *self)
{
  GtkTextBuffer *buffer;
  GtkGesture *click;
  g_autoptr (GMenu) menu = g_menu_new ();

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_object_set (self->text_view,
                "editable", FALSE,
                "cursor-visible", FALSE,
                "wrap-mode", GTK_WRAP_WORD_CHAR,
                "pixels-inside-wrap", 3,
                "pixels-below-lines", 2,
                "top-margin", 12,
                "bottom-margin", 24,
                "left-margin", 6,
                "right-margin", 12,
                NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "comparison-text");
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->status_tags[PX_CLAIM_SHARED] = gtk_text_buffer_create_tag (buffer, "shared", NULL);
  self->status_tags[PX_CLAIM_PARTIAL] = gtk_text_buffer_create_tag (buffer, "partial", NULL);
  self->status_tags[PX_CLAIM_UNIQUE] = gtk_text_buffer_create_tag (buffer, "unique", NULL);
  /* Created after the status tags, so they win where they overlap. */
  self->selected_tag = gtk_text_buffer_create_tag (buffer, "selected", NULL);
  self->changed_tag = gtk_text_buffer_create_tag (buffer, "changed",
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  NULL);
  self->conflict_tag = gtk_text_buffer_create_tag (buffer, "conflict",
                                                   "underline", PANGO_UNDERLINE_ERROR,
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   NULL);

  self->margin = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->margin, MARGIN_WIDTH, -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->margin), draw_margin_cb, self, NULL);
  gtk_text_view_set_gutter (self->text_view, GTK_TEXT_WINDOW_LEFT, self->margin);

  gtk_widget_set_has_tooltip (self->margin, TRUE);
  g_signal_connect (self->margin, "query-tooltip", G_CALLBACK (margin_query_tooltip_cb), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (text_query_tooltip_cb), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  /* The window's actions, in the text's context menu. */
  g_menu_append (menu, _("Add _Note…"), "win.add-note");
  g_menu_append (menu, _("Add Note to _Claim…"), "win.add-claim-note");
  g_menu_append (menu, _("Copy with _Sources"), "win.copy-claim");
  g_menu_append (menu, _("Copy as _Markdown"), "win.copy-claim-markdown");
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (menu));

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->text_view));
  /* A scrollbar that stays tells how far into each article the reader is;
   * and GTK 4.8's overlay scrollbars, shown for the first time, made the
   * first frame of a scroll take 22 ms (five columns at once). */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (self->scrolled), FALSE);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)),
                           "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)),
                           "changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
}

static void
px_comparison_column_dispose (GObject *object)
{
  PxComparisonColumn *self = PX_COMPARISON_COLUMN (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->note_tags, g_ptr_array_unref);
  g_clear_pointer (&self->color_tags, g_ptr_array_unref);
  g_clear_pointer (&self->claim_notes, g_ptr_array_unref);

  G_OBJECT_CLASS (px_comparison_column_parent_class)->dispose (object);
}

static void
px_comparison_column_finalize (GObject *object)
{
  PxComparisonColumn *self = PX_COMPARISON_COLUMN (object);

  g_free (self->starts);
  g_free (self->ends);
  g_free (self->claims);
  g_free (self->conflicts);

  G_OBJECT_CLASS (px_comparison_column_parent_class)->finalize (object);
}

static void
px_comparison_column_class_init (PxComparisonColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_comparison_column_dispose;
  object_class->finalize = px_comparison_column_finalize;

  /* Emitted when the reader clicks a sentence (its index). */
  signals[SENTENCE_ACTIVATED] =
    g_signal_new ("sentence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisoncolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
px_comparison_column_init (PxComparisonColumn *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->selected = PX_NO_CLAIM;
  self->target = G_MAXUINT;
  self->note_tags = g_ptr_array_new ();
  self->color_tags = g_ptr_array_new ();
}

GtkWidget *
px_comparison_column_new (PxComparison *comparison,
                          guint         article)
{
  PxComparisonColumn *self;
  const PxComparisonArticle *info;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (article < px_comparison_get_n_articles (comparison), NULL);

  self = g_object_new (PX_TYPE_COMPARISON_COLUMN, NULL);
  self->comparison = g_object_ref (comparison);
  self->article = article;
  info = px_comparison_get_article (comparison, article);
  build_header (self, info);
  build_text (self);
  fill (self);
  update_colors (self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);

  /* Translators: the accessible name of a column: outlet, then title. */
  label = g_strdup_printf (_("%s: %s"), info->outlet != NULL ? info->outlet : _("Unknown outlet"),
                           info->title != NULL ? info->title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Text from %s"), info->outlet != NULL ? info->outlet : _("Unknown outlet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  return GTK_WIDGET (self);
}

guint
px_comparison_column_get_article (PxComparisonColumn *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), 0);
  return self->article;
}

GtkTextView *
px_comparison_column_get_text_view (PxComparisonColumn *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), NULL);
  return self->text_view;
}

GtkWidget *
px_comparison_column_get_header (PxComparisonColumn *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), NULL);
  return self->header;
}

GtkAdjustment *
px_comparison_column_get_vadjustment (PxComparisonColumn *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), NULL);
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
}

void
px_comparison_column_get_sentence_range (PxComparisonColumn *self,
                                         guint               sentence,
                                         int                *start,
                                         int                *end)
{
  g_return_if_fail (PX_IS_COMPARISON_COLUMN (self));
  g_return_if_fail (sentence < self->n_sentences);

  if (start != NULL)
    *start = self->starts[sentence];
  if (end != NULL)
    *end = self->ends[sentence];
}

guint
px_comparison_column_find_sentence (PxComparisonColumn *self,
                                    int                 offset)
{
  guint low = 0, high;

  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), G_MAXUINT);

  /* The first sentence that ends after @offset. */
  high = self->n_sentences;
  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (self->ends[mid] <= offset)
        low = mid + 1;
      else
        high = mid;
    }
  return low < self->n_sentences ? low : G_MAXUINT;
}

gboolean
px_comparison_column_get_sentence_bounds (PxComparisonColumn *self,
                                          guint               sentence,
                                          GtkWidget          *widget,
                                          double             *top,
                                          double             *bottom)
{
  GdkRectangle first, last;
  graphene_point_t a, b;
  int x, y1, y2;

  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), FALSE);
  g_return_val_if_fail (sentence < self->n_sentences, FALSE);

  offset_rect (self, self->starts[sentence], &first);
  offset_rect (self, MAX (self->ends[sentence] - 1, self->starts[sentence]), &last);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         0, first.y, &x, &y1);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         0, last.y + last.height, NULL, &y2);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), widget,
                                 &GRAPHENE_POINT_INIT (x, y1), &a) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->text_view), widget,
                                 &GRAPHENE_POINT_INIT (x, y2), &b))
    return FALSE;
  *top = a.y;
  *bottom = b.y;
  return TRUE;
}

void
px_comparison_column_select_claim (PxComparisonColumn *self,
                                   guint               claim)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (PX_IS_COMPARISON_COLUMN (self));

  if (self->selected == claim)
    return;
  self->selected = claim;
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);
  for (guint s = 0; s < self->n_sentences; s++)
    if (self->claims[s] == claim)
      apply (self, self->selected_tag, self->starts[s], self->ends[s]);
  gtk_widget_queue_draw (self->margin);
}

/* The text view lays its lines out lazily, and only while shown, with
 * estimated heights until then: a position computed at once can be far
 * off, and its own scroll_to_mark () loses the request when the column is
 * hidden (the matrix page) or beside the visible part of the row. So the
 * column moves towards the sentence on each frame until it stays put. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  PxComparisonColumn *self = PX_COMPARISON_COLUMN (widget);
  GtkAdjustment *adjustment = px_comparison_column_get_vadjustment (self);
  GdkRectangle visible, location;
  double wanted, reachable;

  if (self->target >= self->n_sentences || self->target_ticks == 0)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  self->target_ticks--;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  if (visible.height <= 1)
    return G_SOURCE_CONTINUE;
  offset_rect (self, self->starts[self->target], &location);
  wanted = gtk_adjustment_get_value (adjustment) + (location.y - visible.y) - visible.height / 4.0;
  reachable = CLAMP (wanted, gtk_adjustment_get_lower (adjustment),
                     gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  /* In place for a few frames: the lines around it are laid out for real. */
  if (ABS (reachable - gtk_adjustment_get_value (adjustment)) < 1.0)
    {
      if (++self->target_stable < 2)
        return G_SOURCE_CONTINUE;
      self->target = G_MAXUINT;
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  self->target_stable = 0;
  gtk_adjustment_set_value (adjustment, reachable);
  return G_SOURCE_CONTINUE;
}

void
px_comparison_column_scroll_to_sentence (PxComparisonColumn *self,
                                         guint               sentence)
{
  g_return_if_fail (PX_IS_COMPARISON_COLUMN (self));
  g_return_if_fail (sentence < self->n_sentences);

  self->target = sentence;
  self->target_ticks = 120;
  self->target_stable = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

gboolean
px_comparison_column_get_scrolling (PxComparisonColumn *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), FALSE);
  return self->scroll_tick != 0;
}

void
px_comparison_column_get_visible_sentences (PxComparisonColumn *self,
                                            guint              *first,
                                            guint              *last)
{
  GdkRectangle visible;

  g_return_if_fail (PX_IS_COMPARISON_COLUMN (self));

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  *first = sentence_at_y (self, visible.y);
  *last = sentence_at_y (self, visible.y + visible.height);
}

guint
px_comparison_column_get_top_sentence (PxComparisonColumn *self,
                                       double             *offset)
{
  GdkRectangle visible, first;
  guint sentence;

  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), G_MAXUINT);

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  sentence = sentence_at_y (self, visible.y);
  if (sentence >= self->n_sentences)
    return G_MAXUINT;
  offset_rect (self, self->starts[sentence], &first);
  *offset = first.y - visible.y;
  return sentence;
}

void
px_comparison_column_place_sentence (PxComparisonColumn *self,
                                     guint               sentence,
                                     double              offset)
{
  GtkAdjustment *adjustment;
  GdkRectangle visible, first;

  g_return_if_fail (PX_IS_COMPARISON_COLUMN (self));
  g_return_if_fail (sentence < self->n_sentences);

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  offset_rect (self, self->starts[sentence], &first);
  adjustment = px_comparison_column_get_vadjustment (self);
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + (first.y - visible.y) - offset);
}

/* A background tag per colour, shared by the notes of that colour. */
static GtkTextTag *
ensure_color_tag (PxComparisonColumn *self,
                  GtkTextBuffer      *buffer,
                  const char         *color)
{
  g_autofree char *name = g_strconcat ("note-", color, NULL);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GdkRGBA rgba;

  if (tag != NULL)
    return tag;
  gdk_rgba_parse (&rgba, color);
  rgba.alpha = 0.4;
  tag = gtk_text_buffer_create_tag (buffer, name, "background-rgba", &rgba, NULL);
  g_ptr_array_add (self->color_tags, tag);
  return tag;
}

void
px_comparison_column_set_notes (PxComparisonColumn *self,
                                GPtrArray          *notes,
                                GArray             *ranges,
                                GPtrArray          *claim_notes)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  const char *text;
  GtkTextIter start, end;

  g_return_if_fail (PX_IS_COMPARISON_COLUMN (self));
  g_return_if_fail ((notes == NULL) == (ranges == NULL));
  g_return_if_fail (notes == NULL || notes->len == ranges->len);

  buffer = gtk_text_view_get_buffer (self->text_view);
  table = gtk_text_buffer_get_tag_table (buffer);
  text = px_comparison_get_article (self->comparison, self->article)->text;

  /* The colour tags stay in the table for the next notes. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < self->note_tags->len; i++)
    gtk_text_tag_table_remove (table, self->note_tags->pdata[i]);
  g_ptr_array_set_size (self->note_tags, 0);
  for (guint i = 0; i < self->color_tags->len; i++)
    gtk_text_buffer_remove_tag (buffer, self->color_tags->pdata[i], &start, &end);

  for (guint n = 0; notes != NULL && n < notes->len; n++)
    {
      PxNote *note = notes->pdata[n];
      const PxRange *range = &g_array_index (ranges, PxRange, n);
      GtkTextTag *color_tag = ensure_color_tag (self, buffer, px_note_editor_color_of (note));
      GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);

      g_object_set_data_full (G_OBJECT (tag), "px-note", g_object_ref (note), g_object_unref);
      g_ptr_array_add (self->note_tags, tag);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, text + range->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (text, text + range->end));
      gtk_text_buffer_apply_tag (buffer, color_tag, &start, &end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }

  g_clear_pointer (&self->claim_notes, g_ptr_array_unref);
  if (claim_notes != NULL)
    self->claim_notes = g_ptr_array_ref (claim_notes);
  gtk_widget_queue_draw (self->margin);
}

char *
px_comparison_column_dup_note_text (PxComparisonColumn *self,
                                    int                 offset)
{
  GtkTextIter iter;
  GtkTextTag *tag;

  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), NULL);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), &iter, offset);
  if ((tag = note_tag_at (&iter)) == NULL)
    return NULL;
  return px_note_editor_describe (g_object_get_data (G_OBJECT (tag), "px-note"));
}

char *
px_comparison_column_dup_claim_notes_text (PxComparisonColumn *self,
                                           guint               sentence)
{
  GString *text;
  GPtrArray *notes;

  g_return_val_if_fail (PX_IS_COMPARISON_COLUMN (self), NULL);
  g_return_val_if_fail (sentence < self->n_sentences, NULL);

  if ((notes = claim_notes (self, self->claims[sentence])) == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint n = 0; n < notes->len; n++)
    {
      g_autofree char *description = px_note_editor_describe (notes->pdata[n]);

      g_string_append_printf (text, "%s%s", n > 0 ? "\n\n" : "", description);
    }
  return g_string_free (text, FALSE);
}
