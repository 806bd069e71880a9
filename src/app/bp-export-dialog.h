/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-export-dialog.h: which view to export, in which format and size */
#pragma once

#include <gtk/gtk.h>

#include "bp-chart-export.h"

G_BEGIN_DECLS

#define BP_TYPE_EXPORT_DIALOG (bp_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BpExportDialog, bp_export_dialog, BP, EXPORT_DIALOG, GtkWindow)

BpExportDialog *bp_export_dialog_new             (GtkWindow      *parent,
                                                  GListModel     *views);
guint           bp_export_dialog_get_view        (BpExportDialog *self);
void            bp_export_dialog_set_view        (BpExportDialog *self,
                                                  guint           view);
BpExportFormat  bp_export_dialog_get_format      (BpExportDialog *self);
void            bp_export_dialog_set_format      (BpExportDialog *self,
                                                  BpExportFormat  format);
const char     *bp_export_dialog_get_format_name (BpExportDialog *self);
int             bp_export_dialog_get_width       (BpExportDialog *self);
int             bp_export_dialog_get_height      (BpExportDialog *self);
void            bp_export_dialog_set_size        (BpExportDialog *self,
                                                  int             width,
                                                  int             height);

G_END_DECLS
