/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-network.c: feedforward, one SGD step, loss
 *
 * The arithmetic below is a transcription of the seeds' Python
 * (victorzhou's OurNeuralNetwork.train), operation for operation:
 * `learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1` evaluates left to
 * right, so the products shared between parameters are computed once
 * here, which rounds identically.  deriv_sigmoid(s) recomputes
 * sigmoid(s), the very value already held in h1, h2 or o1, so f·(1−f) of
 * that value is the same number.  Keep -ffp-contract=off in the build.
 */
#include "bp-network.h"
#include "bp-random.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

static const struct
{
  const char *name;
  size_t      offset;
} param_table[BP_N_PARAMS] = {
  { "w1", offsetof (BpParams, w1) },
  { "w2", offsetof (BpParams, w2) },
  { "w3", offsetof (BpParams, w3) },
  { "w4", offsetof (BpParams, w4) },
  { "w5", offsetof (BpParams, w5) },
  { "w6", offsetof (BpParams, w6) },
  { "b1", offsetof (BpParams, b1) },
  { "b2", offsetof (BpParams, b2) },
  { "b3", offsetof (BpParams, b3) },
};

const char *
bp_param_name (BpParam param)
{
  g_return_val_if_fail (param < BP_N_PARAMS, NULL);
  return param_table[param].name;
}

gboolean
bp_param_from_name (const char *name,
                    BpParam    *param)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    if (g_strcmp0 (name, param_table[i].name) == 0)
      {
        *param = i;
        return TRUE;
      }
  return FALSE;
}

double
bp_params_get (const BpParams *params,
               BpParam         param)
{
  double v;

  g_return_val_if_fail (param < BP_N_PARAMS, 0.0);
  memcpy (&v, (const char *) params + param_table[param].offset, sizeof v);
  return v;
}

void
bp_params_set (BpParams *params,
               BpParam   param,
               double    value)
{
  g_return_if_fail (param < BP_N_PARAMS);
  memcpy ((char *) params + param_table[param].offset, &value, sizeof value);
}

gboolean
bp_params_all_finite (const BpParams *p)
{
  return isfinite (p->w1) && isfinite (p->w2) && isfinite (p->w3) &&
         isfinite (p->w4) && isfinite (p->w5) && isfinite (p->w6) &&
         isfinite (p->b1) && isfinite (p->b2) && isfinite (p->b3);
}

/* The seeds draw w1..w6 then b1..b3 with np.random.normal(). */
void
bp_params_from_seed (BpParams *params,
                     guint32   seed)
{
  BpRandom rng;

  bp_random_init (&rng, seed);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    bp_params_set (params, i, bp_random_gauss (&rng));
}

/* 1 / (1 + e^-x): exp overflows to +inf for x < -709, giving exactly 0,
 * so the result is finite for every finite x. */
double
bp_sigmoid (double x)
{
  return 1.0 / (1.0 + exp (-x));
}

double
bp_network_feedforward (const BpParams *p,
                        double          x0,
                        double          x1)
{
  double h1 = bp_sigmoid (p->w1 * x0 + p->w2 * x1 + p->b1);
  double h2 = bp_sigmoid (p->w3 * x0 + p->w4 * x1 + p->b2);

  return bp_sigmoid (p->w5 * h1 + p->w6 * h2 + p->b3);
}

/* One SGD step of the seeds on one person; returns the output o1 the
 * step computed, which is bp_network_feedforward() of @p before it. */
double
bp_network_step (BpParams *p,
                 double    x0,
                 double    x1,
                 double    y_true,
                 double    learning_rate)
{
  double h1 = bp_sigmoid (p->w1 * x0 + p->w2 * x1 + p->b1);
  double h2 = bp_sigmoid (p->w3 * x0 + p->w4 * x1 + p->b2);
  double o1 = bp_sigmoid (p->w5 * h1 + p->w6 * h2 + p->b3);
  double d_o1 = o1 * (1 - o1);
  double d_h1 = h1 * (1 - h1);
  double d_h2 = h2 * (1 - h2);
  /* learn_rate * d_L_d_ypred, shared by all nine updates */
  double g = learning_rate * (-2 * (y_true - o1));
  double g_h1 = g * (p->w5 * d_o1);
  double g_h2 = g * (p->w6 * d_o1);

  p->w1 -= g_h1 * (x0 * d_h1);
  p->w2 -= g_h1 * (x1 * d_h1);
  p->b1 -= g_h1 * d_h1;
  p->w3 -= g_h2 * (x0 * d_h2);
  p->w4 -= g_h2 * (x1 * d_h2);
  p->b2 -= g_h2 * d_h2;
  p->w5 -= g * (h1 * d_o1);
  p->w6 -= g * (h2 * d_o1);
  p->b3 -= g * d_o1;
  return o1;
}

