/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-small-screens.c: the window on a projector's screen
 *
 * At 1024×600 with the training settings and people beside the views, and
 * at 800×600 with them hidden (F9), every page fits: the window's minimum
 * size is within the screen, and at that size every control shown lies
 * inside the window.  Presenter mode's larger text fits 800×600 page by
 * page too (its full screen is the X server's, so only its minimum size
 * is checked here).  The guided tour's card above the views fits as
 * well, on every page.
 */
#include "ui-utils.h"

static const char * const pages[] = { "loss", "trajectories", "network", "map", "explain", "landscape" };

typedef struct
{
  const char *name;
  int         width, height;
  gboolean    side_pane;
  gboolean    tour;
} Screen;

static const Screen screens[] = {
  { "1024x600 side pane", 1024, 600, TRUE, FALSE },
  { "800x600 F9", 800, 600, FALSE, FALSE },
  { "1024x600 side pane, tour", 1024, 600, TRUE, TRUE },
  { "800x600 F9, tour", 800, 600, FALSE, TRUE },
};

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The window at @screen's size, laid out: the resize reaches the X server
 * and comes back some frames later. */
static void
resize (BpWindow     *window,
        const Screen *screen)
{
  GtkWidget *widget = GTK_WIDGET (window);

  gtk_window_set_default_size (GTK_WINDOW (window), screen->width, screen->height);
  for (guint frames = 0; frames < 100; frames++)
    {
      ui_test_wait_frame (widget);
      if (gtk_widget_get_width (widget) <= screen->width &&
          gtk_widget_get_height (widget) <= screen->height &&
          gtk_widget_get_width (widget) > screen->width - 20)
        break;
    }
  /* One more, so that what the last resize queued is laid out too. */
  ui_test_wait_frame (widget);
  g_test_message ("window %d×%d", gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

/* Every drawn control under @widget lies inside @window's bounds. */
static void
assert_inside (GtkWidget  *window,
               GtkWidget  *widget,
               const char *where)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return;
  if ((GTK_IS_BUTTON (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_DROP_DOWN (widget) ||
       GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SCROLLED_WINDOW (widget)) &&
      gtk_widget_compute_bounds (widget, window, &bounds))
    {
      int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

      /* A pixel's slack: the theme draws a header bar's widgets over its
       * one-pixel top border. */
      if (bounds.origin.x < -1 || bounds.origin.y < -1 ||
          bounds.origin.x + bounds.size.width > width + 1 ||
          bounds.origin.y + bounds.size.height > height + 1)
        g_test_fail_printf ("%s: a %s at %.0f,%.0f %.0f×%.0f is outside the %d×%d window", where,
                            G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.origin.y,
                            bounds.size.width, bounds.size.height, width, height);
    }
  /* What a list scrolls out of sight is the list's to show, and the list
   * is checked as a whole. */
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_inside (window, child, where);
}

static void
test_screen (gconstpointer data)
{
  const Screen *screen = data;
  BpWindow *window = ui_test_new_window ();
  GtkStack *views = bp_window_get_views (window);

  g_action_group_change_action_state (G_ACTION_GROUP (window), "side-pane",
                                      g_variant_new_boolean (screen->side_pane));
  if (screen->tour)
    g_action_group_activate_action (G_ACTION_GROUP (window), "tour", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s, %s page", screen->name, pages[i]);
      int width, height;

      gtk_stack_set_visible_child_name (views, pages[i]);
      drain ();
      ui_test_min_size (GTK_WIDGET (window), &width, &height);
      g_test_message ("%s: minimum %d×%d", where, width, height);
      if (width > screen->width || height > screen->height)
        g_test_fail_printf ("%s: the window needs at least %d×%d", where, width, height);
      resize (window, screen);
      assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), where);
    }
  ui_test_destroy_window (window);
}

static gboolean
side_pane_shown (BpWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "side-pane");

  return g_variant_get_boolean (state);
}

/* A window opened on an 800×600 screen is no larger than the screen and
 * hides the side pane, which does not fit; on 1280×800 nothing changes. */
static void
test_fit_screen (void)
{
  BpWindow *window = bp_window_new (NULL);
  int width, height;

  bp_window_fit_screen (window, 1280, 800);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_true (side_pane_shown (window));
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 720);

  bp_window_fit_screen (window, 800, 600);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_false (side_pane_shown (window));
  g_assert_cmpint (width, <=, 800);
  g_assert_cmpint (height, <=, 600);
  ui_test_min_size (GTK_WIDGET (window), &width, &height);
  g_assert_cmpint (width, <=, 800);
  g_assert_cmpint (height, <=, 600);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presenter mode on an 800×600 projector: every page's minimum size,
 * with the guided tour's card (@data non-NULL) or without. */
