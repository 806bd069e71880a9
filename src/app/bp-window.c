/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window.c: the main window
 *
 * The window never waits for training.  Each run is a BpTrainer working
 * on its own thread; once per frame a tick callback copies its progress
 * and, when it changed, its bounded history, and hands them to the chart
 * and the predictions.  However many epochs a frame covers, the main loop
 * sees one callback.
 *
 * Between runs the window shows what the seed's initial parameters say,
 * so the class sees the untrained network first.  While a run is live
 * (running or paused) the people and the settings that belong to it are
 * insensitive: the trainer has its own copy of the data, and editing it
 * visibly would not change that run.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "bp-accessible.h"
#include "bp-csv.h"
#include "bp-field-errors.h"
#include "bp-format.h"
#include "bp-race.h"
#include "bp-runs-popover.h"
#include "bp-settings.h"
#include "bp-trajectories.h"
#include "bp-view-switcher.h"
#include "bp-window.h"
#include "bp-window-files.h"
#include "bp-window-tour.h"

struct _BpWindow
{
  GtkApplicationWindow parent_instance;

  GtkWidget         *train_button;
  GtkButton         *pause_button;
  GtkButton         *step_button;
  GtkButton         *presenter_step_button;
  BpTrainingForm    *training_form;
  BpPeopleEditor    *people_editor;
  GtkLabel          *state_label;
  GtkLabel          *epoch_label;
  GtkLabel          *loss_label;
  GtkLabel          *hint_label;
  GtkLabel          *file_label;
  BpLossChart       *loss_chart;
  BpPredictionPanel *prediction_panel;

  BpTrainer         *trainer;    /* the current run, or NULL between runs */
  BpProgress         progress;   /* as last read, or the idle state */
  BpHistory          history;
  guint64            history_version;
  BpNormalizer       run_norm;   /* how the run's people became inputs */
  guint              tick_id;

  gboolean           restored;        /* shows a run read from a file, with no trainer */
  gboolean           custom_initial;  /* @initial came from a file, not from the seed */
  BpParams           initial;
  GFile             *file;            /* the session file, or NULL */
  BpSession         *saved;           /* as last opened or saved: what "modified" compares */
  gboolean           modified;
  GSettings         *settings;        /* NULL when the schema is not installed */

  BpTrajectories    *trajectories;
  BpPeople          *run_people;      /* the run's training people, whose predictions it traced */
  GtkRevealer       *presenter_bar;
  GtkWidget         *side_pane;
  GtkWidget         *side_separator;
  GtkWidget         *runs_button;
  BpRunsPopover     *runs_popover;
  GtkMenuButton     *menu_button;
  GMenuModel        *primary_menu;
  BpRunList         *runs;            /* earlier runs, for the loss chart */
  BpRace            *race;            /* the other lanes of a race */
  BpRunSettings      run_settings;    /* the current run's */

  GtkStack          *views;
  BpNetworkDiagram  *network_diagram;
  BpDecisionMap     *decision_map;
  BpExplainPanel    *explain_panel;
  BpUndoStack       *undo;            /* edits made on the views between runs */
};

