/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-landscape-view.c: the loss as a landscape over two parameters
 *
 * Two parameters chosen by the class vary across and up the plot, the
 * other seven keep the network's current values, and the colour is the
 * training loss there: pale in the valley, dark on the heights, with
 * contour lines at round losses.  On it, the path those two parameters
 * took during the run and where they are now, so the class sees gradient
 * descent walk downhill.
 *
 * The grid is computed by bp-landscape on a worker thread, never in a
 * frame: first 25 × 25 points, then 97 × 97 through them.  While a run
 * trains, new parameters ask for a new grid at most every
 * REFRESH_INTERVAL_MS; a fine grid that the new parameters make stale is
 * cancelled.  The worker also paints the grid into a small image and
 * finds the contours, so that a frame only scales the image and strokes
 * the lines: its cost does not depend on the class's size.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-accessible.h"
#include "bp-chart-ticks.h"
#include "bp-draw.h"
#include "bp-format.h"
#include "bp-landscape.h"
#include "bp-landscape-view.h"
#include "bp-palette.h"
#include "bp-presenter.h"

#define GAP 6
#define COARSE 25
#define REFINE 4                  /* the fine grid is 97 × 97 */
#define REFRESH_INTERVAL_MS 250
#define MAX_LEVELS 12
#define BAR_WIDTH 12              /* the colour scale, in pixels */
#define MARKER 5.0                /* the current point's radius */
#define PLOT_NATURAL_HEIGHT 400   /* as the decision map's */
#define LONG_PATH 100             /* records beyond which the path is drawn finer */
/* Lines and markers are this much larger in presenter mode. */
#define PRESENTER_SCALE 2.0

/* The path in the people's F orange, the current point in the M purple,
 * on the map's paper and in its ink (bp-palette.c). */
static GdkRGBA
map_color (BpMapColor color)
{
  GdkRGBA rgba;

  bp_palette_map_rgba (color, &rgba);
  return rgba;
}

/* What the worker hands back: a grid with its picture and contours. */
typedef struct
{
  BpLandscape     *landscape;
  cairo_surface_t *heat;      /* a pixel per point, the top row highest */
  GPtrArray       *contours;  /* of GArray of BpMapPoint, in grid units */
  double           levels[MAX_LEVELS];
  guint            n_levels;
  gboolean         log;       /* the colours follow the log of the loss */
  double           lo;        /* the ends of the colour scale */
  double           hi;
  guint            lowest;    /* the index of the least loss */
  gboolean         fine;
} Result;

typedef struct
{
  BpLandscapeGrid grid;
  BpDataset      *data;
  gboolean        fine;
} Job;

typedef struct
{
  BpMapFrame frame;
  BpTicks    x;
  BpTicks    y;
  int        line_height;
  double     bar_left;
} Geometry;

struct _BpLandscapeView
{
  GtkWidget       parent_instance;

  GtkDropDown    *x_dropdown;
  GtkDropDown    *y_dropdown;
  GtkStringList  *x_names;
  GtkStringList  *y_names;
  GtkLabel       *note;
  GtkDrawingArea *plot;

  BpParam         x_param;
  BpParam         y_param;
  gboolean        filling;    /* the drop-downs' names going in */
  BpParams        params;
  double          loss;       /* at @params, over @data */
  BpDataset      *data;       /* the training people, at most BP_LANDSCAPE_MAX_PEOPLE */
  guint           n_people;   /* all the training people */
  double         *path[BP_N_PARAMS];
  guint           n_path;
  gboolean        presenter;     /* as the backdrop was drawn */

  Result         *shown;
  /* the still part of the plot (heat map, contours, axes, scale) as
   * drawn for @shown at a size, so that a frame pastes it and draws only
   * the path and the point */
  cairo_surface_t *backdrop;
  Geometry        backdrop_geometry;
  int             backdrop_width;
  int             backdrop_height;
  int             backdrop_scale;
  GdkRGBA         backdrop_fg;
  GCancellable   *cancellable;  /* the job under way, or NULL */
  gboolean        job_fine;
  gboolean        stale;        /* asked for since the job started */
  gint64          last_start;
  guint           refresh_id;
  guint           n_grids;
  gboolean        ready;
};

