/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-tour.c: the numbers of the guided tour of the seeds' lesson
 *
 * The seeds' first two examples are neurons with w = [0, 1]; the 2-2-1
 * network holds them as h1 (w1, w2, b1), h2 (w3, w4, b2) and o1 (w5, w6,
 * b3), so the tour puts them there and lets the network compute them.
 */
#include "config.h"

#include <math.h>

#include "bp-tour.h"

/* Every neuron of the network w = [0, 1], b = 0: the seeds' second
 * example, o1 = f(h2) = 0.7216325609518421 for x = [2, 3]. */
void
bp_tour_network_params (BpParams *params)
{
  *params = (BpParams) { .w1 = 0, .w2 = 1, .w3 = 0, .w4 = 1, .w5 = 0, .w6 = 1,
                         .b1 = 0, .b2 = 0, .b3 = 0 };
}

/* The seeds' first neuron, w = [0, 1], b = 4, as h1 of that network:
 * h1 = f(7) = 0.9990889488055994 for x = [2, 3]. */
void
bp_tour_neuron_params (BpParams *params)
{
  bp_tour_network_params (params);
  params->b1 = 4;
}

/* The seeds' worked example of backpropagation: weights 1, biases 0. */
void
bp_tour_example_params (BpParams *params)
{
  *params = (BpParams) { 1, 1, 1, 1, 1, 1, 0, 0, 0 };
}

/* The forward pass of @params on x = [2, 3], every sum and activation. */
void
bp_tour_forward (const BpParams *params,
                 BpExplain      *out)
{
  bp_network_explain (params, BP_TOUR_X0, BP_TOUR_X1, 1.0, 0.0, out);
}

/* The MSE of a network that answers @prediction for everybody, summed in
 * the people's order and divided as numpy's mean() does for so few:
 * the seeds' "always 0" gives (1 + 0 + 0 + 1) / 4 = 0.5. */
double
bp_tour_constant_mse (const BpDataset *data,
                      double           prediction)
{
  double sum = 0.0;

  if (data->n == 0)
    return 0.0;
  for (guint i = 0; i < data->n; i++)
    {
      double d = data->y[i] - prediction;

      sum += d * d;
    }
  return sum / data->n;
}

/* Trains a copy of @initial as backprop-cli train does, in spans between
 * the epochs whose loss the seeds print (e % @every == 0, counting from
 * 0), and returns those lines; the same run gives the same losses bit for
 * bit.  A diverged run ends the lines where it diverged. */
GArray *
bp_tour_train_console (const BpParams  *initial,
                       const BpDataset *data,
                       double           learning_rate,
                       guint64          epochs,
                       guint64          every,
                       BpParams        *final_params)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (BpTourLossLine));
  BpParams params = *initial;
  guint64 done = 0;

  g_return_val_if_fail (every > 0, lines);

  while (done < epochs)
    {
      guint64 next_print = (done + every - 1) / every * every;
      guint64 span = MIN (next_print + 1, epochs) - done;
      guint64 ran = bp_network_train (&params, data, learning_rate, span, NULL);
      double loss;

      done += ran;
      loss = bp_network_loss (&params, data);
      if (ran < span || !isfinite (loss) || !bp_params_all_finite (&params))
        break;
      if ((done - 1) % every == 0)
        {
          BpTourLossLine line = { done - 1, loss };

          g_array_append_val (lines, line);
        }
    }
  if (final_params != NULL)
    *final_params = params;
  return lines;
}

/* The lines of @lines for the epochs done so far, as the seeds print
 * them: "Epoch 0 loss: 0.242", a dot whatever the locale, as Python. */
char *
bp_tour_format_console (const GArray *lines,
                        guint64       epochs_done)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const BpTourLossLine *line = &g_array_index (lines, BpTourLossLine, i);
      char loss[G_ASCII_DTOSTR_BUF_SIZE];

      if (line->epoch >= epochs_done)
        break;
      g_ascii_formatd (loss, sizeof loss, "%.3f", line->loss);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "Epoch %" G_GUINT64_FORMAT " loss: %s", line->epoch, loss);
    }
  return g_string_free (text, FALSE);
}

/* The network's answer for someone of @weight_lb and @height_in, their
 * inputs made as the run's people's were: Emily and Frank. */
double
bp_tour_classify (const BpParams     *params,
                  const BpNormalizer *norm,
                  double              weight_lb,
                  double              height_in)
{
  double x0, x1;

  bp_normalizer_apply (norm, weight_lb, height_in, &x0, &x1);
  return bp_network_feedforward (params, x0, x1);
}
