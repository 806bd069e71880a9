/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-small-chart.c: a small multiple
 *
 * One parameter's value, or one person's prediction, over the epochs of
 * a run: a title with the latest value, the range at the left edge, and
 * the curve merged to one min/max pair per pixel column, as the loss
 * chart does.  A probability (a prediction) always spans 0 to 1 with a
 * dashed line at 0.5, where the verdict flips; a parameter spans its own
 * range, with a faint line at 0 when 0 is in it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-accessible.h"
#include "bp-draw.h"
#include "bp-format.h"
#include "bp-palette.h"
#include "bp-presenter.h"
#include "bp-small-chart.h"

#define LINE_WIDTH 1.5
#define GAP 4

struct _BpSmallChart
{
  GtkWidget parent_instance;

  char     *title;
  gboolean  probability;
  BpSeries  series;
  guint64   epochs;
};

G_DEFINE_FINAL_TYPE (BpSmallChart, bp_small_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_PROBABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  double left, top, width, height;
  double lo, hi;
  double x_max;
  int    line_height;
} Geometry;

static void
value_range (BpSmallChart *self,
             double       *lo,
             double       *hi)
{
  if (self->probability)
    {
      *lo = 0;
      *hi = 1;
      return;
    }
  if (!bp_series_range (&self->series, lo, hi))
    {
      *lo = -1;
      *hi = 1;
    }
  /* A flat line sits in the middle rather than on an edge. */
  if (*hi - *lo < 1e-9 * MAX (1, fabs (*hi)))
    {
      *lo -= 0.5;
      *hi += 0.5;
    }
}

static void
compute_geometry (BpSmallChart *self,
                  Geometry     *g)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(PangoLayout) probe = bp_draw_tabular_layout (GTK_WIDGET (self), "0");

  pango_layout_get_pixel_size (probe, NULL, &g->line_height);
  g->left = GAP;
  g->top = g->line_height + 2 * GAP;
  g->width = MAX (1, width - 2 * GAP);
  g->height = MAX (1, height - g->top - GAP);
  value_range (self, &g->lo, &g->hi);
  g->x_max = MAX (MAX (self->epochs, self->series.count), 1);
}

static double
y_to_px (const Geometry *g,
         double          value)
{
  return g->top + g->height * (1 - (value - g->lo) / (g->hi - g->lo));
}

static int
column_of (const Geometry *g,
           guint64         epoch)
{
  return CLAMP ((int) floor (epoch / g->x_max * g->width), 0, (int) g->width - 1);
}

/* Moves along the buckets, one min/max pair per pixel column; returns
 * how many pairs, drawing them when @cr is not NULL. */
static guint
trace (BpSmallChart   *self,
       const Geometry *g,
       cairo_t        *cr)
{
  guint n = bp_series_get_n (&self->series);
  guint pairs = 0;
  int column = -1;
  double lo = 0, hi = 0;
  BpPolyline path;

  bp_polyline_init (&path, cr);

  for (guint i = 0; i <= n; i++)
    {
      guint64 first = 0, count = 0;
      BpBucket b = i < n ? bp_series_get (&self->series, i, &first, &count) : (BpBucket) { 0 };
      int c = i < n ? column_of (g, first + count) : -2;

      if (c == column)
        {
          lo = MIN (lo, b.min);
          hi = MAX (hi, b.max);
          continue;
        }
      if (column >= 0 && cr != NULL)
        {
          double x = g->left + column + 0.5;

          double top = y_to_px (g, hi), bottom = y_to_px (g, lo);

          bp_polyline_add (&path, x, top);
          /* A column within a pixel is one point, as in the loss chart. */
          if (bottom - top >= 1)
            bp_polyline_add (&path, x, bottom);
        }
      pairs += column >= 0;
      column = c;
      lo = b.min;
      hi = b.max;
    }
  if (cr != NULL)
    bp_polyline_finish (&path);
  return pairs;
}

