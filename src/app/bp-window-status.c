/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-status.c: the status line, the title, and which actions can be used
 *
 * Everything here follows the lesson and the form; none of it changes
 * them. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-accessible.h"
#include "bp-tooltips.h"
#include "bp-format.h"
#include "bp-window-private.h"

void
_bp_window_set_enabled (BpWindow   *self,
                        const char *name,
                        gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* The form's settings, with the initial parameters a file gave in place
 * of the seed's until the seed changes. */
gboolean
_bp_window_get_config (BpWindow        *self,
                       BpTrainerConfig *config)
{
  if (!bp_training_form_get_config (self->training_form, config))
    return FALSE;
  if (bp_lesson_get_custom_initial (self->lesson))
    config->initial = *bp_lesson_get_initial (self->lesson);
  return TRUE;
}

/* Why a new run cannot start from the people and settings, or NULL. */
const char *
_bp_window_input_error (BpWindow *self)
{
  const char *error = bp_people_editor_get_error (self->people_editor);

  return error != NULL ? error : bp_training_form_get_error (self->training_form);
}

static const char *
state_text (BpTrainerState state)
{
  switch (state)
    {
    case BP_TRAINER_IDLE:
      return _("Ready");
    case BP_TRAINER_RUNNING:
      return _("Training…");
    case BP_TRAINER_PAUSED:
      return _("Paused");
    case BP_TRAINER_FINISHED:
      return _("Finished");
    case BP_TRAINER_STOPPED:
      return _("Stopped");
    case BP_TRAINER_DIVERGED:
      return _("Diverged");
    default:
      g_assert_not_reached ();
    }
}

/* A finished or stopped run on show whose training people have been
 * edited, imported or replaced since: its curve and status are about
 * people no longer in the list. */
static gboolean
trained_on_other_people (BpWindow *self)
{
  BpPeople *run_people = bp_lesson_get_run_people (self->lesson);
  g_autoptr(BpPeople) people = NULL;

  if (!bp_lesson_shows_run (self->lesson) || bp_lesson_is_live (self->lesson) || run_people == NULL)
    return FALSE;
  /* The editor hands out one list per change: the same list is the
   * same people, without comparing a class person by person. */
  people = bp_lesson_dup_people (self->lesson);
  return people != NULL && people != run_people && !bp_people_equal (people, run_people);
}

/* The loss chart says on the curve itself (and in an exported image)
 * that the run drawn was trained on other people than those listed:
 * after an edit, an import or an example, until the next run. */
static void
show_run_people_note (BpWindow *self,
                      gboolean  other_people)
{
  bp_loss_chart_set_note (self->loss_chart, other_people ? _("Trained on earlier people") : NULL);
}

/* Why a finished run ended before its last epoch, or NULL. */
static char *
reached_target_text (BpWindow *self)
{
  const BpProgress *p = bp_lesson_get_progress (self->lesson);
  g_autofree char *target = NULL;
  g_autofree char *epoch = NULL;

  if (p->state != BP_TRAINER_FINISHED || !p->reached_target)
    return NULL;
  target = bp_format_editable (p->target_loss);
  epoch = g_strdup_printf ("%" G_GUINT64_FORMAT, p->epoch);
  /* Translators: %s are the target loss, such as 0.01, and the epochs done */
  return g_strdup_printf (_("Reached the target loss %s at epoch %s: training stopped there."),
                          target, epoch);
}

/* Words under the status line: why training went wrong or cannot start,
 * or that the run shown is not about the people listed. */
static void
show_hint (BpWindow *self)
{
  const char *error = _bp_window_input_error (self);
  GtkWidget *hint = GTK_WIDGET (self->hint_label);
  g_autofree char *text = NULL;
  gboolean other_people = trained_on_other_people (self);

  gboolean is_error = TRUE;

  if (bp_lesson_get_progress (self->lesson)->state == BP_TRAINER_DIVERGED)
    text = g_strdup (_("The loss stopped being a finite number: each step overshot and the "
                       "parameters grew without bound. Lower the learning rate (0.1 works) "
                       "and train again."));
  else if (error != NULL && !bp_lesson_is_live (self->lesson))
    text = g_strdup_printf (_("Cannot train: %s"), error);
  else if (other_people)
    {
      text = g_strdup (_("The run shown was trained on other people than these. Train again "
                         "to see what the network learns from them."));
      is_error = FALSE;
    }
  else if ((text = reached_target_text (self)) != NULL)
    is_error = FALSE;
  /* The guided tour edits the parameters itself and says so. */
  else if (bp_lesson_get_custom_initial (self->lesson) && !bp_lesson_shows_run (self->lesson) &&
           !gtk_widget_has_css_class (GTK_WIDGET (self), "touring"))
    {
      /* Translators: %u is the seed in the training settings */
      text = g_strdup_printf (_("The next run starts from the parameters on show, not from "
                                "seed %u: they were edited or came from the lesson file. "
                                "Type a seed to start from it."),
                              bp_training_form_get_seed (self->training_form));
      is_error = FALSE;
    }
  gtk_label_set_text (self->hint_label, text != NULL ? text : "");
  gtk_widget_set_visible (hint, text != NULL);
  if (text != NULL && is_error)
    gtk_widget_add_css_class (hint, "error");
  else
    gtk_widget_remove_css_class (hint, "error");
  show_run_people_note (self, other_people);
}

/* Six decimals until they would read 0.000000, then three significant
 * digits: both eight characters wide, so the line does not shift. */
static char *
format_loss (double loss)
{
  if (!isfinite (loss))
    return g_strdup (_("Loss —"));
  if (loss >= 1e-4)
    return g_strdup_printf (_("Loss %.6f"), loss);
  return g_strdup_printf (_("Loss %.2e"), loss);
}

/* The loss line, with the test loss beside it when people are held out. */
static char *
format_losses (const BpProgress *p)
{
  g_autofree char *loss = format_loss (p->loss);

  if (!isfinite (p->test_loss))
    return g_steal_pointer (&loss);
  if (p->test_loss >= 1e-4)
    return g_strdup_printf (_("%s · test %.6f"), loss, p->test_loss);
  return g_strdup_printf (_("%s · test %.2e"), loss, p->test_loss);
}

void
_bp_window_show_progress (BpWindow *self)
{
  const BpProgress *p = bp_lesson_get_progress (self->lesson);
  g_autofree char *epoch = g_strdup_printf ("%" G_GUINT64_FORMAT, p->epoch);
  g_autofree char *epochs = g_strdup_printf ("%" G_GUINT64_FORMAT, p->epochs);
  g_autofree char *epoch_text = g_strdup_printf (_("Epoch %s of %s"), epoch, epochs);
  g_autofree char *loss_text = format_losses (p);

  g_autofree char *status = NULL;

  gtk_label_set_text (self->state_label, state_text (p->state));
  gtk_label_set_text (self->epoch_label, epoch_text);
  gtk_label_set_text (self->loss_label, loss_text);
  /* GTK 4.8 cannot announce: the status line's description carries the
   * whole status, and changes as training goes (at most once a second). */
  /* Translators: the status line for screen readers: state, epoch, loss */
  status = g_strdup_printf (_("%s, %s, %s"), state_text (p->state), epoch_text, loss_text);
  bp_accessible_describe (GTK_WIDGET (self->state_label), status);
}

/* Room for the run's largest epoch count from the start, so that the
 * labels after it do not shift as digits are added. */
void
_bp_window_size_epoch_label (BpWindow *self,
                             guint64   epochs)
{
  g_autofree char *epochs_text = g_strdup_printf ("%" G_GUINT64_FORMAT, epochs);
  g_autofree char *widest = g_strdup_printf (_("Epoch %s of %s"), epochs_text, epochs_text);

  gtk_label_set_width_chars (self->epoch_label, g_utf8_strlen (widest, -1));
}

static void
update_train_tooltip (BpWindow *self)
{
  const char *error = _bp_window_input_error (self);
  g_autofree char *tip = NULL;

  if (bp_lesson_is_live (self->lesson))
    tip = g_strdup (_("Training is under way: stop it to start again"));
  else if (error != NULL)
    tip = g_strdup_printf (_("Cannot train: %s"), error);
  else
    tip = g_strdup (_("Train the network (Ctrl+Return)"));
  bp_set_tooltip (self->train_button, tip);
}

/* Step continues a paused run; a stopped or finished run cannot go on,
 * so there it starts a new one, and says so. */
static void
update_step_tooltip (BpWindow *self)
{
  const char *tip = !bp_lesson_is_live (self->lesson) && bp_lesson_shows_run (self->lesson)
    ? _("Start a new run from the initial parameters: one epoch, then pause")
    : _("Run one epoch, then pause");

  bp_set_tooltip (GTK_WIDGET (self->step_button), tip);
  bp_set_tooltip (GTK_WIDGET (self->presenter_step_button), tip);
}

/* An entry that turns insensitive while it has the focus never gets its
 * focus-out; hand the focus to Pause first, where Space works anyway. */
static void
move_focus_to_controls (BpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL &&
      (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->training_form)) ||
       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->people_editor))))
    gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

