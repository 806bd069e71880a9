/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup.c: launch to first painted frame, Backprop's window beside
 * a minimal GTK 4 window, measured in the same run
 *
 * The parent launches this same program as a child in one of three modes
 * and times from the launch to the child's report of its window's first
 * after-paint.  The children are the same binary, so loading and linking
 * cost the same; the difference is what the window does.
 *   bench-startup [ROUNDS]        the benchmark
 *   bench-startup --child app     BpApplication, as the backprop binary runs it
 *   bench-startup --child minimal GtkApplication with a window and a label
 *   bench-startup --child stock   GtkApplication with a window of stock
 *                                 widgets shaped like Backprop's (a header
 *                                 bar with a view switcher and buttons,
 *                                 entries, a list, progress bars): not a
 *                                 goal, a reference for what GTK's own
 *                                 widgets cost on this display
 *
 * Each child also reports when it reached the phases of its start, so
 * that the difference can be placed: GTK's set-up, building the window,
 * realizing it (the renderer's set-up), and drawing the first frame.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench-utils.h"
#include "bp-application.h"

enum
{
  PHASE_MAIN,       /* the child's main() */
  PHASE_STARTUP,    /* GApplication::startup done: GTK is set up */
  PHASE_ADDED,      /* the window is built and added */
  PHASE_REALIZE,    /* the window is realized: the renderer is ready */
  PHASE_PAINTED,    /* the first frame's after-paint */
  N_PHASES
};

static const char *phase_names[N_PHASES] = {
  "process start", "GTK set-up", "window built", "realized", "first frame drawn",
};

static gint64 phases[N_PHASES];

static void
mark (guint phase)
{
  phases[phase] = g_get_monotonic_time ();
}

/* One line for the parent: the phases in microseconds since main(). */
static void
report (void)
{
  g_print ("painted");
  for (guint i = PHASE_STARTUP; i < N_PHASES; i++)
    g_print (" %" G_GINT64_FORMAT, phases[i] - phases[PHASE_MAIN]);
  g_print ("\n");
  fflush (stdout);
}

static void
on_after_paint (GdkFrameClock  *clock,
                GtkApplication *app)
{
  mark (PHASE_PAINTED);
  report ();
  g_signal_handlers_disconnect_by_data (clock, app);
  g_application_quit (G_APPLICATION (app));
}

static void
on_realize (GtkWidget      *window,
            GtkApplication *app)
{
  mark (PHASE_REALIZE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), app);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  mark (PHASE_ADDED);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
}

static void
on_startup (GApplication *app)
{
  mark (PHASE_STARTUP);
}

static void
minimal_activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}

/* The reference window's widget tree: GTK's widgets only, about as many
 * and of the same kinds as Backprop's first view. */
