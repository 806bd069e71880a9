/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-utils.c: what the benchmarks share: medians and resident memory */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench-utils.h"

/* For qsort(): ascending doubles. */
int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @values (doubles, sorted in place); NAN when empty. */
double
bench_median (GArray *values)
{
  if (values->len == 0)
    return NAN;
  qsort (values->data, values->len, sizeof (double), bench_compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* This process's resident set, in MiB. */
double
bench_resident_mib (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return NAN;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024 * 1024);
}
