/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-person-row.c: one editable person
 *
 * The row keeps the person in lb and in, as the core does; the entries
 * only show those numbers in the chosen units.  A field that does not
 * parse or is out of range keeps the last good value in the data and is
 * marked in place until it is fixed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-accessible.h"
#include "bp-csv.h"
#include "bp-field-errors.h"
#include "bp-format.h"
#include "bp-parse.h"
#include "bp-person-row.h"

typedef enum
{
  FIELD_NAME,
  FIELD_WEIGHT,
  FIELD_HEIGHT,
  N_FIELDS,
} Field;

struct _BpPersonRow
{
  GtkListBoxRow  parent_instance;

  GtkEntry      *name_entry;
  GtkEntry      *weight_entry;
  GtkEntry      *height_entry;
  GtkDropDown   *gender_dropdown;
  GtkCheckButton *test_check;
  GtkLabel      *inputs_label;
  GtkWidget     *buttons_box;
  GtkWidget     *duplicate_button;
  GtkWidget     *remove_button;
  GtkLabel      *error_label;

  BpPerson      *person;
  BpUnits        units;
  char          *errors[N_FIELDS];
  gboolean       updating;  /* the row is writing its own entries */
};

G_DEFINE_FINAL_TYPE (BpPersonRow, bp_person_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  CHANGED,
  DUPLICATE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEntry *
field_entry (BpPersonRow *self,
             Field        field)
{
  GtkEntry *entries[] = { self->name_entry, self->weight_entry, self->height_entry };

  return entries[field];
}

/* Marks @field with @message (or clears it with NULL): the error style and
 * a tooltip on the entry, and the reason in words under the row. */
static void
set_field_error (BpPersonRow *self,
                 Field        field,
                 const char  *message)
{
  GtkWidget *entry = GTK_WIDGET (field_entry (self, field));

  g_free (self->errors[field]);
  self->errors[field] = g_strdup (message);
  bp_entry_mark_error (entry, message, NULL);
  bp_error_label_show (self->error_label, self->errors, N_FIELDS);
}

static void
show_value (BpPersonRow *self,
            GtkEntry    *entry,
            double       value)
{
  g_autofree char *text = bp_format_measure (value);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->updating = FALSE;
}

/* Eight controls a row: a screen reader says whose each one is. */
static void
name_controls (BpPersonRow *self)
{
  const char *name = self->person->name;
  struct { gpointer widget; char *label; } controls[] = {
    { self, g_strdup (name) },
    /* Translators: accessible names of one person's controls */
    { self->weight_entry, g_strdup_printf (_("%s’s weight"), name) },
    { self->height_entry, g_strdup_printf (_("%s’s height"), name) },
    { self->gender_dropdown, g_strdup_printf (_("%s’s gender"), name) },
    { self->test_check, g_strdup_printf (_("%s held out for testing"), name) },
    { self->duplicate_button, g_strdup_printf (_("Duplicate %s"), name) },
    { self->remove_button, g_strdup_printf (_("Remove %s"), name) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (controls[i].widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, controls[i].label, -1);
      g_free (controls[i].label);
    }
}

static void
show_person (BpPersonRow *self)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->person->name);
  gtk_drop_down_set_selected (self->gender_dropdown,
                              self->person->gender == BP_GENDER_FEMALE ? 0 : 1);
  self->updating = FALSE;
  show_value (self, self->weight_entry, bp_weight_shown (self->person->weight_lb, self->units));
  show_value (self, self->height_entry, bp_height_shown (self->person->height_in, self->units));
  name_controls (self);
}

/* Reads a weight or height typed in the current units, in lb or in. */
static gboolean
read_measure (BpPersonRow *self,
              Field        field,
              double      *value,
              GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field_entry (self, field)));
  double shown;

  if (!bp_format_parse_double (text, &shown, error))
    return FALSE;
  if (field == FIELD_WEIGHT)
    {
      *value = bp_weight_to_lb (shown, self->units);
      return bp_check_weight_lb (*value, self->units, error);
    }
  *value = bp_height_to_in (shown, self->units);
  return bp_check_height_in (*value, self->units, error);
}

static void
update_measure (BpPersonRow *self,
                Field        field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  double value;

  if (!read_measure (self, field, &value, &error))
    {
      message = g_strdup_printf (field == FIELD_WEIGHT ? _("Weight: %s") : _("Height: %s"),
                                 error->message);
      set_field_error (self, field, message);
      return;
    }
  if (field == FIELD_WEIGHT)
    self->person->weight_lb = value;
  else
    self->person->height_in = value;
  set_field_error (self, field, NULL);
}

