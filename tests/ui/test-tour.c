/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tour.c: the guided tour, driven through its actions
 *
 * From the first neuron to Emily and Frank and back: each step shows its
 * page, puts its parameters and people on the window and shows the
 * numbers the core computes (never numbers typed here); leaving keeps
 * what is on show.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bp-format.h"
#include "bp-tour.h"
#include "bp-window-tour.h"
#include "ui-utils.h"

static const char *
page (BpWindow *window)
{
  return gtk_stack_get_visible_child_name (bp_window_get_views (window));
}

static const char *
text (BpWindow *window)
{
  return bp_tour_panel_get_text (bp_window_get_tour_panel (window));
}

static guint
step (BpWindow *window)
{
  return bp_tour_panel_get_step (bp_window_get_tour_panel (window));
}

/* @value as the window writes it, every digit or @digits of them. */
static void
assert_shows (BpWindow *window,
              double    value,
              int       digits)
{
  g_autofree char *shown = digits == 0 ? bp_format_exact (value)
                                       : bp_format_significant (value, digits);

  if (strstr (text (window), shown) == NULL)
    g_error ("step %u does not show %s: %s", step (window) + 1, shown, text (window));
}

static void
assert_params (BpWindow       *window,
               const BpParams *expected)
{
  BpParams shown;

  bp_network_diagram_get_params (bp_window_get_network_diagram (window), &shown);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    g_assert_cmpfloat (bp_params_get (&shown, i), ==, bp_params_get (expected, i));
}

/* The diagram's neurons show @e's forward pass, on its inputs. */
static void
assert_diagram_shows (BpWindow        *window,
                      const BpExplain *e)
{
  BpExplain shown;

  g_assert_true (bp_network_diagram_get_activations (bp_window_get_network_diagram (window),
                                                     &shown));
  g_assert_cmpfloat (shown.x0, ==, e->x0);
  g_assert_cmpfloat (shown.x1, ==, e->x1);
  g_assert_cmpfloat (shown.h1, ==, e->h1);
  g_assert_cmpfloat (shown.h2, ==, e->h2);
  g_assert_cmpfloat (shown.o1, ==, e->o1);
}

static void
next (BpWindow *window)
{
  ui_test_activate (window, "tour-next");
  ui_test_wait_frame (GTK_WIDGET (window));
}

static BpDataset *
seed_dataset (BpNormalize mode,
              BpNormalizer *norm)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();

  bp_normalizer_init (norm, mode, people);
  return bp_people_to_dataset (people, norm);
}

/* Waits until the training step has shown how its run ended. */
static void
wait_console_ends (BpWindow *window)
{
  BpTourPanel *panel = bp_window_get_tour_panel (window);

  ui_test_run_until_done (window);
  while (bp_tour_panel_get_console (panel) == NULL ||
         strstr (bp_tour_panel_get_console (panel), "Frank: ") == NULL)
    g_main_context_iteration (NULL, TRUE);
  ui_test_wait_frame (GTK_WIDGET (window));
}

/* The seeds' console of a run of @mode from seed 1, then Emily and Frank
 * as the seeds print them. */
static char *
expected_console (BpNormalize mode)
{
  BpNormalizer norm;
  g_autoptr(BpDataset) data = seed_dataset (mode, &norm);
  g_autoptr(GArray) lines = NULL;
  g_autofree char *console = NULL;
  char emily[G_ASCII_DTOSTR_BUF_SIZE], frank[G_ASCII_DTOSTR_BUF_SIZE];
  BpParams initial, final;

  bp_params_from_seed (&initial, 1);
  lines = bp_tour_train_console (&initial, data, 0.1, 1000, 10, &final);
  console = bp_tour_format_console (lines, 1000);
  g_ascii_formatd (emily, sizeof emily, "%.3f",
                   bp_tour_classify (&final, &norm, BP_TOUR_EMILY_WEIGHT, BP_TOUR_EMILY_HEIGHT));
  g_ascii_formatd (frank, sizeof frank, "%.3f",
                   bp_tour_classify (&final, &norm, BP_TOUR_FRANK_WEIGHT, BP_TOUR_FRANK_HEIGHT));
  return g_strdup_printf ("%s\nEmily: %s\nFrank: %s", console, emily, frank);
}

