/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-session.c: reading and writing .backprop session files
 *
 * The reader trusts nothing: every number goes through the core's strict
 * parsers, every structure (people numbering, history buckets) is checked
 * against the rules the code that made it follows, and the session is
 * built apart and handed over only when all of it was read, so a damaged
 * file gives one clear error and no half-read state.  The writer checks
 * that what it is about to write reads back before replacing anything.
 */
#include "config.h"

#include "bp-session.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "bp-csv.h"
#include "bp-file.h"
#include "bp-parse.h"
#include "bp-text.h"

G_DEFINE_QUARK (bp-session-error-quark, bp_session_error)

#define GROUP_MAIN "Backprop"
#define GROUP_INITIAL "Initial parameters"
#define GROUP_CURRENT "Current parameters"
#define GROUP_LOSS "Loss history"
#define GROUP_TEST_LOSS "Test loss history"
#define PREFIX_PARAM_HISTORY "Parameter history "
#define PREFIX_PREDICTION_HISTORY "Prediction history "
#define PREFIX_PERSON "Person "
#define PREFIX_TEST_PERSON "Test person "
#define PREFIX_BUCKET "bucket-"

#define HEADER_COMMENT \
  " Backprop session: the keys are described in Backprop's README,\n" \
  " “Session files (.backprop)”.  Weights are in lb and heights in inches\n" \
  " whatever units= says, so that no value is rounded by a conversion."

static const char * const units_names[] = { "lb-in", "kg-cm", NULL };

/* The states a file can hold, in the order of their names. */
static const BpTrainerState saved_states[] = {
  BP_TRAINER_IDLE, BP_TRAINER_FINISHED, BP_TRAINER_STOPPED, BP_TRAINER_DIVERGED,
};
static const char * const state_names[] = { "idle", "finished", "stopped", "diverged", NULL };

/* ---- the session ---------------------------------------------------------- */

static BpSession *
session_alloc (void)
{
  BpSession *self = g_new0 (BpSession, 1);

  self->people = bp_people_new ();
  self->test = bp_people_new ();
  self->units = BP_UNITS_LB_IN;
  self->normalize = BP_NORMALIZE_SEED;
  self->state = BP_TRAINER_IDLE;
  bp_history_init (&self->history);
  return self;
}

/* The seeds' lesson, not started: the four people, lb and in, learning
 * rate 0.1, 1000 epochs, from seed 0. */
BpSession *
bp_session_new (void)
{
  BpSession *self = session_alloc ();

  bp_people_unref (self->people);
  self->people = bp_people_new_seed ();
  self->learning_rate = 0.1;
  self->epochs = 1000;
  self->has_seed = TRUE;
  self->seed = 0;
  bp_params_from_seed (&self->initial, self->seed);
  self->current = self->initial;
  return self;
}

void
bp_session_free (BpSession *session)
{
  if (session == NULL)
    return;
  bp_people_unref (session->people);
  bp_people_unref (session->test);
  bp_history_clear (&session->history);
  g_free (session);
}

/* ---- equality --------------------------------------------------------------- */

/* Bit for bit, so that 0 and −0 differ; but any NaN equals any NaN, since
 * a file keeps only that a parameter stopped being a number. */
static gboolean
same_value (double a,
            double b)
{
  return (isnan (a) && isnan (b)) || memcmp (&a, &b, sizeof a) == 0;
}

static gboolean
same_params (const BpParams *a,
             const BpParams *b)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    if (!same_value (bp_params_get (a, i), bp_params_get (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
same_bucket (const BpBucket *a,
             const BpBucket *b)
{
  return same_value (a->first, b->first) && same_value (a->last, b->last) &&
         same_value (a->min, b->min) && same_value (a->max, b->max);
}

/* The partial bucket counts only while it holds values: once it is
 * emptied into the full buckets its contents are stale. */
static gboolean
same_series (const BpSeries *a,
             const BpSeries *b)
{
  if (a->capacity != b->capacity || a->n_buckets != b->n_buckets || a->span != b->span ||
      a->count != b->count || a->pending != b->pending)
    return FALSE;
  if (a->pending > 0 && !same_bucket (&a->partial, &b->partial))
    return FALSE;
  for (guint i = 0; i < a->n_buckets; i++)
    if (!same_bucket (&a->buckets[i], &b->buckets[i]))
      return FALSE;
  return TRUE;
}

static gboolean
same_trajectories (const BpHistory *a,
                   const BpHistory *b)
{
  if (a->n_people != b->n_people)
    return FALSE;
  for (guint j = 0; j < BP_N_PARAMS; j++)
    if (!same_series (&a->params[j], &b->params[j]))
      return FALSE;
  for (guint i = 0; i < a->n_people; i++)
    if (!same_series (&a->predictions[i], &b->predictions[i]))
      return FALSE;
  return TRUE;
}

/* Whether saving @a and opening the file could give @b. */
gboolean
bp_session_equal (const BpSession *a,
                  const BpSession *b)
{
  return bp_people_equal (a->people, b->people) && bp_people_equal (a->test, b->test) &&
         a->units == b->units && a->normalize == b->normalize &&
         same_value (a->learning_rate, b->learning_rate) && a->epochs == b->epochs &&
         same_value (a->target_loss, b->target_loss) &&
         a->has_seed == b->has_seed && (!a->has_seed || a->seed == b->seed) &&
         same_params (&a->initial, &b->initial) && same_params (&a->current, &b->current) &&
         a->state == b->state && a->epoch == b->epoch && same_value (a->speed, b->speed) &&
         same_series (&a->history.loss, &b->history.loss) &&
         same_series (&a->history.test_loss, &b->history.test_loss) &&
         same_trajectories (&a->history, &b->history);
}

/* ---- writing ---------------------------------------------------------------- */

static void
set_double (GKeyFile   *kf,
            const char *group,
            const char *key,
            double      value)
{
  g_autofree char *text = bp_text_from_double (value);

  g_key_file_set_value (kf, group, key, text);
}

static void
set_uint64 (GKeyFile   *kf,
            const char *group,
            const char *key,
            guint64     value)
{
  char text[24];

  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, value);
  g_key_file_set_value (kf, group, key, text);
}

/* Only a diverged run's current parameters can be non-finite. */
static char *
format_param (double value)
{
  if (isnan (value))
    return g_strdup ("nan");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  return bp_text_from_double (value);
}

static void
write_params (GKeyFile       *kf,
              const char     *group,
              const BpParams *params)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      g_autofree char *text = format_param (bp_params_get (params, i));

      g_key_file_set_value (kf, group, bp_param_name (i), text);
    }
}

