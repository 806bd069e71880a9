/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-files.h: the main window's files: sessions, people, exports */
#pragma once

#include <gtk/gtk.h>

#include "bp-chart-export.h"
#include "bp-examples.h"
#include "bp-window.h"

G_BEGIN_DECLS

/* What people taken in do to those listed. */
typedef enum
{
  BP_PEOPLE_REPLACE,
  BP_PEOPLE_ADD,
} BpPeopleMerge;

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
gboolean bp_window_import_people_as    (BpWindow        *self,
                                        GFile           *file,
                                        BpPeopleMerge    merge,
                                        GError         **error);
gboolean bp_window_take_people         (BpWindow        *self,
                                        const BpPeople  *people,
                                        BpPeopleMerge    merge,
                                        const char      *label,
                                        GError         **error);
BpPeople *bp_window_dup_example        (BpExample        example);
gboolean bp_window_load_example        (BpWindow        *self,
                                        BpExample        example,
                                        BpPeopleMerge    merge,
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
