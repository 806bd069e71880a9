/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-run.c: one run kept for comparison
 *
 * A run holds a copy of its bounded loss series, never the trainer: it
 * outlives the trainer, and costs the same however many epochs it ran.
 * Its label and colour are set by the BpRunList that holds it, which
 * knows what the other runs were.
 */
#include "config.h"

#include "bp-run.h"

#include "bp-palette.h"

struct _BpRun
{
  GObject        parent_instance;

  BpRunSettings  settings;
  BpSeries       loss;
  BpTrainerState state;
  char          *label;
  gboolean       visible;
  guint          color;
};

G_DEFINE_FINAL_TYPE (BpRun, bp_run, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_VISIBLE,
  PROP_COLOR,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  LOSS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bp_run_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  BpRun *self = BP_RUN (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    case PROP_COLOR:
      g_value_set_uint (value, self->color);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_run_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  BpRun *self = BP_RUN (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      bp_run_set_label (self, g_value_get_string (value));
      break;
    case PROP_VISIBLE:
      bp_run_set_visible (self, g_value_get_boolean (value));
      break;
    case PROP_COLOR:
      bp_run_set_color (self, g_value_get_uint (value));
      break;
    case PROP_STATE:
      bp_run_set_state (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_run_finalize (GObject *object)
{
  BpRun *self = BP_RUN (object);

  bp_series_clear (&self->loss);
  g_free (self->label);
  G_OBJECT_CLASS (bp_run_parent_class)->finalize (object);
}

static void
bp_run_class_init (BpRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bp_run_get_property;
  object_class->set_property = bp_run_set_property;
  object_class->finalize = bp_run_finalize;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_uint ("color", NULL, NULL, 0, BP_RUN_N_COLORS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, BP_TRAINER_IDLE, BP_TRAINER_DIVERGED, BP_TRAINER_IDLE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The curve grew: a live run of a learning-rate race. */
  signals[LOSS_CHANGED] =
    g_signal_new ("loss-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bp_run_init (BpRun *self)
{
  bp_series_init (&self->loss, BP_SERIES_DEFAULT_CAPACITY);
  self->label = g_strdup ("");
  self->visible = TRUE;
}

BpRun *
bp_run_new (const BpRunSettings *settings)
{
  BpRun *self = g_object_new (BP_TYPE_RUN, NULL);

  self->settings = *settings;
  return self;
}

const BpRunSettings *
bp_run_get_settings (BpRun *self)
{
  g_return_val_if_fail (BP_IS_RUN (self), NULL);

  return &self->settings;
}

const BpSeries *
bp_run_get_loss (BpRun *self)
{
  g_return_val_if_fail (BP_IS_RUN (self), NULL);

  return &self->loss;
}

/* Takes a copy of @loss. */
void
bp_run_set_loss (BpRun          *self,
                 const BpSeries *loss)
{
  g_return_if_fail (BP_IS_RUN (self));

  bp_series_copy (&self->loss, loss);
  g_signal_emit (self, signals[LOSS_CHANGED], 0);
}

BpTrainerState
bp_run_get_state (BpRun *self)
{
  g_return_val_if_fail (BP_IS_RUN (self), BP_TRAINER_IDLE);

  return self->state;
}

void
bp_run_set_state (BpRun          *self,
                  BpTrainerState  state)
{
  g_return_if_fail (BP_IS_RUN (self));

  if (state == self->state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
bp_run_get_label (BpRun *self)
{
  g_return_val_if_fail (BP_IS_RUN (self), NULL);

  return self->label;
}

void
bp_run_set_label (BpRun      *self,
                  const char *label)
{
  g_return_if_fail (BP_IS_RUN (self));

  if (label == NULL)
    label = "";
  if (g_strcmp0 (label, self->label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
bp_run_get_visible (BpRun *self)
{
  g_return_val_if_fail (BP_IS_RUN (self), FALSE);

  return self->visible;
}

/* Whether the loss chart draws it. */
void
bp_run_set_visible (BpRun    *self,
                    gboolean  visible)
{
  g_return_if_fail (BP_IS_RUN (self));

  visible = !!visible;
  if (visible == self->visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

guint
bp_run_get_color (BpRun *self)
{
  g_return_val_if_fail (BP_IS_RUN (self), 0);

  return self->color;
}

void
bp_run_set_color (BpRun *self,
                  guint  color)
{
  g_return_if_fail (BP_IS_RUN (self));
  g_return_if_fail (color < BP_RUN_N_COLORS);

  if (color == self->color)
    return;
  self->color = color;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

void
bp_run_color_rgba (guint     color,
                   gboolean  dark,
                   GdkRGBA  *rgba)
{
  g_return_if_fail (color < BP_RUN_N_COLORS);

  bp_palette_run_rgba (color, dark, rgba);
}

gboolean
bp_run_color_dashed (guint color)
{
  return color >= BP_RUN_N_COLORS / 2;
}
