/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shortcuts.c: the shortcuts window lists every accelerator the
 * application sets, and names only actions that exist */
#include <string.h>

#include "bp-application.h"
#include "ui-utils.h"

#define HELP_OVERLAY "/io/github/backprop/Backprop/bp-help-overlay.ui"

/* The action names the shortcuts window shows. */
static GHashTable *
listed_actions (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (HELP_OVERLAY);
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      char *action = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "action-name", &action, NULL);
      if (action != NULL)
        g_hash_table_add (listed, action);
    }
  gtk_window_destroy (overlay);
  return listed;
}

/* One application for the process: registering runs startup, which sets
 * the accelerators, and a second one could not take the same bus name. */
static BpApplication *
registered_app (void)
{
  static BpApplication *app;
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return app;
  app = bp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

static void
test_every_accelerator_listed (void)
{
  BpApplication *app = registered_app ();
  g_autoptr(GHashTable) listed = listed_actions ();
  g_auto(GStrv) actions = NULL;
  GHashTableIter iter;
  const char *name;
  BpWindow *window;

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_assert_cmpuint (g_strv_length (actions), >=, 9);
  for (guint i = 0; actions[i] != NULL; i++)
    if (!g_hash_table_contains (listed, actions[i]))
      g_error ("%s has an accelerator but is not in the shortcuts window", actions[i]);

  /* And every listed action is one a window or the application has. */
  window = bp_window_new (app);
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_autofree char *action = NULL;
      g_autoptr (GVariant) target = NULL;
      const char *dot;

      /* win.show-page::map names the action and its target. */
      g_assert_true (g_action_parse_detailed_name (name, &action, &target, NULL));
      dot = strchr (action, '.');
      g_assert_nonnull (dot);
      if (g_str_has_prefix (action, "win."))
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), dot + 1));
      else if (g_str_has_prefix (action, "app."))
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), dot + 1));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window builds its shortcuts window when first asked, then keeps it;
 * Ctrl+? still opens it. */
static void
test_overlay_on_demand (void)
{
  BpApplication *app = registered_app ();
  g_auto(GStrv) accels = NULL;
  GtkShortcutsWindow *overlay;
  BpWindow *window;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));

  window = bp_window_new (app);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Alt+1…5 show a page, and the action's state follows the page however
 * it was chosen; Ctrl+Page Up and Down go round the pages. */
static void
test_pages (void)
{
  BpApplication *app = registered_app ();
  g_auto(GStrv) accels = NULL;
  g_autoptr (GVariant) state = NULL;
  BpWindow *window = bp_window_new (app);
  GtkStack *views = bp_window_get_views (window);
  GActionGroup *group = G_ACTION_GROUP (window);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-page::map");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Alt>4"));

  g_action_group_activate_action (group, "show-page", g_variant_new_string ("map"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "map");
  gtk_stack_set_visible_child_name (views, "network");
  state = g_action_group_get_action_state (group, "show-page");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "network");

  g_action_group_activate_action (group, "show-page", g_variant_new_string ("explain"));
  g_action_group_activate_action (group, "next-page", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "landscape");
  g_action_group_activate_action (group, "next-page", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "loss");
  g_action_group_activate_action (group, "previous-page", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "landscape");
  g_action_group_activate_action (group, "previous-page", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "explain");
  /* A page that does not exist changes nothing. */
  g_action_group_activate_action (group, "show-page", g_variant_new_string ("nowhere"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "explain");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/shortcuts/every-accelerator-listed", test_every_accelerator_listed);
  g_test_add_func ("/shortcuts/overlay-on-demand", test_overlay_on_demand);
  g_test_add_func ("/shortcuts/pages", test_pages);

  return g_test_run ();
}
