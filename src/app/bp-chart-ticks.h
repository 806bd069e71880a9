/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-chart-ticks.h: "nice" axis ticks for the loss chart
 *
 * Plain arithmetic with no GTK in it, so that it can be tested without a
 * display.  Linear axes step by 1, 2 or 5 times a power of ten; log axes
 * put their ticks on whole decades.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_TICKS_MAX 32

typedef struct
{
  gboolean log;
  double   lo;      /* the axis range, widened to the outer ticks */
  double   hi;
  double   step;    /* linear: between two ticks; log: decades between two ticks */
  guint    n;
  double   values[BP_TICKS_MAX];
} BpTicks;

void  bp_ticks_linear (BpTicks       *ticks,
                       double         lo,
                       double         hi,
                       guint          max_ticks);
void  bp_ticks_log    (BpTicks       *ticks,
                       double         lo,
                       double         hi,
                       guint          max_ticks);
char *bp_ticks_format (const BpTicks *ticks,
                       double         value);

G_END_DECLS
