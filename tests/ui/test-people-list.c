/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-people-list.c: the people editor with a large class
 *
 * The list is a column view over a list model: ten thousand people give
 * the same window size as four, widgets for the rows on screen only, and
 * edits, searches and sorts that touch the one person or the view only.
 */
#include <string.h>

#include "ui-utils.h"

#define N_LARGE 10000

/* Person i: every thousandth is called Zed, so that a search finds ten. */
static BpPeople *
new_large_class (void)
{
  BpPeople *people = bp_people_new ();

  for (guint i = 0; i < N_LARGE; i++)
    {
      g_autofree char *name = g_strdup_printf (i % 1000 == 7 ? "Zed %u" : "Person %u", i + 1);

      bp_people_add (people, bp_person_new (name, 100 + (i * 37) % 150, 55 + (i * 13) % 30,
                                            i % 2 ? BP_GENDER_MALE : BP_GENDER_FEMALE));
    }
  return people;
}

static void
assert_same_people (const BpPeople *a,
                    const BpPeople *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (bp_people_get_n (a), ==, bp_people_get_n (b));
  for (guint i = 0; i < bp_people_get_n (a); i++)
    {
      const BpPerson *p = bp_people_get (a, i);
      const BpPerson *q = bp_people_get (b, i);

      g_assert_cmpstr (p->name, ==, q->name);
      g_assert_cmpfloat (p->weight_lb, ==, q->weight_lb);
      g_assert_cmpfloat (p->height_in, ==, q->height_in);
      g_assert_cmpint (p->gender, ==, q->gender);
    }
}

/* An editor alone in a shown window. */
static BpPeopleEditor *
show_editor (GtkWindow **window)
{
  GtkWidget *editor = bp_people_editor_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (*window, editor);
  ui_test_show (*window, 700, 500);
  ui_test_wait_frame (editor);
  return BP_PEOPLE_EDITOR (editor);
}

static guint
count_entries (GtkWidget *widget)
{
  guint n = GTK_IS_ENTRY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_entries (child);
  return n;
}

static GtkWidget *
cell (BpPeopleEditor *editor,
      guint           person,
      BpPersonColumn  column)
{
  return ui_test_editor_cell (editor, person, column);
}

/* Four people or ten thousand: the same window, and rows for the screen. */
static void
test_size (void)
{
  g_autoptr(BpPeople) large = new_large_class ();
  GtkWindow *window;
  BpPeopleEditor *editor = show_editor (&window);
  GtkWidget *view = GTK_WIDGET (bp_people_editor_get_column_view (editor));
  int width4, height4, width, height;
  GtkWidget *weight;
  guint entries, rows;

  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, 4);
  ui_test_min_size (GTK_WIDGET (window), &width4, &height4);

  bp_people_editor_set_people (editor, large);
  ui_test_wait_frame (GTK_WIDGET (editor));
  g_assert_cmpuint (g_list_model_get_n_items (bp_people_editor_get_model (editor)), ==, N_LARGE);
  g_assert_true (bp_people_editor_get_valid (editor));
  ui_test_min_size (GTK_WIDGET (window), &width, &height);
  g_assert_cmpint (width, ==, width4);
  g_assert_cmpint (height, ==, height4);

  /* Rows for the screen, not for the people: GTK 4.8's list view keeps
   * at most 200 rows around the one in view, 2 more on each side
   * (GTK_LIST_VIEW_MAX_LIST_ITEMS, _EXTRA_ITEMS) and the rows that have
   * the focus or were scrolled to; three entries each. */
  rows = ui_test_count_rows (GTK_COLUMN_VIEW (view));
  entries = count_entries (view);
  g_assert_cmpuint (rows, >=, 1);
  g_assert_cmpuint (rows, <=, 210);
  g_assert_cmpuint (entries, ==, 3 * rows);

  /* Far down the list, a recycled row says whose it is. */
  weight = cell (editor, 9000, BP_PERSON_COLUMN_WEIGHT);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (weight), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Person 9001’s weight");
  g_assert_cmpuint (ui_test_count_rows (GTK_COLUMN_VIEW (view)), <=, 210);
  gtk_window_destroy (window);
}

