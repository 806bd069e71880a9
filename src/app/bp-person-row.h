/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-person-row.h: one editable person in the people editor */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"

G_BEGIN_DECLS

/* The row's columns, for lining them up with the editor's headers. */
typedef enum
{
  BP_PERSON_COLUMN_NAME,
  BP_PERSON_COLUMN_WEIGHT,
  BP_PERSON_COLUMN_HEIGHT,
  BP_PERSON_COLUMN_GENDER,
  BP_PERSON_COLUMN_INPUTS,
  BP_PERSON_COLUMN_BUTTONS,
  BP_PERSON_N_COLUMNS,
} BpPersonColumn;

#define BP_TYPE_PERSON_ROW (bp_person_row_get_type ())

G_DECLARE_FINAL_TYPE (BpPersonRow, bp_person_row, BP, PERSON_ROW, GtkListBoxRow)

GtkWidget      *bp_person_row_new         (const BpPerson *person,
                                           BpUnits         units);
const BpPerson *bp_person_row_get_person  (BpPersonRow    *self);
gboolean        bp_person_row_is_valid    (BpPersonRow    *self);
const char     *bp_person_row_get_error   (BpPersonRow    *self);
void            bp_person_row_set_units   (BpPersonRow    *self,
                                           BpUnits         units);
void            bp_person_row_set_inputs  (BpPersonRow    *self,
                                           gboolean        known,
                                           double          x0,
                                           double          x1);
const char     *bp_person_row_get_inputs_text (BpPersonRow *self);
GtkWidget      *bp_person_row_get_column  (BpPersonRow    *self,
                                           BpPersonColumn  column);
void            bp_person_row_focus_name  (BpPersonRow    *self);
gboolean        bp_person_row_get_held_out (BpPersonRow   *self);
void            bp_person_row_set_held_out (BpPersonRow   *self,
                                            gboolean       held_out);
void            bp_person_row_set_measures (BpPersonRow   *self,
                                            double         weight_lb,
                                            double         height_in);

G_END_DECLS
