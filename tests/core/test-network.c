/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-network.c: the network against the seeds' published numbers and
 * against a separate, literal transcription of the seeds' Python
 *
 * The reference below (ref_*) is written straight from
 * OurNeuralNetwork.train without sharing anything with bp-network.c, so a
 * reordering of the core's floating-point operations shows up as a
 * difference in the last bit.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "bp-network.h"
#include "bp-people.h"
#include "bp-random.h"

/* ---- the seeds' Python, line for line ---------------------------------- */

typedef struct
{
  double w1, w2, w3, w4, w5, w6;
  double b1, b2, b3;
} RefNet;

static double
ref_sigmoid (double x)
{
  return 1 / (1 + exp (-x));
}

static double
ref_deriv_sigmoid (double x)
{
  double fx = ref_sigmoid (x);

  return fx * (1 - fx);
}

static double
ref_feedforward (const RefNet *n,
                 const double  x[2])
{
  double h1 = ref_sigmoid (n->w1 * x[0] + n->w2 * x[1] + n->b1);
  double h2 = ref_sigmoid (n->w3 * x[0] + n->w4 * x[1] + n->b2);

  return ref_sigmoid (n->w5 * h1 + n->w6 * h2 + n->b3);
}

/* The body of `for x, y_true in zip(data, all_y_trues):`. */
static void
ref_train_one (RefNet       *n,
               const double  x[2],
               double        y_true,
               double        learn_rate)
{
  double sum_h1 = n->w1 * x[0] + n->w2 * x[1] + n->b1;
  double h1 = ref_sigmoid (sum_h1);
  double sum_h2 = n->w3 * x[0] + n->w4 * x[1] + n->b2;
  double h2 = ref_sigmoid (sum_h2);
  double sum_o1 = n->w5 * h1 + n->w6 * h2 + n->b3;
  double o1 = ref_sigmoid (sum_o1);
  double y_pred = o1;

  double d_L_d_ypred = -2 * (y_true - y_pred);

  double d_ypred_d_w5 = h1 * ref_deriv_sigmoid (sum_o1);
  double d_ypred_d_w6 = h2 * ref_deriv_sigmoid (sum_o1);
  double d_ypred_d_b3 = ref_deriv_sigmoid (sum_o1);

  double d_ypred_d_h1 = n->w5 * ref_deriv_sigmoid (sum_o1);
  double d_ypred_d_h2 = n->w6 * ref_deriv_sigmoid (sum_o1);

  double d_h1_d_w1 = x[0] * ref_deriv_sigmoid (sum_h1);
  double d_h1_d_w2 = x[1] * ref_deriv_sigmoid (sum_h1);
  double d_h1_d_b1 = ref_deriv_sigmoid (sum_h1);

  double d_h2_d_w3 = x[0] * ref_deriv_sigmoid (sum_h2);
  double d_h2_d_w4 = x[1] * ref_deriv_sigmoid (sum_h2);
  double d_h2_d_b2 = ref_deriv_sigmoid (sum_h2);

  n->w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1;
  n->w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2;
  n->b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1;

  n->w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3;
  n->w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4;
  n->b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2;

  n->w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5;
  n->w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6;
  n->b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3;
}

/* ((y_true - y_pred) ** 2).mean() for fewer than eight samples. */
static double
ref_mse (const RefNet  *n,
         double       (*data)[2],
         const double  *y,
         guint          count)
{
  double sum = 0;

  for (guint i = 0; i < count; i++)
    {
      double d = y[i] - ref_feedforward (n, data[i]);
      sum += d * d;
    }
  return sum / count;
}

/* ---- helpers ------------------------------------------------------------ */

static RefNet
ref_from_params (const BpParams *p)
{
  return (RefNet) { p->w1, p->w2, p->w3, p->w4, p->w5, p->w6, p->b1, p->b2, p->b3 };
}

/* Bit-for-bit equality (== would let 0.0 and -0.0 pass as equal). */
static void
assert_same_bits (double a,
                  double b)
{
  if (memcmp (&a, &b, sizeof a) != 0)
    g_error ("%.17g and %.17g differ in their bits", a, b);
}

static void
assert_params_equal_ref (const BpParams *p,
                         const RefNet   *n)
{
  assert_same_bits (p->w1, n->w1);
  assert_same_bits (p->w2, n->w2);
  assert_same_bits (p->w3, n->w3);
  assert_same_bits (p->w4, n->w4);
  assert_same_bits (p->w5, n->w5);
  assert_same_bits (p->w6, n->w6);
  assert_same_bits (p->b1, n->b1);
  assert_same_bits (p->b2, n->b2);
  assert_same_bits (p->b3, n->b3);
}

