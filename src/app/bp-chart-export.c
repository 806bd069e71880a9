/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-chart-export.c: a view drawn into an image file's bytes or a texture
 *
 * Every format goes through cairo's own surfaces, so the file holds the
 * same drawing as the screen: PNG from an image surface, SVG and PDF as
 * vector drawings with real text.  The image is drawn into memory whole,
 * then saved like any other file (bp_file_save()), so a failed export
 * leaves an existing file as it was.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "bp-chart-export.h"

const char *
bp_export_format_extension (BpExportFormat format)
{
  static const char * const extensions[] = { "png", "svg", "pdf" };

  g_return_val_if_fail (format <= BP_EXPORT_FORMAT_PDF, NULL);

  return extensions[format];
}

const char *
bp_export_format_mime_type (BpExportFormat format)
{
  static const char * const types[] = { "image/png", "image/svg+xml", "application/pdf" };

  g_return_val_if_fail (format <= BP_EXPORT_FORMAT_PDF, NULL);

  return types[format];
}

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (BpExportFormat  format,
                GByteArray     *sink,
                int             width,
                int             height)
{
  cairo_surface_t *surface;

  switch (format)
    {
    case BP_EXPORT_FORMAT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    case BP_EXPORT_FORMAT_SVG:
      return cairo_svg_surface_create_for_stream (write_to_sink, sink, width, height);
    case BP_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Backprop");
      return surface;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_on (cairo_surface_t *surface,
         BpDrawFunc       draw,
         gpointer         view,
         int              width,
         int              height)
{
  cairo_t *cr = cairo_create (surface);

  draw (view, cr, width, height);
  cairo_destroy (cr);
}

/* Draws and writes; the vector surfaces write as they finish. */
static cairo_status_t
render (BpDrawFunc      draw,
        gpointer        view,
        BpExportFormat  format,
        int             width,
        int             height,
        GByteArray     *sink)
{
  cairo_surface_t *surface = create_surface (format, sink, width, height);
  cairo_status_t status = CAIRO_STATUS_SUCCESS;

  draw_on (surface, draw, view, width, height);
  if (format == BP_EXPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_sink, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* @view as an image file in @format, or NULL when cairo could not draw
 * it. */
GBytes *
bp_chart_export_render (BpDrawFunc       draw,
                        gpointer         view,
                        BpExportFormat   format,
                        int              width,
                        int              height,
                        GError         **error)
{
  g_autoptr(GByteArray) sink = g_byte_array_new ();
  cairo_status_t status;

  g_return_val_if_fail (width >= BP_EXPORT_MIN_SIZE && width <= BP_EXPORT_MAX_SIZE, NULL);
  g_return_val_if_fail (height >= BP_EXPORT_MIN_SIZE && height <= BP_EXPORT_MAX_SIZE, NULL);

  status = render (draw, view, format, width, height, sink);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the image: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&sink));
}

/* @view as an image of @width × @height logical pixels, drawn at @scale
 * device pixels each: for the clipboard. */
GdkTexture *
bp_chart_export_texture (BpDrawFunc  draw,
                         gpointer    view,
                         int         width,
                         int         height,
                         int         scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         width * scale, height * scale);
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr = cairo_create (surface);
  GdkTexture *texture;

  cairo_scale (cr, scale, scale);
  draw (view, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 in memory order. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height * scale);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}
