/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-prediction-row.c: one training person's output
 *
 * The bar shows the raw output (1 = female, 0 = male), the label the
 * verdict with how sure the network is, and the mark whether the verdict
 * matches the person's gender.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-format.h"
#include "bp-prediction-row.h"
#include "bp-tooltips.h"

struct _BpPredictionRow
{
  GtkWidget       parent_instance;

  GtkLabel       *name_label;
  GtkProgressBar *bar;
  GtkLabel       *verdict_label;
  GtkImage       *mark;

  BpGender        gender;
  double          output;
  int             shown_right;  /* the mark on screen: 1, 0, or -1 for none yet */
};

G_DEFINE_FINAL_TYPE (BpPredictionRow, bp_prediction_row, GTK_TYPE_WIDGET)

static void
bp_prediction_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_PREDICTION_ROW);
  /* The template's unnamed children are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_prediction_row_parent_class)->dispose (object);
}

/* The output changes every frame while training.  Its tooltip is written
 * when it is about to show rather than on every change: on X11, setting a
 * widget's tooltip text asks the server where the pointer is, a round trip
 * per row and frame. */
static gboolean
on_bar_query_tooltip (BpPredictionRow *self,
                      int              x,
                      int              y,
                      gboolean         keyboard,
                      GtkTooltip      *tooltip)
{
  g_autofree char *tip = bp_prediction_row_dup_output_tip (self);

  gtk_tooltip_set_text (tooltip, tip);
  return TRUE;
}

/* The full name, for when the label is too narrow for it. */
static gboolean
on_name_query_tooltip (BpPredictionRow *self,
                       int              x,
                       int              y,
                       gboolean         keyboard,
                       GtkTooltip      *tooltip)
{
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (self->name_label));
  return TRUE;
}

static void
bp_prediction_row_class_init (BpPredictionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_prediction_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-prediction-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPredictionRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionRow, bar);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionRow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionRow, mark);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_name_query_tooltip);
}

static void
bp_prediction_row_init (BpPredictionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->output = 0.5;
  self->shown_right = -1;
}

GtkWidget *
bp_prediction_row_new (void)
{
  return g_object_new (BP_TYPE_PREDICTION_ROW, NULL);
}

/* Right or wrong, or neither when the network gave no answer. */
static void
show_mark (BpPredictionRow *self)
{
  gboolean right = bp_prediction_row_get_right (self);
  GtkWidget *mark = GTK_WIDGET (self->mark);

  gtk_widget_set_visible (mark, isfinite (self->output));
  /* Called every frame while training; the mark rarely changes. */
  if (self->shown_right == right)
    return;
  self->shown_right = right;
  gtk_image_set_from_icon_name (self->mark, right ? "object-select-symbolic" : "window-close-symbolic");
  bp_set_tooltip (mark, right ? _("Right") : _("Wrong"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  right ? _("Right") : _("Wrong"), -1);
  gtk_widget_remove_css_class (mark, right ? "error" : "success");
  gtk_widget_add_css_class (mark, right ? "success" : "error");
}

void
bp_prediction_row_set_person (BpPredictionRow *self,
                              const char      *name,
                              BpGender         gender)
{
  g_autofree char *bar_name = NULL;

  g_return_if_fail (BP_IS_PREDICTION_ROW (self));

  /* Translators: accessible name of a person's output bar */
  bar_name = g_strdup_printf (_("Network output for %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bar_name, -1);
  gtk_label_set_text (self->name_label, name);
  self->gender = gender;
  show_mark (self);
}

/* A diverged network answers NaN: shown as no answer, in words, with no
 * bar and no mark. */
void
bp_prediction_row_set_output (BpPredictionRow *self,
                              double           output)
{
  g_autofree char *verdict = bp_format_verdict (output);

  g_return_if_fail (BP_IS_PREDICTION_ROW (self));

  self->output = output;
  gtk_widget_set_visible (GTK_WIDGET (self->bar), isfinite (output));
  gtk_progress_bar_set_fraction (self->bar, isfinite (output) ? output : 0);
  gtk_label_set_text (self->verdict_label, verdict);
  show_mark (self);
}

double
bp_prediction_row_get_output (BpPredictionRow *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_ROW (self), 0);

  return self->output;
}

const char *
bp_prediction_row_get_verdict (BpPredictionRow *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_ROW (self), NULL);

  return gtk_label_get_text (self->verdict_label);
}

/* Whether the verdict matches the person's gender. */
gboolean
bp_prediction_row_get_right (BpPredictionRow *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_ROW (self), FALSE);

  return isfinite (self->output) &&
         (self->output >= 0.5) == (self->gender == BP_GENDER_FEMALE);
}

/* What the bar's tooltip says when it shows. */
char *
bp_prediction_row_dup_output_tip (BpPredictionRow *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_ROW (self), NULL);

  if (!isfinite (self->output))
    return g_strdup (_("The network diverged"));
  return g_strdup_printf (_("Output %.4f"), self->output);
}
