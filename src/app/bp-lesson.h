/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-lesson.h: the lesson a window shows, as one model its views read
 *
 * A lesson is the people (a list model the people editor edits), the
 * people on show, the settings, the initial parameters, the run (a
 * trainer on its own thread, or one read from a file) with its progress
 * and history, the earlier runs and the race, the undo stack, and the
 * file it was saved to; it is written as a session file and read back
 * from one (bp-lesson-session.c).  The window and its views read it and listen to it;
 * nothing in it knows about widgets.
 */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"
#include "bp-race.h"
#include "bp-run-list.h"
#include "bp-session.h"
#include "bp-trainer.h"
#include "bp-undo-stack.h"

G_BEGIN_DECLS

/* What a lesson file keeps besides its people and its run; @speed is
 * the pace of the run on show, or of the next run. */
typedef struct
{
  BpUnits     units;
  BpNormalize normalize;
  double      learning_rate;
  guint64     epochs;
  double      target_loss; /* 0: no target */
  gboolean    has_seed;   /* FALSE: the initial parameters are custom */
  guint32     seed;
  BpParams    initial;
  double      speed;      /* epochs per second, 0 = as fast as possible */
} BpLessonSettings;

/* The people the views show the network working on. */
typedef struct
{
  BpPeople     *people;         /* trained on */
  BpPeople     *test;           /* held out */
  BpNormalizer  norm;           /* how they became inputs */
  double        learning_rate;
} BpLessonPeople;

/* A view's setter, as bp_lesson_watch_params(), _history() and
 * _people() call it. */
typedef void (*BpLessonParamsFunc)  (gpointer         view,
                                     const BpParams  *params);
typedef void (*BpLessonHistoryFunc) (gpointer         view,
                                     const BpHistory *history);
typedef void (*BpLessonPeopleFunc)  (gpointer              view,
                                     const BpLessonPeople *people);

#define BP_TYPE_LESSON (bp_lesson_get_type ())

G_DECLARE_FINAL_TYPE (BpLesson, bp_lesson, BP, LESSON, GObject)

BpLesson            *bp_lesson_new                (void);

/* The people, as BpPersonItems in training order (held out or not),
 * the two parts of them, and the same as data */
GListModel          *bp_lesson_get_people         (BpLesson               *self);
void                 bp_lesson_set_people         (BpLesson               *self,
                                                   GListModel             *people);
GListModel          *bp_lesson_get_training_people (BpLesson              *self);
GListModel          *bp_lesson_get_test_people    (BpLesson               *self);
void                 bp_lesson_people_edited      (BpLesson               *self);
BpPeople            *bp_lesson_dup_people         (BpLesson               *self);
BpPeople            *bp_lesson_dup_test_people    (BpLesson               *self);

/* The people on show */
void                 bp_lesson_show_people        (BpLesson               *self,
                                                   BpPeople               *people,
                                                   BpPeople               *test,
                                                   const BpNormalizer     *norm,
                                                   double                  learning_rate);
const BpLessonPeople *bp_lesson_get_shown_people  (BpLesson               *self);

/* The run on show */
gboolean             bp_lesson_is_live            (BpLesson               *self);
gboolean             bp_lesson_shows_run          (BpLesson               *self);
gboolean             bp_lesson_is_restored        (BpLesson               *self);
BpTrainer           *bp_lesson_get_trainer        (BpLesson               *self);
const BpProgress    *bp_lesson_get_progress       (BpLesson               *self);
const BpHistory     *bp_lesson_get_history        (BpLesson               *self);
const BpNormalizer  *bp_lesson_get_run_normalizer (BpLesson               *self);
BpPeople            *bp_lesson_get_run_people     (BpLesson               *self);
const BpRunSettings *bp_lesson_get_run_settings   (BpLesson               *self);
void                 bp_lesson_show_idle          (BpLesson               *self,
                                                   const BpProgress       *progress);
void                 bp_lesson_forget_loss        (BpLesson               *self);
void                 bp_lesson_start_run          (BpLesson               *self,
                                                   BpTrainer              *trainer,
                                                   const BpNormalizer     *norm,
                                                   BpPeople               *people,
                                                   const BpRunSettings    *settings,
                                                   gboolean                paused);
void                 bp_lesson_restore_run        (BpLesson               *self,
                                                   const BpProgress       *progress,
                                                   const BpHistory        *history,
                                                   const BpNormalizer     *norm,
                                                   BpPeople               *people,
                                                   const BpRunSettings    *settings);
void                 bp_lesson_read               (BpLesson               *self);
void                 bp_lesson_pause              (BpLesson               *self,
                                                   gboolean                paused);
void                 bp_lesson_stop               (BpLesson               *self);
void                 bp_lesson_step               (BpLesson               *self);
void                 bp_lesson_step_sample        (BpLesson               *self);
void                 bp_lesson_set_pace           (BpLesson               *self,
                                                   double                  epochs_per_second);
void                 bp_lesson_discard_run        (BpLesson               *self);
void                 bp_lesson_end_run            (BpLesson               *self);

/* Views that follow the lesson, for as long as they live */
void                 bp_lesson_watch_params       (BpLesson               *self,
                                                   gpointer                view,
                                                   BpLessonParamsFunc      func);
void                 bp_lesson_watch_history      (BpLesson               *self,
                                                   gpointer                view,
                                                   BpLessonHistoryFunc     func);
void                 bp_lesson_watch_history_shown (BpLesson              *self,
                                                   GtkWidget              *view,
                                                   BpLessonHistoryFunc     func);
void                 bp_lesson_watch_people_shown (BpLesson               *self,
                                                   GtkWidget              *view,
                                                   BpLessonPeopleFunc      func);
void                 bp_lesson_catch_up           (BpLesson               *self,
                                                   GtkWidget              *view);
void                 bp_lesson_watch_people       (BpLesson               *self,
                                                   gpointer                view,
                                                   BpLessonPeopleFunc      func);

/* Where the next run starts */
gboolean             bp_lesson_get_custom_initial (BpLesson               *self);
const BpParams      *bp_lesson_get_initial        (BpLesson               *self);
void                 bp_lesson_set_custom_initial (BpLesson               *self,
                                                   gboolean                custom,
                                                   const BpParams         *params);

/* Earlier runs, the race, and the edits to undo */
BpRunList           *bp_lesson_get_runs           (BpLesson               *self);
BpRace              *bp_lesson_get_race           (BpLesson               *self);
BpUndoStack         *bp_lesson_get_undo           (BpLesson               *self);
guint64              bp_lesson_get_revision       (BpLesson               *self);
void                 bp_lesson_push_edit          (BpLesson               *self,
                                                   guint64                 before,
                                                   const char             *label,
                                                   BpUndoFunc              func,
                                                   gpointer                data,
                                                   GDestroyNotify          destroy);

/* The file, and whether saving would change it */
GFile               *bp_lesson_get_file           (BpLesson               *self);
gboolean             bp_lesson_get_modified       (BpLesson               *self);
void                 bp_lesson_changed            (BpLesson               *self);
void                 bp_lesson_set_settings       (BpLesson               *self,
                                                   const BpLessonSettings *settings);
const BpLessonSettings *bp_lesson_get_settings    (BpLesson               *self);
void                 bp_lesson_mark_saved         (BpLesson               *self,
                                                   GFile                  *file);

/* As a session file has it (bp-lesson-session.c) */
BpSession           *bp_lesson_dup_session        (BpLesson               *self,
                                                   GError                **error);
void                 bp_lesson_set_session        (BpLesson               *self,
                                                   const BpSession        *session,
                                                   guint32                 seed);

G_END_DECLS
