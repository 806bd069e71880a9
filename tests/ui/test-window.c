/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window, driven through its actions and entries
 *
 * Runs under a display (Xvfb).  Every wait iterates the main loop until a
 * condition holds; nothing depends on how fast the machine is.
 */
#include <math.h>
#include <string.h>

#include "bp-format.h"
#include "bp-session.h"
#include "bp-prediction-row.h"
#include "ui-utils.h"

#define N_SEED_PEOPLE 4

static void
get_outputs (BpWindow *window,
             double   *outputs)
{
  BpPredictionPanel *panel = bp_window_get_prediction_panel (window);

  g_assert_cmpuint (bp_prediction_panel_get_n_people (panel), ==, N_SEED_PEOPLE);
  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    outputs[i] = bp_prediction_panel_get_output (panel, i);
}

static void
test_starts_with_the_seed_people (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(BpPeople) people = ui_test_dup_people (editor, FALSE);
  const char *names[] = { "Alice", "Bob", "Charlie", "Diana" };

  g_assert_nonnull (people);
  g_assert_cmpuint (bp_people_get_n (people), ==, N_SEED_PEOPLE);
  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    g_assert_cmpstr (bp_people_get (people, i)->name, ==, names[i]);
  /* The inputs the network sees: weight − 135, height − 66. */
  g_assert_cmpstr (ui_test_person_inputs (window, 0), ==, "−2, −1");
  g_assert_cmpstr (ui_test_person_inputs (window, 1), ==, "25, 6");
  g_assert_cmpstr (bp_window_get_state_text (window), ==, "Ready");
  g_assert_true (ui_test_action_enabled (window, "train"));
  g_assert_false (ui_test_action_enabled (window, "stop"));
  g_assert_false (ui_test_action_enabled (window, "pause"));
  g_assert_false (ui_test_action_enabled (window, "reset"));
  ui_test_destroy_window (window);
}

/* Edit a person, train to the end: the chart grows, the answers change. */
static void
test_train_to_the_end (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  BpLossChart *chart = bp_window_get_loss_chart (window);
  double before[N_SEED_PEOPLE], after[N_SEED_PEOPLE];
  BpProgress progress;
  guint points;

  ui_test_set_text (ui_test_person_entry (window, 0, BP_PERSON_COLUMN_WEIGHT), "134");
  g_assert_cmpstr (ui_test_person_inputs (window, 0), ==, "−1, −1");
  get_outputs (window, before);
  g_assert_cmpuint (bp_loss_chart_count_points (chart, FALSE), ==, 0);

  ui_test_activate (window, "train");
  /* The run owns its data: editing is refused while it is live. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (editor)));
  g_assert_false (ui_test_action_enabled (window, "train"));
  g_assert_true (ui_test_action_enabled (window, "stop"));

  progress = ui_test_run_until_done (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (progress.epoch, ==, 1000);
  g_assert_cmpstr (bp_window_get_state_text (window), ==, "Finished");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (editor)));
  g_assert_true (ui_test_action_enabled (window, "train"));
  g_assert_false (ui_test_action_enabled (window, "stop"));

  /* One point per epoch fits in the chart's width here, and never more
   * than one min/max pair per pixel column. */
  points = bp_loss_chart_count_points (chart, FALSE);
  g_assert_cmpuint (points, >, 0);
  g_assert_cmpuint (points, <=, (guint) gtk_widget_get_width (GTK_WIDGET (chart)));

  get_outputs (window, after);
  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    g_assert_cmpfloat (after[i], !=, before[i]);
  /* The seeds' lesson: Alice and Diana female, Bob and Charlie male. */
  g_assert_cmpfloat (after[0], >, 0.5);
  g_assert_cmpfloat (after[1], <, 0.5);
  g_assert_cmpfloat (after[2], <, 0.5);
  g_assert_cmpfloat (after[3], >, 0.5);
  g_assert_true (g_str_has_prefix (bp_prediction_panel_get_verdict (bp_window_get_prediction_panel (window), 0),
                                   "Female "));
  g_assert_true (g_str_has_prefix (bp_prediction_panel_get_verdict (bp_window_get_prediction_panel (window), 1),
                                   "Male "));
  ui_test_destroy_window (window);
}

