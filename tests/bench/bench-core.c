/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core.c: the core's speed and memory, each beside its baseline
 *
 * Prints figures; asserts nothing about time (a busy machine must not
 * fail a build).  Every ratio compares two measurements of this run.
 * Run with: meson test -C build --benchmark --verbose
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-utils.h"
#include "bp-network.h"
#include "bp-people.h"
#include "bp-trainer.h"

#define REPEATS 11

typedef double (*Measure) (gpointer data);

static double
median_of (Measure  measure,
           gpointer data,
           guint    repeats)
{
  double values[32];

  g_assert (repeats <= G_N_ELEMENTS (values));
  for (guint i = 0; i < repeats; i++)
    values[i] = measure (data);
  qsort (values, repeats, sizeof (double), bench_compare_doubles);
  return values[repeats / 2];
}

/* @measure_a and @measure_b in turn, @repeats times: the medians of
 * each, and the median of their ratio b / a within a pair, which a
 * machine busy for a while cannot tilt as it could two series run one
 * after the other. */
static double
median_ratio_of (Measure  measure_a,
                 Measure  measure_b,
                 gpointer data,
                 guint    repeats,
                 double  *median_a,
                 double  *median_b)
{
  double a[32], b[32], ratio[32];

  g_assert (repeats <= G_N_ELEMENTS (a));
  for (guint i = 0; i < repeats; i++)
    {
      a[i] = measure_a (data);
      b[i] = measure_b (data);
      ratio[i] = b[i] / a[i];
    }
  qsort (a, repeats, sizeof (double), bench_compare_doubles);
  qsort (b, repeats, sizeof (double), bench_compare_doubles);
  qsort (ratio, repeats, sizeof (double), bench_compare_doubles);
  *median_a = a[repeats / 2];
  *median_b = b[repeats / 2];
  return ratio[repeats / 2];
}

