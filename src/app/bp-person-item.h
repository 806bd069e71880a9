/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-person-item.h: one person of the people editor's list model */
#pragma once

#include <glib-object.h>

#include "bp-people.h"

G_BEGIN_DECLS

/* The fields typed as text, which can be wrong while being typed. */
typedef enum
{
  BP_PERSON_FIELD_NAME,
  BP_PERSON_FIELD_WEIGHT,
  BP_PERSON_FIELD_HEIGHT,
  BP_PERSON_N_FIELDS,
} BpPersonField;

#define BP_TYPE_PERSON_ITEM (bp_person_item_get_type ())

G_DECLARE_FINAL_TYPE (BpPersonItem, bp_person_item, BP, PERSON_ITEM, GObject)

BpPersonItem   *bp_person_item_new             (const BpPerson *person,
                                                gboolean        held_out,
                                                guint           position);
const BpPerson *bp_person_item_get_person      (BpPersonItem   *self);
const char     *bp_person_item_get_name        (BpPersonItem   *self);
void            bp_person_item_set_name        (BpPersonItem   *self,
                                                const char     *name);
double          bp_person_item_get_weight_lb   (BpPersonItem   *self);
double          bp_person_item_get_height_in   (BpPersonItem   *self);
void            bp_person_item_set_measure     (BpPersonItem   *self,
                                                BpPersonField   field,
                                                double          value);
BpGender        bp_person_item_get_gender      (BpPersonItem   *self);
void            bp_person_item_set_gender      (BpPersonItem   *self,
                                                BpGender        gender);
gboolean        bp_person_item_get_held_out    (BpPersonItem   *self);
void            bp_person_item_set_held_out    (BpPersonItem   *self,
                                                gboolean        held_out);
guint           bp_person_item_get_position    (BpPersonItem   *self);
void            bp_person_item_set_position    (BpPersonItem   *self,
                                                guint           position);
const char     *bp_person_item_get_typed       (BpPersonItem   *self,
                                                BpPersonField   field);
const char     *bp_person_item_get_field_error (BpPersonItem   *self,
                                                BpPersonField   field);
void            bp_person_item_set_field_error (BpPersonItem   *self,
                                                BpPersonField   field,
                                                const char     *typed,
                                                const char     *message);
const char     *bp_person_item_get_error       (BpPersonItem   *self);

G_END_DECLS