/* Diana held out: the run trains on three people, tracks her loss as the
 * test loss (a second series in the chart), and the inputs of all four
 * come from the three's normalisation. */
static void
test_held_out_person (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  BpLossChart *chart = bp_window_get_loss_chart (window);
  g_autoptr(BpPeople) train = NULL;
  g_autoptr(BpPeople) test = NULL;
  BpProgress progress;

  ui_test_set_held_out (window, 3, TRUE);
  train = ui_test_dup_people (editor, FALSE);
  test = ui_test_dup_people (editor, TRUE);
  g_assert_cmpuint (bp_people_get_n (train), ==, 3);
  g_assert_cmpuint (bp_people_get_n (test), ==, 1);
  g_assert_cmpstr (bp_people_get (test, 0)->name, ==, "Diana");

  ui_test_activate (window, "train");
  progress = ui_test_run_until_done (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  g_assert_true (isfinite (progress.test_loss));
  g_assert_cmpuint (bp_loss_chart_count_points (chart, TRUE), >, 0);

  /* Holding everybody out leaves nobody to learn from. */
  for (guint i = 0; i < 3; i++)
    ui_test_set_held_out (window, i, TRUE);
  g_assert_false (ui_test_action_enabled (window, "train"));
  g_assert_nonnull (strstr (bp_window_get_hint_text (window), "held out"));
  ui_test_destroy_window (window);
}

static void
assert_cannot_train (BpWindow   *window,
                     const char *reason)
{
  const char *tooltip = gtk_widget_get_tooltip_text (bp_window_get_train_button (window));

  g_assert_false (ui_test_action_enabled (window, "train"));
  g_assert_false (ui_test_action_enabled (window, "step-epoch"));
  g_assert_nonnull (strstr (tooltip, reason));
  g_assert_nonnull (strstr (bp_window_get_hint_text (window), reason));
}

static void
test_invalid_people (void)
{
  const char *bad[] = { "abc", "", "nan", "inf", "1e999", "12abc", "0x10", "-5", "0", "5000" };
  BpWindow *window = ui_test_new_window ();
  GtkEditable *weight = ui_test_person_entry (window, 1, BP_PERSON_COLUMN_WEIGHT);
  GtkEditable *height = ui_test_person_entry (window, 2, BP_PERSON_COLUMN_HEIGHT);
  GtkEditable *name = ui_test_person_entry (window, 3, BP_PERSON_COLUMN_NAME);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ui_test_set_text (weight, bad[i]);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
      assert_cannot_train (window, "Bob");
      g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (weight)));
    }
  ui_test_set_text (weight, "160");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
  g_assert_true (ui_test_action_enabled (window, "train"));

  ui_test_set_text (height, "500");
  assert_cannot_train (window, "Charlie");
  ui_test_set_text (height, "70");
  ui_test_set_text (name, "  ");
  assert_cannot_train (window, "name");
  ui_test_set_text (name, "Diana");
  g_assert_true (ui_test_action_enabled (window, "train"));
  g_assert_cmpstr (bp_window_get_hint_text (window), ==, "");
  ui_test_destroy_window (window);
}

static void
test_invalid_settings (void)
{
  BpWindow *window = ui_test_new_window ();
  BpTrainingForm *form = bp_window_get_training_form (window);
  struct
  {
    GtkEditable *entry;
    const char  *bad;
    const char  *good;
    const char  *reason;
  } cases[] = {
    { bp_training_form_get_learning_rate_entry (form), "0", "0.1", "Learning rate" },
    { bp_training_form_get_learning_rate_entry (form), "fast", "0.1", "Learning rate" },
    { bp_training_form_get_learning_rate_entry (form), "1e999", "0.1", "Learning rate" },
    /* Not "0": 0 epochs is a lesson too (test-session-files.c). */
    { bp_training_form_get_epochs_entry (form), "", "1000", "Epochs" },
    { bp_training_form_get_epochs_entry (form), "1.5", "1000", "Epochs" },
    { bp_training_form_get_epochs_entry (form), "-3", "1000", "Epochs" },
    { bp_training_form_get_seed_entry (form), "4294967296", "1", "Seed" },
    { bp_training_form_get_seed_entry (form), "", "1", "Seed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ui_test_set_text (cases[i].entry, cases[i].bad);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cases[i].entry), "error"));
      g_assert_false (bp_training_form_get_valid (form));
      assert_cannot_train (window, cases[i].reason);
      ui_test_set_text (cases[i].entry, cases[i].good);
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cases[i].entry), "error"));
      g_assert_true (ui_test_action_enabled (window, "train"));
    }
  ui_test_destroy_window (window);
}

