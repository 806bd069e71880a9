/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-chart-ticks.c: 1-2-5 linear ticks and decade log ticks */
#include "bp-chart-ticks.h"

#include <math.h>
#include <string.h>

static const int mantissas[] = { 1, 2, 5 };

/* k × m × 10^e, dividing for negative e: 3 × 1 / 10 is exactly the
 * double nearest 0.3, where 3 × 0.1 is not. */
static double
tick_value (double k,
            int    m,
            int    e)
{
  if (e < 0)
    return k * m / pow (10, -e);
  return k * m * pow (10, e);
}

/* Fills @ticks with every multiple of m × 10^e covering [lo, hi]; fails
 * when that takes more than @max_ticks. */
static gboolean
try_step (BpTicks *ticks,
          double   lo,
          double   hi,
          int      m,
          int      e,
          guint    max_ticks)
{
  double step = tick_value (1, m, e);
  /* 0.07 / 0.01 is 7.000000000000001: a ninth tick for a rounding error
   * would be wrong, so nearly whole quotients count as whole. */
  double first = floor (lo / step + 1e-9);
  double last = ceil (hi / step - 1e-9);

  if (last - first + 1 > max_ticks)
    return FALSE;
  ticks->log = FALSE;
  ticks->step = step;
  ticks->n = (guint) (last - first) + 1;
  for (guint i = 0; i < ticks->n; i++)
    ticks->values[i] = tick_value (first + i, m, e);
  ticks->lo = ticks->values[0];
  ticks->hi = ticks->values[ticks->n - 1];
  return TRUE;
}

/* At most @max_ticks (2 to BP_TICKS_MAX) ticks from at or below @lo to at
 * or above @hi. */
void
bp_ticks_linear (BpTicks *ticks,
                 double   lo,
                 double   hi,
                 guint    max_ticks)
{
  double raw;

  g_return_if_fail (isfinite (lo) && isfinite (hi));

  max_ticks = CLAMP (max_ticks, 2, BP_TICKS_MAX);
  if (hi < lo)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  /* A flat curve still needs an axis with some height. */
  if (hi == lo)
    hi = lo + (lo != 0 ? fabs (lo) : 1);
  raw = (hi - lo) / (max_ticks - 1);
  for (int e = (int) floor (log10 (raw)); ; e++)
    for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
      if (tick_value (1, mantissas[i], e) >= raw &&
          try_step (ticks, lo, hi, mantissas[i], e, max_ticks))
        return;
}

/* Whole decades from 10^⌊log₁₀ lo⌋ to at least @hi, every decade or every
 * few decades so that at most @max_ticks fit. */
void
bp_ticks_log (BpTicks *ticks,
              double   lo,
              double   hi,
              guint    max_ticks)
{
  double e0, e1, stride;

  g_return_if_fail (lo > 0 && isfinite (lo) && isfinite (hi));

  max_ticks = CLAMP (max_ticks, 2, BP_TICKS_MAX);
  e0 = floor (log10 (lo));
  e1 = MAX (ceil (log10 (MAX (hi, lo))), e0 + 1);
  stride = ceil ((e1 - e0) / (max_ticks - 1));
  ticks->log = TRUE;
  ticks->step = stride;
  ticks->n = (guint) ceil ((e1 - e0) / stride) + 1;
  for (guint i = 0; i < ticks->n; i++)
    ticks->values[i] = pow (10, e0 + i * stride);
  ticks->lo = ticks->values[0];
  ticks->hi = ticks->values[ticks->n - 1];
}

static const struct
{
  double      unit;
  const char *suffix;
} units[] = {
  { 1e12, "T" }, { 1e9, "G" }, { 1e6, "M" }, { 1e3, "k" },
};

/* Big epoch counts read better as 250k or 1.5M than as 250000 or 1500000;
 * below 10000 the digits are short enough. */
static void
pick_unit (const BpTicks *ticks,
           double        *unit,
           const char   **suffix)
{
  double biggest = MAX (fabs (ticks->lo), fabs (ticks->hi));

  *unit = 1;
  *suffix = "";
  if (biggest < 10000)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (biggest >= units[i].unit)
      {
        *unit = units[i].unit;
        *suffix = units[i].suffix;
        return;
      }
}

/* 1.0M reads as 1M, and 0.0M as plain 0.  Takes @number. */
static char *
trim_suffixed (char       *number,
               const char *suffix)
{
  g_autofree char *owned = number;
  char *end = owned + strlen (owned);

  /* The decimal separator is the locale's: a dot or a comma. */
  if (strpbrk (owned, ".,") != NULL)
    {
      while (end[-1] == '0')
        *--end = '\0';
      if (end[-1] == '.' || end[-1] == ',')
        *--end = '\0';
    }
  if (strcmp (owned, "0") == 0)
    return g_steal_pointer (&owned);
  return g_strconcat (owned, suffix, NULL);
}

static char *
format_linear (const BpTicks *ticks,
               double         value)
{
  double unit, scaled_step;
  const char *suffix;
  int decimals;

  pick_unit (ticks, &unit, &suffix);
  scaled_step = ticks->step / unit;
  /* Just enough decimals to tell neighbouring ticks apart. */
  decimals = scaled_step >= 1 ? 0 : (int) ceil (-log10 (scaled_step) - 1e-9);
  if (fabs (value) < ticks->step * 1e-6)
    value = 0;  /* no “-0.00” */
  /* A real minus sign, “−50”, as everywhere else on screen. */
  if (value < 0)
    {
      g_autofree char *magnitude = format_linear (ticks, -value);

      return g_strconcat ("−", magnitude, NULL);
    }
  if (unit == 1)
    return g_strdup_printf ("%.*f", decimals, value);
  return trim_suffixed (g_strdup_printf ("%.*f", decimals, value / unit), suffix);
}

static char *
superscript (int n)
{
  static const char * const digits[] = {
    "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
  };
  g_autofree char *plain = g_strdup_printf ("%d", ABS (n));
  GString *out = g_string_new (n < 0 ? "⁻" : "");

  for (const char *p = plain; *p != '\0'; p++)
    g_string_append (out, digits[*p - '0']);
  return g_string_free (out, FALSE);
}

/* 0.001 to 1000 in plain digits, further out as 10⁻⁵. */
static char *
format_log (double value)
{
  int e = (int) lround (log10 (value));
  g_autofree char *power = NULL;

  if (e >= -3 && e <= 3)
    return g_strdup_printf ("%.*f", MAX (0, -e), value);
  power = superscript (e);
  return g_strconcat ("10", power, NULL);
}

/* The label of one of @ticks' values, in the user's locale. */
char *
bp_ticks_format (const BpTicks *ticks,
                 double         value)
{
  if (ticks->log)
    return format_log (value);
  return format_linear (ticks, value);
}
