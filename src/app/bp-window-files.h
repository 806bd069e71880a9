/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-files.h: the main window's files: sessions, people, exports */
#pragma once

#include <gtk/gtk.h>

#include "bp-chart-export.h"
#include "bp-window.h"

G_BEGIN_DECLS

void     bp_window_files_init          (BpWindow        *self);
void     bp_window_files_confirm_close (BpWindow        *self);
void     bp_window_open                (BpWindow        *self,
                                        GFile           *file);
gboolean bp_window_load                (BpWindow        *self,
                                        GFile           *file,
                                        GError         **error);
gboolean bp_window_save                (BpWindow        *self,
                                        GFile           *file,
                                        GError         **error);
gboolean bp_window_import_people       (BpWindow        *self,
                                        GFile           *file,
                                        GError         **error);
gboolean bp_window_export_people       (BpWindow        *self,
                                        GFile           *file,
                                        GError         **error);
gboolean bp_window_export_loss_history (BpWindow        *self,
                                        GFile           *file,
                                        GError         **error);
gboolean bp_window_export_python       (BpWindow        *self,
                                        GFile           *file,
                                        GError         **error);
gboolean bp_window_export_view         (BpWindow        *self,
                                        const char      *view,
                                        BpExportFormat   format,
                                        int              width,
                                        int              height,
                                        GFile           *file,
                                        GError         **error);
GdkTexture *bp_window_render_view      (BpWindow        *self,
                                        const char      *view,
                                        int              width,
                                        int              height,
                                        int              scale);

G_END_DECLS