static void
explain_forward (const BpParams *p,
                 BpExplain      *e)
{
  e->sum_h1 = p->w1 * e->x0 + p->w2 * e->x1 + p->b1;
  e->h1 = bp_sigmoid (e->sum_h1);
  e->sum_h2 = p->w3 * e->x0 + p->w4 * e->x1 + p->b2;
  e->h2 = bp_sigmoid (e->sum_h2);
  e->sum_o1 = p->w5 * e->h1 + p->w6 * e->h2 + p->b3;
  e->o1 = bp_sigmoid (e->sum_o1);
  e->loss = (e->y_true - e->o1) * (e->y_true - e->o1);
}

static void
explain_partials (const BpParams *p,
                  BpExplain      *e)
{
  double d_o1 = e->o1 * (1 - e->o1);
  double d_h1 = e->h1 * (1 - e->h1);
  double d_h2 = e->h2 * (1 - e->h2);

  e->d_L_d_ypred = -2 * (e->y_true - e->o1);
  e->d_ypred_d_w5 = e->h1 * d_o1;
  e->d_ypred_d_w6 = e->h2 * d_o1;
  e->d_ypred_d_b3 = d_o1;
  e->d_ypred_d_h1 = p->w5 * d_o1;
  e->d_ypred_d_h2 = p->w6 * d_o1;
  e->d_h1_d_w1 = e->x0 * d_h1;
  e->d_h1_d_w2 = e->x1 * d_h1;
  e->d_h1_d_b1 = d_h1;
  e->d_h2_d_w3 = e->x0 * d_h2;
  e->d_h2_d_w4 = e->x1 * d_h2;
  e->d_h2_d_b2 = d_h2;
}

/* ∂L/∂θ by the chain rule, multiplied in the order the seeds write it. */
static void
explain_gradient (BpExplain *e)
{
  BpParams *g = &e->gradient;
  double l = e->d_L_d_ypred;

  g->w1 = l * e->d_ypred_d_h1 * e->d_h1_d_w1;
  g->w2 = l * e->d_ypred_d_h1 * e->d_h1_d_w2;
  g->b1 = l * e->d_ypred_d_h1 * e->d_h1_d_b1;
  g->w3 = l * e->d_ypred_d_h2 * e->d_h2_d_w3;
  g->w4 = l * e->d_ypred_d_h2 * e->d_h2_d_w4;
  g->b2 = l * e->d_ypred_d_h2 * e->d_h2_d_b2;
  g->w5 = l * e->d_ypred_d_w5;
  g->w6 = l * e->d_ypred_d_w6;
  g->b3 = l * e->d_ypred_d_b3;
}

void
bp_network_explain (const BpParams *params,
                    double          x0,
                    double          x1,
                    double          y_true,
                    double          learning_rate,
                    BpExplain      *out)
{
  memset (out, 0, sizeof *out);
  out->x0 = x0;
  out->x1 = x1;
  out->y_true = y_true;
  out->learning_rate = learning_rate;
  out->before = *params;
  explain_forward (params, out);
  explain_partials (params, out);
  explain_gradient (out);
  /* The update itself is the training step, so "after" is exactly what
   * training would produce. */
  out->after = *params;
  bp_network_step (&out->after, x0, x1, y_true, learning_rate);
}

/* ---- gradient check ------------------------------------------------------ */

/* The finite difference steps each parameter by GRADIENT_CHECK_STEP times
 * max(1, |θ|).  Its error has two parts: truncation, about h²·L‴/6, which
 * with inputs up to ±25 (Bob, normalised the seeds' way) stays near 1e-8
 * of the derivative; and rounding, about ε·L/h for the two losses.  The
 * losses are therefore computed in long double (ε ≈ 1e-19 on x86-64),
 * which puts the rounding near 1e-14: in double it would be 2e-11 and
 * swamp every derivative below about 1e-4. */
#define GRADIENT_CHECK_STEP 1e-5

/* Derivatives smaller than this are compared as if they were this large:
 * a saturated sigmoid gives partial derivatives of 1e-30 that no finite
 * difference can resolve, and their tiny absolute disagreement says
 * nothing about the calculus. */