/* The epochs the seeds' lesson from seed 1 takes to a loss below
 * @target, as the core counts them, and the parameters it ends on. */
static guint64
epochs_to_target (double    target,
                  BpParams *params)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = NULL;
  g_autofree double *losses = g_new (double, 1000);
  BpNormalizer norm;
  guint64 n = 0;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  data = bp_people_to_dataset (people, &norm);
  bp_params_from_seed (params, 1);
  g_assert_cmpuint (bp_network_train (params, data, 0.1, 1000, losses), ==, 1000);
  while (!(losses[n] < target))
    n++;
  bp_params_from_seed (params, 1);
  bp_network_train (params, data, 0.1, n + 1, NULL);
  return n + 1;
}

/* "Stop at loss below": a wrong target is marked like any field, but only
 * while it is in use; a run with one ends after the first epoch whose
 * loss is below it, the status says so, and a saved lesson keeps it. */
static void
test_target_loss (void)
{
  BpWindow *window = ui_test_new_window ();
  BpWindow *reopened = NULL;
  BpTrainingForm *form = bp_window_get_training_form (window);
  GtkEditable *entry = bp_training_form_get_target_loss_entry (form);
  GtkCheckButton *check = bp_training_form_get_target_loss_check (form);
  g_autoptr(BpSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  BpProgress progress;
  BpParams expected;
  guint64 n = epochs_to_target (0.01, &expected);

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (entry)));
  ui_test_set_text (entry, "0");
  g_assert_true (bp_training_form_get_valid (form));
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (entry)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  assert_cannot_train (window, "Target loss");
  ui_test_set_text (entry, "fast");
  assert_cannot_train (window, "Target loss");
  gtk_check_button_set_active (check, FALSE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (ui_test_action_enabled (window, "train"));
  ui_test_set_text (entry, "0.01");
  /* A target is a setting the lesson file keeps: setting it modifies
   * the lesson, and taking it off again makes it unmodified. */
  bp_window_mark_saved (window, NULL);
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (bp_window_get_modified (window));
  gtk_check_button_set_active (check, FALSE);
  g_assert_false (bp_window_get_modified (window));
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (ui_test_action_enabled (window, "train"));
  g_assert_cmpfloat (bp_training_form_get_target_loss (form), ==, 0.01);

  ui_test_activate (window, "train");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  progress = ui_test_run_until_done (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  g_assert_true (progress.reached_target);
  g_assert_cmpuint (progress.epoch, ==, n);
  g_assert_cmpmem (&progress.params, sizeof progress.params, &expected, sizeof expected);
  g_assert_cmpstr (bp_window_get_state_text (window), ==, "Finished");
  said = g_strdup_printf ("Reached the target loss 0.01 at epoch %" G_GUINT64_FORMAT, n);
  g_assert_nonnull (strstr (bp_window_get_hint_text (window), said));

  /* The lesson file keeps the target and the run it ended. */
  session = bp_window_dup_session (window, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (session->target_loss, ==, 0.01);
  g_assert_cmpuint (session->epoch, ==, n);
  reopened = ui_test_new_window ();
  bp_window_set_session (reopened, session);
  g_assert_cmpfloat (bp_training_form_get_target_loss (bp_window_get_training_form (reopened)), ==, 0.01);
  g_assert_nonnull (strstr (bp_window_get_hint_text (reopened), said));
  ui_test_destroy_window (reopened);

  /* Without the target every epoch runs again. */
  gtk_check_button_set_active (check, FALSE);
  ui_test_activate (window, "train");
  progress = ui_test_run_until_done (window);
  g_assert_false (progress.reached_target);
  g_assert_cmpuint (progress.epoch, ==, 1000);
  g_assert_null (strstr (bp_window_get_hint_text (window), "target"));
  ui_test_destroy_window (window);
}

/* Units change what the entries show, never the people's numbers. */
static void
test_units (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  GtkEditable *weight = ui_test_person_entry (window, 0, BP_PERSON_COLUMN_WEIGHT);
  GtkEditable *height = ui_test_person_entry (window, 0, BP_PERSON_COLUMN_HEIGHT);
  g_autoptr(BpPeople) people = NULL;

  bp_people_editor_set_units (editor, BP_UNITS_KG_CM);
  g_assert_cmpstr (gtk_editable_get_text (weight), ==, "60.33");
  g_assert_cmpstr (gtk_editable_get_text (height), ==, "165.1");
  g_assert_cmpint (bp_prediction_panel_get_units (bp_window_get_prediction_panel (window)), ==,
                   BP_UNITS_KG_CM);
  bp_people_editor_set_units (editor, BP_UNITS_LB_IN);
  g_assert_cmpstr (gtk_editable_get_text (weight), ==, "133");
  people = ui_test_dup_people (editor, FALSE);
  g_assert_cmpfloat (bp_people_get (people, 0)->weight_lb, ==, 133);
  g_assert_cmpfloat (bp_people_get (people, 0)->height_in, ==, 65);

  /* Typed in kg, kept in lb; range checks speak the shown units. */
  bp_people_editor_set_units (editor, BP_UNITS_KG_CM);
  ui_test_set_text (weight, "100");
  g_clear_pointer (&people, bp_people_unref);
  people = ui_test_dup_people (editor, FALSE);
  g_assert_cmpfloat (bp_people_get (people, 0)->weight_lb, ==, 100 / BP_KG_PER_LB);
  ui_test_set_text (weight, "1000");
  g_assert_nonnull (strstr (bp_people_editor_get_error (editor), "kg"));
  ui_test_destroy_window (window);
}

static void
test_add_duplicate_remove (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(BpPeople) people = NULL;

  gtk_widget_activate_action (GTK_WIDGET (editor), "people.add", NULL);
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, 5);
  ui_test_click_person_button (window, 1, FALSE);
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, 6);
  people = ui_test_dup_people (editor, FALSE);
  g_assert_cmpfloat (bp_people_get (people, 2)->weight_lb, ==, 160);
  g_assert_cmpint (bp_people_get (people, 2)->gender, ==, BP_GENDER_MALE);
  /* The predictions follow the editor between runs. */
  g_assert_cmpuint (bp_prediction_panel_get_n_people (bp_window_get_prediction_panel (window)), ==, 6);

  for (guint n = 6; n > 0; n--)
    ui_test_click_person_button (window, 0, TRUE);
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, 0);
  assert_cannot_train (window, "add at least one person");
  ui_test_destroy_window (window);
}

