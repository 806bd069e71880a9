/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-series.c: BpSeries keeps a bounded, shape-preserving record */
#include <math.h>
#include <string.h>

#include "bp-series.h"

/* Every structural invariant: buckets tile the epochs 0..count-1 without
 * gaps, full buckets hold `span` epochs, and each bucket's summary is
 * consistent (min ≤ first, last ≤ max). */
static void
assert_invariants (const BpSeries *s)
{
  guint n = bp_series_get_n (s);
  guint64 next = 0;

  g_assert_cmpuint (s->capacity % 2, ==, 0);
  g_assert_cmpuint (s->n_buckets, <, s->capacity);
  g_assert_cmpuint (s->span & (s->span - 1), ==, 0);
  g_assert_cmpuint (s->pending, <, s->span);
  for (guint i = 0; i < n; i++)
    {
      guint64 first, len;
      BpBucket b = bp_series_get (s, i, &first, &len);

      g_assert_cmpuint (first, ==, next);
      g_assert_cmpuint (len, >, 0);
      if (i < s->n_buckets)
        g_assert_cmpuint (len, ==, s->span);
      g_assert_cmpfloat (b.min, <=, b.first);
      g_assert_cmpfloat (b.min, <=, b.last);
      g_assert_cmpfloat (b.max, >=, b.first);
      g_assert_cmpfloat (b.max, >=, b.last);
      next += len;
    }
  g_assert_cmpuint (next, ==, s->count);
}

/* With value = epoch, every bucket's first, last, min and max are known
 * exactly: any mix-up of them or of epoch numbering shows. */
static void
assert_ramp (const BpSeries *s)
{
  for (guint i = 0; i < bp_series_get_n (s); i++)
    {
      guint64 first, len;
      BpBucket b = bp_series_get (s, i, &first, &len);

      g_assert_cmpfloat (b.first, ==, (double) first);
      g_assert_cmpfloat (b.min, ==, (double) first);
      g_assert_cmpfloat (b.last, ==, (double) (first + len - 1));
      g_assert_cmpfloat (b.max, ==, (double) (first + len - 1));
    }
}

static void
test_empty (void)
{
  BpSeries s;
  double min = 1, max = 2;

  bp_series_init (&s, 8);
  g_assert_cmpuint (bp_series_get_n (&s), ==, 0);
  g_assert_cmpuint (s.count, ==, 0);
  g_assert_cmpuint (s.span, ==, 1);
  g_assert_false (bp_series_range (&s, &min, &max));
  g_assert_cmpfloat (min, ==, 1);
  g_assert_cmpfloat (max, ==, 2);
  assert_invariants (&s);
  bp_series_clear (&s);
  g_assert_null (s.buckets);
  /* Clearing twice is harmless. */
  bp_series_clear (&s);
}

static void
test_capacity_rounding (void)
{
  const guint asked[] = { 0, 1, 2, 3, 4, 7, 4096 };
  const guint got[] = { 2, 2, 2, 4, 4, 8, 4096 };

  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      BpSeries s;

      bp_series_init (&s, asked[i]);
      g_assert_cmpuint (s.capacity, ==, got[i]);
      g_assert_cmpuint (bp_series_memory (&s), ==, sizeof s + got[i] * sizeof (BpBucket));
      bp_series_clear (&s);
    }
}

