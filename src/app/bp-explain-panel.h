/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-explain-panel.h: one step of training, worked out in full */
#pragma once

#include <gtk/gtk.h>

#include "bp-network.h"
#include "bp-people.h"

G_BEGIN_DECLS

/* The panel's person: the next in training order, or an index. */
#define BP_EXPLAIN_NEXT_IN_ORDER (-1)

#define BP_TYPE_EXPLAIN_PANEL (bp_explain_panel_get_type ())

G_DECLARE_FINAL_TYPE (BpExplainPanel, bp_explain_panel, BP, EXPLAIN_PANEL, GtkWidget)

GtkWidget  *bp_explain_panel_new               (void);
void        bp_explain_panel_set_params        (BpExplainPanel     *self,
                                                const BpParams     *params);
void        bp_explain_panel_set_people        (BpExplainPanel     *self,
                                                const BpPeople     *people,
                                                const BpNormalizer *norm);
void        bp_explain_panel_set_learning_rate (BpExplainPanel     *self,
                                                double              learning_rate);
guint       bp_explain_panel_get_next          (BpExplainPanel     *self);
void        bp_explain_panel_set_next          (BpExplainPanel     *self,
                                                guint               next);
int         bp_explain_panel_get_person        (BpExplainPanel     *self);
void        bp_explain_panel_set_person        (BpExplainPanel     *self,
                                                int                 person);
gboolean    bp_explain_panel_get_exact         (BpExplainPanel     *self);
void        bp_explain_panel_set_exact         (BpExplainPanel     *self,
                                                gboolean            exact);
gboolean    bp_explain_panel_get_show_check    (BpExplainPanel     *self);
void        bp_explain_panel_set_show_check    (BpExplainPanel     *self,
                                                gboolean            show_check);
gboolean    bp_explain_panel_get_editable      (BpExplainPanel     *self);
void        bp_explain_panel_set_editable      (BpExplainPanel     *self,
                                                gboolean            editable);
gboolean    bp_explain_panel_get_explain       (BpExplainPanel     *self,
                                                guint              *person,
                                                BpExplain          *explain);
gboolean    bp_explain_panel_get_check         (BpExplainPanel     *self,
                                                BpGradientCheck    *check);
const char *bp_explain_panel_get_text          (BpExplainPanel     *self,
                                                const char         *section);
guint       bp_explain_panel_get_n_list_fills  (BpExplainPanel     *self);

G_END_DECLS