G_DEFINE_FINAL_TYPE (BpWindow, bp_window, GTK_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_enabled (BpWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* A run that can still go on: running, or paused; or a lane of its
 * race that can. */
static gboolean
run_is_live (BpWindow *self)
{
  return (self->trainer != NULL && !bp_trainer_state_is_done (self->progress.state)) ||
         bp_race_is_live (self->race);
}

/* A run's result is on show: a trainer's, or one read from a file. */
static gboolean
shows_run (BpWindow *self)
{
  return self->trainer != NULL || self->restored;
}

/* The form's settings, with the initial parameters a file gave in place
 * of the seed's until the seed changes. */
static gboolean
get_config (BpWindow        *self,
            BpTrainerConfig *config)
{
  if (!bp_training_form_get_config (self->training_form, config))
    return FALSE;
  if (self->custom_initial)
    config->initial = self->initial;
  return TRUE;
}

/* Why a new run cannot start from the people and settings, or NULL. */
static const char *
input_error (BpWindow *self)
{
  const char *error = bp_people_editor_get_error (self->people_editor);

  return error != NULL ? error : bp_training_form_get_error (self->training_form);
}

/* Whether the next run starts from @params (edited on the views, or read
 * from a lesson saved without a seed) rather than from the seed. */
static void
set_custom_initial (BpWindow       *self,
                    gboolean        custom,
                    const BpParams *params)
{
  self->custom_initial = custom;
  if (custom)
    self->initial = *params;
  bp_training_form_set_seed_in_use (self->training_form, !custom);
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
  g_autoptr(BpPeople) people = NULL;

  if (!shows_run (self) || run_is_live (self) || self->run_people == NULL)
    return FALSE;
  people = bp_people_editor_dup_people (self->people_editor);
  return people != NULL && !bp_people_equal (people, self->run_people);
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

/* Words under the status line: why training went wrong or cannot start,
 * or that the run shown is not about the people listed. */
static void
show_hint (BpWindow *self)
{
  const char *error = input_error (self);
  GtkWidget *hint = GTK_WIDGET (self->hint_label);
  g_autofree char *text = NULL;
  gboolean other_people = trained_on_other_people (self);

  gboolean is_error = TRUE;

  if (self->progress.state == BP_TRAINER_DIVERGED)
    text = g_strdup (_("The loss stopped being a finite number: each step overshot and the "
                       "parameters grew without bound. Lower the learning rate (0.1 works) "
                       "and train again."));
  else if (error != NULL && !run_is_live (self))
    text = g_strdup_printf (_("Cannot train: %s"), error);
  else if (other_people)
    {
      text = g_strdup (_("The run shown was trained on other people than these. Train again "
                         "to see what the network learns from them."));
      is_error = FALSE;
    }
  /* The guided tour edits the parameters itself and says so. */
  else if (self->custom_initial && !shows_run (self) &&
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

static void
show_progress (BpWindow *self)
{
  const BpProgress *p = &self->progress;
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
static void
size_epoch_label (BpWindow *self,
                  guint64   epochs)
{
  g_autofree char *epochs_text = g_strdup_printf ("%" G_GUINT64_FORMAT, epochs);
  g_autofree char *widest = g_strdup_printf (_("Epoch %s of %s"), epochs_text, epochs_text);

  gtk_label_set_width_chars (self->epoch_label, g_utf8_strlen (widest, -1));
}

static void
update_train_tooltip (BpWindow *self)
{
  const char *error = input_error (self);
  g_autofree char *tip = NULL;

  if (run_is_live (self))
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
  const char *tip = !run_is_live (self) && shows_run (self)
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
  g_autofree char *basename = NULL;

  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled Lesson"));
  basename = g_file_get_basename (self->file);
  return g_filename_display_name (basename);
}

/* The title is what the taskbar and window switcher show. */
static void
update_title (BpWindow *self)
{
  g_autofree char *name = bp_window_dup_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  if (self->modified)
    /* Translators: the window title when there are unsaved changes; %s is
     * the file name, e.g. “• lesson.backprop — Backprop” */
    title = g_strdup_printf (_("• %s — Backprop"), name);
  else
    /* Translators: the window title; %s is the file name */
    title = g_strdup_printf (_("%s — Backprop"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* Translators: the lesson's file name in the status line, with a mark
   * for unsaved changes */
  label = self->modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  gtk_label_set_text (self->file_label, label);
}

/* Modified means that saving now would write something else than the
 * file opened or saved last: undoing an edit by hand makes the window
 * unmodified again, and a run going on always modifies it. */
static void
update_modified (BpWindow *self)
{
  g_autoptr(BpSession) now = bp_window_dup_session (self, NULL);
  gboolean modified = now == NULL || self->saved == NULL || !bp_session_equal (now, self->saved);

  if (modified == self->modified)
    return;
  self->modified = modified;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
update_clear_runs (BpWindow *self)
{
  set_enabled (self, "clear-runs", g_list_model_get_n_items (G_LIST_MODEL (self->runs)) > 0);
}

/* Everything that depends on whether a run is live and the inputs valid. */
static void
update_actions (BpWindow *self)
{
  gboolean live = run_is_live (self);
  gboolean paused = live && self->progress.state == BP_TRAINER_PAUSED;
  gboolean can_start = !live && input_error (self) == NULL;
  GAction *pause = g_action_map_lookup_action (G_ACTION_MAP (self), "pause");

  set_enabled (self, "train", can_start);
  set_enabled (self, "pause", live);
  set_enabled (self, "stop", live);
  set_enabled (self, "step-epoch", paused || can_start);
  set_enabled (self, "reset", shows_run (self));
  set_enabled (self, "new-parameters", !live);
  set_enabled (self, "race", can_start);
  update_clear_runs (self);
  set_enabled (self, "import-people", !live);
  set_enabled (self, "load-example", !live);
  set_enabled (self, "undo", !live && bp_undo_stack_get_can_undo (self->undo));
  set_enabled (self, "redo", !live && bp_undo_stack_get_can_redo (self->undo));
  set_enabled (self, "worked-example", !live);
  set_enabled (self, "step-person", (paused && !bp_race_is_live (self->race)) || can_start);
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
  show_progress (self);
  show_hint (self);
  update_modified (self);
  /* A run that starts, ends or pauses is said at once, in every view. */
  bp_accessible_flush (GTK_WIDGET (self));
}

/* The people, how they became inputs and the learning rate, for the
 * views of the network; the held out are the editor's. */
static void
show_views_people (BpWindow           *self,
                   const BpPeople     *people,
                   const BpNormalizer *norm,
                   double              learning_rate)
{
  g_autoptr(BpPeople) test = bp_people_editor_dup_test_people (self->people_editor);

  bp_network_diagram_set_people (self->network_diagram, people, norm);
  bp_decision_map_set_people (self->decision_map, people, test, norm);
  bp_explain_panel_set_people (self->explain_panel, people, norm);
  bp_explain_panel_set_learning_rate (self->explain_panel, learning_rate);
}

static void
show_views_params (BpWindow       *self,
                   const BpParams *params)
{
  bp_network_diagram_set_params (self->network_diagram, params);
  bp_decision_map_set_params (self->decision_map, params);
  bp_explain_panel_set_params (self->explain_panel, params);
}

/* No run: the predictions and loss of the seed's initial parameters. */
static void
show_idle (BpWindow *self)
{
  g_autoptr(BpPeople) people = bp_people_editor_dup_people (self->people_editor);
  g_autoptr(BpPeople) test = bp_people_editor_dup_test_people (self->people_editor);
  g_autoptr(BpDataset) data = NULL;
  BpTrainerConfig config;
  BpNormalizer norm;

  if (people == NULL || !get_config (self, &config))
    {
      self->progress.loss = NAN;  /* the old number would be about other people */
      return;
    }
  bp_normalizer_init (&norm, bp_training_form_get_normalize (self->training_form), people);
  data = bp_people_to_dataset (people, &norm);
  self->progress = (BpProgress) {
    .state = BP_TRAINER_IDLE,
    .epochs = config.epochs,
    .loss = bp_network_loss (&config.initial, data),
    .test_loss = NAN,
    .params = config.initial,
  };
  size_epoch_label (self, config.epochs);
  bp_loss_chart_set_epochs (self->loss_chart, config.epochs);
  bp_trajectories_set_people (self->trajectories, people);
  bp_trajectories_set_epochs (self->trajectories, config.epochs);
  bp_prediction_panel_set_people (self->prediction_panel, people, &norm);
  bp_prediction_panel_set_test_people (self->prediction_panel, test);
  bp_prediction_panel_set_params (self->prediction_panel, &config.initial);
  show_views_people (self, people, &norm, config.learning_rate);
  show_views_params (self, &config.initial);
}

/* People or settings changed.  After a run the predictions keep its
 * parameters and normalisation: the edited people are asked of the
 * network that was trained. */
static void
on_inputs_changed (BpWindow *self)
{
  g_autoptr(BpPeople) people = NULL;

  if (!shows_run (self))
    show_idle (self);
  else if (!run_is_live (self) &&
           (people = bp_people_editor_dup_people (self->people_editor)) != NULL)
    {
      g_autoptr(BpPeople) test = bp_people_editor_dup_test_people (self->people_editor);

      bp_prediction_panel_set_people (self->prediction_panel, people, &self->run_norm);
      bp_prediction_panel_set_test_people (self->prediction_panel, test);
      show_views_people (self, people, &self->run_norm, self->run_settings.learning_rate);
    }
  update_actions (self);
}

/* Copies the trainer's progress, and its history when it changed, into
 * the widgets.  Called once per frame at most. */
static void
read_trainer (BpWindow *self)
{
  BpTrainerState before = self->progress.state;
  BpProgress p;

  bp_trainer_get_progress (self->trainer, &p);
  if (p.version == self->progress.version)
    return;
  self->progress = p;
  if (bp_trainer_copy_history (self->trainer, &self->history, &self->history_version))
    {
      bp_loss_chart_set_history (self->loss_chart, &self->history);
      bp_trajectories_set_history (self->trajectories, &self->history);
    }
  bp_prediction_panel_set_params (self->prediction_panel, &p.params);
  show_views_params (self, &p.params);
  bp_explain_panel_set_next (self->explain_panel, p.sample);
  if (p.state != before)
    update_actions (self);
  else
    show_progress (self);
}

static void
stop_ticking (BpWindow *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
}

/* The race's lanes, read in the same frame as the window's own run. */
static void
read_race (BpWindow *self)
{
  gboolean was_live = bp_race_is_live (self->race);

  if (!bp_race_read (self->race) && was_live)
    update_actions (self);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (widget);

  if (self->trainer == NULL)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  read_trainer (self);
  read_race (self);
  if (run_is_live (self))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_ticking (BpWindow *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

/* The run that is about to go joins the earlier runs, with its loss
 * curve and how it ended.  The lanes of its race are there already. */
static void
keep_run (BpWindow *self)
{
  g_autoptr(BpRun) run = NULL;

  if (!shows_run (self) || self->history.loss.count == 0)
    return;
  run = bp_run_new (&self->run_settings);
  bp_run_set_loss (run, &self->history.loss);
  bp_run_set_state (run, bp_trainer_state_is_done (self->progress.state)
                         ? self->progress.state : BP_TRAINER_STOPPED);
  bp_run_list_add (self->runs, run);
}

/* Ends the current run, if any, and keeps it to compare; freeing the
 * trainers joins their threads. */
static void
discard_run (BpWindow *self)
{
  if (self->trainer != NULL)
    bp_trainer_stop (self->trainer);
  bp_race_stop (self->race);
  keep_run (self);
  bp_run_list_set_current (self->runs, NULL);
  stop_ticking (self);
  g_clear_pointer (&self->trainer, bp_trainer_free);
  self->restored = FALSE;
}

static void
start_trajectories (BpWindow       *self,
                    const BpPeople *people,
                    guint64         epochs)
{
  g_clear_pointer (&self->run_people, bp_people_unref);
  self->run_people = bp_people_ref (people);
  bp_trajectories_set_people (self->trajectories, people);
  bp_trajectories_clear (self->trajectories);
  bp_trajectories_set_epochs (self->trajectories, epochs);
}

/* What labels this run among the earlier ones. */
static void
remember_run_settings (BpWindow              *self,
                       const BpTrainerConfig *config)
{
  self->run_settings = (BpRunSettings) {
    .learning_rate = config->learning_rate,
    .epochs = config->epochs,
    .seed = bp_training_form_get_seed (self->training_form),
    .normalize = bp_training_form_get_normalize (self->training_form),
  };
  bp_run_list_set_current (self->runs, &self->run_settings);
}

static gboolean
start_run (BpWindow *self,
           gboolean  paused)
{
  g_autoptr(BpPeople) people = bp_people_editor_dup_people (self->people_editor);
  g_autoptr(BpPeople) test = bp_people_editor_dup_test_people (self->people_editor);
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(BpDataset) test_data = NULL;
  BpTrainerConfig config;

  if (people == NULL || test == NULL || !get_config (self, &config))
    return FALSE;
  discard_run (self);
  /* Test people go through the training people's normalisation: the
   * network must not learn anything, not even a mean, from them. */
  bp_normalizer_init (&self->run_norm, bp_training_form_get_normalize (self->training_form), people);
  data = bp_people_to_dataset (people, &self->run_norm);
  test_data = bp_people_to_dataset (test, &self->run_norm);
  self->trainer = bp_trainer_new (data, test_data, &config);
  bp_prediction_panel_set_people (self->prediction_panel, people, &self->run_norm);
  bp_prediction_panel_set_test_people (self->prediction_panel, test);
  show_views_people (self, people, &self->run_norm, config.learning_rate);
  bp_loss_chart_clear (self->loss_chart);
  bp_loss_chart_set_epochs (self->loss_chart, config.epochs);
  start_trajectories (self, people, config.epochs);
  remember_run_settings (self, &config);
  size_epoch_label (self, config.epochs);
  bp_settings_remember_config (self->settings, &config);
  bp_trainer_start (self->trainer, paused);
  /* A new trainer counts its versions from zero again. */
  self->progress.version = G_MAXUINT64;
  self->history_version = G_MAXUINT64;
  read_trainer (self);
  update_actions (self);
  start_ticking (self);
  return TRUE;
}

static void
train_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  start_run (BP_WINDOW (user_data), FALSE);
}

static void
pause_change_state (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!run_is_live (self))
    return;
  if (g_variant_get_boolean (value))
    {
      bp_trainer_pause (self->trainer);
      bp_race_pause (self->race);
    }
  else
    {
      bp_trainer_resume (self->trainer);
      bp_race_resume (self->race);
    }
  read_trainer (self);
  update_actions (self);
}

static void
stop_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!run_is_live (self))
    return;
  bp_trainer_stop (self->trainer);
  bp_race_stop (self->race);
  read_trainer (self);
  stop_ticking (self);
  update_actions (self);
}

/* One epoch, then paused; between runs it starts a paused run first. */
static void
step_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!run_is_live (self) && !start_run (self, TRUE))
    return;
  if (self->progress.state != BP_TRAINER_PAUSED)
    return;
  bp_trainer_step (self->trainer, 1);
  bp_race_step (self->race, 1);
  start_ticking (self);
}

/* Back to the initial parameters of the seed, with an empty chart. */
static void
reset_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  discard_run (self);
  bp_loss_chart_clear (self->loss_chart);
  bp_trajectories_clear (self->trajectories);
  show_idle (self);
  update_actions (self);
}

static void
new_parameters_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (run_is_live (self))
    return;
  reset_activated (action, parameter, self);
  /* The form's seed change shows the new idle predictions. */
  bp_training_form_set_seed (self->training_form, g_random_int ());
}

static void
on_speed_changed (BpWindow *self)
{
  double pace = bp_training_form_get_pace (self->training_form, self->progress.epochs);

  if (run_is_live (self))
    {
      bp_trainer_set_pace (self->trainer, pace);
      bp_race_set_pace (self->race, pace);
    }
  update_modified (self);
}

/* A new seed means new initial parameters, whatever a file said. */
static void
on_seed_changed (BpWindow *self)
{
  set_custom_initial (self, FALSE, NULL);
  on_inputs_changed (self);
}

static void
clear_runs_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer      user_data)
{
  bp_run_list_clear (BP_WINDOW (user_data)->runs);
}

/* The window's own run at the form's learning rate, and one lane for
 * each other rate of the list, all from the same start. */
static void
race_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  g_autoptr(BpPeople) people = bp_people_editor_dup_people (self->people_editor);
  g_autoptr(BpDataset) data = NULL;
  double rates[BP_RACE_MAX_RATES];
  BpTrainerConfig config;
  guint n;

  n = bp_runs_popover_get_race_rates (self->runs_popover, rates, NULL);
  if (n == 0 || run_is_live (self) || !start_run (self, FALSE))
    return;
  get_config (self, &config);
  data = bp_people_to_dataset (people, &self->run_norm);
  bp_race_start (self->race, data, &config, &self->run_settings, rates, n, self->runs);
  update_actions (self);
}

/* The settings and people beside the views: hidden in presenter mode,
 * and whenever win.side-pane (F9) is off, which gives the views a small
 * screen's whole width. */
static void
update_side_pane (BpWindow *self)
{
  g_autoptr(GVariant) shown = g_action_group_get_action_state (G_ACTION_GROUP (self), "side-pane");
  gboolean visible = (shown == NULL || g_variant_get_boolean (shown)) &&
                     !gtk_widget_has_css_class (GTK_WIDGET (self), "presenter");

  gtk_widget_set_visible (self->side_pane, visible);
  gtk_widget_set_visible (self->side_separator, visible);
}

static void
side_pane_change_state (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  g_simple_action_set_state (action, value);
  update_side_pane (self);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "side-pane", g_variant_get_boolean (value));
}

