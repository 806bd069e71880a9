/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-trainer.c: the worker thread trains exactly like bp_network_train
 * and obeys pause, step, resume, stop and pace
 *
 * Nothing here asserts that something happens within a time: waits poll
 * with timeouts of many seconds, and the only assertions after a short
 * sleep are upper bounds that a correct trainer can never exceed.
 */
#include <math.h>
#include <string.h>

#include "bp-people.h"
#include "bp-trainer.h"

#define LONG_TIMEOUT_US (60 * G_USEC_PER_SEC)
/* For runs of a handful of epochs. */
#define SHORT_TIMEOUT_US (5 * G_USEC_PER_SEC)
#define HUGE_EPOCHS G_GUINT64_CONSTANT (1000000000000)

/* ---- helpers ------------------------------------------------------------ */

static BpDataset *
seed_dataset (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpNormalizer norm;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  return bp_people_to_dataset (people, &norm);
}

/* Emily (F) and Frank (M) of the seeds, normalised the seeds' way. */
static BpDataset *
emily_frank (void)
{
  BpDataset *data = bp_dataset_new (2);

  data->x0[0] = -7;
  data->x1[0] = -3;
  data->y[0] = 1;
  data->x0[1] = 20;
  data->x1[1] = 2;
  data->y[1] = 0;
  return data;
}

static BpTrainerConfig
make_config (guint64 epochs,
             double  learning_rate,
             double  epochs_per_second)
{
  BpTrainerConfig config = { .learning_rate = learning_rate, .epochs = epochs,
                             .epochs_per_second = epochs_per_second };

  bp_params_from_seed (&config.initial, 1);
  return config;
}

static BpProgress
get_progress (BpTrainer *trainer)
{
  BpProgress p;

  bp_trainer_get_progress (trainer, &p);
  return p;
}

static void
assert_params_equal (const BpParams *a,
                     const BpParams *b)
{
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

/* What bp_network_train makes of the same start. */
static BpParams
trained (const BpTrainerConfig *config,
         const BpDataset       *data,
         guint64                epochs)
{
  BpParams p = config->initial;

  g_assert_cmpuint (bp_network_train (&p, data, config->learning_rate, epochs, NULL), ==, epochs);
  return p;
}

static void
wait_for_epoch (BpTrainer *trainer,
                guint64    epoch)
{
  gint64 deadline = g_get_monotonic_time () + LONG_TIMEOUT_US;

  while (get_progress (trainer).epoch < epoch)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the trainer did not reach epoch %" G_GUINT64_FORMAT, epoch);
      g_usleep (1000);
    }
}

/* After a pause the worker finishes the chunk it is in, then parks: wait
 * until it has.  (Watching the epoch stand still is not enough: the worker
 * runs at idle priority, and on a busy machine it may not be scheduled for
 * longer than any wait.) */
static guint64
wait_until_still (BpTrainer *trainer)
{
  gint64 deadline = g_get_monotonic_time () + LONG_TIMEOUT_US;

  while (!bp_trainer_is_resting (trainer))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the trainer never came to rest");
      g_usleep (1000);
    }
  return get_progress (trainer).epoch;
}

static void
assert_history_finite (const BpSeries *s)
{
  for (guint i = 0; i < bp_series_get_n (s); i++)
    {
      BpBucket b = bp_series_get (s, i, NULL, NULL);

      g_assert_true (isfinite (b.first) && isfinite (b.last));
      g_assert_true (isfinite (b.min) && isfinite (b.max));
    }
}

/* ---- tests -------------------------------------------------------------- */

