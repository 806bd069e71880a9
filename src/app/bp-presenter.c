/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-presenter.c: presenter mode as the views see it
 *
 * The window turns presenter mode on and off by its .presenter style
 * class.  A view that draws differently in it calls bp_presenter_watch ()
 * once: while it is mapped, a change of its window's classes queues a
 * new size and drawing, and the view asks bp_presenter_is_on () as it
 * draws.  Unmapped, it needs nothing: mapping draws it anew.
 */
#include "bp-presenter.h"

/* Whether @widget's window is in presenter mode; FALSE for a widget in
 * no window. */
gboolean
bp_presenter_is_on (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  root = gtk_widget_get_root (widget);
  return root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), "presenter");
}

/* @width, or thicker in presenter mode. */
double
bp_presenter_line_width (GtkWidget *widget,
                         double     width)
{
  return bp_presenter_is_on (widget) ? width * BP_PRESENTER_LINE_SCALE : width;
}

static void
on_root_classes (GObject    *root,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  /* The size too: a view's text and spacing may follow the mode. */
  gtk_widget_queue_resize (GTK_WIDGET (user_data));
}

/* A widget is unmapped before it leaves its window, so the two handlers
 * always find the same root. */
static void
on_map (GtkWidget *widget,
        gpointer   user_data)
{
  gulong id = g_signal_connect_object (gtk_widget_get_root (widget), "notify::css-classes",
                                       G_CALLBACK (on_root_classes), widget, 0);

  g_object_set_data (G_OBJECT (widget), "bp-presenter-handler", GSIZE_TO_POINTER (id));
}

static void
on_unmap (GtkWidget *widget,
          gpointer   user_data)
{
  gulong id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (widget), "bp-presenter-handler"));

  if (id != 0)
    g_signal_handler_disconnect (gtk_widget_get_root (widget), id);
}

/* Makes @widget follow presenter mode while it is shown; once, from its
 * init function. */
void
bp_presenter_watch (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect (widget, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (widget, "unmap", G_CALLBACK (on_unmap), NULL);
}
