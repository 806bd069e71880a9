/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-class-size-views.c: the decision map, the explanation's person
 * chooser and the trajectories with a class of 4 and of 10 000 people
 *
 * Each view alone in a window, as the window sets it: a class may bring a
 * survey of up to 100 000 people, which no view may draw marker by
 * marker, list twice or chart person by person.  Runs under a display
 * (Xvfb); nothing depends on how fast the machine is.
 */
#include "bp-decision-map.h"
#include "bp-explain-panel.h"
#include "bp-trajectories.h"
#include "bp-name-list.h"
#include "ui-utils.h"

#define N_LARGE 10000

/* @n people with names "Person 1" on, F and M in turn, spread over
 * 100–220 lb and 58–76 in; deterministic. */
static BpPeople *
make_people (guint n,
             guint offset)
{
  BpPeople *people = bp_people_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", offset + i + 1);
      guint k = (offset + i) * 7919u;

      bp_people_add (people, bp_person_new (name, 100 + k % 121, 58 + (k / 121) % 19,
                                            i % 2 ? BP_GENDER_MALE : BP_GENDER_FEMALE));
    }
  return people;
}

/* @view alone in a shown window of 800×400. */
static GtkWindow *
show_alone (GtkWidget *view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, view);
  ui_test_show (window, 800, 400);
  ui_test_wait_frame (view);
  return window;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- the decision map -------------------------------------------------------- */

static void
count_moved (BpDecisionMap *map,
             guint          index,
             double         weight_lb,
             double         height_in,
             guint         *moved)
{
  (*moved)++;
}

static void
set_map_people (BpDecisionMap  *map,
                const BpPeople *train,
                const BpPeople *test)
{
  BpNormalizer norm;

  bp_normalizer_init (&norm, BP_NORMALIZE_STANDARD, train);
  bp_decision_map_set_people (map, train, test, &norm);
}

/* Past a few hundred people a set is a density whose cells hold every
 * one of them, inside the frame; counted once, not per frame. */
static void
test_map_density (void)
{
  GtkWidget *view = bp_decision_map_new ();
  BpDecisionMap *map = BP_DECISION_MAP (view);
  g_autoptr(BpPeople) train = make_people (N_LARGE, 0);
  g_autoptr(BpPeople) test = make_people (N_LARGE / 4, N_LARGE);
  GtkWindow *window = show_alone (view);
  BpParams params;
  BpMapFrame f;
  guint binnings, descriptions;
  guint moved = 0;
  double x, y;

  set_map_people (map, train, test);
  ui_test_wait_frame (view);
  g_assert_true (bp_decision_map_get_dense (map, FALSE));
  g_assert_true (bp_decision_map_get_dense (map, TRUE));
  g_assert_cmpuint (bp_decision_map_get_density_count (map, FALSE), ==, N_LARGE);
  g_assert_cmpuint (bp_decision_map_get_density_count (map, TRUE), ==, N_LARGE / 4);
  g_assert_nonnull (gtk_widget_get_tooltip_text (view));

  /* The frame covers everybody: the lightest, heaviest, shortest and
   * tallest people sit inside the plot. */
  bp_decision_map_get_frame (map, &f);
  g_assert_cmpfloat (f.x_lo, <, 100);
  g_assert_cmpfloat (f.x_hi, >, 220);
  g_assert_cmpfloat (f.y_lo, <, 58);
  g_assert_cmpfloat (f.y_hi, >, 76);

  /* Frames of training sample the outputs again but count nobody again. */
  binnings = bp_decision_map_get_n_binnings (map);
  for (guint i = 0; i < 3; i++)
    {
      bp_params_from_seed (&params, i + 1);
      bp_decision_map_set_params (map, &params);
      ui_test_wait_frame (view);
    }
  g_assert_cmpuint (bp_decision_map_get_n_binnings (map), ==, binnings);

  /* The screen reader's words count over everybody: not for every new
   * parameters, but once they have stood (at most once a second). */
  descriptions = bp_decision_map_get_n_descriptions (map);
  for (guint i = 0; i < 3; i++)
    {
      bp_params_from_seed (&params, i + 10);
      bp_decision_map_set_params (map, &params);
    }
  g_assert_cmpuint (bp_decision_map_get_n_descriptions (map), ==, descriptions);
  while (bp_decision_map_get_n_descriptions (map) == descriptions)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (bp_decision_map_get_n_descriptions (map), ==, descriptions + 1);

  /* No marker to drag: a press on a person classifies the point. */
  bp_decision_map_set_editable (map, TRUE);
  g_assert_true (bp_decision_map_person_position (map, FALSE, 0, &x, &y));
  g_signal_connect (map, "person-moved", G_CALLBACK (count_moved), &moved);
  bp_decision_map_drag (map, x, y, x + 40, y + 40);
  g_assert_cmpuint (moved, ==, 0);

  /* Held out people alone may stay markers beside a dense training set. */
  {
    g_autoptr(BpPeople) few = make_people (20, N_LARGE);

    set_map_people (map, train, few);
    g_assert_true (bp_decision_map_get_dense (map, FALSE));
    g_assert_false (bp_decision_map_get_dense (map, TRUE));
    g_assert_cmpuint (bp_decision_map_get_density_count (map, FALSE), ==, N_LARGE);
    g_assert_cmpuint (bp_decision_map_get_density_count (map, TRUE), ==, 0);
  }
  gtk_window_destroy (window);
  drain ();
}

