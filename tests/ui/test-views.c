/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-views.c: the trajectories page, earlier runs, the learning-rate
 * race, presenter mode and the lesson view, driven through the window's
 * actions
 *
 * Every wait iterates the main loop until a condition holds.
 */
#include <string.h>

#include <glib/gi18n.h>

#include "bp-settings.h"
#include "ui-utils.h"

static GtkStack *
views_of (BpWindow *window)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (bp_window_get_trajectories (window)),
                                              GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return GTK_STACK (stack);
}

static void
set_rate (BpWindow   *window,
          const char *rate)
{
  ui_test_set_text (bp_training_form_get_learning_rate_entry (bp_window_get_training_form (window)),
                    rate);
}

static void
set_epochs (BpWindow   *window,
            const char *epochs)
{
  ui_test_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (window)),
                    epochs);
}

/* Until neither the run nor a lane of its race can go on. */
static void
run_until_all_done (BpWindow *window)
{
  ui_test_run_until_done (window);
  while (bp_race_is_live (bp_window_get_race (window)))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
action_state (BpWindow   *window,
              const char *name)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), name);

  return g_variant_get_boolean (state);
}

static guint
n_runs (BpWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (bp_window_get_runs (window)));
}

static BpRun *
run_at (BpWindow *window,
        guint     i)
{
  g_autoptr(BpRun) run = g_list_model_get_item (G_LIST_MODEL (bp_window_get_runs (window)), i);

  return run;  /* the list holds it */
}

/* Each parameter's chart ends exactly at the parameter the run ended
 * with, and each person's at the output the predictions show. */
static void
test_trajectories (void)
{
  BpWindow *window = ui_test_new_window ();
  BpTrajectories *views = bp_window_get_trajectories (window);
  BpPredictionPanel *panel = bp_window_get_prediction_panel (window);
  BpProgress progress;
  double last;

  gtk_stack_set_visible_child_name (views_of (window), "trajectories");
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (views),
                                         gtk_stack_get_visible_child (views_of (window))) ||
                 gtk_stack_get_visible_child (views_of (window)) == GTK_WIDGET (views));
  g_assert_cmpuint (bp_trajectories_get_n_people (views), ==, 4);
  g_assert_cmpstr (bp_small_chart_get_title (bp_trajectories_get_person_chart (views, 0)), ==, "Alice (F)");
  g_assert_false (bp_small_chart_get_last (bp_trajectories_get_param_chart (views, BP_PARAM_W1), &last));

  ui_test_activate (window, "train");
  progress = ui_test_run_until_done (window);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    {
      BpSmallChart *chart = bp_trajectories_get_param_chart (views, j);

      g_assert_true (bp_small_chart_get_last (chart, &last));
      g_assert_cmpfloat (last, ==, bp_params_get (&progress.params, j));
      g_assert_cmpuint (bp_small_chart_count_points (chart), >, 10);
      g_assert_cmpuint (bp_small_chart_count_points (chart), <=,
                        (guint) gtk_widget_get_width (GTK_WIDGET (chart)));
    }
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (bp_small_chart_get_last (bp_trajectories_get_person_chart (views, i), &last));
      g_assert_cmpfloat (last, ==, bp_prediction_panel_get_output (panel, i));
    }
  /* Reset: empty charts again. */
  ui_test_activate (window, "reset");
  g_assert_false (bp_small_chart_get_last (bp_trajectories_get_param_chart (views, BP_PARAM_B3), &last));
  ui_test_destroy_window (window);
}

/* The charts fill in while the run goes on, not only at its end. */
static void
test_trajectories_update_live (void)
{
  BpWindow *window = ui_test_new_window ();
  BpSmallChart *w5 = bp_trajectories_get_param_chart (bp_window_get_trajectories (window), BP_PARAM_W5);
  double last;

  /* On show: a page out of sight waits for the run until it is. */
  ui_test_show_page (window, "trajectories");
  set_epochs (window, "1000000000");
  ui_test_activate (window, "train");
  while (!bp_small_chart_get_last (w5, &last))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ui_test_action_enabled (window, "stop"));
  ui_test_activate (window, "stop");
  g_assert_cmpint (ui_test_progress (window).state, ==, BP_TRAINER_STOPPED);
  ui_test_destroy_window (window);
}

