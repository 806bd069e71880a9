/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-lesson.c: the lesson a window shows, as one model its views read
 *
 * "Modified" is cheap to know at every keystroke: a revision counts the
 * changes to the people and the run, an undo takes the revision back to
 * what it was before the edit, and the few settings are compared with
 * those saved.  Saving or opening takes the revision and the settings as
 * the saved ones.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "bp-lesson.h"
#include "bp-person-item.h"

struct _BpLesson
{
  GObject           parent_instance;

  GListModel       *people;         /* of BpPersonItem, as the editor edits them */
  gulong            people_handler;
  GtkCustomFilter  *held_out[2];    /* FALSE: trained on; TRUE: held out */
  GListModel       *part[2];        /* the people filtered by those, once asked for */
  BpPeople         *snapshot[2];    /* the same as data, until the people change */
  gboolean          unfit;          /* no data to make of them, until they change */
  BpLessonPeople    shown;          /* the people the views show */
  BpTrainer        *trainer;        /* the current run, or NULL between runs */
  BpProgress        progress;       /* as last read, or the idle state */
  BpHistory         history;
  guint64           history_version;
  BpNormalizer      run_norm;       /* how the run's people became inputs */
  BpPeople         *run_people;     /* the run's training people */
  BpRunSettings     run_settings;
  gboolean          restored;       /* a run read from a file, with no trainer */

  gboolean          custom_initial; /* @initial was edited, or came from a file */
  BpParams          initial;

  BpRunList        *runs;           /* earlier runs, for the loss chart */
  BpRace           *race;           /* the other lanes of a race */
  BpUndoStack      *undo;

  GFile            *file;
  guint64           revision;
  guint64           last_revision;  /* the highest ever given out */
  guint64           saved_revision;
  gboolean          has_settings;
  BpLessonSettings  settings;
  gboolean          has_saved_settings;
  BpLessonSettings  saved_settings;
  gboolean          modified;
};

G_DEFINE_FINAL_TYPE (BpLesson, bp_lesson, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CUSTOM_INITIAL,
  N_PROPS
};

enum
{
  PROGRESS_CHANGED,
  HISTORY_CHANGED,
  PEOPLE_SHOWN,
  RUN_STARTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
settings_equal (const BpLessonSettings *a,
                const BpLessonSettings *b)
{
  return a->units == b->units && a->normalize == b->normalize &&
         a->learning_rate == b->learning_rate && a->epochs == b->epochs &&
         a->target_loss == b->target_loss &&
         a->has_seed == b->has_seed && a->seed == b->seed && a->speed == b->speed &&
         memcmp (&a->initial, &b->initial, sizeof a->initial) == 0;
}

static void
update_modified (BpLesson *self)
{
  gboolean modified = bp_lesson_is_live (self) || !self->has_settings ||
                      !self->has_saved_settings || self->revision != self->saved_revision ||
                      !settings_equal (&self->settings, &self->saved_settings);

  if (modified == self->modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_revision (BpLesson *self,
              guint64   revision)
{
  self->revision = revision;
  update_modified (self);
}

/* The people or the run changed: a revision no saved state has. */
void
bp_lesson_changed (BpLesson *self)
{
  g_return_if_fail (BP_IS_LESSON (self));

  set_revision (self, ++self->last_revision);
}

static void
emit_progress (BpLesson *self,
               gboolean  state_changed)
{
  if (state_changed)
    update_modified (self);
  g_signal_emit (self, signals[PROGRESS_CHANGED], 0, state_changed);
}

/* The people's model, training order, held out or not: the people
 * editor edits it, and says so with bp_lesson_people_edited(). */
GListModel *
bp_lesson_get_people (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->people;
}

/* The lists handed out are about the people before the change. */
static void
forget_snapshots (BpLesson *self)
{
  g_clear_pointer (&self->snapshot[0], bp_people_unref);
  g_clear_pointer (&self->snapshot[1], bp_people_unref);
  self->unfit = FALSE;
}

void
bp_lesson_set_people (BpLesson   *self,
                      GListModel *people)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (people == NULL || G_IS_LIST_MODEL (people));

  if (people == self->people)
    return;
  if (self->people != NULL)
    g_clear_signal_handler (&self->people_handler, self->people);
  g_set_object (&self->people, people);
  forget_snapshots (self);
  for (guint i = 0; i < 2; i++)
    if (self->part[i] != NULL)
      gtk_filter_list_model_set_model (GTK_FILTER_LIST_MODEL (self->part[i]), people);
  if (people != NULL)
    self->people_handler = g_signal_connect_swapped (people, "items-changed",
                                                     G_CALLBACK (forget_snapshots), self);
}

static gboolean
is_held_out (gpointer item,
             gpointer user_data)
{
  return bp_person_item_get_held_out (item) == GPOINTER_TO_INT (user_data);
}

/* The people held out (@held_out) or not as a list model of their own,
 * made when first asked for: the window itself needs only the data. */
static GListModel *
get_part (BpLesson *self,
          gboolean  held_out)
{
  GtkFilterListModel *part;

  if (self->part[held_out] != NULL)
    return self->part[held_out];
  self->held_out[held_out] = gtk_custom_filter_new (is_held_out, GINT_TO_POINTER (held_out), NULL);
  part = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->held_out[held_out])));
  gtk_filter_list_model_set_model (part, self->people);
  self->part[held_out] = G_LIST_MODEL (part);
  return self->part[held_out];
}

