/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-python.c: the lesson as a Python program (bp-python.c)
 *
 * The text is checked here; /python/names-run also runs it, with the
 * python3 the build found (BACKPROP_PYTHON3), when that has numpy.
 * test-cli.c compares a run's numbers with backprop-cli train.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "bp-python.h"
#include "test-support.h"

static BpPeople *
people_named (const char * const *names)
{
  BpPeople *people = bp_people_new ();

  for (guint i = 0; names[i] != NULL; i++)
    bp_people_add (people, bp_person_new (names[i], 120 + 10 * i, 60 + 3 * i,
                                          i % 2 == 0 ? BP_GENDER_FEMALE : BP_GENDER_MALE));
  return people;
}

static void
lesson_init (BpPythonLesson *lesson,
             const BpPeople *people,
             BpNormalize     mode)
{
  *lesson = (BpPythonLesson) {
    .people = people,
    .has_seed = TRUE,
    .seed = 1,
    .learning_rate = 0.1,
    .epochs = 1000,
  };
  bp_normalizer_init (&lesson->norm, mode, people);
  bp_params_from_seed (&lesson->initial, 1);
}

static void
test_params_exact (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autofree char *program = NULL;
  BpPythonLesson lesson;

  lesson_init (&lesson, people, BP_NORMALIZE_SEED);
  lesson.learning_rate = 1e-5;
  lesson.epochs = 12345;
  bp_params_set (&lesson.initial, BP_PARAM_B3, -0.0);
  bp_params_set (&lesson.initial, BP_PARAM_W6, 3);
  program = bp_python_program (&lesson);

  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      g_autofree char *line = NULL;
      double value = bp_params_get (&lesson.initial, i);

      if (value == 0 || value == 3)
        continue;
      line = g_strdup_printf ("    self.%s = %.17g\n", bp_param_name (i), value);
      g_assert_nonnull (strstr (program, line));
    }
  /* Float literals, not integers: -0 would lose its sign. */
  g_assert_nonnull (strstr (program, "    self.b3 = -0.0\n"));
  g_assert_nonnull (strstr (program, "    self.w6 = 3.0\n"));
  g_assert_nonnull (strstr (program, "    learn_rate = 1.0000000000000001e-05\n"));
  g_assert_nonnull (strstr (program, "    epochs = 12345 "));
  g_assert_nonnull (strstr (program, "class OurNeuralNetwork:\n"));
  g_assert_nonnull (strstr (program, "np.random.seed(1)"));
  g_assert_nonnull (strstr (program, "  [-2.0, -1.0],  # \"Alice\": 133 lb, 65 in\n"));
  g_assert_nonnull (strstr (program, "all_y_trues = np.array([1, 0, 0, 1])"));
  g_assert_nonnull (strstr (program, "print(\"Epoch %d loss: %.3f\" % (epoch, loss))"));
  g_assert_nonnull (strstr (program, "print(\"b3 = %.17g\" % network.b3)"));
}

/* Mean and standard normalisation: the offsets and scales to 17 digits,
 * and kg and cm converted as the core does. */
static void
test_normalise_metric (void)
{
  g_autoptr(BpPeople) people = people_named ((const char *[]) { "A", "B", "C", NULL });
  g_autofree char *program = NULL;
  g_autofree char *weight = NULL;
  const double classify[] = { 60, 170 };
  BpPythonLesson lesson;
  double x0, x1;

  people->weight_units = people->height_units = BP_UNITS_KG_CM;
  lesson_init (&lesson, people, BP_NORMALIZE_STANDARD);
  lesson.has_seed = FALSE;
  lesson.classify = classify;
  lesson.n_classify = 1;
  program = bp_python_program (&lesson);

  /* The mean weight, 130 lb, as a float literal. */
  weight = g_strdup_printf ("(weight / 0.45359237000000002 - 130.0) / %.17g",
                            lesson.norm.weight_scale);
  g_assert_nonnull (strstr (program, weight));
  g_assert_nonnull (strstr (program, "height / 2.54"));
  g_assert_nonnull (strstr (program, "divided by its standard deviation"));
  g_assert_nonnull (strstr (program, "as set by hand"));
  g_assert_null (strstr (program, "np.random.seed("));
  g_assert_nonnull (strstr (program, "\"Classify 60 kg, 170 cm\""));
  g_assert_nonnull (strstr (program, "normalise(60.0, 170.0)"));
  bp_normalizer_apply (&lesson.norm, 120, 60, &x0, &x1);
  g_free (weight);
  weight = g_strdup_printf ("  [%.17g, %.17g],  # \"A\": ", x0, x1);
  g_assert_nonnull (strstr (program, weight));
}

