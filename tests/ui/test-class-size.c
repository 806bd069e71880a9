/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-class-size.c: the whole window with a class of ten thousand
 *
 * Issue #15's test: a 10 000-person file opened in the window leaves its
 * minimum size as it was with four people, the list model holds them all
 * while the people editor has rows for the screen only, training
 * finishes, the predictions' summary agrees with backprop-cli's outputs
 * on the same file, and undoing the import gives the earlier people back
 * exactly.
 */
#include <math.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bp-csv.h"
#include "bp-examples.h"
#include "bp-window-private.h"
#include "ui-utils.h"

#define EPOCHS "20"

/* How many of the file's people backprop-cli's outputs put on their own
 * side of 0.5, after the same training. */
static guint
cli_right (const char *path)
{
  const char *cli = g_getenv ("BACKPROP_CLI");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonArray *people;
  guint right = 0;

  g_assert_nonnull (cli);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, cli, "train", "--data", path,
                           "--epochs", EPOCHS, "--seed", "1", "--json", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  people = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 10000);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      double output = json_object_get_double_member (p, "output");
      gboolean female = g_str_equal (json_object_get_string_member (p, "gender"), "F");

      g_assert_true (isfinite (output));
      right += female ? output > 0.5 : output < 0.5;
    }
  return right;
}

static void
test_ten_thousand (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  BpPredictionPanel *panel = bp_window_get_prediction_panel (window);
  g_autoptr(BpPeople) seeds = bp_people_new_seed ();
  g_autoptr(BpPeople) class = bp_example_new (BP_EXAMPLE_POPULATION, "Person");
  g_autoptr(BpPeople) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_dir_make_tmp ("class-size-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "population.csv", NULL);
  int width4, height4, width, height;
  guint rows;

  g_assert_no_error (error);
  g_assert_true (bp_csv_save (class, BP_UNITS_LB_IN, path, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  ui_test_min_size (GTK_WIDGET (window), &width4, &height4);

  g_assert_true (bp_window_import_people_as (window, file, BP_PEOPLE_REPLACE, &error));
  g_assert_no_error (error);
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (bp_people_editor_get_model (editor)), ==, 10000);
  g_assert_true (bp_lesson_get_people (bp_window_get_lesson (window)) == bp_people_editor_get_model (editor));
  ui_test_min_size (GTK_WIDGET (window), &width, &height);
  g_assert_cmpint (width, ==, width4);
  g_assert_cmpint (height, ==, height4);
  /* GTK 4.8's list views keep about two hundred rows around the one in
   * view, whatever the model's size. */
  rows = ui_test_count_rows (bp_people_editor_get_column_view (editor));
  g_test_message ("%u rows of the column view exist as widgets", rows);
  g_assert_cmpuint (rows, <=, 210);

  ui_test_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (window)), EPOCHS);
  ui_test_activate (window, "train");
  g_assert_cmpint (ui_test_run_until_done (window).state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (bp_prediction_panel_get_n_right (panel, FALSE), ==, cli_right (path));

  ui_test_activate (window, "undo");
  back = ui_test_dup_people (editor, FALSE);
  g_assert_true (bp_people_equal (back, seeds));
  ui_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/class-size/ten-thousand", test_ten_thousand);
  return g_test_run ();
}