/* Step from idle, step again, resume, stop, reset. */
static void
test_step_pause_stop_reset (void)
{
  BpWindow *window = ui_test_new_window ();
  double initial[N_SEED_PEOPLE], now[N_SEED_PEOPLE];
  GVariant *state;
  GtkWidget *step, *pause_button;
  int pause_width, resume_width;

  get_outputs (window, initial);
  gtk_editable_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (window)),
                         "1000000000");
  ui_test_activate (window, "step-epoch");
  while (ui_test_progress (window).epoch < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ui_test_progress (window).state, ==, BP_TRAINER_PAUSED);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "pause");
  g_assert_true (g_variant_get_boolean (state));
  g_variant_unref (state);

  ui_test_activate (window, "step-epoch");
  while (ui_test_progress (window).epoch < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ui_test_progress (window).epoch, ==, 2);
  g_assert_cmpint (ui_test_progress (window).state, ==, BP_TRAINER_PAUSED);
  pause_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BP_TYPE_WINDOW,
                                                            "pause_button"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pause_button)), ==, "_Resume");
  gtk_widget_measure (pause_button, GTK_ORIENTATION_HORIZONTAL, -1, &resume_width, NULL, NULL, NULL);

  /* Pause toggles: from paused it resumes; the button keeps its width,
   * so that Step and Stop stay where they are. */
  ui_test_activate (window, "pause");
  g_assert_cmpint (ui_test_progress (window).state, ==, BP_TRAINER_RUNNING);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pause_button)), ==, "_Pause");
  gtk_widget_measure (pause_button, GTK_ORIENTATION_HORIZONTAL, -1, &pause_width, NULL, NULL, NULL);
  g_assert_cmpint (pause_width, ==, resume_width);
  g_assert_false (ui_test_action_enabled (window, "step-epoch"));
  while (ui_test_progress (window).epoch <= 2)
    g_main_context_iteration (NULL, TRUE);

  ui_test_activate (window, "stop");
  g_assert_cmpint (ui_test_progress (window).state, ==, BP_TRAINER_STOPPED);
  g_assert_cmpstr (bp_window_get_state_text (window), ==, "Stopped");
  g_assert_true (ui_test_action_enabled (window, "reset"));

  /* A stopped run cannot go on: Step says it starts a new run, and does. */
  step = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BP_TYPE_WINDOW,
                                                   "step_button"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (step), "new run"));
  ui_test_activate (window, "step-epoch");
  while (ui_test_progress (window).epoch < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ui_test_progress (window).epoch, ==, 1);
  g_assert_cmpint (ui_test_progress (window).state, ==, BP_TRAINER_PAUSED);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (step), ==, "Run one epoch, then pause");
  ui_test_activate (window, "stop");

  /* Reset goes back to the very same initial parameters. */
  ui_test_activate (window, "reset");
  g_assert_false (bp_window_has_run (window));
  g_assert_cmpstr (bp_window_get_state_text (window), ==, "Ready");
  g_assert_cmpuint (bp_loss_chart_count_points (bp_window_get_loss_chart (window), FALSE), ==, 0);
  get_outputs (window, now);
  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    g_assert_cmpfloat (now[i], ==, initial[i]);
  ui_test_destroy_window (window);
}

