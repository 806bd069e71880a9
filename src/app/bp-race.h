/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-race.h: the same start trained at several learning rates at once */
#pragma once

#include <gtk/gtk.h>

#include "bp-run-list.h"
#include "bp-trainer.h"

G_BEGIN_DECLS

#define BP_TYPE_RACE (bp_race_get_type ())

G_DECLARE_FINAL_TYPE (BpRace, bp_race, BP, RACE, GObject)

BpRace  *bp_race_new      (void);
void     bp_race_start    (BpRace                *self,
                           const BpDataset       *data,
                           const BpTrainerConfig *config,
                           const BpRunSettings   *settings,
                           const double          *rates,
                           guint                  n_rates,
                           BpRunList             *runs);
gboolean bp_race_read     (BpRace                *self);
gboolean bp_race_is_live  (BpRace                *self);
guint    bp_race_get_n_runs (BpRace              *self);
BpRun   *bp_race_get_run  (BpRace                *self,
                           guint                  index);
void     bp_race_pause    (BpRace                *self);
void     bp_race_resume   (BpRace                *self);
void     bp_race_step     (BpRace                *self,
                           guint64                epochs);
void     bp_race_set_pace (BpRace                *self,
                           double                 epochs_per_second);
void     bp_race_stop     (BpRace                *self);

G_END_DECLS
