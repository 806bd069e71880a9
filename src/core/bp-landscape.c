/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-landscape.c: the loss over a grid of two parameters
 *
 * Each point of the grid is the network with two parameters moved and
 * its loss is bp_network_loss() itself, so that the point where nothing
 * moved reads exactly what the run reports.  Computing a grid touches
 * nothing but its arguments, so it runs on a worker thread; it checks
 * the cancellable once per row.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bp-landscape.h"

/* Room around the path and the current point, as a share of their
 * spread, and at least this much in the parameter's own units: a
 * parameter that has not moved still shows the bowl around it. */
#define MARGIN_SHARE 0.15
#define MIN_MARGIN 1.0

static void
finite_range (double        at,
              const double *values,
              guint         n,
              double       *lo,
              double       *hi)
{
  *lo = *hi = at;
  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      {
        *lo = MIN (*lo, values[i]);
        *hi = MAX (*hi, values[i]);
      }
}

/* One axis: a step and the index of @at such that the grid covers @lo …
 * @hi with its margin, @at falling exactly on a point. */
static void
lay_out_axis (double        at,
              const double *path,
              guint         n_path,
              guint         n,
              double       *step,
              guint        *origin)
{
  double lo, hi, margin;

  if (!isfinite (at))
    {
      *step = 1;
      *origin = n / 2;
      return;
    }
  finite_range (at, path, n_path, &lo, &hi);
  margin = MAX ((hi - lo) * MARGIN_SHARE, MIN_MARGIN);
  lo -= margin;
  hi += margin;
  *step = (hi - lo) / (n - 1);
  *origin = (guint) CLAMP (round ((at - lo) / *step), 0, n - 1);
}

/* A grid of @columns × @rows around @at over the pair (@x_param,
 * @y_param), wide enough for the path the pair took (NULL when there is
 * none; points that are not finite are left out). */
void
bp_landscape_grid_init (BpLandscapeGrid *grid,
                        const BpParams  *at,
                        BpParam          x_param,
                        BpParam          y_param,
                        const double    *path_x,
                        const double    *path_y,
                        guint            n_path,
                        guint            columns,
                        guint            rows)
{
  g_return_if_fail (columns >= 2 && rows >= 2);
  g_return_if_fail (x_param < BP_N_PARAMS && y_param < BP_N_PARAMS);

  *grid = (BpLandscapeGrid) {
    .x_param = x_param,
    .y_param = y_param,
    .at = *at,
    .columns = columns,
    .rows = rows,
  };
  lay_out_axis (bp_params_get (at, x_param), path_x, path_x != NULL ? n_path : 0,
                columns, &grid->x_step, &grid->x_origin);
  lay_out_axis (bp_params_get (at, y_param), path_y, path_y != NULL ? n_path : 0,
                rows, &grid->y_step, &grid->y_origin);
}

/* The same ground @factor times as finely: every point of @coarse is a
 * point of @fine. */
void
bp_landscape_grid_refine (const BpLandscapeGrid *coarse,
                          guint                  factor,
                          BpLandscapeGrid       *fine)
{
  g_return_if_fail (factor >= 1);

  *fine = *coarse;
  fine->columns = (coarse->columns - 1) * factor + 1;
  fine->rows = (coarse->rows - 1) * factor + 1;
  fine->x_step = coarse->x_step / factor;
  fine->y_step = coarse->y_step / factor;
  fine->x_origin = coarse->x_origin * factor;
  fine->y_origin = coarse->y_origin * factor;
}

/* The x parameter's value at a (fractional) column. */
double
bp_landscape_grid_x (const BpLandscapeGrid *grid,
                     double                 column)
{
  return bp_params_get (&grid->at, grid->x_param) + (column - grid->x_origin) * grid->x_step;
}

double
bp_landscape_grid_y (const BpLandscapeGrid *grid,
                     double                 row)
{
  return bp_params_get (&grid->at, grid->y_param) + (row - grid->y_origin) * grid->y_step;
}

/* @data itself, copied, or past @max_people that many of its people
 * spread evenly from the first: the same ones every time, so that the
 * landscape does not flicker between recomputations. */
BpDataset *
bp_landscape_subsample (const BpDataset *data,
                        guint            max_people)
{
  guint n = MIN (data->n, max_people);
  BpDataset *out = bp_dataset_new (n);

  for (guint i = 0; i < n; i++)
    {
      guint k = (guint) ((guint64) i * data->n / n);

      out->x0[i] = data->x0[k];
      out->x1[i] = data->x1[k];
      out->y[i] = data->y[k];
    }
  return out;
}

