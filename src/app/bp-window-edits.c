/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-edits.c: the edits made on the views, each undoable */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-people.h"
#include "bp-format.h"
#include "bp-window-private.h"

/* ---- editing on the views, between runs ------------------------------------ */

/* The next run starts from the seed's parameters (@custom FALSE) or from
 * @params, which are on show at once, as after Reset. */
static void
set_initial (BpWindow       *self,
             gboolean        custom,
             const BpParams *params)
{
  bp_lesson_set_custom_initial (self->lesson, custom, params);
  _bp_window_reset (self);
}

typedef struct
{
  BpWindow *window;
  gboolean  custom_before;
  BpParams  before;
  BpParams  after;
} ParamsEdit;

static void
undo_params (gpointer data,
             gboolean redo)
{
  ParamsEdit *edit = data;

  if (redo)
    set_initial (edit->window, TRUE, &edit->after);
  else
    set_initial (edit->window, edit->custom_before, &edit->before);
}

/* The parameters on show become @params, and the next run starts from
 * them until a new seed; undoable.  A finished run is put away, so its
 * parameters come back as edited ones on undo. */
static void
edit_parameters (BpWindow       *self,
                 const BpParams *params,
                 const char     *label)
{
  BpLesson *lesson = self->lesson;
  guint64 before = bp_lesson_get_revision (lesson);
  ParamsEdit *edit;

  if (bp_lesson_is_live (lesson) || !bp_params_all_finite (params))
    return;
  edit = g_new (ParamsEdit, 1);
  *edit = (ParamsEdit) { self,
                         bp_lesson_get_custom_initial (lesson) || bp_lesson_shows_run (lesson),
                         bp_lesson_get_progress (lesson)->params, *params };
  set_initial (self, TRUE, params);
  bp_lesson_push_edit (lesson, before, label, undo_params, edit, g_free);
}

/* @params on show and the next run's start until a new seed, as an
 * edit on the views: one step for Undo, called @label (the guided
 * tour's steps). */
void
bp_window_edit_parameters (BpWindow       *self,
                           const BpParams *params,
                           const char     *label)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  edit_parameters (self, params, label);
}

static void
on_parameter_edited (BpWindow *self,
                     guint     param,
                     double    value)
{
  BpParams params = bp_lesson_get_progress (self->lesson)->params;
  /* Translators: an edit to undo, %s a parameter such as “w1” */
  g_autofree char *label = g_strdup_printf (_("Set %s"), bp_param_name (param));

  bp_params_set (&params, param, value);
  edit_parameters (self, &params, label);
}

/* "Apply This Step": exactly the SGD step the panel shows. */
static void
on_apply_step (BpWindow *self)
{
  BpExplain e;

  if (bp_explain_panel_get_explain (self->explain_panel, NULL, &e))
    edit_parameters (self, &e.after, _("Apply Step"));
}

typedef struct
{
  BpWindow *window;
  guint     index;
  double    from[2];   /* lb, in */
  double    to[2];
} PersonMove;

static void
undo_move (gpointer data,
           gboolean redo)
{
  PersonMove *move = data;
  const double *where = redo ? move->to : move->from;

  bp_people_editor_move_person (move->window->people_editor, move->index, where[0], where[1]);
}

/* A training person dragged on the decision map; undoable. */
static void
on_person_moved (BpWindow *self,
                 guint     index,
                 double    weight_lb,
                 double    height_in)
{
  g_autoptr(BpPeople) people = bp_lesson_dup_people (self->lesson);
  BpUnits units = bp_people_editor_get_units (self->people_editor);
  const BpPerson *p;
  guint64 before = bp_lesson_get_revision (self->lesson);
  PersonMove *move;

  if (bp_lesson_is_live (self->lesson) || people == NULL || index >= bp_people_get_n (people) ||
      !bp_check_weight_lb (weight_lb, units, NULL) || !bp_check_height_in (height_in, units, NULL))
    return;
  p = bp_people_get (people, index);
  move = g_new (PersonMove, 1);
  *move = (PersonMove) { self, index, { p->weight_lb, p->height_in }, { weight_lb, height_in } };
  bp_people_editor_move_person (self->people_editor, index, weight_lb, height_in);
  bp_lesson_push_edit (self->lesson, before, _("Move Person"), undo_move, move, g_free);
}

typedef struct
{
  BpWindow *window;
  guint     index;
  BpPerson *person;
  gboolean  held_out;
} PersonRemoval;

