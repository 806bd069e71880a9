/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-series.h: a bounded record of a value per epoch that keeps the
 * curve's shape
 *
 * Values go into buckets of `span` consecutive epochs, each keeping the
 * first, last, smallest and largest value.  When the buckets are all used
 * the neighbours merge pairwise and the span doubles, so memory stays
 * fixed (capacity × 32 bytes) whatever the epoch count, and a spike of a
 * single epoch survives in some bucket's max however long the run.
 *
 * A series may also be sampled instead of pushed every epoch: each
 * bp_series_push_sample() gives the value after some epochs and stands
 * for all of them.  Taking a sample wherever bp_series_room_at() says a
 * bucket ends keeps every bucket's last value exact, and its min and max
 * are those of the values recorded.
 *
 * Full buckets never change once closed, but when neighbours merge (and
 * the span doubles).  A copy remembers whose values it holds, so that
 * copying the same series into it again brings only what was added since:
 * a frame of training copies the history's tail, not the whole of it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_SERIES_DEFAULT_CAPACITY 4096

typedef struct
{
  double first;
  double last;
  double min;
  double max;
} BpBucket;

typedef struct
{
  guint     capacity;   /* even, ≥ 2 */
  guint     n_buckets;  /* full buckets */
  guint64   span;       /* epochs per full bucket, a power of two */
  guint64   count;      /* values pushed so far */
  guint64   pending;    /* values in @partial */
  BpBucket  partial;
  BpBucket *buckets;
  guint64   origin;     /* whose values these are: a copy shares its source's */
  gboolean  copied;     /* a copy: pushing into it makes it a series of its own */
} BpSeries;

void      bp_series_init       (BpSeries       *series,
                                guint           capacity);
void      bp_series_clear      (BpSeries       *series);
void      bp_series_reset      (BpSeries       *series);
void      bp_series_push       (BpSeries       *series,
                                double          value);
void      bp_series_push_sample (BpSeries      *series,
                                double          value,
                                guint64         n_epochs);
guint64   bp_series_room_at    (const BpSeries *series,
                                guint64         count);
void      bp_series_copy       (BpSeries       *dest,
                                const BpSeries *src);
guint     bp_series_get_n      (const BpSeries *series);
BpBucket  bp_series_get        (const BpSeries *series,
                                guint           index,
                                guint64        *first_epoch,
                                guint64        *n_epochs);
gboolean  bp_series_range      (const BpSeries *series,
                                double         *min,
                                double         *max);
gsize     bp_series_memory     (const BpSeries *series);

G_END_DECLS