static void
draw_header (BpSmallChart   *self,
             cairo_t        *cr,
             const Geometry *g,
             const GdkRGBA  *fg)
{
  double last;

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha);
  bp_draw_text (GTK_WIDGET (self), cr, self->title, g->left, GAP / 2, 0);
  if (bp_small_chart_get_last (self, &last))
    {
      g_autofree char *value = bp_format_significant (last, 3);

      bp_draw_text (GTK_WIDGET (self), cr, value, g->left + g->width, GAP / 2, 1);
    }
}

/* On a patch of the background, so that a curve passing under it does
 * not make it unreadable. */
static void
draw_range_label (BpSmallChart  *self,
                  cairo_t       *cr,
                  const GdkRGBA *fg,
                  const char    *text,
                  double         x,
                  double         y)
{
  g_autoptr(PangoLayout) layout = bp_draw_tabular_layout (GTK_WIDGET (self), text);
  GdkRGBA bg;
  int width, height;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "theme_bg_color", &bg))
    bg = (GdkRGBA) { 1 - fg->red, 1 - fg->green, 1 - fg->blue, 1 };
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_set_source_rgba (cr, bg.red, bg.green, bg.blue, 0.75);
  cairo_rectangle (cr, x - 2, y, width + 4, height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.6);
  cairo_move_to (cr, round (x), round (y));
  pango_cairo_show_layout (cr, layout);
}

/* The frame, the range at the left, and the line a value is judged by. */
static void
draw_frame (BpSmallChart   *self,
            cairo_t        *cr,
            const Geometry *g,
            const GdkRGBA  *fg)
{
  static const double dash[] = { 4, 3 };
  g_autofree char *hi = bp_format_significant (g->hi, 2);
  g_autofree char *lo = bp_format_significant (g->lo, 2);
  double mark = self->probability ? 0.5 : 0;

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, g->left + 0.5, g->top + 0.5, g->width - 1, g->height - 1);
  cairo_stroke (cr);
  if (mark > g->lo && mark < g->hi)
    {
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, self->probability ? 0.6 : 0.3);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, g->left, round (y_to_px (g, mark)) + 0.5);
      cairo_line_to (cr, g->left + g->width, round (y_to_px (g, mark)) + 0.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  draw_range_label (self, cr, fg, hi, g->left + GAP, g->top + 1);
  draw_range_label (self, cr, fg, lo, g->left + GAP, g->top + g->height - g->line_height - 1);
}

static void
get_colors (BpSmallChart *self,
            GdkRGBA      *fg,
            GdkRGBA      *line)
{
  gboolean dark = bp_palette_widget_colors (GTK_WIDGET (self), fg, NULL);

  /* The loss chart's colour for the current run. */
  bp_palette_get_rgba (BP_COLOR_TRAIN, dark, line);
}

static void
bp_small_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BpSmallChart *self = BP_SMALL_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, line;
  cairo_t *cr;
  Geometry g;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  compute_geometry (self, &g);
  get_colors (self, &fg, &line);
  draw_header (self, cr, &g, &fg);
  trace (self, &g, cr);
  gdk_cairo_set_source_rgba (cr, &line);
  cairo_set_line_width (cr, bp_presenter_line_width (widget, LINE_WIDTH));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  draw_frame (self, cr, &g, &fg);
  cairo_destroy (cr);
}

