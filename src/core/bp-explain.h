/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-explain.h: one training step worked out as a student follows it
 *
 * bp_network_explain() gives every intermediate of a step in full
 * precision.  A BpWorkedStep is what the Explain page shows of it: either
 * those exact numbers, or the step worked by hand as the seeds do it, each
 * number rounded to three significant digits and computed from the
 * rounded numbers before it.
 */
#pragma once

#include "bp-network.h"

G_BEGIN_DECLS

typedef struct
{
  double   x0, x1, y, learning_rate;
  BpParams p;
  double   sum_h1, h1, sum_h2, h2, sum_o1, o1, loss;
  double   d_L_d_ypred;
  double   f_h1, f_h2, f_o1;      /* f′ of each neuron's sum */
  double   d_ypred_d_h1, d_ypred_d_h2, d_ypred_d_w5, d_ypred_d_w6;
  double   d_h1_d_w1, d_h1_d_w2, d_h2_d_w3, d_h2_d_w4;
  BpParams gradient;
  BpParams after;
} BpWorkedStep;

void   bp_worked_step_exact   (const BpExplain    *explain,
                               BpWorkedStep       *out);
void   bp_worked_step_by_hand (const BpExplain    *explain,
                               BpWorkedStep       *out);
guint  bp_worked_step_factors (const BpWorkedStep *step,
                               BpParam             param,
                               double              factors[3]);
double bp_round_significant   (double              value,
                               int                 digits);

G_END_DECLS
