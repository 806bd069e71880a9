/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-accessibility.c: every control of the window can be named by a
 * screen reader
 *
 * GTK_A11Y=test keeps the accessible properties for the test to read.  A
 * tooltip alone is not a name: icon-only buttons need a label, and
 * entries a label or a label widget that points at them.
 */
#include "ui-utils.h"

static gboolean
is_icon_only (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL &&
           gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL;
  return GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget) &&
         GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)));
}

static gboolean
needs_name (GtkWidget *widget)
{
  return is_icon_only (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget);
}

/* A button is labelled by its child, which for an icon-only one says
 * nothing: it needs a label of its own. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  return !is_icon_only (widget) &&
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Counts what was checked; names what fails. */
static guint
check_tree (GtkWidget *widget)
{
  guint checked = 0;

  if (needs_name (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      if (!has_name (widget))
        g_error ("%s (%s, tooltip “%s”) has no accessible name", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_name (widget), gtk_widget_get_tooltip_text (widget));
      checked++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_tree (child);
  return checked;
}

static void
test_window_controls (void)
{
  BpWindow *window = ui_test_new_window ();

  /* Entries, spin buttons and icon-only buttons of every view and popover. */
  g_assert_cmpuint (check_tree (GTK_WIDGET (window)), >, 20);
  ui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/accessibility/window-controls", test_window_controls);

  return g_test_run ();
}
