/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-people-editor.h: the people the network learns from, editable */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"
#include "bp-person-item.h"

G_BEGIN_DECLS

/* The list's columns, left to right. */
typedef enum
{
  BP_PERSON_COLUMN_NUMBER,
  BP_PERSON_COLUMN_NAME,
  BP_PERSON_COLUMN_WEIGHT,
  BP_PERSON_COLUMN_HEIGHT,
  BP_PERSON_COLUMN_GENDER,
  BP_PERSON_COLUMN_INPUTS,
  BP_PERSON_COLUMN_TEST,
  BP_PERSON_COLUMN_BUTTONS,
  BP_PERSON_N_COLUMNS,
} BpPersonColumn;

#define BP_TYPE_PEOPLE_EDITOR (bp_people_editor_get_type ())

G_DECLARE_FINAL_TYPE (BpPeopleEditor, bp_people_editor, BP, PEOPLE_EDITOR, GtkWidget)

GtkWidget    *bp_people_editor_new             (void);
void          bp_people_editor_set_people      (BpPeopleEditor *self,
                                                const BpPeople *people);
void          bp_people_editor_set_test_people (BpPeopleEditor *self,
                                                const BpPeople *people);
gboolean      bp_people_editor_move_person     (BpPeopleEditor *self,
                                                guint           index,
                                                double          weight_lb,
                                                double          height_in);
void          bp_people_editor_insert_person   (BpPeopleEditor *self,
                                                guint           index,
                                                const BpPerson *person,
                                                gboolean        held_out);
gboolean      bp_people_editor_remove_person   (BpPeopleEditor *self,
                                                guint           index);
guint         bp_people_editor_get_n_people    (BpPeopleEditor *self);
GListModel   *bp_people_editor_get_model       (BpPeopleEditor *self);
BpPersonItem *bp_people_editor_get_item        (BpPeopleEditor *self,
                                                guint           index);
GListModel   *bp_people_editor_get_view_model  (BpPeopleEditor *self);
GtkColumnView *bp_people_editor_get_column_view (BpPeopleEditor *self);
GtkEditable  *bp_people_editor_get_search_entry (BpPeopleEditor *self);
const char   *bp_people_editor_get_count_text  (BpPeopleEditor *self);
gboolean      bp_people_editor_scroll_to       (BpPeopleEditor *self,
                                                guint           index);
GtkWidget    *bp_people_editor_get_cell        (BpPeopleEditor *self,
                                                guint           index,
                                                BpPersonColumn  column);
gboolean      bp_people_editor_get_valid       (BpPeopleEditor *self);
const char   *bp_people_editor_get_error       (BpPeopleEditor *self);
BpUnits       bp_people_editor_get_units       (BpPeopleEditor *self);
void          bp_people_editor_set_units       (BpPeopleEditor *self,
                                                BpUnits         units);
BpNormalize   bp_people_editor_get_normalize   (BpPeopleEditor *self);
void          bp_people_editor_set_normalize   (BpPeopleEditor *self,
                                                BpNormalize     normalize);

G_END_DECLS
