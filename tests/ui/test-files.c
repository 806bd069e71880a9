/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-files.c: sessions, people files and exports through the window
 *
 * A session saved, the window destroyed and another opened from the file
 * must show exactly the same lesson: people, settings, parameters, the
 * run's state and its loss history, bucket for bucket and bit for bit.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bp-csv.h"
#include "bp-export-dialog.h"
#include "bp-small-chart.h"
#include "bp-trajectories.h"
#include "bp-window-private.h"
#include "ui-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("backprop-files-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
}

static GFile *
tmp_file (Fixture    *f,
          const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

static char *
read_file (GFile *file,
           gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &data, length, NULL, &error));
  g_assert_no_error (error);
  return data;
}

/* A lesson unlike the defaults in every setting: kg and cm, the mean
 * normalisation, another rate, epochs, seed and speed, and Diana held out
 * for testing. */
static void
set_up_lesson (BpWindow *window)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(BpPeople) test = NULL;

  bp_people_editor_set_units (editor, BP_UNITS_KG_CM);
  bp_training_form_set_normalize (form, BP_NORMALIZE_MEAN);
  ui_test_set_text (bp_training_form_get_learning_rate_entry (form), "0.25");
  ui_test_set_text (bp_training_form_get_epochs_entry (form), "700");
  ui_test_set_text (bp_training_form_get_seed_entry (form), "7");
  ui_test_set_held_out (window, 3, TRUE);
  test = ui_test_dup_people (editor, TRUE);
  g_assert_cmpuint (bp_people_get_n (test), ==, 1);
}

static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

/* Everything the window shows about the run, compared exactly. */
static void
assert_same_run (BpWindow *a,
                 BpWindow *b)
{
  BpProgress p = ui_test_progress (a), q = ui_test_progress (b);
  BpPredictionPanel *pa = bp_window_get_prediction_panel (a);
  BpPredictionPanel *pb = bp_window_get_prediction_panel (b);

  g_assert_cmpint (p.state, ==, q.state);
  g_assert_cmpuint (p.epoch, ==, q.epoch);
  g_assert_cmpuint (p.epochs, ==, q.epochs);
  g_assert_true (same_double (p.loss, q.loss));
  g_assert_true (same_double (p.test_loss, q.test_loss));
  g_assert_cmpmem (&p.params, sizeof p.params, &q.params, sizeof q.params);
  g_assert_cmpstr (bp_window_get_state_text (a), ==, bp_window_get_state_text (b));
  g_assert_cmpuint (bp_prediction_panel_get_n_people (pa), ==, bp_prediction_panel_get_n_people (pb));
  for (guint i = 0; i < bp_prediction_panel_get_n_people (pa); i++)
    g_assert_true (same_double (bp_prediction_panel_get_output (pa, i),
                                bp_prediction_panel_get_output (pb, i)));
  g_assert_cmpuint (bp_loss_chart_count_points (bp_window_get_loss_chart (a), FALSE), ==,
                    bp_loss_chart_count_points (bp_window_get_loss_chart (b), FALSE));
  g_assert_cmpuint (bp_loss_chart_count_points (bp_window_get_loss_chart (a), TRUE), ==,
                    bp_loss_chart_count_points (bp_window_get_loss_chart (b), TRUE));
}

static void
assert_same_form (BpWindow *a,
                  BpWindow *b)
{
  BpTrainingForm *fa = bp_window_get_training_form (a), *fb = bp_window_get_training_form (b);

  g_assert_cmpstr (gtk_editable_get_text (bp_training_form_get_learning_rate_entry (fa)), ==,
                   gtk_editable_get_text (bp_training_form_get_learning_rate_entry (fb)));
  g_assert_cmpstr (gtk_editable_get_text (bp_training_form_get_epochs_entry (fa)), ==,
                   gtk_editable_get_text (bp_training_form_get_epochs_entry (fb)));
  g_assert_cmpuint (bp_training_form_get_seed (fa), ==, bp_training_form_get_seed (fb));
  g_assert_cmpint (bp_training_form_get_normalize (fa), ==, bp_training_form_get_normalize (fb));
  g_assert_cmpint (bp_training_form_get_speed (fa), ==, bp_training_form_get_speed (fb));
  g_assert_cmpint (bp_people_editor_get_units (bp_window_get_people_editor (a)), ==,
                   bp_people_editor_get_units (bp_window_get_people_editor (b)));
}

/* Saves @window's lesson, destroys the window, opens the file in a new
 * one and checks that it shows the same; returns the new window. */