static void
test_whole_tour (void)
{
  BpWindow *window = ui_test_new_window ();
  BpTourPanel *panel = bp_window_get_tour_panel (window);
  BpNormalizer norm;
  g_autoptr(BpDataset) data = seed_dataset (BP_NORMALIZE_SEED, &norm);
  g_autofree char *console = NULL;
  BpParams p, seed1;
  BpExplain e;
  BpWorkedStep s;
  BpProgress progress;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_false (ui_test_action_enabled (window, "tour-next"));
  bp_params_from_seed (&seed1, 1);

  /* 1. One neuron: f(7) = 0.9990889488055994. */
  ui_test_activate (window, "tour");
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_cmpuint (step (window), ==, 0);
  g_assert_cmpstr (page (window), ==, "network");
  g_assert_false (ui_test_action_enabled (window, "tour-previous"));
  bp_tour_neuron_params (&p);
  bp_tour_forward (&p, &e);
  assert_params (window, &p);
  assert_shows (window, e.sum_h1, 0);
  assert_shows (window, e.h1, 0);
  g_assert_nonnull (strstr (text (window), "0.9990889488055994"));
  assert_diagram_shows (window, &e);

  /* 2. The network: h1 = h2 = 0.9526, o1 = 0.7216325609518421. */
  next (window);
  g_assert_cmpuint (step (window), ==, 1);
  g_assert_cmpstr (page (window), ==, "network");
  bp_tour_network_params (&p);
  bp_tour_forward (&p, &e);
  assert_params (window, &p);
  assert_shows (window, e.h1, 4);
  assert_shows (window, e.o1, 0);
  g_assert_nonnull (strstr (text (window), "0.7216325609518421"));
  assert_diagram_shows (window, &e);

  /* 3. The data: the four people and their inputs. */
  next (window);
  g_assert_cmpstr (page (window), ==, "map");
  g_assert_cmpint (bp_training_form_get_normalize (bp_window_get_training_form (window)), ==,
                   BP_NORMALIZE_SEED);
  for (guint i = 0; i < data->n; i++)
    {
      assert_shows (window, data->x0[i], 0);
      assert_shows (window, data->x1[i], 0);
    }
  g_assert_nonnull (strstr (text (window), "Diana"));
  g_assert_null (bp_network_diagram_get_input_name (bp_window_get_network_diagram (window)));

  /* 4. The loss: "always 0" has 0.5, the seed's network its own. */
  next (window);
  g_assert_cmpstr (page (window), ==, "loss");
  assert_params (window, &seed1);
  assert_shows (window, bp_tour_constant_mse (data, 0), 0);
  assert_shows (window, bp_network_loss (&seed1, data), 3);

  /* 5. Backpropagation: the Explain panel's worked example. */
  next (window);
  g_assert_cmpstr (page (window), ==, "explain");
  g_assert_true (bp_explain_panel_get_explain (bp_window_get_explain_panel (window), NULL, &e));
  bp_worked_step_by_hand (&e, &s);
  bp_tour_example_params (&p);
  assert_params (window, &p);
  assert_shows (window, s.h1, 3);
  assert_shows (window, s.o1, 3);
  assert_shows (window, s.d_L_d_ypred, 3);
  assert_shows (window, s.d_ypred_d_h1, 3);
  assert_shows (window, s.d_h1_d_w1, 3);
  assert_shows (window, s.gradient.w1, 3);

  /* 6. One SGD step, every parameter. */
  next (window);
  g_assert_cmpstr (page (window), ==, "explain");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    assert_shows (window, bp_params_get (&s.after, i), 6);

  /* 7. Training: the console is the core's, then Emily and Frank. */
  next (window);
  g_assert_cmpstr (page (window), ==, "loss");
  g_assert_nonnull (bp_tour_panel_get_console (panel));
  wait_console_ends (window);
  progress = ui_test_progress (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  console = expected_console (BP_NORMALIZE_SEED);
  g_assert_cmpstr (bp_tour_panel_get_console (panel), ==, console);
  assert_shows (window, progress.loss, 3);
  {
    g_autofree char *emily = g_strdup_printf ("Emily: %.3f",
                                              bp_tour_classify (&progress.params, &norm,
                                                                BP_TOUR_EMILY_WEIGHT,
                                                                BP_TOUR_EMILY_HEIGHT));

    g_assert_nonnull (strstr (text (window), emily));
  }
  g_assert_nonnull (strstr (text (window), "Frank"));
  g_clear_pointer (&console, g_free);

  /* 8. The same run on raw lb and in, beside the centred one. */
  next (window);
  g_assert_cmpstr (page (window), ==, "loss");
  g_assert_cmpint (bp_training_form_get_normalize (bp_window_get_training_form (window)), ==,
                   BP_NORMALIZE_NONE);
  wait_console_ends (window);
  console = expected_console (BP_NORMALIZE_NONE);
  g_assert_cmpstr (bp_tour_panel_get_console (panel), ==, console);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bp_window_get_runs (window))), >=, 1);
  g_assert_true (ui_test_action_enabled (window, "tour-previous"));

  /* Back to the first step, one at a time. */
  for (guint i = BP_TOUR_N_STEPS - 1; i > 0; i--)
    {
      g_assert_cmpuint (step (window), ==, i);
      ui_test_activate (window, "tour-previous");
      ui_test_wait_frame (GTK_WIDGET (window));
    }
  g_assert_cmpuint (step (window), ==, 0);
  g_assert_cmpstr (page (window), ==, "network");

  /* Next on the last step ends the tour. */
  for (guint i = 0; i < BP_TOUR_N_STEPS; i++)
    {
      if (step (window) == BP_TOUR_TRAINING || step (window) == BP_TOUR_CENTRING)
        wait_console_ends (window);
      next (window);
    }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_false (ui_test_action_enabled (window, "tour-next"));
  ui_test_destroy_window (window);
}

