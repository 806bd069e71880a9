/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-application.h: Backprop's GtkApplication */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BP_TYPE_APPLICATION (bp_application_get_type ())

G_DECLARE_FINAL_TYPE (BpApplication, bp_application, BP, APPLICATION, GtkApplication)

BpApplication *bp_application_new (void);
GSettings     *bp_application_get_settings (BpApplication *self);

G_END_DECLS