/* A class of 4 keeps its markers, which can be dragged. */
static void
test_map_markers (void)
{
  GtkWidget *view = bp_decision_map_new ();
  BpDecisionMap *map = BP_DECISION_MAP (view);
  g_autoptr(BpPeople) train = make_people (4, 0);
  GtkWindow *window = show_alone (view);
  guint moved = 0;
  double x, y;

  set_map_people (map, train, NULL);
  ui_test_wait_frame (view);
  g_assert_false (bp_decision_map_get_dense (map, FALSE));
  g_assert_cmpuint (bp_decision_map_get_density_count (map, FALSE), ==, 0);
  g_assert_null (gtk_widget_get_tooltip_text (view));
  bp_decision_map_set_editable (map, TRUE);
  g_signal_connect (map, "person-moved", G_CALLBACK (count_moved), &moved);
  g_assert_true (bp_decision_map_person_position (map, FALSE, 0, &x, &y));
  bp_decision_map_drag (map, x, y, x + 40, y + 40);
  g_assert_cmpuint (moved, ==, 1);
  gtk_window_destroy (window);
  drain ();
}

/* ---- the explanation's person chooser -------------------------------------------- */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_descendants (child, type, found);
    }
}

/* The chooser lists "Next in Order" and everybody, is searched by typing,
 * and is not rebuilt when the window gives the same names again. */
static void
test_explain_chooser (void)
{
  GtkWidget *view = bp_explain_panel_new ();
  BpExplainPanel *panel = BP_EXPLAIN_PANEL (view);
  g_autoptr(BpPeople) people = make_people (N_LARGE, 0);
  g_autoptr(BpPeople) renamed = make_people (N_LARGE, 0);
  GtkWindow *window = show_alone (view);
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_descendant (view, GTK_TYPE_DROP_DOWN));
  GtkWidget *search, *list;
  BpNormalizer norm;
  guint fills;

  bp_normalizer_init (&norm, BP_NORMALIZE_STANDARD, people);
  bp_explain_panel_set_people (panel, people, &norm);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, N_LARGE + 1);
  fills = bp_explain_panel_get_n_list_fills (panel);

  /* The same names again, with other numbers: the list stays. */
  bp_person_free (g_ptr_array_steal_index (people->people, 0));
  g_ptr_array_insert (people->people, 0, bp_person_new ("Person 1", 300, 80, BP_GENDER_MALE));
  bp_explain_panel_set_people (panel, people, &norm);
  g_assert_cmpuint (bp_explain_panel_get_n_list_fills (panel), ==, fills);
  /* Another name: rebuilt. */
  g_free (bp_people_get (renamed, 5)->name);
  bp_people_get (renamed, 5)->name = g_strdup ("Zoë");
  bp_explain_panel_set_people (panel, renamed, &norm);
  g_assert_cmpuint (bp_explain_panel_get_n_list_fills (panel), ==, fills + 1);
  g_assert_cmpstr (bp_name_list_get_string (BP_NAME_LIST (gtk_drop_down_get_model (dropdown)), 6),
                   ==, "Zoë");

  /* Typing in the open list narrows it to the names that match. */
  g_assert_true (gtk_drop_down_get_enable_search (dropdown));
  gtk_widget_activate (GTK_WIDGET (dropdown));
  drain ();
  search = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_SEARCH_ENTRY);
  list = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (search);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
                    ==, N_LARGE + 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "Person 999");
  while (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))) > N_LARGE)
    g_main_context_iteration (NULL, TRUE);
  /* Person 999 and Person 9990 to 9999. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
                    ==, 11);
  /* Closed before the window goes: GTK 4.8 would otherwise still ask
   * the destroyed popup's surface where the pointer is. */
  gtk_popover_popdown (GTK_POPOVER (find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER)));
  drain ();
  gtk_window_destroy (window);
  drain ();
}

/* The network diagram's person chooser, in the window, is searched too. */
static void
test_diagram_chooser (void)
{
  BpWindow *window = ui_test_new_window ();
  GListModel *names = bp_network_diagram_get_names (bp_window_get_network_diagram (window));
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkDropDown *chooser = NULL;

  collect_descendants (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    if (gtk_drop_down_get_model (g_ptr_array_index (dropdowns, i)) == names)
      chooser = g_ptr_array_index (dropdowns, i);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_drop_down_get_enable_search (chooser));
  g_assert_nonnull (gtk_drop_down_get_expression (chooser));
  ui_test_destroy_window (window);
}

/* ---- trajectories ------------------------------------------------------------ */

static void
test_trajectories (void)
{
  GtkWidget *view = bp_trajectories_new ();
  BpTrajectories *trajectories = BP_TRAJECTORIES (view);
  g_autoptr(BpPeople) few = make_people (4, 0);
  g_autoptr(BpPeople) many = make_people (N_LARGE, 0);
  GtkWindow *window = show_alone (view);

  bp_trajectories_set_people (trajectories, few);
  g_assert_cmpuint (bp_trajectories_get_n_people (trajectories), ==, 4);
  g_assert_null (bp_trajectories_get_people_note (trajectories));

  bp_trajectories_set_people (trajectories, many);
  g_assert_cmpuint (bp_trajectories_get_n_people (trajectories), ==, BP_HISTORY_MAX_PEOPLE);
  g_assert_cmpstr (bp_trajectories_get_people_note (trajectories), ==,
                   "Predictions of the first 16 of 10\u202f000 people: the history of a run "
                   "keeps no more.");
  gtk_window_destroy (window);
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/class-size/map-density", test_map_density);
  g_test_add_func ("/class-size/map-markers", test_map_markers);
  g_test_add_func ("/class-size/explain-chooser", test_explain_chooser);
  g_test_add_func ("/class-size/diagram-chooser", test_diagram_chooser);
  g_test_add_func ("/class-size/trajectories", test_trajectories);
  return g_test_run ();
}