G_DEFINE_FINAL_TYPE (BpLandscapeView, bp_landscape_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void request_grid (BpLandscapeView *self);

static void
forget_backdrop (BpLandscapeView *self)
{
  g_clear_pointer (&self->backdrop, cairo_surface_destroy);
}

/* ---- the worker ------------------------------------------------------------- */

static void
result_free (Result *result)
{
  bp_landscape_free (result->landscape);
  g_clear_pointer (&result->heat, cairo_surface_destroy);
  g_clear_pointer (&result->contours, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static void
job_free (Job *job)
{
  bp_dataset_free (job->data);
  g_free (job);
}

/* Where @loss sits on the colour scale, 0 to 1. */
static double
scale_position (const Result *result,
                double        loss)
{
  double t;

  if (result->log)
    t = (log (loss) - log (result->lo)) / (log (result->hi) - log (result->lo));
  else
    t = (loss - result->lo) / (result->hi - result->lo);
  return isfinite (t) ? CLAMP (t, 0, 1) : 0;
}

static void
ramp_color (double  t,
            double *rgb)
{
  guint last = BP_PALETTE_N_LOSS_STOPS - 1;
  double pos = CLAMP (t, 0, 1) * last;
  guint i = MIN ((guint) pos, last - 1);
  double f = pos - i;

  for (guint c = 0; c < 3; c++)
    {
      double from = bp_palette_channel (bp_palette_loss_stop (i), c);
      double to = bp_palette_channel (bp_palette_loss_stop (i + 1), c);

      rgb[c] = from + f * (to - from);
    }
}

static void
paint_heat (Result *result)
{
  const BpLandscapeGrid *grid = &result->landscape->grid;
  guchar *pixels;
  int stride;

  result->heat = cairo_image_surface_create (CAIRO_FORMAT_RGB24, grid->columns, grid->rows);
  pixels = cairo_image_surface_get_data (result->heat);
  stride = cairo_image_surface_get_stride (result->heat);
  for (guint j = 0; j < grid->rows; j++)
    {
      guint32 *row = (guint32 *) (pixels + (gsize) (grid->rows - 1 - j) * stride);

      for (guint i = 0; i < grid->columns; i++)
        {
          double loss = bp_landscape_get (result->landscape, i, j);
          double rgb[3] = { 0.6, 0.6, 0.6 };  /* grey where the loss is no number */

          if (isfinite (loss))
            ramp_color (scale_position (result, loss), rgb);
          row[i] = (guint32) lround (rgb[0] * 255) << 16 |
                   (guint32) lround (rgb[1] * 255) << 8 |
                   (guint32) lround (rgb[2] * 255);
        }
    }
  cairo_surface_mark_dirty (result->heat);
}

static void
find_contours (Result *result)
{
  const BpLandscape *landscape = result->landscape;
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (BpMapSegment));

  result->n_levels = bp_landscape_levels (landscape, result->levels, MAX_LEVELS);
  for (guint k = 0; k < result->n_levels; k++)
    bp_map_contour (landscape->values, landscape->grid.columns, landscape->grid.rows,
                    result->levels[k], segments);
  result->contours = bp_map_join_segments (segments);
}

static guint
find_lowest (const BpLandscape *landscape)
{
  guint best = 0;

  for (guint k = 1; k < landscape->grid.columns * landscape->grid.rows; k++)
    if (landscape->values[k] < landscape->values[best] || isnan (landscape->values[best]))
      best = k;
  return best;
}

/* The picture, contours and lowest point of a computed grid. */
static void
fill_result (Result *result)
{
  result->lo = result->landscape->min;
  result->hi = result->landscape->max;
  result->log = result->lo > 0 && result->hi / result->lo > 10;
  paint_heat (result);
  find_contours (result);
  result->lowest = find_lowest (result->landscape);
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(Result) result = g_new0 (Result, 1);
  GError *error = NULL;

  result->landscape = bp_landscape_compute (&job->grid, job->data, cancellable, &error);
  if (result->landscape == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result->fine = job->fine;
  fill_result (result);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) result_free);
}

/* ---- asking for grids ------------------------------------------------------------ */

static void
set_ready (BpLandscapeView *self,
           gboolean         ready)
{
  if (self->ready == ready)
    return;
  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void update_description (BpLandscapeView *self);

static void
on_computed (GObject      *source,
             GAsyncResult *res,
             gpointer      data)
{
  BpLandscapeView *self = BP_LANDSCAPE_VIEW (source);
  g_autoptr(GError) error = NULL;
  Result *result = g_task_propagate_pointer (G_TASK (res), &error);
  gboolean fine = self->job_fine;

  g_clear_object (&self->cancellable);
  if (self->plot == NULL)  /* disposed while the worker ran */
    {
      g_clear_pointer (&result, result_free);
      return;
    }
  if (result != NULL)
    {
      g_clear_pointer (&self->shown, result_free);
      forget_backdrop (self);
      self->shown = result;
      self->n_grids++;
      gtk_widget_queue_draw (GTK_WIDGET (self->plot));
      update_description (self);
    }
  if (self->stale || result == NULL)
    request_grid (self);
  else if (!fine)
    {
      /* The same ground, finer. */
      Job *job = g_new0 (Job, 1);
      g_autoptr(GTask) task = NULL;

      bp_landscape_grid_refine (&self->shown->landscape->grid, REFINE, &job->grid);
      job->data = bp_landscape_subsample (self->data, BP_LANDSCAPE_MAX_PEOPLE);
      job->fine = TRUE;
      self->cancellable = g_cancellable_new ();
      self->job_fine = TRUE;
      task = g_task_new (self, self->cancellable, on_computed, NULL);
      g_task_set_task_data (task, job, (GDestroyNotify) job_free);
      g_task_run_in_thread (task, compute_in_thread);
    }
  else
    set_ready (self, TRUE);
}

static void
start_coarse (BpLandscapeView *self)
{
  Job *job;
  g_autoptr(GTask) task = NULL;

  self->stale = FALSE;
  if (self->data == NULL || self->data->n == 0)
    {
      g_clear_pointer (&self->shown, result_free);
      forget_backdrop (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->plot));
      update_description (self);
      set_ready (self, TRUE);
      return;
    }
  job = g_new0 (Job, 1);
  bp_landscape_grid_init (&job->grid, &self->params, self->x_param, self->y_param,
                          self->path[self->x_param], self->path[self->y_param], self->n_path,
                          COARSE, COARSE);
  job->data = bp_landscape_subsample (self->data, BP_LANDSCAPE_MAX_PEOPLE);
  self->last_start = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
  self->job_fine = FALSE;
  task = g_task_new (self, self->cancellable, on_computed, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_in_thread);
}

static gboolean
on_refresh_due (gpointer data)
{
  BpLandscapeView *self = data;

  self->refresh_id = 0;
  if (self->cancellable != NULL)
    self->stale = TRUE;
  else
    start_coarse (self);
  return G_SOURCE_REMOVE;
}

/* Something the grid depends on changed: a new one, coarse first, as
 * soon as the last one is REFRESH_INTERVAL_MS old.  A fine grid still
 * being computed is of the old parameters: it stops. */
static void
request_grid (BpLandscapeView *self)
{
  gint64 wait;

  set_ready (self, FALSE);
  /* A page not on screen costs nothing: its grid waits to be shown (or
   * exported). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->cancellable != NULL)
    {
      self->stale = TRUE;
      if (self->job_fine)
        g_cancellable_cancel (self->cancellable);
      return;
    }
  if (self->refresh_id != 0)
    return;
  wait = self->last_start + REFRESH_INTERVAL_MS * 1000 - g_get_monotonic_time ();
  if (self->last_start == 0 || wait <= 0)
    start_coarse (self);
  else
    self->refresh_id = g_timeout_add ((guint) (wait / 1000) + 1, on_refresh_due, self);
}

/* ---- drawing -------------------------------------------------------------------- */

static double
scaled (BpLandscapeView *self,
        double           size)
{
  return self->presenter ? size * PRESENTER_SCALE : size;
}

static const char *
param_title (BpParam param)
{
  static const char *const titles[BP_N_PARAMS] = {
    N_("w1: weight → h1"), N_("w2: height → h1"),
    N_("w3: weight → h2"), N_("w4: height → h2"),
    N_("w5: h1 → o1"), N_("w6: h2 → o1"),
    N_("b1: bias of h1"), N_("b2: bias of h2"), N_("b3: bias of o1"),
  };

  return _(titles[param]);
}

static char *
level_label (double level)
{
  return bp_format_significant (level, 2);
}

static int
widest_level (BpLandscapeView *self)
{
  GtkWidget *plot = GTK_WIDGET (self->plot);
  int widest = 0;

  if (self->shown == NULL)
    return 0;
  for (guint k = 0; k < self->shown->n_levels; k++)
    {
      g_autofree char *label = level_label (self->shown->levels[k]);

      widest = MAX (widest, bp_draw_text_width (plot, label));
    }
  return widest;
}

static void
compute_geometry (BpLandscapeView *self,
                  int              width,
                  int              height,
                  Geometry        *g)
{
  GtkWidget *plot = GTK_WIDGET (self->plot);
  g_autoptr(PangoLayout) layout = bp_draw_tabular_layout (plot, "0");
  const BpLandscapeGrid *grid = self->shown != NULL ? &self->shown->landscape->grid : NULL;
  double x_lo = -1, x_hi = 1, y_lo = -1, y_hi = 1;
  int left, right, widest;

  pango_layout_get_pixel_size (layout, NULL, &g->line_height);
  if (grid != NULL)
    {
      x_lo = bp_landscape_grid_x (grid, 0);
      x_hi = bp_landscape_grid_x (grid, grid->columns - 1);
      y_lo = bp_landscape_grid_y (grid, 0);
      y_hi = bp_landscape_grid_y (grid, grid->rows - 1);
    }
  /* The ticks run to round values past both ends, which are left out:
   * two more than fit. */
  bp_ticks_linear (&g->y, y_lo, y_hi, MAX (2, (height - 3 * g->line_height) / (2 * g->line_height + GAP)) + 2);
  widest = MAX (bp_draw_widest_tick_label (plot, &g->y), bp_draw_text_width (plot, "−0.0"));
  left = widest + 2 * GAP;
  right = 2 * GAP + MAX (BAR_WIDTH + GAP + widest_level (self), bp_draw_text_width (plot, _("loss")));
  g->frame = (BpMapFrame) {
    .left = left,
    .top = g->line_height + 2 * GAP,
    .width = MAX (1, width - left - right - 2 * GAP),
    .height = MAX (1, height - 3 * g->line_height - 5 * GAP),
    .x_lo = x_lo,
    .x_hi = x_hi,
    .y_lo = y_lo,
    .y_hi = y_hi,
  };
  bp_ticks_linear (&g->x, x_lo, x_hi, MAX (2, (int) g->frame.width / (2 * widest + 2 * GAP)) + 2);
  g->bar_left = g->frame.left + g->frame.width + 2 * GAP;
}

/* Grid units (column, row) to pixels. */
static void
grid_to_px (const BpLandscapeGrid *grid,
            const BpMapFrame      *frame,
            double                 column,
            double                 row,
            double                *px,
            double                *py)
{
  *px = frame->left + column * frame->width / (grid->columns - 1);
  *py = frame->top + (grid->rows - 1 - row) * frame->height / (grid->rows - 1);
}

/* The image of a pixel a point, scaled up so that each pixel's centre
 * lands on its point, smoothed in between. */
static void
draw_heat (BpLandscapeView *self,
           cairo_t         *cr,
           const Geometry  *g)
{
  const BpLandscapeGrid *grid = &self->shown->landscape->grid;
  const BpMapFrame *f = &g->frame;
  cairo_pattern_t *pattern;

  cairo_save (cr);
  cairo_rectangle (cr, f->left, f->top, f->width, f->height);
  cairo_clip (cr);
  cairo_translate (cr, f->left, f->top);
  cairo_scale (cr, f->width / (grid->columns - 1), f->height / (grid->rows - 1));
  cairo_translate (cr, -0.5, -0.5);
  cairo_set_source_surface (cr, self->shown->heat, 0, 0);
  pattern = cairo_get_source (cr);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* Dark on a pale halo, to show on the pale valley and the dark rim. */
static void
draw_contours (BpLandscapeView *self,
               cairo_t         *cr,
               const Geometry  *g)
{
  GdkRGBA paper, ink;
  const BpLandscapeGrid *grid = &self->shown->landscape->grid;
  GPtrArray *lines = self->shown->contours;

  for (guint k = 0; k < lines->len; k++)
    {
      GArray *line = g_ptr_array_index (lines, k);
      BpPolyline poly;

      bp_polyline_init (&poly, cr);
      for (guint i = 0; i < line->len; i++)
        {
          BpMapPoint *p = &g_array_index (line, BpMapPoint, i);
          double px, py;

          grid_to_px (grid, &g->frame, p->x, p->y, &px, &py);
          bp_polyline_add (&poly, px, py);
        }
      bp_polyline_finish (&poly);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, scaled (self, 2.5));
  paper = map_color (BP_MAP_COLOR_PAPER);
  ink = map_color (BP_MAP_COLOR_INK);
  bp_draw_set_color (cr, &paper, 0.4);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, scaled (self, 1));
  bp_draw_set_color (cr, &ink, 0.6);
  cairo_stroke (cr);
}

static void
draw_marker (BpLandscapeView *self,
             cairo_t         *cr,
             double           x,
             double           y,
             const GdkRGBA   *color,
             gboolean         filled)
{
  double r = scaled (self, MARKER);
  GdkRGBA paper = map_color (BP_MAP_COLOR_PAPER);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_line_width (cr, scaled (self, 3.5));
  bp_draw_set_color (cr, &paper, 0.9);
  cairo_stroke_preserve (cr);
  bp_draw_set_color (cr, color, 1);
  if (filled)
    cairo_fill (cr);
  else
    {
      cairo_set_line_width (cr, scaled (self, 1.5));
      cairo_stroke (cr);
    }
}

/* The pair's values over the run, from its first record, hollow at the
 * start; then where it is now. */
static void
draw_path (BpLandscapeView *self,
           cairo_t         *cr,
           const Geometry  *g)
{
  GdkRGBA paper = map_color (BP_MAP_COLOR_PAPER);
  GdkRGBA path_color = map_color (BP_MAP_COLOR_FEMALE);
  GdkRGBA point_color = map_color (BP_MAP_COLOR_MALE);
  const double *xs = self->path[self->x_param];
  const double *ys = self->path[self->y_param];
  BpPolyline poly;
  double px, py;

  cairo_save (cr);
  cairo_rectangle (cr, g->frame.left, g->frame.top, g->frame.width, g->frame.height);
  cairo_clip (cr);
  if (self->n_path > 0)
    {
      bp_polyline_init (&poly, cr);
      for (guint i = 0; i < self->n_path; i++)
        if (isfinite (xs[i]) && isfinite (ys[i]))
          {
            bp_map_frame_to_px (&g->frame, xs[i], ys[i], &px, &py);
            bp_polyline_add (&poly, px, py);
          }
      bp_map_frame_to_px (&g->frame, bp_params_get (&self->params, self->x_param),
                   bp_params_get (&self->params, self->y_param), &px, &py);
      bp_polyline_add (&poly, px, py);
      bp_polyline_finish (&poly);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      /* A long noisy path (a large class steps person by person, and
       * each epoch ends somewhere else) is drawn finer, so that the map
       * under it still shows. */
      cairo_set_line_width (cr, scaled (self, self->n_path > LONG_PATH ? 2.5 : 4));
      bp_draw_set_color (cr, &paper, self->n_path > LONG_PATH ? 0.4 : 0.7);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, scaled (self, self->n_path > LONG_PATH ? 1 : 2));
      bp_draw_set_color (cr, &path_color, self->n_path > LONG_PATH ? 0.8 : 1);
      cairo_stroke (cr);
      bp_map_frame_to_px (&g->frame, xs[0], ys[0], &px, &py);
      draw_marker (self, cr, px, py, &path_color, FALSE);
    }
  bp_map_frame_to_px (&g->frame, bp_params_get (&self->params, self->x_param),
               bp_params_get (&self->params, self->y_param), &px, &py);
  draw_marker (self, cr, px, py, &point_color, TRUE);
  cairo_restore (cr);
}

static void
draw_axes (BpLandscapeView *self,
           cairo_t         *cr,
           const Geometry  *g,
           const GdkRGBA   *fg)
{
  GtkWidget *plot = GTK_WIDGET (self->plot);
  const BpMapFrame *f = &g->frame;
  double bottom = f->top + f->height;

  bp_draw_set_color (cr, fg, 0.8);
  for (guint i = 0; i < g->y.n; i++)
    {
      g_autofree char *label = NULL;
      double px, py;

      if (g->y.values[i] < f->y_lo || g->y.values[i] > f->y_hi)
        continue;
      label = bp_ticks_format (&g->y, g->y.values[i]);
      bp_map_frame_to_px (f, f->x_lo, g->y.values[i], &px, &py);
      bp_draw_text (plot, cr, label, f->left - GAP, py - g->line_height / 2.0, 1);
    }
  for (guint i = 0; i < g->x.n; i++)
    {
      g_autofree char *label = NULL;
      double px, py;

      if (g->x.values[i] < f->x_lo || g->x.values[i] > f->x_hi)
        continue;
      label = bp_ticks_format (&g->x, g->x.values[i]);
      bp_map_frame_to_px (f, g->x.values[i], f->y_lo, &px, &py);
      bp_draw_text (plot, cr, label, px, bottom + GAP, 0.5);
    }
  bp_draw_text (plot, cr, param_title (self->x_param),
                f->left + f->width / 2, bottom + 2 * GAP + g->line_height, 0.5);
  bp_draw_text (plot, cr, param_title (self->y_param), 0, 0, 0);
  cairo_rectangle (cr, f->left - 0.5, f->top - 0.5, f->width + 1, f->height + 1);
  bp_draw_set_color (cr, fg, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* Beside the plot, the colours' losses, each contour level marked. */
static void
draw_scale (BpLandscapeView *self,
            cairo_t         *cr,
            const Geometry  *g,
            const GdkRGBA   *fg)
{
  GdkRGBA ink = map_color (BP_MAP_COLOR_INK);
  GtkWidget *plot = GTK_WIDGET (self->plot);
  const Result *r = self->shown;
  const BpMapFrame *f = &g->frame;
  double next_free = -G_MAXDOUBLE;

  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, f->top + f->height, 0, f->top);

  for (guint k = 0; k < BP_PALETTE_N_LOSS_STOPS; k++)
    {
      guint32 rgb = bp_palette_loss_stop (k);

      cairo_pattern_add_color_stop_rgb (gradient, (double) k / (BP_PALETTE_N_LOSS_STOPS - 1),
                                        bp_palette_channel (rgb, 0), bp_palette_channel (rgb, 1),
                                        bp_palette_channel (rgb, 2));
    }
  cairo_rectangle (cr, g->bar_left, f->top, BAR_WIDTH, f->height);
  cairo_set_source (cr, gradient);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
  bp_draw_set_color (cr, fg, 0.8);
  bp_draw_text (plot, cr, _("loss"), g->bar_left, GAP / 2.0, 0);
  /* From the bottom up, leaving out a label that would touch the last. */
  for (guint k = 0; k < r->n_levels; k++)
    {
      g_autofree char *label = level_label (r->levels[k]);
      double y = f->top + f->height * (1 - scale_position (r, r->levels[k]));

      cairo_rectangle (cr, g->bar_left, round (y) - 0.5, BAR_WIDTH, 1);
      bp_draw_set_color (cr, &ink, 0.6);
      cairo_fill (cr);
      if (-y < next_free)
        continue;
      bp_draw_set_color (cr, fg, 0.8);
      bp_draw_text (plot, cr, label, g->bar_left + BAR_WIDTH + GAP, y - g->line_height / 2.0, 0);
      next_free = -(y - g->line_height - 2);
    }
}

/* Right-aligned over the plot: the path's and the point's keys. */
static void
draw_legend (BpLandscapeView *self,
             cairo_t         *cr,
             const Geometry  *g,
             const GdkRGBA   *fg)
{
  GdkRGBA path_color = map_color (BP_MAP_COLOR_FEMALE);
  GdkRGBA point_color = map_color (BP_MAP_COLOR_MALE);
  GtkWidget *plot = GTK_WIDGET (self->plot);
  g_autofree char *loss = bp_format_significant (self->loss, 3);
  /* Translators: the legend's key of the current point, “now, loss 0.0123” */
  g_autofree char *now = g_strdup_printf (_("now, loss %s"), loss);
  const char *path = _("path of the run");
  double right = g->frame.left + g->frame.width;
  double y = g->line_height / 2.0 + GAP / 2.0;
  double key = scaled (self, 2 * MARKER) + 4;
  double x;
  int y_title = bp_draw_text_width (plot, param_title (self->y_param));

  x = right - bp_draw_text_width (plot, now) - key - GAP;
  if (self->n_path > 0 && x - 3 * GAP - bp_draw_text_width (plot, path) - 24 - GAP > y_title + 3 * GAP)
    {
      double px = x - 3 * GAP - bp_draw_text_width (plot, path) - 24 - GAP;

      cairo_move_to (cr, px, y);
      cairo_line_to (cr, px + 24, y);
      cairo_set_line_width (cr, scaled (self, 2));
      bp_draw_set_color (cr, &path_color, 1);
      cairo_stroke (cr);
      bp_draw_set_color (cr, fg, 0.85);
      bp_draw_text (plot, cr, path, px + 24 + GAP, GAP / 2.0, 0);
    }
  draw_marker (self, cr, x + key / 2, y, &point_color, TRUE);
  bp_draw_set_color (cr, fg, 0.85);
  bp_draw_text (plot, cr, now, x + key + GAP, GAP / 2.0, 0);
}

/* What stays while the point moves within the grid shown. */
static void
draw_backdrop (BpLandscapeView *self,
               cairo_t         *cr,
               const Geometry  *g,
               const GdkRGBA   *fg)
{
  draw_heat (self, cr, g);
  draw_contours (self, cr, g);
  draw_axes (self, cr, g, fg);
  draw_scale (self, cr, g, fg);
}

static void
draw_all (BpLandscapeView *self,
          cairo_t         *cr,
          int              width,
          int              height,
          const GdkRGBA   *fg)
{
  Geometry g;

  compute_geometry (self, width, height, &g);
  if (self->shown == NULL)
    {
      const char *text = self->data != NULL && self->data->n == 0
                           ? _("No one to train on")
                           : _("Working out the landscape…");

      bp_draw_set_color (cr, fg, 0.7);
      bp_draw_text (GTK_WIDGET (self->plot), cr, text, width / 2.0, height / 2.0 - g.line_height / 2.0, 0.5);
      return;
    }
  draw_backdrop (self, cr, &g, fg);
  draw_path (self, cr, &g);
  draw_legend (self, cr, &g, fg);
}

static int
line_height (BpLandscapeView *self)
{
  g_autoptr(PangoLayout) layout = bp_draw_tabular_layout (GTK_WIDGET (self->plot), "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* The backdrop again when the grid, the size, the colours or the text's
 * size changed. */
static void
update_backdrop (BpLandscapeView *self,
                 int              width,
                 int              height,
                 const GdkRGBA   *fg)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->plot));
  cairo_t *cr;

  if (self->backdrop != NULL && self->backdrop_width == width && self->backdrop_height == height &&
      self->backdrop_scale == scale && gdk_rgba_equal (&self->backdrop_fg, fg) &&
      self->backdrop_geometry.line_height == line_height (self))
    return;
  forget_backdrop (self);
  self->backdrop = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (self->backdrop, scale, scale);
  self->backdrop_width = width;
  self->backdrop_height = height;
  self->backdrop_scale = scale;
  self->backdrop_fg = *fg;
  compute_geometry (self, width, height, &self->backdrop_geometry);
  cr = cairo_create (self->backdrop);
  draw_backdrop (self, cr, &self->backdrop_geometry, fg);
  cairo_destroy (cr);
}

static void
draw_plot (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  BpLandscapeView *self = data;
  gboolean presenter = bp_presenter_is_on (GTK_WIDGET (area));
  GdkRGBA fg;

  /* The backdrop was drawn at the other mode's sizes. */
  if (presenter != self->presenter)
    {
      self->presenter = presenter;
      forget_backdrop (self);
    }
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  if (self->shown == NULL)
    {
      draw_all (self, cr, width, height, &fg);
      return;
    }
  update_backdrop (self, width, height, &fg);
  cairo_set_source_surface (cr, self->backdrop, 0, 0);
  cairo_paint (cr);
  draw_path (self, cr, &self->backdrop_geometry);
  draw_legend (self, cr, &self->backdrop_geometry, &fg);
}

/* The fine grid of the parameters as they are, at once, for an export
 * of a page that is not on screen or not yet refined. */
static void
compute_now (BpLandscapeView *self)
{
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(Result) result = g_new0 (Result, 1);
  BpLandscapeGrid coarse, fine;

  if (self->ready || self->data == NULL || self->data->n == 0)
    return;
  bp_landscape_grid_init (&coarse, &self->params, self->x_param, self->y_param,
                          self->path[self->x_param], self->path[self->y_param], self->n_path,
                          COARSE, COARSE);
  bp_landscape_grid_refine (&coarse, REFINE, &fine);
  result->landscape = bp_landscape_compute (&fine, self->data, NULL, NULL);
  fill_result (result);
  g_clear_pointer (&self->shown, result_free);
  forget_backdrop (self);
  self->shown = g_steal_pointer (&result);
}

/* The landscape as it stands at @width × @height on any cairo context,
 * on the theme's background and with a margin: for PNG, SVG and PDF. */
void
bp_landscape_view_draw (BpLandscapeView *self,
                        cairo_t         *cr,
                        int              width,
                        int              height)
{
  GtkStyleContext *context;
  GdkRGBA fg, bg;

  g_return_if_fail (BP_IS_LANDSCAPE_VIEW (self));
  g_return_if_fail (width > 4 * GAP && height > 4 * GAP);

  context = gtk_widget_get_style_context (GTK_WIDGET (self->plot));
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "theme_base_color", &bg))
    gdk_rgba_parse (&bg, "#ffffff");
  compute_now (self);
  bp_draw_begin_export (cr, &bg, 2 * GAP);
  draw_all (self, cr, width - 4 * GAP, height - 4 * GAP, &fg);
  cairo_restore (cr);
}

