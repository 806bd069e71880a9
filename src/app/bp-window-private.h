/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-private.h: what the parts of the main window share
 *
 * The window is split by job: bp-window.c builds it and answers GTK,
 * bp-window-status.c keeps the status line, the title and the actions'
 * states, bp-window-run.c starts and follows runs, bp-window-edits.c
 * makes the undoable edits done on the views, bp-window-actions.c the
 * view modes and pages, bp-window-session.c hands a session to the
 * lesson, the editor and the form and asks the lesson for one,
 * bp-window-files.c opens, saves and exports, and bp-window-dnd.c takes
 * dropped files.  The state of the lesson itself
 * is the BpLesson's.  Only the window's parts and the tests include this.
 */
#pragma once

#include "bp-window.h"

#include "bp-chart-export.h"
#include "bp-decision-map.h"
#include "bp-examples.h"
#include "bp-explain-panel.h"
#include "bp-landscape-view.h"
#include "bp-lesson.h"
#include "bp-loss-chart.h"
#include "bp-network-diagram.h"
#include "bp-people-editor.h"
#include "bp-prediction-panel.h"
#include "bp-runs-popover.h"
#include "bp-session.h"
#include "bp-training-form.h"
#include "bp-trajectories.h"

G_BEGIN_DECLS

struct _BpWindow
{
  GtkApplicationWindow parent_instance;

  BpLesson          *lesson;
  GSettings         *settings;        /* NULL when the schema is not installed */
  guint              tick_id;

  GtkWidget         *train_button;
  GtkButton         *pause_button;
  GtkButton         *step_button;
  GtkButton         *presenter_step_button;
  BpTrainingForm    *training_form;
  BpPeopleEditor    *people_editor;
  GtkLabel          *state_label;
  GtkLabel          *epoch_label;
  GtkLabel          *loss_label;
  GtkLabel          *hint_label;
  GtkLabel          *file_label;
  BpLossChart       *loss_chart;
  BpPredictionPanel *prediction_panel;
  BpTrajectories    *trajectories;
  GtkRevealer       *presenter_bar;
  GtkWidget         *side_pane;
  GtkWidget         *side_separator;
  GtkWidget         *runs_button;
  BpRunsPopover     *runs_popover;
  GtkMenuButton     *menu_button;
  GMenuModel        *primary_menu;
  GtkStack          *views;
  BpNetworkDiagram  *network_diagram;
  GtkDropDown       *diagram_person;   /* the Network page's choice of person */
  BpDecisionMap     *decision_map;
  BpExplainPanel    *explain_panel;
  BpLandscapeView   *landscape_view;
};

/* What people taken in do to those listed. */
typedef enum
{
  BP_PEOPLE_REPLACE,
  BP_PEOPLE_ADD,
} BpPeopleMerge;

/* bp-window-status.c */
gboolean    _bp_window_get_config          (BpWindow              *self,
                                            BpTrainerConfig       *config);
const char *_bp_window_input_error         (BpWindow              *self);
void        _bp_window_size_epoch_label    (BpWindow              *self,
                                            guint64                epochs);
void        _bp_window_show_progress       (BpWindow              *self);
void        _bp_window_update_title        (BpWindow              *self);
void        _bp_window_update_modified     (BpWindow              *self);
void        _bp_window_update_actions      (BpWindow              *self);
void        _bp_window_set_enabled         (BpWindow              *self,
                                            const char            *name,
                                            gboolean               enabled);
void        _bp_window_status_init         (BpWindow              *self);

/* bp-window-run.c */
void        _bp_window_show_idle           (BpWindow              *self);
gboolean    _bp_window_start_run           (BpWindow              *self,
                                            gboolean               paused);
void        _bp_window_reset               (BpWindow              *self);
void        _bp_window_start_ticking       (BpWindow              *self);
void        _bp_window_prepare_run_views   (BpWindow              *self,
                                            BpPeople              *people,
                                            guint64                epochs);
void        _bp_window_run_init            (BpWindow              *self);

/* bp-window-edits.c */
void        _bp_window_edits_init          (BpWindow              *self);

/* bp-window-actions.c */
void        _bp_window_update_side_pane    (BpWindow              *self);
void        _bp_window_restore_view_modes  (BpWindow              *self);
void        _bp_window_actions_init        (BpWindow              *self);

/* bp-window-edits.c, bp-window-actions.c: for the guided tour */
void        bp_window_edit_parameters      (BpWindow              *self,
                                            const BpParams        *params,
                                            const char            *label);
