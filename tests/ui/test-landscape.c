/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-landscape.c: the Loss Landscape page */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bp-accessible.h"
#include "bp-landscape.h"
#include "bp-landscape-view.h"
#include "bp-map-geometry.h"
#include "ui-utils.h"

/* Until the fine grid of the parameters shown is drawn: the view says so
 * by its "ready" property, whatever the machine's speed. */
static void
wait_ready (BpLandscapeView *view)
{
  while (!bp_landscape_view_get_ready (view))
    g_main_context_iteration (NULL, TRUE);
}

static BpLandscapeView *
show_landscape (BpWindow *window)
{
  BpLandscapeView *view = bp_window_get_landscape_view (window);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("landscape"));
  ui_test_wait_frame (GTK_WIDGET (view));
  wait_ready (view);
  ui_test_wait_frame (GTK_WIDGET (view));
  return view;
}

static void
find_drop_downs (GtkWidget    *widget,
                 GtkDropDown **found,
                 guint        *n)
{
  if (GTK_IS_DROP_DOWN (widget) && *n < 2)
    found[(*n)++] = GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_drop_downs (child, found, n);
}

/* The page is in the stack and the switcher, shows w5 against w6 at
 * first, and says which parameters are held. */
static void
test_page (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLandscapeView *view = show_landscape (window);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (view)), GTK_TYPE_STACK));
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-page");
  guint columns, rows;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "landscape");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "landscape");
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (stack, gtk_stack_get_visible_child (stack))),
                   ==, "Loss Landscape");
  g_assert_cmpint (bp_landscape_view_get_x_param (view), ==, BP_PARAM_W5);
  g_assert_cmpint (bp_landscape_view_get_y_param (view), ==, BP_PARAM_W6);
  g_assert_nonnull (strstr (bp_landscape_view_get_note (view), "(w1, w2, w3, w4, b1, b2, b3)"));
  g_assert_nonnull (strstr (bp_landscape_view_get_note (view), "held at their current values"));
  g_assert_true (bp_landscape_view_get_grid_size (view, &columns, &rows));
  g_assert_cmpuint (columns, ==, 97);
  g_assert_cmpuint (rows, ==, 97);
  g_assert_cmpuint (bp_landscape_view_get_n_contours (view), >, 0);
  ui_test_destroy_window (window);
}

/* Another pair: the axes span the new parameters' values; choosing for
 * one axis what the other shows swaps them. */
static void
test_choose_pair (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLandscapeView *view = show_landscape (window);
  BpProgress progress = ui_test_progress (window);
  GtkDropDown *drop_downs[2] = { NULL };
  BpMapFrame before, after;
  guint n = 0;

  g_assert_true (bp_landscape_view_get_frame (view, &before));
  g_assert_cmpfloat (before.x_lo, <, progress.params.w5);
  g_assert_cmpfloat (before.x_hi, >, progress.params.w5);

  find_drop_downs (GTK_WIDGET (view), drop_downs, &n);
  g_assert_cmpuint (n, ==, 2);
  gtk_drop_down_set_selected (drop_downs[0], BP_PARAM_W1);
  gtk_drop_down_set_selected (drop_downs[1], BP_PARAM_B3);
  g_assert_cmpint (bp_landscape_view_get_x_param (view), ==, BP_PARAM_W1);
  g_assert_cmpint (bp_landscape_view_get_y_param (view), ==, BP_PARAM_B3);
  g_assert_nonnull (strstr (bp_landscape_view_get_note (view), "(w2, w3, w4, w5, w6, b1, b2)"));
  wait_ready (view);
  g_assert_true (bp_landscape_view_get_frame (view, &after));
  g_assert_cmpfloat (after.x_lo, <, progress.params.w1);
  g_assert_cmpfloat (after.x_hi, >, progress.params.w1);
  g_assert_cmpfloat (after.y_lo, <, progress.params.b3);
  g_assert_cmpfloat (after.y_hi, >, progress.params.b3);
  g_assert_false (after.x_lo == before.x_lo && after.y_lo == before.y_lo);

  gtk_drop_down_set_selected (drop_downs[0], BP_PARAM_B3);
  g_assert_cmpint (bp_landscape_view_get_x_param (view), ==, BP_PARAM_B3);
  g_assert_cmpint (bp_landscape_view_get_y_param (view), ==, BP_PARAM_W1);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_downs[1]), ==, BP_PARAM_W1);
  ui_test_destroy_window (window);
}

/* After a run the point is where the parameters are, inside the plot,
 * at the end of the path the run took. */
static void
test_after_training (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLandscapeView *view = show_landscape (window);
  BpProgress progress;
  BpMapFrame frame;
  double px, py, want_x, want_y;

  g_assert_cmpuint (bp_landscape_view_get_n_path (view), ==, 0);
  ui_test_activate (window, "train");
  progress = ui_test_run_until_done (window);
  g_assert_cmpint (progress.state, ==, BP_TRAINER_FINISHED);
  wait_ready (view);
  ui_test_wait_frame (GTK_WIDGET (view));
  g_assert_cmpuint (bp_landscape_view_get_n_path (view), >, 100);
  g_assert_true (bp_landscape_view_get_frame (view, &frame));
  g_assert_true (bp_landscape_view_get_point (view, &px, &py));
  bp_map_frame_to_px (&frame, progress.params.w5, progress.params.w6, &want_x, &want_y);
  g_assert_cmpfloat (px, ==, want_x);
  g_assert_cmpfloat (py, ==, want_y);
  g_assert_true (bp_map_frame_contains (&frame, px, py));
  ui_test_destroy_window (window);
}

