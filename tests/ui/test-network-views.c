/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-network-views.c: the network diagram, the decision map and the explanation
 * of a step, in the window, driven through its actions
 *
 * Runs under a display (Xvfb).  Waits iterate the main loop until a
 * condition holds; nothing depends on how fast the machine is.  The
 * explanation is checked against the core and against backprop-cli
 * explain --json, read back with json-glib.
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "bp-format.h"
#include "bp-name-list.h"
#include "ui-utils.h"

#define N_SEED_PEOPLE 4

static const BpParams worked_example = { 1, 1, 1, 1, 1, 1, 0, 0, 0 };

/* ---- helpers --------------------------------------------------------------- */

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Shows a page of the views and waits until it is on screen and sized. */
static GtkWidget *
show_page (BpWindow   *window,
           const char *name)
{
  GtkStack *views = bp_window_get_views (window);
  GtkWidget *page;

  gtk_stack_set_visible_child_name (views, name);
  page = gtk_stack_get_child_by_name (views, name);
  g_assert_nonnull (page);
  while (!gtk_widget_get_mapped (page) || gtk_widget_get_width (page) == 0)
    g_main_context_iteration (NULL, TRUE);
  drain ();
  return page;
}

static void
wait_for (BpWindow *window,
          guint64   epoch,
          guint     sample)
{
  BpProgress p;

  while ((p = ui_test_progress (window)).epoch != epoch || p.sample != sample)
    g_main_context_iteration (NULL, TRUE);
  drain ();
}

static void
assert_params_equal (const BpParams *a,
                     const BpParams *b)
{
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

/* The parameters the window shows and would train from. */
static void
assert_window_params (BpWindow       *window,
                      const BpParams *expected)
{
  BpProgress progress = ui_test_progress (window);

  assert_params_equal (&progress.params, expected);
}

static BpParams
diagram_params (BpWindow *window)
{
  BpParams params;

  bp_network_diagram_get_params (bp_window_get_network_diagram (window), &params);
  return params;
}

static BpParams
seed_params (guint32 seed)
{
  BpParams params;

  bp_params_from_seed (&params, seed);
  return params;
}

/* Alice, Bob, Charlie, Diana, normalised the seeds' way. */
static const double seed_x0[] = { -2, 25, 17, -15 };
static const double seed_x1[] = { -1, 6, 4, -6 };
static const double seed_y[] = { 1, 0, 0, 1 };

/* Every view shows @params. */
static void
assert_views_show (BpWindow       *window,
                   const BpParams *params)
{
  BpDecisionMap *map = bp_window_get_decision_map (window);
  BpParams shown = diagram_params (window);
  BpExplain e;
  double x, y;

  assert_params_equal (&shown, params);
  g_assert_true (bp_explain_panel_get_explain (bp_window_get_explain_panel (window), NULL, &e));
  assert_params_equal (&e.before, params);
  /* The map's output at Bob's dot is the network's for (very nearly)
   * his inputs: the dot is drawn at his exact weight and height. */
  g_assert_true (bp_decision_map_person_position (map, FALSE, 1, &x, &y));
  g_assert_cmpfloat_with_epsilon (bp_decision_map_output_at (map, x, y),
                                  bp_network_feedforward (params, seed_x0[1], seed_x1[1]), 1e-9);
}

/* ---- the pages ---------------------------------------------------------------- */

static void
test_pages (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkStack *views = bp_window_get_views (window);
  BpNetworkDiagram *diagram = bp_window_get_network_diagram (window);
  GListModel *names = bp_network_diagram_get_names (diagram);
  BpParams seed = seed_params (1);
  BpExplain forward;

  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (diagram), gtk_stack_get_child_by_name (views, "network")) ||
                 GTK_WIDGET (diagram) == gtk_stack_get_child_by_name (views, "network"));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (bp_window_get_decision_map (window)),
                                         gtk_stack_get_child_by_name (views, "map")));
  g_assert_true (GTK_WIDGET (bp_window_get_explain_panel (window)) == gtk_stack_get_child_by_name (views, "explain"));
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (views, GTK_WIDGET (bp_window_get_explain_panel (window)))),
                   ==, "Explain");

  /* The untrained network of seed 1, and Alice's activations. */
  show_page (window, "network");
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, N_SEED_PEOPLE);
  g_assert_cmpstr (bp_name_list_get_string (BP_NAME_LIST (names), 2), ==, "Charlie");
  assert_views_show (window, &seed);
  g_assert_true (bp_network_diagram_get_activations (diagram, &forward));
  g_assert_cmpfloat (forward.x0, ==, -2);
  g_assert_cmpfloat (forward.o1, ==, bp_network_feedforward (&seed, -2, -1));
  bp_network_diagram_set_person (diagram, 3);
  bp_network_diagram_get_activations (diagram, &forward);
  g_assert_cmpfloat (forward.x1, ==, -6);
  /* A new name keeps Diana chosen, in the drop-down too. */
  ui_test_set_text (ui_test_person_entry (window, 0, BP_PERSON_COLUMN_NAME), "Alicia");
  drain ();
  g_assert_cmpstr (bp_name_list_get_string (BP_NAME_LIST (names), 0), ==, "Alicia");
  g_assert_cmpuint (bp_network_diagram_get_person (diagram), ==, 3);
  g_assert_true (bp_network_diagram_get_editable (diagram));
  ui_test_destroy_window (window);
}

