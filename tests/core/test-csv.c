/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: every rule and every error of the people CSV, the writer,
 * and the strict number parsers under them */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "bp-csv.h"
#include "bp-parse.h"
#include "bp-text.h"
#include "test-support.h"

#define HEADER "name,gender,weight_lb,height_in\n"

/* ---- helpers ------------------------------------------------------------ */

static BpPeople *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpPeople *people = bp_csv_parse (text, strlen (text), "t.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (people);
  return people;
}

static void
assert_prefix (const char *message,
               const char *prefix)
{
  if (!g_str_has_prefix (message, prefix))
    g_test_fail_printf ("“%s” does not start with “%s”", message, prefix);
}

/* An error of @code whose message starts with @where ("t.csv:LINE:COL: ")
 * and mentions @fragment, on one line. */
static void
assert_error_len (const char *text,
                  gsize       length,
                  BpCsvError  code,
                  const char *where,
                  const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) people = bp_csv_parse (text, length, "t.csv", &error);

  if (people != NULL || error == NULL)
    {
      g_test_fail_printf ("no error where %s was expected", where);
      return;
    }
  g_assert_error (error, BP_CSV_ERROR, (int) code);
  assert_prefix (error->message, where);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_test_fail_printf ("“%s” does not mention “%s”", error->message, fragment);
  g_assert_null (strchr (error->message, '\n'));
}

static void
assert_error (const char *text,
              BpCsvError  code,
              const char *where,
              const char *fragment)
{
  assert_error_len (text, strlen (text), code, where, fragment);
}

static void
assert_person (const BpPeople *people,
               guint           index,
               const char     *name,
               double          weight_lb,
               double          height_in,
               BpGender        gender)
{
  BpPerson *p;

  g_assert_nonnull (people);
  if (people == NULL || index >= bp_people_get_n (people))
    {
      g_test_fail_printf ("no person %u", index);
      return;
    }
  p = bp_people_get (people, index);
  g_assert_cmpstr (p->name, ==, name);
  g_assert_cmpfloat (p->weight_lb, ==, weight_lb);
  g_assert_cmpfloat (p->height_in, ==, height_in);
  g_assert_cmpint (p->gender, ==, gender);
}

