/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lesson.c: the lesson model without a window
 *
 * Modified is a revision counter and a compare of the few settings: an
 * edit makes the lesson modified, its undo makes it unmodified again, a
 * setting typed back too; a run goes on the record; saving takes it all
 * as the saved state.  A run started through the lesson trains as the
 * core does and tells its listeners.
 */
#include "config.h"

#include <math.h>

#include "bp-lesson.h"
#include "bp-network.h"
#include "bp-person-item.h"

static BpLessonSettings
seed_settings (void)
{
  BpLessonSettings settings = {
    .units = BP_UNITS_LB_IN,
    .normalize = BP_NORMALIZE_SEED,
    .learning_rate = 0.1,
    .epochs = 1000,
    .has_seed = TRUE,
    .seed = 1,
    .speed = 0,
  };

  bp_params_from_seed (&settings.initial, 1);
  return settings;
}

static BpLesson *
new_saved_lesson (void)
{
  BpLesson *lesson = bp_lesson_new ();
  BpLessonSettings settings = seed_settings ();

  bp_lesson_set_settings (lesson, &settings);
  bp_lesson_mark_saved (lesson, NULL);
  g_assert_false (bp_lesson_get_modified (lesson));
  return lesson;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_settings_typed_back (void)
{
  g_autoptr(BpLesson) lesson = new_saved_lesson ();
  BpLessonSettings settings = seed_settings ();
  guint notified = 0;

  g_signal_connect (lesson, "notify::modified", G_CALLBACK (count_notify), &notified);
  settings.epochs = 999;
  bp_lesson_set_settings (lesson, &settings);
  g_assert_true (bp_lesson_get_modified (lesson));
  settings.epochs = 1000;
  bp_lesson_set_settings (lesson, &settings);
  g_assert_false (bp_lesson_get_modified (lesson));
  g_assert_cmpuint (notified, ==, 2);
  settings.target_loss = 0.01;
  bp_lesson_set_settings (lesson, &settings);
  g_assert_true (bp_lesson_get_modified (lesson));
  settings.target_loss = 0;
  bp_lesson_set_settings (lesson, &settings);
  g_assert_false (bp_lesson_get_modified (lesson));

  /* A setting that is wrong cannot be saved as it is. */
  bp_lesson_set_settings (lesson, NULL);
  g_assert_true (bp_lesson_get_modified (lesson));
}

typedef struct
{
  int done;
  int undone;
} Counts;

static void
count_undo (gpointer data,
            gboolean redo)
{
  Counts *counts = data;

  if (redo)
    counts->done++;
  else
    counts->undone++;
}

static void
test_undo_restores_revision (void)
{
  g_autoptr(BpLesson) lesson = new_saved_lesson ();
  BpUndoStack *undo = bp_lesson_get_undo (lesson);
  Counts counts = { 0 };
  guint64 before = bp_lesson_get_revision (lesson);

  bp_lesson_changed (lesson);   /* the edit itself, as the editor reports it */
  bp_lesson_push_edit (lesson, before, "Edit", count_undo, &counts, NULL);
  g_assert_true (bp_lesson_get_modified (lesson));
  g_assert_true (bp_undo_stack_undo (undo));
  g_assert_cmpint (counts.undone, ==, 1);
  g_assert_false (bp_lesson_get_modified (lesson));
  g_assert_true (bp_undo_stack_redo (undo));
  g_assert_cmpint (counts.done, ==, 1);
  g_assert_true (bp_lesson_get_modified (lesson));

  /* Saved after the edit: undoing it is a change from the file. */
  bp_lesson_mark_saved (lesson, NULL);
  g_assert_false (bp_lesson_get_modified (lesson));
  g_assert_true (bp_undo_stack_undo (undo));
  g_assert_true (bp_lesson_get_modified (lesson));
  g_assert_true (bp_undo_stack_redo (undo));
  g_assert_false (bp_lesson_get_modified (lesson));
}

static void
test_revisions_unique (void)
{
  g_autoptr(BpLesson) lesson = new_saved_lesson ();
  Counts counts = { 0 };
  guint64 before = bp_lesson_get_revision (lesson);

  /* Undo back to before, then a different edit: not the saved state,
   * although as many changes were made as undone. */
  bp_lesson_changed (lesson);
  bp_lesson_push_edit (lesson, before, "Edit", count_undo, &counts, NULL);
  g_assert_true (bp_undo_stack_undo (bp_lesson_get_undo (lesson)));
  g_assert_false (bp_lesson_get_modified (lesson));
  bp_lesson_changed (lesson);
  g_assert_true (bp_lesson_get_modified (lesson));
  g_assert_cmpuint (bp_lesson_get_revision (lesson), !=, before);
}

static void
count_signal (gpointer  lesson,
              guint    *count)
{
  (*count)++;
}

static void
count_state (gpointer  lesson,
             gboolean  state_changed,
             guint    *count)
{
  if (state_changed)
    (*count)++;
}

/* A trainer of @epochs on @people (the seeds' four) from seed 1 at 0.1,
 * nobody held out; *@norm is how they became inputs. */
static BpTrainer *
new_seed_trainer (BpPeople     *people,
                  guint64       epochs,
                  BpNormalizer *norm)
{
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(BpDataset) test = bp_dataset_new (0);
  BpTrainerConfig config = { .learning_rate = 0.1, .epochs = epochs };

  bp_params_from_seed (&config.initial, 1);
  bp_normalizer_init (norm, BP_NORMALIZE_SEED, people);
  data = bp_people_to_dataset (people, norm);
  return bp_trainer_new (data, test, &config);
}

/* The seeds' four, trained through the lesson: the same parameters as
 * the core's own loop, the run modifies the lesson, and a new run keeps
 * the one before among the earlier runs. */
static void
test_run (void)
{
  g_autoptr(BpLesson) lesson = new_saved_lesson ();
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = NULL;
  BpRunSettings settings = { .learning_rate = 0.1, .epochs = 50, .seed = 1 };
  BpNormalizer norm;
  BpTrainer *trainer = new_seed_trainer (people, 50, &norm);
  BpParams expected;
  guint histories = 0, states = 0;

  bp_params_from_seed (&expected, 1);
  data = bp_people_to_dataset (people, &norm);
  bp_network_train (&expected, data, 0.1, 50, NULL);
  g_signal_connect (lesson, "history-changed", G_CALLBACK (count_signal), &histories);
  g_signal_connect (lesson, "progress-changed", G_CALLBACK (count_state), &states);

  bp_lesson_start_run (lesson, trainer, &norm, people, &settings, FALSE);
  g_assert_true (bp_lesson_shows_run (lesson));
  g_assert_true (bp_lesson_get_modified (lesson));
  g_assert_true (bp_trainer_wait (bp_lesson_get_trainer (lesson), -1));
  bp_lesson_read (lesson);
  g_assert_cmpint (bp_lesson_get_progress (lesson)->state, ==, BP_TRAINER_FINISHED);
  g_assert_false (bp_lesson_is_live (lesson));
  g_assert_cmpmem (&bp_lesson_get_progress (lesson)->params, sizeof (BpParams),
                   &expected, sizeof (BpParams));
  g_assert_cmpuint (bp_lesson_get_history (lesson)->loss.count, ==, 50);
  g_assert_cmpuint (histories, >=, 2);
  g_assert_cmpuint (states, >=, 2);
  g_assert_true (bp_lesson_get_run_people (lesson) == people);

  /* Saved with its run, then put away: a change. */
  bp_lesson_mark_saved (lesson, NULL);
  g_assert_false (bp_lesson_get_modified (lesson));
  bp_lesson_discard_run (lesson);
  g_assert_false (bp_lesson_shows_run (lesson));
  g_assert_true (bp_lesson_get_modified (lesson));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bp_lesson_get_runs (lesson))), ==, 1);
}

