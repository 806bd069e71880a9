/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-tour-panel.c: the card of the guided tour, one step of the lesson
 *
 * The card only shows a step: its number, title and text, and for the
 * training step the seeds' console.  What a step puts on the views, and
 * the text with its numbers, is the window's (bp-window-tour.c); the
 * buttons are the window's win.tour-* actions, so the keys, the menu and
 * a script do what a click does.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-tour-panel.h"

struct _BpTourPanel
{
  GtkWidget          parent_instance;

  GtkLabel          *step_label;
  GtkLabel          *title_label;
  GtkLabel          *text_label;
  GtkScrolledWindow *text_scroller;
  GtkScrolledWindow *console_scroller;
  GtkLabel          *console_label;
  GtkWidget         *next_button;

  guint              step;
  gboolean           console_follows;  /* the last line stays in sight */
};

G_DEFINE_FINAL_TYPE (BpTourPanel, bp_tour_panel, GTK_TYPE_WIDGET)

/* The scroll that shows the console's last line whole and starts at a
 * line's top, as a terminal does.  The scroller is seldom a whole number
 * of lines high: scrolled to its very end, a line cut in half at the top
 * looked hidden under the card's header.  The label's bottom padding
 * (style.css) is the room below the last line that this needs. */
static double
console_end (BpTourPanel *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->console_scroller);
  PangoLayout *layout = gtk_label_get_layout (self->console_label);
  PangoRectangle text;
  PangoLayoutIter *iter;
  double least;
  int top;

  pango_layout_get_extents (layout, NULL, &text);
  least = (double) (text.y + text.height) / PANGO_SCALE - gtk_adjustment_get_page_size (adjustment);
  if (least <= 0)
    return 0;
  /* The first line whose top is low enough for the last line to show. */
  iter = pango_layout_get_iter (layout);
  do
    pango_layout_iter_get_line_yrange (iter, &top, NULL);
  while ((double) top / PANGO_SCALE < least && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return ceil ((double) top / PANGO_SCALE);
}

/* Scrolled back to read, the console stays there while lines come in;
 * scrolled to the end again, it follows them again. */
static void
on_console_scrolled (GtkAdjustment *adjustment,
                     BpTourPanel   *self)
{
  self->console_follows = gtk_adjustment_get_value (adjustment) >= console_end (self) - 1;
}

/* GtkScrolledWindow asks for its text's natural height unwrapped, a line
 * a paragraph: the card asks for the text's height at the width it will
 * have, up to the scroller's maximum, so that a large screen shows it
 * whole and a small one scrolls it. */
static void
bp_tour_panel_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  BpTourPanel *self = BP_TOUR_PANEL (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  GtkWidget *text_scroller = GTK_WIDGET (self->text_scroller);
  int text_width, wanted, shown;

  gtk_widget_measure (child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_VERTICAL || for_size < 0)
    return;
  text_width = for_size - gtk_widget_get_margin_start (child) - gtk_widget_get_margin_end (child);
  if (gtk_widget_get_visible (GTK_WIDGET (self->console_scroller)))
    {
      int console_width;

      gtk_widget_measure (GTK_WIDGET (self->console_scroller), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &console_width, NULL, NULL);
      text_width -= console_width + 12;
    }
  if (text_width <= 0)
    return;
  gtk_widget_measure (GTK_WIDGET (self->text_label), GTK_ORIENTATION_VERTICAL, text_width,
                      NULL, &wanted, NULL, NULL);
  wanted = MIN (wanted, gtk_scrolled_window_get_max_content_height (self->text_scroller));
  gtk_widget_measure (text_scroller, GTK_ORIENTATION_VERTICAL, -1, NULL, &shown, NULL, NULL);
  if (wanted > shown)
    *natural = MAX (*natural, *minimum) + wanted - shown;
}

/* The console's new lines are laid out as the card is allocated, and
 * only then is the scroll to its end known: a console that follows its
 * last line is scrolled there and allocated again at once, rather than
 * shown a frame late where the old text ended (a run adds a line nearly
 * every frame, and the console lagged behind it). */
