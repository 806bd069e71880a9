/* bench-ui.c: the window's drawing, frames, stop and memory, each beside
 * its baseline from the same run
 *
 * Needs a display (build-aux/run gives Xvfb).  Prints figures and asserts
 * nothing about time.  Run with: meson test -C build --benchmark --verbose
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bp-window.h"

#define CHART_WIDTH 800
#define CHART_HEIGHT 400

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return NAN;
  qsort (values->data, values->len, sizeof (double), compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* A history of @epochs epochs shaped like a real loss curve, with a
 * spike in the middle that the chart must keep. */
static void
fill_history (BpHistory *history,
              guint64    epochs)
{
  bp_series_reset (&history->loss);
  bp_series_reset (&history->test_loss);
  for (guint64 e = 0; e < epochs; e++)
    {
      double loss = 0.5 / (1 + e * 1e-3 * (1e3 / epochs) * 50);

      bp_series_push (&history->loss, e == epochs / 2 ? 0.4 : loss);
      bp_series_push (&history->test_loss, loss * 1.2);
    }
}

/* One draw of the chart as GTK does it: its snapshot function records
 * the drawing, then the render node is rasterised into an image. */
static double
draw_once (GtkWidget       *chart,
           cairo_surface_t *surface)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr = cairo_create (surface);
  gint64 t0 = g_get_monotonic_time ();

  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* A chart of its own, allocated exactly 800×400 in a window of that size. */
static void
bench_chart (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = bp_loss_chart_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_WIDTH, CHART_HEIGHT);
  const guint64 counts[] = { 1000, 1000000, 1000000000 };
  BpHistory history;

  bp_history_init (&history);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), CHART_WIDTH, CHART_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);
  g_print ("# chart allocated %dx%d\n", gtk_widget_get_width (chart), gtk_widget_get_height (chart));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      fill_history (&history, counts[i]);
      bp_loss_chart_set_epochs (BP_LOSS_CHART (chart), counts[i]);
      bp_loss_chart_set_history (BP_LOSS_CHART (chart), &history);
      for (guint r = 0; r < 51; r++)
        {
          double t = draw_once (chart, surface);

          g_array_append_val (times, t);
        }
      g_print ("loss chart draw, %" G_GUINT64_FORMAT " epochs of history (train + test): "
               "%.3f ms median (goal <= 2 ms)\n", counts[i], median (times));
    }
  bp_history_clear (&history);
  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
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

static double
measure_frames (BpWindow *window,
                guint     n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Frames frames = { g_array_new (FALSE, FALSE, sizeof (double)), 0, n };
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  double result;

  while (frames.times->len < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  result = median (frames.times);
  g_array_unref (frames.times);
  return result;
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
bench_frames (BpWindow *window)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  GtkWidget *chart = GTK_WIDGET (bp_window_get_loss_chart (window));
  guint tick = gtk_widget_add_tick_callback (chart, redraw_tick, NULL, NULL);
  double idle, busy, stop_ms;
  gint64 t0;

  set_text (bp_training_form_get_epochs_entry (form), "1000000000");
  g_object_set (form, "speed", 4, NULL);
  iterate (300);
  idle = measure_frames (window, 120);
  activate (window, "train");
  iterate (300);
  busy = measure_frames (window, 120);
  gtk_widget_remove_tick_callback (chart, tick);
  t0 = g_get_monotonic_time ();
  activate (window, "stop");
  stop_ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_print ("frame time (before-paint to after-paint), 1100x720 window: idle redraw %.2f ms (baseline), "
           "training flat out %.2f ms = %.3fx (goal <= 1.1x)\n", idle, busy, busy / idle);
  g_print ("win.stop during a 1e9-epoch run, activation to worker joined: %.3f ms (goal <= 5 ms, "
           "one frame is %.1f ms at 60 Hz)\n", stop_ms, 1000.0 / 60);
}

static double
resident_mib (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return NAN;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024 * 1024);
}

static double
run_to_end (BpWindow   *window,
            const char *epochs)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  BpProgress progress;

  set_text (bp_training_form_get_epochs_entry (form), epochs);
  g_object_set (form, "speed", 4, NULL);
  activate (window, "train");
  do
    {
      iterate (50);
      bp_window_get_progress (window, &progress);
    }
  while (!bp_trainer_state_is_done (progress.state));
  iterate (100);
  return resident_mib ();
}

/* Two small runs first, so that caches warmed by the first frames of a
 * run are not counted against the large one. */
static void
bench_memory (BpWindow   *window,
              const char *big)
{
  double small, large;

  run_to_end (window, "1000");
  small = run_to_end (window, "1000");
  large = run_to_end (window, big);

  g_print ("resident memory after a 1000-epoch run: %.1f MiB; after a %s-epoch run: %.1f MiB; "
           "difference %.2f MiB (goal: a few MiB at most)\n", small, big, large, large - small);
}

int
main (int    argc,
      char **argv)
{
  const char *big = argc > 1 ? argv[1] : "100000000";
  BpWindow *window;

  gtk_init ();
  bench_chart ();
  window = g_object_new (BP_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  iterate (500);
  g_print ("# backprop window benchmark (renderer: %s)\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  bench_frames (window);
  bench_memory (window, big);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (100);
  return 0;
}
