/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-run.c: starting runs and following them
 *
 * The window never waits for training.  Each run is a BpTrainer working
 * on its own thread, which the lesson holds; once per frame a tick
 * callback has the lesson read its progress and, when it changed, its
 * bounded history, and the views are shown what the lesson read.  However
 * many epochs a frame covers, the main loop sees one callback.
 *
 * Between runs the window shows what the seed\'s initial parameters say,
 * so the class sees the untrained network first.  While a run is live
 * (running or paused) the people and the settings that belong to it are
 * insensitive: the trainer has its own copy of the data, and editing it
 * visibly would not change that run. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-window-private.h"

/* The people on show are the lesson's; each view takes what it needs of
 * them.  (Not the trajectories: they trace the run's own people, whose
 * predictions its history holds, even after the people are edited.) */
static void
predictions_show (BpPredictionPanel    *panel,
                  const BpLessonPeople *shown)
{
  bp_prediction_panel_set_all_people (panel, shown->people, shown->test, &shown->norm);
}

static void
diagram_show (BpNetworkDiagram     *diagram,
              const BpLessonPeople *shown)
{
  bp_network_diagram_set_people (diagram, shown->people, &shown->norm);
}

static void
map_show (BpDecisionMap        *map,
          const BpLessonPeople *shown)
{
  bp_decision_map_set_people (map, shown->people, shown->test, &shown->norm);
}

static void
explain_show (BpExplainPanel       *panel,
              const BpLessonPeople *shown)
{
  bp_explain_panel_set_people (panel, shown->people, &shown->norm);
  bp_explain_panel_set_learning_rate (panel, shown->learning_rate);
}

static void
landscape_show (BpLandscapeView      *view,
                const BpLessonPeople *shown)
{
  bp_landscape_view_set_people (view, shown->people, &shown->norm);
}

/* The predictions are always on screen; the pages out of sight are
 * given the people when they come on show (a class of 100 000 costs
 * the map's density, the choosers' names and the landscape's sample). */
static void
watch_people (BpWindow *self)
{
  BpLesson *lesson = self->lesson;

  bp_lesson_watch_people (lesson, self->prediction_panel, (BpLessonPeopleFunc) predictions_show);
  bp_lesson_watch_people_shown (lesson, GTK_WIDGET (self->network_diagram),
                                (BpLessonPeopleFunc) diagram_show);
  bp_lesson_watch_people_shown (lesson, GTK_WIDGET (self->decision_map),
                                (BpLessonPeopleFunc) map_show);
  bp_lesson_watch_people_shown (lesson, GTK_WIDGET (self->explain_panel),
                                (BpLessonPeopleFunc) explain_show);
  bp_lesson_watch_people_shown (lesson, GTK_WIDGET (self->landscape_view),
                                (BpLessonPeopleFunc) landscape_show);
}

/* No run: the predictions and loss of the seed's initial parameters. */
void
_bp_window_show_idle (BpWindow *self)
{
  g_autoptr(BpPeople) people = bp_lesson_dup_people (self->lesson);
  g_autoptr(BpPeople) test = bp_lesson_dup_test_people (self->lesson);
  g_autoptr(BpDataset) data = NULL;
  BpTrainerConfig config;
  BpNormalizer norm;

  if (people == NULL || !_bp_window_get_config (self, &config))
    {
      bp_lesson_forget_loss (self->lesson);
      return;
    }
  bp_normalizer_init (&norm, bp_training_form_get_normalize (self->training_form), people);
  data = bp_people_to_dataset (people, &norm);
  _bp_window_size_epoch_label (self, config.epochs);
  bp_loss_chart_set_epochs (self->loss_chart, config.epochs);
  bp_trajectories_set_people (self->trajectories, people);
  bp_trajectories_set_epochs (self->trajectories, config.epochs);
  bp_lesson_show_people (self->lesson, people, test, &norm, config.learning_rate);
  bp_lesson_show_idle (self->lesson, &(BpProgress) {
    .state = BP_TRAINER_IDLE,
    .epochs = config.epochs,
    .loss = bp_network_loss (&config.initial, data),
    .test_loss = NAN,
    .params = config.initial,
  });
}

/* A run about to start, or read from a file: an empty chart and
 * trajectories of its people, as long as its epochs. */
void
_bp_window_prepare_run_views (BpWindow *self,
                              BpPeople *people,
                              guint64   epochs)
{
  bp_loss_chart_clear (self->loss_chart);
  bp_loss_chart_set_epochs (self->loss_chart, epochs);
  bp_trajectories_set_people (self->trajectories, people);
  bp_trajectories_clear (self->trajectories);
  bp_trajectories_set_epochs (self->trajectories, epochs);
  _bp_window_size_epoch_label (self, epochs);
}

/* People or settings changed.  After a run the predictions keep its
 * parameters and normalisation: the edited people are asked of the
 * network that was trained. */
