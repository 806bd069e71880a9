/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-class.c: the window with a class of 100 000 beside the seeds' four
 *
 *   bench-class [PEOPLE [EPOCHS]]     the benchmark (100 000 people, 100 epochs)
 *   bench-class --child open FILE     Backprop opening FILE: reports the
 *                                     time to its first frame, to the
 *                                     frame after an action, and its
 *                                     resident memory once settled
 *   bench-class --child train FILE E  the same, then E epochs at full
 *                                     speed: time per step, the worker's
 *                                     processor time and waits, frame
 *                                     times; then frames of a long run
 *                                     paused and training in turn
 *
 * Each window is a child process of its own, so that its resident size is
 * its own; the parent writes the files, launches the children in turn and
 * runs backprop-cli on the same file for the trainer's baseline, in turn
 * with the trainer alone, without a window.  Every time per step is given
 * in processor time beside wall time: on a shared machine the worker, a
 * SCHED_IDLE thread, waits for a core as long as anything else wants one,
 * which wall time counts and processor time does not.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-utils.h"
#include "bp-application.h"
#include "bp-csv.h"
#include "bp-random.h"
#include "bp-trainer.h"
#include "bp-window-private.h"

/* ---- the child: one window ------------------------------------------------ */

typedef struct
{
  gint64  opened;       /* the application's open signal */
  gint64  painted;      /* the window's first after-paint */
  GArray *frames;       /* before-paint to after-paint, ms, when recording */
  GArray *frames_cpu;   /* the same in the main thread's processor time */
  gint64  frame_start;
  gint64  frame_start_cpu;
  gboolean recording;
  gboolean painted_since;
} Child;

static Child child;

/* The calling thread's processor time, in µs. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The whole process's, all threads, ended ones included. */
static double
process_cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       data)
{
  child.frame_start = g_get_monotonic_time ();
  child.frame_start_cpu = thread_cpu_us ();
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
      double cpu_ms = (thread_cpu_us () - child.frame_start_cpu) / 1000.0;

      g_array_append_val (child.frames, ms);
      g_array_append_val (child.frames_cpu, cpu_ms);
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

/* While the run is paused, the views are given new parameters every
 * frame, as a run gives them, the status line a new epoch and loss, and
 * the loss chart is drawn again: the idle frames then draw what training
 * frames draw, without a trainer working beside them (as bench-ui's
 * paused frames redraw the chart).  Any text changed costs GTK 4.8's
 * cairo renderer a frame's worth of drawing, whatever its size; without
 * the status line the paused frames changed no text at all. */
static gboolean
redraw_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  BpWindow *window = BP_WINDOW (widget);
  const BpProgress *p = bp_lesson_get_progress (bp_window_get_lesson (window));
  static guint frame;
  g_autofree char *epoch = NULL;
  g_autofree char *loss = NULL;
  BpParams params;

  if (p->state != BP_TRAINER_PAUSED)
    return G_SOURCE_CONTINUE;
  params = p->params;
  params.w1 += ++frame % 2 != 0 ? 1e-3 : -1e-3;
  bp_prediction_panel_set_params (bp_window_get_prediction_panel (window), &params);
  bp_network_diagram_set_params (bp_window_get_network_diagram (window), &params);
  bp_decision_map_set_params (bp_window_get_decision_map (window), &params);
  bp_explain_panel_set_params (bp_window_get_explain_panel (window), &params);
  gtk_widget_queue_draw (GTK_WIDGET (bp_window_get_loss_chart (window)));
  epoch = g_strdup_printf ("Epoch %u of %" G_GUINT64_FORMAT, frame, p->epochs);
  loss = g_strdup_printf ("Loss %.6f", 0.25 + (frame % 2) * 1e-6);
  gtk_label_set_text (window->epoch_label, epoch);
  gtk_label_set_text (window->loss_label, loss);
  return G_SOURCE_CONTINUE;
}

