/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-cli.c: backprop-cli train / explain / export-python / example
 *
 * Flags arrive as strings through GOption and are then checked by the
 * core's strict parsers, so every bad value gets one line naming the flag
 * and the reason, and exit status 2.  Nothing is printed on stdout before
 * all input has been read and checked.  Every write to stdout is checked
 * (bp-output.c): output that cannot be written is exit status 2 too.
 */
#include "config.h"

#include "bp-cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bp-csv.h"
#include "bp-examples.h"
#include "bp-file.h"
#include "bp-json.h"
#include "bp-network.h"
#include "bp-output.h"
#include "bp-parse.h"
#include "bp-people.h"
#include "bp-python.h"
#include "bp-session.h"

/* The largest epoch count accepted: about two days of training. */
#define MAX_EPOCHS G_GUINT64_CONSTANT (1000000000000)

typedef enum { COMMAND_TRAIN, COMMAND_EXPLAIN, COMMAND_EXPORT_PYTHON } Command;

/* The flags exactly as typed. */
typedef struct
{
  char  *data;
  char  *test;
  char  *learning_rate;
  char  *epochs;
  char  *target_loss;
  char  *seed;
  char  *init;
  char  *normalize;
  char  *every;
  char  *person;
  char **classify;
  char  *session;
  char  *save;
  char  *output;
  gboolean json;
  gboolean check;
  gboolean help;
} Flags;

/* The flags once checked. */
typedef struct
{
  Command      command;
  BpPeople    *people;
  BpPeople    *test;
  double       learning_rate;
  guint64      epochs;
  double       target_loss; /* 0: none */
  gboolean     has_seed;
  guint32      seed;
  BpParams     initial;
  BpNormalizer norm;
  guint64      every;
  GArray      *classify;   /* of double pairs, in the data's units */
  char        *person;
  BpSession   *session;    /* --session, or NULL */
  char        *save;       /* --save, or NULL */
  char        *output;     /* export-python --output, or NULL for stdout */
  gboolean     json;
  gboolean     check;      /* explain --check: the gradient check too */
  char        *help;       /* --help: the text to print instead of running */
  BpOutput    *out;        /* stdout, not owned */
} Options;

static void
flags_clear (Flags *f)
{
  g_free (f->data);
  g_free (f->test);
  g_free (f->learning_rate);
  g_free (f->epochs);
  g_free (f->target_loss);
  g_free (f->seed);
  g_free (f->init);
  g_free (f->normalize);
  g_free (f->every);
  g_free (f->person);
  g_strfreev (f->classify);
  g_free (f->session);
  g_free (f->save);
  g_free (f->output);
}

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->people, bp_people_unref);
  g_clear_pointer (&o->test, bp_people_unref);
  g_clear_pointer (&o->classify, g_array_unref);
  g_clear_pointer (&o->person, g_free);
  g_clear_pointer (&o->session, bp_session_free);
  g_clear_pointer (&o->save, g_free);
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->help, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Flags, flags_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
usage_error (const char *flag,
             const char *message)
{
  if (flag != NULL)
    g_printerr ("backprop-cli: %s: %s\n", flag, message);
  else
    g_printerr ("backprop-cli: %s\n", message);
  return BP_CLI_EXIT_USAGE;
}

/* export-python takes train's flags that say what to train (not --every,
 * --save or --json), and where to write the program. */
static GOptionContext *
make_export_python_context (GOptionContext     *context,
                            Flags              *f,
                            const GOptionEntry *common,
                            const GOptionEntry *help)
{
  const GOptionEntry export_python[] = {
    { "test", 0, 0, G_OPTION_ARG_FILENAME, &f->test, "Held-out test people (CSV)", "FILE.csv" },
    { "epochs", 0, 0, G_OPTION_ARG_FILENAME, &f->epochs, "Epochs (default 1000)", "N" },
    { "target-loss", 0, 0, G_OPTION_ARG_FILENAME, &f->target_loss, "Train only as many epochs as it takes the loss to fall below L (at most N)", "L" },
    { "classify", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &f->classify, "Classify a person, in the data's units (repeatable)", "WEIGHT,HEIGHT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &f->output, "Write the program to FILE instead of standard output", "FILE" },
    { NULL }
  };

  g_option_context_set_summary (context, "Write the lesson as a standalone Python 3 + numpy program in the "
                                         "shape of the seeds, which trains to the same parameters.");
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, common, NULL);
  g_option_context_add_main_entries (context, export_python, NULL);
  g_option_context_add_main_entries (context, help, NULL);
  return context;
}

/* Every flag is taken as the bytes typed (G_OPTION_ARG_FILENAME): GOption
 * would refuse a value that is not text in the locale's encoding without
 * saying which flag it was, so check_text() converts the text flags
 * itself.  Its own --help is replaced by one that prints through the
 * checked output. */