static void
test_presenter (gconstpointer data)
{
  BpWindow *window = ui_test_new_window ();
  GtkStack *views = bp_window_get_views (window);

  if (data != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (window), "tour", NULL);

  g_action_group_activate_action (G_ACTION_GROUP (window), "fullscreen", NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presenter"));
  /* Full screen hides the header bar; this X server has no window
   * manager to do it. */
  gtk_widget_set_visible (gtk_window_get_titlebar (GTK_WINDOW (window)), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int width, height;

      gtk_stack_set_visible_child_name (views, pages[i]);
      /* The larger text is the style's, applied at the next frame. */
      ui_test_wait_frame (GTK_WIDGET (window));
      ui_test_min_size (GTK_WIDGET (window), &width, &height);
      g_test_message ("presenter, %s page: minimum %d×%d", pages[i], width, height);
      if (width > 800 || height > 600)
        g_test_fail_printf ("presenter, %s page: the window needs at least %d×%d", pages[i],
                            width, height);
    }
  ui_test_destroy_window (window);
}

/* F9 on an 800×600 screen: the side pane does not fit beside the views
 * and comes back in their place, rather than widening the window past
 * the screen; F9 again, or a page chosen in the header bar, brings the
 * views back.  At 1024×600 it comes back beside them. */
static void
test_side_pane_back (void)
{
  static const Screen small = { "800x600 F9, F9 again", 800, 600, FALSE, FALSE };
  static const Screen wide = { "1024x600 F9, F9 again", 1024, 600, FALSE, FALSE };
  BpWindow *window = ui_test_new_window ();
  GtkWidget *views = GTK_WIDGET (bp_window_get_views (window));
  int width, height;

  g_action_group_change_action_state (G_ACTION_GROUP (window), "side-pane",
                                      g_variant_new_boolean (FALSE));
  resize (window, &small);
  g_action_group_activate_action (G_ACTION_GROUP (window), "side-pane", NULL);
  g_assert_true (side_pane_shown (window));
  ui_test_min_size (GTK_WIDGET (window), &width, &height);
  g_test_message ("side pane back: minimum %d×%d", width, height);
  g_assert_cmpint (width, <=, 800);
  g_assert_cmpint (height, <=, 600);
  resize (window, &small);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  g_assert_true (gtk_widget_get_mapped (window->side_pane));
  g_assert_false (gtk_widget_get_mapped (views));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), window->side_pane));
  assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), "800x600, side pane back");
  /* The training buttons stay at hand in the header bar. */
  g_assert_true (gtk_widget_get_mapped (bp_window_get_train_button (window)));

  g_action_group_activate_action (G_ACTION_GROUP (window), "side-pane", NULL);
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (window->side_pane));
  g_assert_true (gtk_widget_get_mapped (views));

  g_action_group_activate_action (G_ACTION_GROUP (window), "side-pane", NULL);
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (views));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("map"));
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_false (side_pane_shown (window));
  g_assert_true (gtk_widget_get_mapped (views));
  g_assert_false (gtk_widget_get_mapped (window->side_pane));

  /* The tour, started over the pane, shows its card and its page even
   * where that page was on show already. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("network"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "side-pane", NULL);
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (views));
  g_action_group_activate_action (G_ACTION_GROUP (window), "tour", NULL);
  ui_test_wait_frame (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (views)), ==, "network");
  g_assert_true (gtk_widget_get_mapped (views));
  g_assert_false (side_pane_shown (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "tour-leave", NULL);

  resize (window, &wide);
  g_action_group_activate_action (G_ACTION_GROUP (window), "side-pane", NULL);
  resize (window, &wide);
  g_assert_true (gtk_widget_get_mapped (window->side_pane));
  g_assert_true (gtk_widget_get_mapped (views));
  assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), "1024x600, side pane back");
  ui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/small-screens/%ux%u-%s%s", screens[i].width,
                                               screens[i].height,
                                               screens[i].side_pane ? "side-pane" : "f9",
                                               screens[i].tour ? "-tour" : "");

      g_test_add_data_func (path, &screens[i], test_screen);
    }
  g_test_add_func ("/small-screens/fit-screen", test_fit_screen);
  g_test_add_func ("/small-screens/side-pane-back", test_side_pane_back);
  g_test_add_data_func ("/small-screens/presenter", NULL, test_presenter);
  g_test_add_data_func ("/small-screens/presenter-tour", "tour", test_presenter);
  return g_test_run ();
}
