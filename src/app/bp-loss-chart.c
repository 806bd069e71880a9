/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-loss-chart.c: the loss curve
 *
 * The chart draws from the trainer's bounded history, never from a list
 * of every epoch: buckets that land in the same pixel column are merged
 * into one min/max pair, so a run of a billion epochs costs the same to
 * draw as one of a thousand, and a one-epoch spike still shows.  The x
 * axis spans the epochs asked for, so the curve grows to the right as the
 * run goes on instead of the axis rescaling under it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-accessible.h"
#include "bp-draw.h"
#include "bp-chart-ticks.h"
#include "bp-loss-chart.h"
#include "bp-palette.h"
#include "bp-presenter.h"

#define LINE_WIDTH 2.5
#define GAP 6
/* Earlier runs are drawn thinner than the current one, behind it. */
#define OVERLAY_WIDTH 1.5

struct _BpLossChart
{
  GtkWidget parent_instance;

  BpHistory history;
  guint64   epochs;
  gboolean  log_scale;
  gboolean  hovering;
  double    hover_x;
  BpRunList *overlays;
  char     *note;       /* a line over the plot, such as who the run was on */

  /* The axes, grid and labels as last drawn, and what they depend on. */
  GskRenderNode *axes;
  guint          axes_drawn;  /* how often they were, for tests */
  struct AxesKey
  {
    int      width;
    int      height;
    gboolean log_scale;
    gboolean presenter;
    double   x_lo, x_hi, x_max, y_lo, y_hi;
    guint    x_n, y_n;
    GdkRGBA  fg;
  } axes_key;
};

G_DEFINE_FINAL_TYPE (BpLossChart, bp_loss_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_EPOCHS,
  PROP_LOG_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where things go for the widget's current size and data. */
typedef struct
{
  double  left;
  double  top;
  double  width;     /* of the plot area, inside the axes */
  double  height;
  double  x_max;     /* the epoch at the right edge */
  BpTicks x;
  BpTicks y;
  int     line_height;
} Geometry;

/* One pixel column of a series: everything that lands in it. */
typedef struct
{
  int    column;
  double min;
  double max;
} Column;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA train;
  GdkRGBA test;
  gboolean dark;
} Palette;

static gboolean
has_test (BpLossChart *self)
{
  return bp_series_get_n (&self->history.test_loss) > 0;
}

static int
text_width (BpLossChart *self,
            const char  *text)
{
  return bp_draw_text_width (GTK_WIDGET (self), text);
}

static double
line_width (BpLossChart *self,
            double       width)
{
  return bp_presenter_line_width (GTK_WIDGET (self), width);
}

static guint
n_overlays (BpLossChart *self)
{
  return self->overlays != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->overlays)) : 0;
}

/* The earlier run at @i if it is drawn, else NULL; the list holds the
 * reference. */
static BpRun *
visible_overlay (BpLossChart *self,
                 guint        i)
{
  g_autoptr(BpRun) run = g_list_model_get_item (G_LIST_MODEL (self->overlays), i);

  if (!bp_run_get_visible (run) || bp_series_get_n (bp_run_get_loss (run)) == 0)
    return NULL;
  return run;
}

static void
widen_range (const BpSeries *series,
             gboolean       *any,
             double         *lo,
             double         *hi)
{
  double slo, shi;

  if (!bp_series_range (series, &slo, &shi))
    return;
  *lo = *any ? MIN (*lo, slo) : slo;
  *hi = *any ? MAX (*hi, shi) : shi;
  *any = TRUE;
}

/* The loss range of every series drawn; FALSE without data. */
static gboolean
loss_range (BpLossChart *self,
            double      *lo,
            double      *hi)
{
  gboolean any = FALSE;

  widen_range (&self->history.loss, &any, lo, hi);
  widen_range (&self->history.test_loss, &any, lo, hi);
  for (guint i = 0; i < n_overlays (self); i++)
    {
      BpRun *run = visible_overlay (self, i);

      if (run != NULL)
        widen_range (bp_run_get_loss (run), &any, lo, hi);
    }
  return any;
}

/* The epoch at the right edge: this run's.  Earlier runs are drawn as
 * far as it goes; following the longest of them made a short new run a
 * vertical line at the left edge. */
static double
epochs_shown (BpLossChart *self)
{
  return MAX (MAX (self->epochs, self->history.loss.count), 1);
}

