/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-explain.c: one training step worked out as a student follows it
 *
 * The seeds work their example with a calculator: −0.952 × 0.249 ×
 * −0.0904 = 0.0214.  Rounding only the final exact numbers would not give
 * those digits, so the hand-worked step rounds each result and takes the
 * next one from the rounded numbers, in the seeds' order.
 */
#include "bp-explain.h"

#include <math.h>

/* Through decimal text, so that 0.0904 is the double a student types. */
double
bp_round_significant (double value,
                      int    digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  g_snprintf (format, sizeof format, "%%.%dg", digits);
  g_ascii_formatd (buf, sizeof buf, format, value);
  return g_ascii_strtod (buf, NULL);
}

static double
r3 (double value)
{
  return bp_round_significant (value, 3);
}

static double
slope (double sum)
{
  double f = bp_sigmoid (sum);

  return f * (1 - f);
}

void
bp_worked_step_exact (const BpExplain *e,
                      BpWorkedStep    *s)
{
  *s = (BpWorkedStep) {
    .x0 = e->x0, .x1 = e->x1, .y = e->y_true, .learning_rate = e->learning_rate,
    .p = e->before,
    .sum_h1 = e->sum_h1, .h1 = e->h1, .sum_h2 = e->sum_h2, .h2 = e->h2,
    .sum_o1 = e->sum_o1, .o1 = e->o1, .loss = e->loss, .d_L_d_ypred = e->d_L_d_ypred,
    .f_h1 = e->d_h1_d_b1, .f_h2 = e->d_h2_d_b2, .f_o1 = e->d_ypred_d_b3,
    .d_ypred_d_h1 = e->d_ypred_d_h1, .d_ypred_d_h2 = e->d_ypred_d_h2,
    .d_ypred_d_w5 = e->d_ypred_d_w5, .d_ypred_d_w6 = e->d_ypred_d_w6,
    .d_h1_d_w1 = e->d_h1_d_w1, .d_h1_d_w2 = e->d_h1_d_w2,
    .d_h2_d_w3 = e->d_h2_d_w3, .d_h2_d_w4 = e->d_h2_d_w4,
    .gradient = e->gradient, .after = e->after,
  };
}

/* The forward pass from the rounded parameters and inputs, each result
 * rounded in turn. */
static void
hand_forward (BpWorkedStep *s)
{
  const BpParams *p = &s->p;

  s->sum_h1 = r3 (p->w1 * s->x0 + p->w2 * s->x1 + p->b1);
  s->h1 = r3 (bp_sigmoid (s->sum_h1));
  s->sum_h2 = r3 (p->w3 * s->x0 + p->w4 * s->x1 + p->b2);
  s->h2 = r3 (bp_sigmoid (s->sum_h2));
  s->sum_o1 = r3 (p->w5 * s->h1 + p->w6 * s->h2 + p->b3);
  s->o1 = r3 (bp_sigmoid (s->sum_o1));
  s->loss = r3 ((s->y - s->o1) * (s->y - s->o1));
}

static void
hand_partials (BpWorkedStep *s)
{
  s->d_L_d_ypred = r3 (-2 * (s->y - s->o1));
  s->f_h1 = r3 (slope (s->sum_h1));
  s->f_h2 = r3 (slope (s->sum_h2));
  s->f_o1 = r3 (slope (s->sum_o1));
  s->d_ypred_d_h1 = r3 (s->p.w5 * s->f_o1);
  s->d_ypred_d_h2 = r3 (s->p.w6 * s->f_o1);
  s->d_ypred_d_w5 = r3 (s->h1 * s->f_o1);
  s->d_ypred_d_w6 = r3 (s->h2 * s->f_o1);
  s->d_h1_d_w1 = r3 (s->x0 * s->f_h1);
  s->d_h1_d_w2 = r3 (s->x1 * s->f_h1);
  s->d_h2_d_w3 = r3 (s->x0 * s->f_h2);
  s->d_h2_d_w4 = r3 (s->x1 * s->f_h2);
}

/* The factors of @param's chain rule, ∂L/∂ypred first, in the seeds'
 * order; returns how many (two or three). */
guint
bp_worked_step_factors (const BpWorkedStep *s,
                        BpParam             param,
                        double              f[3])
{
  const double by_param[BP_N_PARAMS][2] = {
    { s->d_ypred_d_h1, s->d_h1_d_w1 }, { s->d_ypred_d_h1, s->d_h1_d_w2 },
    { s->d_ypred_d_h2, s->d_h2_d_w3 }, { s->d_ypred_d_h2, s->d_h2_d_w4 },
    { s->d_ypred_d_w5, NAN },          { s->d_ypred_d_w6, NAN },
    { s->d_ypred_d_h1, s->f_h1 },      { s->d_ypred_d_h2, s->f_h2 },
    { s->f_o1, NAN },
  };

  f[0] = s->d_L_d_ypred;
  f[1] = by_param[param][0];
  f[2] = by_param[param][1];
  return param == BP_PARAM_W5 || param == BP_PARAM_W6 || param == BP_PARAM_B3 ? 2 : 3;
}

/* Parameters, inputs and every result rounded to three digits, products
 * taken of the rounded factors; the new parameters keep six digits, so
 * that a small step still shows. */
void
bp_worked_step_by_hand (const BpExplain *e,
                        BpWorkedStep    *s)
{
  *s = (BpWorkedStep) { .x0 = r3 (e->x0), .x1 = r3 (e->x1), .y = e->y_true,
                        .learning_rate = e->learning_rate };
  for (BpParam i = 0; i < BP_N_PARAMS; i++)
    bp_params_set (&s->p, i, r3 (bp_params_get (&e->before, i)));
  hand_forward (s);
  hand_partials (s);
  for (BpParam i = 0; i < BP_N_PARAMS; i++)
    {
      double f[3], g;
      guint n = bp_worked_step_factors (s, i, f);

      g = r3 (n == 2 ? f[0] * f[1] : f[0] * f[1] * f[2]);
      bp_params_set (&s->gradient, i, g);
      bp_params_set (&s->after, i,
                     bp_round_significant (bp_params_get (&s->p, i) - s->learning_rate * g, 6));
    }
}