/* Leaving mid-way keeps the step's page, parameters and people. */
static void
test_leave_keeps_state (void)
{
  BpWindow *window = ui_test_new_window ();
  BpUndoStack *undo = bp_lesson_get_undo (bp_window_get_lesson (window));
  GtkWidget *panel = GTK_WIDGET (bp_window_get_tour_panel (window));
  GtkWidget *next_button;
  BpParams p;

  ui_test_activate (window, "tour");
  next (window);
  next (window);
  next (window);
  /* A keyboard user on Next gets the focus on the new step's text, which
   * a screen reader then reads. */
  next_button = gtk_widget_get_ancestor (ui_test_find_label (panel, "Next"), GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_grab_focus (next_button));
  next (window);
  g_assert_cmpuint (step (window), ==, BP_TOUR_BACKPROP);
  g_assert_true (GTK_IS_LABEL (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), panel));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_root_get_focus (GTK_ROOT (window)))), ==,
                   text (window));
  /* The tour says where the parameters come from; after it, the hint does. */
  g_assert_null (strstr (bp_window_get_hint_text (window), "parameters on show"));
  ui_test_activate (window, "tour-leave");
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_nonnull (strstr (bp_window_get_hint_text (window), "parameters on show"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bp_window_get_tour_panel (window))));
  g_assert_cmpstr (page (window), ==, "explain");
  bp_tour_example_params (&p);
  assert_params (window, &p);
  g_assert_false (ui_test_action_enabled (window, "tour-next"));
  g_assert_false (ui_test_action_enabled (window, "tour-previous"));
  /* Each step's edit is one for Undo: back to the seed's network. */
  g_assert_true (bp_undo_stack_get_can_undo (undo));
  ui_test_activate (window, "undo");
  bp_params_from_seed (&p, 1);
  assert_params (window, &p);

  /* The tour starts again from the first step. */
  ui_test_activate (window, "tour");
  g_assert_cmpuint (step (window), ==, 0);
  g_assert_cmpstr (page (window), ==, "network");
  ui_test_destroy_window (window);
}

/* Left at the first step, the diagram stays on x = [2, 3], the Network
 * page choosing nobody; choosing Alice, who was chosen before, shows her. */
static void
test_leave_on_given_inputs (void)
{
  BpWindow *window = ui_test_new_window ();
  BpNetworkDiagram *diagram = bp_window_get_network_diagram (window);
  GtkDropDown *people = bp_window_get_diagram_person (window);
  BpExplain shown;

  g_assert_nonnull (people);
  g_assert_cmpuint (gtk_drop_down_get_selected (people), ==, 0);
  ui_test_activate (window, "tour");
  ui_test_activate (window, "tour-leave");
  g_assert_nonnull (bp_network_diagram_get_input_name (diagram));
  g_assert_cmpuint (gtk_drop_down_get_selected (people), ==, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (people, 0);
  g_assert_null (bp_network_diagram_get_input_name (diagram));
  g_assert_true (bp_network_diagram_get_activations (diagram, &shown));
  g_assert_cmpfloat (shown.x0, ==, -2);
  g_assert_cmpfloat (shown.x1, ==, -1);
  ui_test_destroy_window (window);
}

/* Activates the window's shortcut for @keyval as a key press would;
 * FALSE when it lets the key go on to the focused widget. */
static gboolean
press (BpWindow *window,
       guint     keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window), NULL);
        }
    }
  g_assert_not_reached ();
}

