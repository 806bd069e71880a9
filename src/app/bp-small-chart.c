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
#include <string.h>

#include "bp-accessible.h"
#include "bp-draw.h"
#include "bp-format.h"
#include "bp-palette.h"
#include "bp-presenter.h"
#include "bp-small-chart.h"

#define LINE_WIDTH 1.5
#define GAP 4
/* Cairo keeps coordinates to 1/256 px: two curves equal to that draw the
 * same pixels. */
#define SUBPIXEL 256

/* A pixel column of the curve: its x and the ends of its min/max pair,
 * in 1/256 px. */
typedef struct
{
  gint32 x;
  gint32 top;
  gint32 bottom;
} Column;

/* What the chart shows, as far as the eye (and cairo) can tell: the
 * labels as text, the curve's columns to 1/256 px.  A new value that
 * changes none of it draws nothing. */
typedef struct
{
  int     width;
  int     height;
  int     line_height;
  char   *value;    /* the latest value on the title line, or NULL */
  char   *lo;       /* the range at the left edge */
  char   *hi;
  int     mark;     /* the row of the line at 0.5 or 0, or -1 */
  GArray *columns;  /* of Column */
} Picture;

/* How it is drawn, whatever the values. */
typedef struct
{
  GdkRGBA fg;
  GdkRGBA line;
  GdkRGBA bg;
  double  line_width;
} Style;

struct _BpSmallChart
{
  GtkWidget parent_instance;

  char     *title;
  gboolean  probability;
  BpSeries  series;
  guint64   epochs;

  /* The picture last drawn, as two render nodes: the title line, which
   * changes with the latest value, and the rest.  A frame redraws only
   * the one that changed. */
  Picture        drawn;
  Style          style;
  int            line_height;  /* as last drawn; 0 before */
  GskRenderNode *header;
  GskRenderNode *body;
  guint          n_drawn;      /* title lines and bodies drawn, for tests */
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

static int
probe_line_height (BpSmallChart *self)
{
  g_autoptr(PangoLayout) probe = bp_draw_tabular_layout (GTK_WIDGET (self), "0");
  int line_height;

  pango_layout_get_pixel_size (probe, NULL, &line_height);
  return line_height;
}

static void
compute_geometry (BpSmallChart *self,
                  int           line_height,
                  Geometry     *g)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g->line_height = line_height;
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

static gint32
to_subpixel (double px)
{
  return (gint32) lround (px * SUBPIXEL);
}

/* Moves along the buckets, one min/max pair per pixel column, into
 * @columns. */
static void
trace (BpSmallChart   *self,
       const Geometry *g,
       GArray         *columns)
{
  guint n = bp_series_get_n (&self->series);
  int column = -1;
  double lo = 0, hi = 0;

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
      if (column >= 0)
        {
          Column pair = {
            to_subpixel (g->left + column + 0.5),
            to_subpixel (y_to_px (g, hi)),
            to_subpixel (y_to_px (g, lo)),
          };

          g_array_append_val (columns, pair);
        }
      column = c;
      lo = b.min;
      hi = b.max;
    }
}

static void
picture_clear (Picture *p)
{
  g_clear_pointer (&p->value, g_free);
  g_clear_pointer (&p->lo, g_free);
  g_clear_pointer (&p->hi, g_free);
  g_clear_pointer (&p->columns, g_array_unref);
}

/* What the chart would show now, with text @line_height high. */
static void
picture_compute (BpSmallChart *self,
                 int           line_height,
                 Picture      *p)
{
  double mark = self->probability ? 0.5 : 0;
  double last;
  Geometry g;

  compute_geometry (self, line_height, &g);
  p->width = gtk_widget_get_width (GTK_WIDGET (self));
  p->height = gtk_widget_get_height (GTK_WIDGET (self));
  p->line_height = line_height;
  p->value = bp_small_chart_get_last (self, &last) ? bp_format_significant (last, 3) : NULL;
  p->hi = bp_format_significant (g.hi, 2);
  p->lo = bp_format_significant (g.lo, 2);
  p->mark = mark > g.lo && mark < g.hi ? (int) round (y_to_px (&g, mark)) : -1;
  p->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  trace (self, &g, p->columns);
}