/* Memory is fixed however many values arrive. */
static void
test_bounded_memory (void)
{
  BpSeries s;
  gsize memory;
  const guint64 total = 10000000;

  bp_series_init (&s, BP_SERIES_DEFAULT_CAPACITY);
  memory = bp_series_memory (&s);
  for (guint64 i = 0; i < total; i++)
    {
      bp_series_push (&s, (double) i);
      if (i % 1000003 == 0)
        g_assert_cmpuint (bp_series_memory (&s), ==, memory);
    }
  g_assert_cmpuint (bp_series_memory (&s), ==, memory);
  g_assert_cmpuint (s.capacity, ==, BP_SERIES_DEFAULT_CAPACITY);
  g_assert_cmpuint (s.count, ==, total);
  g_assert_cmpuint (bp_series_get_n (&s), <=, BP_SERIES_DEFAULT_CAPACITY);
  /* Compaction happened, but the curve still has a useful resolution. */
  g_assert_cmpuint (s.span, >, 1);
  g_assert_cmpuint (bp_series_get_n (&s), >=, BP_SERIES_DEFAULT_CAPACITY / 2);
  assert_invariants (&s);
  assert_ramp (&s);
  bp_series_clear (&s);
}

/* Invariants after every single push, through many compactions of a tiny
 * series. */
static void
test_invariants_every_push (void)
{
  const guint capacities[] = { 2, 4, 6, 16 };

  for (guint c = 0; c < G_N_ELEMENTS (capacities); c++)
    {
      BpSeries s;

      bp_series_init (&s, capacities[c]);
      for (guint i = 0; i < 5000; i++)
        {
          bp_series_push (&s, i);
          g_assert_cmpuint (s.count, ==, i + 1);
          assert_invariants (&s);
          assert_ramp (&s);
        }
      bp_series_clear (&s);
    }
}

static void
check_spike (guint64 total,
             guint64 k,
             double  spike)
{
  BpSeries s;
  double min, max;
  gboolean found = FALSE;

  bp_series_init (&s, 16);
  for (guint64 i = 0; i < total; i++)
    bp_series_push (&s, i == k ? spike : 1.0);
  g_assert_true (bp_series_range (&s, &min, &max));
  g_assert_cmpfloat (spike > 1 ? max : min, ==, spike);
  if (total > 1)
    g_assert_cmpfloat (spike > 1 ? min : max, ==, 1.0);
  for (guint i = 0; i < bp_series_get_n (&s); i++)
    {
      guint64 first, len;
      BpBucket b = bp_series_get (&s, i, &first, &len);
      gboolean holds = k >= first && k < first + len;

      /* The spike is in exactly the bucket that covers epoch k. */
      g_assert_cmpint ((spike > 1 ? b.max : b.min) == spike, ==, holds);
      found |= holds;
    }
  g_assert_true (found);
  assert_invariants (&s);
  bp_series_clear (&s);
}

/* A one-epoch spike (or dip) survives any number of compactions. */
static void
test_spike_survives (void)
{
  const guint64 totals[] = { 1, 17, 1000, 123457 };

  for (guint t = 0; t < G_N_ELEMENTS (totals); t++)
    for (guint r = 0; r < 20; r++)
      {
        guint64 k = (guint64) g_test_rand_double_range (0, totals[t]);

        k = MIN (k, totals[t] - 1);
        check_spike (totals[t], k, 1000.0);
        check_spike (totals[t], k, -5.0);
        check_spike (totals[t], totals[t] - 1, 42.0);
        check_spike (totals[t], 0, 42.0);
      }
}

static void
test_first_last (void)
{
  BpSeries s;
  BpBucket b;
  guint64 first, len;

  bp_series_init (&s, 4);
  bp_series_push (&s, 3);
  b = bp_series_get (&s, 0, &first, &len);
  g_assert_cmpfloat (b.first, ==, 3);
  g_assert_cmpfloat (b.last, ==, 3);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (len, ==, 1);
  for (guint i = 0; i < 9; i++)
    bp_series_push (&s, i % 2 ? -1.0 * i : 2.0 * i);
  /* 10 values into 4 buckets: span 4 now, buckets {0..3} {4..7}, partial {8,9}. */
  g_assert_cmpuint (s.span, ==, 4);
  g_assert_cmpuint (bp_series_get_n (&s), ==, 3);
  b = bp_series_get (&s, 0, NULL, NULL);
  g_assert_cmpfloat (b.first, ==, 3);
  g_assert_cmpfloat (b.last, ==, 4);   /* value of push #4: i = 2 → 4 */
  g_assert_cmpfloat (b.min, ==, -1);
  g_assert_cmpfloat (b.max, ==, 4);
  b = bp_series_get (&s, 2, &first, &len);
  g_assert_cmpuint (first, ==, 8);
  g_assert_cmpuint (len, ==, 2);
  g_assert_cmpfloat (b.first, ==, -7);
  g_assert_cmpfloat (b.last, ==, 16);
  assert_invariants (&s);
  bp_series_clear (&s);
}

