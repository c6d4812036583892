/* px-article-view.c: one article, read-only: title, outlet, date, address and text
 *
 * Shows the cleaned text; with "show-removed", the raw text instead, with
 * what cleaning removed dimmed in place and its reason in a tooltip, so a
 * reader can check what was cut. The header (outlet, date, title, address)
 * is the start of the same text buffer: a text view in a box cannot follow
 * width changes (it does not do height-for-width), so the text view itself
 * is the scrolled, clamped child.
 *
 * Clicking a removed span (or a restored one) offers to restore it (or to
 * remove it again) in a PxRestorePopover; the view only asks, through
 * "restore-span": the window owns the library. The keyboard does the same:
 * with removed text shown the text has a caret, Alt+Page Down and Alt+Page
 * Up select the next or previous span and offer it in the popover, and
 * Ctrl+R restores the span at the caret (or removes it again). The reason
 * of the span at the caret is the text's accessible description, so a
 * screen reader says it too. Notes are highlighted in their colour, in the
 * clean text and in the raw one alike.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-article-item.h"
#include "px-article-view.h"
#include "px-restore-popover.h"
#include "px-span.h"

struct _PxArticleView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkTextView *text_view;

  /* owned */
  PxArticle *article;
  gboolean show_removed;
  PxTextMap *map;            /* the article's raw and clean texts */
  GPtrArray *notes;          /* PxNote, highlighted */
  PxRestorePopover *restore_popover;

  /* the removed and restored spans shown, in buffer order (ShownSpan) */
  GArray *spans;

  /* where the article's text starts in the buffer, and which text it is */
  int body_offset;           /* characters of the header before it */
  const char *body;          /* borrowed from the article: raw text or clean text */
  guint skipped;             /* bytes of the clean text before the body (the title) */
  gboolean body_is_raw;
};

/* A removed or restored span as shown in the buffer. */
typedef struct
{
  int start;          /* character offsets in the buffer */
  int end;
  guint raw_start;    /* the span's first byte in the raw text: its key */
  PxRemovalReason reason;
  gboolean restored;
} ShownSpan;

