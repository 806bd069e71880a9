/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dialogs.c: one dialog of each kind at a time
 *
 * Activating Open, Save As, Import or an Export again while its dialog is
 * open brings that dialog to the front instead of stacking another; once
 * it is closed, the next activation opens a new one.
 */
#include <glib/gstdio.h>

#include "bp-export-dialog.h"
#include "ui-utils.h"

/* The toplevels of @type transient for @window, and the last of them. */
static guint
count_dialogs (BpWindow   *window,
               GType       type,
               GtkWindow **last)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      /* A file chooser's dialog only becomes transient when shown. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          (type == GTK_TYPE_FILE_CHOOSER_DIALOG ||
           gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)))
        {
          n++;
          if (last != NULL)
            *last = toplevel;
        }
    }
  return n;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_map (GtkWidget *widget,
        guint     *maps)
{
  (*maps)++;
}

/* Waits until @dialog is gone from the toplevels. */
static void
wait_gone (BpWindow *window,
           GType     type)
{
  while (count_dialogs (window, type, NULL) > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_file_chooser (gconstpointer data)
{
  const char *action = data;
  BpWindow *window = ui_test_new_window ();
  GtkWindow *dialog = NULL, *again = NULL;
  guint maps = 0;
  gulong handler;

  g_assert_cmpuint (count_dialogs (window, GTK_TYPE_FILE_CHOOSER_DIALOG, NULL), ==, 0);
  ui_test_activate (window, action);
  iterate ();
  g_assert_cmpuint (count_dialogs (window, GTK_TYPE_FILE_CHOOSER_DIALOG, &dialog), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  handler = g_signal_connect (dialog, "map", G_CALLBACK (on_map), &maps);

  /* Again: the same dialog, shown anew in front. */
  ui_test_activate (window, action);
  iterate ();
  g_assert_cmpuint (count_dialogs (window, GTK_TYPE_FILE_CHOOSER_DIALOG, &again), ==, 1);
  g_assert_true (again == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (maps, ==, 1);
  for (guint i = 0; i < 50; i++)
    ui_test_activate (window, action);
  iterate ();
  g_assert_cmpuint (count_dialogs (window, GTK_TYPE_FILE_CHOOSER_DIALOG, NULL), ==, 1);
  g_signal_handler_disconnect (dialog, handler);

  /* Closed, the next activation opens a new one. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_gone (window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  ui_test_activate (window, action);
  iterate ();
  g_assert_cmpuint (count_dialogs (window, GTK_TYPE_FILE_CHOOSER_DIALOG, &dialog), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_gone (window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  ui_test_destroy_window (window);
}

/* The export dialog, then the file chooser it leads to, is one kind. */
static void
test_export_image (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkWindow *dialog = NULL, *again = NULL, *chooser = NULL;

  ui_test_activate (window, "export-image");
  ui_test_activate (window, "export-image");
  iterate ();
  g_assert_cmpuint (count_dialogs (window, BP_TYPE_EXPORT_DIALOG, &dialog), ==, 1);

  /* Hidden behind, say, and asked for again: shown, the same one. */
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  ui_test_activate (window, "export-image");
  iterate ();
  g_assert_cmpuint (count_dialogs (window, BP_TYPE_EXPORT_DIALOG, &again), ==, 1);
  g_assert_true (again == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Closed, the next activation opens a new one. */
  gtk_window_close (dialog);
  wait_gone (window, BP_TYPE_EXPORT_DIALOG);
  ui_test_activate (window, "export-image");
  iterate ();
  g_assert_cmpuint (count_dialogs (window, BP_TYPE_EXPORT_DIALOG, &dialog), ==, 1);

  /* Export… leads to the file chooser, which then is the open one. */
  g_signal_emit_by_name (dialog, "export");
  wait_gone (window, BP_TYPE_EXPORT_DIALOG);
  g_assert_cmpuint (count_dialogs (window, GTK_TYPE_FILE_CHOOSER_DIALOG, &chooser), ==, 1);
  ui_test_activate (window, "export-image");
  iterate ();
  g_assert_cmpuint (count_dialogs (window, BP_TYPE_EXPORT_DIALOG, NULL), ==, 0);
  g_assert_cmpuint (count_dialogs (window, GTK_TYPE_FILE_CHOOSER_DIALOG, NULL), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_gone (window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  ui_test_activate (window, "export-image");
  iterate ();
  g_assert_cmpuint (count_dialogs (window, BP_TYPE_EXPORT_DIALOG, &dialog), ==, 1);
  gtk_window_destroy (dialog);
  ui_test_destroy_window (window);
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *destroyed)
{
  *destroyed = TRUE;
}

/* Closing the window with Save As open, and choosing Save in the
 * question: the open chooser is the one that saves, then the window goes. */
static void
test_save_as_then_close (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("backprop-dialogs-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "closing.backprop", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) chosen = NULL;
  BpWindow *window = ui_test_new_window ();
  GtkWindow *chooser = NULL;
  GtkMessageDialog *question;
  gboolean destroyed = FALSE;

  g_assert_no_error (error);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &destroyed);
  ui_test_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (window)), "77");
  g_assert_true (bp_window_get_modified (window));
  ui_test_activate (window, "save-as");
  iterate ();
  gtk_window_close (GTK_WINDOW (window));
  question = ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  iterate ();
  g_assert_cmpuint (count_dialogs (window, GTK_TYPE_FILE_CHOOSER_DIALOG, &chooser), ==, 1);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  /* The chooser goes to the folder in the background. */
  while (chosen == NULL || !g_file_equal (chosen, file))
    {
      g_main_context_iteration (NULL, TRUE);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "closing.backprop");
      g_clear_object (&chosen);
      chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    }
  /* A save chooser checks the name in the background before it answers;
   * the window goes as the file is written. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (destroyed);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  static const char * const choosers[] = {
    "open", "save-as", "import-people", "export-people", "export-loss-history",
  };

  /* No session bus: the file chooser's sidebar would otherwise ask
   * libcloudproviders for cloud folders, which keeps memory it never
   * frees, and reach outside the test process. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  ui_test_init (&argc, &argv);
  for (guint i = 0; i < G_N_ELEMENTS (choosers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dialogs/%s", choosers[i]);

      g_test_add_data_func (path, choosers[i], test_file_chooser);
    }
  g_test_add_func ("/dialogs/export-image", test_export_image);
  g_test_add_func ("/dialogs/save-as-then-close", test_save_as_then_close);
  return g_test_run ();
}
