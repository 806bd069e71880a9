/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-parse.c: strict number parsing
 *
 * g_ascii_strtod alone accepts leading junk-free prefixes ("12abc" → 12),
 * "nan", "inf" and hexadecimal; a teacher's typo must not become a number,
 * so the whole text (less surrounding blanks) has to be one finite decimal.
 */
#include "config.h"

#include "bp-parse.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "bp-text.h"

/* Longer text is cut in messages: they quote a value, not a file. */
#define SHOWN_CHARS 40

G_DEFINE_QUARK (bp-parse-error-quark, bp_parse_error)

/* Only digits, one sign, a dot and an exponent: no hex, no words. */
static gboolean
is_decimal_syntax (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s) && strchr ("+-.eE", *s) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
fail (GError    **error,
      BpParseError code,
      const char *text,
      const char *reason)
{
  g_autofree char *shown = bp_text_for_message (text, SHOWN_CHARS);

  /* Translators: a value as typed, then why it is refused, such as
   * “abc” is not a number. */
  g_set_error (error, BP_PARSE_ERROR, code, _("“%s” %s"), shown, reason);
  return FALSE;
}

gboolean
bp_parse_double (const char *text,
                 double     *value,
                 GError    **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double v;

  if (*s == '\0')
    return fail (error, BP_PARSE_ERROR_EMPTY, s, _("is empty; a number is needed"));
  if (!is_decimal_syntax (s))
    return fail (error, BP_PARSE_ERROR_NOT_A_NUMBER, s, _("is not a number"));
  errno = 0;
  v = g_ascii_strtod (s, &end);
  if (end == s || *end != '\0')
    return fail (error, BP_PARSE_ERROR_NOT_A_NUMBER, s, _("is not a number"));
  if (!isfinite (v))
    return fail (error, BP_PARSE_ERROR_NOT_FINITE, s, _("is too large to be a finite number"));
  *value = v;
  return TRUE;
}

gboolean
bp_parse_uint64 (const char *text,
                 guint64     max,
                 guint64    *value,
                 GError    **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) local = NULL;
  guint64 v;

  if (*s == '\0')
    return fail (error, BP_PARSE_ERROR_EMPTY, s, _("is empty; a whole number is needed"));
  if (*s == '-')
    return fail (error, BP_PARSE_ERROR_OUT_OF_RANGE, s, _("is negative; a whole number ≥ 0 is needed"));
  if (!g_ascii_string_to_unsigned (s, 10, 0, max, &v, &local))
    {
      if (g_error_matches (local, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        {
          g_autofree char *why = g_strdup_printf (_("is too large (at most %" PRIu64 ")"), max);
          return fail (error, BP_PARSE_ERROR_OUT_OF_RANGE, s, why);
        }
      return fail (error, BP_PARSE_ERROR_NOT_A_NUMBER, s, _("is not a whole number"));
    }
  *value = v;
  return TRUE;
}

/* "a,b,c": exactly @count comma-separated numbers. */
gboolean
bp_parse_double_list (const char *text,
                      guint       count,
                      double     *values,
                      GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  guint n = g_strv_length (parts);

  if (n != count)
    {
      g_autofree char *shown = bp_text_for_message (text != NULL ? text : "", SHOWN_CHARS);

      g_set_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_NOT_A_NUMBER,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has %u value; %u comma-separated numbers are needed",
                                "“%s” has %u values; %u comma-separated numbers are needed", n),
                   shown, n, count);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!bp_parse_double (parts[i], &values[i], error))
      return FALSE;
  return TRUE;
}
