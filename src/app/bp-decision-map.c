/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-decision-map.c: the network's answer everywhere at once
 *
 * The plane of weights and heights, in the units the people are shown
 * in, coloured by the network's output: purple where it says M, orange
 * where it says F, pale where it cannot tell, with the 0.5 boundary drawn
 * through it and the people on top (circles F, squares M; hollow when
 * held out for testing), so the class sees the boundary settle between
 * them as training runs.
 *
 * The output is sampled once per CELL × CELL pixels into a small image
 * that cairo scales up with bilinear filtering; the samples, and the
 * boundary found on them by marching squares, are only recomputed when
 * the parameters, the people's normalisation, the units or the size
 * change.  A click classifies the point in the prediction panel; between
 * runs a person can be dragged somewhere else.
 *
 * A class may bring a survey of up to 100 000 people.  Past MARKER_LIMIT
 * people in a set, that set is drawn as a density instead of markers:
 * the people are counted into cells of DENSITY_CELL pixels once, when
 * they, the units or the plot's frame change, and the cells are painted
 * into an image that each frame only pastes.  So a frame of training
 * costs the same for 4 people and for 100 000.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-accessible.h"
#include "bp-draw.h"
#include "bp-chart-ticks.h"
#include "bp-decision-map.h"
#include "bp-enums.h"
#include "bp-format.h"
#include "bp-palette.h"

#define CELL 4
#define GAP 6
#define MARKER 7.0        /* a person's marker, radius in pixels */
#define CLICK_SLOP 4.0    /* a drag shorter than this is a click */

/* Up to this many people in a set are drawn one by one, named.  A marker
 * is 14 px wide with its name beside it: at 800×400 a few hundred
 * already overlap into a blot where no name nor dot can be told apart,
 * and each costs a path, a fill and a line of text every frame (about
 * 3 µs: 300 of them, a millisecond of the frame).  Past it, a density. */
#define MARKER_LIMIT 300
#define DENSITY_CELL 8    /* a cell of the density, in pixels */
/* Names beside the markers for up to this many people in a set: a name
 * is some 80 px wide, and past a few dozen they cover each other and the
 * markers, which then say more without them. */
#define NAME_LIMIT 40
/* Past this many people the screen reader's words, which count who is on
 * the right side, are worked out at most once a second rather than for
 * every new set of parameters (every frame of a run). */
#define DESCRIBE_LIMIT MARKER_LIMIT
#define DESCRIBE_DELAY_MS 1000

struct _BpDecisionMap
{
  GtkWidget        parent_instance;

  BpParams         params;
  BpPeople        *train;
  BpPeople        *test;
  BpNormalizer     norm;
  BpUnits          units;
  gboolean         editable;
  gboolean         has_classify;
  double           classify_lb;
  double           classify_in;

  /* the data's range, in the shown units, kept still while dragging */
  double           x_lo, x_hi, y_lo, y_hi;

  /* the sampled outputs, and what they were sampled for */
  cairo_surface_t *heat;
  double          *samples;
  int              columns;
  int              rows;
  GArray          *boundary;      /* of BpMapSegment, in sample coordinates */
  GPtrArray       *boundary_lines;  /* the same joined up, of GArray of BpMapPoint */
  BpMapFrame       heat_frame;
  BpParams         heat_params;
  BpNormalizer     heat_norm;
  guint            n_renders;

  /* the people counted into cells, per set (training, held out), gender
   * and cell, for the frame they were counted in; painted into @density */
  guint           *density_counts;
  int              density_columns;
  int              density_rows;
  gboolean         density_binned;
  guint            n_binnings;
  guint            n_descriptions;
  BpMapFrame       density_frame;
  cairo_surface_t *density;
  guint            describe_id;

  /* a person being dragged, by index among the training people */
  int              drag_index;
  double           drag_x;        /* where they are now, in the shown units */
  double           drag_y;
  double           press_x;
  double           press_y;
};

G_DEFINE_FINAL_TYPE (BpDecisionMap, bp_decision_map, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_UNITS,
  PROP_EDITABLE,
  N_PROPS
};

enum
{
  CLASSIFY,
  PERSON_MOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Drawn over the heat map, whose colours do not follow the theme; set
 * once, in class_init. */
static GdkRGBA ink;
static GdkRGBA paper;

typedef struct
{
  BpMapFrame frame;
  BpTicks    x;
  BpTicks    y;
  int        line_height;
} Geometry;

static void
set_output_color (cairo_t *cr,
                  double   output)
{
  double r, g, b;

  bp_map_output_color (output, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
}

static void update_description (BpDecisionMap *self);

/* ---- units ------------------------------------------------------------------- */

static void
to_shown (BpDecisionMap *self,
          double         weight_lb,
          double         height_in,
          double        *x,
          double        *y)
{
  *x = bp_weight_from_lb (weight_lb, self->units);
  *y = bp_height_from_in (height_in, self->units);
}

static double
output_for (BpDecisionMap *self,
            double         x,
            double         y)
{
  double x0, x1;

  bp_normalizer_apply (&self->norm, bp_weight_to_lb (x, self->units),
                       bp_height_to_in (y, self->units), &x0, &x1);
  return bp_network_feedforward (&self->params, x0, x1);
}

static guint
n_of (const BpPeople *people)
{
  return people != NULL ? bp_people_get_n (people) : 0;
}

/* Everybody's weights or heights, in the shown units. */
static GArray *
collect (BpDecisionMap *self,
         gboolean       heights)
{
  const BpPeople *groups[] = { self->train, self->test };
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < n_of (groups[g]); i++)
      {
        const BpPerson *p = bp_people_get (groups[g], i);
        double xy[2];

        to_shown (self, p->weight_lb, p->height_in, &xy[0], &xy[1]);
        g_array_append_val (values, xy[heights]);
      }
  return values;
}

/* At least 20 lb by 8 in of plane, in whatever units. */
static void
update_range (BpDecisionMap *self)
{
  g_autoptr(GArray) weights = NULL;
  g_autoptr(GArray) heights = NULL;

  if (self->drag_index >= 0)
    return;
  weights = collect (self, FALSE);
  heights = collect (self, TRUE);
  if (weights->len == 0)
    {
      /* Nobody yet: around the seeds' centre, 135 lb and 66 in. */
      double centre[2] = { bp_weight_from_lb (135, self->units), bp_height_from_in (66, self->units) };

      g_array_append_val (weights, centre[0]);
      g_array_append_val (heights, centre[1]);
    }
  bp_map_padded_range ((double *) weights->data, weights->len,
                       bp_weight_from_lb (20, self->units), &self->x_lo, &self->x_hi);
  bp_map_padded_range ((double *) heights->data, heights->len,
                       bp_height_from_in (8, self->units), &self->y_lo, &self->y_hi);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
}

/* ---- geometry ------------------------------------------------------------------ */

static int
text_width (BpDecisionMap *self,
            const char    *text)
{
  return bp_draw_text_width (GTK_WIDGET (self), text);
}

/* The plot inside room for the axes: ticks at nice numbers, and the
 * plane widened to the outer ticks. */
static void
compute_geometry_for_size (BpDecisionMap *self,
                           int            width,
                           int            height,
                           Geometry      *g)
{
  g_autoptr(PangoLayout) probe = bp_draw_tabular_layout (GTK_WIDGET (self), "0");
  BpMapFrame *f = &g->frame;
  int x_label;

  pango_layout_get_pixel_size (probe, NULL, &g->line_height);
  f->top = g->line_height + 2 * GAP;
  f->height = MAX (1, height - f->top - 2 * g->line_height - 3 * GAP);
  bp_ticks_linear (&g->y, self->y_lo, self->y_hi, (guint) (f->height / (2.5 * g->line_height)) + 1);
  bp_ticks_linear (&g->x, self->x_lo, self->x_hi, 2);
  x_label = bp_draw_widest_tick_label (GTK_WIDGET (self), &g->x);
  f->left = bp_draw_widest_tick_label (GTK_WIDGET (self), &g->y) + 2 * GAP;
  f->width = MAX (1, width - f->left - MAX (x_label / 2, GAP) - GAP);
  bp_ticks_linear (&g->x, self->x_lo, self->x_hi, (guint) (f->width / (x_label + 4 * g->line_height)) + 1);
  f->x_lo = g->x.lo;
  f->x_hi = g->x.hi;
  f->y_lo = g->y.lo;
  f->y_hi = g->y.hi;
}

static void
compute_geometry (BpDecisionMap *self,
                  Geometry      *g)
{
  compute_geometry_for_size (self, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), g);
}