static void
assert_seed_people (const BpPeople *people)
{
  g_assert_nonnull (people);
  if (people == NULL)
    return;
  g_assert_cmpuint (bp_people_get_n (people), ==, 4);
  assert_person (people, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
  assert_person (people, 1, "Bob", 160, 72, BP_GENDER_MALE);
  assert_person (people, 2, "Charlie", 152, 70, BP_GENDER_MALE);
  assert_person (people, 3, "Diana", 120, 60, BP_GENDER_FEMALE);
}

/* ---- reading: the rules ----------------------------------------------- */

static void
test_basic (void)
{
  g_autoptr(BpPeople) people = parse (HEADER
                                      "Alice,F,133,65\n"
                                      "Bob,M,160,72\n"
                                      "Charlie,M,152,70\n"
                                      "Diana,F,120,60\n");

  assert_seed_people (people);
  g_assert_cmpint (people->weight_units, ==, BP_UNITS_LB_IN);
  g_assert_cmpint (people->height_units, ==, BP_UNITS_LB_IN);
}

static void
test_header_any_order (void)
{
  g_autoptr(BpPeople) a = parse ("Height_IN,WEIGHT_LB,Sex,NAME\n65,133,f,Alice\n72,160,m,Bob\n");
  g_autoptr(BpPeople) b = parse (" gender , Name ,height,  weight\nF,Alice,65,133\n");

  g_assert_cmpuint (bp_people_get_n (a), ==, 2);
  assert_person (a, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
  assert_person (a, 1, "Bob", 160, 72, BP_GENDER_MALE);
  g_assert_cmpuint (bp_people_get_n (b), ==, 1);
  assert_person (b, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
}

/* Without a name column, or with a blank name, a person is "Person N",
 * N counting the data rows from 1. */
static void
test_name_optional (void)
{
  g_autoptr(BpPeople) a = parse ("gender,weight_lb,height_in\nF,133,65\nM,160,72\n");
  g_autoptr(BpPeople) b = parse (HEADER "Alice,F,133,65\n,M,160,72\n   ,M,152,70\n\"\",F,120,60\n"
                                 "  Eve  ,F,110,62\n");

  assert_person (a, 0, "Person 1", 133, 65, BP_GENDER_FEMALE);
  assert_person (a, 1, "Person 2", 160, 72, BP_GENDER_MALE);
  assert_person (b, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
  assert_person (b, 1, "Person 2", 160, 72, BP_GENDER_MALE);
  assert_person (b, 2, "Person 3", 152, 70, BP_GENDER_MALE);
  assert_person (b, 3, "Person 4", 120, 60, BP_GENDER_FEMALE);
  assert_person (b, 4, "Eve", 110, 62, BP_GENDER_FEMALE);
}

static void
test_genders (void)
{
  const struct { const char *text; BpGender gender; } cases[] = {
    { "F", BP_GENDER_FEMALE }, { "f", BP_GENDER_FEMALE }, { "female", BP_GENDER_FEMALE },
    { "Female", BP_GENDER_FEMALE }, { "FEMALE", BP_GENDER_FEMALE }, { "1", BP_GENDER_FEMALE },
    { " F ", BP_GENDER_FEMALE }, { "M", BP_GENDER_MALE }, { "m", BP_GENDER_MALE },
    { "male", BP_GENDER_MALE }, { "MaLe", BP_GENDER_MALE }, { "0", BP_GENDER_MALE },
  };
  const char *bad[] = { "", "x", "FM", "fem", "2", "01", "mal", "woman", "1.0" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (HEADER "Pat,%s,133,65\n", cases[i].text);
      g_autofree char *sex = g_strdup_printf ("name,sex,weight,height\nPat,%s,133,65\n", cases[i].text);
      g_autoptr(BpPeople) a = parse (text);
      g_autoptr(BpPeople) b = parse (sex);
      BpGender gender = !cases[i].gender;

      assert_person (a, 0, "Pat", 133, 65, cases[i].gender);
      assert_person (b, 0, "Pat", 133, 65, cases[i].gender);
      g_assert_true (bp_parse_gender (cases[i].text, &gender));
      g_assert_cmpint (gender, ==, cases[i].gender);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (HEADER "Pat,%s,133,65\n", bad[i]);
      BpGender gender = BP_GENDER_MALE;

      assert_error (text, BP_CSV_ERROR_VALUE, "t.csv:2:5: gender: ", "is not a gender");
      g_assert_false (bp_parse_gender (bad[i], &gender));
    }
}

static void
test_units (void)
{
  g_autoptr(BpPeople) metric = parse ("name,gender,weight_kg,height_cm\nAlice,F,60.5,165\n");
  g_autoptr(BpPeople) mixed = parse ("name,gender,WEIGHT_KG,height_in\nBob,M,80,70\n");
  g_autoptr(BpPeople) plain = parse ("name,gender,weight,height\nBob,M,160,72\n");
  g_autoptr(BpPeople) mixed2 = parse ("name,gender,weight_lb,Height_CM\nBob,M,160,180\n");

  assert_person (metric, 0, "Alice", 60.5 / 0.45359237, 165 / 2.54, BP_GENDER_FEMALE);
  g_assert_cmpint (metric->weight_units, ==, BP_UNITS_KG_CM);
  g_assert_cmpint (metric->height_units, ==, BP_UNITS_KG_CM);
  assert_person (mixed, 0, "Bob", 80 / 0.45359237, 70, BP_GENDER_MALE);
  g_assert_cmpint (mixed->weight_units, ==, BP_UNITS_KG_CM);
  g_assert_cmpint (mixed->height_units, ==, BP_UNITS_LB_IN);
  assert_person (plain, 0, "Bob", 160, 72, BP_GENDER_MALE);
  g_assert_cmpint (plain->weight_units, ==, BP_UNITS_LB_IN);
  g_assert_cmpint (plain->height_units, ==, BP_UNITS_LB_IN);
  assert_person (mixed2, 0, "Bob", 160, 180 / 2.54, BP_GENDER_MALE);
  g_assert_cmpint (mixed2->weight_units, ==, BP_UNITS_LB_IN);
  g_assert_cmpint (mixed2->height_units, ==, BP_UNITS_KG_CM);
}

static void
test_other_columns_ignored (void)
{
  g_autoptr(BpPeople) people = parse ("id,name,notes,gender,age,weight_lb,height_in,\n"
                                      "1,Alice,\"likes, commas\",F,30,133,65,\n"
                                      "2,Bob,,M,abc,160,72,x\n");

  g_assert_cmpuint (bp_people_get_n (people), ==, 2);
  assert_person (people, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
  assert_person (people, 1, "Bob", 160, 72, BP_GENDER_MALE);
}

static void
test_quoting (void)
{
  g_autoptr(BpPeople) people = parse (HEADER
                                      "\"Smith, Alice\",F,133,65\n"
                                      "\"Bob \"\"The Builder\"\" Jones\",\"M\",\"160\",\"72\"\n"
                                      "\"two\nlines\",M,152,70\n"
                                      "\"crlf\r\ninside\",F,120,60\n"
                                      "\"\"\"\",F,121,61\n"
                                      "\"a,\"\"b\"\",\nc\",M,122,62\n");

  g_assert_cmpuint (bp_people_get_n (people), ==, 6);
  assert_person (people, 0, "Smith, Alice", 133, 65, BP_GENDER_FEMALE);
  assert_person (people, 1, "Bob \"The Builder\" Jones", 160, 72, BP_GENDER_MALE);
  assert_person (people, 2, "two\nlines", 152, 70, BP_GENDER_MALE);
  assert_person (people, 3, "crlf\r\ninside", 120, 60, BP_GENDER_FEMALE);
  assert_person (people, 4, "\"", 121, 61, BP_GENDER_FEMALE);
  assert_person (people, 5, "a,\"b\",\nc", 122, 62, BP_GENDER_MALE);
}

static void
test_line_endings (void)
{
  const char *texts[] = {
    "name,gender,weight_lb,height_in\nAlice,F,133,65\nBob,M,160,72\nCharlie,M,152,70\nDiana,F,120,60\n",
    "name,gender,weight_lb,height_in\r\nAlice,F,133,65\r\nBob,M,160,72\r\nCharlie,M,152,70\r\nDiana,F,120,60\r\n",
    "name,gender,weight_lb,height_in\rAlice,F,133,65\rBob,M,160,72\rCharlie,M,152,70\rDiana,F,120,60\r",
    "name,gender,weight_lb,height_in\r\nAlice,F,133,65\nBob,M,160,72\rCharlie,M,152,70\r\nDiana,F,120,60",
    "name,gender,weight_lb,height_in\nAlice,F,133,65\r\rBob,M,160,72\n\r\nCharlie,M,152,70\n\nDiana,F,120,60\r",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BpPeople) people = parse (texts[i]);

      assert_seed_people (people);
    }
}

static void
test_bom (void)
{
  g_autoptr(BpPeople) people = parse ("\xEF\xBB\xBF" HEADER "Alice,F,133,65\n");
  g_autoptr(BpPeople) sex_first = parse ("\xEF\xBB\xBFsex,name,weight,height\r\nF,Alice,133,65\r\n");

  g_assert_cmpuint (bp_people_get_n (people), ==, 1);
  assert_person (people, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
  assert_person (sex_first, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
}

static void
test_blank_lines (void)
{
  g_autoptr(BpPeople) people = parse ("\n\r\n\n" HEADER "\n\nAlice,F,133,65\n\r\n\rBob,M,160,72\n\n\n");

  g_assert_cmpuint (bp_people_get_n (people), ==, 2);
  assert_person (people, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
  /* Blank lines do not count towards "Person N". */
  assert_person (people, 1, "Bob", 160, 72, BP_GENDER_MALE);
}

static void
test_numbers_in_cells (void)
{
  g_autoptr(BpPeople) people = parse (HEADER " Alice , F , 133.5 , 6.5e1 \nBob,M,+160,72.0\nEve,F,1,10\nMax,M,1500,120\n");

  assert_person (people, 0, "Alice", 133.5, 65, BP_GENDER_FEMALE);
  assert_person (people, 1, "Bob", 160, 72, BP_GENDER_MALE);
  /* The limits themselves are in range. */
  assert_person (people, 2, "Eve", 1, 10, BP_GENDER_FEMALE);
  assert_person (people, 3, "Max", 1500, 120, BP_GENDER_MALE);
}

static void
test_no_final_newline (void)
{
  g_autoptr(BpPeople) people = parse (HEADER "Alice,F,133,65");
  g_autoptr(BpPeople) quoted = parse (HEADER "Alice,F,133,\"65\"");

  assert_person (people, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
  assert_person (quoted, 0, "Alice", 133, 65, BP_GENDER_FEMALE);
}

/* RFC 4180: "Eve,F,120,60," is five fields, the last one empty, whether
 * or not a line break follows.  With the break it parses; without it the
 * reader must not lose the last field. */
static void
test_trailing_empty_field (void)
{
  const char *header = "name,gender,weight_lb,height_in,notes\n";
  g_autofree char *with_newline = g_strconcat (header, "Eve,F,120,60,\n", NULL);
  g_autofree char *without = g_strconcat (header, "Eve,F,120,60,", NULL);
  g_autoptr(BpPeople) a = parse (with_newline);
  g_autoptr(BpPeople) b = parse (without);

  assert_person (a, 0, "Eve", 120, 60, BP_GENDER_FEMALE);
  assert_person (b, 0, "Eve", 120, 60, BP_GENDER_FEMALE);
}

static void
test_utf8_names (void)
{
  g_autoptr(BpPeople) people = parse (HEADER "张伟,M,150,70\nZoë,F,120,62\n\"Ōkubo, 真理\",F,110,60\n");

  assert_person (people, 0, "张伟", 150, 70, BP_GENDER_MALE);
  assert_person (people, 1, "Zoë", 120, 62, BP_GENDER_FEMALE);
  assert_person (people, 2, "Ōkubo, 真理", 110, 60, BP_GENDER_FEMALE);
}

/* Spaces around an unquoted name come from the spreadsheet and go; in
 * quotes they are the author's and stay, so the writer's quoting of such
 * names round-trips. */
static void
test_name_spaces (void)
{
  g_autoptr(BpPeople) people = parse (HEADER "  Ann  ,F,120,60\n\"  Bo \",M,150,70\n\"   \",F,110,60\n");
  g_autoptr(BpPeople) one = bp_people_new ();
  g_autofree char *text = NULL;
  g_autoptr(BpPeople) back = NULL;

  assert_person (people, 0, "Ann", 120, 60, BP_GENDER_FEMALE);
  assert_person (people, 1, "  Bo ", 150, 70, BP_GENDER_MALE);
  assert_person (people, 2, "Person 3", 110, 60, BP_GENDER_FEMALE);
  bp_people_add (one, bp_person_new (" lead and trail ", 120, 60, BP_GENDER_FEMALE));
  text = bp_csv_write (one, BP_UNITS_LB_IN);
  back = parse (text);
  assert_person (back, 0, " lead and trail ", 120, 60, BP_GENDER_FEMALE);
}

/* ---- reading: the errors ---------------------------------------------- */

static void
test_error_empty (void)
{
  assert_error ("", BP_CSV_ERROR_HEADER, "t.csv:1:1: ", "empty");
  assert_error ("\n\r\n\n", BP_CSV_ERROR_HEADER, "t.csv:1:1: ", "empty");
  assert_error ("\xEF\xBB\xBF", BP_CSV_ERROR_HEADER, "t.csv:1:1: ", "empty");
  assert_error (HEADER, BP_CSV_ERROR_EMPTY, "t.csv:2:1: ", "no people");
  assert_error ("name,gender,weight_lb,height_in", BP_CSV_ERROR_EMPTY, "t.csv:2:1: ", "no people");
  assert_error (HEADER "\n\n", BP_CSV_ERROR_EMPTY, "t.csv:2:1: ", "no people");
}

static void
test_error_missing_column (void)
{
  assert_error ("name,gender,weight_lb\nA,F,100\n", BP_CSV_ERROR_HEADER, "t.csv:1:1: ",
                "height_in, height_cm or height");
  assert_error ("name,weight_lb,height_in\nA,100,60\n", BP_CSV_ERROR_HEADER, "t.csv:1:1: ",
                "gender (or sex)");
  assert_error ("name,gender,height_in\nA,F,60\n", BP_CSV_ERROR_HEADER, "t.csv:1:1: ",
                "weight_lb, weight_kg or weight");
  /* Near misses are other columns, not the wanted ones. */
  assert_error ("name,gender,weight_lbs,height_in\nA,F,100,60\n", BP_CSV_ERROR_HEADER, "t.csv:1:1: ",
                "weight_lb, weight_kg or weight");
  /* The header is the first record; a data row cannot stand in. */
  assert_error ("Alice,F,133,65\n", BP_CSV_ERROR_HEADER, "t.csv:1:1: ", "gender");
}

static void
test_error_duplicate_column (void)
{
  assert_error ("name,gender,weight_lb,weight_kg,height_in\nA,F,100,45,60\n",
                BP_CSV_ERROR_HEADER, "t.csv:1:23: ", "weight_kg");
  assert_error ("name,sex,gender,weight,height\nA,F,F,100,60\n",
                BP_CSV_ERROR_HEADER, "t.csv:1:10: ", "column 2");
  assert_error ("name,gender,weight,height_in,height\nA,F,100,60,60\n",
                BP_CSV_ERROR_HEADER, "t.csv:1:30: ", "height");
  assert_error ("Name,gender,weight,height,NAME\nA,F,100,60,B\n",
                BP_CSV_ERROR_HEADER, "t.csv:1:27: ", "NAME");
}

static void
test_error_values (void)
{
  assert_error (HEADER "Alice,X,133,65\n", BP_CSV_ERROR_VALUE, "t.csv:2:7: gender: ", "F or M");
  assert_error (HEADER "Alice,F,abc,65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: weight_lb: ", "abc");
  assert_error (HEADER "Alice,F,133,6x5\n", BP_CSV_ERROR_VALUE, "t.csv:2:13: height_in: ", "6x5");
  assert_error (HEADER "Alice,F,,65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: weight_lb: ", "empty");
  assert_error (HEADER "Alice,F,nan,65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: ", "not a number");
  assert_error (HEADER "Alice,F,NaN,65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: ", "not a number");
  assert_error (HEADER "Alice,F,133,inf\n", BP_CSV_ERROR_VALUE, "t.csv:2:13: ", "not a number");
  assert_error (HEADER "Alice,F,-infinity,65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: ", NULL);
  assert_error (HEADER "Alice,F,1e999,65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: ", "finite");
  assert_error (HEADER "Alice,F,133,0x41\n", BP_CSV_ERROR_VALUE, "t.csv:2:13: ", "not a number");
  assert_error (HEADER "Alice,F,\"133,5\",65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: ", "133,5");
  /* The column is named as the header spells it. */
  assert_error ("NAME,Sex,Weight,HEIGHT\nAlice,F,1x,65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: Weight: ", NULL);
  /* Columns count characters, not bytes. */
  assert_error (HEADER "Zoë,X,120,60\n", BP_CSV_ERROR_VALUE, "t.csv:2:5: ", NULL);
  assert_error (HEADER "张伟,M,abc,70\n", BP_CSV_ERROR_VALUE, "t.csv:2:6: ", NULL);
}

static void
test_error_range (void)
{
  assert_error (HEADER "Alice,F,0.5,65\n", BP_CSV_ERROR_RANGE, "t.csv:2:9: weight_lb: ", "0.5 lb");
  assert_error (HEADER "Alice,F,0,65\n", BP_CSV_ERROR_RANGE, "t.csv:2:9: ", NULL);
  assert_error (HEADER "Alice,F,-133,65\n", BP_CSV_ERROR_RANGE, "t.csv:2:9: ", NULL);
  assert_error (HEADER "Alice,F,1500.5,65\n", BP_CSV_ERROR_RANGE, "t.csv:2:9: ", "1500.5 lb");
  assert_error (HEADER "Alice,F,133,9.99\n", BP_CSV_ERROR_RANGE, "t.csv:2:13: height_in: ", "9.99 in");
  assert_error (HEADER "Alice,F,133,121\n", BP_CSV_ERROR_RANGE, "t.csv:2:13: ", "121 in");
  /* In the units of the file. */
  assert_error ("name,gender,weight_kg,height_cm\nA,F,700,170\n", BP_CSV_ERROR_RANGE,
                "t.csv:2:5: weight_kg: ", "700 kg");
  assert_error ("name,gender,weight_kg,height_cm\nA,F,70,310\n", BP_CSV_ERROR_RANGE,
                "t.csv:2:8: height_cm: ", "310 cm");
}

static void
test_error_field_count (void)
{
  assert_error (HEADER "Alice,F,133\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:1: ", "3 fields but the header has 4");
  assert_error (HEADER "Alice,F,133,65,x\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:1: ", "5 fields");
  assert_error (HEADER "Alice,F,133,65\nBob\n", BP_CSV_ERROR_SYNTAX, "t.csv:3:1: ", "1 field but");
  assert_error (HEADER "Alice,F,133,65,\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:1: ", "5 fields");
}

static void
test_error_quotes (void)
{
  assert_error (HEADER "\"Alice,F,133,65\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:1: ", "never closed");
  assert_error (HEADER "Alice,\"F,133,65\nBob,M,160,72\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:7: ", "never closed");
  assert_error (HEADER "Alice,F,133,\"65", BP_CSV_ERROR_SYNTAX, "t.csv:2:13: ", "never closed");
  assert_error (HEADER "Alice,F,133,\"65\"\"", BP_CSV_ERROR_SYNTAX, "t.csv:2:13: ", "never closed");
  assert_error (HEADER "\"Alice\"x,F,133,65\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:8: ", "after a closing quote");
  assert_error (HEADER "\"Alice\" ,F,133,65\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:8: ", "after a closing quote");
  assert_error (HEADER "Ali\"ce,F,133,65\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:4: ", "quote inside an unquoted field");
  assert_error (HEADER "Alice,F,133,65\nBob,M,160,72\"\n", BP_CSV_ERROR_SYNTAX, "t.csv:3:13: ", "quote inside");
  assert_error (HEADER " \"Alice\",F,133,65\n", BP_CSV_ERROR_SYNTAX, "t.csv:2:2: ", "quote inside");
}

/* Line numbers count the line breaks inside quotes and every kind of line
 * end. */
static void
test_error_positions (void)
{
  assert_error (HEADER "\"Two\nLines\",F,133,65\nBob,M,abc,72\n", BP_CSV_ERROR_VALUE, "t.csv:4:7: ", NULL);
  assert_error (HEADER "\"Two\r\nLines\",F,133,65\r\nBob,M,abc,72\r\n", BP_CSV_ERROR_VALUE, "t.csv:4:7: ", NULL);
  assert_error ("name,gender,weight_lb,height_in\rA,F,133,65\rB,M,160,72\rC,M,x,70\r",
                BP_CSV_ERROR_VALUE, "t.csv:4:5: ", NULL);
  assert_error ("name,gender,weight_lb,height_in\r\nA,F,133,65\r\nB,Q,160,72\r\n",
                BP_CSV_ERROR_VALUE, "t.csv:3:3: ", NULL);
  assert_error ("\n\n" HEADER "\nA,F,133,65\n\nB,M,160,7x\n", BP_CSV_ERROR_VALUE, "t.csv:7:9: ", NULL);
}

static void
test_error_encoding (void)
{
  static const char nul[] = HEADER "Al\0ce,F,133,65\n";
  static const char nul_last[] = HEADER "Alice,F,133,65\n\0";

  assert_error (HEADER "Jos\xe9,M,150,70\n", BP_CSV_ERROR_ENCODING, "t.csv:2:4: ", "0xE9");
  assert_error (HEADER "Zoë,F,120,62\nJos\xe9,M,150,70\n", BP_CSV_ERROR_ENCODING, "t.csv:3:4: ", "UTF-8");
  assert_error ("n\xe4me,gender,weight_lb,height_in\n", BP_CSV_ERROR_ENCODING, "t.csv:1:2: ", "0xE4");
  /* A truncated multi-byte sequence at the very end. */
  assert_error (HEADER "Alice,F,133,65\n\xe5\xbc", BP_CSV_ERROR_ENCODING, "t.csv:3:1: ", NULL);
  assert_error_len (nul, sizeof nul - 1, BP_CSV_ERROR_ENCODING, "t.csv:2:3: ", "NUL");
  assert_error_len (nul_last, sizeof nul_last - 1, BP_CSV_ERROR_ENCODING, "t.csv:3:1: ", "binary");
}

/* One byte over the limit is refused before anything is read; exactly
 * the limit is fine (here: a 16 MiB name). */
static void
test_error_too_large (void)
{
  const char *head = HEADER "\"";
  const char *tail = "\",F,133,65\n";
  gsize length = BP_CSV_MAX_BYTES;
  g_autofree char *text = g_malloc (length + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) people = NULL;

  memset (text, 'a', length + 1);
  text[length + 1] = '\0';
  memcpy (text, head, strlen (head));
  memcpy (text + length - strlen (tail), tail, strlen (tail));
  people = bp_csv_parse (text, length, "t.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bp_people_get_n (people), ==, 1);
  g_assert_cmpuint (strlen (bp_people_get (people, 0)->name), ==, length - strlen (head) - strlen (tail));

  memcpy (text + length + 1 - strlen (tail), tail, strlen (tail));
  assert_error_len (text, length + 1, BP_CSV_ERROR_TOO_LARGE, "t.csv:1:1: ", "16 MiB");
}

static GString *
many_people (guint n)
{
  GString *text = g_string_new ("weight_lb,height_in,gender\n");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "100,60,F\n");
  return text;
}

static void
test_error_too_many_people (void)
{
  g_autoptr(GString) ok = many_people (BP_CSV_MAX_PEOPLE);
  g_autoptr(GString) over = many_people (BP_CSV_MAX_PEOPLE + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) people = bp_csv_parse (ok->str, ok->len, "t.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (bp_people_get_n (people), ==, BP_CSV_MAX_PEOPLE);
  g_assert_cmpstr (bp_people_get (people, BP_CSV_MAX_PEOPLE - 1)->name, ==, "Person 100000");
  assert_error_len (over->str, over->len, BP_CSV_ERROR_TOO_LARGE, "t.csv:", "more than 100000 people");
}

static void
test_error_no_filename (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) people = bp_csv_parse ("", 0, NULL, &error);

  g_assert_null (people);
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_HEADER);
  assert_prefix (error->message, "<input>:1:1: ");
}

/* The 100 001st person is refused on the line it starts on. */
static void
test_error_too_many_people_line (void)
{
  g_autoptr(GString) over = many_people (BP_CSV_MAX_PEOPLE + 1);
  g_autoptr(GString) blank = many_people (BP_CSV_MAX_PEOPLE);
  g_autofree char *where = g_strdup_printf ("t.csv:%d:1: ", BP_CSV_MAX_PEOPLE + 2);
  g_autofree char *where_blank = g_strdup_printf ("t.csv:%d:1: ", BP_CSV_MAX_PEOPLE + 4);

  assert_error_len (over->str, over->len, BP_CSV_ERROR_TOO_LARGE, where, "more than 100000 people");
  /* Blank lines count as lines, not as people. */
  g_string_append (blank, "\n\n100,60,F\n");
  assert_error_len (blank->str, blank->len, BP_CSV_ERROR_TOO_LARGE, where_blank, "more than 100000 people");
}

/* A line of nothing but commas is refused at the first column past the
 * limit, whatever follows; a header of exactly that many columns is good. */
static void
test_error_too_many_columns (void)
{
  gsize length = BP_CSV_MAX_BYTES;
  g_autofree char *commas = g_malloc (length);
  g_autoptr(GString) widest = g_string_new ("gender,weight,height");
  g_autofree char *where = g_strdup_printf ("t.csv:1:%d: ", BP_CSV_MAX_COLUMNS + 1);
  g_autoptr(BpPeople) people = NULL;

  memset (commas, ',', length);
  assert_error_len (commas, length, BP_CSV_ERROR_TOO_LARGE, where, "more than 1024 columns");
  memcpy (commas, "\n\n", 2);
  assert_error_len (commas, length, BP_CSV_ERROR_TOO_LARGE, "t.csv:3:1025: ", "at most that many");

  for (guint i = 3; i < BP_CSV_MAX_COLUMNS; i++)
    g_string_append_c (widest, ',');
  g_string_append (widest, "\nF,133,65");
  for (guint i = 3; i < BP_CSV_MAX_COLUMNS; i++)
    g_string_append_c (widest, ',');
  people = parse (widest->str);
  assert_person (people, 0, "Person 1", 133, 65, BP_GENDER_FEMALE);
}

/* A data row is counted to its end, but none of its extra fields kept. */
static void
test_error_wide_row (void)
{
  gsize length = BP_CSV_MAX_BYTES;
  g_autofree char *text = g_malloc (length);
  g_autofree char *fragment = NULL;
  const char *head = HEADER "Alice,F,133,65";

  memset (text, ',', length);
  memcpy (text, head, strlen (head));
  fragment = g_strdup_printf ("this row has %" G_GSIZE_FORMAT " fields but the header has 4",
                              4 + length - strlen (head));
  assert_error_len (text, length, BP_CSV_ERROR_SYNTAX, "t.csv:2:1: ", fragment);
}

/* UTF-16 (Notepad's "Unicode") is named as such, with or without a byte
 * order mark, rather than called binary for its NUL bytes. */
static void
test_error_utf16 (void)
{
  static const char le_bom[] = "\xFF\xFEn\0a\0m\0e\0,\0g\0";
  static const char le[] = "n\0a\0m\0e\0,\0g\0e\0n\0d\0e\0r\0\r\0\n\0";
  static const char be_bom[] = "\xFE\xFF\0n\0a\0m\0e";
  static const char be[] = "\0n\0a\0m\0e\0,\0g\0e\0n\0d\0e\0r";
  static const char utf32[] = "\xFF\xFE\0\0n\0\0\0a\0\0\0";
  /* Chinese names leave no NUL bytes, but the ASCII header does. */
  static const char le_cjk[] = "n\0a\0m\0e\0,\0g\0e\0n\0d\0e\0r\0\n\0\x20\x5F\x1F\x4F,\0M\0";
  const struct { const char *text; gsize length; const char *encoding; } cases[] = {
    { le_bom, sizeof le_bom - 1, "is UTF-16 text, not UTF-8" },
    { le, sizeof le - 1, "is UTF-16 text, not UTF-8" },
    { be_bom, sizeof be_bom - 1, "is UTF-16 text, not UTF-8" },
    { be, sizeof be - 1, "is UTF-16 text, not UTF-8" },
    { le_cjk, sizeof le_cjk - 1, "is UTF-16 text, not UTF-8" },
    { utf32, sizeof utf32 - 1, "is UTF-32 text, not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BpPeople) people = bp_csv_parse (cases[i].text, cases[i].length, "t.csv", &error);

      g_assert_null (people);
      g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_ENCODING);
      assert_prefix (error->message, "t.csv:1:1: ");
      g_assert_nonnull (strstr (error->message, cases[i].encoding));
      g_assert_nonnull (strstr (error->message, "CSV UTF-8"));
      g_assert_null (strstr (error->message, "binary"));
    }
}

/* A value quoted in a message stays on one line, whatever the cell holds. */
static void
test_error_value_on_one_line (void)
{
  assert_error (HEADER "Alice,F,\"13\n3\",65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: weight_lb: ",
                "“13\\n3” is not a number");
  assert_error (HEADER "Alice,F,133,\"6\r\n5\"\n", BP_CSV_ERROR_VALUE, "t.csv:2:13: ", "“6\\r\\n5”");
  assert_error (HEADER "Alice,F,\"1\t3\u2028\",65\n", BP_CSV_ERROR_VALUE, "t.csv:2:9: ", "“1\\t3\\u2028”");
}

/* At the edges a message shows as many digits as it takes to be true,
 * and the bounds exactly. */
static void
test_error_range_edges (void)
{
  assert_error (HEADER "Alice,F,0.9999999,65\n", BP_CSV_ERROR_RANGE, "t.csv:2:9: weight_lb: ",
                "a weight of 0.9999999 lb is outside the sensible range 1–1500 lb");
  assert_error (HEADER "Alice,F,1500.0000001,65\n", BP_CSV_ERROR_RANGE, "t.csv:2:9: ",
                "a weight of 1500.0000001 lb is outside");
  assert_error (HEADER "Alice,F,133,9.99999999\n", BP_CSV_ERROR_RANGE, "t.csv:2:13: ",
                "a height of 9.99999999 in is outside the sensible range 10–120 in");
  assert_error (HEADER "Alice,F,133,120.000001\n", BP_CSV_ERROR_RANGE, "t.csv:2:13: ", "120.000001 in");
  /* Six digits are enough when they are true. */
  assert_error (HEADER "Alice,F,1500.123456789,65\n", BP_CSV_ERROR_RANGE, "t.csv:2:9: ",
                "a weight of 1500.12 lb is outside");
}

/* The kg and cm bounds are the lb and in bounds converted exactly, as the
 * README gives them: 0.45359237–680.388555 kg and 25.4–304.8 cm. */
static void
test_metric_range (void)
{
  g_autoptr(BpPeople) edges = parse ("name,gender,weight_kg,height_cm\n"
                                     "Low,F,0.45359237,25.4\nHigh,M,680.388555,304.8\n");

  assert_person (edges, 0, "Low", BP_WEIGHT_MIN_LB, BP_HEIGHT_MIN_IN, BP_GENDER_FEMALE);
  assert_person (edges, 1, "High", BP_WEIGHT_MAX_LB, BP_HEIGHT_MAX_IN, BP_GENDER_MALE);
  assert_error ("name,gender,weight_kg,height_cm\nA,F,0.45,170\n", BP_CSV_ERROR_RANGE, "t.csv:2:5: ",
                "a weight of 0.45 kg is outside the sensible range 0.45359237–680.388555 kg");
  assert_error ("name,gender,weight_kg,height_cm\nA,F,680.3885551,170\n", BP_CSV_ERROR_RANGE,
                "t.csv:2:5: ", "a weight of 680.389 kg is outside");
  assert_error ("name,gender,weight_kg,height_cm\nA,F,70,305\n", BP_CSV_ERROR_RANGE, "t.csv:2:8: ",
                "a height of 305 cm is outside the sensible range 25.4–304.8 cm");
  assert_error ("name,gender,weight_kg,height_cm\nA,F,70,25.3999999\n", BP_CSV_ERROR_RANGE,
                "t.csv:2:8: ", "a height of 25.3999999 cm");
}

/* ---- files ------------------------------------------------------------- */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("backprop-test-csv-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_load (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *where = g_strconcat (bad, ":3:7: ", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) people = NULL;
  g_autoptr(BpPeople) none = NULL;

  g_assert_true (g_file_set_contents (path, HEADER "Alice,F,133,65\nBob,M,160,72\nCharlie,M,152,70\n"
                                      "Diana,F,120,60\n", -1, NULL));
  people = bp_csv_load (path, &error);
  g_assert_no_error (error);
  assert_seed_people (people);

  /* Errors name the file. */
  g_assert_true (g_file_set_contents (bad, HEADER "Alice,F,133,65\nBob,M,1e999,72\n", -1, NULL));
  none = bp_csv_load (bad, &error);
  g_assert_null (none);
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_VALUE);
  assert_prefix (error->message, where);
  remove_dir (dir);
}

/* Not regular files: a device that never ends and a FIFO with no writer
 * must give an error at once, never hang or fill the memory. */
static void
test_load_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bp-csv-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) zero = bp_csv_load ("/dev/zero", &error);

  g_assert_null (zero);
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (bp_csv_load (fifo, &error));
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_HEADER);
  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_load_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *big = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GError) error = NULL;
  BpPeople *people;
  int fd;

  people = bp_csv_load (missing, &error);
  g_assert_null (people);
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.csv"));
  g_clear_error (&error);

  people = bp_csv_load (dir, &error);
  g_assert_null (people);
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_IO);
  g_clear_error (&error);

  /* A sparse file one byte over the limit: refused without reading it. */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, BP_CSV_MAX_BYTES + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  people = bp_csv_load (big, &error);
  g_assert_null (people);
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_TOO_LARGE);
  assert_prefix (error->message, big);
  remove_dir (dir);
}