static void
y_ticks (BpLossChart *self,
         BpTicks     *ticks,
         guint        max_ticks)
{
  double lo, hi;
  gboolean data = loss_range (self, &lo, &hi);

  if (!self->log_scale)
    {
      /* A loss is never negative, so the axis starts at 0. */
      bp_ticks_linear (ticks, 0, data && hi > 0 ? hi : 1, max_ticks);
      return;
    }
  if (!data || hi <= 0)
    {
      lo = 1e-3;
      hi = 1;
    }
  bp_ticks_log (ticks, lo > 0 ? lo : hi * 1e-6, hi, max_ticks);
}

static void
compute_geometry_for_size (BpLossChart *self,
                           int          width,
                           int          height,
                           Geometry    *g)
{
  g_autoptr(PangoLayout) probe = bp_draw_tabular_layout (GTK_WIDGET (self), "0");
  int right, x_label;

  pango_layout_get_pixel_size (probe, NULL, &g->line_height);
  g->top = g->line_height + 2 * GAP;
  g->height = MAX (1, height - g->top - 2 * g->line_height - 3 * GAP);
  y_ticks (self, &g->y, (guint) (g->height / (2.5 * g->line_height)) + 1);

  g->x_max = epochs_shown (self);
  bp_ticks_linear (&g->x, 0, g->x_max, 2);
  x_label = bp_draw_widest_tick_label (GTK_WIDGET (self), &g->x);
  right = MAX (x_label / 2, GAP) + GAP;
  g->left = bp_draw_widest_tick_label (GTK_WIDGET (self), &g->y) + 2 * GAP;
  g->width = MAX (1, width - g->left - right);
  bp_ticks_linear (&g->x, 0, g->x_max, (guint) (g->width / (x_label + 4 * g->line_height)) + 1);
}

static void
compute_geometry (BpLossChart *self,
                  Geometry    *g)
{
  compute_geometry_for_size (self, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), g);
}

static double
x_to_px (const Geometry *g,
         double          epoch)
{
  return g->left + epoch / g->x_max * g->width;
}

static double
y_to_px (const Geometry *g,
         double          value)
{
  double f;

  if (g->y.log)
    f = (log10 (MAX (value, g->y.lo)) - log10 (g->y.lo)) / (log10 (g->y.hi) - log10 (g->y.lo));
  else
    f = (value - g->y.lo) / (g->y.hi - g->y.lo);
  return g->top + g->height * (1 - f);
}

/* Merges the buckets of @series into at most one min/max pair per pixel
 * column of the plot.  Each bucket sits at its last epoch. */
static GArray *
collect_columns (const BpSeries *series,
                 const Geometry *g)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (Column));
  guint n = bp_series_get_n (series);

  for (guint i = 0; i < n; i++)
    {
      guint64 first, count;
      BpBucket b = bp_series_get (series, i, &first, &count);
      int column;
      Column *last;

      /* An earlier run longer than this one stops at the right edge. */
      if (first >= g->x_max)
        break;
      column = CLAMP ((int) floor (x_to_px (g, first + count) - g->left), 0, (int) g->width - 1);
      last = columns->len > 0 ? &g_array_index (columns, Column, columns->len - 1) : NULL;

      if (last != NULL && last->column == column)
        {
          last->min = MIN (last->min, b.min);
          last->max = MAX (last->max, b.max);
        }
      else
        g_array_append_val (columns, ((Column) { column, b.min, b.max }));
    }
  return columns;
}

static void
get_palette (BpLossChart *self,
             Palette     *p)
{
  /* A dark style gets series colours that stand out on it, and on a
   * projector. */
  p->dark = bp_palette_widget_colors (GTK_WIDGET (self), &p->fg, &p->bg);
  bp_palette_get_rgba (BP_COLOR_TRAIN, p->dark, &p->train);
  bp_palette_get_rgba (BP_COLOR_TEST, p->dark, &p->test);
}

static void
draw_y_axis (BpLossChart    *self,
             cairo_t        *cr,
             const Geometry *g,
             const Palette  *p)
{
  for (guint i = 0; i < g->y.n; i++)
    {
      g_autofree char *label = bp_ticks_format (&g->y, g->y.values[i]);
      double y = round (y_to_px (g, g->y.values[i])) + 0.5;

      bp_draw_set_color (cr, &p->fg, 0.12);
      cairo_move_to (cr, g->left, y);
      cairo_line_to (cr, g->left + g->width, y);
      cairo_stroke (cr);
      bp_draw_set_color (cr, &p->fg, 0.8);
      bp_draw_text (GTK_WIDGET (self), cr, label, g->left - GAP, y - g->line_height / 2.0, 1);
    }
  bp_draw_set_color (cr, &p->fg, 0.8);
  bp_draw_text (GTK_WIDGET (self), cr,
                self->log_scale ? _("Loss (MSE, log scale)") : _("Loss (MSE)"), 0, 0, 0);
}

