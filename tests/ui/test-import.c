/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c: people taken in from a file or an example
 *
 * An import asks whether the new people replace those listed or join
 * them (not when nobody is listed); Cancel changes nothing; either answer
 * is one step that Undo takes back exactly and Redo does again.  After a
 * finished run, the status and the loss chart say the run was trained on
 * other people.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "bp-csv.h"
#include "bp-examples.h"
#include "bp-window-private.h"
#include "ui-utils.h"

#define RESPONSE_ADD 1

#define TWO_CSV "name,gender,weight_lb,height_in\r\nZoe,F,110,62\r\nYann,M,180.5,71\r\n"
#define METRIC_CSV "name,gender,weight_kg,height_cm\r\nAnn,F,60,170.1\r\n"

static char *tmp_dir;

static GFile *
write_csv (const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

/* What Undo must give back exactly: the people, those held out, the
 * units shown. */
typedef struct
{
  BpPeople *people;
  BpPeople *test;
  BpUnits   units;
} Listed;

static void
listed_clear (Listed *l)
{
  g_clear_pointer (&l->people, bp_people_unref);
  g_clear_pointer (&l->test, bp_people_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Listed, listed_clear)

static void
listed_get (BpWindow *window,
            Listed   *l)
{
  BpPeopleEditor *editor = bp_window_get_people_editor (window);

  listed_clear (l);
  l->people = ui_test_dup_people (editor, FALSE);
  l->test = ui_test_dup_people (editor, TRUE);
  l->units = bp_people_editor_get_units (editor);
  g_assert_nonnull (l->people);
  g_assert_nonnull (l->test);
}

static void
assert_listed (BpWindow     *window,
               const Listed *expected)
{
  g_auto(Listed) now = { 0 };

  listed_get (window, &now);
  g_assert_true (bp_people_equal (now.people, expected->people));
  g_assert_true (bp_people_equal (now.test, expected->test));
  g_assert_cmpint (now.units, ==, expected->units);
}

static guint
n_people (BpWindow *window)
{
  g_autoptr(BpPeople) people = bp_lesson_dup_people (bp_window_get_lesson (window));

  g_assert_nonnull (people);
  return bp_people_get_n (people);
}

static void
answer (BpWindow *window,
        int       response)
{
  GtkMessageDialog *dialog = ui_test_find_dialog (GTK_WINDOW (window));

  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), response);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (ui_test_find_dialog (GTK_WINDOW (window)));
}

static void
load_example (BpWindow   *window,
              const char *name)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "load-example",
                                  g_variant_new_string (name));
}

/* Replace: the file's people, nobody held out, the file's units; Undo
 * gives back the seeds, the one held out and lb / in; Redo again. */
static void
test_replace (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(GFile) file = write_csv ("metric.csv", METRIC_CSV);
  g_autoptr(BpPeople) held_out = bp_people_new ();
  g_autoptr(BpPeople) from_file = bp_csv_load (g_file_peek_path (file), NULL);
  g_auto(Listed) before = { 0 };
  g_auto(Listed) after = { 0 };

  bp_people_add (held_out, bp_person_new ("Hal", 150, 69, BP_GENDER_MALE));
  bp_people_editor_set_test_people (editor, held_out);
  listed_get (window, &before);
  g_assert_false (ui_test_action_enabled (window, "undo"));

  bp_window_open (window, file);
  answer (window, GTK_RESPONSE_ACCEPT);
  listed_get (window, &after);
  g_assert_true (bp_people_equal (after.people, from_file));
  g_assert_cmpuint (bp_people_get_n (after.test), ==, 0);
  g_assert_cmpint (after.units, ==, BP_UNITS_KG_CM);
  g_assert_cmpstr (bp_undo_stack_get_undo_label (bp_lesson_get_undo (bp_window_get_lesson (window))), ==,
                   "Import People");

  g_assert_true (ui_test_action_enabled (window, "undo"));
  ui_test_activate (window, "undo");
  assert_listed (window, &before);
  g_assert_true (ui_test_action_enabled (window, "redo"));
  ui_test_activate (window, "redo");
  assert_listed (window, &after);
  ui_test_activate (window, "undo");
  assert_listed (window, &before);
  ui_test_destroy_window (window);
}

/* Add: the file's people after the seeds, the held out kept, the units
 * left alone; a name already listed is kept twice. */
