/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-lesson-session.c: a lesson as a session file has it, and back
 *
 * Written from the lesson alone: its people, its settings and its run.
 * Read back, the run and where the next one starts go into the lesson;
 * the people go into its list through the people editor, which keeps
 * the state of its rows, and the settings through the training form.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-lesson.h"

/* The run's part of a session.  A live run is read afresh, history first:
 * its progress can only be ahead of the copied history then, never
 * behind it, as a session file requires. */
static void
fill_run (BpLesson  *self,
          BpSession *session)
{
  BpPeople *run_people = bp_lesson_get_run_people (self);
  BpProgress p = *bp_lesson_get_progress (self);

  if (bp_lesson_is_live (self))
    {
      BpTrainer *trainer = bp_lesson_get_trainer (self);
      guint64 version = G_MAXUINT64;

      bp_trainer_copy_history (trainer, &session->history, &version);
      bp_trainer_get_progress (trainer, &p);
    }
  else
    bp_history_copy (&session->history, bp_lesson_get_history (self));
  /* The people edited since the run are not those it traced: their
   * predictions would go under other names, or past the last person. */
  if (run_people == NULL ||
      (run_people != session->people && !bp_people_equal (run_people, session->people)))
    session->history.n_people = 0;
  /* Nobody held out now: the test loss of those held out then has no
   * people to be about, and the reader refuses it. */
  if (bp_people_get_n (session->test) == 0)
    bp_series_reset (&session->history.test_loss);
  session->state = p.state;
  session->epoch = p.epoch;
  session->epochs = p.epochs;
  session->target_loss = p.target_loss;
  /* A run that has not moved is at the lesson's initial parameters, even
   * when the seed changed since it ended. */
  session->current = p.epoch > 0 ? p.params : session->initial;
}

static void
fill_settings (BpSession              *session,
               const BpLessonSettings *settings)
{
  session->units = settings->units;
  session->normalize = settings->normalize;
  session->learning_rate = settings->learning_rate;
  session->epochs = settings->epochs;
  session->target_loss = settings->target_loss;
  session->has_seed = settings->has_seed;
  session->seed = settings->seed;
  session->initial = settings->initial;
  session->current = settings->initial;
  session->speed = settings->speed;
}

/* The lesson as a session to save: its people, its settings (those of
 * the run on show, if any) and that run.  NULL while a person or a
 * setting is wrong: such a lesson cannot be saved as it is. */
BpSession *
bp_lesson_dup_session (BpLesson  *self,
                       GError   **error)
{
  g_autoptr(BpPeople) people = NULL;
  g_autoptr(BpPeople) test = NULL;
  g_autoptr(BpSession) session = NULL;
  const BpLessonSettings *settings;

  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  people = bp_lesson_dup_people (self);
  test = bp_lesson_dup_test_people (self);
  settings = bp_lesson_get_settings (self);
  if (people == NULL || test == NULL || settings == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A person or a setting has a mistake to correct first"));
      return NULL;
    }
  session = bp_session_new ();
  g_clear_pointer (&session->people, bp_people_unref);
  g_clear_pointer (&session->test, bp_people_unref);
  session->people = g_steal_pointer (&people);
  session->test = g_steal_pointer (&test);
  fill_settings (session, settings);
  if (bp_lesson_shows_run (self))
    fill_run (self, session);
  return g_steal_pointer (&session);
}

/* The loss after @epoch epochs as the trainer reported it: the last value
 * of its series when that holds every epoch (a diverged run's last loss
 * was not finite and is not in it), else worked out again. */
static double
final_loss (const BpSeries     *series,
            guint64             epoch,
            const BpParams     *params,
            const BpPeople     *people,
            const BpNormalizer *norm)
{
  g_autoptr(BpDataset) data = NULL;
  guint n = bp_series_get_n (series);

  if (bp_people_get_n (people) == 0)
    return NAN;
  if (epoch > 0 && series->count == epoch && n > 0)
    return bp_series_get (series, n - 1, NULL, NULL).last;
  data = bp_people_to_dataset (people, norm);
  return bp_network_loss (params, data);
}

/* A finished, stopped or diverged run, shown as the trainer left it but
 * with no trainer behind it; @seed labels it among the earlier runs. */
static void
restore_run (BpLesson        *self,
             const BpSession *s,
             guint32          seed)
{
  BpRunSettings settings = {
    .learning_rate = s->learning_rate,
    .epochs = s->epochs,
    .seed = seed,
    .normalize = s->normalize,
  };
  BpNormalizer norm;
  BpProgress progress;

  bp_normalizer_init (&norm, s->normalize, s->people);
  progress = (BpProgress) {
    .state = s->state,
    .epoch = s->epoch,
    .epochs = s->epochs,
    .loss = final_loss (&s->history.loss, s->epoch, &s->current, s->people, &norm),
    .test_loss = final_loss (&s->history.test_loss, s->epoch, &s->current, s->test, &norm),
    .params = s->current,
    .target_loss = s->target_loss,
  };
  progress.reached_target = s->state == BP_TRAINER_FINISHED && progress.loss < s->target_loss;
  bp_lesson_show_people (self, s->people, s->test, &norm, s->learning_rate);
  bp_lesson_restore_run (self, &progress, &s->history, &norm, s->people, &settings);
}

/* Takes @session's run (none when idle) and where its next run starts,
 * ending any run there was.  @seed is the seed shown when the session
 * has none. */
void
bp_lesson_set_session (BpLesson        *self,
                       const BpSession *session,
                       guint32          seed)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (session != NULL);

  bp_lesson_discard_run (self);
  bp_lesson_set_custom_initial (self, !session->has_seed, &session->initial);
  if (session->state != BP_TRAINER_IDLE)
    restore_run (self, session, session->has_seed ? session->seed : seed);
}
