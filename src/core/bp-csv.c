/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-csv.c: reading and writing people as CSV
 *
 * Reading happens in two passes.  The whole text is checked to be UTF-8
 * without NUL bytes, so that binary junk, UTF-16 and legacy encodings are
 * refused with a position before any parsing.  Then an RFC 4180 tokenizer
 * that tracks line and column reads it once, record by record: the header
 * picks the columns, and each row becomes a person as soon as it is read.
 *
 * A field is only a span of the text until a person needs it, and a row
 * keeps no more fields than the header has, so reading needs the text,
 * the people and one row's cells, whatever the file holds: a line of
 * sixteen million commas costs no more than a line of four.  Nothing is
 * returned unless every row is good.
 */
#include "config.h"

#include "bp-csv.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "bp-parse.h"
#include "bp-file.h"
#include "bp-text.h"

G_DEFINE_QUARK (bp-csv-error-quark, bp_csv_error)

/* A field as it stands in the text: between the quotes when quoted, with
 * any quote in it still doubled. */
typedef struct
{
  const char *start;
  const char *end;
  guint       line;    /* where the field begins, at its opening quote */
  guint       col;
  gboolean    quoted;
} Cell;

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  guint       col;
  const char *filename;
} Reader;

enum { ROLE_NAME, ROLE_GENDER, ROLE_WEIGHT, ROLE_HEIGHT, N_ROLES };

/* Long enough for every name in known_columns. */
#define COLUMN_NAME_SIZE 16

typedef struct
{
  int     index[N_ROLES];     /* field index of each role, or -1 */
  char    name[N_ROLES][COLUMN_NAME_SIZE]; /* as the header spells it */
  guint   n_columns;
  BpUnits weight_units;
  BpUnits height_units;
} Columns;

/* "FILE:LINE:COLUMN: reason", the form compilers use, which editors and
 * terminals turn into links. */
static gboolean G_GNUC_PRINTF (6, 7)
set_error (GError    **error,
           BpCsvError  code,
           const char *filename,
           guint       line,
           guint       col,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BP_CSV_ERROR, code, "%s:%u:%u: %s",
               filename != NULL ? filename : "<input>", line, col, message);
  return FALSE;
}

/* Line and column (1-based, in characters) of @pos within @text. */
static void
locate (const char *text,
        const char *pos,
        guint      *line,
        guint      *col)
{
  *line = 1;
  *col = 1;
  for (const char *p = text; p < pos; p++)
    {
      if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        {
          (*line)++;
          *col = 1;
        }
      else if ((*p & 0xC0) != 0x80 && *p != '\r')
        (*col)++;
    }
}

static gboolean
check_encoding (const char *text,
                gsize       length,
                const char *filename,
                GError    **error)
{
  const char *wide = bp_text_wide_encoding (text, length);
  const char *bad = memchr (text, '\0', length);
  const char *invalid = NULL;
  guint line, col;

  /* Notepad's "Unicode" and Excel's "Unicode Text" are UTF-16: not
   * binary, only in the wrong encoding. */
  if (wide != NULL)
    return set_error (error, BP_CSV_ERROR_ENCODING, filename, 1, 1,
                      _("is %s text, not UTF-8; save the file as “CSV UTF-8” "
                      "(in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8))"), wide);
  if (bad != NULL)
    {
      locate (text, bad, &line, &col);
      return set_error (error, BP_CSV_ERROR_ENCODING, filename, line, col,
                        _("contains a NUL byte: this is a binary file, not a CSV text file"));
    }
  if (g_utf8_validate_len (text, length, &invalid))
    return TRUE;
  locate (text, invalid, &line, &col);
  return set_error (error, BP_CSV_ERROR_ENCODING, filename, line, col,
                    _("is not UTF-8 text (byte 0x%02X); save the file as “CSV UTF-8” "
                    "(in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8))"),
                    (guint) (guchar) *invalid);
}

/* ---- the tokenizer ------------------------------------------------------------ */

static void
reader_advance (Reader *r)
{
  if (*r->p == '\n' || (*r->p == '\r' && (r->p + 1 == r->end || r->p[1] != '\n')))
    {
      r->line++;
      r->col = 1;
    }
  else if ((*r->p & 0xC0) != 0x80 && *r->p != '\r')
    r->col++;
  r->p++;
}