static GOptionContext *
make_context (Command  command,
              Flags   *f)
{
  const GOptionEntry common[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &f->data, "Training people (CSV; default: the four seed people)", "FILE.csv" },
    { "learning-rate", 0, 0, G_OPTION_ARG_FILENAME, &f->learning_rate, "Learning rate (default 0.1)", "LR" },
    { "seed", 0, 0, G_OPTION_ARG_FILENAME, &f->seed, "Seed of the random initial parameters, 0–4294967295 (as np.random.seed)", "S" },
    { "init", 0, 0, G_OPTION_ARG_FILENAME, &f->init, "Initial parameters instead of a seed", "w1,w2,w3,w4,w5,w6,b1,b2,b3" },
    { "normalize", 0, 0, G_OPTION_ARG_FILENAME, &f->normalize, "Input normalisation (default seed: weight−135 lb, height−66 in)", "seed|mean|standard|none" },
    { "session", 0, 0, G_OPTION_ARG_FILENAME, &f->session, "Start as a saved session: its people, test people, normalisation, learning rate, epochs, target loss and initial parameters (other flags override them)", "FILE.backprop" },
    { NULL }
  };
  const GOptionEntry json[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &f->json, "Print one JSON object instead of text", NULL },
    { NULL }
  };
  const GOptionEntry help[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &f->help, "Show this help", NULL },
    { "help-all", '?', G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &f->help, NULL, NULL },
    { NULL }
  };
  const GOptionEntry train[] = {
    { "test", 0, 0, G_OPTION_ARG_FILENAME, &f->test, "Held-out test people (CSV)", "FILE.csv" },
    { "epochs", 0, 0, G_OPTION_ARG_FILENAME, &f->epochs, "Epochs (default 1000)", "N" },
    { "target-loss", 0, 0, G_OPTION_ARG_FILENAME, &f->target_loss, "Stop after the first epoch whose loss is below L (at most N epochs)", "L" },
    { "every", 0, 0, G_OPTION_ARG_FILENAME, &f->every, "Print the loss every K epochs (default 10, 0 = never)", "K" },
    { "classify", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &f->classify, "Classify a person, in the data's units (repeatable)", "WEIGHT,HEIGHT" },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &f->save, "Save the session after training, run and loss history included", "FILE.backprop" },
    { NULL }
  };
  const GOptionEntry explain[] = {
    { "person", 0, 0, G_OPTION_ARG_FILENAME, &f->person, "The person to take one step on", "NAME" },
    { "check", 0, 0, G_OPTION_ARG_NONE, &f->check, "Also check each partial derivative against a central finite difference", NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);

  if (command == COMMAND_EXPORT_PYTHON)
    return make_export_python_context (context, f, common, help);
  g_option_context_set_summary (context, command == COMMAND_TRAIN
                                ? "Train the 2-2-1 network of the seeds and print its loss and predictions."
                                : "Show every intermediate of one SGD step on one person.");
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, common, NULL);
  g_option_context_add_main_entries (context, json, NULL);
  g_option_context_add_main_entries (context, command == COMMAND_TRAIN ? train : explain, NULL);
  g_option_context_add_main_entries (context, help, NULL);
  return context;
}

static gboolean
check_people (const char *path,
              BpPeople  **people,
              GError    **error)
{
  if (path == NULL)
    {
      *people = bp_people_new_seed ();
      return TRUE;
    }
  *people = bp_csv_load (path, error);
  return *people != NULL;
}

static int
check_learning_rate (const Flags *f,
                     Options     *o)
{
  g_autoptr(GError) error = NULL;

  o->learning_rate = o->session != NULL ? o->session->learning_rate : 0.1;
  if (f->learning_rate == NULL)
    return 0;
  if (!bp_parse_double (f->learning_rate, &o->learning_rate, &error))
    return usage_error ("--learning-rate", error->message);
  if (o->learning_rate <= 0)
    return usage_error ("--learning-rate", "must be greater than 0");
  return 0;
}

static int
check_counts (const Flags *f,
              Options     *o)
{
  g_autoptr(GError) error = NULL;

  o->epochs = o->session != NULL ? o->session->epochs : 1000;
  o->every = 10;
  if (f->epochs != NULL && !bp_parse_uint64 (f->epochs, MAX_EPOCHS, &o->epochs, &error))
    return usage_error ("--epochs", error->message);
  if (f->every != NULL && !bp_parse_uint64 (f->every, MAX_EPOCHS, &o->every, &error))
    return usage_error ("--every", error->message);
  return 0;
}

/* Optional: without it (or a session's target-loss) every epoch runs. */
static int
check_target_loss (const Flags *f,
                   Options     *o)
{
  g_autoptr(GError) error = NULL;

  o->target_loss = o->session != NULL ? o->session->target_loss : 0;
  if (f->target_loss == NULL)
    return 0;
  if (!bp_parse_double (f->target_loss, &o->target_loss, &error))
    return usage_error ("--target-loss", error->message);
  if (o->target_loss <= 0)
    return usage_error ("--target-loss", "must be greater than 0");
  return 0;
}

static int
check_initial (const Flags *f,
               Options     *o)
{
  g_autoptr(GError) error = NULL;
  double values[BP_N_PARAMS];
  guint64 seed;

  if (f->seed != NULL && f->init != NULL)
    return usage_error (NULL, "--seed and --init both give the initial parameters; use one");
  if (f->init != NULL)
    {
      if (!bp_parse_double_list (f->init, BP_N_PARAMS, values, &error))
        return usage_error ("--init", error->message);
      for (guint i = 0; i < BP_N_PARAMS; i++)
        bp_params_set (&o->initial, i, values[i]);
      return 0;
    }
  if (f->seed == NULL && o->session != NULL)
    {
      o->has_seed = o->session->has_seed;
      o->seed = o->session->seed;
      o->initial = o->session->initial;
      return 0;
    }
  if (f->seed != NULL && !bp_parse_uint64 (f->seed, G_MAXUINT32, &seed, &error))
    return usage_error ("--seed", error->message);
  o->has_seed = TRUE;
  o->seed = f->seed != NULL ? (guint32) seed : g_random_int ();
  bp_params_from_seed (&o->initial, o->seed);
  return 0;
}

/* The people from --data and --test, else from --session. */
static int
check_data (const Flags *f,
            Options     *o)
{
  g_autoptr(GError) error = NULL;
  const BpSession *session = o->session;

  if (f->data == NULL && session != NULL)
    o->people = bp_people_copy (session->people);
  else if (!check_people (f->data, &o->people, &error))
    return usage_error ("--data", error->message);
  if (f->test == NULL && session != NULL && bp_people_get_n (session->test) > 0)
    o->test = bp_people_copy (session->test);
  else if (f->test != NULL && !check_people (f->test, &o->test, &error))
    return usage_error ("--test", error->message);
  if (bp_people_get_n (o->people) == 0)
    return usage_error ("--session", "the session has no training people; give some with --data");
  return 0;
}

