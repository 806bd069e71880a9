/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: libFuzzer target for the people CSV reader
 *
 * Any input must give either people that pass the reader's own rules
 * (finite, in range, named) and survive a write → read round trip, or a
 * GError in the CSV domain; never a crash, a leak or both.
 */
#include <math.h>

#include "bp-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_person (const BpPerson *p)
{
  g_assert_nonnull (p->name);
  g_assert_true (g_utf8_validate (p->name, -1, NULL));
  g_assert_true (isfinite (p->weight_lb) && isfinite (p->height_in));
  g_assert_true (bp_check_weight_lb (p->weight_lb, BP_UNITS_LB_IN, NULL));
  g_assert_true (bp_check_height_in (p->height_in, BP_UNITS_LB_IN, NULL));
}

static void
check_round_trip (const BpPeople *people)
{
  g_autofree char *text = bp_csv_write (people, BP_UNITS_LB_IN);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) again = bp_csv_parse (text, strlen (text), "round-trip", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (bp_people_get_n (again), ==, bp_people_get_n (people));
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      BpPerson *a = bp_people_get (people, i), *b = bp_people_get (again, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpfloat (a->weight_lb, ==, b->weight_lb);
      g_assert_cmpfloat (a->height_in, ==, b->height_in);
      g_assert_cmpint (a->gender, ==, b->gender);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) people = bp_csv_parse ((const char *) data, size, "fuzz.csv", &error);

  if (people == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BP_CSV_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < bp_people_get_n (people); i++)
    check_person (bp_people_get (people, i));
  check_round_trip (people);
  return 0;
}
