/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-people.c: the seed people, units and normalisation */
#include <math.h>

#include "bp-parse.h"
#include "bp-people.h"

static void
assert_person (const BpPerson *p,
               const char     *name,
               double          weight_lb,
               double          height_in,
               BpGender        gender)
{
  g_assert_cmpstr (p->name, ==, name);
  g_assert_cmpfloat (p->weight_lb, ==, weight_lb);
  g_assert_cmpfloat (p->height_in, ==, height_in);
  g_assert_cmpint (p->gender, ==, gender);
}

static void
test_seed_people (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  guint index = 99;

  g_assert_cmpuint (bp_people_get_n (people), ==, 4);
  assert_person (bp_people_get (people, 0), "Alice", 133, 65, BP_GENDER_FEMALE);
  assert_person (bp_people_get (people, 1), "Bob", 160, 72, BP_GENDER_MALE);
  assert_person (bp_people_get (people, 2), "Charlie", 152, 70, BP_GENDER_MALE);
  assert_person (bp_people_get (people, 3), "Diana", 120, 60, BP_GENDER_FEMALE);
  g_assert_cmpint (people->weight_units, ==, BP_UNITS_LB_IN);
  g_assert_cmpint (people->height_units, ==, BP_UNITS_LB_IN);
  g_assert_true (bp_people_find (people, "Charlie", &index) == bp_people_get (people, 2));
  g_assert_cmpuint (index, ==, 2);
  index = 99;
  g_assert_null (bp_people_find (people, "Nobody", &index));
  g_assert_null (bp_people_find (people, "alice", NULL));
  g_assert_cmpuint (index, ==, 99);
  g_assert_cmpint (BP_GENDER_FEMALE, ==, 1);
  g_assert_cmpint (BP_GENDER_MALE, ==, 0);
  g_assert_cmpstr (bp_gender_to_string (BP_GENDER_FEMALE), ==, "F");
  g_assert_cmpstr (bp_gender_to_string (BP_GENDER_MALE), ==, "M");
}

/* Copies are deep: editing one leaves the other alone. */
static void
test_copy (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpPeople) copy = NULL;
  g_autoptr(BpPerson) zoe = bp_person_new ("Zoë", 110.5, 61.25, BP_GENDER_FEMALE);
  g_autoptr(BpPerson) zoe2 = bp_person_copy (zoe);
  BpPerson *first;

  people->weight_units = BP_UNITS_KG_CM;
  copy = bp_people_copy (people);
  g_assert_cmpint (copy->weight_units, ==, BP_UNITS_KG_CM);
  g_assert_cmpint (copy->height_units, ==, BP_UNITS_LB_IN);
  first = bp_people_get (copy, 0);
  g_assert_true (first != bp_people_get (people, 0));
  g_assert_true (first->name != bp_people_get (people, 0)->name);
  first->weight_lb = 1;
  bp_people_add (copy, bp_person_new ("Eve", 100, 50, BP_GENDER_FEMALE));
  g_assert_cmpuint (bp_people_get_n (people), ==, 4);
  g_assert_cmpuint (bp_people_get_n (copy), ==, 5);
  g_assert_cmpfloat (bp_people_get (people, 0)->weight_lb, ==, 133);

  assert_person (zoe2, "Zoë", 110.5, 61.25, BP_GENDER_FEMALE);
  g_assert_true (zoe2->name != zoe->name);
}

