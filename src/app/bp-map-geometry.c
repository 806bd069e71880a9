/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-map-geometry.c: the arithmetic of the decision map */
#include "bp-map-geometry.h"

#include <math.h>
#include <string.h>

#include "bp-palette.h"

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
 * and one person alone still gets a plane around them, never reaching
 * below 0 when no value is negative.  Without values it is @min_span
 * around 0. */
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
  /* Weights and heights: a plane below zero would be empty by definition
   * (a class of 10 000 from 68 lb to 529 lb padded to −47 lb). */
  if (n > 0 && min >= 0 && *lo < 0)
    {
      *hi -= *lo;
      *lo = 0;
    }
}

/* The palette's scale from purple for M (output 0) through near white
 * (0.5) to orange for F (output 1). */
void
bp_map_output_color (double  output,
                     double *red,
                     double *green,
                     double *blue)
{
  guint last = BP_PALETTE_N_MAP_STOPS - 1;
  guint32 from, to;
  double pos, t, rgb[3];
  guint i;

  if (!isfinite (output))
    output = 0.5;
  pos = CLAMP (output, 0, 1) * last;
  i = MIN ((guint) pos, last - 1);
  t = pos - i;
  from = bp_palette_map_stop (i);
  to = bp_palette_map_stop (i + 1);
  for (guint c = 0; c < 3; c++)
    {
      double a = bp_palette_channel (from, c);
      double b = bp_palette_channel (to, c);

      rgb[c] = a + t * (b - a);
    }
  *red = rgb[0];
  *green = rgb[1];
  *blue = rgb[2];
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

/* ---- joining the pieces --------------------------------------------------- */

static guint
point_hash (gconstpointer key)
{
  const BpMapPoint *p = key;
  guint64 bits[2];

  memcpy (bits, p, sizeof bits);
  return g_int64_hash (&bits[0]) * 31 + g_int64_hash (&bits[1]);
}

static gboolean
point_equal (gconstpointer a,
             gconstpointer b)
{
  return memcmp (a, b, sizeof (BpMapPoint)) == 0;
}

/* End @e of the segments: 2 s is segment s's first point, 2 s + 1 its
 * second. */
static const BpMapPoint *
end_point (const GArray *segments,
           guint         e)
{
  const BpMapSegment *s = &g_array_index (segments, BpMapSegment, e / 2);

  return (const BpMapPoint *) (e % 2 == 0 ? &s->x0 : &s->x1);
}

/* For each end, the other segment's end at the same point, or -1.  The
 * marching squares compute a point shared by two cells from the same
 * two samples, so shared points are equal to the bit. */
static int *
find_partners (const GArray *segments)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (point_hash, point_equal);
  int *partner = g_new (int, 2 * segments->len);

  for (guint e = 0; e < 2 * segments->len; e++)
    {
      gpointer found;

      partner[e] = -1;
      if (g_hash_table_lookup_extended (seen, end_point (segments, e), NULL, &found))
        {
          partner[e] = GPOINTER_TO_INT (found);
          partner[GPOINTER_TO_INT (found)] = e;
        }
      else
        g_hash_table_insert (seen, (gpointer) end_point (segments, e), GINT_TO_POINTER (e));
    }
  return partner;
}

/* From end @e, whose point is the last in @points, on through the
 * segments joined to it that are still free. */
static void
walk (const GArray *segments,
      const int    *partner,
      gboolean     *used,
      int           e,
      GArray       *points)
{
  while (partner[e] >= 0 && !used[partner[e] / 2])
    {
      e = partner[e];
      used[e / 2] = TRUE;
      e ^= 1;
      g_array_append_vals (points, end_point (segments, e), 1);
    }
}

/* The line through segment @s: back from its first point as far as it
 * goes, then forward from its second. */
static GArray *
join_from (const GArray *segments,
           const int    *partner,
           gboolean     *used,
           guint         s)
{
  g_autoptr(GArray) back = g_array_new (FALSE, FALSE, sizeof (BpMapPoint));
  GArray *line = g_array_new (FALSE, FALSE, sizeof (BpMapPoint));

  used[s] = TRUE;
  g_array_append_vals (back, end_point (segments, 2 * s), 1);
  walk (segments, partner, used, 2 * s, back);
  for (guint i = back->len; i > 0; i--)
    g_array_append_vals (line, &g_array_index (back, BpMapPoint, i - 1), 1);
  g_array_append_vals (line, end_point (segments, 2 * s + 1), 1);
  walk (segments, partner, used, 2 * s + 1, line);
  return line;
}

/* The segments of bp_map_contour() joined end to end: a GPtrArray of
 * GArrays of BpMapPoint, each a line through the plot or a loop whose
 * last point is its first.  One path of many points strokes with proper
 * joins, and far faster than many separate pieces. */
GPtrArray *
bp_map_join_segments (const GArray *segments)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree int *partner = find_partners (segments);
  g_autofree gboolean *used = g_new0 (gboolean, segments->len);

  for (guint s = 0; s < segments->len; s++)
    if (!used[s])
      g_ptr_array_add (lines, join_from (segments, partner, used, s));
  return lines;
}
