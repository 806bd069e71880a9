/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-loss-chart.c: the chart draws at most one min/max pair per pixel
 * column from the bounded history, and says what is under the pointer */
#include <string.h>

#include "bp-loss-chart.h"
#include "ui-utils.h"

typedef struct
{
  GtkWindow   *window;
  BpLossChart *chart;
  BpHistory    history;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->chart = BP_LOSS_CHART (bp_loss_chart_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->chart));
  ui_test_show (f->window, 600, 400);
  bp_history_init (&f->history);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bp_history_clear (&f->history);
  gtk_window_destroy (f->window);
}

/* A falling loss, like training's. */
static void
push_losses (BpSeries *series,
             guint64   epochs)
{
  for (guint64 e = 1; e <= epochs; e++)
    bp_series_push (series, 0.25 / (1 + e / 10.0));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  guint64 epoch;
  double loss;

  g_assert_cmpuint (bp_loss_chart_count_points (f->chart, FALSE), ==, 0);
  g_assert_false (bp_loss_chart_describe_at (f->chart, 300, &epoch, &loss));
  bp_loss_chart_hover (f->chart, 300);
  g_assert_null (bp_loss_chart_dup_hover_text (f->chart));
}

/* Fewer epochs than columns: every epoch is its own point. */
static void
test_few_epochs (Fixture       *f,
                 gconstpointer  data)
{
  push_losses (&f->history.loss, 10);
  bp_loss_chart_set_epochs (f->chart, 10);
  bp_loss_chart_set_history (f->chart, &f->history);
  g_assert_cmpuint (bp_loss_chart_count_points (f->chart, FALSE), ==, 10);
}

/* A million epochs: the history keeps 4096 buckets or fewer, and the
 * chart draws no more pairs than it has pixel columns. */
static void
test_many_epochs (Fixture       *f,
                  gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->chart));
  guint points;

  push_losses (&f->history.loss, 1000000);
  bp_loss_chart_set_epochs (f->chart, 1000000);
  bp_loss_chart_set_history (f->chart, &f->history);
  points = bp_loss_chart_count_points (f->chart, FALSE);
  g_assert_cmpuint (points, <=, (guint) width);
  /* The curve spans the plot: most columns have a point. */
  g_assert_cmpuint (points, >, (guint) width / 2);
}

/* The curve grows to the right: half the planned epochs, half the width. */
/* One snapshot of the chart, as a frame would take it. */
static void
snapshot_chart (BpLossChart *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
}

/* Frames of training redraw the curve but reuse the axes; a change of
 * scale draws them again. */
static void
test_axes_cached (Fixture       *f,
                  gconstpointer  data)
{
  guint before;

  bp_loss_chart_set_epochs (f->chart, 1000);
  push_losses (&f->history.loss, 100);
  bp_loss_chart_set_history (f->chart, &f->history);
  snapshot_chart (f->chart);
  before = bp_loss_chart_count_axes_drawn (f->chart);
  g_assert_cmpuint (before, >, 0);
  for (guint frame = 0; frame < 5; frame++)
    {
      push_losses (&f->history.loss, 100);
      bp_loss_chart_set_history (f->chart, &f->history);
      snapshot_chart (f->chart);
    }
  g_assert_cmpuint (bp_loss_chart_count_axes_drawn (f->chart), ==, before);
  bp_loss_chart_set_log_scale (f->chart, TRUE);
  snapshot_chart (f->chart);
  g_assert_cmpuint (bp_loss_chart_count_axes_drawn (f->chart), ==, before + 1);
}

static void
test_grows (Fixture       *f,
            gconstpointer  data)
{
  guint half, full;

  bp_loss_chart_set_epochs (f->chart, 1000);
  push_losses (&f->history.loss, 500);
  bp_loss_chart_set_history (f->chart, &f->history);
  half = bp_loss_chart_count_points (f->chart, FALSE);
  push_losses (&f->history.loss, 500);
  bp_loss_chart_set_history (f->chart, &f->history);
  full = bp_loss_chart_count_points (f->chart, FALSE);
  g_assert_cmpuint (half, <, full);
  g_assert_cmpuint (half, >=, full / 2 - 2);
  g_assert_cmpuint (half, <=, full / 2 + 2);
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->chart));
  g_autofree char *text = NULL;
  guint64 epoch, last_epoch;
  double loss, last_loss;

  push_losses (&f->history.loss, 1000);
  bp_loss_chart_set_epochs (f->chart, 1000);
  bp_loss_chart_set_history (f->chart, &f->history);

  /* Left of the plot there is nothing; further right, later epochs. */
  g_assert_false (bp_loss_chart_describe_at (f->chart, 0, &epoch, &loss));
  g_assert_true (bp_loss_chart_describe_at (f->chart, width / 2.0, &epoch, &loss));
  g_assert_cmpuint (epoch, >, 300);
  g_assert_cmpuint (epoch, <, 700);
  /* The value of that very epoch (the history keeps single epochs here). */
  g_assert_cmpfloat (loss, ==, 0.25 / (1 + epoch / 10.0));
  g_assert_true (bp_loss_chart_describe_at (f->chart, width * 0.9, &last_epoch, &last_loss));
  g_assert_cmpuint (last_epoch, >, epoch);
  g_assert_cmpfloat (last_loss, <, loss);

  bp_loss_chart_hover (f->chart, width / 2.0);
  text = bp_loss_chart_dup_hover_text (f->chart);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Epoch "));
  g_assert_nonnull (strstr (text, "Loss 0.0"));
  bp_loss_chart_hover (f->chart, -1);
  g_assert_null (bp_loss_chart_dup_hover_text (f->chart));
}