/* Typing into one cell changes that person only, without a rebuild. */
static void
test_edit (void)
{
  g_autoptr(BpPeople) large = new_large_class ();
  g_autoptr(BpPeople) after = NULL;
  GtkWindow *window;
  BpPeopleEditor *editor = show_editor (&window);
  GtkEditable *weight;
  BpPersonItem *item;

  bp_people_editor_set_people (editor, large);
  item = bp_people_editor_get_item (editor, 5000);
  weight = GTK_EDITABLE (cell (editor, 5000, BP_PERSON_COLUMN_WEIGHT));
  ui_test_set_text (weight, "151.5");
  g_assert_true (bp_people_editor_get_item (editor, 5000) == item);
  after = ui_test_dup_people (editor, FALSE);
  g_assert_cmpfloat (bp_people_get (after, 5000)->weight_lb, ==, 151.5);
  bp_people_get (large, 5000)->weight_lb = 151.5;
  assert_same_people (after, large);

  /* A wrong weight keeps the last good one, marked in place and named. */
  ui_test_set_text (weight, "15x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
  g_assert_false (bp_people_editor_get_valid (editor));
  g_assert_nonnull (strstr (bp_people_editor_get_error (editor), "Person 5001"));
  g_assert_cmpfloat (bp_person_item_get_weight_lb (item), ==, 151.5);
  g_assert_cmpstr (bp_person_item_get_typed (item, BP_PERSON_FIELD_WEIGHT), ==, "15x");

  /* Scrolled away and back, the row shows what was typed. */
  cell (editor, 0, BP_PERSON_COLUMN_WEIGHT);
  weight = GTK_EDITABLE (cell (editor, 5000, BP_PERSON_COLUMN_WEIGHT));
  g_assert_cmpstr (gtk_editable_get_text (weight), ==, "15x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
  ui_test_set_text (weight, "152");
  g_assert_true (bp_people_editor_get_valid (editor));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
  gtk_window_destroy (window);
}

/* The search shows the people whose names match, and says how many. */
static void
test_search (void)
{
  g_autoptr(BpPeople) large = new_large_class ();
  GtkWindow *window;
  BpPeopleEditor *editor = show_editor (&window);
  GListModel *shown = bp_people_editor_get_view_model (editor);

  bp_people_editor_set_people (editor, large);
  g_assert_null (bp_people_editor_get_count_text (editor));
  /* The search entry waits for typing to pause before it searches. */
  gtk_editable_set_text (bp_people_editor_get_search_entry (editor), "zED");
  while (bp_people_editor_get_count_text (editor) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(BpPersonItem) item = g_list_model_get_item (shown, i);

      g_assert_true (g_str_has_prefix (bp_person_item_get_name (item), "Zed "));
    }
  g_assert_cmpstr (bp_people_editor_get_count_text (editor), ==, "10 of 10000 people");
  /* Who is hidden cannot be scrolled to. */
  g_assert_false (bp_people_editor_scroll_to (editor, 0));
  gtk_editable_set_text (bp_people_editor_get_search_entry (editor), "");
  while (bp_people_editor_get_count_text (editor) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_LARGE);
  g_assert_null (bp_people_editor_get_count_text (editor));
  gtk_window_destroy (window);
}

static GtkColumnViewColumn *
column (BpPeopleEditor *editor,
        BpPersonColumn  which)
{
  GListModel *columns = gtk_column_view_get_columns (bp_people_editor_get_column_view (editor));
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, which);

  return column;
}

/* Sorting by a column sorts the view; training order stays. */
static void
test_sort (void)
{
  g_autoptr(BpPeople) large = new_large_class ();
  g_autoptr(BpPeople) after = NULL;
  GtkWindow *window;
  BpPeopleEditor *editor = show_editor (&window);
  GtkColumnView *view = bp_people_editor_get_column_view (editor);
  GListModel *shown = bp_people_editor_get_view_model (editor);
  double last = 0;
  gboolean moved = FALSE;

  bp_people_editor_set_people (editor, large);
  gtk_column_view_sort_by_column (view, column (editor, BP_PERSON_COLUMN_WEIGHT), GTK_SORT_ASCENDING);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_LARGE);
  for (guint i = 0; i < N_LARGE; i++)
    {
      g_autoptr(BpPersonItem) item = g_list_model_get_item (shown, i);

      g_assert_cmpfloat (bp_person_item_get_weight_lb (item), >=, last);
      last = bp_person_item_get_weight_lb (item);
      moved |= bp_person_item_get_position (item) != i;
    }
  g_assert_true (moved);
  after = ui_test_dup_people (editor, FALSE);
  assert_same_people (after, large);

  /* The No. column gives training order back. */
  gtk_column_view_sort_by_column (view, column (editor, BP_PERSON_COLUMN_NUMBER), GTK_SORT_ASCENDING);
  for (guint i = 0; i < N_LARGE; i++)
    {
      g_autoptr(BpPersonItem) item = g_list_model_get_item (shown, i);

      g_assert_cmpuint (bp_person_item_get_position (item), ==, i);
    }
  gtk_window_destroy (window);
}

