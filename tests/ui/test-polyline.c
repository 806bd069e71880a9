/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-polyline.c: the drawn views' simplified paths
 *
 * A BpPolyline leaves out points on a straight stretch; what it keeps
 * is read back from cairo.  No display needed.
 */
#include <math.h>

#include "bp-draw.h"

/* The path's points after drawing @n points through a polyline. */
static GArray *
points_through (const double *xy,
                guint         n)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_path_t *path;
  BpPolyline line;

  bp_polyline_init (&line, cr);
  for (guint i = 0; i < n; i++)
    bp_polyline_add (&line, xy[2 * i], xy[2 * i + 1]);
  bp_polyline_finish (&line);
  path = cairo_copy_path (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      g_assert_true (path->data[i].header.type == (i == 0 ? CAIRO_PATH_MOVE_TO : CAIRO_PATH_LINE_TO));
      g_array_append_val (points, path->data[i + 1].point.x);
      g_array_append_val (points, path->data[i + 1].point.y);
    }
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return points;
}

static void
assert_points (GArray       *points,
               const double *expected,
               guint         n)
{
  g_assert_cmpuint (points->len, ==, 2 * n);
  for (guint i = 0; i < 2 * n; i++)
    g_assert_cmpfloat (g_array_index (points, double, i), ==, expected[i]);
}

/* A straight line of ten points is drawn as its two ends. */
static void
test_straight (void)
{
  double xy[20];
  const double ends[] = { 0, 5, 9, 23 };
  g_autoptr(GArray) points = NULL;

  for (guint i = 0; i < 10; i++)
    {
      xy[2 * i] = i;
      xy[2 * i + 1] = 5 + 2 * i;
    }
  points = points_through (xy, 10);
  assert_points (points, ends, 2);
}

/* A spike of one column and a corner are kept; so is a point where the
 * path turns back along its own line. */
static void
test_keeps_shape (void)
{
  const double spike[] = { 0, 10, 1, 10, 2, 40, 3, 10, 4, 10 };
  const double back[] = { 0, 0, 0, 50, 0, 10 };
  g_autoptr(GArray) a = points_through (spike, 5);
  g_autoptr(GArray) b = points_through (back, 3);
  const double kept_spike[] = { 0, 10, 1, 10, 2, 40, 3, 10, 4, 10 };

  assert_points (a, kept_spike, 5);
  assert_points (b, back, 3);
}

/* A gentle curve is drawn with fewer points, none of the left-out ones
 * further than a quarter pixel from the path drawn. */
static void
test_curve_within_tolerance (void)
{
  double xy[2 * 400];
  g_autoptr(GArray) points = NULL;
  guint k = 0;

  for (guint i = 0; i < 400; i++)
    {
      xy[2 * i] = i;
      xy[2 * i + 1] = 100 * exp (-(double) i / 80.0);
    }
  points = points_through (xy, 400);
  g_assert_cmpuint (points->len / 2, <, 100);
  g_assert_cmpfloat (g_array_index (points, double, 0), ==, 0);
  g_assert_cmpfloat (g_array_index (points, double, points->len - 2), ==, 399);
  for (guint i = 0; i < 400; i++)
    {
      double x0, y0, x1, y1, y;

      while (k + 2 < points->len / 2 && g_array_index (points, double, 2 * (k + 1)) < i)
        k++;
      x0 = g_array_index (points, double, 2 * k);
      y0 = g_array_index (points, double, 2 * k + 1);
      x1 = g_array_index (points, double, 2 * k + 2);
      y1 = g_array_index (points, double, 2 * k + 3);
      y = y0 + (y1 - y0) * (i - x0) / (x1 - x0);
      g_assert_cmpfloat (fabs (y - xy[2 * i + 1]), <=, 0.25 * sqrt (1 + pow ((y1 - y0) / (x1 - x0), 2)) + 1e-9);
    }
}

/* One point is a move, and nothing more. */
static void
test_single_point (void)
{
  const double one[] = { 3, 4 };
  g_autoptr(GArray) points = points_through (one, 1);

  assert_points (points, one, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/polyline/straight", test_straight);
  g_test_add_func ("/polyline/keeps-shape", test_keeps_shape);
  g_test_add_func ("/polyline/curve-within-tolerance", test_curve_within_tolerance);
  g_test_add_func ("/polyline/single-point", test_single_point);
  return g_test_run ();
}
