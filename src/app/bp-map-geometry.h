/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-map-geometry.h: the arithmetic of the decision map
 *
 * Plain numbers with no widgets in them, so that they are tested without a
 * display: where a weight and height land in pixels and back, the colour
 * of an output, which dot the pointer is on, and the 0.5 contour.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The plot's rectangle in the widget and the part of the weight–height
 * plane it shows, in the units on screen.  Height grows upward. */
typedef struct
{
  double left;
  double top;
  double width;
  double height;
  double x_lo;    /* weight at the left edge */
  double x_hi;    /* weight at the right edge */
  double y_lo;    /* height at the bottom edge */
  double y_hi;    /* height at the top edge */
} BpMapFrame;

/* One piece of a contour, in the coordinates of the sample grid. */
typedef struct
{
  double x0, y0;
  double x1, y1;
} BpMapSegment;

typedef struct
{
  double x, y;
} BpMapPoint;

void     bp_map_frame_to_px     (const BpMapFrame *frame,
                                 double            x,
                                 double            y,
                                 double           *px,
                                 double           *py);
void     bp_map_frame_from_px   (const BpMapFrame *frame,
                                 double            px,
                                 double            py,
                                 double           *x,
                                 double           *y);
gboolean bp_map_frame_contains  (const BpMapFrame *frame,
                                 double            px,
                                 double            py);
void     bp_map_padded_range    (const double     *values,
                                 guint             n,
                                 double            min_span,
                                 double           *lo,
                                 double           *hi);
void     bp_map_output_color    (double            output,
                                 double           *red,
                                 double           *green,
                                 double           *blue);
int      bp_map_hit_test        (const double     *px,
                                 const double     *py,
                                 guint             n,
                                 double            x,
                                 double            y,
                                 double            radius);
void     bp_map_contour         (const double     *values,
                                 guint             columns,
                                 guint             rows,
                                 double            level,
                                 GArray           *segments);
GPtrArray *bp_map_join_segments (const GArray     *segments);

G_END_DECLS
