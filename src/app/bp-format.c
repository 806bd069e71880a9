/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-format.c: number formats of the window */
#include "bp-format.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bp-parse.h"
#include "bp-text.h"

/* The locale's decimal separator: numbers on screen follow the locale,
 * files and backprop-cli always use the dot. */
const char *
bp_format_decimal_point (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && point[0] != '\0' ? point : ".";
}

/* @text with every @from turned into @to. */
char *
bp_format_replace_point (const char *text,
                         const char *from,
                         const char *to)
{
  g_autoptr(GString) out = g_string_new (text);

  if (!g_str_equal (from, to))
    g_string_replace (out, from, to, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A number typed by the user: the core's strict parser, which reads the
 * dot, given the locale's separator as a dot.  Both work, so "0.5" typed
 * from habit or copied from a file is as good as "0,5". */
gboolean
bp_format_parse_double (const char  *text,
                        double      *value,
                        GError     **error)
{
  g_autofree char *plain = bp_format_replace_point (text, bp_format_decimal_point (), ".");

  return bp_parse_double (plain, value, error);
}

/* The shortest text that bp_format_parse_double() reads back as @value
 * exactly, with the locale's separator: for entries. */
char *
bp_format_editable (double value)
{
  g_autofree char *text = bp_text_from_double (value);

  return bp_format_replace_point (text, ".", bp_format_decimal_point ());
}

/* The units' symbols as the locale writes them (“lb” or “磅”); the
 * core's own are for files and backprop-cli. */
const char *
bp_format_weight_unit (BpUnits units)
{
  return units == BP_UNITS_KG_CM ? C_("unit", "kg") : C_("unit", "lb");
}

const char *
bp_format_height_unit (BpUnits units)
{
  return units == BP_UNITS_KG_CM ? C_("unit", "cm") : C_("unit", "in");
}

/* "%.2f" without the zeros a person would not type: 133, 60.33, 2.5. */
static char *
trimmed (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  end = buf + strlen (buf);
  while (end > buf && end[-1] == '0')
    *--end = '\0';
  if (end > buf && end[-1] == '.')
    *--end = '\0';
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return bp_format_replace_point (buf, ".", bp_format_decimal_point ());
}

/* A weight or height as an entry shows it and bp_format_parse_double()
 * reads it: exactly, when the shortest decimal that reads back has at
 * most MEASURE_DECIMALS decimals, as typed or read from a file (90.125 kg);
 * otherwise, as after a conversion from the other units (133 lb is
 * 60.32778521 kg), to two decimals. */
#define MEASURE_DECIMALS 4

char *
bp_format_measure (double value)
{
  g_autofree char *exact = bp_text_from_double (value);
  const char *point = strchr (exact, '.');

  if (value == 0)
    return g_strdup ("0");
  if (strpbrk (exact, "eE") == NULL && (point == NULL || strlen (point + 1) <= MEASURE_DECIMALS))
    return bp_format_replace_point (exact, ".", bp_format_decimal_point ());
  return trimmed (value);
}

/* A network input, with a real minus sign: “−2”, “0.56”. */
char *
bp_format_input (double value)
{
  g_autofree char *text = trimmed (value);

  if (text[0] == '-')
    return g_strconcat ("−", text + 1, NULL);
  return g_steal_pointer (&text);
}

/* “Female 95.1 %” or “Male 97.2 %”: the verdict and how sure the network
 * is of it.  An output of 0.5 or more means female, as in backprop-cli;
 * a diverged network's NaN is no answer at all. */
char *
bp_format_verdict (double output)
{
  if (!isfinite (output))
    return g_strdup (_("No answer"));
  if (output >= 0.5)
    return g_strdup_printf (_("Female %.1f %%"), 100 * output);
  return g_strdup_printf (_("Male %.1f %%"), 100 * (1 - output));
}

/* Replaces "e-05" by "×10⁻⁵", and a leading "-" by a real minus sign. */
static char *
prettify (const char *text)
{
  static const char * const superscripts[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  g_autoptr(GString) out = g_string_new (NULL);
  const char *e = strchr (text, 'e');
  const char *p;

  g_string_append_len (out, text, e != NULL ? e - text : (gssize) strlen (text));
  if (out->str[0] == '-')
    g_string_replace (out, "-", "−", 1);
  if (!g_str_equal (bp_format_decimal_point (), "."))
    g_string_replace (out, ".", bp_format_decimal_point (), 1);
  if (e == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);
  g_string_append (out, "×10");
  p = e + 1;
  if (*p == '-')
    g_string_append (out, "⁻");
  if (*p == '-' || *p == '+')
    p++;
  while (*p == '0' && p[1] != '\0')
    p++;
  for (; *p >= '0' && *p <= '9'; p++)
    g_string_append (out, superscripts[*p - '0']);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @value to @digits significant digits as the seeds print their worked
 * example: “0.0474”, “−0.952”; very small or large numbers as
 * “1.25×10⁻⁵”, which a class reads more easily than 1.25e-05. */
char *
bp_format_significant (double value,
                       int    digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");
  if (value == 0)
    return g_strdup ("0");
  g_snprintf (format, sizeof format, "%%.%dg", CLAMP (digits, 1, 17));
  g_ascii_formatd (buf, sizeof buf, format, value);
  return prettify (buf);
}

/* The shortest decimal that reads back as the same double, as
 * backprop-cli --json and session files write it, for a class:
 * “−0.95260965183200064”, “1.0985311578673967×10⁻¹¹”. */
char *
bp_format_exact (double value)
{
  g_autofree char *text = NULL;

  if (!isfinite (value))
    return bp_format_significant (value, 3);
  text = bp_text_from_double (value);
  return prettify (text);
}

/* A count of people, its digits grouped by threes with a narrow no-break
 * space, which reads the same in every language: “10 000”, “4”. */
char *
bp_format_count (guint count)
{
  g_autofree char *digits = g_strdup_printf ("%u", count);
  GString *text = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (text, "\u202f");
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}
