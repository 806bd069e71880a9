/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-undo-stack.h: undo and redo of the window's edits
 *
 * GTK 4.8 has no undo manager for anything but text.  An edit is pushed
 * after it was done, as one function that can do it again (redo) or take
 * it back (undo), and the data that function needs.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Undoes the edit @data describes, or with @redo does it again. */
typedef void (*BpUndoFunc) (gpointer data,
                            gboolean redo);

#define BP_TYPE_UNDO_STACK (bp_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (BpUndoStack, bp_undo_stack, BP, UNDO_STACK, GObject)

BpUndoStack *bp_undo_stack_new            (void);
void         bp_undo_stack_push           (BpUndoStack    *self,
                                           const char     *label,
                                           BpUndoFunc      func,
                                           gpointer        data,
                                           GDestroyNotify  destroy);
gboolean     bp_undo_stack_undo           (BpUndoStack    *self);
gboolean     bp_undo_stack_redo           (BpUndoStack    *self);
void         bp_undo_stack_clear          (BpUndoStack    *self);
gboolean     bp_undo_stack_get_can_undo   (BpUndoStack    *self);
gboolean     bp_undo_stack_get_can_redo   (BpUndoStack    *self);
const char  *bp_undo_stack_get_undo_label (BpUndoStack    *self);
const char  *bp_undo_stack_get_redo_label (BpUndoStack    *self);
guint        bp_undo_stack_get_limit      (BpUndoStack    *self);
void         bp_undo_stack_set_limit      (BpUndoStack    *self,
                                           guint           limit);

G_END_DECLS