/* Every weight and bias shows its name; with Show Values, or under the
 * pointer, its value too. */
static void
test_diagram_labels (void)
{
  BpWindow *window = ui_test_new_window ();
  BpNetworkDiagram *diagram = bp_window_get_network_diagram (window);
  BpDiagramLayout l;
  g_autofree char *w5 = NULL;
  g_autofree char *b3 = NULL;
  g_autofree char *b3_value = NULL;
  double x, y;

  show_page (window, "network");
  w5 = bp_network_diagram_dup_label (diagram, BP_PARAM_W5);
  g_assert_cmpstr (w5, ==, "w<sub>5</sub>");
  bp_network_diagram_get_layout (diagram, &l);
  bp_network_diagram_hover (diagram, l.x[BP_NEURON_O1], l.y[BP_NEURON_O1]);
  g_assert_cmpint (bp_network_diagram_get_hover (diagram), ==, BP_PARAM_B3);
  b3 = bp_network_diagram_dup_label (diagram, BP_PARAM_B3);
  b3_value = bp_format_significant (seed_params (1).b3, 3);
  g_assert_true (g_str_has_prefix (b3, "b<sub>3</sub> = "));
  g_assert_true (g_str_has_suffix (b3, b3_value));
  bp_diagram_edge_point (&l, BP_PARAM_W4, 0.6, &x, &y);
  bp_network_diagram_hover (diagram, x, y);
  g_assert_cmpint (bp_network_diagram_get_hover (diagram), ==, BP_PARAM_W4);
  bp_network_diagram_hover (diagram, -1, -1);
  g_assert_cmpint (bp_network_diagram_get_hover (diagram), ==, -1);

  g_clear_pointer (&w5, g_free);
  g_action_group_activate_action (G_ACTION_GROUP (window), "win.show-values", NULL);
  bp_network_diagram_set_show_values (diagram, TRUE);
  w5 = bp_network_diagram_dup_label (diagram, BP_PARAM_W5);
  g_assert_true (g_str_has_prefix (w5, "w<sub>5</sub> = "));
  ui_test_destroy_window (window);
}

/* Each hidden neuron shows its sigmoid's slope for the person shown;
 * with raw pounds and inches the neurons saturate and it is nearly 0. */
static void
test_diagram_slopes (void)
{
  BpWindow *window = ui_test_new_window ();
  BpNetworkDiagram *diagram = bp_window_get_network_diagram (window);
  g_autofree char *expected = NULL, *label = NULL, *slope = NULL, *raw = NULL;
  BpExplain f;

  show_page (window, "network");
  g_assert_true (bp_network_diagram_get_activations (diagram, &f));
  slope = bp_format_significant (f.h1 * (1 - f.h1), 3);
  expected = g_strdup_printf ("h<sub>1</sub> <span size='small'>f′ = %s</span>", slope);
  label = bp_network_diagram_dup_neuron_label (diagram, BP_NEURON_H1);
  g_assert_cmpstr (label, ==, expected);
  g_clear_pointer (&label, g_free);
  label = bp_network_diagram_dup_neuron_label (diagram, BP_NEURON_O1);
  g_assert_null (strstr (label, "f′"));

  bp_training_form_set_normalize (bp_window_get_training_form (window), BP_NORMALIZE_NONE);
  drain ();
  g_assert_true (bp_network_diagram_get_activations (diagram, &f));
  g_assert_cmpfloat (fabs (f.sum_h1), >, 100);
  g_assert_cmpfloat (f.h1 * (1 - f.h1), <, 1e-20);
  /* As training computes it, f (1 − f): 0 once f rounds to 1. */
  g_clear_pointer (&slope, g_free);
  g_clear_pointer (&expected, g_free);
  slope = bp_format_significant (f.h1 * (1 - f.h1), 3);
  expected = g_strdup_printf ("h<sub>1</sub> <span size='small'>f′ = %s</span>", slope);
  raw = bp_network_diagram_dup_neuron_label (diagram, BP_NEURON_H1);
  g_assert_cmpstr (raw, ==, expected);
  ui_test_destroy_window (window);
}