/* Records the next @n frames into child.frames and child.frames_cpu. */
static void
record_frames (guint n)
{
  guint wanted = child.frames->len + n;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  child.recording = TRUE;
  while (child.frames->len < wanted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  child.recording = FALSE;
}

static void
set_paused (BpWindow *window,
            gboolean  paused)
{
  g_action_group_change_action_state (G_ACTION_GROUP (window), "pause", g_variant_new_boolean (paused));
}

/* Frames of a long run paused (the window redrawing the same things,
 * nothing training) and going flat out, in turn six times, so that a
 * busy spell of the machine falls on both alike, with the view @page on
 * show: the medians of each, wall and processor time of the window's
 * thread. */
static void
frames_in_turn (BpWindow   *window,
                const char *page,
                double      figures[4])
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), redraw_tick, NULL, NULL);
  g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) busy_cpu = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_stack_set_visible_child_name (bp_window_get_views (window), page);
  gtk_editable_set_text (bp_training_form_get_epochs_entry (form), "1000000000");
  g_action_group_activate_action (G_ACTION_GROUP (window), "train", NULL);
  iterate (300);
  for (guint round = 0; round < 6; round++)
    for (guint training = 0; training < 2; training++)
      {
        set_paused (window, !training);
        iterate (150);
        g_array_set_size (child.frames, 0);
        g_array_set_size (child.frames_cpu, 0);
        record_frames (30);
        g_array_append_vals (training ? busy : idle, child.frames->data, child.frames->len);
        g_array_append_vals (training ? busy_cpu : idle_cpu, child.frames_cpu->data,
                             child.frames_cpu->len);
      }
  g_action_group_activate_action (G_ACTION_GROUP (window), "stop", NULL);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  figures[0] = bench_median (busy);
  figures[1] = bench_median (busy_cpu);
  figures[2] = bench_median (idle);
  figures[3] = bench_median (idle_cpu);
}

/* The trainer's thread, and what the scheduler says of it: processor
 * time and time spent waiting for a processor, in ns (Linux only; 0
 * elsewhere). */
typedef struct
{
  char    *schedstat;   /* its /proc file, once found */
  guint64  run_ns;
  guint64  wait_ns;
} Worker;

/* Whether the thread @tid runs at SCHED_IDLE (5), as only the trainer's
 * worker does: policy is the 41st field of its stat file. */
static gboolean
is_idle_thread (const char *tid)
{
  g_autofree char *path = g_strdup_printf ("/proc/self/task/%s/stat", tid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (end = strrchr (stat, ')')) == NULL)
    return FALSE;
  /* Fields from the third on, after the name in parentheses. */
  fields = g_strsplit (end + 2, " ", -1);
  return g_strv_length (fields) > 38 && g_str_equal (fields[38], "5");
}

static void
worker_find (Worker *w)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (dir != NULL && w->schedstat == NULL && (tid = g_dir_read_name (dir)) != NULL)
    if (is_idle_thread (tid))
      w->schedstat = g_strdup_printf ("/proc/self/task/%s/schedstat", tid);
}

/* Read as often as the loop turns: the figures of a thread that has
 * ended are gone, so the last reading before it ends is kept. */
static void
worker_read (Worker *w)
{
  g_autofree char *text = NULL;
  guint64 run, wait;

  if (w->schedstat == NULL)
    worker_find (w);
  if (w->schedstat != NULL && g_file_get_contents (w->schedstat, &text, NULL, NULL) &&
      sscanf (text, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &run, &wait) == 2)
    {
      w->run_ns = run;
      w->wait_ns = wait;
    }
}

/* A run of @epochs at full speed, timed from the action to the frame
 * that shows it done, with its frames; then frames training and paused
 * in turn. */
