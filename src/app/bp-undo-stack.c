/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-undo-stack.c: two stacks of edits
 *
 * Undoing moves the newest edit from the undo stack to the redo stack;
 * a new edit empties the redo stack, as in every editor.  While an edit is
 * being undone or redone, pushes are ignored: the function that undoes it
 * usually goes through the same code that records edits, and that must
 * not record its own undoing as a new edit.
 */
#include "bp-undo-stack.h"

#define DEFAULT_LIMIT 100

typedef struct
{
  char          *label;
  BpUndoFunc     func;
  gpointer       data;
  GDestroyNotify destroy;
} Entry;

struct _BpUndoStack
{
  GObject  parent_instance;

  GQueue   undo;      /* of Entry, newest first */
  GQueue   redo;      /* of Entry, most recently undone first */
  guint    limit;
  gboolean running;   /* inside an entry's function */
};

G_DEFINE_FINAL_TYPE (BpUndoStack, bp_undo_stack, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry->destroy != NULL)
    entry->destroy (entry->data);
  g_free (entry->label);
  g_free (entry);
}

/* Notifies can-undo and can-redo where they differ from what they were
 * (@could_undo, @could_redo) before a change. */
static void
notify_changes (BpUndoStack *self,
                gboolean     could_undo,
                gboolean     could_redo)
{
  if (could_undo != bp_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != bp_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
trim (BpUndoStack *self)
{
  while (self->undo.length > self->limit)
    entry_free (g_queue_pop_tail (&self->undo));
}

static void
bp_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BpUndoStack *self = BP_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bp_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bp_undo_stack_get_can_redo (self));
      break;
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BpUndoStack *self = BP_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_LIMIT:
      bp_undo_stack_set_limit (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_undo_stack_finalize (GObject *object)
{
  BpUndoStack *self = BP_UNDO_STACK (object);

  g_queue_clear_full (&self->undo, entry_free);
  g_queue_clear_full (&self->redo, entry_free);
  G_OBJECT_CLASS (bp_undo_stack_parent_class)->finalize (object);
}

static void
bp_undo_stack_class_init (BpUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bp_undo_stack_get_property;
  object_class->set_property = bp_undo_stack_set_property;
  object_class->finalize = bp_undo_stack_finalize;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* How many edits can be undone; older ones are forgotten. */
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 1, G_MAXUINT, DEFAULT_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_undo_stack_init (BpUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->limit = DEFAULT_LIMIT;
}

BpUndoStack *
bp_undo_stack_new (void)
{
  return g_object_new (BP_TYPE_UNDO_STACK, NULL);
}

/* Records an edit that has just been done.  The stack owns @data and
 * frees it with @destroy (which may be NULL) when the edit is forgotten;
 * during an undo or redo it is freed at once and nothing is recorded. */
void
bp_undo_stack_push (BpUndoStack    *self,
                    const char     *label,
                    BpUndoFunc      func,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  gboolean could_undo, could_redo;
  Entry *entry;

  g_return_if_fail (BP_IS_UNDO_STACK (self));
  g_return_if_fail (func != NULL);

  entry = g_new0 (Entry, 1);
  *entry = (Entry) { g_strdup (label), func, data, destroy };
  if (self->running)
    {
      entry_free (entry);
      return;
    }
  could_undo = bp_undo_stack_get_can_undo (self);
  could_redo = bp_undo_stack_get_can_redo (self);
  g_queue_clear_full (&self->redo, entry_free);
  g_queue_push_head (&self->undo, entry);
  trim (self);
  notify_changes (self, could_undo, could_redo);
}

/* Moves the head of @from to @to, running its function on the way. */
static gboolean
move (BpUndoStack *self,
      GQueue      *from,
      GQueue      *to,
      gboolean     redo)
{
  gboolean could_undo = bp_undo_stack_get_can_undo (self);
  gboolean could_redo = bp_undo_stack_get_can_redo (self);
  Entry *entry;

  if (self->running || (entry = g_queue_pop_head (from)) == NULL)
    return FALSE;
  self->running = TRUE;
  entry->func (entry->data, redo);
  self->running = FALSE;
  g_queue_push_head (to, entry);
  trim (self);
  notify_changes (self, could_undo, could_redo);
  return TRUE;
}

/* Takes back the newest edit; FALSE when there is none. */
gboolean
bp_undo_stack_undo (BpUndoStack *self)
{
  g_return_val_if_fail (BP_IS_UNDO_STACK (self), FALSE);

  return move (self, &self->undo, &self->redo, FALSE);
}

/* Does the most recently undone edit again; FALSE when there is none. */
gboolean
bp_undo_stack_redo (BpUndoStack *self)
{
  g_return_val_if_fail (BP_IS_UNDO_STACK (self), FALSE);

  return move (self, &self->redo, &self->undo, TRUE);
}

/* Forgets every edit, for when they no longer apply. */
void
bp_undo_stack_clear (BpUndoStack *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BP_IS_UNDO_STACK (self));

  could_undo = bp_undo_stack_get_can_undo (self);
  could_redo = bp_undo_stack_get_can_redo (self);
  g_queue_clear_full (&self->undo, entry_free);
  g_queue_clear_full (&self->redo, entry_free);
  notify_changes (self, could_undo, could_redo);
}

gboolean
bp_undo_stack_get_can_undo (BpUndoStack *self)
{
  g_return_val_if_fail (BP_IS_UNDO_STACK (self), FALSE);

  return self->undo.length > 0;
}

gboolean
bp_undo_stack_get_can_redo (BpUndoStack *self)
{
  g_return_val_if_fail (BP_IS_UNDO_STACK (self), FALSE);

  return self->redo.length > 0;
}

/* What Undo would take back, for a menu or a tooltip, or NULL. */
const char *
bp_undo_stack_get_undo_label (BpUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (BP_IS_UNDO_STACK (self), NULL);

  entry = g_queue_peek_head (&self->undo);
  return entry != NULL ? entry->label : NULL;
}

const char *
bp_undo_stack_get_redo_label (BpUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (BP_IS_UNDO_STACK (self), NULL);

  entry = g_queue_peek_head (&self->redo);
  return entry != NULL ? entry->label : NULL;
}

guint
bp_undo_stack_get_limit (BpUndoStack *self)
{
  g_return_val_if_fail (BP_IS_UNDO_STACK (self), 0);

  return self->limit;
}

void
bp_undo_stack_set_limit (BpUndoStack *self,
                         guint        limit)
{
  gboolean could_undo;

  g_return_if_fail (BP_IS_UNDO_STACK (self));
  g_return_if_fail (limit > 0);

  if (limit == self->limit)
    return;
  could_undo = bp_undo_stack_get_can_undo (self);
  self->limit = limit;
  trim (self);
  notify_changes (self, could_undo, bp_undo_stack_get_can_redo (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}
