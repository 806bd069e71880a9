/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-people-editor.c: the people the network learns from
 *
 * Each person is a BpPersonRow; the editor adds, duplicates and removes
 * them, switches the units they are shown in and, after every edit, works
 * out whether the whole list can be trained on and which two inputs the
 * network would receive for each person.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-enums.h"
#include "bp-format.h"
#include "bp-people-editor.h"

struct _BpPeopleEditor
{
  GtkWidget        parent_instance;

  GtkToggleButton *lb_button;
  GtkToggleButton *kg_button;
  GtkLabel        *weight_header;
  GtkLabel        *height_header;
  GtkListBox      *list;
  GtkSizeGroup    *columns[BP_PERSON_N_COLUMNS];

  BpUnits          units;
  BpNormalize      normalize;
  gboolean         valid;
  char            *error;
};

G_DEFINE_FINAL_TYPE (BpPeopleEditor, bp_people_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_UNITS,
  PROP_NORMALIZE,
  PROP_VALID,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

guint
bp_people_editor_get_n_people (BpPeopleEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), 0);

  while (gtk_list_box_get_row_at_index (self->list, n) != NULL)
    n++;
  return n;
}

BpPersonRow *
bp_people_editor_get_row (BpPeopleEditor *self,
                          guint           index)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return BP_PERSON_ROW (gtk_list_box_get_row_at_index (self->list, index));
}

static guint
count_training (BpPeopleEditor *self,
                guint           n)
{
  guint training = 0;

  for (guint i = 0; i < n; i++)
    training += !bp_person_row_get_held_out (bp_people_editor_get_row (self, i));
  return training;
}

/* The first problem of the list, naming the person it is about. */
static char *
find_error (BpPeopleEditor *self,
            guint           n)
{
  if (n == 0)
    return g_strdup (_("There is nobody to learn from: add at least one person."));
  if (count_training (self, n) == 0)
    return g_strdup (_("Everybody is held out for testing: untick Test for someone to learn from."));
  for (guint i = 0; i < n; i++)
    {
      BpPersonRow *row = bp_people_editor_get_row (self, i);
      const char *error = bp_person_row_get_error (row);

      if (error != NULL)
        return g_strdup_printf (_("Person %u (%s) — %s"), i + 1,
                                bp_person_row_get_person (row)->name, error);
    }
  return NULL;
}

/* In seed mode a person's inputs depend on that person only; the other
 * modes need everyone's numbers, so one bad field hides them all. */
static void
show_inputs (BpPeopleEditor *self,
             guint           n)
{
  g_autoptr(BpPeople) people = bp_people_editor_dup_people (self);
  BpNormalizer norm;

  bp_normalizer_init (&norm, self->normalize, people);
  for (guint i = 0; i < n; i++)
    {
      BpPersonRow *row = bp_people_editor_get_row (self, i);
      const BpPerson *p = bp_person_row_get_person (row);
      gboolean known = bp_person_row_is_valid (row) &&
                       (people != NULL || self->normalize == BP_NORMALIZE_SEED);
      double x0, x1;

      bp_normalizer_apply (&norm, p->weight_lb, p->height_in, &x0, &x1);
      bp_person_row_set_inputs (row, known, x0, x1);
    }
}

