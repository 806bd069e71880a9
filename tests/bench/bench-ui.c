/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ui.c: the window's drawing, frames, stop and memory, each beside
 * its baseline from the same run
 *
 * Needs a display (build-aux/run gives Xvfb).  Prints figures and asserts
 * nothing about time.  Run with: meson test -C build --benchmark --verbose
 */
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>

#include "bench-utils.h"
#include "bp-csv.h"
#include "bp-decision-map.h"
#include "bp-landscape-view.h"
#include "bp-explain-panel.h"
#include "bp-loss-chart.h"
#include "bp-network-diagram.h"
#include "bp-trajectories.h"
#include "bp-window-private.h"

#define CHART_WIDTH 800
#define CHART_HEIGHT 400

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* A sampled series as the trainer keeps it: one sample at the end of
 * each bucket: parameter @j, or with @i > 0 the prediction of person @i. */
static void
fill_sampled (BpSeries *series,
              guint64   epochs,
              guint     j,
              guint     i)
{
  bp_series_reset (series);
  while (series->count < epochs)
    {
      guint64 n = MIN (bp_series_room_at (series, series->count), epochs - series->count);
      double t = (double) (series->count + n) / epochs;

      bp_series_push_sample (series, i > 0 ? 0.5 + (i % 2 ? -0.45 : 0.45) * t : sin (j + 6 * t) * (1 + j * t), n);
    }
}

/* A history of @epochs epochs shaped like a real run: a falling loss
 * with a spike in the middle that the chart must keep, and the sampled
 * parameter and prediction series that the trajectories draw. */
static void
fill_history (BpHistory *history,
              guint64    epochs,
              guint      n_people)
{
  bp_series_reset (&history->loss);
  bp_series_reset (&history->test_loss);
  for (guint64 e = 0; e < epochs; e++)
    {
      double loss = 0.5 / (1 + e * 1e-3 * (1e3 / epochs) * 50);

      bp_series_push (&history->loss, e == epochs / 2 ? 0.4 : loss);
      bp_series_push (&history->test_loss, loss * 1.2);
    }
  history->n_people = n_people;
  for (guint j = 0; j < BP_N_PARAMS; j++)
    fill_sampled (&history->params[j], epochs, j, 0);
  for (guint i = 0; i < n_people; i++)
    fill_sampled (&history->predictions[i], epochs, 0, i + 1);
}

/* One frame's worth of work as GTK does it for @view after an update:
 * the layout of what changed, the snapshot functions recording the
 * drawing (children whose drawing is still valid give their cached
 * render nodes, as in a window), then the whole render node rasterised
 * into an image. */
static void
draw_once (GtkWidget       *view,
           cairo_surface_t *surface)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr = cairo_create (surface);

  gtk_widget_allocate (view, CHART_WIDTH, CHART_HEIGHT, -1, NULL);
  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
}

/* A live view: what a run sets once, and what each frame of training
 * updates. */
typedef struct
{
  const char *name;
  GtkWidget *(*create) (void);
  void (*setup) (GtkWidget *view,
                 guint64    epochs);
  void (*update) (GtkWidget       *view,
                  const BpHistory *history,
                  const BpParams  *params);
} View;

static const BpPeople *
seed_people (const BpNormalizer **norm)
{
  static BpPeople *people;
  static BpNormalizer normalizer;

  if (people == NULL)
    {
      people = bp_people_new_seed ();
      bp_normalizer_init (&normalizer, BP_NORMALIZE_SEED, people);
    }
  *norm = &normalizer;
  return people;
}

static GtkWidget *new_loss_chart (void) { return bp_loss_chart_new (); }
static GtkWidget *new_trajectories (void) { return bp_trajectories_new (); }
static GtkWidget *new_diagram (void) { return bp_network_diagram_new (); }
static GtkWidget *new_map (void) { return bp_decision_map_new (); }
static GtkWidget *new_explain (void) { return bp_explain_panel_new (); }
static GtkWidget *new_landscape (void) { return bp_landscape_view_new (); }

static void
setup_loss_chart (GtkWidget *view,
                  guint64    epochs)
{
  bp_loss_chart_set_epochs (BP_LOSS_CHART (view), epochs);
}

