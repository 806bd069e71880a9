/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-tooltips.c: tooltips as wide as their text, CJK included
 *
 * GTK 4.8 wraps a tooltip at as many “characters” as its text has, at
 * most 50, and GtkLabel's character is the average one: a CJK character
 * is two of them wide.  A Chinese tooltip so wrapped at half its width,
 * and its words were split (“权|重”).  Text with wide characters is
 * shown in a label of our own, as wide as its columns; other text keeps
 * GTK's own tooltip.
 */
#include "bp-tooltips.h"

#include <string.h>

/* GTK's own limit, in columns here. */
#define MAX_COLUMNS 50

/* The columns @text takes, a wide (CJK) character counting two, as a
 * terminal counts them. */
int
bp_tooltip_text_columns (const char *text)
{
  int columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

/* A tooltip label for @markup, or NULL where GTK's own is right: no
 * wide characters, or lines broken by hand (which GTK does not wrap). */
GtkWidget *
bp_tooltip_label_new (const char *markup)
{
  g_autofree char *text = NULL;
  GtkWidget *label;
  int columns;

  if (markup == NULL || strchr (markup, '\n') != NULL ||
      !pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return NULL;
  columns = bp_tooltip_text_columns (text);
  if (columns == (int) g_utf8_strlen (text, -1))
    return NULL;
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MIN (columns, MAX_COLUMNS));
  return label;
}

/* Ahead of GTK's own handler, which it stops when it shows the tooltip. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  GtkWidget *label = bp_tooltip_label_new (gtk_widget_get_tooltip_markup (widget));

  if (label == NULL)
    return FALSE;
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

/* Each widget asked for a tooltip gets on_query_tooltip() the first time,
 * so that those of templates and of code alike are covered. */
static gboolean
watch_widget (GSignalInvocationHint *hint,
              guint                  n_params,
              const GValue          *params,
              gpointer               data)
{
  GObject *widget = g_value_get_object (&params[0]);

  if (g_object_get_data (widget, "bp-tooltip-columns") == NULL)
    {
      g_object_set_data (widget, "bp-tooltip-columns", GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
    }
  return TRUE;
}

/* Once, at startup. */
void
bp_tooltips_watch (void)
{
  /* The signal exists once the class does. */
  GTypeClass *klass = g_type_class_ref (GTK_TYPE_WIDGET);

  g_signal_add_emission_hook (g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET), 0,
                              watch_widget, NULL, NULL);
  g_type_class_unref (klass);
}

/* Sets @widget's tooltip only when it changes: in GTK 4.8 on X11 each
 * set is a round trip to the X server, even with the same text, and the
 * fields are checked as they are built as well as on every key. */
void
bp_set_tooltip (GtkWidget  *widget,
                const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}
