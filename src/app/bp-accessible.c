/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-accessible.c: names that screen readers can read
 *
 * GTK 4.8 names a widget by its label property followed by the names of
 * the widgets that label it.  A button with a mnemonic keeps its raw
 * label ("_Train") as its label property and is labelled by its child
 * ("Train") as well, so it reads "_Train Train"; a label's own name keeps
 * the parenthesised mnemonic of CJK translations ("学习率(L)"); and the
 * toggle button inside a drop-down, the part that takes focus, has no
 * name at all.  bp_accessible_fix_names() mends these in a widget tree,
 * and again whenever a label changes.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bp-accessible.h"

/* "学习率(_L)" → "学习率", "St_ep" → "Step", "a__b" → "a_b". */
char *
bp_accessible_strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      /* A translation's "(_X)" goes whole, with the space before it. */
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[2] != '_' && p[3] == ')')
        {
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          p += 3;
          continue;
        }
      if (p[0] == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, *++p);
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
fix_label (GtkLabel *label)
{
  g_autofree char *name = NULL;

  if (!gtk_label_get_use_underline (label))
    return;
  name = bp_accessible_strip_mnemonic (gtk_label_get_label (label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The child label names the button: its raw label must not as well. */
static void
fix_button (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
on_label_notify (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  if (GTK_IS_LABEL (object))
    fix_label (GTK_LABEL (object));
  else
    fix_button (GTK_BUTTON (object));
}

static void
watch (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), "bp-accessible-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "bp-accessible-watched", GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::label", G_CALLBACK (on_label_notify), NULL);
  g_signal_connect (widget, "notify::use-underline", G_CALLBACK (on_label_notify), NULL);
}

/* @namer labels @widget and whatever under it takes the focus: the item
 * GTK 4.8 shows inside a drop-down's button is a focusable list item. */
static void
label_focusable (GtkWidget *widget,
                 GtkWidget *namer)
{
  if (gtk_widget_get_focusable (widget) || GTK_IS_TOGGLE_BUTTON (widget))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    namer, NULL, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_focusable (child, namer);
}

/* The drop-down's toggle button takes the focus: it is labelled by what
 * labels the drop-down, its mnemonic label or else the drop-down itself
 * (which must then have a label property). */
static void
fix_drop_down (GtkDropDown *drop_down)
{
  GList *labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (drop_down));
  GtkWidget *namer = labels != NULL ? labels->data : GTK_WIDGET (drop_down);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      label_focusable (child, namer);
  g_list_free (labels);
}

void
bp_accessible_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root))
    {
      fix_label (GTK_LABEL (root));
      watch (root);
    }
  else if (GTK_IS_BUTTON (root))
    {
      fix_button (GTK_BUTTON (root));
      watch (root);
    }
  else if (GTK_IS_DROP_DOWN (root))
    fix_drop_down (GTK_DROP_DOWN (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bp_accessible_fix_names (child);
}

/* ---- formulas in words --------------------------------------------------- */

static char *
unescape_entities (const char *text)
{
  static const char *const entities[][2] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" }, { "&amp;", "&" },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (entities) && !found; i++)
        if (g_str_has_prefix (p, entities[i][0]))
          {
            g_string_append (out, entities[i][1]);
            p += strlen (entities[i][0]);
            found = TRUE;
          }
      if (!found)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

static gunichar
last_char (GString *out)
{
  const char *end = out->str + out->len;

  if (out->len == 0)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (out->str, end));
}

/* What follows a base raised to @power, e.g. "squared". */
static void
append_power (GString    *out,
              const char *power)
{
  g_string_append_c (out, ' ');
  if (g_str_equal (power, "2"))
    g_string_append (out, _("squared"));
  else if (g_str_has_prefix (power, "−"))
    g_string_append_printf (out, _("to the minus %s"), power + strlen ("−"));
  else
    g_string_append_printf (out, _("to the power %s"), power);
}

/* A subscript joins its base, set off by spaces where letters would run
 * together: "sum<sub>h1</sub> = w<sub>1</sub>x<sub>0</sub>" reads "sum h1
 * = w1 x0". */
static void
append_subscript (GString    *out,
                  const char *sub,
                  const char *next)
{
  if (is_word_char (last_char (out)) && g_unichar_isalpha (g_utf8_get_char (sub)))
    g_string_append_c (out, ' ');
  g_string_append (out, sub);
  if (*next != '\0' && is_word_char (g_utf8_get_char (next)))
    g_string_append_c (out, ' ');
}

/* Pango markup as a screen reader should say it: the label's own text
 * flattens "(1 − 0.221)<sup>2</sup>" to "(1 − 0.221)2" and
 * "e<sup>−x</sup>" to "e−x". */
char *
bp_accessible_speak_markup (const char *markup)
{
  g_autofree char *text = NULL;
  GString *out = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (markup != NULL, NULL);

  for (p = markup; *p != '\0';)
    {
      gboolean sup = g_str_has_prefix (p, "<sup>");

      if (sup || g_str_has_prefix (p, "<sub>"))
        {
          const char *start = p + strlen ("<sup>");
          const char *end = strstr (start, sup ? "</sup>" : "</sub>");
          g_autofree char *inner = NULL;

          if (end == NULL)
            break;
          inner = g_strndup (start, end - start);
          p = end + strlen ("</sup>");
          if (sup)
            append_power (out, inner);
          else
            append_subscript (out, inner, p);
        }
      else if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          p = end + 1;
        }
      else
        g_string_append_c (out, *p++);
    }
  /* Entities last: an escaped "<" is no tag. */
  text = g_string_free (out, FALSE);
  return unescape_entities (text);
}

