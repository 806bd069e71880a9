/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-dnd.c: a lesson or people file dropped on the window opens */
#include "config.h"

#include "bp-window-private.h"

/* A file manager drops a list of files, some programs a single file: the
 * first is opened as Open would open it. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BpWindow      *self)
{
  GFile *file = NULL;
  GSList *files;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if ((files = g_value_get_boxed (value)) != NULL)
    file = files->data;
  if (file == NULL)
    return FALSE;
  bp_window_open (self, file);
  return TRUE;
}

/* Anywhere on the window. */
void
_bp_window_dnd_init (BpWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