/* Two runs at different rates: the first is kept, named by its rate and
 * drawn behind the second; hiding and clearing take it off the chart. */
static void
test_earlier_runs (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLossChart *chart = bp_window_get_loss_chart (window);
  GtkListBox *list = bp_runs_popover_get_list (bp_window_get_runs_popover (window));
  BpRun *first;

  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  g_assert_cmpuint (n_runs (window), ==, 0);
  set_rate (window, "0.5");
  ui_test_activate (window, "train");
  g_assert_cmpuint (n_runs (window), ==, 1);
  first = run_at (window, 0);
  g_assert_cmpstr (bp_run_get_label (first), ==, "rate 0.1");
  g_assert_cmpint (bp_run_get_state (first), ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (bp_run_get_loss (first)->count, ==, 1000);
  g_assert_cmpuint (bp_loss_chart_count_overlays (chart), ==, 1);
  ui_test_run_until_done (window);

  /* The runs list shows it, with a check button that hides it. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  bp_run_set_visible (first, FALSE);
  g_assert_cmpuint (bp_loss_chart_count_overlays (chart), ==, 0);
  bp_run_set_visible (first, TRUE);

  /* A stopped run is kept too, and says so; one stopped before its
   * first epoch would have no curve to keep. */
  set_rate (window, "0.2");
  set_epochs (window, "1000000000");
  ui_test_activate (window, "train");
  while (ui_test_progress (window).epoch == 0)
    g_main_context_iteration (NULL, TRUE);
  ui_test_activate (window, "stop");
  ui_test_activate (window, "reset");
  g_assert_cmpuint (n_runs (window), ==, 3);
  g_assert_true (g_str_has_suffix (bp_run_get_label (run_at (window, 2)), "(stopped)"));

  g_assert_true (ui_test_action_enabled (window, "clear-runs"));
  ui_test_activate (window, "clear-runs");
  g_assert_cmpuint (n_runs (window), ==, 0);
  g_assert_cmpuint (bp_loss_chart_count_overlays (chart), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (ui_test_action_enabled (window, "clear-runs"));
  ui_test_destroy_window (window);
}

/* The form's rate is the window's run; each other rate is a lane with
 * its own trainer, from the same start, drawn as it grows. */
static void
test_race (void)
{
  BpWindow *window = ui_test_new_window ();
  BpRace *race = bp_window_get_race (window);
  BpLossChart *chart = bp_window_get_loss_chart (window);
  const char *labels[] = { "rate 0.01", "rate 0.5", "rate 1" };

  g_assert_true (ui_test_action_enabled (window, "race"));
  ui_test_activate (window, "race");
  g_assert_cmpuint (bp_race_get_n_runs (race), ==, 3);
  g_assert_false (ui_test_action_enabled (window, "train"));
  g_assert_false (ui_test_action_enabled (window, "race"));
  run_until_all_done (window);
  g_assert_true (ui_test_action_enabled (window, "train"));
  g_assert_cmpuint (n_runs (window), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      BpRun *lane = bp_race_get_run (race, i);

      g_assert_true (lane == run_at (window, i));
      g_assert_cmpstr (bp_run_get_label (lane), ==, labels[i]);
      g_assert_cmpint (bp_run_get_state (lane), ==, BP_TRAINER_FINISHED);
      g_assert_cmpuint (bp_run_get_loss (lane)->count, ==, 1000);
    }
  g_assert_cmpuint (bp_loss_chart_count_overlays (chart), ==, 3);
  /* The same start: after one epoch the largest rate has gone furthest. */
  g_assert_cmpfloat (bp_series_get (bp_run_get_loss (bp_race_get_run (race, 2)), 0, NULL, NULL).last, <,
                     bp_series_get (bp_run_get_loss (bp_race_get_run (race, 0)), 0, NULL, NULL).last);
  ui_test_destroy_window (window);
}

/* Pause and stop reach every lane (their threads joined); so does
 * closing. */
static void
test_race_stop (void)
{
  BpWindow *window = ui_test_new_window ();
  BpRace *race = bp_window_get_race (window);

  set_epochs (window, "1000000000");
  ui_test_activate (window, "race");
  while (bp_run_get_loss (bp_race_get_run (race, 0))->count == 0)
    g_main_context_iteration (NULL, TRUE);
  ui_test_activate (window, "pause");
  g_assert_true (action_state (window, "pause"));
  ui_test_activate (window, "stop");
  g_assert_false (bp_race_is_live (race));
  for (guint i = 0; i < bp_race_get_n_runs (race); i++)
    g_assert_cmpint (bp_run_get_state (bp_race_get_run (race, i)), ==, BP_TRAINER_STOPPED);
  g_assert_true (ui_test_action_enabled (window, "train"));

  ui_test_activate (window, "race");
  g_assert_true (bp_race_is_live (race));
  g_object_ref (race);
  ui_test_destroy_window (window);
  g_assert_false (bp_race_is_live (race));
  g_object_unref (race);
}

static void
test_bad_race_rates (void)
{
  BpWindow *window = ui_test_new_window ();
  BpRunsPopover *popover = bp_window_get_runs_popover (window);
  GtkEditable *rates = bp_runs_popover_get_rates_entry (popover);
  double values[BP_RACE_MAX_RATES];
  g_autoptr(GError) error = NULL;

  ui_test_set_text (rates, "0.1, x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rates), "error"));
  g_assert_cmpuint (bp_runs_popover_get_race_rates (popover, values, &error), ==, 0);
  g_assert_nonnull (error);
  ui_test_activate (window, "race");
  g_assert_false (bp_window_has_run (window));
  ui_test_set_text (rates, "0.2,0.3");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rates), "error"));
  g_assert_cmpuint (bp_runs_popover_get_race_rates (popover, values, NULL), ==, 2);
  g_assert_cmpfloat (values[1], ==, 0.3);
  ui_test_set_text (rates, "1, 2, 3, 4, 5, 6, 7");
  g_assert_cmpuint (bp_runs_popover_get_race_rates (popover, values, NULL), ==, 0);
  ui_test_destroy_window (window);
}