/* The views follow the run epoch by epoch and person by person, and at
 * the end the boundary lies between the F and the M people. */
static void
test_follow_training (void)
{
  BpWindow *window = ui_test_new_window ();
  BpDecisionMap *map = bp_window_get_decision_map (window);
  BpExplainPanel *panel = bp_window_get_explain_panel (window);
  BpParams expected = seed_params (1);
  BpProgress progress;
  guint renders;
  guint person;
  BpExplain e;

  show_page (window, "map");
  renders = bp_decision_map_get_n_renders (map);
  g_assert_cmpuint (renders, >, 0);

  ui_test_activate (window, "step-epoch");
  wait_for (window, 1, 0);
  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    bp_network_step (&expected, seed_x0[i], seed_x1[i], seed_y[i], 0.1);
  assert_views_show (window, &expected);
  while (bp_decision_map_get_n_renders (map) == renders)
    g_main_context_iteration (NULL, TRUE);
  renders = bp_decision_map_get_n_renders (map);
  g_assert_false (bp_decision_map_get_editable (map));

  /* One person: Alice's step, and the explanation moves on to Bob. */
  g_assert_true (ui_test_action_enabled (window, "step-person"));
  ui_test_activate (window, "step-person");
  wait_for (window, 1, 1);
  bp_network_step (&expected, seed_x0[0], seed_x1[0], seed_y[0], 0.1);
  assert_views_show (window, &expected);
  g_assert_cmpuint (bp_explain_panel_get_next (panel), ==, 1);
  g_assert_true (bp_explain_panel_get_explain (panel, &person, &e));
  g_assert_cmpuint (person, ==, 1);
  g_assert_cmpfloat (e.x0, ==, 25);

  /* "One epoch" finishes the epoch under way. */
  ui_test_activate (window, "step-epoch");
  wait_for (window, 2, 0);
  for (guint i = 1; i < N_SEED_PEOPLE; i++)
    bp_network_step (&expected, seed_x0[i], seed_x1[i], seed_y[i], 0.1);
  assert_views_show (window, &expected);
  while (bp_decision_map_get_n_renders (map) == renders)
    g_main_context_iteration (NULL, TRUE);

  g_action_group_change_action_state (G_ACTION_GROUP (window), "pause", g_variant_new_boolean (FALSE));
  progress = ui_test_run_until_done (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  drain ();
  assert_views_show (window, &progress.params);
  g_assert_true (bp_decision_map_get_editable (map));
  /* The boundary settled between them: F dots on the F side. */
  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    {
      double x, y, out;

      bp_decision_map_person_position (map, FALSE, i, &x, &y);
      out = bp_decision_map_output_at (map, x, y);
      g_assert_cmpfloat (seed_y[i] == 1 ? out : 1 - out, >, 0.5);
    }
  g_assert_cmpuint (bp_decision_map_get_n_boundary_segments (map), >, 0);
  /* The heat map's samples are the network's outputs there. */
  for (guint column = 0; column < 400; column += 7)
    for (guint row = 0; row < 200; row += 5)
      {
        double x, y, out;

        if (bp_decision_map_get_sample (map, column, row, &x, &y, &out))
          g_assert_cmpfloat_with_epsilon (out, bp_decision_map_output_at (map, x, y), 1e-12);
      }
  g_assert_false (bp_decision_map_get_sample (map, 100000, 0, &(double) { 0 }, &(double) { 0 }, &(double) { 0 }));

  /* Redrawing without new parameters samples nothing again. */
  renders = bp_decision_map_get_n_renders (map);
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (map));
      drain ();
    }
  g_assert_cmpuint (bp_decision_map_get_n_renders (map), ==, renders);
  ui_test_destroy_window (window);
}

/* ---- editing on the diagram ---------------------------------------------------- */

static void
click_param (BpNetworkDiagram *diagram,
             BpParam           param)
{
  BpDiagramLayout l;
  double x, y;

  bp_network_diagram_get_layout (diagram, &l);
  if (param <= BP_PARAM_W6)
    bp_diagram_edge_point (&l, param, bp_diagram_label_position (param), &x, &y);
  else
    {
      BpNeuron n = bp_diagram_bias_neuron (param);

      x = l.x[n];
      y = l.y[n];
    }
  g_assert_true (bp_network_diagram_click (diagram, x, y));
  g_assert_cmpint (bp_network_diagram_get_editing (diagram), ==, param);
  g_assert_cmpint (bp_network_diagram_get_selected (diagram), ==, param);
}

