/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-runs-popover.c: the earlier runs, with a check button each, and the
 * learning rates of a race
 *
 * Each row's check button is bound to its run's "visible", so the chart
 * hears about it through the run list.  The swatch is drawn with the
 * chart's own colour and dash for the run.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-field-errors.h"
#include "bp-format.h"
#include "bp-palette.h"
#include "bp-parse.h"
#include "bp-runs-popover.h"

struct _BpRunsPopover
{
  GtkPopover  parent_instance;

  GtkListBox *list;
  GtkEntry   *rates_entry;
};

G_DEFINE_FINAL_TYPE (BpRunsPopover, bp_runs_popover, GTK_TYPE_POPOVER)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  static const double dash[] = { 6, 4 };
  guint color = bp_run_get_color (BP_RUN (user_data));
  GdkRGBA fg, rgba;

  bp_run_color_rgba (color, bp_palette_widget_colors (GTK_WIDGET (area), &fg, NULL), &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_set_line_width (cr, 3);
  if (bp_run_color_dashed (color))
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, 0, height / 2.0);
  cairo_line_to (cr, width, height / 2.0);
  cairo_stroke (cr);
}

static GtkWidget *
make_swatch (BpRun *run)
{
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 28);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  g_object_ref (run), g_object_unref);
  g_signal_connect_object (run, "notify::color", G_CALLBACK (gtk_widget_queue_draw),
                           swatch, G_CONNECT_SWAPPED);
  return swatch;
}

/* [✓] ━━ rate 0.5 */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BpRun *run = BP_RUN (item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (run, "visible", check, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (run, "label", label, "label", G_BINDING_SYNC_CREATE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), make_swatch (run));
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
on_rates_changed (BpRunsPopover *self)
{
  double rates[BP_RACE_MAX_RATES];
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = GTK_WIDGET (self->rates_entry);

  bp_runs_popover_get_race_rates (self, rates, &error);
  bp_entry_mark_error (entry, error != NULL ? error->message : NULL,
                       _("Learning rates, separated by commas"));
}

static void
bp_runs_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_RUNS_POPOVER);
  G_OBJECT_CLASS (bp_runs_popover_parent_class)->dispose (object);
}

static void
bp_runs_popover_class_init (BpRunsPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_runs_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-runs-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, BpRunsPopover, list);
  gtk_widget_class_bind_template_child (widget_class, BpRunsPopover, rates_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_rates_changed);
}

static void
bp_runs_popover_init (BpRunsPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bp_runs_popover_new (void)
{
  return g_object_new (BP_TYPE_RUNS_POPOVER, NULL);
}

void
bp_runs_popover_set_runs (BpRunsPopover *self,
                          BpRunList     *runs)
{
  g_return_if_fail (BP_IS_RUNS_POPOVER (self));

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (runs), create_row, NULL, NULL);
}

static gboolean
parse_rate (const char  *text,
            double      *rate,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (!bp_format_parse_double (trimmed, rate, NULL) || *rate <= 0)
    {
      g_set_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_NOT_A_NUMBER,
                   _("“%s” is not a learning rate greater than 0"), trimmed);
      return FALSE;
    }
  return TRUE;
}

/* Reads the race's learning rates into @rates (room for
 * BP_RACE_MAX_RATES); returns how many, or 0 with @error set. */
guint
bp_runs_popover_get_race_rates (BpRunsPopover  *self,
                                double         *rates,
                                GError        **error)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  g_return_val_if_fail (BP_IS_RUNS_POPOVER (self), 0);

  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->rates_entry)), ",", -1);
  n = g_strv_length (parts);
  if (n == 0 || n > BP_RACE_MAX_RATES)
    {
      g_set_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE,
                   _("Give between 1 and %d learning rates"), BP_RACE_MAX_RATES);
      return 0;
    }
  for (guint i = 0; i < n; i++)
    if (!parse_rate (parts[i], &rates[i], error))
      return 0;
  return n;
}

GtkEditable *
bp_runs_popover_get_rates_entry (BpRunsPopover *self)
{
  g_return_val_if_fail (BP_IS_RUNS_POPOVER (self), NULL);

  return GTK_EDITABLE (self->rates_entry);
}

GtkListBox *
bp_runs_popover_get_list (BpRunsPopover *self)
{
  g_return_val_if_fail (BP_IS_RUNS_POPOVER (self), NULL);

  return self->list;
}