static void
assert_params_equal (const BpParams *a,
                     const BpParams *b)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    assert_same_bits (bp_params_get (a, i), bp_params_get (b, i));
}

static BpDataset *
seed_dataset (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpNormalizer norm;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  return bp_people_to_dataset (people, &norm);
}

static BpParams
all_weights (double w,
             double b)
{
  return (BpParams) { w, w, w, w, w, w, b, b, b };
}

/* ---- the seeds' published numbers ------------------------------------- */

/* Section 1: one neuron, w = [0, 1], b = 4, x = [2, 3] → sigmoid(7).  The
 * network's h1 is exactly such a neuron. */
static void
test_neuron (void)
{
  BpParams p = { .w1 = 0, .w2 = 1, .b1 = 4 };
  BpExplain e;

  g_assert_cmpfloat (bp_sigmoid (7), ==, 0.9990889488055994);
  bp_network_explain (&p, 2, 3, 1, 0.1, &e);
  g_assert_cmpfloat (e.sum_h1, ==, 7);
  g_assert_cmpfloat (e.h1, ==, 0.9990889488055994);
}

/* Section 2: every neuron w = [0, 1], b = 0, x = [2, 3]. */
static void
test_feedforward_published (void)
{
  BpParams p = { .w1 = 0, .w2 = 1, .w3 = 0, .w4 = 1, .w5 = 0, .w6 = 1 };

  g_assert_cmpfloat (bp_network_feedforward (&p, 2, 3), ==, 0.7216325609518421);
}

/* Section 3: a network that always says 0 has an MSE of 0.5 on the seed
 * people.  exp(1000) overflows to +inf, so sigmoid(-1000) is exactly 0. */
static void
test_mse_published (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpParams zero = { .b3 = -1000 };
  BpParams one = { .b3 = 1000 };

  for (guint i = 0; i < data->n; i++)
    g_assert_cmpfloat (bp_network_feedforward (&zero, data->x0[i], data->x1[i]), ==, 0.0);
  g_assert_cmpfloat (data->y[0], ==, 1);
  g_assert_cmpfloat (data->y[1], ==, 0);
  g_assert_cmpfloat (data->y[2], ==, 0);
  g_assert_cmpfloat (data->y[3], ==, 1);
  g_assert_cmpfloat (bp_network_loss (&zero, data), ==, 0.5);
  /* Always 1 is wrong about the two men: also 0.5. */
  g_assert_cmpfloat (bp_network_feedforward (&one, 7, 7), ==, 1.0);
  g_assert_cmpfloat (bp_network_loss (&one, data), ==, 0.5);
}

static void
test_mse_formula (void)
{
  g_autoptr(BpDataset) data = bp_dataset_new (3);
  g_autoptr(BpDataset) empty = bp_dataset_new (0);
  BpParams p = { .b3 = -1000 };

  /* Outputs are 0, so the loss is the mean of y². */
  data->y[0] = 0.5;
  data->y[1] = 0.25;
  data->y[2] = 1;
  g_assert_cmpfloat (bp_network_loss (&p, data), ==, (0.25 + 0.0625 + 1) / 3);
  g_assert_cmpfloat (bp_network_loss (&p, empty), ==, 0.0);
}

static void
assert_near (double      value,
             double      printed,
             double      last_digit,
             const char *what)
{
  if (fabs (value - printed) > last_digit)
    g_error ("%s = %.17g is not %g as printed in the seeds", what, value, printed);
}

/* Section 4: one step on Alice, weights 1 and biases 0, as worked out by
 * hand in the seeds (which truncate, so a tolerance of one unit in the last
 * printed digit). */
static void
test_worked_example (void)
{
  BpParams p = all_weights (1, 0);
  BpParams stepped = p;
  BpExplain e;

  bp_network_explain (&p, -2, -1, 1, 0.1, &e);
  assert_near (e.h1, 0.0474, 1e-4, "h1");
  assert_near (e.h2, 0.0474, 1e-4, "h2");
  assert_near (e.o1, 0.524, 1e-3, "o1");
  assert_near (e.d_L_d_ypred, -0.952, 1e-3, "d_L_d_ypred");
  assert_near (e.d_ypred_d_h1, 0.249, 1e-3, "d_ypred_d_h1");
  assert_near (e.d_h1_d_w1, -0.0904, 1e-4, "d_h1_d_w1");
  assert_near (e.gradient.w1, 0.0214, 1e-4, "dL/dw1");
  g_assert_cmpfloat (e.gradient.w1, >, 0);
  g_assert_cmpfloat (e.sum_h1, ==, -3);
  g_assert_cmpfloat (e.loss, ==, (1 - e.o1) * (1 - e.o1));
  assert_params_equal (&e.before, &p);

  /* "after" is the training step itself, bit for bit; the output the
   * step returns is the forward pass before it, which the tracked loss
   * of the first person relies on. */
  g_assert_cmpfloat (bp_network_step (&stepped, -2, -1, 1, 0.1), ==, bp_network_feedforward (&p, -2, -1));
  assert_params_equal (&e.after, &stepped);
  g_assert_cmpfloat (e.after.w1, <, 1);
}