G_DEFINE_FINAL_TYPE (PxArticleView, px_article_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ARTICLE,
  PROP_SHOW_REMOVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_RESTORE_SPAN,
  SIGNAL_NOTE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* What the tooltip, the popover and a screen reader say of a span. */
static char *
describe_span (const ShownSpan *span)
{
  /* Translators: why a span was removed, then that the reader put it back */
  return span->restored ? g_strdup_printf (_("%s (restored)"), describe_reason (span->reason))
                        : g_strdup (describe_reason (span->reason));
}

/* A grey readable on both the light and the dark background. */
#define DIM_COLOR "#8a8a8a"
/* The highlight of a note without a colour of its own: yellow. */
#define DEFAULT_NOTE_COLOR "#f6d32d"

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

/* The raw text with each removed span dimmed; self->spans says where each
 * span is and why it was removed. */
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
          ShownSpan shown = { 0, 0, span->start, span->reason, span->restored };
          GtkTextIter end;

          gtk_text_buffer_get_end_iter (buffer, &end);
          shown.start = gtk_text_iter_get_offset (&end);
          append (buffer, raw + start, stop - start, span->restored ? NULL : removed_tag, NULL);
          gtk_text_buffer_get_end_iter (buffer, &end);
          shown.end = gtk_text_iter_get_offset (&end);
          g_array_append_val (self->spans, shown);
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

/* The buffer iter at byte @offset of the shown article text. */
static void
get_body_iter (PxArticleView *self,
               GtkTextBuffer *buffer,
               guint          offset,
               GtkTextIter   *iter)
{
  gtk_text_buffer_get_iter_at_offset (buffer, iter,
                                      self->body_offset
                                      + (int) g_utf8_pointer_to_offset (self->body, self->body + offset));
}

/* A note's range in the shown text, in bytes; FALSE when it is not there
 * (an orphan, or a note on the title skipped above the clean text). */
static gboolean
get_note_range (PxArticleView *self,
                PxNote        *note,
                guint         *start,
                guint         *end)
{
  gsize length = strlen (self->body);

  if (self->body_is_raw)
    {
      if (px_note_get_orphan (note))
        return FALSE;
      *start = px_note_get_start (note);
      *end = px_note_get_end (note);
    }
  else
    {
      if (!px_note_get_clean_range (note, self->map, start, end) || *start < self->skipped)
        return FALSE;
      *start -= self->skipped;
      *end -= self->skipped;
    }
  return *start < *end && *end <= length
         && g_utf8_validate (self->body + *start, *end - *start, NULL);
}

/* A translucent fill, readable on light and dark backgrounds alike. */
static GtkTextTag *
ensure_color_tag (GtkTextBuffer *buffer,
                  const char    *color)
{
  g_autofree char *name = g_strconcat ("note-", color, NULL);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GdkRGBA rgba;

  if (tag != NULL)
    return tag;
  if (!gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, DEFAULT_NOTE_COLOR);
  rgba.alpha = 0.4;
  return gtk_text_buffer_create_tag (buffer, name, "background-rgba", &rgba, NULL);
}

static void
apply_notes (PxArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  if (self->article == NULL || self->notes == NULL || self->body == NULL)
    return;
  for (guint i = 0; i < self->notes->len; i++)
    {
      PxNote *note = g_ptr_array_index (self->notes, i);
      const char *color = px_note_get_color (note);
      GtkTextTag *id_tag;
      GtkTextIter start_iter, end_iter;
      guint start, end;

      if (px_note_get_article_id (note) != px_article_get_id (self->article)
          || !get_note_range (self, note, &start, &end))
        continue;
      get_body_iter (self, buffer, start, &start_iter);
      get_body_iter (self, buffer, end, &end_iter);
      id_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      g_object_set_data_full (G_OBJECT (id_tag), "px-note", g_object_ref (note), g_object_unref);
      gtk_text_buffer_apply_tag (buffer, ensure_color_tag (buffer, color != NULL && *color != '\0'
                                                                   ? color : DEFAULT_NOTE_COLOR),
                                 &start_iter, &end_iter);
      gtk_text_buffer_apply_tag (buffer, id_tag, &start_iter, &end_iter);
    }
}

/* The shown span containing character @offset, or NULL. */
static const ShownSpan *
span_at_offset (PxArticleView *self,
                int            offset)
{
  for (guint i = 0; i < self->spans->len; i++)
    {
      const ShownSpan *span = &g_array_index (self->spans, ShownSpan, i);

      if (offset >= span->start && offset < span->end)
        return span;
    }
  return NULL;
}

/* The character offset of the caret (the start of the selection). */
static int
cursor_offset (PxArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* The tooltip's words as the text's accessible description, for the span
 * at the caret: a screen reader says why the text it reads was removed. */
static void
update_description (PxArticleView *self)
{
  const ShownSpan *span = span_at_offset (self, cursor_offset (self));

  if (span != NULL)
    {
      g_autofree char *description = describe_span (span);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
mark_set_cb (PxArticleView     *self,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             GtkTextBuffer     *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    update_description (self);
}

/* Offers @span in the popover, pointing at its first character. */
static void
offer_span (PxArticleView   *self,
            const ShownSpan *span)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *description = describe_span (span);
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, span->start);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &wx, &wy);
  rect.x = wx;
  rect.y = wy;
  px_restore_popover_set_span (self->restore_popover, span->raw_start, span->restored,
                               description);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->restore_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->restore_popover));
}

static void
update_text (PxArticleView *self)
{
  g_autoptr (GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  GtkTextIter body_start;

  g_clear_pointer (&self->map, px_text_map_unref);
  g_array_set_size (self->spans, 0);
  self->body = NULL;
  self->body_offset = 0;
  self->body_is_raw = FALSE;
  if (self->article != NULL)
    {
      const char *raw = px_article_get_raw_text (self->article);
      GtkTextIter end;

      self->map = px_text_map_new_for_article (self->article);
      append_header (self, buffer);
      gtk_text_buffer_get_end_iter (buffer, &end);
      self->body_offset = gtk_text_iter_get_offset (&end);
      self->body_is_raw = self->show_removed && raw != NULL && g_utf8_validate (raw, -1, NULL);
      if (self->body_is_raw)
        {
          GtkTextTag *removed_tag = gtk_text_buffer_create_tag (buffer, "removed",
                                                                "foreground", DIM_COLOR,
                                                                "style", PANGO_STYLE_ITALIC,
                                                                NULL);

          self->body = raw;
          append_with_removed (self, buffer, removed_tag);
        }
      else
        {
          self->body = skip_title (self->article);
          self->skipped = px_article_get_clean_text (self->article) != NULL
                          ? self->body - px_article_get_clean_text (self->article) : 0;
          append (buffer, self->body, -1, NULL, NULL);
        }
    }
  /* The caret at the start of the article's text (inserting left it at
   * the end). */
  gtk_text_buffer_get_iter_at_offset (buffer, &body_start, self->body_offset);
  gtk_text_buffer_place_cursor (buffer, &body_start);
  gtk_text_view_set_buffer (self->text_view, buffer);
  /* A caret to move from span to span, where there are spans to restore. */
  gtk_text_view_set_cursor_visible (self->text_view, self->body_is_raw);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);
  update_description (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.next-removed", self->spans->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.previous-removed",
                                 self->spans->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.restore-at-cursor",
                                 self->spans->len > 0);
  apply_notes (self);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0.0);
}