static const char stock_ui[] =
  "<interface>"
  "<object class='GtkHeaderBar' id='header'>"
  "  <property name='title-widget'><object class='GtkStackSwitcher'><property name='stack'>views</property></object></property>"
  "  <child type='start'><object class='GtkButton'><property name='label'>Train</property><style><class name='suggested-action'/></style></object></child>"
  "  <child type='start'><object class='GtkButton'><property name='label'>Pause</property><property name='sensitive'>false</property></object></child>"
  "  <child type='start'><object class='GtkButton'><property name='label'>Step</property></object></child>"
  "  <child type='start'><object class='GtkButton'><property name='label'>Stop</property><property name='sensitive'>false</property></object></child>"
  "  <child type='end'><object class='GtkMenuButton'><property name='icon-name'>open-menu-symbolic</property></object></child>"
  "</object>"
  "<object class='GtkBox' id='content'>"
  "  <child><object class='GtkBox' id='side'><property name='orientation'>vertical</property><property name='spacing'>6</property>"
  "    <property name='margin-start'>12</property><property name='margin-end'>12</property><property name='margin-top'>12</property>"
  "    <child><object class='GtkLabel'><property name='label'>Training</property><property name='xalign'>0</property><style><class name='heading'/></style></object></child>"
  "    <child><object class='GtkEntry'><property name='text'>0.1</property></object></child>"
  "    <child><object class='GtkEntry'><property name='text'>1000</property></object></child>"
  "    <child><object class='GtkEntry'><property name='text'>1</property></object></child>"
  "    <child><object class='GtkDropDown'><property name='model'><object class='GtkStringList'><items><item>Minus 135 lb and 66 in</item><item>Mean</item></items></object></property></object></child>"
  "    <child><object class='GtkScale'><property name='adjustment'><object class='GtkAdjustment'><property name='upper'>4</property><property name='value'>1</property></object></property></object></child>"
  "    <child><object class='GtkLabel'><property name='label'>People</property><property name='xalign'>0</property><style><class name='heading'/></style></object></child>"
  "    <child><object class='GtkListBox' id='people'><style><class name='boxed-list'/></style></object></child>"
  "  </object></child>"
  "  <child><object class='GtkSeparator'/></child>"
  "  <child><object class='GtkBox' id='main'><property name='orientation'>vertical</property><property name='hexpand'>true</property><property name='spacing'>6</property>"
  "    <child><object class='GtkLabel'><property name='label'>Ready   Epoch 0 of 1000   Loss 0.2</property><property name='xalign'>0</property></object></child>"
  "    <child><object class='GtkStack' id='views'><property name='vexpand'>true</property>"
  "      <child><object class='GtkStackPage'><property name='name'>loss</property><property name='title'>Loss</property><property name='child'><object class='GtkFrame'><property name='child'><object class='GtkDrawingArea'/></property></object></property></object></child>"
  "      <child><object class='GtkStackPage'><property name='name'>traj</property><property name='title'>Trajectories</property><property name='child'><object class='GtkLabel'/></property></object></child>"
  "      <child><object class='GtkStackPage'><property name='name'>net</property><property name='title'>Network</property><property name='child'><object class='GtkLabel'/></property></object></child>"
  "      <child><object class='GtkStackPage'><property name='name'>map</property><property name='title'>Decision Map</property><property name='child'><object class='GtkLabel'/></property></object></child>"
  "      <child><object class='GtkStackPage'><property name='name'>explain</property><property name='title'>Explain</property><property name='child'><object class='GtkLabel'/></property></object></child>"
  "    </object></child>"
  "    <child><object class='GtkBox' id='predictions'><property name='orientation'>vertical</property></object></child>"
  "  </object></child>"
  "</object>"
  "</interface>";

/* A person's row, and a prediction, as Backprop has four of each. */
static void
add_person (GtkBuilder *builder,
            const char *name)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *prediction = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_progress_bar_new ();
  const char *genders[] = { "F", "M", NULL };

  gtk_box_append (GTK_BOX (row), g_object_new (GTK_TYPE_ENTRY, "text", name, "width-chars", 8, NULL));
  gtk_box_append (GTK_BOX (row), g_object_new (GTK_TYPE_ENTRY, "text", "133", "width-chars", 4, NULL));
  gtk_box_append (GTK_BOX (row), g_object_new (GTK_TYPE_ENTRY, "text", "65", "width-chars", 4, NULL));
  gtk_box_append (GTK_BOX (row), gtk_drop_down_new_from_strings (genders));
  gtk_box_append (GTK_BOX (row), gtk_check_button_new ());
  gtk_box_append (GTK_BOX (row), gtk_button_new_from_icon_name ("edit-copy-symbolic"));
  gtk_box_append (GTK_BOX (row), gtk_button_new_from_icon_name ("user-trash-symbolic"));
  gtk_list_box_append (GTK_LIST_BOX (gtk_builder_get_object (builder, "people")), row);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), 0.5);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_box_append (GTK_BOX (prediction), gtk_label_new (name));
  gtk_box_append (GTK_BOX (prediction), bar);
  gtk_box_append (GTK_BOX (prediction), gtk_label_new ("Female 50.0 %"));
  gtk_box_append (GTK_BOX (prediction), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_box_append (GTK_BOX (gtk_builder_get_object (builder, "predictions")), prediction);
}

