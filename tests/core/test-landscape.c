/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-landscape.c: the loss over a grid of two parameters */
#include <math.h>
#include <string.h>

#include "bp-landscape.h"
#include "bp-network.h"
#include "bp-people.h"

static BpDataset *
seed_data (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpNormalizer norm;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  return bp_people_to_dataset (people, &norm);
}

/* The seeds' network after 300 epochs, and each parameter's value after
 * every epoch of it, as the trajectories record them. */
static void
trained (const BpDataset *data,
         BpParams        *params,
         double           path[BP_N_PARAMS][300])
{
  bp_params_from_seed (params, 1);
  for (guint e = 0; e < 300; e++)
    {
      bp_network_epoch (params, data, 0.1);
      for (guint p = 0; p < BP_N_PARAMS; p++)
        path[p][e] = bp_params_get (params, p);
    }
}

/* At the grid's origin the loss is the network's own, to the bit, for
 * every pair of parameters; and the grid holds the whole path. */
static void
test_origin_is_network_loss (void)
{
  g_autoptr(BpDataset) data = seed_data ();
  double path[BP_N_PARAMS][300];
  BpParams params;
  double loss;

  trained (data, &params, path);
  loss = bp_network_loss (&params, data);
  for (guint x = 0; x < BP_N_PARAMS; x++)
    for (guint y = 0; y < BP_N_PARAMS; y++)
      {
        g_autoptr(BpLandscape) landscape = NULL;
        BpLandscapeGrid grid;

        if (x == y)
          continue;
        bp_landscape_grid_init (&grid, &params, x, y, path[x], path[y], 300, 25, 25);
        landscape = bp_landscape_compute (&grid, data, NULL, NULL);
        g_assert_nonnull (landscape);
        g_assert_true (bp_landscape_get (landscape, grid.x_origin, grid.y_origin) == loss);
        g_assert_cmpfloat (bp_landscape_grid_x (&grid, grid.x_origin), ==, bp_params_get (&params, x));
        for (guint e = 0; e < 300; e++)
          {
            g_assert_cmpfloat (bp_landscape_grid_x (&grid, 0), <, path[x][e]);
            g_assert_cmpfloat (bp_landscape_grid_x (&grid, grid.columns - 1), >, path[x][e]);
            g_assert_cmpfloat (bp_landscape_grid_y (&grid, 0), <, path[y][e]);
            g_assert_cmpfloat (bp_landscape_grid_y (&grid, grid.rows - 1), >, path[y][e]);
          }
        g_assert_cmpfloat (landscape->min, <=, loss);
        g_assert_cmpfloat (landscape->max, >=, loss);
      }
}

/* The value at each point is the loss of the network moved there. */
static void
test_points_are_moved_networks (void)
{
  g_autoptr(BpDataset) data = seed_data ();
  g_autoptr(BpLandscape) landscape = NULL;
  BpLandscapeGrid grid;
  BpParams params;

  bp_params_from_seed (&params, 3);
  bp_landscape_grid_init (&grid, &params, BP_PARAM_W2, BP_PARAM_B3, NULL, NULL, 0, 7, 5);
  landscape = bp_landscape_compute (&grid, data, NULL, NULL);
  for (guint j = 0; j < grid.rows; j++)
    for (guint i = 0; i < grid.columns; i++)
      {
        BpParams moved = params;

        moved.w2 = bp_landscape_grid_x (&grid, i);
        moved.b3 = bp_landscape_grid_y (&grid, j);
        g_assert_cmpfloat_with_epsilon (bp_landscape_get (landscape, i, j),
                                        bp_network_loss (&moved, data), 1e-15);
      }
}

/* With both hidden neurons alike, w5 and w6 play the same part: the
 * loss at (a, b) is the loss at (b, a). */
static void
test_symmetric_pair (void)
{
  g_autoptr(BpDataset) data = seed_data ();
  g_autoptr(BpLandscape) landscape = NULL;
  BpParams params = { .w1 = 0.5, .w2 = -1, .w3 = 0.5, .w4 = -1, .w5 = 2, .w6 = 2, .b1 = 0.25, .b2 = 0.25, .b3 = 0 };
  BpLandscapeGrid grid;

  bp_landscape_grid_init (&grid, &params, BP_PARAM_W5, BP_PARAM_W6, NULL, NULL, 0, 21, 21);
  g_assert_cmpuint (grid.x_origin, ==, grid.y_origin);
  g_assert_cmpfloat (grid.x_step, ==, grid.y_step);
  landscape = bp_landscape_compute (&grid, data, NULL, NULL);
  for (guint j = 0; j < grid.rows; j++)
    for (guint i = 0; i < grid.columns; i++)
      g_assert_cmpfloat (bp_landscape_get (landscape, i, j), ==, bp_landscape_get (landscape, j, i));
}