static void
setup_trajectories (GtkWidget *view,
                    guint64    epochs)
{
  const BpNormalizer *norm;

  bp_trajectories_set_people (BP_TRAJECTORIES (view), seed_people (&norm));
  bp_trajectories_set_epochs (BP_TRAJECTORIES (view), epochs);
}

static void
setup_diagram (GtkWidget *view,
               guint64    epochs)
{
  const BpNormalizer *norm;
  const BpPeople *people = seed_people (&norm);

  bp_network_diagram_set_people (BP_NETWORK_DIAGRAM (view), people, norm);
}

static void
setup_map (GtkWidget *view,
           guint64    epochs)
{
  const BpNormalizer *norm;
  const BpPeople *people = seed_people (&norm);

  bp_decision_map_set_people (BP_DECISION_MAP (view), people, NULL, norm);
}

static void
setup_explain (GtkWidget *view,
               guint64    epochs)
{
  const BpNormalizer *norm;
  const BpPeople *people = seed_people (&norm);

  bp_explain_panel_set_people (BP_EXPLAIN_PANEL (view), people, norm);
}

static void
setup_landscape (GtkWidget *view,
                 guint64    epochs)
{
  const BpNormalizer *norm;
  const BpPeople *people = seed_people (&norm);

  bp_landscape_view_set_people (BP_LANDSCAPE_VIEW (view), people, norm);
}

static void
update_loss_chart (GtkWidget       *view,
                   const BpHistory *history,
                   const BpParams  *params)
{
  bp_loss_chart_set_history (BP_LOSS_CHART (view), history);
}

static void
update_trajectories (GtkWidget       *view,
                     const BpHistory *history,
                     const BpParams  *params)
{
  bp_trajectories_set_history (BP_TRAJECTORIES (view), history);
}

static void
update_diagram (GtkWidget       *view,
                const BpHistory *history,
                const BpParams  *params)
{
  bp_network_diagram_set_params (BP_NETWORK_DIAGRAM (view), params);
}

static void
update_map (GtkWidget       *view,
            const BpHistory *history,
            const BpParams  *params)
{
  bp_decision_map_set_params (BP_DECISION_MAP (view), params);
}

static void
update_explain (GtkWidget       *view,
                const BpHistory *history,
                const BpParams  *params)
{
  bp_explain_panel_set_params (BP_EXPLAIN_PANEL (view), params);
}

/* A frame of training: the point and the path move, and a new grid is
 * asked for, which a worker computes; the frame only draws the last. */
static void
update_landscape (GtkWidget       *view,
                  const BpHistory *history,
                  const BpParams  *params)
{
  bp_landscape_view_set_history (BP_LANDSCAPE_VIEW (view), history);
  bp_landscape_view_set_params (BP_LANDSCAPE_VIEW (view), params);
}

static const View views[] = {
  { "loss chart", new_loss_chart, setup_loss_chart, update_loss_chart },
  { "trajectories", new_trajectories, setup_trajectories, update_trajectories },
  { "network diagram", new_diagram, setup_diagram, update_diagram },
  { "decision map", new_map, setup_map, update_map },
  { "explain panel", new_explain, setup_explain, update_explain },
  { "loss landscape", new_landscape, setup_landscape, update_landscape },
};

/* Median time of a frame's update, layout and draw of @view, alone in
 * an 800×400 window, with the parameters moving as in training. */
static double
time_view (const View      *view,
           GtkWidget       *widget,
           const BpHistory *history)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_WIDTH, CHART_HEIGHT);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  BpParams params;

  bp_params_from_seed (&params, 0);
  for (guint r = 0; r < 51; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double t;

      params.w1 += 1e-3;  /* a new frame's parameters: every view redraws */
      view->update (widget, history, &params);
      draw_once (widget, surface);
      t = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (times, t);
    }
  cairo_surface_destroy (surface);
  return bench_median (times);
}

