/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-tour-panel.h: the card of the guided tour, one step of the lesson */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BP_TYPE_TOUR_PANEL (bp_tour_panel_get_type ())

G_DECLARE_FINAL_TYPE (BpTourPanel, bp_tour_panel, BP, TOUR_PANEL, GtkWidget)

GtkWidget  *bp_tour_panel_new         (void);
void        bp_tour_panel_set_step    (BpTourPanel *self,
                                       guint        step,
                                       guint        n_steps,
                                       const char  *title,
                                       const char  *text);
guint       bp_tour_panel_get_step    (BpTourPanel *self);
const char *bp_tour_panel_get_title   (BpTourPanel *self);
const char *bp_tour_panel_get_text    (BpTourPanel *self);
void        bp_tour_panel_set_console (BpTourPanel *self,
                                       const char  *console);
const char *bp_tour_panel_get_console (BpTourPanel *self);
void        bp_tour_panel_focus_text  (BpTourPanel *self);

G_END_DECLS
