/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-race.c: the other lanes of a learning-rate race
 *
 * The window's own run trains at the form's learning rate; a race adds
 * one BpTrainer per other rate, from the same initial parameters and
 * people, each on its own thread.  Each lane is a BpRun in the window's
 * run list from the start, so the loss chart draws it as it grows.  The
 * window reads every lane once per frame, as it reads its own trainer,
 * and pause, step, pace and stop reach them all.  Stopping joins every
 * worker thread.
 */
#include "config.h"

#include "bp-race.h"

typedef struct
{
  BpTrainer  *trainer;
  BpRun      *run;
  BpProgress  progress;  /* as read last */
  guint64     version;   /* the history's */
  BpHistory   history;
} Lane;

struct _BpRace
{
  GObject  parent_instance;

  GArray  *lanes;  /* of Lane */
};

G_DEFINE_FINAL_TYPE (BpRace, bp_race, G_TYPE_OBJECT)

static void
lane_clear (gpointer data)
{
  Lane *lane = data;

  g_clear_pointer (&lane->trainer, bp_trainer_free);
  g_clear_object (&lane->run);
  bp_history_clear (&lane->history);
}

static void
bp_race_finalize (GObject *object)
{
  BpRace *self = BP_RACE (object);

  g_array_unref (self->lanes);
  G_OBJECT_CLASS (bp_race_parent_class)->finalize (object);
}

static void
bp_race_class_init (BpRaceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bp_race_finalize;
}

static void
bp_race_init (BpRace *self)
{
  self->lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  g_array_set_clear_func (self->lanes, lane_clear);
}

BpRace *
bp_race_new (void)
{
  return g_object_new (BP_TYPE_RACE, NULL);
}

#define LANE(self, i) (&g_array_index ((self)->lanes, Lane, (i)))

static void
add_lane (BpRace                *self,
          const BpDataset       *data,
          const BpTrainerConfig *config,
          const BpRunSettings   *settings,
          BpRunList             *runs)
{
  Lane lane = { 0 };

  lane.trainer = bp_trainer_new (data, NULL, config);
  lane.run = bp_run_new (settings);
  lane.progress.version = G_MAXUINT64;
  lane.version = G_MAXUINT64;
  bp_history_init (&lane.history);
  bp_run_set_state (lane.run, BP_TRAINER_RUNNING);
  bp_run_list_add (runs, lane.run);
  g_array_append_val (self->lanes, lane);
}

/* Ends any lanes there were, then starts one lane per rate of @rates
 * that is not @config's own: that one is the caller's run.  @settings
 * are the run's, for the lanes' labels. */
void
bp_race_start (BpRace                *self,
               const BpDataset       *data,
               const BpTrainerConfig *config,
               const BpRunSettings   *settings,
               const double          *rates,
               guint                  n_rates,
               BpRunList             *runs)
{
  g_return_if_fail (BP_IS_RACE (self));

  bp_race_stop (self);
  g_array_set_size (self->lanes, 0);
  for (guint i = 0; i < n_rates; i++)
    {
      BpTrainerConfig lane_config = *config;
      BpRunSettings lane_settings = *settings;

      if (rates[i] == config->learning_rate)
        continue;
      lane_config.learning_rate = lane_settings.learning_rate = rates[i];
      add_lane (self, data, &lane_config, &lane_settings, runs);
    }
  for (guint i = 0; i < self->lanes->len; i++)
    bp_trainer_start (LANE (self, i)->trainer, FALSE);
}

/* A lane's trainer feeds only its run: its curve and its state, which
 * after bp_trainer_stop () is how it ended.  The lane is read as the
 * lesson reads its own run (bp_trainer_read ()). */
static gboolean
read_lane (Lane *lane)
{
  if (lane->trainer == NULL)
    return FALSE;
  if (bp_trainer_read (lane->trainer, &lane->progress, &lane->history, &lane->version) &
      BP_TRAINER_READ_HISTORY)
    bp_run_set_loss (lane->run, &lane->history.loss);
  bp_run_set_state (lane->run, lane->progress.state);
  return !bp_trainer_state_is_done (lane->progress.state);
}

/* Hands each lane's curve and state to its run; returns whether any
 * lane is still live.  Once per frame at most. */
gboolean
bp_race_read (BpRace *self)
{
  gboolean live = FALSE;

  g_return_val_if_fail (BP_IS_RACE (self), FALSE);

  for (guint i = 0; i < self->lanes->len; i++)
    live |= read_lane (LANE (self, i));
  return live;
}

gboolean
bp_race_is_live (BpRace *self)
{
  g_return_val_if_fail (BP_IS_RACE (self), FALSE);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      BpTrainerState state = bp_run_get_state (LANE (self, i)->run);

      if (LANE (self, i)->trainer != NULL && !bp_trainer_state_is_done (state))
        return TRUE;
    }
  return FALSE;
}

guint
bp_race_get_n_runs (BpRace *self)
{
  g_return_val_if_fail (BP_IS_RACE (self), 0);

  return self->lanes->len;
}

BpRun *
bp_race_get_run (BpRace *self,
                 guint   index)
{
  g_return_val_if_fail (BP_IS_RACE (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);

  return LANE (self, index)->run;
}

void
bp_race_pause (BpRace *self)
{
  g_return_if_fail (BP_IS_RACE (self));

  for (guint i = 0; i < self->lanes->len; i++)
    if (LANE (self, i)->trainer != NULL)
      bp_trainer_pause (LANE (self, i)->trainer);
}

void
bp_race_resume (BpRace *self)
{
  g_return_if_fail (BP_IS_RACE (self));

  for (guint i = 0; i < self->lanes->len; i++)
    if (LANE (self, i)->trainer != NULL)
      bp_trainer_resume (LANE (self, i)->trainer);
}

void
bp_race_step (BpRace  *self,
              guint64  epochs)
{
  g_return_if_fail (BP_IS_RACE (self));

  for (guint i = 0; i < self->lanes->len; i++)
    if (LANE (self, i)->trainer != NULL)
      bp_trainer_step (LANE (self, i)->trainer, epochs);
}

void
bp_race_set_pace (BpRace *self,
                  double  epochs_per_second)
{
  g_return_if_fail (BP_IS_RACE (self));

  for (guint i = 0; i < self->lanes->len; i++)
    if (LANE (self, i)->trainer != NULL)
      bp_trainer_set_pace (LANE (self, i)->trainer, epochs_per_second);
}

/* Stops every lane and joins its thread; the runs keep their curves. */
void
bp_race_stop (BpRace *self)
{
  g_return_if_fail (BP_IS_RACE (self));

  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = LANE (self, i);

      if (lane->trainer == NULL)
        continue;
      bp_trainer_stop (lane->trainer);
      read_lane (lane);
      g_clear_pointer (&lane->trainer, bp_trainer_free);
    }
}