static void update_prediction_panel (BpWindow *self);

/* Presenter mode: full screen, larger text (style.css) and thicker
 * lines, for a projector.  The views take the whole width: the settings
 * and people, which the class reads less than the charts, come back on
 * leaving it. */
static void
apply_presenter (BpWindow *self,
                 gboolean  presenter)
{
  if (presenter)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenter");
  bp_loss_chart_set_presenter (self->loss_chart, presenter);
  bp_trajectories_set_presenter (self->trajectories, presenter);
  /* Hidden, not only folded away: a folded revealer still asks for its
   * child's width, which is the bar's, too wide beside the side pane. */
  gtk_widget_set_visible (GTK_WIDGET (self->presenter_bar), presenter);
  gtk_revealer_set_reveal_child (self->presenter_bar, presenter);
  /* The file's name is the teacher's business, not the class's; in the
   * larger text it was squeezed to "• Unti… esson" beside the test loss. */
  gtk_widget_set_visible (GTK_WIDGET (self->file_label), !presenter);
  bp_prediction_panel_set_compact (self->prediction_panel, presenter);
  update_side_pane (self);
  update_prediction_panel (self);
}

static void
fullscreen_change_state (GSimpleAction *action,
                         GVariant      *value,
                         gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  gboolean presenter = g_variant_get_boolean (value);

  g_simple_action_set_state (action, value);
  apply_presenter (self, presenter);
  if (presenter)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "presenter-mode", presenter);
}

