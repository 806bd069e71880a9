/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tour.c: the guided tour's numbers are the seeds'
 *
 * Every number the tour shows comes from bp-tour.c; these are the values
 * the seeds print (exactly where they print every digit, to their digits
 * where they round), and the training console is backprop-cli's.
 */
#include <math.h>
#include <string.h>

#include "bp-text.h"
#include "bp-tour.h"

/* The seeds print 0.9990889488055994: Python's shortest repr. */
static void
test_neuron (void)
{
  BpParams params;
  BpExplain e;
  g_autofree char *text = NULL;

  bp_tour_neuron_params (&params);
  bp_tour_forward (&params, &e);
  g_assert_cmpfloat (e.sum_h1, ==, 7.0);
  g_assert_cmpfloat (e.h1, ==, 1.0 / (1.0 + exp (-7.0)));
  text = bp_text_from_double (e.h1);
  g_assert_cmpstr (text, ==, "0.9990889488055994");
}

/* h1 = h2 = f(3) = 0.9526, o1 = 0.7216325609518421. */
static void
test_network (void)
{
  BpParams params;
  BpExplain e;
  g_autofree char *text = NULL;

  bp_tour_network_params (&params);
  bp_tour_forward (&params, &e);
  g_assert_cmpfloat (e.sum_h1, ==, 3.0);
  g_assert_cmpfloat (e.h1, ==, e.h2);
  g_assert_cmpfloat (bp_round_significant (e.h1, 4), ==, 0.9526);
  g_assert_cmpfloat (e.o1, ==, 1.0 / (1.0 + exp (-(1.0 / (1.0 + exp (-3.0))))));
  text = bp_text_from_double (e.o1);
  g_assert_cmpstr (text, ==, "0.7216325609518421");
}

static BpDataset *
seed_dataset (BpNormalize mode)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpNormalizer norm;

  bp_normalizer_init (&norm, mode, people);
  return bp_people_to_dataset (people, &norm);
}

/* The data: Alice −2, −1 … Diana −15, −6; "always 0" has MSE 0.5. */
static void
test_data_and_loss (void)
{
  g_autoptr(BpDataset) data = seed_dataset (BP_NORMALIZE_SEED);
  const double x0[] = { -2, 25, 17, -15 }, x1[] = { -1, 6, 4, -6 }, y[] = { 1, 0, 0, 1 };

  g_assert_cmpuint (data->n, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (data->x0[i], ==, x0[i]);
      g_assert_cmpfloat (data->x1[i], ==, x1[i]);
      g_assert_cmpfloat (data->y[i], ==, y[i]);
    }
  g_assert_cmpfloat (bp_tour_constant_mse (data, 0.0), ==, 0.5);
  g_assert_cmpfloat (bp_tour_constant_mse (data, 1.0), ==, 0.5);
  g_assert_cmpfloat (bp_tour_constant_mse (data, 0.5), ==, 0.25);
}

/* The example parameters and Alice give the seeds' digits. */
static void
test_backprop (void)
{
  BpParams params;
  BpExplain e;
  BpWorkedStep s;

  bp_tour_example_params (&params);
  bp_network_explain (&params, -2, -1, 1, 0.1, &e);
  bp_worked_step_by_hand (&e, &s);
  g_assert_cmpfloat (s.h1, ==, 0.0474);
  g_assert_cmpfloat (s.o1, ==, 0.524);
  g_assert_cmpfloat (s.d_L_d_ypred, ==, -0.952);
  g_assert_cmpfloat (s.d_ypred_d_h1, ==, 0.249);
  g_assert_cmpfloat (s.d_h1_d_w1, ==, -0.0904);
  g_assert_cmpfloat (s.gradient.w1, ==, 0.0214);
}

