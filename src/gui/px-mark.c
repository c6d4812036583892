/* px-mark.c: colours, symbols and styles shared by the comparison widgets
 *
 * Text tags and cairo drawings cannot use CSS colours, so the palette is
 * here twice, for the light and the dark style; each tint is a translucent
 * colour so it sits on any background of its style.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-mark.h"

#include <math.h>

typedef struct
{
  const char *light;
  const char *dark;
} Pair;

/* GNOME palette: green 4, purple 3, yellow 5, red 3, blue 3, light 5. */
static const Pair strong_colors[PX_N_MARKS] = {
  [PX_MARK_SHARED] = { "#26a269", "#57e389" },
  [PX_MARK_PARTIAL] = { "#813d9c", "#dc8add" },
  [PX_MARK_UNIQUE] = { "#c88800", "#f6d32d" },
  [PX_MARK_CONFLICT] = { "#c01c28", "#ff7b63" },
  [PX_MARK_DIFFERENT] = { "#813d9c", "#dc8add" },
  [PX_MARK_ABSENT] = { "rgba(0,0,0,0.25)", "rgba(255,255,255,0.25)" },
  [PX_MARK_SELECTED] = { "#1c71d8", "#78aeed" },
};

static const Pair tints[PX_N_MARKS] = {
  [PX_MARK_SHARED] = { "rgba(38,162,105,0.15)", "rgba(87,227,137,0.16)" },
  [PX_MARK_PARTIAL] = { "rgba(145,65,172,0.12)", "rgba(220,138,221,0.18)" },
  [PX_MARK_UNIQUE] = { "rgba(229,165,10,0.10)", "rgba(246,211,45,0.08)" },
  [PX_MARK_CONFLICT] = { "rgba(224,27,36,0.20)", "rgba(255,123,99,0.28)" },
  [PX_MARK_DIFFERENT] = { "rgba(145,65,172,0.22)", "rgba(220,138,221,0.30)" },
  [PX_MARK_ABSENT] = { "rgba(0,0,0,0.04)", "rgba(255,255,255,0.05)" },
  [PX_MARK_SELECTED] = { "rgba(53,132,228,0.32)", "rgba(120,174,237,0.34)" },
};

void
px_mark_get_color (PxMark    mark,
                   gboolean  strong,
                   gboolean  dark,
                   GdkRGBA  *color)
{
  const Pair *pair;

  g_return_if_fail ((guint) mark < PX_N_MARKS);

  pair = strong ? &strong_colors[mark] : &tints[mark];
  gdk_rgba_parse (color, dark ? pair->dark : pair->light);
}

gboolean
px_mark_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

void
px_mark_draw_symbol (cairo_t  *cr,
                     PxMark    mark,
                     double    x,
                     double    y,
                     double    size,
                     gboolean  dark)
{
  GdkRGBA color;

  px_mark_get_color (mark, TRUE, dark, &color);
  px_mark_draw_shape (cr, mark, x, y, size, &color);
}

void
px_mark_draw_shape (cairo_t       *cr,
                    PxMark         mark,
                    double         x,
                    double         y,
                    double         size,
                    const GdkRGBA *color)
{
  double r = size * 0.36;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_new_path (cr);
  cairo_set_line_width (cr, MAX (1.5, size / 8));

  switch (mark)
    {
    case PX_MARK_SHARED:
    case PX_MARK_SELECTED:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case PX_MARK_PARTIAL:
    case PX_MARK_DIFFERENT:
      cairo_arc (cr, x, y, r - 0.75, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, x, y, r, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case PX_MARK_UNIQUE:
      cairo_arc (cr, x, y, r - 0.75, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;

    case PX_MARK_CONFLICT:
      /* A group, so the cut-out clears only the triangle. */
      cairo_push_group (cr);
      gdk_cairo_set_source_rgba (cr, color);
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y + r * 0.95);
      cairo_line_to (cr, x - r * 1.2, y + r * 0.95);
      cairo_close_path (cr);
      cairo_fill (cr);
      /* The exclamation bar, cut out of the triangle. */
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_rectangle (cr, x - size / 20 - 0.5, y - r * 0.45, size / 10 + 1, r * 0.8);
      cairo_rectangle (cr, x - size / 20 - 0.5, y + r * 0.5, size / 10 + 1, size / 10 + 0.5);
      cairo_fill (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_pop_group_to_source (cr);
      cairo_paint (cr);
      break;

    case PX_MARK_ABSENT:
      cairo_move_to (cr, x - r, y);
      cairo_line_to (cr, x + r, y);
      cairo_stroke (cr);
      break;

    case PX_N_MARKS:
    default:
      g_assert_not_reached ();
    }
}

static void
draw_symbol_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  PxMark mark = GPOINTER_TO_INT (user_data);

  px_mark_draw_symbol (cr, mark, width / 2.0, height / 2.0, MIN (width, height), px_mark_is_dark ());
}

GtkWidget *
px_mark_symbol_new (PxMark mark,
                    int    size)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_symbol_cb,
                                  GINT_TO_POINTER (mark), NULL);
  return area;
}

void
px_mark_ensure_css (void)
{
  static gboolean loaded;
  g_autoptr (GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/parallax/Parallax/px-comparison.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