static void
test_test_series (Fixture       *f,
                  gconstpointer  data)
{
  push_losses (&f->history.loss, 100);
  bp_loss_chart_set_history (f->chart, &f->history);
  g_assert_cmpuint (bp_loss_chart_count_points (f->chart, TRUE), ==, 0);
  push_losses (&f->history.test_loss, 100);
  bp_loss_chart_set_history (f->chart, &f->history);
  g_assert_cmpuint (bp_loss_chart_count_points (f->chart, TRUE), ==, 100);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_log_scale (Fixture       *f,
                gconstpointer  data)
{
  guint notified = 0, linear;

  g_signal_connect (f->chart, "notify::log-scale", G_CALLBACK (on_notify), &notified);
  push_losses (&f->history.loss, 1000);
  bp_loss_chart_set_history (f->chart, &f->history);
  linear = bp_loss_chart_count_points (f->chart, FALSE);
  bp_loss_chart_set_log_scale (f->chart, TRUE);
  bp_loss_chart_set_log_scale (f->chart, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (bp_loss_chart_get_log_scale (f->chart));
  /* Still one pair per column; only the margin for the labels differs. */
  g_assert_cmpuint (bp_loss_chart_count_points (f->chart, FALSE), >, linear * 9 / 10);
  g_assert_cmpuint (bp_loss_chart_count_points (f->chart, FALSE), <=,
                    (guint) gtk_widget_get_width (GTK_WIDGET (f->chart)));

  bp_loss_chart_clear (f->chart);
  g_assert_cmpuint (bp_loss_chart_count_points (f->chart, FALSE), ==, 0);
}

/* A long earlier run (planned for 1e8 epochs, stopped at 1e5) does not
 * set the axis: a new 1000-epoch run spans the chart, and the middle of
 * the chart is its middle epoch. */
static void
test_longer_earlier_run (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BpRunList) runs = bp_run_list_new ();
  BpRunSettings settings = { 0.1, 100000000, 1, BP_NORMALIZE_SEED };
  g_autoptr(BpRun) run = bp_run_new (&settings);
  BpSeries loss;
  guint64 epoch;
  double value;
  int width = gtk_widget_get_width (GTK_WIDGET (f->chart));

  bp_series_init (&loss, 4096);
  push_losses (&loss, 100000);
  bp_run_set_loss (run, &loss);
  bp_series_clear (&loss);
  bp_run_set_state (run, BP_TRAINER_STOPPED);
  bp_run_list_add (runs, run);
  bp_loss_chart_set_overlays (f->chart, runs);

  push_losses (&f->history.loss, 1000);
  bp_loss_chart_set_epochs (f->chart, 1000);
  bp_loss_chart_set_history (f->chart, &f->history);
  g_assert_cmpuint (bp_loss_chart_count_overlays (f->chart), ==, 1);
  g_assert_true (bp_loss_chart_describe_at (f->chart, width / 2.0, &epoch, &value));
  g_assert_cmpuint (epoch, >, 300);
  g_assert_cmpuint (epoch, <, 700);
  /* This run fills the plot's columns, rather than one at the left. */
  g_assert_cmpuint (bp_loss_chart_count_points (f->chart, FALSE), >, (guint) width / 2);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/loss-chart/empty", test_empty);
  ADD ("/loss-chart/few-epochs", test_few_epochs);
  ADD ("/loss-chart/many-epochs", test_many_epochs);
  ADD ("/loss-chart/grows", test_grows);
  ADD ("/loss-chart/axes-cached", test_axes_cached);
  ADD ("/loss-chart/hover", test_hover);
  ADD ("/loss-chart/test-series", test_test_series);
  ADD ("/loss-chart/log-scale", test_log_scale);
  ADD ("/loss-chart/longer-earlier-run", test_longer_earlier_run);
#undef ADD

  return g_test_run ();
}
