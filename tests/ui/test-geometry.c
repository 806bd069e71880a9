/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-geometry.c: the arithmetic of the diagram and the decision map
 *
 * Pure functions, no display needed.
 */
#include <math.h>

#include "bp-diagram-geometry.h"
#include "bp-map-geometry.h"

/* ---- decision map -------------------------------------------------------- */

static const BpMapFrame frame = {
  .left = 50, .top = 20, .width = 400, .height = 200,
  .x_lo = 100, .x_hi = 180, .y_lo = 55, .y_hi = 75,
};

static void
test_frame_round_trip (void)
{
  double px, py, x, y;

  /* The corners: weight grows to the right, height upward. */
  bp_map_frame_to_px (&frame, 100, 75, &px, &py);
  g_assert_cmpfloat (px, ==, 50);
  g_assert_cmpfloat (py, ==, 20);
  bp_map_frame_to_px (&frame, 180, 55, &px, &py);
  g_assert_cmpfloat (px, ==, 450);
  g_assert_cmpfloat (py, ==, 220);
  /* Alice, 133 lb and 65 in. */
  bp_map_frame_to_px (&frame, 133, 65, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, 50 + 33.0 / 80 * 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, 20 + 10.0 / 20 * 200, 1e-9);
  for (guint i = 0; i < 100; i++)
    {
      double wx = g_test_rand_double_range (90, 200), hy = g_test_rand_double_range (50, 80);

      bp_map_frame_to_px (&frame, wx, hy, &px, &py);
      bp_map_frame_from_px (&frame, px, py, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, wx, 1e-9);
      g_assert_cmpfloat_with_epsilon (y, hy, 1e-9);
    }
  g_assert_true (bp_map_frame_contains (&frame, 50, 20));
  g_assert_true (bp_map_frame_contains (&frame, 450, 220));
  g_assert_false (bp_map_frame_contains (&frame, 49, 100));
  g_assert_false (bp_map_frame_contains (&frame, 100, 221));
}

static void
test_padded_range (void)
{
  const double weights[] = { 133, 160, 152, 120 };
  const double one[] = { 70 };
  double lo, hi;

  /* A quarter of the spread (40) on each side. */
  bp_map_padded_range (weights, 4, 20, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 110);
  g_assert_cmpfloat (hi, ==, 170);
  /* One person: min_span around them. */
  bp_map_padded_range (one, 1, 10, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 65);
  g_assert_cmpfloat (hi, ==, 75);
  bp_map_padded_range (NULL, 0, 4, &lo, &hi);
  g_assert_cmpfloat (lo, ==, -2);
  g_assert_cmpfloat (hi, ==, 2);
  /* Never below zero for weights: the padding moves to the top. */
  bp_map_padded_range ((const double[]) { 68.5, 528.5 }, 2, 20, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 528.5 + 115 + 46.5);
}

