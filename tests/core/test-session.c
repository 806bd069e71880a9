/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c: .backprop files give back exactly what was saved, and a
 * damaged, foreign or future file gives one clear error and nothing else
 */
#include <glib/gstdio.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "bp-csv.h"
#include "bp-session.h"
#include "test-support.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* ---- comparing, independently of bp_session_equal() ---------------------- */

static void
assert_same_double (double a,
                    double b)
{
  if (isnan (a))
    g_assert_true (isnan (b));
  else
    g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
}

static void
assert_same_params (const BpParams *a,
                    const BpParams *b)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    assert_same_double (bp_params_get (a, i), bp_params_get (b, i));
}

static void
assert_same_people (const BpPeople *a,
                    const BpPeople *b)
{
  g_assert_cmpuint (bp_people_get_n (a), ==, bp_people_get_n (b));
  for (guint i = 0; i < bp_people_get_n (a); i++)
    {
      const BpPerson *p = bp_people_get (a, i), *q = bp_people_get (b, i);

      g_assert_cmpstr (p->name, ==, q->name);
      g_assert_cmpint (p->gender, ==, q->gender);
      assert_same_double (p->weight_lb, q->weight_lb);
      assert_same_double (p->height_in, q->height_in);
    }
}

static void
assert_same_series (const BpSeries *a,
                    const BpSeries *b)
{
  g_assert_cmpuint (a->capacity, ==, b->capacity);
  g_assert_cmpuint (a->n_buckets, ==, b->n_buckets);
  g_assert_cmpuint (a->span, ==, b->span);
  g_assert_cmpuint (a->count, ==, b->count);
  g_assert_cmpuint (a->pending, ==, b->pending);
  if (a->pending > 0)
    g_assert_cmpmem (&a->partial, sizeof a->partial, &b->partial, sizeof b->partial);
  g_assert_cmpmem (a->buckets, a->n_buckets * sizeof (BpBucket),
                   b->buckets, b->n_buckets * sizeof (BpBucket));
}

static void
assert_same_session (const BpSession *a,
                     const BpSession *b)
{
  assert_same_people (a->people, b->people);
  assert_same_people (a->test, b->test);
  g_assert_cmpint (a->units, ==, b->units);
  g_assert_cmpint (a->normalize, ==, b->normalize);
  assert_same_double (a->learning_rate, b->learning_rate);
  g_assert_cmpuint (a->epochs, ==, b->epochs);
  g_assert_cmpint (a->has_seed, ==, b->has_seed);
  if (a->has_seed)
    g_assert_cmpuint (a->seed, ==, b->seed);
  assert_same_params (&a->initial, &b->initial);
  assert_same_params (&a->current, &b->current);
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpuint (a->epoch, ==, b->epoch);
  assert_same_double (a->speed, b->speed);
  assert_same_series (&a->history.loss, &b->history.loss);
  assert_same_series (&a->history.test_loss, &b->history.test_loss);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    assert_same_series (&a->history.params[j], &b->history.params[j]);
  g_assert_cmpuint (a->history.n_people, ==, b->history.n_people);
  for (guint i = 0; i < a->history.n_people; i++)
    assert_same_series (&a->history.predictions[i], &b->history.predictions[i]);
  g_assert_true (bp_session_equal (a, b));
}

static BpSession *
reread (const BpSession *session)
{
  gsize length;
  g_autofree char *text = bp_session_to_data (session, &length);
  g_autoptr(GError) error = NULL;
  BpSession *again = bp_session_from_data (text, length, "reread.backprop", &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

/* ---- random sessions -------------------------------------------------------- */

/* Names that need every escape GKeyFile has, and some that look like syntax. */
static char *
random_name (void)
{
  static const char * const pieces[] = {
    "Alice", " ", "  ", "\t", "\n", "\r", ";", "#", "[", "]", "=", "\\", "\\s", "é", "Zoë",
    "李", "😀", ",", "\"", "",
  };
  GString *name = g_string_new (NULL);
  int n = g_test_rand_int_range (0, 6);

  for (int i = 0; i < n; i++)
    g_string_append (name, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  /* Blanks alone name nobody, and a session may not hold them. */
  if (bp_person_name_is_blank (name->str))
    g_string_append (name, "Zoë");
  return g_string_free (name, FALSE);
}

static BpPeople *
random_people (guint n)
{
  BpPeople *people = bp_people_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = random_name ();
      double w = g_test_rand_bit () ? g_test_rand_double_range (BP_WEIGHT_MIN_LB, BP_WEIGHT_MAX_LB)
                                    : bp_weight_to_lb (g_test_rand_int_range (1, 600), BP_UNITS_KG_CM);
      double h = g_test_rand_bit () ? g_test_rand_double_range (BP_HEIGHT_MIN_IN, BP_HEIGHT_MAX_IN)
                                    : bp_height_to_in (g_test_rand_int_range (26, 300), BP_UNITS_KG_CM);

      bp_people_add (people, bp_person_new (name, w, h, g_test_rand_bit () ? BP_GENDER_FEMALE
                                                                           : BP_GENDER_MALE));
    }
  return people;
}

/* Any finite double: ordinary, huge, tiny, subnormal, ±0. */
static double
random_finite (void)
{
  switch (g_test_rand_int_range (0, 6))
    {
    case 0:
      return g_test_rand_bit () ? 0.0 : -0.0;
    case 1:
      return g_test_rand_bit () ? DBL_MAX : -DBL_MIN;
    case 2:
      return ldexp (g_test_rand_double (), -1060);
    default:
      return ldexp (g_test_rand_double_range (-1, 1), g_test_rand_int_range (-60, 60));
    }
}

static double
random_param (gboolean diverged)
{
  if (diverged && g_test_rand_int_range (0, 3) == 0)
    {
      static const double bad[] = { NAN, INFINITY, -INFINITY };

      return bad[g_test_rand_int_range (0, G_N_ELEMENTS (bad))];
    }
  return random_finite ();
}

static void
random_params (BpParams *params,
               gboolean  diverged)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    bp_params_set (params, i, random_param (diverged));
}

/* Small capacities, so that buckets merge and spans grow within a test. */
static void
random_series (BpSeries *s,
               guint64   epoch)
{
  guint64 wanted = g_test_rand_int_range (0, 3000);
  guint64 n = MIN (epoch, wanted);
  double value = g_test_rand_double_range (0, 2);

  bp_series_clear (s);
  bp_series_init (s, g_test_rand_bit () ? BP_SERIES_DEFAULT_CAPACITY : 2 * g_test_rand_int_range (1, 20));
  for (guint64 i = 0; i < n; i++)
    {
      value = fabs (value + g_test_rand_double_range (-0.1, 0.1));
      bp_series_push (s, g_test_rand_int_range (0, 10) == 0 ? 0.0 : value);
    }
}

static void
random_run (BpSession *s)
{
  static const BpTrainerState states[] = {
    BP_TRAINER_IDLE, BP_TRAINER_FINISHED, BP_TRAINER_STOPPED, BP_TRAINER_DIVERGED,
  };

  s->epochs = g_test_rand_bit () ? (guint64) g_test_rand_int_range (0, 5000)
                                 : (guint64) g_test_rand_double_range (0, BP_SESSION_MAX_EPOCHS);
  s->state = states[g_test_rand_int_range (0, G_N_ELEMENTS (states))];
  if (s->state == BP_TRAINER_IDLE)
    s->epoch = 0;
  else if (s->state == BP_TRAINER_FINISHED)
    s->epoch = s->epochs;
  else
    s->epoch = (guint64) g_test_rand_double_range (0, s->epochs);
  /* A run that did every epoch finished. */
  if (s->state == BP_TRAINER_STOPPED && s->epoch == s->epochs)
    s->state = BP_TRAINER_FINISHED;
  /* A target loss may finish a run after any epoch but the 0th. */
  if (g_test_rand_bit ())
    {
      s->target_loss = g_test_rand_double_range (1e-9, 1);
      if (s->state == BP_TRAINER_FINISHED && s->epochs > 1)
        s->epoch = (guint64) g_test_rand_double_range (1, s->epochs);
    }
  s->speed = g_test_rand_bit () ? 0 : g_test_rand_double_range (0, 1e6);
  random_params (&s->current, s->state == BP_TRAINER_DIVERGED);
  /* What no run leaves: parameters moved in no epoch, or a diverged run
   * whose parameters are all numbers (their loss may well be finite). */
  if (s->epoch == 0 && (s->state == BP_TRAINER_IDLE || s->state == BP_TRAINER_FINISHED))
    s->current = s->initial;
  if (s->state == BP_TRAINER_DIVERGED)
    s->current.b1 = NAN;
  random_series (&s->history.loss, s->epoch);
  /* Only test people have a test loss. */
  random_series (&s->history.test_loss, bp_people_get_n (s->test) > 0 ? s->epoch : 0);
}

static BpSession *
random_session (void)
{
  BpSession *s = bp_session_new ();

  bp_people_unref (s->people);
  bp_people_unref (s->test);
  s->people = random_people (g_test_rand_int_range (1, 8));
  s->test = random_people (g_test_rand_int_range (0, 4));
  s->units = g_test_rand_bit () ? BP_UNITS_KG_CM : BP_UNITS_LB_IN;
  s->normalize = g_test_rand_int_range (BP_NORMALIZE_SEED, BP_NORMALIZE_STANDARD + 1);
  s->learning_rate = fabs (random_finite ());
  if (s->learning_rate == 0)
    s->learning_rate = 0.1;
  s->has_seed = g_test_rand_bit ();
  s->seed = g_test_rand_int ();
  if (s->has_seed)
    bp_params_from_seed (&s->initial, s->seed);
  else
    random_params (&s->initial, FALSE);
  random_run (s);
  return s;
}

/* ---- round trips -------------------------------------------------------------- */

static void
test_defaults (void)
{
  g_autoptr(BpSession) s = bp_session_new ();
  g_autoptr(BpPeople) seed = bp_people_new_seed ();
  g_autoptr(BpSession) again = reread (s);
  BpParams p;

  assert_same_people (s->people, seed);
  g_assert_cmpuint (bp_people_get_n (s->test), ==, 0);
  g_assert_cmpint (s->units, ==, BP_UNITS_LB_IN);
  g_assert_cmpint (s->normalize, ==, BP_NORMALIZE_SEED);
  g_assert_cmpfloat (s->learning_rate, ==, 0.1);
  g_assert_cmpuint (s->epochs, ==, 1000);
  g_assert_true (s->has_seed);
  bp_params_from_seed (&p, s->seed);
  assert_same_params (&s->initial, &p);
  assert_same_params (&s->current, &p);
  g_assert_cmpint (s->state, ==, BP_TRAINER_IDLE);
  g_assert_cmpuint (s->epoch, ==, 0);
  g_assert_cmpuint (s->history.loss.capacity, ==, BP_SERIES_DEFAULT_CAPACITY);
  g_assert_cmpuint (s->history.loss.count, ==, 0);
  assert_same_session (s, again);
}

/* The file starts with its format, so any later version can tell it. */
static void
test_format_first (void)
{
  g_autoptr(BpSession) s = bp_session_new ();
  g_autofree char *text = bp_session_to_data (s, NULL);
  const char *p = text;

  while (*p == '#')
    p = strchr (p, '\n') + 1;
  while (*p == '\n')
    p++;
  g_assert_true (g_str_has_prefix (p, "[Backprop]\nformat=1\n"));
  g_assert_cmpint (BP_SESSION_FORMAT, ==, 1);
}

static void
test_round_trip_random (void)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(BpSession) s = random_session ();
      g_autoptr(BpSession) again = reread (s);

      assert_same_session (s, again);
    }
}

