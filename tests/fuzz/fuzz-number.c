/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-number.c: libFuzzer target for the strict number parsers that read
 * every field, CSV cell and CLI flag
 *
 * A parse either fails with a GError in BP_PARSE_ERROR or gives a finite
 * number that formats and parses back to itself.
 */
#include <math.h>
#include <string.h>

#include "bp-parse.h"
#include "bp-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_double (const char *text)
{
  g_autoptr(GError) error = NULL;
  double v = 0, again = 0;

  if (!bp_parse_double (text, &v, &error))
    {
      g_assert_true (error != NULL && error->domain == BP_PARSE_ERROR);
      return;
    }
  g_assert_true (isfinite (v));
  {
    g_autofree char *shown = bp_text_from_double (v);

    g_assert_true (bp_parse_double (shown, &again, NULL));
    g_assert_cmpfloat (again, ==, v);
  }
}

static void
check_uint (const char *text)
{
  g_autoptr(GError) error = NULL;
  guint64 v = 0;

  if (bp_parse_uint64 (text, G_MAXUINT32, &v, &error))
    g_assert_cmpuint (v, <=, G_MAXUINT32);
  else
    g_assert_true (error != NULL && error->domain == BP_PARSE_ERROR);
}

static void
check_list (const char *text)
{
  g_autoptr(GError) error = NULL;
  double values[9];

  if (bp_parse_double_list (text, 9, values, &error))
    for (guint i = 0; i < 9; i++)
      g_assert_true (isfinite (values[i]));
  else
    g_assert_true (error != NULL && error->domain == BP_PARSE_ERROR);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Parsers take NUL-terminated text, as from a GtkEntry or argv. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  check_double (text);
  check_uint (text);
  check_list (text);
  return 0;
}