static int
check_files (const Flags *f,
             Options     *o)
{
  BpNormalize mode = o->session != NULL ? o->session->normalize : BP_NORMALIZE_SEED;
  int status;

  if (f->normalize != NULL && !bp_normalize_from_string (f->normalize, &mode))
    return usage_error ("--normalize", "must be seed, mean, standard or none");
  if ((status = check_data (f, o)) != 0)
    return status;
  bp_normalizer_init (&o->norm, mode, o->people);
  return 0;
}

/* A point to classify, given in the data's units. */
static int
check_one_classify (const char *text,
                    Options    *o)
{
  g_autoptr(GError) error = NULL;
  double v[2];

  if (!bp_parse_double_list (text, 2, v, &error))
    return usage_error ("--classify", error->message);
  if (!bp_check_weight_lb (bp_weight_to_lb (v[0], o->people->weight_units), o->people->weight_units, &error) ||
      !bp_check_height_in (bp_height_to_in (v[1], o->people->height_units), o->people->height_units, &error))
    return usage_error ("--classify", error->message);
  g_array_append_vals (o->classify, v, 2);
  return 0;
}

static int
check_classify (const Flags *f,
                Options     *o)
{
  int status;

  o->classify = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; f->classify != NULL && f->classify[i] != NULL; i++)
    if ((status = check_one_classify (f->classify[i], o)) != 0)
      return status;
  return 0;
}

static int
check_person (const Flags *f,
              Options     *o)
{
  g_autofree char *message = NULL;

  if (o->command != COMMAND_EXPLAIN)
    return 0;
  if (f->person == NULL)
    return usage_error ("--person", "is required: which person to explain the step on");
  if (bp_people_find (o->people, f->person, NULL) == NULL)
    {
      message = g_strdup_printf ("no person called “%s” in the training people", f->person);
      return usage_error ("--person", message);
    }
  o->person = g_strdup (f->person);
  return 0;
}

static int
check_session (const Flags *f,
               Options     *o)
{
  g_autoptr(GError) error = NULL;

  if (f->session == NULL)
    return 0;
  o->session = bp_session_load (f->session, &error);
  if (o->session == NULL)
    return usage_error ("--session", error->message);
  return 0;
}

/* An empty name, or anything the save would refuse (a missing folder, a
 * FIFO, a device, a read-only file …), is refused before training, not
 * after. */
static int
check_save (const Flags *f,
            Options     *o)
{
  g_autoptr(GError) error = NULL;

  if (f->save == NULL)
    return 0;
  if (f->save[0] == '\0')
    return usage_error ("--save", "is empty; give the file to save the session in");
  if (!bp_file_check_writable (f->save, &error))
    return usage_error ("--save", error->message);
  o->save = g_strdup (f->save);
  return 0;
}

/* export-python --output, checked before anything is written, as --save. */
static int
check_output (const Flags *f,
              Options     *o)
{
  g_autoptr(GError) error = NULL;

  if (f->output == NULL)
    return 0;
  if (f->output[0] == '\0')
    return usage_error ("--output", "is empty; give the file to write the program in");
  if (!bp_file_check_writable (f->output, &error))
    return usage_error ("--output", error->message);
  o->output = g_strdup (f->output);
  return 0;
}

/* @bytes with each byte that is not part of UTF-8 text written as \xff,
 * so that a message can show what was typed. */
static char *
show_bytes (const char *bytes)
{
  GString *shown = g_string_new (NULL);
  const char *end;

  while (!g_utf8_validate (bytes, -1, &end))
    {
      g_string_append_len (shown, bytes, end - bytes);
      g_string_append_printf (shown, "\\x%02x", (guint) (guchar) *end);
      bytes = end + 1;
    }
  g_string_append (shown, bytes);
  return g_string_free (shown, FALSE);
}

/* A text flag in UTF-8: converted from the locale's encoding as GOption
 * would have, or kept when it is UTF-8 already (typed in a C locale, whose
 * ASCII cannot convert it); otherwise refused, naming the flag. */
static int
check_text (const char  *flag,
            char       **value)
{
  g_autofree char *utf8 = NULL;

  if (*value == NULL)
    return 0;
  utf8 = g_locale_to_utf8 (*value, -1, NULL, NULL, NULL);
  if (utf8 == NULL && g_utf8_validate (*value, -1, NULL))
    utf8 = g_strdup (*value);
  if (utf8 == NULL)
    {
      g_autofree char *shown = show_bytes (*value);
      g_autofree char *message = NULL;
      const char *charset;

      g_get_charset (&charset);
      message = g_strdup_printf ("“%s” is not %s text", shown, charset);
      return usage_error (flag, message);
    }
  g_free (*value);
  *value = g_steal_pointer (&utf8);
  return 0;
}

/* Every flag but the file names, which are bytes. */
static int
check_texts (Flags *f)
{
  const struct
  {
    const char  *flag;
    char       **value;
  } texts[] = {
    { "--learning-rate", &f->learning_rate }, { "--epochs", &f->epochs }, { "--seed", &f->seed },
    { "--target-loss", &f->target_loss },
    { "--init", &f->init }, { "--normalize", &f->normalize }, { "--every", &f->every },
    { "--person", &f->person },
  };
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if ((status = check_text (texts[i].flag, texts[i].value)) != 0)
      return status;
  for (guint i = 0; f->classify != NULL && f->classify[i] != NULL; i++)
    if ((status = check_text ("--classify", &f->classify[i])) != 0)
      return status;
  return 0;
}

static int
check_flags (const Flags *f,
             Options     *o)
{
  int status;

  if ((status = check_session (f, o)) != 0 ||
      (status = check_save (f, o)) != 0 ||
      (status = check_output (f, o)) != 0 ||
      (status = check_learning_rate (f, o)) != 0 ||
      (status = check_counts (f, o)) != 0 ||
      (status = check_target_loss (f, o)) != 0 ||
      (status = check_files (f, o)) != 0 ||
      (status = check_initial (f, o)) != 0 ||
      (status = check_classify (f, o)) != 0 ||
      (status = check_person (f, o)) != 0)
    return status;
  o->json = f->json;
  o->check = f->check;
  return 0;
}