static void
person_removal_free (gpointer data)
{
  PersonRemoval *removal = data;

  bp_person_free (removal->person);
  g_free (removal);
}

static void
undo_remove (gpointer data,
             gboolean redo)
{
  PersonRemoval *r = data;

  if (redo)
    bp_people_editor_remove_person (r->window->people_editor, r->index);
  else
    bp_people_editor_insert_person (r->window->people_editor, r->index, r->person, r->held_out);
}

/* A person removed with their row's button; undoable. */
static void
on_person_removed (BpWindow       *self,
                   guint           index,
                   const BpPerson *person,
                   gboolean        held_out)
{
  PersonRemoval *removal = g_new (PersonRemoval, 1);

  *removal = (PersonRemoval) { self, index, bp_person_copy (person), held_out };
  /* The person is gone already, and the revision before is not known
   * here: undone, the lesson stays modified. */
  bp_lesson_push_edit (self->lesson, G_MAXUINT64, _("Remove Person"), undo_remove, removal,
                       person_removal_free);
}

/* A click on the decision map asks the prediction panel about the point. */
static void
on_map_classify (BpWindow *self,
                 double    weight,
                 double    height)
{
  g_autofree char *w = bp_format_measure (weight);
  g_autofree char *h = bp_format_measure (height);

  bp_prediction_panel_set_classify (self->prediction_panel, w, h);
}

static void
on_classify_changed (BpWindow *self)
{
  double weight = 0, height = 0;
  gboolean valid = bp_prediction_panel_get_classify_point (self->prediction_panel, &weight, &height);

  bp_decision_map_set_classify (self->decision_map, valid, weight, height);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!bp_lesson_is_live (self->lesson))
    bp_undo_stack_undo (bp_lesson_get_undo (self->lesson));
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);

  if (!bp_lesson_is_live (self->lesson))
    bp_undo_stack_redo (bp_lesson_get_undo (self->lesson));
}

/* The index of the seeds' Alice (133 lb, 65 in, F) among the people
 * trained on, or -1. */
static int
find_seed_alice (BpWindow *self)
{
  g_autoptr(BpPeople) people = bp_lesson_dup_people (self->lesson);
  const BpPerson *alice;
  guint index;

  if (people == NULL || (alice = bp_people_find (people, "Alice", &index)) == NULL)
    return -1;
  if (alice->weight_lb != 133 || alice->height_in != 65 || alice->gender != BP_GENDER_FEMALE)
    return -1;
  return index;
}

/* The seeds' worked example: weights 1, biases 0, the inputs normalised
 * their way, and Alice's step explained.  Without their Alice, the seed
 * people come back (those held out stay). */
static void
worked_example_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  static const BpParams example = { 1, 1, 1, 1, 1, 1, 0, 0, 0 };
  BpWindow *self = BP_WINDOW (user_data);
  int alice;

  if (bp_lesson_is_live (self->lesson))
    return;
  bp_training_form_set_normalize (self->training_form, BP_NORMALIZE_SEED);
  if ((alice = find_seed_alice (self)) < 0)
    {
      g_autoptr(BpPeople) seed = bp_people_new_seed ();

      bp_people_editor_set_people (self->people_editor, seed);
      alice = 0;
    }
  edit_parameters (self, &example, _("Worked Example"));
  bp_explain_panel_set_person (self->explain_panel, alice);
  gtk_stack_set_visible_child_name (self->views, "explain");
}


static const GActionEntry edit_entries[] = {
  { .name = "undo", .activate = undo_activated },
  { .name = "redo", .activate = redo_activated },
  { .name = "worked-example", .activate = worked_example_activated },
};

/* The edits' actions, and what the views report: edited parameters, a
 * step applied, a person moved or removed, a point to classify. */
void
_bp_window_edits_init (BpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_entries,
                                   G_N_ELEMENTS (edit_entries), self);
  g_signal_connect_object (self->network_diagram, "parameter-edited",
                           G_CALLBACK (on_parameter_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->explain_panel, "apply",
                           G_CALLBACK (on_apply_step), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decision_map, "classify",
                           G_CALLBACK (on_map_classify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decision_map, "person-moved",
                           G_CALLBACK (on_person_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people_editor, "person-removed",
                           G_CALLBACK (on_person_removed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prediction_panel, "classify-changed",
                           G_CALLBACK (on_classify_changed), self, G_CONNECT_SWAPPED);
  on_classify_changed (self);
}