static double
luminance (double output)
{
  double r, g, b;

  bp_map_output_color (output, &r, &g, &b);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static void
test_output_color (void)
{
  double r, g, b;

  /* M is purple, F orange, 0.5 nearly white. */
  bp_map_output_color (0, &r, &g, &b);
  g_assert_cmpfloat (b, >, r);
  g_assert_cmpfloat (b, >, g);
  bp_map_output_color (1, &r, &g, &b);
  g_assert_cmpfloat (r, >, g);
  g_assert_cmpfloat (g, >, b);
  bp_map_output_color (0.5, &r, &g, &b);
  g_assert_cmpfloat (MIN (MIN (r, g), b), >, 0.95);
  /* Lightness alone tells sure from unsure, without hue: it rises to 0.5
   * and falls after. */
  for (guint k = 0; k < 10; k++)
    g_assert_cmpfloat (luminance (k / 20.0), <, luminance ((k + 1) / 20.0));
  for (guint k = 10; k < 20; k++)
    g_assert_cmpfloat (luminance (k / 20.0), >, luminance ((k + 1) / 20.0));
  /* Out of range and NaN stay in the palette. */
  bp_map_output_color (-3, &r, &g, &b);
  g_assert_cmpfloat (r, ==, 0x5e / 255.0);
  bp_map_output_color (NAN, &r, &g, &b);
  g_assert_cmpfloat (r, ==, 0xf7 / 255.0);
}

static void
test_hit_test (void)
{
  const double px[] = { 100, 110, 300 };
  const double py[] = { 100, 100, 50 };

  g_assert_cmpint (bp_map_hit_test (px, py, 3, 300, 50, 8), ==, 2);
  g_assert_cmpint (bp_map_hit_test (px, py, 3, 306, 55, 8), ==, 2);
  g_assert_cmpint (bp_map_hit_test (px, py, 3, 310, 50, 8), ==, -1);
  /* The nearest of two overlapping dots; on a tie the one drawn last. */
  g_assert_cmpint (bp_map_hit_test (px, py, 3, 103, 100, 8), ==, 0);
  g_assert_cmpint (bp_map_hit_test (px, py, 3, 107, 100, 8), ==, 1);
  g_assert_cmpint (bp_map_hit_test (px, py, 3, 105, 100, 8), ==, 1);
  g_assert_cmpint (bp_map_hit_test (px, py, 0, 100, 100, 8), ==, -1);
}

/* Every segment's ends lie on cell edges where the linear interpolation
 * of the samples equals the level. */
static void
assert_segments_on_level (GArray       *segments,
                          const double *v,
                          guint         columns,
                          double        level)
{
  for (guint k = 0; k < segments->len; k++)
    {
      const BpMapSegment *s = &g_array_index (segments, BpMapSegment, k);
      double ends[2][2] = { { s->x0, s->y0 }, { s->x1, s->y1 } };

      for (guint e = 0; e < 2; e++)
        {
          double x = ends[e][0], y = ends[e][1];
          guint i = (guint) floor (x), j = (guint) floor (y);
          double value;

          if (x == floor (x))
            {
              double t = y - j;

              value = v[j * columns + i] * (1 - t) + (t > 0 ? v[(j + 1) * columns + i] * t : 0);
            }
          else
            {
              double t = x - i;

              g_assert_cmpfloat (y, ==, floor (y));
              value = v[j * columns + i] * (1 - t) + v[j * columns + i + 1] * t;
            }
          g_assert_cmpfloat_with_epsilon (value, level, 1e-12);
        }
    }
}

/* A plane rising to the right crosses 0.5 on a vertical line. */
static void
test_contour_line (void)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (BpMapSegment));
  double v[5 * 4];

  for (guint j = 0; j < 4; j++)
    for (guint i = 0; i < 5; i++)
      v[j * 5 + i] = i * 0.25 - 0.1;   /* 0.5 at x = 2.4 */
  bp_map_contour (v, 5, 4, 0.5, segments);
  g_assert_cmpuint (segments->len, ==, 3);
  for (guint k = 0; k < segments->len; k++)
    {
      const BpMapSegment *s = &g_array_index (segments, BpMapSegment, k);

      g_assert_cmpfloat_with_epsilon (s->x0, 2.4, 1e-12);
      g_assert_cmpfloat_with_epsilon (s->x1, 2.4, 1e-12);
      g_assert_cmpfloat (fabs (s->y1 - s->y0), ==, 1);
    }
  assert_segments_on_level (segments, v, 5, 0.5);
}

/* A bump in the middle gives a closed loop: each end point is shared by
 * exactly two segments. */
