/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-predictions.c: the prediction panel summarises, for 4 people and
 * for 10 000
 *
 * The summary is checked against counts made here from the people and
 * the parameters with the core network; the list against what it must
 * hold and how few widgets it may make.
 */
#include <math.h>
#include <string.h>

#include "bp-prediction-panel.h"
#include "bp-prediction-row.h"
#include "bp-people-editor.h"
#include "ui-utils.h"

/* A network whose answer depends on weight and height, right for most
 * of the people made below and wrong for some. */
static const BpParams some_params = {
  .w1 = -0.08, .w2 = -0.3, .w3 = 0.05, .w4 = 0.2,
  .w5 = 2.5, .w6 = -1.5, .b1 = 0.1, .b2 = -0.2, .b3 = 0.3,
};

/* Everyone answered F (output sigmoid(1) ≈ 0.73), whatever they weigh. */
static const BpParams all_female = { .b3 = 1.0 };

static BpPeople *
make_people (guint   n,
             guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  BpPeople *people = bp_people_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);
      gboolean female = g_rand_boolean (rand);
      double weight = g_rand_double_range (rand, 100, 200) - (female ? 15 : 0);
      double height = g_rand_double_range (rand, 58, 76) - (female ? 4 : 0);

      bp_people_add (people, bp_person_new (name, weight, height,
                                            female ? BP_GENDER_FEMALE : BP_GENDER_MALE));
    }
  return people;
}

/* A panel of its own, in a shown window, so that its list lays out. */
static BpPredictionPanel *
new_shown_panel (GtkWindow **window)
{
  GtkWidget *panel = bp_prediction_panel_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (*window, panel);
  ui_test_show (*window, 800, 400);
  return BP_PREDICTION_PANEL (panel);
}

static void
destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
output_of (const BpPerson     *p,
           const BpNormalizer *norm,
           const BpParams     *params)
{
  double x0, x1;

  bp_normalizer_apply (norm, p->weight_lb, p->height_in, &x0, &x1);
  return bp_network_feedforward (params, x0, x1);
}

/* Counts right answers and the confusion table, person by person. */
static guint
count_right (const BpPeople     *people,
             const BpNormalizer *norm,
             const BpParams     *params,
             guint               confusion[2][2])
{
  guint right = 0;

  memset (confusion, 0, 4 * sizeof (guint));
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      const BpPerson *p = bp_people_get (people, i);
      double output = output_of (p, norm, params);
      BpGender answer;

      if (!isfinite (output))
        continue;
      answer = output >= 0.5 ? BP_GENDER_FEMALE : BP_GENDER_MALE;
      confusion[p->gender][answer]++;
      right += answer == p->gender;
    }
  return right;
}

static void
assert_summary (BpPredictionPanel  *panel,
                gboolean            test,
                const BpPeople     *people,
                const BpNormalizer *norm,
                const BpParams     *params)
{
  guint confusion[2][2];
  guint right = count_right (people, norm, params, confusion);
  g_autoptr(BpDataset) data = bp_people_to_dataset (people, norm);

  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, test), ==, right);
  /* The core's own count agrees with the one made here. */
  g_assert_cmpuint (right, ==, (guint) round (bp_network_accuracy (params, data) * bp_people_get_n (people)));
  for (int g = 0; g < 2; g++)
    for (int a = 0; a < 2; a++)
      g_assert_cmpuint (bp_prediction_panel_get_confusion (panel, test, g, a), ==, confusion[g][a]);
  if (test)
    g_assert_cmpfloat (bp_prediction_panel_get_test_loss (panel), ==, bp_network_loss (params, data));
}

/* Four people, one answer for all: half of them right, and the text says
 * so in words. */