static double
now_s (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

/* Processor time of the whole process, all threads: what a step costs,
 * whatever else the machine (or the virtual machine's host) is doing
 * meanwhile, which wall-clock time on a shared machine cannot tell. */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The baseline: the seeds' SGD by hand, each sigmoid once, f·(1−f) for its
 * derivative, the seeds' rounding order, no bookkeeping at all. */
static inline double
sig (double x)
{
  return 1.0 / (1.0 + exp (-x));
}

static void
bare_loop (double          *p,
           const BpDataset *d,
           double           lr,
           guint64          epochs)
{
  double w1 = p[0], w2 = p[1], w3 = p[2], w4 = p[3], w5 = p[4], w6 = p[5];
  double b1 = p[6], b2 = p[7], b3 = p[8];

  for (guint64 e = 0; e < epochs; e++)
    for (guint i = 0; i < d->n; i++)
      {
        double x0 = d->x0[i], x1 = d->x1[i];
        double h1 = sig (w1 * x0 + w2 * x1 + b1), h2 = sig (w3 * x0 + w4 * x1 + b2);
        double o1 = sig (w5 * h1 + w6 * h2 + b3);
        double dh1 = h1 * (1 - h1), dh2 = h2 * (1 - h2), dout = o1 * (1 - o1);
        double g = lr * (-2 * (d->y[i] - o1)), g1 = g * (w5 * dout), g2 = g * (w6 * dout);

        w1 -= g1 * (x0 * dh1); w2 -= g1 * (x1 * dh1); b1 -= g1 * dh1;
        w3 -= g2 * (x0 * dh2); w4 -= g2 * (x1 * dh2); b2 -= g2 * dh2;
        w5 -= g * (h1 * dout); w6 -= g * (h2 * dout); b3 -= g * dout;
      }
  p[0] = w1; p[1] = w2; p[2] = w3; p[3] = w4; p[4] = w5; p[5] = w6;
  p[6] = b1; p[7] = b2; p[8] = b3;
}

typedef struct
{
  BpDataset *data;
  BpParams   initial;
  guint64    epochs;
} Run;

static double
measure_bare (gpointer user_data)
{
  Run *run = user_data;
  double p[BP_N_PARAMS];
  double t;

  for (guint i = 0; i < BP_N_PARAMS; i++)
    p[i] = bp_params_get (&run->initial, i);
  t = cpu_s ();
  bare_loop (p, run->data, 0.1, run->epochs);
  t = cpu_s () - t;
  /* Keep the result alive so the loop is not optimised away. */
  if (!isfinite (p[0]))
    g_print ("#\n");
  return t / (run->epochs * run->data->n) * 1e9;
}

static double
measure_trainer (gpointer user_data)
{
  Run *run = user_data;
  BpTrainerConfig config = { run->initial, 0.1, run->epochs, 0 };
  g_autoptr(BpTrainer) trainer = bp_trainer_new (run->data, NULL, &config);
  double t = cpu_s ();

  bp_trainer_start (trainer, FALSE);
  bp_trainer_wait (trainer, -1);
  t = cpu_s () - t;
  return t / (run->epochs * run->data->n) * 1e9;
}

/* Stop request to worker joined, in the middle of a billion-epoch run. */
static double
measure_stop (gpointer user_data)
{
  Run *run = user_data;
  BpTrainerConfig config = { run->initial, 0.1, 1000000000, 0 };
  g_autoptr(BpTrainer) trainer = bp_trainer_new (run->data, NULL, &config);
  double t;

  bp_trainer_start (trainer, FALSE);
  g_usleep (20000);
  t = now_s ();
  bp_trainer_stop (trainer);
  return (now_s () - t) * 1e3;
}

static double
measure_parallel (gpointer user_data)
{
  Run *run = user_data;
  BpTrainerConfig config = { run->initial, 0.1, run->epochs, 0 };
  BpTrainer *trainers[4];
  double t = now_s ();

  for (guint i = 0; i < G_N_ELEMENTS (trainers); i++)
    {
      config.learning_rate = 0.05 * (i + 1);
      trainers[i] = bp_trainer_new (run->data, NULL, &config);
      bp_trainer_start (trainers[i], FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (trainers); i++)
    {
      bp_trainer_wait (trainers[i], -1);
      bp_trainer_free (trainers[i]);
    }
  return (now_s () - t) * 1e3;
}

static double
measure_sequential (gpointer user_data)
{
  Run *run = user_data;
  double t = now_s ();

  for (guint i = 0; i < 4; i++)
    measure_trainer (run);
  return (now_s () - t) * 1e3;
}

/* The whole history a trainer keeps (loss, test loss, parameters and
 * predictions), after a short run and after a billion epochs. */
static void
bench_history_memory (void)
{
  BpHistory history;
  gsize before, after;

  bp_history_init (&history);
  for (guint64 i = 0; i < 1000; i++)
    bp_series_push (&history.loss, 1.0 / (i + 1));
  before = bp_history_memory (&history);
  for (guint64 i = 1000; i < G_GUINT64_CONSTANT (1000000000); i++)
    bp_series_push (&history.loss, 1.0 / (i + 1));
  after = bp_history_memory (&history);
  g_print ("history memory: %.1f KiB after 1e3 epochs, %.1f KiB after 1e9 (goal: fixed, <= 1024 KiB)\n",
           before / 1024.0, after / 1024.0);
  bp_history_clear (&history);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpNormalizer norm;
  Run run = { 0 };
  double bare, trainer, ratio, stop, parallel, sequential;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  run.data = bp_people_to_dataset (people, &norm);
  bp_params_from_seed (&run.initial, 1);
  run.epochs = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 2000000;

  g_print ("# backprop core benchmark: the seeds' 4 people, %" G_GUINT64_FORMAT
           " epochs a run, median of %d\n", run.epochs, REPEATS);
  ratio = median_ratio_of (measure_bare, measure_trainer, &run, REPEATS, &bare, &trainer);
  g_print ("SGD step, bare hand-tuned loop (baseline): %.1f ns\n", bare);
  g_print ("SGD step, trainer thread with exact loss history: %.1f ns = %.3fx the baseline, "
           "median of the ratios in %d pairs measured in turn (goal <= 1.2x)\n",
           trainer, ratio, REPEATS);
  stop = median_of (measure_stop, &run, REPEATS);
  g_print ("stop of a 1e9-epoch run, request to worker joined: %.3f ms (goal <= 5 ms)\n", stop);
  run.epochs /= 4;
  parallel = median_of (measure_parallel, &run, 3);
  sequential = median_of (measure_sequential, &run, 3);
  g_print ("4 runs of %" G_GUINT64_FORMAT " epochs at once: %.0f ms; one after another: %.0f ms; "
           "ratio %.2f (goal <= about 0.5 on 2 cores; %u cores here)\n",
           run.epochs, parallel, sequential, parallel / sequential, g_get_num_processors ());
  bench_history_memory ();
  bp_dataset_free (run.data);
  return 0;
}
