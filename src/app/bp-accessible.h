/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-accessible.h: names that screen readers can read */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *bp_accessible_strip_mnemonic (const char *label);
void  bp_accessible_fix_names      (GtkWidget  *root);
char *bp_accessible_speak_markup   (const char *markup);
void  bp_accessible_set_markup     (GtkLabel   *label,
                                    const char *markup);

void        bp_accessible_describe        (GtkWidget  *widget,
                                           const char *description);
const char *bp_accessible_get_description (GtkWidget  *widget);
void        bp_accessible_flush           (GtkWidget  *root);
void        bp_accessible_label_list_item (GtkWidget  *child,
                                           guint       levels,
                                           const char *label);

G_END_DECLS
