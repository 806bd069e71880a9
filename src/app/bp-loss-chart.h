/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-loss-chart.h: the loss curve, drawn with cairo from a BpHistory */
#pragma once

#include <gtk/gtk.h>

#include "bp-run-list.h"
#include "bp-trainer.h"

G_BEGIN_DECLS

#define BP_TYPE_LOSS_CHART (bp_loss_chart_get_type ())

G_DECLARE_FINAL_TYPE (BpLossChart, bp_loss_chart, BP, LOSS_CHART, GtkWidget)

GtkWidget *bp_loss_chart_new            (void);
void       bp_loss_chart_set_history    (BpLossChart     *self,
                                         const BpHistory *history);
void       bp_loss_chart_clear          (BpLossChart     *self);
guint64    bp_loss_chart_get_epochs     (BpLossChart     *self);
void       bp_loss_chart_set_epochs     (BpLossChart     *self,
                                         guint64          epochs);
gboolean   bp_loss_chart_get_log_scale  (BpLossChart     *self);
void       bp_loss_chart_set_log_scale  (BpLossChart     *self,
                                         gboolean         log_scale);
guint      bp_loss_chart_count_points   (BpLossChart     *self,
                                         gboolean         test);
guint      bp_loss_chart_count_axes_drawn (BpLossChart   *self);
gboolean   bp_loss_chart_describe_at    (BpLossChart     *self,
                                         double           x,
                                         guint64         *epoch,
                                         double          *loss);
char      *bp_loss_chart_dup_hover_text (BpLossChart     *self);
void       bp_loss_chart_hover          (BpLossChart     *self,
                                         double           x);
gboolean   bp_loss_chart_get_presenter  (BpLossChart     *self);
/* Deprecated: presenter mode is the window's .presenter class. */
void       bp_loss_chart_set_overlays   (BpLossChart     *self,
                                         BpRunList       *overlays);
guint      bp_loss_chart_count_overlays (BpLossChart     *self);
void       bp_loss_chart_set_note       (BpLossChart     *self,
                                         const char      *note);
const char *bp_loss_chart_get_note      (BpLossChart     *self);
void       bp_loss_chart_draw           (BpLossChart     *self,
                                         cairo_t         *cr,
                                         int              width,
                                         int              height);

G_END_DECLS
