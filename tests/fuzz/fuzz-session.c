/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-session.c: libFuzzer target for the .backprop session reader
 *
 * Any input must give either a session that keeps the reader's own rules
 * (people in range, a positive finite learning rate, a history BpSeries
 * could have made) and survives a write → read round trip unchanged, or
 * a GError in the session domain; never a crash, a leak or both.
 */
#include <math.h>

#include "bp-csv.h"
#include "bp-session.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_people (const BpPeople *people)
{
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      const BpPerson *p = bp_people_get (people, i);

      g_assert_nonnull (p->name);
      g_assert_true (g_utf8_validate (p->name, -1, NULL));
      g_assert_false (bp_person_name_is_blank (p->name));
      g_assert_true (bp_check_weight_lb (p->weight_lb, BP_UNITS_LB_IN, NULL));
      g_assert_true (bp_check_height_in (p->height_in, BP_UNITS_LB_IN, NULL));
    }
}

static void
check_series (const BpSeries *s,
              guint64         epoch)
{
  g_assert_cmpuint (s->capacity % 2, ==, 0);
  g_assert_cmpuint (s->n_buckets, <, s->capacity);
  g_assert_cmpuint (s->span & (s->span - 1), ==, 0);
  g_assert_cmpuint (s->pending, <, s->span);
  g_assert_cmpuint (s->count, ==, s->n_buckets * s->span + s->pending);
  g_assert_cmpuint (s->count, <=, epoch);
  for (guint i = 0; i < bp_series_get_n (s); i++)
    {
      BpBucket b = bp_series_get (s, i, NULL, NULL);

      g_assert_true (isfinite (b.min) && isfinite (b.max));
      g_assert_true (b.min >= 0 && b.min <= b.first && b.min <= b.last);
      g_assert_true (b.max >= b.first && b.max >= b.last);
    }
}

/* What a run could have left: see check_stopped() and the rest in
 * bp-session.c. */
static void
check_run (const BpSession *s)
{
  g_autoptr(BpDataset) data = NULL;
  BpNormalizer norm;

  g_assert_cmpuint (bp_people_get_n (s->people), >, 0);
  if (s->state == BP_TRAINER_STOPPED)
    g_assert_cmpuint (s->epoch, <, s->epochs);
  if (s->epoch == 0 && (s->state == BP_TRAINER_IDLE || s->state == BP_TRAINER_FINISHED))
    g_assert_cmpmem (&s->current, sizeof s->current, &s->initial, sizeof s->initial);
  if (s->state == BP_TRAINER_DIVERGED && bp_params_all_finite (&s->current))
    {
      bp_normalizer_init (&norm, s->normalize, s->people);
      data = bp_people_to_dataset (s->people, &norm);
      g_assert_false (isfinite (bp_network_loss (&s->current, data)));
    }
  if (bp_people_get_n (s->test) == 0)
    g_assert_cmpuint (s->history.test_loss.count, ==, 0);
}

static void
check_session (const BpSession *s)
{
  check_run (s);
  check_people (s->people);
  check_people (s->test);
  g_assert_true (isfinite (s->learning_rate) && s->learning_rate > 0);
  g_assert_true (isfinite (s->speed) && s->speed >= 0);
  g_assert_cmpuint (s->epoch, <=, s->epochs);
  g_assert_true (bp_params_all_finite (&s->initial));
  g_assert_true (s->state == BP_TRAINER_DIVERGED || bp_params_all_finite (&s->current));
  check_series (&s->history.loss, s->epoch);
  check_series (&s->history.test_loss, s->epoch);
}

static void
check_round_trip (const BpSession *s)
{
  gsize length;
  g_autofree char *text = bp_session_to_data (s, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) again = bp_session_from_data (text, length, "round-trip", &error);

  g_assert_no_error (error);
  g_assert_true (bp_session_equal (s, again));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) s = bp_session_from_data ((const char *) data, size, "fuzz.backprop", &error);

  if (s == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BP_SESSION_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  check_session (s);
  check_round_trip (s);
  return 0;
}
