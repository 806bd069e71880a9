/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-utils.h: what the benchmarks share: medians and resident memory */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int    bench_compare_doubles (const void *a,
                              const void *b);
double bench_median          (GArray     *values);
double bench_resident_mib    (void);

G_END_DECLS
