/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-name-list.c: the people's names as a list model for a drop-down
 *
 * A GtkStringList keeps an object per string: for a class of 100 000 that
 * is some 10 MiB per drop-down, for names the people already hold.  This
 * model keeps the names packed in one string chunk and makes a
 * GtkStringObject only when a row, the selection or a search asks for
 * one.  An optional first entry ("Next in Order") comes before them.
 */
#include "config.h"

#include <string.h>

#include "bp-name-list.h"

struct _BpNameList
{
  GObject       parent_instance;

  char         *first;   /* or NULL */
  GStringChunk *chunk;
  GPtrArray    *names;   /* into @chunk */
};

static void bp_name_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BpNameList, bp_name_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bp_name_list_model_init))

static GType
bp_name_list_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
bp_name_list_get_n_items (GListModel *model)
{
  BpNameList *self = BP_NAME_LIST (model);

  return self->names->len + (self->first != NULL);
}

static gpointer
bp_name_list_get_item (GListModel *model,
                       guint       position)
{
  const char *string = bp_name_list_get_string (BP_NAME_LIST (model), position);

  return string != NULL ? gtk_string_object_new (string) : NULL;
}

static void
bp_name_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bp_name_list_get_item_type;
  iface->get_n_items = bp_name_list_get_n_items;
  iface->get_item = bp_name_list_get_item;
}

static void
bp_name_list_finalize (GObject *object)
{
  BpNameList *self = BP_NAME_LIST (object);

  g_free (self->first);
  g_ptr_array_unref (self->names);
  g_string_chunk_free (self->chunk);
  G_OBJECT_CLASS (bp_name_list_parent_class)->finalize (object);
}

static void
bp_name_list_class_init (BpNameListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bp_name_list_finalize;
}

static void
bp_name_list_init (BpNameList *self)
{
  self->chunk = g_string_chunk_new (4096);
  self->names = g_ptr_array_new ();
}

/* @first, if not NULL, is an entry before the names. */
BpNameList *
bp_name_list_new (const char *first)
{
  BpNameList *self = g_object_new (BP_TYPE_NAME_LIST, NULL);

  self->first = g_strdup (first);
  return self;
}

static gboolean
same_names (BpNameList     *self,
            const BpPeople *people)
{
  guint n = people != NULL ? bp_people_get_n (people) : 0;

  if (n != self->names->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (g_ptr_array_index (self->names, i), bp_people_get (people, i)->name) != 0)
      return FALSE;
  return TRUE;
}

/* The names of @people, in order.  Returns whether they changed: the
 * same names again (the window gives the people after every edit) leave
 * the model, and a drop-down's selection, alone. */
gboolean
bp_name_list_set_people (BpNameList     *self,
                         const BpPeople *people)
{
  guint old, n = people != NULL ? bp_people_get_n (people) : 0;
  guint offset;

  g_return_val_if_fail (BP_IS_NAME_LIST (self), FALSE);

  if (same_names (self, people))
    return FALSE;
  old = self->names->len;
  g_ptr_array_set_size (self->names, 0);
  g_string_chunk_clear (self->chunk);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->names, g_string_chunk_insert (self->chunk, bp_people_get (people, i)->name));
  offset = self->first != NULL;
  g_list_model_items_changed (G_LIST_MODEL (self), offset, old, n);
  return TRUE;
}

/* The entry at @position, or NULL past the end. */
const char *
bp_name_list_get_string (BpNameList *self,
                         guint       position)
{
  g_return_val_if_fail (BP_IS_NAME_LIST (self), NULL);

  if (self->first != NULL)
    {
      if (position == 0)
        return self->first;
      position--;
    }
  return position < self->names->len ? g_ptr_array_index (self->names, position) : NULL;
}