static void
test_finish (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (3000, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  g_autofree double *losses = g_new (double, 3000);
  BpParams expected = config.initial;
  BpProgress p = get_progress (trainer);
  BpHistory history;

  g_assert_cmpint (p.state, ==, BP_TRAINER_IDLE);
  g_assert_cmpuint (p.epoch, ==, 0);
  g_assert_cmpuint (p.epochs, ==, 3000);
  g_assert_cmpfloat (p.loss, ==, bp_network_loss (&config.initial, data));
  g_assert_true (isnan (p.test_loss));
  assert_params_equal (&p.params, &config.initial);

  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (p.epoch, ==, 3000);
  g_assert_cmpuint (bp_network_train (&expected, data, 0.1, 3000, losses), ==, 3000);
  assert_params_equal (&p.params, &expected);
  g_assert_cmpfloat (p.loss, ==, losses[2999]);
  g_assert_true (isnan (p.test_loss));

  bp_history_init (&history);
  g_assert_true (bp_trainer_copy_history (trainer, &history, NULL));
  g_assert_cmpuint (history.loss.count, ==, 3000);
  g_assert_cmpuint (history.test_loss.count, ==, 0);
  /* Under the capacity nothing is merged: bucket i is epoch i's loss. */
  g_assert_cmpuint (bp_series_get_n (&history.loss), ==, 3000);
  for (guint i = 0; i < 3000; i++)
    g_assert_cmpfloat (bp_series_get (&history.loss, i, NULL, NULL).first, ==, losses[i]);
  bp_history_clear (&history);
}

/* With a target loss the run finishes after the first epoch whose loss
 * is below it, on the parameters of a run of exactly that many epochs,
 * and says so; paced (one frame's epochs per chunk) or not, and stepped
 * person by person across that epoch. */
static void
check_target (double pace,
              gboolean by_person)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (1000, 0.1, pace);
  g_autofree double *losses = g_new (double, 1000);
  g_autoptr(BpTrainer) trainer = NULL;
  BpParams p = config.initial;
  BpProgress progress;
  BpHistory history;
  guint stop = 0;

  g_assert_cmpuint (bp_network_train (&p, data, 0.1, 1000, losses), ==, 1000);
  config.target_loss = nextafter (losses[297], INFINITY);
  while (!(losses[stop] < config.target_loss))
    stop++;
  g_assert_cmpuint (stop, >, 0);
  trainer = bp_trainer_new (data, NULL, &config);
  bp_trainer_start (trainer, by_person);
  if (by_person)
    {
      bp_trainer_step (trainer, stop);
      wait_for_epoch (trainer, stop);
      for (guint i = 0; i < data->n; i++)
        bp_trainer_step_sample (trainer);
    }
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  progress = get_progress (trainer);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  g_assert_true (progress.reached_target);
  g_assert_cmpuint (progress.epoch, ==, stop + 1);
  p = trained (&config, data, stop + 1);
  assert_params_equal (&progress.params, &p);
  g_assert_cmpfloat (progress.loss, ==, losses[stop]);
  bp_history_init (&history);
  g_assert_true (bp_trainer_copy_history (trainer, &history, NULL));
  g_assert_cmpuint (history.loss.count, ==, stop + 1);
  bp_history_clear (&history);
}

static void
test_target_loss (void)
{
  check_target (0, FALSE);
}

static void
test_target_loss_paced (void)
{
  check_target (30000, FALSE);
}

static void
test_target_loss_by_person (void)
{
  check_target (0, TRUE);
}

/* Without a target, or with one never reached, a run ends by its epochs. */
static void
test_target_not_reached (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (300, 0.1, 0);
  BpParams expected = trained (&config, data, 300);
  g_autoptr(BpTrainer) trainer = NULL;
  BpProgress progress;

  config.target_loss = 1e-9;
  trainer = bp_trainer_new (data, NULL, &config);
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  progress = get_progress (trainer);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  g_assert_false (progress.reached_target);
  g_assert_cmpuint (progress.epoch, ==, 300);
  assert_params_equal (&progress.params, &expected);
}