/* ---- memory --------------------------------------------------------------- */


static gboolean
can_limit_memory (void)
{
#ifdef SANITIZED
  g_test_skip ("an address space limit does not work under a sanitizer");
  return FALSE;
#else
  if (g_file_test ("/proc/self/statm", G_FILE_TEST_EXISTS))
    return TRUE;
  g_test_skip ("no /proc/self/statm to measure the address space with");
  return FALSE;
#endif
}

/* From now on this process may map at most @headroom bytes more than it
 * has mapped: an allocation past that fails as it would on a full machine. */
static void
limit_memory (gsize headroom)
{
  g_autofree char *statm = NULL;
  struct rlimit limit;
  guint64 pages;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  pages = g_ascii_strtoull (statm, NULL, 10);
  limit.rlim_cur = limit.rlim_max = pages * sysconf (_SC_PAGESIZE) + headroom;
  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
}

/* A name filling the file, as test_error_too_large builds it. */
static char *
one_long_name (gsize length)
{
  const char *head = HEADER "\"";
  const char *tail = "\",F,133,65\n";
  char *text = g_malloc (length + 1);

  memset (text, 'a', length);
  text[length] = '\0';
  memcpy (text, head, strlen (head));
  memcpy (text + length - strlen (tail), tail, strlen (tail));
  return text;
}

