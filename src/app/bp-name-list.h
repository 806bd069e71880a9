/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-name-list.h: the people's names as a list model for a drop-down */
#pragma once

#include <gtk/gtk.h>

#include "bp-people.h"

G_BEGIN_DECLS

#define BP_TYPE_NAME_LIST (bp_name_list_get_type ())

G_DECLARE_FINAL_TYPE (BpNameList, bp_name_list, BP, NAME_LIST, GObject)

BpNameList *bp_name_list_new         (const char     *first);
gboolean    bp_name_list_set_people  (BpNameList     *self,
                                      const BpPeople *people);
const char *bp_name_list_get_string  (BpNameList     *self,
                                      guint           position);

G_END_DECLS