/* The trainer keeps its own copy of the data. */
static void
test_copies_data (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  g_autoptr(BpDataset) original = seed_dataset ();
  BpTrainerConfig config = make_config (500, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpParams expected = trained (&config, original, 500);
  BpProgress p;

  for (guint i = 0; i < data->n; i++)
    data->x0[i] = data->x1[i] = data->y[i] = 1e6;
  g_clear_pointer (&data, bp_dataset_free);
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  assert_params_equal (&p.params, &expected);
}

static void
test_start_paused_step_resume (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (1000, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpParams after3 = trained (&config, data, 3);
  BpParams after10 = trained (&config, data, 10);
  BpParams after1000 = trained (&config, data, 1000);
  BpProgress p;

  bp_trainer_start (trainer, TRUE);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_PAUSED);
  g_usleep (50000);
  g_assert_cmpuint (get_progress (trainer).epoch, ==, 0);
  g_assert_false (bp_trainer_wait (trainer, 1000));

  bp_trainer_step (trainer, 3);
  wait_for_epoch (trainer, 3);
  g_usleep (100000);
  p = get_progress (trainer);
  g_assert_cmpuint (p.epoch, ==, 3);
  g_assert_cmpint (p.state, ==, BP_TRAINER_PAUSED);
  assert_params_equal (&p.params, &after3);

  bp_trainer_step (trainer, 2);
  bp_trainer_step (trainer, 5);
  wait_for_epoch (trainer, 10);
  g_usleep (100000);
  p = get_progress (trainer);
  g_assert_cmpuint (p.epoch, ==, 10);
  assert_params_equal (&p.params, &after10);

  bp_trainer_resume (trainer);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (p.epoch, ==, 1000);
  assert_params_equal (&p.params, &after1000);
}

/* A step past the end stops at the end. */
static void
test_step_past_end (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (5, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);

  bp_trainer_start (trainer, TRUE);
  bp_trainer_step (trainer, 100);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (get_progress (trainer).epoch, ==, 5);
}

static void
test_pause_running (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (HUGE_EPOCHS, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpProgress p;
  guint64 rest;

  bp_trainer_start (trainer, FALSE);
  wait_for_epoch (trainer, 1);
  bp_trainer_pause (trainer);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_PAUSED);
  rest = wait_until_still (trainer);
  g_usleep (200000);
  p = get_progress (trainer);
  g_assert_cmpuint (p.epoch, ==, rest);
  g_assert_cmpint (p.state, ==, BP_TRAINER_PAUSED);
  if (rest <= 2000000)
    {
      BpParams expected = trained (&config, data, rest);

      assert_params_equal (&p.params, &expected);
    }

  bp_trainer_step (trainer, 3);
  wait_for_epoch (trainer, rest + 3);
  g_usleep (100000);
  g_assert_cmpuint (get_progress (trainer).epoch, ==, rest + 3);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_PAUSED);

  bp_trainer_resume (trainer);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_RUNNING);
  wait_for_epoch (trainer, rest + 1000);
  bp_trainer_stop (trainer);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_STOPPED);
}

static void
test_stop (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (HUGE_EPOCHS, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  g_autoptr(BpTrainer) idle = bp_trainer_new (data, NULL, &config);
  BpProgress p, later;

  bp_trainer_start (trainer, FALSE);
  wait_for_epoch (trainer, 1);
  bp_trainer_stop (trainer);
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_STOPPED);
  g_assert_cmpuint (p.epoch, >=, 1);
  g_assert_cmpuint (p.epoch, <, HUGE_EPOCHS);
  g_assert_true (bp_trainer_wait (trainer, 0));
  /* Joined: nothing runs after stop returns. */
  g_usleep (50000);
  later = get_progress (trainer);
  g_assert_cmpuint (later.epoch, ==, p.epoch);
  g_assert_cmpuint (later.version, ==, p.version);
  bp_trainer_stop (trainer);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_STOPPED);

  bp_trainer_stop (idle);
  g_assert_cmpint (get_progress (idle).state, ==, BP_TRAINER_STOPPED);
}

/* Stop wakes a paused worker too. */
static void
test_stop_paused (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (HUGE_EPOCHS, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);

  bp_trainer_start (trainer, TRUE);
  bp_trainer_stop (trainer);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_STOPPED);
  g_assert_cmpuint (get_progress (trainer).epoch, ==, 0);
}

static void
test_diverge (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  g_autoptr(BpDataset) test = emily_frank ();
  BpTrainerConfig config = make_config (100000, 1e308, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, test, &config);
  BpHistory history;
  BpProgress p;
  double min, max;

  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_DIVERGED);
  g_assert_cmpuint (p.epoch, >=, 1);
  g_assert_cmpuint (p.epoch, <, 100000);
  g_assert_true (!isfinite (p.loss) || !bp_params_all_finite (&p.params));

  bp_history_init (&history);
  bp_trainer_copy_history (trainer, &history, NULL);
  g_assert_cmpuint (history.loss.count, <=, p.epoch);
  assert_history_finite (&history.loss);
  assert_history_finite (&history.test_loss);
  if (bp_series_range (&history.loss, &min, &max))
    g_assert_true (isfinite (min) && isfinite (max));
  bp_history_clear (&history);
}

/* 10 epochs a second: 50 ms after the start, far fewer than 1000 epochs
 * can have run; then at full speed it finishes. */
static void
test_pace (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (200000, 0.1, 10);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpParams expected = trained (&config, data, 200000);
  BpProgress p;

  bp_trainer_start (trainer, FALSE);
  g_usleep (50000);
  p = get_progress (trainer);
  g_assert_cmpuint (p.epoch, <, 1000);
  g_assert_cmpint (p.state, ==, BP_TRAINER_RUNNING);
  bp_trainer_set_pace (trainer, 0);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_FINISHED);
  assert_params_equal (&p.params, &expected);
}