/* The people trained on (BpPersonItems not held out), in training order. */
GListModel *
bp_lesson_get_training_people (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return get_part (self, FALSE);
}

/* The people held out for testing. */
GListModel *
bp_lesson_get_test_people (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return get_part (self, TRUE);
}

/* A person was edited in place (an edit of the list itself is seen
 * through its "items-changed"): the people held out may be others, and
 * the lesson is modified. */
void
bp_lesson_people_edited (BpLesson *self)
{
  g_return_if_fail (BP_IS_LESSON (self));

  forget_snapshots (self);
  for (guint i = 0; i < 2; i++)
    if (self->held_out[i] != NULL)
      gtk_filter_changed (GTK_FILTER (self->held_out[i]), GTK_FILTER_CHANGE_DIFFERENT);
  bp_lesson_changed (self);
}

/* Nobody changes a list once made (see bp_people_ref()), so one list is
 * made per change and shared by all who ask: the views, the status, the
 * run, the session.  Each copy would cost with a class of 100 000.  Both
 * or neither: a wrong person anywhere (a field typed that is no good
 * value yet) makes the lesson unfit to train, and so does nobody to
 * train on. */
static BpPeople *
dup_part (BpLesson *self,
          gboolean  held_out)
{
  guint n = self->people != NULL ? g_list_model_get_n_items (self->people) : 0;
  g_autoptr(BpPeople) trained = NULL;
  g_autoptr(BpPeople) test = NULL;

  if (self->snapshot[held_out] != NULL)
    return bp_people_ref (self->snapshot[held_out]);
  if (self->unfit)
    return NULL;
  self->unfit = TRUE;
  trained = bp_people_new ();
  test = bp_people_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpPersonItem) item = g_list_model_get_item (self->people, i);

      if (bp_person_item_get_error (item) != NULL)
        return NULL;
      bp_people_add (bp_person_item_get_held_out (item) ? test : trained,
                     bp_person_copy (bp_person_item_get_person (item)));
    }
  if (bp_people_get_n (trained) == 0)
    return NULL;
  self->unfit = FALSE;
  self->snapshot[FALSE] = g_steal_pointer (&trained);
  self->snapshot[TRUE] = g_steal_pointer (&test);
  return bp_people_ref (self->snapshot[held_out]);
}

/* The people trained on, in lb and in, or NULL while a person is wrong
 * or nobody is trained on: a reference to a list nobody changes, the
 * very same list until the people change. */
BpPeople *
bp_lesson_dup_people (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return dup_part (self, FALSE);
}

/* The people held out for testing (maybe none), or NULL as above. */
BpPeople *
bp_lesson_dup_test_people (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return dup_part (self, TRUE);
}

static void
clear_shown (BpLessonPeople *shown)
{
  g_clear_pointer (&shown->people, bp_people_unref);
  g_clear_pointer (&shown->test, bp_people_unref);
}