/* The most people a file may hold are read in the text's size plus about
 * a hundred bytes each (what a person and its "Person N" take), not in
 * per-field objects: the memory bound the README gives. */
static void
test_memory_people (void)
{
  if (!can_limit_memory ())
    return;
  if (g_test_subprocess ())
    {
      g_autoptr(GString) text = many_people (BP_CSV_MAX_PEOPLE);
      g_autoptr(GError) error = NULL;
      g_autoptr(BpPeople) people = NULL;

      limit_memory (2 * text->len + BP_CSV_MAX_PEOPLE * 100 + 4 * 1024 * 1024);
      people = bp_csv_parse (text->str, text->len, "t.csv", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (bp_people_get_n (people), ==, BP_CSV_MAX_PEOPLE);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A file within the limit that does not fit in memory is an error to
 * show, not an abort: when reading it, and when copying a field of it. */
static void
test_memory_runs_out (void)
{
  if (!can_limit_memory ())
    return;
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
      g_autofree char *text = one_long_name (BP_CSV_MAX_BYTES);
      g_autoptr(GError) error = NULL;
      g_autoptr(BpPeople) people = NULL;
      g_autoptr(BpPeople) loaded = NULL;

      g_assert_true (g_file_set_contents (path, text, BP_CSV_MAX_BYTES, NULL));
      limit_memory (8 * 1024 * 1024);
      people = bp_csv_parse (text, BP_CSV_MAX_BYTES, "t.csv", &error);
      g_assert_null (people);
      g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_IO);
      assert_prefix (error->message, "t.csv:2:1: not enough memory to read this field");
      g_clear_error (&error);
      g_clear_pointer (&text, g_free);

      /* Freed, the text's memory is back within the limit: a file needs
       * its size once more than that. */
      limit_memory (8 * 1024 * 1024);
      loaded = bp_csv_load (path, &error);
      g_assert_null (loaded);
      g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "big.csv: not enough memory to read the file"));
      remove_dir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---- writing ----------------------------------------------------------- */

static void
test_write_seed (void)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autofree char *lb = bp_csv_write (people, BP_UNITS_LB_IN);
  g_autofree char *kg = bp_csv_write (people, BP_UNITS_KG_CM);
  g_autofree char *w = bp_text_from_double (133 * 0.45359237);
  g_autofree char *h = bp_text_from_double (65 * 2.54);
  g_autofree char *alice = g_strdup_printf ("\r\nAlice,F,%s,%s\r\n", w, h);

  g_assert_cmpstr (lb, ==,
                   "name,gender,weight_lb,height_in\r\n"
                   "Alice,F,133,65\r\n"
                   "Bob,M,160,72\r\n"
                   "Charlie,M,152,70\r\n"
                   "Diana,F,120,60\r\n");
  g_assert_true (g_str_has_prefix (kg, "name,gender,weight_kg,height_cm\r\n"));
  g_assert_nonnull (strstr (kg, alice));
}

