/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-training-form.c: the settings of the next run
 *
 * Every field is read with the core's strict parser as it is typed; a
 * field that does not parse is marked in place and makes the form invalid
 * until it is fixed.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-enums.h"
#include "bp-field-errors.h"
#include "bp-format.h"
#include "bp-parse.h"
#include "bp-training-form.h"

/* The same bounds as backprop-cli. */
#define MAX_EPOCHS G_GUINT64_CONSTANT (1000000000000)
#define DEFAULT_SEED 1

typedef enum
{
  FIELD_LEARNING_RATE,
  FIELD_EPOCHS,
  FIELD_SEED,
  FIELD_TARGET_LOSS,
  N_FIELDS,
} Field;

struct _BpTrainingForm
{
  GtkWidget    parent_instance;

  /* Hidden in the lesson view: what a first lesson can leave alone. */
  GtkWidget   *seed_label;
  GtkWidget   *seed_box;
  GtkWidget   *normalize_label;

  GtkEntry    *learning_rate_entry;
  GtkEntry    *epochs_entry;
  GtkEntry    *seed_entry;
  GtkCheckButton *target_loss_check;
  GtkEntry    *target_loss_entry;
  GtkDropDown *normalize_dropdown;
  GtkRange    *speed_scale;
  GtkLabel    *speed_label;
  GtkLabel    *error_label;

  BpUnits      units;  /* of the normalisation's offsets as shown */
  gboolean     showing_offsets;
  double       learning_rate;
  guint64      epochs;
  guint32      seed;
  double       target_loss;  /* the last one typed right, whether in use or not */
  char        *errors[N_FIELDS];
  char        *help[N_FIELDS];  /* the fields' own tooltips */
  gboolean     valid;

  /* A session's pace that no slider position gives, kept exactly until
   * the slider moves: opening a file and saving it changes nothing. */
  gboolean     has_file_pace;
  double       file_pace;
  gboolean     setting_pace;
};

G_DEFINE_FINAL_TYPE (BpTrainingForm, bp_training_form, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SEED,
  PROP_NORMALIZE,
  PROP_SPEED,
  PROP_UNITS,
  PROP_VALID,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How long a whole run takes at each speed; 0 is as fast as possible. */
static const double run_seconds[] = { 10, 5, 2, 0.5, 0 };

G_STATIC_ASSERT (G_N_ELEMENTS (run_seconds) == BP_SPEED_FASTEST + 1);

static GtkEntry *
field_entry (BpTrainingForm *self,
             Field           field)
{
  GtkEntry *entries[] = {
    self->learning_rate_entry, self->epochs_entry, self->seed_entry, self->target_loss_entry,
  };

  return entries[field];
}

static void
set_field_error (BpTrainingForm *self,
                 Field           field,
                 const char     *message)
{
  GtkWidget *entry = GTK_WIDGET (field_entry (self, field));
  gboolean same = g_strcmp0 (self->errors[field], message) == 0;

  g_free (self->errors[field]);
  self->errors[field] = g_strdup (message);
  /* A field can go from one wrong value to another: whoever shows the
   * reason needs to hear of that too, not only of validity changing. */
  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  bp_entry_mark_error (entry, message, self->help[field]);
  bp_error_label_show (self->error_label, self->errors, N_FIELDS);
}

static const char *
field_text (BpTrainingForm *self,
            Field           field)
{
  return gtk_editable_get_text (GTK_EDITABLE (field_entry (self, field)));
}

static gboolean
read_learning_rate (BpTrainingForm *self,
                    GError        **error)
{
  double value;

  if (!bp_format_parse_double (field_text (self, FIELD_LEARNING_RATE), &value, error))
    return FALSE;
  if (value <= 0)
    {
      g_set_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE,
                   _("“%s” must be greater than 0"), field_text (self, FIELD_LEARNING_RATE));
      return FALSE;
    }
  self->learning_rate = value;
  return TRUE;
}