static void
test_add (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(GFile) file = write_csv ("two.csv", TWO_CSV "Alice,F,140,66\r\n");
  g_autoptr(BpPeople) held_out = bp_people_new ();
  g_auto(Listed) before = { 0 };
  g_auto(Listed) after = { 0 };
  guint first = 0;

  bp_people_add (held_out, bp_person_new ("Hal", 150, 69, BP_GENDER_MALE));
  bp_people_editor_set_test_people (editor, held_out);
  listed_get (window, &before);

  bp_window_open (window, file);
  answer (window, RESPONSE_ADD);
  listed_get (window, &after);
  g_assert_cmpuint (bp_people_get_n (after.people), ==, 4 + 3);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (bp_people_get (after.people, i)->name, ==,
                     bp_people_get (before.people, i)->name);
  g_assert_cmpstr (bp_people_get (after.people, 4)->name, ==, "Zoe");
  g_assert_cmpfloat (bp_people_get (after.people, 5)->weight_lb, ==, 180.5);
  g_assert_cmpstr (bp_people_get (after.people, 6)->name, ==, "Alice");
  g_assert_true (bp_people_find (after.people, "Alice", &first) == bp_people_get (after.people, 0));
  g_assert_true (bp_people_equal (after.test, held_out));
  g_assert_cmpint (after.units, ==, before.units);

  ui_test_activate (window, "undo");
  assert_listed (window, &before);
  ui_test_activate (window, "redo");
  assert_listed (window, &after);
  ui_test_destroy_window (window);
}

/* Cancel, or the question closed: nothing changes, nothing to undo. */
static void
test_cancel (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = write_csv ("two.csv", TWO_CSV);
  g_autoptr(BpSession) before = bp_window_dup_session (window, NULL);
  g_autoptr(BpSession) after = NULL;
  g_autoptr(BpSession) closed = NULL;

  bp_window_open (window, file);
  answer (window, GTK_RESPONSE_CANCEL);
  after = bp_window_dup_session (window, NULL);
  g_assert_true (bp_session_equal (before, after));
  g_assert_false (ui_test_action_enabled (window, "undo"));

  load_example (window, "class");
  answer (window, GTK_RESPONSE_DELETE_EVENT);
  closed = bp_window_dup_session (window, NULL);
  g_assert_true (bp_session_equal (before, closed));
  g_assert_false (ui_test_action_enabled (window, "undo"));
  ui_test_destroy_window (window);
}

/* Nobody listed: nothing to ask, the people come in at once. */
static void
test_nobody_listed (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(GFile) file = write_csv ("two.csv", TWO_CSV);
  g_autoptr(BpPeople) nobody = bp_people_new ();

  bp_people_editor_set_people (editor, nobody);
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, 0);
  bp_window_open (window, file);
  g_assert_null (ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_cmpuint (n_people (window), ==, 2);
  /* Undo gives back the empty list. */
  ui_test_activate (window, "undo");
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, 0);
  ui_test_destroy_window (window);
}

/* A window as it opened (`backprop class.csv`): the seeds are not worth
 * a question; the file's people replace them, undoably.  Once the list
 * was edited, the question comes back. */
