/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-tour.h: the guided tour of the seeds' lesson, in the window */
#pragma once

#include "bp-tour-panel.h"
#include "bp-window.h"

G_BEGIN_DECLS

void         bp_window_tour_init      (BpWindow *window);
BpTourPanel *bp_window_get_tour_panel (BpWindow *window);

G_END_DECLS