/* 1 lb = 0.45359237 kg and 1 in = 2.54 cm exactly, by definition. */
static void
test_units (void)
{
  const double values[] = { 0, 1, 133, 65, 72.5, 0.45359237, 2.54, 1e-3, 1499.99 };

  g_assert_cmpfloat (BP_KG_PER_LB, ==, 0.45359237);
  g_assert_cmpfloat (BP_CM_PER_IN, ==, 2.54);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double v = values[i];

      g_assert_cmpfloat (bp_weight_to_lb (v, BP_UNITS_LB_IN), ==, v);
      g_assert_cmpfloat (bp_weight_from_lb (v, BP_UNITS_LB_IN), ==, v);
      g_assert_cmpfloat (bp_height_to_in (v, BP_UNITS_LB_IN), ==, v);
      g_assert_cmpfloat (bp_height_from_in (v, BP_UNITS_LB_IN), ==, v);
      g_assert_cmpfloat (bp_weight_to_lb (v, BP_UNITS_KG_CM), ==, v / 0.45359237);
      g_assert_cmpfloat (bp_weight_from_lb (v, BP_UNITS_KG_CM), ==, v * 0.45359237);
      g_assert_cmpfloat (bp_height_to_in (v, BP_UNITS_KG_CM), ==, v / 2.54);
      g_assert_cmpfloat (bp_height_from_in (v, BP_UNITS_KG_CM), ==, v * 2.54);
    }
  g_assert_cmpfloat (bp_weight_to_lb (0.45359237, BP_UNITS_KG_CM), ==, 1.0);
  g_assert_cmpfloat (bp_height_to_in (2.54, BP_UNITS_KG_CM), ==, 1.0);
  g_assert_cmpfloat (fabs (bp_weight_to_lb (100, BP_UNITS_KG_CM) - 220.46226218487757), <, 1e-12);
  g_assert_cmpfloat (fabs (bp_height_to_in (180, BP_UNITS_KG_CM) - 70.866141732283465), <, 1e-12);
  g_assert_cmpstr (bp_units_weight_symbol (BP_UNITS_LB_IN), ==, "lb");
  g_assert_cmpstr (bp_units_weight_symbol (BP_UNITS_KG_CM), ==, "kg");
  g_assert_cmpstr (bp_units_height_symbol (BP_UNITS_LB_IN), ==, "in");
  g_assert_cmpstr (bp_units_height_symbol (BP_UNITS_KG_CM), ==, "cm");
}

/* A weight or height given in kg or cm is kept in lb or in and shown as
 * given: every value with up to two decimals in the sensible ranges, and
 * random ones of up to 15 significant digits. */
static void
check_shown (const char *typed,
             BpUnits     units)
{
  double given = g_ascii_strtod (typed, NULL);

  if (bp_weight_shown (bp_weight_to_lb (given, units), units) != given)
    g_test_fail_printf ("a weight of %s %s is shown as %.17g", typed, bp_units_weight_symbol (units),
                        bp_weight_shown (bp_weight_to_lb (given, units), units));
  if (bp_height_shown (bp_height_to_in (given, units), units) != given)
    g_test_fail_printf ("a height of %s %s is shown as %.17g", typed, bp_units_height_symbol (units),
                        bp_height_shown (bp_height_to_in (given, units), units));
}

static void
test_units_shown (void)
{
  char typed[G_ASCII_DTOSTR_BUF_SIZE];

  g_assert_cmpfloat (bp_weight_from_lb (bp_weight_to_lb (60, BP_UNITS_KG_CM), BP_UNITS_KG_CM), !=, 60);
  g_assert_cmpfloat (bp_weight_shown (bp_weight_to_lb (60, BP_UNITS_KG_CM), BP_UNITS_KG_CM), ==, 60);
  g_assert_cmpfloat (bp_height_shown (bp_height_to_in (170.1, BP_UNITS_KG_CM), BP_UNITS_KG_CM), ==, 170.1);
  g_assert_cmpfloat (bp_weight_shown (133.7, BP_UNITS_LB_IN), ==, 133.7);
  g_assert_cmpfloat (bp_height_shown (65.3, BP_UNITS_LB_IN), ==, 65.3);
  /* What was given in lb, shown in kg, is the conversion (133 × 0.45359237). */
  g_assert_cmpfloat (fabs (bp_weight_shown (133, BP_UNITS_KG_CM) - 60.32778521), <, 1e-12);

  for (int hundredths = 45; hundredths <= 68000; hundredths++)
    {
      g_snprintf (typed, sizeof typed, "%d.%02d", hundredths / 100, hundredths % 100);
      check_shown (typed, BP_UNITS_KG_CM);
    }
  for (int i = 0; i < 20000; i++)
    {
      g_snprintf (typed, sizeof typed, "%.*e", g_test_rand_int_range (0, 15), g_test_rand_double_range (1, 600));
      check_shown (typed, BP_UNITS_KG_CM);
    }
}

