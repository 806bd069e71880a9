/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-tour.h: the numbers of the guided tour of the seeds' lesson
 *
 * Each step of the window's tour shows numbers that the seeds print or
 * work out by hand.  They are computed here with the network's own code,
 * the same as backprop-cli's, so that the text on screen can never drift
 * from what the network does.
 */
#pragma once

#include <glib.h>

#include "bp-explain.h"
#include "bp-network.h"
#include "bp-people.h"

G_BEGIN_DECLS

typedef enum
{
  BP_TOUR_NEURON,      /* one neuron: w = [0, 1], b = 4, x = [2, 3] */
  BP_TOUR_NETWORK,     /* every neuron w = [0, 1], b = 0 */
  BP_TOUR_DATA,        /* the four people, centred */
  BP_TOUR_LOSS,        /* MSE of "always 0", then of the network */
  BP_TOUR_BACKPROP,    /* ∂L/∂w1 for Alice, weights 1, biases 0 */
  BP_TOUR_SGD,         /* one SGD step on all nine parameters */
  BP_TOUR_TRAINING,    /* the seeds' console, Emily and Frank */
  BP_TOUR_CENTRING,    /* the same run on raw lb and in */
  BP_TOUR_N_STEPS
} BpTourStep;

/* Emily and Frank, whom the seeds classify after training (lb, in). */
#define BP_TOUR_EMILY_WEIGHT 128.0
#define BP_TOUR_EMILY_HEIGHT 63.0
#define BP_TOUR_FRANK_WEIGHT 155.0
#define BP_TOUR_FRANK_HEIGHT 68.0

/* The input of the seeds' first two examples, x = [2, 3]. */
#define BP_TOUR_X0 2.0
#define BP_TOUR_X1 3.0

/* One line of the seeds' console: "Epoch 10 loss: 0.177". */
typedef struct
{
  guint64 epoch;
  double  loss;
} BpTourLossLine;

void      bp_tour_neuron_params   (BpParams          *params);
void      bp_tour_network_params  (BpParams          *params);
void      bp_tour_example_params  (BpParams          *params);
void      bp_tour_forward         (const BpParams    *params,
                                   BpExplain         *out);
double    bp_tour_constant_mse    (const BpDataset   *data,
                                   double             prediction);
GArray   *bp_tour_train_console   (const BpParams    *initial,
                                   const BpDataset   *data,
                                   double             learning_rate,
                                   guint64            epochs,
                                   guint64            every,
                                   BpParams          *final_params);
char     *bp_tour_format_console  (const GArray      *lines,
                                   guint64            epochs_done);
double    bp_tour_classify        (const BpParams    *params,
                                   const BpNormalizer *norm,
                                   double             weight_lb,
                                   double             height_in);

G_END_DECLS