static void
on_name_changed (GtkEditable *editable,
                 BpPersonRow *self)
{
  g_autofree char *name = NULL;

  if (self->updating)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  /* The rule a session's names follow too. */
  if (bp_person_name_is_blank (name))
    set_field_error (self, FIELD_NAME, _("Name: a name is needed"));
  else
    {
      g_free (self->person->name);
      self->person->name = g_steal_pointer (&name);
      set_field_error (self, FIELD_NAME, NULL);
      name_controls (self);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_measure_changed (BpPersonRow *self,
                    Field        field)
{
  if (self->updating)
    return;
  update_measure (self, field);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_weight_changed (GtkEditable *editable,
                   BpPersonRow *self)
{
  on_measure_changed (self, FIELD_WEIGHT);
}

static void
on_height_changed (GtkEditable *editable,
                   BpPersonRow *self)
{
  on_measure_changed (self, FIELD_HEIGHT);
}

static void
on_gender_selected (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    BpPersonRow *self)
{
  if (self->updating)
    return;
  self->person->gender = gtk_drop_down_get_selected (dropdown) == 0 ? BP_GENDER_FEMALE
                                                                     : BP_GENDER_MALE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_test_toggled (GtkCheckButton *check,
                 BpPersonRow    *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[DUPLICATE], 0);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
bp_person_row_finalize (GObject *object)
{
  BpPersonRow *self = BP_PERSON_ROW (object);

  g_clear_pointer (&self->person, bp_person_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->errors[i], g_free);
  G_OBJECT_CLASS (bp_person_row_parent_class)->finalize (object);
}

static void
bp_person_row_class_init (BpPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bp_person_row_finalize;

  /* Any edit, valid or not: the editor re-checks the whole list. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DUPLICATE] = g_signal_new ("duplicate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, weight_entry);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, height_entry);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, gender_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, inputs_label);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, test_check);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, BpPersonRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_height_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_gender_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_test_toggled);

  gtk_widget_class_install_action (widget_class, "row.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_activated);
}

static void
bp_person_row_init (BpPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bp_accessible_fix_names (GTK_WIDGET (self));
}

GtkWidget *
bp_person_row_new (const BpPerson *person,
                   BpUnits         units)
{
  BpPersonRow *self = g_object_new (BP_TYPE_PERSON_ROW, NULL);

  self->person = bp_person_copy (person);
  self->units = units;
  show_person (self);
  return GTK_WIDGET (self);
}

/* The person as last entered correctly; check bp_person_row_is_valid()
 * before trusting it as what the entries show. */
const BpPerson *
bp_person_row_get_person (BpPersonRow *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ROW (self), NULL);

  return self->person;
}

gboolean
bp_person_row_is_valid (BpPersonRow *self)
{
  return bp_person_row_get_error (self) == NULL;
}

/* The first thing wrong with the row, in words, or NULL. */
const char *
bp_person_row_get_error (BpPersonRow *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ROW (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->errors[i] != NULL)
      return self->errors[i];
  return NULL;
}

/* Shows the same data in other units; a field being fixed keeps its text
 * and is read again in the new units. */
void
bp_person_row_set_units (BpPersonRow *self,
                         BpUnits      units)
{
  g_return_if_fail (BP_IS_PERSON_ROW (self));

  self->units = units;
  if (self->errors[FIELD_WEIGHT] == NULL)
    show_value (self, self->weight_entry, bp_weight_shown (self->person->weight_lb, units));
  else
    update_measure (self, FIELD_WEIGHT);
  if (self->errors[FIELD_HEIGHT] == NULL)
    show_value (self, self->height_entry, bp_height_shown (self->person->height_in, units));
  else
    update_measure (self, FIELD_HEIGHT);
}

void
bp_person_row_set_inputs (BpPersonRow *self,
                          gboolean     known,
                          double       x0,
                          double       x1)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (BP_IS_PERSON_ROW (self));

  if (!known)
    {
      gtk_label_set_text (self->inputs_label, "—");
      return;
    }
  a = bp_format_input (x0);
  b = bp_format_input (x1);
  /* Where a comma is the decimal separator, “−0,5; 1,2” stays readable. */
  if (g_str_equal (bp_format_decimal_point (), ","))
    text = g_strdup_printf ("%s; %s", a, b);
  else
    text = g_strdup_printf ("%s, %s", a, b);
  gtk_label_set_text (self->inputs_label, text);
}

const char *
bp_person_row_get_inputs_text (BpPersonRow *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ROW (self), NULL);

  return gtk_label_get_text (self->inputs_label);
}

/* The widget in @column, for size groups and for tests that type into
 * the row's entries. */
GtkWidget *
bp_person_row_get_column (BpPersonRow    *self,
                          BpPersonColumn  column)
{
  GtkWidget *columns[] = {
    GTK_WIDGET (self->name_entry), GTK_WIDGET (self->weight_entry),
    GTK_WIDGET (self->height_entry), GTK_WIDGET (self->gender_dropdown),
    GTK_WIDGET (self->inputs_label), self->buttons_box,
  };

  g_return_val_if_fail (BP_IS_PERSON_ROW (self), NULL);
  g_return_val_if_fail (column < BP_PERSON_N_COLUMNS, NULL);

  return columns[column];
}

void
bp_person_row_focus_name (BpPersonRow *self)
{
  g_return_if_fail (BP_IS_PERSON_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* A held-out person is never trained on: the network meets them only
 * in the test loss, which shows whether it learnt a rule or the list. */
gboolean
bp_person_row_get_held_out (BpPersonRow *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ROW (self), FALSE);

  return gtk_check_button_get_active (self->test_check);
}

void
bp_person_row_set_held_out (BpPersonRow *self,
                            gboolean     held_out)
{
  g_return_if_fail (BP_IS_PERSON_ROW (self));

  gtk_check_button_set_active (self->test_check, held_out);
}

/* Moves the person, as dragging them on the decision map does: a new
 * weight and height (valid ones), shown in the row's units. */
void
bp_person_row_set_measures (BpPersonRow *self,
                            double       weight_lb,
                            double       height_in)
{
  g_return_if_fail (BP_IS_PERSON_ROW (self));

  self->person->weight_lb = weight_lb;
  self->person->height_in = height_in;
  show_value (self, self->weight_entry, bp_weight_shown (weight_lb, self->units));
  show_value (self, self->height_entry, bp_height_shown (height_in, self->units));
  set_field_error (self, FIELD_WEIGHT, NULL);
  set_field_error (self, FIELD_HEIGHT, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}