static void
test_pristine_window (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = write_csv ("two.csv", TWO_CSV);
  g_autoptr(BpPeople) seeds = bp_people_new_seed ();
  g_autoptr(BpPeople) back = NULL;

  /* As it opened: the test's fastest speed is not a change. */
  bp_window_mark_saved (window, NULL);
  g_assert_true (bp_window_is_pristine (window));
  bp_window_open (window, file);
  g_assert_null (ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_cmpuint (n_people (window), ==, 2);
  ui_test_activate (window, "undo");
  back = bp_lesson_dup_people (bp_window_get_lesson (window));
  g_assert_true (bp_people_equal (back, seeds));

  ui_test_set_text (ui_test_person_entry (window, 0, BP_PERSON_COLUMN_NAME), "Alicia");
  g_assert_false (bp_window_is_pristine (window));
  bp_window_open (window, file);
  g_assert_nonnull (ui_test_find_dialog (GTK_WINDOW (window)));
  answer (window, GTK_RESPONSE_CANCEL);
  ui_test_destroy_window (window);
}

/* A file the reader refuses: its message, no question, no change. */
static void
test_bad_file (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = write_csv ("bad.csv", "name,gender,weight,height\r\nA,F,heavy,60\r\n");
  g_autoptr(BpSession) before = bp_window_dup_session (window, NULL);
  g_autoptr(BpSession) after = NULL;
  GtkMessageDialog *dialog;
  g_autofree char *text = NULL;

  bp_window_open (window, file);
  dialog = ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_nonnull (strstr (text, "Could not import people"));
  answer (window, GTK_RESPONSE_CLOSE);
  after = bp_window_dup_session (window, NULL);
  g_assert_true (bp_session_equal (before, after));
  g_assert_false (ui_test_action_enabled (window, "undo"));
  ui_test_destroy_window (window);
}

/* A mistake in the list: Undo could not give it back, so nothing is
 * asked or changed, and the message says why. */
static void
test_list_with_mistake (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkEditable *weight = ui_test_person_entry (window, 1, BP_PERSON_COLUMN_WEIGHT);
  GtkMessageDialog *dialog;
  g_autofree char *secondary = NULL;
  g_autoptr(GError) error = NULL;

  ui_test_set_text (weight, "heavy");
  load_example (window, "class");
  dialog = ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "mistake"));
  answer (window, GTK_RESPONSE_CLOSE);
  g_assert_cmpuint (bp_people_editor_get_n_people (bp_window_get_people_editor (window)), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (weight), ==, "heavy");
  g_assert_false (bp_window_load_example (window, BP_EXAMPLE_CLASS, BP_PEOPLE_REPLACE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  ui_test_destroy_window (window);
}

/* The class of 30 through the menu's action: 30 people named as
 * generated, the same as the core's; Undo gives back the seeds. */
static void
test_example_class (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(BpPeople) class = bp_example_new (BP_EXAMPLE_CLASS, NULL);
  g_auto(Listed) before = { 0 };
  g_auto(Listed) after = { 0 };

  listed_get (window, &before);
  load_example (window, "class");
  answer (window, GTK_RESPONSE_ACCEPT);
  listed_get (window, &after);
  g_assert_cmpuint (bp_people_get_n (after.people), ==, 30);
  g_assert_true (bp_people_equal (after.people, class));
  g_assert_cmpstr (bp_people_get (after.people, 0)->name, ==, "Student 01");
  g_assert_cmpstr (bp_undo_stack_get_undo_label (bp_lesson_get_undo (bp_window_get_lesson (window))), ==,
                   "Load Example");
  ui_test_activate (window, "undo");
  assert_listed (window, &before);
  ui_test_activate (window, "redo");
  assert_listed (window, &after);

  /* Added to them, the seeds' four come after the 30. */
  load_example (window, "seeds");
  answer (window, RESPONSE_ADD);
  g_assert_cmpuint (n_people (window), ==, 34);
  ui_test_activate (window, "undo");
  assert_listed (window, &after);
  ui_test_destroy_window (window);
}

/* A name typed after the import: undoing the import would throw it away,
 * so it is refused with a message and the list stays as it is. */
static void
test_undo_after_edit (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(BpPeople) edited = NULL;
  g_autoptr(BpPeople) now = NULL;

  load_example (window, "class");
  answer (window, GTK_RESPONSE_ACCEPT);
  ui_test_set_text (ui_test_person_entry (window, 0, BP_PERSON_COLUMN_NAME), "Ada");
  edited = bp_lesson_dup_people (bp_window_get_lesson (window));
  ui_test_activate (window, "undo");
  answer (window, GTK_RESPONSE_CLOSE);
  now = bp_lesson_dup_people (bp_window_get_lesson (window));
  g_assert_true (bp_people_equal (now, edited));
  g_assert_cmpstr (bp_people_get (now, 0)->name, ==, "Ada");
  ui_test_destroy_window (window);
}

/* Asked again while the question is up, the same question comes to the
 * front: one dialog. */
static void
test_one_question (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GList) toplevels = NULL;
  guint questions = 0;

  load_example (window, "class");
  load_example (window, "seeds");
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    questions += GTK_IS_MESSAGE_DIALOG (l->data) &&
                 gtk_window_get_transient_for (l->data) == GTK_WINDOW (window);
  g_assert_cmpuint (questions, ==, 1);
  answer (window, GTK_RESPONSE_ACCEPT);
  g_assert_cmpuint (n_people (window), ==, 30);
  ui_test_destroy_window (window);
}