static void
test_custom_initial (void)
{
  g_autoptr(BpLesson) lesson = bp_lesson_new ();
  BpParams params = { 1, 1, 1, 1, 1, 1, 0, 0, 0 };
  guint notified = 0;

  g_signal_connect (lesson, "notify::custom-initial", G_CALLBACK (count_notify), &notified);
  g_assert_false (bp_lesson_get_custom_initial (lesson));
  bp_lesson_set_custom_initial (lesson, TRUE, &params);
  g_assert_true (bp_lesson_get_custom_initial (lesson));
  g_assert_cmpmem (bp_lesson_get_initial (lesson), sizeof params, &params, sizeof params);
  bp_lesson_set_custom_initial (lesson, TRUE, &params);
  g_assert_cmpuint (notified, ==, 1);
  bp_lesson_set_custom_initial (lesson, FALSE, NULL);
  g_assert_false (bp_lesson_get_custom_initial (lesson));
  g_assert_cmpuint (notified, ==, 2);
}

/* The seeds' four people as the editor's model holds them, Charlie held
 * out. */
static GListStore *
new_people_store (void)
{
  g_autoptr(BpPeople) seeds = bp_people_new_seed ();
  GListStore *store = g_list_store_new (BP_TYPE_PERSON_ITEM);

  for (guint i = 0; i < bp_people_get_n (seeds); i++)
    {
      g_autoptr(BpPersonItem) item = bp_person_item_new (bp_people_get (seeds, i), i == 2, i);

      g_list_store_append (store, item);
    }
  return store;
}