static void
test_new_parameters (void)
{
  BpWindow *window = ui_test_new_window ();
  BpTrainingForm *form = bp_window_get_training_form (window);
  double before[N_SEED_PEOPLE], after[N_SEED_PEOPLE];
  guint32 seed = bp_training_form_get_seed (form);
  gboolean changed = FALSE;

  get_outputs (window, before);
  ui_test_activate (window, "new-parameters");
  /* A new random seed, shown in the form (1 in 2³² to draw the same). */
  g_assert_cmpuint (bp_training_form_get_seed (form), !=, seed);
  get_outputs (window, after);
  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    changed = changed || after[i] != before[i];
  g_assert_true (changed);
  ui_test_destroy_window (window);
}

static void
test_diverged (void)
{
  BpWindow *window = ui_test_new_window ();
  BpProgress progress;

  /* Sigmoids saturate, so only a learning rate near the largest double
   * overflows the parameters. */
  gtk_editable_set_text (bp_training_form_get_learning_rate_entry (bp_window_get_training_form (window)),
                         "1.7e308");
  ui_test_activate (window, "train");
  progress = ui_test_run_until_done (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_DIVERGED);
  g_assert_cmpstr (bp_window_get_state_text (window), ==, "Diverged");
  g_assert_nonnull (strstr (bp_window_get_hint_text (window), "Lower the learning rate"));
  ui_test_destroy_window (window);
}

/* What the prediction panel shows under @widget: the text of every label
 * shown, the bars shown, and the right/wrong marks shown; not in the
 * summary, whose table has “Male” and “Female” for headings. */
static void
collect_shown (GtkWidget *widget,
               GString   *labels,
               guint     *bars,
               guint     *marks)
{
  if (!gtk_widget_get_visible (widget) || gtk_widget_has_css_class (widget, "prediction-summary"))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (labels, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_PROGRESS_BAR (widget))
    (*bars)++;
  if (GTK_IS_IMAGE (widget) && gtk_widget_get_ancestor (widget, BP_TYPE_PREDICTION_ROW) != NULL)
    (*marks)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shown (child, labels, bars, marks);
}

