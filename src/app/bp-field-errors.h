/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-field-errors.h: entries marked wrong, with the reasons in words */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bp_entry_mark_error   (GtkWidget         *entry,
                            const char        *message,
                            const char        *tooltip);
void bp_error_label_show   (GtkLabel          *label,
                            char       *const *errors,
                            guint              n_errors);

G_END_DECLS