static const char *
name_at (GListModel *model,
         guint       i)
{
  g_autoptr(BpPersonItem) item = g_list_model_get_item (model, i);

  return bp_person_item_get_name (item);
}

/* The people as two list models and as data: one list per change,
 * shared, and a new one after an edit in place or to the list. */
static void
test_people (void)
{
  g_autoptr(BpLesson) lesson = bp_lesson_new ();
  g_autoptr(GListStore) store = new_people_store ();
  g_autoptr(BpPeople) people = NULL;
  g_autoptr(BpPeople) again = NULL;
  g_autoptr(BpPeople) test = NULL;
  g_autoptr(BpPersonItem) bob = NULL;
  guint64 revision;

  bp_lesson_set_people (lesson, G_LIST_MODEL (store));
  g_assert_cmpuint (g_list_model_get_n_items (bp_lesson_get_training_people (lesson)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (bp_lesson_get_test_people (lesson)), ==, 1);
  g_assert_cmpstr (name_at (bp_lesson_get_test_people (lesson), 0), ==, "Charlie");
  g_assert_cmpstr (name_at (bp_lesson_get_training_people (lesson), 2), ==, "Diana");

  people = bp_lesson_dup_people (lesson);
  test = bp_lesson_dup_test_people (lesson);
  g_assert_cmpuint (bp_people_get_n (people), ==, 3);
  g_assert_cmpstr (bp_people_get (test, 0)->name, ==, "Charlie");
  again = bp_lesson_dup_people (lesson);
  g_assert_true (again == people);
  g_clear_pointer (&again, bp_people_unref);

  /* Bob held out in place: the editor says so, the lesson changes. */
  bob = g_list_model_get_item (G_LIST_MODEL (store), 1);
  bp_person_item_set_held_out (bob, TRUE);
  revision = bp_lesson_get_revision (lesson);
  bp_lesson_people_edited (lesson);
  g_assert_cmpuint (bp_lesson_get_revision (lesson), >, revision);
  g_assert_cmpuint (g_list_model_get_n_items (bp_lesson_get_test_people (lesson)), ==, 2);
  again = bp_lesson_dup_people (lesson);
  g_assert_true (again != people);
  g_assert_cmpuint (bp_people_get_n (again), ==, 2);
  g_clear_pointer (&again, bp_people_unref);

  /* A wrong field anywhere: no data to train on or to save. */
  bp_person_item_set_field_error (bob, BP_PERSON_FIELD_WEIGHT, "x", "not a number");
  bp_lesson_people_edited (lesson);
  g_assert_null (bp_lesson_dup_people (lesson));
  g_assert_null (bp_lesson_dup_test_people (lesson));
  bp_person_item_set_field_error (bob, BP_PERSON_FIELD_WEIGHT, NULL, NULL);

  /* An edit of the list itself is seen without being told. */
  g_list_store_remove (store, 0);
  again = bp_lesson_dup_people (lesson);
  g_assert_cmpuint (bp_people_get_n (again), ==, 1);
  g_assert_cmpstr (bp_people_get (again, 0)->name, ==, "Diana");
  g_clear_pointer (&again, bp_people_unref);

  /* Nobody to train on: nothing to train with either. */
  g_list_store_remove_all (store);
  g_assert_null (bp_lesson_dup_people (lesson));
}

static void
count_shown (gpointer              view,
             const BpLessonPeople *shown)
{
  guint *calls = g_object_get_data (view, "calls");

  (*calls)++;
  g_assert_cmpuint (bp_people_get_n (shown->people), ==, 4);
  g_assert_cmpfloat (shown->learning_rate, ==, 0.25);
}

/* The views that watch the people on show are called while they live,
 * and never after. */
static void
test_people_shown (void)
{
  g_autoptr(BpLesson) lesson = bp_lesson_new ();
  g_autoptr(BpPeople) seeds = bp_people_new_seed ();
  g_autoptr(BpPeople) nobody = bp_people_new ();
  GObject *view = g_object_new (G_TYPE_OBJECT, NULL);
  guint calls = 0;
  BpNormalizer norm;

  g_assert_null (bp_lesson_get_shown_people (lesson));
  g_object_set_data (view, "calls", &calls);
  bp_lesson_watch_people (lesson, view, count_shown);
  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, seeds);
  bp_lesson_show_people (lesson, seeds, nobody, &norm, 0.25);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_true (bp_lesson_get_shown_people (lesson)->people == seeds);
  g_object_unref (view);
  bp_lesson_show_people (lesson, seeds, nobody, &norm, 0.25);
  g_assert_cmpuint (calls, ==, 1);
}