static BpTrainerState
saved_state (BpTrainerState state)
{
  if (state == BP_TRAINER_RUNNING || state == BP_TRAINER_PAUSED)
    return BP_TRAINER_STOPPED;
  return state;
}

/* format first, so that any later version can tell what it is reading. */
static void
write_main (GKeyFile        *kf,
            const BpSession *s)
{
  set_uint64 (kf, GROUP_MAIN, "format", BP_SESSION_FORMAT);
  g_key_file_set_value (kf, GROUP_MAIN, "units", units_names[s->units]);
  g_key_file_set_value (kf, GROUP_MAIN, "normalize", bp_normalize_to_string (s->normalize));
  set_double (kf, GROUP_MAIN, "learning-rate", s->learning_rate);
  set_uint64 (kf, GROUP_MAIN, "epochs", s->epochs);
  if (s->target_loss > 0)
    set_double (kf, GROUP_MAIN, "target-loss", s->target_loss);
  if (s->has_seed)
    set_uint64 (kf, GROUP_MAIN, "seed", s->seed);
  g_key_file_set_value (kf, GROUP_MAIN, "state",
                        bp_trainer_state_to_string (saved_state (s->state)));
  set_uint64 (kf, GROUP_MAIN, "epoch", s->epoch);
  set_double (kf, GROUP_MAIN, "speed", s->speed);
}

static void
write_people (GKeyFile       *kf,
              const char     *prefix,
              const BpPeople *people)
{
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      const BpPerson *p = bp_people_get (people, i);
      g_autofree char *group = g_strdup_printf ("%s%u", prefix, i + 1);

      g_key_file_set_string (kf, group, "name", p->name);
      g_key_file_set_value (kf, group, "gender", bp_gender_to_string (p->gender));
      set_double (kf, group, "weight-lb", p->weight_lb);
      set_double (kf, group, "height-in", p->height_in);
    }
}

/* One number when first, last, min and max are all the same (every
 * bucket of a run shorter than the capacity), else the four. */
static void
set_bucket (GKeyFile       *kf,
            const char     *group,
            const char     *key,
            const BpBucket *b)
{
  const double v[] = { b->first, b->last, b->min, b->max };
  gboolean flat = same_value (v[0], v[1]) && same_value (v[0], v[2]) && same_value (v[0], v[3]);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < (flat ? 1 : G_N_ELEMENTS (v)); i++)
    {
      g_autofree char *number = bp_text_from_double (v[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? ";" : "", number);
    }
  g_key_file_set_value (kf, group, key, text->str);
}

static const char *
bucket_key (char    *buf,
            gsize    size,
            guint64  index)
{
  g_snprintf (buf, size, PREFIX_BUCKET "%" G_GUINT64_FORMAT, index);
  return buf;
}

static void
write_series (GKeyFile       *kf,
              const char     *group,
              const BpSeries *s)
{
  char key[32];

  set_uint64 (kf, group, "capacity", s->capacity);
  set_uint64 (kf, group, "span", s->span);
  for (guint i = 0; i < s->n_buckets; i++)
    set_bucket (kf, group, bucket_key (key, sizeof key, i), &s->buckets[i]);
  set_uint64 (kf, group, "pending", s->pending);
  if (s->pending > 0)
    set_bucket (kf, group, "partial", &s->partial);
}

/* [Parameter history w1], … [Parameter history b3]. */
static char *
param_history_group (BpParam param)
{
  return g_strconcat (PREFIX_PARAM_HISTORY, bp_param_name (param), NULL);
}

/* Each parameter's series once it holds anything (a diverged run's last
 * sample may be missing from some) or has a size of its own; a
 * prediction series for each person the run traced, empty or not, so
 * that how many it traced reads back too. */
static void
write_trajectories (GKeyFile        *kf,
                    const BpHistory *h,
                    const BpPeople  *people)
{
  guint n_people = MIN (h->n_people, bp_people_get_n (people));

  for (guint j = 0; j < BP_N_PARAMS; j++)
    {
      g_autofree char *group = param_history_group (j);

      if (h->params[j].count > 0 || h->params[j].capacity != BP_HISTORY_SAMPLED_CAPACITY)
        write_series (kf, group, &h->params[j]);
    }
  /* Never more than the people: the file could not be read back. */
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *group = g_strdup_printf (PREFIX_PREDICTION_HISTORY "%u", i + 1);

      write_series (kf, group, &h->predictions[i]);
    }
}

char *
bp_session_to_data (const BpSession *session,
                    gsize           *length)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_return_val_if_fail (session->units <= BP_UNITS_KG_CM, NULL);

  write_main (kf, session);
  g_key_file_set_comment (kf, NULL, NULL, HEADER_COMMENT, NULL);
  write_params (kf, GROUP_INITIAL, &session->initial);
  write_params (kf, GROUP_CURRENT, &session->current);
  write_people (kf, PREFIX_PERSON, session->people);
  write_people (kf, PREFIX_TEST_PERSON, session->test);
  write_series (kf, GROUP_LOSS, &session->history.loss);
  write_series (kf, GROUP_TEST_LOSS, &session->history.test_loss);
  write_trajectories (kf, &session->history, session->people);
  return g_key_file_to_data (kf, length, NULL);
}

/* ---- errors ----------------------------------------------------------------- */

typedef struct
{
  GKeyFile   *kf;
  const char *text;
  gsize       length;
  const char *filename;   /* for messages */
} Reader;

static gboolean
is_group_line (const char *line,
               const char *group)
{
  gsize n = strlen (group);

  return line[0] == '[' && strncmp (line + 1, group, n) == 0 && g_str_equal (line + 1 + n, "]");
}

static gboolean
is_key_line (const char *line,
             const char *key)
{
  gsize n = strlen (key);

  if (strncmp (line, key, n) != 0)
    return FALSE;
  for (line += n; *line == ' ' || *line == '\t'; line++)
    ;
  return *line == '=';
}

/* The line of @key in [@group] (of [@group] itself when @key is NULL or
 * absent), or 0.  GKeyFile keeps no line numbers, so this reads the text
 * again; the last occurrence is the one GKeyFile keeps. */
static guint
find_line (const Reader *r,
           const char   *group,
           const char   *key)
{
  const char *p = r->text, *end = r->text + r->length;
  guint line = 1, group_line = 0, key_line = 0;
  gboolean inside = FALSE;

  for (; p < end; line++)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *text = g_strstrip (g_strndup (p, (eol != NULL ? eol : end) - p));

      if (text[0] == '[')
        inside = is_group_line (text, group);
      if (inside && text[0] == '[')
        group_line = line;
      else if (inside && key != NULL && is_key_line (text, key))
        key_line = line;
      p = eol != NULL ? eol + 1 : end;
    }
  return key_line != 0 ? key_line : group_line;
}