static gboolean
at_line_end (const Reader *r)
{
  return r->p == r->end || *r->p == '\n' || *r->p == '\r';
}

static void
skip_line_end (Reader *r)
{
  if (r->p < r->end && *r->p == '\r')
    reader_advance (r);
  if (r->p < r->end && *r->p == '\n')
    reader_advance (r);
}

static gboolean
read_quoted (Reader  *r,
             Cell    *cell,
             GError **error)
{
  reader_advance (r);
  cell->start = r->p;
  for (;;)
    {
      if (r->p == r->end)
        return set_error (error, BP_CSV_ERROR_SYNTAX, r->filename, cell->line, cell->col,
                          _("the quote opened here is never closed"));
      if (*r->p == '"' && (r->p + 1 == r->end || r->p[1] != '"'))
        break;
      if (*r->p == '"')
        reader_advance (r);
      reader_advance (r);
    }
  cell->end = r->p;
  reader_advance (r);
  if (!at_line_end (r) && *r->p != ',')
    return set_error (error, BP_CSV_ERROR_SYNTAX, r->filename, r->line, r->col,
                      _("text after a closing quote; a quoted field must end at a comma or the end of the line"));
  return TRUE;
}

static gboolean
read_plain (Reader  *r,
            Cell    *cell,
            GError **error)
{
  cell->start = r->p;
  while (!at_line_end (r) && *r->p != ',')
    {
      if (*r->p == '"')
        return set_error (error, BP_CSV_ERROR_SYNTAX, r->filename, r->line, r->col,
                          _("a quote inside an unquoted field; put the whole field in quotes and double the quote"));
      reader_advance (r);
    }
  cell->end = r->p;
  return TRUE;
}

/* One field, and the comma or line end after it: *@more says whether the
 * record goes on.  A comma always has a field after it, even an empty one
 * at the very end of the text. */
static gboolean
read_field (Reader   *r,
            Cell     *cell,
            gboolean *more,
            GError  **error)
{
  cell->line = r->line;
  cell->col = r->col;
  cell->quoted = r->p < r->end && *r->p == '"';
  if (!(cell->quoted ? read_quoted (r, cell, error) : read_plain (r, cell, error)))
    return FALSE;
  *more = r->p < r->end && *r->p == ',';
  if (*more)
    reader_advance (r);
  else
    skip_line_end (r);
  return TRUE;
}

/* The field's value, its doubled quotes made single; NULL and an error
 * when there is no memory for it (a field can be as long as the file). */
static char *
cell_dup (const Reader *r,
          const Cell   *cell,
          GError      **error)
{
  gsize length = cell->end - cell->start;
  char *text = g_try_malloc (length + 1);
  char *q = text;

  if (text == NULL)
    {
      set_error (error, BP_CSV_ERROR_IO, r->filename, cell->line, cell->col,
                 _("not enough memory to read this field (%zu bytes)"), length);
      return NULL;
    }
  for (const char *p = cell->start; p < cell->end; p++)
    {
      *q++ = *p;
      if (cell->quoted && *p == '"')
        p++;
    }
  *q = '\0';
  return text;
}

/* A record of one empty field: a blank line, or a line holding "". */
static gboolean
is_blank_record (const Cell *first,
                 guint       n_fields)
{
  return n_fields == 1 && first->start == first->end;
}

/* ---- the header ----------------------------------------------------------------- */

static const struct
{
  const char *name;
  int         role;
  BpUnits     units;
} known_columns[] = {
  { "name", ROLE_NAME, BP_UNITS_LB_IN },
  { "gender", ROLE_GENDER, BP_UNITS_LB_IN },
  { "sex", ROLE_GENDER, BP_UNITS_LB_IN },
  { "weight_lb", ROLE_WEIGHT, BP_UNITS_LB_IN },
  { "weight", ROLE_WEIGHT, BP_UNITS_LB_IN },
  { "weight_kg", ROLE_WEIGHT, BP_UNITS_KG_CM },
  { "height_in", ROLE_HEIGHT, BP_UNITS_LB_IN },
  { "height", ROLE_HEIGHT, BP_UNITS_LB_IN },
  { "height_cm", ROLE_HEIGHT, BP_UNITS_KG_CM },
};

static const char * const role_wanted[N_ROLES] = {
  NULL,
  /* Translators: the column names themselves stay as they are. */
  N_("gender (or sex)"),
  N_("weight_lb, weight_kg or weight"),
  N_("height_in, height_cm or height"),
};

