/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-draw.h: cairo and Pango helpers shared by the drawn views */
#pragma once

#include <gtk/gtk.h>

#include "bp-chart-ticks.h"

G_BEGIN_DECLS

/* How many left-out points a polyline remembers before it draws one. */
#define BP_POLYLINE_RUN 32

/* A path through many points, most of them on a smooth curve: the points
 * that lie within a quarter pixel of the segment that replaces them are
 * left out, since stroking is what costs and the eye cannot tell. */
typedef struct
{
  cairo_t *cr;
  gboolean started;
  double   ax, ay;                  /* the last point in the path */
  guint    n_run;                   /* points after it, not yet drawn */
  double   run_x[BP_POLYLINE_RUN];  /* the last of them is the candidate end */
  double   run_y[BP_POLYLINE_RUN];
} BpPolyline;

void         bp_polyline_init          (BpPolyline    *line,
                                        cairo_t       *cr);
void         bp_polyline_add           (BpPolyline    *line,
                                        double         x,
                                        double         y);
void         bp_polyline_finish        (BpPolyline    *line);

void         bp_draw_set_color         (cairo_t       *cr,
                                        const GdkRGBA *color,
                                        double         alpha);
PangoLayout *bp_draw_tabular_layout    (GtkWidget     *widget,
                                        const char    *text);
void         bp_draw_text              (GtkWidget     *widget,
                                        cairo_t       *cr,
                                        const char    *text,
                                        double         x,
                                        double         y,
                                        double         xalign);
int          bp_draw_text_width        (GtkWidget     *widget,
                                        const char    *text);
int          bp_draw_widest_tick_label (GtkWidget     *widget,
                                        const BpTicks *ticks);
void         bp_draw_begin_export      (cairo_t       *cr,
                                        const GdkRGBA *background,
                                        double         margin);

G_END_DECLS
