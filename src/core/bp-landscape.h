/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-landscape.h: the loss over two parameters, the other seven held
 *
 * A grid of the training loss (the mean squared error that
 * bp_network_loss() computes) where two chosen parameters vary and the
 * other seven keep their values.  The grid is laid out around those
 * values so that one of its points is exactly the network as it stands:
 * there the grid's loss is the run's loss, to the bit.
 */
#pragma once

#include <gio/gio.h>

#include "bp-network.h"

G_BEGIN_DECLS

/* Past this many people the loss is taken over this many of them, spread
 * evenly through the list: a grid of 97 × 97 over 100 000 people costs
 * some 10⁹ forward passes, the better part of two minutes, where 500
 * people draw the same landscape in about a quarter of a second. */
#define BP_LANDSCAPE_MAX_PEOPLE 500

/* Where the grid lies: column i holds x_param at
 * at.x_param + (i − x_origin) · x_step, row j (counted upward) y_param
 * at at.y_param + (j − y_origin) · y_step, every other parameter as in
 * @at.  Column x_origin and row y_origin are thus @at itself. */
typedef struct
{
  BpParam  x_param;
  BpParam  y_param;
  BpParams at;
  guint    columns;
  guint    rows;
  double   x_step;
  double   y_step;
  guint    x_origin;
  guint    y_origin;
} BpLandscapeGrid;

typedef struct
{
  BpLandscapeGrid grid;
  double         *values;    /* rows × columns, row 0 at the lowest y */
  double          min;       /* of the finite values; NAN when none is */
  double          max;
} BpLandscape;

void         bp_landscape_grid_init   (BpLandscapeGrid   *grid,
                                       const BpParams    *at,
                                       BpParam            x_param,
                                       BpParam            y_param,
                                       const double      *path_x,
                                       const double      *path_y,
                                       guint              n_path,
                                       guint              columns,
                                       guint              rows);
void         bp_landscape_grid_refine (const BpLandscapeGrid *coarse,
                                       guint              factor,
                                       BpLandscapeGrid   *fine);
double       bp_landscape_grid_x      (const BpLandscapeGrid *grid,
                                       double             column);
double       bp_landscape_grid_y      (const BpLandscapeGrid *grid,
                                       double             row);

BpDataset   *bp_landscape_subsample   (const BpDataset   *data,
                                       guint              max_people);
BpLandscape *bp_landscape_compute     (const BpLandscapeGrid *grid,
                                       const BpDataset   *data,
                                       GCancellable      *cancellable,
                                       GError           **error);
double       bp_landscape_get         (const BpLandscape *landscape,
                                       guint              column,
                                       guint              row);
guint        bp_landscape_levels      (const BpLandscape *landscape,
                                       double            *levels,
                                       guint              max_levels);
void         bp_landscape_free        (BpLandscape       *landscape);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpLandscape, bp_landscape_free)

G_END_DECLS
