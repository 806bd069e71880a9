/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-export-dialog.c: which view to export, in which format and size
 *
 * Asked before the file: the format decides the file name's extension.
 * "export" is emitted when the user confirms; the caller then destroys
 * the dialog.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-accessible.h"
#include "bp-export-dialog.h"

struct _BpExportDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *view_label;
  GtkDropDown   *view_dropdown;
  GtkDropDown   *format_dropdown;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
};

G_DEFINE_FINAL_TYPE (BpExportDialog, bp_export_dialog, GTK_TYPE_WINDOW)

enum
{
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_export_clicked (BpExportDialog *self)
{
  /* A value typed but not yet confirmed with Enter counts too. */
  gtk_spin_button_update (self->width_spin);
  gtk_spin_button_update (self->height_spin);
  g_signal_emit (self, signals[EXPORT], 0);
}

static void
bp_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (bp_export_dialog_parent_class)->dispose (object);
}

static void
bp_export_dialog_class_init (BpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_export_dialog_dispose;

  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, view_label);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, height_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bp_export_dialog_init (BpExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bp_accessible_fix_names (GTK_WIDGET (self));
}

/* @views: the titles of the views that can be exported (GtkStringList). */
BpExportDialog *
bp_export_dialog_new (GtkWindow  *parent,
                      GListModel *views)
{
  BpExportDialog *self = g_object_new (BP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  gtk_drop_down_set_model (self->view_dropdown, views);
  /* A choice of one is no choice. */
  gtk_widget_set_visible (self->view_label, g_list_model_get_n_items (views) > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->view_dropdown), g_list_model_get_n_items (views) > 1);
  return self;
}

guint
bp_export_dialog_get_view (BpExportDialog *self)
{
  g_return_val_if_fail (BP_IS_EXPORT_DIALOG (self), 0);

  return gtk_drop_down_get_selected (self->view_dropdown);
}

void
bp_export_dialog_set_view (BpExportDialog *self,
                           guint           view)
{
  g_return_if_fail (BP_IS_EXPORT_DIALOG (self));

  gtk_drop_down_set_selected (self->view_dropdown, view);
}

BpExportFormat
bp_export_dialog_get_format (BpExportDialog *self)
{
  g_return_val_if_fail (BP_IS_EXPORT_DIALOG (self), BP_EXPORT_FORMAT_PNG);

  return (BpExportFormat) gtk_drop_down_get_selected (self->format_dropdown);
}

void
bp_export_dialog_set_format (BpExportDialog *self,
                             BpExportFormat  format)
{
  g_return_if_fail (BP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= BP_EXPORT_FORMAT_PDF);

  gtk_drop_down_set_selected (self->format_dropdown, format);
}

/* The format as the dropdown names it, for the file chooser's filter. */
const char *
bp_export_dialog_get_format_name (BpExportDialog *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (BP_IS_EXPORT_DIALOG (self), NULL);

  item = gtk_drop_down_get_selected_item (self->format_dropdown);
  return gtk_string_object_get_string (item);
}

int
bp_export_dialog_get_width (BpExportDialog *self)
{
  g_return_val_if_fail (BP_IS_EXPORT_DIALOG (self), 0);

  return gtk_spin_button_get_value_as_int (self->width_spin);
}

int
bp_export_dialog_get_height (BpExportDialog *self)
{
  g_return_val_if_fail (BP_IS_EXPORT_DIALOG (self), 0);

  return gtk_spin_button_get_value_as_int (self->height_spin);
}

void
bp_export_dialog_set_size (BpExportDialog *self,
                           int             width,
                           int             height)
{
  g_return_if_fail (BP_IS_EXPORT_DIALOG (self));

  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
}
