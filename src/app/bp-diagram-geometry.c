/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-diagram-geometry.c: where the network diagram puts things */
#include "bp-diagram-geometry.h"

#include <math.h>

/* Room around an edge that still counts as on it, for thin edges. */
#define EDGE_SLACK 6.0

static const struct
{
  BpNeuron from;
  BpNeuron to;
} edges[] = {
  [BP_PARAM_W1] = { BP_NEURON_X0, BP_NEURON_H1 },
  [BP_PARAM_W2] = { BP_NEURON_X1, BP_NEURON_H1 },
  [BP_PARAM_W3] = { BP_NEURON_X0, BP_NEURON_H2 },
  [BP_PARAM_W4] = { BP_NEURON_X1, BP_NEURON_H2 },
  [BP_PARAM_W5] = { BP_NEURON_H1, BP_NEURON_O1 },
  [BP_PARAM_W6] = { BP_NEURON_H2, BP_NEURON_O1 },
};

/* Inputs and hidden neurons in two rows near the top and the bottom, the
 * output between them; a line of text above every neuron for its name
 * and a badge under it for its bias. */
void
bp_diagram_layout_init (BpDiagramLayout *layout,
                        double           width,
                        double           height,
                        double           line_height)
{
  double columns[] = { 0.14, 0.14, 0.5, 0.5, 0.86 };
  double rows[] = { 0.1, 0.9, 0.1, 0.9, 0.5 };
  /* Room for a value such as 0.0474 inside, even on a small screen. */
  double r = CLAMP (MIN (width, height) * 0.075, 22, 34);
  double top, bottom;

  layout->radius = r;
  layout->badge_height = line_height + 6;
  top = line_height + 8 + r;
  bottom = MAX (top, height - layout->badge_height - 8 - r);
  for (guint i = 0; i < BP_N_NEURONS; i++)
    {
      layout->x[i] = columns[i] * width;
      layout->y[i] = top + rows[i] * (bottom - top);
    }
}

/* The neurons a weight joins; FALSE for a bias. */
gboolean
bp_diagram_edge_ends (BpParam   param,
                      BpNeuron *from,
                      BpNeuron *to)
{
  if (param > BP_PARAM_W6)
    return FALSE;
  *from = edges[param].from;
  *to = edges[param].to;
  return TRUE;
}

/* The neuron a bias belongs to. */
BpNeuron
bp_diagram_bias_neuron (BpParam param)
{
  g_return_val_if_fail (param >= BP_PARAM_B1 && param <= BP_PARAM_B3, BP_NEURON_O1);

  return BP_NEURON_H1 + (param - BP_PARAM_B1);
}

/* As wide as the weight is large, 2.5 px per unit, but at least a hair
 * and at most BP_DIAGRAM_MAX_EDGE_WIDTH, so that a diverging run does not
 * paint the whole diagram. */
double
bp_diagram_edge_width (double weight)
{
  if (!isfinite (weight))
    return BP_DIAGRAM_MAX_EDGE_WIDTH;
  return CLAMP (2.5 * fabs (weight), 1.0, BP_DIAGRAM_MAX_EDGE_WIDTH);
}

/* The point @t of the way along a weight's edge, from its input end. */
void
bp_diagram_edge_point (const BpDiagramLayout *layout,
                       BpParam                param,
                       double                 t,
                       double                *x,
                       double                *y)
{
  BpNeuron from, to;

  if (!bp_diagram_edge_ends (param, &from, &to))
    {
      *x = *y = 0;
      g_return_if_reached ();
    }
  *x = layout->x[from] + t * (layout->x[to] - layout->x[from]);
  *y = layout->y[from] + t * (layout->y[to] - layout->y[from]);
}

/* Where along its edge a weight's value is written: the first layer's
 * labels keep clear of the middle, where w2 and w3 cross. */
double
bp_diagram_label_position (BpParam param)
{
  return param <= BP_PARAM_W4 ? 0.34 : 0.5;
}

/* The square of bp_point_segment_distance(), for comparisons made often
 * enough (a chart's path, every frame) that the root would show. */
double
bp_point_segment_distance2 (double px,
                            double py,
                            double x0,
                            double y0,
                            double x1,
                            double y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / len2 : 0;
  double ex, ey;

  t = CLAMP (t, 0, 1);
  ex = px - (x0 + t * dx);
  ey = py - (y0 + t * dy);
  return ex * ex + ey * ey;
}

double
bp_point_segment_distance (double px,
                           double py,
                           double x0,
                           double y0,
                           double x1,
                           double y1)
{
  return sqrt (bp_point_segment_distance2 (px, py, x0, y0, x1, y1));
}

/* Which neuron's circle, or bias badge, holds the point; -1 for none. */
static int
neuron_at (const BpDiagramLayout *l,
           double                 x,
           double                 y)
{
  for (guint i = 0; i < BP_N_NEURONS; i++)
    {
      double dx = x - l->x[i], dy = y - l->y[i];
      gboolean in_badge = i >= BP_NEURON_H1 && fabs (dx) <= 1.5 * l->radius &&
                          dy >= l->radius && dy <= l->radius + l->badge_height + 4;

      if (dx * dx + dy * dy <= l->radius * l->radius || in_badge)
        return i;
    }
  return -1;
}

/* The parameter under (@x, @y): a bias on its neuron or badge, else the
 * nearest weight whose edge (as wide as drawn, and never thinner than a
 * finger's slack) holds the point; -1 for none.  An input neuron is no
 * parameter, and hides the edges under it. */
int
bp_diagram_hit_test (const BpDiagramLayout *layout,
                     const BpParams        *params,
                     double                 x,
                     double                 y)
{
  int neuron = neuron_at (layout, x, y);
  double best = G_MAXDOUBLE;
  int hit = -1;

  if (neuron >= BP_NEURON_H1)
    return BP_PARAM_B1 + (neuron - BP_NEURON_H1);
  if (neuron >= 0)
    return -1;
  for (BpParam p = BP_PARAM_W1; p <= BP_PARAM_W6; p++)
    {
      BpNeuron from = edges[p].from, to = edges[p].to;
      double d = bp_point_segment_distance (x, y, layout->x[from], layout->y[from],
                                            layout->x[to], layout->y[to]);
      double reach = MAX (bp_diagram_edge_width (bp_params_get (params, p)) / 2, EDGE_SLACK);

      if (d <= reach && d < best)
        {
          best = d;
          hit = p;
        }
    }
  return hit;
}