/* Page Down and Page Up move through the tour while it is on, unless a
 * field has the focus; with the tour off they are left alone. */
static void
test_page_keys (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkEditable *rate = bp_training_form_get_learning_rate_entry (bp_window_get_training_form (window));

  g_assert_false (press (window, GDK_KEY_Page_Down));
  ui_test_activate (window, "tour");
  g_assert_true (press (window, GDK_KEY_Page_Down));
  g_assert_cmpuint (step (window), ==, 1);
  g_assert_true (press (window, GDK_KEY_Page_Up));
  g_assert_cmpuint (step (window), ==, 0);
  /* At the first step there is nothing before: the key is used up. */
  g_assert_true (press (window, GDK_KEY_Page_Up));
  g_assert_cmpuint (step (window), ==, 0);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (rate)));
  g_assert_false (press (window, GDK_KEY_Page_Down));
  g_assert_cmpuint (step (window), ==, 0);
  ui_test_activate (window, "tour-leave");
  gtk_widget_grab_focus (GTK_WIDGET (bp_window_get_train_button (window)));
  g_assert_false (press (window, GDK_KEY_Page_Down));
  ui_test_destroy_window (window);
}

/* In Chinese, the steps are in Chinese and the numbers the same. */
static void
test_chinese (void)
{
  const char *localedir = g_getenv ("BACKPROP_LOCALEDIR");
  BpWindow *window;
  BpTourPanel *panel;

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  window = ui_test_new_window ();
  panel = bp_window_get_tour_panel (window);
  ui_test_activate (window, "tour");
  g_assert_cmpstr (bp_tour_panel_get_title (panel), ==, "一个神经元");
  g_assert_nonnull (strstr (text (window), "神经元"));
  g_assert_nonnull (strstr (text (window), "0.9990889488055994"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (panel), "第 1 步，共 8 步"));
  next (window);
  next (window);
  g_assert_nonnull (strstr (text (window), "人物"));
  next (window);
  g_assert_nonnull (strstr (text (window), "损失"));
  ui_test_destroy_window (window);
  g_unsetenv ("LANGUAGE");
}

/* The label under @widget that has the CSS class @name, or NULL. */
static GtkLabel *
find_label_with_class (GtkWidget  *widget,
                       const char *name)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, name))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with_class (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Epoch 0 loss: 0.500" and on, @n lines. */
static char *
console_lines (guint n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%sEpoch %u loss: 0.%03u", i > 0 ? "\n" : "", 10 * i, 500 - i);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The console shows its last line whole, and its first line shown whole
 * too: scrolled to a line's top, not half a line under the card's
 * header. */
static void
assert_console_end_shown (GtkLabel *console)
{
  GtkScrolledWindow *scroller =
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (console), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (console));
  graphene_point_t origin;
  double top, bottom;
  PangoLayoutIter *iter = pango_layout_get_iter (gtk_label_get_layout (console));
  gboolean starts_at_line = FALSE;
  int y0, y1;

  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), <, gtk_adjustment_get_upper (adjustment));
  /* Where the label is, as drawn: the adjustment alone may be ahead of
   * it by a frame. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (console), viewport,
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));
  top = -origin.y;
  bottom = top + gtk_widget_get_height (viewport);
  do
    {
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (fabs (ceil ((double) y0 / PANGO_SCALE) - top) < 1)
        starts_at_line = TRUE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_test_message ("console shows %.1f to %.1f, its last line ends at %.1f", top, bottom,
                  (double) y1 / PANGO_SCALE);
  g_assert_cmpfloat ((double) y1 / PANGO_SCALE, <=, bottom + 0.5);
  g_assert_true (starts_at_line);
}

typedef struct
{
  BpTourPanel *panel;
  GtkLabel    *console;
  guint        n_lines;
  guint        first;    /* the lines before this feed */
  guint        last;
  gboolean     follows;
} Feed;

/* A line a frame, as a run prints them: at each frame the lines of the
 * last are on screen, the last one too when the console @follows. */
