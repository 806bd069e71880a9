/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-csv.h: people as RFC 4180 CSV in UTF-8, one reader and one writer
 * for the CLI and the app */
#pragma once

#include <glib.h>

#include "bp-people.h"

G_BEGIN_DECLS

#define BP_CSV_ERROR (bp_csv_error_quark ())

typedef enum
{
  BP_CSV_ERROR_IO,        /* the file cannot be read or written */
  BP_CSV_ERROR_TOO_LARGE, /* over BP_CSV_MAX_BYTES or BP_CSV_MAX_PEOPLE */
  BP_CSV_ERROR_ENCODING,  /* not UTF-8, or binary */
  BP_CSV_ERROR_SYNTAX,    /* quotes, field counts */
  BP_CSV_ERROR_HEADER,    /* empty file, missing or duplicate column */
  BP_CSV_ERROR_VALUE,     /* a cell that is not a number or gender */
  BP_CSV_ERROR_RANGE,     /* a weight or height outside the sane range */
  BP_CSV_ERROR_EMPTY,     /* a header and no people */
} BpCsvError;

#define BP_CSV_MAX_BYTES (16 * 1024 * 1024)
#define BP_CSV_MAX_PEOPLE 100000
/* Far more than a people file needs (Backprop reads four columns), and
 * what refuses a line of thousands of empty fields early. */
#define BP_CSV_MAX_COLUMNS 1024

GQuark    bp_csv_error_quark (void);
BpPeople *bp_csv_parse       (const char      *text,
                              gsize            length,
                              const char      *filename,
                              GError         **error);
BpPeople *bp_csv_load        (const char      *path,
                              GError         **error);
char     *bp_csv_write       (const BpPeople  *people,
                              BpUnits          units);
gboolean  bp_csv_save        (const BpPeople  *people,
                              BpUnits          units,
                              const char      *path,
                              GError         **error);

G_END_DECLS