/* ---- words ---------------------------------------------------------------------- */

static void
update_note (BpLandscapeView *self)
{
  g_autoptr(GString) others = g_string_new (NULL);
  g_autofree char *held = NULL;

  for (guint p = 0; p < BP_N_PARAMS; p++)
    if (p != self->x_param && p != self->y_param)
      {
        if (others->len > 0)
          g_string_append (others, _(", "));
        g_string_append (others, bp_param_name (p));
      }
  /* Translators: under the landscape's drop-downs; %s lists the seven
   * other parameters, “w1, w2, w3, w4, b1, b2, b3” */
  held = g_strdup_printf (_("The other seven (%s) are held at their current values."), others->str);
  if (self->n_people > BP_LANDSCAPE_MAX_PEOPLE)
    {
      g_autofree char *used = bp_format_count (BP_LANDSCAPE_MAX_PEOPLE);
      g_autofree char *all = bp_format_count (self->n_people);
      g_autofree char *over = NULL;
      g_autofree char *note = NULL;

      /* Translators: “Loss over 500 of 100 000 people, spread evenly
       * through the list.” */
      over = g_strdup_printf (_("Loss over %s of %s people, spread evenly through the list."), used, all);
      /* Translators: two sentences one after the other; Chinese puts no
       * space between them */
      note = g_strdup_printf (C_("two sentences", "%s %s"), held, over);
      gtk_label_set_text (self->note, note);
    }
  else
    gtk_label_set_text (self->note, held);
}

