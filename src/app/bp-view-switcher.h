/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-view-switcher.h: a stack's pages as buttons, or as a drop-down when
 * the buttons do not fit */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BP_TYPE_VIEW_SWITCHER (bp_view_switcher_get_type ())

G_DECLARE_FINAL_TYPE (BpViewSwitcher, bp_view_switcher, BP, VIEW_SWITCHER, GtkWidget)

GtkWidget *bp_view_switcher_new        (void);
GtkStack  *bp_view_switcher_get_stack  (BpViewSwitcher *self);
void       bp_view_switcher_set_stack  (BpViewSwitcher *self,
                                        GtkStack       *stack);
gboolean   bp_view_switcher_get_narrow (BpViewSwitcher *self);

G_END_DECLS