static int
parse_arguments (Command   command,
                 int      *argc,
                 char   ***argv,
                 Options  *o)
{
  g_auto(Flags) f = { 0 };
  g_autoptr(GOptionContext) context = make_context (command, &f);
  g_autoptr(GError) error = NULL;
  int status;

  o->command = command;
  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (NULL, error->message);
  if (f.help)
    {
      o->help = g_option_context_get_help (context, TRUE, NULL);
      return 0;
    }
  if (*argc > 1)
    {
      g_autofree char *shown = show_bytes ((*argv)[1]);
      g_autofree char *message = g_strdup_printf ("unexpected argument “%s”", shown);

      return usage_error (NULL, message);
    }
  if ((status = check_texts (&f)) != 0)
    return status;
  return check_flags (&f, o);
}

/* ---- training ---------------------------------------------------------- */

typedef struct
{
  BpParams  params;
  guint64   epochs_run;
  double    loss;
  gboolean  diverged;
  gboolean  reached;     /* stopped as the loss fell below --target-loss */
} Result;

static void
print_epoch (const Options *o,
             guint64        epoch,
             double         loss)
{
  if (o->json)
    return;
  bp_output_printf (o->out, "Epoch %" G_GUINT64_FORMAT " loss: %.3f\n", epoch, loss);
  bp_output_sync (o->out);
}

/* Epochs to run before the next one whose loss is printed (epoch e,
 * counting from 0, is printed when e % every == 0, as in the seeds). */
static guint64
next_span (guint64 done,
           guint64 total,
           guint64 every)
{
  guint64 next_print;

  if (every == 0)
    return total - done;
  next_print = (done + every - 1) / every * every;
  return MIN (next_print + 1, total) - done;
}

/* Trains in spans between printed epochs, so a run that prints nothing
 * costs no loss evaluation per epoch.  Stops when stdout fails: nobody
 * would see the rest. */
static void
train (const Options   *o,
       const BpDataset *data,
       Result          *r)
{
  guint64 every = o->json ? 0 : o->every;

  r->params = o->initial;
  r->epochs_run = 0;
  r->loss = bp_network_loss (&r->params, data);
  while (r->epochs_run < o->epochs)
    {
      guint64 span = next_span (r->epochs_run, o->epochs, every);
      guint64 ran = bp_network_train (&r->params, data, o->learning_rate, span, NULL);

      r->epochs_run += ran;
      r->loss = bp_network_loss (&r->params, data);
      r->diverged = ran < span || !isfinite (r->loss) || !bp_params_all_finite (&r->params);
      if (r->diverged)
        return;
      if (every > 0 && (r->epochs_run - 1) % every == 0)
        print_epoch (o, r->epochs_run - 1, r->loss);
      if (bp_output_failed (o->out))
        return;
    }
}

/* Epochs per call of the tracked loop, whose every loss is kept. */
#define TRACK_CHUNK 4096

/* Records a chunk's losses as the app's trainer does (every finite loss
 * and test loss, in order) and prints the epochs train() would print:
 * all those due but the one that diverged. */
static void
record_chunk (const Options *o,
              const Result  *r,
              BpHistory     *history,
              gboolean       has_test,
              const double  *loss,
              const double  *test_loss,
              guint64        ran)
{
  guint64 every = o->json ? 0 : o->every;

  for (guint64 i = 0; i < ran; i++)
    {
      guint64 epoch = r->epochs_run + i;

      if (isfinite (loss[i]))
        bp_series_push (&history->loss, loss[i]);
      if (has_test && isfinite (test_loss[i]))
        bp_series_push (&history->test_loss, test_loss[i]);
      if (every > 0 && epoch % every == 0 && !(r->diverged && i == ran - 1))
        print_epoch (o, epoch, loss[i]);
    }
}

/* train() for --save: the same run, epoch for epoch, also recording its
 * loss history.  The tracked loop computes each epoch's loss bit for bit
 * as bp_network_loss() does, so the output is the same too. */
static void
train_tracked (const Options   *o,
               const BpDataset *data,
               const BpDataset *test,
               Result          *r,
               BpHistory       *history)
{
  g_autofree double *loss = g_new (double, TRACK_CHUNK);
  g_autofree double *test_loss = g_new (double, TRACK_CHUNK);

  r->params = o->initial;
  r->epochs_run = 0;
  while (r->epochs_run < o->epochs && !r->diverged && !r->reached && !bp_output_failed (o->out))
    {
      guint64 n = MIN (o->epochs - r->epochs_run, TRACK_CHUNK);
      guint64 ran = bp_network_train_until (&r->params, data, test, o->learning_rate, n,
                                            o->target_loss, loss, test_loss);

      r->reached = loss[ran - 1] < o->target_loss && bp_params_all_finite (&r->params);
      r->diverged = !r->reached &&
                    (ran < n || !isfinite (loss[ran - 1]) || !bp_params_all_finite (&r->params));
      record_chunk (o, r, history, test != NULL, loss, test_loss, ran);
      r->epochs_run += ran;
    }
  r->loss = bp_network_loss (&r->params, data);
}

/* ---- saving -------------------------------------------------------------- */

/* The session the app would hold after the same run.  Its units are those
 * the weights came in. */