/* What the views show the network working on: @people with @test held
 * out, made inputs by @norm, trained at @learning_rate.  Between runs
 * those listed, after a run those it was trained on. */
void
bp_lesson_show_people (BpLesson           *self,
                       BpPeople           *people,
                       BpPeople           *test,
                       const BpNormalizer *norm,
                       double              learning_rate)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (people != NULL && test != NULL && norm != NULL);

  bp_people_ref (people);
  bp_people_ref (test);
  clear_shown (&self->shown);
  self->shown = (BpLessonPeople) { people, test, *norm, learning_rate };
  g_signal_emit (self, signals[PEOPLE_SHOWN], 0);
}

/* The people on show, or NULL before any. */
const BpLessonPeople *
bp_lesson_get_shown_people (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->shown.people != NULL ? &self->shown : NULL;
}

gboolean
bp_lesson_is_live (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), FALSE);

  return (self->trainer != NULL && !bp_trainer_state_is_done (self->progress.state)) ||
         bp_race_is_live (self->race);
}

/* A run's result is on show: a trainer's, or one read from a file. */
gboolean
bp_lesson_shows_run (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), FALSE);

  return self->trainer != NULL || self->restored;
}

gboolean
bp_lesson_is_restored (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), FALSE);

  return self->restored;
}

BpTrainer *
bp_lesson_get_trainer (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->trainer;
}

/* The last progress read: the current run's, or the idle state between
 * runs.  After the run ended with its window, the run's final progress. */
const BpProgress *
bp_lesson_get_progress (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return &self->progress;
}

const BpHistory *
bp_lesson_get_history (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return &self->history;
}

const BpNormalizer *
bp_lesson_get_run_normalizer (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return &self->run_norm;
}

/* The people the run on show was trained on, or NULL. */
BpPeople *
bp_lesson_get_run_people (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->run_people;
}

const BpRunSettings *
bp_lesson_get_run_settings (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return &self->run_settings;
}

/* Between runs the progress is what the initial parameters give. */
void
bp_lesson_show_idle (BpLesson         *self,
                     const BpProgress *progress)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (self->trainer == NULL);

  self->progress = *progress;
  emit_progress (self, FALSE);
}

/* The people or settings are wrong: the old loss would be about others. */
void
bp_lesson_forget_loss (BpLesson *self)
{
  g_return_if_fail (BP_IS_LESSON (self));

  self->progress.loss = NAN;
}

static void
set_run (BpLesson            *self,
         const BpNormalizer  *norm,
         BpPeople            *people,
         const BpRunSettings *settings)
{
  self->run_norm = *norm;
  g_clear_pointer (&self->run_people, bp_people_unref);
  self->run_people = bp_people_ref (people);
  self->run_settings = *settings;
  bp_run_list_set_current (self->runs, &self->run_settings);
}

/* Reads the trainer's progress, and its history when it changed; at
 * most once a frame.  A race's lanes are read in the same frame. */
void
bp_lesson_read (BpLesson *self)
{
  gboolean race_was_live;
  BpTrainerState before;
  BpTrainerRead read;

  g_return_if_fail (BP_IS_LESSON (self));

  if (self->trainer == NULL)
    return;
  race_was_live = bp_race_is_live (self->race);
  before = self->progress.state;
  read = bp_trainer_read (self->trainer, &self->progress, &self->history, &self->history_version);
  if (read & BP_TRAINER_READ_HISTORY)
    g_signal_emit (self, signals[HISTORY_CHANGED], 0);
  if (read & BP_TRAINER_READ_PROGRESS)
    emit_progress (self, self->progress.state != before);
  if (!bp_race_read (self->race) && race_was_live)
    emit_progress (self, TRUE);
}

