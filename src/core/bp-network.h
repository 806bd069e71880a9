/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-network.h: the beginners' 2-2-1 sigmoid network of the seeds
 *
 * Every function here computes in the same order of floating-point
 * operations as the seeds' Python, so that the same start gives the same
 * parameters bit for bit (see README, "Exactness").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_N_PARAMS 9

typedef enum
{
  BP_PARAM_W1,
  BP_PARAM_W2,
  BP_PARAM_W3,
  BP_PARAM_W4,
  BP_PARAM_W5,
  BP_PARAM_W6,
  BP_PARAM_B1,
  BP_PARAM_B2,
  BP_PARAM_B3,
} BpParam;

/* The nine parameters, in the order the seeds draw them at random. */
typedef struct
{
  double w1, w2, w3, w4, w5, w6;
  double b1, b2, b3;
} BpParams;

/* Training inputs after normalisation: x0 is the weight input, x1 the
 * height input, y the target (1 = F, 0 = M). */
typedef struct
{
  guint   n;
  double *x0;
  double *x1;
  double *y;
} BpDataset;

/* Every intermediate of one SGD step on one person, named as in the seeds. */
typedef struct
{
  double x0, x1, y_true;
  double sum_h1, h1, sum_h2, h2, sum_o1, o1;
  double loss;
  double d_L_d_ypred;
  double d_ypred_d_w5, d_ypred_d_w6, d_ypred_d_b3;
  double d_ypred_d_h1, d_ypred_d_h2;
  double d_h1_d_w1, d_h1_d_w2, d_h1_d_b1;
  double d_h2_d_w3, d_h2_d_w4, d_h2_d_b2;
  BpParams gradient;
  BpParams before;
  BpParams after;
  double learning_rate;
} BpExplain;

/* Each partial derivative of one person's loss (y_true − o1)², by
 * backpropagation and by a central finite difference, and how far apart
 * the two are (see bp_network_gradient_check()). */
typedef struct
{
  BpParams backprop;
  BpParams numeric;
  BpParams relative_difference;
} BpGradientCheck;

const char *bp_param_name        (BpParam          param);
gboolean    bp_param_from_name   (const char      *name,
                                  BpParam         *param);
double      bp_params_get        (const BpParams  *params,
                                  BpParam          param);
void        bp_params_set        (BpParams        *params,
                                  BpParam          param,
                                  double           value);
gboolean    bp_params_all_finite (const BpParams  *params);
void        bp_params_from_seed  (BpParams        *params,
                                  guint32          seed);

double   bp_sigmoid              (double           x);
double   bp_network_feedforward  (const BpParams  *params,
                                  double           x0,
                                  double           x1);
double   bp_network_step         (BpParams        *params,
                                  double           x0,
                                  double           x1,
                                  double           y_true,
                                  double           learning_rate);
void     bp_network_explain      (const BpParams  *params,
                                  double           x0,
                                  double           x1,
                                  double           y_true,
                                  double           learning_rate,
                                  BpExplain       *out);
void     bp_network_gradient_check (const BpParams *params,
                                  double           x0,
                                  double           x1,
                                  double           y_true,
                                  BpGradientCheck *out);
double   bp_network_loss         (const BpParams  *params,
                                  const BpDataset *data);
double   bp_network_accuracy     (const BpParams  *params,
                                  const BpDataset *data);
void     bp_network_epoch        (BpParams        *params,
                                  const BpDataset *data,
                                  double           learning_rate);
guint64  bp_network_train        (BpParams        *params,
                                  const BpDataset *data,
                                  double           learning_rate,
                                  guint64          epochs,
                                  double          *losses);
guint64  bp_network_train_tracked (BpParams       *params,
                                  const BpDataset *data,
                                  const BpDataset *test,
                                  double           learning_rate,
                                  guint64          epochs,
                                  double          *losses,
                                  double          *test_losses);
guint64  bp_network_train_until  (BpParams        *params,
                                  const BpDataset *data,
                                  const BpDataset *test,
                                  double           learning_rate,
                                  guint64          epochs,
                                  double           target_loss,
                                  double          *losses,
                                  double          *test_losses);

BpDataset *bp_dataset_new        (guint            n);
void       bp_dataset_free       (BpDataset       *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpDataset, bp_dataset_free)

G_END_DECLS
