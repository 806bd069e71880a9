/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-presenter.c: the views follow their window's .presenter class
 *
 * Presenter mode is the window's style class alone (bp-presenter.c):
 * the charts must see it, and draw anew when it changes, without the
 * window telling each of them.
 */
#include "bp-loss-chart.h"
#include "bp-network-diagram.h"
#include "bp-presenter.h"
#include "bp-small-chart.h"
#include "bp-tour-panel.h"
#include "ui-utils.h"

static void
on_invalidate (GdkPaintable *paintable,
               guint        *count)
{
  (*count)++;
}

/* Until the window has drawn a frame that no test queued on the charts
 * themselves: @other is a widget beside them. */
static void
wait_frames (GtkWidget *other)
{
  for (guint i = 0; i < 3; i++)
    ui_test_wait_frame (other);
}

static void
test_follows_class (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("beside");
  BpLossChart *loss = BP_LOSS_CHART (bp_loss_chart_new ());
  GtkWidget *small = bp_small_chart_new ("w1", FALSE);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (small);
  guint axes, small_drawn = 0;

  gtk_widget_set_vexpand (GTK_WIDGET (loss), TRUE);
  gtk_widget_set_vexpand (small, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (loss));
  gtk_box_append (GTK_BOX (box), small);
  gtk_window_set_child (window, box);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (on_invalidate), &small_drawn);
  ui_test_show (window, 500, 500);
  wait_frames (label);
  g_assert_false (bp_loss_chart_get_presenter (loss));
  g_assert_false (bp_presenter_is_on (small));
  g_assert_cmpfloat (bp_presenter_line_width (small, 1.5), ==, 1.5);

  /* The axes' thickness is part of what they are cached by: a new mode
   * draws them anew only if the chart heard of it. */
  axes = bp_loss_chart_count_axes_drawn (loss);
  small_drawn = 0;
  gtk_widget_add_css_class (GTK_WIDGET (window), "presenter");
  wait_frames (label);
  g_assert_true (bp_loss_chart_get_presenter (loss));
  g_assert_true (bp_presenter_is_on (small));
  g_assert_cmpfloat (bp_presenter_line_width (small, 1.5), ==, 3.0);
  g_assert_cmpuint (bp_loss_chart_count_axes_drawn (loss), >, axes);
  g_assert_cmpuint (small_drawn, >, 0);

  axes = bp_loss_chart_count_axes_drawn (loss);
  small_drawn = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (window), "presenter");
  wait_frames (label);
  g_assert_false (bp_loss_chart_get_presenter (loss));
  g_assert_cmpuint (bp_loss_chart_count_axes_drawn (loss), >, axes);
  g_assert_cmpuint (small_drawn, >, 0);

  /* Hidden, it follows nothing, and shown again it draws as the
   * window is. */
  gtk_widget_set_visible (small, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (window), "presenter");
  gtk_widget_set_visible (small, TRUE);
  wait_frames (label);
  g_assert_true (bp_presenter_is_on (small));

  gtk_window_destroy (window);
}

static void
test_no_window (void)
{
  g_autoptr(GtkWidget) chart = g_object_ref_sink (bp_small_chart_new ("w1", FALSE));

  g_assert_false (bp_presenter_is_on (chart));
  g_assert_cmpfloat (bp_presenter_line_width (chart, 2.5), ==, 2.5);
}

/* The button under @widget whose action is @action, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
icon_width (GtkWidget *button)
{
  int width;

  gtk_widget_measure (gtk_button_get_child (GTK_BUTTON (button)), GTK_ORIENTATION_HORIZONTAL,
                      -1, &width, NULL, NULL, NULL);
  return width;
}

/* The tour card's icons grow with its text: its close × and previous
 * step stayed 16 px beside a larger Next. */
