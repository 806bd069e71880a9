/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-person-item.c: one person of the people editor's list model
 *
 * The list's rows are recycled: a row's widgets show one person, then
 * another as the list scrolls.  So everything a row shows lives here,
 * including a field being typed that is not (yet) a good value: its text
 * and what is wrong with it.  The person itself keeps the last good
 * values, in lb and in, as the core does.
 */
#include "config.h"

#include "bp-person-item.h"

struct _BpPersonItem
{
  GObject   parent_instance;

  BpPerson *person;
  gboolean  held_out;
  guint     position;   /* in training order, from 0 */
  char     *typed[BP_PERSON_N_FIELDS];
  char     *errors[BP_PERSON_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (BpPersonItem, bp_person_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_WEIGHT_LB,
  PROP_HEIGHT_IN,
  PROP_GENDER,
  PROP_HELD_OUT,
  PROP_POSITION,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_person_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BpPersonItem *self = BP_PERSON_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->person->name);
      break;
    case PROP_WEIGHT_LB:
      g_value_set_double (value, self->person->weight_lb);
      break;
    case PROP_HEIGHT_IN:
      g_value_set_double (value, self->person->height_in);
      break;
    case PROP_GENDER:
      g_value_set_int (value, self->person->gender);
      break;
    case PROP_HELD_OUT:
      g_value_set_boolean (value, self->held_out);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_ERROR:
      g_value_set_string (value, bp_person_item_get_error (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_person_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BpPersonItem *self = BP_PERSON_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bp_person_item_set_name (self, g_value_get_string (value));
      break;
    case PROP_HELD_OUT:
      bp_person_item_set_held_out (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_person_item_finalize (GObject *object)
{
  BpPersonItem *self = BP_PERSON_ITEM (object);

  g_clear_pointer (&self->person, bp_person_free);
  for (guint i = 0; i < BP_PERSON_N_FIELDS; i++)
    {
      g_clear_pointer (&self->typed[i], g_free);
      g_clear_pointer (&self->errors[i], g_free);
    }
  G_OBJECT_CLASS (bp_person_item_parent_class)->finalize (object);
}

static void
bp_person_item_class_init (BpPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = bp_person_item_get_property;
  object_class->set_property = bp_person_item_set_property;
  object_class->finalize = bp_person_item_finalize;

  /* The last good values: what sorting and searching look at. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_WEIGHT_LB] = g_param_spec_double ("weight-lb", NULL, NULL,
                                                    -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_HEIGHT_IN] = g_param_spec_double ("height-in", NULL, NULL,
                                                    -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_GENDER] = g_param_spec_int ("gender", NULL, NULL, BP_GENDER_MALE,
                                              BP_GENDER_FEMALE, BP_GENDER_FEMALE, ro);
  properties[PROP_HELD_OUT] = g_param_spec_boolean ("held-out", NULL, NULL, FALSE, rw);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_person_item_init (BpPersonItem *self)
{
}

/* @position is the person's place in training order; set at creation so
 * that building a long list sends no notifications. */
BpPersonItem *
bp_person_item_new (const BpPerson *person,
                    gboolean        held_out,
                    guint           position)
{
  BpPersonItem *self;

  g_return_val_if_fail (person != NULL, NULL);

  self = g_object_new (BP_TYPE_PERSON_ITEM, NULL);
  self->person = bp_person_copy (person);
  self->held_out = held_out;
  self->position = position;
  return self;
}

/* The person as last entered correctly. */
const BpPerson *
bp_person_item_get_person (BpPersonItem *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), NULL);

  return self->person;
}

const char *
bp_person_item_get_name (BpPersonItem *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), NULL);

  return self->person->name;
}

void
bp_person_item_set_name (BpPersonItem *self,
                         const char   *name)
{
  g_return_if_fail (BP_IS_PERSON_ITEM (self));
  g_return_if_fail (name != NULL);

  if (g_str_equal (name, self->person->name))
    return;
  g_free (self->person->name);
  self->person->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

double
bp_person_item_get_weight_lb (BpPersonItem *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), 0);

  return self->person->weight_lb;
}

double
bp_person_item_get_height_in (BpPersonItem *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), 0);

  return self->person->height_in;
}