static void
draw_x_axis (BpLossChart    *self,
             cairo_t        *cr,
             const Geometry *g,
             const Palette  *p)
{
  double bottom = g->top + g->height;

  for (guint i = 0; i < g->x.n && g->x.values[i] <= g->x_max * (1 + 1e-9); i++)
    {
      g_autofree char *label = bp_ticks_format (&g->x, g->x.values[i]);
      double x = round (x_to_px (g, g->x.values[i])) + 0.5;

      bp_draw_set_color (cr, &p->fg, 0.12);
      cairo_move_to (cr, x, g->top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      bp_draw_set_color (cr, &p->fg, 0.8);
      bp_draw_text (GTK_WIDGET (self), cr, label, x, bottom + GAP, 0.5);
    }
  bp_draw_text (GTK_WIDGET (self), cr,
                _("Epoch"), g->left + g->width / 2, bottom + 2 * GAP + g->line_height, 0.5);
  bp_draw_set_color (cr, &p->fg, 0.5);
  cairo_move_to (cr, g->left + 0.5, g->top);
  cairo_line_to (cr, g->left + 0.5, bottom + 0.5);
  cairo_line_to (cr, g->left + g->width, bottom + 0.5);
  cairo_stroke (cr);
}

/* Strokes the curve through every @step-th pixel column (and the last). */
static void
draw_series (cairo_t        *cr,
             const Geometry *g,
             const BpSeries *series,
             const GdkRGBA  *color,
             double          width,
             guint           step)
{
  g_autoptr(GArray) columns = collect_columns (series, g);
  BpPolyline path;

  if (columns->len == 0)
    return;
  bp_polyline_init (&path, cr);
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *c = &g_array_index (columns, Column, i);
      double x = g->left + c->column + 0.5;
      double top = y_to_px (g, c->max), bottom = y_to_px (g, c->min);

      if (i % step != 0 && i != columns->len - 1)
        continue;
      bp_polyline_add (&path, x, top);
      /* A column within a pixel is one point: on a smooth curve that
       * halves the path to stroke, which nine curves notice. */
      if (bottom - top >= 1 || columns->len == 1)
        bp_polyline_add (&path, x, bottom);
    }
  bp_polyline_finish (&path);
  bp_draw_set_color (cr, color, 1);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Round caps make a single point visible as a dot; on every dash of a
   * dashed line they would only cost. */
  cairo_set_line_cap (cr, cairo_get_dash_count (cr) > 0 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1);
}

static void
draw_legend (BpLossChart    *self,
             cairo_t        *cr,
             const Geometry *g,
             const Palette  *p)
{
  /* Translators: the legend of the two loss lines */
  const char *names[] = { C_("loss legend", "Training"), C_("loss legend", "Test") };
  const GdkRGBA *colors[] = { &p->train, &p->test };
  double x = g->left + g->width - GAP;

  for (int i = G_N_ELEMENTS (names) - 1; i >= 0; i--)
    {
      double y = g->top + GAP + g->line_height / 2.0;

      bp_draw_set_color (cr, &p->fg, 0.9);
      bp_draw_text (GTK_WIDGET (self), cr, names[i], x, g->top + GAP, 1);
      x -= text_width (self, names[i]) + GAP;
      bp_draw_set_color (cr, colors[i], 1);
      cairo_set_line_width (cr, line_width (self, LINE_WIDTH));
      cairo_move_to (cr, x - 2 * g->line_height, y);
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 1);
      x -= 2 * g->line_height + 3 * GAP;
    }
}

static const double overlay_dash[] = { 6, 4 };

