/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window.c: the main window, where a class watches the network learn
 *
 * This part builds the window and answers GTK: its template, its
 * properties, realizing on a screen, focus order and closing.  What the
 * window does is in its other parts (see bp-window-private.h), and what
 * it shows is the lesson's (BpLesson).
 */
#include "config.h"

#include <glib/gi18n.h>

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "bp-accessible.h"
#include "bp-settings.h"
#include "bp-view-switcher.h"
#include "bp-window-private.h"
#include "bp-window-tour.h"

G_DEFINE_FINAL_TYPE (BpWindow, bp_window, GTK_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* gtk_window_destroy() (closing, app.quit) unrealizes the window but only
 * disposes it once the last reference goes; the run must not outlive the
 * window on screen either way. */
static void
bp_window_unrealize (GtkWidget *widget)
{
  bp_lesson_end_run (BP_WINDOW (widget)->lesson);
  GTK_WIDGET_CLASS (bp_window_parent_class)->unrealize (widget);
}

/* A screen smaller than the window (a projector at 800×600): the window
 * opens no larger than the screen and, where the settings and people do
 * not fit beside the views, without them, as F9 would hide them.  The
 * setting is left alone, so that they are back on a larger screen. */
void
bp_window_fit_screen (BpWindow *self,
                      int       screen_width,
                      int       screen_height)
{
  GAction *side_pane = g_action_map_lookup_action (G_ACTION_MAP (self), "side-pane");
  int width, height, min_width;

  g_return_if_fail (BP_IS_WINDOW (self));

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  if (min_width > screen_width && gtk_widget_get_visible (self->side_pane))
    {
      g_simple_action_set_state (G_SIMPLE_ACTION (side_pane), g_variant_new_boolean (FALSE));
      _bp_window_update_side_pane (self);
    }
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > screen_width || height > screen_height)
    gtk_window_set_default_size (GTK_WINDOW (self), MIN (width, screen_width),
                                 MIN (height, screen_height));
}

/* The screen is known once the window has a surface, before it is shown. */
static void
bp_window_realize (GtkWidget *widget)
{
  GdkMonitor *monitor;
  GdkRectangle screen;

  GTK_WIDGET_CLASS (bp_window_parent_class)->realize (widget);
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget),
                                                gtk_native_get_surface (GTK_NATIVE (widget)));
  if (monitor == NULL || gtk_window_is_maximized (GTK_WINDOW (widget)))
    return;
  gdk_monitor_get_geometry (monitor, &screen);
#ifdef GDK_WINDOWING_X11
  /* Less the panels a desktop keeps on screen, where X11 says. */
  if (GDK_IS_X11_MONITOR (monitor))
    gdk_x11_monitor_get_workarea (monitor, &screen);
#endif
  bp_window_fit_screen (BP_WINDOW (widget), screen.width, screen.height);
}

/* Tab goes through the window in reading order: GtkWindow visits its
 * content before the header bar, which put Train, the first thing a
 * lesson uses, behind forty other stops.  Other directions, and a window
 * without a header bar on screen, keep GTK's own order. */
static gboolean
bp_window_focus (GtkWidget        *widget,
                 GtkDirectionType  direction)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (widget));
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (widget));
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  GtkWidget *order[2];
  guint start;

  if ((!forward && direction != GTK_DIR_TAB_BACKWARD) || titlebar == NULL ||
      content == NULL || !gtk_widget_get_visible (titlebar))
    return GTK_WIDGET_CLASS (bp_window_parent_class)->focus (widget, direction);

  order[0] = forward ? titlebar : content;
  order[1] = forward ? content : titlebar;
  start = focus_child == order[1] ? 1 : 0;
  for (guint i = start; i < 2; i++)
    if (gtk_widget_child_focus (order[i], direction))
      return TRUE;
  if (focus_child == NULL)
    return FALSE;
  /* Off the end: wrap round to the first stop. */
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);
  for (guint i = 0; i < 2; i++)
    if (gtk_widget_child_focus (order[i], direction))
      return TRUE;
  return FALSE;
}