/* @trainer (taken) is the new run, of @people as @norm made them inputs. */
void
bp_lesson_start_run (BpLesson            *self,
                     BpTrainer           *trainer,
                     const BpNormalizer  *norm,
                     BpPeople            *people,
                     const BpRunSettings *settings,
                     gboolean             paused)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (trainer != NULL);

  bp_lesson_discard_run (self);
  self->trainer = trainer;
  set_run (self, norm, people, settings);
  bp_history_clear (&self->history);
  bp_history_init (&self->history);
  bp_trainer_start (self->trainer, paused);
  /* A new trainer counts its versions from zero again. */
  self->progress.version = G_MAXUINT64;
  self->history_version = G_MAXUINT64;
  bp_lesson_changed (self);
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
  bp_lesson_read (self);
  emit_progress (self, TRUE);
  g_signal_emit (self, signals[RUN_STARTED], 0);
}

/* A finished, stopped or diverged run read from a file: shown as the
 * trainer left it, with no trainer behind it. */
void
bp_lesson_restore_run (BpLesson            *self,
                       const BpProgress    *progress,
                       const BpHistory     *history,
                       const BpNormalizer  *norm,
                       BpPeople            *people,
                       const BpRunSettings *settings)
{
  g_return_if_fail (BP_IS_LESSON (self));

  bp_lesson_discard_run (self);
  set_run (self, norm, people, settings);
  bp_history_copy (&self->history, history);
  self->progress = *progress;
  self->restored = TRUE;
  bp_lesson_changed (self);
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
  emit_progress (self, TRUE);
}

void
bp_lesson_pause (BpLesson *self,
                 gboolean  paused)
{
  g_return_if_fail (BP_IS_LESSON (self));

  if (!bp_lesson_is_live (self))
    return;
  if (paused)
    {
      bp_trainer_pause (self->trainer);
      bp_race_pause (self->race);
    }
  else
    {
      bp_trainer_resume (self->trainer);
      bp_race_resume (self->race);
    }
  bp_lesson_read (self);
}

void
bp_lesson_stop (BpLesson *self)
{
  g_return_if_fail (BP_IS_LESSON (self));

  if (!bp_lesson_is_live (self))
    return;
  bp_trainer_stop (self->trainer);
  bp_race_stop (self->race);
  bp_lesson_read (self);
}

/* One epoch of a paused run, and of its race. */
void
bp_lesson_step (BpLesson *self)
{
  g_return_if_fail (BP_IS_LESSON (self));

  if (self->trainer == NULL || self->progress.state != BP_TRAINER_PAUSED)
    return;
  bp_trainer_step (self->trainer, 1);
  bp_race_step (self->race, 1);
}

/* One person's step of a paused run; a race's lanes only step by epochs. */
void
bp_lesson_step_sample (BpLesson *self)
{
  g_return_if_fail (BP_IS_LESSON (self));

  if (self->trainer == NULL || self->progress.state != BP_TRAINER_PAUSED ||
      bp_race_is_live (self->race))
    return;
  bp_trainer_step_sample (self->trainer);
}

void
bp_lesson_set_pace (BpLesson *self,
                    double    epochs_per_second)
{
  g_return_if_fail (BP_IS_LESSON (self));

  if (!bp_lesson_is_live (self))
    return;
  bp_trainer_set_pace (self->trainer, epochs_per_second);
  bp_race_set_pace (self->race, epochs_per_second);
}

/* The run about to go joins the earlier runs, with its loss curve and
 * how it ended.  The lanes of its race are there already. */
static void
keep_run (BpLesson *self)
{
  g_autoptr(BpRun) run = NULL;

  if (!bp_lesson_shows_run (self) || self->history.loss.count == 0)
    return;
  run = bp_run_new (&self->run_settings);
  bp_run_set_loss (run, &self->history.loss);
  bp_run_set_state (run, bp_trainer_state_is_done (self->progress.state)
                         ? self->progress.state : BP_TRAINER_STOPPED);
  bp_run_list_add (self->runs, run);
}

/* Ends the current run, if any, and keeps it to compare; freeing the
 * trainers joins their threads. */
void
bp_lesson_discard_run (BpLesson *self)
{
  gboolean had_run;

  g_return_if_fail (BP_IS_LESSON (self));

  had_run = bp_lesson_shows_run (self);
  if (self->trainer != NULL)
    bp_trainer_stop (self->trainer);
  bp_race_stop (self->race);
  keep_run (self);
  bp_run_list_set_current (self->runs, NULL);
  g_clear_pointer (&self->trainer, bp_trainer_free);
  self->restored = FALSE;
  if (had_run)
    bp_lesson_changed (self);
}