/* Sets @label's markup and a name that reads it right. */
void
bp_accessible_set_markup (GtkLabel   *label,
                          const char *markup)
{
  g_autofree char *spoken = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_markup (label, markup);
  spoken = bp_accessible_speak_markup (markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
}

/* ---- descriptions that follow a run ----------------------------------------- */

/* Every description update goes out on the accessibility bus and a
 * screen reader may speak it: while training, a view's words change
 * every frame.  They go out at most once a second, and only when they
 * differ from the last ones sent. */
#define DESCRIBE_INTERVAL_US G_USEC_PER_SEC

typedef struct
{
  GtkWidget *widget;
  char      *sent;
  char      *pending;
  gint64     sent_at;
  guint      timeout_id;
} Describer;

static void
describer_free (gpointer data)
{
  Describer *d = data;

  g_clear_handle_id (&d->timeout_id, g_source_remove);
  g_free (d->sent);
  g_free (d->pending);
  g_free (d);
}

static void
describer_send (Describer *d)
{
  g_clear_handle_id (&d->timeout_id, g_source_remove);
  if (d->pending == NULL)
    return;
  g_free (d->sent);
  d->sent = g_steal_pointer (&d->pending);
  d->sent_at = g_get_monotonic_time ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, d->sent, -1);
}

static gboolean
on_describe_timeout (gpointer data)
{
  Describer *d = data;

  d->timeout_id = 0;
  describer_send (d);
  return G_SOURCE_REMOVE;
}

static Describer *
get_describer (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "bp-describer");
}

/* Sets @widget's accessible description, at once unless the last one
 * went out less than a second ago: then the newest words go out when the
 * second is up. */
void
bp_accessible_describe (GtkWidget  *widget,
                        const char *description)
{
  Describer *d;
  gint64 wait;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (description != NULL);

  d = get_describer (widget);
  if (d == NULL)
    {
      d = g_new0 (Describer, 1);
      d->widget = widget;
      g_object_set_data_full (G_OBJECT (widget), "bp-describer", d, describer_free);
    }
  if (g_strcmp0 (description, d->pending != NULL ? d->pending : d->sent) == 0)
    return;
  g_free (d->pending);
  if (g_strcmp0 (description, d->sent) == 0)
    {
      /* Back to the words already sent: nothing left to say. */
      d->pending = NULL;
      g_clear_handle_id (&d->timeout_id, g_source_remove);
      return;
    }
  d->pending = g_strdup (description);
  wait = d->sent_at + DESCRIBE_INTERVAL_US - g_get_monotonic_time ();
  if (d->sent == NULL || wait <= 0)
    describer_send (d);
  else if (d->timeout_id == 0)
    d->timeout_id = g_timeout_add ((guint) (wait / 1000) + 1, on_describe_timeout, d);
}

/* The description last sent, which a screen reader has; NULL if none. */
const char *
bp_accessible_get_description (GtkWidget *widget)
{
  Describer *d;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  d = get_describer (widget);
  return d != NULL ? d->sent : NULL;
}

/* Sends what waits in @root and below: when a run ends or pauses its
 * last words go out at once. */
void
bp_accessible_flush (GtkWidget *root)
{
  Describer *d;

  g_return_if_fail (GTK_IS_WIDGET (root));

  d = get_describer (root);
  if (d != NULL)
    describer_send (d);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bp_accessible_flush (child);
}

/* Names the widgets GTK 4.8's list and column views wrap around @child:
 * its parent (a column view's cell) and, with @levels 2, the row too.
 * They take the keyboard focus, and without a name a screen reader says
 * "GtkListItemWidget"; GTK 4.8 has no API of the list item for it. */
void
bp_accessible_label_list_item (GtkWidget  *child,
                               guint       levels,
                               const char *label)
{
  GtkWidget *widget = child;

  for (guint i = 0; i < levels; i++)
    {
      widget = gtk_widget_get_parent (widget);
      if (widget == NULL)
        return;
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
}