/* A run of the app's own trainer long enough for the buckets to merge
 * twice, with test people, saved to a file and opened again. */
static BpSession *
session_after_run (guint64 epochs)
{
  BpSession *s = bp_session_new ();
  BpTrainerConfig config = { .learning_rate = 0.1, .epochs = epochs };
  g_autoptr(BpDataset) train = NULL, test = NULL;
  g_autoptr(BpTrainer) trainer = NULL;
  BpNormalizer norm;
  BpProgress progress;

  bp_people_add (s->test, bp_person_new ("Emily", 128, 63, BP_GENDER_FEMALE));
  bp_people_add (s->test, bp_person_new ("Frank", 155, 68, BP_GENDER_MALE));
  bp_normalizer_init (&norm, s->normalize, s->people);
  train = bp_people_to_dataset (s->people, &norm);
  test = bp_people_to_dataset (s->test, &norm);
  config.initial = s->initial;
  s->epochs = epochs;
  trainer = bp_trainer_new (train, test, &config);
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, -1));
  bp_trainer_get_progress (trainer, &progress);
  bp_trainer_copy_history (trainer, &s->history, NULL);
  s->state = progress.state;
  s->epoch = progress.epoch;
  s->current = progress.params;
  return s;
}

/* A run that reached its target loss is finished short of its epochs,
 * and its file keeps the target. */
static void
test_round_trip_target (void)
{
  BpTrainerConfig config = { .learning_rate = 0.1, .epochs = 1000, .target_loss = 0.02 };
  g_autoptr(BpSession) s = bp_session_new ();
  g_autoptr(BpSession) again = NULL;
  g_autoptr(BpDataset) train = NULL;
  g_autoptr(BpTrainer) trainer = NULL;
  g_autofree char *text = NULL;
  BpNormalizer norm;
  BpProgress progress;

  bp_normalizer_init (&norm, s->normalize, s->people);
  train = bp_people_to_dataset (s->people, &norm);
  config.initial = s->initial;
  trainer = bp_trainer_new (train, NULL, &config);
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, -1));
  bp_trainer_get_progress (trainer, &progress);
  bp_trainer_copy_history (trainer, &s->history, NULL);
  g_assert_true (progress.reached_target);
  s->target_loss = config.target_loss;
  s->state = progress.state;
  s->epoch = progress.epoch;
  s->current = progress.params;
  g_assert_cmpint (s->state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (s->epoch, <, s->epochs);
  text = bp_session_to_data (s, NULL);
  g_assert_nonnull (strstr (text, "\ntarget-loss=0.02\n"));
  again = reread (s);
  assert_same_session (s, again);
  g_assert_cmpfloat (again->target_loss, ==, 0.02);

  /* Without the key there is no target. */
  s->target_loss = 0;
  s->epoch = s->epochs;
  g_clear_pointer (&text, g_free);
  text = bp_session_to_data (s, NULL);
  g_assert_null (strstr (text, "target-loss"));
}

static void
test_round_trip_run (void)
{
  g_autoptr(BpSession) s = session_after_run (10000);
  g_autofree char *path = tmp_path ("run.backprop");
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) again = NULL;

  g_assert_cmpint (s->state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (s->history.loss.span, ==, 4);
  g_assert_cmpuint (s->history.loss.count, ==, 10000);
  g_assert_cmpuint (s->history.test_loss.count, ==, 10000);
  /* The trajectories too: every parameter, every person's prediction. */
  g_assert_cmpuint (s->history.params[BP_PARAM_B3].count, ==, 10000);
  g_assert_cmpuint (s->history.n_people, ==, 4);
  g_assert_cmpuint (s->history.predictions[3].count, ==, 10000);
  g_assert_true (bp_session_save (s, path, &error));
  g_assert_no_error (error);
  again = bp_session_load (path, &error);
  g_assert_no_error (error);
  assert_same_session (s, again);

  /* The restored history goes on exactly as the original would. */
  for (guint i = 0; i < 20000; i++)
    {
      bp_series_push (&s->history.loss, 1.0 / (i + 1));
      bp_series_push (&again->history.loss, 1.0 / (i + 1));
    }
  assert_same_series (&s->history.loss, &again->history.loss);
}

