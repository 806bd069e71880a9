/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-session.c: the window as a session to save, and a session shown */
#include "config.h"

#include <math.h>
#include "bp-window-private.h"

/* ---- sessions -------------------------------------------------------------- */

/* The run's part of a session.  A live run is read afresh, history first:
 * its progress can only be ahead of the copied history then, never
 * behind it, as a session file requires. */
static void
fill_run (BpWindow  *self,
          BpSession *session)
{
  BpLesson *lesson = self->lesson;
  BpPeople *run_people = bp_lesson_get_run_people (lesson);
  BpProgress p = *bp_lesson_get_progress (lesson);

  if (bp_lesson_is_live (lesson))
    {
      BpTrainer *trainer = bp_lesson_get_trainer (lesson);
      guint64 version = G_MAXUINT64;

      bp_trainer_copy_history (trainer, &session->history, &version);
      bp_trainer_get_progress (trainer, &p);
    }
  else
    bp_history_copy (&session->history, bp_lesson_get_history (lesson));
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
  session->speed = bp_training_form_get_pace (self->training_form, p.epochs);
  /* A run that has not moved is at the lesson's initial parameters, even
   * when the seed changed since it ended. */
  session->current = p.epoch > 0 ? p.params : session->initial;
}

/* The settings' part of a session: the form's, not yet run. */
static void
fill_settings (BpWindow              *self,
               BpSession             *session,
               const BpTrainerConfig *config)
{
  session->units = bp_people_editor_get_units (self->people_editor);
  session->normalize = bp_training_form_get_normalize (self->training_form);
  session->learning_rate = config->learning_rate;
  session->epochs = config->epochs;
  session->target_loss = config->target_loss;
  session->has_seed = !bp_lesson_get_custom_initial (self->lesson);
  session->seed = bp_training_form_get_seed (self->training_form);
  session->initial = config->initial;
  session->current = config->initial;
  session->speed = config->epochs_per_second;
}

/* Everything the window shows, as a session to save; NULL while a person
 * or a setting is wrong. */
BpSession *
bp_window_dup_session (BpWindow  *self,
                       GError   **error)
{
  g_autoptr(BpPeople) people = bp_lesson_dup_people (self->lesson);
  g_autoptr(BpPeople) test = bp_lesson_dup_test_people (self->lesson);
  g_autoptr(BpSession) session = NULL;
  BpTrainerConfig config;

  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  if (people == NULL || test == NULL || !_bp_window_get_config (self, &config))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _bp_window_input_error (self));
      return NULL;
    }
  session = bp_session_new ();
  g_clear_pointer (&session->people, bp_people_unref);
  g_clear_pointer (&session->test, bp_people_unref);
  session->people = g_steal_pointer (&people);
  session->test = g_steal_pointer (&test);
  fill_settings (self, session, &config);
  if (bp_lesson_shows_run (self->lesson))
    fill_run (self, session);
  return g_steal_pointer (&session);
}

static void
restore_form (BpWindow        *self,
              const BpSession *session)
{
  BpTrainingForm *form = self->training_form;

  bp_training_form_set_learning_rate (form, session->learning_rate);
  bp_training_form_set_epochs (form, session->epochs);
  bp_training_form_set_target_loss (form, session->target_loss);
  bp_training_form_set_normalize (form, session->normalize);
  bp_training_form_set_pace (form, session->epochs, session->speed);
  if (session->has_seed)
    bp_training_form_set_seed (form, session->seed);
  /* After the seed, whose change would drop them. */
  bp_lesson_set_custom_initial (self->lesson, !session->has_seed, &session->initial);
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
 * with no trainer behind it. */
static void
restore_run (BpWindow        *self,
             const BpSession *s)
{
  BpRunSettings settings = {
    .learning_rate = s->learning_rate,
    .epochs = s->epochs,
    .seed = bp_training_form_get_seed (self->training_form),
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
  _bp_window_show_run (self, s->people, s->test, &norm, s->learning_rate, s->epochs);
  bp_lesson_restore_run (self->lesson, &progress, &s->history, &norm, s->people, &settings);
}

/* Shows @session: its people, settings and run, ending any run there
 * was.  The file and the modified state are bp_window_mark_saved()'s. */
void
bp_window_set_session (BpWindow        *self,
                       const BpSession *session)
{
  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (session != NULL);

  bp_lesson_discard_run (self->lesson);
  bp_people_editor_set_units (self->people_editor, session->units);
  bp_people_editor_set_people (self->people_editor, session->people);
  bp_people_editor_set_test_people (self->people_editor, session->test);
  restore_form (self, session);
  bp_loss_chart_clear (self->loss_chart);
  if (session->state == BP_TRAINER_IDLE)
    _bp_window_show_idle (self);
  else
    restore_run (self, session);
  _bp_window_update_actions (self);
}

/* What the window shows now is what @file holds (NULL: no file yet), as
 * after opening or saving it. */
void
bp_window_mark_saved (BpWindow *self,
                      GFile    *file)
{
  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  _bp_window_update_modified (self);
  bp_lesson_mark_saved (self->lesson, file);
  _bp_window_update_title (self);
}