static void
bench_view (const View *view,
            BpHistory  *history)
{
  const guint64 counts[] = { 1000, 1000000, 1000000000 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = view->create ();

  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_set_default_size (GTK_WINDOW (window), CHART_WIDTH, CHART_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);
  g_print ("# %s allocated %dx%d\n", view->name, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      fill_history (history, counts[i], 4);
      view->setup (widget, counts[i]);
      iterate (100);
      g_print ("%s update and draw, %" G_GUINT64_FORMAT " epochs of history: %.3f ms bench_median (goal <= 2 ms)\n",
               view->name, counts[i], time_view (view, widget, history));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
bench_views (void)
{
  BpHistory history;

  bp_history_init (&history);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    bench_view (&views[v], &history);
  bp_history_clear (&history);
}

/* @n people spread over 100–220 lb and 58–76 in, F and M in turn. */
static BpPeople *
class_of (guint n)
{
  BpPeople *people = bp_people_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i + 1);
      guint k = i * 7919u;

      bp_people_add (people, bp_person_new (name, 100 + k % 121, 58 + (k / 121) % 19,
                                            i % 2 ? BP_GENDER_MALE : BP_GENDER_FEMALE));
    }
  return people;
}

/* The decision map's frame of training with a class of 4 and one of
 * 100 000 (CSV's maximum), the people set once as the window does;
 * and what setting them costs, once per change of the people. */
static void
bench_class_size (void)
{
  const guint sizes[] = { 4, BP_CSV_MAX_PEOPLE };
  const View *map = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget;
  GtkWidget *explain = bp_explain_panel_new ();
  BpHistory history;

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    if (g_str_equal (views[v].name, "decision map"))
      map = &views[v];
  g_assert_nonnull (map);
  widget = map->create ();
  bp_history_init (&history);
  fill_history (&history, 1000, 4);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_set_default_size (GTK_WINDOW (window), CHART_WIDTH, CHART_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);
  g_object_ref_sink (explain);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(BpPeople) people = class_of (sizes[i]);
      BpNormalizer norm;
      gint64 t0;
      double set_ms, names_ms, same_ms;

      bp_normalizer_init (&norm, BP_NORMALIZE_STANDARD, people);
      t0 = g_get_monotonic_time ();
      bp_decision_map_set_people (BP_DECISION_MAP (widget), people, NULL, &norm);
      set_ms = (g_get_monotonic_time () - t0) / 1000.0;
      iterate (100);
      g_print ("decision map update and draw, %u people: %.3f ms bench_median (goal <= 2 ms); "
               "setting the people once %.1f ms\n",
               sizes[i], time_view (map, widget, &history), set_ms);
      t0 = g_get_monotonic_time ();
      bp_explain_panel_set_people (BP_EXPLAIN_PANEL (explain), people, &norm);
      names_ms = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      bp_explain_panel_set_people (BP_EXPLAIN_PANEL (explain), people, &norm);
      same_ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_print ("explain panel, setting %u people: %.1f ms with new names, %.1f ms with the same\n",
               sizes[i], names_ms, same_ms);
    }
  g_object_unref (explain);
  gtk_window_destroy (GTK_WINDOW (window));
  bp_history_clear (&history);
}

/* Frame time: from the frame clock's before-paint to its after-paint. */
typedef struct
{
  GArray  *times;
  gint64   start;
  guint    wanted;
} Frames;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  double t;

  if (frames->start == 0 || frames->times->len >= frames->wanted)
    return;
  t = (g_get_monotonic_time () - frames->start) / 1000.0;
  g_array_append_val (frames->times, t);
}

/* The chart is redrawn every frame, as during training, so the idle
 * baseline paints the same things. */
static gboolean
redraw_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Appends the frame times of the next @n frames to @times. */
static void
measure_frames (BpWindow *window,
                guint     n,
                GArray   *times)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Frames frames = { times, 0, times->len + n };
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (frames.times->len < frames.wanted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
}

static void
activate (BpWindow   *window,
          const char *action)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), action, NULL);
}

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  gtk_editable_set_text (editable, text);
}

static void
set_paused (BpWindow *window,
            gboolean  paused)
{
  g_action_group_change_action_state (G_ACTION_GROUP (window), "pause", g_variant_new_boolean (paused));
}

/* Idle and training in turn, six times: the run paused (the window
 * redrawing the same curve and labels, nothing else running) and the
 * run going flat out, so that both show the same things and a busy
 * moment of the machine falls on both alike. */
