/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-run.h: one run's settings and loss curve, kept to compare with others */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"
#include "bp-trainer.h"

G_BEGIN_DECLS

/* How many runs a BpRunList keeps, and colours they are drawn in
 * (bp-palette.c). */
#define BP_RUN_N_COLORS 8

/* What may differ from one run to the next. */
typedef struct
{
  double      learning_rate;
  guint64     epochs;
  guint32     seed;
  BpNormalize normalize;
} BpRunSettings;

#define BP_TYPE_RUN (bp_run_get_type ())

G_DECLARE_FINAL_TYPE (BpRun, bp_run, BP, RUN, GObject)

BpRun               *bp_run_new          (const BpRunSettings *settings);
const BpRunSettings *bp_run_get_settings (BpRun               *self);
const BpSeries      *bp_run_get_loss     (BpRun               *self);
void                 bp_run_set_loss     (BpRun               *self,
                                          const BpSeries      *loss);
BpTrainerState       bp_run_get_state    (BpRun               *self);
void                 bp_run_set_state    (BpRun               *self,
                                          BpTrainerState       state);
const char          *bp_run_get_label    (BpRun               *self);
void                 bp_run_set_label    (BpRun               *self,
                                          const char          *label);
gboolean             bp_run_get_visible  (BpRun               *self);
void                 bp_run_set_visible  (BpRun               *self,
                                          gboolean             visible);
guint                bp_run_get_color    (BpRun               *self);
void                 bp_run_set_color    (BpRun               *self,
                                          guint                color);
void                 bp_run_color_rgba   (guint                color,
                                          gboolean             dark,
                                          GdkRGBA             *rgba);
gboolean             bp_run_color_dashed (guint                color);

G_END_DECLS