static void
test_small_class (void)
{
  BpPredictionPanel *panel = g_object_ref_sink (BP_PREDICTION_PANEL (bp_prediction_panel_new ()));
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpNormalizer norm;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_params (panel, &all_female);
  g_assert_cmpstr (bp_prediction_panel_get_summary_text (panel, FALSE), ==, "Training: 50 % right (2 of 4)");
  g_assert_cmpuint (bp_prediction_panel_get_confusion (panel, FALSE, BP_GENDER_FEMALE, BP_GENDER_FEMALE), ==, 2);
  g_assert_cmpuint (bp_prediction_panel_get_confusion (panel, FALSE, BP_GENDER_MALE, BP_GENDER_FEMALE), ==, 2);
  g_assert_cmpuint (bp_prediction_panel_get_confusion (panel, FALSE, BP_GENDER_MALE, BP_GENDER_MALE), ==, 0);
  g_assert_true (isnan (bp_prediction_panel_get_test_loss (panel)));
  /* Without held-out people, no headings: just the four. */
  g_assert_cmpuint (bp_prediction_panel_get_n_rows (panel), ==, 4);

  bp_prediction_panel_set_params (panel, &some_params);
  assert_summary (panel, FALSE, people, &norm, &some_params);
  g_object_unref (panel);
}

/* 10 000 training and 1 000 held-out people: the counts and the loss are
 * those of the core network, as many of each as there are. */
static void
test_large_class (void)
{
  BpPredictionPanel *panel = g_object_ref_sink (BP_PREDICTION_PANEL (bp_prediction_panel_new ()));
  g_autoptr(BpPeople) people = make_people (10000, 1);
  g_autoptr(BpPeople) test = make_people (1000, 2);
  BpNormalizer norm;

  bp_normalizer_init (&norm, BP_NORMALIZE_MEAN, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_test_people (panel, test);
  bp_prediction_panel_set_params (panel, &some_params);
  g_assert_cmpuint (bp_prediction_panel_get_n_people (panel), ==, 10000);
  g_assert_cmpuint (bp_prediction_panel_get_n_test_people (panel), ==, 1000);
  assert_summary (panel, FALSE, people, &norm, &some_params);
  assert_summary (panel, TRUE, test, &norm, &some_params);
  /* Some right and some wrong, or the test proves little. */
  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, FALSE), >, 5000);
  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, FALSE), <, 10000);
  g_object_unref (panel);
}

/* Held-out people come under their own heading, after the training
 * people's, with their own line in the summary. */
static void
test_held_out_section (void)
{
  BpPredictionPanel *panel = g_object_ref_sink (BP_PREDICTION_PANEL (bp_prediction_panel_new ()));
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpPeople) test = bp_people_new ();
  BpNormalizer norm;
  gboolean is_test;
  guint index;
  double o = 1 / (1 + exp (-1.0));

  bp_people_add (test, bp_person_new ("Eve", 125, 62, BP_GENDER_FEMALE));
  bp_people_add (test, bp_person_new ("Frank", 170, 71, BP_GENDER_MALE));
  bp_people_add (test, bp_person_new ("Gina", 118, 61, BP_GENDER_FEMALE));
  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_test_people (panel, test);
  bp_prediction_panel_set_params (panel, &all_female);

  g_assert_cmpuint (bp_prediction_panel_get_n_rows (panel), ==, 2 + 4 + 3);
  g_assert_false (bp_prediction_panel_get_row (panel, 0, &is_test, &index));
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (bp_prediction_panel_get_row (panel, 1 + i, &is_test, &index));
      g_assert_false (is_test);
      g_assert_cmpuint (index, ==, i);
    }
  g_assert_false (bp_prediction_panel_get_row (panel, 5, &is_test, &index));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (bp_prediction_panel_get_row (panel, 6 + i, &is_test, &index));
      g_assert_true (is_test);
      g_assert_cmpuint (index, ==, i);
    }
  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, TRUE), ==, 2);
  g_assert_cmpfloat_with_epsilon (bp_prediction_panel_get_test_loss (panel),
                                  (2 * (1 - o) * (1 - o) + o * o) / 3, 1e-12);
  assert_summary (panel, TRUE, test, &norm, &all_female);
  g_assert_true (g_str_has_prefix (bp_prediction_panel_get_summary_text (panel, TRUE),
                                   "Held out: 66 % right, loss 0."));
  /* The training line stays about the training people. */
  g_assert_cmpstr (bp_prediction_panel_get_summary_text (panel, FALSE), ==, "Training: 50 % right (2 of 4)");

  bp_prediction_panel_set_test_people (panel, NULL);
  g_assert_cmpuint (bp_prediction_panel_get_n_rows (panel), ==, 4);
  g_assert_true (isnan (bp_prediction_panel_get_test_loss (panel)));
  g_object_unref (panel);
}

