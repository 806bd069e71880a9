/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-prediction-panel.c: every training person's output and a classify box
 *
 * The panel holds the people, the normalisation and the parameters it was
 * last given and recomputes every output from them, so the answers follow
 * the training frame by frame.  The classify box reads a weight and height
 * in the current units, with the same strict rules as the people editor.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-csv.h"
#include "bp-enums.h"
#include "bp-field-errors.h"
#include "bp-format.h"
#include "bp-parse.h"
#include "bp-prediction-panel.h"
#include "bp-prediction-row.h"

struct _BpPredictionPanel
{
  GtkWidget       parent_instance;

  GtkBox         *rows_box;
  GtkEntry       *weight_entry;
  GtkEntry       *height_entry;
  GtkLabel       *weight_unit;
  GtkLabel       *height_unit;
  GtkLabel       *result_label;
  GtkProgressBar *result_bar;
  GtkLabel       *detail_label;
  GtkWidget      *emily_button;
  GtkWidget      *frank_button;

  BpPeople       *people;
  BpNormalizer    norm;
  BpParams        params;
  BpUnits         units;

  /* the person to classify, in lb and in, when the entries are valid */
  double          weight_lb;
  double          height_in;
  char           *classify_error;
  double          classify_output;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (BpPredictionPanel, bp_prediction_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_UNITS,
  N_PROPS
};

enum
{
  CLASSIFY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The seeds' two people to try, as they give them. */
static const struct
{
  const char *id;
  double      weight_lb;
  double      height_in;
} examples[] = {
  { "emily", 128, 63 },
  { "frank", 155, 68 },
};

static double
output_for (BpPredictionPanel *self,
            double             weight_lb,
            double             height_in)
{
  double x0, x1;

  bp_normalizer_apply (&self->norm, weight_lb, height_in, &x0, &x1);
  return bp_network_feedforward (&self->params, x0, x1);
}

static BpPredictionRow *
row_at (BpPredictionPanel *self,
        guint              index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box));

  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child != NULL ? BP_PREDICTION_ROW (child) : NULL;
}

/* The verdict in large type; under it the raw output, or in its place
 * why the entries cannot be read, so that an error does not resize the
 * box. */
static void
show_classify (BpPredictionPanel *self)
{
  GtkWidget *detail = GTK_WIDGET (self->detail_label);
  g_autofree char *verdict = NULL;
  g_autofree char *output = NULL;

  if (self->classify_error != NULL)
    {
      gtk_label_set_text (self->result_label, "—");
      gtk_widget_set_visible (GTK_WIDGET (self->result_bar), TRUE);
      gtk_progress_bar_set_fraction (self->result_bar, 0);
      gtk_label_set_text (self->detail_label, self->classify_error);
      gtk_widget_remove_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "error");
      return;
    }
  self->classify_output = output_for (self, self->weight_lb, self->height_in);
  verdict = bp_format_verdict (self->classify_output);
  /* A diverged network answers NaN: no verdict, no bar, and why. */
  if (isfinite (self->classify_output))
    output = g_strdup_printf (_("Output %.4f"), self->classify_output);
  else
    output = g_strdup (_("The network diverged"));
  gtk_label_set_text (self->result_label, verdict);
  gtk_widget_set_visible (GTK_WIDGET (self->result_bar), isfinite (self->classify_output));
  gtk_progress_bar_set_fraction (self->result_bar,
                                 isfinite (self->classify_output) ? self->classify_output : 0);
  gtk_label_set_text (self->detail_label, output);
  gtk_widget_remove_css_class (detail, "error");
  gtk_widget_add_css_class (detail, "dim-label");
}

static void
show_outputs (BpPredictionPanel *self)
{
  guint n = bp_prediction_panel_get_n_people (self);

  for (guint i = 0; i < n; i++)
    {
      const BpPerson *p = bp_people_get (self->people, i);

      bp_prediction_row_set_output (row_at (self, i), output_for (self, p->weight_lb, p->height_in));
    }
  show_classify (self);
}