static BpWindow *
save_and_reopen (Fixture  *f,
                 BpWindow *window)
{
  g_autoptr(GFile) file = tmp_file (f, "lesson.backprop");
  g_autoptr(BpSession) before = bp_window_dup_session (window, NULL);
  g_autoptr(BpSession) after = NULL;
  g_autoptr(GError) error = NULL;
  BpWindow *reopened;

  g_assert_true (bp_window_save (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (bp_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "lesson.backprop — Backprop");

  reopened = ui_test_new_window ();
  g_assert_true (bp_window_load (reopened, file, &error));
  g_assert_no_error (error);
  /* Let the layout follow the units: the chart's width depends on it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_same_run (window, reopened);
  assert_same_form (window, reopened);
  ui_test_destroy_window (window);

  after = bp_window_dup_session (reopened, NULL);
  g_assert_nonnull (after);
  g_assert_true (bp_session_equal (before, after));
  g_assert_true (g_file_equal (bp_window_get_file (reopened), file));
  g_assert_false (bp_window_get_modified (reopened));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (reopened)), ==, "lesson.backprop — Backprop");
  return reopened;
}

/* A finished run comes back with its history bucket for bit: the
 * session compares every bucket's four numbers bit for bit. */
static void
test_session_finished (Fixture       *f,
                       gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  BpWindow *reopened;
  g_autoptr(BpSession) session = NULL;

  set_up_lesson (window);
  ui_test_activate (window, "train");
  g_assert_cmpint (ui_test_run_until_done (window).state, ==, BP_TRAINER_FINISHED);

  reopened = save_and_reopen (f, window);
  session = bp_window_dup_session (reopened, NULL);
  g_assert_cmpuint (session->history.loss.count, ==, 700);
  g_assert_cmpuint (session->history.test_loss.count, ==, 700);
  g_assert_cmpuint (bp_people_get_n (session->test), ==, 1);
  g_assert_cmpstr (bp_people_get (session->test, 0)->name, ==, "Diana");
  g_assert_cmpstr (bp_window_get_state_text (reopened), ==, "Finished");
  /* The trajectories come back too, ending where the run did, as soon
   * as their page is on show. */
  ui_test_show_page (reopened, "trajectories");
  g_assert_cmpuint (session->history.params[BP_PARAM_W1].count, ==, 700);
  g_assert_cmpuint (session->history.n_people, ==, bp_people_get_n (session->people));
  for (guint j = 0; j < BP_N_PARAMS; j++)
    {
      double last;

      g_assert_true (bp_small_chart_get_last (bp_trajectories_get_param_chart (bp_window_get_trajectories (reopened), j), &last));
      g_assert_cmpfloat (last, ==, bp_params_get (&session->current, j));
    }
  /* A restored run resets like any other, back to the seed's start. */
  g_assert_true (ui_test_action_enabled (reopened, "reset"));
  ui_test_activate (reopened, "reset");
  g_assert_cmpint (ui_test_progress (reopened).state, ==, BP_TRAINER_IDLE);
  g_assert_true (bp_window_get_modified (reopened));
  ui_test_destroy_window (reopened);
}

/* Stopped after a few single steps: a partly filled history, and the
 * buttons of a run that cannot go on. */
static void
test_session_stopped (Fixture       *f,
                      gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  BpWindow *reopened;

  for (int i = 0; i < 3; i++)
    {
      ui_test_activate (window, "step-epoch");
      while (ui_test_progress (window).epoch < (guint64) i + 1)
        g_main_context_iteration (NULL, TRUE);
    }
  ui_test_activate (window, "stop");
  g_assert_cmpint (ui_test_progress (window).state, ==, BP_TRAINER_STOPPED);
  g_assert_cmpuint (ui_test_progress (window).epoch, ==, 3);

  reopened = save_and_reopen (f, window);
  g_assert_cmpstr (bp_window_get_state_text (reopened), ==, "Stopped");
  g_assert_true (ui_test_action_enabled (reopened, "train"));
  g_assert_false (ui_test_action_enabled (reopened, "stop"));
  ui_test_destroy_window (reopened);
}

/* Not trained yet: the idle state with the seed's predictions. */
static void
test_session_idle (Fixture       *f,
                   gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();

  set_up_lesson (window);
  ui_test_destroy_window (save_and_reopen (f, window));
}

/* Garbage, a CSV, a newer format, a missing file: each gives an error
 * dialog and leaves the lesson and the title as they were. */
static void
test_open_damaged (Fixture       *f,
                   gconstpointer  data)
{
  /* A PNG's first bytes (binary, with NULs), a newer format, a session
   * cut short. */
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  const struct { const char *data; gsize length; } contents[] = {
    { png, sizeof png - 1 },
    { "[Backprop]\nformat=99\n", 21 },
    { "[Backprop]\nformat=1\nunits=lb-in\n", 32 },
  };
  BpWindow *window = ui_test_new_window ();
  g_autoptr(BpSession) before = NULL;

  set_up_lesson (window);
  before = bp_window_dup_session (window, NULL);
  for (guint i = 0; i <= G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GFile) file = tmp_file (f, i < G_N_ELEMENTS (contents) ? "bad.backprop" : "gone.backprop");
      g_autoptr(BpSession) after = NULL;
      g_autoptr(GError) error = NULL;
      GtkMessageDialog *dialog;

      if (i < G_N_ELEMENTS (contents))
        g_assert_true (g_file_replace_contents (file, contents[i].data, contents[i].length,
                                                NULL, FALSE, 0, NULL, NULL, NULL));
      g_assert_false (bp_window_load (window, file, &error));
      g_assert_nonnull (error);

      bp_window_open (window, file);
      dialog = ui_test_find_dialog (GTK_WINDOW (window));
      g_assert_nonnull (dialog);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Untitled Lesson — Backprop");
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
      g_assert_null (ui_test_find_dialog (GTK_WINDOW (window)));

      after = bp_window_dup_session (window, NULL);
      g_assert_true (bp_session_equal (before, after));
      g_assert_null (bp_window_get_file (window));
    }
  ui_test_destroy_window (window);
}

/* The people go out as CSV and come back the same, held-out ones as
 * training people at the end. */
static void
test_people_csv (Fixture       *f,
                 gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(GFile) file = tmp_file (f, "people.csv");
  g_autoptr(BpPeople) exported = NULL;
  g_autoptr(BpPeople) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ui_test_set_text (ui_test_person_entry (window, 1, BP_PERSON_COLUMN_WEIGHT), "161.5");
  bp_people_editor_set_units (editor, BP_UNITS_KG_CM);
  exported = ui_test_dup_people (editor, FALSE);
  g_assert_true (bp_window_export_people (window, file, &error));
  g_assert_no_error (error);
  text = read_file (file, NULL);
  g_assert_true (g_str_has_prefix (text, "name,gender,weight_kg,height_cm\r\n"));

  /* Another lesson: different units and people, one held out. */
  bp_people_editor_set_units (editor, BP_UNITS_LB_IN);
  ui_test_activate (window, "reset");
  ui_test_set_held_out (window, 0, TRUE);
  ui_test_set_text (ui_test_person_entry (window, 2, BP_PERSON_COLUMN_NAME), "Carl");

  g_assert_true (bp_window_import_people (window, file, &error));
  g_assert_no_error (error);
  imported = ui_test_dup_people (editor, FALSE);
  g_assert_cmpuint (bp_people_get_n (imported), ==, bp_people_get_n (exported));
  for (guint i = 0; i < bp_people_get_n (imported); i++)
    {
      const BpPerson *p = bp_people_get (exported, i), *q = bp_people_get (imported, i);

      g_assert_cmpstr (p->name, ==, q->name);
      g_assert_cmpint (p->gender, ==, q->gender);
      g_assert_true (same_double (p->weight_lb, q->weight_lb));
      g_assert_true (same_double (p->height_in, q->height_in));
    }
  g_clear_pointer (&imported, bp_people_unref);
  imported = ui_test_dup_people (editor, TRUE);
  g_assert_cmpuint (bp_people_get_n (imported), ==, 0);
  g_assert_cmpint (bp_people_editor_get_units (editor), ==, BP_UNITS_KG_CM);
  ui_test_destroy_window (window);
}

/* kg and cm read from a file are shown and written again as the file
 * gives them, not as their conversion to lb and in and back (60 kg is not
 * 59.99999999999999): in the rows, in the export, after another units
 * and back, and in a saved session opened again. */
#define AS_GIVEN_CSV "name,gender,weight_kg,height_cm\r\n" \
                     "Ann,F,60,170.1\r\nBen,M,82.35,185.42\r\nCat,F,58.064,162.66\r\nDan,M,90.125,190.3\r\n"

static void
assert_rows_as_given (BpWindow *window)
{
  const char *given[][2] = { { "60", "170.1" }, { "82.35", "185.42" }, { "58.064", "162.66" }, { "90.125", "190.3" } };

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      g_assert_cmpstr (gtk_editable_get_text (ui_test_person_entry (window, i, BP_PERSON_COLUMN_WEIGHT)), ==,
                       given[i][0]);
      g_assert_cmpstr (gtk_editable_get_text (ui_test_person_entry (window, i, BP_PERSON_COLUMN_HEIGHT)), ==,
                       given[i][1]);
    }
}

static void
test_people_as_given (Fixture       *f,
                      gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(GFile) csv = tmp_file (f, "as-given.csv");
  g_autoptr(GFile) exported = tmp_file (f, "as-given-exported.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_replace_contents (csv, AS_GIVEN_CSV, strlen (AS_GIVEN_CSV), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_true (bp_window_import_people (window, csv, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bp_people_editor_get_units (editor), ==, BP_UNITS_KG_CM);
  assert_rows_as_given (window);

  g_assert_true (bp_window_export_people (window, exported, &error));
  g_assert_no_error (error);
  text = read_file (exported, NULL);
  g_assert_cmpstr (text, ==, AS_GIVEN_CSV);

  bp_people_editor_set_units (editor, BP_UNITS_LB_IN);
  g_assert_cmpstr (gtk_editable_get_text (ui_test_person_entry (window, 0, BP_PERSON_COLUMN_WEIGHT)), ==,
                   "132.28");
  bp_people_editor_set_units (editor, BP_UNITS_KG_CM);
  assert_rows_as_given (window);

  window = save_and_reopen (f, window);
  assert_rows_as_given (window);
  ui_test_destroy_window (window);
}

static void
test_import_bad_csv (Fixture       *f,
                     gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = tmp_file (f, "bad.csv");
  g_autoptr(BpSession) before = bp_window_dup_session (window, NULL);
  g_autoptr(BpSession) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "name,gender,weight,height\r\nAlice,F,heavy,65\r\n";

  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_false (bp_window_import_people (window, file, &error));
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_VALUE);
  /* Dropped or opened, a .csv goes to the people and fails the same way. */
  bp_window_open (window, file);
  g_assert_nonnull (ui_test_find_dialog (GTK_WINDOW (window)));
  gtk_dialog_response (GTK_DIALOG (ui_test_find_dialog (GTK_WINDOW (window))), GTK_RESPONSE_CLOSE);
  after = bp_window_dup_session (window, NULL);
  g_assert_true (bp_session_equal (before, after));
  ui_test_destroy_window (window);
}

static GtkDropTarget *
find_drop_target (BpWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
drop (GtkDropTarget *target,
      GValue        *value)
{
  gboolean accepted = FALSE;

  g_signal_emit_by_name (target, "drop", value, 10.0, 10.0, &accepted);
  return accepted;
}

/* A session dropped as a file list opens; a people file dropped as a
 * single file replaces the people, once asked. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  BpWindow *window = bp_window_new (NULL);
  BpWindow *other = ui_test_new_window ();
  GtkDropTarget *target = find_drop_target (window);
  g_autoptr(GFile) session = tmp_file (f, "dropped.backprop");
  g_autoptr(GFile) csv = tmp_file (f, "dropped.csv");
  g_auto(GValue) list = G_VALUE_INIT;
  g_auto(GValue) single = G_VALUE_INIT;
  g_autoptr(BpPeople) people = NULL;
  const char *text = "name,gender,weight,height\r\nZoe,F,110,62\r\n";
  GSList files = { session, NULL };

  ui_test_show (GTK_WINDOW (window), 1280, 800);
  ui_test_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (other)), "77");
  g_assert_true (bp_window_save (other, session, NULL));
  ui_test_destroy_window (other);
  g_assert_true (g_file_replace_contents (csv, text, strlen (text), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_nonnull (target);

  g_value_init (&list, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&list, &files);
  g_assert_true (drop (target, &list));
  g_assert_true (g_file_equal (bp_window_get_file (window), session));
  g_assert_cmpuint (ui_test_progress (window).epochs, ==, 77);

  g_value_init (&single, G_TYPE_FILE);
  g_value_set_object (&single, csv);
  g_assert_true (drop (target, &single));
  gtk_dialog_response (GTK_DIALOG (ui_test_find_dialog (GTK_WINDOW (window))), GTK_RESPONSE_ACCEPT);
  people = bp_lesson_dup_people (bp_window_get_lesson (window));
  g_assert_cmpuint (bp_people_get_n (people), ==, 1);
  g_assert_cmpstr (bp_people_get (people, 0)->name, ==, "Zoe");
  ui_test_destroy_window (window);
}

/* PNG's width and height are big-endian in the IHDR chunk. */
static guint32
be32 (const char *bytes)
{
  const guchar *b = (const guchar *) bytes;

  return (guint32) b[0] << 24 | (guint32) b[1] << 16 | (guint32) b[2] << 8 | b[3];
}

static void
test_export_images (Fixture       *f,
                    gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) png = tmp_file (f, "loss.png");
  g_autoptr(GFile) svg = tmp_file (f, "loss.svg");
  g_autoptr(GFile) pdf = tmp_file (f, "loss.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *png_data = NULL, *svg_data = NULL, *pdf_data = NULL;
  gsize length;

  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  g_assert_true (bp_window_export_view (window, "loss", BP_EXPORT_FORMAT_PNG, 640, 360, png, &error));
  g_assert_true (bp_window_export_view (window, "loss", BP_EXPORT_FORMAT_SVG, 800, 450, svg, &error));
  g_assert_true (bp_window_export_view (window, "loss", BP_EXPORT_FORMAT_PDF, 400, 300, pdf, &error));
  g_assert_no_error (error);

  png_data = read_file (png, &length);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (png_data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (png_data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (be32 (png_data + 16), ==, 640);
  g_assert_cmpuint (be32 (png_data + 20), ==, 360);

  svg_data = read_file (svg, NULL);
  g_assert_true (g_str_has_prefix (svg_data, "<?xml"));
  g_assert_nonnull (strstr (svg_data, "<svg"));
  g_assert_nonnull (strstr (svg_data, "width=\"800\""));
  g_assert_nonnull (strstr (svg_data, "height=\"450\""));

  pdf_data = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));
  /* memmem(): the PDF's compressed streams hold NUL bytes. */
  g_assert_nonnull (memmem (pdf_data, length, "/MediaBox [ 0 0 400 300 ]", 25));
  ui_test_destroy_window (window);
}

/* The network diagram and the decision map export too, at any size. */
static void
test_export_other_views (Fixture       *f,
                         gconstpointer  data)
{
  const char *views[] = { "network", "map" };
  BpWindow *window = ui_test_new_window ();

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(GFile) png = tmp_file (f, "view.png");
      g_autoptr(GFile) svg = tmp_file (f, "view.svg");
      g_autoptr(GError) error = NULL;
      g_autofree char *png_data = NULL, *svg_data = NULL;

      g_assert_true (bp_window_export_view (window, views[i], BP_EXPORT_FORMAT_PNG, 500, 280, png, &error));
      g_assert_true (bp_window_export_view (window, views[i], BP_EXPORT_FORMAT_SVG, 900, 600, svg, &error));
      g_assert_no_error (error);
      png_data = read_file (png, NULL);
      g_assert_cmpuint (be32 (png_data + 16), ==, 500);
      g_assert_cmpuint (be32 (png_data + 20), ==, 280);
      svg_data = read_file (svg, NULL);
      g_assert_nonnull (strstr (svg_data, "width=\"900\""));
    }
  ui_test_destroy_window (window);
}

/* One row per bucket: 1000 epochs fit the history one epoch a row. */
static void
test_export_loss_history (Fixture       *f,
                          gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = tmp_file (f, "loss.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  g_assert_true (bp_window_export_loss_history (window, file, &error));
  g_assert_no_error (error);
  text = read_file (file, NULL);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1002);  /* header, 1000 rows, "" */
  g_assert_cmpstr (lines[0], ==, "first_epoch,last_epoch,first,last,min,max");
  g_assert_true (g_str_has_prefix (lines[1], "1,1,0.6"));
  g_assert_true (g_str_has_prefix (lines[1000], "1000,1000,0.00236"));
  g_assert_cmpstr (lines[1001], ==, "");
  ui_test_destroy_window (window);
}

/* Export As Python Program writes the lesson's settings and the next
 * run's start, after a run too; a FIFO is refused. */
static void
test_export_python (Fixture       *f,
                    gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = tmp_file (f, "lesson.py");
  g_autoptr(GFile) fifo = tmp_file (f, "lesson.pipe");
  g_autoptr(BpSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *w1 = NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "export-python");

  g_assert_nonnull (action);
  g_assert_true (g_action_get_enabled (action));
  ui_test_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (window)), "77");
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  g_assert_true (bp_window_export_python (window, file, &error));
  g_assert_no_error (error);
  session = bp_window_dup_session (window, NULL);
  text = read_file (file, NULL);
  w1 = g_strdup_printf ("    self.w1 = %.17g\n", session->initial.w1);
  g_assert_nonnull (strstr (text, "class OurNeuralNetwork:\n"));
  g_assert_nonnull (strstr (text, w1));
  g_assert_nonnull (strstr (text, "    epochs = 77 "));
  g_assert_nonnull (strstr (text, "\"Alice\": 133 lb, 65 in"));

  g_assert_cmpint (mkfifo (g_file_peek_path (fifo), 0644), ==, 0);
  g_assert_false (bp_window_export_python (window, fifo, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  ui_test_destroy_window (window);
}

/* The title says the file and whether it changed; undoing an edit by
 * hand undoes the mark too. */
/* A save that cannot be done (here the folder is a file, as a full disk
 * or a read-only folder would refuse it too) says why, keeps the old file
 * whole, and leaves the window with its unsaved changes. */
static void
test_save_fails (Fixture       *f,
                 gconstpointer  data)
{
  BpWindow *window = bp_window_new (NULL);
  GtkEditable *epochs = bp_training_form_get_epochs_entry (bp_window_get_training_form (window));
  g_autoptr(GFile) good = tmp_file (f, "lesson.backprop");
  g_autoptr(GFile) blocker = tmp_file (f, "not-a-folder");
  g_autoptr(GFile) bad = g_file_get_child (blocker, "lesson.backprop");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ui_test_show (GTK_WINDOW (window), 1280, 800);
  g_assert_true (bp_window_save (window, good, NULL));
  g_assert_true (g_file_get_contents (g_file_peek_path (good), &before, NULL, NULL));
  g_assert_true (g_file_set_contents (g_file_peek_path (blocker), "", 0, NULL));
  ui_test_set_text (epochs, "999");
  g_assert_false (bp_window_save (window, bad, &error));
  g_assert_nonnull (error);
  g_assert_true (bp_window_get_modified (window));
  g_assert_true (g_file_equal (bp_window_get_file (window), good));
  g_assert_true (g_file_get_contents (g_file_peek_path (good), &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (gtk_editable_get_text (epochs), ==, "999");
  g_assert_true (bp_window_save (window, good, NULL));
  g_assert_false (bp_window_get_modified (window));
  ui_test_destroy_window (window);
}

/* Save onto a symbolic link writes the file it leads to, keeps the link
 * a link and the file's mode, and the window goes on showing the link's
 * name. */
static void
test_save_symlink (Fixture       *f,
                   gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  BpTrainingForm *form = bp_window_get_training_form (window);
  g_autoptr(GFile) real = tmp_file (f, "real.backprop");
  g_autoptr(GFile) link = tmp_file (f, "link.backprop");
  g_autoptr(BpSession) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (g_file_peek_path (real), "old", -1, NULL));
  g_assert_cmpint (g_chmod (g_file_peek_path (real), 0600), ==, 0);
  g_assert_true (g_file_make_symbolic_link (link, "real.backprop", NULL, NULL));
  ui_test_set_text (bp_training_form_get_epochs_entry (form), "321");
  g_assert_true (bp_window_save (window, link, &error));
  g_assert_no_error (error);
  target = g_file_read_link (g_file_peek_path (link), NULL);
  g_assert_cmpstr (target, ==, "real.backprop");
  saved = bp_session_load (g_file_peek_path (real), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->epochs, ==, 321);
  g_assert_cmpint (g_stat (g_file_peek_path (real), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_true (g_file_equal (bp_window_get_file (window), link));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "link.backprop — Backprop");
  ui_test_destroy_window (window);
}

/* Exports are saved the same way: a FIFO is refused and stays one, and a
 * file that is not on this computer is refused with a message. */
static void
test_export_refused (Fixture       *f,
                     gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) fifo = tmp_file (f, "chart.png");
  g_autoptr(GFile) remote = g_file_new_for_uri ("sftp://example.invalid/chart.png");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (g_file_peek_path (fifo), 0644), ==, 0);
  g_assert_false (bp_window_export_view (window, "loss", BP_EXPORT_FORMAT_PNG, 640, 360, fifo,
                                         &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "chart.png is a named pipe (FIFO)"));
  g_clear_error (&error);
  g_assert_false (bp_window_export_loss_history (window, fifo, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  g_assert_cmpint (g_lstat (g_file_peek_path (fifo), &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_false (bp_window_export_view (window, "loss", BP_EXPORT_FORMAT_SVG, 640, 360, remote,
                                         &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "is not a file on this computer"));
  ui_test_destroy_window (window);
}

/* Opening a lesson into a window that is training a billion epochs stops
 * that run (its worker joined) before the lesson replaces it; under
 * AddressSanitizer this also shows that nothing touches the old run. */
static void
test_open_while_training (Fixture       *f,
                          gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  GtkEditable *epochs = bp_training_form_get_epochs_entry (bp_window_get_training_form (window));
  g_autoptr(GFile) file = tmp_file (f, "other.backprop");
  BpProgress progress;

  g_assert_true (bp_window_save (window, file, NULL));
  ui_test_set_text (epochs, "1000000000");
  ui_test_activate (window, "train");
  while (ui_test_progress (window).epoch == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (bp_window_load (window, file, NULL));
  progress = ui_test_progress (window);
  g_assert_false (progress.state == BP_TRAINER_RUNNING || progress.state == BP_TRAINER_PAUSED);
  g_assert_cmpstr (gtk_editable_get_text (epochs), ==, "1000");
  g_assert_true (ui_test_action_enabled (window, "train"));
  ui_test_destroy_window (window);
}

static void
test_title (Fixture       *f,
            gconstpointer  data)
{
  /* Not ui_test_new_window(): its change of speed is a change. */
  BpWindow *window = bp_window_new (NULL);
  GtkEditable *epochs = bp_training_form_get_epochs_entry (bp_window_get_training_form (window));
  GtkEditable *rate = bp_training_form_get_learning_rate_entry (bp_window_get_training_form (window));
  g_autoptr(GFile) file = tmp_file (f, "title.backprop");

  ui_test_show (GTK_WINDOW (window), 1280, 800);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Lesson — Backprop");
  g_assert_true (bp_window_is_pristine (window));
  ui_test_set_text (epochs, "999");
  g_assert_true (bp_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Untitled Lesson — Backprop");
  ui_test_set_text (epochs, "1000");
  g_assert_false (bp_window_get_modified (window));
  /* A field that changes nothing but itself (no speed depends on it). */
  ui_test_set_text (rate, "0.5");
  g_assert_true (bp_window_get_modified (window));
  ui_test_set_text (rate, "0.1");
  g_assert_false (bp_window_get_modified (window));

  ui_test_set_text (epochs, "999");
  g_assert_true (bp_window_save (window, file, NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "title.backprop — Backprop");
  g_assert_false (bp_window_is_pristine (window));
  /* A setting the session keeps: the speed. */
  bp_training_form_set_speed (bp_window_get_training_form (window), BP_SPEED_WATCHABLE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• title.backprop — Backprop");

  /* Closing asks; Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (ui_test_find_dialog (GTK_WINDOW (window)));
  gtk_dialog_response (GTK_DIALOG (ui_test_find_dialog (GTK_WINDOW (window))), GTK_RESPONSE_CANCEL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  /* Save saves to the file and closes. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  gtk_dialog_response (GTK_DIALOG (ui_test_find_dialog (GTK_WINDOW (window))), GTK_RESPONSE_ACCEPT);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);
  window = ui_test_new_window ();
  g_assert_true (bp_window_load (window, file, NULL));
  g_assert_cmpint (bp_training_form_get_speed (bp_window_get_training_form (window)), ==, BP_SPEED_WATCHABLE);
  ui_test_destroy_window (window);
}

/* The chart tells screen readers where the run is. */
static void
test_chart_description (Fixture       *f,
                        gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  BpLossChart *chart = bp_window_get_loss_chart (window);

  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No loss yet: the network has not been trained");
  /* Seed 1's untrained network gets everybody wrong; where its boundary
   * lies is said in the people's units. */
  gtk_test_accessible_assert_property (bp_window_get_decision_map (window),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "0 of 4 people are on the side of the boundary that "
                                       "matches their gender; at 57 in the boundary is at 151.7 "
                                       "lb, F if heavier; at 66 in the boundary is at 134.4 lb, F "
                                       "if heavier; at 75 in the boundary is at 118.7 lb, F if "
                                       "heavier");
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Loss 0.00237 at epoch 1000 of 1000, down from 0.627 at "
                                       "the start, lowest 0.00237");
  /* So do the network and the map, of the trained network. */
  gtk_test_accessible_assert_property (bp_window_get_network_diagram (window),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Alice: inputs −2 and −1, hidden neurons 0.0512 and 0.0211, "
                                       "output 0.939");
  gtk_test_accessible_assert_property (bp_window_get_decision_map (window),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "4 of 4 people are on the side of the boundary that "
                                       "matches their gender; at 57 in the boundary is at 133.8 "
                                       "lb, M if heavier; at 66 in the boundary is at 135.2 lb, M "
                                       "if heavier; at 75 in the boundary is at 136.7 lb, M if "
                                       "heavier");
  ui_test_destroy_window (window);
}

/* The chart goes to the clipboard as an image. */
static void
test_copy_chart (Fixture       *f,
                 gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autoptr(GdkTexture) texture = bp_window_render_view (window, "loss", 300, 200, 2);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, 600);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 400);
  ui_test_activate (window, "copy-chart");
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                    GDK_TYPE_TEXTURE));
  ui_test_destroy_window (window);
}

/* The export dialog builds from its template and reports its choices. */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GtkStringList) views = gtk_string_list_new ((const char *[]) { "Loss", NULL });
  BpExportDialog *dialog = bp_export_dialog_new (GTK_WINDOW (window), G_LIST_MODEL (views));

  bp_export_dialog_set_format (dialog, BP_EXPORT_FORMAT_SVG);
  bp_export_dialog_set_size (dialog, 1000, 20000);
  g_assert_cmpint (bp_export_dialog_get_format (dialog), ==, BP_EXPORT_FORMAT_SVG);
  g_assert_cmpstr (bp_export_dialog_get_format_name (dialog), ==, "SVG drawing");
  g_assert_cmpint (bp_export_dialog_get_width (dialog), ==, 1000);
  g_assert_cmpint (bp_export_dialog_get_height (dialog), ==, BP_EXPORT_MAX_SIZE);
  g_assert_cmpuint (bp_export_dialog_get_view (dialog), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_destroy_window (window);
}

/* People changed after a run: the run is saved, its parameters' course
 * too, but not the predictions it traced for people who are no longer
 * the same (one is held out now: there are fewer to put them under). */
static void
test_session_people_edited (Fixture       *f,
                            gconstpointer  data)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = tmp_file (f, "edited.backprop");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(BpSession) saved = NULL;
  g_autoptr(GError) error = NULL;

  ui_test_activate (window, "train");
  g_assert_cmpint (ui_test_run_until_done (window).state, ==, BP_TRAINER_FINISHED);
  ui_test_set_held_out (window, 3, TRUE);
  g_assert_true (bp_window_save (window, file, &error));
  g_assert_no_error (error);
  saved = bp_session_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bp_people_get_n (saved->people), ==, 3);
  g_assert_cmpuint (saved->history.params[BP_PARAM_W1].count, ==, 1000);
  g_assert_cmpuint (saved->history.n_people, ==, 0);
  ui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  /* Files opened as the user would go to the recent files: those of a
   * scratch directory, not the user's. */
  g_autofree char *data_home = g_dir_make_tmp ("backprop-data-XXXXXX", NULL);
  g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* Accessible properties are kept for the tests to read, with no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/files/session/finished", test_session_finished);
  ADD ("/files/session/stopped", test_session_stopped);
  ADD ("/files/session/idle", test_session_idle);
  ADD ("/files/session/people-edited", test_session_people_edited);
  ADD ("/files/session/damaged", test_open_damaged);
  ADD ("/files/people/round-trip", test_people_csv);
  ADD ("/files/people/bad", test_import_bad_csv);
  ADD ("/files/people/as-given", test_people_as_given);
  ADD ("/files/drop", test_drop);
  ADD ("/files/export/images", test_export_images);
  ADD ("/files/export/other-views", test_export_other_views);
  ADD ("/files/export/loss-history", test_export_loss_history);
  ADD ("/files/export/python", test_export_python);
  ADD ("/files/export/dialog", test_export_dialog);
  ADD ("/files/export/clipboard", test_copy_chart);
  ADD ("/files/title", test_title);
  ADD ("/files/save-fails", test_save_fails);
  ADD ("/files/save-symlink", test_save_symlink);
  ADD ("/files/export/refused", test_export_refused);
  ADD ("/files/open-while-training", test_open_while_training);
  ADD ("/files/chart-description", test_chart_description);
#undef ADD

  status = g_test_run ();
  g_remove (recent);
  g_rmdir (data_home);
  return status;
}