static void
test_running_saved_as_stopped (void)
{
  g_autoptr(BpSession) s = bp_session_new ();
  g_autoptr(BpSession) again = NULL;

  s->state = BP_TRAINER_PAUSED;
  s->epoch = 3;
  again = reread (s);
  g_assert_cmpint (again->state, ==, BP_TRAINER_STOPPED);
  s->state = BP_TRAINER_RUNNING;
  g_clear_pointer (&again, bp_session_free);
  again = reread (s);
  g_assert_cmpint (again->state, ==, BP_TRAINER_STOPPED);
  g_assert_cmpuint (again->epoch, ==, 3);
}

/* Only a diverged run keeps parameters that are no longer numbers. */
static void
test_diverged (void)
{
  g_autoptr(BpSession) s = bp_session_new ();
  g_autoptr(BpSession) again = NULL;
  g_autofree char *text = NULL;

  s->state = BP_TRAINER_DIVERGED;
  s->epoch = 1;
  s->current.w1 = NAN;
  s->current.w2 = INFINITY;
  s->current.b3 = -INFINITY;
  text = bp_session_to_data (s, NULL);
  g_assert_nonnull (strstr (text, "\nw1=nan\nw2=inf\n"));
  g_assert_nonnull (strstr (text, "\nb3=-inf\n"));
  again = reread (s);
  assert_same_session (s, again);
}

static void
test_units (void)
{
  g_autoptr(BpSession) s = bp_session_new ();
  g_autoptr(BpSession) again = NULL;
  g_autofree char *text = NULL;

  s->units = BP_UNITS_KG_CM;
  bp_people_add (s->test, bp_person_new ("Metric", bp_weight_to_lb (60, BP_UNITS_KG_CM),
                                         bp_height_to_in (170, BP_UNITS_KG_CM), BP_GENDER_FEMALE));
  text = bp_session_to_data (s, NULL);
  g_assert_nonnull (strstr (text, "\nunits=kg-cm\n"));
  again = reread (s);
  assert_same_session (s, again);
  g_assert_cmpint (again->people->weight_units, ==, BP_UNITS_KG_CM);
  g_assert_cmpint (again->people->height_units, ==, BP_UNITS_KG_CM);
  g_assert_cmpint (again->test->weight_units, ==, BP_UNITS_KG_CM);
}

typedef enum
{
  CHANGE_PERSON_NAME, CHANGE_PERSON_WEIGHT, CHANGE_TEST_PEOPLE, CHANGE_UNITS, CHANGE_NORMALIZE,
  CHANGE_LEARNING_RATE, CHANGE_EPOCHS, CHANGE_SEED, CHANGE_HAS_SEED, CHANGE_INITIAL,
  CHANGE_CURRENT_SIGN, CHANGE_STATE, CHANGE_EPOCH, CHANGE_SPEED, CHANGE_LOSS_BUCKET,
  CHANGE_TEST_LOSS_COUNT, CHANGE_PARTIAL, N_CHANGES
} Change;

static void
apply_change (BpSession *s,
              Change     change)
{
  BpPerson *alice = bp_people_get (s->people, 0);

  switch (change)
    {
    case CHANGE_PERSON_NAME:
      g_free (alice->name);
      alice->name = g_strdup ("Alicia");
      break;
    case CHANGE_PERSON_WEIGHT:
      bp_people_get (s->people, 3)->weight_lb += 1e-13;
      break;
    case CHANGE_TEST_PEOPLE:
      bp_people_add (s->test, bp_person_new ("X", 100, 60, BP_GENDER_MALE));
      break;
    case CHANGE_UNITS:
      s->units = BP_UNITS_KG_CM;
      break;
    case CHANGE_NORMALIZE:
      s->normalize = BP_NORMALIZE_MEAN;
      break;
    case CHANGE_LEARNING_RATE:
      s->learning_rate = nextafter (s->learning_rate, 1);
      break;
    case CHANGE_EPOCHS:
      s->epochs++;
      break;
    case CHANGE_SEED:
      s->seed++;
      break;
    case CHANGE_HAS_SEED:
      s->has_seed = FALSE;
      break;
    case CHANGE_INITIAL:
      s->initial.b2 = nextafter (s->initial.b2, 0);
      break;
    case CHANGE_CURRENT_SIGN:
      s->current.w1 = -0.0;
      break;
    case CHANGE_STATE:
      s->state = BP_TRAINER_DIVERGED;
      break;
    case CHANGE_EPOCH:
      s->epoch--;
      break;
    case CHANGE_SPEED:
      s->speed = 60;
      break;
    case CHANGE_LOSS_BUCKET:
      s->history.loss.buckets[1].max += 1e-9;
      break;
    case CHANGE_TEST_LOSS_COUNT:
      bp_series_push (&s->history.test_loss, 0.25);
      break;
    case CHANGE_PARTIAL:
      s->history.loss.partial.last += 1e-9;
      break;
    case N_CHANGES:
    default:
      g_assert_not_reached ();
    }
}

/* bp_session_equal() tells every field apart, down to the last bit. */
static void
test_equal (void)
{
  g_autoptr(BpSession) base = bp_session_new ();

  base->current.w1 = 0.0;
  base->state = BP_TRAINER_STOPPED;
  base->epoch = 7;
  bp_people_add (base->test, bp_person_new ("Emily", 128, 63, BP_GENDER_FEMALE));
  /* Capacity 4: two merged buckets, one more and a partial one. */
  bp_series_clear (&base->history.loss);
  bp_series_init (&base->history.loss, 4);
  for (guint i = 0; i < 7; i++)
    bp_series_push (&base->history.loss, 1.0 / (i + 1));
  bp_series_push (&base->history.test_loss, 0.5);
  g_assert_true (bp_session_equal (base, base));
  for (Change c = 0; c < N_CHANGES; c++)
    {
      g_autoptr(BpSession) changed = reread (base);

      g_assert_true (bp_session_equal (base, changed));
      apply_change (changed, c);
      if (bp_session_equal (base, changed))
        g_test_fail_printf ("change %d is not seen", c);
    }
}

/* ---- files ---------------------------------------------------------------- */

static void
test_save_load_file (void)
{
  g_autofree char *dir = tmp_path ("save-load");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);
  g_autoptr(BpSession) s = random_session ();
  g_autoptr(BpSession) other = random_session ();
  g_autoptr(BpSession) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (bp_session_save (other, path, &error));
  g_assert_true (bp_session_save (s, path, &error));
  g_assert_no_error (error);
  /* Replaced in place, with no temporary file left behind. */
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  again = bp_session_load (path, &error);
  g_assert_no_error (error);
  assert_same_session (s, again);
  g_unlink (path);
  g_rmdir (dir);
}

/* Tests may run as root, which no permission stops: fail with a parent
 * that is a regular file, or a directory that does not exist. */
static void
test_save_fails (void)
{
  g_autofree char *file = tmp_path ("a-file");
  g_autofree char *under_file = g_build_filename (file, "x.backprop", NULL);
  g_autofree char *no_dir = tmp_path ("no-such-dir/x.backprop");
  g_autoptr(BpSession) s = bp_session_new ();
  const char * const paths[] = { under_file, no_dir };

  g_assert_true (g_file_set_contents (file, "precious", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bp_session_save (s, paths[i], &error));
      g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "x.backprop"));
    }
  test_assert_file_is (file, "precious");
  g_unlink (file);
}

/* A session that would not open again is not written, and the file it
 * would have replaced stays as it was. */
