/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-trajectories.h: every parameter and prediction over the epochs */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"
#include "bp-small-chart.h"
#include "bp-trainer.h"

G_BEGIN_DECLS

#define BP_TYPE_TRAJECTORIES (bp_trajectories_get_type ())

G_DECLARE_FINAL_TYPE (BpTrajectories, bp_trajectories, BP, TRAJECTORIES, GtkWidget)

GtkWidget    *bp_trajectories_new              (void);
void          bp_trajectories_set_people       (BpTrajectories  *self,
                                                const BpPeople  *people);
void          bp_trajectories_set_history      (BpTrajectories  *self,
                                                const BpHistory *history);
void          bp_trajectories_set_epochs       (BpTrajectories  *self,
                                                guint64          epochs);
void          bp_trajectories_clear            (BpTrajectories  *self);
gboolean      bp_trajectories_get_presenter    (BpTrajectories  *self);
/* Deprecated: presenter mode is the window's .presenter class. */
BpSmallChart *bp_trajectories_get_param_chart  (BpTrajectories  *self,
                                                BpParam          param);
guint         bp_trajectories_get_n_people     (BpTrajectories  *self);
const char   *bp_trajectories_get_people_note  (BpTrajectories  *self);
BpSmallChart *bp_trajectories_get_person_chart (BpTrajectories  *self,
                                                guint            index);

G_END_DECLS