/* Whether @a and @b differ outside the title line. */
static gboolean
body_equal (const Picture *a,
            const Picture *b)
{
  return a->columns != NULL && b->columns != NULL &&
         a->width == b->width && a->height == b->height && a->line_height == b->line_height &&
         a->mark == b->mark && g_strcmp0 (a->lo, b->lo) == 0 && g_strcmp0 (a->hi, b->hi) == 0 &&
         a->columns->len == b->columns->len &&
         /* An empty array's data may be NULL, which memcmp() may not see. */
         (a->columns->len == 0 ||
          memcmp (a->columns->data, b->columns->data, a->columns->len * sizeof (Column)) == 0);
}

static gboolean
header_equal (const Picture *a,
              const Picture *b)
{
  return a->width == b->width && a->line_height == b->line_height &&
         g_strcmp0 (a->value, b->value) == 0;
}

/* The title line: the title, and the latest value at the right. */
static void
draw_header (BpSmallChart  *self,
             cairo_t       *cr,
             const Picture *p,
             const Style   *style)
{
  const GdkRGBA *fg = &style->fg;

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha);
  bp_draw_text (GTK_WIDGET (self), cr, self->title, GAP, GAP / 2, 0);
  if (p->value != NULL)
    bp_draw_text (GTK_WIDGET (self), cr, p->value, GAP + MAX (1, p->width - 2 * GAP), GAP / 2, 1);
}

/* On a patch of the background, so that a curve passing under it does
 * not make it unreadable. */
static void
draw_range_label (BpSmallChart *self,
                  cairo_t      *cr,
                  const Style  *style,
                  const char   *text,
                  double        x,
                  double        y)
{
  g_autoptr(PangoLayout) layout = bp_draw_tabular_layout (GTK_WIDGET (self), text);
  const GdkRGBA *fg = &style->fg;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_set_source_rgba (cr, style->bg.red, style->bg.green, style->bg.blue, 0.75);
  cairo_rectangle (cr, x - 2, y, width + 4, height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.6);
  cairo_move_to (cr, round (x), round (y));
  pango_cairo_show_layout (cr, layout);
}

static void
draw_curve (cairo_t       *cr,
            const Picture *p,
            const Style   *style)
{
  BpPolyline path;

  bp_polyline_init (&path, cr);
  for (guint i = 0; i < p->columns->len; i++)
    {
      const Column *c = &g_array_index (p->columns, Column, i);
      double x = (double) c->x / SUBPIXEL;

      bp_polyline_add (&path, x, (double) c->top / SUBPIXEL);
      /* A column within a pixel is one point, as in the loss chart. */
      if (c->bottom - c->top >= SUBPIXEL)
        bp_polyline_add (&path, x, (double) c->bottom / SUBPIXEL);
    }
  bp_polyline_finish (&path);
  gdk_cairo_set_source_rgba (cr, &style->line);
  cairo_set_line_width (cr, style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

/* The curve, then the frame, the range at the left, and the line a
 * value is judged by. */
static void
draw_body (BpSmallChart  *self,
           cairo_t       *cr,
           const Picture *p,
           const Style   *style)
{
  static const double dash[] = { 4, 3 };
  const GdkRGBA *fg = &style->fg;
  double left = GAP, top = p->line_height + 2 * GAP;
  double width = MAX (1, p->width - 2 * GAP), height = MAX (1, p->height - top - GAP);

  draw_curve (cr, p, style);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, left + 0.5, top + 0.5, width - 1, height - 1);
  cairo_stroke (cr);
  if (p->mark >= 0)
    {
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, self->probability ? 0.6 : 0.3);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, left, p->mark + 0.5);
      cairo_line_to (cr, left + width, p->mark + 0.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  draw_range_label (self, cr, style, p->hi, left + GAP, top + 1);
  draw_range_label (self, cr, style, p->lo, left + GAP, top + height - p->line_height - 1);
}

static void
get_style (BpSmallChart *self,
           Style        *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean dark = bp_palette_widget_colors (widget, &style->fg, NULL);
  const GdkRGBA *fg = &style->fg;

  /* The loss chart's colour for the current run. */
  bp_palette_get_rgba (BP_COLOR_TRAIN, dark, &style->line);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                       "theme_bg_color", &style->bg))
    style->bg = (GdkRGBA) { 1 - fg->red, 1 - fg->green, 1 - fg->blue, 1 };
  style->line_width = bp_presenter_line_width (widget, LINE_WIDTH);
}

