/* bp-map-geometry.c: the arithmetic of the decision map */
#include "bp-map-geometry.h"

#include <math.h>

void
bp_map_frame_to_px (const BpMapFrame *f,
                    double            x,
                    double            y,
                    double           *px,
                    double           *py)
{
  *px = f->left + (x - f->x_lo) / (f->x_hi - f->x_lo) * f->width;
  *py = f->top + (f->y_hi - y) / (f->y_hi - f->y_lo) * f->height;
}

void
bp_map_frame_from_px (const BpMapFrame *f,
                      double            px,
                      double            py,
                      double           *x,
                      double           *y)
{
  *x = f->x_lo + (px - f->left) / f->width * (f->x_hi - f->x_lo);
  *y = f->y_hi - (py - f->top) / f->height * (f->y_hi - f->y_lo);
}

gboolean
bp_map_frame_contains (const BpMapFrame *f,
                       double            px,
                       double            py)
{
  return px >= f->left && px <= f->left + f->width &&
         py >= f->top && py <= f->top + f->height;
}

/* The range of @values with a margin of a quarter of their spread on each
 * side, and at least @min_span wide, so that dots never sit on the edge
 * and one person alone still gets a plane around them.  Without values
 * it is @min_span around 0. */
void
bp_map_padded_range (const double *values,
                     guint         n,
                     double        min_span,
                     double       *lo,
                     double       *hi)
{
  double min = n > 0 ? values[0] : 0, max = min, pad;

  for (guint i = 1; i < n; i++)
    {
      min = MIN (min, values[i]);
      max = MAX (max, values[i]);
    }
  pad = MAX ((max - min) / 4, (min_span - (max - min)) / 2);
  *lo = min - pad;
  *hi = max + pad;
}

/* ColorBrewer's PuOr, safe for every common kind of colour blindness:
 * purple for M (output 0), near white where the network cannot tell
 * (0.5), orange for F (output 1). */
static const double stops[][3] = {
  { 0x5e / 255.0, 0x3c / 255.0, 0x99 / 255.0 },
  { 0xb2 / 255.0, 0xab / 255.0, 0xd2 / 255.0 },
  { 0xf7 / 255.0, 0xf7 / 255.0, 0xf7 / 255.0 },
  { 0xfd / 255.0, 0xb8 / 255.0, 0x63 / 255.0 },
  { 0xe6 / 255.0, 0x61 / 255.0, 0x01 / 255.0 },
};

void
bp_map_output_color (double  output,
                     double *red,
                     double *green,
                     double *blue)
{
  guint last = G_N_ELEMENTS (stops) - 1;
  double pos, t;
  guint i;

  if (!isfinite (output))
    output = 0.5;
  pos = CLAMP (output, 0, 1) * last;
  i = MIN ((guint) pos, last - 1);
  t = pos - i;
  *red = stops[i][0] + t * (stops[i + 1][0] - stops[i][0]);
  *green = stops[i][1] + t * (stops[i + 1][1] - stops[i][1]);
  *blue = stops[i][2] + t * (stops[i + 1][2] - stops[i][2]);
}

/* The index of the point nearest (@x, @y) within @radius, or -1.  On a
 * tie the later point wins, as it is drawn on top. */
int
bp_map_hit_test (const double *px,
                 const double *py,
                 guint         n,
                 double        x,
                 double        y,
                 double        radius)
{
  double best = radius * radius;
  int hit = -1;

  for (guint i = 0; i < n; i++)
    {
      double d = (px[i] - x) * (px[i] - x) + (py[i] - y) * (py[i] - y);

      if (d <= best)
        {
          best = d;
          hit = i;
        }
    }
  return hit;
}

/* ---- marching squares ---------------------------------------------------- */

/* The edges of a cell, and where the level crosses each of them. */
enum { TOP, RIGHT, BOTTOM, LEFT };

typedef struct
{
  double v[4];     /* corners: top left, top right, bottom right, bottom left */
  double x, y;     /* the top left corner in grid coordinates */
  double level;
} Cell;

static double
fraction (double a,
          double b,
          double level)
{
  return a == b ? 0.5 : (level - a) / (b - a);
}

static void
crossing (const Cell *c,
          int         edge,
          double     *x,
          double     *y)
{
  switch (edge)
    {
    case TOP:
      *x = c->x + fraction (c->v[0], c->v[1], c->level);
      *y = c->y;
      break;
    case RIGHT:
      *x = c->x + 1;
      *y = c->y + fraction (c->v[1], c->v[2], c->level);
      break;
    case BOTTOM:
      *x = c->x + fraction (c->v[3], c->v[2], c->level);
      *y = c->y + 1;
      break;
    default:
      *x = c->x;
      *y = c->y + fraction (c->v[0], c->v[3], c->level);
    }
}

static void
add_segment (GArray     *segments,
             const Cell *c,
             int         from,
             int         to)
{
  BpMapSegment s;

  crossing (c, from, &s.x0, &s.y0);
  crossing (c, to, &s.x1, &s.y1);
  g_array_append_val (segments, s);
}

/* Which edges each case joins, indexed by the corners at or above the
 * level (top left 8, top right 4, bottom right 2, bottom left 1); -1 ends
 * a list.  Cases 5 and 10 are saddles, settled by the cell's centre. */
static const int cases[16][3] = {
  { -1 },                     { LEFT, BOTTOM, -1 },      { BOTTOM, RIGHT, -1 },
  { LEFT, RIGHT, -1 },        { TOP, RIGHT, -1 },        { -1 },
  { TOP, BOTTOM, -1 },        { LEFT, TOP, -1 },         { LEFT, TOP, -1 },
  { TOP, BOTTOM, -1 },        { -1 },                    { TOP, RIGHT, -1 },
  { LEFT, RIGHT, -1 },        { BOTTOM, RIGHT, -1 },     { LEFT, BOTTOM, -1 },
  { -1 },
};

static void
saddle (GArray     *segments,
        const Cell *c,
        int         index)
{
  gboolean centre_above = (c->v[0] + c->v[1] + c->v[2] + c->v[3]) / 4 >= c->level;

  /* Cut off the two corners that the centre does not join up. */
  if ((index == 5) == centre_above)
    {
      add_segment (segments, c, LEFT, TOP);
      add_segment (segments, c, BOTTOM, RIGHT);
    }
  else
    {
      add_segment (segments, c, TOP, RIGHT);
      add_segment (segments, c, LEFT, BOTTOM);
    }
}

static void
march_cell (GArray     *segments,
            const Cell *c)
{
  int index = 0;

  for (guint k = 0; k < 4; k++)
    {
      if (!isfinite (c->v[k]))
        return;
      index |= (c->v[k] >= c->level) << (3 - k);
    }
  if (index == 5 || index == 10)
    saddle (segments, c, index);
  else if (cases[index][0] >= 0)
    add_segment (segments, c, cases[index][0], cases[index][1]);
}

/* Appends to @segments (of BpMapSegment) the line where @values, a grid
 * of @columns × @rows samples stored row by row from the top, crosses
 * @level.  Sample (i, j) sits at grid coordinates (i, j); cells with a
 * value that is not finite are left out. */
void
bp_map_contour (const double *values,
                guint         columns,
                guint         rows,
                double        level,
                GArray       *segments)
{
  for (guint j = 0; j + 1 < rows; j++)
    for (guint i = 0; i + 1 < columns; i++)
      {
        const double *top = values + j * columns + i;
        const double *bottom = top + columns;
        Cell c = { { top[0], top[1], bottom[1], bottom[0] }, i, j, level };

        march_cell (segments, &c);
      }
}