void        bp_window_set_touring          (BpWindow              *self,
                                            gboolean               touring);

/* bp-window-files.c */
void        _bp_window_files_init          (BpWindow              *self);
void        _bp_window_confirm_close       (BpWindow              *self);

/* bp-window-dnd.c */
void        _bp_window_dnd_init            (BpWindow              *self);

/* bp-window-landscape.c */
void        _bp_window_landscape_init      (BpWindow              *self);

/* For the parts and the tests: the lesson and what the window shows */
BpLesson          *bp_window_get_lesson           (BpWindow      *self);
void               bp_window_get_progress         (BpWindow      *self,
                                                   BpProgress    *progress);
gboolean           bp_window_has_run              (BpWindow      *self);
const char        *bp_window_get_state_text       (BpWindow      *self);
const char        *bp_window_get_hint_text        (BpWindow      *self);
BpTrainingForm    *bp_window_get_training_form    (BpWindow      *self);
BpPeopleEditor    *bp_window_get_people_editor    (BpWindow      *self);
BpLossChart       *bp_window_get_loss_chart       (BpWindow      *self);
BpPredictionPanel *bp_window_get_prediction_panel (BpWindow      *self);
GtkWidget         *bp_window_get_train_button     (BpWindow      *self);
GSettings         *bp_window_get_settings         (BpWindow      *self);
BpTrajectories    *bp_window_get_trajectories     (BpWindow      *self);
BpRunList         *bp_window_get_runs             (BpWindow      *self);
BpRace            *bp_window_get_race             (BpWindow      *self);
BpRunsPopover     *bp_window_get_runs_popover     (BpWindow      *self);
GtkStack          *bp_window_get_views            (BpWindow      *self);
BpNetworkDiagram  *bp_window_get_network_diagram  (BpWindow      *self);
GtkDropDown       *bp_window_get_diagram_person   (BpWindow      *self);
BpDecisionMap     *bp_window_get_decision_map     (BpWindow      *self);
BpExplainPanel    *bp_window_get_explain_panel    (BpWindow      *self);
BpLandscapeView   *bp_window_get_landscape_view   (BpWindow      *self);
char              *bp_window_dup_display_name     (BpWindow      *self);
gboolean           bp_window_is_pristine          (BpWindow      *self);
void               bp_window_fit_screen           (BpWindow      *self,
                                                   int            screen_width,
                                                   int            screen_height);

/* Sessions (bp-window-session.c) */
BpSession         *bp_window_dup_session          (BpWindow        *self,
                                                   GError         **error);
void               bp_window_set_session          (BpWindow        *self,
                                                   const BpSession *session);
void               bp_window_mark_saved           (BpWindow        *self,
                                                   GFile           *file);

/* Files (bp-window-files.c) */
gboolean     bp_window_load                (BpWindow        *self,
                                            GFile           *file,
                                            GError         **error);
gboolean     bp_window_save                (BpWindow        *self,
                                            GFile           *file,
                                            GError         **error);
gboolean     bp_window_import_people       (BpWindow        *self,
                                            GFile           *file,
                                            GError         **error);
gboolean     bp_window_import_people_as    (BpWindow        *self,
                                            GFile           *file,
                                            BpPeopleMerge    merge,
                                            GError         **error);
gboolean     bp_window_take_people         (BpWindow        *self,
                                            const BpPeople  *people,
                                            BpPeopleMerge    merge,
                                            const char      *label,
                                            GError         **error);
BpPeople    *bp_window_dup_example         (BpExample        example);
gboolean     bp_window_load_example        (BpWindow        *self,
                                            BpExample        example,
                                            BpPeopleMerge    merge,
                                            GError         **error);
gboolean     bp_window_export_people       (BpWindow        *self,
                                            GFile           *file,
                                            GError         **error);
gboolean     bp_window_export_loss_history (BpWindow        *self,
                                            GFile           *file,
                                            GError         **error);
gboolean     bp_window_export_python       (BpWindow        *self,
                                            GFile           *file,
                                            GError         **error);
gboolean     bp_window_export_view         (BpWindow        *self,
                                            const char      *view,
                                            BpExportFormat   format,
                                            int              width,
                                            int              height,
                                            GFile           *file,
                                            GError         **error);
GdkTexture  *bp_window_render_view         (BpWindow        *self,
                                            const char      *view,
                                            int              width,
                                            int              height,
                                            int              scale);

G_END_DECLS
