/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-class.c: the window with a class of 100 000 beside the seeds' four
 *
 *   bench-class [PEOPLE [EPOCHS]]     the benchmark (100 000 people, 100 epochs)
 *   bench-class --child open FILE     Backprop opening FILE: reports the
 *                                     time to its first frame, to the
 *                                     frame after an action, and its
 *                                     resident memory once settled
 *   bench-class --child train FILE E  the same, then E epochs at full
 *                                     speed: time per step and frame times
 *
 * Each window is a child process of its own, so that its resident size is
 * its own; the parent writes the files, launches the children in turn and
 * runs backprop-cli on the same file for the trainer's baseline.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-utils.h"
#include "bp-application.h"
#include "bp-csv.h"
#include "bp-random.h"
#include "bp-window-private.h"

/* ---- the child: one window ------------------------------------------------ */

typedef struct
{
  gint64  opened;       /* the application's open signal */
  gint64  painted;      /* the window's first after-paint */
  GArray *frames;       /* before-paint to after-paint, ms, when recording */
  gint64  frame_start;
  gboolean recording;
  gboolean painted_since;
} Child;

static Child child;

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       data)
{
  child.frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  if (child.painted == 0)
    child.painted = g_get_monotonic_time ();
  child.painted_since = TRUE;
  if (child.recording && child.frame_start != 0)
    {
      double ms = (g_get_monotonic_time () - child.frame_start) / 1000.0;

      g_array_append_val (child.frames, ms);
    }
}

static void
on_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static void
on_open (GApplication *app)
{
  child.opened = g_get_monotonic_time ();
}

static void
iterate_until_painted (void)
{
  child.painted_since = FALSE;
  while (!child.painted_since)
    g_main_context_iteration (NULL, TRUE);
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The chart redrawn every frame as during training, for the idle frames. */
static gboolean
redraw_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Frame times while idle but redrawing, then per step and frame times of
 * a run of @epochs at full speed. */
static void
child_train (BpWindow   *window,
             const char *epochs)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));
  BpProgress progress;
  guint tick;
  gint64 t0;
  double seconds;

  gtk_editable_set_text (bp_training_form_get_epochs_entry (form), epochs);
  bp_training_form_set_speed (form, BP_SPEED_FASTEST);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), redraw_tick, NULL, NULL);
  child.recording = TRUE;
  iterate (2000);
  g_array_append_vals (idle, child.frames->data, child.frames->len);
  g_array_set_size (child.frames, 0);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);

  t0 = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "train", NULL);
  do
    {
      g_main_context_iteration (NULL, TRUE);
      bp_window_get_progress (window, &progress);
    }
  while (!bp_trainer_state_is_done (progress.state));
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  child.recording = FALSE;
  g_print ("trained %.6f frames %.3f idle %.3f\n", seconds, bench_median (child.frames), bench_median (idle));
}

typedef struct
{
  GApplication *app;
  const char   *mode;
  const char   *epochs;
} Run;

/* Once the window has painted its first frame, in the application's loop. */
static void
measure (gpointer data)
{
  Run *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  gint64 asked;
  double answer;

  /* An action, as a teacher's click or a D-Bus call, and the frame it
   * brings: does the window answer? */
  asked = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-page", NULL);
  iterate_until_painted ();
  answer = (g_get_monotonic_time () - asked) / 1000.0;
  iterate (1000);
  g_print ("open %.3f answer %.3f rss %.2f\n", (child.painted - child.opened) / 1000.0,
           answer, bench_resident_mib ());
  if (g_str_equal (run->mode, "train"))
    child_train (BP_WINDOW (window), run->epochs);
  gtk_window_destroy (window);
}

static gboolean
wait_first_frame (gpointer data)
{
  if (child.painted == 0)
    return G_SOURCE_CONTINUE;
  g_idle_add_once (measure, data);
  return G_SOURCE_REMOVE;
}

