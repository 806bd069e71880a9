/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-actions.c: the view modes, the pages and the keys that go with them */
#include "config.h"

#include <glib/gi18n.h>
#include "bp-accessible.h"
#include "bp-window-private.h"

/* The status, the views and the predictions, right of the side pane. */
static GtkWidget *
views_column (BpWindow *self)
{
  return gtk_widget_get_next_sibling (self->side_separator);
}

static int
min_width (GtkWidget *widget)
{
  int width;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  return width;
}

/* Whether the side pane fits beside the views in the window's width, both
 * shown.  A window not laid out yet is fitted to its screen as it is
 * realized (bp_window_fit_screen ()). */
static gboolean
side_pane_fits (BpWindow *self)
{
  int width = gtk_widget_get_width (gtk_widget_get_parent (self->side_pane));

  return width <= 0 ||
         min_width (self->side_pane) + min_width (self->side_separator) +
         min_width (views_column (self)) <= width;
}

/* The settings and people beside the views: hidden in presenter mode,
 * and whenever win.side-pane (F9) is off, which gives the views a small
 * screen's whole width.  F9 never widens the window: on an 800 px screen
 * the pane (some 520 px) and the views (some 490) do not fit side by
 * side, and the pane brought back beside them made the window a quarter
 * wider than the screen.  There the pane comes back in the views' place,
 * the header bar's buttons still at hand, until F9 again or a page
 * chosen brings the views back (on_visible_page ()). */
void
_bp_window_update_side_pane (BpWindow *self)
{
  g_autoptr(GVariant) shown = g_action_group_get_action_state (G_ACTION_GROUP (self), "side-pane");
  gboolean visible = (shown == NULL || g_variant_get_boolean (shown)) &&
                     !gtk_widget_has_css_class (GTK_WIDGET (self), "presenter");
  GtkWidget *views = views_column (self);
  gboolean covered = !gtk_widget_get_visible (views);
  gboolean cover;

  /* Measured as they would be side by side: a hidden widget measures 0. */
  gtk_widget_set_visible (self->side_pane, TRUE);
  gtk_widget_set_visible (views, TRUE);
  cover = visible && !side_pane_fits (self);
  gtk_widget_set_visible (self->side_pane, visible);
  gtk_widget_set_visible (self->side_separator, visible && !cover);
  gtk_widget_set_visible (views, !cover);
  gtk_widget_set_hexpand (self->side_pane, cover);
  /* The focus was on the views, now out of sight. */
  if (cover && !covered)
    gtk_widget_child_focus (self->side_pane, GTK_DIR_TAB_FORWARD);
}

static void
side_pane_change_state (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  g_simple_action_set_state (action, value);
  _bp_window_update_side_pane (self);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "side-pane", g_variant_get_boolean (value));
}

/* On a projector the pages that explain the network need the height:
 * in presenter mode the predictions and Classify show under the loss
 * curve and the decision map, whose lesson they are, and give the
 * Trajectories, Network and Explain pages the whole height. */
static void
update_prediction_panel (BpWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->views);
  gboolean presenter = gtk_widget_has_css_class (GTK_WIDGET (self), "presenter");
  gboolean touring = gtk_widget_has_css_class (GTK_WIDGET (self), "touring");

  gtk_widget_set_visible (GTK_WIDGET (self->prediction_panel),
                          !touring && (!presenter || g_strcmp0 (name, "loss") == 0 ||
                                       g_strcmp0 (name, "map") == 0));
}

/* The guided tour's card takes the predictions' place under the views:
 * its text says what they would (the loss, Emily and Frank), and a small
 * screen has no room for both.  The status hint follows (see
 * show_hint()). */
void
bp_window_set_touring (BpWindow *self,
                       gboolean  touring)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  if (touring)
    gtk_widget_add_css_class (GTK_WIDGET (self), "touring");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "touring");
  update_prediction_panel (self);
  _bp_window_update_actions (self);
  /* The card is over the views, which a small screen's side pane may
   * have taken the place of: the tour is to be seen. */
  if (touring && !gtk_widget_get_visible (views_column (self)))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "side-pane",
                                        g_variant_new_boolean (FALSE));
}

/* Presenter mode: full screen, larger text (style.css) and thicker
 * lines, for a projector.  The views take the whole width: the settings
 * and people, which the class reads less than the charts, come back on
 * leaving it. */
static void
apply_presenter (BpWindow *self,
                 gboolean  presenter)
{
  if (presenter)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenter");
  /* Hidden, not only folded away: a folded revealer still asks for its
   * child's width, which is the bar's, too wide beside the side pane. */
  gtk_widget_set_visible (GTK_WIDGET (self->presenter_bar), presenter);
  gtk_revealer_set_reveal_child (self->presenter_bar, presenter);
  /* The file's name is the teacher's business, not the class's; in the
   * larger text it was squeezed to "• Unti… esson" beside the test loss. */
  gtk_widget_set_visible (GTK_WIDGET (self->file_label), !presenter);
  bp_prediction_panel_set_compact (self->prediction_panel, presenter);
  _bp_window_update_side_pane (self);
  update_prediction_panel (self);
}

static void
fullscreen_change_state (GSimpleAction *action,
                         GVariant      *value,
                         gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  gboolean presenter = g_variant_get_boolean (value);

  g_simple_action_set_state (action, value);
  apply_presenter (self, presenter);
  if (presenter)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "presenter-mode", presenter);
}

