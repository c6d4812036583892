/* px-export-pdf.c: an export as a PDF document
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's PDF surface with Pango for the text, so the text is real text
 * (selectable, searchable, read by pdftotext) in embedded fonts. Blocks of
 * Pango markup flow down the page and break between lines.
 */
#include "px-export-private.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "px-error.h"

#define POINTS_PER_MM (72.0 / 25.4)
#define MARGIN (20 * POINTS_PER_MM)
#define FOOTER_FONT "Sans 8"

typedef struct
{
  cairo_t *cr;
  const char *title;
  double width;
  double height;
  double y;
  guint page;
} Flow;

static void
start_page (Flow *flow)
{
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (flow->cr);
  PangoFontDescription *font = pango_font_description_from_string (FOOTER_FONT);
  g_autofree char *footer = NULL;

  if (flow->page > 0)
    cairo_show_page (flow->cr);
  flow->page++;
  flow->y = MARGIN;

  footer = g_strdup_printf ("%s — %u", flow->title, flow->page);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, footer, -1);
  pango_layout_set_width (layout, (flow->width - 2 * MARGIN) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (flow->cr, 0.45, 0.45, 0.45);
  cairo_move_to (flow->cr, MARGIN, flow->height - MARGIN / 2 - 8);
  pango_cairo_show_layout (flow->cr, layout);
}

static gboolean
parse_color (const char *color,
             double      rgb[3])
{
  guint value;

  if (color == NULL || color[0] != '#' || strlen (color) != 7 ||
      strspn (color + 1, "0123456789abcdefABCDEF") != 6)
    return FALSE;
  value = strtoul (color + 1, NULL, 16);
  rgb[0] = ((value >> 16) & 0xFF) / 255.0;
  rgb[1] = ((value >> 8) & 0xFF) / 255.0;
  rgb[2] = (value & 0xFF) / 255.0;
  return TRUE;
}

/* Lays out @markup in @font, @indent points in, and draws it line by line,
 * starting a page when a line does not fit. @bar: a colour for a rule left
 * of the lines, or NULL. */