static void
update_description (BpLandscapeView *self)
{
  const char *x = bp_param_name (self->x_param);
  const char *y = bp_param_name (self->y_param);
  g_autofree char *x_now = bp_format_significant (bp_params_get (&self->params, self->x_param), 3);
  g_autofree char *y_now = bp_format_significant (bp_params_get (&self->params, self->y_param), 3);
  g_autofree char *loss = bp_format_significant (self->loss, 3);
  g_autofree char *now = NULL;

  /* Translators: what a screen reader says of the landscape: “Now w5 =
   * 1.23 and w6 = −0.5, loss 0.0123.” */
  now = g_strdup_printf (_("Now %s = %s and %s = %s, loss %s."), x, x_now, y, y_now, loss);
  if (self->shown != NULL && isfinite (self->shown->landscape->min))
    {
      const BpLandscape *l = self->shown->landscape;
      guint best = self->shown->lowest;
      g_autofree char *low = bp_format_significant (l->values[best], 3);
      g_autofree char *x_low = bp_format_significant (bp_landscape_grid_x (&l->grid, best % l->grid.columns), 3);
      g_autofree char *y_low = bp_format_significant (bp_landscape_grid_y (&l->grid, best / l->grid.columns), 3);
      g_autofree char *high = bp_format_significant (l->max, 3);
      g_autofree char *lowest = NULL;
      g_autofree char *text = NULL;

      /* Translators: “Lowest nearby 0.002 at w5 = 3.1 and w6 = −2.4;
       * highest 0.61.” */
      lowest = g_strdup_printf (_("Lowest nearby %s at %s = %s and %s = %s; highest %s."),
                                low, x, x_low, y, y_low, high);
      text = g_strdup_printf (C_("two sentences", "%s %s"), now, lowest);
      bp_accessible_describe (GTK_WIDGET (self->plot), text);
      return;
    }
  bp_accessible_describe (GTK_WIDGET (self->plot), now);
}