/* ---- the heat map ---------------------------------------------------------------- */

/* The frame and parameters are plain doubles, compared bit for bit. */
static gboolean
heat_map_current (BpDecisionMap    *self,
                  const BpMapFrame *f)
{
  return self->heat != NULL &&
         memcmp (f, &self->heat_frame, sizeof *f) == 0 &&
         memcmp (&self->params, &self->heat_params, sizeof self->params) == 0 &&
         bp_normalizer_equal (&self->norm, &self->heat_norm);
}

/* A hidden neuron's sum, split into the part that depends on the
 * column (the weight input) and the part that depends on the row. */
typedef struct
{
  double part;        /* w·x0, or w·x1 + b */
  double exp_minus;   /* e^−part */
} Half;

static void
half_init (Half   *h,
           double  part)
{
  h->part = part;
  h->exp_minus = exp (-part);
}

/* σ(u + v) = 1 / (1 + e^−u · e^−v), or σ itself where the product is
 * 0 × ∞. */
static double
hidden (const Half *column,
        const Half *row)
{
  double product = column->exp_minus * row->exp_minus;

  if (isnan (product))
    return bp_sigmoid (column->part + row->part);
  return 1.0 / (1.0 + product);
}

/* The inputs of each column and row of samples, and the halves of both
 * hidden neurons' sums. */
static void
sample_inputs (BpDecisionMap    *self,
               const BpMapFrame *f,
               Half             *columns,
               Half             *rows)
{
  const BpParams *p = &self->params;
  double x0, x1;

  for (int i = 0; i < self->columns; i++)
    {
      double x = f->x_lo + (i + 0.5) / self->columns * (f->x_hi - f->x_lo);

      bp_normalizer_apply (&self->norm, bp_weight_to_lb (x, self->units), 0, &x0, &x1);
      half_init (&columns[2 * i], p->w1 * x0);
      half_init (&columns[2 * i + 1], p->w3 * x0);
    }
  for (int j = 0; j < self->rows; j++)
    {
      double y = f->y_hi - (j + 0.5) / self->rows * (f->y_hi - f->y_lo);

      bp_normalizer_apply (&self->norm, 0, bp_height_to_in (y, self->units), &x0, &x1);
      half_init (&rows[2 * j], p->w2 * x1 + p->b1);
      half_init (&rows[2 * j + 1], p->w4 * x1 + p->b2);
    }
}

/* Each sample at the centre of its cell.  The hidden neurons' exps are
 * worked out once per column and row (see hidden()), so a sample costs
 * one exp, the output's, rather than three: it is a picture, equal to
 * bp_network_feedforward() to within rounding. */
static void
sample (BpDecisionMap    *self,
        const BpMapFrame *f)
{
  g_autofree Half *columns = g_new (Half, 2 * self->columns);
  g_autofree Half *rows = g_new (Half, 2 * self->rows);
  const BpParams *p = &self->params;

  sample_inputs (self, f, columns, rows);
  for (int j = 0; j < self->rows; j++)
    for (int i = 0; i < self->columns; i++)
      {
        double h1 = hidden (&columns[2 * i], &rows[2 * j]);
        double h2 = hidden (&columns[2 * i + 1], &rows[2 * j + 1]);

        self->samples[j * self->columns + i] = bp_sigmoid (p->w5 * h1 + p->w6 * h2 + p->b3);
      }
}

static void
paint_samples (BpDecisionMap *self)
{
  guchar *data;
  int stride;

  cairo_surface_flush (self->heat);
  data = cairo_image_surface_get_data (self->heat);
  stride = cairo_image_surface_get_stride (self->heat);
  for (int j = 0; j < self->rows; j++)
    {
      guint32 *row = (guint32 *) (data + j * stride);

      for (int i = 0; i < self->columns; i++)
        {
          double r, g, b;

          bp_map_output_color (self->samples[j * self->columns + i], &r, &g, &b);
          row[i] = (guint32) (r * 255 + 0.5) << 16 | (guint32) (g * 255 + 0.5) << 8 |
                   (guint32) (b * 255 + 0.5);
        }
    }
  cairo_surface_mark_dirty (self->heat);
}

static void
render_heat_map (BpDecisionMap    *self,
                 const BpMapFrame *f)
{
  int columns = MAX (2, (int) ceil (f->width / CELL));
  int rows = MAX (2, (int) ceil (f->height / CELL));

  if (self->heat == NULL || columns != self->columns || rows != self->rows)
    {
      g_clear_pointer (&self->heat, cairo_surface_destroy);
      self->heat = cairo_image_surface_create (CAIRO_FORMAT_RGB24, columns, rows);
      self->samples = g_renew (double, self->samples, columns * rows);
      self->columns = columns;
      self->rows = rows;
    }
  sample (self, f);
  paint_samples (self);
  g_array_set_size (self->boundary, 0);
  bp_map_contour (self->samples, columns, rows, 0.5, self->boundary);
  g_clear_pointer (&self->boundary_lines, g_ptr_array_unref);
  self->boundary_lines = bp_map_join_segments (self->boundary);
  self->heat_frame = *f;
  self->heat_params = self->params;
  self->heat_norm = self->norm;
  self->n_renders++;
}

