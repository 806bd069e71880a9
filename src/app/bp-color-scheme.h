/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-color-scheme.h: follow the desktop's light or dark preference */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     bp_color_scheme_follow       (GtkSettings *settings);
gboolean bp_color_scheme_prefers_dark (GVariant    *value);

G_END_DECLS
