/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-palette.c: the views' colours, light and dark
 *
 * The colours are the ones the views drew before they shared a palette
 * (the screenshots must not change), exactly as gdk_rgba_parse () reads
 * them; and what is drawn on a background stands out from it by WCAG's
 * 3:1 for graphics.
 */
#include <math.h>

#include "bp-map-geometry.h"
#include "bp-palette.h"
#include "bp-run.h"

static void
assert_rgba (guint32     rgb,
             const char *expected)
{
  GdkRGBA got, want;

  bp_palette_to_rgba (rgb, &got);
  g_assert_true (gdk_rgba_parse (&want, expected));
  if (!gdk_rgba_equal (&got, &want))
    g_test_fail_printf ("#%06x is not %s", rgb, expected);
}

static void
test_colors (void)
{
  static const struct
  {
    BpColor     color;
    const char *light;
    const char *dark;
  } expected[] = {
    { BP_COLOR_BACKGROUND, "#ffffff", "#1e1e1e" },
    { BP_COLOR_TRAIN, "#1c71d8", "#78aeed" },
    { BP_COLOR_TEST, "#c64600", "#ffa348" },
    { BP_COLOR_POSITIVE, "#1c71d8", "#78aeed" },
    { BP_COLOR_NEGATIVE, "#c01c28", "#f66151" },
  };

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, BP_N_COLORS);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      assert_rgba (bp_palette_rgb (expected[i].color, FALSE), expected[i].light);
      assert_rgba (bp_palette_rgb (expected[i].color, TRUE), expected[i].dark);
    }
}

static void
test_run_colors (void)
{
  static const char * const light[] = {
    "#e69f00", "#56b4e9", "#009e73", "#cc79a7",
    "#d55e00", "#0072b2", "#a89500", "#666666",
  };
  static const char * const dark[] = {
    "#e69f00", "#56b4e9", "#009e73", "#cc79a7",
    "#d55e00", "#3c9ee0", "#f0e442", "#bbbbbb",
  };

  g_assert_cmpuint (BP_RUN_N_COLORS, ==, BP_PALETTE_N_RUN_COLORS);
  g_assert_cmpuint (G_N_ELEMENTS (light), ==, BP_RUN_N_COLORS);
  for (guint i = 0; i < BP_RUN_N_COLORS; i++)
    {
      GdkRGBA got, want;

      assert_rgba (bp_palette_run_rgb (i, FALSE), light[i]);
      assert_rgba (bp_palette_run_rgb (i, TRUE), dark[i]);
      /* What the loss chart and the runs' swatches draw. */
      bp_run_color_rgba (i, TRUE, &got);
      gdk_rgba_parse (&want, dark[i]);
      g_assert_true (gdk_rgba_equal (&got, &want));
    }
}

/* The map's scale: its ends are the people's F and M colours, and every
 * output gets the doubles the map drew with before it read the palette:
 * this table and this interpolation. */
static void
old_output_color (double  output,
                  double *rgb)
{
  static const double stops[][3] = {
    { 0x5e / 255.0, 0x3c / 255.0, 0x99 / 255.0 },
    { 0xb2 / 255.0, 0xab / 255.0, 0xd2 / 255.0 },
    { 0xf7 / 255.0, 0xf7 / 255.0, 0xf7 / 255.0 },
    { 0xfd / 255.0, 0xb8 / 255.0, 0x63 / 255.0 },
    { 0xe6 / 255.0, 0x61 / 255.0, 0x01 / 255.0 },
  };
  guint last = G_N_ELEMENTS (stops) - 1;
  double pos = CLAMP (output, 0, 1) * last;
  guint i = MIN ((guint) pos, last - 1);
  double t = pos - i;

  for (guint c = 0; c < 3; c++)
    rgb[c] = stops[i][c] + t * (stops[i + 1][c] - stops[i][c]);
}

static void
test_map_colors (void)
{
  assert_rgba (bp_palette_map_rgb (BP_MAP_COLOR_MALE), "#5e3c99");
  assert_rgba (bp_palette_map_rgb (BP_MAP_COLOR_NEUTRAL), "#f7f7f7");
  assert_rgba (bp_palette_map_rgb (BP_MAP_COLOR_FEMALE), "#e66101");
  assert_rgba (bp_palette_map_stop (0), "#5e3c99");
  assert_rgba (bp_palette_map_stop (4), "#e66101");
  assert_rgba (bp_palette_map_rgb (BP_MAP_COLOR_INK), "#241f31");
  assert_rgba (bp_palette_map_rgb (BP_MAP_COLOR_PAPER), "#ffffff");
  for (int k = -8; k <= 1032; k++)
    {
      double output = k / 1024.0, want[3], r, g, b;

      old_output_color (output, want);
      bp_map_output_color (output, &r, &g, &b);
      if (!(r == want[0] && g == want[1] && b == want[2]))
        g_test_fail_printf ("output %g: (%.17g, %.17g, %.17g), not (%.17g, %.17g, %.17g)",
                            output, r, g, b, want[0], want[1], want[2]);
    }
}

/* WCAG 2's relative luminance and contrast ratio. */
static double
luminance (guint32 rgb)
{
  double sum = 0;
  static const double weight[] = { 0.2126, 0.7152, 0.0722 };

  for (guint c = 0; c < 3; c++)
    {
      double v = bp_palette_channel (rgb, c);

      v = v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
      sum += weight[c] * v;
    }
  return sum;
}

static double
contrast (guint32 a,
          guint32 b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
assert_contrast (guint32     color,
                 guint32     background,
                 const char *what)
{
  double ratio = contrast (color, background);

  g_test_message ("%s: #%06x on #%06x, %.2f:1", what, color, background, ratio);
  if (ratio < 3)
    g_test_fail_printf ("%s: #%06x on #%06x is only %.2f:1", what, color, background, ratio);
}

static void
test_contrast (void)
{
  static const BpColor drawn[] = {
    BP_COLOR_TRAIN, BP_COLOR_TEST, BP_COLOR_POSITIVE, BP_COLOR_NEGATIVE,
  };
  static const BpMapColor people[] = { BP_MAP_COLOR_FEMALE, BP_MAP_COLOR_MALE };

  g_assert_cmpfloat (contrast (0x000000, 0xffffff), >, 20.99);
  for (guint dark = 0; dark < 2; dark++)
    for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
      assert_contrast (bp_palette_rgb (drawn[i], dark),
                       bp_palette_rgb (BP_COLOR_BACKGROUND, dark),
                       dark ? "dark" : "light");
  /* The people's F and M on the map: on its paper, and on the near
   * white where the network cannot tell (the map does not go dark). */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      assert_contrast (bp_palette_map_rgb (people[i]),
                       bp_palette_map_rgb (BP_MAP_COLOR_PAPER), "map paper");
      assert_contrast (bp_palette_map_rgb (people[i]),
                       bp_palette_map_rgb (BP_MAP_COLOR_NEUTRAL), "map at 0.5");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/palette/colors", test_colors);
  g_test_add_func ("/palette/run-colors", test_run_colors);
  g_test_add_func ("/palette/map-colors", test_map_colors);
  g_test_add_func ("/palette/contrast", test_contrast);
  return g_test_run ();
}