/* A lesson with people and settings and a finished run, written as a
 * session without any window; the session read into another lesson
 * shows the same run and writes the same session again. */
static void
test_session (void)
{
  g_autoptr(BpLesson) lesson = new_saved_lesson ();
  g_autoptr(BpLesson) other = new_saved_lesson ();
  g_autoptr(GListStore) store = new_people_store ();
  g_autoptr(BpPeople) people = NULL;
  g_autoptr(BpPeople) test = NULL;
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(BpDataset) test_data = NULL;
  g_autoptr(BpSession) session = NULL;
  g_autoptr(BpSession) again = NULL;
  g_autoptr(GError) error = NULL;
  BpLessonSettings settings = seed_settings ();
  BpTrainerConfig config = { .learning_rate = 0.1, .epochs = 30 };
  BpRunSettings run = { .learning_rate = 0.1, .epochs = 30, .seed = 1 };
  BpNormalizer norm;

  /* No people yet: nothing to save, and a message that says why. */
  g_assert_null (bp_lesson_dup_session (lesson, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  bp_lesson_set_people (lesson, G_LIST_MODEL (store));
  settings.epochs = 30;
  bp_lesson_set_settings (lesson, &settings);
  session = bp_lesson_dup_session (lesson, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bp_people_get_n (session->people), ==, 3);
  g_assert_cmpstr (bp_people_get (session->test, 0)->name, ==, "Charlie");
  g_assert_cmpint (session->state, ==, BP_TRAINER_IDLE);
  g_assert_cmpuint (session->epochs, ==, 30);
  g_clear_pointer (&session, bp_session_free);

  people = bp_lesson_dup_people (lesson);
  test = bp_lesson_dup_test_people (lesson);
  config.initial = settings.initial;
  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  data = bp_people_to_dataset (people, &norm);
  test_data = bp_people_to_dataset (test, &norm);
  bp_lesson_start_run (lesson, bp_trainer_new (data, test_data, &config), &norm, people, &run,
                       FALSE);
  g_assert_true (bp_trainer_wait (bp_lesson_get_trainer (lesson), -1));
  bp_lesson_read (lesson);
  session = bp_lesson_dup_session (lesson, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (session->epoch, ==, 30);
  g_assert_cmpmem (&session->current, sizeof (BpParams),
                   &bp_lesson_get_progress (lesson)->params, sizeof (BpParams));
  g_assert_cmpuint (session->history.loss.count, ==, 30);

  /* Read into another lesson (its people list is the editor's to fill). */
  bp_lesson_set_session (other, session, 1);
  g_assert_true (bp_lesson_is_restored (other));
  g_assert_cmpint (bp_lesson_get_progress (other)->state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpfloat (bp_lesson_get_progress (other)->loss, ==,
                     bp_lesson_get_progress (lesson)->loss);
  g_assert_cmpmem (&bp_lesson_get_progress (other)->params, sizeof (BpParams),
                   &session->current, sizeof (BpParams));
  g_assert_true (bp_lesson_get_shown_people (other)->people == session->people);
  bp_lesson_set_people (other, G_LIST_MODEL (store));
  bp_lesson_set_settings (other, &settings);
  again = bp_lesson_dup_session (other, &error);
  g_assert_no_error (error);
  g_assert_true (bp_session_equal (session, again));
}

static void
count_history (gpointer         view,
               const BpHistory *history)
{
  guint *calls = g_object_get_data (view, "calls");

  (*calls)++;
}

/* A view that follows the history only while on screen misses the
 * frames of a run while it is not, and is given the history once, when
 * it is mapped or caught up before an export. */
static void
test_history_shown (void)
{
  g_autoptr(BpLesson) lesson = new_saved_lesson ();
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpRunSettings settings = { .learning_rate = 0.1, .epochs = 50, .seed = 1 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *view = gtk_label_new (NULL);
  guint calls = 0;
  BpNormalizer norm;

  /* A page out of sight in a window on screen. */
  gtk_stack_add_child (GTK_STACK (stack), gtk_label_new ("on show"));
  gtk_stack_add_child (GTK_STACK (stack), view);
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_mapped (view));
  g_object_set_data (G_OBJECT (view), "calls", &calls);
  bp_lesson_watch_history_shown (lesson, view, count_history);
  bp_lesson_start_run (lesson, new_seed_trainer (people, 50, &norm), &norm, people, &settings,
                       FALSE);
  g_assert_true (bp_trainer_wait (bp_lesson_get_trainer (lesson), -1));
  bp_lesson_read (lesson);
  g_assert_cmpuint (calls, ==, 0);
  bp_lesson_catch_up (lesson, view);
  g_assert_cmpuint (calls, ==, 1);
  bp_lesson_catch_up (lesson, view);
  g_assert_cmpuint (calls, ==, 1);

  /* Shown, it follows; hidden again, it waits until it is shown. */
  gtk_stack_set_visible_child (GTK_STACK (stack), view);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpuint (calls, ==, 1);
  bp_lesson_discard_run (lesson);
  bp_lesson_start_run (lesson, new_seed_trainer (people, 50, &norm), &norm, people, &settings,
                       FALSE);
  g_assert_cmpuint (calls, >=, 2);
  g_assert_true (bp_trainer_wait (bp_lesson_get_trainer (lesson), -1));
  gtk_stack_set_visible_child (GTK_STACK (stack), gtk_widget_get_first_child (stack));
  calls = 0;
  bp_lesson_read (lesson);
  g_assert_cmpuint (calls, ==, 0);
  gtk_stack_set_visible_child (GTK_STACK (stack), view);
  g_assert_cmpuint (calls, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lesson/modified/settings-typed-back", test_settings_typed_back);
  g_test_add_func ("/lesson/modified/undo", test_undo_restores_revision);
  g_test_add_func ("/lesson/modified/unique", test_revisions_unique);
  g_test_add_func ("/lesson/run", test_run);
  g_test_add_func ("/lesson/custom-initial", test_custom_initial);
  g_test_add_func ("/lesson/people", test_people);
  g_test_add_func ("/lesson/people-shown", test_people_shown);
  g_test_add_func ("/lesson/session", test_session);
  g_test_add_func ("/lesson/history-shown", test_history_shown);

  return g_test_run ();
}