static void
session_from_run (const Options *o,
                  const Result  *r,
                  BpSession     *s)
{
  bp_people_unref (s->people);
  s->people = bp_people_copy (o->people);
  bp_people_unref (s->test);
  s->test = o->test != NULL ? bp_people_copy (o->test) : bp_people_new ();
  s->units = o->people->weight_units;
  s->normalize = o->norm.mode;
  s->learning_rate = o->learning_rate;
  s->epochs = o->epochs;
  s->target_loss = o->target_loss;
  s->has_seed = o->has_seed;
  s->seed = o->seed;
  s->initial = o->initial;
  s->current = r->params;
  s->state = r->diverged ? BP_TRAINER_DIVERGED : BP_TRAINER_FINISHED;
  s->epoch = r->epochs_run;
  s->speed = o->session != NULL ? o->session->speed : 0;
}

/* The last flush of stdout: output that could not be written is exit
 * status 2, with a message, like bad input. */
static int
finish_output (const Options *o)
{
  g_autoptr(GError) error = NULL;

  if (bp_output_finish (o->out, &error))
    return BP_CLI_EXIT_OK;
  return usage_error (NULL, error->message);
}

/* Trains, and with --save writes the session while what is printed is
 * still held back (see run_train()), so that a failed save prints
 * nothing. */
static int
train_and_save (const Options   *o,
                const BpDataset *data,
                Result          *r)
{
  g_autoptr(BpSession) session = NULL;
  g_autoptr(BpDataset) test = NULL;
  g_autoptr(GError) error = NULL;

  if (o->save == NULL && o->target_loss <= 0)
    {
      train (o, data, r);
      return BP_CLI_EXIT_OK;
    }
  session = bp_session_new ();
  if (o->test != NULL)
    test = bp_people_to_dataset (o->test, &o->norm);
  train_tracked (o, data, test, r, &session->history);
  /* Stopped early: that run is not the one asked for. */
  if (bp_output_failed (o->out))
    return finish_output (o);
  if (o->save == NULL)
    return BP_CLI_EXIT_OK;
  session_from_run (o, r, session);
  if (bp_session_save (session, o->save, &error))
    return BP_CLI_EXIT_OK;
  return usage_error ("--save", error->message);
}

/* F or M; a network that diverged gives no answer (NaN), nor a verdict. */
static const char *
verdict (double output)
{
  if (!isfinite (output))
    return NULL;
  return output >= 0.5 ? "F" : "M";
}

#define NO_ANSWER "no answer (the network diverged)"

static void
person_inputs (const Options  *o,
               const BpPerson *p,
               double         *x0,
               double         *x1)
{
  bp_normalizer_apply (&o->norm, p->weight_lb, p->height_in, x0, x1);
}

static double
classify_output (const Options  *o,
                 const BpParams *params,
                 guint           i,
                 double         *weight,
                 double         *height)
{
  double x0, x1;

  *weight = g_array_index (o->classify, double, 2 * i);
  *height = g_array_index (o->classify, double, 2 * i + 1);
  bp_normalizer_apply (&o->norm,
                       bp_weight_to_lb (*weight, o->people->weight_units),
                       bp_height_to_in (*height, o->people->height_units), &x0, &x1);
  return bp_network_feedforward (params, x0, x1);
}

static void
print_params (const Options  *o,
              const char     *title,
              const BpParams *params)
{
  bp_output_printf (o->out, "%s:\n", title);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    bp_output_printf (o->out, "  %s = %.17g\n", bp_param_name (i), bp_params_get (params, i));
}

static void
print_people_text (const Options *o,
                   const Result  *r)
{
  const BpPeople *people = o->people;

  bp_output_printf (o->out, "Predictions (1 = F, 0 = M):\n");
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      BpPerson *p = bp_people_get (people, i);
      double x0, x1, out;

      person_inputs (o, p, &x0, &x1);
      out = bp_network_feedforward (&r->params, x0, x1);
      if (verdict (out) == NULL)
        bp_output_printf (o->out, "  %s: " NO_ANSWER ", is %s\n", p->name, bp_gender_to_string (p->gender));
      else
        bp_output_printf (o->out, "  %s: %.3f (%s, is %s)\n", p->name, out, verdict (out),
                          bp_gender_to_string (p->gender));
    }
}

static void
print_classified_text (const Options *o,
                       const Result  *r)
{
  for (guint i = 0; i < o->classify->len / 2; i++)
    {
      double w, h, out = classify_output (o, &r->params, i, &w, &h);
      g_autofree char *answer = verdict (out) != NULL ? g_strdup_printf ("%.3f (%s)", out, verdict (out))
                                                      : g_strdup (NO_ANSWER);

      bp_output_printf (o->out, "Classify %g %s, %g %s: %s\n",
                        w, bp_units_weight_symbol (o->people->weight_units),
                        h, bp_units_height_symbol (o->people->height_units), answer);
    }
}

static void
test_scores (const Options  *o,
             const BpParams *params,
             double         *loss,
             double         *accuracy)
{
  g_autoptr(BpDataset) data = bp_people_to_dataset (o->test, &o->norm);

  *loss = bp_network_loss (params, data);
  *accuracy = bp_network_accuracy (params, data);
}

/* Only with a target: without one, the output stays as it always was. */
static void
print_target_text (const Options *o,
                   const Result  *r)
{
  if (o->target_loss <= 0)
    return;
  if (r->reached)
    bp_output_printf (o->out, "Target loss %g reached after %" G_GUINT64_FORMAT " epochs\n",
                      o->target_loss, r->epochs_run);
  else
    bp_output_printf (o->out, "Target loss %g not reached in %" G_GUINT64_FORMAT " epochs\n",
                      o->target_loss, r->epochs_run);
}

static const char *
stopped_by (const Result *r)
{
  if (r->diverged)
    return "diverged";
  return r->reached ? "target-loss" : "epochs";
}

static void
print_train_text (const Options *o,
                  const Result  *r)
{
  print_params (o, "Final parameters", &r->params);
  bp_output_printf (o->out, "Loss: %.6f\n", r->loss);
  print_target_text (o, r);
  print_people_text (o, r);
  print_classified_text (o, r);
  if (o->test != NULL)
    {
      double loss, accuracy;

      test_scores (o, &r->params, &loss, &accuracy);
      bp_output_printf (o->out, "Test: loss %.6f, accuracy %.1f %%\n", loss, 100 * accuracy);
    }
}