/* Leaving full screen some other way (the window manager) ends presenter
 * mode too. */
static void
on_fullscreened (BpWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "fullscreen");
  g_autoptr(GVariant) state = g_action_get_state (action);

  if (!gtk_window_is_fullscreen (GTK_WINDOW (self)) && g_variant_get_boolean (state))
    g_action_change_state (action, g_variant_new_boolean (FALSE));
}

/* The lesson view leaves out what a first lesson does not need: here
 * the earlier runs and the race. */
static void
lesson_view_change_state (GSimpleAction *action,
                          GVariant      *value,
                          gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  gboolean lesson = g_variant_get_boolean (value);

  g_simple_action_set_state (action, value);
  gtk_widget_set_visible (self->runs_button, !lesson);
  bp_training_form_set_show_advanced (self->training_form, !lesson);
  if (lesson)
    gtk_widget_add_css_class (GTK_WIDGET (self), "lesson");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "lesson");
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "lesson-view", lesson);
}

/* ---- editing on the views, between runs ------------------------------------ */

/* The next run starts from the seed's parameters (@custom FALSE) or from
 * @params, which are on show at once, as after Reset. */
static void
set_initial (BpWindow       *self,
             gboolean        custom,
             const BpParams *params)
{
  set_custom_initial (self, custom, params);
  reset_activated (NULL, NULL, self);
}

typedef struct
{
  BpWindow *window;
  gboolean  custom_before;
  BpParams  before;
  BpParams  after;
} ParamsEdit;

static void
undo_params (gpointer data,
             gboolean redo)
{
  ParamsEdit *edit = data;

  if (redo)
    set_initial (edit->window, TRUE, &edit->after);
  else
    set_initial (edit->window, edit->custom_before, &edit->before);
}

/* The parameters on show become @params, and the next run starts from
 * them until a new seed; undoable.  A finished run is put away, so its
 * parameters come back as edited ones on undo. */
static void
edit_parameters (BpWindow       *self,
                 const BpParams *params,
                 const char     *label)
{
  ParamsEdit *edit;

  if (run_is_live (self) || !bp_params_all_finite (params))
    return;
  edit = g_new (ParamsEdit, 1);
  *edit = (ParamsEdit) { self, self->custom_initial || shows_run (self), self->progress.params, *params };
  set_initial (self, TRUE, params);
  bp_undo_stack_push (self->undo, label, undo_params, edit, g_free);
}

static void
on_parameter_edited (BpWindow *self,
                     guint     param,
                     double    value)
{
  BpParams params = self->progress.params;
  /* Translators: an edit to undo, %s a parameter such as “w1” */
  g_autofree char *label = g_strdup_printf (_("Set %s"), bp_param_name (param));

  bp_params_set (&params, param, value);
  edit_parameters (self, &params, label);
}

/* "Apply This Step": exactly the SGD step the panel shows. */
static void
on_apply_step (BpWindow *self)
{
  BpExplain e;

  if (bp_explain_panel_get_explain (self->explain_panel, NULL, &e))
    edit_parameters (self, &e.after, _("Apply Step"));
}

typedef struct
{
  BpWindow *window;
  guint     index;
  double    from[2];   /* lb, in */
  double    to[2];
} PersonMove;

static void
undo_move (gpointer data,
           gboolean redo)
{
  PersonMove *move = data;
  const double *where = redo ? move->to : move->from;

  bp_people_editor_move_person (move->window->people_editor, move->index, where[0], where[1]);
}

/* A training person dragged on the decision map; undoable. */
static void
on_person_moved (BpWindow *self,
                 guint     index,
                 double    weight_lb,
                 double    height_in)
{
  g_autoptr(BpPeople) people = bp_people_editor_dup_people (self->people_editor);
  BpUnits units = bp_people_editor_get_units (self->people_editor);
  const BpPerson *p;
  PersonMove *move;

  if (run_is_live (self) || people == NULL || index >= bp_people_get_n (people) ||
      !bp_check_weight_lb (weight_lb, units, NULL) || !bp_check_height_in (height_in, units, NULL))
    return;
  p = bp_people_get (people, index);
  move = g_new (PersonMove, 1);
  *move = (PersonMove) { self, index, { p->weight_lb, p->height_in }, { weight_lb, height_in } };
  bp_people_editor_move_person (self->people_editor, index, weight_lb, height_in);
  bp_undo_stack_push (self->undo, _("Move Person"), undo_move, move, g_free);
}