static double
row_key (BpPredictionPanel *panel,
         const BpPeople    *people,
         const BpPeople    *test,
         const BpNormalizer *norm,
         guint              position,
         gboolean           error,
         gboolean          *is_test)
{
  guint index;
  const BpPerson *p;
  double output;

  g_assert_true (bp_prediction_panel_get_row (panel, position, is_test, &index));
  p = bp_people_get (*is_test ? test : people, index);
  output = output_of (p, norm, &some_params);
  if (!error)
    return output;
  return fabs ((p->gender == BP_GENDER_FEMALE ? 1.0 : 0.0) - output);
}

static guint
row_index (BpPredictionPanel *panel,
           guint              position)
{
  gboolean is_test;
  guint index;

  g_assert_true (bp_prediction_panel_get_row (panel, position, &is_test, &index));
  return index;
}

/* By error, the worst comes first in each section; by output, the most
 * surely F; in training order, the people editor's. */
static void
test_sort (void)
{
  BpPredictionPanel *panel = g_object_ref_sink (BP_PREDICTION_PANEL (bp_prediction_panel_new ()));
  g_autoptr(BpPeople) people = make_people (500, 3);
  g_autoptr(BpPeople) test = make_people (50, 4);
  BpNormalizer norm;
  guint n_rows;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_test_people (panel, test);
  bp_prediction_panel_set_params (panel, &some_params);
  n_rows = bp_prediction_panel_get_n_rows (panel);
  g_assert_cmpuint (n_rows, ==, 552);

  for (int error = 1; error >= 0; error--)
    {
      double worst = 0;
      gboolean is_test, was_test = FALSE;
      double last = INFINITY;

      bp_prediction_panel_set_sort (panel, error ? BP_PREDICTION_SORT_ERROR : BP_PREDICTION_SORT_OUTPUT);
      for (guint i = 0; i < 500; i++)
        worst = MAX (worst, fabs ((bp_people_get (people, i)->gender == BP_GENDER_FEMALE) -
                                  output_of (bp_people_get (people, i), &norm, &some_params)));
      if (error)
        g_assert_cmpfloat (row_key (panel, people, test, &norm, 1, TRUE, &is_test), ==, worst);
      for (guint pos = 1; pos < n_rows; pos++)
        {
          double key;

          if (pos == 501)
            {
              last = INFINITY;  /* the held-out heading */
              continue;
            }
          key = row_key (panel, people, test, &norm, pos, error, &is_test);
          g_assert_cmpint (is_test, ==, pos > 501);
          g_assert_cmpfloat (key, <=, last);
          last = key;
          was_test = is_test;
        }
      g_assert_true (was_test);
    }

  /* New parameters leave the order as it is while they keep coming;
   * once they stop, the list sorts itself again: with everyone answered
   * F, the men are the most wrong. */
  bp_prediction_panel_set_sort (panel, BP_PREDICTION_SORT_ERROR);
  bp_prediction_panel_set_params (panel, &all_female);
  while (bp_people_get (people, row_index (panel, 1))->gender != BP_GENDER_MALE ||
         bp_people_get (people, row_index (panel, 500))->gender != BP_GENDER_FEMALE)
    g_main_context_iteration (NULL, TRUE);

  bp_prediction_panel_set_sort (panel, BP_PREDICTION_SORT_ORDER);
  for (guint pos = 1; pos <= 500; pos++)
    {
      gboolean is_test;
      guint index;

      g_assert_true (bp_prediction_panel_get_row (panel, pos, &is_test, &index));
      g_assert_cmpuint (index, ==, pos - 1);
    }
  g_object_unref (panel);
}

static void
count_rows (GtkWidget *widget,
            guint     *rows)
{
  if (BP_IS_PREDICTION_ROW (widget))
    (*rows)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_rows (child, rows);
}