/* Read only while the check is on: a target not in use cannot be wrong. */
static gboolean
read_target_loss (BpTrainingForm *self,
                  GError        **error)
{
  const char *text = field_text (self, FIELD_TARGET_LOSS);
  double value;

  if (!gtk_check_button_get_active (self->target_loss_check))
    return TRUE;
  if (!bp_format_parse_double (text, &value, error))
    return FALSE;
  if (value <= 0)
    {
      g_set_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE,
                   _("“%s” must be greater than 0"), text);
      return FALSE;
    }
  self->target_loss = value;
  return TRUE;
}

static gboolean
read_epochs (BpTrainingForm *self,
             GError        **error)
{
  guint64 value;

  /* 0 is a lesson too, as backprop-cli --epochs 0 has it: the untrained
   * network, its run finished as soon as it starts. */
  if (!bp_parse_uint64 (field_text (self, FIELD_EPOCHS), MAX_EPOCHS, &value, error))
    return FALSE;
  self->epochs = value;
  return TRUE;
}

static gboolean
read_seed (BpTrainingForm *self,
           GError        **error)
{
  guint64 value;

  if (!bp_parse_uint64 (field_text (self, FIELD_SEED), G_MAXUINT32, &value, error))
    return FALSE;
  if (value != self->seed)
    {
      self->seed = (guint32) value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED]);
    }
  return TRUE;
}

static void
show_speed (BpTrainingForm *self)
{
  double seconds = run_seconds[bp_training_form_get_speed (self)];
  g_autofree char *text = NULL;

  /* The time the file's pace gives the epochs, to a tenth of a second. */
  if (self->has_file_pace)
    seconds = self->file_pace > 0 ? round (self->epochs / self->file_pace * 10) / 10 : 0;
  if (seconds == 0)
    text = g_strdup (_("max"));
  else
    text = g_strdup_printf (_("%g s"), seconds);
  gtk_label_set_text (self->speed_label, text);
}

static void
check_field (BpTrainingForm *self,
             Field           field)
{
  static const char * const names[] = {
    N_("Learning rate"), N_("Epochs"), N_("Seed"), N_("Target loss"),
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (field == FIELD_LEARNING_RATE)
    ok = read_learning_rate (self, &error);
  else if (field == FIELD_EPOCHS)
    ok = read_epochs (self, &error);
  else if (field == FIELD_TARGET_LOSS)
    ok = read_target_loss (self, &error);
  else
    ok = read_seed (self, &error);
  if (!ok)
    message = g_strdup_printf ("%s: %s", _(names[field]), error->message);
  set_field_error (self, field, message);
  if (field == FIELD_EPOCHS)
    show_speed (self);
}

static void
update_valid (BpTrainingForm *self)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    valid = valid && self->errors[i] == NULL;
  if (valid == self->valid)
    return;
  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
on_entry_changed (BpTrainingForm *self,
                  GtkEditable    *editable)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (GTK_EDITABLE (field_entry (self, i)) == editable)
      check_field (self, i);
  update_valid (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_target_loss_toggled (BpTrainingForm *self)
{
  gboolean active = gtk_check_button_get_active (self->target_loss_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->target_loss_entry),
                            active && gtk_widget_get_sensitive (GTK_WIDGET (self->target_loss_check)));
  check_field (self, FIELD_TARGET_LOSS);
  update_valid (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_normalize_selected (BpTrainingForm *self)
{
  if (self->showing_offsets)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NORMALIZE]);
}

/* The seeds' offsets, 135 lb and 66 in, in the units the people are
 * shown in: a class working in kg and cm reads 61.23 kg and 167.64 cm. */
static void
show_seed_offsets (BpTrainingForm *self)
{
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (self->normalize_dropdown));
  guint selected = gtk_drop_down_get_selected (self->normalize_dropdown);
  g_autofree char *weight = bp_format_measure (bp_weight_shown (135, self->units));
  g_autofree char *height = bp_format_measure (bp_height_shown (66, self->units));
  g_autofree char *text = NULL;

  /* Translators: the seeds' normalisation, such as “Minus 135 lb and 66 in” */
  text = g_strdup_printf (_("Minus %s %s and %s %s"), weight, bp_format_weight_unit (self->units),
                          height, bp_format_height_unit (self->units));
  /* Replacing the selected item must not read as choosing another. */
  self->showing_offsets = TRUE;
  gtk_string_list_splice (list, BP_NORMALIZE_SEED, 1, (const char * const[]) { text, NULL });
  gtk_drop_down_set_selected (self->normalize_dropdown, selected);
  self->showing_offsets = FALSE;
}