typedef struct
{
  BpWindow *window;
  guint     index;
  BpPerson *person;
  gboolean  held_out;
} PersonRemoval;

static void
person_removal_free (gpointer data)
{
  PersonRemoval *removal = data;

  bp_person_free (removal->person);
  g_free (removal);
}

static void
undo_remove (gpointer data,
             gboolean redo)
{
  PersonRemoval *r = data;

  if (redo)
    bp_people_editor_remove_person (r->window->people_editor, r->index);
  else
    bp_people_editor_insert_person (r->window->people_editor, r->index, r->person, r->held_out);
}

/* A person removed with their row's button; undoable. */
static void
on_person_removed (BpWindow       *self,
                   guint           index,
                   const BpPerson *person,
                   gboolean        held_out)
{
  PersonRemoval *removal = g_new (PersonRemoval, 1);

  *removal = (PersonRemoval) { self, index, bp_person_copy (person), held_out };
  bp_undo_stack_push (self->undo, _("Remove Person"), undo_remove, removal, person_removal_free);
}

/* A click on the decision map asks the prediction panel about the point. */
static void
on_map_classify (BpWindow *self,
                 double    weight,
                 double    height)
{
  g_autofree char *w = bp_format_measure (weight);
  g_autofree char *h = bp_format_measure (height);

  bp_prediction_panel_set_classify (self->prediction_panel, w, h);
}

static void
on_classify_changed (BpWindow *self)
{
  double weight = 0, height = 0;
  gboolean valid = bp_prediction_panel_get_classify_point (self->prediction_panel, &weight, &height);

  bp_decision_map_set_classify (self->decision_map, valid, weight, height);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!run_is_live (self))
    bp_undo_stack_undo (self->undo);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!run_is_live (self))
    bp_undo_stack_redo (self->undo);
}

/* The index of the seeds' Alice (133 lb, 65 in, F) among the people
 * trained on, or -1. */
static int
find_seed_alice (BpWindow *self)
{
  g_autoptr(BpPeople) people = bp_people_editor_dup_people (self->people_editor);
  const BpPerson *alice;
  guint index;

  if (people == NULL || (alice = bp_people_find (people, "Alice", &index)) == NULL)
    return -1;
  if (alice->weight_lb != 133 || alice->height_in != 65 || alice->gender != BP_GENDER_FEMALE)
    return -1;
  return index;
}

/* The seeds' worked example: weights 1, biases 0, the inputs normalised
 * their way, and Alice's step explained.  Without their Alice, the seed
 * people come back (those held out stay). */
static void
worked_example_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  static const BpParams example = { 1, 1, 1, 1, 1, 1, 0, 0, 0 };
  BpWindow *self = BP_WINDOW (user_data);
  int alice;

  if (run_is_live (self))
    return;
  bp_training_form_set_normalize (self->training_form, BP_NORMALIZE_SEED);
  if ((alice = find_seed_alice (self)) < 0)
    {
      g_autoptr(BpPeople) seed = bp_people_new_seed ();

      bp_people_editor_set_people (self->people_editor, seed);
      alice = 0;
    }
  edit_parameters (self, &example, _("Worked Example"));
  bp_explain_panel_set_person (self->explain_panel, alice);
  gtk_stack_set_visible_child_name (self->views, "explain");
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

  if (!run_is_live (self) && !start_run (self, TRUE))
    return;
  if (self->progress.state != BP_TRAINER_PAUSED || bp_race_is_live (self->race))
    return;
  bp_explain_panel_set_person (self->explain_panel, BP_EXPLAIN_NEXT_IN_ORDER);
  bp_trainer_step_sample (self->trainer);
  start_ticking (self);
}

/* Built the first time it is asked for: GtkApplication would build
 * gtk/help-overlay.ui with every window, some 10 ms of each start-up.
 * Setting it gives the window the overlay to keep, show and destroy. */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/backprop/Backprop/bp-help-overlay.ui");

      gtk_application_window_set_help_overlay (window,
        GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

/* ---- pages ------------------------------------------------------------------ */

/* win.show-page: its state is the page on screen, by name. */
static void
show_page_change_state (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  const char *name = g_variant_get_string (value, NULL);

  if (gtk_stack_get_child_by_name (self->views, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->views, name);
}

/* On a projector the pages that explain the network need the height:
 * in presenter mode the predictions and Classify show under the loss
 * curve and the decision map, whose lesson they are, and give the
 * Trajectories, Network and Explain pages the whole height. */
static void
update_prediction_panel (BpWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->views);
  gboolean presenter = gtk_widget_has_css_class (GTK_WIDGET (self), "presenter");
  gboolean touring = gtk_widget_has_css_class (GTK_WIDGET (self), "touring");

  gtk_widget_set_visible (GTK_WIDGET (self->prediction_panel),
                          !touring && (!presenter || g_strcmp0 (name, "loss") == 0 ||
                                       g_strcmp0 (name, "map") == 0));
}

static void
on_visible_page (BpWindow *self)
{
  GAction *show_page = g_action_map_lookup_action (G_ACTION_MAP (self), "show-page");
  const char *name = gtk_stack_get_visible_child_name (self->views);

  g_simple_action_set_state (G_SIMPLE_ACTION (show_page), g_variant_new_string (name));
  update_prediction_panel (self);
}

/* The page @offset pages from the one on screen, round the ends, as
 * Ctrl+Page Up and Down go through tabs. */
static void
show_page_by (BpWindow *self,
              int       offset)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->views);
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  guint index = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->views)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_stack_page_get_visible (gtk_stack_get_page (self->views, child)))
      {
        if (child == visible)
          index = pages->len;
        g_ptr_array_add (pages, child);
      }
  if (pages->len == 0)
    return;
  index = (index + pages->len + offset) % pages->len;
  gtk_stack_set_visible_child (self->views, g_ptr_array_index (pages, index));
}

static void
next_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  show_page_by (BP_WINDOW (user_data), 1);
}

static void
previous_page_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  show_page_by (BP_WINDOW (user_data), -1);
}

