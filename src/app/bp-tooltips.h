/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-tooltips.h: tooltips as wide as their text, CJK included */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

int        bp_tooltip_text_columns (const char *text);
GtkWidget *bp_tooltip_label_new    (const char *markup);
void       bp_tooltips_watch       (void);
void       bp_set_tooltip          (GtkWidget  *widget,
                                    const char *text);

G_END_DECLS
