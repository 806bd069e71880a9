/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-trainer.h: training on a worker thread, read by a UI once per frame
 *
 * The worker trains in chunks of about half a millisecond of work (or one
 * frame's worth of epochs when paced) and publishes its progress under a
 * mutex after each chunk: a reader takes the lock briefly to copy a
 * BpProgress and, when it changed, the history.  Nothing ever calls back
 * into the reader's thread.
 */
#pragma once

#include <glib.h>

#include "bp-history.h"
#include "bp-network.h"

G_BEGIN_DECLS

typedef enum
{
  BP_TRAINER_IDLE,      /* not started yet */
  BP_TRAINER_RUNNING,
  BP_TRAINER_PAUSED,
  BP_TRAINER_FINISHED,  /* all epochs done */
  BP_TRAINER_STOPPED,   /* stopped by request */
  BP_TRAINER_DIVERGED,  /* a loss or parameter stopped being finite */
} BpTrainerState;

typedef struct
{
  BpParams initial;
  double   learning_rate;
  guint64  epochs;
  double   epochs_per_second;  /* 0: as fast as possible */
  double   target_loss;        /* finish once the loss is below it; 0: no target */
} BpTrainerConfig;

typedef struct
{
  BpTrainerState state;
  guint64        epoch;         /* epochs completed */
  guint64        epochs;        /* epochs asked for */
  double         loss;          /* training MSE after @epoch epochs */
  double         test_loss;     /* NAN without test people */
  BpParams       params;
  guint          sample;        /* people of the epoch under way trained on */
  guint64        version;       /* changes whenever anything above does */
  double         target_loss;   /* the run's target, 0 for none */
  gboolean       reached_target; /* finished as the loss fell below the target */
} BpProgress;


typedef struct _BpTrainer BpTrainer;

/* What bp_trainer_read() found new. */
typedef enum
{
  BP_TRAINER_READ_NOTHING  = 0,
  BP_TRAINER_READ_PROGRESS = 1 << 0,
  BP_TRAINER_READ_HISTORY  = 1 << 1,
} BpTrainerRead;

BpTrainer  *bp_trainer_new           (const BpDataset       *train,
                                      const BpDataset       *test,
                                      const BpTrainerConfig *config);
void        bp_trainer_free          (BpTrainer             *self);
void        bp_trainer_start         (BpTrainer             *self,
                                      gboolean               paused);
void        bp_trainer_pause         (BpTrainer             *self);
void        bp_trainer_resume        (BpTrainer             *self);
void        bp_trainer_step          (BpTrainer             *self,
                                      guint64                epochs);
void        bp_trainer_step_sample   (BpTrainer             *self);
void        bp_trainer_stop          (BpTrainer             *self);
gboolean    bp_trainer_is_resting    (BpTrainer             *self);
void        bp_trainer_set_pace      (BpTrainer             *self,
                                      double                 epochs_per_second);
void        bp_trainer_get_progress  (BpTrainer             *self,
                                      BpProgress            *progress);
gboolean    bp_trainer_copy_history  (BpTrainer             *self,
                                      BpHistory             *dest,
                                      guint64               *version);
BpTrainerRead bp_trainer_read        (BpTrainer             *self,
                                      BpProgress            *progress,
                                      BpHistory             *history,
                                      guint64               *history_version);
gboolean    bp_trainer_wait          (BpTrainer             *self,
                                      gint64                 timeout_us);
const char *bp_trainer_state_to_string (BpTrainerState       state);
gboolean    bp_trainer_state_is_done (BpTrainerState         state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpTrainer, bp_trainer_free)

G_END_DECLS