/* Every intermediate of explain equals the Python's variable of that name. */
static void
check_explain_against_ref (const BpParams *p,
                           double          x0,
                           double          x1,
                           double          y,
                           double          lr)
{
  double x[2] = { x0, x1 };
  RefNet n = ref_from_params (p);
  BpExplain e;
  double sum_h1 = p->w1 * x0 + p->w2 * x1 + p->b1;
  double sum_h2 = p->w3 * x0 + p->w4 * x1 + p->b2;
  double h1 = ref_sigmoid (sum_h1), h2 = ref_sigmoid (sum_h2);
  double sum_o1 = p->w5 * h1 + p->w6 * h2 + p->b3;
  double o1 = ref_sigmoid (sum_o1);
  double dl = -2 * (y - o1);

  bp_network_explain (p, x0, x1, y, lr, &e);
  assert_same_bits (e.sum_h1, sum_h1);
  assert_same_bits (e.h1, h1);
  assert_same_bits (e.sum_h2, sum_h2);
  assert_same_bits (e.h2, h2);
  assert_same_bits (e.sum_o1, sum_o1);
  assert_same_bits (e.o1, o1);
  assert_same_bits (e.d_L_d_ypred, dl);
  assert_same_bits (e.d_ypred_d_w5, h1 * ref_deriv_sigmoid (sum_o1));
  assert_same_bits (e.d_ypred_d_w6, h2 * ref_deriv_sigmoid (sum_o1));
  assert_same_bits (e.d_ypred_d_b3, ref_deriv_sigmoid (sum_o1));
  assert_same_bits (e.d_ypred_d_h1, p->w5 * ref_deriv_sigmoid (sum_o1));
  assert_same_bits (e.d_ypred_d_h2, p->w6 * ref_deriv_sigmoid (sum_o1));
  assert_same_bits (e.d_h1_d_w1, x0 * ref_deriv_sigmoid (sum_h1));
  assert_same_bits (e.d_h1_d_w2, x1 * ref_deriv_sigmoid (sum_h1));
  assert_same_bits (e.d_h1_d_b1, ref_deriv_sigmoid (sum_h1));
  assert_same_bits (e.d_h2_d_w3, x0 * ref_deriv_sigmoid (sum_h2));
  assert_same_bits (e.d_h2_d_w4, x1 * ref_deriv_sigmoid (sum_h2));
  assert_same_bits (e.d_h2_d_b2, ref_deriv_sigmoid (sum_h2));
  assert_same_bits (e.gradient.w1, dl * e.d_ypred_d_h1 * e.d_h1_d_w1);
  assert_same_bits (e.gradient.b2, dl * e.d_ypred_d_h2 * e.d_h2_d_b2);
  assert_same_bits (e.gradient.w6, dl * e.d_ypred_d_w6);
  assert_same_bits (e.learning_rate, lr);
  ref_train_one (&n, x, y, lr);
  assert_params_equal_ref (&e.after, &n);
}

static BpParams
random_params (double range)
{
  BpParams p;

  for (guint i = 0; i < BP_N_PARAMS; i++)
    bp_params_set (&p, i, g_test_rand_double_range (-range, range));
  return p;
}

static void
test_explain_matches_python (void)
{
  for (guint i = 0; i < 500; i++)
    {
      BpParams p = random_params (4);

      check_explain_against_ref (&p, g_test_rand_double_range (-40, 40),
                                 g_test_rand_double_range (-15, 15),
                                 g_test_rand_bit () ? 1 : 0,
                                 g_test_rand_double_range (0.001, 2));
    }
}

/* ---- parameters -------------------------------------------------------- */

