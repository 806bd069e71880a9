/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-random.h: the random numbers the seeds start from
 *
 * numpy's legacy generator (np.random.seed + np.random.normal): the
 * Mersenne Twister MT19937 seeded with init_genrand, 53-bit doubles from
 * two 32-bit draws, and normals by the Marsaglia polar method, keeping the
 * second value of each pair for the next call.  It uses only integer
 * arithmetic, IEEE division, sqrt (exact in IEEE 754) and log, so a seed
 * gives the same numbers on every platform whose libm rounds log
 * correctly (glibc does), and the same as `np.random.seed(S)` in Python.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_MT_N 624

typedef struct
{
  guint32  key[BP_MT_N];
  int      pos;
  gboolean has_gauss;
  double   gauss;
} BpRandom;

void    bp_random_init   (BpRandom *rng,
                          guint32   seed);
guint32 bp_random_next32 (BpRandom *rng);
double  bp_random_double (BpRandom *rng);
double  bp_random_gauss  (BpRandom *rng);

G_END_DECLS