/* "FILE:LINE: [group] key: reason", the form of compilers and of the CSV
 * reader; the parts that are unknown are left out. */
static gboolean G_GNUC_PRINTF (7, 0)
fail_va (const Reader   *r,
         GError        **error,
         BpSessionError  code,
         guint           line,
         const char     *group,
         const char     *key,
         const char     *format,
         va_list         args)
{
  g_autoptr(GString) message = g_string_new (r->filename);

  if (line > 0)
    g_string_append_printf (message, ":%u", line);
  g_string_append (message, ": ");
  if (group != NULL)
    g_string_append_printf (message, key != NULL ? "[%s] " : "[%s]: ", group);
  if (key != NULL)
    g_string_append_printf (message, "%s: ", key);
  g_string_append_vprintf (message, format, args);
  g_set_error_literal (error, BP_SESSION_ERROR, code, message->str);
  return FALSE;
}

/* An error about [@group] @key (either may be NULL), at its line. */
static gboolean G_GNUC_PRINTF (6, 7)
fail (const Reader   *r,
      GError        **error,
      BpSessionError  code,
      const char     *group,
      const char     *key,
      const char     *format,
      ...)
{
  guint line = group != NULL ? find_line (r, group, key) : 0;
  va_list args;

  va_start (args, format);
  fail_va (r, error, code, line, group, key, format, args);
  va_end (args);
  return FALSE;
}

/* An error about the file as a whole, at @line (0: none). */
static gboolean G_GNUC_PRINTF (5, 6)
fail_line (const Reader   *r,
           GError        **error,
           BpSessionError  code,
           guint           line,
           const char     *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fail_va (r, error, code, line, NULL, NULL, format, args);
  va_end (args);
  return FALSE;
}

/* An error about [@group] @key (@key may be NULL) at a @line known
 * already. */
static gboolean G_GNUC_PRINTF (7, 8)
fail_at (const Reader   *r,
         GError        **error,
         BpSessionError  code,
         guint           line,
         const char     *group,
         const char     *key,
         const char     *format,
         ...)
{
  va_list args;

  va_start (args, format);
  fail_va (r, error, code, line, group, key, format, args);
  va_end (args);
  return FALSE;
}

/* ---- the layout of the text ------------------------------------------------- */

/* What a group holds, by its name: each kind has keys of its own. */
typedef enum
{
  KIND_OTHER,    /* a group or key this version does not know */
  KIND_MAIN,
  KIND_PARAMS,
  KIND_PERSON,
  KIND_SERIES,
} GroupKind;

static const char * const kind_names[] = {
  NULL, "[" GROUP_MAIN "]", N_("a parameters group"), N_("a person"), N_("a history"),
};

static const char * const main_keys[] = {
  "format", "units", "normalize", "learning-rate", "epochs", "seed", "state", "epoch", "speed",
  "target-loss", NULL,
};
static const char * const person_keys[] = { "name", "gender", "weight-lb", "height-in", NULL };
static const char * const series_keys[] = { "capacity", "span", "pending", "partial", NULL };

static gboolean
is_param_history_group (const char *group)
{
  if (!g_str_has_prefix (group, PREFIX_PARAM_HISTORY))
    return FALSE;
  for (guint j = 0; j < BP_N_PARAMS; j++)
    if (g_str_equal (group + strlen (PREFIX_PARAM_HISTORY), bp_param_name (j)))
      return TRUE;
  return FALSE;
}

static GroupKind
group_kind (const char *group)
{
  if (g_str_equal (group, GROUP_MAIN))
    return KIND_MAIN;
  if (g_str_equal (group, GROUP_INITIAL) || g_str_equal (group, GROUP_CURRENT))
    return KIND_PARAMS;
  if (g_str_has_prefix (group, PREFIX_PERSON) || g_str_has_prefix (group, PREFIX_TEST_PERSON))
    return KIND_PERSON;
  if (g_str_equal (group, GROUP_LOSS) || g_str_equal (group, GROUP_TEST_LOSS) ||
      is_param_history_group (group) || g_str_has_prefix (group, PREFIX_PREDICTION_HISTORY))
    return KIND_SERIES;
  return KIND_OTHER;
}

static GroupKind
key_kind (const char *key)
{
  if (g_strv_contains (main_keys, key))
    return KIND_MAIN;
  for (guint j = 0; j < BP_N_PARAMS; j++)
    if (g_str_equal (key, bp_param_name (j)))
      return KIND_PARAMS;
  if (g_strv_contains (person_keys, key))
    return KIND_PERSON;
  if (g_strv_contains (series_keys, key) || g_str_has_prefix (key, PREFIX_BUCKET))
    return KIND_SERIES;
  return KIND_OTHER;
}

/* Where the layout scan is: the group it is in, and the lines where
 * each group and each key of the current group first appeared. */
typedef struct
{
  GHashTable *groups;  /* name → line */
  GHashTable *keys;    /* key of the current group → line */
  char       *group;   /* NULL before the first group */
} Layout;

static gboolean
check_group_line (const Reader *r,
                  Layout       *layout,
                  const char   *text,
                  guint         line,
                  GError      **error)
{
  const char *end = strchr (text, ']');
  g_autofree char *group = g_strndup (text + 1, end - text - 1);
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (layout->groups, group));

  if (first != 0)
    return fail_at (r, error, BP_SESSION_ERROR_PARSE, line, group, NULL,
                    _("appears a second time (first on line %u); each group appears once"), first);
  g_hash_table_insert (layout->groups, g_strdup (group), GUINT_TO_POINTER (line));
  g_hash_table_remove_all (layout->keys);
  g_free (layout->group);
  layout->group = g_steal_pointer (&group);
  return TRUE;
}

/* A key given twice, or one of another kind of group, is what a group
 * line that went missing leaves: the keys below it join the group above. */
static gboolean
check_key_line (const Reader *r,
                Layout       *layout,
                const char   *text,
                guint         line,
                GError      **error)
{
  const char *end = strchr (text, '=');
  g_autofree char *key = NULL;
  guint first;
  GroupKind in, of;

  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  key = g_strndup (text, end - text);
  first = GPOINTER_TO_UINT (g_hash_table_lookup (layout->keys, key));
  if (first != 0)
    return fail_at (r, error, BP_SESSION_ERROR_PARSE, line, layout->group, key,
                    _("is given a second time (first on line %u): each key appears once in "
                      "its group, so is a [group] line missing above it?"), first);
  in = group_kind (layout->group);
  of = key_kind (key);
  if (in != KIND_OTHER && of != KIND_OTHER && in != of)
    return fail_at (r, error, BP_SESSION_ERROR_PARSE, line, layout->group, key,
                    _("is a key of %s, not of %s; is a [group] line missing above it?"),
                    _(kind_names[of]), _(kind_names[in]));
  g_hash_table_insert (layout->keys, g_steal_pointer (&key), GUINT_TO_POINTER (line));
  return TRUE;
}

