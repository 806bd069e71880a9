/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-field-errors.c: entries marked wrong, with the reasons in words
 *
 * The training form, the person rows and the other fields that check
 * what is typed mark a wrong entry the same way: the theme's error
 * style, the reason as the entry's tooltip, and every reason in a label
 * under the fields.
 */
#include "bp-field-errors.h"

#include "bp-tooltips.h"

/* @message says what is wrong, or NULL when nothing is; @tooltip is the
 * entry's tooltip then, its help or NULL. */
void
bp_entry_mark_error (GtkWidget  *entry,
                     const char *message,
                     const char *tooltip)
{
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  bp_set_tooltip (entry, message != NULL ? message : tooltip);
}

/* The reasons in @errors (NULL where a field has none), one a line;
 * the label hides when there are none. */
void
bp_error_label_show (GtkLabel    *label,
                     char *const *errors,
                     guint        n_errors)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < n_errors; i++)
    if (errors[i] != NULL)
      g_string_append_printf (all, "%s%s", all->len > 0 ? "\n" : "", errors[i]);
  gtk_label_set_text (label, all->str);
  gtk_widget_set_visible (GTK_WIDGET (label), all->len > 0);
}
