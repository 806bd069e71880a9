/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-trajectories.c: small multiples of the run
 *
 * Nine charts for the parameters, laid out by neuron, and one for each
 * training person's prediction (the first 16: the history records no
 * more), all drawn from the trainer's bounded, sampled series.  Reading
 * them side by side shows which weights move while the loss falls, and
 * when each person's prediction crosses 0.5.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-format.h"
#include "bp-presenter.h"
#include "bp-trajectories.h"

struct _BpTrajectories
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkGrid      *params_grid;
  GtkLabel     *people_note;
  GtkFlowBox   *people_box;

  BpSmallChart *params[BP_N_PARAMS];
  GPtrArray    *people;    /* of BpSmallChart, owned by people_box */
  guint64       epochs;
};

G_DEFINE_FINAL_TYPE (BpTrajectories, bp_trajectories, GTK_TYPE_WIDGET)

/* Where each parameter goes: row = neuron, column = input or bias. */
static const struct
{
  BpParam     param;
  guint       row;
  guint       column;
  const char *title;
} param_layout[BP_N_PARAMS] = {
  { BP_PARAM_W1, 0, 0, N_("w1: weight → h1") },
  { BP_PARAM_W2, 0, 1, N_("w2: height → h1") },
  { BP_PARAM_B1, 0, 2, N_("b1: bias of h1") },
  { BP_PARAM_W3, 1, 0, N_("w3: weight → h2") },
  { BP_PARAM_W4, 1, 1, N_("w4: height → h2") },
  { BP_PARAM_B2, 1, 2, N_("b2: bias of h2") },
  { BP_PARAM_W5, 2, 0, N_("w5: h1 → o1") },
  { BP_PARAM_W6, 2, 1, N_("w6: h2 → o1") },
  { BP_PARAM_B3, 2, 2, N_("b3: bias of o1") },
};

static void
add_param_charts (BpTrajectories *self)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      GtkWidget *chart = bp_small_chart_new (_(param_layout[i].title), FALSE);

      gtk_widget_set_hexpand (chart, TRUE);
      self->params[param_layout[i].param] = BP_SMALL_CHART (chart);
      gtk_grid_attach (self->params_grid, chart, param_layout[i].column, param_layout[i].row, 1, 1);
    }
}

static void
bp_trajectories_dispose (GObject *object)
{
  BpTrajectories *self = BP_TRAJECTORIES (object);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_TRAJECTORIES);
  G_OBJECT_CLASS (bp_trajectories_parent_class)->dispose (object);
}

static void
bp_trajectories_class_init (BpTrajectoriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_trajectories_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-trajectories.ui");
  gtk_widget_class_bind_template_child (widget_class, BpTrajectories, scroller);
  gtk_widget_class_bind_template_child (widget_class, BpTrajectories, params_grid);
  gtk_widget_class_bind_template_child (widget_class, BpTrajectories, people_note);
  gtk_widget_class_bind_template_child (widget_class, BpTrajectories, people_box);
  gtk_widget_class_set_css_name (widget_class, "trajectories");
}

static void
bp_trajectories_init (BpTrajectories *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  add_param_charts (self);
}

GtkWidget *
bp_trajectories_new (void)
{
  return g_object_new (BP_TYPE_TRAJECTORIES, NULL);
}

static char *
person_title (const BpPerson *person)
{
  if (person->gender == BP_GENDER_FEMALE)
    return g_strdup_printf (_("%s (F)"), person->name);
  return g_strdup_printf (_("%s (M)"), person->name);
}

static gboolean
same_people (BpTrajectories *self,
             const BpPeople *people,
             guint           n)
{
  if (n != self->people->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = person_title (bp_people_get (people, i));

      if (g_strcmp0 (title, bp_small_chart_get_title (g_ptr_array_index (self->people, i))) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
show_people_note (BpTrajectories *self,
                  guint           n_people)
{
  g_autofree char *count = NULL;
  g_autofree char *note = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->people_note), n_people > BP_HISTORY_MAX_PEOPLE);
  if (n_people <= BP_HISTORY_MAX_PEOPLE)
    return;
  count = bp_format_count (n_people);
  /* Translators: above the people's charts in Trajectories: “Predictions
   * of the first 16 of 10 000 people: …” */
  note = g_strdup_printf (_("Predictions of the first %d of %s people: the history of a run "
                            "keeps no more."), BP_HISTORY_MAX_PEOPLE, count);
  gtk_label_set_text (self->people_note, note);
}

static void
remove_people (BpTrajectories *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_box))) != NULL)
    gtk_flow_box_remove (self->people_box, child);
  g_ptr_array_set_size (self->people, 0);
}

