/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-help.h: opening the guide, in the help viewer or built in */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean bp_help_is_installed (void);
void     bp_help_show         (GtkApplication *app);
void     bp_help_show_builtin (GtkApplication *app);

G_END_DECLS