static void
bp_small_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  BpSmallChart *self = BP_SMALL_CHART (widget);
  g_autoptr(PangoLayout) probe = bp_draw_tabular_layout (GTK_WIDGET (self), "0");
  int line_height;

  pango_layout_get_pixel_size (probe, NULL, &line_height);
  /* Six lines wide at the least: three abreast in presenter mode's larger
   * text must fit an 800 px projector. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 6 * line_height;
      *natural = 12 * line_height;
    }
  else
    *minimum = *natural = 5 * line_height;
}

static void
bp_small_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BpSmallChart *self = BP_SMALL_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PROBABILITY:
      g_value_set_boolean (value, self->probability);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_small_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BpSmallChart *self = BP_SMALL_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bp_small_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_PROBABILITY:
      self->probability = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_small_chart_finalize (GObject *object)
{
  BpSmallChart *self = BP_SMALL_CHART (object);

  bp_series_clear (&self->series);
  g_free (self->title);
  G_OBJECT_CLASS (bp_small_chart_parent_class)->finalize (object);
}

static void
bp_small_chart_class_init (BpSmallChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_small_chart_get_property;
  object_class->set_property = bp_small_chart_set_property;
  object_class->finalize = bp_small_chart_finalize;
  widget_class->snapshot = bp_small_chart_snapshot;
  widget_class->measure = bp_small_chart_measure;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A value from 0 to 1, judged against 0.5. */
  properties[PROP_PROBABILITY] =
    g_param_spec_boolean ("probability", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "smallchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bp_small_chart_init (BpSmallChart *self)
{
  self->title = g_strdup ("");
  bp_presenter_watch (GTK_WIDGET (self));
  bp_series_init (&self->series, BP_HISTORY_SAMPLED_CAPACITY);
  /* Focusable, so that a screen reader's user reaches its values. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/* The curve in words: where it started, where it is and its range.  In
 * a flow box the child takes the focus and says it instead. */
static void
update_description (BpSmallChart *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *target = GTK_IS_FLOW_BOX_CHILD (parent) ? parent : GTK_WIDGET (self);
  guint n = bp_series_get_n (&self->series);
  g_autofree char *text = NULL;
  g_autofree char *epoch = NULL;
  BpBucket first, last;
  double lo, hi;

  if (n == 0)
    {
      bp_accessible_describe (target, _("No values yet"));
      return;
    }
  first = bp_series_get (&self->series, 0, NULL, NULL);
  last = bp_series_get (&self->series, n - 1, NULL, NULL);
  bp_series_range (&self->series, &lo, &hi);
  epoch = g_strdup_printf ("%" G_GUINT64_FORMAT, self->series.count);
  /* Translators: a small chart's description for screen readers, e.g.
   * “0.81 at epoch 1000, from 0.2 at the start; between 0.2 and 0.83” */
  text = g_strdup_printf (_("%.3g at epoch %s, from %.3g at the start; between %.3g and %.3g"),
                          last.last, epoch, first.first, lo, hi);
  bp_accessible_describe (target, text);
}

GtkWidget *
bp_small_chart_new (const char *title,
                    gboolean    probability)
{
  return g_object_new (BP_TYPE_SMALL_CHART, "title", title, "probability", probability, NULL);
}

const char *
bp_small_chart_get_title (BpSmallChart *self)
{
  g_return_val_if_fail (BP_IS_SMALL_CHART (self), NULL);

  return self->title;
}

void
bp_small_chart_set_title (BpSmallChart *self,
                          const char   *title)
{
  g_return_if_fail (BP_IS_SMALL_CHART (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
bp_small_chart_get_probability (BpSmallChart *self)
{
  g_return_val_if_fail (BP_IS_SMALL_CHART (self), FALSE);

  return self->probability;
}

/* Takes a copy of @series. */
void
bp_small_chart_set_series (BpSmallChart   *self,
                           const BpSeries *series)
{
  g_return_if_fail (BP_IS_SMALL_CHART (self));

  bp_series_copy (&self->series, series);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
}

void
bp_small_chart_clear (BpSmallChart *self)
{
  g_return_if_fail (BP_IS_SMALL_CHART (self));

  bp_series_reset (&self->series);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
}

/* Where the x axis ends: the epochs the run will take. */
void
bp_small_chart_set_epochs (BpSmallChart *self,
                           guint64       epochs)
{
  g_return_if_fail (BP_IS_SMALL_CHART (self));

  self->epochs = epochs;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How many min/max pairs the curve is drawn with at the current size:
 * never more than the pixel columns. */
guint
bp_small_chart_count_points (BpSmallChart *self)
{
  Geometry g;

  g_return_val_if_fail (BP_IS_SMALL_CHART (self), 0);

  compute_geometry (self, &g);
  return trace (self, &g, NULL);
}

/* The value after the last epoch recorded; FALSE before any. */
gboolean
bp_small_chart_get_last (BpSmallChart *self,
                         double       *value)
{
  guint n;

  g_return_val_if_fail (BP_IS_SMALL_CHART (self), FALSE);

  n = bp_series_get_n (&self->series);
  if (n == 0)
    return FALSE;
  *value = bp_series_get (&self->series, n - 1, NULL, NULL).last;
  return TRUE;
}