static void
test_write_quoting (void)
{
  g_autoptr(BpPeople) people = bp_people_new ();
  g_autofree char *text = NULL;

  bp_people_add (people, bp_person_new ("Smith, Alice", 133, 65, BP_GENDER_FEMALE));
  bp_people_add (people, bp_person_new ("say \"hi\"", 160, 72, BP_GENDER_MALE));
  bp_people_add (people, bp_person_new ("two\nlines", 152, 70, BP_GENDER_MALE));
  bp_people_add (people, bp_person_new ("张伟", 120.25, 60.5, BP_GENDER_FEMALE));
  text = bp_csv_write (people, BP_UNITS_LB_IN);
  g_assert_cmpstr (text, ==,
                   "name,gender,weight_lb,height_in\r\n"
                   "\"Smith, Alice\",F,133,65\r\n"
                   "\"say \"\"hi\"\"\",M,160,72\r\n"
                   "\"two\nlines\",M,152,70\r\n"
                   "张伟,F,120.25,60.5\r\n");
}

static const char * const tricky_names[] = {
  "Alice", "Smith, Bob", "say \"hi\"", "two\nlines", "cr\r\nlf", "lone\rcr", "张伟", "Zoë",
  "\"", ",", "a\"\",\"b", "tab\there", "end\"", "Person 9",
};

