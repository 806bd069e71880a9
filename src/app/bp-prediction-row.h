/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-prediction-row.h: what the network says about one training person */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"

G_BEGIN_DECLS

#define BP_TYPE_PREDICTION_ROW (bp_prediction_row_get_type ())

G_DECLARE_FINAL_TYPE (BpPredictionRow, bp_prediction_row, BP, PREDICTION_ROW, GtkWidget)

GtkWidget  *bp_prediction_row_new          (void);
void        bp_prediction_row_set_person   (BpPredictionRow *self,
                                            const char      *name,
                                            BpGender         gender);
void        bp_prediction_row_set_output   (BpPredictionRow *self,
                                            double           output);
double      bp_prediction_row_get_output   (BpPredictionRow *self);
const char *bp_prediction_row_get_verdict  (BpPredictionRow *self);
gboolean    bp_prediction_row_get_right    (BpPredictionRow *self);
char       *bp_prediction_row_dup_output_tip (BpPredictionRow *self);

G_END_DECLS