static void
child_train (BpWindow   *window,
             const char *epochs)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  Worker worker = { NULL, 0, 0 };
  double seconds, started, main_cpu, process_cpu, frames, frames_cpu, in_turn[4], trajectories[4];
  BpProgress progress;
  gint64 t0, cpu0;

  gtk_editable_set_text (bp_training_form_get_epochs_entry (form), epochs);
  bp_training_form_set_speed (form, BP_SPEED_FASTEST);
  t0 = g_get_monotonic_time ();
  cpu0 = thread_cpu_us ();
  process_cpu = process_cpu_s ();
  child.recording = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (window), "train", NULL);
  started = (g_get_monotonic_time () - t0) / 1e6;
  do
    {
      g_main_context_iteration (NULL, TRUE);
      worker_read (&worker);
      bp_window_get_progress (window, &progress);
    }
  while (!bp_trainer_state_is_done (progress.state));
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  main_cpu = (thread_cpu_us () - cpu0) / 1e6;
  process_cpu = process_cpu_s () - process_cpu;
  child.recording = FALSE;
  frames = bench_median (child.frames);
  frames_cpu = bench_median (child.frames_cpu);
  frames_in_turn (window, "loss", in_turn);
  frames_in_turn (window, "trajectories", trajectories);
  g_print ("trained %.6f started %.6f worker %.6f waited %.6f main %.6f process %.6f\n",
           seconds, started, worker.run_ns / 1e9, worker.wait_ns / 1e9, main_cpu, process_cpu);
  g_print ("frames %.3f %.3f busy %.3f %.3f idle %.3f %.3f\n",
           frames, frames_cpu, in_turn[0], in_turn[1], in_turn[2], in_turn[3]);
  g_print ("trajectories busy %.3f %.3f idle %.3f %.3f\n",
           trajectories[0], trajectories[1], trajectories[2], trajectories[3]);
  g_free (worker.schedstat);
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
  child.frames_cpu = g_array_new (FALSE, FALSE, sizeof (double));
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
  double open, answer, rss;
  double trained, started, worker, waited, main_cpu, process_cpu;
  double frames, frames_cpu, busy, busy_cpu, idle, idle_cpu;
  double traj_busy, traj_busy_cpu, traj_idle, traj_idle_cpu;
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
      const char *trained = strstr (out, "trained");
      const char *frames = strstr (out, "frames");
      const char *trajectories = strstr (out, "trajectories");

      g_assert_nonnull (trained);
      g_assert_nonnull (frames);
      g_assert_nonnull (trajectories);
      g_assert_cmpint (sscanf (trained, "trained %lf started %lf worker %lf waited %lf main %lf process %lf",
                               &f->trained, &f->started, &f->worker, &f->waited, &f->main_cpu,
                               &f->process_cpu), ==, 6);
      g_assert_cmpint (sscanf (frames, "frames %lf %lf busy %lf %lf idle %lf %lf",
                               &f->frames, &f->frames_cpu, &f->busy, &f->busy_cpu,
                               &f->idle, &f->idle_cpu), ==, 6);
      g_assert_cmpint (sscanf (trajectories, "trajectories busy %lf %lf idle %lf %lf",
                               &f->traj_busy, &f->traj_busy_cpu, &f->traj_idle,
                               &f->traj_idle_cpu), ==, 4);
    }
}

/* Wall and processor time of one way to train, seconds. */
typedef struct
{
  double wall;
  double cpu;
} Timing;

#define RUNS 3

/* The medians of @runs, each figure on its own. */
static Timing
median_timing (Timing *runs,
               guint   n)
{
  double wall[RUNS], cpu[RUNS];

  for (guint i = 0; i < n; i++)
    {
      wall[i] = runs[i].wall;
      cpu[i] = runs[i].cpu;
    }
  qsort (wall, n, sizeof (double), bench_compare_doubles);
  qsort (cpu, n, sizeof (double), bench_compare_doubles);
  return (Timing) { wall[n / 2], cpu[n / 2] };
}

static double
children_cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* backprop-cli on the same file, the whole process: its start, the read
 * and the epochs. */
static Timing
cli_run (const char *path,
         const char *epochs)
{
  const char *cli = g_getenv ("BACKPROP_CLI");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double cpu0 = children_cpu_s ();

  g_assert_nonnull (cli);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, cli, "train",
                           "--data", path, "--every", "0", "--epochs", epochs, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
  return (Timing) { (g_get_monotonic_time () - t0) / 1e6, children_cpu_s () - cpu0 };
}

/* BpTrainer with no window, from the read of the file to the end of the
 * run, as the CLI's figure counts it (less the process's start). */