static void
bench_frames (BpWindow *window)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  GtkWidget *chart = GTK_WIDGET (bp_window_get_loss_chart (window));
  guint tick = gtk_widget_add_tick_callback (chart, redraw_tick, NULL, NULL);
  g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stops = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 t0;

  set_text (bp_training_form_get_epochs_entry (form), "1000000000");
  g_object_set (form, "speed", 4, NULL);
  activate (window, "train");
  iterate (300);
  for (guint round = 0; round < 6; round++)
    {
      set_paused (window, TRUE);
      iterate (100);
      measure_frames (window, 30, idle);
      set_paused (window, FALSE);
      iterate (100);
      measure_frames (window, 30, busy);
    }
  gtk_widget_remove_tick_callback (chart, tick);
  for (guint i = 0; i < 7; i++)
    {
      double ms;

      if (i > 0)
        {
          activate (window, "train");
          iterate (200);
        }
      t0 = g_get_monotonic_time ();
      activate (window, "stop");
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (stops, ms);
    }
  g_print ("frame time (before-paint to after-paint), 1100x720 window, median of %u frames each: "
           "paused, redrawing %.2f ms (baseline), training flat out %.2f ms = %.3fx (goal <= 1.1x)\n",
           idle->len, bench_median (idle), bench_median (busy), bench_median (busy) / bench_median (idle));
  g_print ("win.stop during a 1e9-epoch run, activation to worker joined and window updated, "
           "median of %u: %.3f ms (goal <= 5 ms, one frame is %.1f ms at 60 Hz)\n",
           stops->len, bench_median (stops), 1000.0 / 60);
}

static double
run_to_end (BpWindow   *window,
            const char *epochs,
            int         speed)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  BpProgress progress;

  set_text (bp_training_form_get_epochs_entry (form), epochs);
  g_object_set (form, "speed", speed, NULL);
  activate (window, "train");
  do
    {
      iterate (50);
      bp_window_get_progress (window, &progress);
    }
  while (!bp_trainer_state_is_done (progress.state));
  iterate (100);
  return bench_resident_mib ();
}

/* Heap in use, as opposed to resident: what the process holds, not what
 * the allocator keeps of the peak. */
static double
heap_in_use_mib (void)
{
#ifdef __GLIBC__
  return mallinfo2 ().uordblks / (1024.0 * 1024.0);
#else
  return NAN;
#endif
}

/* A warm-up first: a 1000-epoch run at the watchable speed (5 s of
 * frames, as a class would watch it) brings GTK's and the renderer's
 * caches to their working size.  Between the two figures, a control:
 * three 1000-epoch runs of 10 s each draw frames with no more epochs,
 * so that growth that comes with the frames drawn (a software renderer's
 * heap) is told from growth with the epochs. */
static void
bench_memory (BpWindow   *window,
              const char *big)
{
  double small, control = 0, large, small_heap, large_heap, seconds;
  gint64 t0;

  run_to_end (window, "1000", 1);
  small = run_to_end (window, "1000", 4);
  small_heap = heap_in_use_mib ();
  for (guint i = 0; i < 3; i++)
    control = run_to_end (window, "1000", 0);
  t0 = g_get_monotonic_time ();
  large = run_to_end (window, big, 4);
  seconds = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  large_heap = heap_in_use_mib ();
  g_print ("# control: 30 s of frames in 1000-epoch runs: %+.2f MiB resident\n", control - small);
  g_print ("resident memory after a 1000-epoch run: %.1f MiB; after a %s-epoch run (%.0f s): %.1f MiB; "
           "difference %.2f MiB (goal: a few MiB at most); heap in use %.1f and %.1f MiB\n",
           small, big, seconds, large, large - small, small_heap, large_heap);
}

/* bench-ui [EPOCHS] [--memory-only | --class-size-only]: EPOCHS for the
 * long run of the memory figure; --memory-only skips the views and the
 * frames, for a run under another renderer (tests/bench/meson.build runs
 * one with cairo's); --class-size-only times the views with 4 and 100 000
 * people alone. */
int
main (int    argc,
      char **argv)
{
  const char *big = argc > 1 ? argv[1] : "100000000";
  gboolean memory_only = argc > 2 && g_str_equal (argv[2], "--memory-only");
  BpWindow *window;

  gtk_init ();
  if (argc > 2 && g_str_equal (argv[2], "--class-size-only"))
    {
      bench_class_size ();
      return 0;
    }
  if (!memory_only)
    {
      bench_views ();
      bench_class_size ();
    }
  window = g_object_new (BP_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  iterate (500);
  g_print ("# backprop window benchmark (renderer: %s)\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  if (!memory_only)
    bench_frames (window);
  bench_memory (window, big);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (100);
  return 0;
}