static void
type_and_enter (GtkEditable *entry,
                const char  *text)
{
  ui_test_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  drain ();
}

/* A typed value, strictly read, becomes the next run's start; undo and
 * redo take it back and forth; a new seed drops it. */
static void
test_diagram_edit (void)
{
  BpWindow *window = ui_test_new_window ();
  BpNetworkDiagram *diagram = bp_window_get_network_diagram (window);
  GtkEditable *entry = bp_network_diagram_get_edit_entry (diagram);
  const char *bad[] = { "abc", "", "1e999", "nan", "0x10", "1,5" };
  BpParams seed = seed_params (1);
  BpParams edited = seed;
  BpParams after_epoch;
  BpProgress progress;

  show_page (window, "network");
  click_param (diagram, BP_PARAM_B3);
  /* The current value, exactly. */
  g_assert_cmpfloat (g_ascii_strtod (gtk_editable_get_text (entry), NULL), ==, seed.b3);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      type_and_enter (entry, bad[i]);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
      g_assert_cmpint (bp_network_diagram_get_editing (diagram), ==, BP_PARAM_B3);
      assert_window_params (window, &seed);
    }
  type_and_enter (entry, "-0.25");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpint (bp_network_diagram_get_editing (diagram), ==, -1);
  edited.b3 = -0.25;
  /* The seed is not what the next run starts from, and both the form and
   * the status say so. */
  g_assert_false (bp_training_form_get_seed_in_use (bp_window_get_training_form (window)));
  g_assert_nonnull (strstr (bp_window_get_hint_text (window), "not from seed 1"));
  progress = ui_test_progress (window);
  assert_params_equal (&progress.params, &edited);
  assert_views_show (window, &edited);
  g_assert_true (ui_test_action_enabled (window, "undo"));

  click_param (diagram, BP_PARAM_W1);
  type_and_enter (entry, "2");
  edited.w1 = 2;
  assert_window_params (window, &edited);

  /* Undo, undo, redo. */
  ui_test_activate (window, "undo");
  edited.w1 = seed.w1;
  assert_window_params (window, &edited);
  ui_test_activate (window, "undo");
  assert_window_params (window, &seed);
  g_assert_false (ui_test_action_enabled (window, "undo"));
  ui_test_activate (window, "redo");
  assert_window_params (window, &edited);
  g_assert_true (ui_test_action_enabled (window, "redo"));

  /* Training starts from the edited parameters; while it is live,
   * neither editing nor undo. */
  ui_test_activate (window, "step-epoch");
  wait_for (window, 1, 0);
  after_epoch = edited;
  for (guint i = 0; i < N_SEED_PEOPLE; i++)
    bp_network_step (&after_epoch, seed_x0[i], seed_x1[i], seed_y[i], 0.1);
  assert_window_params (window, &after_epoch);
  g_assert_false (bp_network_diagram_click (diagram, 10, 10));
  g_assert_false (bp_network_diagram_edit (diagram, BP_PARAM_W2));
  g_assert_false (ui_test_action_enabled (window, "undo"));
  g_assert_false (ui_test_action_enabled (window, "worked-example"));
  ui_test_activate (window, "stop");
  drain ();

  /* A new seed is a new start: the edits are gone. */
  ui_test_activate (window, "reset");
  assert_window_params (window, &edited);
  bp_training_form_set_seed (bp_window_get_training_form (window), 2);
  drain ();
  seed = seed_params (2);
  assert_window_params (window, &seed);
  g_assert_true (bp_training_form_get_seed_in_use (bp_window_get_training_form (window)));
  g_assert_null (strstr (bp_window_get_hint_text (window), "seed"));
  ui_test_destroy_window (window);
}

/* Issue #14, bug 1: an edit on a finished run, undone, brings back the
 * trained parameters as the next run's start; the form and the status say
 * that the seed is not used, and a lesson saved then and reopened says so
 * too. */