/* Closing mid-run: stopping joins the worker, and the final progress
 * stays readable for whoever still holds the lesson. */
void
bp_lesson_end_run (BpLesson *self)
{
  g_return_if_fail (BP_IS_LESSON (self));

  if (self->trainer != NULL)
    {
      bp_trainer_stop (self->trainer);
      bp_trainer_get_progress (self->trainer, &self->progress);
    }
  bp_lesson_discard_run (self);
}

/* A view and its setter, called when the lesson's signal says so. */
typedef struct
{
  gpointer  view;
  GCallback func;
} Watch;

static void
watch_free (gpointer  data,
            GClosure *closure)
{
  g_free (data);
}

static void
call_params (BpLesson *self,
             gboolean  state_changed,
             Watch    *watch)
{
  ((BpLessonParamsFunc) watch->func) (watch->view, &self->progress.params);
}

static void
call_history (BpLesson *self,
              Watch    *watch)
{
  ((BpLessonHistoryFunc) watch->func) (watch->view, &self->history);
}

static void
call_people (BpLesson *self,
             Watch    *watch)
{
  ((BpLessonPeopleFunc) watch->func) (watch->view, &self->shown);
}

/* @view's closure goes with @view: a view destroyed before the lesson
 * is not called. */
static void
watch (BpLesson   *self,
       const char *signal,
       gpointer    view,
       GCallback   func,
       GCallback   call)
{
  Watch *data = g_new (Watch, 1);
  GClosure *closure;

  *data = (Watch) { view, func };
  closure = g_cclosure_new (call, data, watch_free);
  g_object_watch_closure (G_OBJECT (view), closure);
  g_signal_connect_closure (self, signal, closure, FALSE);
}

/* @func (@view, parameters) whenever the parameters on show change:
 * each frame of a run, between runs, after an edit. */
void
bp_lesson_watch_params (BpLesson           *self,
                        gpointer            view,
                        BpLessonParamsFunc  func)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (G_IS_OBJECT (view));

  watch (self, "progress-changed", view, G_CALLBACK (func), G_CALLBACK (call_params));
}

/* @func (@view, history) whenever the run's history grows or is
 * replaced. */
void
bp_lesson_watch_history (BpLesson            *self,
                         gpointer             view,
                         BpLessonHistoryFunc  func)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (G_IS_OBJECT (view));

  watch (self, "history-changed", view, G_CALLBACK (func), G_CALLBACK (call_history));
}

/* A view that follows the lesson only while it is on screen: the watch,
 * how to call it, and whether news came while the view was not. */
typedef struct
{
  Watch      watch;
  void     (*call) (BpLesson *self,
                    Watch    *watch);
  gboolean   pending;
} Deferred;

static GQuark
deferred_quark (void)
{
  return g_quark_from_static_string ("bp-lesson-deferred");
}

/* A view is out of sight when its window is on screen and it is not (a
 * page not on show).  A window not on screen at all follows everything:
 * it may be drawn off screen, as the tests and exports do. */
static gboolean
out_of_sight (GtkWidget *view)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (view));

  return !gtk_widget_get_mapped (view) && root != NULL && gtk_widget_get_mapped (root);
}

static void
call_when_shown (BpLesson *self,
                 Deferred *deferred)
{
  deferred->pending = out_of_sight (deferred->watch.view);
  if (!deferred->pending)
    deferred->call (self, &deferred->watch);
}

/* Gives @view what it missed while it was not on screen, if anything:
 * as it is mapped, and before it is drawn off screen (an export). */
void
bp_lesson_catch_up (BpLesson  *self,
                    GtkWidget *view)
{
  GPtrArray *deferred;

  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (GTK_IS_WIDGET (view));

  deferred = g_object_get_qdata (G_OBJECT (view), deferred_quark ());
  for (guint i = 0; deferred != NULL && i < deferred->len; i++)
    {
      Deferred *d = g_ptr_array_index (deferred, i);

      if (d->pending)
        {
          d->pending = FALSE;
          d->call (self, &d->watch);
        }
    }
}

