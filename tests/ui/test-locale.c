/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-locale.c: numbers on screen follow the locale; typing accepts
 * the locale's decimal separator and the dot
 *
 * The comma cases need the de_DE.UTF-8 locale (Debian: the locales
 * package and locale-gen) and are skipped without it.  The core's
 * messages are checked in Chinese with the catalogue the build compiled
 * (BACKPROP_LOCALEDIR, as `meson devenv` sets it for the app).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bp-csv.h"
#include "bp-format.h"
#include "bp-parse.h"
#include "bp-tooltips.h"
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
  people = bp_lesson_dup_people (bp_window_get_lesson (window));
  g_assert_nonnull (people);
  g_assert_cmpfloat (bp_people_get (people, 0)->weight_lb, ==, 133.5);
  g_assert_cmpfloat (bp_people_get (people, 1)->height_in, ==, 72.5);
  g_assert_cmpstr (ui_test_person_inputs (window, 0),
                   ==, "−1,5; −1");
  ui_test_destroy_window (window);
  setlocale (LC_NUMERIC, "C.UTF-8");
}

/* The core's messages go through the app's catalogue: a Chinese user
 * reads why a number or a file is refused in Chinese, not only the
 * headline above it. */
static void
test_core_messages_translated (void)
{
  const char *localedir = g_getenv ("BACKPROP_LOCALEDIR");
  g_autoptr(GError) number_error = NULL;
  g_autoptr(GError) csv_error = NULL;
  g_autoptr(GError) range_error = NULL;
  g_autoptr(BpPeople) people = NULL;
  const char *csv = "name,gender,weight_lb\n";
  double value;

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  g_assert_false (bp_parse_double ("abc", &value, &number_error));
  people = bp_csv_parse (csv, strlen (csv), "people.csv", &csv_error);
  g_assert_null (people);
  g_assert_false (bp_check_height_in (9999 / 2.54, BP_UNITS_KG_CM, &range_error));
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (number_error->message, ==, "“abc”不是数字");
  g_assert_cmpstr (csv_error->message, ==,
                   "people.csv:1:1: 表头中没有 height_in、height_cm 或 height 列"
                   "（应类似“name,gender,weight_lb,height_in”）");
  g_assert_true (g_str_has_prefix (range_error->message, "身高 9999 cm 超出了合理范围"));
}

/* The first widget of @type under @widget, depth first. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* In kg and cm, the seeds' normalisation names its offsets in kg and cm,
 * without choosing another normalisation, and a new person starts at
 * round values, not at 135 lb and 66 in converted. */
static void
test_units_shown (void)
{
  BpWindow *window = ui_test_new_window ();
  BpTrainingForm *form = bp_window_get_training_form (window);
  BpPeopleEditor *editor = bp_window_get_people_editor (window);
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (form), GTK_TYPE_DROP_DOWN));
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
  guint n = bp_people_editor_get_n_people (editor);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (list, 0), ==, "Minus 135 lb and 66 in");
  bp_people_editor_set_units (editor, BP_UNITS_KG_CM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (list, 0), ==, "Minus 61.23 kg and 167.64 cm");
  g_assert_cmpint (bp_training_form_get_normalize (form), ==, BP_NORMALIZE_SEED);
  bp_training_form_set_normalize (form, BP_NORMALIZE_MEAN);
  bp_people_editor_set_units (editor, BP_UNITS_LB_IN);
  g_assert_cmpint (bp_training_form_get_normalize (form), ==, BP_NORMALIZE_MEAN);
  g_assert_cmpstr (gtk_string_list_get_string (list, 0), ==, "Minus 135 lb and 66 in");
  bp_training_form_set_normalize (form, BP_NORMALIZE_STANDARD);
  bp_people_editor_set_units (editor, BP_UNITS_KG_CM);
  g_assert_cmpint (bp_training_form_get_normalize (form), ==, BP_NORMALIZE_STANDARD);
  bp_people_editor_set_units (editor, BP_UNITS_LB_IN);

  bp_people_editor_set_units (editor, BP_UNITS_KG_CM);
  gtk_widget_activate_action (GTK_WIDGET (editor), "people.add", NULL);
  g_assert_cmpuint (bp_people_editor_get_n_people (editor), ==, n + 1);
  g_assert_cmpstr (gtk_editable_get_text (ui_test_person_entry (window, n, BP_PERSON_COLUMN_WEIGHT)), ==, "61");
  g_assert_cmpstr (gtk_editable_get_text (ui_test_person_entry (window, n, BP_PERSON_COLUMN_HEIGHT)), ==, "168");
  ui_test_destroy_window (window);
}

/* A Chinese tooltip wraps at its width in columns, each CJK character two,
 * not at its number of characters, which was half its width. */
static void
test_tooltip_columns (void)
{
  const char *chinese = "每一步对参数的调整幅度；太大会使损失发散";
  GtkWidget *label = bp_tooltip_label_new (chinese);
  GtkWidget *english = bp_tooltip_label_new ("How far each step moves the parameters");
  GtkWidget *lines = bp_tooltip_label_new ("权重\n偏置");

  g_assert_cmpint (bp_tooltip_text_columns (chinese), ==, 40);
  g_assert_cmpint (bp_tooltip_text_columns ("w₁ 权重"), ==, 7);
  g_assert_nonnull (label);
  g_object_ref_sink (label);
  g_assert_cmpint (gtk_label_get_max_width_chars (GTK_LABEL (label)), ==, 40);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, chinese);
  g_object_unref (label);
  /* GTK's own tooltip is right for these. */
  g_assert_null (english);
  g_assert_null (lines);
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
  g_test_add_func ("/locale/core-messages", test_core_messages_translated);
  g_test_add_func ("/locale/units-shown", test_units_shown);
  g_test_add_func ("/locale/tooltip-columns", test_tooltip_columns);

  return g_test_run ();
}
