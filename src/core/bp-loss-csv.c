/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-loss-csv.c: a run's loss history as CSV
 *
 * The history keeps buckets, not every epoch (see bp-history.h), so the
 * file has one row per bucket: the epochs it covers, counted from 1 as
 * the loss after that many epochs, and the first, last, smallest and
 * largest loss in it.  Numbers use a dot and the shortest text that reads
 * back exactly, lines end in CRLF, as in the people files.
 */
#include "bp-loss-csv.h"

#include "bp-text.h"

static void
append_bucket (GString        *out,
               const BpBucket *b)
{
  const double values[] = { b->first, b->last, b->min, b->max };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = bp_text_from_double (values[i]);

      g_string_append_printf (out, ",%s", text);
    }
}

/* The test loss of the bucket that covers the same epochs, if there is
 * one: a test value that was not finite is not in its series, and then
 * the buckets no longer line up. */
static gboolean
test_bucket (const BpSeries *test,
             guint           index,
             guint64         first,
             guint64         count,
             BpBucket       *bucket)
{
  guint64 test_first, test_count;

  if (test == NULL || index >= bp_series_get_n (test))
    return FALSE;
  *bucket = bp_series_get (test, index, &test_first, &test_count);
  return test_first == first && test_count == count;
}

/* @test_loss may be NULL or empty: then there are no test columns. */
char *
bp_loss_csv_write (const BpSeries *loss,
                   const BpSeries *test_loss)
{
  gboolean with_test = test_loss != NULL && bp_series_get_n (test_loss) > 0;
  GString *out = g_string_new ("first_epoch,last_epoch,first,last,min,max");

  g_string_append (out, with_test ? ",test_first,test_last,test_min,test_max\r\n" : "\r\n");
  for (guint i = 0; i < bp_series_get_n (loss); i++)
    {
      guint64 first, count;
      BpBucket b = bp_series_get (loss, i, &first, &count), t;

      g_string_append_printf (out, "%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT,
                              first + 1, first + count);
      append_bucket (out, &b);
      if (test_bucket (with_test ? test_loss : NULL, i, first, count, &t))
        append_bucket (out, &t);
      else if (with_test)
        g_string_append (out, ",,,,");
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