static void
flow_block (Flow       *flow,
            const char *markup,
            const char *font,
            double      indent,
            double      space_before,
            double      grey,
            const char *bar)
{
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (flow->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  PangoLayoutIter *iter;
  double shift = 0, bottom = flow->height - MARGIN, rgb[3] = { 0.79, 0.64, 0 };

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (flow->width - 2 * MARGIN - indent) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  if (bar != NULL)
    parse_color (bar, rgb);

  if (flow->y > MARGIN)
    flow->y += space_before;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double top, height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (flow->y + (top - shift) + height > bottom)
        {
          start_page (flow);
          shift = top;
        }
      if (bar != NULL)
        {
          cairo_set_source_rgb (flow->cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (flow->cr, MARGIN + indent - 8, flow->y + top - shift, 2.5, height);
          cairo_fill (flow->cr);
        }
      cairo_set_source_rgb (flow->cr, grey, grey, grey);
      cairo_move_to (flow->cr, MARGIN + indent + (double) logical.x / PANGO_SCALE,
                     flow->y + baseline - shift);
      pango_cairo_show_layout_line (flow->cr, line);
    }
  while (pango_layout_iter_next_line (iter));
  {
    PangoRectangle logical;

    pango_layout_get_extents (layout, NULL, &logical);
    flow->y += (double) (logical.y + logical.height) / PANGO_SCALE - shift;
  }
  pango_layout_iter_free (iter);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static void
flow_heading (Flow       *flow,
              const char *text)
{
  g_autofree char *markup = escape (text);

  flow_block (flow, markup, "Sans Bold 13", 0, 14, 0.1, NULL);
  flow->y += 4;
}

static void
flow_articles (Flow              *flow,
               const PxExportDoc *doc)
{
  flow_heading (flow, "Articles");
  for (guint a = 0; a < doc->articles->len; a++)
    {
      PxArticle *article = doc->articles->pdata[a];
      g_autofree char *name = _px_export_article_name (doc, a);
      g_autofree char *n = escape (name), *t = escape (px_article_get_title (article));
      g_autofree char *d = escape (px_article_get_published (article));
      g_autofree char *u = escape (px_article_get_url (article));
      g_autofree char *url_line = *u ? g_strdup_printf ("\n<span size=\"small\">%s</span>", u) : g_strdup ("");
      g_autofree char *markup = g_strdup_printf ("%u. <b>%s</b>%s%s: %s (id %" G_GINT64_FORMAT ")%s", a + 1, n,
                                                 *d ? ", " : "", d, t, px_article_get_id (article), url_line);

      flow_block (flow, markup, "Serif 10", 0, 4, 0, NULL);
    }
}

static void
flow_note (Flow               *flow,
           const PxExportDoc  *doc,
           const PxExportNote *entry)
{
  PxArticle *article = doc->articles->pdata[entry->article];
  g_autofree char *name = _px_export_article_name (doc, entry->article);
  g_autofree char *n = escape (name), *t = escape (px_article_get_title (article));
  g_autofree char *q = escape (px_note_get_quote (entry->note));
  g_autofree char *b = escape (px_note_get_body (entry->note));
  g_autofree char *tags = px_note_dup_tags_string (entry->note);
  g_autofree char *heading = g_strdup_printf ("<b>Note %u</b> · %s — %s", entry->number, n, t);
  g_autoptr (GString) meta = g_string_new (NULL);

  flow_block (flow, heading, "Sans 10", 0, 12, 0.1, NULL);
  flow_block (flow, q, "Serif Italic 10", 14, 4, 0.25,
              px_note_get_color (entry->note) != NULL ? px_note_get_color (entry->note) : "#c9a200");
  flow_block (flow, b, "Serif 10.5", 0, 4, 0, NULL);
  if (*tags != '\0')
    {
      g_autofree char *escaped = escape (tags);
      g_string_append_printf (meta, "Tags: %s", escaped);
    }
  if (entry->claim >= 0)
    {
      const PxClaim *claim = px_comparison_get_claim (doc->comparison, entry->claim);
      g_autofree char *kinds = _px_export_conflict_kinds (doc, entry->claim);

      g_string_append_printf (meta, "%sClaim %u, %s%s%s", meta->len > 0 ? " · " : "", claim->id,
                              px_claim_status_to_string (claim->status), *kinds ? ", conflicts: " : "", kinds);
    }
  if (!entry->placed)
    g_string_append_printf (meta, "%sOrphan: no longer in the article's text", meta->len > 0 ? " · " : "");
  if (meta->len > 0)
    flow_block (flow, meta->str, "Sans 8.5", 0, 3, 0.35, NULL);
}

static void
flow_claims (Flow              *flow,
             const PxExportDoc *doc)
{
  flow_heading (flow, "Claims");
  for (guint c = 0; c < px_comparison_get_n_claims (doc->comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (doc->comparison, c);
      g_autofree char *heading = g_strdup_printf ("<b>Claim %u</b>: %s%s", claim->id,
                                                  px_claim_status_to_string (claim->status),
                                                  claim->wire ? ", wire copy" : "");

      flow_block (flow, heading, "Sans 9.5", 0, 8, 0.1, NULL);
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
          g_autofree char *name = _px_export_article_name (doc, member->article);
          g_autofree char *text = _px_export_member_text (doc, member);
          g_autofree char *n = escape (name), *s = escape (text);
          g_autofree char *markup = g_strdup_printf ("<b>%s</b>: %s", n, s);

          flow_block (flow, markup, "Serif 9.5", 12, 2, 0, NULL);
        }
      for (guint k = 0; k < claim->conflicts->len; k++)
        {
          const PxConflict *conflict = claim->conflicts->pdata[k];
          g_autoptr (GString) markup = g_string_new (NULL);

          g_string_append_printf (markup, "<i>%s conflict</i>: ", px_conflict_kind_to_string (conflict->kind));
          for (guint v = 0; v < conflict->values->len; v++)
            {
              const PxConflictValue *value = &g_array_index (conflict->values, PxConflictValue, v);
              g_autofree char *name = _px_export_article_name (doc, value->article);
              g_autofree char *n = escape (name), *x = escape (value->text);

              g_string_append_printf (markup, "%s%s “%s”", v > 0 ? "; " : "", n, x);
            }
          flow_block (flow, markup->str, "Sans 8.5", 12, 2, 0.55, NULL);
        }
    }
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
_px_export_pdf (const PxExportDoc  *doc,
                GError            **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Flow flow = { NULL, doc->title, 0, 0, 0, 0 };
  g_autofree char *title = escape (doc->title), *meta = NULL;

  if (doc->paper == PX_PAPER_LETTER)
    {
      flow.width = 8.5 * 72;
      flow.height = 11 * 72;
    }
  else
    {
      flow.width = 210 * POINTS_PER_MM;
      flow.height = 297 * POINTS_PER_MM;
    }
  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, flow.width, flow.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Parallax");
  flow.cr = cairo_create (surface);

  start_page (&flow);
  flow_block (&flow, title, "Sans Bold 18", 0, 0, 0, NULL);
  meta = g_strdup_printf ("Exported from Parallax on %s · %u articles · %u notes", doc->exported,
                          doc->articles->len, doc->notes->len);
  flow_block (&flow, meta, "Sans 9", 0, 4, 0.4, NULL);
  flow_articles (&flow, doc);
  flow_heading (&flow, "Notes");
  if (doc->notes->len == 0)
    flow_block (&flow, "No notes.", "Serif 10", 0, 4, 0.4, NULL);
  for (guint i = 0; i < doc->notes->len; i++)
    flow_note (&flow, doc, &g_array_index (doc->notes, PxExportNote, i));
  if (doc->comparison != NULL)
    flow_claims (&flow, doc);

  cairo_destroy (flow.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "Could not write the PDF: %s",
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