static BpPeople *
random_people (guint n)
{
  BpPeople *people = bp_people_new ();

  for (guint i = 0; i < n; i++)
    bp_people_add (people, bp_person_new (tricky_names[i % G_N_ELEMENTS (tricky_names)],
                                          g_test_rand_double_range (BP_WEIGHT_MIN_LB, BP_WEIGHT_MAX_LB),
                                          g_test_rand_double_range (BP_HEIGHT_MIN_IN, BP_HEIGHT_MAX_IN),
                                          g_test_rand_bit () ? BP_GENDER_FEMALE : BP_GENDER_MALE));
  return people;
}

static void
assert_same_people (const BpPeople *a,
                    const BpPeople *b)
{
  g_assert_cmpuint (bp_people_get_n (a), ==, bp_people_get_n (b));
  for (guint i = 0; i < bp_people_get_n (a); i++)
    {
      BpPerson *p = bp_people_get (a, i), *q = bp_people_get (b, i);

      g_assert_cmpstr (p->name, ==, q->name);
      g_assert_cmpmem (&p->weight_lb, sizeof (double), &q->weight_lb, sizeof (double));
      g_assert_cmpmem (&p->height_in, sizeof (double), &q->height_in, sizeof (double));
      g_assert_cmpint (p->gender, ==, q->gender);
    }
}

/* Written in lb and in, everything reads back bit for bit. */
static void
test_round_trip (void)
{
  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(BpPeople) people = random_people (g_test_rand_int_range (1, 40));
      g_autofree char *text = bp_csv_write (people, BP_UNITS_LB_IN);
      g_autoptr(BpPeople) back = parse (text);

      assert_same_people (people, back);
      g_assert_cmpint (back->weight_units, ==, BP_UNITS_LB_IN);
      g_assert_cmpint (back->height_units, ==, BP_UNITS_LB_IN);
    }
}

/* Written in kg and cm, the file holds the converted values exactly, and
 * reading them back converts again (so within a rounding or two). */
static void
test_round_trip_metric (void)
{
  g_autoptr(BpPeople) people = random_people (30);
  g_autofree char *text = bp_csv_write (people, BP_UNITS_KG_CM);
  g_autoptr(BpPeople) back = parse (text);
  BpPerson *first = bp_people_get (people, 0);
  /* In the units shown: kg typed as such come back as typed. */
  g_autofree char *w = bp_text_from_double (bp_weight_shown (first->weight_lb, BP_UNITS_KG_CM));
  g_autofree char *h = bp_text_from_double (bp_height_shown (first->height_in, BP_UNITS_KG_CM));
  g_autofree char *row = g_strdup_printf (",%s,%s,%s\r\n", bp_gender_to_string (first->gender), w, h);

  g_assert_true (g_str_has_prefix (text, "name,gender,weight_kg,height_cm\r\n"));
  g_assert_nonnull (strstr (text, row));
  g_assert_cmpint (back->weight_units, ==, BP_UNITS_KG_CM);
  g_assert_cmpint (back->height_units, ==, BP_UNITS_KG_CM);
  g_assert_cmpuint (bp_people_get_n (back), ==, 30);
  for (guint i = 0; i < 30; i++)
    {
      BpPerson *p = bp_people_get (people, i), *q = bp_people_get (back, i);

      g_assert_cmpstr (p->name, ==, q->name);
      g_assert_cmpfloat_with_epsilon (q->weight_lb, p->weight_lb, p->weight_lb * 1e-15);
      g_assert_cmpfloat_with_epsilon (q->height_in, p->height_in, p->height_in * 1e-15);
    }
}

