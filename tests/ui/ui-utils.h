/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-utils.h: helpers shared by the UI tests */
#pragma once

#include <gtk/gtk.h>

#include "bp-window-private.h"

G_BEGIN_DECLS

void       ui_test_init           (int         *argc,
                                   char      ***argv);
void       ui_test_show           (GtkWindow   *window,
                                   int          width,
                                   int          height);
void       ui_test_wait_frame     (GtkWidget   *widget);
void       ui_test_min_size       (GtkWidget   *widget,
                                   int         *width,
                                   int         *height);
guint      ui_test_count_rows     (GtkColumnView *view);
GtkWidget *ui_test_find_label     (GtkWidget   *widget,
                                   const char  *text);
BpWindow  *ui_test_new_window     (void);
void       ui_test_destroy_window (BpWindow    *window);
void       ui_test_set_text       (GtkEditable *editable,
                                   const char  *text);
BpPeople  *ui_test_dup_people     (BpPeopleEditor *editor,
                                   gboolean     held_out);
GtkWidget *ui_test_editor_cell    (BpPeopleEditor *editor,
                                   guint        person,
                                   BpPersonColumn column);
GtkWidget *ui_test_person_widget  (BpWindow    *window,
                                   guint        person,
                                   BpPersonColumn column);
GtkEditable *ui_test_person_entry (BpWindow    *window,
                                   guint        person,
                                   BpPersonColumn column);
const char *ui_test_person_inputs (BpWindow    *window,
                                   guint        person);
void       ui_test_set_held_out   (BpWindow    *window,
                                   guint        person,
                                   gboolean     held_out);
void       ui_test_click_person_button (BpWindow *window,
                                   guint        person,
                                   gboolean     remove);
gboolean   ui_test_action_enabled (BpWindow    *window,
                                   const char  *action);
void       ui_test_activate       (BpWindow    *window,
                                   const char  *action);
void       ui_test_show_page      (BpWindow    *window,
                                   const char  *name);
BpProgress ui_test_progress       (BpWindow    *window);
BpProgress ui_test_run_until_done (BpWindow    *window);
GtkMessageDialog *ui_test_find_dialog (GtkWindow *parent);

G_END_DECLS