static void
test_presenter (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLossChart *chart = bp_window_get_loss_chart (window);
  GtkWidget *form = GTK_WIDGET (bp_window_get_training_form (window));

  g_assert_false (action_state (window, "fullscreen"));
  g_assert_true (gtk_widget_is_visible (form));
  ui_test_activate (window, "fullscreen");
  g_assert_true (action_state (window, "fullscreen"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presenter"));
  g_assert_true (bp_loss_chart_get_presenter (chart));
  g_assert_true (bp_trajectories_get_presenter (bp_window_get_trajectories (window)));
  g_assert_false (gtk_widget_is_visible (form));
  /* The pages that explain the network get the whole height: the
   * predictions stay under the loss curve and the decision map. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bp_window_get_prediction_panel (window))));
  gtk_stack_set_visible_child_name (bp_window_get_views (window), "explain");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bp_window_get_prediction_panel (window))));
  gtk_stack_set_visible_child_name (bp_window_get_views (window), "map");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bp_window_get_prediction_panel (window))));
  gtk_stack_set_visible_child_name (bp_window_get_views (window), "explain");
  /* Nor is the file's name, which the larger text squeezed to nothing. */
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window), _("Untitled Lesson")));
  g_assert_false (gtk_widget_is_visible (ui_test_find_label (GTK_WIDGET (window), _("Untitled Lesson"))));
  /* It stays on through a run. */
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  g_assert_true (action_state (window, "fullscreen"));
  ui_test_activate (window, "fullscreen");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presenter"));
  g_assert_false (bp_loss_chart_get_presenter (chart));
  g_assert_true (gtk_widget_is_visible (form));
  g_assert_true (gtk_widget_is_visible (ui_test_find_label (GTK_WIDGET (window), _("Untitled Lesson"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bp_window_get_prediction_panel (window))));
  ui_test_destroy_window (window);
}