/* Pausing a paced run must not bank the paused time: on resume, the run
 * goes on at the pace, not in a burst that catches up with the clock.
 * Epochs since the resume are bounded by one in flight, one at the
 * restart and elapsed × pace. */
static void
test_pace_after_resume (void)
{
  const double pace = 10;
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (1000000, 0.1, pace);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  guint64 rest, after;
  gint64 resumed, elapsed;

  bp_trainer_start (trainer, FALSE);
  wait_for_epoch (trainer, 1);
  bp_trainer_pause (trainer);
  rest = wait_until_still (trainer);
  g_usleep (G_USEC_PER_SEC);
  resumed = g_get_monotonic_time ();
  bp_trainer_resume (trainer);
  g_usleep (30000);
  after = get_progress (trainer).epoch;
  elapsed = g_get_monotonic_time () - resumed;
  if (after - rest > 2 + elapsed * pace / G_USEC_PER_SEC)
    g_test_fail_printf ("%" G_GUINT64_FORMAT " epochs ran in the %.3f s after resuming at %g epochs/s",
                        after - rest, elapsed / 1e6, pace);
  bp_trainer_stop (trainer);
}

static void
test_test_people (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  g_autoptr(BpDataset) test = emily_frank ();
  g_autoptr(BpDataset) empty = bp_dataset_new (0);
  BpTrainerConfig config = make_config (2000, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, test, &config);
  g_autoptr(BpTrainer) no_test = bp_trainer_new (data, empty, &config);
  BpParams expected = trained (&config, data, 2000);
  BpHistory history;
  BpProgress p = get_progress (trainer);

  g_assert_cmpfloat (p.test_loss, ==, bp_network_loss (&config.initial, test));
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_true (isfinite (p.test_loss));
  g_assert_cmpfloat (p.test_loss, ==, bp_network_loss (&expected, test));
  g_assert_cmpfloat (p.test_loss, <, 0.05);
  bp_history_init (&history);
  bp_trainer_copy_history (trainer, &history, NULL);
  g_assert_cmpuint (history.test_loss.count, ==, 2000);
  g_assert_cmpfloat (bp_series_get (&history.test_loss, 1999, NULL, NULL).last, ==, p.test_loss);
  bp_history_clear (&history);

  /* An empty test set is no test set. */
  g_assert_true (isnan (get_progress (no_test).test_loss));
  bp_trainer_start (no_test, FALSE);
  g_assert_true (bp_trainer_wait (no_test, LONG_TIMEOUT_US));
  g_assert_true (isnan (get_progress (no_test).test_loss));
}