static const GActionEntry win_entries[] = {
  { .name = "clear-runs", .activate = clear_runs_activated },
  { .name = "race", .activate = race_activated },
  /* Stateful without a parameter: activating them toggles the state. */
  { .name = "fullscreen", .state = "false", .change_state = fullscreen_change_state },
  { .name = "lesson-view", .state = "false", .change_state = lesson_view_change_state },
  { .name = "side-pane", .state = "true", .change_state = side_pane_change_state },
  { .name = "train", .activate = train_activated },
  /* Stateful without a parameter: activating it toggles the state. */
  { .name = "pause", .state = "false", .change_state = pause_change_state },
  { .name = "stop", .activate = stop_activated },
  { .name = "reset", .activate = reset_activated },
  { .name = "step-epoch", .activate = step_activated },
  { .name = "new-parameters", .activate = new_parameters_activated },
  { .name = "undo", .activate = undo_activated },
  { .name = "redo", .activate = redo_activated },
  { .name = "worked-example", .activate = worked_example_activated },
  { .name = "step-person", .activate = step_person_activated },
  { .name = "show-help-overlay", .activate = show_help_overlay_activated },
  /* Stateful with a string: win.show-page::map shows the decision map. */
  { .name = "show-page", .parameter_type = "s", .state = "'loss'",
    .change_state = show_page_change_state },
  { .name = "next-page", .activate = next_page_activated },
  { .name = "previous-page", .activate = previous_page_activated },
};

/* Closing mid-run: stopping joins the worker, and the final progress
 * stays readable for whoever still holds the window. */
static void
end_run (BpWindow *self)
{
  if (self->trainer != NULL)
    {
      bp_trainer_stop (self->trainer);
      bp_trainer_get_progress (self->trainer, &self->progress);
    }
  discard_run (self);
}

/* gtk_window_destroy() (closing, app.quit) unrealizes the window but only
 * disposes it once the last reference goes; the run must not outlive the
 * window on screen either way. */
static void
bp_window_unrealize (GtkWidget *widget)
{
  end_run (BP_WINDOW (widget));
  GTK_WIDGET_CLASS (bp_window_parent_class)->unrealize (widget);
}

/* A screen smaller than the window (a projector at 800×600): the window
 * opens no larger than the screen and, where the settings and people do
 * not fit beside the views, without them, as F9 would hide them.  The
 * setting is left alone, so that they are back on a larger screen. */
void
bp_window_fit_screen (BpWindow *self,
                      int       screen_width,
                      int       screen_height)
{
  GAction *side_pane = g_action_map_lookup_action (G_ACTION_MAP (self), "side-pane");
  int width, height, min_width;

  g_return_if_fail (BP_IS_WINDOW (self));

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  if (min_width > screen_width && gtk_widget_get_visible (self->side_pane))
    {
      g_simple_action_set_state (G_SIMPLE_ACTION (side_pane), g_variant_new_boolean (FALSE));
      update_side_pane (self);
    }
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > screen_width || height > screen_height)
    gtk_window_set_default_size (GTK_WINDOW (self), MIN (width, screen_width),
                                 MIN (height, screen_height));
}

/* The screen is known once the window has a surface, before it is shown. */
static void
bp_window_realize (GtkWidget *widget)
{
  GdkMonitor *monitor;
  GdkRectangle screen;

  GTK_WIDGET_CLASS (bp_window_parent_class)->realize (widget);
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget),
                                                gtk_native_get_surface (GTK_NATIVE (widget)));
  if (monitor == NULL || gtk_window_is_maximized (GTK_WINDOW (widget)))
    return;
  gdk_monitor_get_geometry (monitor, &screen);
#ifdef GDK_WINDOWING_X11
  /* Less the panels a desktop keeps on screen, where X11 says. */
  if (GDK_IS_X11_MONITOR (monitor))
    gdk_x11_monitor_get_workarea (monitor, &screen);
#endif
  bp_window_fit_screen (BP_WINDOW (widget), screen.width, screen.height);
}

/* Tab goes through the window in reading order: GtkWindow visits its
 * content before the header bar, which put Train, the first thing a
 * lesson uses, behind forty other stops.  Other directions, and a window
 * without a header bar on screen, keep GTK's own order. */
static gboolean
bp_window_focus (GtkWidget        *widget,
                 GtkDirectionType  direction)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (widget));
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (widget));
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  GtkWidget *order[2];
  guint start;

  if ((!forward && direction != GTK_DIR_TAB_BACKWARD) || titlebar == NULL ||
      content == NULL || !gtk_widget_get_visible (titlebar))
    return GTK_WIDGET_CLASS (bp_window_parent_class)->focus (widget, direction);

  order[0] = forward ? titlebar : content;
  order[1] = forward ? content : titlebar;
  start = focus_child == order[1] ? 1 : 0;
  for (guint i = start; i < 2; i++)
    if (gtk_widget_child_focus (order[i], direction))
      return TRUE;
  if (focus_child == NULL)
    return FALSE;
  /* Off the end: wrap round to the first stop. */
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);
  for (guint i = 0; i < 2; i++)
    if (gtk_widget_child_focus (order[i], direction))
      return TRUE;
  return FALSE;
}

/* Closing with unsaved changes asks first; the window's size is kept
 * for next time either way. */
static gboolean
bp_window_close_request (GtkWindow *window)
{
  BpWindow *self = BP_WINDOW (window);

  bp_settings_save_window_state (self->settings, window);
  if (self->modified)
    {
      bp_window_files_confirm_close (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (bp_window_parent_class)->close_request (window);
}

/* Presenter mode, the lesson view and the side pane as the teacher left
 * them. */
static void
restore_view_modes (BpWindow *self)
{
  if (self->settings == NULL)
    return;
  if (g_settings_get_boolean (self->settings, "presenter-mode"))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "fullscreen",
                                        g_variant_new_boolean (TRUE));
  if (g_settings_get_boolean (self->settings, "lesson-view"))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "lesson-view",
                                        g_variant_new_boolean (TRUE));
  if (!g_settings_get_boolean (self->settings, "side-pane"))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "side-pane",
                                        g_variant_new_boolean (FALSE));
}

/* The settings are known only now: restore them, then take what the
 * window shows as the unmodified state. */
static void
bp_window_constructed (GObject *object)
{
  BpWindow *self = BP_WINDOW (object);

  G_OBJECT_CLASS (bp_window_parent_class)->constructed (object);
  bp_settings_restore_window (self->settings, self);
  restore_view_modes (self);
  bp_window_mark_saved (self, NULL);
}

static void
bp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BpWindow *self = BP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BpWindow *self = BP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_window_dispose (GObject *object)
{
  BpWindow *self = BP_WINDOW (object);

  end_run (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_WINDOW);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bp_window_parent_class)->dispose (object);
}

