/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-landscape-view.h: the loss over two parameters, and the run's path */
#pragma once

#include <gtk/gtk.h>

#include "bp-history.h"
#include "bp-map-geometry.h"
#include "bp-network.h"
#include "bp-people.h"

G_BEGIN_DECLS

#define BP_TYPE_LANDSCAPE_VIEW (bp_landscape_view_get_type ())

G_DECLARE_FINAL_TYPE (BpLandscapeView, bp_landscape_view, BP, LANDSCAPE_VIEW, GtkWidget)

GtkWidget *bp_landscape_view_new           (void);
void       bp_landscape_view_set_params    (BpLandscapeView    *self,
                                            const BpParams     *params);
void       bp_landscape_view_set_people    (BpLandscapeView    *self,
                                            const BpPeople     *people,
                                            const BpNormalizer *norm);
void       bp_landscape_view_set_history   (BpLandscapeView    *self,
                                            const BpHistory    *history);
void       bp_landscape_view_clear_history (BpLandscapeView    *self);
void       bp_landscape_view_set_pair      (BpLandscapeView    *self,
                                            BpParam             x_param,
                                            BpParam             y_param);
BpParam    bp_landscape_view_get_x_param   (BpLandscapeView    *self);
BpParam    bp_landscape_view_get_y_param   (BpLandscapeView    *self);
gboolean   bp_landscape_view_get_presenter (BpLandscapeView    *self);
gboolean   bp_landscape_view_get_ready     (BpLandscapeView    *self);
guint      bp_landscape_view_get_n_grids   (BpLandscapeView    *self);
gboolean   bp_landscape_view_get_grid_size (BpLandscapeView    *self,
                                            guint              *columns,
                                            guint              *rows);
const char *bp_landscape_view_get_note     (BpLandscapeView    *self);
GtkWidget *bp_landscape_view_get_plot      (BpLandscapeView    *self);
gboolean   bp_landscape_view_get_frame     (BpLandscapeView    *self,
                                            BpMapFrame         *frame);
gboolean   bp_landscape_view_get_point     (BpLandscapeView    *self,
                                            double             *px,
                                            double             *py);
guint      bp_landscape_view_get_n_path    (BpLandscapeView    *self);
guint      bp_landscape_view_get_n_contours (BpLandscapeView   *self);
void       bp_landscape_view_draw          (BpLandscapeView    *self,
                                            cairo_t            *cr,
                                            int                 width,
                                            int                 height);

G_END_DECLS
