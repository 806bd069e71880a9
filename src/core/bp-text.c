/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-text.c: text from files the user chose
 *
 * Messages quote values from such files on one line, and not at length.
 */
#include "bp-text.h"

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