/* Add Person scrolls to the new row and puts the cursor in its name. */
static void
test_add (void)
{
  g_autoptr(BpPeople) large = new_large_class ();
  GtkWindow *window;
  BpPeopleEditor *editor = show_editor (&window);
  GtkWidget *name, *focus;

  bp_people_editor_set_people (editor, large);
  gtk_widget_activate_action (GTK_WIDGET (editor), "people.add", NULL);
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, N_LARGE + 1);
  name = cell (editor, N_LARGE, BP_PERSON_COLUMN_NAME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Person 10001");
  /* The entry's text takes the focus, once the row is on screen. */
  while ((focus = gtk_root_get_focus (GTK_ROOT (window))) == NULL ||
         !gtk_widget_is_ancestor (focus, name))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (window);
}

static gboolean
has_focus_in (GtkWindow *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab goes from a person's name through the row's fields, in order. */
static void
test_keyboard (void)
{
  GtkWindow *window;
  BpPeopleEditor *editor = show_editor (&window);
  BpPersonColumn order[] = {
    BP_PERSON_COLUMN_NAME, BP_PERSON_COLUMN_WEIGHT, BP_PERSON_COLUMN_HEIGHT, BP_PERSON_COLUMN_GENDER,
    BP_PERSON_COLUMN_TEST,
  };

  gtk_widget_grab_focus (cell (editor, 1, BP_PERSON_COLUMN_NAME));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (i > 0)
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      g_assert_true (has_focus_in (window, cell (editor, 1, order[i])));
    }
  gtk_window_destroy (window);
}

/* Remove, then Undo: the same people in the same order, held out or not;
 * Redo removes them again. */
static void
test_remove_undo (void)
{
  BpWindow *window = ui_test_new_window ();
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  g_autoptr(BpPeople) people = NULL;
  g_autoptr(BpPeople) test = NULL;
  g_autoptr(BpPeople) after = NULL;
  g_autoptr(BpPeople) after_test = NULL;

  ui_test_set_held_out (window, 2, TRUE);
  people = ui_test_dup_people (editor, FALSE);
  test = ui_test_dup_people (editor, TRUE);
  g_assert_cmpuint (bp_people_get_n (test), ==, 1);

  ui_test_click_person_button (window, 1, TRUE);
  ui_test_click_person_button (window, 1, TRUE);
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, 2);
  g_assert_cmpstr (bp_person_item_get_name (bp_people_editor_get_item (editor, 1)), ==, "Diana");
  g_assert_true (ui_test_action_enabled (window, "undo"));
  ui_test_activate (window, "undo");
  ui_test_activate (window, "undo");
  after = ui_test_dup_people (editor, FALSE);
  after_test = ui_test_dup_people (editor, TRUE);
  assert_same_people (after, people);
  assert_same_people (after_test, test);
  g_assert_true (bp_person_item_get_held_out (bp_people_editor_get_item (editor, 2)));

  ui_test_activate (window, "redo");
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, 3);
  g_assert_cmpstr (bp_person_item_get_name (bp_people_editor_get_item (editor, 1)), ==, "Charlie");
  ui_test_destroy_window (window);
}

/* The gender is a button that reads F or M and flips on a press; the
 * person changes, and a screen reader hears which it is now. */
static void
test_gender (void)
{
  GtkWindow *window;
  BpPeopleEditor *editor = show_editor (&window);
  g_autoptr(BpPeople) seeds = bp_people_new_seed ();
  g_autoptr(BpPeople) people = NULL;
  GtkWidget *bob;

  bp_people_editor_set_people (editor, seeds);
  ui_test_wait_frame (GTK_WIDGET (editor));
  bob = cell (editor, 1, BP_PERSON_COLUMN_GENDER);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (bob)), ==, "M");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bob)));
  g_signal_emit_by_name (bob, "clicked");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (bob)), ==, "F");
  people = ui_test_dup_people (editor, FALSE);
  g_assert_cmpint (bp_people_get (people, 1)->gender, ==, BP_GENDER_FEMALE);
  g_assert_cmpint (bp_people_get (people, 0)->gender, ==, BP_GENDER_FEMALE);
  g_assert_cmpint (bp_people_get (people, 2)->gender, ==, BP_GENDER_MALE);
  g_signal_emit_by_name (bob, "clicked");
  g_clear_pointer (&people, bp_people_unref);
  people = ui_test_dup_people (editor, FALSE);
  g_assert_true (bp_people_equal (people, seeds));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Keeps the accessible names for the test to read. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/people-list/size", test_size);
  g_test_add_func ("/people-list/edit", test_edit);
  g_test_add_func ("/people-list/search", test_search);
  g_test_add_func ("/people-list/sort", test_sort);
  g_test_add_func ("/people-list/add", test_add);
  g_test_add_func ("/people-list/keyboard", test_keyboard);
  g_test_add_func ("/people-list/gender", test_gender);
  g_test_add_func ("/people-list/remove-undo", test_remove_undo);

  return g_test_run ();
}