static gboolean
assign_column (const Reader *r,
               Columns      *cols,
               const Cell   *cell,
               guint         i,
               GError      **error)
{
  g_autofree char *text = cell_dup (r, cell, error);
  const char *key;

  if (text == NULL)
    return FALSE;
  key = g_strstrip (text);
  for (guint k = 0; k < G_N_ELEMENTS (known_columns); k++)
    {
      int role = known_columns[k].role;

      if (g_ascii_strcasecmp (key, known_columns[k].name) != 0)
        continue;
      if (cols->index[role] >= 0)
        return set_error (error, BP_CSV_ERROR_HEADER, r->filename, cell->line, cell->col,
                          _("column “%s” repeats what column %d already gives; keep one of them"),
                          key, cols->index[role] + 1);
      cols->index[role] = (int) i;
      g_strlcpy (cols->name[role], key, COLUMN_NAME_SIZE);
      if (role == ROLE_WEIGHT)
        cols->weight_units = known_columns[k].units;
      if (role == ROLE_HEIGHT)
        cols->height_units = known_columns[k].units;
    }
  return TRUE;
}

/* A record that may be the header, every field of it kept.  No valid
 * header needs more than BP_CSV_MAX_COLUMNS columns, so reading stops at
 * the next one: a line of nothing but commas is refused there, not read
 * to its end. */
static gboolean
read_header_record (Reader  *r,
                    GArray  *cells,
                    GError **error)
{
  gboolean more = TRUE;

  g_array_set_size (cells, 0);
  while (more)
    {
      Cell cell;

      if (cells->len == BP_CSV_MAX_COLUMNS)
        return set_error (error, BP_CSV_ERROR_TOO_LARGE, r->filename, r->line, r->col,
                          _("the header has more than %d columns; a people file may have at most that many"),
                          BP_CSV_MAX_COLUMNS);
      if (!read_field (r, &cell, &more, error))
        return FALSE;
      g_array_append_val (cells, cell);
    }
  return TRUE;
}

static gboolean
read_header (Reader   *r,
             Columns  *cols,
             GError  **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));

  do
    {
      if (r->p == r->end)
        return set_error (error, BP_CSV_ERROR_HEADER, r->filename, 1, 1,
                          _("the file is empty; it needs a header such as “name,gender,weight_lb,height_in” "
                            "and a row per person"));
      if (!read_header_record (r, cells, error))
        return FALSE;
    }
  while (is_blank_record (&g_array_index (cells, Cell, 0), cells->len));

  *cols = (Columns) { .n_columns = cells->len };
  for (int role = 0; role < N_ROLES; role++)
    cols->index[role] = -1;
  cols->weight_units = cols->height_units = BP_UNITS_LB_IN;
  for (guint i = 0; i < cells->len; i++)
    if (!assign_column (r, cols, &g_array_index (cells, Cell, i), i, error))
      return FALSE;
  for (int role = ROLE_GENDER; role < N_ROLES; role++)
    if (cols->index[role] < 0)
      return set_error (error, BP_CSV_ERROR_HEADER, r->filename, 1, 1,
                        _("the header has no %s column (it should read like "
                          "“name,gender,weight_lb,height_in”)"), _(role_wanted[role]));
  return TRUE;
}

/* ---- the rows ------------------------------------------------------------------- */

static gboolean
cell_error (GError       **error,
            BpCsvError     code,
            const Reader  *r,
            const Cell    *cell,
            const char    *column,
            const char    *reason)
{
  return set_error (error, code, r->filename, cell->line, cell->col, "%s: %s", column, reason);
}

/* The check speaks of the value as written, in the file's units. */
static gboolean
read_measure (const Reader  *r,
              const Cell    *cell,
              const char    *column,
              gboolean       is_height,
              BpUnits        units,
              double        *value,
              GError       **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *text = cell_dup (r, cell, error);
  double v;

  if (text == NULL)
    return FALSE;
  if (!bp_parse_double (text, &v, &local))
    return cell_error (error, BP_CSV_ERROR_VALUE, r, cell, column, local->message);
  *value = is_height ? bp_height_to_in (v, units) : bp_weight_to_lb (v, units);
  if (!(is_height ? bp_check_height_given (v, units, &local)
                  : bp_check_weight_given (v, units, &local)))
    return cell_error (error, BP_CSV_ERROR_RANGE, r, cell, column, local->message);
  return TRUE;
}