static void
stock_activate (GtkApplication *app)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (stock_ui, -1);
  GtkWidget *window = gtk_application_window_new (app);
  const char *names[] = { "Alice", "Bob", "Charlie", "Diana" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_person (builder, names[i]);
  gtk_window_set_titlebar (GTK_WINDOW (window), GTK_WIDGET (gtk_builder_get_object (builder, "header")));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (gtk_builder_get_object (builder, "content")));
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
      g_signal_connect (app, "activate",
                        G_CALLBACK (g_str_equal (mode, "stock") ? stock_activate : minimal_activate), NULL);
    }
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "startup", G_CALLBACK (on_startup), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* One launch: milliseconds from launch to each phase, the last being the
 * first painted frame. */
static void
launch (const char *self,
        const char *mode,
        double      ms[N_PHASES])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double total;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--child", mode, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  total = (g_get_monotonic_time () - t0) / 1000.0;
  g_assert_no_error (error);
  g_assert_nonnull (line);
  fields = g_strsplit (line, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, N_PHASES);
  g_assert_cmpstr (fields[0], ==, "painted");
  /* The child counts from its main(); what came before is the launch. */
  ms[PHASE_MAIN] = total - g_ascii_strtod (fields[N_PHASES - 1], NULL) / 1000.0;
  for (guint i = PHASE_STARTUP; i < N_PHASES; i++)
    ms[i] = ms[PHASE_MAIN] + g_ascii_strtod (fields[i], NULL) / 1000.0;
  g_subprocess_wait (child, NULL, &error);
}

/* Median over the rounds of each phase's own duration. */
static void
medians (double   runs[][N_PHASES],
         guint    rounds,
         double   out[N_PHASES])
{
  for (guint p = 0; p < N_PHASES; p++)
    {
      double d[64];

      for (guint i = 0; i < rounds; i++)
        d[i] = runs[i][p] - (p > 0 ? runs[i][p - 1] : 0);
      qsort (d, rounds, sizeof (double), bench_compare_doubles);
      out[p] = d[rounds / 2];
    }
}

static double
median_total (double runs[][N_PHASES],
              guint  rounds)
{
  double d[64];

  for (guint i = 0; i < rounds; i++)
    d[i] = runs[i][PHASE_PAINTED];
  qsort (d, rounds, sizeof (double), bench_compare_doubles);
  return d[rounds / 2];
}

int
main (int    argc,
      char **argv)
{
  static double app[64][N_PHASES], minimal[64][N_PHASES], stock[64][N_PHASES];
  double a[N_PHASES], m[N_PHASES], s[N_PHASES];
  guint rounds = 11;

  mark (PHASE_MAIN);
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  if (argc > 1)
    rounds = CLAMP (atoi (argv[1]), 1, 64);
  /* Interleaved, so that a busy moment hits all three alike. */
  for (guint i = 0; i < rounds; i++)
    {
      launch (argv[0], "minimal", minimal[i]);
      launch (argv[0], "app", app[i]);
      launch (argv[0], "stock", stock[i]);
    }
  medians (minimal, rounds, m);
  medians (app, rounds, a);
  medians (stock, rounds, s);
  g_print ("# median of %u launches of each, ms: phase: minimal window / Backprop / stock widgets\n", rounds);
  for (guint p = 0; p < N_PHASES; p++)
    g_print ("#   %-18s %7.1f / %7.1f / %7.1f\n", phase_names[p], m[p], a[p], s[p]);
  g_print ("launch to first painted frame, median of %u: minimal GTK 4 window %.1f ms (baseline), "
           "Backprop %.1f ms = %.2fx (goal <= 1.3x); for reference, GTK's stock widgets alone %.1f ms = %.2fx\n",
           rounds, median_total (minimal, rounds), median_total (app, rounds),
           median_total (app, rounds) / median_total (minimal, rounds),
           median_total (stock, rounds), median_total (stock, rounds) / median_total (minimal, rounds));
  return 0;
}