/* No normalisation: the comment says the raw measurements, not a mean
 * of 0. */
static void
test_normalise_none (void)
{
  g_autoptr(BpPeople) people = people_named ((const char *[]) { "A", "B", NULL });
  g_autofree char *program = NULL;
  BpPythonLesson lesson;

  lesson_init (&lesson, people, BP_NORMALIZE_NONE);
  program = bp_python_program (&lesson);
  g_assert_nonnull (strstr (program, "# Inputs: the weight in lb and the height in in, as they are."));
  g_assert_null (strstr (program, "minus the people's mean"));
}

static void
test_string_escapes (void)
{
  const struct
  {
    const char *name;
    const char *literal;
  } cases[] = {
    { "Alice", "\"Alice\"" },
    { "O\"Brien", "\"O\\\"Brien\"" },
    { "back\\slash", "\"back\\\\slash\"" },
    { "it's", "\"it's\"" },
    { "小明", "\"小明\"" },
    { "two\nlines", "\"two\\nlines\"" },
    { "cr\rtab\t", "\"cr\\rtab\\t\"" },
    { "nel\xc2\x85", "\"nel\\x85\"" },
    { "ls\xe2\x80\xa8", "\"ls\\u2028\"" },
    /* A right-to-left override would hide what the line says. */
    { "\xe2\x80\xae" "evil", "\"\\u202eevil\"" },
    { "bad\xff", "\"bad\xef\xbf\xbd\"" },
    { "%s %d", "\"%s %d\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *literal = bp_python_string (cases[i].name);

      g_assert_cmpstr (literal, ==, cases[i].literal);
    }
}

static void
test_deterministic (void)
{
  g_autoptr(BpPeople) people = people_named ((const char *[]) { "A", "B", NULL });
  g_autoptr(BpPeople) test = people_named ((const char *[]) { "T", NULL });
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const double classify[] = { 130.5, 64.25 };
  BpPythonLesson lesson;

  lesson_init (&lesson, people, BP_NORMALIZE_MEAN);
  lesson.test = test;
  lesson.classify = classify;
  lesson.n_classify = 1;
  first = bp_python_program (&lesson);
  /* A comma for a decimal point in the locale changes nothing. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    g_test_message ("no de_DE.UTF-8 locale: the same locale twice");
  second = bp_python_program (&lesson);
  setlocale (LC_NUMERIC, "C");
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "\"Classify 130.5 lb, 64.25 in\""));
  g_assert_nonnull (strstr (first, "normalise(130.5, 64.25)"));
  g_assert_true (g_utf8_validate (first, -1, NULL));
  g_assert_nonnull (strstr (first, "test_names = [\"T\"]"));
}

/* Names no Python literal could hold as typed still make a program that
 * runs and prints each name as it was. */
static void
test_names_run (void)
{
  const char *names[] = { "O\"Brien", "back\\slash", "小明", "two\nlines", "\xe2\x80\xae" "evil",
                          "'''", "\"\"\"", "# not a comment", NULL };
  g_autoptr(BpPeople) people = people_named (names);
  const char *python = test_python_with_numpy ();
  g_autofree char *program = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  BpPythonLesson lesson;
  int fd, wait_status = 0;

  if (python == NULL)
    {
      g_test_skip ("no python3 with numpy");
      return;
    }
  lesson_init (&lesson, people, BP_NORMALIZE_STANDARD);
  lesson.epochs = 3;
  program = bp_python_program (&lesson);
  fd = g_file_open_tmp ("backprop-test-python-XXXXXX.py", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, program, -1, NULL));
  {
    const char *argv[] = { python, path, NULL };
    const char *envp[] = { "PYTHONIOENCODING=utf-8", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &wait_status, &error));
  }
  g_assert_no_error (error);
  g_remove (path);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s: 0.", names[i]);

      g_assert_nonnull (strstr (out, line));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/python/params-exact", test_params_exact);
  g_test_add_func ("/python/normalise-metric", test_normalise_metric);
  g_test_add_func ("/python/normalise-none", test_normalise_none);
  g_test_add_func ("/python/string-escapes", test_string_escapes);
  g_test_add_func ("/python/deterministic", test_deterministic);
  g_test_add_func ("/python/names-run", test_names_run);
  return g_test_run ();
}