static void
on_inputs_changed (BpWindow *self)
{
  g_autoptr(BpPeople) people = NULL;

  if (!bp_lesson_shows_run (self->lesson))
    _bp_window_show_idle (self);
  else if (!bp_lesson_is_live (self->lesson) &&
           (people = bp_lesson_dup_people (self->lesson)) != NULL)
    {
      g_autoptr(BpPeople) test = bp_lesson_dup_test_people (self->lesson);

      bp_lesson_show_people (self->lesson, people, test,
                             bp_lesson_get_run_normalizer (self->lesson),
                             bp_lesson_get_run_settings (self->lesson)->learning_rate);
    }
  _bp_window_update_actions (self);
}

/* The people are the lesson's: a change to them is a change to it. */
static void
on_people_changed (BpWindow *self)
{
  bp_lesson_people_edited (self->lesson);
  on_inputs_changed (self);
}

/* A run that started, paused or ended changes what can be done next;
 * otherwise only the status line changes. */
static void
on_progress_changed (BpWindow *self,
                     gboolean  state_changed)
{
  /* The person the Explain panel takes next is the trainer's. */
  if (bp_lesson_get_trainer (self->lesson) != NULL)
    bp_explain_panel_set_next (self->explain_panel, bp_lesson_get_progress (self->lesson)->sample);
  if (state_changed)
    _bp_window_update_actions (self);
  else
    _bp_window_show_progress (self);
}

static void
stop_ticking (BpWindow *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
}

/* Once a frame while a run is live, the lesson reads its trainer and
 * its race's lanes. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (widget);

  bp_lesson_read (self->lesson);
  if (bp_lesson_get_trainer (self->lesson) != NULL && bp_lesson_is_live (self->lesson))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

void
_bp_window_start_ticking (BpWindow *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

gboolean
_bp_window_start_run (BpWindow *self,
                      gboolean  paused)
{
  g_autoptr(BpPeople) people = bp_lesson_dup_people (self->lesson);
  g_autoptr(BpPeople) test = bp_lesson_dup_test_people (self->lesson);
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(BpDataset) test_data = NULL;
  BpTrainerConfig config;
  BpRunSettings settings;
  BpNormalizer norm;

  if (people == NULL || test == NULL || !_bp_window_get_config (self, &config))
    return FALSE;
  /* Test people go through the training people's normalisation: the
   * network must not learn anything, not even a mean, from them. */
  bp_normalizer_init (&norm, bp_training_form_get_normalize (self->training_form), people);
  data = bp_people_to_dataset (people, &norm);
  test_data = bp_people_to_dataset (test, &norm);
  /* What labels this run among the earlier ones. */
  settings = (BpRunSettings) {
    .learning_rate = config.learning_rate,
    .epochs = config.epochs,
    .seed = bp_training_form_get_seed (self->training_form),
    .normalize = bp_training_form_get_normalize (self->training_form),
  };
  bp_lesson_show_people (self->lesson, people, test, &norm, config.learning_rate);
  _bp_window_prepare_run_views (self, people, config.epochs);
  bp_lesson_start_run (self->lesson, bp_trainer_new (data, test_data, &config), &norm, people,
                       &settings, paused);
  _bp_window_update_actions (self);
  _bp_window_start_ticking (self);
  return TRUE;
}

static void
train_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  _bp_window_start_run (BP_WINDOW (user_data), FALSE);
}

static void
pause_change_state (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!bp_lesson_is_live (self->lesson))
    return;
  bp_lesson_pause (self->lesson, g_variant_get_boolean (value));
  _bp_window_update_actions (self);
}

static void
stop_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!bp_lesson_is_live (self->lesson))
    return;
  bp_lesson_stop (self->lesson);
  stop_ticking (self);
  _bp_window_update_actions (self);
}

/* One epoch, then paused; between runs it starts a paused run first. */
static void
step_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!bp_lesson_is_live (self->lesson) && !_bp_window_start_run (self, TRUE))
    return;
  if (bp_lesson_get_progress (self->lesson)->state != BP_TRAINER_PAUSED)
    return;
  bp_lesson_step (self->lesson);
  _bp_window_start_ticking (self);
}

/* One person's step, then paused; between runs it starts a paused run
 * first, as Step does.  A race's lanes only step by epochs.  The
 * explanation follows the people in training order from then on: one
 * fixed person (the worked example's Alice) would go on being explained
 * while the steps train Bob, Charlie… */
static void
step_person_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!bp_lesson_is_live (self->lesson) && !_bp_window_start_run (self, TRUE))
    return;
  if (bp_lesson_get_progress (self->lesson)->state != BP_TRAINER_PAUSED ||
      bp_race_is_live (bp_lesson_get_race (self->lesson)))
    return;
  bp_explain_panel_set_person (self->explain_panel, BP_EXPLAIN_NEXT_IN_ORDER);
  bp_lesson_step_sample (self->lesson);
  _bp_window_start_ticking (self);
}