/* ---- the pair ------------------------------------------------------------------- */

/* The plot's name says which pair it shows: set when the pair changes,
 * not with each frame's parameters. */
static void
update_label (BpLandscapeView *self)
{
  g_autofree char *label = g_strdup_printf (_("Loss landscape over %s and %s"),
                                            bp_param_name (self->x_param),
                                            bp_param_name (self->y_param));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
pair_changed (BpLandscapeView *self)
{
  forget_backdrop (self);
  update_note (self);
  update_label (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot));
  request_grid (self);
}

/* Choosing for one axis what the other shows swaps them. */
static void
on_x_selected (BpLandscapeView *self)
{
  guint x = gtk_drop_down_get_selected (self->x_dropdown);

  if (self->filling || x >= BP_N_PARAMS || x == self->x_param)
    return;
  if (x == self->y_param)
    {
      self->y_param = self->x_param;
      self->x_param = x;
      gtk_drop_down_set_selected (self->y_dropdown, self->y_param);
    }
  self->x_param = x;
  pair_changed (self);
}

static void
on_y_selected (BpLandscapeView *self)
{
  guint y = gtk_drop_down_get_selected (self->y_dropdown);

  if (self->filling || y >= BP_N_PARAMS || y == self->y_param)
    return;
  if (y == self->x_param)
    {
      self->x_param = self->y_param;
      self->y_param = y;
      gtk_drop_down_set_selected (self->x_dropdown, self->x_param);
    }
  self->y_param = y;
  pair_changed (self);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
bp_landscape_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BpLandscapeView *self = BP_LANDSCAPE_VIEW (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_landscape_view_dispose (GObject *object)
{
  BpLandscapeView *self = BP_LANDSCAPE_VIEW (object);
  GtkWidget *child;

  /* A job under way holds the view until it ends; it ends soon. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->data, bp_dataset_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_LANDSCAPE_VIEW);
  /* The row of drop-downs and its labels are no template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_landscape_view_parent_class)->dispose (object);
}

static void
bp_landscape_view_finalize (GObject *object)
{
  BpLandscapeView *self = BP_LANDSCAPE_VIEW (object);

  g_clear_pointer (&self->shown, result_free);
  forget_backdrop (self);
  for (guint p = 0; p < BP_N_PARAMS; p++)
    g_free (self->path[p]);
  G_OBJECT_CLASS (bp_landscape_view_parent_class)->finalize (object);
}

/* The drop-downs, the note and the plot, top to bottom.  Not a box
 * layout: a box asked how wide it must be to fit a given height answers
 * for the note on one line, and the view stack asks the pages it does
 * not show just that, at their least height.  Here the width needed is
 * the widest child's, whatever the height; the note wraps. */
static void
bp_landscape_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
          continue;
        }
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      /* The map asks for room as the decision map does, so that a long
       * list of predictions under it does not squeeze it to a strip; it
       * still makes do with its minimum on a small screen. */
      if (child == GTK_WIDGET (BP_LANDSCAPE_VIEW (widget)->plot))
        child_nat = MAX (child_nat, PLOT_NATURAL_HEIGHT);
      *minimum += child_min + (first ? 0 : GAP);
      *natural += child_nat + (first ? 0 : GAP);
      first = FALSE;
    }
}

