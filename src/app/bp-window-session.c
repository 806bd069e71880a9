/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-session.c: the window as a session to save, and a session shown */
#include "config.h"

#include "bp-window-private.h"

/* Everything the window shows, as a session to save; NULL while a person
 * or a setting is wrong.  The lesson writes it, once told the settings
 * as the form has them now. */
BpSession *
bp_window_dup_session (BpWindow  *self,
                       GError   **error)
{
  const char *input_error;

  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  input_error = _bp_window_input_error (self);
  if (input_error != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, input_error);
      return NULL;
    }
  _bp_window_update_modified (self);
  return bp_lesson_dup_session (self->lesson, error);
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
  /* The views of the run are made ready before the lesson shows it:
   * after the seed, whose change would drop the initial parameters. */
  if (session->state != BP_TRAINER_IDLE)
    _bp_window_prepare_run_views (self, session->people, session->epochs);
  bp_lesson_set_session (self->lesson, session, bp_training_form_get_seed (self->training_form));
  if (session->state == BP_TRAINER_IDLE)
    _bp_window_show_idle (self);
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