static gboolean
read_gender (const Reader  *r,
             const Cell    *cell,
             const char    *column,
             BpGender      *gender,
             GError       **error)
{
  g_autofree char *text = cell_dup (r, cell, error);

  if (text == NULL)
    return FALSE;
  if (!bp_parse_gender (text, gender))
    return cell_error (error, BP_CSV_ERROR_VALUE, r, cell, column,
                       _("is not a gender; use F or M (also female/male or 1/0)"));
  return TRUE;
}

/* Spaces around an unquoted name are the spreadsheet's, inside quotes
 * the author's; a blank name means "no name" (*@name left NULL).  The
 * value is trimmed where it lies: a name may be most of the file. */
static gboolean
read_name (const Reader  *r,
           const Cell    *cell,
           char         **name,
           GError       **error)
{
  g_autofree char *text = cell_dup (r, cell, error);
  const char *p;

  if (text == NULL)
    return FALSE;
  for (p = text; g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0')
    return TRUE;
  if (!cell->quoted)
    g_strstrip (text);
  *name = g_steal_pointer (&text);
  return TRUE;
}

static BpPerson *
read_person (const Reader  *r,
             const Columns *cols,
             GArray        *cells,
             guint          number,
             GError       **error)
{
  const Cell *at[N_ROLES] = { NULL };
  g_autofree char *name = NULL;
  BpPerson *person;
  BpGender gender;
  double w, h;

  for (int role = 0; role < N_ROLES; role++)
    if (cols->index[role] >= 0)
      at[role] = &g_array_index (cells, Cell, cols->index[role]);
  if (!read_gender (r, at[ROLE_GENDER], cols->name[ROLE_GENDER], &gender, error) ||
      !read_measure (r, at[ROLE_WEIGHT], cols->name[ROLE_WEIGHT], FALSE, cols->weight_units, &w, error) ||
      !read_measure (r, at[ROLE_HEIGHT], cols->name[ROLE_HEIGHT], TRUE, cols->height_units, &h, error))
    return NULL;
  if (at[ROLE_NAME] != NULL && !read_name (r, at[ROLE_NAME], &name, error))
    return NULL;
  /* Translators: the name of a person a file leaves unnamed; the same
   * as the name the people editor gives a new person. */
  if (name == NULL)
    name = g_strdup_printf (_("Person %u"), number);
  /* The name is taken, not copied: it may be most of the file. */
  person = bp_person_new (NULL, w, h, gender);
  person->name = g_steal_pointer (&name);
  return person;
}

/* One data record: its first fields in @cells, as many as the header
 * has, and the number of all of them in *@n_fields. */
static gboolean
read_row (Reader   *r,
          GArray   *cells,
          guint    *n_fields,
          GError  **error)
{
  gboolean more = TRUE;

  for (*n_fields = 0; more; (*n_fields)++)
    {
      Cell cell;

      if (!read_field (r, &cell, &more, error))
        return FALSE;
      if (*n_fields < cells->len)
        g_array_index (cells, Cell, *n_fields) = cell;
    }
  return TRUE;
}

static gboolean
check_field_count (const Reader  *r,
                   const Columns *cols,
                   guint          line,
                   guint          n_fields,
                   GError       **error)
{
  if (n_fields == cols->n_columns)
    return TRUE;
  return set_error (error, BP_CSV_ERROR_SYNTAX, r->filename, line, 1,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "this row has %u field but the header has %u",
                                 "this row has %u fields but the header has %u", n_fields),
                    n_fields, cols->n_columns);
}

static BpPeople *
read_people (Reader         *r,
             const Columns  *cols,
             GError        **error)
{
  g_autoptr(BpPeople) people = bp_people_new ();
  g_autoptr(GArray) cells = g_array_sized_new (FALSE, TRUE, sizeof (Cell), cols->n_columns);

  g_array_set_size (cells, cols->n_columns);
  while (r->p < r->end)
    {
      guint line = r->line, n_fields;
      BpPerson *person;

      if (!read_row (r, cells, &n_fields, error))
        return NULL;
      if (is_blank_record (&g_array_index (cells, Cell, 0), n_fields))
        continue;
      if (bp_people_get_n (people) == BP_CSV_MAX_PEOPLE)
        {
          set_error (error, BP_CSV_ERROR_TOO_LARGE, r->filename, line, 1,
                     _("more than %d people; Backprop takes at most that many"), BP_CSV_MAX_PEOPLE);
          return NULL;
        }
      if (!check_field_count (r, cols, line, n_fields, error) ||
          !(person = read_person (r, cols, cells, bp_people_get_n (people) + 1, error)))
        return NULL;
      bp_people_add (people, person);
    }
  if (bp_people_get_n (people) == 0)
    {
      set_error (error, BP_CSV_ERROR_EMPTY, r->filename, 2, 1, _("the file has a header but no people"));
      return NULL;
    }
  people->weight_units = cols->weight_units;
  people->height_units = cols->height_units;
  return g_steal_pointer (&people);
}