/* The closure's data is the view's (freed with it, after the closure is
 * invalidated as the view is disposed). */
static void
watch_when_shown (BpLesson   *self,
                  const char *signal,
                  GtkWidget  *view,
                  GCallback   func,
                  void      (*call) (BpLesson *self,
                                     Watch    *watch))
{
  GPtrArray *all = g_object_get_qdata (G_OBJECT (view), deferred_quark ());
  Deferred *deferred = g_new0 (Deferred, 1);
  GClosure *closure;

  if (all == NULL)
    {
      all = g_ptr_array_new_with_free_func (g_free);
      g_object_set_qdata_full (G_OBJECT (view), deferred_quark (), all,
                               (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (view, "map", G_CALLBACK (bp_lesson_catch_up), self,
                               G_CONNECT_SWAPPED);
    }
  *deferred = (Deferred) { { view, func }, call, FALSE };
  g_ptr_array_add (all, deferred);
  closure = g_cclosure_new (G_CALLBACK (call_when_shown), deferred, NULL);
  g_object_watch_closure (G_OBJECT (view), closure);
  g_signal_connect_closure (self, signal, closure, FALSE);
}

/* As bp_lesson_watch_history(), for a view that costs a frame of a run
 * something while nobody sees it (a page of the window not on show):
 * it is given the history when it is mapped again, and by
 * bp_lesson_catch_up(). */
void
bp_lesson_watch_history_shown (BpLesson            *self,
                               GtkWidget           *view,
                               BpLessonHistoryFunc  func)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (GTK_IS_WIDGET (view));

  watch_when_shown (self, "history-changed", view, G_CALLBACK (func), call_history);
}

/* As bp_lesson_watch_people(), for a view that costs opening a class
 * something while nobody sees it.  What is set on such a view directly
 * while it is out of sight is set again by the people it missed, as it
 * comes on show: show it first. */
void
bp_lesson_watch_people_shown (BpLesson           *self,
                              GtkWidget          *view,
                              BpLessonPeopleFunc  func)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (GTK_IS_WIDGET (view));

  watch_when_shown (self, "people-shown", view, G_CALLBACK (func), call_people);
}

/* @func (@view, people) whenever the people on show change: after an
 * edit, when a run starts, when a lesson is opened. */
void
bp_lesson_watch_people (BpLesson           *self,
                        gpointer            view,
                        BpLessonPeopleFunc  func)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (G_IS_OBJECT (view));

  watch (self, "people-shown", view, G_CALLBACK (func), G_CALLBACK (call_people));
}

gboolean
bp_lesson_get_custom_initial (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), FALSE);

  return self->custom_initial;
}

const BpParams *
bp_lesson_get_initial (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return &self->initial;
}

/* Whether the next run starts from @params (edited on the views, or read
 * from a lesson saved without a seed) rather than from the seed. */
void
bp_lesson_set_custom_initial (BpLesson       *self,
                              gboolean        custom,
                              const BpParams *params)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (!custom || params != NULL);

  if (custom)
    self->initial = *params;
  if (custom == self->custom_initial)
    return;
  self->custom_initial = custom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_INITIAL]);
}

BpRunList *
bp_lesson_get_runs (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->runs;
}

BpRace *
bp_lesson_get_race (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->race;
}

BpUndoStack *
bp_lesson_get_undo (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->undo;
}

/* Read before an edit, to hand to bp_lesson_push_edit() after it. */
guint64
bp_lesson_get_revision (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), 0);

  return self->revision;
}

/* An edit on the undo stack, with the revisions before and after it:
 * undone, the lesson is as modified as it was before the edit. */
typedef struct
{
  BpLesson       *lesson;
  guint64         before;
  guint64         after;
  BpUndoFunc      func;
  gpointer        data;
  GDestroyNotify  destroy;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  if (edit->destroy != NULL)
    edit->destroy (edit->data);
  g_free (edit);
}

static void
undo_edit (gpointer data,
           gboolean redo)
{
  Edit *edit = data;

  edit->func (edit->data, redo);
  set_revision (edit->lesson, redo ? edit->after : edit->before);
}

