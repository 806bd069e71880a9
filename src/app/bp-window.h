/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window.h: the main window, where a class watches the network learn */
#pragma once

#include <gtk/gtk.h>

#include "bp-application.h"
#include "bp-decision-map.h"
#include "bp-explain-panel.h"
#include "bp-loss-chart.h"
#include "bp-network-diagram.h"
#include "bp-people-editor.h"
#include "bp-prediction-panel.h"
#include "bp-race.h"
#include "bp-runs-popover.h"
#include "bp-session.h"
#include "bp-trainer.h"
#include "bp-training-form.h"
#include "bp-trajectories.h"
#include "bp-undo-stack.h"

G_BEGIN_DECLS

#define BP_TYPE_WINDOW (bp_window_get_type ())

G_DECLARE_FINAL_TYPE (BpWindow, bp_window, BP, WINDOW, GtkApplicationWindow)

BpWindow          *bp_window_new                  (BpApplication *application);
void               bp_window_fit_screen           (BpWindow      *self,
                                                   int            screen_width,
                                                   int            screen_height);
void               bp_window_get_progress         (BpWindow      *self,
                                                   BpProgress    *progress);
gboolean           bp_window_has_run              (BpWindow      *self);
const char        *bp_window_get_state_text       (BpWindow      *self);
const char        *bp_window_get_hint_text        (BpWindow      *self);
BpTrainingForm    *bp_window_get_training_form    (BpWindow      *self);
BpPeopleEditor    *bp_window_get_people_editor    (BpWindow      *self);
BpLossChart       *bp_window_get_loss_chart       (BpWindow      *self);
BpPredictionPanel *bp_window_get_prediction_panel (BpWindow      *self);
GtkWidget         *bp_window_get_train_button     (BpWindow      *self);
BpSession         *bp_window_dup_session          (BpWindow      *self,
                                                   GError       **error);
void               bp_window_set_session          (BpWindow      *self,
                                                   const BpSession *session);
void               bp_window_mark_saved           (BpWindow      *self,
                                                   GFile         *file);
GFile             *bp_window_get_file             (BpWindow      *self);
char              *bp_window_dup_display_name     (BpWindow      *self);
gboolean           bp_window_get_modified         (BpWindow      *self);
gboolean           bp_window_is_pristine          (BpWindow      *self);
GSettings         *bp_window_get_settings         (BpWindow      *self);
BpTrajectories    *bp_window_get_trajectories     (BpWindow      *self);
BpRunList         *bp_window_get_runs             (BpWindow      *self);
BpRace            *bp_window_get_race             (BpWindow      *self);
BpRunsPopover     *bp_window_get_runs_popover     (BpWindow      *self);
GtkStack          *bp_window_get_views            (BpWindow      *self);
BpNetworkDiagram  *bp_window_get_network_diagram  (BpWindow      *self);
BpDecisionMap     *bp_window_get_decision_map     (BpWindow      *self);
BpExplainPanel    *bp_window_get_explain_panel    (BpWindow      *self);
BpUndoStack       *bp_window_get_undo_stack       (BpWindow      *self);
void               bp_window_edit_parameters      (BpWindow      *self,
                                                   const BpParams *params,
                                                   const char    *label);
void               bp_window_set_touring          (BpWindow      *self,
                                                   gboolean       touring);

G_END_DECLS
