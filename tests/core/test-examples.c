/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-examples.c: the classes to try are the same everywhere, and look
 * like the published adults they are drawn from */
#include <math.h>
#include <string.h>

#include "bp-csv.h"
#include "bp-examples.h"

/* The CSV of the class of 30, as every machine writes it. */
#define CLASS_CHECKSUM "f83b93f6dfbddbf9b379e278a02ce46508c629a4883cdc59a2575cee278e62bc"

static void
test_names (void)
{
  BpExample example = BP_N_EXAMPLES;

  for (guint i = 0; i < BP_N_EXAMPLES; i++)
    {
      g_assert_true (bp_example_from_string (bp_example_to_string (i), &example));
      g_assert_cmpint (example, ==, i);
    }
  g_assert_cmpstr (bp_example_to_string (BP_EXAMPLE_CLASS), ==, "class");
  g_assert_false (bp_example_from_string ("Class", &example));
  g_assert_false (bp_example_from_string ("", &example));
  g_assert_false (bp_example_from_string (NULL, &example));
}

static void
test_seeds (void)
{
  g_autoptr(BpPeople) example = bp_example_new (BP_EXAMPLE_SEEDS, NULL);
  g_autoptr(BpPeople) seeds = bp_people_new_seed ();

  g_assert_true (bp_people_equal (example, seeds));
}

/* Through the CSV writer and reader, unchanged: every person is one the
 * reader takes, in range and with a name. */
static void
assert_reads_back (const BpPeople *people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bp_csv_write (people, BP_UNITS_LB_IN);
  g_autoptr(BpPeople) again = bp_csv_parse (text, strlen (text), "example.csv", &error);

  g_assert_no_error (error);
  g_assert_true (bp_people_equal (people, again));
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      BpPerson *p = bp_people_get (people, i);

      g_assert_true (bp_check_weight_lb (p->weight_lb, BP_UNITS_LB_IN, NULL));
      g_assert_true (bp_check_height_in (p->height_in, BP_UNITS_LB_IN, NULL));
      /* Measured to a tenth. */
      g_assert_cmpfloat (round (p->weight_lb * 10) / 10, ==, p->weight_lb);
      g_assert_cmpfloat (round (p->height_in * 10) / 10, ==, p->height_in);
    }
}

static guint
count_gender (const BpPeople *people,
              BpGender        gender)
{
  guint n = 0;

  for (guint i = 0; i < bp_people_get_n (people); i++)
    n += bp_people_get (people, i)->gender == gender;
  return n;
}

/* The same people twice, and the same as a fixed fingerprint: a change
 * to the generator or its seed would change every classroom's file. */
static void
test_class (void)
{
  g_autoptr(BpPeople) a = bp_example_new (BP_EXAMPLE_CLASS, NULL);
  g_autoptr(BpPeople) b = bp_example_new (BP_EXAMPLE_CLASS, NULL);
  g_autoptr(BpPeople) named = bp_example_new (BP_EXAMPLE_CLASS, "学生");
  g_autofree char *text = bp_csv_write (a, BP_UNITS_LB_IN);
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  g_assert_cmpuint (bp_people_get_n (a), ==, 30);
  g_assert_cmpuint (bp_example_get_n (BP_EXAMPLE_CLASS), ==, 30);
  g_assert_true (bp_people_equal (a, b));
  g_assert_cmpuint (count_gender (a, BP_GENDER_FEMALE), ==, 15);
  g_assert_cmpuint (count_gender (a, BP_GENDER_MALE), ==, 15);
  g_assert_cmpstr (bp_people_get (a, 0)->name, ==, "Student 01");
  g_assert_cmpstr (bp_people_get (a, 29)->name, ==, "Student 30");
  g_assert_cmpstr (bp_people_get (named, 8)->name, ==, "学生 09");
  g_assert_cmpfloat (bp_people_get (named, 8)->weight_lb, ==, bp_people_get (a, 8)->weight_lb);
  g_assert_cmpint (a->weight_units, ==, BP_UNITS_LB_IN);
  assert_reads_back (a);
  g_test_message ("class of 30: %s", checksum);
  g_assert_cmpstr (checksum, ==, CLASS_CHECKSUM);
}

typedef struct
{
  double mean;
  double sd;
} Stats;

static Stats
stats (const BpPeople *people,
       BpGender        gender,
       gboolean        weight)
{
  double sum = 0, sum_sq = 0;
  guint n = 0;
  Stats s;

  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      BpPerson *p = bp_people_get (people, i);
      double v = weight ? p->weight_lb : p->height_in;

      if (p->gender != gender)
        continue;
      sum += v;
      n++;
    }
  s.mean = sum / n;
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      BpPerson *p = bp_people_get (people, i);
      double v = weight ? p->weight_lb : p->height_in;

      if (p->gender == gender)
        sum_sq += (v - s.mean) * (v - s.mean);
    }
  s.sd = sqrt (sum_sq / (n - 1));
  return s;
}

