/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-palette.c: the colours the views draw in, light and dark
 *
 * Colours are 0xRRGGBB.  The light ones are GNOME's palette (blue 4,
 * orange 5, red 4) and the dark ones its lighter shades (blue 2,
 * orange 2, red 2), which stand out on a dark theme and on a projector.
 */
#include "bp-palette.h"

static const guint32 light_colors[BP_N_COLORS] = {
  [BP_COLOR_BACKGROUND] = 0xffffff,
  [BP_COLOR_TRAIN] = 0x1c71d8,
  [BP_COLOR_TEST] = 0xc64600,
  /* Blue and red stay apart for red-green colour blindness too, and the
   * dashes of negative edges say it without colour. */
  [BP_COLOR_POSITIVE] = 0x1c71d8,
  [BP_COLOR_NEGATIVE] = 0xc01c28,
};

static const guint32 dark_colors[BP_N_COLORS] = {
  [BP_COLOR_BACKGROUND] = 0x1e1e1e,
  [BP_COLOR_TRAIN] = 0x78aeed,
  [BP_COLOR_TEST] = 0xffa348,
  [BP_COLOR_POSITIVE] = 0x78aeed,
  [BP_COLOR_NEGATIVE] = 0xf66151,
};

/* Okabe and Ito's palette, which readers with any common colour vision
 * deficiency can tell apart.  The second four are also dashed, for a
 * projector that washes colours out.  Black becomes grey, and yellow
 * darker on a light background, where it would hardly show. */
static const guint32 light_run_colors[BP_PALETTE_N_RUN_COLORS] = {
  0xe69f00, 0x56b4e9, 0x009e73, 0xcc79a7,
  0xd55e00, 0x0072b2, 0xa89500, 0x666666,
};
static const guint32 dark_run_colors[BP_PALETTE_N_RUN_COLORS] = {
  0xe69f00, 0x56b4e9, 0x009e73, 0xcc79a7,
  0xd55e00, 0x3c9ee0, 0xf0e442, 0xbbbbbb,
};

/* ColorBrewer's PuOr, safe for every common kind of colour blindness:
 * purple for M (output 0), near white where the network cannot tell
 * (0.5), orange for F (output 1). */
static const guint32 map_stops[BP_PALETTE_N_MAP_STOPS] = {
  0x5e3c99, 0xb2abd2, 0xf7f7f7, 0xfdb863, 0xe66101,
};

static const guint32 map_colors[BP_N_MAP_COLORS] = {
  [BP_MAP_COLOR_FEMALE] = 0xe66101,
  [BP_MAP_COLOR_MALE] = 0x5e3c99,
  [BP_MAP_COLOR_NEUTRAL] = 0xf7f7f7,
  [BP_MAP_COLOR_INK] = 0x241f31,
  [BP_MAP_COLOR_PAPER] = 0xffffff,
};

guint32
bp_palette_rgb (BpColor  color,
                gboolean dark)
{
  g_return_val_if_fail (color < BP_N_COLORS, 0);

  return (dark ? dark_colors : light_colors)[color];
}

guint32
bp_palette_run_rgb (guint    index,
                    gboolean dark)
{
  g_return_val_if_fail (index < BP_PALETTE_N_RUN_COLORS, 0);

  return (dark ? dark_run_colors : light_run_colors)[index];
}

guint32
bp_palette_map_rgb (BpMapColor color)
{
  g_return_val_if_fail (color < BP_N_MAP_COLORS, 0);

  return map_colors[color];
}

guint32
bp_palette_map_stop (guint index)
{
  g_return_val_if_fail (index < BP_PALETTE_N_MAP_STOPS, 0);

  return map_stops[index];
}

/* Channel 0, 1 or 2 (red, green, blue) of @rgb, from 0 to 1. */
double
bp_palette_channel (guint32 rgb,
                    guint   channel)
{
  g_return_val_if_fail (channel < 3, 0);

  return ((rgb >> (16 - 8 * channel)) & 0xff) / 255.0;
}

/* The same floats as gdk_rgba_parse () gives for "#rrggbb". */
void
bp_palette_to_rgba (guint32  rgb,
                    GdkRGBA *rgba)
{
  rgba->red = bp_palette_channel (rgb, 0);
  rgba->green = bp_palette_channel (rgb, 1);
  rgba->blue = bp_palette_channel (rgb, 2);
  rgba->alpha = 1;
}

void
bp_palette_get_rgba (BpColor  color,
                     gboolean dark,
                     GdkRGBA *rgba)
{
  bp_palette_to_rgba (bp_palette_rgb (color, dark), rgba);
}

void
bp_palette_run_rgba (guint    index,
                     gboolean dark,
                     GdkRGBA *rgba)
{
  bp_palette_to_rgba (bp_palette_run_rgb (index, dark), rgba);
}

void
bp_palette_map_rgba (BpMapColor  color,
                     GdkRGBA    *rgba)
{
  bp_palette_to_rgba (bp_palette_map_rgb (color), rgba);
}

/* Light text means a dark style. */
gboolean
bp_palette_fg_is_dark (const GdkRGBA *fg)
{
  return 0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue > 0.5;
}

/* @widget's text colour in @fg and the theme's base colour in @bg (the
 * palette's background when the theme names none); returns whether the
 * style is dark.  @bg may be NULL. */
gboolean
bp_palette_widget_colors (GtkWidget *widget,
                          GdkRGBA   *fg,
                          GdkRGBA   *bg)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean dark;

  gtk_style_context_get_color (context, fg);
  dark = bp_palette_fg_is_dark (fg);
  if (bg != NULL && !gtk_style_context_lookup_color (context, "theme_base_color", bg))
    bp_palette_get_rgba (BP_COLOR_BACKGROUND, dark, bg);
  return dark;
}
