/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-open.c: backprop FILE opens the file, as the desktop file's %F
 * and the file manager ask */
#include <glib/gstdio.h>

#include "bp-application.h"
#include "bp-window-private.h"
#include "ui-utils.h"

typedef struct
{
  char     *path;
  BpWindow *window;
} Run;

static gboolean
quit_when_shown (gpointer user_data)
{
  Run *run = user_data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  run->window = BP_WINDOW (g_object_ref (window));
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
on_open (GApplication  *app,
         GFile        **files,
         int            n_files,
         const char    *hint,
         Run           *run)
{
  g_idle_add (quit_when_shown, run);
}

static void
test_open_session (void)
{
  g_autoptr(BpApplication) app = bp_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BpSession) session = bp_session_new ();
  g_autoptr(BpSession) shown = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  Run run = { 0 };
  int status;

  g_assert_cmpint (g_file_open_tmp ("open-XXXXXX.backprop", &run.path, &error), >=, 0);
  g_assert_no_error (error);
  session->learning_rate = 0.75;
  session->epochs = 333;
  g_assert_true (bp_session_save (session, run.path, &error));
  g_assert_no_error (error);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "open", G_CALLBACK (on_open), &run);
  status = g_application_run (G_APPLICATION (app), 2, (char *[]) { (char *) "backprop", run.path, NULL });

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (run.window);
  file = g_file_new_for_path (run.path);
  g_assert_true (g_file_equal (bp_window_get_file (run.window), file));
  shown = bp_window_dup_session (run.window, NULL);
  g_assert_cmpfloat (shown->learning_rate, ==, 0.75);
  g_assert_cmpuint (shown->epochs, ==, 333);
  /* Listed in the recent files, which the tests keep out of $HOME. */
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), g_getenv ("G_TEST_BUILDDIR")));
  uri = g_file_get_uri (file);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  g_object_unref (run.window);
  g_remove (run.path);
  g_free (run.path);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/open/session", test_open_session);

  return g_test_run ();
}
