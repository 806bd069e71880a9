/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-application.c: the application quits promptly during a long run
 *
 * g_application_run() with the real BpApplication: app.quit while a run of
 * a billion epochs is under way must return 0 with the worker joined.
 */
#include "bp-application.h"
#include "ui-utils.h"

typedef struct
{
  BpWindow *window;
  gboolean  quit_sent;
} Run;

static gboolean
quit_once_training (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  Run *run = user_data;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget)));
  GtkMessageDialog *dialog;

  if (ui_test_progress (run->window).epoch == 0)
    return G_SOURCE_CONTINUE;
  run->quit_sent = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  /* The run is unsaved work: quitting asks first, and is told to discard. */
  dialog = ui_test_find_dialog (GTK_WINDOW (run->window));
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GtkApplication *app,
             Run            *run)
{
  BpTrainingForm *form;

  run->window = BP_WINDOW (g_object_ref (gtk_application_get_active_window (app)));
  form = bp_window_get_training_form (run->window);
  bp_training_form_set_speed (form, BP_SPEED_FASTEST);
  gtk_editable_set_text (bp_training_form_get_epochs_entry (form), "1000000000");
  ui_test_activate (run->window, "train");
  gtk_widget_add_tick_callback (GTK_WIDGET (run->window), quit_once_training, run, NULL);
}

static void
test_quit_during_run (void)
{
  g_autoptr(BpApplication) app = bp_application_new ();
  char *argv[] = { (char *) "backprop", NULL };
  Run run = { 0 };
  BpProgress progress;
  int status;

  /* Never hand the activation to a Backprop already running on the bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.quit_sent);
  g_assert_nonnull (run.window);
  g_assert_false (bp_window_has_run (run.window));
  progress = ui_test_progress (run.window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_STOPPED);
  g_assert_cmpuint (progress.epoch, <, 1000000000);
  g_object_unref (run.window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/application/quit-during-run", test_quit_during_run);

  return g_test_run ();
}