static void
test_edit_finished_undo (void)
{
  BpWindow *window = ui_test_new_window ();
  BpNetworkDiagram *diagram = bp_window_get_network_diagram (window);
  BpTrainingForm *form = bp_window_get_training_form (window);
  g_autoptr(BpSession) session = NULL;
  BpWindow *reopened;
  BpProgress trained;

  ui_test_activate (window, "train");
  trained = ui_test_run_until_done (window);
  g_assert_true (bp_training_form_get_seed_in_use (form));
  show_page (window, "network");
  click_param (diagram, BP_PARAM_W1);
  type_and_enter (bp_network_diagram_get_edit_entry (diagram), "2");
  ui_test_activate (window, "undo");
  drain ();
  assert_window_params (window, &trained.params);
  g_assert_false (bp_training_form_get_seed_in_use (form));
  g_assert_nonnull (strstr (bp_window_get_hint_text (window), "not from seed 1"));

  session = bp_window_dup_session (window, NULL);
  g_assert_false (session->has_seed);
  reopened = ui_test_new_window ();
  bp_window_set_session (reopened, session);
  drain ();
  g_assert_false (bp_training_form_get_seed_in_use (bp_window_get_training_form (reopened)));
  g_assert_nonnull (strstr (bp_window_get_hint_text (reopened), "not from seed"));
  ui_test_destroy_window (reopened);
  ui_test_destroy_window (window);
}

/* What the diagram's own key bindings do with @key (as
 * gtk_accelerator_parse() reads it): TRUE when a binding took it, FALSE
 * when the key goes on to the window, as GTK's shortcut controllers do. */
static gboolean
press (GtkWidget  *widget,
       const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, key))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static gboolean
paused (BpWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "pause");

  return g_variant_get_boolean (state);
}

/* The keyboard's way to the same editor: the focused diagram has a
 * selected parameter, which the arrow keys move (round from b3 to w1) and
 * Enter edits; while training, Enter does nothing. */
static void
test_diagram_keyboard (void)
{
  BpWindow *window = ui_test_new_window ();
  BpNetworkDiagram *diagram = bp_window_get_network_diagram (window);
  GtkEditable *entry = bp_network_diagram_get_edit_entry (diagram);
  BpParams edited = seed_params (1);
  g_autofree char *label = NULL;

  show_page (window, "network");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (diagram)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (diagram)));
  g_assert_cmpint (bp_network_diagram_get_selected (diagram), ==, BP_PARAM_W1);
  g_assert_true (press (GTK_WIDGET (diagram), "Left"));
  g_assert_cmpint (bp_network_diagram_get_selected (diagram), ==, BP_PARAM_B3);
  g_assert_true (press (GTK_WIDGET (diagram), "Right"));
  g_assert_true (press (GTK_WIDGET (diagram), "Down"));
  g_assert_cmpint (bp_network_diagram_get_selected (diagram), ==, BP_PARAM_W2);
  gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.select", "i", -20);
  g_assert_cmpint (bp_network_diagram_get_selected (diagram), ==, BP_PARAM_B3);
  gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.select", "i", 2);
  g_assert_cmpint (bp_network_diagram_get_selected (diagram), ==, BP_PARAM_W2);
  /* Space stays the window's, to pause and resume. */
  g_assert_false (press (GTK_WIDGET (diagram), "space"));
  /* Selected in the focused diagram: its value is written out, and said. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (diagram)));
  label = bp_network_diagram_dup_label (diagram, BP_PARAM_W2);
  g_assert_nonnull (strstr (label, " = "));

  g_assert_true (press (GTK_WIDGET (diagram), "Return"));
  g_assert_cmpint (bp_network_diagram_get_editing (diagram), ==, BP_PARAM_W2);
  type_and_enter (entry, "1.5");
  edited.w2 = 1.5;
  assert_window_params (window, &edited);

  /* While a run is live, Enter is not the diagram's: it goes on. */
  ui_test_activate (window, "step-epoch");
  wait_for (window, 1, 0);
  g_assert_false (press (GTK_WIDGET (diagram), "Return"));
  g_assert_false (press (GTK_WIDGET (diagram), "F2"));
  g_assert_cmpint (bp_network_diagram_get_editing (diagram), ==, -1);
  /* Space resumes the paused run with the diagram focused, as with no
   * focus at all; a field with the focus types it instead. */
  g_assert_true (paused (window));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (
    bp_prediction_panel_get_classify_entry (bp_window_get_prediction_panel (window), FALSE))));
  g_assert_false (press (GTK_WIDGET (window), "space"));
  g_assert_true (paused (window));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (diagram)));
  g_assert_true (press (GTK_WIDGET (window), "space"));
  g_assert_false (paused (window));
  ui_test_activate (window, "stop");
  drain ();
  ui_test_destroy_window (window);
}

/* ---- the decision map ------------------------------------------------------------ */

static void
get_person (BpWindow *window,
            guint     index,
            double   *weight_lb,
            double   *height_in)
{
  g_autoptr(BpPeople) people = bp_lesson_dup_people (bp_window_get_lesson (window));

  g_assert_nonnull (people);
  *weight_lb = bp_people_get (people, index)->weight_lb;
  *height_in = bp_people_get (people, index)->height_in;
}