#define GRADIENT_CHECK_FLOOR 1e-7

static long double
sigmoid_long (long double x)
{
  return 1.0L / (1.0L + expl (-x));
}

/* The person's loss, worked out independently of the double-precision
 * code above. */
static long double
loss_long (const BpParams *p,
           double          x0,
           double          x1,
           double          y_true)
{
  long double h1 = sigmoid_long ((long double) p->w1 * x0 + (long double) p->w2 * x1 + p->b1);
  long double h2 = sigmoid_long ((long double) p->w3 * x0 + (long double) p->w4 * x1 + p->b2);
  long double o1 = sigmoid_long ((long double) p->w5 * h1 + (long double) p->w6 * h2 + p->b3);

  return (y_true - o1) * (y_true - o1);
}

/* (L(θ + h) − L(θ − h)) / 2h, dividing by the distance between the two
 * points as rounded to double, which is what the losses were taken at. */
static double
numeric_partial (const BpParams *params,
                 BpParam         param,
                 double          x0,
                 double          x1,
                 double          y_true)
{
  BpParams p = *params;
  double theta = bp_params_get (params, param);
  double h = GRADIENT_CHECK_STEP * MAX (1.0, fabs (theta));
  double plus = theta + h;
  double minus = theta - h;
  long double l_plus, l_minus;

  bp_params_set (&p, param, plus);
  l_plus = loss_long (&p, x0, x1, y_true);
  bp_params_set (&p, param, minus);
  l_minus = loss_long (&p, x0, x1, y_true);
  return (double) ((l_plus - l_minus) / ((long double) plus - minus));
}

static double
relative_difference (double a,
                     double b)
{
  return fabs (a - b) / MAX (MAX (fabs (a), fabs (b)), GRADIENT_CHECK_FLOOR);
}

/* Checks backpropagation against the definition of the derivative: for
 * each parameter, the partial derivative of bp_network_explain() beside a
 * central finite difference, and |backprop − numeric| divided by the
 * larger of the two (or by 1e-7, when both are smaller).  Agreement is to
 * about 1e-7 or better; a wrong chain rule is off by far more. */
void
bp_network_gradient_check (const BpParams  *params,
                           double           x0,
                           double           x1,
                           double           y_true,
                           BpGradientCheck *out)
{
  BpExplain e;

  bp_network_explain (params, x0, x1, y_true, 0, &e);
  out->backprop = e.gradient;
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      double b = bp_params_get (&e.gradient, i);
      double n = numeric_partial (params, i, x0, x1, y_true);

      bp_params_set (&out->numeric, i, n);
      bp_params_set (&out->relative_difference, i, relative_difference (b, n));
    }
}

/* MSE as numpy's ((y_true - y_pred) ** 2).mean() computes it for fewer
 * than eight people: a running sum from zero, then one division. */
double
bp_network_loss (const BpParams  *params,
                 const BpDataset *data)
{
  double sum = 0.0;

  if (data->n == 0)
    return 0.0;
  for (guint i = 0; i < data->n; i++)
    {
      double d = data->y[i] - bp_network_feedforward (params, data->x0[i], data->x1[i]);
      sum += d * d;
    }
  return sum / data->n;
}

/* A person counts as classified right when the output is on their side of
 * 0.5 (0.5 itself reads as F, like the app's verdict). */
double
bp_network_accuracy (const BpParams  *params,
                     const BpDataset *data)
{
  guint right = 0;

  if (data->n == 0)
    return 0.0;
  for (guint i = 0; i < data->n; i++)
    {
      double o = bp_network_feedforward (params, data->x0[i], data->x1[i]);
      right += (o >= 0.5) == (data->y[i] >= 0.5);
    }
  return (double) right / data->n;
}

void
bp_network_epoch (BpParams        *params,
                  const BpDataset *data,
                  double           learning_rate)
{
  for (guint i = 0; i < data->n; i++)
    bp_network_step (params, data->x0[i], data->x1[i], data->y[i], learning_rate);
}

/* One epoch of training on @params that also returns the MSE of @before,
 * the parameters the epoch starts from.  Each forward pass of the loss
 * sits beside the training step on the same person but depends only on
 * @before, so the processor runs it in the gaps of the step's dependency
 * chain (two sigmoids deep) instead of after it: the loss of every epoch
 * costs little more than none.  The sum runs in the same order as
 * bp_network_loss(), so the value is the same to the bit. */
