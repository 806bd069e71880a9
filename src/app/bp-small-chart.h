/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-small-chart.h: one value over the epochs, small enough to show many */
#pragma once

#include <gtk/gtk.h>

#include "bp-trainer.h"

G_BEGIN_DECLS

#define BP_TYPE_SMALL_CHART (bp_small_chart_get_type ())

G_DECLARE_FINAL_TYPE (BpSmallChart, bp_small_chart, BP, SMALL_CHART, GtkWidget)

GtkWidget  *bp_small_chart_new          (const char     *title,
                                         gboolean        probability);
const char *bp_small_chart_get_title    (BpSmallChart   *self);
void        bp_small_chart_set_title    (BpSmallChart   *self,
                                         const char     *title);
gboolean    bp_small_chart_get_probability (BpSmallChart *self);
void        bp_small_chart_set_series   (BpSmallChart   *self,
                                         const BpSeries *series);
void        bp_small_chart_clear        (BpSmallChart   *self);
void        bp_small_chart_set_epochs   (BpSmallChart   *self,
                                         guint64         epochs);
guint       bp_small_chart_count_points (BpSmallChart   *self);
guint       bp_small_chart_count_drawn  (BpSmallChart   *self);
gboolean    bp_small_chart_get_last     (BpSmallChart   *self,
                                         double         *value);

G_END_DECLS
