/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-utils.c: helpers shared by the UI tests
 *
 * Nothing here waits for a time: loops iterate the main context until a
 * condition holds, and meson's test timeout catches a hang.
 */
#include <locale.h>
#include <string.h>

#include "ui-utils.h"

/* The CSS the application would load, so sizes match the real window. */
static void
load_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/backprop/Backprop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  gtk_init ();
  load_css ();
}

/* Presents @window at the given size and returns once it is drawn, so
 * that tick callbacks run and widgets have their sizes. */
void
ui_test_show (GtkWindow *window,
              int        width,
              int        height)
{
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) ||
         gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until @widget's window has been laid out and painted once more: a
 * non-blocking drain of the main loop can return before the frame clock
 * runs its layout phase, leaving last frame's allocations in place. */
void
ui_test_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_true (painted);
}

/* The smallest size @widget can take: its minimum width, and the height
 * it needs at that width. */
void
ui_test_min_size (GtkWidget *widget,
                  int       *width,
                  int       *height)
{
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, *width, height, NULL, NULL, NULL);
}

/* The rows of a column view that exist as widgets: its list view's
 * children. */
guint
ui_test_count_rows (GtkColumnView *view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        n++;
  return n;
}

/* The first label under @widget whose text holds @text, or NULL. */
GtkWidget *
ui_test_find_label (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A shown window at a fixed size, running as fast as it can. */
BpWindow *
ui_test_new_window (void)
{
  BpWindow *window = bp_window_new (NULL);

  ui_test_show (GTK_WINDOW (window), 1280, 800);
  bp_training_form_set_speed (bp_window_get_training_form (window), BP_SPEED_FASTEST);
  return window;
}

void
ui_test_destroy_window (BpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* As if typed: the "changed" handlers run as for a keystroke. */
void
ui_test_set_text (GtkEditable *editable,
                  const char  *text)
{
  gtk_editable_set_text (editable, text);
}

/* The widget in @column of @person's row (in training order), scrolled
 * to and on screen: rows exist only around the view, and are recycled.
 * The scroll is asked again after each frame, as the rows' heights the
 * list first guesses become known. */
/* The people an editor lists (@held_out: those held out), as a lesson
 * made afresh over its model reads them: NULL while one is wrong. */
BpPeople *
ui_test_dup_people (BpPeopleEditor *editor,
                    gboolean        held_out)
{
  g_autoptr(BpLesson) lesson = bp_lesson_new ();

  bp_lesson_set_people (lesson, bp_people_editor_get_model (editor));
  return held_out ? bp_lesson_dup_test_people (lesson) : bp_lesson_dup_people (lesson);
}

GtkWidget *
ui_test_editor_cell (BpPeopleEditor *editor,
                     guint           person,
                     BpPersonColumn  column)
{
  GtkWidget *cell = bp_people_editor_get_cell (editor, person, column);

  while (cell == NULL || !gtk_widget_get_mapped (cell))
    {
      g_assert_true (bp_people_editor_scroll_to (editor, person));
      ui_test_wait_frame (GTK_WIDGET (editor));
      cell = bp_people_editor_get_cell (editor, person, column);
    }
  return cell;
}

GtkWidget *
ui_test_person_widget (BpWindow       *window,
                       guint           person,
                       BpPersonColumn  column)
{
  return ui_test_editor_cell (bp_window_get_people_editor (window), person, column);
}

GtkEditable *
ui_test_person_entry (BpWindow       *window,
                      guint           person,
                      BpPersonColumn  column)
{
  return GTK_EDITABLE (ui_test_person_widget (window, person, column));
}

/* The inputs column's text for @person. */
const char *
ui_test_person_inputs (BpWindow *window,
                       guint     person)
{
  return gtk_label_get_text (GTK_LABEL (ui_test_person_widget (window, person, BP_PERSON_COLUMN_INPUTS)));
}

/* Ticks or unticks @person's Test box, as a click does. */
void
ui_test_set_held_out (BpWindow *window,
                      guint     person,
                      gboolean  held_out)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_person_widget (window, person, BP_PERSON_COLUMN_TEST)),
                               held_out);
}

/* Clicks @person's Duplicate (@remove FALSE) or Remove button. */
void
ui_test_click_person_button (BpWindow *window,
                             guint     person,
                             gboolean  remove)
{
  GtkWidget *box = ui_test_person_widget (window, person, BP_PERSON_COLUMN_BUTTONS);

  g_signal_emit_by_name (remove ? gtk_widget_get_last_child (box) : gtk_widget_get_first_child (box),
                         "clicked");
}

gboolean
ui_test_action_enabled (BpWindow   *window,
                        const char *action)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), action);
}

void
ui_test_activate (BpWindow   *window,
                  const char *action)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), action, NULL);
}

/* Shows the page @name, as a click on its tab does: its view is mapped. */
void
ui_test_show_page (BpWindow   *window,
                   const char *name)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string (name));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (bp_window_get_views (window)), ==, name);
  g_assert_true (gtk_widget_get_mapped (gtk_stack_get_visible_child (bp_window_get_views (window))));
}

BpProgress
ui_test_progress (BpWindow *window)
{
  BpProgress progress;

  bp_window_get_progress (window, &progress);
  return progress;
}

/* Iterates the main loop until the run is finished, stopped or diverged
 * as the window sees it, through its own tick callback. */
BpProgress
ui_test_run_until_done (BpWindow *window)
{
  while (!bp_trainer_state_is_done (ui_test_progress (window).state))
    g_main_context_iteration (NULL, TRUE);
  return ui_test_progress (window);
}

/* The message dialog @parent shows (a question or an error), or NULL. */
GtkMessageDialog *
ui_test_find_dialog (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}