static void
test_normalize_names (void)
{
  const char *names[] = { "seed", "mean", "standard", "none" };
  BpNormalize mode;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (bp_normalize_from_string (names[i], &mode));
      g_assert_cmpint (mode, ==, i);
      g_assert_cmpstr (bp_normalize_to_string (mode), ==, names[i]);
    }
  mode = BP_NORMALIZE_MEAN;
  g_assert_false (bp_normalize_from_string ("Seed", &mode));
  g_assert_false (bp_normalize_from_string ("", &mode));
  g_assert_false (bp_normalize_from_string ("foo", &mode));
  g_assert_false (bp_normalize_from_string (NULL, &mode));
  g_assert_cmpint (mode, ==, BP_NORMALIZE_MEAN);
}

/* None: the raw pounds and inches, unchanged. */
static void
test_normalize_none (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpNormalizer norm;
  double x0, x1;

  bp_normalizer_init (&norm, BP_NORMALIZE_NONE, people);
  g_assert_cmpint (norm.mode, ==, BP_NORMALIZE_NONE);
  bp_normalizer_apply (&norm, 160, 72, &x0, &x1);
  g_assert_cmpfloat (x0, ==, 160);
  g_assert_cmpfloat (x1, ==, 72);
}

static void
test_normalizer_equal (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  BpNormalizer a, b;

  bp_normalizer_init (&a, BP_NORMALIZE_MEAN, people);
  bp_normalizer_init (&b, BP_NORMALIZE_MEAN, people);
  g_assert_true (bp_normalizer_equal (&a, &b));
  b.height_offset = nextafter (b.height_offset, 1000);
  g_assert_false (bp_normalizer_equal (&a, &b));
  bp_normalizer_init (&b, BP_NORMALIZE_STANDARD, people);
  g_assert_false (bp_normalizer_equal (&a, &b));
  /* The seeds' map does not depend on the people. */
  bp_normalizer_init (&a, BP_NORMALIZE_SEED, people);
  bp_normalizer_init (&b, BP_NORMALIZE_SEED, NULL);
  g_assert_true (bp_normalizer_equal (&a, &b));
}

/* Shared, not copied: a reference keeps the list alive, and a shared
 * list refuses to change under its other holders. */
static void
test_people_ref (void)
{
  BpPeople *people = bp_people_new_seed ();
  BpPeople *shared = bp_people_ref (people);
  BpPerson *eve;

  g_assert_true (shared == people);
  bp_people_unref (people);
  g_assert_cmpuint (bp_people_get_n (shared), ==, 4);
  bp_people_ref (shared);
  /* Refused, so still the caller's. */
  eve = bp_person_new ("Eve", 120, 60, BP_GENDER_FEMALE);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*ref_count*");
  bp_people_add (shared, eve);
  g_test_assert_expected_messages ();
  bp_person_free (eve);
  g_assert_cmpuint (bp_people_get_n (shared), ==, 4);
  bp_people_unref (shared);
  bp_people_add (shared, bp_person_new ("Eve", 120, 60, BP_GENDER_FEMALE));
  g_assert_cmpuint (bp_people_get_n (shared), ==, 5);
  bp_people_unref (shared);
}

