/* bench-startup.c: launch to first painted frame, Backprop's window beside
 * a minimal GTK 4 window, measured in the same run
 *
 * The parent launches this same program as a child in one of two modes
 * and times from the launch to the child's report of its window's first
 * after-paint.  Both children are the same binary, so loading and linking
 * cost the same; the difference is what the window does.
 *   bench-startup [ROUNDS]         the benchmark
 *   bench-startup --child app      BpApplication, as the backprop binary runs it
 *   bench-startup --child minimal  GtkApplication with a window and a label
 */
#include <stdio.h>
#include <stdlib.h>

#include "bp-application.h"

static void
on_after_paint (GdkFrameClock  *clock,
                GtkApplication *app)
{
  g_print ("painted\n");
  fflush (stdout);
  g_signal_handlers_disconnect_by_data (clock, app);
  g_application_quit (G_APPLICATION (app));
}

static void
on_realize (GtkWidget      *window,
            GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), app);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
}

static void
minimal_activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "bench-startup", NULL };

  if (g_str_equal (mode, "app"))
    app = GTK_APPLICATION (bp_application_new ());
  else
    {
      app = gtk_application_new ("io.github.backprop.BenchMinimal", G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "activate", G_CALLBACK (minimal_activate), NULL);
    }
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* Milliseconds from launch to the child's "painted". */
static double
launch (const char *self,
        const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double ms;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--child", mode, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "painted");
  g_subprocess_wait (child, NULL, &error);
  return ms;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  guint rounds = 11;
  double app[64], minimal[64];

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  if (argc > 1)
    rounds = CLAMP (atoi (argv[1]), 1, 64);
  /* Alternate the two so that a busy moment hits both alike. */
  for (guint i = 0; i < rounds; i++)
    {
      minimal[i] = launch (argv[0], "minimal");
      app[i] = launch (argv[0], "app");
    }
  qsort (app, rounds, sizeof (double), compare_doubles);
  qsort (minimal, rounds, sizeof (double), compare_doubles);
  g_print ("launch to first painted frame, median of %u: minimal GTK 4 window %.1f ms (baseline), "
           "Backprop %.1f ms = %.2fx (goal <= 1.3x)\n",
           rounds, minimal[rounds / 2], app[rounds / 2], app[rounds / 2] / minimal[rounds / 2]);
  return 0;
}
