/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-run-list.h: the earlier runs the loss chart overlays, at most eight */
#pragma once

#include <gio/gio.h>

#include "bp-run.h"

G_BEGIN_DECLS

#define BP_RUN_LIST_MAX BP_RUN_N_COLORS

#define BP_TYPE_RUN_LIST (bp_run_list_get_type ())

G_DECLARE_FINAL_TYPE (BpRunList, bp_run_list, BP, RUN_LIST, GObject)

BpRunList *bp_run_list_new           (void);
void       bp_run_list_add           (BpRunList           *self,
                                      BpRun               *run);
void       bp_run_list_clear         (BpRunList           *self);
void       bp_run_list_set_current   (BpRunList           *self,
                                      const BpRunSettings *current);
guint      bp_run_list_count_visible (BpRunList           *self);
const char *bp_run_list_get_current_label (BpRunList      *self);

G_END_DECLS
