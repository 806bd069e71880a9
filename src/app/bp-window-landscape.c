/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-landscape.c: the Loss Landscape page's part of the window
 *
 * The landscape follows the lesson's parameters and history as the other
 * views do, and presenter mode by the window's class; its people come
 * with the other views' (bp-window-run.c).
 */
#include "config.h"

#include "bp-window-private.h"

void
_bp_window_landscape_init (BpWindow *self)
{
  bp_lesson_watch_params (self->lesson, self->landscape_view,
                          (BpLessonParamsFunc) bp_landscape_view_set_params);
  bp_lesson_watch_history_shown (self->lesson, GTK_WIDGET (self->landscape_view),
                                 (BpLessonHistoryFunc) bp_landscape_view_set_history);
}

BpLandscapeView *
bp_window_get_landscape_view (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->landscape_view;
}