static void
assert_panel_shows (BpWindow   *window,
                    guint       bars,
                    guint       marks,
                    const char *has,
                    const char *lacks)
{
  g_autoptr(GString) labels = g_string_new (NULL);
  guint shown_bars = 0, shown_marks = 0;

  collect_shown (GTK_WIDGET (bp_window_get_prediction_panel (window)), labels, &shown_bars, &shown_marks);
  g_assert_cmpuint (shown_bars, ==, bars);
  g_assert_cmpuint (shown_marks, ==, marks);
  if (has != NULL && strstr (labels->str, has) == NULL)
    g_test_fail_printf ("the panel does not show “%s”:\n%s", has, labels->str);
  if (lacks != NULL && strstr (labels->str, lacks) != NULL)
    g_test_fail_printf ("the panel shows “%s”:\n%s", lacks, labels->str);
}

/* A diverged network's NaN gives no verdict: no F or M, no percentage and
 * no bar, in the rows or the classify box, but words; a good run brings
 * them back. */
static void
test_diverged_no_verdict (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPredictionPanel *panel = bp_window_get_prediction_panel (window);
  GtkEditable *rate = bp_training_form_get_learning_rate_entry (bp_window_get_training_form (window));
  GtkWidget *row = g_object_ref_sink (bp_prediction_row_new ());
  g_autofree char *tip = NULL;
  double output;

  assert_panel_shows (window, N_SEED_PEOPLE + 1, N_SEED_PEOPLE, "%", NULL);
  gtk_editable_set_text (rate, "1.7e308");
  ui_test_activate (window, "train");
  g_assert_cmpint (ui_test_run_until_done (window).state, ==, BP_TRAINER_DIVERGED);

  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    {
      g_assert_true (isnan (bp_prediction_panel_get_output (panel, i)));
      g_assert_cmpstr (bp_prediction_panel_get_verdict (panel, i), ==, "No answer");
    }
  g_assert_true (bp_prediction_panel_get_classify_output (panel, &output));
  g_assert_true (isnan (output));
  g_assert_cmpstr (bp_prediction_panel_get_classify_text (panel), ==, "No answer");
  assert_panel_shows (window, 0, 0, "The network diverged", "%");
  assert_panel_shows (window, 0, 0, NULL, "Female");
  assert_panel_shows (window, 0, 0, NULL, "Male");
  assert_panel_shows (window, 0, 0, NULL, "nan");

  bp_prediction_row_set_output (BP_PREDICTION_ROW (row), NAN);
  tip = bp_prediction_row_dup_output_tip (BP_PREDICTION_ROW (row));
  g_assert_cmpstr (tip, ==, "The network diverged");
  g_object_unref (row);

  gtk_editable_set_text (rate, "0.1");
  ui_test_activate (window, "train");
  g_assert_cmpint (ui_test_run_until_done (window).state, ==, BP_TRAINER_FINISHED);
  assert_panel_shows (window, N_SEED_PEOPLE + 1, N_SEED_PEOPLE, "%", "No answer");
  ui_test_destroy_window (window);
}

/* Closing the window mid-run stops and joins the worker before the window
 * goes: the final state is STOPPED, which only the worker's last act sets,
 * and the window read it after bp_trainer_stop() had joined the thread. */
static void
test_close_during_long_run (void)
{
  BpWindow *window = ui_test_new_window ();
  BpProgress progress;

  g_object_ref (window);
  gtk_editable_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (window)),
                         "1000000000");
  ui_test_activate (window, "train");
  while (ui_test_progress (window).epoch == 0)
    g_main_context_iteration (NULL, TRUE);

  /* A run under way is unsaved work: closing asks, and is told to
   * discard it. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (bp_window_has_run (window));
  gtk_dialog_response (GTK_DIALOG (ui_test_find_dialog (GTK_WINDOW (window))), GTK_RESPONSE_REJECT);
  g_assert_false (bp_window_has_run (window));
  progress = ui_test_progress (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_STOPPED);
  g_assert_cmpuint (progress.epoch, <, 1000000000);
  g_object_unref (window);
}

/* After the people change, the finished run on show says it was trained
 * on other people; putting the people back takes the words away. */