static void
test_save_refuses_invalid (void)
{
  g_autofree char *path = tmp_path ("keep.backprop");
  g_autoptr(BpSession) s = bp_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (bp_session_save (s, path, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  bp_people_get (s->people, 1)->weight_lb = 0;
  g_assert_false (bp_session_save (s, path, &error));
  g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "[Person 2] weight-lb"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_unlink (path);
}

/* A write that fails halfway (here: over the file size limit, as a full
 * disk would) leaves the old file whole and no temporary file. */
static void
test_save_fails_midway (void)
{
  g_autofree char *dir = tmp_path ("midway");
  g_autofree char *path = g_build_filename (dir, "big.backprop", NULL);
  g_autoptr(BpSession) big = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 4096, 4096 };

  /* The limit is per process: set it in a child. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  big = session_after_run (3000);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "the old session", -1, NULL));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (bp_session_save (big, path, &error));
  g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_IO);
  test_assert_file_is (path, "the old session");
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_load_error (const char    *path,
                   int            code,
                   const char    *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) s = bp_session_load (path, &error);

  g_assert_null (s);
  g_assert_error (error, BP_SESSION_ERROR, code);
  if (error != NULL && strstr (error->message, expected) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, expected);
}

static void
make_sparse (const char *path,
             gint64      size)
{
  FILE *f = g_fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, size - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', f), ==, '\n');
  g_assert_cmpint (fclose (f), ==, 0);
}

static void
test_load_file_errors (void)
{
  g_autofree char *missing = tmp_path ("missing.backprop");
  g_autofree char *huge = tmp_path ("huge.backprop");
  g_autofree char *just_over = tmp_path ("over.backprop");
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_malloc0 (BP_SESSION_MAX_BYTES + 1);

  assert_load_error (missing, BP_SESSION_ERROR_IO, "missing.backprop: No such file");
  assert_load_error (tmp_dir, BP_SESSION_ERROR_IO, tmp_dir);
  make_sparse (huge, 100 * 1024 * 1024);
  assert_load_error (huge, BP_SESSION_ERROR_TOO_LARGE, "huge.backprop: a session may be at most 16 MiB");
  make_sparse (just_over, BP_SESSION_MAX_BYTES + 1);
  assert_load_error (just_over, BP_SESSION_ERROR_TOO_LARGE, "16777217 bytes");
  /* A device claims no size; reading stops past the limit all the same. */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_load_error ("/dev/zero", BP_SESSION_ERROR_TOO_LARGE, "larger than that");
  g_assert_null (bp_session_from_data (big, BP_SESSION_MAX_BYTES + 1, "big", &error));
  g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_TOO_LARGE);
  g_unlink (huge);
  g_unlink (just_over);
}

/* A session saved again as "Unicode" (UTF-16) by an editor is named as
 * such, not called binary for the NUL bytes of its ASCII. */
static void
test_load_utf16 (void)
{
  const char *encodings[] = { "UTF-16LE", "UTF-16BE", "UTF-16" };
  g_autoptr(BpSession) session = bp_session_new ();
  gsize length = 0;
  g_autofree char *text = bp_session_to_data (session, &length);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autofree char *path = tmp_path ("utf16.backprop");
      g_autofree char *expected = g_strconcat (path, ":1: is UTF-16 text, not UTF-8", NULL);
      g_autoptr(GError) error = NULL;
      gsize wide_length = 0;
      g_autofree char *wide = g_convert (text, length, encodings[i], "UTF-8", NULL, &wide_length, &error);
      g_autoptr(BpSession) s = NULL;

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, wide, wide_length, NULL));
      s = bp_session_load (path, &error);
      g_assert_null (s);
      g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_ENCODING);
      if (error != NULL && !g_str_has_prefix (error->message, expected))
        g_test_fail_printf ("“%s” does not start with “%s”", error->message, expected);
      if (error != NULL)
        g_assert_null (strstr (error->message, "binary"));
      g_unlink (path);
    }
}

/* ---- damaged and foreign files ----------------------------------------------- */

typedef struct
{
  const char    *text;
  gssize         length;
  int            code;
  const char    *message;  /* the whole message */
} RawCase;

static const RawCase raw_cases[] = {
  { "", 0, BP_SESSION_ERROR_PARSE, "t.backprop: is empty, not a Backprop session" },
  { " \n\t\r\n", -1, BP_SESSION_ERROR_PARSE, "t.backprop: is empty, not a Backprop session" },
  { "\x7f" "ELF\x02\x01\x01\0\0\0", 10, BP_SESSION_ERROR_ENCODING,
    "t.backprop:1: contains a NUL byte: this is a binary file, not a Backprop session" },
  { "[Backprop]\nformat=1\nunits=lb\xff\n", -1, BP_SESSION_ERROR_ENCODING,
    "t.backprop:3: is not UTF-8 text (byte 0xFF), so not a Backprop session" },
  { "name,gender,weight_lb,height_in\nAlice,F,133,65\n", -1, BP_SESSION_ERROR_PARSE,
    "t.backprop:1: is not a Backprop session: Key file contains line “name,gender,weight_lb,height_in” "
    "which is not a key-value pair, group, or comment" },
  { "[Desktop Entry]\nName=Backprop\n", -1, BP_SESSION_ERROR_PARSE,
    "t.backprop: is not a Backprop session: it has no [Backprop] group" },
  { "format=1\n", -1, BP_SESSION_ERROR_PARSE,
    "t.backprop: is not a Backprop session: Key file does not start with a group" },
  { "[Backprop]\nformat=2\nlearning-rate=fast\nsomething new=\n", -1, BP_SESSION_ERROR_VERSION,
    "t.backprop:2: [Backprop] format: the file was made by a newer version of Backprop "
    "(format 2; this version reads format 1 and older)" },
  { "[Backprop]\nunits=lb-in\n", -1, BP_SESSION_ERROR_PARSE,
    "t.backprop:1: [Backprop] format: missing" },
};

static void
test_raw_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (raw_cases); i++)
    {
      const RawCase *c = &raw_cases[i];
      gsize length = c->length < 0 ? strlen (c->text) : (gsize) c->length;
      g_autoptr(GError) error = NULL;
      g_autoptr(BpSession) s = bp_session_from_data (c->text, length, "t.backprop", &error);

      g_test_message ("case %u", i);
      g_assert_null (s);
      g_assert_error (error, BP_SESSION_ERROR, c->code);
      if (error != NULL)
        g_assert_cmpstr (error->message, ==, c->message);
    }
}

/* A valid session whose loss history has merged once (capacity 4, span
 * 2, a partial bucket): the base every damaged file below starts from. */
static char *
base_text (void)
{
  g_autoptr(BpSession) s = bp_session_new ();
  const double losses[] = { 0.5, 0.4, 0.45, 0.3, 0.2 };

  bp_people_add (s->test, bp_person_new ("Emily", 128, 63, BP_GENDER_FEMALE));
  bp_series_clear (&s->history.loss);
  bp_series_init (&s->history.loss, 4);
  for (guint i = 0; i < G_N_ELEMENTS (losses); i++)
    bp_series_push (&s->history.loss, losses[i]);
  /* Trajectories of 5 epochs, a sample each; parameters may be negative. */
  for (guint e = 0; e < 5; e++)
    {
      for (guint j = 0; j < BP_N_PARAMS; j++)
        bp_series_push_sample (&s->history.params[j], 0.25 * e - 0.5, 1);
      for (guint i = 0; i < 4; i++)
        bp_series_push_sample (&s->history.predictions[i], 0.25 * e, 1);
    }
  s->history.n_people = 4;
  s->state = BP_TRAINER_STOPPED;
  s->epoch = 5;
  return bp_session_to_data (s, NULL);
}

typedef struct
{
  const char    *group;
  const char    *key;
  const char    *value;   /* NULL: remove the key */
  int            code;
  const char    *reason;  /* what follows "FILE:LINE: [group] key: " */
  const char    *at;      /* the group the error names, if not @group */
  const char    *at_key;  /* with @at: the key the error names, or NULL */
} EditCase;