static void
test_param_names (void)
{
  static const char * const names[] = { "w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3" };
  static const char * const bad[] = { "w7", "", "W1", "w1 ", "b0", "w" };
  BpParam param = BP_PARAM_W1;

  g_assert_cmpint (G_N_ELEMENTS (names), ==, BP_N_PARAMS);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      g_assert_cmpstr (bp_param_name (i), ==, names[i]);
      g_assert_true (bp_param_from_name (names[i], &param));
      g_assert_cmpint (param, ==, i);
    }
  g_assert_cmpint (BP_PARAM_B3, ==, BP_N_PARAMS - 1);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      param = BP_PARAM_W5;
      g_assert_false (bp_param_from_name (bad[i], &param));
      g_assert_cmpint (param, ==, BP_PARAM_W5);
    }
  g_assert_false (bp_param_from_name (NULL, &param));
}

static void
test_params_get_set (void)
{
  BpParams p = { 0 };

  for (guint i = 0; i < BP_N_PARAMS; i++)
    bp_params_set (&p, i, 10.0 * (i + 1) + 0.5);
  g_assert_cmpfloat (p.w1, ==, 10.5);
  g_assert_cmpfloat (p.w2, ==, 20.5);
  g_assert_cmpfloat (p.w3, ==, 30.5);
  g_assert_cmpfloat (p.w4, ==, 40.5);
  g_assert_cmpfloat (p.w5, ==, 50.5);
  g_assert_cmpfloat (p.w6, ==, 60.5);
  g_assert_cmpfloat (p.b1, ==, 70.5);
  g_assert_cmpfloat (p.b2, ==, 80.5);
  g_assert_cmpfloat (p.b3, ==, 90.5);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    g_assert_cmpfloat (bp_params_get (&p, i), ==, 10.0 * (i + 1) + 0.5);
  p.b2 = -0.25;
  g_assert_cmpfloat (bp_params_get (&p, BP_PARAM_B2), ==, -0.25);
}

static void
test_params_all_finite (void)
{
  const double bad[] = { NAN, INFINITY, -INFINITY };

  for (guint i = 0; i < BP_N_PARAMS; i++)
    for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
      {
        BpParams p = all_weights (DBL_MAX, -DBL_MAX);

        g_assert_true (bp_params_all_finite (&p));
        bp_params_set (&p, i, bad[k]);
        g_assert_false (bp_params_all_finite (&p));
      }
}

/* ---- random numbers ---------------------------------------------------- */

/* np.random.seed(1); [np.random.normal() for _ in range(9)] */
static void
test_seed_one (void)
{
  const double numpy[BP_N_PARAMS] = {
    1.6243453636632417, -0.6117564136500754, -0.5281717522634557,
    -1.0729686221561705, 0.8654076293246785, -2.3015386968802827,
    1.74481176421648, -0.7612069008951028, 0.31903909605709857,
  };
  BpParams p;

  bp_params_from_seed (&p, 1);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    assert_same_bits (bp_params_get (&p, i), numpy[i]);
}

/* MT19937's published check values: the first output for seed 5489, and
 * the 10000th (the C++ standard's requirement on std::mt19937). */
static void
test_mersenne_twister (void)
{
  BpRandom rng;
  guint32 v = 0;

  bp_random_init (&rng, 5489);
  g_assert_cmpuint (bp_random_next32 (&rng), ==, 3499211612U);
  bp_random_init (&rng, 5489);
  for (guint i = 0; i < 10000; i++)
    v = bp_random_next32 (&rng);
  g_assert_cmpuint (v, ==, 4123659995U);
}

static void
test_random_ranges (void)
{
  BpRandom rng;
  double sum = 0, sq = 0;
  const guint n = 200000;

  bp_random_init (&rng, 12345);
  for (guint i = 0; i < 1000; i++)
    {
      double u = bp_random_double (&rng);

      g_assert_cmpfloat (u, >=, 0);
      g_assert_cmpfloat (u, <, 1);
    }
  for (guint i = 0; i < n; i++)
    {
      double z = bp_random_gauss (&rng);

      sum += z;
      sq += z * z;
    }
  /* Mean 0 and variance 1 to well within sampling error (σ/√n ≈ 0.002). */
  g_assert_cmpfloat (fabs (sum / n), <, 0.02);
  g_assert_cmpfloat (fabs (sq / n - 1), <, 0.03);
}

static void
test_seed_deterministic (void)
{
  BpParams a, b, c;

  bp_params_from_seed (&a, 4294967295U);
  bp_params_from_seed (&b, 4294967295U);
  bp_params_from_seed (&c, 0);
  assert_params_equal (&a, &b);
  g_assert_cmpfloat (a.w1, !=, c.w1);
  g_assert_true (bp_params_all_finite (&c));
}

