/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-diagram-geometry.h: where the network diagram puts things
 *
 * No GTK here, so that the layout and the hit-testing are tested without
 * a display.  Two inputs on the left, the hidden neurons h1 and h2 in the
 * middle, the output o1 on the right; w1…w6 are the edges between them
 * and b1, b2, b3 sit on their neurons.
 */
#pragma once

#include <glib.h>

#include "bp-network.h"

G_BEGIN_DECLS

typedef enum
{
  BP_NEURON_X0,
  BP_NEURON_X1,
  BP_NEURON_H1,
  BP_NEURON_H2,
  BP_NEURON_O1,
  BP_N_NEURONS,
} BpNeuron;

/* The widest an edge gets, however large its weight. */
#define BP_DIAGRAM_MAX_EDGE_WIDTH 14.0

typedef struct
{
  double x[BP_N_NEURONS];
  double y[BP_N_NEURONS];
  double radius;
  double badge_height;   /* the bias's label, under its neuron */
} BpDiagramLayout;

void     bp_diagram_layout_init     (BpDiagramLayout       *layout,
                                     double                 width,
                                     double                 height,
                                     double                 line_height);
gboolean bp_diagram_edge_ends       (BpParam                param,
                                     BpNeuron              *from,
                                     BpNeuron              *to);
BpNeuron bp_diagram_bias_neuron     (BpParam                param);
double   bp_diagram_edge_width      (double                 weight);
void     bp_diagram_edge_point      (const BpDiagramLayout *layout,
                                     BpParam                param,
                                     double                 t,
                                     double                *x,
                                     double                *y);
double   bp_diagram_label_position  (BpParam                param);
double   bp_point_segment_distance  (double                 px,
                                     double                 py,
                                     double                 x0,
                                     double                 y0,
                                     double                 x1,
                                     double                 y1);
double   bp_point_segment_distance2 (double                 px,
                                     double                 py,
                                     double                 x0,
                                     double                 y0,
                                     double                 x1,
                                     double                 y1);
int      bp_diagram_hit_test        (const BpDiagramLayout *layout,
                                     const BpParams        *params,
                                     double                 x,
                                     double                 y);

G_END_DECLS