static void
json_person (BpJson         *json,
             const Options  *o,
             const BpPerson *p,
             const BpParams *params)
{
  double x0, x1;

  person_inputs (o, p, &x0, &x1);
  bp_json_begin_object (json, NULL);
  bp_json_string (json, "name", p->name);
  bp_json_number (json, "weight", bp_weight_shown (p->weight_lb, o->people->weight_units));
  bp_json_number (json, "height", bp_height_shown (p->height_in, o->people->height_units));
  bp_json_string (json, "gender", bp_gender_to_string (p->gender));
  bp_json_number (json, "output", bp_network_feedforward (params, x0, x1));
  bp_json_end_object (json);
}

static void
json_classified (BpJson        *json,
                 const Options *o,
                 const Result  *r)
{
  bp_json_begin_array (json, "classified");
  for (guint i = 0; i < o->classify->len / 2; i++)
    {
      double w, h, out = classify_output (o, &r->params, i, &w, &h);

      bp_json_begin_object (json, NULL);
      bp_json_number (json, "weight", w);
      bp_json_number (json, "height", h);
      bp_json_number (json, "output", out);
      if (verdict (out) != NULL)
        bp_json_string (json, "gender", verdict (out));
      else
        bp_json_null (json, "gender");
      bp_json_end_object (json);
    }
  bp_json_end_array (json);
}

static void
json_header (BpJson        *json,
             const Options *o)
{
  bp_json_uint (json, "epochs", o->epochs);
  bp_json_number (json, "learning_rate", o->learning_rate);
  if (o->has_seed)
    bp_json_uint (json, "seed", o->seed);
  else
    bp_json_null (json, "seed");
  bp_json_string (json, "normalize", bp_normalize_to_string (o->norm.mode));
  bp_json_begin_object (json, "units");
  bp_json_string (json, "weight", bp_units_weight_symbol (o->people->weight_units));
  bp_json_string (json, "height", bp_units_height_symbol (o->people->height_units));
  bp_json_end_object (json);
  bp_json_params (json, "initial", &o->initial);
}

static void
json_test (BpJson        *json,
           const Options *o,
           const Result  *r)
{
  double loss, accuracy;

  if (o->test == NULL)
    return;
  test_scores (o, &r->params, &loss, &accuracy);
  bp_json_begin_object (json, "test");
  bp_json_number (json, "loss", loss);
  bp_json_number (json, "accuracy", accuracy);
  bp_json_end_object (json);
}

static void
print_train_json (const Options *o,
                  const Result  *r)
{
  g_autofree char *text = NULL;
  BpJson json;

  bp_json_init (&json);
  bp_json_begin_object (&json, NULL);
  json_header (&json, o);
  bp_json_params (&json, "parameters", &r->params);
  bp_json_number (&json, "loss", r->loss);
  bp_json_boolean (&json, "diverged", r->diverged);
  bp_json_uint (&json, "epochs_run", r->epochs_run);
  bp_json_string (&json, "stopped_by", stopped_by (r));
  if (o->target_loss > 0)
    bp_json_number (&json, "target_loss", o->target_loss);
  else
    bp_json_null (&json, "target_loss");
  bp_json_begin_array (&json, "people");
  for (guint i = 0; i < bp_people_get_n (o->people); i++)
    json_person (&json, o, bp_people_get (o->people, i), &r->params);
  bp_json_end_array (&json);
  json_classified (&json, o, r);
  json_test (&json, o, r);
  bp_json_end_object (&json);
  text = bp_json_finish (&json);
  bp_output_utf8 (o->out, text);
}

static int
run_train (const Options *o)
{
  g_autoptr(BpDataset) data = bp_people_to_dataset (o->people, &o->norm);
  Result r = { 0 };
  int status;

  /* Exit status 2 prints nothing on stdout, a failed --save included. */
  if (o->save != NULL)
    bp_output_hold (o->out);
  if (!o->json && o->has_seed)
    {
      bp_output_printf (o->out, "Seed: %u\n", o->seed);
      bp_output_sync (o->out);
    }
  if ((status = train_and_save (o, data, &r)) != BP_CLI_EXIT_OK)
    return status;
  bp_output_release (o->out);
  if (o->json)
    print_train_json (o, &r);
  else
    print_train_text (o, &r);
  if ((status = finish_output (o)) != BP_CLI_EXIT_OK)
    return status;
  if (!r.diverged)
    return BP_CLI_EXIT_OK;
  g_printerr ("backprop-cli: training diverged at epoch %" G_GUINT64_FORMAT
              " (the loss or a parameter is no longer a finite number); try a smaller learning rate\n",
              r.epochs_run - 1);
  return BP_CLI_EXIT_DIVERGED;
}

/* ---- explain ----------------------------------------------------------- */

#define EXPLAIN_FIELD(name) { #name, G_STRUCT_OFFSET (BpExplain, name) }

static const struct
{
  const char *name;
  glong       offset;
} explain_fields[] = {
  EXPLAIN_FIELD (sum_h1), EXPLAIN_FIELD (h1), EXPLAIN_FIELD (sum_h2), EXPLAIN_FIELD (h2),
  EXPLAIN_FIELD (sum_o1), EXPLAIN_FIELD (o1), EXPLAIN_FIELD (d_L_d_ypred),
  EXPLAIN_FIELD (d_ypred_d_w5), EXPLAIN_FIELD (d_ypred_d_w6), EXPLAIN_FIELD (d_ypred_d_b3),
  EXPLAIN_FIELD (d_ypred_d_h1), EXPLAIN_FIELD (d_ypred_d_h2),
  EXPLAIN_FIELD (d_h1_d_w1), EXPLAIN_FIELD (d_h1_d_w2), EXPLAIN_FIELD (d_h1_d_b1),
  EXPLAIN_FIELD (d_h2_d_w3), EXPLAIN_FIELD (d_h2_d_w4), EXPLAIN_FIELD (d_h2_d_b2),
};