static void
bp_window_finalize (GObject *object)
{
  BpWindow *self = BP_WINDOW (object);

  bp_history_clear (&self->history);
  g_clear_pointer (&self->run_people, bp_people_unref);
  g_clear_pointer (&self->saved, bp_session_free);
  g_clear_object (&self->race);
  g_clear_object (&self->runs);
  g_clear_object (&self->undo);
  G_OBJECT_CLASS (bp_window_parent_class)->finalize (object);
}

static void
bp_window_class_init (BpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bp_window_constructed;
  object_class->get_property = bp_window_get_property;
  object_class->set_property = bp_window_set_property;
  object_class->dispose = bp_window_dispose;
  object_class->finalize = bp_window_finalize;
  widget_class->realize = bp_window_realize;
  widget_class->unrealize = bp_window_unrealize;
  widget_class->focus = bp_window_focus;
  window_class->close_request = bp_window_close_request;

  /* Where the window's size and the last settings are kept; NULL runs
   * without (tests, or a schema that is not installed). */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BP_TYPE_TRAINING_FORM);
  g_type_ensure (BP_TYPE_PEOPLE_EDITOR);
  g_type_ensure (BP_TYPE_LOSS_CHART);
  g_type_ensure (BP_TYPE_PREDICTION_PANEL);
  g_type_ensure (BP_TYPE_NETWORK_DIAGRAM);
  g_type_ensure (BP_TYPE_DECISION_MAP);
  g_type_ensure (BP_TYPE_EXPLAIN_PANEL);
  g_type_ensure (BP_TYPE_TRAJECTORIES);
  g_type_ensure (BP_TYPE_RUNS_POPOVER);
  g_type_ensure (BP_TYPE_VIEW_SWITCHER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpWindow, train_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, pause_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, step_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, presenter_step_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, training_form);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, people_editor);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, state_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, epoch_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, loss_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, loss_chart);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, prediction_panel);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, views);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, network_diagram);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, decision_map);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, explain_panel);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, trajectories);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, presenter_bar);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, side_pane);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, side_separator);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, runs_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, runs_popover);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, primary_menu);

  /* Bubble-phase shortcuts: an entry that has the focus takes Escape
   * first, and a disabled action lets the key through.  Space is in
   * init_space(). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.stop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  /* Bubble phase too: an entry's own text undo comes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

/* Space pauses and resumes unless the focused widget uses it: a field
 * types it, a button or a row is pressed with it.  A bubble-phase binding
 * would lose it to GtkWindow's own, which activates any focused widget,
 * even one with nothing to activate, such as the network diagram. */
static gboolean
on_space (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL &&
      (GTK_IS_EDITABLE (focus) || gtk_widget_class_get_activate_signal (GTK_WIDGET_GET_CLASS (focus)) != 0))
    return FALSE;
  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (widget), "pause"))
    return FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (widget), "pause", NULL);
  return TRUE;
}