/* Reads one classify entry in the current units; sets the error text. */
static gboolean
read_measure (BpPredictionPanel *self,
              gboolean           height,
              double            *value)
{
  GtkEditable *entry = GTK_EDITABLE (height ? self->height_entry : self->weight_entry);
  g_autoptr(GError) error = NULL;
  double shown;
  gboolean ok;

  ok = bp_format_parse_double (gtk_editable_get_text (entry), &shown, &error);
  if (ok)
    {
      *value = height ? bp_height_to_in (shown, self->units) : bp_weight_to_lb (shown, self->units);
      ok = height ? bp_check_height_in (*value, self->units, &error)
                  : bp_check_weight_lb (*value, self->units, &error);
    }
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      g_free (self->classify_error);
      self->classify_error = g_strdup_printf (height ? _("Height: %s") : _("Weight: %s"),
                                              error->message);
    }
  return ok;
}

static void
on_classify_changed (BpPredictionPanel *self)
{
  double weight, height;
  gboolean ok;

  if (self->updating)
    return;
  g_clear_pointer (&self->classify_error, g_free);
  /* Both, so that both entries get marked. */
  ok = read_measure (self, TRUE, &height);
  ok = read_measure (self, FALSE, &weight) && ok;
  if (ok)
    {
      self->weight_lb = weight;
      self->height_in = height;
    }
  show_classify (self);
  g_signal_emit (self, signals[CLASSIFY_CHANGED], 0);
}

/* Writes the classify entries from the data without reading them back,
 * so that Emily stays exactly 128 lb even when shown as 58.06 kg. */
static void
show_classify_entries (BpPredictionPanel *self)
{
  g_autofree char *weight = bp_format_measure (bp_weight_shown (self->weight_lb, self->units));
  g_autofree char *height = bp_format_measure (bp_height_shown (self->height_in, self->units));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->weight_entry), weight);
  gtk_editable_set_text (GTK_EDITABLE (self->height_entry), height);
  self->updating = FALSE;
  g_clear_pointer (&self->classify_error, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->weight_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->height_entry), "error");
  show_classify (self);
  g_signal_emit (self, signals[CLASSIFY_CHANGED], 0);
}

static void
example_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    if (g_str_equal (id, examples[i].id))
      {
        self->weight_lb = examples[i].weight_lb;
        self->height_in = examples[i].height_in;
        show_classify_entries (self);
      }
}

static void
show_units (BpPredictionPanel *self)
{
  GtkWidget *buttons[] = { self->emily_button, self->frank_button };

  gtk_label_set_text (self->weight_unit, bp_format_weight_unit (self->units));
  gtk_label_set_text (self->height_unit, bp_format_height_unit (self->units));
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *w = bp_format_measure (bp_weight_shown (examples[i].weight_lb, self->units));
      g_autofree char *h = bp_format_measure (bp_height_shown (examples[i].height_in, self->units));
      /* Translators: an example person's weight and height, such as
       * “128 lb, 63 in” */
      g_autofree char *tip = g_strdup_printf (_("%s %s, %s %s"), w, bp_format_weight_unit (self->units),
                                              h, bp_format_height_unit (self->units));

      bp_set_tooltip (buttons[i], tip);
    }
}

static void
bp_prediction_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      g_value_set_enum (value, self->units);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_prediction_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      bp_prediction_panel_set_units (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_prediction_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_PREDICTION_PANEL);
  /* The template's unnamed children are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_prediction_panel_parent_class)->dispose (object);
}

static void
bp_prediction_panel_finalize (GObject *object)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (object);

  g_clear_pointer (&self->people, bp_people_free);
  g_clear_pointer (&self->classify_error, g_free);
  G_OBJECT_CLASS (bp_prediction_panel_parent_class)->finalize (object);
}

static void
bp_prediction_panel_class_init (BpPredictionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_prediction_panel_get_property;
  object_class->set_property = bp_prediction_panel_set_property;
  object_class->dispose = bp_prediction_panel_dispose;
  object_class->finalize = bp_prediction_panel_finalize;

  properties[PROP_UNITS] =
    g_param_spec_enum ("units", NULL, NULL, BP_TYPE_UNITS, BP_UNITS_LB_IN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person to classify changed, or became readable or not. */
  signals[CLASSIFY_CHANGED] = g_signal_new ("classify-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-prediction-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, rows_box);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, weight_entry);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, height_entry);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, weight_unit);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, height_unit);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, result_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, result_bar);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, detail_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, emily_button);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, frank_button);
  gtk_widget_class_bind_template_callback (widget_class, on_classify_changed);

  gtk_widget_class_install_action (widget_class, "prediction.example", "s", example_activated);

  g_type_ensure (BP_TYPE_PREDICTION_ROW);
}