/* update_text () for a change the reader made: the scroll position and,
 * in the raw text (the same text again), the caret stay where they were. */
static void
update_text_keeping_place (PxArticleView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  double value = gtk_adjustment_get_value (adjustment);
  gboolean was_raw = self->body_is_raw;
  int offset = cursor_offset (self);

  update_text (self);
  if (was_raw && self->body_is_raw)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  gtk_adjustment_set_value (adjustment, value);
}

/* The tag at @iter carrying @key, or NULL. */
static GtkTextTag *
find_tag (const GtkTextIter *iter,
          const char        *key)
{
  g_autoptr (GSList) tags = gtk_text_iter_get_tags (iter);

  /* The last is the most recently made: the innermost note. */
  tags = g_slist_reverse (tags);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, key) != NULL)
      return l->data;
  return NULL;
}

static gboolean
iter_at_widget_point (PxArticleView *self,
                      double         x,
                      double         y,
                      GtkTextIter   *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  return gtk_text_view_get_iter_at_location (self->text_view, iter, bx, by);
}

static void
restore_popover_response_cb (PxArticleView    *self,
                             guint             start,
                             gboolean          restored,
                             PxRestorePopover *popover)
{
  g_signal_emit (self, signals[SIGNAL_RESTORE_SPAN], 0, start, restored);
}

/* A click on a removed or restored span, with nothing selected, offers to
 * restore it or remove it again; a click on a note opens it. */
static void
text_released_cb (PxArticleView   *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *description = NULL;
  const ShownSpan *span;
  GtkTextTag *tag;
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer)
      || !iter_at_widget_point (self, x, y, &iter))
    return;
  if (self->body_is_raw && (span = span_at_offset (self, gtk_text_iter_get_offset (&iter))) != NULL)
    {
      gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
      gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                             rect.x, rect.y, &wx, &wy);
      rect.x = wx;
      rect.y = wy;
      description = describe_span (span);
      px_restore_popover_set_span (self->restore_popover, span->raw_start, span->restored,
                                   description);
      gtk_popover_set_pointing_to (GTK_POPOVER (self->restore_popover), &rect);
      gtk_popover_popup (GTK_POPOVER (self->restore_popover));
      return;
    }
  if ((tag = find_tag (&iter, "px-note")) != NULL)
    g_signal_emit (self, signals[SIGNAL_NOTE_ACTIVATED], 0,
                   g_object_get_data (G_OBJECT (tag), "px-note"));
}

static gboolean
text_query_tooltip_cb (PxArticleView *self,
                       int            x,
                       int            y,
                       gboolean       keyboard_mode,
                       GtkTooltip    *tooltip)
{
  const ShownSpan *span;
  GtkTextTag *tag;
  GtkTextIter iter;

  /* From the keyboard, what is at the caret. */
  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), &iter,
                                        cursor_offset (self));
  else if (!iter_at_widget_point (self, x, y, &iter))
    return FALSE;
  if ((tag = find_tag (&iter, "px-note")) != NULL)
    {
      PxNote *note = g_object_get_data (G_OBJECT (tag), "px-note");
      g_autofree char *tags = px_note_dup_tags_string (note);
      const char *body = px_note_get_body (note);

      if (*tags != '\0')
        {
          g_autofree char *text = g_strdup_printf ("%s\n%s", body != NULL ? body : "", tags);

          gtk_tooltip_set_text (tooltip, text);
        }
      else
        gtk_tooltip_set_text (tooltip, body);
      return TRUE;
    }
  if (self->body_is_raw && (span = span_at_offset (self, gtk_text_iter_get_offset (&iter))) != NULL)
    {
      g_autofree char *text = describe_span (span);

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  return FALSE;
}

/* Selects the next span after the caret (@forward) or the one before the
 * span at the caret, scrolls to it and offers it in the popover. */
static void
move_to_span (PxArticleView *self,
              gboolean       forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int offset = cursor_offset (self);
  const ShownSpan *target = NULL;
  GtkTextIter start, end;

  for (guint i = 0; i < self->spans->len; i++)
    {
      guint at = forward ? i : self->spans->len - 1 - i;
      const ShownSpan *span = &g_array_index (self->spans, ShownSpan, at);

      if (forward ? span->start > offset : span->end <= offset && span->start < offset)
        {
          target = span;
          break;
        }
    }
  if (target == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &start, target->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, target->end);
  /* The caret at its start (the span at the caret), the span selected. */
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  offer_span (self, target);
}

static void
next_removed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_to_span (PX_ARTICLE_VIEW (widget), TRUE);
}