/* GKeyFile merges a repeated group into the first and keeps the last of
 * a repeated key, so a deleted group line would silently join two groups
 * (two people into one).  The text is read again line by line as
 * GKeyFile reads it, once it has read it without a syntax error. */
static gboolean
check_layout (const Reader *r,
              GError      **error)
{
  const char *p = r->text, *end = r->text + r->length;
  Layout layout = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    NULL,
  };
  gboolean ok = TRUE;

  for (guint line = 1; ok && p < end; line++)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *text = g_strndup (p, (eol != NULL ? eol : end) - p);
      const char *s = text;

      while (g_ascii_isspace (*s))
        s++;
      if (*s == '[')
        ok = check_group_line (r, &layout, s, line, error);
      else if (*s != '\0' && *s != '#' && layout.group != NULL)
        ok = check_key_line (r, &layout, s, line, error);
      p = eol != NULL ? eol + 1 : end;
    }
  g_hash_table_unref (layout.groups);
  g_hash_table_unref (layout.keys);
  g_free (layout.group);
  return ok;
}

/* ---- reading values --------------------------------------------------------- */

/* A required key, unescaped. */
static char *
get_string (const Reader *r,
            const char   *group,
            const char   *key,
            GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *value = NULL;

  if (!g_key_file_has_group (r->kf, group))
    {
      fail (r, error, BP_SESSION_ERROR_PARSE, group, NULL, _("missing"));
      return NULL;
    }
  if (!g_key_file_has_key (r->kf, group, key, NULL))
    {
      fail (r, error, BP_SESSION_ERROR_PARSE, group, key, _("missing"));
      return NULL;
    }
  value = g_key_file_get_string (r->kf, group, key, &local);
  if (local != NULL)
    {
      fail (r, error, BP_SESSION_ERROR_VALUE, group, key, "%s", local->message);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static gboolean
parse_nonfinite (const char *text,
                 double     *value)
{
  if (g_str_equal (text, "nan"))
    *value = NAN;
  else if (g_str_equal (text, "inf"))
    *value = INFINITY;
  else if (g_str_equal (text, "-inf"))
    *value = -INFINITY;
  else
    return FALSE;
  return TRUE;
}

static gboolean
read_number (const Reader *r,
             const char   *group,
             const char   *key,
             gboolean      nonfinite_ok,
             double       *value,
             GError      **error)
{
  g_autofree char *text = get_string (r, group, key, error);
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  if (parse_nonfinite (text, value))
    return nonfinite_ok ||
           fail (r, error, BP_SESSION_ERROR_VALUE, group, key, _("“%s” is not a finite number"), text);
  if (!bp_parse_double (text, value, &local))
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, key, "%s", local->message);
  return TRUE;
}

static gboolean
read_double (const Reader *r,
             const char   *group,
             const char   *key,
             double       *value,
             GError      **error)
{
  return read_number (r, group, key, FALSE, value, error);
}

static gboolean
read_uint64 (const Reader *r,
             const char   *group,
             const char   *key,
             guint64       max,
             guint64      *value,
             GError      **error)
{
  g_autofree char *text = get_string (r, group, key, error);
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return FALSE;
  if (!bp_parse_uint64 (text, max, value, &local))
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, key, "%s", local->message);
  return TRUE;
}

/* One of @names (NULL-terminated); *@index is its position. */
static gboolean
read_choice (const Reader       *r,
             const char         *group,
             const char         *key,
             const char * const *names,
             guint              *index,
             GError            **error)
{
  g_autofree char *text = get_string (r, group, key, error);
  g_autofree char *choices = NULL;

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (text, names[i]))
      {
        *index = i;
        return TRUE;
      }
  choices = g_strjoinv (", ", (char **) names);
  return fail (r, error, BP_SESSION_ERROR_VALUE, group, key, _("“%s” is not one of %s"), text, choices);
}

/* ---- reading the groups ----------------------------------------------------- */

static gboolean
read_format (const Reader *r,
             GError      **error)
{
  guint64 format;

  if (!g_key_file_has_group (r->kf, GROUP_MAIN))
    return fail (r, error, BP_SESSION_ERROR_PARSE, NULL, NULL,
                 _("is not a Backprop session: it has no [%s] group"), GROUP_MAIN);
  if (!read_uint64 (r, GROUP_MAIN, "format", G_MAXUINT64, &format, error))
    return FALSE;
  if (format > BP_SESSION_FORMAT)
    return fail (r, error, BP_SESSION_ERROR_VERSION, GROUP_MAIN, "format",
                 _("the file was made by a newer version of Backprop (format %" PRIu64
                   "; this version reads format %d and older)"), format, BP_SESSION_FORMAT);
  if (format == 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "format",
                 _("0 is not a format; formats are numbered from 1"));
  return TRUE;
}

static gboolean
read_seed (const Reader *r,
           BpSession    *s,
           GError      **error)
{
  guint64 seed;

  s->has_seed = g_key_file_has_key (r->kf, GROUP_MAIN, "seed", NULL);
  if (!s->has_seed)
    return TRUE;
  if (!read_uint64 (r, GROUP_MAIN, "seed", G_MAXUINT32, &seed, error))
    return FALSE;
  s->seed = (guint32) seed;
  return TRUE;
}

/* Optional: without it the run has no target and stops after its epochs. */
static gboolean
read_target_loss (const Reader *r,
                  double       *target_loss,
                  GError      **error)
{
  *target_loss = 0;
  if (!g_key_file_has_key (r->kf, GROUP_MAIN, "target-loss", NULL))
    return TRUE;
  if (!read_double (r, GROUP_MAIN, "target-loss", target_loss, error))
    return FALSE;
  if (*target_loss <= 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "target-loss",
                 _("must be greater than 0"));
  return TRUE;
}

/* By the core's own names, as the CLI's --normalize. */
static gboolean
read_normalize (const Reader *r,
                BpNormalize  *mode,
                GError      **error)
{
  g_autofree char *text = get_string (r, GROUP_MAIN, "normalize", error);

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  if (bp_normalize_from_string (text, mode))
    return TRUE;
  return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "normalize",
               _("“%s” is not one of seed, mean, standard, none"), text);
}