static void
on_speed_changed (BpTrainingForm *self)
{
  if (!self->setting_pace)
    self->has_file_pace = FALSE;
  show_speed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

static void
bp_training_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpTrainingForm *self = BP_TRAINING_FORM (object);

  switch (prop_id)
    {
    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;
    case PROP_NORMALIZE:
      g_value_set_enum (value, bp_training_form_get_normalize (self));
      break;
    case PROP_SPEED:
      g_value_set_int (value, bp_training_form_get_speed (self));
      break;
    case PROP_UNITS:
      g_value_set_enum (value, self->units);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_ERROR:
      g_value_set_string (value, bp_training_form_get_error (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_training_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BpTrainingForm *self = BP_TRAINING_FORM (object);

  switch (prop_id)
    {
    case PROP_SEED:
      bp_training_form_set_seed (self, g_value_get_uint (value));
      break;
    case PROP_NORMALIZE:
      bp_training_form_set_normalize (self, g_value_get_enum (value));
      break;
    case PROP_SPEED:
      bp_training_form_set_speed (self, g_value_get_int (value));
      break;
    case PROP_UNITS:
      bp_training_form_set_units (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_training_form_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_TRAINING_FORM);
  /* The template's unnamed children are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_training_form_parent_class)->dispose (object);
}

static void
bp_training_form_finalize (GObject *object)
{
  BpTrainingForm *self = BP_TRAINING_FORM (object);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_clear_pointer (&self->errors[i], g_free);
      g_clear_pointer (&self->help[i], g_free);
    }
  G_OBJECT_CLASS (bp_training_form_parent_class)->finalize (object);
}

static void
bp_training_form_class_init (BpTrainingFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_training_form_get_property;
  object_class->set_property = bp_training_form_set_property;
  object_class->dispose = bp_training_form_dispose;
  object_class->finalize = bp_training_form_finalize;

  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXUINT32, DEFAULT_SEED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NORMALIZE] =
    g_param_spec_enum ("normalize", NULL, NULL, BP_TYPE_NORMALIZE, BP_NORMALIZE_SEED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] =
    g_param_spec_int ("speed", NULL, NULL, BP_SPEED_WATCHABLE, BP_SPEED_FASTEST, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNITS] =
    g_param_spec_enum ("units", NULL, NULL, BP_TYPE_UNITS, BP_UNITS_LB_IN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A field was typed in or the target turned on or off: a setting a
   * lesson file keeps may have changed, even when the form stays valid. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-training-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, learning_rate_entry);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, epochs_entry);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, seed_entry);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, target_loss_check);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, target_loss_entry);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, seed_label);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, seed_box);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, normalize_label);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, normalize_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, speed_scale);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, speed_label);
  gtk_widget_class_bind_template_child (widget_class, BpTrainingForm, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_normalize_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_target_loss_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_speed_changed);
}

static void
bp_training_form_init (BpTrainingForm *self)
{
  g_autofree char *seed = g_strdup_printf ("%u", DEFAULT_SEED);

  gtk_widget_init_template (GTK_WIDGET (self));
  show_seed_offsets (self);
  self->valid = TRUE;
  self->seed = DEFAULT_SEED;
  for (guint i = 0; i < N_FIELDS; i++)
    self->help[i] = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (field_entry (self, i))));
  gtk_editable_set_text (GTK_EDITABLE (self->seed_entry), seed);
  for (guint i = 0; i < N_FIELDS; i++)
    check_field (self, i);
  show_speed (self);
}

GtkWidget *
bp_training_form_new (void)
{
  return g_object_new (BP_TYPE_TRAINING_FORM, NULL);
}

/* Fills @config for a run from the fields; FALSE while any is wrong.  The
 * initial parameters come from the seed, as with backprop-cli --seed. */
gboolean
bp_training_form_get_config (BpTrainingForm  *self,
                             BpTrainerConfig *config)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), FALSE);

  if (!self->valid)
    return FALSE;
  bp_params_from_seed (&config->initial, self->seed);
  config->learning_rate = self->learning_rate;
  config->epochs = self->epochs;
  config->epochs_per_second = bp_training_form_get_pace (self, self->epochs);
  config->target_loss = bp_training_form_get_target_loss (self);
  return TRUE;
}

/* The loss below which the next run stops, or 0 when it runs every epoch. */
double
bp_training_form_get_target_loss (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), 0);

  return gtk_check_button_get_active (self->target_loss_check) ? self->target_loss : 0;
}

