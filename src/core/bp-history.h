/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-history.h: everything a run records over its epochs, for the charts
 *
 * The loss and test loss every epoch, the nine parameters and the first
 * people's predictions, each a BpSeries of fixed size, so that a history
 * costs the same after a thousand epochs as after a billion.
 */
#pragma once

#include <glib.h>

#include "bp-network.h"
#include "bp-series.h"

G_BEGIN_DECLS

/* The parameters' and people's series are sampled where their buckets
 * end (see bp-series.h), with fewer buckets than the loss's, so that
 * recording them costs next to nothing and the whole history stays
 * well under 1 MiB. */
#define BP_HISTORY_SAMPLED_CAPACITY 512
#define BP_HISTORY_MAX_PEOPLE 16

typedef struct
{
  BpSeries loss;
  BpSeries test_loss;
  BpSeries params[BP_N_PARAMS];
  BpSeries predictions[BP_HISTORY_MAX_PEOPLE];  /* the network's output */
  guint    n_people;  /* training people with predictions, the first 16 at most */
} BpHistory;

void  bp_history_init   (BpHistory       *history);
void  bp_history_clear  (BpHistory       *history);
void  bp_history_copy   (BpHistory       *dest,
                         const BpHistory *src);
gsize bp_history_memory (const BpHistory *history);

G_END_DECLS