static gboolean
read_settings (const Reader *r,
               BpSession    *s,
               GError      **error)
{
  guint units;

  if (!read_choice (r, GROUP_MAIN, "units", units_names, &units, error) ||
      !read_normalize (r, &s->normalize, error) ||
      !read_double (r, GROUP_MAIN, "learning-rate", &s->learning_rate, error) ||
      !read_uint64 (r, GROUP_MAIN, "epochs", BP_SESSION_MAX_EPOCHS, &s->epochs, error) ||
      !read_target_loss (r, &s->target_loss, error) ||
      !read_seed (r, s, error))
    return FALSE;
  s->units = units;
  if (s->learning_rate <= 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "learning-rate",
                 _("must be greater than 0"));
  return TRUE;
}

static gboolean
check_run (const Reader    *r,
           const BpSession *s,
           GError         **error)
{
  if (s->epoch > s->epochs)
    return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "epoch",
                 _("%" PRIu64 " epochs done is more than the %" PRIu64
                   " of epochs="), s->epoch, s->epochs);
  if (s->state == BP_TRAINER_IDLE && s->epoch != 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "epoch",
                 _("is %" PRIu64 ", but a run that is idle has done no epochs"), s->epoch);
  /* A target loss may finish a run early, but after one epoch at least. */
  if (s->state == BP_TRAINER_FINISHED && s->epoch != s->epochs && s->target_loss > 0 &&
      s->epoch == 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "epoch",
                 _("is 0, but a finished run has done one epoch at least"));
  if (s->state == BP_TRAINER_FINISHED && s->epoch != s->epochs && s->target_loss <= 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "epoch",
                 _("is %" PRIu64 ", but a finished run has done all %" PRIu64
                   " epochs"), s->epoch, s->epochs);
  if (s->speed < 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "speed",
                 _("is negative; epochs per second are 0 (as fast as possible) or more"));
  return TRUE;
}

static gboolean
read_run (const Reader *r,
          BpSession    *s,
          GError      **error)
{
  guint state;

  if (!read_choice (r, GROUP_MAIN, "state", state_names, &state, error) ||
      !read_uint64 (r, GROUP_MAIN, "epoch", BP_SESSION_MAX_EPOCHS, &s->epoch, error) ||
      !read_double (r, GROUP_MAIN, "speed", &s->speed, error))
    return FALSE;
  s->state = saved_states[state];
  return check_run (r, s, error);
}

static gboolean
read_params (const Reader *r,
             const char   *group,
             gboolean      nonfinite_ok,
             BpParams     *params,
             GError      **error)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      double value;

      if (!read_number (r, group, bp_param_name (i), nonfinite_ok, &value, error))
        return FALSE;
      bp_params_set (params, i, value);
    }
  return TRUE;
}

/* With a seed the initial parameters follow from it, and when both are
 * given they must agree, or a hand-edited seed would silently do nothing. */
static gboolean
read_initial (const Reader *r,
              BpSession    *s,
              GError      **error)
{
  BpParams seeded;

  if (s->has_seed)
    bp_params_from_seed (&seeded, s->seed);
  if (s->has_seed && !g_key_file_has_group (r->kf, GROUP_INITIAL))
    {
      s->initial = seeded;
      return TRUE;
    }
  if (!read_params (r, GROUP_INITIAL, FALSE, &s->initial, error))
    return FALSE;
  if (!s->has_seed || same_params (&s->initial, &seeded))
    return TRUE;
  return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_INITIAL, NULL,
               _("these are not the initial parameters of seed %u; remove this group to start "
                 "from seed %u, or remove seed= to keep them"), s->seed, s->seed);
}

/* Absent: the run has not moved from the initial parameters. */
static gboolean
read_current (const Reader *r,
              BpSession    *s,
              GError      **error)
{
  if (!g_key_file_has_group (r->kf, GROUP_CURRENT))
    {
      s->current = s->initial;
      return TRUE;
    }
  return read_params (r, GROUP_CURRENT, s->state == BP_TRAINER_DIVERGED, &s->current, error);
}

/* Weights and heights are checked in lb and in, the units of their keys. */
static gboolean
read_measures (const Reader *r,
               const char   *group,
               double       *weight,
               double       *height,
               GError      **error)
{
  g_autoptr(GError) local = NULL;

  if (!read_double (r, group, "weight-lb", weight, error) ||
      !read_double (r, group, "height-in", height, error))
    return FALSE;
  if (!bp_check_weight_lb (*weight, BP_UNITS_LB_IN, &local))
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, "weight-lb", "%s", local->message);
  if (!bp_check_height_in (*height, BP_UNITS_LB_IN, &local))
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, "height-in", "%s", local->message);
  return TRUE;
}

static gboolean
read_person (const Reader *r,
             const char   *group,
             BpPeople     *people,
             GError      **error)
{
  g_autofree char *name = get_string (r, group, "name", error);
  g_autofree char *gender_text = NULL;
  BpGender gender;
  double weight, height;

  if (name == NULL)
    return FALSE;
  if (bp_person_name_is_blank (name))
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, "name",
                 _("is empty; every person has a name"));
  if ((gender_text = get_string (r, group, "gender", error)) == NULL)
    return FALSE;
  if (!bp_parse_gender (gender_text, &gender))
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, "gender", _("“%s” is not F or M"), gender_text);
  if (!read_measures (r, group, &weight, &height, error))
    return FALSE;
  bp_people_add (people, bp_person_new (name, weight, height, gender));
  return TRUE;
}

static guint
count_groups (const Reader *r,
              const char   *prefix)
{
  g_auto(GStrv) groups = g_key_file_get_groups (r->kf, NULL);
  guint n = 0;

  for (guint i = 0; groups[i] != NULL; i++)
    n += g_str_has_prefix (groups[i], prefix);
  return n;
}

/* Each of the @n [PREFIX…] groups is [PREFIX1] … [PREFIXn], written as
 * Backprop writes the numbers.  No group appears twice (check_layout()),
 * so none is then missing either. */