static GtkGridView *
find_grid_view (GtkWidget *widget)
{
  if (GTK_IS_GRID_VIEW (widget))
    return GTK_GRID_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkGridView *found = find_grid_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_changes (guint *changes)
{
  (*changes)++;
}

/* Every person's row shown says F; counts them. */
static void
check_rows_female (GtkWidget *widget,
                   guint     *rows)
{
  if (BP_IS_PREDICTION_ROW (widget) && gtk_widget_get_visible (widget))
    {
      g_assert_true (g_str_has_prefix (bp_prediction_row_get_verdict (BP_PREDICTION_ROW (widget)), "Female"));
      (*rows)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_rows_female (child, rows);
}

/* Shown with 10 000 people, the panel makes widgets for the rows on
 * screen only, and those follow the parameters. */
static void
test_few_widgets (void)
{
  GtkWindow *window;
  BpPredictionPanel *panel = new_shown_panel (&window);
  g_autoptr(BpPeople) people = make_people (10000, 5);
  BpNormalizer norm;
  GtkSelectionModel *model;
  guint rows = 0, changes = 0;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_params (panel, &some_params);
  ui_test_wait_frame (GTK_WIDGET (panel));
  count_rows (GTK_WIDGET (panel), &rows);
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (rows, <, 200);

  /* A frame of training redraws the rows on screen, not the whole list. */
  model = gtk_grid_view_get_model (find_grid_view (GTK_WIDGET (panel)));
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes), &changes);
  bp_prediction_panel_set_params (panel, &all_female);
  ui_test_wait_frame (GTK_WIDGET (panel));
  g_assert_cmpuint (changes, ==, 0);
  rows = 0;
  check_rows_female (GTK_WIDGET (panel), &rows);
  g_assert_cmpuint (rows, >, 0);
  destroy_window (window);
}

/* A new run sets the people again, mostly the very people shown: the
 * list stays as it is (GTK would take a quarter of a second to list
 * 100 000 again); new people or a new normalisation list again. */
static void
test_same_people (void)
{
  GtkWindow *window;
  BpPredictionPanel *panel = new_shown_panel (&window);
  g_autoptr(BpPeople) people = make_people (10000, 5);
  g_autoptr(BpPeople) none = bp_people_new ();
  BpNormalizer norm, mean;
  GtkSelectionModel *model;
  guint changes = 0;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_normalizer_init (&mean, BP_NORMALIZE_MEAN, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_params (panel, &some_params);
  ui_test_wait_frame (GTK_WIDGET (panel));
  model = gtk_grid_view_get_model (find_grid_view (GTK_WIDGET (panel)));
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes), &changes);

  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_test_people (panel, none);
  bp_prediction_panel_set_test_people (panel, NULL);
  bp_prediction_panel_set_all_people (panel, people, none, &norm);
  ui_test_wait_frame (GTK_WIDGET (panel));
  g_assert_cmpuint (changes, ==, 0);

  bp_prediction_panel_set_people (panel, people, &mean);
  g_assert_cmpuint (changes, ==, 1);
  bp_prediction_panel_set_test_people (panel, people);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (bp_prediction_panel_get_n_test_people (panel), ==, 10000);
  destroy_window (window);
}

static int
min_height (BpPredictionPanel *panel,
            guint              n)
{
  g_autoptr(BpPeople) people = make_people (n, 6);
  g_autoptr(BpPeople) test = make_people (n / 10, 7);
  BpNormalizer norm;
  int min, nat;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_test_people (panel, test);
  bp_prediction_panel_set_params (panel, &some_params);
  gtk_widget_measure (GTK_WIDGET (panel), GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  return min;
}

/* However many people, the panel asks for the same height. */
static void
test_fixed_height (void)
{
  GtkWindow *window;
  BpPredictionPanel *panel = new_shown_panel (&window);
  int four = min_height (panel, 4);

  g_assert_cmpint (four, >, 0);
  g_assert_cmpint (min_height (panel, 10000), ==, four);
  destroy_window (window);
}

/* The summary's label as shown, without bringing it up to date first. */
static const char *
shown_training_line (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), "Training:"))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = shown_training_line (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* A class too large to count in one frame is counted across frames, and
 * the summary ends up about the last parameters given. */
static void
test_summary_across_frames (void)
{
  GtkWindow *window;
  BpPredictionPanel *panel = new_shown_panel (&window);
  g_autoptr(BpPeople) people = make_people (30000, 8);
  BpNormalizer norm;
  BpParams params[3] = { all_female, { .b3 = -1.0 }, some_params };
  guint confusion[2][2];
  g_autofree char *expected = NULL;
  guint right;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  /* Frame after frame, as a run gives them. */
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      bp_prediction_panel_set_params (panel, &params[i]);
      ui_test_wait_frame (GTK_WIDGET (panel));
    }
  right = count_right (people, &norm, &some_params, confusion);
  expected = g_strdup_printf ("Training: %u %% right (%u of 30000)", right * 100 / 30000, right);
  while (g_strcmp0 (shown_training_line (GTK_WIDGET (panel)), expected) != 0)
    ui_test_wait_frame (GTK_WIDGET (panel));
  assert_summary (panel, FALSE, people, &norm, &some_params);
  destroy_window (window);
}