/* A click classifies the point, in whole units; the marker follows the
 * classify box. */
static void
test_map_click (void)
{
  BpWindow *window = ui_test_new_window ();
  BpDecisionMap *map = bp_window_get_decision_map (window);
  BpPredictionPanel *panel = bp_window_get_prediction_panel (window);
  BpMapFrame f;
  double px, py, w, h;

  show_page (window, "map");
  /* A click takes the focus from the field that had it, so that Ctrl+Z
   * goes to the window's undo rather than the field's. */
  gtk_widget_grab_focus (GTK_WIDGET (bp_prediction_panel_get_classify_entry (panel, FALSE)));
  bp_decision_map_get_frame (map, &f);
  bp_map_frame_to_px (&f, 141.3, 68.8, &px, &py);
  bp_decision_map_drag (map, px, py, px, py);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (map)));
  g_assert_true (bp_prediction_panel_get_classify_point (panel, &w, &h));
  g_assert_cmpfloat (w, ==, 141);
  g_assert_cmpfloat (h, ==, 69);

  /* In kg and cm, whole kilograms and centimetres. */
  bp_people_editor_set_units (bp_window_get_people_editor (window), BP_UNITS_KG_CM);
  drain ();
  g_assert_cmpint (bp_decision_map_get_units (map), ==, BP_UNITS_KG_CM);
  bp_decision_map_get_frame (map, &f);
  bp_map_frame_to_px (&f, 61.2, 170.4, &px, &py);
  bp_decision_map_drag (map, px, py, px, py);
  g_assert_true (bp_prediction_panel_get_classify_point (panel, &w, &h));
  g_assert_cmpfloat_with_epsilon (w, 61 / BP_KG_PER_LB, 1e-9);
  g_assert_cmpfloat_with_epsilon (h, 170 / BP_CM_PER_IN, 1e-9);
  ui_test_destroy_window (window);
}

/* Dragging Bob moves him in the people editor, undoably; not while a
 * run is live. */
static void
test_map_drag (void)
{
  BpWindow *window = ui_test_new_window ();
  BpDecisionMap *map = bp_window_get_decision_map (window);
  BpMapFrame f;
  double x, y, tx, ty, w, h;

  show_page (window, "map");
  bp_decision_map_get_frame (map, &f);
  g_assert_true (bp_decision_map_person_position (map, FALSE, 1, &x, &y));
  bp_map_frame_to_px (&f, 150.2, 62.9, &tx, &ty);
  bp_decision_map_drag (map, x, y, tx, ty);
  drain ();
  get_person (window, 1, &w, &h);
  g_assert_cmpfloat (w, ==, 150);
  g_assert_cmpfloat (h, ==, 63);
  g_assert_cmpstr (gtk_editable_get_text (ui_test_person_entry (window, 1, BP_PERSON_COLUMN_WEIGHT)), ==, "150");
  g_assert_cmpstr (ui_test_person_inputs (window, 1),
                   ==, "15, −3");

  ui_test_activate (window, "undo");
  get_person (window, 1, &w, &h);
  g_assert_cmpfloat (w, ==, 160);
  g_assert_cmpfloat (h, ==, 72);
  ui_test_activate (window, "redo");
  get_person (window, 1, &w, &h);
  g_assert_cmpfloat (w, ==, 150);

  /* A short drag is a click: nobody moves. */
  bp_decision_map_person_position (map, FALSE, 0, &x, &y);
  bp_decision_map_drag (map, x, y, x + 1, y + 1);
  get_person (window, 0, &w, &h);
  g_assert_cmpfloat (w, ==, 133);

  ui_test_activate (window, "step-epoch");
  wait_for (window, 1, 0);
  bp_decision_map_person_position (map, FALSE, 0, &x, &y);
  bp_decision_map_drag (map, x, y, tx, ty);
  drain ();
  get_person (window, 0, &w, &h);
  g_assert_cmpfloat (w, ==, 133);
  g_assert_cmpfloat (h, ==, 65);
  ui_test_destroy_window (window);
}

/* ---- the explanation -------------------------------------------------------------- */