static const EditCase edit_cases[] = {
  { "Backprop", "format", "0", BP_SESSION_ERROR_VALUE, "0 is not a format; formats are numbered from 1" },
  { "Backprop", "format", "one", BP_SESSION_ERROR_VALUE, "“one” is not a whole number" },
  { "Backprop", "format", "3", BP_SESSION_ERROR_VERSION, "the file was made by a newer version" },
  { "Backprop", "units", "stone", BP_SESSION_ERROR_VALUE, "“stone” is not one of lb-in, kg-cm" },
  { "Backprop", "units", NULL, BP_SESSION_ERROR_PARSE, "missing" },
  { "Backprop", "normalize", "median", BP_SESSION_ERROR_VALUE, "“median” is not one of seed, mean, standard, none" },
  { "Backprop", "learning-rate", "0", BP_SESSION_ERROR_VALUE, "must be greater than 0" },
  { "Backprop", "learning-rate", "-0.1", BP_SESSION_ERROR_VALUE, "must be greater than 0" },
  { "Backprop", "learning-rate", "nan", BP_SESSION_ERROR_VALUE, "“nan” is not a finite number" },
  { "Backprop", "learning-rate", "inf", BP_SESSION_ERROR_VALUE, "“inf” is not a finite number" },
  { "Backprop", "learning-rate", "1e999", BP_SESSION_ERROR_VALUE, "“1e999” is too large to be a finite number" },
  { "Backprop", "learning-rate", "0,1", BP_SESSION_ERROR_VALUE, "“0,1” is not a number" },
  { "Backprop", "learning-rate", "0x1p-3", BP_SESSION_ERROR_VALUE, "“0x1p-3” is not a number" },
  { "Backprop", "learning-rate", "", BP_SESSION_ERROR_VALUE, "“” is empty; a number is needed" },
  { "Backprop", "target-loss", "0", BP_SESSION_ERROR_VALUE, "must be greater than 0" },
  { "Backprop", "target-loss", "-0.01", BP_SESSION_ERROR_VALUE, "must be greater than 0" },
  { "Backprop", "target-loss", "nan", BP_SESSION_ERROR_VALUE, "“nan” is not a finite number" },
  { "Backprop", "target-loss", "0,01", BP_SESSION_ERROR_VALUE, "“0,01” is not a number" },
  { "Backprop", "target-loss", "", BP_SESSION_ERROR_VALUE, "“” is empty; a number is needed" },
  { "Backprop", "epochs", "-5", BP_SESSION_ERROR_VALUE, "“-5” is negative" },
  { "Backprop", "epochs", "1000000000001", BP_SESSION_ERROR_VALUE, "“1000000000001” is too large (at most 1000000000000)" },
  { "Backprop", "epochs", "4", BP_SESSION_ERROR_VALUE, "5 epochs done is more than the 4 of epochs=",
    "Backprop", "epoch" },
  { "Backprop", "seed", "4294967296", BP_SESSION_ERROR_VALUE, "“4294967296” is too large (at most 4294967295)" },
  { "Backprop", "state", "running", BP_SESSION_ERROR_VALUE,
    "“running” is not one of idle, finished, stopped, diverged" },
  { "Backprop", "state", "idle", BP_SESSION_ERROR_VALUE, "is 5, but a run that is idle has done no epochs",
    "Backprop", "epoch" },
  { "Backprop", "state", "finished", BP_SESSION_ERROR_VALUE, "is 5, but a finished run has done all 1000 epochs",
    "Backprop", "epoch" },
  { "Backprop", "speed", "-1", BP_SESSION_ERROR_VALUE, "is negative" },
  { "Backprop", "speed", NULL, BP_SESSION_ERROR_PARSE, "missing" },
  { "Initial parameters", "w1", "abc", BP_SESSION_ERROR_VALUE, "“abc” is not a number" },
  { "Initial parameters", "b3", NULL, BP_SESSION_ERROR_PARSE, "missing" },
  { "Current parameters", "b3", "nan", BP_SESSION_ERROR_VALUE, "“nan” is not a finite number" },
  { "Person 2", "weight-lb", "0.5", BP_SESSION_ERROR_VALUE, "a weight of 0.5 lb is outside the sensible range" },
  { "Person 2", "height-in", "500", BP_SESSION_ERROR_VALUE, "a height of 500 in is outside the sensible range" },
  { "Person 2", "gender", "X", BP_SESSION_ERROR_VALUE, "“X” is not F or M" },
  { "Person 2", "name", NULL, BP_SESSION_ERROR_PARSE, "missing" },
  { "Person 2", "name", "a\\qb", BP_SESSION_ERROR_VALUE, "Key file contains key “name” which has a value that cannot be interpreted" },
  { "Test person 1", "height-in", "1e400", BP_SESSION_ERROR_VALUE, "“1e400” is too large to be a finite number" },
  { "Loss history", "capacity", "3", BP_SESSION_ERROR_VALUE, "3 is not an even number of at least 2" },
  { "Loss history", "capacity", "0", BP_SESSION_ERROR_VALUE, "0 is not an even number of at least 2" },
  { "Loss history", "capacity", "100000", BP_SESSION_ERROR_VALUE, "“100000” is too large (at most 65536)" },
  { "Loss history", "capacity", "2", BP_SESSION_ERROR_VALUE, "is 2, so there are at most 1 full buckets, not 2" },
  { "Loss history", "span", "3", BP_SESSION_ERROR_VALUE, "3 is not a power of two (1, 2, 4, …)" },
  { "Loss history", "bucket-1", NULL, BP_SESSION_ERROR_VALUE,
    "is more than 1, so at least capacity/2 = 2 buckets are full, not 1", "Loss history", "span" },
  { "Loss history", "span", "0", BP_SESSION_ERROR_VALUE, "0 is not a power of two (1, 2, 4, …)" },
  { "Loss history", "pending", "2", BP_SESSION_ERROR_VALUE, "“2” is too large (at most 1)" },
  { "Loss history", "partial", NULL, BP_SESSION_ERROR_PARSE, "missing" },
  { "Loss history", "partial", "0.2;0.2;0.1;0.3", BP_SESSION_ERROR_VALUE,
    "holds a single epoch, so first, last, min and max are one number" },
  { "Loss history", "bucket-0", "0.5;0.4;0.4", BP_SESSION_ERROR_VALUE,
    "has 3 numbers; a bucket is one number, or first;last;min;max" },
  { "Loss history", "bucket-0", "0.5;0.4;0.6;0.3", BP_SESSION_ERROR_VALUE,
    "first;last;min;max must have 0 ≤ min ≤ first, last ≤ max" },
  { "Loss history", "bucket-0", "-1", BP_SESSION_ERROR_VALUE, "first;last;min;max must have 0 ≤ min" },
  { "Loss history", "bucket-0", "x;1;1;1", BP_SESSION_ERROR_VALUE, "“x” is not a number" },
  { "Loss history", "bucket-0", "nan", BP_SESSION_ERROR_VALUE, "“nan” is not a number" },
  { "Parameter history w1", "bucket-0", "0.5;0.4;0.6;0.3", BP_SESSION_ERROR_VALUE,
    "first;last;min;max must have min ≤ first, last ≤ max" },
  { "Parameter history b3", "bucket-4", "inf", BP_SESSION_ERROR_VALUE, "“inf” is not a number" },
  { "Prediction history 2", "bucket-0", "1.5", BP_SESSION_ERROR_VALUE,
    "first;last;min;max must have 0 ≤ min ≤ first, last ≤ max ≤ 1" },
  { "Prediction history 4", "bucket-1", "-0.25", BP_SESSION_ERROR_VALUE,
    "first;last;min;max must have 0 ≤ min ≤ first, last ≤ max ≤ 1" },
};

/* Edge cases whose error names a group rather than one of its keys. */
static const EditCase group_cases[] = {
  { "Loss history", "bucket-0", NULL, BP_SESSION_ERROR_PARSE,
    "bucket-0 is missing; its 1 bucket-N keys must be numbered from bucket-0 without gaps, each once",
    "Loss history" },
  { "Loss history", "bucket-7", "0.1", BP_SESSION_ERROR_PARSE,
    "bucket-2 is missing; its 3 bucket-N keys must be numbered from bucket-0 without gaps, each once",
    "Loss history" },
  { "Loss history", "span", "4", BP_SESSION_ERROR_VALUE,
    "holds more epochs than the 5 of epoch= in [Backprop]", "Loss history" },
  { "Backprop", "epoch", "2", BP_SESSION_ERROR_VALUE,
    "holds more epochs than the 2 of epoch= in [Backprop]", "Loss history" },
  { "Prediction history 1", "bucket-5", "0.5", BP_SESSION_ERROR_VALUE,
    "holds more epochs than the 5 of epoch= in [Backprop]", "Prediction history 1" },
  { "Parameter history w6", "bucket-9", "0.5", BP_SESSION_ERROR_PARSE,
    "bucket-5 is missing; its 6 bucket-N keys must be numbered from bucket-0 without gaps, each once",
    "Parameter history w6" },
  { "Backprop", "seed", "1", BP_SESSION_ERROR_VALUE,
    "these are not the initial parameters of seed 1; remove this group to start from seed 1, "
    "or remove seed= to keep them", "Initial parameters" },
};

