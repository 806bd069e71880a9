/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-explain.c: the Explain page's numbers, without GTK
 *
 * The seeds' worked example (Alice, every weight 1 and bias 0) worked by
 * hand must give the digits the seeds print, and the exact step must be
 * bp_network_explain()'s numbers unchanged.
 */
#include <math.h>

#include "bp-explain.h"

static const BpParams all_ones = { 1, 1, 1, 1, 1, 1, 0, 0, 0 };

static void
alice (BpExplain *e)
{
  bp_network_explain (&all_ones, -2, -1, 1, 0.1, e);
}

static void
test_round_significant (void)
{
  g_assert_cmpfloat (bp_round_significant (0.021429, 3), ==, 0.0214);
  g_assert_cmpfloat (bp_round_significant (-0.0904321, 3), ==, -0.0904);
  g_assert_cmpfloat (bp_round_significant (123456.7, 3), ==, 123000);
  g_assert_cmpfloat (bp_round_significant (0.99786, 6), ==, 0.99786);
  g_assert_true (isnan (bp_round_significant (NAN, 3)));
}

/* The seeds: h1 = 0.0474, o1 = 0.524, ∂L/∂ypred = −0.952,
 * ∂ypred/∂h1 = 0.249, ∂h1/∂w1 = −0.0904, ∂L/∂w1 = 0.0214. */
static void
test_by_hand_worked_example (void)
{
  BpExplain e;
  BpWorkedStep s;
  double f[3];

  alice (&e);
  bp_worked_step_by_hand (&e, &s);
  g_assert_cmpfloat (s.sum_h1, ==, -3);
  g_assert_cmpfloat (s.h1, ==, 0.0474);
  g_assert_cmpfloat (s.h2, ==, 0.0474);
  g_assert_cmpfloat (s.o1, ==, 0.524);
  g_assert_cmpfloat (s.d_L_d_ypred, ==, -0.952);
  g_assert_cmpfloat (s.d_ypred_d_h1, ==, 0.249);
  g_assert_cmpfloat (s.d_h1_d_w1, ==, -0.0904);
  g_assert_cmpfloat (s.gradient.w1, ==, 0.0214);
  /* The step keeps six digits: 1 − 0.1 × 0.0214. */
  g_assert_cmpfloat (s.after.w1, ==, 0.99786);

  g_assert_cmpuint (bp_worked_step_factors (&s, BP_PARAM_W1, f), ==, 3);
  g_assert_cmpfloat (f[0], ==, -0.952);
  g_assert_cmpfloat (f[1], ==, 0.249);
  g_assert_cmpfloat (f[2], ==, -0.0904);
}

/* Each product is of the rounded factors, not a rounding of the exact
 * product: the two differ in the third digit for some parameters. */
static void
test_by_hand_uses_rounded_factors (void)
{
  BpExplain e;
  BpWorkedStep s;

  alice (&e);
  bp_worked_step_by_hand (&e, &s);
  for (BpParam i = 0; i < BP_N_PARAMS; i++)
    {
      double f[3];
      guint n = bp_worked_step_factors (&s, i, f);
      double product = n == 2 ? f[0] * f[1] : f[0] * f[1] * f[2];

      g_assert_cmpfloat (bp_params_get (&s.gradient, i), ==, bp_round_significant (product, 3));
    }
}

static void
test_factor_counts (void)
{
  BpExplain e;
  BpWorkedStep s;
  double f[3];

  alice (&e);
  bp_worked_step_exact (&e, &s);
  for (BpParam i = 0; i < BP_N_PARAMS; i++)
    {
      gboolean output_side = i == BP_PARAM_W5 || i == BP_PARAM_W6 || i == BP_PARAM_B3;

      g_assert_cmpuint (bp_worked_step_factors (&s, i, f), ==, output_side ? 2 : 3);
    }
  bp_worked_step_factors (&s, BP_PARAM_B3, f);
  g_assert_cmpfloat (f[1], ==, e.d_ypred_d_b3);
  bp_worked_step_factors (&s, BP_PARAM_B1, f);
  g_assert_cmpfloat (f[2], ==, e.d_h1_d_b1);
}

/* Exact values are bp_network_explain()'s, bit for bit. */
static void
test_exact_is_the_network (void)
{
  BpParams p;
  BpExplain e;
  BpWorkedStep s;

  bp_params_from_seed (&p, 7);
  bp_network_explain (&p, 25, 6, 0, 0.5, &e);
  bp_worked_step_exact (&e, &s);
  g_assert_cmpfloat (s.x0, ==, 25);
  g_assert_cmpfloat (s.o1, ==, e.o1);
  g_assert_cmpfloat (s.loss, ==, e.loss);
  g_assert_cmpfloat (s.f_h2, ==, e.d_h2_d_b2);
  g_assert_cmpmem (&s.p, sizeof s.p, &p, sizeof p);
  g_assert_cmpmem (&s.gradient, sizeof s.gradient, &e.gradient, sizeof e.gradient);
  g_assert_cmpmem (&s.after, sizeof s.after, &e.after, sizeof e.after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/explain/round-significant", test_round_significant);
  g_test_add_func ("/explain/by-hand/worked-example", test_by_hand_worked_example);
  g_test_add_func ("/explain/by-hand/rounded-factors", test_by_hand_uses_rounded_factors);
  g_test_add_func ("/explain/factor-counts", test_factor_counts);
  g_test_add_func ("/explain/exact", test_exact_is_the_network);
  return g_test_run ();
}
