/* px-claim-pane.c: who says what for one claim, conflicts first, and who is silent
 *
 * The reader's answer to "who says what": the disagreements first, each
 * value with its outlet ("Role — Outlet B: chief executive"), then every
 * version with its changed words underlined, then the outlets that do not
 * carry the claim at all. Above them, the reader's notes on the claim,
 * whichever of its sentences they were written on, with a button to add
 * one (the window's "win.add-claim-note") and to edit or delete each
 * ("edit-note", "delete-note": the window stores).
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-claim-pane.h"
#include "px-mark.h"
#include "px-note-row.h"
#include "px-status-icon.h"

struct _PxClaimPane
{
  AdwBin parent_instance;

  /* children */
  GtkWidget *stack;
  GtkWidget *box;  /* the claim's lines, rebuilt for each claim */
  GtkWidget *notes_list;  /* in box: the notes on the claim, or NULL */
  guint n_notes;
};

G_DEFINE_FINAL_TYPE (PxClaimPane, px_claim_pane, ADW_TYPE_BIN)

enum
{
  SIGNAL_EDIT_NOTE,
  SIGNAL_DELETE_NOTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
px_conflict_kind_describe (PxConflictKind kind)
{
  switch (kind)
    {
    case PX_CONFLICT_NUMBER:
      return _("Number");
    case PX_CONFLICT_DATE:
      return _("Date");
    case PX_CONFLICT_ROLE:
      return _("Role");
    case PX_CONFLICT_NAME:
      return _("Name spelling");
    case PX_CONFLICT_QUOTE:
      return _("Quoted words");
    case PX_CONFLICT_CERTAINTY:
      return _("Certainty");
    default:
      return _("Value");
    }
}

static const char *
outlet_name (PxComparison *comparison,
             guint         article)
{
  const char *outlet = px_comparison_get_article (comparison, article)->outlet;

  return outlet != NULL ? outlet : _("Unknown outlet");
}

static GtkWidget *
add_label (PxClaimPane *self,
           const char  *markup,
           const char  *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->box), label);
  return label;
}

static void
add_heading (PxClaimPane *self,
             PxMark       mark,
             const char  *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (row), px_mark_symbol_new (mark, 14));
  gtk_box_append (GTK_BOX (row), label);
  gtk_widget_set_margin_top (row, 12);
  gtk_box_append (GTK_BOX (self->box), row);
}

/* The sentence as Pango markup, its changed words underlined. */
static char *
member_markup (PxComparison        *comparison,
               const PxClaim       *claim,
               const PxClaimMember *member)
{
  const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
  PxRange range = g_array_index (article->sentences, PxRange, member->sentence);
  const char *text = article->text + range.start;
  guint length = range.end - range.start;
  GString *markup = g_string_new (NULL);
  guint at = 0;

  for (guint c = 0; claim->status != PX_CLAIM_UNIQUE && member->changed != NULL &&
                    c < member->changed->len; c++)
    {
      PxRange changed = g_array_index (member->changed, PxRange, c);
      g_autofree char *before = NULL;
      g_autofree char *words = NULL;

      if (changed.start < at || changed.end > length || changed.start >= changed.end)
        continue;
      before = g_markup_escape_text (text + at, changed.start - at);
      words = g_markup_escape_text (text + changed.start, changed.end - changed.start);
      g_string_append_printf (markup, "%s<u><b>%s</b></u>", before, words);
      at = changed.end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + at, length - at);

    g_string_append (markup, rest);
  }
  return g_string_free (markup, FALSE);
}

static void
clear (PxClaimPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  self->notes_list = NULL;
  self->n_notes = 0;
}

/* The notes' place: a button to add one, and the list, filled by
 * px_claim_pane_set_notes (). */
static void
add_notes_section (PxClaimPane *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "document-edit-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Note to Claim…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-claim-note");
  gtk_widget_set_tooltip_text (button, _("Write a note on this claim (Ctrl+Shift+M)"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_add_css_class (button, "add-claim-note");
  gtk_box_append (GTK_BOX (self->box), button);

  self->notes_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->notes_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->notes_list, "boxed-list");
  gtk_widget_add_css_class (self->notes_list, "claim-notes");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes on this claim"), -1);
  gtk_widget_set_visible (self->notes_list, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->notes_list);
}

static void
row_edit_cb (PxNoteRow   *row,
             PxClaimPane *self)
{
  g_signal_emit (self, signals[SIGNAL_EDIT_NOTE], 0, px_note_row_get_note (row));
}

static void
row_delete_cb (PxNoteRow   *row,
               PxClaimPane *self)
{
  g_signal_emit (self, signals[SIGNAL_DELETE_NOTE], 0, px_note_row_get_note (row));
}

static void
px_claim_pane_class_init (PxClaimPaneClass *klass)
{
  /* The reader asked to edit or delete a note of the claim (a PxNote). */
  signals[SIGNAL_EDIT_NOTE] =
    g_signal_new ("edit-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PX_TYPE_NOTE);
  signals[SIGNAL_DELETE_NOTE] =
    g_signal_new ("delete-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PX_TYPE_NOTE);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "claimpane");
}

static void
px_claim_pane_init (PxClaimPane *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *hint = adw_status_page_new ();

  px_status_page_set_icon_on_map (ADW_STATUS_PAGE (hint), "view-dual-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (hint), _("No Claim Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (hint),
                                   _("Click a sentence to see who says what"));
  gtk_widget_add_css_class (hint, "compact");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_set (self->box, "margin-start", 12, "margin-end", 12, "margin-top", 6,
                "margin-bottom", 18, NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->box);

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), hint, "hint");
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "claim");
  adw_bin_set_child (ADW_BIN (self), self->stack);
}