/* A diverged network answers nobody: no one right, nobody in the table,
 * no loss, and the summary says why. */
static void
test_diverged (void)
{
  BpPredictionPanel *panel = g_object_ref_sink (BP_PREDICTION_PANEL (bp_prediction_panel_new ()));
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpPeople) test = bp_people_new_seed ();
  BpParams nan_params = { .b3 = NAN };
  BpNormalizer norm;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_prediction_panel_set_people (panel, people, &norm);
  bp_prediction_panel_set_test_people (panel, test);
  bp_prediction_panel_set_params (panel, &nan_params);
  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, FALSE), ==, 0);
  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, TRUE), ==, 0);
  for (int g = 0; g < 2; g++)
    for (int a = 0; a < 2; a++)
      g_assert_cmpuint (bp_prediction_panel_get_confusion (panel, FALSE, g, a), ==, 0);
  g_assert_true (isnan (bp_prediction_panel_get_test_loss (panel)));
  g_assert_cmpstr (bp_prediction_panel_get_summary_text (panel, FALSE), ==,
                   "Training: no answers, the network diverged");
  g_assert_cmpstr (bp_prediction_panel_get_verdict (panel, 0), ==, "No answer");
  g_object_unref (panel);
}

/* In the window, the people ticked Test are the panel's held-out people,
 * and after a run its held-out loss is the trainer's, to the bit. */
static void
test_window_held_out (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPredictionPanel *panel = bp_window_get_prediction_panel (window);
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(BpPeople) test = bp_people_new ();
  BpProgress progress;

  bp_people_add (test, bp_person_new ("Eve", 125, 62, BP_GENDER_FEMALE));
  bp_people_add (test, bp_person_new ("Frank", 170, 71, BP_GENDER_MALE));
  bp_people_editor_set_test_people (editor, test);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (bp_prediction_panel_get_n_test_people (panel), ==, 2);
  g_assert_cmpuint (bp_prediction_panel_get_n_rows (panel), ==,
                    bp_prediction_panel_get_n_people (panel) + 2 + 2);

  ui_test_activate (window, "train");
  progress = ui_test_run_until_done (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (bp_prediction_panel_get_n_test_people (panel), ==, 2);
  g_assert_cmpfloat (bp_prediction_panel_get_test_loss (panel), ==, progress.test_loss);
  /* The seeds' network learns the four and both held-out people. */
  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, FALSE), ==, bp_prediction_panel_get_n_people (panel));
  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, TRUE), ==, 2);
  ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/predictions/small-class", test_small_class);
  g_test_add_func ("/predictions/large-class", test_large_class);
  g_test_add_func ("/predictions/held-out-section", test_held_out_section);
  g_test_add_func ("/predictions/sort", test_sort);
  g_test_add_func ("/predictions/few-widgets", test_few_widgets);
  g_test_add_func ("/predictions/same-people", test_same_people);
  g_test_add_func ("/predictions/fixed-height", test_fixed_height);
  g_test_add_func ("/predictions/summary-across-frames", test_summary_across_frames);
  g_test_add_func ("/predictions/diverged", test_diverged);
  g_test_add_func ("/predictions/window-held-out", test_window_held_out);

  return g_test_run ();
}
