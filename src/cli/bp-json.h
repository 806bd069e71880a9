/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-json.h: a small streaming JSON writer for backprop-cli's output */
#pragma once

#include <glib.h>

#include "bp-network.h"

G_BEGIN_DECLS

typedef struct
{
  GString *out;
  gboolean need_comma;
} BpJson;

void bp_json_init         (BpJson     *json);
char *bp_json_finish      (BpJson     *json);
void bp_json_begin_object (BpJson     *json,
                           const char *key);
void bp_json_end_object   (BpJson     *json);
void bp_json_begin_array  (BpJson     *json,
                           const char *key);
void bp_json_end_array    (BpJson     *json);
void bp_json_number       (BpJson     *json,
                           const char *key,
                           double      value);
void bp_json_uint         (BpJson     *json,
                           const char *key,
                           guint64     value);
void bp_json_string       (BpJson     *json,
                           const char *key,
                           const char *value);
void bp_json_boolean      (BpJson     *json,
                           const char *key,
                           gboolean    value);
void bp_json_null         (BpJson     *json,
                           const char *key);
void bp_json_params       (BpJson     *json,
                           const char *key,
                           const BpParams *params);
void bp_json_escape       (GString    *out,
                           const char *text);

G_END_DECLS
