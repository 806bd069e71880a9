/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-parse.h: strict, locale-independent number parsing for every input
 * (fields, CSV cells, session keys, CLI flags) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_PARSE_ERROR (bp_parse_error_quark ())

typedef enum
{
  BP_PARSE_ERROR_EMPTY,
  BP_PARSE_ERROR_NOT_A_NUMBER,
  BP_PARSE_ERROR_NOT_FINITE,
  BP_PARSE_ERROR_OUT_OF_RANGE,
} BpParseError;

GQuark   bp_parse_error_quark (void);
gboolean bp_parse_double      (const char  *text,
                               double      *value,
                               GError     **error);
gboolean bp_parse_uint64      (const char  *text,
                               guint64      max,
                               guint64     *value,
                               GError     **error);
gboolean bp_parse_double_list (const char  *text,
                               guint        count,
                               double      *values,
                               GError     **error);

G_END_DECLS