static void
test_contour_closed (void)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (BpMapSegment));
  const guint n = 9;
  double v[9 * 9];

  for (guint j = 0; j < n; j++)
    for (guint i = 0; i < n; i++)
      v[j * n + i] = exp (-((i - 4.0) * (i - 4.0) + (j - 4.0) * (j - 4.0)) / 6);
  bp_map_contour (v, n, n, 0.5, segments);
  g_assert_cmpuint (segments->len, >=, 8);
  assert_segments_on_level (segments, v, n, 0.5);
  for (guint k = 0; k < segments->len; k++)
    {
      const BpMapSegment *s = &g_array_index (segments, BpMapSegment, k);
      guint shared = 0;

      for (guint m = 0; m < segments->len; m++)
        {
          const BpMapSegment *o = &g_array_index (segments, BpMapSegment, m);

          shared += (fabs (o->x0 - s->x0) < 1e-12 && fabs (o->y0 - s->y0) < 1e-12) +
                    (fabs (o->x1 - s->x0) < 1e-12 && fabs (o->y1 - s->y0) < 1e-12);
        }
      g_assert_cmpuint (shared, ==, 2);
    }
}

/* A saddle splits by its centre; NaN cells and flat grids give nothing. */
static void
test_contour_saddle_and_gaps (void)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (BpMapSegment));
  const double saddle_up[] = { 1, 0, 0, 1 };        /* centre 0.5: joined up */
  const double flat[] = { 0.2, 0.2, 0.2, 0.2 };
  const double gap[] = { 1, 0, NAN, 1 };

  bp_map_contour (saddle_up, 2, 2, 0.5, segments);
  g_assert_cmpuint (segments->len, ==, 2);
  assert_segments_on_level (segments, saddle_up, 2, 0.5);
  /* With the centre above, the two low corners (top right, bottom left)
   * are cut off: one segment near each. */
  for (guint k = 0; k < 2; k++)
    {
      const BpMapSegment *s = &g_array_index (segments, BpMapSegment, k);
      double cx = (s->x0 + s->x1) / 2, cy = (s->y0 + s->y1) / 2;

      g_assert_true ((cx > 0.5 && cy < 0.5) || (cx < 0.5 && cy > 0.5));
    }
  g_array_set_size (segments, 0);
  bp_map_contour (flat, 2, 2, 0.5, segments);
  bp_map_contour (gap, 2, 2, 0.5, segments);
  bp_map_contour (saddle_up, 1, 4, 0.5, segments);
  g_assert_cmpuint (segments->len, ==, 0);
}

/* Joined up, the line is one polyline through every crossing in order,
 * the bump one closed loop, and two lines stay two. */
static void
test_contour_join (void)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (BpMapSegment));
  g_autoptr(GPtrArray) lines = NULL;
  GArray *line;
  double v[9 * 9];

  for (guint j = 0; j < 4; j++)
    for (guint i = 0; i < 5; i++)
      v[j * 5 + i] = i * 0.25 - 0.1;
  bp_map_contour (v, 5, 4, 0.5, segments);
  lines = bp_map_join_segments (segments);
  g_assert_cmpuint (lines->len, ==, 1);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpuint (line->len, ==, 4);
  for (guint k = 1; k < line->len; k++)
    g_assert_cmpfloat (fabs (g_array_index (line, BpMapPoint, k).y - g_array_index (line, BpMapPoint, k - 1).y), ==, 1);

  g_array_set_size (segments, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);
  for (guint j = 0; j < 9; j++)
    for (guint i = 0; i < 9; i++)
      v[j * 9 + i] = exp (-((i - 4.0) * (i - 4.0) + (j - 4.0) * (j - 4.0)) / 6);
  bp_map_contour (v, 9, 9, 0.5, segments);
  lines = bp_map_join_segments (segments);
  g_assert_cmpuint (lines->len, ==, 1);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpuint (line->len, ==, segments->len + 1);
  g_assert_cmpmem (&g_array_index (line, BpMapPoint, 0), sizeof (BpMapPoint),
                   &g_array_index (line, BpMapPoint, line->len - 1), sizeof (BpMapPoint));

  /* A ridge down the middle: 0.5 is crossed on both of its sides. */
  g_array_set_size (segments, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);
  for (guint j = 0; j < 4; j++)
    for (guint i = 0; i < 5; i++)
      v[j * 5 + i] = i == 2 ? 1 : 0;
  bp_map_contour (v, 5, 4, 0.5, segments);
  lines = bp_map_join_segments (segments);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpuint (((GArray *) g_ptr_array_index (lines, 0))->len, ==, 4);
  g_assert_cmpuint (((GArray *) g_ptr_array_index (lines, 1))->len, ==, 4);

  g_array_set_size (segments, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = bp_map_join_segments (segments);
  g_assert_cmpuint (lines->len, ==, 0);
}

