/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-palette.h: the colours the views draw in, light and dark
 *
 * One table for every view, so that the loss chart's line, the network's
 * edges and the trajectories agree, and so that a test checks them.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  BP_COLOR_BACKGROUND,  /* under a view when the theme names no base colour */
  BP_COLOR_TRAIN,       /* the current run's training loss, the trajectories */
  BP_COLOR_TEST,        /* the held-out people's loss */
  BP_COLOR_POSITIVE,    /* a positive weight or bias in the network */
  BP_COLOR_NEGATIVE,    /* a negative one */
  BP_N_COLORS
} BpColor;

/* The decision map's colours, the same in light and dark: the heat map
 * is a picture of the network's answers, not part of the theme. */
typedef enum
{
  BP_MAP_COLOR_FEMALE,  /* output 1 */
  BP_MAP_COLOR_MALE,    /* output 0 */
  BP_MAP_COLOR_NEUTRAL, /* output 0.5, where the network cannot tell */
  BP_MAP_COLOR_INK,     /* labels, markers and the 0.5 line over it */
  BP_MAP_COLOR_PAPER,   /* the plates and halos under them */
  BP_N_MAP_COLORS
} BpMapColor;

/* How many colours earlier runs are drawn in (BP_RUN_N_COLORS). */
#define BP_PALETTE_N_RUN_COLORS 8
/* The map's scale from output 0 to output 1. */
#define BP_PALETTE_N_MAP_STOPS 5

guint32  bp_palette_rgb          (BpColor        color,
                                  gboolean       dark);
guint32  bp_palette_run_rgb      (guint          index,
                                  gboolean       dark);
guint32  bp_palette_map_rgb      (BpMapColor     color);
guint32  bp_palette_map_stop     (guint          index);
void     bp_palette_to_rgba      (guint32        rgb,
                                  GdkRGBA       *rgba);
void     bp_palette_get_rgba     (BpColor        color,
                                  gboolean       dark,
                                  GdkRGBA       *rgba);
void     bp_palette_run_rgba     (guint          index,
                                  gboolean       dark,
                                  GdkRGBA       *rgba);
void     bp_palette_map_rgba     (BpMapColor     color,
                                  GdkRGBA       *rgba);
double   bp_palette_channel      (guint32        rgb,
                                  guint          channel);
gboolean bp_palette_fg_is_dark   (const GdkRGBA *fg);
gboolean bp_palette_widget_colors (GtkWidget    *widget,
                                   GdkRGBA      *fg,
                                   GdkRGBA      *bg);

G_END_DECLS
