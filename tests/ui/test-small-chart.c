/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-small-chart.c: a small multiple draws again only the part that a
 * new value changes on screen, and then shows what a chart drawn afresh
 * would */
#include <string.h>

#include "bp-small-chart.h"
#include "ui-utils.h"

typedef struct
{
  GtkWindow    *window;
  GtkWidget    *other;   /* a frame of the window that is not the chart's */
  GtkWidget    *box;
  BpSmallChart *chart;
  BpSeries      series;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (f->box), TRUE);
  f->other = gtk_label_new ("frame");
  f->chart = BP_SMALL_CHART (bp_small_chart_new ("w1", FALSE));
  gtk_box_append (GTK_BOX (f->box), f->other);
  gtk_box_append (GTK_BOX (f->box), GTK_WIDGET (f->chart));
  gtk_window_set_child (f->window, f->box);
  ui_test_show (f->window, 400, 450);
  bp_series_init (&f->series, BP_HISTORY_SAMPLED_CAPACITY);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bp_series_clear (&f->series);
  gtk_window_destroy (f->window);
}

/* Gives the chart the series, then lets the window paint a frame that
 * only the chart's own request would redraw it in; returns how many
 * parts it has drawn so far. */
static guint
show_series (Fixture *f)
{
  bp_small_chart_set_series (f->chart, &f->series);
  ui_test_wait_frame (f->other);
  return bp_small_chart_count_drawn (f->chart);
}

static void
push_values (BpSeries *series,
             double    from,
             double    to,
             guint     n)
{
  for (guint i = 0; i < n; i++)
    bp_series_push (series, from + (to - from) * i / MAX (1, n - 1));
}

/* @widget rendered by cairo, as its RGBA bytes. */
static GBytes *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guchar *pixels = g_malloc (width * height * 4);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, width * 4);
  gsk_renderer_unrealize (renderer);
  return g_bytes_new_take (pixels, width * height * 4);
}

/* The chart as it stands looks like a new one given the same series. */
static void
assert_as_drawn_afresh (Fixture *f,
                        guint64  epochs)
{
  GtkWidget *fresh = bp_small_chart_new ("w1", FALSE);
  g_autoptr(GBytes) shown = NULL;
  g_autoptr(GBytes) expected = NULL;

  gtk_box_remove (GTK_BOX (f->box), f->other);
  gtk_box_append (GTK_BOX (f->box), fresh);
  bp_small_chart_set_epochs (BP_SMALL_CHART (fresh), epochs);
  bp_small_chart_set_series (BP_SMALL_CHART (fresh), &f->series);
  ui_test_wait_frame (fresh);
  g_assert_cmpint (gtk_widget_get_width (fresh), ==, gtk_widget_get_width (GTK_WIDGET (f->chart)));
  g_assert_cmpint (gtk_widget_get_height (fresh), ==, gtk_widget_get_height (GTK_WIDGET (f->chart)));
  shown = render (GTK_WIDGET (f->chart));
  expected = render (fresh);
  g_assert_true (g_bytes_equal (shown, expected));
}

/* A long run's first epochs all fall in the first pixel column, and
 * values that move less than the labels' digits change nothing on show:
 * no part is drawn again. */
static void
test_unchanged (Fixture       *f,
                gconstpointer  data)
{
  guint drawn;

  bp_small_chart_set_epochs (f->chart, 1000000000);
  push_values (&f->series, 1.0, 2.0, 100);
  push_values (&f->series, 1.5, 1.5, 1);
  drawn = show_series (f);
  g_assert_cmpuint (drawn, >, 0);
  for (guint frame = 0; frame < 5; frame++)
    {
      push_values (&f->series, 1.5, 1.5 + 1e-5, 3);
      g_assert_cmpuint (show_series (f), ==, drawn);
    }
  assert_as_drawn_afresh (f, 1000000000);
}

/* A new latest value that leaves the range and the curve's pixels as
 * they were draws the title line alone. */
static void
test_title_line_only (Fixture       *f,
                      gconstpointer  data)
{
  guint drawn;

  bp_small_chart_set_epochs (f->chart, 1000000000);
  push_values (&f->series, 1.0, 2.0, 100);
  drawn = show_series (f);
  push_values (&f->series, 1.25, 1.25, 1);
  g_assert_cmpuint (show_series (f), ==, drawn + 1);
  assert_as_drawn_afresh (f, 1000000000);
}

/* A short run's curve grows a column each epoch, within the range it
 * had: the plot is drawn again, and looks as a new chart's would. */
static void
test_curve_grows (Fixture       *f,
                  gconstpointer  data)
{
  guint drawn;

  bp_small_chart_set_epochs (f->chart, 200);
  push_values (&f->series, 1.0, 2.0, 100);
  drawn = show_series (f);
  push_values (&f->series, 1.5, 1.5, 50);
  g_assert_cmpuint (show_series (f), ==, drawn + 2);
  assert_as_drawn_afresh (f, 200);
}

/* Hidden, the chart draws nothing; shown again, what it was given. */
static void
test_hidden (Fixture       *f,
             gconstpointer  data)
{
  guint drawn;

  bp_small_chart_set_epochs (f->chart, 200);
  push_values (&f->series, 1.0, 2.0, 100);
  drawn = show_series (f);
  gtk_widget_set_visible (GTK_WIDGET (f->chart), FALSE);
  push_values (&f->series, 2.0, 2.5, 50);
  g_assert_cmpuint (show_series (f), ==, drawn);
  gtk_widget_set_visible (GTK_WIDGET (f->chart), TRUE);
  ui_test_wait_frame (f->other);
  g_assert_cmpuint (bp_small_chart_count_drawn (f->chart), >, drawn);
  assert_as_drawn_afresh (f, 200);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add ("/small-chart/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("unchanged", test_unchanged);
  ADD ("title-line-only", test_title_line_only);
  ADD ("curve-grows", test_curve_grows);
  ADD ("hidden", test_hidden);
#undef ADD
  return g_test_run ();
}