/* Pushes an edit that was just made; @before is the revision read
 * before it. */
void
bp_lesson_push_edit (BpLesson       *self,
                     guint64         before,
                     const char     *label,
                     BpUndoFunc      func,
                     gpointer        data,
                     GDestroyNotify  destroy)
{
  Edit *edit;

  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (func != NULL);

  bp_lesson_changed (self);
  edit = g_new (Edit, 1);
  *edit = (Edit) { self, before, self->revision, func, data, destroy };
  bp_undo_stack_push (self->undo, label, undo_edit, edit, edit_free);
}

/* The session file, or NULL before the first save. */
GFile *
bp_lesson_get_file (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->file;
}

/* Whether saving now would write something else than the file opened or
 * saved last.  A run going on always modifies the lesson. */
gboolean
bp_lesson_get_modified (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), FALSE);

  return self->modified;
}

/* The settings as the form has them now; NULL while one of them, or a
 * person, is wrong: such a lesson cannot be saved as it is. */
void
bp_lesson_set_settings (BpLesson               *self,
                        const BpLessonSettings *settings)
{
  g_return_if_fail (BP_IS_LESSON (self));

  self->has_settings = settings != NULL;
  if (settings != NULL)
    self->settings = *settings;
  update_modified (self);
}

/* The settings as last told, or NULL while one of them, or a person, is
 * wrong. */
const BpLessonSettings *
bp_lesson_get_settings (BpLesson *self)
{
  g_return_val_if_fail (BP_IS_LESSON (self), NULL);

  return self->has_settings ? &self->settings : NULL;
}

/* What the lesson holds now is what @file holds (NULL: no file yet), as
 * after opening or saving it. */
void
bp_lesson_mark_saved (BpLesson *self,
                      GFile    *file)
{
  g_return_if_fail (BP_IS_LESSON (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  self->saved_revision = self->revision;
  self->has_saved_settings = self->has_settings;
  self->saved_settings = self->settings;
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_modified (self);
}

static void
bp_lesson_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BpLesson *self = BP_LESSON (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_CUSTOM_INITIAL:
      g_value_set_boolean (value, self->custom_initial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_lesson_dispose (GObject *object)
{
  BpLesson *self = BP_LESSON (object);

  bp_lesson_end_run (self);
  bp_lesson_set_people (self, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&self->part[i]);
      g_clear_object (&self->held_out[i]);
    }
  g_clear_object (&self->file);
  G_OBJECT_CLASS (bp_lesson_parent_class)->dispose (object);
}

static void
bp_lesson_finalize (GObject *object)
{
  BpLesson *self = BP_LESSON (object);

  bp_history_clear (&self->history);
  g_clear_pointer (&self->run_people, bp_people_unref);
  clear_shown (&self->shown);
  g_clear_object (&self->race);
  g_clear_object (&self->runs);
  g_clear_object (&self->undo);
  G_OBJECT_CLASS (bp_lesson_parent_class)->finalize (object);
}

static void
bp_lesson_class_init (BpLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bp_lesson_get_property;
  object_class->dispose = bp_lesson_dispose;
  object_class->finalize = bp_lesson_finalize;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOM_INITIAL] =
    g_param_spec_boolean ("custom-initial", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The progress was read afresh; @state_changed says whether a run
   * started, paused, resumed or ended with it. */
  signals[PROGRESS_CHANGED] =
    g_signal_new ("progress-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /* The run's loss history (and the traced predictions) grew or was
   * replaced. */
  signals[HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Other people are on show (bp_lesson_get_shown_people()). */
  /* A trainer started a new run (not one read from a file). */
  signals[RUN_STARTED] =
    g_signal_new ("run-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PEOPLE_SHOWN] =
    g_signal_new ("people-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bp_lesson_init (BpLesson *self)
{
  bp_history_init (&self->history);
  self->runs = bp_run_list_new ();
  self->race = bp_race_new ();
  self->undo = bp_undo_stack_new ();
  self->progress.loss = NAN;
  self->progress.test_loss = NAN;
}

BpLesson *
bp_lesson_new (void)
{
  return g_object_new (BP_TYPE_LESSON, NULL);
}