static void
set_true (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* F9 hides the settings and people, the views take the width; presenter
 * mode hides them whatever F9 says, and leaving it keeps F9's choice. */
static void
test_side_pane (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkWidget *form = GTK_WIDGET (bp_window_get_training_form (window));
  GtkWidget *views = GTK_WIDGET (views_of (window));
  int width = gtk_widget_get_width (views);
  gboolean timed_out = FALSE;
  guint timeout;

  g_assert_true (action_state (window, "side-pane"));
  g_assert_true (gtk_widget_is_visible (form));
  ui_test_activate (window, "side-pane");
  /* The next layout, or 5 s: the width then tells which. */
  timeout = g_timeout_add_once (5000, set_true, &timed_out);
  while (gtk_widget_get_width (views) == width && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (action_state (window, "side-pane"));
  g_assert_false (gtk_widget_is_visible (form));
  g_assert_cmpint (gtk_widget_get_width (views), >, width);

  ui_test_activate (window, "fullscreen");
  g_assert_false (gtk_widget_is_visible (form));
  ui_test_activate (window, "fullscreen");
  g_assert_false (gtk_widget_is_visible (form));
  ui_test_activate (window, "side-pane");
  g_assert_true (gtk_widget_is_visible (form));
  ui_test_activate (window, "fullscreen");
  g_assert_false (gtk_widget_is_visible (form));
  ui_test_activate (window, "fullscreen");
  g_assert_true (gtk_widget_is_visible (form));
  ui_test_destroy_window (window);
}

static void
test_lesson_view (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkWidget *runs_button = gtk_widget_get_parent (GTK_WIDGET (bp_window_get_runs_popover (window)));

  BpTrainingForm *form = bp_window_get_training_form (window);

  g_assert_true (gtk_widget_get_visible (runs_button));
  g_assert_true (bp_training_form_get_show_advanced (form));
  ui_test_activate (window, "lesson-view");
  g_assert_true (action_state (window, "lesson-view"));
  g_assert_false (gtk_widget_get_visible (runs_button));
  /* The seed and the normalisation step aside; what they hold still counts. */
  g_assert_false (bp_training_form_get_show_advanced (form));
  g_assert_cmpuint (bp_training_form_get_seed (form), ==, 1);
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  g_assert_true (action_state (window, "lesson-view"));
  g_assert_false (gtk_widget_get_visible (runs_button));
  ui_test_activate (window, "lesson-view");
  g_assert_true (gtk_widget_get_visible (runs_button));
  g_assert_true (bp_training_form_get_show_advanced (form));
  ui_test_destroy_window (window);
}

/* Both choices outlive the window, in GSettings. */
static void
test_view_modes_kept (void)
{
  g_autoptr(GSettings) settings = bp_settings_new ();
  BpWindow *window;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "lesson-view");
  g_settings_reset (settings, "presenter-mode");
  window = g_object_new (BP_TYPE_WINDOW, "settings", settings, NULL);
  ui_test_show (GTK_WINDOW (window), 1280, 800);
  g_assert_false (action_state (window, "lesson-view"));
  ui_test_activate (window, "lesson-view");
  ui_test_activate (window, "fullscreen");
  g_assert_true (g_settings_get_boolean (settings, "lesson-view"));
  g_assert_true (g_settings_get_boolean (settings, "presenter-mode"));
  ui_test_destroy_window (window);

  window = g_object_new (BP_TYPE_WINDOW, "settings", settings, NULL);
  ui_test_show (GTK_WINDOW (window), 1280, 800);
  g_assert_true (action_state (window, "lesson-view"));
  g_assert_true (action_state (window, "fullscreen"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presenter"));
  ui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/views/trajectories", test_trajectories);
  g_test_add_func ("/views/trajectories-update-live", test_trajectories_update_live);
  g_test_add_func ("/views/earlier-runs", test_earlier_runs);
  g_test_add_func ("/views/race", test_race);
  g_test_add_func ("/views/race-stop", test_race_stop);
  g_test_add_func ("/views/bad-race-rates", test_bad_race_rates);
  g_test_add_func ("/views/presenter", test_presenter);
  g_test_add_func ("/views/side-pane", test_side_pane);
  g_test_add_func ("/views/lesson-view", test_lesson_view);
  g_test_add_func ("/views/view-modes-kept", test_view_modes_kept);

  return g_test_run ();
}