static void
draw_overlays (BpLossChart    *self,
               cairo_t        *cr,
               const Geometry *g,
               const Palette  *p)
{
  for (guint i = 0; i < n_overlays (self); i++)
    {
      BpRun *run = visible_overlay (self, i);
      gboolean dashed;
      GdkRGBA color;

      if (run == NULL)
        continue;
      bp_run_color_rgba (bp_run_get_color (run), p->dark, &color);
      dashed = bp_run_color_dashed (bp_run_get_color (run));
      if (dashed)
        cairo_set_dash (cr, overlay_dash, G_N_ELEMENTS (overlay_dash), 0);
      /* Dashing a path costs per segment: a dashed earlier run is drawn
       * through every fourth column, which a dash hides anyway. */
      draw_series (cr, g, bp_run_get_loss (run), &color, line_width (self, OVERLAY_WIDTH), dashed ? 4 : 1);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* One line of the legend, right-aligned at @x: a stroke, then @text. */
static void
draw_legend_row (BpLossChart    *self,
                 cairo_t        *cr,
                 const Geometry *g,
                 const Palette  *p,
                 double          x,
                 double          y,
                 const char     *text,
                 const GdkRGBA  *color,
                 double          width,
                 gboolean        dashed)
{
  double left = x - text_width (self, text) - GAP - 2 * g->line_height;

  bp_draw_set_color (cr, &p->bg, 0.85);
  cairo_rectangle (cr, left - GAP, y - GAP / 4, x - left + 2 * GAP, g->line_height + GAP / 2);
  cairo_fill (cr);
  bp_draw_set_color (cr, &p->fg, 0.9);
  bp_draw_text (GTK_WIDGET (self), cr, text, x, y, 1);
  bp_draw_set_color (cr, color, 1);
  cairo_set_line_width (cr, width);
  if (dashed)
    cairo_set_dash (cr, overlay_dash, G_N_ELEMENTS (overlay_dash), 0);
  cairo_move_to (cr, left, y + g->line_height / 2.0);
  cairo_line_to (cr, left + 2 * g->line_height, y + g->line_height / 2.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 1);
}

/* With earlier runs on the chart: which curve is which, this run first,
 * in the top right corner, where falling loss curves leave room. */
static void
draw_overlay_legend (BpLossChart    *self,
                     cairo_t        *cr,
                     const Geometry *g,
                     const Palette  *p)
{
  const char *current = self->overlays != NULL ? bp_run_list_get_current_label (self->overlays) : "";
  g_autofree char *label = NULL;
  double x = g->left + g->width - GAP;
  double y = g->top + GAP;

  if (bp_loss_chart_count_overlays (self) == 0)
    return;
  /* Translators: the current run in the loss chart's legend; %s says
   * how it differs from the earlier runs, e.g. “rate 0.1” */
  label = *current != '\0' ? g_strdup_printf (_("This run, %s"), current) : g_strdup (_("This run"));
  draw_legend_row (self, cr, g, p, x, y, label, &p->train, line_width (self, LINE_WIDTH), FALSE);
  for (guint i = 0; i < n_overlays (self); i++)
    {
      BpRun *run = visible_overlay (self, i);
      GdkRGBA color;

      if (run == NULL)
        continue;
      y += g->line_height + GAP / 2;
      bp_run_color_rgba (bp_run_get_color (run), p->dark, &color);
      draw_legend_row (self, cr, g, p, x, y, bp_run_get_label (run), &color,
                       line_width (self, OVERLAY_WIDTH), bp_run_color_dashed (bp_run_get_color (run)));
    }
}

static void
draw_empty (BpLossChart    *self,
            cairo_t        *cr,
            const Geometry *g,
            const Palette  *p)
{
  bp_draw_set_color (cr, &p->fg, 0.55);
  bp_draw_text (GTK_WIDGET (self), cr, _("Train to watch the loss fall"),
             g->left + g->width / 2, g->top + g->height / 2 - g->line_height / 2.0, 0.5);
}

/* A line down the plot at the epoch under the pointer, and a dot on the
 * curve there. */
static void
draw_hover_marker (cairo_t        *cr,
                   const Geometry *g,
                   const Palette  *p,
                   double          x,
                   double          loss)
{
  bp_draw_set_color (cr, &p->fg, 0.4);
  cairo_move_to (cr, round (x) + 0.5, g->top);
  cairo_line_to (cr, round (x) + 0.5, g->top + g->height);
  cairo_stroke (cr);
  bp_draw_set_color (cr, &p->train, 1);
  cairo_arc (cr, x, y_to_px (g, loss), 2 * LINE_WIDTH, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* The epoch and loss in a box beside the line, on whichever side has
 * room. */
static void
draw_hover_label (BpLossChart    *self,
                  cairo_t        *cr,
                  const Geometry *g,
                  const Palette  *p,
                  double          x,
                  const char     *text)
{
  g_autoptr(PangoLayout) layout = bp_draw_tabular_layout (GTK_WIDGET (self), text);
  double box_x, box_y;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (x + 4 * GAP + width <= g->left + g->width)
    box_x = x + 2 * GAP;
  else
    box_x = x - 4 * GAP - width;
  box_y = g->top + 2 * GAP + g->line_height;
  bp_draw_set_color (cr, &p->bg, 0.92);
  cairo_rectangle (cr, box_x, box_y, width + 2 * GAP, height + 2 * GAP);
  cairo_fill_preserve (cr);
  bp_draw_set_color (cr, &p->fg, 0.3);
  cairo_stroke (cr);
  bp_draw_set_color (cr, &p->fg, 1);
  cairo_move_to (cr, box_x + GAP, box_y + GAP);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_hover (BpLossChart    *self,
            cairo_t        *cr,
            const Geometry *g,
            const Palette  *p)
{
  g_autofree char *text = bp_loss_chart_dup_hover_text (self);
  guint64 epoch;
  double loss;

  if (text == NULL || !bp_loss_chart_describe_at (self, self->hover_x, &epoch, &loss))
    return;
  draw_hover_marker (cr, g, p, x_to_px (g, epoch), loss);
  draw_hover_label (self, cr, g, p, x_to_px (g, epoch), text);
}

static void
draw_axes (BpLossChart    *self,
           cairo_t        *cr,
           const Geometry *g,
           const Palette  *p)
{
  cairo_set_line_width (cr, 1);
  draw_y_axis (self, cr, g, p);
  draw_x_axis (self, cr, g, p);
}

/* The note in a box at the top of the plot, below the legend, left of
 * centre where a falling curve has left room; clipped by the plot on a
 * very narrow chart rather than drawn over the axes. */
static void
draw_note (BpLossChart    *self,
           cairo_t        *cr,
           const Geometry *g,
           const Palette  *p)
{
  g_autoptr(PangoLayout) layout = NULL;
  double box_x, box_y;
  int width, height;

  if (self->note == NULL)
    return;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->note);
  pango_layout_get_pixel_size (layout, &width, &height);
  box_x = g->left + MAX (2 * GAP, (g->width - width) / 3);
  box_y = g->top + 2 * GAP + g->line_height;
  cairo_save (cr);
  cairo_rectangle (cr, g->left, g->top, g->width, g->height);
  cairo_clip (cr);
  bp_draw_set_color (cr, &p->bg, 0.92);
  cairo_rectangle (cr, box_x, box_y, width + 2 * GAP, height + 2 * GAP);
  cairo_fill (cr);
  bp_draw_set_color (cr, &p->fg, 0.8);
  cairo_move_to (cr, box_x + GAP, box_y + GAP);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The curves, the legends and the empty-chart prompt: what changes from
 * one frame of training to the next. */
static void
draw_data (BpLossChart    *self,
           cairo_t        *cr,
           const Geometry *g,
           const Palette  *p)
{
  if (bp_series_get_n (&self->history.loss) == 0)
    draw_empty (self, cr, g, p);
  draw_overlays (self, cr, g, p);
  draw_series (cr, g, &self->history.test_loss, &p->test, line_width (self, LINE_WIDTH), 1);
  draw_series (cr, g, &self->history.loss, &p->train, line_width (self, LINE_WIDTH), 1);
  if (has_test (self))
    draw_legend (self, cr, g, p);
  else
    draw_overlay_legend (self, cr, g, p);
  draw_note (self, cr, g, p);
}

/* Everything but the hover label: what an exported image shows. */
static void
draw_chart (BpLossChart    *self,
            cairo_t        *cr,
            const Geometry *g,
            const Palette  *p)
{
  draw_axes (self, cr, g, p);
  draw_data (self, cr, g, p);
}

static void
axes_key_init (BpLossChart    *self,
               struct AxesKey *key,
               int             width,
               int             height,
               const Geometry *g,
               const Palette  *p)
{
  /* Zeroed first, padding included, so that memcmp compares the fields. */
  memset (key, 0, sizeof *key);
  key->width = width;
  key->height = height;
  key->log_scale = self->log_scale;
  key->presenter = bp_presenter_is_on (GTK_WIDGET (self));
  key->x_lo = g->x.lo;
  key->x_hi = g->x.hi;
  key->x_max = g->x_max;
  key->x_n = g->x.n;
  key->y_lo = g->y.lo;
  key->y_hi = g->y.hi;
  key->y_n = g->y.n;
  key->fg = p->fg;
}

/* The axes change with the size, the scale, the ticks and the style, not
 * with each epoch: they are recorded once into a render node that every
 * frame reuses, and only the data is drawn anew. */
static GskRenderNode *
get_axes (BpLossChart    *self,
          int             width,
          int             height,
          const Geometry *g,
          const Palette  *p)
{
  struct AxesKey key;
  GtkSnapshot *snapshot;
  cairo_t *cr;

  axes_key_init (self, &key, width, height, g, p);
  if (self->axes != NULL && memcmp (&key, &self->axes_key, sizeof key) == 0)
    return self->axes;
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_axes (self, cr, g, p);
  cairo_destroy (cr);
  g_clear_pointer (&self->axes, gsk_render_node_unref);
  self->axes = gtk_snapshot_free_to_node (snapshot);
  self->axes_key = key;
  self->axes_drawn++;
  return self->axes;
}

static void
bp_loss_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BpLossChart *self = BP_LOSS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  Geometry g;
  Palette p;

  if (width <= 0 || height <= 0)
    return;
  compute_geometry (self, &g);
  get_palette (self, &p);
  gtk_snapshot_append_node (snapshot, get_axes (self, width, height, &g, &p));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_data (self, cr, &g, &p);
  draw_hover (self, cr, &g, &p);
  cairo_destroy (cr);
}

/* A new font or scale draws the labels differently: redraw the axes. */
static void
bp_loss_chart_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  BpLossChart *self = BP_LOSS_CHART (widget);

  g_clear_pointer (&self->axes, gsk_render_node_unref);
  GTK_WIDGET_CLASS (bp_loss_chart_parent_class)->system_setting_changed (widget, setting);
}

static void
bp_loss_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? 240 : 160;
  *natural = horizontal ? 640 : 360;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           BpLossChart              *self)
{
  bp_loss_chart_hover (self, x);
}

static void
on_leave (GtkEventControllerMotion *motion,
          BpLossChart              *self)
{
  bp_loss_chart_hover (self, -1);
}

static void
bp_loss_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BpLossChart *self = BP_LOSS_CHART (object);

  switch (prop_id)
    {
    case PROP_EPOCHS:
      g_value_set_uint64 (value, self->epochs);
      break;
    case PROP_LOG_SCALE:
      g_value_set_boolean (value, self->log_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_loss_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BpLossChart *self = BP_LOSS_CHART (object);

  switch (prop_id)
    {
    case PROP_EPOCHS:
      bp_loss_chart_set_epochs (self, g_value_get_uint64 (value));
      break;
    case PROP_LOG_SCALE:
      bp_loss_chart_set_log_scale (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_loss_chart_finalize (GObject *object)
{
  BpLossChart *self = BP_LOSS_CHART (object);

  bp_history_clear (&self->history);
  g_clear_pointer (&self->axes, gsk_render_node_unref);
  g_free (self->note);
  G_OBJECT_CLASS (bp_loss_chart_parent_class)->finalize (object);
}

static void
bp_loss_chart_dispose (GObject *object)
{
  BpLossChart *self = BP_LOSS_CHART (object);

  if (self->overlays != NULL)
    g_signal_handlers_disconnect_by_data (self->overlays, self);
  g_clear_object (&self->overlays);
  G_OBJECT_CLASS (bp_loss_chart_parent_class)->dispose (object);
}

static void
bp_loss_chart_class_init (BpLossChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_loss_chart_get_property;
  object_class->set_property = bp_loss_chart_set_property;
  object_class->finalize = bp_loss_chart_finalize;
  object_class->dispose = bp_loss_chart_dispose;
  widget_class->snapshot = bp_loss_chart_snapshot;
  widget_class->measure = bp_loss_chart_measure;
  widget_class->system_setting_changed = bp_loss_chart_system_setting_changed;

  properties[PROP_EPOCHS] =
    g_param_spec_uint64 ("epochs", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG_SCALE] =
    g_param_spec_boolean ("log-scale", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "losschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* What a screen reader says of the chart, since the picture says
 * nothing to it: where the run is, which way the loss went and how low,
 * the test loss and the earlier runs behind.  At most once a second
 * while training (bp_accessible_describe()). */
static void
update_description (BpLossChart *self)
{
  const BpSeries *series = &self->history.loss;
  guint n = bp_series_get_n (series);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *epoch = NULL;
  g_autofree char *epochs = NULL;
  guint earlier = self->overlays != NULL ? bp_run_list_count_visible (self->overlays) : 0;
  BpBucket first, last;
  double lowest, highest;

  if (n == 0)
    {
      bp_accessible_describe (GTK_WIDGET (self),
                              _("No loss yet: the network has not been trained"));
      return;
    }
  first = bp_series_get (series, 0, NULL, NULL);
  last = bp_series_get (series, n - 1, NULL, NULL);
  bp_series_range (series, &lowest, &highest);
  epoch = g_strdup_printf ("%" G_GUINT64_FORMAT, series->count);
  epochs = g_strdup_printf ("%" G_GUINT64_FORMAT, MAX (self->epochs, series->count));
  /* Translators: the loss chart's description for screen readers, e.g.
   * “Loss 0.00237 at epoch 1000 of 1000” */
  g_string_append_printf (text, _("Loss %.3g at epoch %s of %s"), last.last, epoch, epochs);
  g_string_append (text, ", ");
  if (last.last <= first.first)
    g_string_append_printf (text, _("down from %.3g at the start, lowest %.3g"),
                            first.first, lowest);
  else
    g_string_append_printf (text, _("up from %.3g at the start, lowest %.3g"),
                            first.first, lowest);
  if (bp_series_get_n (&self->history.test_loss) > 0)
    {
      const BpSeries *test = &self->history.test_loss;
      BpBucket test_last = bp_series_get (test, bp_series_get_n (test) - 1, NULL, NULL);

      g_string_append (text, ", ");
      g_string_append_printf (text, _("test loss %.3g"), test_last.last);
    }
  if (self->note != NULL)
    g_string_append_printf (text, ", %s", self->note);
  if (earlier > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u earlier run drawn behind",
                                                 "%u earlier runs drawn behind", earlier),
                              earlier);
    }
  bp_accessible_describe (GTK_WIDGET (self), text->str);
}

static void
bp_loss_chart_init (BpLossChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  bp_history_init (&self->history);
  bp_presenter_watch (GTK_WIDGET (self));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  /* Focusable, so that a screen reader's user can reach its words. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loss over the epochs"),
                                  -1);
  update_description (self);
}

GtkWidget *
bp_loss_chart_new (void)
{
  return g_object_new (BP_TYPE_LOSS_CHART, NULL);
}

/* Draws the chart as it stands, without the hover label, at @width ×
 * @height on any cairo context: PNG, SVG and PDF exports use it.  The
 * theme's background is painted too and a margin kept, so that the image
 * reads the same outside the window. */
void
bp_loss_chart_draw (BpLossChart *self,
                    cairo_t     *cr,
                    int          width,
                    int          height)
{
  Geometry g;
  Palette p;

  g_return_if_fail (BP_IS_LOSS_CHART (self));
  g_return_if_fail (width > 4 * GAP && height > 4 * GAP);

  get_palette (self, &p);
  bp_draw_begin_export (cr, &p.bg, 2 * GAP);
  compute_geometry_for_size (self, width - 4 * GAP, height - 4 * GAP, &g);
  draw_chart (self, cr, &g, &p);
  cairo_restore (cr);
}

/* Takes a copy of @history to draw; call it when the trainer's changed. */
void
bp_loss_chart_set_history (BpLossChart     *self,
                           const BpHistory *history)
{
  g_return_if_fail (BP_IS_LOSS_CHART (self));

  bp_series_copy (&self->history.loss, &history->loss);
  bp_series_copy (&self->history.test_loss, &history->test_loss);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bp_loss_chart_clear (BpLossChart *self)
{
  g_return_if_fail (BP_IS_LOSS_CHART (self));

  bp_series_reset (&self->history.loss);
  bp_series_reset (&self->history.test_loss);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint64
bp_loss_chart_get_epochs (BpLossChart *self)
{
  g_return_val_if_fail (BP_IS_LOSS_CHART (self), 0);

  return self->epochs;
}

/* The epochs the run will take: where the x axis ends. */
void
bp_loss_chart_set_epochs (BpLossChart *self,
                          guint64      epochs)
{
  g_return_if_fail (BP_IS_LOSS_CHART (self));

  if (epochs == self->epochs)
    return;
  self->epochs = epochs;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPOCHS]);
}

gboolean
bp_loss_chart_get_log_scale (BpLossChart *self)
{
  g_return_val_if_fail (BP_IS_LOSS_CHART (self), FALSE);

  return self->log_scale;
}

void
bp_loss_chart_set_log_scale (BpLossChart *self,
                             gboolean     log_scale)
{
  g_return_if_fail (BP_IS_LOSS_CHART (self));

  log_scale = !!log_scale;
  if (log_scale == self->log_scale)
    return;
  self->log_scale = log_scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_SCALE]);
}

/* How many min/max pairs the training (or test) curve is drawn with at
 * the widget's current size: at most one per pixel column. */
guint
bp_loss_chart_count_points (BpLossChart *self,
                            gboolean     test)
{
  g_autoptr(GArray) columns = NULL;
  Geometry g;

  g_return_val_if_fail (BP_IS_LOSS_CHART (self), 0);

  compute_geometry (self, &g);
  columns = collect_columns (test ? &self->history.test_loss : &self->history.loss, &g);
  return columns->len;
}

/* The epoch and training loss drawn nearest to @x (in widget
 * coordinates), if the curve reaches there. */
gboolean
bp_loss_chart_describe_at (BpLossChart *self,
                           double       x,
                           guint64     *epoch,
                           double      *loss)
{
  const BpSeries *series = &self->history.loss;
  guint n = bp_series_get_n (series);
  guint64 first, count, index;
  double target;
  BpBucket b;
  Geometry g;

  g_return_val_if_fail (BP_IS_LOSS_CHART (self), FALSE);

  compute_geometry (self, &g);
  if (n == 0 || x < g.left || x > x_to_px (&g, series->count) + GAP)
    return FALSE;
  target = (x - g.left) / g.width * g.x_max;
  /* Buckets sit at their last epoch: take the nearest. */
  index = (guint64) MAX (1, llround (target / series->span)) - 1;
  b = bp_series_get (series, MIN (index, n - 1), &first, &count);
  *epoch = first + count;
  *loss = b.last;
  return TRUE;
}

/* What the hover label says, or NULL when the pointer is not over the
 * curve. */
char *
bp_loss_chart_dup_hover_text (BpLossChart *self)
{
  g_autofree char *number = NULL;
  guint64 epoch;
  double loss;

  g_return_val_if_fail (BP_IS_LOSS_CHART (self), NULL);

  if (!self->hovering || !bp_loss_chart_describe_at (self, self->hover_x, &epoch, &loss))
    return NULL;
  number = g_strdup_printf ("%" G_GUINT64_FORMAT, epoch);
  return g_strdup_printf (_("Epoch %s\nLoss %.6f"), number, loss);
}

/* Shows the value under @x as the pointer does; a negative @x hides it. */
void
bp_loss_chart_hover (BpLossChart *self,
                     double       x)
{
  g_return_if_fail (BP_IS_LOSS_CHART (self));

  self->hovering = x >= 0;
  self->hover_x = x;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the chart draws for presenter mode: its window's .presenter
 * class (bp-presenter.c). */
gboolean
bp_loss_chart_get_presenter (BpLossChart *self)
{
  g_return_val_if_fail (BP_IS_LOSS_CHART (self), FALSE);

  return bp_presenter_is_on (GTK_WIDGET (self));
}

/* Earlier runs to draw behind the current one, each from its bounded
 * loss series; NULL for none.  The chart follows the list's changes. */
void
bp_loss_chart_set_overlays (BpLossChart *self,
                            BpRunList   *overlays)
{
  g_return_if_fail (BP_IS_LOSS_CHART (self));
  g_return_if_fail (overlays == NULL || BP_IS_RUN_LIST (overlays));

  if (self->overlays != NULL)
    g_signal_handlers_disconnect_by_data (self->overlays, self);
  g_set_object (&self->overlays, overlays);
  if (overlays != NULL)
    {
      g_signal_connect_object (overlays, "changed", G_CALLBACK (gtk_widget_queue_draw),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (overlays, "changed", G_CALLBACK (update_description),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
}

/* How many earlier runs the chart draws now. */
guint
bp_loss_chart_count_overlays (BpLossChart *self)
{
  guint n = 0;

  g_return_val_if_fail (BP_IS_LOSS_CHART (self), 0);

  for (guint i = 0; i < n_overlays (self); i++)
    n += visible_overlay (self, i) != NULL;
  return n;
}

/* How many times the axes were drawn rather than reused: tests check that
 * a frame of training costs the data alone. */
guint
bp_loss_chart_count_axes_drawn (BpLossChart *self)
{
  g_return_val_if_fail (BP_IS_LOSS_CHART (self), 0);

  return self->axes_drawn;
}

/* A line shown over the plot (NULL: none), such as that the run drawn was
 * trained on other people than those listed now. */
void
bp_loss_chart_set_note (BpLossChart *self,
                        const char  *note)
{
  g_return_if_fail (BP_IS_LOSS_CHART (self));

  if (g_strcmp0 (note, self->note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
bp_loss_chart_get_note (BpLossChart *self)
{
  g_return_val_if_fail (BP_IS_LOSS_CHART (self), NULL);

  return self->note;
}