static void
test_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "dir.csv", NULL);
  g_autoptr(BpPeople) first = random_people (5);
  g_autoptr(BpPeople) second = bp_people_new_seed ();
  g_autoptr(BpPeople) back = NULL;
  g_autoptr(BpPeople) back2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = bp_csv_write (second, BP_UNITS_LB_IN);

  g_assert_true (bp_csv_save (first, BP_UNITS_LB_IN, path, &error));
  g_assert_no_error (error);
  back = bp_csv_load (path, &error);
  g_assert_no_error (error);
  assert_same_people (first, back);

  /* Saving over a file replaces it whole and leaves no temporary behind. */
  g_assert_true (bp_csv_save (second, BP_UNITS_LB_IN, path, &error));
  back2 = bp_csv_load (path, &error);
  g_assert_no_error (error);
  assert_same_people (second, back2);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_false (bp_csv_save (second, BP_UNITS_LB_IN, nowhere, &error));
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_IO);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

static void
test_check_ranges (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_check_weight_lb (1, BP_UNITS_LB_IN, NULL));
  g_assert_true (bp_check_weight_lb (1500, BP_UNITS_LB_IN, NULL));
  g_assert_true (bp_check_height_in (10, BP_UNITS_KG_CM, NULL));
  g_assert_true (bp_check_height_in (120, BP_UNITS_KG_CM, NULL));
  g_assert_false (bp_check_weight_lb (NAN, BP_UNITS_LB_IN, NULL));
  g_assert_false (bp_check_height_in (NAN, BP_UNITS_LB_IN, NULL));
  g_assert_false (bp_check_weight_lb (0.999, BP_UNITS_KG_CM, &error));
  g_assert_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "kg"));
  g_clear_error (&error);
  g_assert_false (bp_check_height_in (120.5, BP_UNITS_LB_IN, &error));
  g_assert_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "120.5 in"));
}

/* ---- bp-parse ----------------------------------------------------------- */