/* A good weight (lb) or height (in). */
void
bp_person_item_set_measure (BpPersonItem  *self,
                            BpPersonField  field,
                            double         value)
{
  double *where;

  g_return_if_fail (BP_IS_PERSON_ITEM (self));
  g_return_if_fail (field == BP_PERSON_FIELD_WEIGHT || field == BP_PERSON_FIELD_HEIGHT);

  where = field == BP_PERSON_FIELD_WEIGHT ? &self->person->weight_lb : &self->person->height_in;
  if (*where == value)
    return;
  *where = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[field == BP_PERSON_FIELD_WEIGHT ? PROP_WEIGHT_LB
                                                                                        : PROP_HEIGHT_IN]);
}

BpGender
bp_person_item_get_gender (BpPersonItem *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), BP_GENDER_FEMALE);

  return self->person->gender;
}

void
bp_person_item_set_gender (BpPersonItem *self,
                           BpGender      gender)
{
  g_return_if_fail (BP_IS_PERSON_ITEM (self));

  if (gender == self->person->gender)
    return;
  self->person->gender = gender;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

/* A held-out person is never trained on: the network meets them only in
 * the test loss, which shows whether it learnt a rule or the list. */
gboolean
bp_person_item_get_held_out (BpPersonItem *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), FALSE);

  return self->held_out;
}

void
bp_person_item_set_held_out (BpPersonItem *self,
                             gboolean      held_out)
{
  g_return_if_fail (BP_IS_PERSON_ITEM (self));

  held_out = !!held_out;
  if (held_out == self->held_out)
    return;
  self->held_out = held_out;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD_OUT]);
}

guint
bp_person_item_get_position (BpPersonItem *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), 0);

  return self->position;
}

void
bp_person_item_set_position (BpPersonItem *self,
                             guint         position)
{
  g_return_if_fail (BP_IS_PERSON_ITEM (self));

  if (position == self->position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* What is typed in @field while it is wrong, or NULL when the field
 * shows the person's value. */
const char *
bp_person_item_get_typed (BpPersonItem  *self,
                          BpPersonField  field)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), NULL);
  g_return_val_if_fail (field < BP_PERSON_N_FIELDS, NULL);

  return self->typed[field];
}

const char *
bp_person_item_get_field_error (BpPersonItem  *self,
                                BpPersonField  field)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), NULL);
  g_return_val_if_fail (field < BP_PERSON_N_FIELDS, NULL);

  return self->errors[field];
}

/* Marks @field wrong: @typed is its text, @message why; both NULL
 * when it is right again. */
void
bp_person_item_set_field_error (BpPersonItem  *self,
                                BpPersonField  field,
                                const char    *typed,
                                const char    *message)
{
  g_return_if_fail (BP_IS_PERSON_ITEM (self));
  g_return_if_fail (field < BP_PERSON_N_FIELDS);
  g_return_if_fail ((typed == NULL) == (message == NULL));

  if (g_strcmp0 (typed, self->typed[field]) != 0)
    {
      g_free (self->typed[field]);
      self->typed[field] = g_strdup (typed);
    }
  if (g_strcmp0 (message, self->errors[field]) == 0)
    return;
  g_free (self->errors[field]);
  self->errors[field] = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* The first thing wrong with the person, in words, or NULL. */
const char *
bp_person_item_get_error (BpPersonItem *self)
{
  g_return_val_if_fail (BP_IS_PERSON_ITEM (self), NULL);

  for (guint i = 0; i < BP_PERSON_N_FIELDS; i++)
    if (self->errors[i] != NULL)
      return self->errors[i];
  return NULL;
}