BpPeople *
bp_csv_parse (const char *text,
              gsize       length,
              const char *filename,
              GError    **error)
{
  Columns cols;
  Reader r;

  /* An empty GByteArray has no data at all: read NULL as "". */
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  if (text == NULL)
    text = "";
  r = (Reader) { text, text + length, 1, 1, filename };

  if (length > BP_CSV_MAX_BYTES)
    {
      set_error (error, BP_CSV_ERROR_TOO_LARGE, filename, 1, 1,
                 _("the file is %zu bytes; a people file may be at most %d MiB (%d bytes)"),
                 length, BP_CSV_MAX_BYTES / (1024 * 1024), BP_CSV_MAX_BYTES);
      return NULL;
    }
  if (!check_encoding (text, length, filename, error))
    return NULL;
  /* Spreadsheets often start UTF-8 files with a byte order mark. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  if (!read_header (&r, &cols, error))
    return NULL;
  return read_people (&r, &cols, error);
}

BpPeople *
bp_csv_load (const char *path,
             GError    **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  gboolean too_large;
  guint64 size;

  bytes = bp_file_read_bounded (path, BP_CSV_MAX_BYTES, &too_large, &size, &local);
  if (bytes == NULL && too_large)
    {
      g_autofree char *what = size > 0 ? g_strdup_printf (_("%" PRIu64 " bytes"), size)
                                       : g_strdup (_("more than that"));

      set_error (error, BP_CSV_ERROR_TOO_LARGE, path, 1, 1,
                 _("a people file may be at most %d MiB (%d bytes), and this one is %s"),
                 BP_CSV_MAX_BYTES / (1024 * 1024), BP_CSV_MAX_BYTES, what);
      return NULL;
    }
  /* Out of memory too: the message says so, and the file is not used. */
  if (bytes == NULL)
    {
      g_set_error_literal (error, BP_CSV_ERROR, BP_CSV_ERROR_IO, local->message);
      return NULL;
    }
  return bp_csv_parse ((const char *) bytes->data, bytes->len, path, error);
}

static void
append_field (GString    *out,
              const char *text)
{
  /* Quoted when the reader would otherwise split it, or strip blanks
   * (any g_ascii_isspace, as g_strstrip does) from its ends. */
  gboolean quote = g_ascii_isspace (text[0]) || strpbrk (text, ",\"\r\n") != NULL ||
                   (text[0] != '\0' && g_ascii_isspace (text[strlen (text) - 1]));

  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* RFC 4180: CRLF line ends, a header, shortest round-trip numbers: in
 * kg and cm, those that read back as the same lb and in. */
char *
bp_csv_write (const BpPeople *people,
              BpUnits         units)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "name,gender,weight_%s,height_%s\r\n",
                          bp_units_weight_symbol (units), bp_units_height_symbol (units));
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      BpPerson *p = bp_people_get (people, i);
      g_autofree char *w = bp_text_from_double (bp_weight_shown (p->weight_lb, units));
      g_autofree char *h = bp_text_from_double (bp_height_shown (p->height_in, units));

      append_field (out, p->name);
      g_string_append_printf (out, ",%s,%s,%s\r\n", bp_gender_to_string (p->gender), w, h);
    }
  return g_string_free (out, FALSE);
}

gboolean
bp_csv_save (const BpPeople *people,
             BpUnits         units,
             const char     *path,
             GError        **error)
{
  g_autofree char *text = bp_csv_write (people, units);
  g_autoptr(GError) local = NULL;

  /* A failed save leaves the previous file whole. */
  if (bp_file_save (path, text, strlen (text), &local))
    return TRUE;
  g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_IO, "%s", local->message);
  return FALSE;
}
