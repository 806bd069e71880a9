/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-run-list.c: the earlier runs: labels by what differed, at most
 * eight, colours, clearing, and what the loss chart hears */
#include <locale.h>

#include "bp-run-list.h"

static BpRunSettings
settings (double      rate,
          guint64     epochs,
          guint32     seed,
          BpNormalize normalize)
{
  return (BpRunSettings) { rate, epochs, seed, normalize };
}

static BpRun *
add_run (BpRunList           *list,
         const BpRunSettings *s,
         BpTrainerState       state)
{
  g_autoptr(BpRun) run = bp_run_new (s);
  BpSeries loss;

  bp_series_init (&loss, 16);
  for (guint i = 0; i < s->epochs && i < 100; i++)
    bp_series_push (&loss, 1.0 / (i + 1));
  bp_run_set_loss (run, &loss);
  bp_series_clear (&loss);
  bp_run_set_state (run, state);
  bp_run_list_add (list, run);
  return run;  /* the list holds it */
}

static const char *
label_at (BpRunList *list,
          guint      i)
{
  g_autoptr(BpRun) run = g_list_model_get_item (G_LIST_MODEL (list), i);

  return bp_run_get_label (run);
}

static void
on_changed (BpRunList *list,
            guint     *count)
{
  (*count)++;
}

/* Only the settings that are not the same everywhere name a run. */
static void
test_labels (void)
{
  g_autoptr(BpRunList) list = bp_run_list_new ();
  BpRunSettings a = settings (0.1, 1000, 1, BP_NORMALIZE_SEED);
  BpRunSettings b = settings (0.5, 1000, 1, BP_NORMALIZE_SEED);
  BpRunSettings c = settings (0.5, 2000, 7, BP_NORMALIZE_STANDARD);

  add_run (list, &a, BP_TRAINER_FINISHED);
  /* Alone, with nothing to compare: its number. */
  g_assert_cmpstr (label_at (list, 0), ==, "Run 1");
  g_assert_cmpstr (bp_run_list_get_current_label (list), ==, "");
  bp_run_list_set_current (list, &b);
  g_assert_cmpstr (label_at (list, 0), ==, "rate 0.1");
  g_assert_cmpstr (bp_run_list_get_current_label (list), ==, "rate 0.5");
  add_run (list, &b, BP_TRAINER_STOPPED);
  g_assert_cmpstr (label_at (list, 1), ==, "rate 0.5 (stopped)");
  bp_run_list_set_current (list, &c);
  g_assert_cmpstr (label_at (list, 0), ==, "rate 0.1, 1000 epochs, seed 1, minus 135 lb and 66 in");
  add_run (list, &c, BP_TRAINER_DIVERGED);
  g_assert_cmpstr (label_at (list, 2), ==, "rate 0.5, 2000 epochs, seed 7, standardised (diverged)");
  /* Two runs alike: their numbers tell them apart. */
  bp_run_list_set_current (list, NULL);
  add_run (list, &a, BP_TRAINER_FINISHED);
  g_assert_cmpstr (label_at (list, 0), ==, "rate 0.1, 1000 epochs, seed 1, minus 135 lb and 66 in, run 1");
  g_assert_cmpstr (label_at (list, 3), ==, "rate 0.1, 1000 epochs, seed 1, minus 135 lb and 66 in, run 4");
}

/* A ninth run pushes out the oldest; colours stay with their runs and a
 * new run takes the one set free. */
static void
test_cap_and_colors (void)
{
  g_autoptr(BpRunList) list = bp_run_list_new ();
  guint colors[BP_RUN_LIST_MAX];
  BpRun *ninth;

  for (guint i = 0; i < BP_RUN_LIST_MAX; i++)
    {
      BpRunSettings s = settings (0.1 * (i + 1), 100, 1, BP_NORMALIZE_SEED);

      colors[i] = bp_run_get_color (add_run (list, &s, BP_TRAINER_FINISHED));
      g_assert_cmpuint (colors[i], ==, i);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, BP_RUN_LIST_MAX);
  ninth = add_run (list, &(BpRunSettings) { 9, 100, 1, BP_NORMALIZE_SEED }, BP_TRAINER_FINISHED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, BP_RUN_LIST_MAX);
  g_assert_cmpstr (label_at (list, 0), ==, "rate 0.2");
  g_assert_cmpstr (label_at (list, BP_RUN_LIST_MAX - 1), ==, "rate 9");
  g_assert_cmpuint (bp_run_get_color (ninth), ==, colors[0]);
  for (guint i = 0; i < BP_RUN_N_COLORS; i++)
    {
      GdkRGBA light, dark;

      bp_run_color_rgba (i, FALSE, &light);
      bp_run_color_rgba (i, TRUE, &dark);
      g_assert_cmpfloat (light.alpha, ==, 1);
      g_assert_cmpint (bp_run_color_dashed (i), ==, i >= BP_RUN_N_COLORS / 2);
    }
}

static void
test_clear (void)
{
  g_autoptr(BpRunList) list = bp_run_list_new ();
  BpRunSettings a = settings (0.1, 100, 1, BP_NORMALIZE_SEED);
  guint changed = 0;

  g_signal_connect (list, "changed", G_CALLBACK (on_changed), &changed);
  add_run (list, &a, BP_TRAINER_FINISHED);
  add_run (list, &a, BP_TRAINER_FINISHED);
  g_assert_cmpuint (changed, >=, 2);
  changed = 0;
  bp_run_list_clear (list);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (bp_run_list_count_visible (list), ==, 0);
  /* Numbering starts again. */
  add_run (list, &a, BP_TRAINER_FINISHED);
  g_assert_cmpstr (label_at (list, 0), ==, "Run 1");
}

/* Hiding a run, a live run's curve growing, and its end all reach the
 * chart through "changed"; a run removed from the list is forgotten. */
static void
test_changes_reach_the_chart (void)
{
  g_autoptr(BpRunList) list = bp_run_list_new ();
  BpRunSettings a = settings (0.1, 100, 1, BP_NORMALIZE_SEED);
  g_autoptr(BpRun) run = g_object_ref (add_run (list, &a, BP_TRAINER_RUNNING));
  BpSeries loss;
  guint changed = 0;

  g_signal_connect (list, "changed", G_CALLBACK (on_changed), &changed);
  bp_run_set_visible (run, FALSE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (bp_run_list_count_visible (list), ==, 0);
  bp_series_init (&loss, 16);
  bp_series_push (&loss, 0.5);
  bp_run_set_loss (run, &loss);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (bp_run_get_loss (run)->count, ==, 1);
  bp_run_set_state (run, BP_TRAINER_STOPPED);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpstr (bp_run_get_label (run), ==, "Run 1 (stopped)");
  bp_run_list_clear (list);
  changed = 0;
  bp_run_set_visible (run, TRUE);
  bp_run_set_loss (run, &loss);
  g_assert_cmpuint (changed, ==, 0);
  bp_series_clear (&loss);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/run-list/labels", test_labels);
  g_test_add_func ("/run-list/cap-and-colors", test_cap_and_colors);
  g_test_add_func ("/run-list/clear", test_clear);
  g_test_add_func ("/run-list/changes-reach-the-chart", test_changes_reach_the_chart);
  return g_test_run ();
}