static char *
edited (const char     *base,
        const EditCase *c)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_assert_true (g_key_file_load_from_data (kf, base, -1, G_KEY_FILE_KEEP_COMMENTS, NULL));
  if (c->value != NULL)
    g_key_file_set_value (kf, c->group, c->key, c->value);
  else
    g_assert_true (g_key_file_remove_key (kf, c->group, c->key, NULL));
  return g_key_file_to_data (kf, NULL, NULL);
}

static guint
line_at (const char *text,
         const char *at)
{
  guint n = 1;

  for (const char *p = text; p < at; p++)
    n += *p == '\n';
  return n;
}

static const char *
find_group (const char *text,
            const char *group)
{
  g_autofree char *header = g_strdup_printf ("\n[%s]\n", group);
  const char *at = strstr (text, header);

  g_assert_nonnull (at);
  return at + 1;
}

/* Where the error must point: the line of the key it names, or of the
 * group when it names none or the key was removed. */
static char *
expected_place (const char     *text,
                const EditCase *c)
{
  const char *group_name = c->at != NULL ? c->at : c->group;
  const char *key = c->at != NULL ? c->at_key : c->key;
  const char *group = find_group (text, group_name);
  g_autofree char *needle = NULL;
  const char *at;

  if (key == NULL)
    return g_strdup_printf ("%u: [%s]: ", line_at (text, group), group_name);
  needle = g_strdup_printf ("\n%s=", key);
  at = strstr (group, needle);
  if (c->at == NULL && c->value == NULL)
    at = NULL;
  return g_strdup_printf ("%u: [%s] %s: ", line_at (text, at != NULL ? at + 1 : group), group_name, key);
}

/* The message is exactly "e.backprop:LINE: [group] key: reason…". */
static void
run_edit_case (const char     *base,
               const EditCase *c)
{
  g_autofree char *text = edited (base, c);
  g_autofree char *place = expected_place (text, c);
  g_autofree char *prefix = g_strconcat ("e.backprop:", place, c->reason, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) s = bp_session_from_data (text, strlen (text), "e.backprop", &error);

  g_test_message ("[%s] %s=%s", c->group, c->key, c->value != NULL ? c->value : "(removed)");
  g_assert_null (s);
  g_assert_error (error, BP_SESSION_ERROR, c->code);
  if (error != NULL && !g_str_has_prefix (error->message, prefix))
    g_test_fail_printf ("“%s” does not start “%s”", error->message, prefix);
}

static void
test_edit_errors (void)
{
  g_autofree char *base = base_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) ok = bp_session_from_data (base, strlen (base), "base", &error);

  g_assert_no_error (error);
  g_assert_nonnull (ok);
  g_assert_cmpuint (ok->history.loss.span, ==, 2);
  g_assert_cmpuint (ok->history.loss.pending, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    run_edit_case (base, &edit_cases[i]);
  for (guint i = 0; i < G_N_ELEMENTS (group_cases); i++)
    run_edit_case (base, &group_cases[i]);
}

/* People are numbered from 1 without gaps. */
static void
test_people_numbering (void)
{
  g_autofree char *base = base_text ();
  g_autofree char *text = g_strconcat (base, "\n[Person 6]\nname=Zed\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) s = bp_session_from_data (text, strlen (text), "p.backprop", &error);

  g_assert_null (s);
  g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "p.backprop:211: [Person 6]: is number 6, but the 5 [Person …] groups are "
                   "numbered 1 to 5 without gaps");
}

/* One prediction history for each of the first training people, numbered
 * from 1 without gaps; and the base's own read back as written. */
static void
test_prediction_numbering (void)
{
  g_autofree char *base = base_text ();
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(BpSession) ok = bp_session_from_data (base, strlen (base), "p.backprop", NULL);
  g_autoptr(BpSession) gap = NULL, extra = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *with_gap = NULL, *with_extra = NULL;

  g_assert_nonnull (ok);
  g_assert_cmpuint (ok->history.n_people, ==, 4);
  g_assert_cmpfloat (ok->history.params[BP_PARAM_W1].buckets[0].first, ==, -0.5);
  g_assert_cmpfloat (ok->history.predictions[3].buckets[4].first, ==, 1);

  g_assert_true (g_key_file_load_from_data (kf, base, -1, G_KEY_FILE_NONE, NULL));
  g_assert_true (g_key_file_remove_group (kf, "Prediction history 2", NULL));
  with_gap = g_key_file_to_data (kf, NULL, NULL);
  gap = bp_session_from_data (with_gap, strlen (with_gap), "p.backprop", &error);
  g_assert_null (gap);
  g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "p.backprop:187: [Prediction history 4]: is number 4, but the 3 "
                   "[Prediction history …] groups are numbered 1 to 3 without gaps");
  g_clear_error (&error);

  with_extra = g_strconcat (base, "\n[Prediction history 5]\ncapacity=2\nspan=1\npending=0\n", NULL);
  extra = bp_session_from_data (with_extra, strlen (with_extra), "p.backprop", &error);
  g_assert_null (extra);
  g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "p.backprop: has 5 [Prediction history …] groups; there is one for each of "
                   "the first 16 training people at most, here 4");
}

/* A session whose run traced more people than it has (people removed
 * since) is still written as one that reads back. */
static void
test_predictions_beyond_people (void)
{
  g_autofree char *base = base_text ();
  g_autoptr(BpSession) s = bp_session_from_data (base, strlen (base), NULL, NULL);
  g_autoptr(BpSession) again = NULL;

  g_assert_nonnull (s);
  g_ptr_array_remove_index (s->people->people, 3);
  again = reread (s);
  g_assert_cmpuint (again->history.n_people, ==, 3);
  assert_same_series (&again->history.predictions[2], &s->history.predictions[2]);
}

/* ---- compatibility and hand-written files ------------------------------------ */

/* Keys and groups this version does not know are skipped, so that a
 * later version can add some without a new format. */
static void
test_unknown_ignored (void)
{
  g_autofree char *base = base_text ();
  g_autoptr(BpSession) expected = bp_session_from_data (base, strlen (base), NULL, NULL);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) s = NULL;

  g_assert_true (g_key_file_load_from_data (kf, base, -1, G_KEY_FILE_NONE, NULL));
  g_key_file_set_value (kf, "Backprop", "colour", "blue");
  g_key_file_set_value (kf, "Backprop", "momentum", "0.9");
  g_key_file_set_value (kf, "Person 1", "age", "12");
  g_key_file_set_value (kf, "Person 1", "name[de]", "Alicia");
  g_key_file_set_value (kf, "Loss history", "smoothing", "none");
  g_key_file_set_value (kf, "Window", "width", "800");
  text = g_key_file_to_data (kf, NULL, NULL);
  s = bp_session_from_data (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  assert_same_session (expected, s);
}

/* What a teacher might type: the seed gives the initial parameters, no
 * run yet, no history; spaces around = and a comment are fine. */