static void
bp_prediction_panel_init (BpPredictionPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->people = bp_people_new ();
  self->units = BP_UNITS_LB_IN;
  bp_normalizer_init (&self->norm, BP_NORMALIZE_SEED, self->people);
  /* Emily is waiting to be classified from the start. */
  self->weight_lb = examples[0].weight_lb;
  self->height_in = examples[0].height_in;
  show_units (self);
  show_classify_entries (self);
}

GtkWidget *
bp_prediction_panel_new (void)
{
  return g_object_new (BP_TYPE_PREDICTION_PANEL, NULL);
}

static void
sync_rows (BpPredictionPanel *self,
           guint              n)
{
  GtkWidget *child;
  guint have = 0;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    have++;
  for (; have < n; have++)
    gtk_box_append (self->rows_box, bp_prediction_row_new ());
  for (; have > n; have--)
    gtk_box_remove (self->rows_box, gtk_widget_get_last_child (GTK_WIDGET (self->rows_box)));
}

/* The people whose outputs to show, and the normalisation that turns
 * them (and the classify box) into inputs.  Both are copied. */
void
bp_prediction_panel_set_people (BpPredictionPanel  *self,
                                const BpPeople     *people,
                                const BpNormalizer *norm)
{
  guint n;

  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  g_clear_pointer (&self->people, bp_people_free);
  self->people = bp_people_copy (people);
  self->norm = *norm;
  n = bp_people_get_n (people);
  sync_rows (self, n);
  for (guint i = 0; i < n; i++)
    {
      const BpPerson *p = bp_people_get (people, i);

      bp_prediction_row_set_person (row_at (self, i), p->name, p->gender);
    }
  show_outputs (self);
}

/* The network to ask; call it whenever the parameters change. */
void
bp_prediction_panel_set_params (BpPredictionPanel *self,
                                const BpParams    *params)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  self->params = *params;
  show_outputs (self);
}

BpUnits
bp_prediction_panel_get_units (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), BP_UNITS_LB_IN);

  return self->units;
}

/* The units of the classify box; what it holds stays the same person. */
void
bp_prediction_panel_set_units (BpPredictionPanel *self,
                               BpUnits            units)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  if (units == self->units)
    return;
  self->units = units;
  show_units (self);
  if (self->classify_error == NULL)
    show_classify_entries (self);
  else
    on_classify_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

guint
bp_prediction_panel_get_n_people (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), 0);

  return bp_people_get_n (self->people);
}

double
bp_prediction_panel_get_output (BpPredictionPanel *self,
                                guint              index)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), 0);
  g_return_val_if_fail (index < bp_prediction_panel_get_n_people (self), 0);

  return bp_prediction_row_get_output (row_at (self, index));
}

const char *
bp_prediction_panel_get_verdict (BpPredictionPanel *self,
                                 guint              index)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), NULL);
  g_return_val_if_fail (index < bp_prediction_panel_get_n_people (self), NULL);

  return bp_prediction_row_get_verdict (row_at (self, index));
}

/* Types into the classify box, in the current units. */
void
bp_prediction_panel_set_classify (BpPredictionPanel *self,
                                  const char        *weight,
                                  const char        *height)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->weight_entry), weight);
  gtk_editable_set_text (GTK_EDITABLE (self->height_entry), height);
}

/* The person in the classify box, in lb and in; FALSE while the box
 * cannot be read. */
gboolean
bp_prediction_panel_get_classify_point (BpPredictionPanel *self,
                                        double            *weight_lb,
                                        double            *height_in)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), FALSE);

  if (self->classify_error != NULL)
    return FALSE;
  *weight_lb = self->weight_lb;
  *height_in = self->height_in;
  return TRUE;
}

/* The network's output for the classify box; FALSE while it is wrong. */
gboolean
bp_prediction_panel_get_classify_output (BpPredictionPanel *self,
                                         double            *output)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), FALSE);

  if (self->classify_error != NULL)
    return FALSE;
  *output = self->classify_output;
  return TRUE;
}

/* What the classify box shows: “Female 95.1 %”, or why it cannot. */
const char *
bp_prediction_panel_get_classify_text (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), NULL);

  if (self->classify_error != NULL)
    return self->classify_error;
  return gtk_label_get_text (self->result_label);
}

/* The weight (or height) entry of the classify box, for tests that type. */
GtkEditable *
bp_prediction_panel_get_classify_entry (BpPredictionPanel *self,
                                        gboolean           height)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), NULL);

  return GTK_EDITABLE (height ? self->height_entry : self->weight_entry);
}