/* Closing with unsaved changes asks first; the window's size is kept
 * for next time either way. */
static gboolean
bp_window_close_request (GtkWindow *window)
{
  BpWindow *self = BP_WINDOW (window);

  bp_settings_save_window_state (self->settings, window);
  if (bp_lesson_get_modified (self->lesson))
    {
      _bp_window_confirm_close (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (bp_window_parent_class)->close_request (window);
}

/* The settings are known only now: restore them, then take what the
 * window shows as the unmodified state. */
static void
bp_window_constructed (GObject *object)
{
  BpWindow *self = BP_WINDOW (object);

  G_OBJECT_CLASS (bp_window_parent_class)->constructed (object);
  bp_settings_restore_window (self->settings, GTK_WINDOW (self), self->training_form,
                              self->people_editor, self->loss_chart);
  bp_settings_follow_lesson (self->settings, self->lesson);
  _bp_window_restore_view_modes (self);
  bp_window_mark_saved (self, NULL);
}

static void
bp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BpWindow *self = BP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_FILE:
      g_value_set_object (value, bp_lesson_get_file (self->lesson));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, bp_lesson_get_modified (self->lesson));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BpWindow *self = BP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_window_dispose (GObject *object)
{
  BpWindow *self = BP_WINDOW (object);

  bp_lesson_end_run (self->lesson);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bp_window_parent_class)->dispose (object);
}

static void
bp_window_finalize (GObject *object)
{
  BpWindow *self = BP_WINDOW (object);

  g_clear_object (&self->lesson);
  G_OBJECT_CLASS (bp_window_parent_class)->finalize (object);
}

static void
bp_window_class_init (BpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bp_window_constructed;
  object_class->get_property = bp_window_get_property;
  object_class->set_property = bp_window_set_property;
  object_class->dispose = bp_window_dispose;
  object_class->finalize = bp_window_finalize;
  widget_class->realize = bp_window_realize;
  widget_class->unrealize = bp_window_unrealize;
  widget_class->focus = bp_window_focus;
  window_class->close_request = bp_window_close_request;

  /* Where the window's size and the last settings are kept; NULL runs
   * without (tests, or a schema that is not installed). */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BP_TYPE_TRAINING_FORM);
  g_type_ensure (BP_TYPE_PEOPLE_EDITOR);
  g_type_ensure (BP_TYPE_LOSS_CHART);
  g_type_ensure (BP_TYPE_PREDICTION_PANEL);
  g_type_ensure (BP_TYPE_NETWORK_DIAGRAM);
  g_type_ensure (BP_TYPE_DECISION_MAP);
  g_type_ensure (BP_TYPE_EXPLAIN_PANEL);
  g_type_ensure (BP_TYPE_TRAJECTORIES);
  g_type_ensure (BP_TYPE_LANDSCAPE_VIEW);
  g_type_ensure (BP_TYPE_RUNS_POPOVER);
  g_type_ensure (BP_TYPE_VIEW_SWITCHER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpWindow, train_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, pause_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, step_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, presenter_step_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, training_form);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, people_editor);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, state_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, epoch_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, loss_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, loss_chart);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, prediction_panel);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, views);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, network_diagram);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, diagram_person);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, decision_map);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, explain_panel);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, trajectories);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, landscape_view);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, presenter_bar);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, side_pane);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, side_separator);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, runs_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, runs_popover);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, primary_menu);

  /* Bubble-phase shortcuts: an entry that has the focus takes Escape
   * first, and a disabled action lets the key through.  Space is in
   * init_space(). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.stop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  /* Bubble phase too: an entry's own text undo comes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

/* The window's title and the "file" and "modified" it shows are the
 * lesson's. */