static gboolean
check_numbering (const Reader *r,
                 const char   *prefix,
                 guint         n,
                 GError      **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (r->kf, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *number = groups[i] + strlen (prefix);
      guint64 value;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;
      if ((number[0] == '0' && number[1] != '\0') ||
          !g_ascii_string_to_unsigned (number, 10, 0, G_MAXUINT64, &value, NULL))
        return fail (r, error, BP_SESSION_ERROR_PARSE, groups[i], NULL,
                     _("“%s” is not a number as Backprop writes them; [%sN] groups are "
                       "numbered 1, 2, 3 … without gaps"), number, prefix);
      if ((value == 0 || value > n) && n == 1)
        return fail (r, error, BP_SESSION_ERROR_PARSE, groups[i], NULL,
                     _("is number %s, but the only [%s…] group must be [%s1]"), number, prefix, prefix);
      if (value == 0 || value > n)
        return fail (r, error, BP_SESSION_ERROR_PARSE, groups[i], NULL,
                     _("is number %s, but the %u [%s…] groups are numbered 1 to %u without gaps"),
                     number, n, prefix, n);
    }
  return TRUE;
}

/* [PREFIX1], [PREFIX2], … numbered from 1 without gaps. */
static gboolean
read_people (const Reader *r,
             const char   *prefix,
             BpPeople     *people,
             GError      **error)
{
  guint n = count_groups (r, prefix);

  if (n > BP_CSV_MAX_PEOPLE)
    return fail (r, error, BP_SESSION_ERROR_TOO_LARGE, NULL, NULL,
                 _("has %u [%s…] groups; a session holds at most %d"), n, prefix, BP_CSV_MAX_PEOPLE);
  if (!check_numbering (r, prefix, n, error))
    return FALSE;
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *group = g_strdup_printf ("%s%u", prefix, i);

      if (!read_person (r, group, people, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- reading the history ---------------------------------------------------- */

static gboolean
parse_bucket (const Reader *r,
              const char   *group,
              const char   *key,
              char        **parts,
              double       *v,
              GError      **error)
{
  guint n = g_strv_length (parts);
  g_autoptr(GError) local = NULL;

  if (n != 1 && n != 4)
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, key,
                 _("has %u numbers; a bucket is one number, or first;last;min;max"), n);
  for (guint i = 0; i < n; i++)
    if (!bp_parse_double (parts[i], &v[i], &local))
      return fail (r, error, BP_SESSION_ERROR_VALUE, group, key, "%s", local->message);
  for (guint i = n; i < 4; i++)
    v[i] = v[0];
  return TRUE;
}

/* What a series records, and so where its values lie. */
typedef struct
{
  double      lowest;
  double      highest;
  const char *rule;  /* the order and the range, in words */
} Kind;

static const Kind loss_kind = {
  0, INFINITY, N_("first;last;min;max must have 0 ≤ min ≤ first, last ≤ max")
};
static const Kind param_kind = {
  -INFINITY, INFINITY, N_("first;last;min;max must have min ≤ first, last ≤ max")
};
/* The network's output, a sigmoid's. */
static const Kind prediction_kind = {
  0, 1, N_("first;last;min;max must have 0 ≤ min ≤ first, last ≤ max ≤ 1")
};

/* A bucket as BpSeries makes them: min ≤ first, last ≤ max, within what
 * the series records, and a bucket of one epoch is one value. */
static gboolean
read_bucket (const Reader *r,
             const char   *group,
             const char   *key,
             guint64       n_epochs,
             const Kind   *kind,
             BpBucket     *b,
             GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) parts = NULL;
  double v[4];

  if (!g_key_file_has_key (r->kf, group, key, NULL))
    return fail (r, error, BP_SESSION_ERROR_PARSE, group, key, _("missing"));
  parts = g_key_file_get_string_list (r->kf, group, key, NULL, &local);
  if (parts == NULL)
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, key, "%s", local->message);
  if (!parse_bucket (r, group, key, parts, v, error))
    return FALSE;
  *b = (BpBucket) { v[0], v[1], v[2], v[3] };
  if (b->min < kind->lowest || b->max > kind->highest ||
      b->min > b->first || b->min > b->last || b->max < b->first || b->max < b->last)
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, key, "%s", _(kind->rule));
  if (n_epochs == 1 && !(b->first == b->min && b->first == b->max))
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, key,
                 _("holds a single epoch, so first, last, min and max are one number"));
  return TRUE;
}

/* bucket-0, bucket-1, … each once, without gaps. */
static gboolean
count_buckets (const Reader *r,
               const char   *group,
               guint        *n,
               GError      **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (r->kf, group, NULL, NULL);
  guint prefixed = 0;
  char key[32];

  for (guint i = 0; keys[i] != NULL; i++)
    prefixed += g_str_has_prefix (keys[i], PREFIX_BUCKET);
  for (*n = 0; *n < prefixed; (*n)++)
    if (!g_key_file_has_key (r->kf, group, bucket_key (key, sizeof key, *n), NULL))
      return fail (r, error, BP_SESSION_ERROR_PARSE, group, NULL,
                   _("%s is missing; its %u %sN keys must be numbered from "
                     "%s0 without gaps, each once"), key, prefixed, PREFIX_BUCKET, PREFIX_BUCKET);
  return TRUE;
}

/* A series as the file gives it, before any bucket is read. */
typedef struct
{
  guint64 capacity;
  guint64 span;
  guint64 pending;
  guint   n_buckets;
} Shape;

static gboolean
read_shape (const Reader *r,
            const char   *group,
            Shape        *shape,
            GError      **error)
{
  if (!read_uint64 (r, group, "capacity", BP_SESSION_MAX_CAPACITY, &shape->capacity, error) ||
      !read_uint64 (r, group, "span", G_MAXUINT64, &shape->span, error))
    return FALSE;
  if (shape->capacity < 2 || shape->capacity % 2 != 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, "capacity",
                 _("%" PRIu64 " is not an even number of at least 2"), shape->capacity);
  if (shape->span == 0 || (shape->span & (shape->span - 1)) != 0)
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, "span",
                 _("%" PRIu64 " is not a power of two (1, 2, 4, …)"), shape->span);
  return read_uint64 (r, group, "pending", shape->span - 1, &shape->pending, error) &&
         count_buckets (r, group, &shape->n_buckets, error);
}

/* A BpSeries merges its buckets pairwise (and doubles the span) as soon
 * as all @capacity are full, after which half of them are; and it never
 * holds more epochs than were run. */
static gboolean
check_shape (const Reader *r,
             const char   *group,
             const Shape  *shape,
             guint64       epoch,
             GError      **error)
{
  guint64 n = shape->n_buckets;

  if (n >= shape->capacity)
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, "capacity",
                 _("is %" PRIu64 ", so there are at most %" PRIu64
                   " full buckets, not %" PRIu64), shape->capacity, shape->capacity - 1, n);
  if (shape->span > 1 && n < shape->capacity / 2)
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, "span",
                 _("is more than 1, so at least capacity/2 = %" PRIu64
                   " buckets are full, not %" PRIu64), shape->capacity / 2, n);
  if ((n > 0 && shape->span > (G_MAXUINT64 - shape->pending) / n) ||
      n * shape->span + shape->pending > epoch)
    return fail (r, error, BP_SESSION_ERROR_VALUE, group, NULL,
                 _("holds more epochs than the %" PRIu64 " of epoch= in [%s]"),
                 epoch, GROUP_MAIN);
  return TRUE;
}

