/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-files.c: what backprop-cli writes and the reader takes, a
 * window opens cleanly and saves back unchanged
 *
 * Opened, the window is not modified; saved at once, the file is the
 * same byte for byte.  A file the window could not show is refused by the
 * reader instead, with the window left as it was.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "bp-window-private.h"
#include "ui-utils.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
write_tmp (const char *name,
           const char *contents)
{
  char *path = tmp_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Runs backprop-cli with @args (NULL-terminated) and returns its exit
 * status. */
static int
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("BACKPROP_CLI");
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* @path opens in a new window unmodified, showing the session the reader
 * reads, and Save writes that session back: the same text, byte for
 * byte, when Backprop wrote @path (@written). */
static void
assert_opens_cleanly (const char *path,
                      gboolean    written)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *copy_path = g_strconcat (path, ".saved.backprop", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(BpSession) expected = NULL;
  g_autoptr(BpSession) shown = NULL;
  g_autofree char *before = read_text (path);
  g_autofree char *after = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GError) error = NULL;
  BpWindow *window = ui_test_new_window ();

  g_test_message ("%s", path);
  expected = bp_session_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (bp_window_load (window, file, &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (bp_window_get_modified (window));
  shown = bp_window_dup_session (window, &error);
  g_assert_no_error (error);
  g_assert_true (bp_session_equal (expected, shown));

  g_assert_true (bp_window_save (window, copy, &error));
  g_assert_no_error (error);
  g_assert_false (bp_window_get_modified (window));
  after = read_text (copy_path);
  canonical = bp_session_to_data (expected, NULL);
  g_assert_cmpstr (after, ==, canonical);
  if (written)
    g_assert_cmpstr (after, ==, before);
  ui_test_destroy_window (window);
  g_unlink (copy_path);
}

#define TEST_CSV "name,gender,weight_kg,height_cm\nEmily,F,58,160\nFrank,M,70,173\n"
#define DATA_CSV "name,gender,weight_kg,height_cm\n" \
                 "Ann,F,60,165\nBen,M,77,180\nCai,M,69,178\nDee,F,54,152\n"

/* Every kind of file backprop-cli train --save writes. */
static void
test_cli_sessions (void)
{
  g_autofree char *data = write_tmp ("data.csv", DATA_CSV);
  g_autofree char *test = write_tmp ("test.csv", TEST_CSV);
  g_autofree char *out = tmp_path ("cli.backprop");
  const struct
  {
    const char * const *args;
    int                 status;
  } cases[] = {
    { (const char *[]) { "train", "--seed", "1", NULL }, 0 },
    { (const char *[]) { "train", "--seed", "1", "--epochs", "0", NULL }, 0 },
    { (const char *[]) { "train", "--seed", "2", "--epochs", "300", "--learning-rate", "0.5",
                         "--normalize", "standard", "--data", data, "--test", test, NULL }, 0 },
    { (const char *[]) { "train", "--seed", "1", "--learning-rate", "1e308", NULL }, 3 },
    { (const char *[]) { "train", "--init", "1,1,1,1,1,1,0,0,0", "--epochs", "50", NULL }, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, (gpointer) "--save");
      g_ptr_array_add (args, out);
      g_ptr_array_add (args, NULL);
      g_assert_cmpint (run_cli ((const char * const *) args->pdata), ==, cases[i].status);
      assert_opens_cleanly (out, TRUE);
    }
  g_unlink (out);
  g_unlink (data);
  g_unlink (test);
}

/* A pace the speed slider has no position for (hand-written, or carried
 * by backprop-cli from --session to another number of epochs) stays the
 * file's until the slider is moved. */
static void
test_any_pace (void)
{
  g_autofree char *lesson = write_tmp ("paced.backprop",
                                       "[Backprop]\nformat=1\nunits=lb-in\nnormalize=seed\n"
                                       "learning-rate=0.1\nepochs=2000\nseed=42\nstate=idle\n"
                                       "epoch=0\nspeed=7\n"
                                       "[Person 1]\nname=Ann\ngender=F\nweight-lb=130\nheight-in=64.5\n");
  g_autofree char *out = tmp_path ("repaced.backprop");
  g_autofree char *zero = tmp_path ("zero-paced.backprop");

  assert_opens_cleanly (lesson, FALSE);
  g_assert_cmpint (run_cli ((const char *[]) { "train", "--session", lesson, "--epochs", "300",
                                               "--save", out, NULL }), ==, 0);
  assert_opens_cleanly (out, TRUE);
  g_assert_cmpint (run_cli ((const char *[]) { "train", "--session", lesson, "--epochs", "0",
                                               "--save", zero, NULL }), ==, 0);
  assert_opens_cleanly (zero, TRUE);
  g_unlink (lesson);
  g_unlink (out);
  g_unlink (zero);
}

/* Moving the slider after opening such a file gives the slider's pace. */
static void
test_pace_until_moved (void)
{
  g_autofree char *lesson = write_tmp ("moved.backprop",
                                       "[Backprop]\nformat=1\nunits=lb-in\nnormalize=seed\n"
                                       "learning-rate=0.1\nepochs=1000\nseed=1\nstate=idle\n"
                                       "epoch=0\nspeed=7\n"
                                       "[Person 1]\nname=Ann\ngender=F\nweight-lb=130\nheight-in=64.5\n");
  g_autoptr(GFile) file = g_file_new_for_path (lesson);
  BpWindow *window = ui_test_new_window ();
  BpTrainingForm *form = bp_window_get_training_form (window);
  g_autoptr(BpSession) moved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_window_load (window, file, &error));
  g_assert_no_error (error);
  /* The nearest position is the slowest, 10 s for the 1000 epochs. */
  g_assert_cmpint (bp_training_form_get_speed (form), ==, BP_SPEED_WATCHABLE);
  g_assert_cmpfloat (bp_training_form_get_pace (form, 1000), ==, 7);
  bp_training_form_set_speed (form, BP_SPEED_WATCHABLE + 1);
  g_assert_cmpfloat (bp_training_form_get_pace (form, 1000), ==, 200);
  g_assert_true (bp_window_get_modified (window));
  moved = bp_window_dup_session (window, NULL);
  g_assert_cmpfloat (moved->speed, ==, 200);
  ui_test_destroy_window (window);
  g_unlink (lesson);
}

static void
assert_same_params (const BpParams *a,
                    const BpParams *b)
{
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

/* 0 epochs is a lesson: the form takes it, and Train finishes at once
 * with the untrained network. */
static void
test_zero_epochs (void)
{
  g_autofree char *path = tmp_path ("zero.backprop");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BpWindow *window = ui_test_new_window ();
  g_autoptr(BpSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  BpProgress p;

  g_assert_cmpint (run_cli ((const char *[]) { "train", "--seed", "4", "--epochs", "0", "--save",
                                               path, NULL }), ==, 0);
  loaded = bp_session_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (bp_window_load (window, file, &error));
  g_assert_no_error (error);
  g_assert_null (bp_training_form_get_error (bp_window_get_training_form (window)));
  g_assert_cmpstr (bp_window_get_hint_text (window), ==, "");
  g_assert_true (ui_test_action_enabled (window, "train"));
  ui_test_activate (window, "train");
  p = ui_test_run_until_done (window);
  g_assert_cmpint (p.state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (p.epoch, ==, 0);
  assert_same_params (&p.params, &loaded->current);

  ui_test_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (window)), "0");
  g_assert_null (bp_training_form_get_error (bp_window_get_training_form (window)));
  ui_test_destroy_window (window);
  g_unlink (path);
}

/* Files the window could not show (a blank name, which it would not take
 * typed; nobody to train on) are refused, and the window stays as it was. */
static void
test_refused (void)
{
  static const struct
  {
    const char *contents;
    const char *says;
  } cases[] = {
    { "[Backprop]\nformat=1\nunits=lb-in\nnormalize=seed\nlearning-rate=0.1\nepochs=10\n"
      "seed=1\nstate=idle\nepoch=0\nspeed=0\n[Person 1]\nname=\\s \ngender=F\n"
      "weight-lb=130\nheight-in=64.5\n",
      "refused.backprop:12: [Person 1] name: is empty; every person has a name" },
    { "[Backprop]\nformat=1\nunits=lb-in\nnormalize=seed\nlearning-rate=0.1\nepochs=10\n"
      "seed=1\nstate=idle\nepoch=0\nspeed=0\n[Test person 1]\nname=Ann\ngender=F\n"
      "weight-lb=130\nheight-in=64.5\n",
      "refused.backprop: [Person 1]: missing: the session has no training people" },
  };
  g_autofree char *path = tmp_path ("refused.backprop");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BpWindow *window = ui_test_new_window ();
  g_autoptr(BpSession) before = bp_window_dup_session (window, NULL);
  gboolean modified = bp_window_get_modified (window);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BpSession) after = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
      g_assert_false (bp_window_load (window, file, &error));
      g_assert_nonnull (error);
      if (error != NULL && strstr (error->message, cases[i].says) == NULL)
        g_test_fail_printf ("“%s” does not say “%s”", error->message, cases[i].says);
      after = bp_window_dup_session (window, NULL);
      g_assert_true (bp_session_equal (before, after));
      g_assert_null (bp_window_get_file (window));
      g_assert_cmpint (bp_window_get_modified (window), ==, modified);
    }
  ui_test_destroy_window (window);
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("backprop-session-files-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/session-files/cli", test_cli_sessions);
  g_test_add_func ("/session-files/any-pace", test_any_pace);
  g_test_add_func ("/session-files/pace-until-moved", test_pace_until_moved);
  g_test_add_func ("/session-files/zero-epochs", test_zero_epochs);
  g_test_add_func ("/session-files/refused", test_refused);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