/* bp_series_room_at() says where the open bucket of a pushed series
 * ends, at every count, through several compactions. */
static void
test_room_at (void)
{
  BpSeries s;

  bp_series_init (&s, 8);
  for (guint64 i = 0; i < 5000; i++)
    {
      g_assert_cmpuint (bp_series_room_at (&s, s.count), ==, s.span - s.pending);
      bp_series_push (&s, 1.0);
    }
  g_assert_cmpuint (s.span, ==, 1024);
  bp_series_clear (&s);
}

/* Samples with value = epoch after them, taken at chunk ends of random
 * sizes cut at the bucket ends: every bucket ends with the value of its
 * last epoch, holds only values of its own epochs, and the buckets tile
 * the epochs as a series pushed every epoch would. */
static void
test_sampled (void)
{
  BpSeries s, pushed;
  guint64 n_samples = 0;

  bp_series_init (&s, 8);
  bp_series_init (&pushed, 8);
  while (s.count < 20000)
    {
      guint64 chunk = (guint64) g_test_rand_int_range (1, 300);
      guint64 n = MIN (chunk, bp_series_room_at (&s, s.count));

      bp_series_push_sample (&s, (double) (s.count + n), n);
      for (guint64 i = 0; i < n; i++)
        bp_series_push (&pushed, 0);
      n_samples++;
      assert_invariants (&s);
    }
  g_assert_cmpuint (s.span, ==, pushed.span);
  g_assert_cmpuint (bp_series_get_n (&s), ==, bp_series_get_n (&pushed));
  g_assert_cmpuint (n_samples, <, s.count / 4);
  for (guint i = 0; i < bp_series_get_n (&s); i++)
    {
      guint64 first, len;
      BpBucket b = bp_series_get (&s, i, &first, &len);

      g_assert_cmpfloat (b.last, ==, (double) (first + len));
      g_assert_cmpfloat (b.max, ==, b.last);
      g_assert_cmpfloat (b.min, >, (double) first);
    }
  bp_series_clear (&s);
  bp_series_clear (&pushed);
}

static void
assert_series_equal (const BpSeries *a,
                     const BpSeries *b)
{
  g_assert_cmpuint (a->capacity, ==, b->capacity);
  g_assert_cmpuint (a->count, ==, b->count);
  g_assert_cmpuint (a->span, ==, b->span);
  g_assert_cmpuint (bp_series_get_n (a), ==, bp_series_get_n (b));
  for (guint i = 0; i < bp_series_get_n (a); i++)
    {
      BpBucket x = bp_series_get (a, i, NULL, NULL);
      BpBucket y = bp_series_get (b, i, NULL, NULL);

      g_assert_cmpmem (&x, sizeof x, &y, sizeof y);
    }
}

static void
test_copy (void)
{
  BpSeries src, same, other, zeroed = { 0 };

  bp_series_init (&src, 8);
  bp_series_init (&same, 8);
  bp_series_init (&other, 100);
  for (guint i = 0; i < 37; i++)
    bp_series_push (&src, sin (i));
  bp_series_copy (&same, &src);
  bp_series_copy (&other, &src);
  bp_series_copy (&zeroed, &src);
  assert_series_equal (&same, &src);
  assert_series_equal (&other, &src);
  assert_series_equal (&zeroed, &src);
  /* The copy owns its buckets. */
  g_assert_true (same.buckets != src.buckets);
  bp_series_push (&src, 100);
  g_assert_cmpuint (same.count, ==, 37);
  bp_series_push (&same, 100);
  assert_series_equal (&same, &src);
  bp_series_clear (&src);
  bp_series_clear (&same);
  bp_series_clear (&other);
  bp_series_clear (&zeroed);
}