/* ---- network diagram ----------------------------------------------------- */

static void
test_diagram_layout (void)
{
  BpDiagramLayout l;

  bp_diagram_layout_init (&l, 800, 400, 20);
  /* Inputs left, hidden middle, output right; h1 above h2. */
  g_assert_cmpfloat (l.x[BP_NEURON_X0], <, l.x[BP_NEURON_H1]);
  g_assert_cmpfloat (l.x[BP_NEURON_H1], <, l.x[BP_NEURON_O1]);
  g_assert_cmpfloat (l.y[BP_NEURON_H1], <, l.y[BP_NEURON_O1]);
  g_assert_cmpfloat (l.y[BP_NEURON_O1], <, l.y[BP_NEURON_H2]);
  /* The names above and the biases under every neuron fit. */
  for (guint i = 0; i < BP_N_NEURONS; i++)
    {
      g_assert_cmpfloat (l.y[i] - l.radius - 20, >=, 0);
      g_assert_cmpfloat (l.y[i] + l.radius + l.badge_height, <=, 400);
      g_assert_cmpfloat (l.x[i] - l.radius, >=, 0);
      g_assert_cmpfloat (l.x[i] + l.radius, <=, 800);
    }
}

static void
test_edge_width (void)
{
  g_assert_cmpfloat (bp_diagram_edge_width (0), ==, 1);
  g_assert_cmpfloat (bp_diagram_edge_width (2), ==, 5);
  g_assert_cmpfloat (bp_diagram_edge_width (-2), ==, 5);
  g_assert_cmpfloat (bp_diagram_edge_width (1e6), ==, BP_DIAGRAM_MAX_EDGE_WIDTH);
  g_assert_cmpfloat (bp_diagram_edge_width (NAN), ==, BP_DIAGRAM_MAX_EDGE_WIDTH);
  g_assert_cmpfloat (bp_diagram_edge_width (INFINITY), ==, BP_DIAGRAM_MAX_EDGE_WIDTH);
  g_assert_cmpfloat (bp_diagram_edge_width (0.5), <, bp_diagram_edge_width (0.6));
}

static void
test_segment_distance (void)
{
  g_assert_cmpfloat (bp_point_segment_distance (5, 3, 0, 0, 10, 0), ==, 3);
  /* Beyond an end, the distance to that end. */
  g_assert_cmpfloat (bp_point_segment_distance (13, 4, 0, 0, 10, 0), ==, 5);
  g_assert_cmpfloat (bp_point_segment_distance2 (13, 4, 0, 0, 10, 0), ==, 25);
  g_assert_cmpfloat (bp_point_segment_distance (-3, -4, 0, 0, 10, 0), ==, 5);
  /* A segment of no length is a point. */
  g_assert_cmpfloat (bp_point_segment_distance (3, 4, 0, 0, 0, 0), ==, 5);
}

