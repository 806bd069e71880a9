/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-text.c: text from files the user chose
 *
 * Messages quote values from such files on one line, and not at length.
 *
 * A file in UTF-16 has NUL bytes all through its ASCII, which would have
 * it called binary; it is named for what it is instead.
 */
#include "bp-text.h"

#include <string.h>

static void
append_escaped (GString  *out,
                gunichar  c)
{
  if (c == '\n')
    g_string_append (out, "\\n");
  else if (c == '\r')
    g_string_append (out, "\\r");
  else if (c == '\t')
    g_string_append (out, "\\t");
  else if (c < 0x80)
    g_string_append_printf (out, "\\x%02X", c);
  else
    g_string_append_printf (out, "\\u%04X", c);
}

/* Control characters and the Unicode line and paragraph separators
 * would break a message into lines, or hide in it. */
static gboolean
needs_escape (gunichar c)
{
  return g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029;
}

/* The character after @p, counting a byte that is not UTF-8 as one. */
static const char *
next_char (const char *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);

  return c == (gunichar) -1 || c == (gunichar) -2 ? p + 1 : g_utf8_next_char (p);
}

/* @text as a message quotes it: on one line, with line breaks, tabs and
 * other control characters written as escapes (\n, \t, \x1B), bytes that
 * are not UTF-8 as \xNN, and when longer than @max_chars characters, cut
 * to fewer and ended with "…". */
char *
bp_text_for_message (const char *text,
                     guint       max_chars)
{
  GString *out;
  const char *p = text;
  guint n, keep;

  g_return_val_if_fail (max_chars >= 2, NULL);

  for (n = 0; *p != '\0' && n <= max_chars; n++)
    p = next_char (p);
  keep = n > max_chars ? max_chars - 1 : n;
  out = g_string_new (NULL);
  p = text;
  for (guint i = 0; i < keep; i++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next = next_char (p);

      if (next == p + 1 && (guchar) *p >= 0x80)
        g_string_append_printf (out, "\\x%02X", (guint) (guchar) *p);
      else if (needs_escape (c))
        append_escaped (out, c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  if (keep < n)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* The name of the UTF-16 or UTF-32 encoding @data is in, going by its
 * byte order mark or, without one, by the zero bytes that ASCII
 * characters leave in every other byte of UTF-16; NULL for anything else.
 * Never names UTF-8 text: the marks start with 0xFF, 0xFE or 0x00, and
 * the pattern needs NUL bytes, none of which UTF-8 text has. */
const char *
bp_text_wide_encoding (const char *data,
                       gsize       length)
{
  const guchar *p = (const guchar *) data;
  gsize pairs = MIN (length, 1024) / 2;
  gsize zero_even = 0, zero_odd = 0;

  if (length >= 4 && (memcmp (p, "\xFF\xFE\0\0", 4) == 0 || memcmp (p, "\0\0\xFE\xFF", 4) == 0))
    return "UTF-32";
  if (length >= 2 && (memcmp (p, "\xFF\xFE", 2) == 0 || memcmp (p, "\xFE\xFF", 2) == 0))
    return "UTF-16";
  for (gsize i = 0; i < pairs; i++)
    {
      zero_even += p[2 * i] == 0;
      zero_odd += p[2 * i + 1] == 0;
    }
  /* "a\0b\0" (little-endian) or "\0a\0b" (big-endian) in at least half
   * of the pairs, and zeros on the other side rare (a binary file has
   * them on both). */
  if (pairs >= 2 && MAX (zero_even, zero_odd) * 2 >= pairs &&
      MIN (zero_even, zero_odd) * 8 <= MAX (zero_even, zero_odd))
    return "UTF-16";
  return NULL;
}

/* The shortest decimal that reads back as the same double, with a dot
 * whatever the locale: what files store, and what messages quote of
 * them.  Not the window's bp_format_*, which speak the locale. */
char *
bp_text_from_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}