/* ---- training ---------------------------------------------------------- */

/* bp_network_train against the reference on one random problem. */
static void
check_training_case (guint n)
{
  double x[8][2], y[8];
  g_autoptr(BpDataset) data = bp_dataset_new (n);
  gboolean integers = g_test_rand_bit ();
  BpParams p = random_params (g_test_rand_double_range (0.1, 3));
  RefNet ref = ref_from_params (&p);
  double lr = g_test_rand_double_range (0.001, 1.5);
  guint epochs = g_test_rand_int_range (1, 120);
  g_autofree double *losses = g_new (double, epochs);

  for (guint i = 0; i < n; i++)
    {
      x[i][0] = integers ? g_test_rand_int_range (-40, 40) : g_test_rand_double_range (-40, 40);
      x[i][1] = integers ? g_test_rand_int_range (-15, 15) : g_test_rand_double_range (-15, 15);
      y[i] = g_test_rand_bit ();
      data->x0[i] = x[i][0];
      data->x1[i] = x[i][1];
      data->y[i] = y[i];
    }
  g_assert_cmpuint (bp_network_train (&p, data, lr, epochs, losses), ==, epochs);
  for (guint e = 0; e < epochs; e++)
    {
      for (guint i = 0; i < n; i++)
        ref_train_one (&ref, x[i], y[i], lr);
      assert_same_bits (losses[e], ref_mse (&ref, x, y, n));
    }
  assert_params_equal_ref (&p, &ref);
}

static gboolean
ref_all_finite (const RefNet *n)
{
  return isfinite (n->w1) && isfinite (n->w2) && isfinite (n->w3) && isfinite (n->w4) &&
         isfinite (n->w5) && isfinite (n->w6) && isfinite (n->b1) && isfinite (n->b2) &&
         isfinite (n->b3);
}

/* Equal bits, or both NaN (a NaN's sign and payload carry no meaning). */
static void
assert_same_value (double a,
                   double b)
{
  if (!(isnan (a) && isnan (b)))
    assert_same_bits (a, b);
}

static void
random_samples (double (*x)[2],
                double  *y,
                guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      x[i][0] = g_test_rand_double_range (-40, 40);
      x[i][1] = g_test_rand_double_range (-15, 15);
      y[i] = g_test_rand_bit ();
    }
}

static BpDataset *
dataset_of (double      (*x)[2],
            const double *y,
            guint         n)
{
  BpDataset *data = bp_dataset_new (n);

  for (guint i = 0; i < n; i++)
    {
      data->x0[i] = x[i][0];
      data->x1[i] = x[i][1];
      data->y[i] = y[i];
    }
  return data;
}

/* bp_network_train_tracked against the reference, learning rates that
 * overflow included: both stop after the first epoch that leaves a
 * non-finite parameter or training loss, with the same losses. */
static guint
check_tracked_case (void)
{
  const double huge[] = { 1e200, 1e300, 1e305, 1e308, 1.7e308 };
  double x[8][2], y[8], tx[8][2], ty[8];
  guint n = g_test_rand_int_range (1, 8), tn = g_test_rand_int_range (0, 8);
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(BpDataset) test = NULL;
  BpParams p = random_params (g_test_rand_double_range (0.1, 3));
  RefNet ref = ref_from_params (&p);
  double lr = g_test_rand_bit () ? g_test_rand_double_range (0.001, 1.5)
                                 : huge[g_test_rand_int_range (0, G_N_ELEMENTS (huge))];
  guint epochs = g_test_rand_int_range (1, 60);
  g_autofree double *losses = g_new (double, epochs);
  g_autofree double *test_losses = g_new (double, epochs);
  guint ran, ref_ran = epochs;

  random_samples (x, y, n);
  random_samples (tx, ty, tn);
  data = dataset_of (x, y, n);
  test = tn > 0 ? dataset_of (tx, ty, tn) : NULL;
  ran = bp_network_train_tracked (&p, data, test, lr, epochs, losses, test_losses);
  for (guint e = 0; e < epochs; e++)
    {
      double loss;

      for (guint i = 0; i < n; i++)
        ref_train_one (&ref, x[i], y[i], lr);
      loss = ref_mse (&ref, x, y, n);
      g_assert_cmpuint (e, <, ran);
      assert_same_value (losses[e], loss);
      if (tn > 0)
        assert_same_value (test_losses[e], ref_mse (&ref, tx, ty, tn));
      if (!isfinite (loss) || !ref_all_finite (&ref))
        {
          ref_ran = e + 1;
          break;
        }
    }
  g_assert_cmpuint (ran, ==, ref_ran);
  assert_same_value (p.w1, ref.w1);
  assert_same_value (p.w2, ref.w2);
  assert_same_value (p.w3, ref.w3);
  assert_same_value (p.w4, ref.w4);
  assert_same_value (p.w5, ref.w5);
  assert_same_value (p.w6, ref.w6);
  assert_same_value (p.b1, ref.b1);
  assert_same_value (p.b2, ref.b2);
  assert_same_value (p.b3, ref.b3);
  return ran < epochs;
}