static void
test_history_bounded (void)
{
  const guint64 epochs = 1000000;
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (epochs, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpHistory history;
  guint64 version = 0;
  double min, max;

  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  bp_history_init (&history);
  g_assert_true (bp_trainer_copy_history (trainer, &history, &version));
  g_assert_false (bp_trainer_copy_history (trainer, &history, &version));
  g_assert_cmpuint (history.loss.count, ==, epochs);
  g_assert_cmpuint (bp_series_memory (&history.loss), ==,
                    sizeof (BpSeries) + BP_SERIES_DEFAULT_CAPACITY * sizeof (BpBucket));
  g_assert_cmpuint (bp_series_get_n (&history.loss), <=, BP_SERIES_DEFAULT_CAPACITY);
  g_assert_true (bp_series_range (&history.loss, &min, &max));
  /* The seed-1 run starts above 0.6 and ends below 0.01. */
  g_assert_cmpfloat (max, >, 0.6);
  g_assert_cmpfloat (min, <, 0.01);
  bp_history_clear (&history);
}

/* The parameters after every epoch of a run from @config, and each
 * person's prediction from them: the reference for the sampled series. */
typedef struct
{
  guint64   epochs;
  BpParams *params;       /* [e - 1]: after epoch e */
  double   *predictions;  /* [(e - 1) * n + i] */
} Reference;

static void
reference_init (Reference             *ref,
                const BpTrainerConfig *config,
                const BpDataset       *data)
{
  BpParams p = config->initial;

  ref->epochs = config->epochs;
  ref->params = g_new (BpParams, ref->epochs);
  ref->predictions = g_new (double, ref->epochs * data->n);
  for (guint64 e = 0; e < ref->epochs; e++)
    {
      bp_network_epoch (&p, data, config->learning_rate);
      ref->params[e] = p;
      for (guint i = 0; i < data->n; i++)
        ref->predictions[e * data->n + i] = bp_network_feedforward (&p, data->x0[i], data->x1[i]);
    }
}

static void
reference_clear (Reference *ref)
{
  g_free (ref->params);
  g_free (ref->predictions);
}

/* Recorded values are exact: each bucket ends with the value after its
 * last epoch, and its first, min and max each are the value after one of
 * its epochs. */
static gboolean
is_value_in (const double *values,
             gsize         stride,
             guint64       first,
             guint64       len,
             double        v)
{
  for (guint64 e = first; e < first + len; e++)
    if (values[e * stride] == v)
      return TRUE;
  return FALSE;
}

static void
assert_sampled_exact (const BpSeries *s,
                      const double   *values,
                      gsize           stride,
                      guint64         epochs)
{
  g_assert_cmpuint (s->count, ==, epochs);
  g_assert_cmpuint (bp_series_get_n (s), <=, BP_HISTORY_SAMPLED_CAPACITY);
  for (guint i = 0; i < bp_series_get_n (s); i++)
    {
      guint64 first, len;
      BpBucket b = bp_series_get (s, i, &first, &len);

      g_assert_cmpfloat (b.last, ==, values[(first + len - 1) * stride]);
      g_assert_true (is_value_in (values, stride, first, len, b.first));
      g_assert_true (is_value_in (values, stride, first, len, b.min));
      g_assert_true (is_value_in (values, stride, first, len, b.max));
    }
}

static void
assert_history_exact (const BpHistory *h,
                      const Reference *ref,
                      guint            n_people)
{
  g_assert_cmpuint (h->n_people, ==, n_people);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    assert_sampled_exact (&h->params[j], (const double *) ref->params + j,
                          sizeof (BpParams) / sizeof (double), ref->epochs);
  for (guint i = 0; i < n_people; i++)
    assert_sampled_exact (&h->predictions[i], ref->predictions + i, n_people, ref->epochs);
}

/* A run long enough for the sampled series to compact many times, that
 * also pauses at an epoch where no bucket ends. */
static void
test_history_sampled_exact (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (100000, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpHistory history;
  Reference ref;

  reference_init (&ref, &config, data);
  bp_history_init (&history);
  bp_trainer_start (trainer, TRUE);
  bp_trainer_step (trainer, 1001);
  wait_for_epoch (trainer, 1001);
  bp_trainer_copy_history (trainer, &history, NULL);
  g_assert_cmpuint (history.params[0].count, ==, 1001);
  g_assert_cmpfloat (bp_series_get (&history.params[0], bp_series_get_n (&history.params[0]) - 1,
                                    NULL, NULL).last, ==, ref.params[1000].w1);
  bp_trainer_resume (trainer);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  bp_trainer_copy_history (trainer, &history, NULL);
  assert_history_exact (&history, &ref, data->n);
  g_assert_cmpuint (history.params[0].span, >, 64);
  reference_clear (&ref);
  bp_history_clear (&history);
}

/* Waits until the worker has trained on @sample people of epoch
 * @epoch + 1 (0: the epoch is done). */
static BpProgress
wait_for_sample (BpTrainer *trainer,
                 guint64    epoch,
                 guint      sample)
{
  gint64 deadline = g_get_monotonic_time () + LONG_TIMEOUT_US;
  BpProgress p;

  while ((p = get_progress (trainer)).epoch != epoch || p.sample != sample)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the trainer did not reach person %u of epoch %" G_GUINT64_FORMAT,
                 sample, epoch + 1);
      g_usleep (1000);
    }
  return p;
}

/* Person by person, the same steps as epoch by epoch, bit for bit; an
 * epoch finished that way is recorded like any other, and epochs asked
 * for mid-epoch first finish the one under way. */