static double
explain_value (const BpExplain *e,
               guint            i)
{
  return G_STRUCT_MEMBER (double, e, explain_fields[i].offset);
}

/* "check": { "w1": { "backprop", "numeric", "relative_difference" }, … } */
static void
json_check (BpJson                *json,
            const BpGradientCheck *c)
{
  bp_json_begin_object (json, "check");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      bp_json_begin_object (json, bp_param_name (i));
      bp_json_number (json, "backprop", bp_params_get (&c->backprop, i));
      bp_json_number (json, "numeric", bp_params_get (&c->numeric, i));
      bp_json_number (json, "relative_difference", bp_params_get (&c->relative_difference, i));
      bp_json_end_object (json);
    }
  bp_json_end_object (json);
}

static void
print_explain_json (const Options         *o,
                    const BpExplain       *e,
                    const BpGradientCheck *check)
{
  g_autofree char *text = NULL;
  BpJson json;

  bp_json_init (&json);
  bp_json_begin_object (&json, NULL);
  bp_json_string (&json, "person", o->person);
  bp_json_begin_array (&json, "x");
  bp_json_number (&json, NULL, e->x0);
  bp_json_number (&json, NULL, e->x1);
  bp_json_end_array (&json);
  bp_json_number (&json, "y_true", e->y_true);
  bp_json_number (&json, "learning_rate", e->learning_rate);
  if (o->has_seed)
    bp_json_uint (&json, "seed", o->seed);
  else
    bp_json_null (&json, "seed");
  bp_json_string (&json, "normalize", bp_normalize_to_string (o->norm.mode));
  bp_json_params (&json, "parameters", &e->before);
  for (guint i = 0; i < G_N_ELEMENTS (explain_fields); i++)
    bp_json_number (&json, explain_fields[i].name, explain_value (e, i));
  bp_json_number (&json, "loss", e->loss);
  bp_json_params (&json, "gradient", &e->gradient);
  bp_json_params (&json, "parameters_after", &e->after);
  if (check != NULL)
    json_check (&json, check);
  bp_json_end_object (&json);
  text = bp_json_finish (&json);
  bp_output_utf8 (o->out, text);
}

static void
print_check_text (const Options         *o,
                  const BpGradientCheck *c)
{
  bp_output_printf (o->out, "Gradient check, backprop against a central finite difference:\n");
  bp_output_printf (o->out, "  %-9s  %-24s  %-24s  %s\n", "parameter", "backprop", "numeric",
                    "relative difference");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    bp_output_printf (o->out, "  %-9s  %-24.17g  %-24.17g  %.3g\n", bp_param_name (i),
                      bp_params_get (&c->backprop, i), bp_params_get (&c->numeric, i),
                      bp_params_get (&c->relative_difference, i));
}

static void
print_explain_text (const Options         *o,
                    const BpExplain       *e,
                    const BpGradientCheck *check)
{
  if (o->has_seed)
    bp_output_printf (o->out, "Seed: %u\n", o->seed);
  bp_output_printf (o->out, "Person: %s\nx = [%.17g, %.17g]\ny_true = %g\n",
                    o->person, e->x0, e->x1, e->y_true);
  print_params (o, "Parameters", &e->before);
  bp_output_printf (o->out, "Forward pass and partial derivatives:\n");
  for (guint i = 0; i < G_N_ELEMENTS (explain_fields); i++)
    bp_output_printf (o->out, "  %s = %.17g\n", explain_fields[i].name, explain_value (e, i));
  bp_output_printf (o->out, "Loss (y_true - y_pred)^2 = %.17g\n", e->loss);
  print_params (o, "Gradient dL/d(parameter)", &e->gradient);
  print_params (o, "Parameters after the step", &e->after);
  if (check != NULL)
    print_check_text (o, check);
}

static int
run_explain (const Options *o)
{
  guint index = 0;
  BpPerson *p = bp_people_find (o->people, o->person, &index);
  double y = p->gender == BP_GENDER_FEMALE ? 1.0 : 0.0;
  BpGradientCheck check;
  BpExplain e;
  double x0, x1;

  person_inputs (o, p, &x0, &x1);
  bp_network_explain (&o->initial, x0, x1, y, o->learning_rate, &e);
  if (o->check)
    bp_network_gradient_check (&o->initial, x0, x1, y, &check);
  if (o->json)
    print_explain_json (o, &e, o->check ? &check : NULL);
  else
    print_explain_text (o, &e, o->check ? &check : NULL);
  return finish_output (o);
}

/* ---- export-python ------------------------------------------------------- */

/* The program is UTF-8 whatever the locale: it is a Python source file. */
static int
run_export_python (const Options *o)
{
  BpPythonLesson lesson = {
    .people = o->people,
    .test = o->test,
    .norm = o->norm,
    .initial = o->initial,
    .has_seed = o->has_seed,
    .seed = o->seed,
    .learning_rate = o->learning_rate,
    .epochs = o->epochs,
    .target_loss = o->target_loss,
    .classify = (const double *) o->classify->data,
    .n_classify = o->classify->len / 2,
  };
  g_autofree char *program = bp_python_program (&lesson);
  g_autoptr(GError) error = NULL;

  if (o->output == NULL)
    bp_output_utf8 (o->out, program);
  else if (!bp_file_save (o->output, program, strlen (program), &error))
    return usage_error ("--output", error->message);
  return finish_output (o);
}

/* ---- entry ------------------------------------------------------------- */