static void
test_parse_double (void)
{
  const struct { const char *text; double value; } good[] = {
    { " 1.5 ", 1.5 }, { "-2", -2 }, { "1e3", 1000 }, { "+3", 3 }, { ".5", 0.5 }, { "5.", 5 },
    { "1E-3", 0.001 }, { "\t7\n", 7 }, { "0", 0 }, { "133", 133 }, { "1e308", 1e308 },
    { "0.1", 0.1 }, { "-0.000001", -0.000001 },
  };
  const struct { const char *text; int code; } bad[] = {
    { "", BP_PARSE_ERROR_EMPTY }, { "   ", BP_PARSE_ERROR_EMPTY },
    { "abc", BP_PARSE_ERROR_NOT_A_NUMBER }, { "12abc", BP_PARSE_ERROR_NOT_A_NUMBER },
    { "nan", BP_PARSE_ERROR_NOT_A_NUMBER }, { "NAN", BP_PARSE_ERROR_NOT_A_NUMBER },
    { "inf", BP_PARSE_ERROR_NOT_A_NUMBER }, { "-inf", BP_PARSE_ERROR_NOT_A_NUMBER },
    { "Infinity", BP_PARSE_ERROR_NOT_A_NUMBER }, { "1e999", BP_PARSE_ERROR_NOT_FINITE },
    { "-1e999", BP_PARSE_ERROR_NOT_FINITE }, { "0x10", BP_PARSE_ERROR_NOT_A_NUMBER },
    { "1,5", BP_PARSE_ERROR_NOT_A_NUMBER }, { "1.2.3", BP_PARSE_ERROR_NOT_A_NUMBER },
    { "--1", BP_PARSE_ERROR_NOT_A_NUMBER }, { "e5", BP_PARSE_ERROR_NOT_A_NUMBER },
    { ".", BP_PARSE_ERROR_NOT_A_NUMBER }, { "+", BP_PARSE_ERROR_NOT_A_NUMBER },
    { "1 2", BP_PARSE_ERROR_NOT_A_NUMBER }, { "1e", BP_PARSE_ERROR_NOT_A_NUMBER },
    { "١٢", BP_PARSE_ERROR_NOT_A_NUMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -999;

      g_assert_true (bp_parse_double (good[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (v, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -999;

      if (bp_parse_double (bad[i].text, &v, &error))
        g_error ("“%s” was accepted as %g", bad[i].text, v);
      g_assert_error (error, BP_PARSE_ERROR, bad[i].code);
      g_assert_cmpfloat (v, ==, -999);
    }
  g_assert_false (bp_parse_double (NULL, &(double) { 0 }, NULL));
}

/* Long input is shortened in the message rather than echoed whole. */
static void
test_parse_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = g_strnfill (500, 'x');
  double v;

  g_assert_false (bp_parse_double ("12abc", &v, &error));
  g_assert_nonnull (strstr (error->message, "12abc"));
  g_clear_error (&error);
  g_assert_false (bp_parse_double (junk, &v, &error));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 100);
}

static void
test_parse_uint64 (void)
{
  const struct { const char *text; guint64 max; guint64 value; } good[] = {
    { "0", 10, 0 }, { "42", 100, 42 }, { "100", 100, 100 }, { " 7 ", 10, 7 },
    { "4294967295", G_MAXUINT32, G_MAXUINT32 },
    { "18446744073709551615", G_MAXUINT64, G_MAXUINT64 },
  };
  const struct { const char *text; guint64 max; int code; } bad[] = {
    { "", 10, BP_PARSE_ERROR_EMPTY }, { "101", 100, BP_PARSE_ERROR_OUT_OF_RANGE },
    { "4294967296", G_MAXUINT32, BP_PARSE_ERROR_OUT_OF_RANGE },
    { "18446744073709551616", G_MAXUINT64, BP_PARSE_ERROR_OUT_OF_RANGE },
    { "-1", 10, BP_PARSE_ERROR_OUT_OF_RANGE }, { "1.5", 10, BP_PARSE_ERROR_NOT_A_NUMBER },
    { "x", 10, BP_PARSE_ERROR_NOT_A_NUMBER }, { "1e3", 10000, BP_PARSE_ERROR_NOT_A_NUMBER },
    { "0x10", 100, BP_PARSE_ERROR_NOT_A_NUMBER }, { "+5", 10, BP_PARSE_ERROR_NOT_A_NUMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      guint64 v = 12345;

      g_assert_true (bp_parse_uint64 (good[i].text, good[i].max, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (v, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint64 v = 12345;

      if (bp_parse_uint64 (bad[i].text, bad[i].max, &v, &error))
        g_error ("“%s” was accepted as %" G_GUINT64_FORMAT, bad[i].text, v);
      g_assert_error (error, BP_PARSE_ERROR, bad[i].code);
      g_assert_cmpuint (v, ==, 12345);
    }
}

static void
test_parse_double_list (void)
{
  g_autoptr(GError) error = NULL;
  double v[3] = { 0 };

  g_assert_true (bp_parse_double_list ("1, -2.5 ,3e2", 3, v, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (v[0], ==, 1);
  g_assert_cmpfloat (v[1], ==, -2.5);
  g_assert_cmpfloat (v[2], ==, 300);
  g_assert_false (bp_parse_double_list ("1,2", 3, v, &error));
  g_assert_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_NOT_A_NUMBER);
  g_assert_nonnull (strstr (error->message, "has 2 values; 3 comma-separated numbers are needed"));
  g_clear_error (&error);
  g_assert_false (bp_parse_double_list ("1,2,3,4", 3, v, &error));
  g_assert_nonnull (strstr (error->message, "has 4 values"));
  g_clear_error (&error);
  g_assert_false (bp_parse_double_list ("5", 2, v, &error));
  g_assert_nonnull (strstr (error->message, "has 1 value;"));
  g_clear_error (&error);
  g_assert_false (bp_parse_double_list ("1,,3", 3, v, &error));
  g_assert_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (bp_parse_double_list ("1,nan,3", 3, v, &error));
  g_assert_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);
  g_assert_false (bp_parse_double_list ("1,2,1e999", 3, v, &error));
  g_assert_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_NOT_FINITE);
}

static double
random_finite_double (void)
{
  for (;;)
    {
      guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
      double v;

      memcpy (&v, &bits, sizeof v);
      if (isfinite (v))
        return v;
    }
}

static void
test_format_double (void)
{
  const struct { double value; const char *text; } known[] = {
    { 0.1, "0.1" }, { 133, "133" }, { -2, "-2" }, { 0.45359237 * 133, "60.32778521" },
    { 1e300, "1e+300" }, { 0.30000000000000004, "0.30000000000000004" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *text = bp_text_from_double (known[i].value);

      g_assert_cmpstr (text, ==, known[i].text);
    }
  for (guint i = 0; i < 100000; i++)
    {
      double v = i % 2 ? random_finite_double () : g_test_rand_double_range (-2000, 2000);
      g_autofree char *text = bp_text_from_double (v);
      double back;

      g_assert_null (strchr (text, ','));
      g_assert_true (bp_parse_double (text, &back, NULL));
      g_assert_cmpmem (&back, sizeof back, &v, sizeof v);
    }
}

/* ---- bp-text ------------------------------------------------------------ */

static void
test_text_for_message (void)
{
  const struct { const char *text; const char *shown; } cases[] = {
    { "", "" }, { "133", "133" }, { "1\n2", "1\\n2" }, { "a\r\nb\tc", "a\\r\\nb\\tc" },
    { "\x1b[31m", "\\x1B[31m" }, { "\x7f", "\\x7F" }, { "\xc2\x85", "\\u0085" },
    { "a\u2028b\u2029", "a\\u2028b\\u2029" }, { "张伟 Zoë", "张伟 Zoë" }, { "bad\xff", "bad\\xFF" },
    { "\xe5\xbc", "\\xE5\\xBC" }, { "0123456789", "0123456789" }, { "01234567890", "012345678…" },
    { "张伟张伟张伟张伟张伟张", "张伟张伟张伟张伟张…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = bp_text_for_message (cases[i].text, 10);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_text_wide_encoding (void)
{
  static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06";
  static const char le[] = "A\0l\0i\0c\0e\0";
  const struct { const char *text; gsize length; const char *encoding; } cases[] = {
    { "", 0, NULL }, { HEADER, strlen (HEADER), NULL }, { "张伟,Zoë", strlen ("张伟,Zoë"), NULL },
    { "\xEF\xBB\xBF" "name", 7, NULL }, { elf, sizeof elf - 1, NULL }, { png, sizeof png - 1, NULL },
    { le, sizeof le - 1, "UTF-16" }, { le + 1, sizeof le - 2, "UTF-16" }, { "A\0", 2, NULL },
    { "\xFF\xFE", 2, "UTF-16" }, { "\xFE\xFF", 2, "UTF-16" },
    { "\xFF\xFE\0\0", 4, "UTF-32" }, { "\0\0\xFE\xFF", 4, "UTF-32" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (bp_text_wide_encoding (cases[i].text, cases[i].length), ==, cases[i].encoding);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Report every failing case, not only the first. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/csv/read/basic", test_basic);
  g_test_add_func ("/csv/read/header-any-order", test_header_any_order);
  g_test_add_func ("/csv/read/name-optional", test_name_optional);
  g_test_add_func ("/csv/read/genders", test_genders);
  g_test_add_func ("/csv/read/units", test_units);
  g_test_add_func ("/csv/read/other-columns-ignored", test_other_columns_ignored);
  g_test_add_func ("/csv/read/quoting", test_quoting);
  g_test_add_func ("/csv/read/line-endings", test_line_endings);
  g_test_add_func ("/csv/read/bom", test_bom);
  g_test_add_func ("/csv/read/blank-lines", test_blank_lines);
  g_test_add_func ("/csv/read/numbers-in-cells", test_numbers_in_cells);
  g_test_add_func ("/csv/read/no-final-newline", test_no_final_newline);
  g_test_add_func ("/csv/read/trailing-empty-field", test_trailing_empty_field);
  g_test_add_func ("/csv/read/utf8-names", test_utf8_names);
  g_test_add_func ("/csv/read/name-spaces", test_name_spaces);
  g_test_add_func ("/csv/error/empty", test_error_empty);
  g_test_add_func ("/csv/error/missing-column", test_error_missing_column);
  g_test_add_func ("/csv/error/duplicate-column", test_error_duplicate_column);
  g_test_add_func ("/csv/error/values", test_error_values);
  g_test_add_func ("/csv/error/range", test_error_range);
  g_test_add_func ("/csv/error/field-count", test_error_field_count);
  g_test_add_func ("/csv/error/quotes", test_error_quotes);
  g_test_add_func ("/csv/error/positions", test_error_positions);
  g_test_add_func ("/csv/error/encoding", test_error_encoding);
  g_test_add_func ("/csv/error/too-large", test_error_too_large);
  g_test_add_func ("/csv/error/too-many-people", test_error_too_many_people);
  g_test_add_func ("/csv/error/no-filename", test_error_no_filename);
  g_test_add_func ("/csv/load", test_load);
  g_test_add_func ("/csv/load-errors", test_load_errors);
  g_test_add_func ("/csv/load-special-files", test_load_special_files);
  g_test_add_func ("/csv/write/seed", test_write_seed);
  g_test_add_func ("/csv/write/quoting", test_write_quoting);
  g_test_add_func ("/csv/write/round-trip", test_round_trip);
  g_test_add_func ("/csv/write/round-trip-metric", test_round_trip_metric);
  g_test_add_func ("/csv/write/save", test_save);
  g_test_add_func ("/csv/check-ranges", test_check_ranges);
  g_test_add_func ("/parse/double", test_parse_double);
  g_test_add_func ("/parse/message", test_parse_message);
  g_test_add_func ("/parse/uint64", test_parse_uint64);
  g_test_add_func ("/parse/double-list", test_parse_double_list);
  g_test_add_func ("/parse/format-double", test_format_double);
  g_test_add_func ("/csv/error/too-many-people-line", test_error_too_many_people_line);
  g_test_add_func ("/csv/error/too-many-columns", test_error_too_many_columns);
  g_test_add_func ("/csv/error/wide-row", test_error_wide_row);
  g_test_add_func ("/csv/error/utf16", test_error_utf16);
  g_test_add_func ("/csv/error/value-on-one-line", test_error_value_on_one_line);
  g_test_add_func ("/csv/error/range-edges", test_error_range_edges);
  g_test_add_func ("/csv/metric-range", test_metric_range);
  g_test_add_func ("/csv/memory/people", test_memory_people);
  g_test_add_func ("/csv/memory/runs-out", test_memory_runs_out);
  g_test_add_func ("/text/for-message", test_text_for_message);
  g_test_add_func ("/text/wide-encoding", test_text_wide_encoding);

  return g_test_run ();
}
