/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-settings.h: what Backprop remembers between sessions (GSettings) */
#pragma once

#include <gtk/gtk.h>

#include "bp-lesson.h"
#include "bp-loss-chart.h"
#include "bp-people-editor.h"
#include "bp-training-form.h"

G_BEGIN_DECLS

GSettings *bp_settings_new               (void);
void       bp_settings_restore_window    (GSettings             *settings,
                                          GtkWindow             *window,
                                          BpTrainingForm        *form,
                                          BpPeopleEditor        *editor,
                                          BpLossChart           *chart);
void       bp_settings_save_window_state (GSettings             *settings,
                                          GtkWindow             *window);
void       bp_settings_follow_lesson     (GSettings             *settings,
                                          BpLesson              *lesson);

G_END_DECLS
