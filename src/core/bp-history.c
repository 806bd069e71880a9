/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-history.c: a run's record over its epochs */
#include "bp-history.h"

void
bp_history_init (BpHistory *history)
{
  bp_series_init (&history->loss, BP_SERIES_DEFAULT_CAPACITY);
  bp_series_init (&history->test_loss, BP_SERIES_DEFAULT_CAPACITY);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    bp_series_init (&history->params[j], BP_HISTORY_SAMPLED_CAPACITY);
  for (guint i = 0; i < BP_HISTORY_MAX_PEOPLE; i++)
    bp_series_init (&history->predictions[i], BP_HISTORY_SAMPLED_CAPACITY);
  history->n_people = 0;
}

/* Every series of @src into @dest, both initialised. */
void
bp_history_copy (BpHistory       *dest,
                 const BpHistory *src)
{
  bp_series_copy (&dest->loss, &src->loss);
  bp_series_copy (&dest->test_loss, &src->test_loss);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    bp_series_copy (&dest->params[j], &src->params[j]);
  for (guint i = 0; i < src->n_people; i++)
    bp_series_copy (&dest->predictions[i], &src->predictions[i]);
  dest->n_people = src->n_people;
}

void
bp_history_clear (BpHistory *history)
{
  bp_series_clear (&history->loss);
  bp_series_clear (&history->test_loss);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    bp_series_clear (&history->params[j]);
  for (guint i = 0; i < BP_HISTORY_MAX_PEOPLE; i++)
    bp_series_clear (&history->predictions[i]);
}

/* Bytes held, fixed from bp_history_init() on. */
gsize
bp_history_memory (const BpHistory *history)
{
  gsize bytes = sizeof *history - sizeof history->loss - sizeof history->test_loss;

  bytes += bp_series_memory (&history->loss) + bp_series_memory (&history->test_loss);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    bytes += bp_series_memory (&history->params[j]) - sizeof (BpSeries);
  for (guint i = 0; i < BP_HISTORY_MAX_PEOPLE; i++)
    bytes += bp_series_memory (&history->predictions[i]) - sizeof (BpSeries);
  return bytes;
}