/* A refined grid lies on the same ground, through the coarse points. */
static void
test_refine (void)
{
  g_autoptr(BpDataset) data = seed_data ();
  g_autoptr(BpLandscape) coarse = NULL;
  g_autoptr(BpLandscape) fine = NULL;
  double path[BP_N_PARAMS][300];
  BpLandscapeGrid grid, finer;
  BpParams params;

  trained (data, &params, path);
  bp_landscape_grid_init (&grid, &params, BP_PARAM_W5, BP_PARAM_W6,
                          path[BP_PARAM_W5], path[BP_PARAM_W6], 300, 25, 25);
  bp_landscape_grid_refine (&grid, 4, &finer);
  g_assert_cmpuint (finer.columns, ==, 97);
  g_assert_cmpuint (finer.rows, ==, 97);
  coarse = bp_landscape_compute (&grid, data, NULL, NULL);
  fine = bp_landscape_compute (&finer, data, NULL, NULL);
  g_assert_true (bp_landscape_get (fine, finer.x_origin, finer.y_origin) == bp_network_loss (&params, data));
  for (guint j = 0; j < grid.rows; j++)
    for (guint i = 0; i < grid.columns; i++)
      g_assert_cmpfloat_with_epsilon (bp_landscape_get (fine, 4 * i, 4 * j),
                                      bp_landscape_get (coarse, i, j), 1e-12);
  g_assert_cmpfloat (fine->min, <=, coarse->min);
  g_assert_cmpfloat (fine->max, >=, coarse->max);
}

static void
test_cancelled (void)
{
  g_autoptr(BpDataset) data = seed_data ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  BpLandscapeGrid grid;
  BpParams params;

  bp_params_from_seed (&params, 1);
  bp_landscape_grid_init (&grid, &params, BP_PARAM_W1, BP_PARAM_W2, NULL, NULL, 0, 25, 25);
  g_cancellable_cancel (cancellable);
  g_assert_null (bp_landscape_compute (&grid, data, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A network that diverged still gives a grid, of values that are not
 * numbers, and no range. */
static void
test_not_finite (void)
{
  g_autoptr(BpDataset) data = seed_data ();
  g_autoptr(BpLandscape) landscape = NULL;
  BpParams params = { .w1 = NAN };
  BpLandscapeGrid grid;
  double levels[8];

  bp_landscape_grid_init (&grid, &params, BP_PARAM_W5, BP_PARAM_W6, NULL, NULL, 0, 5, 5);
  landscape = bp_landscape_compute (&grid, data, NULL, NULL);
  g_assert_true (isnan (bp_landscape_get (landscape, 0, 0)));
  g_assert_true (isnan (landscape->min));
  g_assert_cmpuint (bp_landscape_levels (landscape, levels, 8), ==, 0);
}

static void
test_subsample (void)
{
  g_autoptr(BpDataset) data = bp_dataset_new (100000);
  g_autoptr(BpDataset) all = NULL;
  g_autoptr(BpDataset) some = NULL;
  g_autoptr(BpDataset) again = NULL;

  for (guint i = 0; i < data->n; i++)
    {
      data->x0[i] = i;
      data->x1[i] = -(double) i;
      data->y[i] = i % 2;
    }
  some = bp_landscape_subsample (data, BP_LANDSCAPE_MAX_PEOPLE);
  g_assert_cmpuint (some->n, ==, BP_LANDSCAPE_MAX_PEOPLE);
  g_assert_cmpfloat (some->x0[0], ==, 0);
  g_assert_cmpfloat (some->x0[1], ==, 200);
  g_assert_cmpfloat (some->x1[1], ==, -200);
  g_assert_cmpfloat (some->x0[some->n - 1], ==, 99800);
  again = bp_landscape_subsample (data, BP_LANDSCAPE_MAX_PEOPLE);
  g_assert_cmpmem (some->x0, some->n * sizeof (double), again->x0, again->n * sizeof (double));

  data->n = 4;
  all = bp_landscape_subsample (data, BP_LANDSCAPE_MAX_PEOPLE);
  g_assert_cmpuint (all->n, ==, 4);
  g_assert_cmpmem (all->y, 4 * sizeof (double), data->y, 4 * sizeof (double));
  data->n = 100000;
}

static BpLandscape *
landscape_with_range (double min,
                      double max)
{
  BpLandscape *landscape = g_new0 (BpLandscape, 1);

  landscape->min = min;
  landscape->max = max;
  return landscape;
}

static void
test_levels (void)
{
  g_autoptr(BpLandscape) linear = landscape_with_range (0.12, 0.85);
  g_autoptr(BpLandscape) deep = landscape_with_range (0.0031, 0.8);
  g_autoptr(BpLandscape) flat = landscape_with_range (0.25, 0.25);
  g_autoptr(BpLandscape) wide = landscape_with_range (1e-12, 0.5);
  double levels[12];
  guint n;

  n = bp_landscape_levels (linear, levels, 12);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat_with_epsilon (levels[0], 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (levels[6], 0.8, 1e-12);

  n = bp_landscape_levels (deep, levels, 12);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat_with_epsilon (levels[0], 0.005, 1e-15);
  g_assert_cmpfloat_with_epsilon (levels[6], 0.5, 1e-15);

  g_assert_cmpuint (bp_landscape_levels (flat, levels, 12), ==, 0);

  /* Eleven decades: only the powers of ten fit in twelve. */
  n = bp_landscape_levels (wide, levels, 12);
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpfloat_with_epsilon (levels[10], 0.1, 1e-15);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (levels[i], >, levels[i - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/landscape/origin-is-network-loss", test_origin_is_network_loss);
  g_test_add_func ("/landscape/points-are-moved-networks", test_points_are_moved_networks);
  g_test_add_func ("/landscape/symmetric-pair", test_symmetric_pair);
  g_test_add_func ("/landscape/refine", test_refine);
  g_test_add_func ("/landscape/cancelled", test_cancelled);
  g_test_add_func ("/landscape/not-finite", test_not_finite);
  g_test_add_func ("/landscape/subsample", test_subsample);
  g_test_add_func ("/landscape/levels", test_levels);
  return g_test_run ();
}