static void
test_train_tracked (void)
{
  guint cases = g_test_thorough () ? 20000 : 1000;
  guint stopped = 0;

  for (guint c = 0; c < cases; c++)
    stopped += check_tracked_case ();
  /* Both ways of ending were exercised. */
  g_test_message ("%u of %u runs stopped early", stopped, cases);
  g_assert_cmpuint (stopped, >, cases / 20);
  g_assert_cmpuint (stopped, <, cases);
}

static void
test_train_matches_python (void)
{
  guint cases = g_test_thorough () ? 5000 : 300;

  for (guint c = 0; c < cases; c++)
    check_training_case (g_test_rand_int_range (1, 8));
}

/* The seeds' own run: four people, learning rate 0.1, 1000 epochs, from
 * np.random.seed(1). */
/* The first epoch (counting from 0) whose loss is below @target, or
 * @epochs when none is. */
static guint
first_below (const double *losses,
             guint         epochs,
             double        target)
{
  for (guint e = 0; e < epochs; e++)
    if (losses[e] < target)
      return e;
  return epochs;
}

/* A target loss ends the run after the first epoch whose loss (the MSE
 * with the parameters that epoch ends on, as the history records it) is
 * below it, on exactly the parameters of a run asked for that many
 * epochs: targets just above an epoch's loss, at the first epoch, in the
 * middle, at the last, never reached, and 0 (no target). */
static void
test_train_until_target (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  g_autofree double *full = g_new (double, 1000);
  g_autofree double *losses = g_new (double, 1000);
  BpParams start, p;
  const guint at[] = { 0, 1, 2, 7, 297, 500, 998, 999 };

  bp_params_from_seed (&start, 1);
  p = start;
  g_assert_cmpuint (bp_network_train (&p, data, 0.1, 1000, full), ==, 1000);
  for (guint k = 0; k < G_N_ELEMENTS (at) + 2; k++)
    {
      double target = k < G_N_ELEMENTS (at) ? nextafter (full[at[k]], INFINITY)
                    : k == G_N_ELEMENTS (at) ? full[999] / 2 : 0.0;
      guint want = first_below (full, 1000, target);
      guint expected_ran = MIN (want + 1, 1000);
      BpParams expected = start;
      guint64 ran;

      g_assert_cmpuint (bp_network_train (&expected, data, 0.1, expected_ran, NULL), ==, expected_ran);
      p = start;
      ran = bp_network_train_until (&p, data, NULL, 0.1, 1000, target, losses, NULL);
      g_assert_cmpuint (ran, ==, expected_ran);
      assert_params_equal (&p, &expected);
      for (guint e = 0; e < ran; e++)
        assert_same_value (losses[e], full[e]);
      g_assert_true ((losses[ran - 1] < target) == (want < 1000));
    }
}

static void
test_train_seed_people (void)
{
  double x[4][2] = { { -2, -1 }, { 25, 6 }, { 17, 4 }, { -15, -6 } };
  double y[4] = { 1, 0, 0, 1 };
  g_autoptr(BpDataset) data = seed_dataset ();
  BpParams p, epochwise;
  RefNet ref;

  bp_params_from_seed (&p, 1);
  ref = ref_from_params (&p);
  epochwise = p;
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (data->x0[i], ==, x[i][0]);
      g_assert_cmpfloat (data->x1[i], ==, x[i][1]);
      g_assert_cmpfloat (data->y[i], ==, y[i]);
    }
  g_assert_cmpuint (bp_network_train (&p, data, 0.1, 1000, NULL), ==, 1000);
  for (guint e = 0; e < 1000; e++)
    {
      for (guint i = 0; i < 4; i++)
        ref_train_one (&ref, x[i], y[i], 0.1);
      bp_network_epoch (&epochwise, data, 0.1);
    }
  assert_params_equal_ref (&p, &ref);
  assert_params_equal (&p, &epochwise);
  /* Emily (128 lb, 63 in) is F, Frank (155 lb, 68 in) is M. */
  g_assert_cmpfloat (bp_network_feedforward (&p, -7, -3), >, 0.9);
  g_assert_cmpfloat (bp_network_feedforward (&p, 20, 2), <, 0.1);
  g_assert_cmpfloat (bp_network_loss (&p, data), <, 0.01);
  g_assert_cmpfloat (bp_network_accuracy (&p, data), ==, 1.0);
}