static const char usage[] =
  "Usage:\n"
  "  backprop-cli train [--data FILE.csv] [--test FILE.csv] [--learning-rate LR] [--epochs N]\n"
  "                     [--seed S | --init w1,w2,w3,w4,w5,w6,b1,b2,b3] [--normalize seed|mean|standard|none]\n"
  "                     [--target-loss L] [--every K] [--classify WEIGHT,HEIGHT]... [--json]\n"
  "                     [--session FILE.backprop] [--save FILE.backprop]\n"
  "  backprop-cli explain --person NAME [--data FILE.csv] [--seed S | --init ...]\n"
  "                     [--learning-rate LR] [--normalize ...] [--session FILE.backprop] [--check] [--json]\n"
  "  backprop-cli export-python [--data FILE.csv] [--test FILE.csv] [--learning-rate LR] [--epochs N]\n"
  "                     [--seed S | --init ...] [--normalize ...] [--target-loss L] [--classify WEIGHT,HEIGHT]...\n"
  "                     [--session FILE.backprop] [-o FILE]\n"
  "  backprop-cli example seeds|class|population [--save FILE.csv]\n"
  "  backprop-cli COMMAND --help\n";

static const char *
command_prgname (Command command)
{
  switch (command)
    {
    case COMMAND_TRAIN:
      return "backprop-cli train";
    case COMMAND_EXPLAIN:
      return "backprop-cli explain";
    case COMMAND_EXPORT_PYTHON:
    default:
      return "backprop-cli export-python";
    }
}

/* --help, --version and COMMAND --help. */
static int
print_text (const Options *o,
            const char    *text)
{
  bp_output_printf (o->out, "%s", text);
  return finish_output (o);
}

/* ---- examples ----------------------------------------------------------- */

/* `example NAME [--save FILE.csv]`: the people of an example as a CSV
 * people file, on stdout or saved, exactly as the app loads them. */
static GOptionContext *
make_example_context (char **save,
                      gboolean *help)
{
  const GOptionEntry entries[] = {
    { "save", 0, 0, G_OPTION_ARG_FILENAME, save, "Save the people in FILE.csv instead of printing them", "FILE.csv" },
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, "Show this help", NULL },
    { "help-all", '?', G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, help, NULL, NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new ("seeds|class|population");

  g_option_context_set_summary (context,
                                "Write the people of an example as CSV: the seeds' four people, a "
                                "class of 30 or a population of 10 000 adults, generated the same "
                                "on every machine from the NHANES 2015–2018 means.");
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  return context;
}

static int
check_example_name (int        argc,
                    char     **argv,
                    BpExample *example)
{
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  if (argc < 2)
    return usage_error (NULL, "example: which one is needed: seeds, class or population");
  if (argc > 2)
    {
      shown = show_bytes (argv[2]);
      message = g_strdup_printf ("unexpected argument “%s”", shown);
      return usage_error (NULL, message);
    }
  if (bp_example_from_string (argv[1], example))
    return 0;
  shown = show_bytes (argv[1]);
  message = g_strdup_printf ("example: no example “%s”; use seeds, class or population", shown);
  return usage_error (NULL, message);
}

static int
save_example (const BpPeople *people,
              const char     *save)
{
  g_autoptr(GError) error = NULL;

  if (save[0] == '\0')
    return usage_error ("--save", "is empty; give the file to save the people in");
  if (!bp_csv_save (people, BP_UNITS_LB_IN, save, &error))
    return usage_error ("--save", error->message);
  return BP_CLI_EXIT_OK;
}

static int
run_example (int       argc,
             char    **argv,
             Options  *o)
{
  g_autofree char *save = NULL;
  gboolean help = FALSE;
  g_autoptr(GOptionContext) context = make_example_context (&save, &help);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPeople) people = NULL;
  g_autofree char *text = NULL;
  BpExample example;
  int status;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (NULL, error->message);
  if (help)
    {
      o->help = g_option_context_get_help (context, TRUE, NULL);
      return print_text (o, o->help);
    }
  if ((status = check_example_name (argc, argv, &example)) != 0)
    return status;
  people = bp_example_new (example, NULL);
  if (save != NULL)
    return save_example (people, save);
  text = bp_csv_write (people, BP_UNITS_LB_IN);
  bp_output_utf8 (o->out, text);
  return finish_output (o);
}


int
bp_cli_main (int    argc,
             char **argv)
{
  g_autoptr(BpOutput) out = bp_output_new ();
  g_auto(Options) o = { .out = out };
  g_autoptr(GError) error = NULL;
  Command command;
  int status;

  if (argc < 2)
    return usage_error (NULL, "a command is needed: train, explain, export-python or example (see backprop-cli --help)");
  if (!bp_output_check_open (&error))
    return usage_error (NULL, error->message);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return print_text (&o, usage);
  if (g_str_equal (argv[1], "--version"))
    return print_text (&o, "backprop-cli " PACKAGE_VERSION "\n");
  if (g_str_equal (argv[1], "example"))
    {
      g_set_prgname ("backprop-cli example");
      return run_example (argc - 1, argv + 1, &o);
    }
  if (g_str_equal (argv[1], "train"))
    command = COMMAND_TRAIN;
  else if (g_str_equal (argv[1], "explain"))
    command = COMMAND_EXPLAIN;
  else if (g_str_equal (argv[1], "export-python"))
    command = COMMAND_EXPORT_PYTHON;
  else
    return usage_error (NULL, "unknown command; use train, explain, export-python or example (see backprop-cli --help)");
  /* For the usage line of COMMAND --help: “backprop-cli train [OPTION…]”. */
  g_set_prgname (command_prgname (command));
  argc--;
  argv++;
  if ((status = parse_arguments (command, &argc, &argv, &o)) != 0)
    return status;
  if (o.help != NULL)
    return print_text (&o, o.help);
  switch (command)
    {
    case COMMAND_TRAIN:
      return run_train (&o);
    case COMMAND_EXPLAIN:
      return run_explain (&o);
    case COMMAND_EXPORT_PYTHON:
    default:
      return run_export_python (&o);
    }
}
