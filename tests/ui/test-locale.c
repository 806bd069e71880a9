/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-locale.c: numbers on screen follow the locale; typing accepts
 * the locale's decimal separator and the dot
 *
 * The comma cases need the de_DE.UTF-8 locale (Debian: the locales
 * package and locale-gen) and are skipped without it.
 */
#include <locale.h>

#include "bp-format.h"
#include "ui-utils.h"

#define COMMA_LOCALE "de_DE.UTF-8"

static void
test_replace_point (void)
{
  g_autofree char *comma = bp_format_replace_point ("−0.5", ".", ",");
  g_autofree char *same = bp_format_replace_point ("2.5", ".", ".");

  g_assert_cmpstr (comma, ==, "−0,5");
  g_assert_cmpstr (same, ==, "2.5");
}

static void
test_dot_locale (void)
{
  g_autofree char *measure = bp_format_measure (60.33);
  g_autofree char *editable = bp_format_editable (0.1);
  double value;

  g_assert_cmpstr (bp_format_decimal_point (), ==, ".");
  g_assert_cmpstr (measure, ==, "60.33");
  g_assert_cmpstr (editable, ==, "0.1");
  g_assert_true (bp_format_parse_double ("0.25", &value, NULL));
  g_assert_cmpfloat (value, ==, 0.25);
  g_assert_false (bp_format_parse_double ("0,25", &value, NULL));
}

static gboolean
use_comma_locale (void)
{
  if (setlocale (LC_NUMERIC, COMMA_LOCALE) != NULL)
    return TRUE;
  g_test_skip ("the " COMMA_LOCALE " locale is not installed");
  return FALSE;
}

static void
test_comma_format (void)
{
  g_autofree char *measure = NULL, *editable = NULL, *input = NULL, *small = NULL;
  double value;

  if (!use_comma_locale ())
    return;
  measure = bp_format_measure (60.33);
  editable = bp_format_editable (0.1);
  input = bp_format_input (-0.5);
  small = bp_format_significant (1.25e-5, 3);
  g_assert_cmpstr (bp_format_decimal_point (), ==, ",");
  g_assert_cmpstr (measure, ==, "60,33");
  g_assert_cmpstr (editable, ==, "0,1");
  g_assert_cmpstr (input, ==, "−0,5");
  g_assert_cmpstr (small, ==, "1,25×10⁻⁵");
  /* Both separators read, exactly. */
  g_assert_true (bp_format_parse_double ("0,1", &value, NULL));
  g_assert_cmpfloat (value, ==, 0.1);
  g_assert_true (bp_format_parse_double ("0.1", &value, NULL));
  g_assert_cmpfloat (value, ==, 0.1);
  g_assert_false (bp_format_parse_double ("0,1,2", &value, NULL));
  setlocale (LC_NUMERIC, "C.UTF-8");
}

/* The window in a comma locale: what it shows reads back, and a person
 * typed with a comma trains like one typed with a dot. */
static void
test_comma_window (void)
{
  BpWindow *window;
  BpTrainingForm *form;
  g_autoptr(BpPeople) people = NULL;

  if (!use_comma_locale ())
    return;
  window = ui_test_new_window ();
  form = bp_window_get_training_form (window);
  bp_training_form_set_learning_rate (form, 0.25);
  g_assert_cmpstr (gtk_editable_get_text (bp_training_form_get_learning_rate_entry (form)), ==, "0,25");
  g_assert_true (bp_training_form_get_valid (form));
  ui_test_set_text (ui_test_person_entry (window, 0, BP_PERSON_COLUMN_WEIGHT), "133,5");
  ui_test_set_text (ui_test_person_entry (window, 1, BP_PERSON_COLUMN_HEIGHT), "72.5");
  people = bp_people_editor_dup_people (bp_window_get_people_editor (window));
  g_assert_nonnull (people);
  g_assert_cmpfloat (bp_people_get (people, 0)->weight_lb, ==, 133.5);
  g_assert_cmpfloat (bp_people_get (people, 1)->height_in, ==, 72.5);
  g_assert_cmpstr (bp_person_row_get_inputs_text (bp_people_editor_get_row (bp_window_get_people_editor (window), 0)),
                   ==, "−1,5; −1");
  ui_test_destroy_window (window);
  setlocale (LC_NUMERIC, "C.UTF-8");
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/locale/replace-point", test_replace_point);
  g_test_add_func ("/locale/dot", test_dot_locale);
  g_test_add_func ("/locale/comma/format", test_comma_format);
  g_test_add_func ("/locale/comma/window", test_comma_window);

  return g_test_run ();
}
