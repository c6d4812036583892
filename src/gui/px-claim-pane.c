/* px-claim-pane.c: who says what for one claim, conflicts first, and who is silent
 *
 * The reader's answer to "who says what": the disagreements first, each
 * value with its outlet ("Role — Outlet B: chief executive"), then every
 * version with its changed words underlined, then the outlets that do not
 * carry the claim at all.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "px-claim-pane.h"
#include "px-mark.h"

struct _PxClaimPane
{
  AdwBin parent_instance;

  /* children */
  GtkWidget *stack;
  GtkWidget *box;  /* the claim's lines, rebuilt for each claim */
};

G_DEFINE_FINAL_TYPE (PxClaimPane, px_claim_pane, ADW_TYPE_BIN)

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
}

static void
px_claim_pane_class_init (PxClaimPaneClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "claimpane");
}

static void
px_claim_pane_init (PxClaimPane *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *hint = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (hint), "view-dual-symbolic");
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