static void
find_range (BpLandscape *landscape)
{
  guint n = landscape->grid.columns * landscape->grid.rows;

  landscape->min = landscape->max = NAN;
  for (guint k = 0; k < n; k++)
    {
      double v = landscape->values[k];

      if (!isfinite (v))
        continue;
      if (!(v >= landscape->min))
        landscape->min = v;
      if (!(v <= landscape->max))
        landscape->max = v;
    }
}

/* The loss of @data at every point of @grid, or NULL with
 * G_IO_ERROR_CANCELLED when @cancellable was cancelled first. */
BpLandscape *
bp_landscape_compute (const BpLandscapeGrid *grid,
                      const BpDataset       *data,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(BpLandscape) landscape = g_new0 (BpLandscape, 1);

  g_return_val_if_fail (grid->columns >= 2 && grid->rows >= 2, NULL);

  landscape->grid = *grid;
  landscape->values = g_new (double, (gsize) grid->columns * grid->rows);
  for (guint j = 0; j < grid->rows; j++)
    {
      BpParams params = grid->at;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      /* The origin's row and column add nothing, not even −0, so that
       * the point there is @at to the bit. */
      if (j != grid->y_origin)
        bp_params_set (&params, grid->y_param, bp_landscape_grid_y (grid, j));
      for (guint i = 0; i < grid->columns; i++)
        {
          double x = i != grid->x_origin ? bp_landscape_grid_x (grid, i)
                                          : bp_params_get (&grid->at, grid->x_param);

          bp_params_set (&params, grid->x_param, x);
          landscape->values[(gsize) j * grid->columns + i] = bp_network_loss (&params, data);
        }
    }
  find_range (landscape);
  return g_steal_pointer (&landscape);
}

double
bp_landscape_get (const BpLandscape *landscape,
                  guint              column,
                  guint              row)
{
  g_return_val_if_fail (column < landscape->grid.columns && row < landscape->grid.rows, NAN);

  return landscape->values[(gsize) row * landscape->grid.columns + column];
}

/* Round numbers strictly between @lo and @hi: 1, 2 and 5 times the
 * powers of ten, or where that makes more than @max, 1 and 3 times them,
 * or the powers alone. */
static guint
log_levels (double  lo,
            double  hi,
            double *levels,
            guint   max)
{
  static const double mantissas[][3] = { { 1, 2, 5 }, { 1, 3, 0 }, { 1, 0, 0 } };
  guint n = 0;

  for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
    {
      n = 0;
      for (int e = (int) floor (log10 (lo)); e <= (int) ceil (log10 (hi)); e++)
        for (guint k = 0; k < 3 && mantissas[m][k] > 0; k++)
          {
            double v = mantissas[m][k] * pow (10, e);

            if (v > lo && v < hi && n < max)
              levels[n++] = v;
          }
      if (n < max)
        break;
    }
  return n;
}

static guint
linear_levels (double  lo,
               double  hi,
               double *levels,
               guint   max)
{
  static const double nice[] = { 1, 2, 2.5, 5, 10 };
  double raw = (hi - lo) / 8;
  double magnitude = pow (10, floor (log10 (raw)));
  double step = 10 * magnitude;
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (nice); k++)
    if (nice[k] * magnitude >= raw)
      {
        step = nice[k] * magnitude;
        break;
      }
  /* Multiples of the step, not a running sum that drifts off them. */
  for (double k = floor (lo / step); k * step < hi && n < max; k++)
    if (k * step > lo)
      levels[n++] = k * step;
  return n;
}

/* Round loss values between the grid's least and greatest to draw the
 * contours at, ascending; how many were written (at most @max_levels).
 * When the loss spans more than a decade the levels are spaced by
 * factors (0.01, 0.02, 0.05, 0.1 …), as a valley of a trained network
 * is far deeper near its floor than the rim suggests. */
guint
bp_landscape_levels (const BpLandscape *landscape,
                     double            *levels,
                     guint              max_levels)
{
  double lo = landscape->min;
  double hi = landscape->max;

  if (!isfinite (lo) || !isfinite (hi) || !(hi > lo) || max_levels == 0)
    return 0;
  if (lo > 0 && hi / lo > 10)
    return log_levels (lo, hi, levels, max_levels);
  return linear_levels (lo, hi, levels, max_levels);
}

void
bp_landscape_free (BpLandscape *landscape)
{
  if (landscape == NULL)
    return;
  g_free (landscape->values);
  g_free (landscape);
}