static void
refresh (BpPeopleEditor *self)
{
  guint n = bp_people_editor_get_n_people (self);
  gboolean valid;

  g_free (self->error);
  self->error = find_error (self, n);
  valid = self->error == NULL;
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  show_inputs (self, n);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void insert_person (BpPeopleEditor *self,
                           const BpPerson *person,
                           int             position);

static void
on_row_duplicate (BpPersonRow    *row,
                  BpPeopleEditor *self)
{
  g_autoptr(BpPerson) copy = bp_person_copy (bp_person_row_get_person (row));
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1;

  insert_person (self, copy, position);
  bp_person_row_set_held_out (bp_people_editor_get_row (self, position),
                              bp_person_row_get_held_out (row));
  refresh (self);
}

static void
on_row_remove (BpPersonRow    *row,
               BpPeopleEditor *self)
{
  gtk_list_box_remove (self->list, GTK_WIDGET (row));
  refresh (self);
}

static void
insert_person (BpPeopleEditor *self,
               const BpPerson *person,
               int             position)
{
  GtkWidget *row = bp_person_row_new (person, self->units);

  g_signal_connect_object (row, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "duplicate", G_CALLBACK (on_row_duplicate), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, 0);
  /* Line the row's columns up with the headers above the list. */
  for (guint c = 0; c < BP_PERSON_N_COLUMNS; c++)
    gtk_size_group_add_widget (self->columns[c], bp_person_row_get_column (BP_PERSON_ROW (row), c));
  gtk_list_box_insert (self->list, row, position);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (widget);
  guint n = bp_people_editor_get_n_people (self);
  g_autofree char *name = g_strdup_printf (_("Person %u"), n + 1);
  g_autoptr(BpPerson) person = NULL;

  /* The seeds' centre, 135 lb and 66 in, whose inputs are 0, 0; in kg
   * and cm the round values nearest it, not 61.23 kg and 167.64 cm. */
  if (self->units == BP_UNITS_KG_CM)
    person = bp_person_new (name, bp_weight_to_lb (61, BP_UNITS_KG_CM),
                            bp_height_to_in (168, BP_UNITS_KG_CM), BP_GENDER_FEMALE);
  else
    person = bp_person_new (name, 135, 66, BP_GENDER_FEMALE);

  insert_person (self, person, -1);
  bp_person_row_focus_name (bp_people_editor_get_row (self, n));
  refresh (self);
}

static void
show_headers (BpPeopleEditor *self)
{
  g_autofree char *weight = g_strdup_printf (_("Weight (%s)"), bp_format_weight_unit (self->units));
  g_autofree char *height = g_strdup_printf (_("Height (%s)"), bp_format_height_unit (self->units));

  gtk_label_set_text (self->weight_header, weight);
  gtk_label_set_text (self->height_header, height);
}

static void
on_kg_toggled (GtkToggleButton *button,
               BpPeopleEditor  *self)
{
  bp_people_editor_set_units (self, gtk_toggle_button_get_active (button) ? BP_UNITS_KG_CM
                                                                         : BP_UNITS_LB_IN);
}

static void
bp_people_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      g_value_set_enum (value, self->units);
      break;
    case PROP_NORMALIZE:
      g_value_set_enum (value, self->normalize);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_people_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      bp_people_editor_set_units (self, g_value_get_enum (value));
      break;
    case PROP_NORMALIZE:
      bp_people_editor_set_normalize (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_people_editor_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_PEOPLE_EDITOR);
  /* The template's unnamed children are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_people_editor_parent_class)->dispose (object);
}

static void
bp_people_editor_finalize (GObject *object)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (object);

  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (bp_people_editor_parent_class)->finalize (object);
}

static void
bp_people_editor_class_init (BpPeopleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_people_editor_get_property;
  object_class->set_property = bp_people_editor_set_property;
  object_class->dispose = bp_people_editor_dispose;
  object_class->finalize = bp_people_editor_finalize;

  properties[PROP_UNITS] =
    g_param_spec_enum ("units", NULL, NULL, BP_TYPE_UNITS, BP_UNITS_LB_IN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NORMALIZE] =
    g_param_spec_enum ("normalize", NULL, NULL, BP_TYPE_NORMALIZE, BP_NORMALIZE_SEED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every edit, valid or not. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-people-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, lb_button);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, kg_button);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, weight_header);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, height_header);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, list);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (BpPeopleEditor, columns[BP_PERSON_COLUMN_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "weight_column", FALSE,
                                             G_STRUCT_OFFSET (BpPeopleEditor, columns[BP_PERSON_COLUMN_WEIGHT]));
  gtk_widget_class_bind_template_child_full (widget_class, "height_column", FALSE,
                                             G_STRUCT_OFFSET (BpPeopleEditor, columns[BP_PERSON_COLUMN_HEIGHT]));
  gtk_widget_class_bind_template_child_full (widget_class, "gender_column", FALSE,
                                             G_STRUCT_OFFSET (BpPeopleEditor, columns[BP_PERSON_COLUMN_GENDER]));
  gtk_widget_class_bind_template_child_full (widget_class, "inputs_column", FALSE,
                                             G_STRUCT_OFFSET (BpPeopleEditor, columns[BP_PERSON_COLUMN_INPUTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "buttons_column", FALSE,
                                             G_STRUCT_OFFSET (BpPeopleEditor, columns[BP_PERSON_COLUMN_BUTTONS]));
  gtk_widget_class_bind_template_callback (widget_class, on_kg_toggled);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_activated);

  g_type_ensure (BP_TYPE_PERSON_ROW);
}

static void
bp_people_editor_init (BpPeopleEditor *self)
{
  g_autoptr(BpPeople) seed = bp_people_new_seed ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->units = BP_UNITS_LB_IN;
  self->normalize = BP_NORMALIZE_SEED;
  show_headers (self);
  bp_people_editor_set_people (self, seed);
}

GtkWidget *
bp_people_editor_new (void)
{
  return g_object_new (BP_TYPE_PEOPLE_EDITOR, NULL);
}

/* Removes the rows that are (or are not) held out for testing. */
static void
remove_rows (BpPeopleEditor *self,
             gboolean        held_out)
{
  for (guint i = bp_people_editor_get_n_people (self); i-- > 0;)
    {
      BpPersonRow *row = bp_people_editor_get_row (self, i);

      if (bp_person_row_get_held_out (row) == held_out)
        gtk_list_box_remove (self->list, GTK_WIDGET (row));
    }
}

static void
replace_people (BpPeopleEditor *self,
                const BpPeople *people,
                gboolean        held_out)
{
  remove_rows (self, held_out);
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      guint n = bp_people_editor_get_n_people (self);

      insert_person (self, bp_people_get (people, i), -1);
      bp_person_row_set_held_out (bp_people_editor_get_row (self, n), held_out);
    }
  refresh (self);
}

