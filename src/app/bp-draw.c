/* bp-draw.c: cairo and Pango helpers shared by the drawn views */
#include "bp-draw.h"

/* @color with its alpha scaled by @alpha, for faded grid lines and text. */
void
bp_draw_set_color (cairo_t       *cr,
                   const GdkRGBA *color,
                   double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A layout in @widget's font with tabular digits, so that numbers line up
 * and do not wobble as they change. */
PangoLayout *
bp_draw_tabular_layout (GtkWidget  *widget,
                        const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}
