/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-prediction-panel.h: the network's answers, live */
#pragma once

#include <gtk/gtk.h>

#include "bp-network.h"
#include "bp-people.h"

G_BEGIN_DECLS

typedef enum
{
  BP_PREDICTION_SORT_ORDER,   /* as the people editor lists them */
  BP_PREDICTION_SORT_OUTPUT,  /* highest output (most surely F) first */
  BP_PREDICTION_SORT_ERROR,   /* largest |target − output| first */
} BpPredictionSort;

#define BP_TYPE_PREDICTION_PANEL (bp_prediction_panel_get_type ())

G_DECLARE_FINAL_TYPE (BpPredictionPanel, bp_prediction_panel, BP, PREDICTION_PANEL, GtkWidget)

GtkWidget  *bp_prediction_panel_new                 (void);
void        bp_prediction_panel_set_people          (BpPredictionPanel  *self,
                                                     const BpPeople     *people,
                                                     const BpNormalizer *norm);
void        bp_prediction_panel_set_all_people      (BpPredictionPanel  *self,
                                                     const BpPeople     *people,
                                                     const BpPeople     *test,
                                                     const BpNormalizer *norm);
void        bp_prediction_panel_set_test_people (BpPredictionPanel *self,
                                                     const BpPeople     *test);
void        bp_prediction_panel_set_params          (BpPredictionPanel  *self,
                                                     const BpParams     *params);
BpUnits     bp_prediction_panel_get_units           (BpPredictionPanel  *self);
void        bp_prediction_panel_set_units           (BpPredictionPanel  *self,
                                                     BpUnits             units);
guint       bp_prediction_panel_get_n_people        (BpPredictionPanel  *self);
double      bp_prediction_panel_get_output          (BpPredictionPanel  *self,
                                                     guint               index);
const char *bp_prediction_panel_get_verdict         (BpPredictionPanel  *self,
                                                     guint               index);
guint       bp_prediction_panel_get_n_test_people (BpPredictionPanel *self);
guint       bp_prediction_panel_get_n_right       (BpPredictionPanel *self,
                                                   gboolean           test);
guint       bp_prediction_panel_get_confusion     (BpPredictionPanel *self,
                                                   gboolean           test,
                                                   BpGender           gender,
                                                   BpGender           answer);
double      bp_prediction_panel_get_test_loss     (BpPredictionPanel *self);
const char *bp_prediction_panel_get_summary_text  (BpPredictionPanel *self,
                                                   gboolean           test);
BpPredictionSort bp_prediction_panel_get_sort     (BpPredictionPanel *self);
void        bp_prediction_panel_set_sort          (BpPredictionPanel *self,
                                                   BpPredictionSort   sort);
guint       bp_prediction_panel_get_n_rows        (BpPredictionPanel *self);
gboolean    bp_prediction_panel_get_row           (BpPredictionPanel *self,
                                                   guint              position,
                                                   gboolean          *test,
                                                   guint             *index);
void        bp_prediction_panel_set_classify        (BpPredictionPanel  *self,
                                                     const char         *weight,
                                                     const char         *height);
gboolean    bp_prediction_panel_get_classify_output (BpPredictionPanel  *self,
                                                     double             *output);
gboolean    bp_prediction_panel_get_classify_point  (BpPredictionPanel  *self,
                                                     double             *weight_lb,
                                                     double             *height_in);
const char *bp_prediction_panel_get_classify_text   (BpPredictionPanel  *self);
GtkEditable *bp_prediction_panel_get_classify_entry (BpPredictionPanel  *self,
                                                     gboolean            height);

void        bp_prediction_panel_set_compact       (BpPredictionPanel *self,
                                                   gboolean           compact);

G_END_DECLS
