/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-undo-stack.c: undo and redo of recorded edits
 *
 * The "document" is one integer; each edit sets it from one value to
 * another, as the window's edits set parameters or move a person.
 */
#include "bp-undo-stack.h"

typedef struct
{
  int   value;
  guint freed;
  guint notifies;
} Doc;

typedef struct
{
  Doc *doc;
  int  from;
  int  to;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  edit->doc->freed++;
  g_free (edit);
}

static void
apply_edit (gpointer data,
            gboolean redo)
{
  Edit *edit = data;

  edit->doc->value = redo ? edit->to : edit->from;
}

/* Does the edit and records it, as the window does. */
static void
change (BpUndoStack *stack,
        Doc         *doc,
        int          to)
{
  Edit *edit = g_new0 (Edit, 1);
  g_autofree char *label = g_strdup_printf ("Set %d", to);

  *edit = (Edit) { doc, doc->value, to };
  doc->value = to;
  bp_undo_stack_push (stack, label, apply_edit, edit, edit_free);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Doc        *doc)
{
  doc->notifies++;
}

static void
test_undo_redo (void)
{
  g_autoptr(BpUndoStack) stack = bp_undo_stack_new ();
  Doc doc = { 0 };

  g_assert_false (bp_undo_stack_get_can_undo (stack));
  g_assert_false (bp_undo_stack_undo (stack));
  g_assert_false (bp_undo_stack_redo (stack));
  g_assert_null (bp_undo_stack_get_undo_label (stack));

  change (stack, &doc, 1);
  change (stack, &doc, 2);
  change (stack, &doc, 3);
  g_assert_cmpstr (bp_undo_stack_get_undo_label (stack), ==, "Set 3");
  g_assert_true (bp_undo_stack_undo (stack));
  g_assert_cmpint (doc.value, ==, 2);
  g_assert_true (bp_undo_stack_undo (stack));
  g_assert_cmpint (doc.value, ==, 1);
  g_assert_true (bp_undo_stack_get_can_redo (stack));
  g_assert_cmpstr (bp_undo_stack_get_redo_label (stack), ==, "Set 2");
  g_assert_true (bp_undo_stack_redo (stack));
  g_assert_cmpint (doc.value, ==, 2);
  g_assert_true (bp_undo_stack_undo (stack));
  g_assert_true (bp_undo_stack_undo (stack));
  g_assert_cmpint (doc.value, ==, 0);
  g_assert_false (bp_undo_stack_undo (stack));
  g_assert_cmpint (doc.value, ==, 0);
  g_assert_true (bp_undo_stack_redo (stack));
  g_assert_true (bp_undo_stack_redo (stack));
  g_assert_true (bp_undo_stack_redo (stack));
  g_assert_cmpint (doc.value, ==, 3);
  g_assert_false (bp_undo_stack_redo (stack));
  g_assert_cmpuint (doc.freed, ==, 0);
  g_clear_object (&stack);
  g_assert_cmpuint (doc.freed, ==, 3);
}

/* A new edit after an undo forgets what could have been redone. */
static void
test_new_edit_clears_redo (void)
{
  g_autoptr(BpUndoStack) stack = bp_undo_stack_new ();
  Doc doc = { 0 };

  change (stack, &doc, 1);
  change (stack, &doc, 2);
  bp_undo_stack_undo (stack);
  change (stack, &doc, 5);
  g_assert_cmpuint (doc.freed, ==, 1);
  g_assert_false (bp_undo_stack_get_can_redo (stack));
  bp_undo_stack_undo (stack);
  g_assert_cmpint (doc.value, ==, 1);
  bp_undo_stack_undo (stack);
  g_assert_cmpint (doc.value, ==, 0);
}

/* An undo that goes through the code which records edits records
 * nothing. */
static BpUndoStack *reentrant_stack;

static void
apply_via_window (gpointer data,
                  gboolean redo)
{
  Edit *edit = data;

  change (reentrant_stack, edit->doc, redo ? edit->to : edit->from);
}

static void
test_no_recording_while_undoing (void)
{
  g_autoptr(BpUndoStack) stack = bp_undo_stack_new ();
  Doc doc = { 0 };
  Edit *edit = g_new0 (Edit, 1);

  reentrant_stack = stack;
  *edit = (Edit) { &doc, 0, 7 };
  doc.value = 7;
  bp_undo_stack_push (stack, "Set 7", apply_via_window, edit, edit_free);
  g_assert_true (bp_undo_stack_undo (stack));
  g_assert_cmpint (doc.value, ==, 0);
  /* The push inside the undo was dropped (and its data freed). */
  g_assert_cmpuint (doc.freed, ==, 1);
  g_assert_false (bp_undo_stack_get_can_undo (stack));
  g_assert_true (bp_undo_stack_redo (stack));
  g_assert_cmpint (doc.value, ==, 7);
  g_assert_cmpuint (doc.freed, ==, 2);
  g_assert_false (bp_undo_stack_get_can_redo (stack));
  g_assert_true (bp_undo_stack_get_can_undo (stack));
  reentrant_stack = NULL;
}

static void
test_limit (void)
{
  g_autoptr(BpUndoStack) stack = bp_undo_stack_new ();
  Doc doc = { 0 };
  guint undone = 0;

  bp_undo_stack_set_limit (stack, 3);
  for (int i = 1; i <= 5; i++)
    change (stack, &doc, i);
  g_assert_cmpuint (doc.freed, ==, 2);
  while (bp_undo_stack_undo (stack))
    undone++;
  g_assert_cmpuint (undone, ==, 3);
  g_assert_cmpint (doc.value, ==, 2);
  bp_undo_stack_set_limit (stack, 1);
  g_assert_true (bp_undo_stack_get_can_redo (stack));
  g_assert_cmpuint (bp_undo_stack_get_limit (stack), ==, 1);
}

/* can-undo and can-redo are notified when, and only when, they change. */
static void
test_notify (void)
{
  g_autoptr(BpUndoStack) stack = bp_undo_stack_new ();
  Doc doc = { 0 };

  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (on_notify), &doc);
  g_signal_connect (stack, "notify::can-redo", G_CALLBACK (on_notify), &doc);
  change (stack, &doc, 1);
  g_assert_cmpuint (doc.notifies, ==, 1);
  change (stack, &doc, 2);
  g_assert_cmpuint (doc.notifies, ==, 1);
  bp_undo_stack_undo (stack);          /* can-redo */
  g_assert_cmpuint (doc.notifies, ==, 2);
  bp_undo_stack_undo (stack);          /* can-undo */
  g_assert_cmpuint (doc.notifies, ==, 3);
  bp_undo_stack_clear (stack);         /* can-redo */
  g_assert_cmpuint (doc.notifies, ==, 4);
  g_assert_cmpuint (doc.freed, ==, 2);
  bp_undo_stack_clear (stack);
  g_assert_cmpuint (doc.notifies, ==, 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/undo-redo", test_undo_redo);
  g_test_add_func ("/undo-stack/new-edit-clears-redo", test_new_edit_clears_redo);
  g_test_add_func ("/undo-stack/no-recording-while-undoing", test_no_recording_while_undoing);
  g_test_add_func ("/undo-stack/limit", test_limit);
  g_test_add_func ("/undo-stack/notify", test_notify);
  return g_test_run ();
}