static void
test_step_sample (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (50, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpParams one = config.initial;
  BpHistory history;
  Reference ref;
  BpProgress p;

  reference_init (&ref, &config, data);
  bp_trainer_start (trainer, TRUE);
  bp_trainer_step_sample (trainer);
  p = wait_for_sample (trainer, 0, 1);
  bp_network_step (&one, data->x0[0], data->x1[0], data->y[0], 0.1);
  assert_params_equal (&p.params, &one);
  g_assert_cmpint (p.state, ==, BP_TRAINER_PAUSED);
  g_usleep (50000);
  g_assert_cmpuint (get_progress (trainer).sample, ==, 1);

  /* Alice's step, then Bob, Charlie and Diana: the first epoch. */
  for (guint i = 1; i < data->n; i++)
    bp_trainer_step_sample (trainer);
  p = wait_for_sample (trainer, 1, 0);
  assert_params_equal (&p.params, &ref.params[0]);
  g_assert_cmpfloat (p.loss, ==, bp_network_loss (&ref.params[0], data));
  g_assert_cmpint (p.state, ==, BP_TRAINER_PAUSED);

  /* Two people into the second epoch, then "one epoch" ends it. */
  bp_trainer_step_sample (trainer);
  bp_trainer_step_sample (trainer);
  wait_for_sample (trainer, 1, 2);
  bp_trainer_step (trainer, 1);
  p = wait_for_sample (trainer, 2, 0);
  assert_params_equal (&p.params, &ref.params[1]);
  g_usleep (50000);
  g_assert_cmpuint (get_progress (trainer).epoch, ==, 2);

  /* One more person, then resume: the run ends as if never stepped. */
  bp_trainer_step_sample (trainer);
  wait_for_sample (trainer, 2, 1);
  bp_trainer_resume (trainer);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (p.epoch, ==, 50);
  g_assert_cmpuint (p.sample, ==, 0);
  assert_params_equal (&p.params, &ref.params[49]);
  bp_history_init (&history);
  bp_trainer_copy_history (trainer, &history, NULL);
  g_assert_cmpuint (history.loss.count, ==, 50);
  for (guint e = 0; e < 50; e++)
    g_assert_cmpfloat (bp_series_get (&history.loss, e, NULL, NULL).first, ==,
                       bp_network_loss (&ref.params[e], data));
  assert_history_exact (&history, &ref, data->n);
  reference_clear (&ref);
  bp_history_clear (&history);
}

/* Epochs stepped, then a person, then the rest of that epoch and a
 * resume: the epoch the worker trained ahead after the first steps
 * follows parameters the run has left, and must not be taken up. */
static void
test_step_sample_after_epochs (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (20, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  Reference ref;
  BpProgress p;

  reference_init (&ref, &config, data);
  bp_trainer_start (trainer, TRUE);
  bp_trainer_step (trainer, 2);
  p = wait_for_sample (trainer, 2, 0);
  assert_params_equal (&p.params, &ref.params[1]);
  bp_trainer_step_sample (trainer);
  wait_for_sample (trainer, 2, 1);
  bp_trainer_step (trainer, 1);
  p = wait_for_sample (trainer, 3, 0);
  assert_params_equal (&p.params, &ref.params[2]);
  bp_trainer_resume (trainer);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (p.epoch, ==, 20);
  assert_params_equal (&p.params, &ref.params[19]);
  g_assert_cmpfloat (p.loss, ==, bp_network_loss (&ref.params[19], data));
  reference_clear (&ref);
}

/* Only a paused run takes single steps; the last person of the last
 * epoch finishes the run. */
static void
test_step_sample_states (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (1, 0.1, 0);
  g_autoptr(BpTrainer) running = bp_trainer_new (data, NULL, &config);
  g_autoptr(BpTrainer) paused = bp_trainer_new (data, NULL, &config);
  BpParams expected = trained (&config, data, 1);
  BpProgress p;

  bp_trainer_step_sample (running);
  bp_trainer_start (running, FALSE);
  bp_trainer_step_sample (running);
  g_assert_true (bp_trainer_wait (running, LONG_TIMEOUT_US));
  p = get_progress (running);
  g_assert_cmpuint (p.epoch, ==, 1);
  assert_params_equal (&p.params, &expected);

  bp_trainer_start (paused, TRUE);
  for (guint i = 0; i < data->n + 3; i++)
    bp_trainer_step_sample (paused);
  g_assert_true (bp_trainer_wait (paused, LONG_TIMEOUT_US));
  p = get_progress (paused);
  g_assert_cmpint (p.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (p.epoch, ==, 1);
  g_assert_cmpuint (p.sample, ==, 0);
  assert_params_equal (&p.params, &expected);
}

/* A person's step that overflows ends the run at once. */
static void
test_step_sample_diverges (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (10, 1e308, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpProgress p;

  bp_trainer_start (trainer, TRUE);
  for (guint i = 0; i < 2 * data->n; i++)
    bp_trainer_step_sample (trainer);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_DIVERGED);
  g_assert_false (bp_params_all_finite (&p.params) && isfinite (p.loss));
}

/* Fixed and within 1 MiB, however long the run. */
static void
test_history_memory (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (2000000, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpHistory history;
  gsize before;

  bp_history_init (&history);
  before = bp_history_memory (&history);
  g_assert_cmpuint (before, <=, 1024 * 1024);
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  bp_trainer_copy_history (trainer, &history, NULL);
  g_assert_cmpuint (bp_history_memory (&history), ==, before);
  g_assert_cmpuint (history.predictions[3].count, ==, 2000000);
  bp_history_clear (&history);
}

/* Predictions for the first 16 people of a bigger class, exact too. */
static void
test_history_people_cap (void)
{
  g_autoptr(BpDataset) data = bp_dataset_new (20);
  BpTrainerConfig config = make_config (700, 0.1, 0);
  g_autoptr(BpTrainer) trainer = NULL;
  BpHistory history;
  Reference ref;

  for (guint i = 0; i < data->n; i++)
    {
      data->x0[i] = (double) i - 10;
      data->x1[i] = (double) (i % 7) - 3;
      data->y[i] = i % 3 == 0;
    }
  trainer = bp_trainer_new (data, NULL, &config);
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  bp_history_init (&history);
  bp_trainer_copy_history (trainer, &history, NULL);
  /* The reference trains on all 20 but predicts for the first 16. */
  reference_init (&ref, &config, data);
  for (guint64 e = 0; e < ref.epochs; e++)
    memmove (ref.predictions + e * BP_HISTORY_MAX_PEOPLE, ref.predictions + e * data->n,
             BP_HISTORY_MAX_PEOPLE * sizeof (double));
  assert_history_exact (&history, &ref, BP_HISTORY_MAX_PEOPLE);
  reference_clear (&ref);
  bp_history_clear (&history);
}

/* A diverged run records no value that is not finite. */
static void
test_history_diverged (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (100000, 1e308, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpHistory history;
  BpProgress p;

  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_DIVERGED);
  bp_history_init (&history);
  bp_trainer_copy_history (trainer, &history, NULL);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    {
      g_assert_cmpuint (history.params[j].count, <=, p.epoch);
      assert_history_finite (&history.params[j]);
    }
  for (guint i = 0; i < history.n_people; i++)
    assert_history_finite (&history.predictions[i]);
  bp_history_clear (&history);
}

static void
test_zero_epochs (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (0, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpHistory history;
  BpProgress p;

  bp_trainer_start (trainer, FALSE);
  p = get_progress (trainer);
  g_assert_cmpint (p.state, ==, BP_TRAINER_FINISHED);
  g_assert_true (bp_trainer_wait (trainer, 0));
  g_assert_cmpuint (p.epoch, ==, 0);
  assert_params_equal (&p.params, &config.initial);
  bp_history_init (&history);
  bp_trainer_copy_history (trainer, &history, NULL);
  g_assert_cmpuint (history.loss.count, ==, 0);
  bp_history_clear (&history);
}

/* A run with nothing left to do is finished, paused or not: here one
 * started paused with no epochs at all. */
static void
test_finished_paused_no_epochs (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig none = make_config (0, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &none);

  bp_trainer_start (trainer, TRUE);
  g_assert_true (bp_trainer_wait (trainer, SHORT_TIMEOUT_US));
  g_usleep (50000);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_FINISHED);
  g_assert_true (bp_trainer_wait (trainer, SHORT_TIMEOUT_US));
}

/* ... and one stepped exactly to its last epoch. */
static void
test_finished_paused_stepped (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig five = make_config (5, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &five);

  bp_trainer_start (trainer, TRUE);
  bp_trainer_step (trainer, 5);
  wait_for_epoch (trainer, 5);
  g_usleep (50000);
  g_assert_cmpuint (get_progress (trainer).epoch, ==, 5);
  g_assert_cmpint (get_progress (trainer).state, ==, BP_TRAINER_FINISHED);
  g_assert_true (bp_trainer_wait (trainer, SHORT_TIMEOUT_US));
}

/* Freeing stops and joins the worker wherever it is. */
static void
test_free_while_running (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig fast = make_config (HUGE_EPOCHS, 0.1, 0);
  BpTrainerConfig slow = make_config (HUGE_EPOCHS, 0.1, 1);

  for (guint i = 0; i < 20; i++)
    {
      BpTrainer *running = bp_trainer_new (data, data, &fast);
      BpTrainer *paused = bp_trainer_new (data, NULL, &fast);
      BpTrainer *paced = bp_trainer_new (data, NULL, &slow);
      BpTrainer *never = bp_trainer_new (data, NULL, &fast);

      bp_trainer_start (running, FALSE);
      bp_trainer_start (paused, TRUE);
      bp_trainer_start (paced, FALSE);
      if (i % 2)
        g_usleep (1000);
      bp_trainer_free (running);
      bp_trainer_free (paused);
      bp_trainer_free (paced);
      bp_trainer_free (never);
    }
  bp_trainer_free (NULL);
}

static void
test_states (void)
{
  const char *names[] = { "idle", "running", "paused", "finished", "stopped", "diverged" };
  const gboolean done[] = { FALSE, FALSE, FALSE, TRUE, TRUE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (bp_trainer_state_to_string (i), ==, names[i]);
      g_assert_cmpint (bp_trainer_state_is_done (i), ==, done[i]);
    }
}

/* A reader reads the progress once per version and the history only
 * when it changed: a second read with nothing new reads nothing. */
static void
test_read (void)
{
  g_autoptr(BpDataset) data = seed_dataset ();
  BpTrainerConfig config = make_config (100, 0.1, 0);
  g_autoptr(BpTrainer) trainer = bp_trainer_new (data, NULL, &config);
  BpProgress progress = { .version = G_MAXUINT64 };
  guint64 history_version = G_MAXUINT64;
  BpHistory history;

  bp_history_init (&history);
  g_assert_cmpint (bp_trainer_read (trainer, &progress, &history, &history_version), ==,
                   BP_TRAINER_READ_PROGRESS | BP_TRAINER_READ_HISTORY);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_IDLE);
  g_assert_cmpint (bp_trainer_read (trainer, &progress, &history, &history_version), ==,
                   BP_TRAINER_READ_NOTHING);
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, LONG_TIMEOUT_US));
  g_assert_cmpint (bp_trainer_read (trainer, &progress, &history, &history_version), ==,
                   BP_TRAINER_READ_PROGRESS | BP_TRAINER_READ_HISTORY);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (history.loss.count, ==, 100);
  g_assert_cmpint (bp_trainer_read (trainer, &progress, &history, &history_version), ==,
                   BP_TRAINER_READ_NOTHING);
  bp_history_clear (&history);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Report every failing case, not only the first. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/trainer/finish", test_finish);
  g_test_add_func ("/trainer/read", test_read);
  g_test_add_func ("/trainer/copies-data", test_copies_data);
  g_test_add_func ("/trainer/target-loss", test_target_loss);
  g_test_add_func ("/trainer/target-loss/paced", test_target_loss_paced);
  g_test_add_func ("/trainer/target-loss/by-person", test_target_loss_by_person);
  g_test_add_func ("/trainer/target-loss/not-reached", test_target_not_reached);
  g_test_add_func ("/trainer/start-paused-step-resume", test_start_paused_step_resume);
  g_test_add_func ("/trainer/step-past-end", test_step_past_end);
  g_test_add_func ("/trainer/pause-running", test_pause_running);
  g_test_add_func ("/trainer/stop", test_stop);
  g_test_add_func ("/trainer/stop-paused", test_stop_paused);
  g_test_add_func ("/trainer/diverge", test_diverge);
  g_test_add_func ("/trainer/pace", test_pace);
  g_test_add_func ("/trainer/pace-after-resume", test_pace_after_resume);
  g_test_add_func ("/trainer/test-people", test_test_people);
  g_test_add_func ("/trainer/history-bounded", test_history_bounded);
  g_test_add_func ("/trainer/zero-epochs", test_zero_epochs);
  g_test_add_func ("/trainer/history/sampled-exact", test_history_sampled_exact);
  g_test_add_func ("/trainer/history/memory", test_history_memory);
  g_test_add_func ("/trainer/history/people-cap", test_history_people_cap);
  g_test_add_func ("/trainer/history/diverged", test_history_diverged);
  g_test_add_func ("/trainer/finished-while-paused/no-epochs", test_finished_paused_no_epochs);
  g_test_add_func ("/trainer/finished-while-paused/stepped", test_finished_paused_stepped);
  g_test_add_func ("/trainer/free-while-running", test_free_while_running);
  g_test_add_func ("/trainer/states", test_states);
  g_test_add_func ("/trainer/step-sample", test_step_sample);
  g_test_add_func ("/trainer/step-sample/states", test_step_sample_states);
  g_test_add_func ("/trainer/step-sample/after-epochs", test_step_sample_after_epochs);
  g_test_add_func ("/trainer/step-sample/diverges", test_step_sample_diverges);

  return g_test_run ();
}