static Timing
headless_run (const char *path,
              const char *epochs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) people = NULL;
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(BpTrainer) trainer = NULL;
  BpTrainerConfig config = { .learning_rate = 0.1, .epochs = g_ascii_strtoull (epochs, NULL, 10) };
  BpNormalizer norm;
  gint64 t0 = g_get_monotonic_time ();
  double cpu0 = process_cpu_s ();

  people = bp_csv_load (path, &error);
  g_assert_no_error (error);
  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  data = bp_people_to_dataset (people, &norm);
  bp_params_from_seed (&config.initial, 1);
  trainer = bp_trainer_new (data, NULL, &config);
  bp_trainer_start (trainer, FALSE);
  bp_trainer_wait (trainer, -1);
  g_clear_pointer (&trainer, bp_trainer_free);
  return (Timing) { (g_get_monotonic_time () - t0) / 1e6, process_cpu_s () - cpu0 };
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
  Timing cli_runs[RUNS], headless_runs[RUNS], cli, headless;
  double steps;
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
  /* In turn, so that a busy spell weighs on both alike. */
  for (guint i = 0; i < RUNS; i++)
    {
      cli_runs[i] = cli_run (large, epochs);
      headless_runs[i] = headless_run (large, epochs);
    }
  cli = median_timing (cli_runs, RUNS);
  headless = median_timing (headless_runs, RUNS);
  steps = (double) n * atoi (epochs);

  g_print ("opening %u people: first frame %.0f ms after the open (4 people: %.0f ms); "
           "an action's frame %.1f ms (4 people: %.1f ms) (goal: answers within 1 s)\n",
           n, class.open, four.open, class.answer, four.answer);
  g_print ("resident memory, settled: %.1f MiB with %u people, %.1f MiB with 4: +%.1f MiB (goal <= +100 MiB)\n",
           class.rss, n, four.rss, class.rss - four.rss);
  g_print ("training %u people x %s epochs, ns per step (medians of %u; processor / wall time):\n",
           n, epochs, RUNS);
  g_print ("  backprop-cli, process and read included: %.1f / %.1f\n",
           cli.cpu * 1e9 / steps, cli.wall * 1e9 / steps);
  g_print ("  the trainer with no window, read included: %.1f / %.1f: %.2fx / %.2fx\n",
           headless.cpu * 1e9 / steps, headless.wall * 1e9 / steps,
           headless.cpu / cli.cpu, headless.wall / cli.wall);
  g_print ("  in the window, its worker: %.1f / %.1f: %.2fx / %.2fx (goal <= 1.3x)\n",
           class.worker * 1e9 / steps, class.trained * 1e9 / steps,
           class.worker / cli.cpu, class.trained / cli.wall);
  g_print ("  the window's run: %.0f ms to start it, %.0f ms of the worker waiting for a core; "
           "processor time %.0f ms in the window's thread, %.0f ms in all\n",
           class.started * 1e3, class.waited * 1e3, class.main_cpu * 1e3, class.process_cpu * 1e3);
  g_print ("frame time (before-paint to after-paint; the window's processor time), %u people, "
           "medians of 180 frames each, the Loss page on show: paused, the views given new parameters each frame %.2f ms (%.2f ms), training flat out "
           "%.2f ms (%.2f ms): %.2fx (%.2fx) (goal <= 1.1x); during the run above %.2f ms (%.2f ms)\n",
           n, class.idle, class.idle_cpu, class.busy, class.busy_cpu, class.busy / class.idle,
           class.busy_cpu / class.idle_cpu, class.frames, class.frames_cpu);
  g_print ("  the same with the Trajectories page on show: paused %.2f ms (%.2f ms), training %.2f ms (%.2f ms): "
           "%.2fx (%.2fx)\n",
           class.traj_idle, class.traj_idle_cpu, class.traj_busy, class.traj_busy_cpu,
           class.traj_busy / class.traj_idle, class.traj_busy_cpu / class.traj_idle_cpu);
  g_remove (small);
  g_remove (large);
  g_rmdir (dir);
  return 0;
}
