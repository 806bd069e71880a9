/* bp-csv.c: reading and writing people as CSV
 *
 * Reading happens in three passes: the whole text is checked to be UTF-8
 * without NUL bytes (so binary junk and legacy encodings are refused with
 * a position before any parsing), then split into records by an RFC 4180
 * tokenizer that tracks line and column, then the header picks the
 * columns and each row becomes a person.  Nothing is returned unless every
 * row is good.
 */
#include "bp-csv.h"

#include <string.h>

#include "bp-file.h"
#include "bp-parse.h"

G_DEFINE_QUARK (bp-csv-error-quark, bp_csv_error)

typedef struct
{
  char    *text;
  guint    line;
  guint    col;
  gboolean quoted;
} Field;

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  guint       col;
  const char *filename;
} Reader;

enum { ROLE_NAME, ROLE_GENDER, ROLE_WEIGHT, ROLE_HEIGHT, N_ROLES };

typedef struct
{
  int     index[N_ROLES];     /* field index of each role, or -1 */
  BpUnits weight_units;
  BpUnits height_units;
} Columns;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->text);
  g_free (field);
}

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
  const char *bad = memchr (text, '\0', length);
  const char *invalid = NULL;
  guint line, col;

  if (bad != NULL)
    {
      locate (text, bad, &line, &col);
      return set_error (error, BP_CSV_ERROR_ENCODING, filename, line, col,
                        "contains a NUL byte: this is a binary file, not a CSV text file");
    }
  if (g_utf8_validate_len (text, length, &invalid))
    return TRUE;
  locate (text, invalid, &line, &col);
  return set_error (error, BP_CSV_ERROR_ENCODING, filename, line, col,
                    "is not UTF-8 text (byte 0x%02X); save the file as “CSV UTF-8” "
                    "(in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8))",
                    (guint) (guchar) *invalid);
}

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
read_quoted (Reader   *r,
             GString  *out,
             GError  **error)
{
  guint line = r->line, col = r->col;

  reader_advance (r);
  for (;;)
    {
      if (r->p == r->end)
        return set_error (error, BP_CSV_ERROR_SYNTAX, r->filename, line, col,
                          "the quote opened here is never closed");
      if (*r->p == '"' && (r->p + 1 == r->end || r->p[1] != '"'))
        break;
      if (*r->p == '"')
        reader_advance (r);
      g_string_append_c (out, *r->p);
      reader_advance (r);
    }
  reader_advance (r);
  if (!at_line_end (r) && *r->p != ',')
    return set_error (error, BP_CSV_ERROR_SYNTAX, r->filename, r->line, r->col,
                      "text after a closing quote; a quoted field must end at a comma or the end of the line");
  return TRUE;
}

static gboolean
read_plain (Reader   *r,
            GString  *out,
            GError  **error)
{
  while (!at_line_end (r) && *r->p != ',')
    {
      if (*r->p == '"')
        return set_error (error, BP_CSV_ERROR_SYNTAX, r->filename, r->line, r->col,
                          "a quote inside an unquoted field; put the whole field in quotes and double the quote");
      g_string_append_c (out, *r->p);
      reader_advance (r);
    }
  return TRUE;
}

static Field *
read_field (Reader  *r,
            GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Field *field;
  guint line = r->line, col = r->col;
  gboolean quoted = r->p < r->end && *r->p == '"';

  if (!(quoted ? read_quoted (r, text, error) : read_plain (r, text, error)))
    return NULL;
  field = g_new0 (Field, 1);
  field->text = g_string_free (g_steal_pointer (&text), FALSE);
  field->line = line;
  field->col = col;
  field->quoted = quoted;
  return field;
}

/* One record; called with text left to read.  A comma always has a field
 * after it, even an empty one at the very end of the text. */
static GPtrArray *
read_record (Reader  *r,
             GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (field_free);

  for (;;)
    {
      Field *field = read_field (r, error);

      if (field == NULL)
        return NULL;
      g_ptr_array_add (fields, field);
      if (r->p == r->end || *r->p != ',')
        break;
      reader_advance (r);
    }
  skip_line_end (r);
  return g_steal_pointer (&fields);
}

static gboolean
is_blank_record (GPtrArray *fields)
{
  return fields->len == 1 && ((Field *) fields->pdata[0])->text[0] == '\0';
}

static GPtrArray *
read_all_records (Reader  *r,
                  GError **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  while (r->p < r->end)
    {
      GPtrArray *fields = read_record (r, error);

      if (fields == NULL)
        return NULL;
      if (is_blank_record (fields))
        g_ptr_array_unref (fields);
      else
        g_ptr_array_add (records, fields);
      if (records->len > BP_CSV_MAX_PEOPLE + 1)
        {
          set_error (error, BP_CSV_ERROR_TOO_LARGE, r->filename, r->line, 1,
                     "more than %d people; Backprop takes at most that many", BP_CSV_MAX_PEOPLE);
          return NULL;
        }
    }
  return g_steal_pointer (&records);
}

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
  "gender (or sex)",
  "weight_lb, weight_kg or weight",
  "height_in, height_cm or height",
};

