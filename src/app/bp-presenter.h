/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-presenter.h: presenter mode as the views see it
 *
 * Presenter mode is the window's .presenter style class (style.css
 * enlarges the text under it); the charts also draw thicker lines.
 * They ask here rather than each keeping a flag of its own.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lines are this much thicker in presenter mode, for a projector. */
#define BP_PRESENTER_LINE_SCALE 2.0

gboolean bp_presenter_is_on      (GtkWidget *widget);
double   bp_presenter_line_width (GtkWidget *widget,
                                  double     width);
void     bp_presenter_watch      (GtkWidget *widget);

G_END_DECLS