static void
test_diagram_hit_test (void)
{
  BpParams p = { 1, 1, 1, 1, 1, 1, 0, 0, 0 };
  BpDiagramLayout l;
  double x, y;

  bp_diagram_layout_init (&l, 800, 400, 20);
  /* Each weight at its label, and at points along its edge. */
  for (BpParam w = BP_PARAM_W1; w <= BP_PARAM_W6; w++)
    for (double t = 0.2; t <= 0.8; t += 0.15)
      {
        bp_diagram_edge_point (&l, w, t, &x, &y);
        if ((w == BP_PARAM_W2 || w == BP_PARAM_W3) && fabs (t - 0.5) < 0.05)
          continue;  /* where w2 and w3 cross, either will do */
        g_assert_cmpint (bp_diagram_hit_test (&l, &p, x, y), ==, w);
      }
  /* Biases on their neurons and on the badges below them. */
  g_assert_cmpint (bp_diagram_hit_test (&l, &p, l.x[BP_NEURON_H1], l.y[BP_NEURON_H1]), ==, BP_PARAM_B1);
  g_assert_cmpint (bp_diagram_hit_test (&l, &p, l.x[BP_NEURON_H2] + 5, l.y[BP_NEURON_H2] - 5), ==, BP_PARAM_B2);
  g_assert_cmpint (bp_diagram_hit_test (&l, &p, l.x[BP_NEURON_O1],
                                        l.y[BP_NEURON_O1] + l.radius + l.badge_height / 2), ==, BP_PARAM_B3);
  /* An input is no parameter, and the empty corners are nothing. */
  g_assert_cmpint (bp_diagram_hit_test (&l, &p, l.x[BP_NEURON_X0], l.y[BP_NEURON_X0]), ==, -1);
  g_assert_cmpint (bp_diagram_hit_test (&l, &p, 2, 2), ==, -1);
  g_assert_cmpint (bp_diagram_hit_test (&l, &p, 798, 398), ==, -1);
  /* A thick edge reaches further than a thin one. */
  bp_diagram_edge_point (&l, BP_PARAM_W5, 0.5, &x, &y);
  g_assert_cmpint (bp_diagram_hit_test (&l, &p, x, y - 10), ==, -1);
  p.w5 = 10;
  g_assert_cmpint (bp_diagram_hit_test (&l, &p, x, y - 6.5), ==, BP_PARAM_W5);
}

static void
test_edge_ends (void)
{
  BpNeuron from, to;

  g_assert_true (bp_diagram_edge_ends (BP_PARAM_W2, &from, &to));
  g_assert_cmpint (from, ==, BP_NEURON_X1);
  g_assert_cmpint (to, ==, BP_NEURON_H1);
  g_assert_true (bp_diagram_edge_ends (BP_PARAM_W6, &from, &to));
  g_assert_cmpint (from, ==, BP_NEURON_H2);
  g_assert_cmpint (to, ==, BP_NEURON_O1);
  g_assert_false (bp_diagram_edge_ends (BP_PARAM_B3, &from, &to));
  g_assert_cmpint (bp_diagram_bias_neuron (BP_PARAM_B1), ==, BP_NEURON_H1);
  g_assert_cmpint (bp_diagram_bias_neuron (BP_PARAM_B3), ==, BP_NEURON_O1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/frame-round-trip", test_frame_round_trip);
  g_test_add_func ("/map/padded-range", test_padded_range);
  g_test_add_func ("/map/output-color", test_output_color);
  g_test_add_func ("/map/hit-test", test_hit_test);
  g_test_add_func ("/map/contour/line", test_contour_line);
  g_test_add_func ("/map/contour/closed", test_contour_closed);
  g_test_add_func ("/map/contour/saddle-and-gaps", test_contour_saddle_and_gaps);
  g_test_add_func ("/map/contour/join", test_contour_join);
  g_test_add_func ("/diagram/layout", test_diagram_layout);
  g_test_add_func ("/diagram/edge-width", test_edge_width);
  g_test_add_func ("/diagram/segment-distance", test_segment_distance);
  g_test_add_func ("/diagram/hit-test", test_diagram_hit_test);
  g_test_add_func ("/diagram/edge-ends", test_edge_ends);
  return g_test_run ();
}