static void
test_zero_epochs (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpParams p = all_weights (0.5, -0.5), before = p;

  g_assert_cmpuint (bp_network_train (&p, data, 0.1, 0, NULL), ==, 0);
  assert_params_equal (&p, &before);
}

static void
test_accuracy (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  g_autoptr(BpDataset) empty = bp_dataset_new (0);
  BpParams always_f = { .b3 = 1000 };
  BpParams half = { 0 };

  g_assert_cmpfloat (bp_network_accuracy (&always_f, data), ==, 0.5);
  /* An output of exactly 0.5 reads as F. */
  g_assert_cmpfloat (bp_network_feedforward (&half, 3, 4), ==, 0.5);
  g_assert_cmpfloat (bp_network_accuracy (&half, data), ==, 0.5);
  g_assert_cmpfloat (bp_network_accuracy (&always_f, empty), ==, 0.0);
}

static void
test_sigmoid_extremes (void)
{
  const double huge[] = { 1e3, 709, 710, 745, 746, 1e10, 1e300, DBL_MAX, INFINITY };

  g_assert_cmpfloat (bp_sigmoid (0), ==, 0.5);
  for (guint i = 0; i < G_N_ELEMENTS (huge); i++)
    {
      double up = bp_sigmoid (huge[i]), down = bp_sigmoid (-huge[i]);

      g_assert_true (isfinite (up));
      g_assert_true (isfinite (down));
      g_assert_cmpfloat (up, ==, 1.0);
      g_assert_cmpfloat (down, >=, 0.0);
      g_assert_cmpfloat (down, <, 1e-300);
    }
  g_assert_cmpfloat (bp_sigmoid (-1000), ==, 0.0);
  g_assert_cmpfloat (bp_sigmoid (-DBL_MAX), ==, 0.0);
}

/* A learning rate near DBL_MAX overflows the first update: training must
 * stop at once and say how many epochs it ran. */
static void
test_train_diverges (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  double losses[1000];
  BpParams p, q;
  guint64 ran, ran_q;

  bp_params_from_seed (&p, 1);
  q = p;
  ran = bp_network_train (&p, data, 1e308, 1000, losses);
  g_assert_cmpuint (ran, >=, 1);
  g_assert_cmpuint (ran, <, 1000);
  g_assert_true (!isfinite (losses[ran - 1]) || !bp_params_all_finite (&p));
  for (guint64 e = 0; e + 1 < ran; e++)
    g_assert_true (isfinite (losses[e]));

  ran_q = bp_network_train (&q, data, 1e308, 1000, NULL);
  g_assert_cmpuint (ran_q, <, 1000);
  g_assert_false (bp_params_all_finite (&q));
}

/* ---- gradient check ------------------------------------------------------- */

static void
assert_check_agrees (const BpParams *p,
                     double          x0,
                     double          x1,
                     double          y)
{
  BpGradientCheck c;
  BpExplain e;

  bp_network_gradient_check (p, x0, x1, y, &c);
  bp_network_explain (p, x0, x1, y, 0.1, &e);
  assert_params_equal (&c.backprop, &e.gradient);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      double r = bp_params_get (&c.relative_difference, i);

      if (!(r >= 0 && r < 1e-6))
        g_error ("%s: backprop %.17g, numeric %.17g, relative difference %g",
                 bp_param_name (i), bp_params_get (&c.backprop, i),
                 bp_params_get (&c.numeric, i), r);
    }
}

/* Random states, drawn as the seeds draw parameters (and wider), with the
 * inputs of the seed people under every normalisation and random ones. */
static void
test_gradient_check_random (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();

  /* Not BP_NORMALIZE_NONE: with sums in the hundreds the central
   * difference itself loses its digits, whatever backpropagation does. */
  for (BpNormalize mode = BP_NORMALIZE_SEED; mode <= BP_NORMALIZE_STANDARD; mode++)
    {
      BpNormalizer norm;
      g_autoptr(BpDataset) data = NULL;

      bp_normalizer_init (&norm, mode, people);
      data = bp_people_to_dataset (people, &norm);
      for (guint i = 0; i < 300; i++)
        {
          BpParams p = random_params (g_test_rand_double_range (0.1, 4));

          for (guint k = 0; k < data->n; k++)
            assert_check_agrees (&p, data->x0[k], data->x1[k], data->y[k]);
          assert_check_agrees (&p, g_test_rand_double_range (-30, 30),
                               g_test_rand_double_range (-10, 10), g_test_rand_bit ());
        }
    }
}