/* Each child its natural height for the width, the plot the rest. */
static void
bp_landscape_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GtkWidget *plot = GTK_WIDGET (BP_LANDSCAPE_VIEW (widget)->plot);
  int y = 0, above = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_nat;

      if (child == plot || !gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_nat, NULL, NULL);
      above += child_nat + GAP;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat, child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      child_height = child == plot ? MAX (child_min, height - above) : child_nat;
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + GAP;
    }
}

static GtkSizeRequestMode
bp_landscape_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* A grid asked for while the page was hidden is computed now. */
static void
bp_landscape_view_map (GtkWidget *widget)
{
  BpLandscapeView *self = BP_LANDSCAPE_VIEW (widget);

  GTK_WIDGET_CLASS (bp_landscape_view_parent_class)->map (widget);
  if (self->stale && self->cancellable == NULL)
    request_grid (self);
}

static void
bp_landscape_view_class_init (BpLandscapeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_landscape_view_get_property;
  object_class->dispose = bp_landscape_view_dispose;
  object_class->finalize = bp_landscape_view_finalize;
  widget_class->map = bp_landscape_view_map;
  widget_class->measure = bp_landscape_view_measure;
  widget_class->size_allocate = bp_landscape_view_size_allocate;
  widget_class->get_request_mode = bp_landscape_view_get_request_mode;

  /* Whether the fine grid of the current parameters is drawn, with no
   * newer one to compute. */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-landscape-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BpLandscapeView, x_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpLandscapeView, y_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpLandscapeView, x_names);
  gtk_widget_class_bind_template_child (widget_class, BpLandscapeView, y_names);
  gtk_widget_class_bind_template_child (widget_class, BpLandscapeView, note);
  gtk_widget_class_bind_template_child (widget_class, BpLandscapeView, plot);
  gtk_widget_class_bind_template_callback (widget_class, on_x_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_y_selected);
  gtk_widget_class_set_css_name (widget_class, "landscape");
}

