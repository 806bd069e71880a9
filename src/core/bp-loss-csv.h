/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-loss-csv.h: a run's loss history as CSV, one row per bucket */
#pragma once

#include <glib.h>

#include "bp-series.h"

G_BEGIN_DECLS

char *bp_loss_csv_write (const BpSeries *loss,
                         const BpSeries *test_loss);

G_END_DECLS