/* Absent: nothing recorded yet. */
static gboolean
read_series (const Reader *r,
             const char   *group,
             guint64       epoch,
             const Kind   *kind,
             BpSeries     *s,
             GError      **error)
{
  Shape shape;
  char key[32];

  if (!g_key_file_has_group (r->kf, group))
    return TRUE;
  if (!read_shape (r, group, &shape, error) || !check_shape (r, group, &shape, epoch, error))
    return FALSE;
  bp_series_clear (s);
  bp_series_init (s, shape.capacity);
  s->span = shape.span;
  s->pending = shape.pending;
  s->n_buckets = shape.n_buckets;
  s->count = s->n_buckets * s->span + s->pending;
  for (guint i = 0; i < s->n_buckets; i++)
    if (!read_bucket (r, group, bucket_key (key, sizeof key, i), s->span, kind, &s->buckets[i], error))
      return FALSE;
  return s->pending == 0 || read_bucket (r, group, "partial", s->pending, kind, &s->partial, error);
}

static gboolean
read_param_histories (const Reader *r,
                      BpSession    *s,
                      GError      **error)
{
  for (guint j = 0; j < BP_N_PARAMS; j++)
    {
      g_autofree char *group = param_history_group (j);

      if (!read_series (r, group, s->epoch, &param_kind, &s->history.params[j], error))
        return FALSE;
    }
  return TRUE;
}

/* [Prediction history 1], … one for each of the first training people,
 * numbered from 1 without gaps. */
static gboolean
read_prediction_histories (const Reader *r,
                           BpSession    *s,
                           GError      **error)
{
  guint n = count_groups (r, PREFIX_PREDICTION_HISTORY);
  guint most = MIN (bp_people_get_n (s->people), BP_HISTORY_MAX_PEOPLE);

  if (n > most)
    return fail (r, error, BP_SESSION_ERROR_VALUE, NULL, NULL,
                 _("has %u [%s…] groups; there is one for each of the "
                   "first %d training people at most, here %u"),
                 n, PREFIX_PREDICTION_HISTORY, BP_HISTORY_MAX_PEOPLE, most);
  if (!check_numbering (r, PREFIX_PREDICTION_HISTORY, n, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *group = g_strdup_printf (PREFIX_PREDICTION_HISTORY "%u", i + 1);

      if (!read_series (r, group, s->epoch, &prediction_kind, &s->history.predictions[i], error))
        return FALSE;
    }
  s->history.n_people = n;
  return TRUE;
}

/* ---- reading a file --------------------------------------------------------- */

/* @size: the file's size in bytes, or 0 when only known to be too much. */
static gboolean
too_large (GError    **error,
           const char *filename,
           guint64     size)
{
  g_autofree char *what = size > 0 ? g_strdup_printf (_("%" PRIu64 " bytes"), size)
                                   : g_strdup (_("larger than that"));

  g_set_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_TOO_LARGE,
               _("%s: a session may be at most %d MiB, and the file is %s"),
               filename, BP_SESSION_MAX_BYTES / (1024 * 1024), what);
  return FALSE;
}

/* The position of the first NUL byte or invalid UTF-8 sequence, as a line. */
static gboolean
check_encoding (const Reader *r,
                GError      **error)
{
  const char *bad = r->length > 0 ? memchr (r->text, '\0', r->length) : NULL;
  const char *invalid = NULL;
  guint line = 1;

  if (r->length == 0)
    return TRUE;
  if (bad == NULL && g_utf8_validate_len (r->text, r->length, &invalid))
    return TRUE;
  if (bad == NULL)
    bad = invalid;
  for (const char *p = r->text; p < bad; p++)
    line += *p == '\n';
  if (*bad == '\0')
    return fail_line (r, error, BP_SESSION_ERROR_ENCODING, line,
                      _("contains a NUL byte: this is a binary file, not a Backprop session"));
  return fail_line (r, error, BP_SESSION_ERROR_ENCODING, line,
                    _("is not UTF-8 text (byte 0x%02X), so not a Backprop session"),
                    (guint) (guchar) *bad);
}

/* The first line that is not blank, a comment, a group or a key=value:
 * GKeyFile names the line's text but not its number. */
static guint
find_bad_line (const Reader *r)
{
  g_autofree char *text = g_strndup (r->text, r->length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *s = g_strchug (lines[i]);

      if (*s != '\0' && *s != '#' && *s != '[' && strchr (s, '=') == NULL)
        return i + 1;
    }
  return 0;
}

static gboolean
is_blank (const Reader *r)
{
  for (gsize i = 0; i < r->length; i++)
    if (!g_ascii_isspace (r->text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parse_key_file (const Reader *r,
                GError      **error)
{
  g_autoptr(GError) local = NULL;

  if (is_blank (r))
    return fail_line (r, error, BP_SESSION_ERROR_PARSE, 0, _("is empty, not a Backprop session"));
  if (g_key_file_load_from_data (r->kf, r->text, r->length, G_KEY_FILE_NONE, &local))
    return TRUE;
  return fail_line (r, error, BP_SESSION_ERROR_PARSE, find_bad_line (r),
                    _("is not a Backprop session: %s"), local->message);
}

/* ---- what no run could have left ---------------------------------------------- */

/* The app and backprop-cli train on at least one person, and can write
 * only what they can train. */
static gboolean
check_people (const Reader    *r,
              const BpSession *s,
              GError         **error)
{
  if (bp_people_get_n (s->people) > 0)
    return TRUE;
  return fail (r, error, BP_SESSION_ERROR_VALUE, PREFIX_PERSON "1", NULL,
               _("missing: the session has no training people, and a lesson needs at least one"));
}

/* The trainer marks a run finished the moment its last epoch is done. */
static gboolean
check_stopped (const Reader    *r,
               const BpSession *s,
               GError         **error)
{
  if (s->state != BP_TRAINER_STOPPED || s->epoch < s->epochs)
    return TRUE;
  return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "state",
               _("is stopped, but all %" PRIu64 " epochs are done: that run finished"),
               s->epochs);
}

/* An idle run, or one finished after 0 epochs, has not taken a step.  (A
 * stopped or diverged run may have: one person at a time, mid-epoch.) */
static gboolean
check_unmoved (const Reader    *r,
               const BpSession *s,
               GError         **error)
{
  if (s->epoch > 0 || (s->state != BP_TRAINER_IDLE && s->state != BP_TRAINER_FINISHED))
    return TRUE;
  for (guint i = 0; i < BP_N_PARAMS; i++)
    if (!same_value (bp_params_get (&s->current, i), bp_params_get (&s->initial, i)))
      return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_CURRENT, bp_param_name (i),
                   _("differs from [%s], but a run that is %s at epoch 0 has not "
                     "moved from there"), GROUP_INITIAL, bp_trainer_state_to_string (s->state));
  return TRUE;
}

/* The trainer calls a run diverged when a parameter, or the loss they
 * give the training people, stopped being a finite number. */
static gboolean
check_diverged (const Reader    *r,
                const BpSession *s,
                GError         **error)
{
  g_autoptr(BpDataset) data = NULL;
  BpNormalizer norm;

  if (s->state != BP_TRAINER_DIVERGED || !bp_params_all_finite (&s->current))
    return TRUE;
  bp_normalizer_init (&norm, s->normalize, s->people);
  data = bp_people_to_dataset (s->people, &norm);
  if (!isfinite (bp_network_loss (&s->current, data)))
    return TRUE;
  return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_MAIN, "state",
               _("is diverged, but the [%s] are all finite numbers, and so is "
                 "the loss they give"), GROUP_CURRENT);
}