static gboolean
feed_line (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  Feed *feed = data;
  g_autofree char *lines = NULL;

  if (feed->follows && feed->n_lines > feed->first && feed->n_lines > 12)
    assert_console_end_shown (feed->console);
  if (feed->n_lines == feed->last)
    return G_SOURCE_REMOVE;
  lines = console_lines (++feed->n_lines);
  bp_tour_panel_set_console (feed->panel, lines);
  return G_SOURCE_CONTINUE;
}

static void
feed_lines (Feed  *feed,
            guint  last)
{
  feed->first = feed->n_lines;
  feed->last = last;
  gtk_widget_add_tick_callback (GTK_WIDGET (feed->panel), feed_line, feed, NULL);
  while (feed->n_lines < last)
    g_main_context_iteration (NULL, TRUE);
  ui_test_wait_frame (GTK_WIDGET (feed->panel));
}

/* Lines coming in show as they come, not a few lines behind. */
static void
test_console_follows (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BpTourPanel *panel = BP_TOUR_PANEL (bp_tour_panel_new ());
  GtkLabel *console = find_label_with_class (GTK_WIDGET (panel), "tour-console");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *views = gtk_label_new ("the views");
  Feed feed = { panel, console, 0, 0, 0, TRUE };
  GtkAdjustment *adjustment;

  g_assert_nonnull (console);
  bp_tour_panel_set_step (panel, 6, 8, "Training", "The seeds train for 1000 epochs.");
  /* Under the card, the views take the height it does not ask for. */
  gtk_widget_set_vexpand (views, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (panel));
  gtk_box_append (GTK_BOX (box), views);
  gtk_window_set_child (window, box);
  ui_test_show (window, 700, 400);
  feed_lines (&feed, 40);
  assert_console_end_shown (console);

  /* Scrolled back to read, it stays; scrolled to the end, it follows. */
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (console), GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, 0);
  feed.follows = FALSE;
  feed_lines (&feed, 43);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  feed.follows = TRUE;
  feed_lines (&feed, 46);
  assert_console_end_shown (console);
  gtk_window_destroy (window);
}

/* Whether @node draws a caret: a bar of colour one or two pixels wide
 * and a line high. */
static gboolean
draws_caret (GskRenderNode *node)
{
  graphene_rect_t bounds;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      gsk_render_node_get_bounds (node, &bounds);
      return gsk_color_node_get_color (node)->alpha > 0 &&
             bounds.size.width <= 3 && bounds.size.height >= 8;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (draws_caret (gsk_container_node_get_child (node, i)))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      return draws_caret (gsk_transform_node_get_child (node));
    case GSK_CLIP_NODE:
      return draws_caret (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return draws_caret (gsk_rounded_clip_node_get_child (node));
    case GSK_OPACITY_NODE:
      return draws_caret (gsk_opacity_node_get_child (node));
    case GSK_DEBUG_NODE:
      return draws_caret (gsk_debug_node_get_child (node));
    default:
      return FALSE;
    }
}

/* The step's text takes the focus for a screen reader, and Page Down
 * goes on from it; no caret says it could be typed in. */
static void
test_text_no_caret (void)
{
  BpWindow *window = ui_test_new_window ();
  BpTourPanel *panel = bp_window_get_tour_panel (window);
  GtkLabel *text_label = find_label_with_class (GTK_WIDGET (panel), "tour-text");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;

  ui_test_activate (window, "tour");
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_nonnull (text_label);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text_label)));
  g_assert_true (gtk_label_get_selectable (text_label));
  g_assert_cmpstr (gtk_label_get_text (text_label), ==, text (window));

  paintable = gtk_widget_paintable_new (GTK_WIDGET (text_label));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (text_label)),
                          gtk_widget_get_height (GTK_WIDGET (text_label)));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_false (draws_caret (node));
  ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/tour/whole-tour", test_whole_tour);
  g_test_add_func ("/tour/leave-keeps-state", test_leave_keeps_state);
  g_test_add_func ("/tour/leave-on-given-inputs", test_leave_on_given_inputs);
  g_test_add_func ("/tour/page-keys", test_page_keys);
  g_test_add_func ("/tour/chinese", test_chinese);
  g_test_add_func ("/tour/console-follows", test_console_follows);
  g_test_add_func ("/tour/text-no-caret", test_text_no_caret);
  return g_test_run ();
}