static gboolean
assign_column (Columns    *cols,
               GPtrArray  *header,
               guint       i,
               const char *filename,
               GError    **error)
{
  Field *field = header->pdata[i];
  g_autofree char *key = g_ascii_strdown (g_strstrip (field->text), -1);

  for (guint k = 0; k < G_N_ELEMENTS (known_columns); k++)
    {
      int role = known_columns[k].role;

      if (strcmp (key, known_columns[k].name) != 0)
        continue;
      if (cols->index[role] >= 0)
        return set_error (error, BP_CSV_ERROR_HEADER, filename, field->line, field->col,
                          "column “%s” repeats what column %d already gives; keep one of them",
                          field->text, cols->index[role] + 1);
      cols->index[role] = (int) i;
      if (role == ROLE_WEIGHT)
        cols->weight_units = known_columns[k].units;
      if (role == ROLE_HEIGHT)
        cols->height_units = known_columns[k].units;
    }
  return TRUE;
}

static gboolean
read_header (GPtrArray  *header,
             Columns    *cols,
             const char *filename,
             GError    **error)
{
  for (int role = 0; role < N_ROLES; role++)
    cols->index[role] = -1;
  cols->weight_units = cols->height_units = BP_UNITS_LB_IN;
  for (guint i = 0; i < header->len; i++)
    if (!assign_column (cols, header, i, filename, error))
      return FALSE;
  for (int role = ROLE_GENDER; role < N_ROLES; role++)
    if (cols->index[role] < 0)
      return set_error (error, BP_CSV_ERROR_HEADER, filename, 1, 1,
                        "the header has no %s column (it should read like "
                        "“name,gender,weight_lb,height_in”)", role_wanted[role]);
  return TRUE;
}

static gboolean
cell_error (GError    **error,
            BpCsvError  code,
            const char *filename,
            Field      *cell,
            const char *column,
            const char *reason)
{
  return set_error (error, code, filename, cell->line, cell->col, "%s: %s", column, reason);
}

static gboolean
read_measure (Field       *cell,
              const char  *column,
              gboolean     is_height,
              BpUnits      units,
              double      *value,
              const char  *filename,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  double v;

  if (!bp_parse_double (cell->text, &v, &local))
    return cell_error (error, BP_CSV_ERROR_VALUE, filename, cell, column, local->message);
  *value = is_height ? bp_height_to_in (v, units) : bp_weight_to_lb (v, units);
  if (!(is_height ? bp_check_height_in (*value, units, &local)
                  : bp_check_weight_lb (*value, units, &local)))
    return cell_error (error, BP_CSV_ERROR_RANGE, filename, cell, column, local->message);
  return TRUE;
}

static const char *
header_name (GPtrArray *header,
             int        index)
{
  return ((Field *) header->pdata[index])->text;
}

/* Spaces around an unquoted name are the spreadsheet's, inside quotes
 * the author's; a blank name means "no name". */
static char *
read_name (const Field *cell)
{
  g_autofree char *stripped = g_strstrip (g_strdup (cell->text));

  if (*stripped == '\0')
    return NULL;
  return cell->quoted ? g_strdup (cell->text) : g_steal_pointer (&stripped);
}

static BpPerson *
read_person (GPtrArray     *header,
             GPtrArray     *row,
             const Columns *cols,
             guint          number,
             const char    *filename,
             GError       **error)
{
  Field *gender_cell = row->pdata[cols->index[ROLE_GENDER]];
  g_autofree char *name = NULL;
  BpGender gender;
  double w, h;

  if (!bp_parse_gender (gender_cell->text, &gender))
    {
      cell_error (error, BP_CSV_ERROR_VALUE, filename, gender_cell,
                  header_name (header, cols->index[ROLE_GENDER]),
                  "is not a gender; use F or M (also female/male or 1/0)");
      return NULL;
    }
  if (!read_measure (row->pdata[cols->index[ROLE_WEIGHT]], header_name (header, cols->index[ROLE_WEIGHT]),
                     FALSE, cols->weight_units, &w, filename, error) ||
      !read_measure (row->pdata[cols->index[ROLE_HEIGHT]], header_name (header, cols->index[ROLE_HEIGHT]),
                     TRUE, cols->height_units, &h, filename, error))
    return NULL;
  if (cols->index[ROLE_NAME] >= 0)
    name = read_name (row->pdata[cols->index[ROLE_NAME]]);
  if (name == NULL)
    name = g_strdup_printf ("Person %u", number);
  return bp_person_new (name, w, h, gender);
}

static gboolean
check_field_count (GPtrArray  *header,
                   GPtrArray  *row,
                   const char *filename,
                   GError    **error)
{
  Field *first = row->pdata[0];

  if (row->len == header->len)
    return TRUE;
  return set_error (error, BP_CSV_ERROR_SYNTAX, filename, first->line, 1,
                    "this row has %u field%s but the header has %u",
                    row->len, row->len == 1 ? "" : "s", header->len);
}

