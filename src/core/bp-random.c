/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-random.c: numpy's legacy MT19937 and polar-method normals */
#include "bp-random.h"

#include <math.h>

#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

void
bp_random_init (BpRandom *rng,
                guint32   seed)
{
  rng->key[0] = seed;
  for (int i = 1; i < BP_MT_N; i++)
    rng->key[i] = 1812433253U * (rng->key[i - 1] ^ (rng->key[i - 1] >> 30)) + (guint32) i;
  rng->pos = BP_MT_N;
  rng->has_gauss = FALSE;
  rng->gauss = 0.0;
}

static guint32
twist (guint32 a,
       guint32 b,
       guint32 c)
{
  guint32 y = (a & UPPER_MASK) | (b & LOWER_MASK);

  return c ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
}

static void
regenerate (BpRandom *rng)
{
  guint32 *k = rng->key;
  int i;

  for (i = 0; i < BP_MT_N - MT_M; i++)
    k[i] = twist (k[i], k[i + 1], k[i + MT_M]);
  for (; i < BP_MT_N - 1; i++)
    k[i] = twist (k[i], k[i + 1], k[i + MT_M - BP_MT_N]);
  k[BP_MT_N - 1] = twist (k[BP_MT_N - 1], k[0], k[MT_M - 1]);
  rng->pos = 0;
}

guint32
bp_random_next32 (BpRandom *rng)
{
  guint32 y;

  if (rng->pos == BP_MT_N)
    regenerate (rng);
  y = rng->key[rng->pos++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

/* 53 random bits: 27 from the first draw, 26 from the second. */
double
bp_random_double (BpRandom *rng)
{
  guint32 a = bp_random_next32 (rng) >> 5;
  guint32 b = bp_random_next32 (rng) >> 6;

  return (a * 67108864.0 + b) / 9007199254740992.0;
}

double
bp_random_gauss (BpRandom *rng)
{
  double x1, x2, r2, f;

  if (rng->has_gauss)
    {
      rng->has_gauss = FALSE;
      return rng->gauss;
    }
  do
    {
      x1 = 2.0 * bp_random_double (rng) - 1.0;
      x2 = 2.0 * bp_random_double (rng) - 1.0;
      r2 = x1 * x1 + x2 * x2;
    }
  while (r2 >= 1.0 || r2 == 0.0);
  f = sqrt (-2.0 * log (r2) / r2);
  rng->gauss = f * x1;
  rng->has_gauss = TRUE;
  return f * x2;
}