static void
test_tour_icons (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *panel = bp_tour_panel_new ();
  GtkWidget *leave = find_button (panel, "win.tour-leave");
  GtkWidget *previous = find_button (panel, "win.tour-previous");
  int icon;

  g_assert_nonnull (leave);
  g_assert_nonnull (previous);
  bp_tour_panel_set_step (BP_TOUR_PANEL (panel), 0, 8, "One neuron", "A neuron.");
  gtk_window_set_child (window, panel);
  ui_test_show (window, 600, 200);
  icon = icon_width (leave);

  gtk_widget_add_css_class (GTK_WIDGET (window), "presenter");
  wait_frames (panel);
  g_test_message ("icons %d → %d px", icon, icon_width (leave));
  /* Presenter mode's text is 16.5 pt for the desktop's usual 11 pt
   * (style.css): half as large again, and so are the icons. */
  g_assert_cmpint (2 * icon_width (leave), >=, 3 * icon);
  g_assert_cmpint (icon_width (previous), ==, icon_width (leave));
  gtk_window_destroy (window);
}

/* A name above each neuron and a bias under each hidden one, inside the
 * diagram and clear of each other. */
static void
assert_diagram_room (BpNetworkDiagram      *diagram,
                     const BpDiagramLayout *l)
{
  double text_height = l->badge_height - 6;
  double name_top = l->y[BP_NEURON_H1] - l->radius - 4 - text_height;
  double bias_bottom = l->y[BP_NEURON_H1] + l->radius + 4 + l->badge_height;
  double next_name_top = l->y[BP_NEURON_H2] - l->radius - 4 - text_height;

  g_test_message ("radius %.1f: names from %.1f, a bias to %.1f, the next name from %.1f",
                  l->radius, name_top, bias_bottom, next_name_top);
  g_assert_cmpfloat (name_top, >=, 0);
  g_assert_cmpfloat (bias_bottom, <=, next_name_top);
  g_assert_cmpfloat (l->y[BP_NEURON_H2] + l->radius + 4 + l->badge_height, <=,
                     gtk_widget_get_height (GTK_WIDGET (diagram)));
}

/* The network diagram's neurons grow with presenter mode's text, so
 * that a value such as 0.999 keeps its size rather than shrinking to
 * fit a circle made for smaller text. */
static void
test_diagram_neurons (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BpNetworkDiagram *diagram = BP_NETWORK_DIAGRAM (bp_network_diagram_new ());
  g_autoptr(PangoLayout) value = NULL;
  BpDiagramLayout before, after;
  int width;

  gtk_window_set_child (window, GTK_WIDGET (diagram));
  ui_test_show (window, 640, 360);
  bp_network_diagram_get_layout (diagram, &before);

  gtk_widget_add_css_class (GTK_WIDGET (window), "presenter");
  wait_frames (GTK_WIDGET (diagram));
  bp_network_diagram_get_layout (diagram, &after);
  value = gtk_widget_create_pango_layout (GTK_WIDGET (diagram), NULL);
  pango_layout_set_markup (value, "<span font_features='tnum=1'>0.999</span>", -1);
  pango_layout_get_pixel_size (value, &width, NULL);
  g_test_message ("radius %.1f → %.1f for a value %d px wide", before.radius, after.radius, width);
  /* draw_neuron () leaves 4 px either side. */
  g_assert_cmpfloat (2 * after.radius - 8, >=, width);
  assert_diagram_room (diagram, &after);

  /* Squeezed under the tour's card, with no room between the rows even
   * for the smaller circles, it keeps them, neither larger nor smaller. */
  gtk_window_set_default_size (window, 640, 240);
  wait_frames (GTK_WIDGET (diagram));
  bp_network_diagram_get_layout (diagram, &after);
  gtk_widget_remove_css_class (GTK_WIDGET (window), "presenter");
  wait_frames (GTK_WIDGET (diagram));
  bp_network_diagram_get_layout (diagram, &before);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (diagram)), <, 300);
  g_assert_cmpfloat (after.radius, ==, before.radius);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/presenter/follows-class", test_follows_class);
  g_test_add_func ("/presenter/no-window", test_no_window);
  g_test_add_func ("/presenter/tour-icons", test_tour_icons);
  g_test_add_func ("/presenter/diagram-neurons", test_diagram_neurons);
  return g_test_run ();
}
