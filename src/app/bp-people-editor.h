/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-people-editor.h: the people the network learns from, editable */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"
#include "bp-person-row.h"

G_BEGIN_DECLS

#define BP_TYPE_PEOPLE_EDITOR (bp_people_editor_get_type ())

G_DECLARE_FINAL_TYPE (BpPeopleEditor, bp_people_editor, BP, PEOPLE_EDITOR, GtkWidget)

GtkWidget   *bp_people_editor_new           (void);
void         bp_people_editor_set_people    (BpPeopleEditor *self,
                                             const BpPeople *people);
BpPeople    *bp_people_editor_dup_people    (BpPeopleEditor *self);
void         bp_people_editor_set_test_people (BpPeopleEditor *self,
                                               const BpPeople *people);
BpPeople    *bp_people_editor_dup_test_people (BpPeopleEditor *self);
gboolean     bp_people_editor_move_person   (BpPeopleEditor *self,
                                             guint           index,
                                             double          weight_lb,
                                             double          height_in);
guint        bp_people_editor_get_n_people  (BpPeopleEditor *self);
BpPersonRow *bp_people_editor_get_row       (BpPeopleEditor *self,
                                             guint           index);
gboolean     bp_people_editor_get_valid     (BpPeopleEditor *self);
const char  *bp_people_editor_get_error     (BpPeopleEditor *self);
BpUnits      bp_people_editor_get_units     (BpPeopleEditor *self);
void         bp_people_editor_set_units     (BpPeopleEditor *self,
                                             BpUnits         units);
BpNormalize  bp_people_editor_get_normalize (BpPeopleEditor *self);
void         bp_people_editor_set_normalize (BpPeopleEditor *self,
                                             BpNormalize     normalize);

G_END_DECLS
