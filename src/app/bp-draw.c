/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-draw.c: cairo and Pango helpers shared by the drawn views */
#include <math.h>

#include "bp-diagram-geometry.h"
#include "bp-draw.h"

/* @color with its alpha scaled by @alpha, for faded grid lines and text. */
void
bp_draw_set_color (cairo_t       *cr,
                   const GdkRGBA *color,
                   double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A layout in @widget's font with tabular digits, so that numbers line up
 * and do not wobble as they change. */
PangoLayout *
bp_draw_tabular_layout (GtkWidget  *widget,
                        const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* Draws @text in a tabular layout of @widget's with its left (xalign
 * 0), centre (0.5) or right (1) edge at @x and its top at @y, on whole
 * pixels so that it stays sharp. */
void
bp_draw_text (GtkWidget  *widget,
              cairo_t    *cr,
              const char *text,
              double      x,
              double      y,
              double      xalign)
{
  g_autoptr(PangoLayout) layout = bp_draw_tabular_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  cairo_move_to (cr, round (x - xalign * width), round (y));
  pango_cairo_show_layout (cr, layout);
}

/* How wide @text is in a tabular layout of @widget's, in pixels. */
int
bp_draw_text_width (GtkWidget  *widget,
                    const char *text)
{
  g_autoptr(PangoLayout) layout = bp_draw_tabular_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The room an axis needs for its widest tick label. */
int
bp_draw_widest_tick_label (GtkWidget     *widget,
                           const BpTicks *ticks)
{
  int widest = 0;

  for (guint i = 0; i < ticks->n; i++)
    {
      g_autofree char *label = bp_ticks_format (ticks, ticks->values[i]);

      widest = MAX (widest, bp_draw_text_width (widget, label));
    }
  return widest;
}

/* An exported view: @background painted, as the window shows it, and
 * the origin moved in by @margin.  The caller ends with cairo_restore(). */
void
bp_draw_begin_export (cairo_t       *cr,
                      const GdkRGBA *background,
                      double         margin)
{
  bp_draw_set_color (cr, background, 1);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, margin, margin);
}

void
bp_polyline_init (BpPolyline *line,
                  cairo_t    *cr)
{
  line->cr = cr;
  line->started = FALSE;
  line->n_run = 0;
}

/* Whether every point left out so far stays within a quarter pixel of
 * the segment from the last drawn point to (@x, @y): of the segment, not
 * its line, so that a path that turns back on itself keeps its turn. */
static gboolean
run_fits (const BpPolyline *line,
          double            x,
          double            y)
{
  if (line->n_run >= BP_POLYLINE_RUN)
    return FALSE;
  for (guint i = 0; i < line->n_run; i++)
    if (bp_point_segment_distance2 (line->run_x[i], line->run_y[i], line->ax, line->ay, x, y) > 0.25 * 0.25)
      return FALSE;
  return TRUE;
}

void
bp_polyline_add (BpPolyline *line,
                 double      x,
                 double      y)
{
  if (!line->started)
    {
      cairo_move_to (line->cr, x, y);
      line->started = TRUE;
      line->ax = x;
      line->ay = y;
      return;
    }
  if (line->n_run > 0 && !run_fits (line, x, y))
    {
      line->ax = line->run_x[line->n_run - 1];
      line->ay = line->run_y[line->n_run - 1];
      cairo_line_to (line->cr, line->ax, line->ay);
      line->n_run = 0;
    }
  line->run_x[line->n_run] = x;
  line->run_y[line->n_run] = y;
  line->n_run++;
}

/* Draws the candidate end: the path then ends where the points did. */
void
bp_polyline_finish (BpPolyline *line)
{
  if (line->n_run > 0)
    cairo_line_to (line->cr, line->run_x[line->n_run - 1], line->run_y[line->n_run - 1]);
  line->n_run = 0;
}