/* Back to the initial parameters of the seed, with an empty chart. */
void
_bp_window_reset (BpWindow *self)
{
  bp_lesson_discard_run (self->lesson);
  stop_ticking (self);
  bp_loss_chart_clear (self->loss_chart);
  bp_trajectories_clear (self->trajectories);
  bp_landscape_view_clear_history (self->landscape_view);
  _bp_window_show_idle (self);
  _bp_window_update_actions (self);
}

static void
reset_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  _bp_window_reset (BP_WINDOW (user_data));
}

static void
new_parameters_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (bp_lesson_is_live (self->lesson))
    return;
  _bp_window_reset (self);
  /* The form's seed change shows the new idle predictions. */
  bp_training_form_set_seed (self->training_form, g_random_int ());
}

static void
on_speed_changed (BpWindow *self)
{
  guint64 epochs = bp_lesson_get_progress (self->lesson)->epochs;

  bp_lesson_set_pace (self->lesson, bp_training_form_get_pace (self->training_form, epochs));
  _bp_window_update_modified (self);
}

/* A new seed means new initial parameters, whatever a file said. */
static void
on_seed_changed (BpWindow *self)
{
  bp_lesson_set_custom_initial (self->lesson, FALSE, NULL);
  on_inputs_changed (self);
}

static void
clear_runs_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer      user_data)
{
  bp_run_list_clear (bp_lesson_get_runs (BP_WINDOW (user_data)->lesson));
}

/* The window's own run at the form's learning rate, and one lane for
 * each other rate of the list, all from the same start. */
static void
race_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  BpLesson *lesson = self->lesson;
  g_autoptr(BpPeople) people = bp_lesson_dup_people (self->lesson);
  g_autoptr(BpDataset) data = NULL;
  double rates[BP_RACE_MAX_RATES];
  BpTrainerConfig config;
  guint n;

  n = bp_runs_popover_get_race_rates (self->runs_popover, rates, NULL);
  if (n == 0 || bp_lesson_is_live (lesson) || !_bp_window_start_run (self, FALSE))
    return;
  _bp_window_get_config (self, &config);
  data = bp_people_to_dataset (people, bp_lesson_get_run_normalizer (lesson));
  bp_race_start (bp_lesson_get_race (lesson), data, &config, bp_lesson_get_run_settings (lesson),
                 rates, n, bp_lesson_get_runs (lesson));
  _bp_window_update_actions (self);
}

static const GActionEntry run_entries[] = {
  { .name = "train", .activate = train_activated },
  /* Stateful without a parameter: activating it toggles the state. */
  { .name = "pause", .state = "false", .change_state = pause_change_state },
  { .name = "stop", .activate = stop_activated },
  { .name = "reset", .activate = reset_activated },
  { .name = "step-epoch", .activate = step_activated },
  { .name = "step-person", .activate = step_person_activated },
  { .name = "new-parameters", .activate = new_parameters_activated },
  { .name = "clear-runs", .activate = clear_runs_activated },
  { .name = "race", .activate = race_activated },
};

/* The run actions, and the lesson and the inputs followed. */
void
_bp_window_run_init (BpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), run_entries,
                                   G_N_ELEMENTS (run_entries), self);
  bp_loss_chart_set_overlays (self->loss_chart, bp_lesson_get_runs (self->lesson));
  bp_runs_popover_set_runs (self->runs_popover, bp_lesson_get_runs (self->lesson));
  /* The views follow the lesson's parameters and history themselves;
   * the window only follows what changes its status and actions. */
  bp_lesson_watch_params (self->lesson, self->prediction_panel,
                          (BpLessonParamsFunc) bp_prediction_panel_set_params);
  bp_lesson_watch_params (self->lesson, self->network_diagram,
                          (BpLessonParamsFunc) bp_network_diagram_set_params);
  bp_lesson_watch_params (self->lesson, self->decision_map,
                          (BpLessonParamsFunc) bp_decision_map_set_params);
  bp_lesson_watch_params (self->lesson, self->explain_panel,
                          (BpLessonParamsFunc) bp_explain_panel_set_params);
  bp_lesson_watch_history (self->lesson, self->loss_chart,
                           (BpLessonHistoryFunc) bp_loss_chart_set_history);
  /* Pages out of sight need not follow every frame of a run. */
  bp_lesson_watch_history_shown (self->lesson, GTK_WIDGET (self->trajectories),
                                 (BpLessonHistoryFunc) bp_trajectories_set_history);
  watch_people (self);
  g_signal_connect_object (self->lesson, "progress-changed",
                           G_CALLBACK (on_progress_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people_editor, "changed",
                           G_CALLBACK (on_people_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::valid",
                           G_CALLBACK (on_inputs_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::error",
                           G_CALLBACK (on_inputs_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "changed",
                           G_CALLBACK (_bp_window_update_modified), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::seed",
                           G_CALLBACK (on_seed_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::normalize",
                           G_CALLBACK (on_inputs_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::speed",
                           G_CALLBACK (on_speed_changed), self, G_CONNECT_SWAPPED);
}