/* The seeds: weight − 135, height − 66, whatever the people. */
static void
test_normalize_seed (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpPeople) empty = bp_people_new ();
  g_autoptr(BpDataset) data = NULL;
  const double x0[] = { -2, 25, 17, -15 }, x1[] = { -1, 6, 4, -6 }, y[] = { 1, 0, 0, 1 };
  BpNormalizer norm, norm_empty;
  double a, b;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  g_assert_cmpint (norm.mode, ==, BP_NORMALIZE_SEED);
  g_assert_cmpfloat (norm.weight_offset, ==, 135);
  g_assert_cmpfloat (norm.height_offset, ==, 66);
  g_assert_cmpfloat (norm.weight_scale, ==, 1);
  g_assert_cmpfloat (norm.height_scale, ==, 1);
  data = bp_people_to_dataset (people, &norm);
  g_assert_cmpuint (data->n, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (data->x0[i], ==, x0[i]);
      g_assert_cmpfloat (data->x1[i], ==, x1[i]);
      g_assert_cmpfloat (data->y[i], ==, y[i]);
    }
  /* Emily and Frank of the seeds. */
  bp_normalizer_apply (&norm, 128, 63, &a, &b);
  g_assert_cmpfloat (a, ==, -7);
  g_assert_cmpfloat (b, ==, -3);
  bp_normalizer_apply (&norm, 155, 68, &a, &b);
  g_assert_cmpfloat (a, ==, 20);
  g_assert_cmpfloat (b, ==, 2);
  bp_normalizer_init (&norm_empty, BP_NORMALIZE_SEED, empty);
  g_assert_cmpfloat (norm_empty.weight_offset, ==, 135);
  g_assert_cmpfloat (norm_empty.height_offset, ==, 66);
  g_assert_cmpfloat (norm_empty.weight_scale, ==, 1);
  g_assert_cmpfloat (norm_empty.height_scale, ==, 1);
}

static void
test_normalize_mean (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = NULL;
  BpNormalizer norm;

  bp_normalizer_init (&norm, BP_NORMALIZE_MEAN, people);
  g_assert_cmpint (norm.mode, ==, BP_NORMALIZE_MEAN);
  g_assert_cmpfloat (norm.weight_offset, ==, 565.0 / 4);
  g_assert_cmpfloat (norm.height_offset, ==, 267.0 / 4);
  g_assert_cmpfloat (norm.weight_scale, ==, 1);
  g_assert_cmpfloat (norm.height_scale, ==, 1);
  data = bp_people_to_dataset (people, &norm);
  g_assert_cmpfloat (data->x0[0], ==, 133 - 141.25);
  g_assert_cmpfloat (data->x1[3], ==, 60 - 66.75);
}

/* Population standard deviation (numpy's default ddof = 0), not the
 * sample one: squared deviations summed and divided by n. */
static void
test_normalize_standard (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = NULL;
  BpNormalizer norm;
  double sum_sq = 0;

  bp_normalizer_init (&norm, BP_NORMALIZE_STANDARD, people);
  g_assert_cmpint (norm.mode, ==, BP_NORMALIZE_STANDARD);
  g_assert_cmpfloat (norm.weight_offset, ==, 141.25);
  g_assert_cmpfloat (norm.height_offset, ==, 66.75);
  /* (8.25² + 18.75² + 10.75² + 21.25²) / 4 = 986.75 / 4, all exact. */
  g_assert_cmpfloat (norm.weight_scale, ==, sqrt (986.75 / 4));
  g_assert_cmpfloat (norm.height_scale, ==, sqrt (86.75 / 4));
  g_assert_cmpfloat (norm.weight_scale, !=, sqrt (986.75 / 3));
  data = bp_people_to_dataset (people, &norm);
  for (guint i = 0; i < data->n; i++)
    sum_sq += data->x0[i] * data->x0[i];
  /* Standardised inputs have a population variance of 1. */
  g_assert_cmpfloat (fabs (sum_sq / data->n - 1), <, 1e-12);
  g_assert_cmpfloat (data->x0[0], ==, (133 - 141.25) / sqrt (986.75 / 4));
}

/* Nobody varies: only centring, never a division by zero. */
static void
test_normalize_zero_spread (void)
{
  g_autoptr(BpPeople) one = bp_people_new ();
  g_autoptr(BpPeople) same = bp_people_new ();
  g_autoptr(BpDataset) data = NULL;
  BpNormalizer norm;

  bp_people_add (one, bp_person_new ("Solo", 150, 70, BP_GENDER_MALE));
  bp_normalizer_init (&norm, BP_NORMALIZE_STANDARD, one);
  g_assert_cmpfloat (norm.weight_offset, ==, 150);
  g_assert_cmpfloat (norm.height_offset, ==, 70);
  g_assert_cmpfloat (norm.weight_scale, ==, 1);
  g_assert_cmpfloat (norm.height_scale, ==, 1);

  bp_people_add (same, bp_person_new ("A", 150, 60, BP_GENDER_MALE));
  bp_people_add (same, bp_person_new ("B", 150, 70, BP_GENDER_FEMALE));
  bp_normalizer_init (&norm, BP_NORMALIZE_STANDARD, same);
  g_assert_cmpfloat (norm.weight_scale, ==, 1);
  g_assert_cmpfloat (norm.height_scale, ==, 5);
  data = bp_people_to_dataset (same, &norm);
  g_assert_cmpfloat (data->x0[0], ==, 0);
  g_assert_cmpfloat (data->x0[1], ==, 0);
  g_assert_cmpfloat (data->x1[0], ==, -1);
  g_assert_cmpfloat (data->x1[1], ==, 1);
  g_assert_true (isfinite (data->x0[0]));
}