static gboolean
style_equal (const Style *a,
             const Style *b)
{
  return gdk_rgba_equal (&a->fg, &b->fg) && gdk_rgba_equal (&a->line, &b->line) &&
         gdk_rgba_equal (&a->bg, &b->bg) && a->line_width == b->line_width;
}

static void
forget_drawing (BpSmallChart *self)
{
  g_clear_pointer (&self->header, gsk_render_node_unref);
  g_clear_pointer (&self->body, gsk_render_node_unref);
}

static GskRenderNode *
draw_node (BpSmallChart  *self,
           const Picture *p,
           const Style   *style,
           double         height,
           void         (*draw) (BpSmallChart *, cairo_t *, const Picture *, const Style *))
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, p->width, height));

  draw (self, cr, p, style);
  cairo_destroy (cr);
  self->n_drawn++;
  return gtk_snapshot_free_to_node (snapshot);
}

static void
bp_small_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BpSmallChart *self = BP_SMALL_CHART (widget);
  Picture p = { 0 };
  Style style;

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;
  self->line_height = probe_line_height (self);
  picture_compute (self, self->line_height, &p);
  get_style (self, &style);
  if (!style_equal (&style, &self->style))
    forget_drawing (self);
  self->style = style;
  /* The title line reaches down to where the plot starts. */
  if (self->header == NULL || !header_equal (&p, &self->drawn))
    {
      g_clear_pointer (&self->header, gsk_render_node_unref);
      self->header = draw_node (self, &p, &style, p.line_height + 2 * GAP, draw_header);
    }
  if (self->body == NULL || !body_equal (&p, &self->drawn))
    {
      g_clear_pointer (&self->body, gsk_render_node_unref);
      self->body = draw_node (self, &p, &style, p.height, draw_body);
    }
  picture_clear (&self->drawn);
  self->drawn = p;
  gtk_snapshot_append_node (snapshot, self->header);
  gtk_snapshot_append_node (snapshot, self->body);
}

/* A new value, range or run: draw again only if what is on show would
 * change.  Unmapped, nothing is on show; mapping draws it anew. */
static void
update_drawing (BpSmallChart *self)
{
  Picture p = { 0 };

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->header == NULL || self->body == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  picture_compute (self, self->line_height, &p);
  if (!header_equal (&p, &self->drawn) || !body_equal (&p, &self->drawn))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  picture_clear (&p);
}

/* A new font or scale draws the labels differently. */
static void
bp_small_chart_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  forget_drawing (BP_SMALL_CHART (widget));
  GTK_WIDGET_CLASS (bp_small_chart_parent_class)->system_setting_changed (widget, setting);
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
  picture_clear (&self->drawn);
  forget_drawing (self);
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
  widget_class->system_setting_changed = bp_small_chart_system_setting_changed;

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
  g_clear_pointer (&self->header, gsk_render_node_unref);
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
  update_drawing (self);
  update_description (self);
}

void
bp_small_chart_clear (BpSmallChart *self)
{
  g_return_if_fail (BP_IS_SMALL_CHART (self));

  bp_series_reset (&self->series);
  update_drawing (self);
  update_description (self);
}

/* Where the x axis ends: the epochs the run will take. */
void
bp_small_chart_set_epochs (BpSmallChart *self,
                           guint64       epochs)
{
  g_return_if_fail (BP_IS_SMALL_CHART (self));

  self->epochs = epochs;
  update_drawing (self);
}

/* How many min/max pairs the curve is drawn with at the current size:
 * never more than the pixel columns. */
guint
bp_small_chart_count_points (BpSmallChart *self)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  Geometry g;

  g_return_val_if_fail (BP_IS_SMALL_CHART (self), 0);

  compute_geometry (self, probe_line_height (self), &g);
  trace (self, &g, columns);
  return columns->len;
}

/* How many times a part of the chart (its title line or the rest) was
 * drawn: a frame that changes nothing on show draws neither. */
guint
bp_small_chart_count_drawn (BpSmallChart *self)
{
  g_return_val_if_fail (BP_IS_SMALL_CHART (self), 0);

  return self->n_drawn;
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