static JsonObject *
run_cli_explain (JsonParser  *parser,
                 const char  *init,
                 const char  *person,
                 const char  *learning_rate)
{
  const char *cli = g_getenv ("BACKPROP_CLI");
  const char *argv[] = { cli, "explain", "--init", init, "--person", person,
                         "--learning-rate", learning_rate, "--json", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static double
member_number (JsonObject *o,
               const char *key)
{
  JsonNode *node = json_object_get_member (o, key);

  g_assert_nonnull (node);
  return json_node_get_double (node);
}

static void
assert_same (double      got,
             double      expected,
             const char *what)
{
  if (memcmp (&got, &expected, sizeof got) != 0)
    g_error ("%s: the panel has %.17g, backprop-cli %.17g", what, got, expected);
}

#define COMPARE(field) assert_same (e->field, member_number (o, #field), #field);

/* The panel's step is backprop-cli's, number for number. */
static void
assert_same_as_cli (const BpExplain *e,
                    const BpParams  *params,
                    const char      *person)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *init = NULL;
  char lr[G_ASCII_DTOSTR_BUF_SIZE];
  JsonObject *o, *gradient, *after;

  init = g_strdup_printf ("%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g",
                          params->w1, params->w2, params->w3, params->w4, params->w5,
                          params->w6, params->b1, params->b2, params->b3);
  g_ascii_dtostr (lr, sizeof lr, e->learning_rate);
  o = run_cli_explain (parser, init, person, lr);
  COMPARE (sum_h1) COMPARE (h1) COMPARE (sum_h2) COMPARE (h2) COMPARE (sum_o1) COMPARE (o1)
  COMPARE (loss) COMPARE (d_L_d_ypred) COMPARE (d_ypred_d_w5) COMPARE (d_ypred_d_w6)
  COMPARE (d_ypred_d_b3) COMPARE (d_ypred_d_h1) COMPARE (d_ypred_d_h2) COMPARE (d_h1_d_w1)
  COMPARE (d_h1_d_w2) COMPARE (d_h1_d_b1) COMPARE (d_h2_d_w3) COMPARE (d_h2_d_w4) COMPARE (d_h2_d_b2)
  gradient = json_object_get_object_member (o, "gradient");
  after = json_object_get_object_member (o, "parameters_after");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      assert_same (bp_params_get (&e->gradient, i), member_number (gradient, bp_param_name (i)), "gradient");
      assert_same (bp_params_get (&e->after, i), member_number (after, bp_param_name (i)), "after");
    }
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in “%s”", part, text);
}

/* The worked example shows the seeds' published numbers, as the seeds
 * work them out; the numbers underneath are backprop-cli's. */
