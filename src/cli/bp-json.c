/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-json.c: JSON output
 *
 * Numbers are written with %.17g, which reads back as the same double;
 * JSON has no infinity or NaN, so a non-finite number (a diverged run)
 * is written as null.
 */
#include "bp-json.h"

#include <math.h>

void
bp_json_init (BpJson *json)
{
  json->out = g_string_new (NULL);
  json->need_comma = FALSE;
}

char *
bp_json_finish (BpJson *json)
{
  g_string_append_c (json->out, '\n');
  return g_string_free (g_steal_pointer (&json->out), FALSE);
}

void
bp_json_escape (GString    *out,
                const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

/* The separator and key that come before every value. */
static void
begin_value (BpJson     *json,
             const char *key)
{
  if (json->need_comma)
    g_string_append_c (json->out, ',');
  if (key != NULL)
    {
      bp_json_escape (json->out, key);
      g_string_append_c (json->out, ':');
    }
  json->need_comma = TRUE;
}

void
bp_json_begin_object (BpJson     *json,
                      const char *key)
{
  begin_value (json, key);
  g_string_append_c (json->out, '{');
  json->need_comma = FALSE;
}

void
bp_json_end_object (BpJson *json)
{
  g_string_append_c (json->out, '}');
  json->need_comma = TRUE;
}

void
bp_json_begin_array (BpJson     *json,
                     const char *key)
{
  begin_value (json, key);
  g_string_append_c (json->out, '[');
  json->need_comma = FALSE;
}

void
bp_json_end_array (BpJson *json)
{
  g_string_append_c (json->out, ']');
  json->need_comma = TRUE;
}

void
bp_json_number (BpJson     *json,
                const char *key,
                double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  begin_value (json, key);
  if (!isfinite (value))
    g_string_append (json->out, "null");
  else
    g_string_append (json->out, g_ascii_formatd (buf, sizeof buf, "%.17g", value));
}

void
bp_json_uint (BpJson     *json,
              const char *key,
              guint64     value)
{
  begin_value (json, key);
  g_string_append_printf (json->out, "%" G_GUINT64_FORMAT, value);
}

void
bp_json_string (BpJson     *json,
                const char *key,
                const char *value)
{
  begin_value (json, key);
  bp_json_escape (json->out, value);
}

void
bp_json_boolean (BpJson     *json,
                 const char *key,
                 gboolean    value)
{
  begin_value (json, key);
  g_string_append (json->out, value ? "true" : "false");
}

void
bp_json_null (BpJson     *json,
              const char *key)
{
  begin_value (json, key);
  g_string_append (json->out, "null");
}

void
bp_json_params (BpJson         *json,
                const char     *key,
                const BpParams *params)
{
  bp_json_begin_object (json, key);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    bp_json_number (json, bp_param_name (i), bp_params_get (params, i));
  bp_json_end_object (json);
}
