/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-loss-csv.c: the loss history as CSV, one row per bucket */
#include <string.h>

#include "bp-loss-csv.h"

static char **
write_lines (const BpSeries *loss,
             const BpSeries *test)
{
  g_autofree char *text = bp_loss_csv_write (loss, test);

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  return g_strsplit (text, "\r\n", -1);
}

/* Four buckets of capacity 4 hold 10 values as spans of 4, 4 and a
 * partial 2; every row says its epochs and the four numbers. */
static void
test_buckets (void)
{
  BpSeries loss;
  g_auto(GStrv) lines = NULL;

  bp_series_init (&loss, 4);
  for (int i = 1; i <= 10; i++)
    bp_series_push (&loss, i == 3 ? 100 : 1.0 / i);
  lines = write_lines (&loss, NULL);
  g_assert_cmpstr (lines[0], ==, "first_epoch,last_epoch,first,last,min,max");
  g_assert_cmpstr (lines[1], ==, "1,4,1,0.25,0.25,100");
  g_assert_cmpstr (lines[2], ==, "5,8,0.2,0.125,0.125,0.2");
  g_assert_cmpstr (lines[3], ==, "9,10,0.1111111111111111,0.1,0.1,0.1111111111111111");
  g_assert_cmpstr (lines[4], ==, "");
  g_assert_null (lines[5]);
  bp_series_clear (&loss);
}

/* With a test series, four more columns; empty ones where its buckets
 * stop lining up (a test value that was not finite is not in it). */
static void
test_with_test_loss (void)
{
  BpSeries loss, test;
  g_auto(GStrv) lines = NULL;

  bp_series_init (&loss, 8);
  bp_series_init (&test, 8);
  for (int i = 0; i < 3; i++)
    bp_series_push (&loss, 0.5);
  bp_series_push (&test, 0.75);
  lines = write_lines (&loss, &test);
  g_assert_cmpstr (lines[0], ==, "first_epoch,last_epoch,first,last,min,max,"
                                 "test_first,test_last,test_min,test_max");
  g_assert_cmpstr (lines[1], ==, "1,1,0.5,0.5,0.5,0.5,0.75,0.75,0.75,0.75");
  g_assert_cmpstr (lines[2], ==, "2,2,0.5,0.5,0.5,0.5,,,,");
  g_assert_cmpstr (lines[3], ==, "3,3,0.5,0.5,0.5,0.5,,,,");
  bp_series_clear (&loss);
  bp_series_clear (&test);
}

static void
test_empty (void)
{
  BpSeries loss;
  g_autofree char *text = NULL;

  bp_series_init (&loss, 4);
  text = bp_loss_csv_write (&loss, NULL);
  g_assert_cmpstr (text, ==, "first_epoch,last_epoch,first,last,min,max\r\n");
  bp_series_clear (&loss);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loss-csv/buckets", test_buckets);
  g_test_add_func ("/loss-csv/test-loss", test_with_test_loss);
  g_test_add_func ("/loss-csv/empty", test_empty);

  return g_test_run ();
}