/* Copying the same series again brings only the buckets it gained: the
 * copy's earlier buckets are not written again (a frame of training
 * copies the tail of the history, not the whole of it), and the copy is
 * still equal to its source through merges, resets and pushes into it. */
static void
test_copy_tail (void)
{
  BpSeries src, copy, fresh = { 0 };
  BpBucket marked = { -1, -1, -1, -1 };

  bp_series_init (&src, 8);
  bp_series_init (&copy, 8);
  for (guint i = 0; i < 5; i++)
    bp_series_push (&src, i);
  bp_series_copy (&copy, &src);
  /* Written behind the copy's back, as no caller does: a second copy
   * that copied everything would overwrite it. */
  copy.buckets[0] = marked;
  bp_series_push (&src, 5);
  bp_series_copy (&copy, &src);
  g_assert_cmpmem (&copy.buckets[0], sizeof (BpBucket), &marked, sizeof (BpBucket));
  g_assert_cmpfloat (copy.buckets[5].last, ==, 5);
  g_assert_cmpuint (copy.n_buckets, ==, 6);
  /* Equal to a copy made afresh after every push, across merges. */
  for (guint i = 6; i < 200; i++)
    {
      bp_series_push (&src, sin (i));
      bp_series_copy (&copy, &src);
      if (i == 6)
        copy.buckets[0] = src.buckets[0];
      bp_series_copy (&fresh, &src);
      assert_series_equal (&copy, &fresh);
    }
  /* A source reset and filled again, as a new run's: all copied anew. */
  bp_series_reset (&src);
  for (guint i = 0; i < 6; i++)
    bp_series_push (&src, 10 + i);
  bp_series_copy (&copy, &src);
  assert_series_equal (&copy, &src);
  /* A copy pushed into is a series of its own: copying its source again
   * brings the source's values back, not the copy's. */
  bp_series_push (&copy, 1000);
  bp_series_push (&src, 16);
  bp_series_copy (&copy, &src);
  assert_series_equal (&copy, &src);
  bp_series_clear (&src);
  bp_series_clear (&copy);
  bp_series_clear (&fresh);
}

static void
test_reset (void)
{
  BpSeries s;
  double min, max;

  bp_series_init (&s, 4);
  for (guint i = 0; i < 50; i++)
    bp_series_push (&s, i);
  bp_series_reset (&s);
  g_assert_cmpuint (s.count, ==, 0);
  g_assert_cmpuint (s.span, ==, 1);
  g_assert_cmpuint (bp_series_get_n (&s), ==, 0);
  g_assert_false (bp_series_range (&s, &min, &max));
  bp_series_push (&s, 7);
  g_assert_true (bp_series_range (&s, &min, &max));
  g_assert_cmpfloat (min, ==, 7);
  g_assert_cmpfloat (max, ==, 7);
  bp_series_clear (&s);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/series/empty", test_empty);
  g_test_add_func ("/series/capacity-rounding", test_capacity_rounding);
  g_test_add_func ("/series/bounded-memory", test_bounded_memory);
  g_test_add_func ("/series/invariants-every-push", test_invariants_every_push);
  g_test_add_func ("/series/spike-survives", test_spike_survives);
  g_test_add_func ("/series/first-last", test_first_last);
  g_test_add_func ("/series/copy", test_copy);
  g_test_add_func ("/series/copy-tail", test_copy_tail);
  g_test_add_func ("/series/reset", test_reset);
  g_test_add_func ("/series/room-at", test_room_at);
  g_test_add_func ("/series/sampled", test_sampled);

  return g_test_run ();
}
