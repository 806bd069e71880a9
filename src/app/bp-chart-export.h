/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-chart-export.h: a view drawn into PNG, SVG or PDF bytes, or a texture */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  BP_EXPORT_FORMAT_PNG,
  BP_EXPORT_FORMAT_SVG,
  BP_EXPORT_FORMAT_PDF,
} BpExportFormat;

#define BP_EXPORT_MIN_SIZE 64
#define BP_EXPORT_MAX_SIZE 8192

/* Draws @view at @width × @height (logical pixels, or points) on @cr. */
typedef void (*BpDrawFunc) (gpointer  view,
                            cairo_t  *cr,
                            int       width,
                            int       height);

const char *bp_export_format_extension (BpExportFormat   format);
const char *bp_export_format_mime_type (BpExportFormat   format);
GBytes     *bp_chart_export_render     (BpDrawFunc       draw,
                                        gpointer         view,
                                        BpExportFormat   format,
                                        int              width,
                                        int              height,
                                        GError         **error);
GdkTexture *bp_chart_export_texture    (BpDrawFunc       draw,
                                        gpointer         view,
                                        int              width,
                                        int              height,
                                        int              scale);

G_END_DECLS