/* The file's name as the title shows it, or "Untitled Lesson". */
char *
bp_window_dup_display_name (BpWindow *self)
{
  GFile *file;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  if ((file = bp_lesson_get_file (self->lesson)) == NULL)
    return g_strdup (_("Untitled Lesson"));
  basename = g_file_get_basename (file);
  return g_filename_display_name (basename);
}

/* The title is what the taskbar and window switcher show. */
void
_bp_window_update_title (BpWindow *self)
{
  g_autofree char *name = bp_window_dup_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  gboolean modified = bp_lesson_get_modified (self->lesson);

  if (modified)
    /* Translators: the window title when there are unsaved changes; %s is
     * the file name, e.g. “• lesson.backprop — Backprop” */
    title = g_strdup_printf (_("• %s — Backprop"), name);
  else
    /* Translators: the window title; %s is the file name */
    title = g_strdup_printf (_("%s — Backprop"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* Translators: the lesson's file name in the status line, with a mark
   * for unsaved changes */
  label = modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  gtk_label_set_text (self->file_label, label);
}

/* The settings a lesson file keeps, as the form and the editor have
 * them; FALSE while one of them, or a person, is wrong. */
static gboolean
get_settings (BpWindow         *self,
              BpLessonSettings *settings)
{
  BpTrainerConfig config;
  guint64 paced_epochs;

  if (_bp_window_input_error (self) != NULL || !_bp_window_get_config (self, &config))
    return FALSE;
  /* The pace a session keeps is that of the run on show, if any. */
  paced_epochs = bp_lesson_shows_run (self->lesson) ? bp_lesson_get_progress (self->lesson)->epochs
                                                    : config.epochs;
  *settings = (BpLessonSettings) {
    .units = bp_people_editor_get_units (self->people_editor),
    .normalize = bp_training_form_get_normalize (self->training_form),
    .learning_rate = config.learning_rate,
    .epochs = config.epochs,
    .target_loss = config.target_loss,
    .has_seed = !bp_lesson_get_custom_initial (self->lesson),
    .seed = bp_training_form_get_seed (self->training_form),
    .initial = config.initial,
    .speed = bp_training_form_get_pace (self->training_form, paced_epochs),
  };
  return TRUE;
}

/* The lesson knows from its revision whether the people or the run
 * changed; the settings it is told here, and it compares them with those
 * saved, so that typing a setting back makes it unmodified again. */
void
_bp_window_update_modified (BpWindow *self)
{
  BpLessonSettings settings;

  bp_lesson_set_settings (self->lesson, get_settings (self, &settings) ? &settings : NULL);
}

static void
update_clear_runs (BpWindow *self)
{
  _bp_window_set_enabled (self, "clear-runs", g_list_model_get_n_items (G_LIST_MODEL (bp_lesson_get_runs (self->lesson))) > 0);
}

/* Everything that depends on whether a run is live and the inputs valid. */
void
_bp_window_update_actions (BpWindow *self)
{
  BpUndoStack *undo = bp_lesson_get_undo (self->lesson);
  gboolean live = bp_lesson_is_live (self->lesson);
  gboolean paused = live && bp_lesson_get_progress (self->lesson)->state == BP_TRAINER_PAUSED;
  gboolean can_start = !live && _bp_window_input_error (self) == NULL;
  GAction *pause = g_action_map_lookup_action (G_ACTION_MAP (self), "pause");

  _bp_window_set_enabled (self, "train", can_start);
  _bp_window_set_enabled (self, "pause", live);
  _bp_window_set_enabled (self, "stop", live);
  _bp_window_set_enabled (self, "step-epoch", paused || can_start);
  _bp_window_set_enabled (self, "reset", bp_lesson_shows_run (self->lesson));
  _bp_window_set_enabled (self, "new-parameters", !live);
  _bp_window_set_enabled (self, "race", can_start);
  update_clear_runs (self);
  _bp_window_set_enabled (self, "import-people", !live);
  _bp_window_set_enabled (self, "load-example", !live);
  _bp_window_set_enabled (self, "undo", !live && bp_undo_stack_get_can_undo (undo));
  _bp_window_set_enabled (self, "redo", !live && bp_undo_stack_get_can_redo (undo));
  _bp_window_set_enabled (self, "worked-example", !live);
  _bp_window_set_enabled (self, "step-person", (paused && !bp_race_is_live (bp_lesson_get_race (self->lesson))) || can_start);
  bp_network_diagram_set_editable (self->network_diagram, !live);
  bp_decision_map_set_editable (self->decision_map, !live);
  bp_explain_panel_set_editable (self->explain_panel, !live);
  g_simple_action_set_state (G_SIMPLE_ACTION (pause), g_variant_new_boolean (paused));
  gtk_button_set_label (self->pause_button, paused ? _("_Resume") : _("_Pause"));
  update_train_tooltip (self);
  update_step_tooltip (self);
  if (live)
    move_focus_to_controls (self);
  bp_training_form_set_running (self->training_form, live);
  gtk_widget_set_sensitive (GTK_WIDGET (self->people_editor), !live);
  _bp_window_show_progress (self);
  show_hint (self);
  _bp_window_update_modified (self);
  /* A run that starts, ends or pauses is said at once, in every view. */
  bp_accessible_flush (GTK_WIDGET (self));
}

/* The form says whether its seed is in use: not while the next run
 * starts from edited parameters. */
static void
on_custom_initial (BpWindow *self)
{
  bp_training_form_set_seed_in_use (self->training_form,
                                    !bp_lesson_get_custom_initial (self->lesson));
}

void
_bp_window_status_init (BpWindow *self)
{
  g_signal_connect_object (bp_lesson_get_runs (self->lesson), "items-changed",
                           G_CALLBACK (update_clear_runs), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lesson, "notify::custom-initial",
                           G_CALLBACK (on_custom_initial), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bp_lesson_get_undo (self->lesson), "notify::can-undo",
                           G_CALLBACK (_bp_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bp_lesson_get_undo (self->lesson), "notify::can-redo",
                           G_CALLBACK (_bp_window_update_actions), self, G_CONNECT_SWAPPED);
}