/* Leaving full screen some other way (the window manager) ends presenter
 * mode too. */
static void
on_fullscreened (BpWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "fullscreen");
  g_autoptr(GVariant) state = g_action_get_state (action);

  if (!gtk_window_is_fullscreen (GTK_WINDOW (self)) && g_variant_get_boolean (state))
    g_action_change_state (action, g_variant_new_boolean (FALSE));
}

/* The lesson view leaves out what a first lesson does not need: here
 * the earlier runs and the race. */
static void
lesson_view_change_state (GSimpleAction *action,
                          GVariant      *value,
                          gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  gboolean lesson = g_variant_get_boolean (value);

  g_simple_action_set_state (action, value);
  gtk_widget_set_visible (self->runs_button, !lesson);
  bp_training_form_set_show_advanced (self->training_form, !lesson);
  if (lesson)
    gtk_widget_add_css_class (GTK_WIDGET (self), "lesson");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "lesson");
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "lesson-view", lesson);
}

/* Built the first time it is asked for: GtkApplication would build
 * gtk/help-overlay.ui with every window, some 10 ms of each start-up.
 * Setting it gives the window the overlay to keep, show and destroy. */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/backprop/Backprop/bp-help-overlay.ui");

      gtk_application_window_set_help_overlay (window,
        GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

/* ---- pages ------------------------------------------------------------------ */

/* win.show-page: its state is the page on screen, by name. */
static void
show_page_change_state (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  const char *name = g_variant_get_string (value, NULL);

  if (gtk_stack_get_child_by_name (self->views, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->views, name);
}


static void
on_visible_page (BpWindow *self)
{
  GAction *show_page = g_action_map_lookup_action (G_ACTION_MAP (self), "show-page");
  const char *name = gtk_stack_get_visible_child_name (self->views);

  g_simple_action_set_state (G_SIMPLE_ACTION (show_page), g_variant_new_string (name));
  update_prediction_panel (self);
  /* The page, just mapped, caught up with the run (see
   * bp_lesson_watch_history_shown ()): a screen reader may read it now. */
  bp_accessible_flush (gtk_stack_get_visible_child (self->views));
  /* A page chosen over the side pane that took the views' place (a
   * small screen's F9) is a page to see. */
  if (!gtk_widget_get_visible (views_column (self)))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "side-pane",
                                        g_variant_new_boolean (FALSE));
}

/* The page @offset pages from the one on screen, round the ends, as
 * Ctrl+Page Up and Down go through tabs. */
static void
show_page_by (BpWindow *self,
              int       offset)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->views);
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  guint index = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->views)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_stack_page_get_visible (gtk_stack_get_page (self->views, child)))
      {
        if (child == visible)
          index = pages->len;
        g_ptr_array_add (pages, child);
      }
  if (pages->len == 0)
    return;
  index = (index + pages->len + offset) % pages->len;
  gtk_stack_set_visible_child (self->views, g_ptr_array_index (pages, index));
}

static void
next_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  show_page_by (BP_WINDOW (user_data), 1);
}

static void
previous_page_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  show_page_by (BP_WINDOW (user_data), -1);
}

/* Presenter mode, the lesson view and the side pane as the teacher left
 * them. */
void
_bp_window_restore_view_modes (BpWindow *self)
{
  if (self->settings == NULL)
    return;
  if (g_settings_get_boolean (self->settings, "presenter-mode"))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "fullscreen",
                                        g_variant_new_boolean (TRUE));
  if (g_settings_get_boolean (self->settings, "lesson-view"))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "lesson-view",
                                        g_variant_new_boolean (TRUE));
  if (!g_settings_get_boolean (self->settings, "side-pane"))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "side-pane",
                                        g_variant_new_boolean (FALSE));
}

/* Space pauses and resumes unless the focused widget uses it: a field
 * types it, a button or a row is pressed with it.  A bubble-phase binding
 * would lose it to GtkWindow's own, which activates any focused widget,
 * even one with nothing to activate, such as the network diagram. */
static gboolean
on_space (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL &&
      (GTK_IS_EDITABLE (focus) || gtk_widget_class_get_activate_signal (GTK_WIDGET_GET_CLASS (focus)) != 0))
    return FALSE;
  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (widget), "pause"))
    return FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (widget), "pause", NULL);
  return TRUE;
}

static void
init_space (BpWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                      gtk_callback_action_new (on_space, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static const GActionEntry view_entries[] = {
  /* Stateful without a parameter: activating them toggles the state. */
  { .name = "fullscreen", .state = "false", .change_state = fullscreen_change_state },
  { .name = "lesson-view", .state = "false", .change_state = lesson_view_change_state },
  { .name = "side-pane", .state = "true", .change_state = side_pane_change_state },
  { .name = "show-help-overlay", .activate = show_help_overlay_activated },
  /* Stateful with a string: win.show-page::map shows the decision map. */
  { .name = "show-page", .parameter_type = "s", .state = "'loss'",
    .change_state = show_page_change_state },
  { .name = "next-page", .activate = next_page_activated },
  { .name = "previous-page", .activate = previous_page_activated },
};

/* The view modes' and pages' actions, Space, and presenter mode as the
 * window manager sees it. */
void
_bp_window_actions_init (BpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), view_entries,
                                   G_N_ELEMENTS (view_entries), self);
  init_space (self);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened), NULL);
  g_signal_connect_object (self->views, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page), self, G_CONNECT_SWAPPED);
  on_visible_page (self);
}
