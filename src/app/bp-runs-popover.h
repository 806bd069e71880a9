/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-runs-popover.h: the earlier runs to show or hide, and the race */
#pragma once

#include <gtk/gtk.h>

#include "bp-run-list.h"

G_BEGIN_DECLS

#define BP_RACE_MAX_RATES 6

#define BP_TYPE_RUNS_POPOVER (bp_runs_popover_get_type ())

G_DECLARE_FINAL_TYPE (BpRunsPopover, bp_runs_popover, BP, RUNS_POPOVER, GtkPopover)

GtkWidget   *bp_runs_popover_new            (void);
void         bp_runs_popover_set_runs       (BpRunsPopover  *self,
                                             BpRunList      *runs);
guint        bp_runs_popover_get_race_rates (BpRunsPopover  *self,
                                             double         *rates,
                                             GError        **error);
GtkEditable *bp_runs_popover_get_rates_entry (BpRunsPopover *self);
GtkListBox  *bp_runs_popover_get_list       (BpRunsPopover  *self);

G_END_DECLS