static void
draw_heat_map (BpDecisionMap    *self,
               cairo_t          *cr,
               const BpMapFrame *f)
{
  cairo_pattern_t *pattern;

  if (!heat_map_current (self, f))
    render_heat_map (self, f);
  cairo_save (cr);
  cairo_rectangle (cr, f->left, f->top, f->width, f->height);
  cairo_clip (cr);
  cairo_translate (cr, f->left, f->top);
  cairo_scale (cr, f->width / self->columns, f->height / self->rows);
  cairo_set_source_surface (cr, self->heat, 0, 0);
  pattern = cairo_get_source (cr);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);
  /* Padding, not transparency, beyond the outer samples' centres. */
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* The 0.5 line, dark on a light halo so that it shows on every colour. */
static void
draw_boundary (BpDecisionMap    *self,
               cairo_t          *cr,
               const BpMapFrame *f)
{
  double sx = f->width / self->columns, sy = f->height / self->rows;

  if (self->boundary_lines == NULL || self->boundary_lines->len == 0)
    return;
  cairo_new_path (cr);
  for (guint k = 0; k < self->boundary_lines->len; k++)
    {
      GArray *line = g_ptr_array_index (self->boundary_lines, k);

      for (guint i = 0; i < line->len; i++)
        {
          const BpMapPoint *p = &g_array_index (line, BpMapPoint, i);

          cairo_line_to (cr, f->left + (p->x + 0.5) * sx, f->top + (p->y + 0.5) * sy);
        }
      cairo_new_sub_path (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  bp_draw_set_color (cr, &paper, 0.8);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  bp_draw_set_color (cr, &ink, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

/* ---- the density ------------------------------------------------------------------ */

/* Whether a set (@test: the held out) has too many people for markers. */
static gboolean
is_dense (BpDecisionMap *self,
          gboolean       test)
{
  return n_of (test ? self->test : self->train) > MARKER_LIMIT;
}

static guint *
density_cell (BpDecisionMap *self,
              gboolean       test,
              gboolean       female,
              int            column,
              int            row)
{
  gsize plane = (gsize) self->density_columns * self->density_rows;

  return &self->density_counts[(2 * test + female) * plane +
                               (gsize) row * self->density_columns + column];
}

/* The cell of the density that a pixel of the plot falls in.  The frame
 * covers everybody (update_range()): clamping only keeps a person on the
 * very edge, or a rounding, inside. */
static void
cell_at (BpDecisionMap    *self,
         const BpMapFrame *f,
         double            px,
         double            py,
         int              *column,
         int              *row)
{
  double i = isfinite (px) ? floor ((px - f->left) / DENSITY_CELL) : 0;
  double j = isfinite (py) ? floor ((py - f->top) / DENSITY_CELL) : 0;

  *column = (int) CLAMP (i, 0, self->density_columns - 1);
  *row = (int) CLAMP (j, 0, self->density_rows - 1);
}

/* Counts each dense set's people into the cells of @f, by gender: O(n),
 * once per change of the people, the units or the frame. */
static void
bin_people (BpDecisionMap    *self,
            const BpMapFrame *f)
{
  self->density_columns = MAX (1, (int) ceil (f->width / DENSITY_CELL));
  self->density_rows = MAX (1, (int) ceil (f->height / DENSITY_CELL));
  g_free (self->density_counts);
  self->density_counts = g_new0 (guint, 4 * (gsize) self->density_columns * self->density_rows);
  for (guint test = 0; test < 2; test++)
    {
      const BpPeople *people = test ? self->test : self->train;

      if (!is_dense (self, test))
        continue;
      for (guint i = 0; i < n_of (people); i++)
        {
          const BpPerson *p = bp_people_get (people, i);
          double x, y, px, py;
          int column, row;

          to_shown (self, p->weight_lb, p->height_in, &x, &y);
          bp_map_frame_to_px (f, x, y, &px, &py);
          cell_at (self, f, px, py, &column, &row);
          (*density_cell (self, test, p->gender == BP_GENDER_FEMALE, column, row))++;
        }
    }
}

static void
set_output_color_alpha (cairo_t *cr,
                        double   output,
                        double   alpha)
{
  double r, g, b;

  bp_map_output_color (output, &r, &g, &b);
  cairo_set_source_rgba (cr, r, g, b, alpha);
}

/* A cell of the density: the F share of its width in the F colour, the
 * rest in the M colour, on a pale plate that sets it off from the heat
 * map, and the stronger the more people it holds.  The held out's cells
 * are hollow, as their markers are. */
static void
paint_cell (cairo_t  *cr,
            double    x,
            double    y,
            guint     females,
            guint     males,
            double    strength,
            gboolean  hollow)
{
  double size = DENSITY_CELL - 1;
  double split = size * females / (females + males);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, size, size);
  if (hollow)
    {
      cairo_rectangle (cr, x + 2, y + 2, size - 4, size - 4);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
    }
  cairo_clip (cr);
  bp_draw_set_color (cr, &paper, 0.75);
  cairo_paint (cr);
  cairo_rectangle (cr, x, y, split, size);
  set_output_color_alpha (cr, 1, strength);
  cairo_fill (cr);
  cairo_rectangle (cr, x + split, y, size - split, size);
  set_output_color_alpha (cr, 0, strength);
  cairo_fill (cr);
  /* An edge, so that a cell reads as one on a heat map of its colour. */
  if (!hollow)
    {
      cairo_rectangle (cr, x + 0.5, y + 0.5, size - 1, size - 1);
      bp_draw_set_color (cr, &ink, 0.6 * strength);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* How strongly a cell of @count people is painted, on a log scale up to
 * the fullest cell's @most: a crowd of thousands in one cell does not
 * wash out the cells of a few, which still show. */
static double
strength (guint count,
          guint most)
{
  if (most <= 1)
    return 1;
  return 0.3 + 0.7 * log1p (count) / log1p (most);
}

static void
paint_set (BpDecisionMap *self,
           cairo_t       *cr,
           gboolean       test)
{
  guint most = 0;

  for (int row = 0; row < self->density_rows; row++)
    for (int column = 0; column < self->density_columns; column++)
      most = MAX (most, *density_cell (self, test, TRUE, column, row) +
                        *density_cell (self, test, FALSE, column, row));
  for (int row = 0; row < self->density_rows; row++)
    for (int column = 0; column < self->density_columns; column++)
      {
        guint females = *density_cell (self, test, TRUE, column, row);
        guint males = *density_cell (self, test, FALSE, column, row);

        if (females + males > 0)
          paint_cell (cr, column * DENSITY_CELL, row * DENSITY_CELL, females, males,
                      strength (females + males, most), test);
      }
}

/* Counts and paints the dense sets for @f, unless they already are: a
 * frame of training only pastes the image. */
static void
update_density (BpDecisionMap    *self,
                const BpMapFrame *f)
{
  cairo_t *cr;

  if (self->density_binned && memcmp (f, &self->density_frame, sizeof *f) == 0)
    return;
  bin_people (self, f);
  self->n_binnings++;
  g_clear_pointer (&self->density, cairo_surface_destroy);
  self->density = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                              self->density_columns * DENSITY_CELL,
                                              self->density_rows * DENSITY_CELL);
  cr = cairo_create (self->density);
  paint_set (self, cr, FALSE);
  paint_set (self, cr, TRUE);
  cairo_destroy (cr);
  self->density_frame = *f;
  self->density_binned = TRUE;
}

static void
draw_density (BpDecisionMap    *self,
              cairo_t          *cr,
              const BpMapFrame *f)
{
  if (!is_dense (self, FALSE) && !is_dense (self, TRUE))
    return;
  update_density (self, f);
  cairo_save (cr);
  cairo_rectangle (cr, f->left, f->top, f->width, f->height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, self->density, f->left, f->top);
  /* Crisp cells on a screen of two pixels a point too. */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* ---- axes, people, legend ---------------------------------------------------------- */

/* Dark text on a pale plate, readable on any colour of the map.  (An
 * outline of the glyphs reads as well but costs a millisecond a frame:
 * cairo strokes every curve of every letter.) */
static void
draw_haloed_text (BpDecisionMap *self,
                  cairo_t       *cr,
                  const char    *text,
                  double         x,
                  double         y)
{
  g_autoptr(PangoLayout) layout = bp_draw_tabular_layout (GTK_WIDGET (self), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_rectangle (cr, round (x) - 2, round (y), width + 4, height);
  bp_draw_set_color (cr, &paper, 0.7);
  cairo_fill (cr);
  bp_draw_set_color (cr, &ink, 1);
  cairo_move_to (cr, round (x), round (y));
  pango_cairo_show_layout (cr, layout);
}

static char *
y_title (BpDecisionMap *self)
{
  return g_strdup_printf (_("Height (%s)"), bp_format_height_unit (self->units));
}

static void
draw_axes (BpDecisionMap  *self,
           cairo_t        *cr,
           const Geometry *g,
           const GdkRGBA  *fg)
{
  const BpMapFrame *f = &g->frame;
  double bottom = f->top + f->height;
  g_autofree char *x_title = g_strdup_printf (_("Weight (%s)"), bp_format_weight_unit (self->units));
  g_autofree char *height_title = y_title (self);

  bp_draw_set_color (cr, fg, 0.8);
  for (guint i = 0; i < g->y.n; i++)
    {
      g_autofree char *label = bp_ticks_format (&g->y, g->y.values[i]);
      double px, py;

      bp_map_frame_to_px (f, f->x_lo, g->y.values[i], &px, &py);
      bp_draw_text (GTK_WIDGET (self), cr, label, f->left - GAP, py - g->line_height / 2.0, 1);
    }
  for (guint i = 0; i < g->x.n; i++)
    {
      g_autofree char *label = bp_ticks_format (&g->x, g->x.values[i]);
      double px, py;

      bp_map_frame_to_px (f, g->x.values[i], f->y_lo, &px, &py);
      bp_draw_text (GTK_WIDGET (self), cr, label, px, bottom + GAP, 0.5);
    }
  bp_draw_text (GTK_WIDGET (self), cr,
                x_title, f->left + f->width / 2, bottom + 2 * GAP + g->line_height, 0.5);
  bp_draw_text (GTK_WIDGET (self), cr, height_title, 0, 0, 0);
  cairo_rectangle (cr, f->left - 0.5, f->top - 0.5, f->width + 1, f->height + 1);
  bp_draw_set_color (cr, fg, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* A circle for F and a square for M, so that shape says it as well as
 * colour; filled for the people trained on, hollow for the held out. */
static void
marker_path (cairo_t  *cr,
             BpGender  gender,
             double    x,
             double    y,
             double    r)
{
  cairo_new_path (cr);
  if (gender == BP_GENDER_FEMALE)
    cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
}

static void
draw_marker (cairo_t  *cr,
             BpGender  gender,
             gboolean  hollow,
             double    x,
             double    y)
{
  double target = gender == BP_GENDER_FEMALE ? 1 : 0;

  marker_path (cr, gender, x, y, MARKER);
  bp_draw_set_color (cr, &paper, 1);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  if (!hollow)
    {
      set_output_color (cr, target);
      cairo_fill_preserve (cr);
      bp_draw_set_color (cr, &ink, 1);
      cairo_set_line_width (cr, 1.5);
    }
  else
    {
      set_output_color (cr, target);
      cairo_set_line_width (cr, 3);
    }
  cairo_stroke (cr);
}

static void
person_point (BpDecisionMap  *self,
              gboolean        test,
              guint           index,
              double         *x,
              double         *y)
{
  const BpPerson *p = bp_people_get (test ? self->test : self->train, index);

  if (!test && (int) index == self->drag_index)
    {
      *x = self->drag_x;
      *y = self->drag_y;
      return;
    }
  to_shown (self, p->weight_lb, p->height_in, x, y);
}

static void
draw_people (BpDecisionMap  *self,
             cairo_t        *cr,
             const Geometry *g,
             gboolean        test)
{
  const BpPeople *people = test ? self->test : self->train;

  gboolean named = n_of (people) <= NAME_LIMIT;

  if (is_dense (self, test))
    return;
  for (guint i = 0; i < n_of (people); i++)
    {
      const BpPerson *p = bp_people_get (people, i);
      double x, y, px, py;

      person_point (self, test, i, &x, &y);
      bp_map_frame_to_px (&g->frame, x, y, &px, &py);
      draw_marker (cr, p->gender, test, px, py);
      if (named)
        draw_haloed_text (self, cr, p->name, px + MARKER + 4, py - g->line_height / 2.0);
    }
}

/* The classify box's point: a cross in a ring, labelled with the verdict. */
static void
draw_classify (BpDecisionMap  *self,
               cairo_t        *cr,
               const Geometry *g)
{
  g_autofree char *verdict = NULL;
  double x, y, px, py;

  if (!self->has_classify)
    return;
  to_shown (self, self->classify_lb, self->classify_in, &x, &y);
  bp_map_frame_to_px (&g->frame, x, y, &px, &py);
  if (!bp_map_frame_contains (&g->frame, px, py))
    return;
  cairo_new_path (cr);
  for (guint pass = 0; pass < 2; pass++)
    {
      bp_draw_set_color (cr, pass == 0 ? &paper : &ink, 1);
      cairo_set_line_width (cr, pass == 0 ? 5 : 2);
      cairo_arc (cr, px, py, MARKER + 2, 0, 2 * G_PI);
      cairo_move_to (cr, px - MARKER - 6, py);
      cairo_line_to (cr, px + MARKER + 6, py);
      cairo_move_to (cr, px, py - MARKER - 6);
      cairo_line_to (cr, px, py + MARKER + 6);
      cairo_stroke (cr);
    }
  verdict = bp_format_verdict (output_for (self, x, y));
  draw_haloed_text (self, cr, verdict, px + MARKER + 6, py + 2);
}

/* The legend's symbols: the people's markers and the boundary's line. */
typedef enum
{
  KEY_F,
  KEY_M,
  KEY_HELD_OUT,
  KEY_BOUNDARY,
} LegendKey;

static double
key_width (LegendKey key)
{
  return key == KEY_BOUNDARY ? 24 : 2 * MARKER;
}

/* A dense set's key is a cell of its density: all F, all M, or for the
 * held out a hollow one of both. */
static void
draw_key (BpDecisionMap *self,
          cairo_t       *cr,
          LegendKey      key,
          double         x,
          double         y)
{
  gboolean held_out = key == KEY_HELD_OUT;
  double corner = (DENSITY_CELL - 1) / 2.0;

  if (key != KEY_BOUNDARY && is_dense (self, held_out))
    {
      paint_cell (cr, x - corner, y - corner, key != KEY_M, key != KEY_F, 1, held_out);
      return;
    }
  if (key != KEY_BOUNDARY)
    {
      draw_marker (cr, key == KEY_M ? BP_GENDER_MALE : BP_GENDER_FEMALE, held_out, x, y);
      return;
    }
  bp_draw_set_color (cr, &ink, 1);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x - 12, y);
  cairo_line_to (cr, x + 12, y);
  cairo_stroke (cr);
}

static double
legend_width (BpDecisionMap     *self,
              const LegendKey   *keys,
              const char *const *names,
              guint              n)
{
  double width = 0;

  for (guint i = 0; i < n; i++)
    width += (i > 0 ? 3 * GAP : 0) + key_width (keys[i]) + GAP + text_width (self, names[i]);
  return width;
}

/* In the top margin, right-aligned: what the shapes and colours mean.
 * "held out" only when somebody is, and the boundary's words shortened
 * where the whole legend would run into the axis title. */
static void
draw_legend (BpDecisionMap  *self,
             cairo_t        *cr,
             const Geometry *g,
             const GdkRGBA  *fg)
{
  g_autofree char *title = y_title (self);
  LegendKey keys[4] = { KEY_F, KEY_M };
  const char *names[4] = { _("F"), _("M") };
  double right = g->frame.left + g->frame.width;
  double y = GAP / 2.0 + g->line_height / 2.0;
  guint n = 2;
  double x;

  if (n_of (self->test) > 0)
    {
      keys[n] = KEY_HELD_OUT;
      names[n++] = _("held out");
    }
  keys[n] = KEY_BOUNDARY;
  names[n++] = _("boundary, output 0.5");
  if (legend_width (self, keys, names, n) > right - text_width (self, title) - 3 * GAP)
    names[n - 1] = "0.5";
  x = right - legend_width (self, keys, names, n);
  for (guint i = 0; i < n; i++)
    {
      draw_key (self, cr, keys[i], x + key_width (keys[i]) / 2, y);
      x += key_width (keys[i]) + GAP;
      bp_draw_set_color (cr, fg, 0.85);
      bp_draw_text (GTK_WIDGET (self), cr, names[i], x, GAP / 2.0, 0);
      x += text_width (self, names[i]) + 3 * GAP;
    }
}

/* What a density stands for, in the plot's corner: how many people, and
 * how to read the cells unless @brief (where the plot is too narrow). */
static char *
density_note (BpDecisionMap *self,
              gboolean       brief)
{
  guint n_train = n_of (self->train), n_test = n_of (self->test);
  g_autofree char *train = bp_format_count (n_train);
  g_autofree char *test = bp_format_count (n_test);

  if (is_dense (self, FALSE) && is_dense (self, TRUE))
    /* Translators: on the decision map when there are too many people for
     * a marker each: “A density of 10 000 people and 2 000 held out: …” */
    return g_strdup_printf (brief ? g_dngettext (GETTEXT_PACKAGE,
                                                 "A density of %s person and %s held out",
                                                 "A density of %s people and %s held out", n_train)
                                  : g_dngettext (GETTEXT_PACKAGE,
                                                 "A density of %s person and %s held out: the more "
                                                 "in a cell, the stronger its colours",
                                                 "A density of %s people and %s held out: the more "
                                                 "in a cell, the stronger its colours", n_train),
                            train, test);
  if (is_dense (self, FALSE))
    return g_strdup_printf (brief ? g_dngettext (GETTEXT_PACKAGE,
                                                 "A density of %s person",
                                                 "A density of %s people", n_train)
                                  : g_dngettext (GETTEXT_PACKAGE,
                                                 "A density of %s person: the more in a cell, the "
                                                 "stronger its colours",
                                                 "A density of %s people: the more in a cell, the "
                                                 "stronger its colours", n_train),
                            train);
  if (is_dense (self, TRUE))
    return g_strdup_printf (brief ? g_dngettext (GETTEXT_PACKAGE,
                                                 "A density of %s held-out person",
                                                 "A density of %s held-out people", n_test)
                                  : g_dngettext (GETTEXT_PACKAGE,
                                                 "A density of %s held-out person: the more in a "
                                                 "cell, the stronger its colours",
                                                 "A density of %s held-out people: the more in a "
                                                 "cell, the stronger its colours", n_test),
                            test);
  return NULL;
}

static void
draw_density_note (BpDecisionMap  *self,
                   cairo_t        *cr,
                   const Geometry *g)
{
  g_autofree char *note = density_note (self, FALSE);

  if (note == NULL)
    return;
  if (text_width (self, note) > g->frame.width - 3 * GAP)
    {
      g_free (note);
      note = density_note (self, TRUE);
    }
  draw_haloed_text (self, cr, note, g->frame.left + GAP, g->frame.top + GAP / 2.0);
}

/* What the screen and an exported image share. */
static void
draw_map (BpDecisionMap  *self,
          cairo_t        *cr,
          const Geometry *g,
          const GdkRGBA  *fg)
{
  draw_heat_map (self, cr, &g->frame);
  draw_density (self, cr, &g->frame);
  draw_boundary (self, cr, &g->frame);
  draw_axes (self, cr, g, fg);
  cairo_save (cr);
  cairo_rectangle (cr, g->frame.left, g->frame.top, g->frame.width, g->frame.height);
  cairo_clip (cr);
  draw_people (self, cr, g, TRUE);
  draw_people (self, cr, g, FALSE);
  draw_classify (self, cr, g);
  draw_density_note (self, cr, g);
  cairo_restore (cr);
  draw_legend (self, cr, g, fg);
}

static void
bp_decision_map_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  BpDecisionMap *self = BP_DECISION_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  Geometry g;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  compute_geometry (self, &g);
  draw_map (self, cr, &g, &fg);
  cairo_destroy (cr);
}

/* The map as it stands at @width × @height on any cairo context, on the
 * theme's background and with a margin: for PNG, SVG and PDF exports. */
void
bp_decision_map_draw (BpDecisionMap *self,
                      cairo_t       *cr,
                      int            width,
                      int            height)
{
  GtkStyleContext *context;
  GdkRGBA fg, bg;
  Geometry g;

  g_return_if_fail (BP_IS_DECISION_MAP (self));
  g_return_if_fail (width > 4 * GAP && height > 4 * GAP);

  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &fg);
  /* The light background whatever the style: the map's colours do not
   * follow it. */
  if (!gtk_style_context_lookup_color (context, "theme_base_color", &bg))
    bp_palette_get_rgba (BP_COLOR_BACKGROUND, FALSE, &bg);
  bp_draw_begin_export (cr, &bg, 2 * GAP);
  compute_geometry_for_size (self, width - 4 * GAP, height - 4 * GAP, &g);
  draw_map (self, cr, &g, &fg);
  cairo_restore (cr);
}

static void
bp_decision_map_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  /* Low enough to share an 800×600 projector with the predictions in
   * presenter mode. */
  *minimum = horizontal ? 320 : 196;
  *natural = horizontal ? 640 : 400;
}

/* ---- pointer -------------------------------------------------------------------- */

/* The shown-units point under a pixel, rounded to whole units: a class
 * reads 128 lb, not 127.83. */
static void
point_at (BpDecisionMap *self,
          double         px,
          double         py,
          double        *x,
          double        *y)
{
  BpMapFrame f;

  bp_decision_map_get_frame (self, &f);
  px = CLAMP (px, f.left, f.left + f.width);
  py = CLAMP (py, f.top, f.top + f.height);
  bp_map_frame_from_px (&f, px, py, x, y);
  *x = round (*x);
  *y = round (*y);
}

/* The training person under a pixel, or -1: O(n), for at most
 * MARKER_LIMIT markers. */
static int
person_at (BpDecisionMap *self,
           double         px,
           double         py)
{
  guint n = n_of (self->train);
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  BpMapFrame f;

  /* A density has no markers to take hold of. */
  if (is_dense (self, FALSE))
    return -1;
  xs = g_new (double, MAX (n, 1));
  ys = g_new (double, MAX (n, 1));
  bp_decision_map_get_frame (self, &f);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      person_point (self, FALSE, i, &x, &y);
      bp_map_frame_to_px (&f, x, y, &xs[i], &ys[i]);
    }
  return bp_map_hit_test (xs, ys, n, px, py, MARKER + 3);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               BpDecisionMap  *self)
{
  /* The map takes the focus from a field it was clicked away from, so
   * that Ctrl+Z then undoes the drag, not the field's typing. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->press_x = x;
  self->press_y = y;
  self->drag_index = self->editable ? person_at (self, x, y) : -1;
  if (self->drag_index >= 0)
    {
      person_point (self, FALSE, self->drag_index, &self->drag_x, &self->drag_y);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                BpDecisionMap  *self)
{
  if (self->drag_index < 0)
    return;
  point_at (self, self->press_x + dx, self->press_y + dy, &self->drag_x, &self->drag_y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A person dragged and let go moves there; anything short of a drag is
 * a click, which classifies the point. */
static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             BpDecisionMap  *self)
{
  int index = self->drag_index;
  gboolean moved = hypot (dx, dy) >= CLICK_SLOP;
  double x, y;

  self->drag_index = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  if (index >= 0 && moved)
    {
      point_at (self, self->press_x + dx, self->press_y + dy, &x, &y);
      g_signal_emit (self, signals[PERSON_MOVED], 0, (guint) index,
                     bp_weight_to_lb (x, self->units), bp_height_to_in (y, self->units));
    }
  else if (!moved)
    {
      point_at (self, self->press_x, self->press_y, &x, &y);
      g_signal_emit (self, signals[CLASSIFY], 0, x, y);
    }
  update_range (self);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           BpDecisionMap            *self)
{
  const char *cursor = "crosshair";

  if (self->drag_index >= 0)
    cursor = "grabbing";
  else if (self->editable && person_at (self, x, y) >= 0)
    cursor = "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
bp_decision_map_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BpDecisionMap *self = BP_DECISION_MAP (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      g_value_set_enum (value, self->units);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_decision_map_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BpDecisionMap *self = BP_DECISION_MAP (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      bp_decision_map_set_units (self, g_value_get_enum (value));
      break;
    case PROP_EDITABLE:
      bp_decision_map_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The description's timeout must not fire on a map that is gone from its
 * window while something still holds it. */
static void
bp_decision_map_dispose (GObject *object)
{
  BpDecisionMap *self = BP_DECISION_MAP (object);

  g_clear_handle_id (&self->describe_id, g_source_remove);
  G_OBJECT_CLASS (bp_decision_map_parent_class)->dispose (object);
}

static void
bp_decision_map_finalize (GObject *object)
{
  BpDecisionMap *self = BP_DECISION_MAP (object);

  g_clear_pointer (&self->train, bp_people_unref);
  g_clear_pointer (&self->test, bp_people_unref);
  g_clear_pointer (&self->heat, cairo_surface_destroy);
  g_clear_pointer (&self->density, cairo_surface_destroy);
  g_clear_pointer (&self->density_counts, g_free);
  g_clear_pointer (&self->samples, g_free);
  g_clear_pointer (&self->boundary, g_array_unref);
  g_clear_pointer (&self->boundary_lines, g_ptr_array_unref);
  G_OBJECT_CLASS (bp_decision_map_parent_class)->finalize (object);
}

static void
bp_decision_map_class_init (BpDecisionMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_decision_map_get_property;
  object_class->set_property = bp_decision_map_set_property;
  object_class->dispose = bp_decision_map_dispose;
  object_class->finalize = bp_decision_map_finalize;
  widget_class->snapshot = bp_decision_map_snapshot;
  widget_class->measure = bp_decision_map_measure;

  bp_palette_map_rgba (BP_MAP_COLOR_INK, &ink);
  bp_palette_map_rgba (BP_MAP_COLOR_PAPER, &paper);

  properties[PROP_UNITS] =
    g_param_spec_enum ("units", NULL, NULL, BP_TYPE_UNITS, BP_UNITS_LB_IN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether people can be dragged: only between runs. */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A click on the plane: the weight and height there, in the shown
   * units, rounded to whole units. */
  signals[CLASSIFY] =
    g_signal_new ("classify", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /* A training person dropped elsewhere: their index, and the new weight
   * (lb) and height (in). */
  signals[PERSON_MOVED] =
    g_signal_new ("person-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "decisionmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bp_decision_map_init (BpDecisionMap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->units = BP_UNITS_LB_IN;
  self->drag_index = -1;
  /* Focusable, so that a screen reader's user reaches its words, and a
   * click takes the focus from a field (see on_drag_begin()). */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->boundary = g_array_new (FALSE, FALSE, sizeof (BpMapSegment));
  bp_normalizer_init (&self->norm, BP_NORMALIZE_SEED, NULL);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  update_range (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The network's answer for every weight and height, and the people"),
                                  -1);
}

/* ---- public --------------------------------------------------------------------- */

GtkWidget *
bp_decision_map_new (void)
{
  return g_object_new (BP_TYPE_DECISION_MAP, NULL);
}

/* How many of @people the network puts on their own side of the line. */
static guint
count_right (BpDecisionMap  *self,
             const BpPeople *people)
{
  guint right = 0;

  for (guint i = 0; i < n_of (people); i++)
    {
      const BpPerson *p = bp_people_get (people, i);
      double x0, x1;

      bp_normalizer_apply (&self->norm, p->weight_lb, p->height_in, &x0, &x1);
      right += (bp_network_feedforward (&self->params, x0, x1) >= 0.5) ==
               (p->gender == BP_GENDER_FEMALE);
    }
  return right;
}

/* The output at @along on a line across the map: at weight @along and
 * height @at when @across_weights, else the other way round. */
static double
output_on_line (BpDecisionMap *self,
                gboolean       across_weights,
                double         at,
                double         along)
{
  return across_weights ? output_for (self, along, at) : output_for (self, at, along);
}

/* Where the output crosses 0.5 on the line at @at (a height when
 * @across_weights, else a weight) within the map, in the shown units,
 * or NaN where it does not. */
static double
crossing (BpDecisionMap *self,
          gboolean       across_weights,
          double         at)
{
  const int steps = 64;
  double start = across_weights ? self->x_lo : self->y_lo;
  double end = across_weights ? self->x_hi : self->y_hi;
  double lo = start;
  gboolean lo_side = output_on_line (self, across_weights, at, lo) >= 0.5;

  for (int i = 1; i <= steps; i++)
    {
      double hi = start + (end - start) * i / steps;

      if ((output_on_line (self, across_weights, at, hi) >= 0.5) != lo_side)
        {
          /* Halve the step down to far below what is said. */
          for (int k = 0; k < 30; k++)
            {
              double mid = (lo + hi) / 2;

              if ((output_on_line (self, across_weights, at, mid) >= 0.5) == lo_side)
                lo = mid;
              else
                hi = mid;
            }
          return (lo + hi) / 2;
        }
      lo = hi;
    }
  return NAN;
}

/* Where the boundary lies, in the people's units, at the map's lowest,
 * middle and highest weights (or heights, where the boundary runs more
 * up than across), and which side says F. */
static void
append_boundary (BpDecisionMap *self,
                 GString       *text)
{
  gboolean across_weights = FALSE;
  guint crossings[2] = { 0, 0 };

  for (int dir = 0; dir < 2; dir++)
    for (int i = 0; i < 3; i++)
      {
        double at = dir ? self->y_lo + (self->y_hi - self->y_lo) * i / 2
                        : self->x_lo + (self->x_hi - self->x_lo) * i / 2;

        crossings[dir] += !isnan (crossing (self, dir, at));
      }
  across_weights = crossings[1] > crossings[0];

  for (int i = 0; i < 3; i++)
    {
      double lo = across_weights ? self->y_lo : self->x_lo;
      double hi = across_weights ? self->y_hi : self->x_hi;
      double at = lo + (hi - lo) * i / 2;
      double where = crossing (self, across_weights, at);
      const char *at_unit = bp_format_weight_unit (self->units);
      const char *where_unit = bp_format_height_unit (self->units);
      g_autofree char *at_text = bp_format_measure (round (at));

      if (across_weights)
        {
          at_unit = bp_format_height_unit (self->units);
          where_unit = bp_format_weight_unit (self->units);
        }
      g_string_append (text, "; ");
      if (isnan (where))
        {
          gboolean female = output_on_line (self, across_weights, at, across_weights ? self->x_lo : self->y_lo) >= 0.5;

          /* Translators: where the decision map's boundary lies, for
           * screen readers: “at 120 lb the network says F everywhere” */
          g_string_append_printf (text, _("at %s %s the network says %s everywhere"),
                                  at_text, at_unit, female ? _("F") : _("M"));
        }
      else
        {
          g_autofree char *where_text = bp_format_measure (round (where * 10) / 10);
          double along_lo = across_weights ? self->x_lo : self->y_lo;
          double along_hi = across_weights ? self->x_hi : self->y_hi;
          double past = MIN (where + (along_hi - along_lo) / 100, along_hi);
          gboolean female_past = output_on_line (self, across_weights, at, past) >= 0.5;

          /* Translators: where the decision map's boundary lies, for
           * screen readers: “at 120 lb the boundary is at 64.5 in, F above
           * it”, or “at 66 in the boundary is at 134 lb, F if heavier” */
          g_string_append_printf (text, across_weights
                                        ? _("at %s %s the boundary is at %s %s, %s if heavier")
                                        : _("at %s %s the boundary is at %s %s, %s above it"),
                                  at_text, at_unit, where_text, where_unit,
                                  female_past ? _("F") : _("M"));
        }
    }
}

/* What a screen reader says of the map: the picture's point, in words:
 * how many people sit on their side and where the boundary lies.
 * bp_accessible_describe() sends it only when the words change, at most
 * once a second: every update goes out on the accessibility bus, and a
 * run changes the parameters every frame. */
static void
update_description (BpDecisionMap *self)
{
  guint n = n_of (self->train) + n_of (self->test);
  guint right = count_right (self, self->train) + count_right (self, self->test);
  g_autoptr (GString) text = g_string_new (NULL);

  self->n_descriptions++;
  /* Translators: the decision map's description for screen readers */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u of %u person is on the side of the boundary "
                                             "that matches their gender",
                                             "%u of %u people are on the side of the boundary "
                                             "that matches their gender", n),
                          right, n);
  append_boundary (self, text);
  bp_accessible_describe (GTK_WIDGET (self), text->str);
}

static gboolean
on_describe_due (gpointer data)
{
  BpDecisionMap *self = data;

  self->describe_id = 0;
  update_description (self);
  return G_SOURCE_REMOVE;
}

/* The words count who is on the right side: O(n).  A few hundred people
 * are counted at once; more, at most once a second, the last parameters
 * always (bp_accessible_describe() sends no more often anyway). */
static void
update_description_soon (BpDecisionMap *self)
{
  if (n_of (self->train) + n_of (self->test) <= DESCRIBE_LIMIT)
    update_description (self);
  else if (self->describe_id == 0)
    self->describe_id = g_timeout_add (DESCRIBE_DELAY_MS, on_describe_due, self);
}

void
bp_decision_map_set_params (BpDecisionMap  *self,
                            const BpParams *params)
{
  g_return_if_fail (BP_IS_DECISION_MAP (self));

  if (memcmp (params, &self->params, sizeof *params) == 0)
    return;
  self->params = *params;
  update_description_soon (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Said only where the map behaves otherwise than its markers show. */
static void
update_tooltip (BpDecisionMap *self)
{
  gboolean dense = is_dense (self, FALSE) || is_dense (self, TRUE);

  if (dense == (gtk_widget_get_tooltip_text (GTK_WIDGET (self)) != NULL))
    return;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               dense ? _("Too many people to draw one by one: each cell shows how many "
                                         "are there, F and M. Edit them in the People list; a click "
                                         "classifies the point.")
                                     : NULL);
}

/* The people to draw (@test may be NULL) and how they become inputs,
 * which the whole map depends on; the people are shared (see
 * bp_people_ref()), the normalisation copied. */
void
bp_decision_map_set_people (BpDecisionMap      *self,
                            const BpPeople     *train,
                            const BpPeople     *test,
                            const BpNormalizer *norm)
{
  g_return_if_fail (BP_IS_DECISION_MAP (self));

  g_clear_pointer (&self->train, bp_people_unref);
  g_clear_pointer (&self->test, bp_people_unref);
  self->train = bp_people_ref (train);
  self->test = test != NULL ? bp_people_ref (test) : NULL;
  self->norm = *norm;
  self->density_binned = FALSE;
  update_tooltip (self);
  update_description_soon (self);
  update_range (self);
}

/* The classify box's person, in lb and in, or none while it is wrong. */
void
bp_decision_map_set_classify (BpDecisionMap *self,
                              gboolean       valid,
                              double         weight_lb,
                              double         height_in)
{
  g_return_if_fail (BP_IS_DECISION_MAP (self));

  self->has_classify = valid;
  self->classify_lb = weight_lb;
  self->classify_in = height_in;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BpUnits
bp_decision_map_get_units (BpDecisionMap *self)
{
  g_return_val_if_fail (BP_IS_DECISION_MAP (self), BP_UNITS_LB_IN);

  return self->units;
}

void
bp_decision_map_set_units (BpDecisionMap *self,
                           BpUnits        units)
{
  g_return_if_fail (BP_IS_DECISION_MAP (self));

  if (units == self->units)
    return;
  self->units = units;
  g_clear_pointer (&self->heat, cairo_surface_destroy);
  self->density_binned = FALSE;
  update_range (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

gboolean
bp_decision_map_get_editable (BpDecisionMap *self)
{
  g_return_val_if_fail (BP_IS_DECISION_MAP (self), FALSE);

  return self->editable;
}

/* A run that starts drops a person being dragged where they were. */
void
bp_decision_map_set_editable (BpDecisionMap *self,
                              gboolean       editable)
{
  g_return_if_fail (BP_IS_DECISION_MAP (self));

  editable = !!editable;
  if (editable == self->editable)
    return;
  self->editable = editable;
  if (!editable && self->drag_index >= 0)
    {
      self->drag_index = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* The plot's rectangle and the plane it shows, for the current size. */
void
bp_decision_map_get_frame (BpDecisionMap *self,
                           BpMapFrame    *frame)
{
  Geometry g;

  g_return_if_fail (BP_IS_DECISION_MAP (self));

  compute_geometry (self, &g);
  *frame = g.frame;
}

/* Where a person's marker is drawn, in pixels. */
gboolean
bp_decision_map_person_position (BpDecisionMap *self,
                                 gboolean       test,
                                 guint          index,
                                 double        *x,
                                 double        *y)
{
  BpMapFrame f;
  double wx, hy;

  g_return_val_if_fail (BP_IS_DECISION_MAP (self), FALSE);

  if (index >= n_of (test ? self->test : self->train))
    return FALSE;
  bp_decision_map_get_frame (self, &f);
  person_point (self, test, index, &wx, &hy);
  bp_map_frame_to_px (&f, wx, hy, x, y);
  return TRUE;
}

/* The network's output at a pixel of the plot. */
double
bp_decision_map_output_at (BpDecisionMap *self,
                           double         x,
                           double         y)
{
  BpMapFrame f;
  double wx, hy;

  g_return_val_if_fail (BP_IS_DECISION_MAP (self), NAN);

  bp_decision_map_get_frame (self, &f);
  bp_map_frame_from_px (&f, x, y, &wx, &hy);
  return output_for (self, wx, hy);
}

/* How many times the outputs were sampled: once per change, not per
 * frame. */
guint
bp_decision_map_get_n_renders (BpDecisionMap *self)
{
  g_return_val_if_fail (BP_IS_DECISION_MAP (self), 0);

  return self->n_renders;
}

/* A sample of the heat map as last drawn: where its cell's centre is, in
 * pixels, and the output there; FALSE when there is no such sample. */
gboolean
bp_decision_map_get_sample (BpDecisionMap *self,
                            guint          column,
                            guint          row,
                            double        *x,
                            double        *y,
                            double        *output)
{
  const BpMapFrame *f = &self->heat_frame;

  g_return_val_if_fail (BP_IS_DECISION_MAP (self), FALSE);

  if (self->heat == NULL || column >= (guint) self->columns || row >= (guint) self->rows)
    return FALSE;
  *x = f->left + (column + 0.5) * f->width / self->columns;
  *y = f->top + (row + 0.5) * f->height / self->rows;
  *output = self->samples[row * self->columns + column];
  return TRUE;
}

guint
bp_decision_map_get_n_boundary_segments (BpDecisionMap *self)
{
  g_return_val_if_fail (BP_IS_DECISION_MAP (self), 0);

  return self->boundary->len;
}

/* As the pointer would: press at (@x, @y), move to (@to_x, @to_y), let
 * go.  Where they are the same it is a click. */
void
bp_decision_map_drag (BpDecisionMap *self,
                      double         x,
                      double         y,
                      double         to_x,
                      double         to_y)
{
  g_return_if_fail (BP_IS_DECISION_MAP (self));

  on_drag_begin (NULL, x, y, self);
  on_drag_update (NULL, to_x - x, to_y - y, self);
  on_drag_end (NULL, to_x - x, to_y - y, self);
}

/* Whether a set (@test: the held out) is drawn as a density. */
gboolean
bp_decision_map_get_dense (BpDecisionMap *self,
                           gboolean       test)
{
  g_return_val_if_fail (BP_IS_DECISION_MAP (self), FALSE);

  return is_dense (self, test);
}

/* How many people of a set the density's cells hold, counted for the
 * current size: all of them in density mode, 0 with markers. */
guint
bp_decision_map_get_density_count (BpDecisionMap *self,
                                   gboolean       test)
{
  Geometry g;
  guint total = 0;

  g_return_val_if_fail (BP_IS_DECISION_MAP (self), 0);

  if (!is_dense (self, FALSE) && !is_dense (self, TRUE))
    return 0;
  compute_geometry (self, &g);
  update_density (self, &g.frame);
  for (int row = 0; row < self->density_rows; row++)
    for (int column = 0; column < self->density_columns; column++)
      total += *density_cell (self, test, TRUE, column, row) +
               *density_cell (self, test, FALSE, column, row);
  return total;
}

/* How many times the people were counted into cells: once per change of
 * the people, units or size, not per frame. */
guint
bp_decision_map_get_n_binnings (BpDecisionMap *self)
{
  g_return_val_if_fail (BP_IS_DECISION_MAP (self), 0);

  return self->n_binnings;
}

/* How many times the screen reader's words were worked out, each over
 * all the people: with more than a few hundred, at most once a second
 * however often the parameters change. */
guint
bp_decision_map_get_n_descriptions (BpDecisionMap *self)
{
  g_return_val_if_fail (BP_IS_DECISION_MAP (self), 0);

  return self->n_descriptions;
}