/* Unknown to the action (from D-Bus, say): said, and nothing changes. */
static void
test_unknown_example (void)
{
  BpWindow *window = ui_test_new_window ();

  load_example (window, "school");
  answer (window, GTK_RESPONSE_CLOSE);
  g_assert_cmpuint (n_people (window), ==, 4);
  g_assert_false (ui_test_action_enabled (window, "undo"));
  ui_test_destroy_window (window);
}

static GtkLabel *
hint_label (BpWindow *window)
{
  return GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), BP_TYPE_WINDOW,
                                                   "hint_label"));
}

static void
assert_run_on_other_people (BpWindow *window,
                            gboolean  other)
{
  GtkLabel *hint = hint_label (window);
  const char *note = bp_loss_chart_get_note (bp_window_get_loss_chart (window));

  if (other)
    {
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
      g_assert_nonnull (strstr (gtk_label_get_text (hint), "other people"));
      g_assert_nonnull (note);
      g_assert_nonnull (strstr (note, "earlier people"));
    }
  else
    {
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));
      g_assert_null (note);
    }
}

/* After a finished run, an import, an example added and an edit each
 * leave the run on show about other people, in the status and on the
 * chart; Undo back to the people trained on, or a new run, says nothing
 * more. */
static void
test_run_on_other_people (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = write_csv ("two.csv", TWO_CSV);
  BpLossChart *chart = bp_window_get_loss_chart (window);

  assert_run_on_other_people (window, FALSE);
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  assert_run_on_other_people (window, FALSE);

  bp_window_open (window, file);
  answer (window, GTK_RESPONSE_ACCEPT);
  assert_run_on_other_people (window, TRUE);
  ui_test_wait_frame (GTK_WIDGET (chart));
  ui_test_activate (window, "undo");
  assert_run_on_other_people (window, FALSE);

  load_example (window, "class");
  answer (window, RESPONSE_ADD);
  assert_run_on_other_people (window, TRUE);
  ui_test_activate (window, "undo");
  assert_run_on_other_people (window, FALSE);

  ui_test_set_text (ui_test_person_entry (window, 0, BP_PERSON_COLUMN_WEIGHT), "140");
  assert_run_on_other_people (window, TRUE);

  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  assert_run_on_other_people (window, FALSE);
  ui_test_destroy_window (window);
}

/* While training, neither an import nor an example can start, and a
 * file opened says so rather than asking a question it would refuse. */
static void
test_while_training (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autoptr(GFile) file = write_csv ("two.csv", TWO_CSV);
  g_autoptr(GError) error = NULL;
  g_autofree char *secondary = NULL;
  GtkMessageDialog *dialog;

  gtk_editable_set_text (bp_training_form_get_epochs_entry (bp_window_get_training_form (window)),
                         "1000000000");
  ui_test_activate (window, "train");
  g_assert_false (ui_test_action_enabled (window, "load-example"));
  g_assert_false (ui_test_action_enabled (window, "import-people"));
  g_assert_false (bp_window_load_example (window, BP_EXAMPLE_CLASS, BP_PEOPLE_ADD, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  /* A file opened or dropped meanwhile: said at once, not asked about. */
  bp_window_open (window, file);
  dialog = ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "Training is under way"));
  answer (window, GTK_RESPONSE_CLOSE);
  ui_test_activate (window, "stop");
  ui_test_run_until_done (window);
  g_assert_true (ui_test_action_enabled (window, "load-example"));
  g_assert_cmpuint (n_people (window), ==, 4);
  ui_test_destroy_window (window);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  tmp_dir = g_dir_make_tmp ("backprop-import-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  ui_test_init (&argc, &argv);
  g_test_add_func ("/import/replace", test_replace);
  g_test_add_func ("/import/add", test_add);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/nobody-listed", test_nobody_listed);
  g_test_add_func ("/import/pristine-window", test_pristine_window);
  g_test_add_func ("/import/bad-file", test_bad_file);
  g_test_add_func ("/import/list-with-mistake", test_list_with_mistake);
  g_test_add_func ("/import/example-class", test_example_class);
  g_test_add_func ("/import/undo-after-edit", test_undo_after_edit);
  g_test_add_func ("/import/one-question", test_one_question);
  g_test_add_func ("/import/unknown-example", test_unknown_example);
  g_test_add_func ("/import/run-on-other-people", test_run_on_other_people);
  g_test_add_func ("/import/while-training", test_while_training);
  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return status;
}
