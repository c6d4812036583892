/* px-text-printer.c: prints a title and plain text over as many pages as it needs
 *
 * A GtkPrintOperation laying the text out with Pango on the print
 * context, so the printed (or exported) text stays text: selectable and
 * searchable in a PDF. Pages break between lines.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-text-printer.h"

typedef struct
{
  char *title;
  char *text;
  PangoLayout *layout;
  GArray *page_starts;  /* int: the first line of each page */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_free (job->title);
  g_free (job->text);
  g_clear_object (&job->layout);
  g_clear_pointer (&job->page_starts, g_array_unref);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Serif 11");
  g_autofree char *title = g_markup_escape_text (job->title, -1);
  g_autofree char *body = g_markup_escape_text (job->text, -1);
  g_autofree char *markup = g_strdup_printf ("<span size='x-large' weight='bold'>%s</span>\n\n%s",
                                             title, body);
  double height = gtk_print_context_get_height (context);
  PangoLayoutIter *iter;
  double page_top = 0;
  int line = 0;

  job->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (job->layout, font);
  pango_layout_set_width (job->layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (job->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (job->layout, 2 * PANGO_SCALE);
  pango_layout_set_markup (job->layout, markup, -1);

  job->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (job->page_starts, line);
  iter = pango_layout_get_iter (job->layout);
  do
    {
      PangoRectangle rect;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      if ((double) (rect.y + rect.height) / PANGO_SCALE - page_top > height && line > 0)
        {
          g_array_append_val (job->page_starts, line);
          page_top = (double) rect.y / PANGO_SCALE;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  gtk_print_operation_set_n_pages (operation, job->page_starts->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (job->page_starts, int, page);
  int last = (guint) page + 1 < job->page_starts->len
             ? g_array_index (job->page_starts, int, page + 1) : G_MAXINT;
  PangoLayoutIter *iter = pango_layout_get_iter (job->layout);
  double page_top = -1;
  int line = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  do
    {
      PangoRectangle rect;
      int baseline;

      if (line >= first && line < last)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &rect);
          baseline = pango_layout_iter_get_baseline (iter);
          if (page_top < 0)
            page_top = (double) rect.y / PANGO_SCALE;
          cairo_move_to (cr, (double) rect.x / PANGO_SCALE,
                         (double) baseline / PANGO_SCALE - page_top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * px_text_printer_new:
 * @title: printed large on the first page, and the job's name
 * @text: plain text; paragraphs end with newlines
 *
 * Returns: (transfer full): an operation to run with
 *   gtk_print_operation_run ()
 */
GtkPrintOperation *
px_text_printer_new (const char *title,
                     const char *text)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);

  g_return_val_if_fail (title != NULL && text != NULL, NULL);

  job->title = g_strdup (title);
  job->text = g_strdup (text);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "px-print-job", job, (GDestroyNotify) print_job_free);
  return operation;
}