static void
test_hand_written (void)
{
  const char *text =
    "# Tuesday's lesson\n"
    "[Backprop]\n"
    "format = 1\n"
    "units = kg-cm\n"
    "normalize = mean\n"
    "learning-rate = 0.05\n"
    "epochs = 2000\n"
    "seed = 42\n"
    "state = idle\n"
    "epoch = 0\n"
    "speed = 500\n"
    "\n"
    "[Person 1]\n"
    "name = Ann\n"
    "gender = f\n"
    "weight-lb = 130\n"
    "height-in = 64.5\n"
    "[Person 2]\n"
    "name=Ben\n"
    "gender=M\n"
    "weight-lb=170\n"
    "height-in=71\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) s = bp_session_from_data (text, strlen (text), "hand.backprop", &error);
  BpParams seeded;

  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpuint (bp_people_get_n (s->people), ==, 2);
  g_assert_cmpstr (bp_people_get (s->people, 0)->name, ==, "Ann");
  g_assert_cmpint (bp_people_get (s->people, 0)->gender, ==, BP_GENDER_FEMALE);
  g_assert_cmpfloat (bp_people_get (s->people, 0)->height_in, ==, 64.5);
  g_assert_cmpuint (bp_people_get_n (s->test), ==, 0);
  g_assert_cmpint (s->units, ==, BP_UNITS_KG_CM);
  g_assert_cmpint (s->normalize, ==, BP_NORMALIZE_MEAN);
  g_assert_cmpfloat (s->learning_rate, ==, 0.05);
  g_assert_cmpuint (s->epochs, ==, 2000);
  g_assert_cmpfloat (s->speed, ==, 500);
  bp_params_from_seed (&seeded, 42);
  assert_same_params (&s->initial, &seeded);
  assert_same_params (&s->current, &seeded);
  g_assert_cmpuint (s->history.loss.capacity, ==, BP_SERIES_DEFAULT_CAPACITY);
  g_assert_cmpuint (s->history.loss.count, ==, 0);
  g_assert_cmpuint (s->history.test_loss.count, ==, 0);
}

/* Without a seed the initial parameters must be there. */
static void
test_no_seed_needs_initial (void)
{
  g_autoptr(BpSession) s = bp_session_new ();
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) again = NULL;

  s->has_seed = FALSE;
  s->initial.w1 = 0.25;
  base = bp_session_to_data (s, NULL);
  g_assert_null (strstr (base, "\nseed="));
  g_assert_true (g_key_file_load_from_data (kf, base, -1, G_KEY_FILE_NONE, NULL));
  g_assert_true (g_key_file_remove_group (kf, "Initial parameters", NULL));
  text = g_key_file_to_data (kf, NULL, NULL);
  again = bp_session_from_data (text, strlen (text), "n.backprop", &error);
  g_assert_null (again);
  g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "n.backprop: [Initial parameters]: missing");
}

/* ---- the layout: groups and keys as GKeyFile would merge them ------------------ */

/* The line of the @nth (from 1) line of @text that is exactly @line. */
static guint
line_number (const char *text,
             const char *line,
             guint       nth)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (lines[i], line) && --nth == 0)
      return i + 1;
  g_assert_not_reached ();
}

/* @text with its line @line removed, or with @added put after it. */
static char *
edit_line (const char *text,
           const char *line,
           const char *added)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean here = !found && g_str_equal (lines[i], line);

      found = found || here;
      if (!here || added != NULL)
        g_string_append_printf (out, "%s%s", lines[i], lines[i + 1] != NULL ? "\n" : "");
      if (here && added != NULL)
        g_string_append_printf (out, "%s\n", added);
    }
  g_assert_true (found);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_from_data_error (const char *text,
                        int         code,
                        const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) s = bp_session_from_data (text, strlen (text), "l.backprop", &error);

  g_assert_null (s);
  g_assert_error (error, BP_SESSION_ERROR, code);
  if (error != NULL)
    g_assert_cmpstr (error->message, ==, expected);
}

typedef struct
{
  const char *line;      /* a line of the base text */
  const char *added;     /* put after it; NULL: the line is removed */
  const char *at;        /* the line the error is on, as it reads */
  guint       at_nth;    /* which of the lines that read so */
  const char *message;   /* after "l.backprop:LINE: " */
} LayoutCase;

/* A group line gone lets the keys below it join the group above: two
 * people become one, the loss history a person's.  A repeated group or
 * key is refused at the second, as GKeyFile would silently merge them. */
static const LayoutCase layout_cases[] = {
  { "[Person 4]", NULL, "name=Diana", 1,
    "[Person 3] name: is given a second time (first on line 51): each key appears once in "
    "its group, so is a [group] line missing above it?" },
  { "[Test person 1]", NULL, "name=Emily", 1,
    "[Person 4] name: is given a second time (first on line 57): each key appears once in "
    "its group, so is a [group] line missing above it?" },
  { "[Loss history]", NULL, "capacity=4", 1,
    "[Test person 1] capacity: is a key of a history, not of a person; is a [group] line "
    "missing above it?" },
  { "[Current parameters]", NULL, "w1=1.764052345967664", 2,
    "[Initial parameters] w1: is given a second time (first on line 17): each key appears "
    "once in its group, so is a [group] line missing above it?" },
  { "[Initial parameters]", NULL, "w1=1.764052345967664", 1,
    "[Backprop] w1: is a key of a parameters group, not of [Backprop]; is a [group] line "
    "missing above it?" },
  { "learning-rate=0.1", "learning-rate=5", "learning-rate=5", 1,
    "[Backprop] learning-rate: is given a second time (first on line 9): each key appears "
    "once in its group, so is a [group] line missing above it?" },
  { "bucket-0=0.5;0.4;0.4;0.5", "bucket-0=0.1", "bucket-0=0.1", 1,
    "[Loss history] bucket-0: is given a second time (first on line 71): each key appears "
    "once in its group, so is a [group] line missing above it?" },
  { "height-in=60", "[Person 2]", "[Person 2]", 2,
    "[Person 2]: appears a second time (first on line 44); each group appears once" },
  { "height-in=63", "name=Emily", "name=Emily", 2,
    "[Test person 1] name: is given a second time (first on line 63): each key appears "
    "once in its group, so is a [group] line missing above it?" },
  { "epoch=5", "[Window]\nwidth=800\nwidth=900", "width=900", 1,
    "[Window] width: is given a second time (first on line 15): each key appears once in "
    "its group, so is a [group] line missing above it?" },
};

static void
test_layout (void)
{
  g_autofree char *base = base_text ();

  for (guint i = 0; i < G_N_ELEMENTS (layout_cases); i++)
    {
      const LayoutCase *c = &layout_cases[i];
      g_autofree char *text = edit_line (base, c->line, c->added);
      g_autofree char *expected = g_strdup_printf ("l.backprop:%u: %s",
                                                   line_number (text, c->at, c->at_nth), c->message);

      g_test_message ("case %u: %s", i, c->line);
      assert_from_data_error (text, BP_SESSION_ERROR_PARSE, expected);
    }
}

/* [Person N] and the like name their group's own line when N is not one
 * of 1 … the number of such groups, written as Backprop writes it. */
static void
test_group_numbers (void)
{
  static const struct
  {
    const char *group;
    const char *renamed;
    const char *message;
  } cases[] = {
    { "[Person 2]", "[Person 0]",
      "[Person 0]: is number 0, but the 4 [Person …] groups are numbered 1 to 4 without gaps" },
    { "[Person 2]", "[Person foo]",
      "[Person foo]: “foo” is not a number as Backprop writes them; [Person N] groups are "
      "numbered 1, 2, 3 … without gaps" },
    { "[Person 4]", "[Person 04]",
      "[Person 04]: “04” is not a number as Backprop writes them; [Person N] groups are "
      "numbered 1, 2, 3 … without gaps" },
    { "[Person 3]", "[Person +3]",
      "[Person +3]: “+3” is not a number as Backprop writes them; [Person N] groups are "
      "numbered 1, 2, 3 … without gaps" },
    { "[Person 1]", "[Person 5]",
      "[Person 5]: is number 5, but the 4 [Person …] groups are numbered 1 to 4 without gaps" },
    { "[Test person 1]", "[Test person 2]",
      "[Test person 2]: is number 2, but the only [Test person …] group must be [Test person 1]" },
    { "[Prediction history 3]", "[Prediction history three]",
      "[Prediction history three]: “three” is not a number as Backprop writes them; "
      "[Prediction history N] groups are numbered 1, 2, 3 … without gaps" },
  };
  g_autofree char *base = base_text ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = edit_line (base, cases[i].group, cases[i].renamed);
      g_autofree char *renamed = edit_line (text, cases[i].group, NULL);
      g_autofree char *expected = g_strdup_printf ("l.backprop:%u: %s",
                                                   line_number (renamed, cases[i].renamed, 1),
                                                   cases[i].message);

      g_test_message ("case %u: %s", i, cases[i].renamed);
      assert_from_data_error (renamed, BP_SESSION_ERROR_PARSE, expected);
    }
}