/* Runs backprop-cli train with @args and returns its standard output. */
static char *
run_cli (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BACKPROP_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The lines of @text that start with @prefix, joined by newlines. */
static char *
grep_lines (const char *text,
            const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      {
        if (kept->len > 0)
          g_string_append_c (kept, '\n');
        g_string_append (kept, lines[i]);
      }
  return g_strdup (kept->str);
}

/* Step 7's console is backprop-cli train's, line for line, and Emily and
 * Frank are classified as it classifies them. */
static void
test_console_is_the_cli_s (void)
{
  const char *args[] = { "train", "--seed", "1", "--classify", "128,63", "--classify", "155,68",
                         NULL };
  g_autoptr(BpDataset) data = seed_dataset (BP_NORMALIZE_SEED);
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(GArray) lines = NULL;
  g_autofree char *out = run_cli (args);
  g_autofree char *expected = grep_lines (out, "Epoch ");
  g_autofree char *console = NULL;
  g_autofree char *emily = NULL, *frank = NULL;
  g_autofree char *cli_emily = grep_lines (out, "Classify 128 lb, 63 in: ");
  g_autofree char *cli_frank = grep_lines (out, "Classify 155 lb, 68 in: ");
  BpParams initial, final;
  BpNormalizer norm;

  bp_params_from_seed (&initial, 1);
  lines = bp_tour_train_console (&initial, data, 0.1, 1000, 10, &final);
  g_assert_cmpuint (lines->len, ==, 100);
  console = bp_tour_format_console (lines, 1000);
  g_assert_cmpstr (console, ==, expected);
  g_assert_true (g_str_has_prefix (console, "Epoch 0 loss: 0."));

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  emily = g_strdup_printf ("%.3f", bp_tour_classify (&final, &norm, BP_TOUR_EMILY_WEIGHT,
                                                     BP_TOUR_EMILY_HEIGHT));
  frank = g_strdup_printf ("%.3f", bp_tour_classify (&final, &norm, BP_TOUR_FRANK_WEIGHT,
                                                     BP_TOUR_FRANK_HEIGHT));
  g_assert_true (g_str_has_prefix (cli_emily + strlen ("Classify 128 lb, 63 in: "), emily));
  g_assert_true (g_str_has_prefix (cli_frank + strlen ("Classify 155 lb, 68 in: "), frank));
}

/* Only the epochs done so far are printed, as a live run reaches them. */
static void
test_console_so_far (void)
{
  g_autoptr(BpDataset) data = seed_dataset (BP_NORMALIZE_SEED);
  g_autoptr(GArray) lines = NULL;
  g_autofree char *none = NULL, *one = NULL, *two = NULL;
  BpParams initial;

  bp_params_from_seed (&initial, 1);
  lines = bp_tour_train_console (&initial, data, 0.1, 25, 10, NULL);
  g_assert_cmpuint (lines->len, ==, 3);
  none = bp_tour_format_console (lines, 0);
  one = bp_tour_format_console (lines, 1);
  two = bp_tour_format_console (lines, 20);
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpuint (strchr (one, '\n') == NULL, ==, TRUE);
  g_assert_true (g_str_has_prefix (two, "Epoch 0 loss: "));
  g_assert_nonnull (strstr (two, "\nEpoch 10 loss: "));
  g_assert_null (strstr (two, "Epoch 20"));
}

/* Raw lb and in: Alice's hidden sums run into the hundreds, f′ of them
 * is next to nothing, and the loss stays at 0.25 (the output learns to
 * say 0.5 for everybody) where the centred run's falls near 0. */
static void
test_centring (void)
{
  g_autoptr(BpDataset) raw = seed_dataset (BP_NORMALIZE_NONE);
  g_autoptr(BpDataset) centred = seed_dataset (BP_NORMALIZE_SEED);
  g_autoptr(GArray) raw_lines = NULL;
  g_autoptr(GArray) centred_lines = NULL;
  BpParams initial;
  BpExplain e;
  BpWorkedStep s;
  const BpTourLossLine *last;

  bp_params_from_seed (&initial, 1);
  bp_network_explain (&initial, raw->x0[0], raw->x1[0], raw->y[0], 0.1, &e);
  bp_worked_step_exact (&e, &s);
  g_assert_cmpfloat (fabs (e.sum_h1), >, 100);
  g_assert_cmpfloat (s.f_h1, <, 1e-30);

  raw_lines = bp_tour_train_console (&initial, raw, 0.1, 1000, 10, NULL);
  centred_lines = bp_tour_train_console (&initial, centred, 0.1, 1000, 10, NULL);
  last = &g_array_index (raw_lines, BpTourLossLine, raw_lines->len - 1);
  g_assert_cmpfloat (last->loss, >, 0.24);
  last = &g_array_index (centred_lines, BpTourLossLine, centred_lines->len - 1);
  g_assert_cmpfloat (last->loss, <, 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tour/neuron", test_neuron);
  g_test_add_func ("/tour/network", test_network);
  g_test_add_func ("/tour/data-and-loss", test_data_and_loss);
  g_test_add_func ("/tour/backprop", test_backprop);
  g_test_add_func ("/tour/console-is-the-cli-s", test_console_is_the_cli_s);
  g_test_add_func ("/tour/console-so-far", test_console_so_far);
  g_test_add_func ("/tour/centring", test_centring);
  return g_test_run ();
}