static void
previous_removed_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_to_span (PX_ARTICLE_VIEW (widget), FALSE);
}

/* Restores the span at the caret, or removes it again when restored. */
static void
restore_at_cursor_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PxArticleView *self = PX_ARTICLE_VIEW (widget);
  const ShownSpan *span = span_at_offset (self, cursor_offset (self));

  if (span == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self->restore_popover));
  g_signal_emit (self, signals[SIGNAL_RESTORE_SPAN], 0, span->raw_start, !span->restored);
}

static void
px_article_view_dispose (GObject *object)
{
  PxArticleView *self = PX_ARTICLE_VIEW (object);

  g_clear_object (&self->article);
  g_clear_pointer (&self->map, px_text_map_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  if (self->restore_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->restore_popover));
      self->restore_popover = NULL;
    }
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

  /* The user asked to restore the removed span starting at byte @start of
   * the raw text (@restored TRUE), or to remove it again (FALSE). */
  signals[SIGNAL_RESTORE_SPAN] =
    g_signal_new ("restore-span", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
  /* A highlighted note was clicked. */
  signals[SIGNAL_NOTE_ACTIVATED] =
    g_signal_new ("note-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PX_TYPE_NOTE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/ui/px-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PxArticleView, text_view);

  gtk_widget_class_install_action (widget_class, "article.next-removed", NULL, next_removed_action);
  gtk_widget_class_install_action (widget_class, "article.previous-removed", NULL,
                                   previous_removed_action);
  gtk_widget_class_install_action (widget_class, "article.restore-at-cursor", NULL,
                                   restore_at_cursor_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "article.next-removed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "article.previous-removed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "article.restore-at-cursor", NULL);
}

static void
px_article_view_init (PxArticleView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr (GMenu) menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->spans = g_array_new (FALSE, FALSE, sizeof (ShownSpan));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect_swapped (self->text_view, "query-tooltip",
                            G_CALLBACK (text_query_tooltip_cb), self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (text_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  self->restore_popover = PX_RESTORE_POPOVER (px_restore_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->restore_popover), GTK_WIDGET (self->text_view));
  g_signal_connect_swapped (self->restore_popover, "response",
                            G_CALLBACK (restore_popover_response_cb), self);

  /* The window's actions, in the text's context menu. */
  g_menu_append (menu, _("Add _Note…"), "win.add-note");
  g_menu_append (menu, _("Copy with _Sources"), "win.copy-claim");
  g_menu_append (menu, _("Copy as _Markdown"), "win.copy-claim-markdown");
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (menu));
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
  gboolean same;

  g_return_if_fail (PX_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || PX_IS_ARTICLE (article));

  /* The same article again, after a span was restored or removed again:
   * the reader stays where they were. */
  same = self->article != NULL && article != NULL &&
         px_article_get_id (self->article) == px_article_get_id (article);
  if (!g_set_object (&self->article, article))
    return;
  if (same)
    update_text_keeping_place (self);
  else
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

/* Highlights @notes (PxNote, those of other articles are skipped); NULL
 * removes the highlights. */
void
px_article_view_set_notes (PxArticleView *self,
                           GPtrArray     *notes)
{
  g_return_if_fail (PX_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->notes, g_ptr_array_unref);
  if (notes != NULL)
    self->notes = g_ptr_array_ref (notes);
  /* Notes change on the reader's action: keep the place in the text. */
  update_text_keeping_place (self);
}

/* The article's raw and clean texts, or NULL without an article. */
PxTextMap *
px_article_view_get_text_map (PxArticleView *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), NULL);

  return self->map;
}

/**
 * px_article_view_get_selection:
 *
 * The selected part of the article's text as a range of its clean text;
 * FALSE when nothing of the text is selected (or only removed parts).
 */
gboolean
px_article_view_get_selection (PxArticleView *self,
                               guint         *clean_start,
                               guint         *clean_end)
{
  GtkTextBuffer *buffer;
  GtkTextIter body_start, start, end;
  g_autofree char *head = NULL, *selected = NULL;
  guint from, to;

  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (self->body == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &body_start, self->body_offset);
  if (gtk_text_iter_compare (&start, &body_start) < 0)
    start = body_start;
  if (gtk_text_iter_compare (&start, &end) >= 0)
    return FALSE;
  /* Slices of the shown text, which is the article's text byte for byte. */
  head = gtk_text_iter_get_slice (&body_start, &start);
  selected = gtk_text_iter_get_slice (&start, &end);
  from = strlen (head);
  to = from + strlen (selected);
  if (self->body_is_raw)
    return px_text_map_raw_to_clean (self->map, from, to, clean_start, clean_end);
  *clean_start = from + self->skipped;
  *clean_end = to + self->skipped;
  return TRUE;
}