static void
test_worked_example (void)
{
  BpWindow *window = ui_test_new_window ();
  BpExplainPanel *panel = bp_window_get_explain_panel (window);
  BpExplain e, core;
  guint person;

  bp_training_form_set_normalize (bp_window_get_training_form (window), BP_NORMALIZE_STANDARD);
  g_assert_true (ui_test_action_enabled (window, "worked-example"));
  ui_test_activate (window, "worked-example");
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (bp_window_get_views (window)), ==, "explain");
  while (!gtk_widget_get_mapped (GTK_WIDGET (panel)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (bp_training_form_get_normalize (bp_window_get_training_form (window)), ==,
                   BP_NORMALIZE_SEED);
  assert_window_params (window, &worked_example);
  g_assert_cmpint (bp_explain_panel_get_person (panel), ==, 0);

  g_assert_true (bp_explain_panel_get_explain (panel, &person, &e));
  g_assert_cmpuint (person, ==, 0);
  bp_network_explain (&worked_example, -2, -1, 1, 0.1, &core);
  g_assert_cmpmem (&e, sizeof e, &core, sizeof core);
  assert_same_as_cli (&e, &worked_example, "Alice");

  assert_contains (bp_explain_panel_get_text (panel, "subject"), "Alice");
  assert_contains (bp_explain_panel_get_text (panel, "forward"), "h1 = f(sumh1) = f(−3) = 0.0474");
  assert_contains (bp_explain_panel_get_text (panel, "forward"), "= f(0.0948) = 0.524");
  assert_contains (bp_explain_panel_get_text (panel, "loss"), "(1 − 0.524)2 = 0.227");
  assert_contains (bp_explain_panel_get_text (panel, "partials"), "= −2 × (1 − 0.524) = −0.952");
  assert_contains (bp_explain_panel_get_text (panel, "partials"), "∂ypred/∂h1 = w5 · f′(sumo1) = 1 × 0.249 = 0.249");
  assert_contains (bp_explain_panel_get_text (panel, "partials"), "∂h1/∂w1 = x0 · f′(sumh1) = −2 × 0.0452 = −0.0904");
  assert_contains (bp_explain_panel_get_text (panel, "chain"),
                   "∂L/∂w1 = ∂L/∂ypred · ∂ypred/∂h1 · ∂h1/∂w1 = −0.952 × 0.249 × (−0.0904) = 0.0214");
  assert_contains (bp_explain_panel_get_text (panel, "chain"), "w1 ← w1 − η · ∂L/∂w1 = 1 − 0.1 × 0.0214 = 0.99786");
  assert_contains (bp_explain_panel_get_text (panel, "chain"), "∂L/∂b3 = ∂L/∂ypred · ∂ypred/∂b3");

  /* Exact values: the doubles themselves, in the shortest decimals that
   * read back as them (the CLI's %.17g of the same numbers). */
  bp_explain_panel_set_exact (panel, TRUE);
  assert_contains (bp_explain_panel_get_text (panel, "partials"), "= −0.9526096518320006\n");
  assert_contains (bp_explain_panel_get_text (panel, "chain"), "= 0.02146953526581111\n");

  /* The gradient check beside it. */
  bp_explain_panel_set_show_check (panel, TRUE);
  assert_contains (bp_explain_panel_get_text (panel, "check-backprop"), "0.021469535");
  assert_contains (bp_explain_panel_get_text (panel, "check-numeric"), "0.021469535");
  assert_contains (bp_explain_panel_get_text (panel, "check-relative"), "×10⁻¹¹");

  /* Stepping on from the example trains Alice, then the explanation is
   * of Bob, whom the next step trains. */
  ui_test_activate (window, "step-person");
  wait_for (window, 0, 1);
  g_assert_cmpint (bp_explain_panel_get_person (panel), ==, BP_EXPLAIN_NEXT_IN_ORDER);
  g_assert_true (bp_explain_panel_get_explain (panel, &person, &e));
  g_assert_cmpuint (person, ==, 1);
  assert_contains (bp_explain_panel_get_text (panel, "subject"), "Bob");
  ui_test_destroy_window (window);
}

/* "Apply This Step" is training's own step on the shown person; in
 * "Next in Order" the panel then moves on to the next person. */
static void
test_apply_step (void)
{
  BpWindow *window = ui_test_new_window ();
  BpExplainPanel *panel = bp_window_get_explain_panel (window);
  BpParams expected = worked_example;
  BpGradientCheck check;
  BpExplain e;
  guint person;

  ui_test_activate (window, "worked-example");
  show_page (window, "explain");
  gtk_widget_activate_action (GTK_WIDGET (panel), "explain.apply", NULL);
  drain ();
  bp_network_step (&expected, -2, -1, 1, 0.1);
  assert_window_params (window, &expected);
  assert_views_show (window, &expected);
  /* Alice was picked by name: she stays. */
  g_assert_true (bp_explain_panel_get_explain (panel, &person, &e));
  g_assert_cmpuint (person, ==, 0);

  bp_explain_panel_set_person (panel, BP_EXPLAIN_NEXT_IN_ORDER);
  for (guint i = 0; i < N_SEED_PEOPLE + 1; i++)
    {
      guint k = i % N_SEED_PEOPLE;

      g_assert_true (bp_explain_panel_get_explain (panel, &person, &e));
      g_assert_cmpuint (person, ==, k);
      assert_same_as_cli (&e, &expected, (const char *[]) { "Alice", "Bob", "Charlie", "Diana" }[k]);
      g_assert_true (bp_explain_panel_get_check (panel, &check));
      for (guint j = 0; j < BP_N_PARAMS; j++)
        g_assert_cmpfloat (bp_params_get (&check.relative_difference, j), <, 1e-6);
      gtk_widget_activate_action (GTK_WIDGET (panel), "explain.apply", NULL);
      drain ();
      bp_network_step (&expected, seed_x0[k], seed_x1[k], seed_y[k], 0.1);
      assert_window_params (window, &expected);
    }

  /* Each step undoes on its own, back to the worked example. */
  for (guint i = 0; i < N_SEED_PEOPLE + 2; i++)
    ui_test_activate (window, "undo");
  assert_window_params (window, &worked_example);
  ui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/views/pages", test_pages);
  g_test_add_func ("/views/diagram/labels", test_diagram_labels);
  g_test_add_func ("/views/diagram/slopes", test_diagram_slopes);
  g_test_add_func ("/views/diagram/edit", test_diagram_edit);
  g_test_add_func ("/views/diagram/edit-finished-undo", test_edit_finished_undo);
  g_test_add_func ("/views/diagram/keyboard", test_diagram_keyboard);
  g_test_add_func ("/views/follow-training", test_follow_training);
  g_test_add_func ("/views/map/click", test_map_click);
  g_test_add_func ("/views/map/drag", test_map_drag);
  g_test_add_func ("/views/explain/worked-example", test_worked_example);
  g_test_add_func ("/views/explain/apply-step", test_apply_step);
  return g_test_run ();
}
