/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window.h: the main window, where a class watches the network learn */
#pragma once

#include <gtk/gtk.h>

#include "bp-application.h"

G_BEGIN_DECLS

#define BP_TYPE_WINDOW (bp_window_get_type ())

G_DECLARE_FINAL_TYPE (BpWindow, bp_window, BP, WINDOW, GtkApplicationWindow)

BpWindow *bp_window_new          (BpApplication *application);
void      bp_window_open         (BpWindow      *self,
                                  GFile         *file);
GFile    *bp_window_get_file     (BpWindow      *self);
gboolean  bp_window_get_modified (BpWindow      *self);

G_END_DECLS