/* A UTF-8 byte order mark is skipped, as the CSV reader skips it, and
 * line numbers stay those of the text. */
static void
test_byte_order_mark (void)
{
  g_autofree char *base = base_text ();
  g_autofree char *marked = g_strconcat ("\xEF\xBB\xBF", base, NULL);
  g_autofree char *bad = g_strconcat ("\xEF\xBB\xBF", "[Backprop]\nformat=1\nunits=stone\n", NULL);
  g_autofree char *junk = g_strconcat ("\xEF\xBB\xBF", "# Backprop\nnot a session\n", NULL);
  g_autoptr(BpSession) expected = bp_session_from_data (base, strlen (base), NULL, NULL);
  g_autoptr(BpSession) s = NULL;
  g_autoptr(GError) error = NULL;

  s = bp_session_from_data (marked, strlen (marked), "bom.backprop", &error);
  g_assert_no_error (error);
  assert_same_session (expected, s);
  assert_from_data_error (bad, BP_SESSION_ERROR_VALUE,
                          "l.backprop:3: [Backprop] units: “stone” is not one of lb-in, kg-cm");
  assert_from_data_error (junk, BP_SESSION_ERROR_PARSE,
                          "l.backprop:2: is not a Backprop session: Key file contains line "
                          "“not a session” which is not a key-value pair, group, or comment");
}

/* The text of @s, which the reader must refuse with @expected. */
static void
assert_refused (const BpSession *s,
                const char      *expected)
{
  g_autofree char *text = bp_session_to_data (s, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) again = bp_session_from_data (text, strlen (text), "c.backprop", &error);

  g_assert_null (again);
  g_assert_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_VALUE);
  if (error != NULL && strcmp (error->message, expected) != 0)
    g_test_fail_printf ("“%s” is not “%s”", error->message, expected);
}

/* Sessions no run could have left, each refused naming the group and key
 * that contradict the rest. */
static void
test_contradictions (void)
{
  g_autoptr(BpSession) stopped = bp_session_new ();
  g_autoptr(BpSession) diverged = bp_session_new ();
  g_autoptr(BpSession) finished = bp_session_new ();
  g_autoptr(BpSession) idle = bp_session_new ();
  g_autoptr(BpSession) test_loss = bp_session_new ();
  g_autoptr(BpSession) nobody = bp_session_new ();
  g_autoptr(BpSession) blank = bp_session_new ();
  g_autoptr(BpSession) ok = NULL;

  stopped->state = BP_TRAINER_STOPPED;
  stopped->epoch = stopped->epochs;
  assert_refused (stopped, "c.backprop:12: [Backprop] state: is stopped, but all 1000 epochs "
                           "are done: that run finished");

  diverged->state = BP_TRAINER_DIVERGED;
  diverged->epoch = 3;
  diverged->current.w1 = 1e300;
  assert_refused (diverged, "c.backprop:12: [Backprop] state: is diverged, but the [Current "
                            "parameters] are all finite numbers, and so is the loss they give");
  /* Unless their loss is not: inf − inf in Bob's first neuron. */
  diverged->current.w1 = -DBL_MAX;
  diverged->current.w2 = DBL_MAX;
  ok = reread (diverged);
  g_clear_pointer (&ok, bp_session_free);

  finished->state = BP_TRAINER_FINISHED;
  finished->epochs = 0;
  finished->current.b2 += 1;
  assert_refused (finished, "c.backprop:35: [Current parameters] b2: differs from [Initial "
                            "parameters], but a run that is finished at epoch 0 has not moved "
                            "from there");
  /* A target finishes a run early, but not before its first epoch. */
  finished->epochs = 1000;
  finished->current = finished->initial;
  finished->target_loss = 0.5;
  assert_refused (finished, "c.backprop:14: [Backprop] epoch: is 0, but a finished run has done "
                            "one epoch at least");
  idle->current.w3 = -idle->current.w3;
  assert_refused (idle, "c.backprop:30: [Current parameters] w3: differs from [Initial "
                        "parameters], but a run that is idle at epoch 0 has not moved from there");

  test_loss->state = BP_TRAINER_STOPPED;
  test_loss->epoch = 2;
  bp_series_push (&test_loss->history.test_loss, 0.25);
  assert_refused (test_loss, "c.backprop:70: [Test loss history] bucket-0: holds a test loss, "
                             "but the session has no [Test person N] to measure it on");

  bp_people_unref (nobody->people);
  nobody->people = bp_people_new ();
  bp_people_add (nobody->test, bp_person_new ("Emily", 128, 63, BP_GENDER_FEMALE));
  assert_refused (nobody, "c.backprop: [Person 1]: missing: the session has no training "
                          "people, and a lesson needs at least one");

  g_free (bp_people_get (blank->people, 1)->name);
  bp_people_get (blank->people, 1)->name = g_strdup (" \t ");
  assert_refused (blank, "c.backprop:45: [Person 2] name: is empty; every person has a name");
  g_free (bp_people_get (blank->people, 1)->name);
  bp_people_get (blank->people, 1)->name = g_strdup ("");
  assert_refused (blank, "c.backprop:45: [Person 2] name: is empty; every person has a name");
}

/* What backprop-cli train --epochs 0 --save writes reads back: a lesson
 * of the untrained network, finished at once. */
static void
test_zero_epochs (void)
{
  g_autoptr(BpSession) s = bp_session_new ();
  g_autoptr(BpSession) again = NULL;

  s->epochs = 0;
  s->state = BP_TRAINER_FINISHED;
  again = reread (s);
  assert_same_session (s, again);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("backprop-test-session-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/session/defaults", test_defaults);
  g_test_add_func ("/session/format-first", test_format_first);
  g_test_add_func ("/session/round-trip/random", test_round_trip_random);
  g_test_add_func ("/session/round-trip/run", test_round_trip_run);
  g_test_add_func ("/session/round-trip/target-loss", test_round_trip_target);
  g_test_add_func ("/session/prediction-numbering", test_prediction_numbering);
  g_test_add_func ("/session/predictions-beyond-people", test_predictions_beyond_people);
  g_test_add_func ("/session/round-trip/running-saved-as-stopped", test_running_saved_as_stopped);
  g_test_add_func ("/session/round-trip/diverged", test_diverged);
  g_test_add_func ("/session/round-trip/units", test_units);
  g_test_add_func ("/session/equal", test_equal);
  g_test_add_func ("/session/file/save-load", test_save_load_file);
  g_test_add_func ("/session/file/save-fails", test_save_fails);
  g_test_add_func ("/session/file/save-refuses-invalid", test_save_refuses_invalid);
  g_test_add_func ("/session/file/save-fails-midway", test_save_fails_midway);
  g_test_add_func ("/session/file/load-errors", test_load_file_errors);
  g_test_add_func ("/session/errors/raw", test_raw_errors);
  g_test_add_func ("/session/errors/values", test_edit_errors);
  g_test_add_func ("/session/errors/people-numbering", test_people_numbering);
  g_test_add_func ("/session/compat/unknown-ignored", test_unknown_ignored);
  g_test_add_func ("/session/compat/hand-written", test_hand_written);
  g_test_add_func ("/session/compat/no-seed-needs-initial", test_no_seed_needs_initial);
  g_test_add_func ("/session/file/load-utf16", test_load_utf16);
  g_test_add_func ("/session/errors/layout", test_layout);
  g_test_add_func ("/session/errors/group-numbers", test_group_numbers);
  g_test_add_func ("/session/errors/contradictions", test_contradictions);
  g_test_add_func ("/session/compat/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/session/round-trip/zero-epochs", test_zero_epochs);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