static void
bp_tour_panel_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BpTourPanel *self = BP_TOUR_PANEL (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  GtkAdjustment *console = gtk_scrolled_window_get_vadjustment (self->console_scroller);
  double end;

  gtk_widget_allocate (child, width, height, baseline, NULL);
  if (!self->console_follows || !gtk_widget_get_visible (GTK_WIDGET (self->console_scroller)))
    return;
  end = console_end (self);
  if (end == gtk_adjustment_get_value (console))
    return;
  gtk_adjustment_set_value (console, end);
  gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
bp_tour_panel_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bp_tour_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_TOUR_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_tour_panel_parent_class)->dispose (object);
}

static void
bp_tour_panel_class_init (BpTourPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_tour_panel_dispose;
  widget_class->measure = bp_tour_panel_measure;
  widget_class->size_allocate = bp_tour_panel_size_allocate;
  widget_class->get_request_mode = bp_tour_panel_get_request_mode;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-tour-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BpTourPanel, step_label);
  gtk_widget_class_bind_template_child (widget_class, BpTourPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, BpTourPanel, text_label);
  gtk_widget_class_bind_template_child (widget_class, BpTourPanel, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, BpTourPanel, console_scroller);
  gtk_widget_class_bind_template_child (widget_class, BpTourPanel, console_label);
  gtk_widget_class_bind_template_child (widget_class, BpTourPanel, next_button);
  gtk_widget_class_set_css_name (widget_class, "tourpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bp_tour_panel_init (BpTourPanel *self)
{
  GtkAdjustment *console;

  gtk_widget_init_template (GTK_WIDGET (self));
  console = gtk_scrolled_window_get_vadjustment (self->console_scroller);
  g_signal_connect_object (console, "value-changed", G_CALLBACK (on_console_scrolled), self, 0);
  self->console_follows = TRUE;
  /* The text takes whatever height the card is given, but the card asks
   * for none beyond its text's: the views below have the rest. */
  gtk_widget_set_vexpand (GTK_WIDGET (self), FALSE);
}

GtkWidget *
bp_tour_panel_new (void)
{
  return g_object_new (BP_TYPE_TOUR_PANEL, NULL);
}

/* Step @step (from 0) of @n_steps.  The text is the label a screen
 * reader reads when the step changes: it is the step's description. */
void
bp_tour_panel_set_step (BpTourPanel *self,
                        guint        step,
                        guint        n_steps,
                        const char  *title,
                        const char  *text)
{
  g_autofree char *counter = NULL;

  g_return_if_fail (BP_IS_TOUR_PANEL (self));
  g_return_if_fail (step < n_steps);

  self->step = step;
  /* Translators: where the guided tour is, “Step 3 of 8” */
  counter = g_strdup_printf (_("Step %u of %u"), step + 1, n_steps);
  gtk_label_set_label (self->step_label, counter);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->text_label, text);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->text_scroller), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  /* The last step has no next one: the button says how to finish.  No
   * mnemonic: Page Down is the tour's key, and N and F are the side
   * pane's (Normalisation) or the pages' to take. */
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        step + 1 < n_steps ? _("Next") : _("Finish"));
}

guint
bp_tour_panel_get_step (BpTourPanel *self)
{
  g_return_val_if_fail (BP_IS_TOUR_PANEL (self), 0);

  return self->step;
}

const char *
bp_tour_panel_get_title (BpTourPanel *self)
{
  g_return_val_if_fail (BP_IS_TOUR_PANEL (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
bp_tour_panel_get_text (BpTourPanel *self)
{
  g_return_val_if_fail (BP_IS_TOUR_PANEL (self), NULL);

  return gtk_label_get_label (self->text_label);
}

/* The seeds' console beside the text, or none (@console NULL). */
void
bp_tour_panel_set_console (BpTourPanel *self,
                           const char  *console)
{
  g_return_if_fail (BP_IS_TOUR_PANEL (self));

  /* A new console (the step's run) starts at its end. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->console_scroller)))
    self->console_follows = TRUE;
  gtk_label_set_label (self->console_label, console != NULL ? console : "");
  gtk_widget_set_visible (GTK_WIDGET (self->console_scroller), console != NULL);
}

const char *
bp_tour_panel_get_console (BpTourPanel *self)
{
  g_return_val_if_fail (BP_IS_TOUR_PANEL (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->console_scroller)))
    return NULL;
  return gtk_label_get_label (self->console_label);
}

/* The text takes the focus, so that a screen reader reads the step. */
void
bp_tour_panel_focus_text (BpTourPanel *self)
{
  g_return_if_fail (BP_IS_TOUR_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_label));
  gtk_label_select_region (self->text_label, 0, 0);
}
