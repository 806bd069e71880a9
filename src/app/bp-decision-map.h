/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-decision-map.h: what the network answers over the weight–height plane */
#pragma once

#include <gtk/gtk.h>

#include "bp-map-geometry.h"
#include "bp-network.h"
#include "bp-people.h"

G_BEGIN_DECLS

#define BP_TYPE_DECISION_MAP (bp_decision_map_get_type ())

G_DECLARE_FINAL_TYPE (BpDecisionMap, bp_decision_map, BP, DECISION_MAP, GtkWidget)

GtkWidget *bp_decision_map_new             (void);
void       bp_decision_map_set_params      (BpDecisionMap      *self,
                                            const BpParams     *params);
void       bp_decision_map_set_people      (BpDecisionMap      *self,
                                            const BpPeople     *train,
                                            const BpPeople     *test,
                                            const BpNormalizer *norm);
void       bp_decision_map_set_classify    (BpDecisionMap      *self,
                                            gboolean            valid,
                                            double              weight_lb,
                                            double              height_in);
BpUnits    bp_decision_map_get_units       (BpDecisionMap      *self);
void       bp_decision_map_set_units       (BpDecisionMap      *self,
                                            BpUnits             units);
gboolean   bp_decision_map_get_editable    (BpDecisionMap      *self);
void       bp_decision_map_set_editable    (BpDecisionMap      *self,
                                            gboolean            editable);
void       bp_decision_map_get_frame       (BpDecisionMap      *self,
                                            BpMapFrame         *frame);
gboolean   bp_decision_map_person_position (BpDecisionMap      *self,
                                            gboolean            test,
                                            guint               index,
                                            double             *x,
                                            double             *y);
double     bp_decision_map_output_at       (BpDecisionMap      *self,
                                            double              x,
                                            double              y);
guint      bp_decision_map_get_n_renders   (BpDecisionMap      *self);
gboolean   bp_decision_map_get_sample      (BpDecisionMap      *self,
                                            guint               column,
                                            guint               row,
                                            double             *x,
                                            double             *y,
                                            double             *output);
guint      bp_decision_map_get_n_boundary_segments (BpDecisionMap *self);
gboolean   bp_decision_map_get_dense      (BpDecisionMap      *self,
                                           gboolean            test);
guint      bp_decision_map_get_density_count (BpDecisionMap   *self,
                                              gboolean         test);
guint      bp_decision_map_get_n_binnings (BpDecisionMap      *self);
guint      bp_decision_map_get_n_descriptions (BpDecisionMap  *self);
void       bp_decision_map_drag            (BpDecisionMap      *self,
                                            double              x,
                                            double              y,
                                            double              to_x,
                                            double              to_y);
void       bp_decision_map_draw            (BpDecisionMap      *self,
                                            cairo_t            *cr,
                                            int                 width,
                                            int                 height);

G_END_DECLS