/* One chart per training person, the first 16; unchanged people keep
 * their charts. */
void
bp_trajectories_set_people (BpTrajectories *self,
                            const BpPeople *people)
{
  guint n;

  g_return_if_fail (BP_IS_TRAJECTORIES (self));

  n = MIN (bp_people_get_n (people), BP_HISTORY_MAX_PEOPLE);
  show_people_note (self, bp_people_get_n (people));
  if (same_people (self, people, n))
    return;
  remove_people (self);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = person_title (bp_people_get (people, i));
      GtkWidget *chart = bp_small_chart_new (title, TRUE);

      bp_small_chart_set_epochs (BP_SMALL_CHART (chart), self->epochs);
      g_ptr_array_add (self->people, g_object_ref (chart));
      gtk_flow_box_append (self->people_box, chart);
      /* The flow box child takes the focus: it says whose chart it holds,
       * and the chart's values. */
      gtk_widget_set_focusable (chart, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (chart)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      bp_small_chart_clear (BP_SMALL_CHART (chart));
    }
}

/* Copies the parameters' and people's series to draw. */
void
bp_trajectories_set_history (BpTrajectories  *self,
                             const BpHistory *history)
{
  g_return_if_fail (BP_IS_TRAJECTORIES (self));

  for (guint j = 0; j < BP_N_PARAMS; j++)
    bp_small_chart_set_series (self->params[j], &history->params[j]);
  for (guint i = 0; i < self->people->len; i++)
    {
      BpSmallChart *chart = g_ptr_array_index (self->people, i);

      if (i < history->n_people)
        bp_small_chart_set_series (chart, &history->predictions[i]);
      else
        bp_small_chart_clear (chart);
    }
}

static void
for_each_chart (BpTrajectories *self,
                void          (*func) (BpSmallChart *chart, gpointer data),
                gpointer        data)
{
  for (guint j = 0; j < BP_N_PARAMS; j++)
    func (self->params[j], data);
  for (guint i = 0; i < self->people->len; i++)
    func (g_ptr_array_index (self->people, i), data);
}

static void
set_chart_epochs (BpSmallChart *chart,
                  gpointer      data)
{
  bp_small_chart_set_epochs (chart, *(guint64 *) data);
}

void
bp_trajectories_set_epochs (BpTrajectories *self,
                            guint64         epochs)
{
  g_return_if_fail (BP_IS_TRAJECTORIES (self));

  self->epochs = epochs;
  for_each_chart (self, set_chart_epochs, &epochs);
}

static void
clear_chart (BpSmallChart *chart,
             gpointer      data)
{
  bp_small_chart_clear (chart);
}

void
bp_trajectories_clear (BpTrajectories *self)
{
  g_return_if_fail (BP_IS_TRAJECTORIES (self));

  for_each_chart (self, clear_chart, NULL);
}

/* Whether the charts draw for presenter mode: their window's .presenter
 * class, which each chart follows (bp-presenter.c). */
gboolean
bp_trajectories_get_presenter (BpTrajectories *self)
{
  g_return_val_if_fail (BP_IS_TRAJECTORIES (self), FALSE);

  return bp_presenter_is_on (GTK_WIDGET (self));
}

BpSmallChart *
bp_trajectories_get_param_chart (BpTrajectories *self,
                                 BpParam         param)
{
  g_return_val_if_fail (BP_IS_TRAJECTORIES (self), NULL);
  g_return_val_if_fail (param < BP_N_PARAMS, NULL);

  return self->params[param];
}

/* The note over the people's charts when there are more people than
 * charts, or NULL. */
const char *
bp_trajectories_get_people_note (BpTrajectories *self)
{
  g_return_val_if_fail (BP_IS_TRAJECTORIES (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->people_note)))
    return NULL;
  return gtk_label_get_text (self->people_note);
}

guint
bp_trajectories_get_n_people (BpTrajectories *self)
{
  g_return_val_if_fail (BP_IS_TRAJECTORIES (self), 0);

  return self->people->len;
}

BpSmallChart *
bp_trajectories_get_person_chart (BpTrajectories *self,
                                  guint           index)
{
  g_return_val_if_fail (BP_IS_TRAJECTORIES (self), NULL);
  g_return_val_if_fail (index < self->people->len, NULL);

  return g_ptr_array_index (self->people, index);
}