static void
test_run_on_other_people (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkLabel *hint = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), BP_TYPE_WINDOW,
                                                             "hint_label"));
  GtkEditable *weight = ui_test_person_entry (window, 3, BP_PERSON_COLUMN_WEIGHT);
  g_autofree char *before = g_strdup (gtk_editable_get_text (weight));

  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));

  ui_test_set_text (weight, "150");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
  g_assert_nonnull (strstr (gtk_label_get_text (hint), "other people"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (hint), "error"));

  ui_test_set_text (weight, before);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));
  ui_test_destroy_window (window);
}

/* What the window would save reads back: the lesson as it stands must
 * never be one the reader refuses. */
static void
assert_session_reads_back (BpWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) session = bp_window_dup_session (window, &error);
  g_autoptr(BpSession) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_no_error (error);
  text = bp_session_to_data (session, &length);
  again = bp_session_from_data (text, length, "window.backprop", &error);
  g_assert_no_error (error);
}

/* After a run with a person held out, nobody is held out any more: the
 * lesson still saves (without the old test loss). */
static void
test_save_after_test_people_removed (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(BpPeople) test = bp_people_new_seed ();
  g_autoptr(BpPeople) none = bp_people_new ();

  bp_people_editor_set_test_people (editor, test);
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  bp_people_editor_set_test_people (editor, none);
  assert_session_reads_back (window);
  ui_test_destroy_window (window);
}

/* A run of 0 epochs, then a new seed: the run has not moved, so it is at
 * the new initial parameters, and the lesson saves. */
static void
test_save_zero_epochs_new_seed (void)
{
  BpWindow *window = ui_test_new_window ();
  BpTrainingForm *form = bp_window_get_training_form (window);

  gtk_editable_set_text (bp_training_form_get_epochs_entry (form), "0");
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  gtk_editable_set_text (bp_training_form_get_seed_entry (form), "2");
  assert_session_reads_back (window);
  ui_test_destroy_window (window);
}

/* Discard closes the last reference to the window while the question's
 * response is being emitted: nothing may touch either afterwards. */
static void
test_discard_frees_cleanly (void)
{
  BpWindow *window = ui_test_new_window ();
  GWeakRef gone;

  ui_test_activate (window, "train");
  while (ui_test_progress (window).state != BP_TRAINER_FINISHED)
    g_main_context_iteration (NULL, TRUE);
  g_weak_ref_init (&gone, window);
  gtk_window_close (GTK_WINDOW (window));
  gtk_dialog_response (GTK_DIALOG (ui_test_find_dialog (GTK_WINDOW (window))), GTK_RESPONSE_REJECT);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (g_weak_ref_get (&gone));
  g_weak_ref_clear (&gone);
}