/* 0 turns the target off and leaves the last one in its entry. */
void
bp_training_form_set_target_loss (BpTrainingForm *self,
                                  double          target_loss)
{
  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  if (target_loss > 0)
    {
      g_autofree char *text = bp_format_editable (target_loss);

      gtk_editable_set_text (GTK_EDITABLE (self->target_loss_entry), text);
    }
  gtk_check_button_set_active (self->target_loss_check, target_loss > 0);
}

gboolean
bp_training_form_get_valid (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), FALSE);

  return self->valid;
}

/* Why the form cannot start a run, or NULL when it can. */
const char *
bp_training_form_get_error (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->errors[i] != NULL)
      return self->errors[i];
  return NULL;
}

/* The last seed typed correctly. */
guint32
bp_training_form_get_seed (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), 0);

  return self->seed;
}

void
bp_training_form_set_seed (BpTrainingForm *self,
                           guint32         seed)
{
  g_autofree char *text = g_strdup_printf ("%u", seed);

  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->seed_entry), text);
}

/* Whether the next run starts from the seed.  Parameters edited on the
 * views, or read from a lesson saved without a seed, replace it until a
 * seed is typed: the entry says so, to the eye and to a screen reader,
 * rather than show a number nothing uses. */
void
bp_training_form_set_seed_in_use (BpTrainingForm *self,
                                  gboolean        in_use)
{
  GtkWidget *entry;
  const char *tooltip;

  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  entry = GTK_WIDGET (self->seed_entry);
  tooltip = in_use ? _("The random initial parameters come from this number; the same seed "
                       "always starts from the same place")
                   : _("Not in use: the next run starts from the parameters on show, which "
                       "were edited or came from a lesson file. Type a seed to start from it "
                       "instead.");
  gtk_widget_set_tooltip_text (entry, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  if (in_use)
    gtk_widget_remove_css_class (entry, "dim-label");
  else
    gtk_widget_add_css_class (entry, "dim-label");
}

gboolean
bp_training_form_get_seed_in_use (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), TRUE);

  return !gtk_widget_has_css_class (GTK_WIDGET (self->seed_entry), "dim-label");
}

BpNormalize
bp_training_form_get_normalize (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), BP_NORMALIZE_SEED);

  return (BpNormalize) gtk_drop_down_get_selected (self->normalize_dropdown);
}

void
bp_training_form_set_normalize (BpTrainingForm *self,
                                BpNormalize     normalize)
{
  g_return_if_fail (BP_IS_TRAINING_FORM (self));
  g_return_if_fail (normalize <= BP_NORMALIZE_NONE);

  gtk_drop_down_set_selected (self->normalize_dropdown, normalize);
}

int
bp_training_form_get_speed (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), BP_SPEED_FASTEST);

  return CLAMP ((int) (gtk_range_get_value (self->speed_scale) + 0.5),
                BP_SPEED_WATCHABLE, BP_SPEED_FASTEST);
}

void
bp_training_form_set_speed (BpTrainingForm *self,
                            int             speed)
{
  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  gtk_range_set_value (self->speed_scale, CLAMP (speed, BP_SPEED_WATCHABLE, BP_SPEED_FASTEST));
}