static BpPeople *
people_from_records (GPtrArray  *records,
                     const char *filename,
                     GError    **error)
{
  g_autoptr(BpPeople) people = bp_people_new ();
  GPtrArray *header;
  Columns cols;

  if (records->len == 0)
    {
      set_error (error, BP_CSV_ERROR_HEADER, filename, 1, 1,
                 "the file is empty; it needs a header such as “name,gender,weight_lb,height_in” and a row per person");
      return NULL;
    }
  header = records->pdata[0];
  if (!read_header (header, &cols, filename, error))
    return NULL;
  if (records->len == 1)
    {
      set_error (error, BP_CSV_ERROR_EMPTY, filename, 2, 1, "the file has a header but no people");
      return NULL;
    }
  for (guint i = 1; i < records->len; i++)
    {
      BpPerson *person;

      if (!check_field_count (header, records->pdata[i], filename, error) ||
          !(person = read_person (header, records->pdata[i], &cols, i, filename, error)))
        return NULL;
      bp_people_add (people, person);
    }
  people->weight_units = cols.weight_units;
  people->height_units = cols.height_units;
  return g_steal_pointer (&people);
}

BpPeople *
bp_csv_parse (const char *text,
              gsize       length,
              const char *filename,
              GError    **error)
{
  g_autoptr(GPtrArray) records = NULL;
  Reader r;

  /* An empty GByteArray has no data at all: read NULL as "". */
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  if (text == NULL)
    text = "";
  r = (Reader) { text, text + length, 1, 1, filename };

  if (length > BP_CSV_MAX_BYTES)
    {
      set_error (error, BP_CSV_ERROR_TOO_LARGE, filename, 1, 1,
                 "the file is %" G_GSIZE_FORMAT " bytes; a people file may be at most %d MiB (%d bytes)",
                 length, BP_CSV_MAX_BYTES / (1024 * 1024), BP_CSV_MAX_BYTES);
      return NULL;
    }
  if (!check_encoding (text, length, filename, error))
    return NULL;
  /* Spreadsheets often start UTF-8 files with a byte order mark. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  records = read_all_records (&r, error);
  if (records == NULL)
    return NULL;
  return people_from_records (records, filename, error);
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
      g_autofree char *what = size > 0 ? g_strdup_printf ("%" G_GUINT64_FORMAT " bytes", size)
                                       : g_strdup ("more than that");

      set_error (error, BP_CSV_ERROR_TOO_LARGE, path, 1, 1,
                 "a people file may be at most %d MiB (%d bytes), and this one is %s",
                 BP_CSV_MAX_BYTES / (1024 * 1024), BP_CSV_MAX_BYTES, what);
      return NULL;
    }
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
      g_autofree char *w = bp_format_double (bp_weight_shown (p->weight_lb, units));
      g_autofree char *h = bp_format_double (bp_height_shown (p->height_in, units));

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

  /* g_file_set_contents writes a temporary file and renames it over the
   * old one, so a failed save leaves the previous file whole. */
  if (g_file_set_contents (path, text, -1, &local))
    return TRUE;
  g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_IO, "%s", local->message);
  return FALSE;
}

/* The message speaks the units the value was given in. */
static gboolean
range_error (double      shown,
             double      min,
             double      max,
             const char *what,
             const char *unit,
             GError    **error)
{
  g_set_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE,
               "%s %g %s is outside the sensible range %.4g–%.4g %s",
               what, shown, unit, min, max, unit);
  return FALSE;
}

gboolean
bp_check_weight_lb (double   lb,
                    BpUnits  shown_units,
                    GError **error)
{
  if (lb >= BP_WEIGHT_MIN_LB && lb <= BP_WEIGHT_MAX_LB)
    return TRUE;
  return range_error (bp_weight_from_lb (lb, shown_units),
                      bp_weight_from_lb (BP_WEIGHT_MIN_LB, shown_units),
                      bp_weight_from_lb (BP_WEIGHT_MAX_LB, shown_units),
                      "a weight of", bp_units_weight_symbol (shown_units), error);
}

gboolean
bp_check_height_in (double   in,
                    BpUnits  shown_units,
                    GError **error)
{
  if (in >= BP_HEIGHT_MIN_IN && in <= BP_HEIGHT_MAX_IN)
    return TRUE;
  return range_error (bp_height_from_in (in, shown_units),
                      bp_height_from_in (BP_HEIGHT_MIN_IN, shown_units),
                      bp_height_from_in (BP_HEIGHT_MAX_IN, shown_units),
                      "a height of", bp_units_height_symbol (shown_units), error);
}

gboolean
bp_parse_gender (const char *text,
                 BpGender   *gender)
{
  static const char * const female[] = { "f", "female", "1" };
  static const char * const male[] = { "m", "male", "0" };
  g_autofree char *key = g_ascii_strdown (text, -1);

  g_strstrip (key);
  for (guint i = 0; i < G_N_ELEMENTS (female); i++)
    {
      if (strcmp (key, female[i]) == 0 || strcmp (key, male[i]) == 0)
        {
          *gender = strcmp (key, female[i]) == 0 ? BP_GENDER_FEMALE : BP_GENDER_MALE;
          return TRUE;
        }
    }
  return FALSE;
}