/* The seeds' worked example: the finite difference finds their 0.0214 on
 * its own, and is a number of its own, not a copy of the backprop one. */
static void
test_gradient_check_worked_example (void)
{
  BpParams p = all_weights (1, 0);
  BpGradientCheck c;
  gboolean any_differs = FALSE;

  bp_network_gradient_check (&p, -2, -1, 1, &c);
  assert_near (c.numeric.w1, 0.0214, 1e-4, "numeric dL/dw1");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      g_assert_cmpfloat (bp_params_get (&c.relative_difference, i), <, 1e-8);
      any_differs |= bp_params_get (&c.numeric, i) != bp_params_get (&c.backprop, i);
    }
  g_assert_true (any_differs);
}

/* A wrong derivative shows: the check of a network whose o1 does not
 * depend on h1 (w5 = 0) still finds dL/dw5 from h1, while dL/dw1 is 0
 * both ways; a sign error would give a relative difference of 2. */
static void
test_gradient_check_detects (void)
{
  BpParams p = all_weights (1, 0);
  BpGradientCheck c;

  p.w5 = 0;
  bp_network_gradient_check (&p, -2, -1, 1, &c);
  g_assert_cmpfloat (c.backprop.w1, ==, 0);
  g_assert_cmpfloat (fabs (c.numeric.w1), <, 1e-12);
  g_assert_cmpfloat (c.relative_difference.w1, <, 1e-6);
  g_assert_cmpfloat (fabs (c.numeric.w5), >, 1e-3);
  g_assert_cmpfloat (fabs (-c.backprop.w5 - c.numeric.w5) / fabs (c.numeric.w5), >, 1.9);
}

/* Saturated neurons: derivatives far below anything a finite difference
 * resolves are compared against the floor, never divided by zero. */
static void
test_gradient_check_saturated (void)
{
  BpParams p = all_weights (40, 0);
  BpGradientCheck c;

  bp_network_gradient_check (&p, 25, 6, 0, &c);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      double r = bp_params_get (&c.relative_difference, i);

      g_assert_true (isfinite (bp_params_get (&c.numeric, i)));
      g_assert_cmpfloat (r, >=, 0);
      g_assert_cmpfloat (r, <, 1e-6);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network/published/neuron", test_neuron);
  g_test_add_func ("/network/published/feedforward", test_feedforward_published);
  g_test_add_func ("/network/published/mse", test_mse_published);
  g_test_add_func ("/network/published/worked-example", test_worked_example);
  g_test_add_func ("/network/mse-formula", test_mse_formula);
  g_test_add_func ("/network/explain-matches-python", test_explain_matches_python);
  g_test_add_func ("/network/params/names", test_param_names);
  g_test_add_func ("/network/params/get-set", test_params_get_set);
  g_test_add_func ("/network/params/all-finite", test_params_all_finite);
  g_test_add_func ("/network/seed/numpy-seed-1", test_seed_one);
  g_test_add_func ("/network/seed/mersenne-twister", test_mersenne_twister);
  g_test_add_func ("/network/seed/ranges", test_random_ranges);
  g_test_add_func ("/network/seed/deterministic", test_seed_deterministic);
  g_test_add_func ("/network/train/matches-python", test_train_matches_python);
  g_test_add_func ("/network/train/tracked", test_train_tracked);
  g_test_add_func ("/network/train/seed-people", test_train_seed_people);
  g_test_add_func ("/network/train/zero-epochs", test_zero_epochs);
  g_test_add_func ("/network/train/until-target", test_train_until_target);
  g_test_add_func ("/network/train/diverges", test_train_diverges);
  g_test_add_func ("/network/accuracy", test_accuracy);
  g_test_add_func ("/network/sigmoid-extremes", test_sigmoid_extremes);
  g_test_add_func ("/network/gradient-check/random", test_gradient_check_random);
  g_test_add_func ("/network/gradient-check/worked-example", test_gradient_check_worked_example);
  g_test_add_func ("/network/gradient-check/detects", test_gradient_check_detects);
  g_test_add_func ("/network/gradient-check/saturated", test_gradient_check_saturated);

  return g_test_run ();
}