/* Within about three standard errors of the figures drawn from (for
 * 5000 people: 0.6 lb and 0.04 in for the means, a little more for the
 * standard deviations of the long-tailed weights). */
static void
assert_figures (const BpPeople *people,
                BpGender        gender)
{
  const BpBodyFigures *f = bp_example_figures (gender);
  Stats w = stats (people, gender, TRUE);
  Stats h = stats (people, gender, FALSE);

  g_test_message ("%s: weight %.2f ± %.2f lb, height %.3f ± %.3f in",
                  bp_gender_to_string (gender), w.mean, w.sd, h.mean, h.sd);
  g_assert_cmpfloat_with_epsilon (w.mean, f->weight_mean_lb, 2.0);
  g_assert_cmpfloat_with_epsilon (w.sd, f->weight_sd_lb, 2.5);
  g_assert_cmpfloat_with_epsilon (h.mean, f->height_mean_in, 0.15);
  g_assert_cmpfloat_with_epsilon (h.sd, f->height_sd_in, 0.1);
}

/* The published means: Fryar et al. 2021, adults 20 and over. */
static void
test_figures (void)
{
  g_assert_cmpfloat (bp_example_figures (BP_GENDER_MALE)->weight_mean_lb, ==, 199.8);
  g_assert_cmpfloat (bp_example_figures (BP_GENDER_MALE)->height_mean_in, ==, 69.0);
  g_assert_cmpfloat (bp_example_figures (BP_GENDER_FEMALE)->weight_mean_lb, ==, 170.8);
  g_assert_cmpfloat (bp_example_figures (BP_GENDER_FEMALE)->height_mean_in, ==, 63.5);
}

/* Taller people are heavier, about as much as the model says. */
static double
correlation (const BpPeople *people,
             BpGender        gender)
{
  Stats w = stats (people, gender, TRUE);
  Stats h = stats (people, gender, FALSE);
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      BpPerson *p = bp_people_get (people, i);

      if (p->gender != gender)
        continue;
      sum += (p->weight_lb - w.mean) * (p->height_in - h.mean);
      n++;
    }
  return sum / (n - 1) / (w.sd * h.sd);
}

static void
test_population (void)
{
  g_autoptr(BpPeople) a = bp_example_new (BP_EXAMPLE_POPULATION, NULL);
  g_autoptr(BpPeople) b = bp_example_new (BP_EXAMPLE_POPULATION, NULL);

  g_assert_cmpuint (bp_people_get_n (a), ==, 10000);
  g_assert_true (bp_people_equal (a, b));
  g_assert_cmpuint (count_gender (a, BP_GENDER_FEMALE), ==, 5000);
  g_assert_cmpuint (count_gender (a, BP_GENDER_MALE), ==, 5000);
  g_assert_cmpstr (bp_people_get (a, 0)->name, ==, "Person 00001");
  g_assert_cmpstr (bp_people_get (a, 9999)->name, ==, "Person 10000");
  /* Shuffled: the first hundred are not all of one sex. */
  g_assert_cmpuint (count_gender (a, BP_GENDER_FEMALE), >, 0);
  for (guint i = 1, changes = 0; i < 100; i++)
    if ((changes += bp_people_get (a, i)->gender != bp_people_get (a, i - 1)->gender) >= 20)
      break;
    else
      g_assert_cmpuint (i, <, 99);
  assert_reads_back (a);
  assert_figures (a, BP_GENDER_FEMALE);
  assert_figures (a, BP_GENDER_MALE);
  g_assert_cmpfloat_with_epsilon (correlation (a, BP_GENDER_FEMALE), BP_EXAMPLE_CORRELATION, 0.05);
  g_assert_cmpfloat_with_epsilon (correlation (a, BP_GENDER_MALE), BP_EXAMPLE_CORRELATION, 0.05);
}

/* An odd count gives the one more to women; none gives nobody. */
static void
test_generate_counts (void)
{
  g_autoptr(BpPeople) odd = bp_example_generate (7, 1, "P");
  g_autoptr(BpPeople) none = bp_example_generate (0, 1, "P");
  g_autoptr(BpPeople) other_seed = bp_example_generate (7, 2, "P");

  g_assert_cmpuint (count_gender (odd, BP_GENDER_FEMALE), ==, 4);
  g_assert_cmpuint (count_gender (odd, BP_GENDER_MALE), ==, 3);
  g_assert_cmpstr (bp_people_get (odd, 6)->name, ==, "P 7");
  g_assert_cmpuint (bp_people_get_n (none), ==, 0);
  g_assert_false (bp_people_equal (odd, other_seed));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/examples/names", test_names);
  g_test_add_func ("/examples/seeds", test_seeds);
  g_test_add_func ("/examples/figures", test_figures);
  g_test_add_func ("/examples/class", test_class);
  g_test_add_func ("/examples/population", test_population);
  g_test_add_func ("/examples/generate-counts", test_generate_counts);
  return g_test_run ();
}
