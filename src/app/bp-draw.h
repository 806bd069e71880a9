/* bp-draw.h: cairo and Pango helpers shared by the drawn views */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void         bp_draw_set_color      (cairo_t       *cr,
                                     const GdkRGBA *color,
                                     double         alpha);
PangoLayout *bp_draw_tabular_layout (GtkWidget     *widget,
                                     const char    *text);

G_END_DECLS
