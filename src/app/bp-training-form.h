/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-training-form.h: learning rate, epochs, seed, normalisation, speed */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"
#include "bp-trainer.h"

G_BEGIN_DECLS

/* Positions of the speed slider, slowest first. */
#define BP_SPEED_WATCHABLE 0
#define BP_SPEED_FASTEST   4

#define BP_TYPE_TRAINING_FORM (bp_training_form_get_type ())

G_DECLARE_FINAL_TYPE (BpTrainingForm, bp_training_form, BP, TRAINING_FORM, GtkWidget)

GtkWidget   *bp_training_form_new           (void);
gboolean     bp_training_form_get_config    (BpTrainingForm  *self,
                                             BpTrainerConfig *config);
gboolean     bp_training_form_get_valid     (BpTrainingForm  *self);
const char  *bp_training_form_get_error     (BpTrainingForm  *self);
guint32      bp_training_form_get_seed      (BpTrainingForm  *self);
void         bp_training_form_set_seed      (BpTrainingForm  *self,
                                             guint32          seed);
void         bp_training_form_set_seed_in_use (BpTrainingForm *self,
                                               gboolean        in_use);
gboolean     bp_training_form_get_seed_in_use (BpTrainingForm *self);
BpNormalize  bp_training_form_get_normalize (BpTrainingForm  *self);
void         bp_training_form_set_normalize (BpTrainingForm  *self,
                                             BpNormalize      normalize);
void         bp_training_form_set_units     (BpTrainingForm  *self,
                                             BpUnits          units);
int          bp_training_form_get_speed     (BpTrainingForm  *self);
void         bp_training_form_set_speed     (BpTrainingForm  *self,
                                             int              speed);
double       bp_training_form_get_pace      (BpTrainingForm  *self,
                                             guint64          epochs);
void         bp_training_form_set_running   (BpTrainingForm  *self,
                                             gboolean         running);
void         bp_training_form_set_learning_rate (BpTrainingForm *self,
                                                 double          learning_rate);
void         bp_training_form_set_epochs    (BpTrainingForm  *self,
                                             guint64          epochs);
void         bp_training_form_set_pace      (BpTrainingForm  *self,
                                             guint64          epochs,
                                             double           epochs_per_second);
double       bp_training_form_get_target_loss (BpTrainingForm *self);
void         bp_training_form_set_target_loss (BpTrainingForm *self,
                                               double          target_loss);
GtkEditable *bp_training_form_get_target_loss_entry   (BpTrainingForm *self);
GtkCheckButton *bp_training_form_get_target_loss_check (BpTrainingForm *self);
GtkEditable *bp_training_form_get_learning_rate_entry (BpTrainingForm *self);
GtkEditable *bp_training_form_get_epochs_entry        (BpTrainingForm *self);
GtkEditable *bp_training_form_get_seed_entry          (BpTrainingForm *self);
void         bp_training_form_set_show_advanced       (BpTrainingForm *self,
                                                       gboolean        show);
gboolean     bp_training_form_get_show_advanced       (BpTrainingForm *self);

G_END_DECLS