/* The classify box says what backprop-cli says, to the last bit. */
static double
cli_classify (const char *seed,
              const char *normalize,
              const char *point)
{
  const char *cli = g_getenv ("BACKPROP_CLI");
  const char *argv[] = { cli, "train", "--seed", seed, "--normalize", normalize,
                         "--classify", point, "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *classified, *output;
  int status;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  classified = strstr (out, "\"classified\":[{");
  g_assert_nonnull (classified);
  output = strstr (classified, "\"output\":");
  g_assert_nonnull (output);
  return g_ascii_strtod (output + strlen ("\"output\":"), NULL);
}

static void
check_classify (BpNormalize normalize,
                const char *normalize_name)
{
  BpWindow *window = ui_test_new_window ();
  BpTrainingForm *form = bp_window_get_training_form (window);
  BpPredictionPanel *panel = bp_window_get_prediction_panel (window);
  g_autofree char *expected_text = NULL;
  double expected, output;

  bp_training_form_set_seed (form, 7);
  bp_training_form_set_normalize (form, normalize);
  bp_prediction_panel_set_classify (panel, "128", "63");
  ui_test_activate (window, "train");
  g_assert_cmpint (ui_test_run_until_done (window).state, ==, BP_TRAINER_FINISHED);

  expected = cli_classify ("7", normalize_name, "128,63");
  g_assert_true (bp_prediction_panel_get_classify_output (panel, &output));
  g_assert_cmpfloat (output, ==, expected);
  expected_text = bp_format_verdict (expected);
  g_assert_cmpstr (bp_prediction_panel_get_classify_text (panel), ==, expected_text);

  /* Frank through his example button; then the same person in kg/cm. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "prediction.example", "s", "frank");
  g_assert_true (bp_prediction_panel_get_classify_output (panel, &output));
  g_assert_cmpfloat (output, ==, cli_classify ("7", normalize_name, "155,68"));
  bp_people_editor_set_units (bp_window_get_people_editor (window), BP_UNITS_KG_CM);
  g_assert_true (bp_prediction_panel_get_classify_output (panel, &output));
  g_assert_cmpfloat (output, ==, cli_classify ("7", normalize_name, "155,68"));

  bp_prediction_panel_set_classify (panel, "heavy", "63");
  g_assert_false (bp_prediction_panel_get_classify_output (panel, &output));
  g_assert_nonnull (strstr (bp_prediction_panel_get_classify_text (panel), "heavy"));
  ui_test_destroy_window (window);
}

static void
test_classify_like_cli (void)
{
  check_classify (BP_NORMALIZE_SEED, "seed");
  check_classify (BP_NORMALIZE_STANDARD, "standard");
}

/* The outputs change every frame of a run; their tooltips are written
 * only when they show (query-tooltip), since setting a tooltip's text
 * asks the X server where the pointer is. */
static void
test_prediction_tooltips_on_demand (void)
{
  GtkWidget *row = g_object_ref_sink (bp_prediction_row_new ());
  g_autofree char *tip = NULL;

  bp_prediction_row_set_person (BP_PREDICTION_ROW (row), "Alice", BP_GENDER_FEMALE);
  bp_prediction_row_set_output (BP_PREDICTION_ROW (row), 0.25);
  bp_prediction_row_set_output (BP_PREDICTION_ROW (row), 0.875);
  tip = bp_prediction_row_dup_output_tip (BP_PREDICTION_ROW (row));
  g_assert_cmpstr (tip, ==, "Output 0.8750");
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_PROGRESS_BAR (child))
      {
        g_assert_true (gtk_widget_get_has_tooltip (child));
        g_assert_null (gtk_widget_get_tooltip_text (child));
      }
  g_object_unref (row);
}

/* The header bar's menu button with the main menu. */
static GtkMenuButton *
find_main_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0)
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_main_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu is built when it first opens, and opens with its items. */
static void
test_main_menu_on_demand (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkMenuButton *button = find_main_menu_button (gtk_window_get_titlebar (GTK_WINDOW (window)));
  GMenuModel *model;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  g_assert_cmpint (g_menu_model_get_n_items (model), >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == model);
  gtk_menu_button_popdown (button);
  ui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/window/seed-people", test_starts_with_the_seed_people);
  g_test_add_func ("/window/train", test_train_to_the_end);
  g_test_add_func ("/window/held-out-person", test_held_out_person);
  g_test_add_func ("/window/invalid-people", test_invalid_people);
  g_test_add_func ("/window/invalid-settings", test_invalid_settings);
  g_test_add_func ("/window/target-loss", test_target_loss);
  g_test_add_func ("/window/units", test_units);
  g_test_add_func ("/window/add-duplicate-remove", test_add_duplicate_remove);
  g_test_add_func ("/window/step-pause-stop-reset", test_step_pause_stop_reset);
  g_test_add_func ("/window/new-parameters", test_new_parameters);
  g_test_add_func ("/window/diverged", test_diverged);
  g_test_add_func ("/window/diverged-no-verdict", test_diverged_no_verdict);
  g_test_add_func ("/window/close-during-long-run", test_close_during_long_run);
  g_test_add_func ("/window/discard-frees-cleanly", test_discard_frees_cleanly);
  g_test_add_func ("/window/run-on-other-people", test_run_on_other_people);
  g_test_add_func ("/window/save-after-test-people-removed", test_save_after_test_people_removed);
  g_test_add_func ("/window/save-zero-epochs-new-seed", test_save_zero_epochs_new_seed);
  g_test_add_func ("/window/classify-like-cli", test_classify_like_cli);
  g_test_add_func ("/window/prediction-tooltips-on-demand", test_prediction_tooltips_on_demand);
  g_test_add_func ("/window/main-menu-on-demand", test_main_menu_on_demand);

  return g_test_run ();
}
