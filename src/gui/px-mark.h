/* px-mark.h: colours, symbols and styles shared by the comparison widgets
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a mark stands for, in the text, the margins, the gutters, the
 * legend and the coverage matrix alike. */
typedef enum
{
  PX_MARK_SHARED,     /* a claim every compared outlet carries */
  PX_MARK_PARTIAL,    /* some outlets carry it */
  PX_MARK_UNIQUE,     /* one outlet only */
  PX_MARK_CONFLICT,   /* the outlets disagree on a value */
  PX_MARK_DIFFERENT,  /* the same claim in other words */
  PX_MARK_ABSENT,     /* the outlet does not say it */
  PX_MARK_SELECTED,   /* the claim the reader picked */
  PX_N_MARKS
} PxMark;

/* A light tint for backgrounds (@strong FALSE) or a full colour for
 * symbols and lines (@strong TRUE), chosen for the light or dark style. */
void       px_mark_get_color      (PxMark    mark,
                                   gboolean  strong,
                                   gboolean  dark,
                                   GdkRGBA  *color);
/* Whether libadwaita shows the dark style now. */
gboolean   px_mark_is_dark        (void);
/* Draws the symbol of @mark centred on (@x, @y) in a square of @size:
 * a filled disc (shared), a half-filled disc (partial, different wording),
 * a ring (unique), a triangle with a bar (conflict), a dash (absent). Shapes
 * differ, so the marks read without colour. */
void       px_mark_draw_symbol    (cairo_t  *cr,
                                   PxMark    mark,
                                   double    x,
                                   double    y,
                                   double    size,
                                   gboolean  dark);
/* The same shape in another colour. */
void       px_mark_draw_shape     (cairo_t       *cr,
                                   PxMark         mark,
                                   double         x,
                                   double         y,
                                   double         size,
                                   const GdkRGBA *color);
/* A small widget showing the symbol of @mark. */
GtkWidget *px_mark_symbol_new     (PxMark    mark,
                                   int       size);
/* Loads ui/px-comparison.css for the display, once. */
void       px_mark_ensure_css     (void);

G_END_DECLS