static int
child_run (const char *mode,
           const char *path,
           const char *epochs)
{
  g_autoptr(GApplication) app = G_APPLICATION (bp_application_new ());
  char *argv[] = { (char *) "bench-class", (char *) path, NULL };
  Run run = { app, mode, epochs };

  child.frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_application_set_flags (app, G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_signal_connect (app, "open", G_CALLBACK (on_open), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  g_timeout_add (10, wait_first_frame, &run);
  return g_application_run (app, 2, argv);
}

/* ---- the parent ---------------------------------------------------------- */

/* @n people around the seeds' centre, half F and half M, as a CSV. */
static char *
write_class (const char *dir,
             guint       n)
{
  g_autoptr(BpPeople) people = bp_people_new ();
  g_autoptr(GError) error = NULL;
  BpRandom random;
  char *path = g_strdup_printf ("%s/class-%u.csv", dir, n);

  bp_random_init (&random, 7);
  for (guint i = 0; i < n; i++)
    {
      gboolean female = i % 2 == 0;
      g_autofree char *name = g_strdup_printf ("Person %06u", i + 1);
      double weight = (female ? 125 : 160) + 20 * (bp_random_double (&random) - 0.5);
      double height = (female ? 64 : 69) + 6 * (bp_random_double (&random) - 0.5);

      bp_people_add (people, bp_person_new (name, round (weight * 10) / 10,
                                            round (height * 10) / 10,
                                            female ? BP_GENDER_FEMALE : BP_GENDER_MALE));
    }
  if (!bp_csv_save (people, BP_UNITS_LB_IN, path, &error))
    g_error ("%s", error->message);
  return path;
}

typedef struct
{
  double open, answer, rss, trained, frames, idle;
} Figures;

static void
launch (const char *self,
        const char *mode,
        const char *path,
        const char *epochs,
        Figures    *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           self, "--child", mode, path, epochs, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  g_assert_cmpint (sscanf (out, "open %lf answer %lf rss %lf", &f->open, &f->answer, &f->rss), ==, 3);
  if (g_str_equal (mode, "train"))
    {
      const char *line = strstr (out, "trained");

      g_assert_nonnull (line);
      g_assert_cmpint (sscanf (line, "trained %lf frames %lf idle %lf",
                               &f->trained, &f->frames, &f->idle), ==, 3);
    }
}

/* backprop-cli on the same file, wall time in seconds. */
static double
cli_seconds (const char *path,
             const char *epochs)
{
  const char *cli = g_getenv ("BACKPROP_CLI");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_nonnull (cli);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, cli, "train",
                           "--data", path, "--every", "0", "--epochs", epochs, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *small = NULL, *large = NULL;
  const char *epochs = "100";
  guint n = 100000;
  Figures four = { 0 }, class = { 0 };
  double cli, steps;
  gint64 t0;

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return child_run (argv[2], argv[3], argv[4]);
  if (argc > 1)
    n = CLAMP (atoi (argv[1]), 4, 100000);
  if (argc > 2)
    epochs = argv[2];
  dir = g_dir_make_tmp ("bench-class-XXXXXX", &error);
  g_assert_no_error (error);
  small = write_class (dir, 4);
  large = write_class (dir, n);

  t0 = g_get_monotonic_time ();
  bp_people_unref (bp_csv_load (large, &error));
  g_assert_no_error (error);
  g_print ("# reading the %u-person file alone: %.1f ms\n", n, (g_get_monotonic_time () - t0) / 1000.0);
  launch (argv[0], "open", small, epochs, &four);
  launch (argv[0], "train", large, epochs, &class);
  cli = cli_seconds (large, epochs);
  steps = (double) n * atoi (epochs);

  g_print ("opening %u people: first frame %.0f ms after the open (4 people: %.0f ms); "
           "an action's frame %.1f ms (4 people: %.1f ms) (goal: answers within 1 s)\n",
           n, class.open, four.open, class.answer, four.answer);
  g_print ("resident memory, settled: %.1f MiB with %u people, %.1f MiB with 4: +%.1f MiB (goal <= +100 MiB)\n",
           class.rss, n, four.rss, class.rss - four.rss);
  g_print ("training %u people x %s epochs in the window: %.1f ns per step; backprop-cli %.1f ns "
           "(process included): %.2fx (goal <= 1.3x)\n", n, epochs,
           class.trained * 1e9 / steps, cli * 1e9 / steps, class.trained / cli);
  g_print ("frame time while training %u people: %.2f ms; idle, redrawing: %.2f ms: %.2fx (goal <= 1.1x)\n",
           n, class.frames, class.idle, class.frames / class.idle);
  g_remove (small);
  g_remove (large);
  g_rmdir (dir);
  return 0;
}