static void
init_space (BpWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                      gtk_callback_action_new (on_space, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The runs to compare, and presenter mode as the window manager sees it;
 * before anything asks whether a run is live. */
static void
init_runs (BpWindow *self)
{
  self->runs = bp_run_list_new ();
  self->race = bp_race_new ();
  bp_loss_chart_set_overlays (self->loss_chart, self->runs);
  bp_runs_popover_set_runs (self->runs_popover, self->runs);
  g_signal_connect_object (self->runs, "items-changed", G_CALLBACK (update_clear_runs),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened), NULL);
}

/* The undo stack of the edits made on the views, and what the views
 * report: edited parameters, a step applied, a person moved, a point to
 * classify. */
static void
init_views (BpWindow *self)
{
  self->undo = bp_undo_stack_new ();
  g_signal_connect_object (self->undo, "notify::can-undo",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network_diagram, "parameter-edited",
                           G_CALLBACK (on_parameter_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->explain_panel, "apply",
                           G_CALLBACK (on_apply_step), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decision_map, "classify",
                           G_CALLBACK (on_map_classify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decision_map, "person-moved",
                           G_CALLBACK (on_person_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prediction_panel, "classify-changed",
                           G_CALLBACK (on_classify_changed), self, G_CONNECT_SWAPPED);
  on_classify_changed (self);
  g_signal_connect_object (self->views, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page), self, G_CONNECT_SWAPPED);
  on_visible_page (self);
}

/* The main menu's popover is built when it first opens: a GtkPopoverMenu
 * built with the window costs some 5 ms of every start-up. */
static void
build_primary_menu (GtkMenuButton *button,
                    gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* Pause and Resume take turns on one button: it is as wide as the wider
 * of the two, so that Step and Stop beside it do not move when a run is
 * paused, in any language. */
static void
size_pause_button (BpWindow *self)
{
  const char *labels[] = { _("_Resume"), _("_Pause") };
  int widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int natural;

      gtk_button_set_label (self->pause_button, labels[i]);
      gtk_widget_measure (GTK_WIDGET (self->pause_button), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }
  gtk_widget_set_size_request (GTK_WIDGET (self->pause_button), widest, -1);
}

static void
bp_window_init (BpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  size_pause_button (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, build_primary_menu, self, NULL);
  init_runs (self);
  init_space (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  bp_history_init (&self->history);
  bp_window_files_init (self);
  init_views (self);
  bp_window_tour_init (self);

  g_signal_connect_object (self->people_editor, "changed",
                           G_CALLBACK (on_inputs_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people_editor, "person-removed",
                           G_CALLBACK (on_person_removed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::valid",
                           G_CALLBACK (on_inputs_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::error",
                           G_CALLBACK (on_inputs_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::seed",
                           G_CALLBACK (on_seed_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::normalize",
                           G_CALLBACK (on_inputs_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_form, "notify::speed",
                           G_CALLBACK (on_speed_changed), self, G_CONNECT_SWAPPED);
  show_idle (self);
  update_actions (self);
  bp_accessible_fix_names (GTK_WIDGET (self));
}

/* @params on show and the next run's start until a new seed, as an
 * edit on the views: one step for Undo, called @label. */
void
bp_window_edit_parameters (BpWindow       *self,
                           const BpParams *params,
                           const char     *label)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  edit_parameters (self, params, label);
}

/* The guided tour's card takes the predictions' place under the views:
 * its text says what they would (the loss, Emily and Frank), and a small
 * screen has no room for both. */
void
bp_window_set_touring (BpWindow *self,
                       gboolean  touring)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  if (touring)
    gtk_widget_add_css_class (GTK_WIDGET (self), "touring");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "touring");
  update_prediction_panel (self);
  show_hint (self);
}

/* A window of @application (or of none), with the application's
 * settings. */
BpWindow *
bp_window_new (BpApplication *application)
{
  return g_object_new (BP_TYPE_WINDOW,
                       "application", application,
                       "settings", application != NULL ? bp_application_get_settings (application) : NULL,
                       NULL);
}

/* The last progress the window read: the current run's, or the idle
 * state between runs.  After the window was closed mid-run it is the
 * run's final progress, read after its worker thread was joined. */
void
bp_window_get_progress (BpWindow   *self,
                        BpProgress *progress)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  *progress = self->progress;
}

gboolean
bp_window_has_run (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return self->trainer != NULL;
}

const char *
bp_window_get_state_text (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->state_label);
}

/* The explanation under the status line, or "" when there is none. */
const char *
bp_window_get_hint_text (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->hint_label);
}

BpTrainingForm *
bp_window_get_training_form (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->training_form;
}

BpPeopleEditor *
bp_window_get_people_editor (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->people_editor;
}

BpLossChart *
bp_window_get_loss_chart (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->loss_chart;
}

BpPredictionPanel *
bp_window_get_prediction_panel (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->prediction_panel;
}

GtkWidget *
bp_window_get_train_button (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->train_button;
}

/* ---- sessions -------------------------------------------------------------- */

/* The run's part of a session.  A live run is read afresh, history first:
 * its progress can only be ahead of the copied history then, never
 * behind it, as a session file requires. */
static void
fill_run (BpWindow  *self,
          BpSession *session)
{
  BpProgress p = self->progress;

  if (run_is_live (self))
    {
      guint64 version = G_MAXUINT64;

      bp_trainer_copy_history (self->trainer, &session->history, &version);
      bp_trainer_get_progress (self->trainer, &p);
    }
  else
    bp_history_copy (&session->history, &self->history);
  /* The people edited since the run are not those it traced: their
   * predictions would go under other names, or past the last person. */
  if (self->run_people == NULL || !bp_people_equal (self->run_people, session->people))
    session->history.n_people = 0;
  /* Nobody held out now: the test loss of those held out then has no
   * people to be about, and the reader refuses it. */
  if (bp_people_get_n (session->test) == 0)
    bp_series_reset (&session->history.test_loss);
  session->state = p.state;
  session->epoch = p.epoch;
  session->epochs = p.epochs;
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
  session->has_seed = !self->custom_initial;
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
  g_autoptr(BpPeople) people = bp_people_editor_dup_people (self->people_editor);
  g_autoptr(BpPeople) test = bp_people_editor_dup_test_people (self->people_editor);
  g_autoptr(BpSession) session = NULL;
  BpTrainerConfig config;

  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  if (people == NULL || test == NULL || !get_config (self, &config))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, input_error (self));
      return NULL;
    }
  session = bp_session_new ();
  g_clear_pointer (&session->people, bp_people_unref);
  g_clear_pointer (&session->test, bp_people_unref);
  session->people = g_steal_pointer (&people);
  session->test = g_steal_pointer (&test);
  fill_settings (self, session, &config);
  if (shows_run (self))
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
  bp_training_form_set_normalize (form, session->normalize);
  bp_training_form_set_pace (form, session->epochs, session->speed);
  if (session->has_seed)
    bp_training_form_set_seed (form, session->seed);
  /* After the seed, whose change would drop them. */
  set_custom_initial (self, !session->has_seed, &session->initial);
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
  BpNormalizer *norm = &self->run_norm;

  bp_normalizer_init (norm, s->normalize, s->people);
  bp_history_copy (&self->history, &s->history);
  self->progress = (BpProgress) {
    .state = s->state,
    .epoch = s->epoch,
    .epochs = s->epochs,
    .loss = final_loss (&s->history.loss, s->epoch, &s->current, s->people, norm),
    .test_loss = final_loss (&s->history.test_loss, s->epoch, &s->current, s->test, norm),
    .params = s->current,
  };
  self->restored = TRUE;
  remember_run_settings (self, &(BpTrainerConfig) {
    .learning_rate = s->learning_rate,
    .epochs = s->epochs,
  });
  size_epoch_label (self, s->epochs);
  bp_loss_chart_set_epochs (self->loss_chart, s->epochs);
  bp_loss_chart_set_history (self->loss_chart, &self->history);
  start_trajectories (self, s->people, s->epochs);
  bp_trajectories_set_history (self->trajectories, &self->history);
  bp_prediction_panel_set_people (self->prediction_panel, s->people, norm);
  bp_prediction_panel_set_test_people (self->prediction_panel, s->test);
  bp_prediction_panel_set_params (self->prediction_panel, &s->current);
  show_views_people (self, s->people, norm, s->learning_rate);
  show_views_params (self, &s->current);
}

/* Shows @session: its people, settings and run, ending any run there
 * was.  The file and the modified state are bp_window_mark_saved()'s. */
void
bp_window_set_session (BpWindow        *self,
                       const BpSession *session)
{
  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (session != NULL);

  discard_run (self);
  bp_people_editor_set_units (self->people_editor, session->units);
  bp_people_editor_set_people (self->people_editor, session->people);
  bp_people_editor_set_test_people (self->people_editor, session->test);
  restore_form (self, session);
  bp_loss_chart_clear (self->loss_chart);
  if (session->state == BP_TRAINER_IDLE)
    show_idle (self);
  else
    restore_run (self, session);
  update_actions (self);
}

/* What the window shows now is what @file holds (NULL: no file yet), as
 * after opening or saving it. */
void
bp_window_mark_saved (BpWindow *self,
                      GFile    *file)
{
  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_clear_pointer (&self->saved, bp_session_free);
  self->saved = bp_window_dup_session (self, NULL);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_modified (self);
  update_title (self);
}

/* The session file, or NULL before the first save. */
GFile *
bp_window_get_file (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
bp_window_get_modified (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return self->modified;
}

/* Neither saved to a file nor changed since it opened: a session can be
 * opened in it without losing anything. */
gboolean
bp_window_is_pristine (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return self->file == NULL && !self->modified;
}

GSettings *
bp_window_get_settings (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->settings;
}

BpTrajectories *
bp_window_get_trajectories (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->trajectories;
}

/* The earlier runs the loss chart overlays. */
BpRunList *
bp_window_get_runs (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->runs;
}

BpRace *
bp_window_get_race (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->race;
}

BpRunsPopover *
bp_window_get_runs_popover (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->runs_popover;
}

GtkStack *
bp_window_get_views (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->views;
}

BpNetworkDiagram *
bp_window_get_network_diagram (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->network_diagram;
}

BpDecisionMap *
bp_window_get_decision_map (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->decision_map;
}

BpExplainPanel *
bp_window_get_explain_panel (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->explain_panel;
}

/* The edits made on the views between runs, to undo and redo. */
BpUndoStack *
bp_window_get_undo_stack (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->undo;
}