/* While a run trains at a watchable pace, the page redraws its grid
 * around the moving parameters and draws the path so far. */
static void
test_live (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLandscapeView *view = show_landscape (window);
  guint grids = bp_landscape_view_get_n_grids (view);

  bp_training_form_set_speed (bp_window_get_training_form (window), BP_SPEED_WATCHABLE);
  ui_test_activate (window, "train");
  while (bp_landscape_view_get_n_grids (view) < grids + 2 || bp_landscape_view_get_n_path (view) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ui_test_progress (window).state, ==, BP_TRAINER_RUNNING);
  ui_test_activate (window, "stop");
  ui_test_destroy_window (window);
}

/* A population's loss is over 500 of them, and the page says so. */
static void
test_many_people (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLandscapeView *view = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_window_load_example (window, BP_EXAMPLE_POPULATION, BP_PEOPLE_REPLACE, &error));
  g_assert_no_error (error);
  view = show_landscape (window);
  g_assert_nonnull (strstr (bp_landscape_view_get_note (view), "Loss over 500 of 10\u202f000 people"));
  ui_test_destroy_window (window);
}

static guint32
be32 (const guchar *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

/* Exported as the other views are, even when the page was never shown. */
static void
test_export (void)
{
  BpWindow *window = ui_test_new_window ();
  g_autofree char *dir = g_dir_make_tmp ("landscape-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "landscape.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (bp_window_export_view (window, "landscape", BP_EXPORT_FORMAT_PNG, 640, 400, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (be32 ((const guchar *) data + 16), ==, 640);
  g_assert_cmpuint (be32 ((const guchar *) data + 20), ==, 400);
  g_assert_true (bp_landscape_view_get_grid_size (bp_window_get_landscape_view (window), &(guint) { 0 }, &(guint) { 0 }));
  g_unlink (path);
  g_rmdir (dir);
  ui_test_destroy_window (window);
}

/* The plot says what it shows and the loss now; each drop-down has a
 * label. */
static void
test_accessible (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLandscapeView *view = show_landscape (window);
  GtkWidget *plot = bp_landscape_view_get_plot (view);
  GtkDropDown *drop_downs[2] = { NULL };
  const char *description;
  guint n = 0;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Loss landscape over w5 and w6");
  /* Words go out at most once a second; these are due. */
  bp_accessible_flush (GTK_WIDGET (window));
  description = bp_accessible_get_description (plot);
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description, "Now w5 = "));
  g_assert_nonnull (strstr (description, ", loss 0."));
  g_assert_nonnull (strstr (description, "Lowest nearby "));
  find_drop_downs (GTK_WIDGET (view), drop_downs, &n);
  for (guint i = 0; i < n; i++)
    g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (drop_downs[i]),
                                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  ui_test_destroy_window (window);
}

/* Presenter mode reaches the page. */
static void
test_presenter (void)
{
  BpWindow *window = ui_test_new_window ();
  BpLandscapeView *view = bp_window_get_landscape_view (window);

  g_assert_false (bp_landscape_view_get_presenter (view));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "fullscreen", g_variant_new_boolean (TRUE));
  g_assert_true (bp_landscape_view_get_presenter (view));
  ui_test_destroy_window (window);
}

/* A known field: with w5 = 0 the first hidden neuron counts for nothing,
 * so the loss over (w1, b3) does not change across: every contour
 * segment is level. */
static void
test_contours_of_known_field (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(BpLandscape) landscape = NULL;
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (BpMapSegment));
  BpParams params = { .w1 = 1, .w2 = 1, .w3 = 1, .w4 = 1, .w5 = 0, .w6 = 1 };
  BpLandscapeGrid grid;
  BpNormalizer norm;
  double levels[12];
  guint n_levels;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  data = bp_people_to_dataset (people, &norm);
  bp_landscape_grid_init (&grid, &params, BP_PARAM_W1, BP_PARAM_B3, NULL, NULL, 0, 25, 25);
  landscape = bp_landscape_compute (&grid, data, NULL, NULL);
  n_levels = bp_landscape_levels (landscape, levels, G_N_ELEMENTS (levels));
  g_assert_cmpuint (n_levels, >, 0);
  for (guint k = 0; k < n_levels; k++)
    {
      g_array_set_size (segments, 0);
      bp_map_contour (landscape->values, grid.columns, grid.rows, levels[k], segments);
      /* One level line across: a segment per column gap. */
      g_assert_cmpuint (segments->len % (grid.columns - 1), ==, 0);
      g_assert_cmpuint (segments->len, >, 0);
      for (guint s = 0; s < segments->len; s++)
        {
          BpMapSegment *seg = &g_array_index (segments, BpMapSegment, s);

          g_assert_cmpfloat (seg->y0, ==, seg->y1);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  /* The accessible properties, kept for the test to read. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/landscape/page", test_page);
  g_test_add_func ("/landscape/choose-pair", test_choose_pair);
  g_test_add_func ("/landscape/after-training", test_after_training);
  g_test_add_func ("/landscape/live", test_live);
  g_test_add_func ("/landscape/many-people", test_many_people);
  g_test_add_func ("/landscape/export", test_export);
  g_test_add_func ("/landscape/accessible", test_accessible);
  g_test_add_func ("/landscape/presenter", test_presenter);
  g_test_add_func ("/landscape/contours-of-known-field", test_contours_of_known_field);

  return g_test_run ();
}