/* A test loss is recorded only with test people to measure it on. */
static gboolean
check_test_loss (const Reader    *r,
                 const BpSession *s,
                 GError         **error)
{
  const BpSeries *series = &s->history.test_loss;

  if (series->count == 0 || bp_people_get_n (s->test) > 0)
    return TRUE;
  return fail (r, error, BP_SESSION_ERROR_VALUE, GROUP_TEST_LOSS,
               series->n_buckets > 0 ? PREFIX_BUCKET "0" : "partial",
               _("holds a test loss, but the session has no [%sN] to "
                 "measure it on"), PREFIX_TEST_PERSON);
}

static gboolean
read_session (const Reader *r,
              BpSession    *s,
              GError      **error)
{
  return read_settings (r, s, error) &&
         read_run (r, s, error) &&
         read_initial (r, s, error) &&
         read_current (r, s, error) &&
         read_people (r, PREFIX_PERSON, s->people, error) &&
         read_people (r, PREFIX_TEST_PERSON, s->test, error) &&
         read_series (r, GROUP_LOSS, s->epoch, &loss_kind, &s->history.loss, error) &&
         read_series (r, GROUP_TEST_LOSS, s->epoch, &loss_kind, &s->history.test_loss, error) &&
         read_param_histories (r, s, error) &&
         read_prediction_histories (r, s, error) &&
         check_people (r, s, error) &&
         check_stopped (r, s, error) &&
         check_unmoved (r, s, error) &&
         check_diverged (r, s, error) &&
         check_test_loss (r, s, error);
}

/* @filename names the data in messages (NULL: "<input>").  Returns a new
 * session, or NULL and an error naming the file, line, group and key. */
BpSession *
bp_session_from_data (const char *data,
                      gsize       length,
                      const char *filename,
                      GError    **error)
{
  g_autofree char *shown = g_filename_display_name (filename != NULL ? filename : "<input>");
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(BpSession) session = NULL;
  Reader r = { kf, data, length, shown };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > BP_SESSION_MAX_BYTES)
    {
      too_large (error, shown, length);
      return NULL;
    }
  /* A byte order mark, as some editors put in UTF-8 files: it stays on
   * line 1 and changes no line number. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      r.text += 3;
      r.length -= 3;
    }
  if (!check_encoding (&r, error) || !parse_key_file (&r, error) || !read_format (&r, error) ||
      !check_layout (&r, error))
    return NULL;
  session = session_alloc ();
  if (!read_session (&r, session, error))
    return NULL;
  session->people->weight_units = session->people->height_units = session->units;
  session->test->weight_units = session->test->height_units = session->units;
  return g_steal_pointer (&session);
}

static GByteArray *
read_file (const char *path,
           const char *filename,
           GError    **error)
{
  g_autoptr(GError) local = NULL;
  gboolean too_big;
  guint64 size;
  GByteArray *bytes = bp_file_read_bounded (path, BP_SESSION_MAX_BYTES, &too_big, &size, &local);
  const char *wide = bytes != NULL ? bp_text_wide_encoding ((const char *) bytes->data, bytes->len) : NULL;

  /* Saved again by an editor as "Unicode": not binary, only in the wrong
   * encoding, which the NUL bytes of its ASCII would hide. */
  if (wide != NULL)
    {
      g_set_error (error, BP_SESSION_ERROR, BP_SESSION_ERROR_ENCODING,
                   _("%s:1: is %s text, not UTF-8; save it as UTF-8 to open it as a Backprop session"),
                   filename, wide);
      g_byte_array_unref (bytes);
      return NULL;
    }
  if (bytes != NULL)
    return bytes;
  if (too_big)
    too_large (error, filename, size);
  else
    g_set_error_literal (error, BP_SESSION_ERROR, BP_SESSION_ERROR_IO, local->message);
  return NULL;
}

/* Never returns a session half read: either all of the file, or NULL and
 * an error (domain BP_SESSION_ERROR). */
BpSession *
bp_session_load (const char *path,
                 GError    **error)
{
  g_autofree char *filename = g_filename_display_name (path);
  g_autoptr(GByteArray) bytes = read_file (path, filename, error);

  if (bytes == NULL)
    return NULL;
  return bp_session_from_data ((const char *) bytes->data, bytes->len, path, error);
}

/* ---- saving ------------------------------------------------------------------ */

/* Checks that the text reads back, so that Backprop never writes a file
 * it would refuse to open, then saves it as bp_file_save() does: a crash
 * or a full disk at any moment leaves either the old file or the new one,
 * whole, and nothing but a regular file is ever replaced. */
gboolean
bp_session_save (const BpSession *session,
                 const char      *path,
                 GError         **error)
{
  gsize length = 0;
  g_autofree char *text = bp_session_to_data (session, &length);
  g_autoptr(BpSession) check = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  check = bp_session_from_data (text, length, path, error);
  if (check == NULL)
    {
      g_prefix_error (error, _("Not saved, as it could not be opened again: "));
      return FALSE;
    }
  if (bp_file_save (path, text, length, &local))
    return TRUE;
  g_set_error_literal (error, BP_SESSION_ERROR, BP_SESSION_ERROR_IO, local->message);
  return FALSE;
}