static void
on_lesson_file (BpWindow *self)
{
  _bp_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
on_lesson_modified (BpWindow *self)
{
  _bp_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
init_lesson (BpWindow *self)
{
  self->lesson = bp_lesson_new ();
  bp_lesson_set_people (self->lesson, bp_people_editor_get_model (self->people_editor));
  g_signal_connect_object (self->lesson, "notify::file", G_CALLBACK (on_lesson_file),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lesson, "notify::modified", G_CALLBACK (on_lesson_modified),
                           self, G_CONNECT_SWAPPED);
}

/* The main menu's popover is built when it first opens: a GtkPopoverMenu
 * built with the window costs some 5 ms of every start-up. */
static void
build_primary_menu (GtkMenuButton *button,
                    gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* Pause and Resume take turns on one button: it is as wide as the wider
 * of the two, so that Step and Stop beside it do not move when a run is
 * paused, in any language. */
static void
size_pause_button (BpWindow *self)
{
  const char *labels[] = { _("_Resume"), _("_Pause") };
  int widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int natural;

      gtk_button_set_label (self->pause_button, labels[i]);
      gtk_widget_measure (GTK_WIDGET (self->pause_button), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }
  gtk_widget_set_size_request (GTK_WIDGET (self->pause_button), widest, -1);
}

static void
bp_window_init (BpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  size_pause_button (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, build_primary_menu, self, NULL);
  init_lesson (self);
  _bp_window_status_init (self);
  _bp_window_actions_init (self);
  _bp_window_run_init (self);
  _bp_window_edits_init (self);
  _bp_window_files_init (self);
  _bp_window_dnd_init (self);
  _bp_window_landscape_init (self);
  bp_window_tour_init (self);
  _bp_window_show_idle (self);
  _bp_window_update_actions (self);
  bp_accessible_fix_names (GTK_WIDGET (self));
}

/* A window of @application (or of none), with the application's
 * settings. */
BpWindow *
bp_window_new (BpApplication *application)
{
  return g_object_new (BP_TYPE_WINDOW,
                       "application", application,
                       "settings", application != NULL ? bp_application_get_settings (application) : NULL,
                       NULL);
}
/* The last progress the window read: the current run's, or the idle
 * state between runs.  After the window was closed mid-run it is the
 * run's final progress, read after its worker thread was joined. */
void
bp_window_get_progress (BpWindow   *self,
                        BpProgress *progress)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  *progress = *bp_lesson_get_progress (self->lesson);
}
gboolean
bp_window_has_run (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return bp_lesson_shows_run (self->lesson);
}

const char *
bp_window_get_state_text (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->state_label);
}

/* The explanation under the status line, or "" when there is none. */
const char *
bp_window_get_hint_text (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->hint_label);
}

BpTrainingForm *
bp_window_get_training_form (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->training_form;
}

BpPeopleEditor *
bp_window_get_people_editor (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->people_editor;
}

BpLossChart *
bp_window_get_loss_chart (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->loss_chart;
}

BpPredictionPanel *
bp_window_get_prediction_panel (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->prediction_panel;
}

GtkWidget *
bp_window_get_train_button (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->train_button;
}
/* The session file, or NULL before the first save. */
GFile *
bp_window_get_file (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return bp_lesson_get_file (self->lesson);
}
gboolean
bp_window_get_modified (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return bp_lesson_get_modified (self->lesson);
}
/* Neither saved to a file nor changed since it opened: a session can be
 * opened in it without losing anything. */
gboolean
bp_window_is_pristine (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return bp_lesson_get_file (self->lesson) == NULL && !bp_lesson_get_modified (self->lesson);
}

GSettings *
bp_window_get_settings (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->settings;
}

BpTrajectories *
bp_window_get_trajectories (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->trajectories;
}
BpRunList *
bp_window_get_runs (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return bp_lesson_get_runs (self->lesson);
}
BpRace *
bp_window_get_race (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return bp_lesson_get_race (self->lesson);
}

BpRunsPopover *
bp_window_get_runs_popover (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->runs_popover;
}

GtkStack *
bp_window_get_views (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->views;
}

BpNetworkDiagram *
bp_window_get_network_diagram (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->network_diagram;
}

GtkDropDown *
bp_window_get_diagram_person (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->diagram_person;
}

BpDecisionMap *
bp_window_get_decision_map (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->decision_map;
}

BpExplainPanel *
bp_window_get_explain_panel (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->explain_panel;
}
BpLesson *
bp_window_get_lesson (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->lesson;
}
