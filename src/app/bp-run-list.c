/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-run-list.c: the earlier runs, labelled by what differed
 *
 * A label names only the settings that are not the same in every run
 * kept and the current one: "rate 0.5" beside "rate 0.1" says what the
 * class changed, where a full list of settings would hide it.  Each run
 * keeps its colour while it is in the list; a new run takes the first
 * colour free, and the ninth run pushes out the oldest.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-format.h"
#include "bp-run-list.h"

struct _BpRunList
{
  GObject        parent_instance;

  GPtrArray     *runs;      /* of BpRun, oldest first */
  GArray        *numbers;   /* guint: each run's number, from 1 */
  guint          added;     /* runs added since the last clear */
  BpRunSettings  current;
  gboolean       has_current;
  char          *current_label;
};

static void bp_run_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BpRunList, bp_run_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bp_run_list_model_init))

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
bp_run_list_get_item_type (GListModel *model)
{
  return BP_TYPE_RUN;
}

static guint
bp_run_list_get_n_items (GListModel *model)
{
  return BP_RUN_LIST (model)->runs->len;
}

static gpointer
bp_run_list_get_item (GListModel *model,
                      guint       position)
{
  BpRunList *self = BP_RUN_LIST (model);

  if (position >= self->runs->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->runs, position));
}

static void
bp_run_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bp_run_list_get_item_type;
  iface->get_n_items = bp_run_list_get_n_items;
  iface->get_item = bp_run_list_get_item;
}

static const BpRunSettings *
settings_at (BpRunList *self,
             guint      i)
{
  if (i == self->runs->len)
    return &self->current;
  return bp_run_get_settings (g_ptr_array_index (self->runs, i));
}

/* Which settings are not the same in all the runs (and the current). */
typedef struct
{
  gboolean rate, epochs, seed, normalize;
} Differs;

static Differs
find_differences (BpRunList *self)
{
  guint n = self->runs->len + (self->has_current ? 1 : 0);
  const BpRunSettings *a = n > 0 ? settings_at (self, 0) : NULL;
  Differs d = { FALSE, FALSE, FALSE, FALSE };

  for (guint i = 1; i < n; i++)
    {
      const BpRunSettings *b = settings_at (self, i);

      d.rate |= a->learning_rate != b->learning_rate;
      d.epochs |= a->epochs != b->epochs;
      d.seed |= a->seed != b->seed;
      d.normalize |= a->normalize != b->normalize;
    }
  return d;
}

static const char *
normalize_text (BpNormalize normalize)
{
  switch (normalize)
    {
    case BP_NORMALIZE_SEED:
      return _("minus 135 lb and 66 in");
    case BP_NORMALIZE_MEAN:
      return _("minus the mean");
    case BP_NORMALIZE_STANDARD:
      return _("standardised");
    case BP_NORMALIZE_NONE:
      return _("raw measurements");
    default:
      g_assert_not_reached ();
    }
}

static void
append_part (GString    *label,
             const char *part)
{
  if (label->len > 0)
    g_string_append (label, _(", "));
  g_string_append (label, part);
}

static char *
settings_text (const BpRunSettings *s,
               const Differs       *d)
{
  GString *label = g_string_new (NULL);
  g_autofree char *rate = bp_format_significant (s->learning_rate, 6);
  g_autofree char *epochs = g_strdup_printf ("%" G_GUINT64_FORMAT, s->epochs);
  g_autofree char *rate_text = g_strdup_printf (_("rate %s"), rate);
  g_autofree char *epochs_text = g_strdup_printf (_("%s epochs"), epochs);
  g_autofree char *seed_text = g_strdup_printf (_("seed %u"), s->seed);

  if (d->rate)
    append_part (label, rate_text);
  if (d->epochs)
    append_part (label, epochs_text);
  if (d->seed)
    append_part (label, seed_text);
  if (d->normalize)
    append_part (label, normalize_text (s->normalize));
  return g_string_free (label, FALSE);
}

/* The run's settings that differ; its number where they do not tell it
 * apart; how it ended, unless it finished. */
static char *
make_label (BpRun         *run,
            guint          number,
            const Differs *d,
            gboolean       same_as_another)
{
  g_autofree char *text = settings_text (bp_run_get_settings (run), d);
  g_autofree char *named = NULL;

  if (*text == '\0')
    named = g_strdup_printf (_("Run %u"), number);
  else if (same_as_another)
    named = g_strdup_printf (_("%s, run %u"), text, number);
  else
    named = g_steal_pointer (&text);
  if (bp_run_get_state (run) == BP_TRAINER_STOPPED)
    return g_strdup_printf (_("%s (stopped)"), named);
  if (bp_run_get_state (run) == BP_TRAINER_DIVERGED)
    return g_strdup_printf (_("%s (diverged)"), named);
  return g_steal_pointer (&named);
}

