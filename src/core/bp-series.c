/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-series.c: the bounded min/max series */
#include "bp-series.h"

#include <string.h>

/* Every series, and every reset one, holds values of its own. */
static guint64
new_origin (void)
{
  static gsize last;

  return (guint64) g_atomic_pointer_add (&last, 1) + 1;
}

void
bp_series_init (BpSeries *series,
                guint     capacity)
{
  memset (series, 0, sizeof *series);
  series->capacity = MAX (2, capacity + (capacity & 1));
  /* Not zeroed: only the first n_buckets are ever read, and untouched
   * pages cost nothing until a long run fills them. */
  series->buckets = g_new (BpBucket, series->capacity);
  series->span = 1;
  series->origin = new_origin ();
}

void
bp_series_clear (BpSeries *series)
{
  g_clear_pointer (&series->buckets, g_free);
  series->capacity = 0;
}

void
bp_series_reset (BpSeries *series)
{
  series->n_buckets = 0;
  series->span = 1;
  series->count = 0;
  series->pending = 0;
  series->origin = new_origin ();
  series->copied = FALSE;
}

/* A copy that is pushed into no longer holds its source's values. */
static inline void
own_values (BpSeries *series)
{
  if (G_UNLIKELY (series->copied))
    {
      series->origin = new_origin ();
      series->copied = FALSE;
    }
}

static void
bucket_merge (BpBucket       *into,
              const BpBucket *next)
{
  into->last = next->last;
  into->min = MIN (into->min, next->min);
  into->max = MAX (into->max, next->max);
}

static void
compact (BpSeries *series)
{
  for (guint i = 0; i < series->n_buckets / 2; i++)
    {
      BpBucket b = series->buckets[2 * i];

      bucket_merge (&b, &series->buckets[2 * i + 1]);
      series->buckets[i] = b;
    }
  series->n_buckets /= 2;
  series->span *= 2;
}

static inline void
add_to_partial (BpSeries *series,
                double    value)
{
  BpBucket *p = &series->partial;

  if (series->pending == 0)
    *p = (BpBucket) { value, value, value, value };
  else
    bucket_merge (p, &(BpBucket) { value, value, value, value });
}

static inline void
close_bucket (BpSeries *series)
{
  series->buckets[series->n_buckets++] = series->partial;
  series->pending = 0;
  if (series->n_buckets == series->capacity)
    compact (series);
}

void
bp_series_push (BpSeries *series,
                double    value)
{
  own_values (series);
  add_to_partial (series, value);
  series->count++;
  if (++series->pending == series->span)
    close_bucket (series);
}

/* @value is the one after @n_epochs more epochs, and stands for them all;
 * they must not reach past the open bucket (see bp_series_room_at()). */
void
bp_series_push_sample (BpSeries *series,
                       double    value,
                       guint64   n_epochs)
{
  g_return_if_fail (n_epochs > 0 && n_epochs <= series->span - series->pending);

  own_values (series);
  add_to_partial (series, value);
  series->count += n_epochs;
  series->pending += n_epochs;
  if (series->pending == series->span)
    close_bucket (series);
}

/* How many epochs after @count the bucket that holds epoch @count + 1
 * ends.  The span only depends on how many epochs were recorded: it
 * doubles each time the count reaches capacity × span. */
guint64
bp_series_room_at (const BpSeries *series,
                   guint64         count)
{
  guint64 span = 1;

  while (count / span >= series->capacity)
    span *= 2;
  return span - count % span;
}

/* @dest becomes a copy of @src.  When it already holds an earlier copy
 * of @src at the same span, its full buckets are @src's first ones, as
 * they were then and still are: only the buckets added since are copied. */
void
bp_series_copy (BpSeries       *dest,
                const BpSeries *src)
{
  BpBucket *buckets = dest->buckets;
  guint from = 0;

  if (dest->capacity != src->capacity)
    {
      g_free (buckets);
      buckets = g_new (BpBucket, src->capacity);
    }
  else if (dest->origin == src->origin && dest->span == src->span &&
           dest->n_buckets <= src->n_buckets)
    from = dest->n_buckets;
  *dest = *src;
  dest->buckets = buckets;
  dest->copied = TRUE;
  memcpy (buckets + from, src->buckets + from, (src->n_buckets - from) * sizeof (BpBucket));
}

/* Full buckets, then the partial one if it holds anything. */
guint
bp_series_get_n (const BpSeries *series)
{
  return series->n_buckets + (series->pending > 0 ? 1 : 0);
}

BpBucket
bp_series_get (const BpSeries *series,
               guint           index,
               guint64        *first_epoch,
               guint64        *n_epochs)
{
  g_return_val_if_fail (index < bp_series_get_n (series), (BpBucket) { 0 });
  if (first_epoch != NULL)
    *first_epoch = index * series->span;
  if (n_epochs != NULL)
    *n_epochs = index < series->n_buckets ? series->span : series->pending;
  return index < series->n_buckets ? series->buckets[index] : series->partial;
}

/* Read straight from the buckets: the views ask it of every series each
 * frame of a run. */
gboolean
bp_series_range (const BpSeries *series,
                 double         *min,
                 double         *max)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  if (bp_series_get_n (series) == 0)
    return FALSE;
  for (guint i = 0; i < series->n_buckets; i++)
    {
      lo = MIN (lo, series->buckets[i].min);
      hi = MAX (hi, series->buckets[i].max);
    }
  if (series->pending > 0)
    {
      lo = MIN (lo, series->partial.min);
      hi = MAX (hi, series->partial.max);
    }
  *min = lo;
  *max = hi;
  return TRUE;
}

gsize
bp_series_memory (const BpSeries *series)
{
  return sizeof *series + series->capacity * sizeof (BpBucket);
}
