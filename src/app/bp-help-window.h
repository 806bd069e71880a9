/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-help-window.h: the built-in guide, for when no help viewer is installed */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BP_TYPE_HELP_WINDOW (bp_help_window_get_type ())

G_DECLARE_FINAL_TYPE (BpHelpWindow, bp_help_window, BP, HELP_WINDOW, GtkWindow)

BpHelpWindow *bp_help_window_new             (void);
const char   *bp_help_window_get_language    (BpHelpWindow *self);
guint         bp_help_window_get_n_pages     (BpHelpWindow *self);
const char   *bp_help_window_get_page_id     (BpHelpWindow *self,
                                              guint         index);
gboolean      bp_help_window_show_page       (BpHelpWindow *self,
                                              const char   *id);
const char   *bp_help_window_get_page        (BpHelpWindow *self);
const char   *bp_help_window_get_page_title  (BpHelpWindow *self);
GtkWidget    *bp_help_window_get_content     (BpHelpWindow *self);

G_END_DECLS