/* Epochs per second that spread @epochs over the chosen time; 0 means
 * as fast as possible. */
double
bp_training_form_get_pace (BpTrainingForm *self,
                           guint64         epochs)
{
  double seconds;

  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), 0);

  if (self->has_file_pace)
    return self->file_pace;
  seconds = run_seconds[bp_training_form_get_speed (self)];
  return seconds > 0 ? epochs / seconds : 0;
}

/* While a run goes on only its speed can change: the rest belongs to it. */
void
bp_training_form_set_running (BpTrainingForm *self,
                              gboolean        running)
{
  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  for (guint i = 0; i < N_FIELDS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (field_entry (self, i)), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->normalize_dropdown), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_loss_check), !running);
  on_target_loss_toggled (self);
}

GtkEditable *
bp_training_form_get_learning_rate_entry (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), NULL);

  return GTK_EDITABLE (self->learning_rate_entry);
}

GtkEditable *
bp_training_form_get_epochs_entry (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), NULL);

  return GTK_EDITABLE (self->epochs_entry);
}

GtkEditable *
bp_training_form_get_target_loss_entry (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), NULL);

  return GTK_EDITABLE (self->target_loss_entry);
}

GtkCheckButton *
bp_training_form_get_target_loss_check (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), NULL);

  return self->target_loss_check;
}

GtkEditable *
bp_training_form_get_seed_entry (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), NULL);

  return GTK_EDITABLE (self->seed_entry);
}

/* Shows @learning_rate as the shortest text that reads back exactly, with
 * the locale's decimal separator. */
void
bp_training_form_set_learning_rate (BpTrainingForm *self,
                                    double          learning_rate)
{
  g_autofree char *text = bp_format_editable (learning_rate);

  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->learning_rate_entry), text);
}

void
bp_training_form_set_epochs (BpTrainingForm *self,
                             guint64         epochs)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, epochs);

  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->epochs_entry), text);
}

/* The slider position whose pace for @epochs is @epochs_per_second, or
 * the one nearest to it in run time when none is (a session file from
 * backprop-cli may hold any pace); then @epochs_per_second itself is the
 * pace until the slider moves. */
void
bp_training_form_set_pace (BpTrainingForm *self,
                           guint64         epochs,
                           double          epochs_per_second)
{
  double seconds = epochs_per_second > 0 ? epochs / epochs_per_second : 0;
  int best = BP_SPEED_FASTEST;

  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  for (int i = BP_SPEED_WATCHABLE; i <= BP_SPEED_FASTEST; i++)
    if (fabs (run_seconds[i] - seconds) < fabs (run_seconds[best] - seconds))
      best = i;
  self->has_file_pace = FALSE;
  self->setting_pace = TRUE;
  bp_training_form_set_speed (self, best);
  self->setting_pace = FALSE;
  self->file_pace = epochs_per_second;
  self->has_file_pace = bp_training_form_get_pace (self, epochs) != epochs_per_second;
  show_speed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

/* The lesson view shows the learning rate, epochs and speed only; the
 * seed and the normalisation keep their values while hidden. */
void
bp_training_form_set_show_advanced (BpTrainingForm *self,
                                    gboolean        show)
{
  GtkWidget *advanced[] = {
    self->seed_label, self->seed_box, self->normalize_label, GTK_WIDGET (self->normalize_dropdown),
  };

  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (advanced); i++)
    gtk_widget_set_visible (advanced[i], show);
}

gboolean
bp_training_form_get_show_advanced (BpTrainingForm *self)
{
  g_return_val_if_fail (BP_IS_TRAINING_FORM (self), TRUE);

  return gtk_widget_get_visible (self->seed_box);
}

void
bp_training_form_set_units (BpTrainingForm *self,
                            BpUnits         units)
{
  g_return_if_fail (BP_IS_TRAINING_FORM (self));

  if (units == self->units)
    return;
  self->units = units;
  show_seed_offsets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}