/* The one-person training set of section 4 of the seeds. */
static void
test_dataset_alice (void)
{
  g_autoptr(BpPeople) people = bp_people_new ();
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(BpDataset) none = NULL;
  g_autoptr(BpPeople) empty = bp_people_new ();
  BpNormalizer norm;

  bp_people_add (people, bp_person_new ("Alice", 133, 65, BP_GENDER_FEMALE));
  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  data = bp_people_to_dataset (people, &norm);
  g_assert_cmpuint (data->n, ==, 1);
  g_assert_cmpfloat (data->x0[0], ==, -2);
  g_assert_cmpfloat (data->x1[0], ==, -1);
  g_assert_cmpfloat (data->y[0], ==, 1);
  none = bp_people_to_dataset (empty, &norm);
  g_assert_cmpuint (none->n, ==, 0);
}

/* A value checked as the user wrote it is quoted as written, in its own
 * units, not as it reads back from lb or in. */
static void
test_check_given (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_check_weight_given (0.45359237, BP_UNITS_KG_CM, NULL));
  g_assert_true (bp_check_height_given (304.8, BP_UNITS_KG_CM, NULL));
  g_assert_true (bp_check_weight_given (1500, BP_UNITS_LB_IN, NULL));
  g_assert_false (bp_check_weight_given (NAN, BP_UNITS_LB_IN, NULL));
  g_assert_false (bp_check_weight_given (0.45, BP_UNITS_KG_CM, &error));
  g_assert_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "a weight of 0.45 kg is outside the sensible range 0.45359237–680.388555 kg");
  g_clear_error (&error);
  g_assert_false (bp_check_height_given (9.99999999, BP_UNITS_LB_IN, &error));
  g_assert_cmpstr (error->message, ==,
                   "a height of 9.99999999 in is outside the sensible range 10–120 in");
}

static void
test_parse_gender (void)
{
  BpGender gender = BP_GENDER_MALE;

  g_assert_true (bp_parse_gender (" Female ", &gender));
  g_assert_cmpint (gender, ==, BP_GENDER_FEMALE);
  g_assert_true (bp_parse_gender ("0", &gender));
  g_assert_cmpint (gender, ==, BP_GENDER_MALE);
  g_assert_false (bp_parse_gender ("woman", &gender));
  g_assert_cmpint (gender, ==, BP_GENDER_MALE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people/seed", test_seed_people);
  g_test_add_func ("/people/copy", test_copy);
  g_test_add_func ("/people/units", test_units);
  g_test_add_func ("/people/units-shown", test_units_shown);
  g_test_add_func ("/people/normalize/names", test_normalize_names);
  g_test_add_func ("/people/normalize/none", test_normalize_none);
  g_test_add_func ("/people/normalize/equal", test_normalizer_equal);
  g_test_add_func ("/people/ref", test_people_ref);
  g_test_add_func ("/people/normalize/seed", test_normalize_seed);
  g_test_add_func ("/people/normalize/mean", test_normalize_mean);
  g_test_add_func ("/people/normalize/standard", test_normalize_standard);
  g_test_add_func ("/people/normalize/zero-spread", test_normalize_zero_spread);
  g_test_add_func ("/people/dataset-alice", test_dataset_alice);
  g_test_add_func ("/people/check-given", test_check_given);
  g_test_add_func ("/people/parse-gender", test_parse_gender);

  return g_test_run ();
}