static double
epoch_with_loss (BpParams        *params,
                 const BpParams  *before,
                 const BpDataset *data,
                 double           learning_rate)
{
  double sum = 0.0;

  for (guint i = 0; i < data->n; i++)
    {
      /* The first step starts from @before itself: its output, the same
       * operations on the same numbers, is the loss pass's, and costs no
       * second forward pass. */
      double o1 = i > 0 ? bp_network_feedforward (before, data->x0[i], data->x1[i]) : 0.0;
      double stepped = bp_network_step (params, data->x0[i], data->x1[i], data->y[i], learning_rate);
      double d = data->y[i] - (i > 0 ? o1 : stepped);

      sum += d * d;
    }
  return data->n > 0 ? sum / data->n : 0.0;
}

static guint64
train_untracked (BpParams        *params,
                 const BpDataset *data,
                 double           learning_rate,
                 guint64          epochs)
{
  for (guint64 e = 0; e < epochs; e++)
    {
      bp_network_epoch (params, data, learning_rate);
      if (!bp_params_all_finite (params))
        return e + 1;
    }
  return epochs;
}

static void
track_epoch (const BpParams  *params,
             const BpDataset *test,
             double           loss,
             guint64          e,
             double          *losses,
             double          *test_losses)
{
  losses[e] = loss;
  if (test != NULL)
    test_losses[e] = bp_network_loss (params, test);
}

/* Like bp_network_train() with @losses, and with @test (may be NULL) the
 * test MSE after each epoch in @test_losses.  The loss of epoch e is
 * computed while epoch e + 1 trains (see epoch_with_loss()); when it turns
 * out not to be finite, or below @target_loss, the parameters are put back
 * to where epoch e left them, so the run still ends exactly after that
 * epoch, as if it had been asked for e + 1 epochs.  A @target_loss of 0
 * stops nothing: no loss is below it.  Returns the epochs run; the caller
 * tells a reached target from the end by losses[ran − 1] < @target_loss. */
guint64
bp_network_train_until (BpParams        *params,
                        const BpDataset *data,
                        const BpDataset *test,
                        double           learning_rate,
                        guint64          epochs,
                        double           target_loss,
                        double          *losses,
                        double          *test_losses)
{
  BpParams before;

  for (guint64 e = 0; e < epochs; e++)
    {
      if (e == 0)
        bp_network_epoch (params, data, learning_rate);
      else
        {
          before = *params;
          track_epoch (&before, test, epoch_with_loss (params, &before, data, learning_rate),
                       e - 1, losses, test_losses);
          if (!isfinite (losses[e - 1]) || losses[e - 1] < target_loss)
            {
              *params = before;
              return e;
            }
        }
      if (!bp_params_all_finite (params))
        {
          track_epoch (params, test, bp_network_loss (params, data), e, losses, test_losses);
          return e + 1;
        }
    }
  if (epochs > 0)
    track_epoch (params, test, bp_network_loss (params, data), epochs - 1, losses, test_losses);
  return epochs;
}

guint64
bp_network_train_tracked (BpParams        *params,
                          const BpDataset *data,
                          const BpDataset *test,
                          double           learning_rate,
                          guint64          epochs,
                          double          *losses,
                          double          *test_losses)
{
  return bp_network_train_until (params, data, test, learning_rate, epochs, 0.0,
                                 losses, test_losses);
}

/* Runs up to @epochs epochs; with @losses, stores the MSE after each.
 * Stops after the first epoch that leaves a non-finite parameter or loss
 * and returns how many epochs ran. */
guint64
bp_network_train (BpParams        *params,
                  const BpDataset *data,
                  double           learning_rate,
                  guint64          epochs,
                  double          *losses)
{
  if (losses == NULL)
    return train_untracked (params, data, learning_rate, epochs);
  return bp_network_train_tracked (params, data, NULL, learning_rate, epochs, losses, NULL);
}

BpDataset *
bp_dataset_new (guint n)
{
  BpDataset *data = g_new0 (BpDataset, 1);

  data->n = n;
  data->x0 = g_new0 (double, n);
  data->x1 = g_new0 (double, n);
  data->y = g_new0 (double, n);
  return data;
}

void
bp_dataset_free (BpDataset *data)
{
  if (data == NULL)
    return;
  g_free (data->x0);
  g_free (data->x1);
  g_free (data->y);
  g_free (data);
}