GtkWidget *
px_claim_pane_new (void)
{
  return g_object_new (PX_TYPE_CLAIM_PANE, NULL);
}

void
px_claim_pane_set_claim (PxClaimPane  *self,
                         PxComparison *comparison,
                         guint         index)
{
  const PxClaim *claim;
  guint n_articles;
  g_autofree gboolean *carries = NULL;
  g_autoptr (GString) silent = g_string_new (NULL);
  guint n_carrying = 0;
  g_autofree char *title = NULL;
  PxMark status_mark;

  g_return_if_fail (PX_IS_CLAIM_PANE (self));

  clear (self);
  if (comparison == NULL || index >= px_comparison_get_n_claims (comparison))
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "hint");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "claim");

  claim = px_comparison_get_claim (comparison, index);
  n_articles = px_comparison_get_n_articles (comparison);
  carries = g_new0 (gboolean, n_articles);
  for (guint m = 0; m < claim->members->len; m++)
    carries[g_array_index (claim->members, PxClaimMember, m).article] = TRUE;
  for (guint a = 0; a < n_articles; a++)
    n_carrying += carries[a];

  switch (claim->status)
    {
    case PX_CLAIM_SHARED:
      title = g_strdup_printf (_("Claim %u: shared by all %u outlets"), claim->id, n_articles);
      status_mark = PX_MARK_SHARED;
      break;
    case PX_CLAIM_PARTIAL:
      title = g_strdup_printf (_("Claim %u: carried by %u of %u outlets"), claim->id,
                               n_carrying, n_articles);
      status_mark = PX_MARK_PARTIAL;
      break;
    case PX_CLAIM_UNIQUE:
    default:
      title = g_strdup_printf (_("Claim %u: only %s"), claim->id,
                               outlet_name (comparison, g_array_index (claim->members,
                                                                       PxClaimMember, 0).article));
      status_mark = PX_MARK_UNIQUE;
      break;
    }
  add_heading (self, status_mark, title);
  gtk_widget_set_margin_top (gtk_widget_get_last_child (self->box), 6);
  if (claim->wire)
    add_label (self, _("Partly the same wire text: outlets repeating it are not independent sources."),
               "dim-label");
  add_notes_section (self);

  /* Disagreements first: they are what a reader checks. */
  for (guint k = 0; k < claim->conflicts->len; k++)
    {
      const PxConflict *conflict = claim->conflicts->pdata[k];
      g_autofree char *heading = g_strdup_printf (_("Conflict: %s"),
                                                  px_conflict_kind_describe (conflict->kind));

      add_heading (self, PX_MARK_CONFLICT, heading);
      for (guint v = 0; v < conflict->values->len; v++)
        {
          const PxConflictValue *value = &g_array_index (conflict->values, PxConflictValue, v);
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>: %s",
                                                             outlet_name (comparison, value->article),
                                                             value->text);

          add_label (self, markup, "conflict-value");
        }
    }

  /* In column order, left to right. */
  add_heading (self, status_mark, claim->members->len > 1 ? _("Versions") : _("Text"));
  for (guint a = 0; a < n_articles; a++)
    {
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
          g_autofree char *outlet = NULL;
          g_autofree char *sentence = NULL;
          g_autofree char *markup = NULL;

          if (member->article != a)
            continue;
          outlet = g_markup_escape_text (outlet_name (comparison, member->article), -1);
          sentence = member_markup (comparison, claim, member);
          markup = g_strdup_printf ("<b>%s</b>: %s", outlet, sentence);
          add_label (self, markup, NULL);
        }
    }

  for (guint a = 0; a < n_articles; a++)
    if (!carries[a])
      g_string_append_printf (silent, "%s%s", silent->len > 0 ? ", " : "",
                              outlet_name (comparison, a));
  if (silent->len > 0)
    {
      g_autofree char *markup = g_markup_escape_text (silent->str, -1);

      add_heading (self, PX_MARK_ABSENT, _("Silent"));
      add_label (self, markup, NULL);
    }
}

char *
px_claim_pane_dup_text (PxClaimPane *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (PX_IS_CLAIM_PANE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_last_child (child);

      if (GTK_IS_LABEL (label))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (text, FALSE);
}

void
px_claim_pane_set_notes (PxClaimPane *self,
                         GPtrArray   *notes)
{
  GtkWidget *child;

  g_return_if_fail (PX_IS_CLAIM_PANE (self));

  if (self->notes_list == NULL)
    return;
  while ((child = gtk_widget_get_first_child (self->notes_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->notes_list), child);
  self->n_notes = notes != NULL ? notes->len : 0;
  for (guint i = 0; i < self->n_notes; i++)
    {
      GtkWidget *row = px_note_row_new (notes->pdata[i], FALSE);

      g_signal_connect_object (row, "edit", G_CALLBACK (row_edit_cb), self, 0);
      g_signal_connect_object (row, "delete", G_CALLBACK (row_delete_cb), self, 0);
      gtk_list_box_append (GTK_LIST_BOX (self->notes_list), row);
    }
  gtk_widget_set_visible (self->notes_list, self->n_notes > 0);
}

GPtrArray *
px_claim_pane_dup_notes (PxClaimPane *self)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PX_IS_CLAIM_PANE (self), notes);

  for (GtkWidget *row = self->notes_list != NULL ? gtk_widget_get_first_child (self->notes_list) : NULL;
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (PX_IS_NOTE_ROW (row))
      g_ptr_array_add (notes, g_object_ref (px_note_row_get_note (PX_NOTE_ROW (row))));
  return notes;
}