static gboolean
has_same_settings (BpRunList *self,
                   guint      index,
                   const Differs *d)
{
  g_autofree char *mine = settings_text (settings_at (self, index), d);

  for (guint i = 0; i < self->runs->len; i++)
    {
      g_autofree char *other = settings_text (settings_at (self, i), d);

      if (i != index && g_str_equal (mine, other))
        return TRUE;
    }
  return FALSE;
}

static void
relabel (BpRunList *self)
{
  Differs d = find_differences (self);

  g_free (self->current_label);
  self->current_label = self->has_current ? settings_text (&self->current, &d) : g_strdup ("");

  for (guint i = 0; i < self->runs->len; i++)
    {
      BpRun *run = g_ptr_array_index (self->runs, i);
      g_autofree char *label = make_label (run, g_array_index (self->numbers, guint, i), &d,
                                           has_same_settings (self, i, &d));

      bp_run_set_label (run, label);
    }
}

static void
emit_changed (BpRunList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_run_state (BpRunList *self)
{
  relabel (self);
  emit_changed (self);
}

static void
remove_at (BpRunList *self,
           guint      index)
{
  BpRun *run = g_ptr_array_index (self->runs, index);

  g_signal_handlers_disconnect_by_data (run, self);
  g_ptr_array_remove_index (self->runs, index);
  g_array_remove_index (self->numbers, index);
}

static guint
free_color (BpRunList *self)
{
  gboolean used[BP_RUN_N_COLORS] = { FALSE };
  guint color = 0;

  for (guint i = 0; i < self->runs->len; i++)
    used[bp_run_get_color (g_ptr_array_index (self->runs, i))] = TRUE;
  while (color < BP_RUN_N_COLORS - 1 && used[color])
    color++;
  return color;
}

static void
bp_run_list_dispose (GObject *object)
{
  BpRunList *self = BP_RUN_LIST (object);

  while (self->runs->len > 0)
    remove_at (self, self->runs->len - 1);
  G_OBJECT_CLASS (bp_run_list_parent_class)->dispose (object);
}

static void
bp_run_list_finalize (GObject *object)
{
  BpRunList *self = BP_RUN_LIST (object);

  g_ptr_array_unref (self->runs);
  g_array_unref (self->numbers);
  g_free (self->current_label);
  G_OBJECT_CLASS (bp_run_list_parent_class)->finalize (object);
}

static void
bp_run_list_class_init (BpRunListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bp_run_list_dispose;
  object_class->finalize = bp_run_list_finalize;

  /* Anything the chart draws changed: the runs, a label, whether a run
   * is shown, or a live run's curve. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bp_run_list_init (BpRunList *self)
{
  self->runs = g_ptr_array_new_with_free_func (g_object_unref);
  self->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->current_label = g_strdup ("");
}

BpRunList *
bp_run_list_new (void)
{
  return g_object_new (BP_TYPE_RUN_LIST, NULL);
}

/* Keeps a reference to @run, after the oldest run if the list is full. */
void
bp_run_list_add (BpRunList *self,
                 BpRun     *run)
{
  guint removed = 0;

  g_return_if_fail (BP_IS_RUN_LIST (self));
  g_return_if_fail (BP_IS_RUN (run));

  while (self->runs->len >= BP_RUN_LIST_MAX)
    {
      remove_at (self, 0);
      removed++;
    }
  bp_run_set_color (run, free_color (self));
  self->added++;
  g_ptr_array_add (self->runs, g_object_ref (run));
  g_array_append_val (self->numbers, self->added);
  g_signal_connect_object (run, "notify::visible", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (run, "notify::state", G_CALLBACK (on_run_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (run, "loss-changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  relabel (self);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), self->runs->len - 1, 0, 1);
  emit_changed (self);
}

void
bp_run_list_clear (BpRunList *self)
{
  guint n;

  g_return_if_fail (BP_IS_RUN_LIST (self));

  n = self->runs->len;
  while (self->runs->len > 0)
    remove_at (self, self->runs->len - 1);
  self->added = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
  emit_changed (self);
}

/* The settings of the run on screen now, which the labels also compare
 * with; NULL when there is none. */
void
bp_run_list_set_current (BpRunList           *self,
                         const BpRunSettings *current)
{
  g_return_if_fail (BP_IS_RUN_LIST (self));

  self->has_current = current != NULL;
  if (current != NULL)
    self->current = *current;
  relabel (self);
  emit_changed (self);
}

guint
bp_run_list_count_visible (BpRunList *self)
{
  guint n = 0;

  g_return_val_if_fail (BP_IS_RUN_LIST (self), 0);

  for (guint i = 0; i < self->runs->len; i++)
    n += bp_run_get_visible (g_ptr_array_index (self->runs, i));
  return n;
}

/* What sets the current run apart from the others, as in their labels
 * ("rate 0.1"), or "" when nothing does. */
const char *
bp_run_list_get_current_label (BpRunList *self)
{
  g_return_val_if_fail (BP_IS_RUN_LIST (self), NULL);

  return self->current_label;
}