/* Replaces the people trained on, keeping those held out for testing;
 * weights and heights are taken in lb and in. */
void
bp_people_editor_set_people (BpPeopleEditor *self,
                             const BpPeople *people)
{
  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));

  replace_people (self, people, FALSE);
}

/* Replaces the people held out for testing. */
void
bp_people_editor_set_test_people (BpPeopleEditor *self,
                                  const BpPeople *people)
{
  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));

  replace_people (self, people, TRUE);
}

static BpPeople *
dup_rows (BpPeopleEditor *self,
          gboolean        held_out)
{
  guint n = bp_people_editor_get_n_people (self);
  g_autofree char *error = find_error (self, n);
  BpPeople *people;

  if (error != NULL)
    return NULL;
  people = bp_people_new ();
  for (guint i = 0; i < n; i++)
    {
      BpPersonRow *row = bp_people_editor_get_row (self, i);

      if (bp_person_row_get_held_out (row) == held_out)
        bp_people_add (people, bp_person_copy (bp_person_row_get_person (row)));
    }
  return people;
}

/* A copy of the people trained on, in lb and in, or NULL while any field
 * is wrong. */
BpPeople *
bp_people_editor_dup_people (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return dup_rows (self, FALSE);
}

/* Gives the @index-th person trained on (the held out do not count) a
 * new weight and height; FALSE when there is no such person. */
gboolean
bp_people_editor_move_person (BpPeopleEditor *self,
                              guint           index,
                              double          weight_lb,
                              double          height_in)
{
  guint n;

  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), FALSE);

  n = bp_people_editor_get_n_people (self);
  for (guint i = 0; i < n; i++)
    {
      BpPersonRow *row = bp_people_editor_get_row (self, i);

      if (bp_person_row_get_held_out (row))
        continue;
      if (index-- == 0)
        {
          bp_person_row_set_measures (row, weight_lb, height_in);
          return TRUE;
        }
    }
  return FALSE;
}

/* The people held out for testing (maybe none), or NULL while any field
 * is wrong. */
BpPeople *
bp_people_editor_dup_test_people (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return dup_rows (self, TRUE);
}

gboolean
bp_people_editor_get_valid (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), FALSE);

  return self->valid;
}

/* Why the people cannot be trained on, or NULL when they can. */
const char *
bp_people_editor_get_error (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return self->error;
}

BpUnits
bp_people_editor_get_units (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), BP_UNITS_LB_IN);

  return self->units;
}

/* Changes how weights and heights are shown and read, never the data. */
void
bp_people_editor_set_units (BpPeopleEditor *self,
                            BpUnits         units)
{
  guint n;

  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));

  if (units == self->units)
    return;
  self->units = units;
  gtk_toggle_button_set_active (units == BP_UNITS_KG_CM ? self->kg_button : self->lb_button, TRUE);
  show_headers (self);
  n = bp_people_editor_get_n_people (self);
  for (guint i = 0; i < n; i++)
    bp_person_row_set_units (bp_people_editor_get_row (self, i), units);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

BpNormalize
bp_people_editor_get_normalize (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), BP_NORMALIZE_SEED);

  return self->normalize;
}

/* The normalisation the inputs column shows. */
void
bp_people_editor_set_normalize (BpPeopleEditor *self,
                                BpNormalize     normalize)
{
  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));

  if (normalize == self->normalize)
    return;
  self->normalize = normalize;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NORMALIZE]);
}