static void
bp_landscape_view_init (BpLandscapeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->x_param = BP_PARAM_W5;
  self->y_param = BP_PARAM_W6;
  self->loss = NAN;
  /* The drop-downs select each first name as it comes: the pair is
   * theirs only once both hold the nine. */
  self->filling = TRUE;
  for (guint p = 0; p < BP_N_PARAMS; p++)
    {
      gtk_string_list_append (self->x_names, bp_param_name (p));
      gtk_string_list_append (self->y_names, bp_param_name (p));
    }
  gtk_drop_down_set_selected (self->x_dropdown, self->x_param);
  gtk_drop_down_set_selected (self->y_dropdown, self->y_param);
  self->filling = FALSE;
  /* Low enough to share an 800×600 screen with the run's controls in
   * presenter mode, as the decision map does. */
  gtk_widget_set_size_request (GTK_WIDGET (self->plot), 320, 160);
  gtk_drawing_area_set_draw_func (self->plot, draw_plot, self, NULL);
  /* Thicker lines and larger markers in presenter mode, for a projector. */
  bp_presenter_watch (GTK_WIDGET (self->plot));
  update_note (self);
  update_label (self);
  update_description (self);
}

GtkWidget *
bp_landscape_view_new (void)
{
  return g_object_new (BP_TYPE_LANDSCAPE_VIEW, NULL);
}

/* ---- public --------------------------------------------------------------------- */

static void
update_loss (BpLandscapeView *self)
{
  self->loss = self->data != NULL && self->data->n > 0 ? bp_network_loss (&self->params, self->data) : NAN;
}

void
bp_landscape_view_set_params (BpLandscapeView *self,
                              const BpParams  *params)
{
  g_return_if_fail (BP_IS_LANDSCAPE_VIEW (self));

  if (memcmp (&self->params, params, sizeof *params) == 0 && self->shown != NULL)
    return;
  self->params = *params;
  update_loss (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot));
  request_grid (self);
}

/* The training people, as the run normalises them; past
 * BP_LANDSCAPE_MAX_PEOPLE only that many are kept, spread evenly. */
void
bp_landscape_view_set_people (BpLandscapeView    *self,
                              const BpPeople     *people,
                              const BpNormalizer *norm)
{
  g_autoptr(BpDataset) all = NULL;

  g_return_if_fail (BP_IS_LANDSCAPE_VIEW (self));

  all = bp_people_to_dataset (people, norm);
  self->n_people = all->n;
  g_clear_pointer (&self->data, bp_dataset_free);
  self->data = bp_landscape_subsample (all, BP_LANDSCAPE_MAX_PEOPLE);
  update_loss (self);
  update_note (self);
  update_description (self);
  request_grid (self);
}

/* The path: each parameter's value at the end of each of the history's
 * buckets. */
void
bp_landscape_view_set_history (BpLandscapeView *self,
                               const BpHistory *history)
{
  guint n = G_MAXUINT;

  g_return_if_fail (BP_IS_LANDSCAPE_VIEW (self));

  for (guint p = 0; p < BP_N_PARAMS; p++)
    n = MIN (n, bp_series_get_n (&history->params[p]));
  for (guint p = 0; p < BP_N_PARAMS; p++)
    {
      self->path[p] = g_renew (double, self->path[p], MAX (n, 1));
      for (guint i = 0; i < n; i++)
        self->path[p][i] = bp_series_get (&history->params[p], i, NULL, NULL).last;
    }
  self->n_path = n;
  gtk_widget_queue_draw (GTK_WIDGET (self->plot));
  request_grid (self);
}

void
bp_landscape_view_clear_history (BpLandscapeView *self)
{
  g_return_if_fail (BP_IS_LANDSCAPE_VIEW (self));

  if (self->n_path == 0)
    return;
  self->n_path = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self->plot));
  request_grid (self);
}

void
bp_landscape_view_set_pair (BpLandscapeView *self,
                            BpParam          x_param,
                            BpParam          y_param)
{
  g_return_if_fail (BP_IS_LANDSCAPE_VIEW (self));
  g_return_if_fail (x_param < BP_N_PARAMS && y_param < BP_N_PARAMS && x_param != y_param);

  gtk_drop_down_set_selected (self->x_dropdown, x_param);
  gtk_drop_down_set_selected (self->y_dropdown, y_param);
}

BpParam
bp_landscape_view_get_x_param (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), BP_PARAM_W5);

  return self->x_param;
}

BpParam
bp_landscape_view_get_y_param (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), BP_PARAM_W6);

  return self->y_param;
}

gboolean
bp_landscape_view_get_presenter (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), FALSE);

  return bp_presenter_is_on (GTK_WIDGET (self));
}

gboolean
bp_landscape_view_get_ready (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), FALSE);

  return self->ready;
}

/* How many grids were drawn so far. */
guint
bp_landscape_view_get_n_grids (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), 0);

  return self->n_grids;
}

gboolean
bp_landscape_view_get_grid_size (BpLandscapeView *self,
                                 guint           *columns,
                                 guint           *rows)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), FALSE);

  if (self->shown == NULL)
    return FALSE;
  *columns = self->shown->landscape->grid.columns;
  *rows = self->shown->landscape->grid.rows;
  return TRUE;
}

const char *
bp_landscape_view_get_note (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), NULL);

  return gtk_label_get_text (self->note);
}

GtkWidget *
bp_landscape_view_get_plot (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), NULL);

  return GTK_WIDGET (self->plot);
}

/* The plot's rectangle in the drawing area and the parameters' ranges
 * it shows, as drawn at the drawing area's size; FALSE before a grid. */
gboolean
bp_landscape_view_get_frame (BpLandscapeView *self,
                             BpMapFrame      *frame)
{
  Geometry g;

  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), FALSE);

  if (self->shown == NULL)
    return FALSE;
  compute_geometry (self, gtk_widget_get_width (GTK_WIDGET (self->plot)),
                    gtk_widget_get_height (GTK_WIDGET (self->plot)), &g);
  *frame = g.frame;
  return TRUE;
}

/* Where the current point is drawn in the drawing area; FALSE before a
 * grid. */
gboolean
bp_landscape_view_get_point (BpLandscapeView *self,
                             double          *px,
                             double          *py)
{
  BpMapFrame frame;

  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), FALSE);

  if (!bp_landscape_view_get_frame (self, &frame))
    return FALSE;
  bp_map_frame_to_px (&frame, bp_params_get (&self->params, self->x_param),
                      bp_params_get (&self->params, self->y_param), px, py);
  return TRUE;
}

guint
bp_landscape_view_get_n_path (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), 0);

  return self->n_path;
}

guint
bp_landscape_view_get_n_contours (BpLandscapeView *self)
{
  g_return_val_if_fail (BP_IS_LANDSCAPE_VIEW (self), 0);

  return self->shown != NULL ? self->shown->contours->len : 0;
}
