/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: backprop-cli's contract (README, "backprop-cli"), checked by
 * running the built binary
 *
 * Expected numbers come from the core library linked into this test, and
 * the JSON is read back with json-glib, a parser independent of the CLI's
 * own writer.
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bp-csv.h"
#include "bp-examples.h"
#include "bp-network.h"
#include "bp-parse.h"
#include "bp-people.h"
#include "bp-session.h"
#include "bp-trainer.h"
#include "test-support.h"

/* ---- running the CLI ----------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_argv_env (Run                *r,
              const char * const *args,
              char              **envp)
{
  const char *cli = g_getenv ("BACKPROP_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  run_clear (r);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
run_argv (Run                *r,
          const char * const *args)
{
  run_argv_env (r, args, NULL);
}

/* run (&r, "train", "--seed", "1") */
#define run(r, ...) run_argv ((r), (const char * const[]) { __VA_ARGS__, NULL })

static void
assert_success (const Run *r)
{
  if (r->status != 0 || r->err[0] != '\0')
    g_test_fail_printf ("exit status %d, stderr “%s”", r->status, r->err);
}

/* Exactly one line, naming the program. */
static void
assert_one_line (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || text[len - 1] != '\n' || strchr (text, '\n') != text + len - 1 ||
      !g_str_has_prefix (text, "backprop-cli: "))
    g_test_fail_printf ("“%s” is not one line of message", text);
}

static void
assert_usage_error (const Run *r)
{
  g_assert_cmpint (r->status, ==, 2);
  g_assert_cmpstr (r->out, ==, "");
  assert_one_line (r->err);
}

/* ---- files ---------------------------------------------------------------- */

static char *tmp_dir;

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* ---- expected values from the core -------------------------------------- */

static BpDataset *
dataset_for (const BpPeople *people,
             BpNormalize     mode)
{
  BpNormalizer norm;

  bp_normalizer_init (&norm, mode, people);
  return bp_people_to_dataset (people, &norm);
}

static BpParams
seeded (guint32 seed)
{
  BpParams p;

  bp_params_from_seed (&p, seed);
  return p;
}

static BpParams
trained_seed_people (BpParams start,
                     double   learning_rate,
                     guint64  epochs)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = dataset_for (people, BP_NORMALIZE_SEED);

  bp_network_train (&start, data, learning_rate, epochs, NULL);
  return start;
}

/* ---- JSON --------------------------------------------------------------- */

/* stdout is exactly one JSON object on one line. */
static JsonObject *
load_object (JsonParser *parser,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize len = strlen (text);
  JsonNode *root;

  g_assert_cmpuint (len, >, 0);
  g_assert_cmpint (text[len - 1], ==, '\n');
  g_assert_true (strchr (text, '\n') == text + len - 1);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_cmpint (json_node_get_node_type (root), ==, JSON_NODE_OBJECT);
  return json_node_get_object (root);
}

static JsonNode *
member (JsonObject *o,
        const char *key)
{
  JsonNode *node = json_object_get_member (o, key);

  if (node == NULL)
    g_error ("no member “%s”", key);
  return node;
}

static double
node_number (JsonNode *node)
{
  GType type;

  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_VALUE);
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  g_assert_true (type == G_TYPE_DOUBLE);
  return json_node_get_double (node);
}

static double
number (JsonObject *o,
        const char *key)
{
  return node_number (member (o, key));
}

static const char *
string (JsonObject *o,
        const char *key)
{
  JsonNode *node = member (o, key);

  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);
  return json_node_get_string (node);
}

static JsonObject *
object (JsonObject *o,
        const char *key)
{
  JsonNode *node = member (o, key);

  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_OBJECT);
  return json_node_get_object (node);
}

static JsonArray *
array (JsonObject *o,
       const char *key)
{
  JsonNode *node = member (o, key);

  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_ARRAY);
  return json_node_get_array (node);
}

static gboolean
boolean (JsonObject *o,
         const char *key)
{
  JsonNode *node = member (o, key);

  g_assert_true (json_node_get_value_type (node) == G_TYPE_BOOLEAN);
  return json_node_get_boolean (node);
}

static void
assert_same_double (double      got,
                    double      expected,
                    const char *what)
{
  if (memcmp (&got, &expected, sizeof got) != 0)
    g_test_fail_printf ("%s is %.17g, expected %.17g", what, got, expected);
}

/* Exactly the nine members w1 … b3, equal to @expected bit for bit. */
static void
assert_params (JsonObject     *o,
               const char     *key,
               const BpParams *expected)
{
  JsonObject *p = object (o, key);

  g_assert_cmpuint (json_object_get_size (p), ==, BP_N_PARAMS);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      g_autofree char *what = g_strdup_printf ("%s.%s", key, bp_param_name (i));

      assert_same_double (number (p, bp_param_name (i)), bp_params_get (expected, i), what);
    }
}

static void
assert_has_members (JsonObject         *o,
                    const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (!json_object_has_member (o, keys[i]))
      g_test_fail_printf ("no member “%s”", keys[i]);
}

/* ---- train: text ---------------------------------------------------------- */

static char *
epoch_line (guint64 epoch,
            double  loss)
{
  return g_strdup_printf ("Epoch %" G_GUINT64_FORMAT " loss: %.3f", epoch, loss);
}

/* The epoch lines of a seed-people run, as the seeds print them: the loss
 * after epoch e whenever e % every == 0. */
static GPtrArray *
expected_epoch_lines (guint32 seed,
                      guint64 epochs,
                      guint64 every)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = dataset_for (people, BP_NORMALIZE_SEED);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  BpParams p = seeded (seed);

  for (guint64 e = 0; e < epochs; e++)
    {
      bp_network_epoch (&p, data, 0.1);
      if (every > 0 && e % every == 0)
        g_ptr_array_add (lines, epoch_line (e, bp_network_loss (&p, data)));
    }
  return lines;
}

static GPtrArray *
epoch_lines_of (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *epochs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) format = g_regex_new ("^Epoch (0|[1-9][0-9]*) loss: [0-9]+\\.[0-9]{3}$", 0, 0, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Epoch"))
      {
        if (!g_regex_match (format, lines[i], 0, NULL))
          g_test_fail_printf ("“%s” is not “Epoch %%d loss: %%.3f”", lines[i]);
        g_ptr_array_add (epochs, g_strdup (lines[i]));
      }
  return epochs;
}

static void
assert_epoch_lines (const char *out,
                    guint32     seed,
                    guint64     epochs,
                    guint64     every)
{
  g_autoptr(GPtrArray) got = epoch_lines_of (out);
  g_autoptr(GPtrArray) expected = expected_epoch_lines (seed, epochs, every);

  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpstr (got->pdata[i], ==, expected->pdata[i]);
}

static void
test_train_default (void)
{
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  BpParams final = trained_seed_people (seeded (1), 0.1, 1000);

  run (&r, "train", "--seed", "1");
  assert_success (&r);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Seed: 1");
  g_assert_cmpstr (lines[1], ==, "Epoch 0 loss: 0.627");
  g_assert_cmpstr (lines[2], ==, "Epoch 10 loss: 0.500");
  assert_epoch_lines (r.out, 1, 1000, 10);
  g_assert_cmpstr (lines[100], ==, "Epoch 990 loss: 0.002");
  g_assert_cmpstr (lines[101], ==, "Final parameters:");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      g_autofree char *line = g_strdup_printf ("  %s = %.17g", bp_param_name (i), bp_params_get (&final, i));

      g_assert_cmpstr (lines[102 + i], ==, line);
    }
  g_assert_cmpstr (lines[111], ==, "Loss: 0.002367");
  g_assert_cmpstr (lines[112], ==, "Predictions (1 = F, 0 = M):");
  g_assert_cmpstr (lines[113], ==, "  Alice: 0.939 (F, is F)");
  g_assert_cmpstr (lines[114], ==, "  Bob: 0.040 (M, is M)");
  g_assert_cmpstr (lines[115], ==, "  Charlie: 0.040 (M, is M)");
  g_assert_cmpstr (lines[116], ==, "  Diana: 0.949 (F, is F)");
  g_assert_cmpstr (lines[117], ==, "");
  g_assert_null (lines[118]);
}

static void
test_train_every (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(GPtrArray) lines = NULL;

  run (&r, "train", "--seed", "1", "--every", "0");
  assert_success (&r);
  g_assert_null (strstr (r.out, "Epoch"));
  g_assert_true (g_str_has_prefix (r.out, "Seed: 1\nFinal parameters:\n"));

  run (&r, "train", "--seed", "1", "--every", "100");
  assert_success (&r);
  assert_epoch_lines (r.out, 1, 1000, 100);
  lines = epoch_lines_of (r.out);
  g_assert_cmpuint (lines->len, ==, 10);
  g_assert_cmpstr (lines->pdata[9], ==, "Epoch 900 loss: 0.003");

  run (&r, "train", "--seed", "2", "--epochs", "25", "--every", "10");
  assert_success (&r);
  assert_epoch_lines (r.out, 2, 25, 10);

  run (&r, "train", "--seed", "3", "--epochs", "1", "--every", "7");
  assert_success (&r);
  assert_epoch_lines (r.out, 3, 1, 7);

  run (&r, "train", "--seed", "4", "--epochs", "50", "--every", "1");
  assert_success (&r);
  assert_epoch_lines (r.out, 4, 50, 1);
}

static void
test_train_zero_epochs (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;
  BpParams start = seeded (5);

  run (&r, "train", "--seed", "5", "--epochs", "0");
  assert_success (&r);
  g_assert_null (strstr (r.out, "Epoch"));
  run (&r, "train", "--seed", "5", "--epochs", "0", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  assert_params (o, "parameters", &start);
  g_assert_cmpfloat (number (o, "epochs_run"), ==, 0);
  g_assert_false (boolean (o, "diverged"));
}

/* Without --seed a random seed is printed, and giving it back reproduces
 * the run exactly. */
static void
test_train_random_seed (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *seed = NULL;
  guint64 value;

  run (&r, "train", "--every", "0", "--epochs", "100");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "Seed: "));
  seed = g_strndup (r.out + 6, strcspn (r.out + 6, "\n"));
  g_assert_true (bp_parse_uint64 (seed, G_MAXUINT32, &value, NULL));
  run (&again, "train", "--every", "0", "--epochs", "100", "--seed", seed);
  assert_success (&again);
  g_assert_cmpstr (again.out, ==, r.out);

  run (&r, "train", "--epochs", "100", "--json");
  assert_success (&r);
  value = (guint64) number (load_object (parser, r.out), "seed");
  g_free (seed);
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  run (&again, "train", "--epochs", "100", "--json", "--seed", seed);
  g_assert_cmpstr (again.out, ==, r.out);
}

static void
test_train_seed_reproducible (void)
{
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  run (&a, "train", "--seed", "7", "--json");
  run (&b, "train", "--seed", "7", "--json");
  assert_success (&a);
  g_assert_cmpstr (a.out, ==, b.out);
  run (&b, "train", "--seed", "8", "--json");
  g_assert_cmpstr (a.out, !=, b.out);
  run (&a, "train", "--seed", "4294967295", "--epochs", "10", "--json");
  assert_success (&a);
  run (&a, "train", "--seed", "0", "--epochs", "10", "--json");
  assert_success (&a);
}

/* ---- train: JSON ---------------------------------------------------------- */

static void
assert_people_json (JsonArray      *people_json,
                    const BpPeople *people,
                    BpNormalize     mode,
                    const BpParams *params)
{
  BpNormalizer norm;

  bp_normalizer_init (&norm, mode, people);
  g_assert_cmpuint (json_array_get_length (people_json), ==, bp_people_get_n (people));
  for (guint i = 0; i < bp_people_get_n (people); i++)
    {
      JsonObject *o = json_array_get_object_element (people_json, i);
      BpPerson *p = bp_people_get (people, i);
      double x0, x1;

      bp_normalizer_apply (&norm, p->weight_lb, p->height_in, &x0, &x1);
      g_assert_cmpuint (json_object_get_size (o), ==, 5);
      g_assert_cmpstr (string (o, "name"), ==, p->name);
      assert_same_double (number (o, "weight"), bp_weight_shown (p->weight_lb, people->weight_units), "weight");
      assert_same_double (number (o, "height"), bp_height_shown (p->height_in, people->height_units), "height");
      g_assert_cmpstr (string (o, "gender"), ==, bp_gender_to_string (p->gender));
      assert_same_double (number (o, "output"), bp_network_feedforward (params, x0, x1), "output");
    }
}

static void
test_train_json (void)
{
  static const char * const keys[] = {
    "epochs", "learning_rate", "seed", "normalize", "units", "initial", "parameters", "loss",
    "diverged", "epochs_run", "people", "classified", NULL,
  };
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = dataset_for (people, BP_NORMALIZE_SEED);
  BpParams start = seeded (1), final = trained_seed_people (start, 0.1, 1000);
  JsonObject *o, *units, *emily, *frank;
  JsonArray *classified;

  run (&r, "train", "--seed", "1", "--json", "--classify", "128,63", "--classify", "155,68");
  assert_success (&r);
  g_assert_null (strstr (r.out, "Epoch"));
  g_assert_nonnull (strstr (r.out, "\"learning_rate\":0.10000000000000001"));
  o = load_object (parser, r.out);
  assert_has_members (o, keys);
  g_assert_false (json_object_has_member (o, "test"));
  g_assert_cmpfloat (number (o, "epochs"), ==, 1000);
  assert_same_double (number (o, "learning_rate"), 0.1, "learning_rate");
  g_assert_cmpfloat (number (o, "seed"), ==, 1);
  g_assert_cmpstr (string (o, "normalize"), ==, "seed");
  units = object (o, "units");
  g_assert_cmpstr (string (units, "weight"), ==, "lb");
  g_assert_cmpstr (string (units, "height"), ==, "in");
  assert_params (o, "initial", &start);
  assert_params (o, "parameters", &final);
  assert_same_double (number (o, "loss"), bp_network_loss (&final, data), "loss");
  g_assert_false (boolean (o, "diverged"));
  g_assert_cmpfloat (number (o, "epochs_run"), ==, 1000);
  assert_people_json (array (o, "people"), people, BP_NORMALIZE_SEED, &final);

  classified = array (o, "classified");
  g_assert_cmpuint (json_array_get_length (classified), ==, 2);
  emily = json_array_get_object_element (classified, 0);
  frank = json_array_get_object_element (classified, 1);
  g_assert_cmpuint (json_object_get_size (emily), ==, 4);
  g_assert_cmpfloat (number (emily, "weight"), ==, 128);
  g_assert_cmpfloat (number (emily, "height"), ==, 63);
  assert_same_double (number (emily, "output"), bp_network_feedforward (&final, -7, -3), "Emily");
  g_assert_cmpstr (string (emily, "gender"), ==, "F");
  g_assert_cmpfloat (number (frank, "weight"), ==, 155);
  g_assert_cmpfloat (number (frank, "height"), ==, 68);
  assert_same_double (number (frank, "output"), bp_network_feedforward (&final, 20, 2), "Frank");
  g_assert_cmpstr (string (frank, "gender"), ==, "M");
}

/* Emily comes out F and Frank M, in text as in the README. */
static void
test_train_classify_text (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "train", "--seed", "1", "--every", "250", "--classify", "128,63", "--classify", "155,68");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "Seed: 1\nEpoch 0 loss: 0.627\nEpoch 250 loss: 0.012\n"
                                   "Epoch 500 loss: 0.005\nEpoch 750 loss: 0.003\nFinal parameters:\n"));
  g_assert_true (g_str_has_suffix (r.out, "Classify 128 lb, 63 in: 0.949 (F)\n"
                                   "Classify 155 lb, 68 in: 0.040 (M)\n"));
}

static void
test_train_json_test (void)
{
  g_autofree char *path = write_file ("test.csv", "name,gender,weight_lb,height_in\n"
                                      "Emily,F,128,63\nFrank,M,155,68\nGrace,F,170,66\n");
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpPeople) test = bp_csv_load (path, NULL);
  g_autoptr(BpDataset) test_data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) r = { 0 };
  BpParams final = trained_seed_people (seeded (1), 0.1, 1000);
  BpNormalizer norm;
  JsonObject *scores;
  g_autofree char *text_line = NULL;

  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  test_data = bp_people_to_dataset (test, &norm);
  run (&r, "train", "--seed", "1", "--json", "--test", path);
  assert_success (&r);
  scores = object (load_object (parser, r.out), "test");
  g_assert_cmpuint (json_object_get_size (scores), ==, 2);
  assert_same_double (number (scores, "loss"), bp_network_loss (&final, test_data), "test loss");
  assert_same_double (number (scores, "accuracy"), bp_network_accuracy (&final, test_data), "accuracy");

  run (&r, "train", "--seed", "1", "--every", "0", "--test", path);
  assert_success (&r);
  text_line = g_strdup_printf ("Test: loss %.6f, accuracy %.1f %%\n", bp_network_loss (&final, test_data),
                               100 * bp_network_accuracy (&final, test_data));
  g_assert_true (g_str_has_suffix (r.out, text_line));
}

/* A name with every character JSON must escape comes back unchanged, and
 * no raw control character reaches stdout. */
static void
test_train_json_escape (void)
{
  const char *name = "a\"b\\c\nd\te\x01" "f\x1f" "g\x7f" "h\ri 张伟 /end";
  g_autoptr(GString) csv = g_string_new ("name,gender,weight_lb,height_in\n\"");
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) r = { 0 };
  JsonArray *people;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append (csv, "\",F,133,65\nBob,M,160,72\n");
  path = write_file ("escape.csv", csv->str);
  run (&r, "train", "--data", path, "--seed", "1", "--epochs", "10", "--json");
  assert_success (&r);
  for (const char *p = r.out; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && p[1] != '\0')
      g_test_fail_printf ("raw control character 0x%02x in the JSON", (guint) (guchar) *p);
  g_assert_nonnull (strstr (r.out, "a\\\"b\\\\c\\nd\\te\\u0001f\\u001f"));
  people = array (load_object (parser, r.out), "people");
  g_assert_cmpstr (string (json_array_get_object_element (people, 0), "name"), ==, name);
  g_assert_cmpstr (string (json_array_get_object_element (people, 1), "name"), ==, "Bob");
}

static void
test_train_init (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  BpParams start = { 1, 1, 1, 1, 1, 1, 0, 0, 0 };
  BpParams odd = { 0.5, -1.25, 3e-3, 2, -0.1, 0.7, 1e-5, -2, 0.3 };
  BpParams final = trained_seed_people (start, 0.1, 5);
  BpParams odd_final = trained_seed_people (odd, 0.25, 7);
  JsonObject *o;

  run (&r, "train", "--init", "1,1,1,1,1,1,0,0,0", "--epochs", "5", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  g_assert_true (json_node_is_null (member (o, "seed")));
  assert_params (o, "initial", &start);
  assert_params (o, "parameters", &final);

  run (&r, "train", "--init", " 0.5,-1.25, 3e-3,2,-0.1,0.7,1e-5,-2,0.3", "--epochs", "7",
       "--learning-rate", "0.25", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  assert_params (o, "initial", &odd);
  assert_params (o, "parameters", &odd_final);
  assert_same_double (number (o, "learning_rate"), 0.25, "learning_rate");

  /* Text mode prints no seed line with --init. */
  run (&r, "train", "--init", "1,1,1,1,1,1,0,0,0", "--epochs", "5");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "Epoch 0 loss: "));
}

static void
check_normalize (BpNormalize mode)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = dataset_for (people, mode);
  BpParams p = seeded (3);
  JsonObject *o;

  bp_network_train (&p, data, 0.1, 300, NULL);
  run (&r, "train", "--seed", "3", "--epochs", "300", "--json", "--normalize", bp_normalize_to_string (mode));
  assert_success (&r);
  o = load_object (parser, r.out);
  g_assert_cmpstr (string (o, "normalize"), ==, bp_normalize_to_string (mode));
  assert_params (o, "parameters", &p);
  assert_same_double (number (o, "loss"), bp_network_loss (&p, data), "loss");
  assert_people_json (array (o, "people"), people, mode, &p);
}

static void
test_train_normalize (void)
{
  check_normalize (BP_NORMALIZE_SEED);
  check_normalize (BP_NORMALIZE_MEAN);
  check_normalize (BP_NORMALIZE_STANDARD);
  check_normalize (BP_NORMALIZE_NONE);
}

/* A CSV in kg and cm: the JSON speaks kg and cm, --classify reads them. */
static void
test_train_metric (void)
{
  g_autofree char *path = write_file ("metric.csv", "name,gender,weight_kg,height_cm\n"
                                      "Ann,F,60,165\nBen,M,82.5,185\nCat,F,55,160\nDan,M,90,190\n");
  g_autoptr(BpPeople) people = bp_csv_load (path, NULL);
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) r = { 0 };
  BpParams p = seeded (2);
  BpNormalizer norm;
  JsonObject *o, *units, *c;
  double x0, x1;

  g_assert_nonnull (people);
  bp_normalizer_init (&norm, BP_NORMALIZE_STANDARD, people);
  data = bp_people_to_dataset (people, &norm);
  bp_network_train (&p, data, 0.1, 200, NULL);
  bp_normalizer_apply (&norm, 58 / BP_KG_PER_LB, 160 / BP_CM_PER_IN, &x0, &x1);
  run (&r, "train", "--data", path, "--seed", "2", "--epochs", "200", "--normalize", "standard",
       "--classify", "58,160", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  units = object (o, "units");
  g_assert_cmpstr (string (units, "weight"), ==, "kg");
  g_assert_cmpstr (string (units, "height"), ==, "cm");
  assert_params (o, "parameters", &p);
  assert_people_json (array (o, "people"), people, BP_NORMALIZE_STANDARD, &p);
  c = json_array_get_object_element (array (o, "classified"), 0);
  g_assert_cmpfloat (number (c, "weight"), ==, 58);
  g_assert_cmpfloat (number (c, "height"), ==, 160);
  assert_same_double (number (c, "output"), bp_network_feedforward (&p, x0, x1), "classified output");

  /* Read as cm, a height of 500 is out of range. */
  run (&r, "train", "--data", path, "--classify", "130,500");
  assert_usage_error (&r);
}

/* ---- explain -------------------------------------------------------------- */

#define EXPLAIN_FIELDS(F) \
  F (sum_h1) F (h1) F (sum_h2) F (h2) F (sum_o1) F (o1) F (d_L_d_ypred) \
  F (d_ypred_d_w5) F (d_ypred_d_w6) F (d_ypred_d_b3) F (d_ypred_d_h1) F (d_ypred_d_h2) \
  F (d_h1_d_w1) F (d_h1_d_w2) F (d_h1_d_b1) F (d_h2_d_w3) F (d_h2_d_w4) F (d_h2_d_b2)

#define CHECK_FIELD(name) assert_same_double (number (o, #name), e.name, #name);

static void
test_explain_json (void)
{
  static const char * const keys[] = {
    "person", "x", "y_true", "learning_rate", "seed", "normalize", "parameters", "loss",
    "gradient", "parameters_after", NULL,
  };
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  BpParams start = { 1, 1, 1, 1, 1, 1, 0, 0, 0 };
  JsonObject *o;
  JsonArray *x;
  BpExplain e;

  bp_network_explain (&start, -2, -1, 1, 0.1, &e);
  run (&r, "explain", "--init", "1,1,1,1,1,1,0,0,0", "--person", "Alice", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  assert_has_members (o, keys);
  g_assert_cmpstr (string (o, "person"), ==, "Alice");
  x = array (o, "x");
  g_assert_cmpuint (json_array_get_length (x), ==, 2);
  g_assert_cmpfloat (node_number (json_array_get_element (x, 0)), ==, -2);
  g_assert_cmpfloat (node_number (json_array_get_element (x, 1)), ==, -1);
  g_assert_cmpfloat (number (o, "y_true"), ==, 1);
  assert_same_double (number (o, "learning_rate"), 0.1, "learning_rate");
  g_assert_true (json_node_is_null (member (o, "seed")));
  g_assert_cmpstr (string (o, "normalize"), ==, "seed");
  EXPLAIN_FIELDS (CHECK_FIELD)
  assert_same_double (number (o, "loss"), e.loss, "loss");
  assert_params (o, "parameters", &start);
  assert_params (o, "gradient", &e.gradient);
  assert_params (o, "parameters_after", &e.after);

  /* The worked example of the seeds, to the digits they print. */
  g_assert_cmpfloat_with_epsilon (number (o, "h1"), 0.0474, 1e-4);
  g_assert_cmpfloat_with_epsilon (number (o, "o1"), 0.524, 1e-3);
  g_assert_cmpfloat_with_epsilon (number (o, "d_L_d_ypred"), -0.952, 1e-3);
  g_assert_cmpfloat_with_epsilon (number (o, "d_ypred_d_h1"), 0.249, 1e-3);
  g_assert_cmpfloat_with_epsilon (number (o, "d_h1_d_w1"), -0.0904, 1e-4);
  g_assert_cmpfloat_with_epsilon (number (object (o, "gradient"), "w1"), 0.0214, 1e-4);
}

static void
test_explain_seed_and_text (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  BpParams start = seeded (9);
  g_autofree char *line = NULL;
  JsonObject *o;
  BpExplain e;

  /* Bob: x = [25, 6], y = 0. */
  bp_network_explain (&start, 25, 6, 0, 0.5, &e);
  run (&r, "explain", "--seed", "9", "--person", "Bob", "--learning-rate", "0.5", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  g_assert_cmpfloat (number (o, "seed"), ==, 9);
  g_assert_cmpfloat (number (o, "y_true"), ==, 0);
  EXPLAIN_FIELDS (CHECK_FIELD)
  assert_params (o, "parameters_after", &e.after);

  run (&r, "explain", "--seed", "9", "--person", "Bob", "--learning-rate", "0.5");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "Seed: 9\nPerson: Bob\n"));
  line = g_strdup_printf ("\n  d_h1_d_w1 = %.17g\n", e.d_h1_d_w1);
  g_assert_nonnull (strstr (r.out, line));
}

/* --check adds "check" after everything else: each parameter's backprop
 * and numeric derivative, bit for bit the core's, and their relative
 * difference. */
static void
test_explain_check_json (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  BpParams start = seeded (4);
  BpGradientCheck c;
  JsonObject *o, *check;

  /* Charlie: x = [17, 4], y = 0. */
  bp_network_gradient_check (&start, 17, 4, 0, &c);
  run (&r, "explain", "--seed", "4", "--person", "Charlie", "--check", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  check = object (o, "check");
  g_assert_cmpuint (json_object_get_size (check), ==, BP_N_PARAMS);
  assert_params (o, "gradient", &c.backprop);
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      JsonObject *p = object (check, bp_param_name (i));

      g_assert_cmpuint (json_object_get_size (p), ==, 3);
      assert_same_double (number (p, "backprop"), bp_params_get (&c.backprop, i), "backprop");
      assert_same_double (number (p, "numeric"), bp_params_get (&c.numeric, i), "numeric");
      assert_same_double (number (p, "relative_difference"),
                          bp_params_get (&c.relative_difference, i), "relative_difference");
      g_assert_cmpfloat (number (p, "relative_difference"), <, 1e-6);
    }
}

/* Without --check the output is what it always was; with it, the same
 * output and the check after it, in text and in JSON. */
static void
test_explain_check_additive (void)
{
  g_auto(Run) plain = { 0 };
  g_auto(Run) checked = { 0 };
  g_auto(GStrv) lines = NULL;
  gsize len;

  run (&plain, "explain", "--seed", "4", "--person", "Diana");
  run (&checked, "explain", "--seed", "4", "--person", "Diana", "--check");
  assert_success (&plain);
  assert_success (&checked);
  g_assert_null (strstr (plain.out, "check"));
  g_assert_true (g_str_has_prefix (checked.out, plain.out));
  g_assert_true (g_str_has_prefix (checked.out + strlen (plain.out),
                                   "Gradient check, backprop against a central finite difference:\n"
                                   "  parameter  backprop"));
  /* The header and one line for each parameter. */
  lines = g_strsplit (checked.out + strlen (plain.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2 + BP_N_PARAMS + 1);

  run (&plain, "explain", "--seed", "4", "--person", "Diana", "--json");
  run (&checked, "explain", "--seed", "4", "--person", "Diana", "--json", "--check");
  assert_success (&plain);
  g_assert_null (strstr (plain.out, "check"));
  len = strlen (plain.out);
  g_assert_true (g_str_has_suffix (plain.out, "}\n"));
  g_assert_cmpint (strncmp (checked.out, plain.out, len - 2), ==, 0);
  g_assert_true (g_str_has_prefix (checked.out + len - 2, ",\"check\":{\"w1\":{\"backprop\":"));
}

/* ---- bad input ------------------------------------------------------------ */

static void
test_usage_errors (void)
{
  g_autofree char *bad = write_file ("bad.csv", "name,gender,weight_lb,height_in\nAlice,F,133,65\nBob,X,160,72\n");
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.csv", NULL);
  const char * const *cases[] = {
    (const char *[]) { NULL },
    (const char *[]) { "frobnicate", NULL },
    (const char *[]) { "--frobnicate", NULL },
    (const char *[]) { "train", "--frobnicate", NULL },
    (const char *[]) { "train", "extra", NULL },
    (const char *[]) { "train", "--learning-rate", "abc", NULL },
    (const char *[]) { "train", "--learning-rate", "0", NULL },
    (const char *[]) { "train", "--learning-rate", "-1", NULL },
    (const char *[]) { "train", "--learning-rate=-1", NULL },
    (const char *[]) { "train", "--learning-rate", "nan", NULL },
    (const char *[]) { "train", "--learning-rate", "inf", NULL },
    (const char *[]) { "train", "--learning-rate", "1e999", NULL },
    (const char *[]) { "train", "--learning-rate", "", NULL },
    (const char *[]) { "train", "--learning-rate", NULL },
    (const char *[]) { "train", "--epochs", "-1", NULL },
    (const char *[]) { "train", "--epochs", "1.5", NULL },
    (const char *[]) { "train", "--epochs", "x", NULL },
    (const char *[]) { "train", "--epochs", "1000000000001", NULL },
    (const char *[]) { "train", "--every", "-5", NULL },
    (const char *[]) { "train", "--init", "1,1,1,1,1,1,0,0", NULL },
    (const char *[]) { "train", "--init", "1,1,1,1,1,1,0,0,0,0", NULL },
    (const char *[]) { "train", "--init", "1,1,1,1,1,1,0,0,x", NULL },
    (const char *[]) { "train", "--init", "1,1,1,1,1,1,0,0,inf", NULL },
    (const char *[]) { "train", "--seed", "1", "--init", "1,1,1,1,1,1,0,0,0", NULL },
    (const char *[]) { "train", "--seed", "4294967296", NULL },
    (const char *[]) { "train", "--seed", "-1", NULL },
    (const char *[]) { "train", "--seed", "abc", NULL },
    (const char *[]) { "train", "--normalize", "foo", NULL },
    (const char *[]) { "train", "--data", bad, NULL },
    (const char *[]) { "train", "--data", missing, NULL },
    (const char *[]) { "train", "--test", missing, NULL },
    (const char *[]) { "train", "--test", bad, NULL },
    (const char *[]) { "train", "--classify", "1", NULL },
    (const char *[]) { "train", "--classify", "1,2,3", NULL },
    (const char *[]) { "train", "--classify", "128,x", NULL },
    (const char *[]) { "train", "--classify", "5000,60", NULL },
    (const char *[]) { "train", "--classify", "128,63", "--classify", "0,63", NULL },
    (const char *[]) { "train", "--json", "--learning-rate", "abc", NULL },
    (const char *[]) { "explain", "--person", "Nobody", NULL },
    (const char *[]) { "explain", "--person", "alice", NULL },
    (const char *[]) { "explain", NULL },
    (const char *[]) { "explain", "--person", "Alice", "--epochs", "5", NULL },
    (const char *[]) { "explain", "--person", "Alice", "--json", "--seed", "x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r = { 0 };
      g_autofree char *shown = g_strjoinv (" ", (char **) cases[i]);

      run_argv (&r, cases[i]);
      if (r.status != 2 || r.out[0] != '\0')
        g_test_fail_printf ("“%s”: exit status %d, stdout “%s”", shown, r.status, r.out);
      assert_one_line (r.err);
    }
}

/* The message names the file, line and column (README: FILE:LINE:COLUMN). */
static void
test_usage_error_csv_position (void)
{
  g_autofree char *bad = write_file ("position.csv", "name,gender,weight_lb,height_in\nAlice,F,133,65\nBob,X,160,72\n");
  g_autofree char *where = g_strconcat (bad, ":3:5: ", NULL);
  g_auto(Run) r = { 0 };

  run (&r, "train", "--data", bad);
  assert_usage_error (&r);
  if (strstr (r.err, where) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", r.err, where);
}

static void
test_help_version (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "--help");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, "backprop-cli train"));
  run (&r, "train", "--help");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--learning-rate"));
  run (&r, "explain", "--help");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--person"));
  run (&r, "--version");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "backprop-cli "));
}

/* ---- divergence ----------------------------------------------------------- */

/* A learning rate of 1e308 overflows the very first update. */
/* The epochs a run of the seed people takes to a loss below @target:
 * one past the first epoch whose loss is below it. */
static guint64
epochs_to (BpParams start,
           double   target)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) data = dataset_for (people, BP_NORMALIZE_SEED);
  g_autofree double *losses = g_new (double, 1000);

  g_assert_cmpuint (bp_network_train (&start, data, 0.1, 1000, losses), ==, 1000);
  for (guint e = 0; e < 1000; e++)
    if (losses[e] < target)
      return e + 1;
  g_assert_not_reached ();
}

/* --target-loss stops after the first epoch whose loss is below it, on
 * the parameters of --epochs that many; JSON says why the run ended and
 * text says it too, only when a target was given. */
static void
test_train_target_loss (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) exact = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint64 n = epochs_to (seeded (1), 0.01);
  g_autofree char *n_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  g_autofree char *said = g_strdup_printf ("\nTarget loss 0.01 reached after %s epochs\n", n_text);
  BpParams final = trained_seed_people (seeded (1), 0.1, n);
  g_autofree char *without = NULL;
  JsonObject *o;
  char *line;

  g_assert_cmpuint (n, >, 1);
  g_assert_cmpuint (n, <, 1000);
  run (&r, "train", "--seed", "1", "--target-loss", "0.01", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  g_assert_cmpstr (string (o, "stopped_by"), ==, "target-loss");
  g_assert_cmpfloat (number (o, "target_loss"), ==, 0.01);
  g_assert_cmpfloat (number (o, "epochs_run"), ==, n);
  g_assert_cmpfloat (number (o, "epochs"), ==, 1000);
  assert_params (o, "parameters", &final);
  g_assert_cmpfloat (number (o, "loss"), <, 0.01);

  /* Text: the lines of --epochs N, and one more saying why. */
  run (&r, "train", "--seed", "1", "--target-loss", "0.01", "--every", "10");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, said));
  run (&exact, "train", "--seed", "1", "--epochs", n_text, "--every", "10");
  g_assert_null (strstr (exact.out, "Target"));
  without = g_strdup (r.out);
  line = strstr (without, said);
  memmove (line + 1, line + strlen (said), strlen (line + strlen (said)) + 1);
  g_assert_cmpstr (without, ==, exact.out);

  /* Not reached: every epoch runs. */
  run (&r, "train", "--seed", "1", "--epochs", "100", "--target-loss", "0.01", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  g_assert_cmpstr (string (o, "stopped_by"), ==, "epochs");
  g_assert_cmpfloat (number (o, "epochs_run"), ==, 100);
  run (&r, "train", "--seed", "1", "--epochs", "100", "--target-loss", "0.01");
  g_assert_nonnull (strstr (r.out, "\nTarget loss 0.01 not reached in 100 epochs\n"));

  /* Without a target: the key says epochs, and target_loss is null. */
  run (&r, "train", "--seed", "1", "--epochs", "100", "--json");
  o = load_object (parser, r.out);
  g_assert_cmpstr (string (o, "stopped_by"), ==, "epochs");
  g_assert_true (json_node_is_null (member (o, "target_loss")));
  run (&r, "train", "--seed", "1", "--learning-rate", "1e308", "--target-loss", "0.01", "--json");
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (string (load_object (parser, r.out), "stopped_by"), ==, "diverged");
}

/* A bad target names the flag and changes nothing. */
static void
test_train_target_loss_errors (void)
{
  const char * const bad[] = { "0", "-0.5", "nan", "inf", "1e999", "0,01", "", "abc" };
  g_auto(Run) r = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (guint c = 0; c < 2; c++)
      {
        run (&r, c == 0 ? "train" : "export-python", "--seed", "1", "--target-loss", bad[i]);
        assert_usage_error (&r);
        g_assert_nonnull (strstr (r.err, "--target-loss"));
      }
  run (&r, "explain", "--person", "Alice", "--target-loss", "0.01");
  assert_usage_error (&r);
}

/* --save keeps the target; the session repeats the same run; a flag
 * overrides it. */
static void
test_session_target_loss (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "target.backprop", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BpSession) got = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) saving = { 0 };
  g_auto(Run) plain = { 0 };
  g_auto(Run) again = { 0 };
  guint64 n = epochs_to (seeded (3), 0.02);
  JsonObject *o;

  run (&plain, "train", "--seed", "3", "--target-loss", "0.02", "--json");
  run (&saving, "train", "--seed", "3", "--target-loss", "0.02", "--json", "--save", path);
  assert_success (&saving);
  g_assert_cmpstr (saving.out, ==, plain.out);
  got = bp_session_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (got->target_loss, ==, 0.02);
  g_assert_cmpint (got->state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (got->epoch, ==, n);
  g_assert_cmpuint (got->epochs, ==, 1000);
  g_assert_cmpuint (got->history.loss.count, ==, n);

  run (&again, "train", "--session", path, "--json");
  assert_success (&again);
  g_assert_cmpstr (again.out, ==, plain.out);
  run (&again, "train", "--session", path, "--target-loss", "0.5", "--json");
  o = load_object (parser, again.out);
  g_assert_cmpfloat (number (o, "epochs_run"), ==, epochs_to (seeded (3), 0.5));
  g_assert_cmpstr (string (o, "stopped_by"), ==, "target-loss");
}

/* export-python writes the epochs the target leaves, so the program
 * ends where train does. */
static void
test_export_python_target_loss (void)
{
  g_auto(Run) r = { 0 };
  guint64 n = epochs_to (seeded (1), 0.01);
  g_autofree char *line = g_strdup_printf ("\n    epochs = %" G_GUINT64_FORMAT "  #", n);

  run (&r, "export-python", "--seed", "1", "--target-loss", "0.01");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, line));
  g_assert_nonnull (strstr (r.out, "below the target 0.01"));
  run (&r, "export-python", "--seed", "1", "--epochs", "50", "--target-loss", "0.01");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, "\n    epochs = 50  #"));
}

static void
test_diverge (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  run (&r, "train", "--seed", "1", "--learning-rate", "1e308");
  g_assert_cmpint (r.status, ==, 3);
  assert_one_line (r.err);
  g_assert_nonnull (strstr (r.err, "diverged"));

  run (&r, "train", "--seed", "1", "--learning-rate", "1e308", "--json");
  g_assert_cmpint (r.status, ==, 3);
  assert_one_line (r.err);
  o = load_object (parser, r.out);
  g_assert_true (boolean (o, "diverged"));
  g_assert_cmpfloat (number (o, "epochs_run"), <, 1000);
  g_assert_cmpfloat (number (o, "epochs_run"), >=, 1);

  /* Huge but not overflowing: the sigmoids saturate and it stays finite. */
  run (&r, "train", "--seed", "1", "--learning-rate", "1e300", "--json");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_false (boolean (load_object (parser, r.out), "diverged"));
}

/* ---- sessions ------------------------------------------------------------ */

#define TEST_PEOPLE_CSV "name,gender,weight_lb,height_in\nEmily,F,128,63\nFrank,M,155,68\n"

/* What the app holds after the same run: its own trainer, from the same
 * people and settings, saved as it saves. */
static BpSession *
trainer_session (const char  *test_csv,
                 guint32      seed,
                 double       learning_rate,
                 guint64      epochs)
{
  BpSession *s = bp_session_new ();
  BpTrainerConfig config = { .learning_rate = learning_rate, .epochs = epochs };
  g_autoptr(BpDataset) train = NULL, test = NULL;
  g_autoptr(BpTrainer) trainer = NULL;
  BpNormalizer norm;
  BpProgress progress;

  bp_people_unref (s->test);
  s->test = bp_csv_load (test_csv, NULL);
  g_assert_nonnull (s->test);
  s->seed = seed;
  s->learning_rate = learning_rate;
  s->epochs = epochs;
  bp_params_from_seed (&s->initial, seed);
  bp_normalizer_init (&norm, s->normalize, s->people);
  train = bp_people_to_dataset (s->people, &norm);
  test = bp_people_to_dataset (s->test, &norm);
  config.initial = s->initial;
  trainer = bp_trainer_new (train, test, &config);
  bp_trainer_start (trainer, FALSE);
  g_assert_true (bp_trainer_wait (trainer, -1));
  bp_trainer_get_progress (trainer, &progress);
  bp_trainer_copy_history (trainer, &s->history, NULL);
  /* The CLI records the losses only: the trainer samples the
   * trajectories where its chunks end, which depends on timing. */
  for (guint j = 0; j < BP_N_PARAMS; j++)
    bp_series_reset (&s->history.params[j]);
  s->history.n_people = 0;
  s->state = progress.state;
  s->epoch = progress.epoch;
  s->current = progress.params;
  return s;
}

/* --save changes nothing on stdout, and writes what the app would have:
 * the same people, settings, parameters, state and loss history, bit for
 * bit (5000 epochs: the history has merged its buckets once). */
static void
test_session_save (void)
{
  g_autofree char *test_csv = write_file ("session-test.csv", TEST_PEOPLE_CSV);
  g_autofree char *path = g_build_filename (tmp_dir, "saved.backprop", NULL);
  g_autoptr(BpSession) expected = trainer_session (test_csv, 7, 0.25, 5000);
  g_autoptr(BpSession) got = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) plain = { 0 };
  g_auto(Run) saving = { 0 };

  run (&plain, "train", "--seed", "7", "--learning-rate", "0.25", "--epochs", "5000", "--test", test_csv,
       "--every", "100", "--classify", "128,63");
  run (&saving, "train", "--seed", "7", "--learning-rate", "0.25", "--epochs", "5000", "--test", test_csv,
       "--every", "100", "--classify", "128,63", "--save", path);
  assert_success (&saving);
  g_assert_cmpstr (saving.out, ==, plain.out);
  got = bp_session_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpint (got->state, ==, BP_TRAINER_FINISHED);
  g_assert_cmpuint (got->history.loss.span, ==, 2);
  g_assert_cmpuint (got->history.test_loss.count, ==, 5000);
  g_assert_true (bp_session_equal (got, expected));

  run (&plain, "train", "--seed", "7", "--epochs", "50", "--json");
  run (&saving, "train", "--seed", "7", "--epochs", "50", "--json", "--save", path);
  assert_success (&saving);
  g_assert_cmpstr (saving.out, ==, plain.out);
}

/* A saved session trains again exactly as the flags that made it, and
 * flags given with it win. */
static void
test_session_train (void)
{
  g_autofree char *test_csv = write_file ("session-test2.csv", TEST_PEOPLE_CSV);
  g_autofree char *metric = write_file ("session-metric.csv", "name,gender,weight_kg,height_cm\n"
                                        "Ann,F,60,165\nBen,M,82.5,185\n");
  g_autofree char *path = g_build_filename (tmp_dir, "again.backprop", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) direct = { 0 };
  g_auto(Run) r = { 0 };
  JsonObject *o;

  run (&r, "train", "--seed", "5", "--epochs", "300", "--learning-rate", "0.2", "--normalize", "mean",
       "--test", test_csv, "--save", path, "--json");
  assert_success (&r);
  run (&direct, "train", "--seed", "5", "--epochs", "300", "--learning-rate", "0.2", "--normalize", "mean",
       "--test", test_csv, "--json");
  run (&r, "train", "--session", path, "--json");
  assert_success (&r);
  g_assert_cmpstr (r.out, ==, direct.out);
  run (&direct, "train", "--seed", "5", "--epochs", "300", "--learning-rate", "0.2", "--normalize", "mean",
       "--test", test_csv, "--every", "50");
  run (&r, "train", "--session", path, "--every", "50");
  g_assert_cmpstr (r.out, ==, direct.out);

  run (&r, "train", "--session", path, "--learning-rate", "0.5", "--epochs", "10", "--seed", "3",
       "--normalize", "standard", "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  g_assert_cmpfloat (number (o, "learning_rate"), ==, 0.5);
  g_assert_cmpfloat (number (o, "epochs"), ==, 10);
  g_assert_cmpfloat (number (o, "seed"), ==, 3);
  g_assert_cmpstr (string (o, "normalize"), ==, "standard");
  g_assert_true (json_object_has_member (o, "test"));

  run (&r, "train", "--session", path, "--init", "1,1,1,1,1,1,0,0,0", "--data", metric, "--json");
  assert_success (&r);
  o = load_object (parser, r.out);
  g_assert_true (json_node_is_null (member (o, "seed")));
  g_assert_cmpuint (json_array_get_length (array (o, "people")), ==, 2);
  g_assert_cmpstr (string (object (o, "units"), "weight"), ==, "kg");
}

/* The session keeps the data's units, so --classify reads them alike. */
static void
test_session_units (void)
{
  g_autofree char *metric = write_file ("session-metric2.csv", "name,gender,weight_kg,height_cm\n"
                                        "Ann,F,60,165\nBen,M,82.5,185\nCat,F,55,160\n");
  g_autofree char *path = g_build_filename (tmp_dir, "metric.backprop", NULL);
  g_auto(Run) direct = { 0 };
  g_auto(Run) r = { 0 };

  run (&r, "train", "--data", metric, "--seed", "2", "--epochs", "20", "--save", path);
  assert_success (&r);
  run (&direct, "train", "--data", metric, "--seed", "2", "--epochs", "20", "--classify", "58,160", "--json");
  run (&r, "train", "--session", path, "--classify", "58,160", "--json");
  assert_success (&r);
  g_assert_cmpstr (r.out, ==, direct.out);
}

static void
test_session_explain (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "explain.backprop", NULL);
  g_auto(Run) direct = { 0 };
  g_auto(Run) r = { 0 };

  run (&r, "train", "--seed", "9", "--learning-rate", "0.3", "--epochs", "5", "--save", path);
  assert_success (&r);
  run (&direct, "explain", "--seed", "9", "--learning-rate", "0.3", "--person", "Bob", "--json");
  run (&r, "explain", "--session", path, "--person", "Bob", "--json");
  assert_success (&r);
  g_assert_cmpstr (r.out, ==, direct.out);
}

/* A diverged run is saved as such, and opens again. */
static void
test_session_diverged (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "diverged.backprop", NULL);
  g_autoptr(BpSession) s = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) plain = { 0 };
  g_auto(Run) r = { 0 };

  run (&plain, "train", "--seed", "1", "--learning-rate", "1e308", "--every", "1");
  run (&r, "train", "--seed", "1", "--learning-rate", "1e308", "--every", "1", "--save", path);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, plain.out);
  g_assert_cmpstr (r.err, ==, plain.err);
  s = bp_session_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpint (s->state, ==, BP_TRAINER_DIVERGED);
  g_assert_cmpuint (s->epoch, ==, 1);
  g_assert_false (bp_params_all_finite (&s->current));
}

static void
test_session_errors (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.backprop", NULL);
  g_autofree char *junk = write_file ("junk.backprop", "\x89PNG\r\n");
  g_autofree char *future = write_file ("future.backprop", "[Backprop]\nformat=99\n");
  g_autofree char *empty = g_build_filename (tmp_dir, "nobody.backprop", NULL);
  g_autofree char *no_dir = g_build_filename (tmp_dir, "no-such-dir", "x.backprop", NULL);
  g_autoptr(BpSession) nobody = bp_session_new ();
  g_autofree char *nobody_text = NULL;
  gsize nobody_length;
  const struct
  {
    const char * const *args;
    const char         *says;
  } cases[] = {
    { (const char *[]) { "train", "--session", missing, NULL }, "missing.backprop: No such file" },
    { (const char *[]) { "train", "--session", junk, NULL }, "junk.backprop:1: is not UTF-8 text" },
    { (const char *[]) { "train", "--session", future, NULL }, "made by a newer version of Backprop" },
    { (const char *[]) { "train", "--session", empty, NULL }, "the session has no training people" },
    { (const char *[]) { "explain", "--session", future, "--person", "Alice", NULL }, "format 99" },
    { (const char *[]) { "explain", "--save", missing, "--person", "Alice", NULL }, "--save" },
    { (const char *[]) { "train", "--save", no_dir, NULL }, "no-such-dir does not exist" },
    { (const char *[]) { "train", "--save", tmp_dir, NULL }, "is a folder" },
    { (const char *[]) { "train", "--save", NULL }, "--save" },
  };

  bp_people_unref (nobody->people);
  nobody->people = bp_people_new ();
  /* Written by hand: Backprop itself saves no such session. */
  nobody_text = bp_session_to_data (nobody, &nobody_length);
  g_assert_true (g_file_set_contents (empty, nobody_text, nobody_length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r = { 0 };

      run_argv (&r, cases[i].args);
      assert_usage_error (&r);
      if (strstr (r.err, cases[i].says) == NULL)
        g_test_fail_printf ("“%s” does not say “%s”", r.err, cases[i].says);
    }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* ---- memory ------------------------------------------------------------------ */


#ifndef SANITIZED
#define MIB (1024 * 1024)

/* Runs between fork and exec, where setrlimit is safe to call. */
static void
limit_address_space (gpointer data)
{
  const struct rlimit *limit = data;

  setrlimit (RLIMIT_AS, limit);
}

/* backprop-cli train --data @csv, in at most @bytes of address space. */
static void
run_train_limited (Run        *r,
                   const char *csv,
                   guint64     bytes)
{
  const char *argv[] = { g_getenv ("BACKPROP_CLI"), "train", "--data", csv, "--epochs", "1", "--seed", "1", NULL };
  struct rlimit limit = { bytes, bytes };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  run_clear (r);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_address_space, &limit,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}
#endif

/* A people file within the size limit that does not fit in the memory
 * left is refused with a message and status 2, not an abort.  The CLI's
 * own needs vary with the machine, so the test first finds, to a MiB, the
 * least address space in which it reads and trains on a small file; a
 * 16 MiB file cannot fit in a few MiB more. */
static void
test_memory_runs_out (void)
{
#ifdef SANITIZED
  g_test_skip ("an address space limit does not work under a sanitizer");
#else
  g_autofree char *small = write_file ("small.csv", "name,gender,weight_lb,height_in\nAlice,F,133,65\n");
  g_autofree char *big = g_build_filename (tmp_dir, "big.csv", NULL);
  g_autofree char *text = g_malloc (BP_CSV_MAX_BYTES);
  const char *head = "name,gender,weight_lb,height_in\n\"";
  const char *tail = "\",F,133,65\n";
  guint64 fails = MIB, works = 1024 * MIB;
  g_auto(Run) r = { 0 };

  memset (text, 'a', BP_CSV_MAX_BYTES);
  memcpy (text, head, strlen (head));
  memcpy (text + BP_CSV_MAX_BYTES - strlen (tail), tail, strlen (tail));
  g_assert_true (g_file_set_contents (big, text, BP_CSV_MAX_BYTES, NULL));
  run_train_limited (&r, small, works);
  if (r.status != 0)
    {
      g_test_skip ("backprop-cli does not run in 1 GiB of address space here");
      return;
    }
  while (works - fails > MIB)
    {
      guint64 mid = fails + (works - fails) / 2;

      run_train_limited (&r, small, mid);
      if (r.status == 0)
        works = mid;
      else
        fails = mid;
    }
  run_train_limited (&r, big, works + 4 * MIB);
  assert_usage_error (&r);
  if (strstr (r.err, "big.csv: not enough memory to read the file") == NULL)
    g_test_fail_printf ("“%s” does not say there is not enough memory", r.err);
#endif
}

static void
assert_says (const Run  *r,
             const char *says)
{
  if (strstr (r->err, "--save: ") == NULL || strstr (r->err, says) == NULL)
    g_test_fail_printf ("“%s” does not say “--save” and “%s”", r->err, says);
}

/* A FIFO, directly or through a link, is refused before training and
 * stays a FIFO. */
static void
test_session_save_fifo (void)
{
  g_autofree char *fifo = g_build_filename (tmp_dir, "pipe.backprop", NULL);
  g_autofree char *link = g_build_filename (tmp_dir, "to-pipe.backprop", NULL);
  g_autofree char *target = NULL;
  struct stat st;
  g_auto(Run) r = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("pipe.backprop", link), ==, 0);
  run (&r, "train", "--seed", "1", "--epochs", "5", "--save", fifo);
  assert_usage_error (&r);
  assert_says (&r, "pipe.backprop is a named pipe (FIFO), not a regular file");
  run (&r, "train", "--seed", "1", "--epochs", "5", "--save", link);
  assert_usage_error (&r);
  assert_says (&r, "pipe.backprop is a named pipe (FIFO), not a regular file");
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "pipe.backprop");
  g_unlink (link);
  g_unlink (fifo);
}

/* A link is followed, relative to its own folder, and stays a link; the
 * file it leads to keeps its mode.  A loop of links is refused. */
static void
test_session_save_symlink (void)
{
  g_autofree char *real = write_file ("real.backprop", "not yet a session");
  g_autofree char *link = g_build_filename (tmp_dir, "link.backprop", NULL);
  g_autofree char *loop = g_build_filename (tmp_dir, "loop.backprop", NULL);
  g_autofree char *target = NULL;
  g_autoptr(BpSession) saved = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  g_auto(Run) r = { 0 };

  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("real.backprop", link), ==, 0);
  g_assert_cmpint (symlink ("loop.backprop", loop), ==, 0);
  run (&r, "train", "--seed", "1", "--epochs", "5", "--save", link);
  assert_success (&r);
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.backprop");
  saved = bp_session_load (real, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->epoch, ==, 5);
  g_assert_cmpint (lstat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  run (&r, "train", "--seed", "1", "--epochs", "5", "--save", loop);
  assert_usage_error (&r);
  assert_says (&r, "loop.backprop: its symbolic links go round in a loop");
  g_unlink (loop);
  g_unlink (link);
  g_unlink (real);
}

/* ---- stdout that cannot be written ---------------------------------------- */

static void
close_stdout (gpointer data)
{
  close (STDOUT_FILENO);
}

/* Runs the CLI with stdout on @stdout_fd, or closed when it is -1; stdout
 * is then left empty in @r. */
static void
run_to_fd (Run                *r,
           int                 stdout_fd,
           const char * const *args)
{
  const char *cli = g_getenv ("BACKPROP_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char buf[4096];
  int err_fd = -1, wait_status = 0;
  gssize n;
  GPid pid;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  run_clear (r);
  g_spawn_async_with_pipes_and_fds (NULL, (const char * const *) argv->pdata, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD,
                                    stdout_fd == -1 ? close_stdout : NULL, NULL,
                                    -1, stdout_fd, -1, NULL, NULL, 0,
                                    &pid, NULL, NULL, &err_fd, &error);
  g_assert_no_error (error);
  while ((n = read (err_fd, buf, sizeof buf)) > 0)
    g_string_append_len (err, buf, n);
  close (err_fd);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  r->out = g_strdup ("");
  r->err = g_strdup (err->str);
}

#define run_to(r, fd, ...) run_to_fd ((r), (fd), (const char * const[]) { __VA_ARGS__, NULL })

/* Exit status 2 and one line saying why, as for bad input. */
static void
assert_write_error (const Run  *r,
                    const char *says)
{
  g_assert_cmpint (r->status, ==, 2);
  assert_one_line (r->err);
  if (strstr (r->err, says) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", r->err, says);
}

/* /dev/full takes nothing: every way of printing fails, and says so. */
static void
test_output_full (void)
{
  const char * const *cases[] = {
    (const char *[]) { "train", "--seed", "1", NULL },
    (const char *[]) { "train", "--seed", "1", "--every", "0", "--epochs", "10", NULL },
    (const char *[]) { "train", "--seed", "1", "--json", NULL },
    (const char *[]) { "train", "--seed", "1", "--json", "--epochs", "0", NULL },
    (const char *[]) { "explain", "--seed", "1", "--person", "Alice", NULL },
    (const char *[]) { "explain", "--seed", "1", "--person", "Alice", "--json", "--check", NULL },
    (const char *[]) { "train", "--help", NULL },
    (const char *[]) { "--help", NULL },
    (const char *[]) { "--version", NULL },
  };
  int full = open ("/dev/full", O_WRONLY);

  g_assert_cmpint (full, >=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r = { 0 };

      run_to_fd (&r, full, cases[i]);
      assert_write_error (&r, "cannot write to standard output: No space left on device");
    }
  close (full);
}

/* A stdout that is full while --save is given: the session is written,
 * but the run still fails. */
static void
test_output_full_save (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "full.backprop", NULL);
  int full = open ("/dev/full", O_WRONLY);
  g_auto(Run) r = { 0 };

  g_assert_cmpint (full, >=, 0);
  run_to (&r, full, "train", "--seed", "1", "--save", path);
  assert_write_error (&r, "cannot write to standard output");
  run_to (&r, full, "train", "--seed", "1", "--json", "--save", path);
  assert_write_error (&r, "cannot write to standard output");
  close (full);
}

/* A closed stdout is refused before anything is done, so no session is
 * saved either. */
static void
test_output_closed (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "closed.backprop", NULL);
  g_auto(Run) r = { 0 };

  run_to (&r, -1, "train", "--seed", "1");
  assert_write_error (&r, "standard output is closed");
  run_to (&r, -1, "train", "--seed", "1", "--json", "--save", path);
  assert_write_error (&r, "standard output is closed");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  run_to (&r, -1, "explain", "--seed", "1", "--person", "Alice");
  assert_write_error (&r, "standard output is closed");
  run_to (&r, -1, "--version");
  assert_write_error (&r, "standard output is closed");
}

/* ---- --save that fails ---------------------------------------------------- */

/* An empty name is refused with the other flags, before training: the
 * message is the flag check's, not that of a save that was tried. */
static void
test_save_empty (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "train", "--seed", "1", "--every", "1", "--save", "");
  assert_usage_error (&r);
  g_assert_true (g_str_has_prefix (r.err, "backprop-cli: --save: is empty"));
  run (&r, "train", "--json", "--save=");
  assert_usage_error (&r);
  g_assert_true (g_str_has_prefix (r.err, "backprop-cli: --save: is empty"));
}

/* A save that fails only when it is tried (a name too long for the file
 * system) prints nothing on stdout, in text as in JSON. */
static void
test_save_fails_after_training (void)
{
  g_autofree char *name = g_strnfill (300, 'x');
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_auto(Run) r = { 0 };

  run (&r, "train", "--seed", "1", "--every", "1", "--save", path);
  assert_usage_error (&r);
  g_assert_true (g_str_has_prefix (r.err, "backprop-cli: --save: "));
  run (&r, "train", "--seed", "1", "--json", "--save", path);
  assert_usage_error (&r);
  run (&r, "train", "--seed", "1", "--learning-rate", "1e308", "--save", path);
  assert_usage_error (&r);
}

/* With --save the printed output is held back until the file is written;
 * more than a mebibyte of it (every epoch of 60 000) comes out whole. */
static void
test_save_long_output (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "long.backprop", NULL);
  g_auto(Run) plain = { 0 };
  g_auto(Run) saving = { 0 };

  run (&plain, "train", "--seed", "3", "--epochs", "60000", "--every", "1");
  run (&saving, "train", "--seed", "3", "--epochs", "60000", "--every", "1", "--save", path);
  assert_success (&saving);
  g_assert_cmpuint (strlen (saving.out), >, 1 << 20);
  g_assert_true (g_str_equal (saving.out, plain.out));
}

/* ---- flags ---------------------------------------------------------------- */

/* A value that is not UTF-8 is refused naming its flag, as other bad
 * values are. */
static void
test_flags_not_utf8 (void)
{
  const char *flags[] = {
    "--learning-rate", "--epochs", "--seed", "--init", "--normalize", "--every", "--classify",
  };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *says = g_strdup_printf ("backprop-cli: %s: “1\\xff” is not", flags[i]);
      g_auto(Run) r = { 0 };

      run (&r, "train", flags[i], "1\xff");
      assert_usage_error (&r);
      if (!g_str_has_prefix (r.err, says))
        g_test_fail_printf ("“%s” does not begin “%s”", r.err, says);
    }
  {
    g_auto(Run) r = { 0 };

    run (&r, "explain", "--person", "Zo\xeb");
    assert_usage_error (&r);
    g_assert_true (g_str_has_prefix (r.err, "backprop-cli: --person: “Zo\\xeb” is not"));
    run (&r, "train", "\xff");
    assert_usage_error (&r);
  }
}

/* Whether @text has a character of the CJK blocks, as a translation
 * into Chinese would. */
static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x2E80 && c <= 0x9FFF)
        return TRUE;
    }
  return FALSE;
}

/* The CLI speaks English in any locale (README, backprop-cli): neither
 * the core's messages nor GOption's own come out in Chinese. */
static void
test_flags_english (void)
{
  g_auto(GStrv) env = g_get_environ ();
  g_auto(Run) r = { 0 };
  const char *locale = setlocale (LC_MESSAGES, "zh_CN.UTF-8");

  if (locale == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  setlocale (LC_MESSAGES, "C.UTF-8");
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANG", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);

  run_argv_env (&r, (const char * const[]) { "train", "--learning-rate", "x", NULL }, env);
  assert_usage_error (&r);
  g_assert_cmpstr (r.err, ==, "backprop-cli: --learning-rate: “x” is not a number\n");
  run_argv_env (&r, (const char * const[]) { "train", "--bogus", NULL }, env);
  assert_usage_error (&r);
  g_assert_nonnull (strstr (r.err, "Unknown option"));
  g_assert_false (has_cjk (r.err));
}

/* Each command's help names the program and the command. */
static void
test_command_help (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "train", "--help");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "Usage:\n  backprop-cli train [OPTION…]\n"));
  g_assert_nonnull (strstr (r.out, "--save=FILE.backprop"));
  run (&r, "explain", "-h");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "Usage:\n  backprop-cli explain [OPTION…]\n"));
  g_assert_nonnull (strstr (r.out, "--person=NAME"));
  run (&r, "train", "--help-all");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "Usage:\n  backprop-cli train [OPTION…]\n"));
  /* GOption's own -? goes on working, as it did before. */
  run (&r, "explain", "-?");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "Usage:\n  backprop-cli explain [OPTION…]\n"));
}

/* ---- a network that diverged ---------------------------------------------- */

/* Its output is NaN: no verdict, in JSON (null) or in words. */
static void
test_diverged_no_verdict (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  JsonObject *o, *c;
  JsonArray *people;
  guint answers = 0;

  run (&r, "train", "--seed", "1", "--learning-rate", "1e308", "--classify", "128,63", "--json");
  g_assert_cmpint (r.status, ==, 3);
  o = load_object (parser, r.out);
  c = json_array_get_object_element (array (o, "classified"), 0);
  g_assert_true (json_node_is_null (member (c, "output")));
  g_assert_true (json_node_is_null (member (c, "gender")));
  g_assert_cmpfloat (number (c, "weight"), ==, 128);
  people = array (o, "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    g_assert_true (json_node_is_null (member (json_array_get_object_element (people, i), "output")));

  run (&r, "train", "--seed", "1", "--learning-rate", "1e308", "--classify", "128,63", "--every", "0");
  g_assert_cmpint (r.status, ==, 3);
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean prediction = g_str_has_prefix (lines[i], "  Alice:") || g_str_has_prefix (lines[i], "  Bob:") ||
                            g_str_has_prefix (lines[i], "  Charlie:") || g_str_has_prefix (lines[i], "  Diana:") ||
                            g_str_has_prefix (lines[i], "Classify ");

      if (!prediction)
        continue;
      answers++;
      if (strstr (lines[i], "no answer (the network diverged)") == NULL || strstr (lines[i], "nan") != NULL ||
          strstr (lines[i], "(M") != NULL || strstr (lines[i], "(F") != NULL)
        g_test_fail_printf ("“%s” gives a verdict or no words", lines[i]);
    }
  g_assert_cmpuint (answers, ==, 5);
  g_assert_nonnull (strstr (r.out, "  Alice: no answer (the network diverged), is F\n"));
  g_assert_nonnull (strstr (r.out, "Classify 128 lb, 63 in: no answer (the network diverged)\n"));
}

/* ---- kg and cm as given --------------------------------------------------- */

#define METRIC_CSV "name,gender,weight_kg,height_cm\n" \
                   "Ann,F,60,170.1\nBen,M,82.35,185.42\nCat,F,55.5,160\nDan,M,90.125,190.3\n"

static const double metric_values[][2] = {
  { 60, 170.1 }, { 82.35, 185.42 }, { 55.5, 160 }, { 90.125, 190.3 },
};

/* The people of METRIC_CSV, in the JSON of @out, as the file gives them. */
static void
assert_metric_people (const char *out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *people = array (load_object (parser, out), "people");

  g_assert_cmpuint (json_array_get_length (people), ==, G_N_ELEMENTS (metric_values));
  for (guint i = 0; i < G_N_ELEMENTS (metric_values); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);

      assert_same_double (number (p, "weight"), metric_values[i][0], "weight");
      assert_same_double (number (p, "height"), metric_values[i][1], "height");
    }
}

/* A number read is echoed as read: converted to lb and in for the
 * network, not for display.  Through the JSON, a saved session and a CSV
 * written again. */
static void
test_metric_as_given (void)
{
  g_autofree char *path = write_file ("as-given.csv", METRIC_CSV);
  g_autofree char *session = g_build_filename (tmp_dir, "as-given.backprop", NULL);
  g_autoptr(BpPeople) people = bp_csv_load (path, NULL);
  g_autoptr(BpSession) saved = NULL;
  g_autofree char *csv = NULL;
  g_auto(Run) r = { 0 };

  run (&r, "train", "--data", path, "--seed", "1", "--epochs", "10", "--json");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, "{\"name\":\"Ann\",\"weight\":60,\"height\":170.09999999999999,"));
  assert_metric_people (r.out);

  run (&r, "train", "--data", path, "--seed", "1", "--epochs", "10", "--save", session);
  assert_success (&r);
  run (&r, "train", "--session", session, "--epochs", "10", "--json");
  assert_success (&r);
  assert_metric_people (r.out);
  saved = bp_session_load (session, NULL);
  g_assert_nonnull (saved);
  g_assert_true (bp_people_equal (saved->people, people));

  csv = bp_csv_write (people, BP_UNITS_KG_CM);
  g_assert_cmpstr (csv, ==, "name,gender,weight_kg,height_cm\r\n"
                            "Ann,F,60,170.1\r\nBen,M,82.35,185.42\r\nCat,F,55.5,160\r\nDan,M,90.125,190.3\r\n");
}

/* ---- export-python --------------------------------------------------------- */

static void
test_export_python_stdout (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "lesson.py", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) to_file = { 0 };

  run (&r, "export-python", "--seed", "1", "--classify", "128,63");
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "#!/usr/bin/env python3\n"));
  g_assert_nonnull (strstr (r.out, "class OurNeuralNetwork:\n"));
  g_assert_nonnull (strstr (r.out, "    self.w1 = 1.6243453636632417\n"));
  g_assert_nonnull (strstr (r.out, "    learn_rate = 0.10000000000000001\n"));
  g_assert_nonnull (strstr (r.out, "    epochs = 1000 "));
  g_assert_nonnull (strstr (r.out, "\"Classify 128 lb, 63 in\""));

  /* -o writes the same program, and nothing on stdout. */
  run (&to_file, "export-python", "--seed", "1", "--classify", "128,63", "-o", path);
  assert_success (&to_file);
  g_assert_cmpstr (to_file.out, ==, "");
  test_assert_file_is (path, r.out);
  run (&to_file, "export-python", "--seed", "2", "--output", path);
  assert_success (&to_file);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, !=, r.out);
  g_assert_nonnull (strstr (contents, "np.random.seed(2)"));
}

/* train's flag errors, the same way; train's output-only flags and a bad
 * --output are refused; nothing is written. */
static void
test_export_python_errors (void)
{
  g_autofree char *fifo = g_build_filename (tmp_dir, "program.pipe", NULL);
  g_autofree char *kept = write_file ("kept.py", "# mine\n");
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "lesson.py", NULL);
  const struct
  {
    const char *args[6];
    const char *says;
  } cases[] = {
    { { "--learning-rate", "fast" }, "--learning-rate: " },
    { { "--learning-rate", "0" }, "--learning-rate: must be greater than 0" },
    { { "--epochs", "-1" }, "--epochs: " },
    { { "--seed", "x" }, "--seed: " },
    { { "--seed", "1", "--init", "1,2,3,4,5,6,7,8,9" }, "--seed and --init" },
    { { "--init", "1,2" }, "--init: " },
    { { "--normalize", "max" }, "--normalize: must be seed, mean, standard or none" },
    { { "--classify", "120" }, "--classify: " },
    { { "--data", "/nonexistent.csv" }, "--data: " },
    { { "--session", "/nonexistent.backprop" }, "--session: " },
    { { "--every", "10" }, "--every" },
    { { "--json" }, "--json" },
    { { "--save", "x.backprop" }, "--save" },
    { { "-o", "" }, "--output: is empty" },
    { { "-o", fifo }, "--output: " },
    { { "-o", missing }, "--output: " },
    { { "extra" }, "unexpected argument" },
  };
  g_auto(Run) r = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[8] = { "export-python" };

      for (guint j = 0; j < G_N_ELEMENTS (cases[i].args) && cases[i].args[j] != NULL; j++)
        args[j + 1] = cases[i].args[j];
      run_argv (&r, args);
      assert_usage_error (&r);
      if (strstr (r.err, cases[i].says) == NULL)
        g_test_fail_printf ("“%s” does not say “%s”", r.err, cases[i].says);
    }
  /* A bad flag beside -o leaves the file as it was. */
  run (&r, "export-python", "--epochs", "many", "-o", kept);
  assert_usage_error (&r);
  test_assert_file_is (kept, "# mine\n");
  g_unlink (fifo);
}

static void
test_export_python_help (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "export-python", "--help");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, "backprop-cli export-python"));
  g_assert_nonnull (strstr (r.out, "--output"));
  g_assert_null (strstr (r.out, "--json"));
  run (&r, "--help");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, "backprop-cli export-python"));
}

static gboolean
near (double a,
      double b)
{
  return fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b));
}

/* The number after “@label” at the start of a line of @out. */
static double
printed_number (const char *out,
                const char *label)
{
  g_autofree char *start = g_strdup_printf ("\n%s", label);
  const char *at = strstr (out, start);

  if (at == NULL)
    {
      g_test_fail_printf ("no line “%s…” in the program's output", label);
      return NAN;
    }
  return g_ascii_strtod (at + strlen (start), NULL);
}

/* Only the lines starting “Epoch ”. */
static char *
epoch_lines (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Epoch "))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

/* Runs the exported program of @flags and compares it with
 * `backprop-cli train` given the same flags: the parameters, every
 * person's and point's output, to 1e-9 relative, and the epoch lines. */
static void
check_python_run (const char         *python,
                  const char * const *flags)
{
  g_autofree char *path = g_build_filename (tmp_dir, "run.py", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *py_out = NULL;
  g_autofree char *py_err = NULL;
  g_autofree char *want_epochs = NULL;
  g_autofree char *got_epochs = NULL;
  g_autoptr(GError) error = NULL;
  const char *py_argv[] = { python, path, NULL };
  const char *py_env[] = { "PYTHONIOENCODING=utf-8", NULL };
  g_auto(Run) r = { 0 };
  JsonObject *o, *params;
  JsonArray *people, *classified;
  int wait_status = 0;
  guint n_flags;

  g_ptr_array_add (args, "export-python");
  for (n_flags = 0; flags[n_flags] != NULL; n_flags++)
    g_ptr_array_add (args, (gpointer) flags[n_flags]);
  g_ptr_array_add (args, "-o");
  g_ptr_array_add (args, path);
  g_ptr_array_add (args, NULL);
  run_argv (&r, (const char * const *) args->pdata);
  assert_success (&r);
  g_assert_true (g_spawn_sync (NULL, (char **) py_argv, (char **) py_env, G_SPAWN_DEFAULT, NULL, NULL,
                               &py_out, &py_err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (py_err, ==, "");
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  /* The same flags, trained by the CLI: epoch lines, then JSON. */
  args->pdata[0] = "train";
  args->pdata[n_flags + 1] = "--every";
  args->pdata[n_flags + 2] = "10";
  run_argv (&r, (const char * const *) args->pdata);
  assert_success (&r);
  want_epochs = epoch_lines (r.out);
  got_epochs = epoch_lines (py_out);
  g_assert_cmpuint (strlen (want_epochs), >, 0);
  g_assert_cmpstr (got_epochs, ==, want_epochs);

  args->pdata[n_flags + 1] = "--json";
  args->pdata[n_flags + 2] = NULL;
  run_argv (&r, (const char * const *) args->pdata);
  assert_success (&r);
  o = load_object (parser, r.out);
  params = object (o, "parameters");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s = ", bp_param_name (i));
      double got = printed_number (py_out, label);
      double want = number (params, bp_param_name (i));

      if (!near (got, want))
        g_test_fail_printf ("%s is %.17g in Python, %.17g in backprop-cli", bp_param_name (i), got, want);
    }
  people = array (o, "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      g_autofree char *label = g_strdup_printf ("%s: ", string (p, "name"));

      g_assert_true (near (printed_number (py_out, label), number (p, "output")));
    }
  classified = array (o, "classified");
  for (guint i = 0; i < json_array_get_length (classified); i++)
    {
      JsonObject *c = json_array_get_object_element (classified, i);
      g_autofree char *label = g_strdup_printf ("Classify %g %s, %g %s: ", number (c, "weight"),
                                                string (object (o, "units"), "weight"),
                                                number (c, "height"),
                                                string (object (o, "units"), "height"));

      g_assert_true (near (printed_number (py_out, label), number (c, "output")));
    }
}

/* Students take the lesson home and get the same numbers. */
static void
test_export_python_runs (void)
{
  const char *python = test_python_with_numpy ();
  g_autofree char *data = NULL;
  g_autofree char *test = NULL;

  if (python == NULL)
    {
      g_test_skip ("no python3 with numpy");
      return;
    }
  check_python_run (python, (const char *[]) { "--seed", "1", "--epochs", "1000",
                                              "--classify", "128,63", "--classify", "155,68", NULL });
  data = write_file ("python-metric.csv", METRIC_CSV);
  test = write_file ("python-test.csv", "name,gender,weight_kg,height_cm\nEve,F,58,165\n");
  check_python_run (python, (const char *[]) { "--data", data, "--test", test, "--normalize", "standard",
                                              "--seed", "7", "--learning-rate", "0.5", "--epochs", "300",
                                              "--classify", "70.5,175", NULL });
}

/* ---- example ---------------------------------------------------------------- */

/* `example NAME` prints the people the core generates, as the CSV writer
 * writes them; twice the same; `--save` writes the same bytes to a file. */
static void
test_example_print (void)
{
  static const struct { const char *name; BpExample example; guint n; } examples[] = {
    { "seeds", BP_EXAMPLE_SEEDS, 4 },
    { "class", BP_EXAMPLE_CLASS, 30 },
    { "population", BP_EXAMPLE_POPULATION, 10000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(BpPeople) expected = bp_example_new (examples[i].example, NULL);
      g_autofree char *text = bp_csv_write (expected, BP_UNITS_LB_IN);
      g_autofree char *path = g_build_filename (tmp_dir, "example.csv", NULL);
      g_autoptr(BpPeople) read = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(Run) r = { 0 };
      g_auto(Run) again = { 0 };
      g_auto(Run) saved = { 0 };

      run (&r, "example", examples[i].name);
      assert_success (&r);
      g_assert_cmpstr (r.out, ==, text);
      run (&again, "example", examples[i].name);
      g_assert_cmpstr (again.out, ==, r.out);
      read = bp_csv_parse (r.out, strlen (r.out), "stdout", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (bp_people_get_n (read), ==, examples[i].n);

      run (&saved, "example", examples[i].name, "--save", path);
      assert_success (&saved);
      g_assert_cmpstr (saved.out, ==, "");
      test_assert_file_is (path, text);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* The class as `train --data` takes it: 30 people in the JSON. */
static void
test_example_trains (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "class.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) r = { 0 };
  g_auto(Run) train = { 0 };
  JsonObject *o;

  run (&r, "example", "class", "--save", path);
  assert_success (&r);
  run (&train, "train", "--data", path, "--seed", "1", "--epochs", "10", "--normalize",
       "standard", "--json");
  assert_success (&train);
  o = load_object (parser, train.out);
  g_assert_cmpuint (json_array_get_length (array (o, "people")), ==, 30);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* A missing, unknown or extra name, an unknown flag, an empty or
 * impossible --save: one line naming it, nothing on stdout, and nothing
 * written. */
static void
test_example_bad (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "x.csv", NULL);
  g_autofree char *kept = write_file ("kept.csv", "name,gender,weight,height\nA,F,100,60\n");
  g_auto(Run) r = { 0 };

  run (&r, "example");
  assert_usage_error (&r);
  g_assert_nonnull (strstr (r.err, "seeds, class or population"));
  run (&r, "example", "school");
  assert_usage_error (&r);
  g_assert_nonnull (strstr (r.err, "“school”"));
  run (&r, "example", "class", "population");
  assert_usage_error (&r);
  g_assert_nonnull (strstr (r.err, "“population”"));
  run (&r, "example", "class", "--json");
  assert_usage_error (&r);
  run (&r, "example", "class", "--save", "");
  assert_usage_error (&r);
  g_assert_nonnull (strstr (r.err, "--save"));
  run (&r, "example", "class", "--save", missing);
  assert_usage_error (&r);
  g_assert_nonnull (strstr (r.err, "--save"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  run (&r, "example", "class", "--save", tmp_dir);
  assert_usage_error (&r);
  g_assert_true (g_file_test (tmp_dir, G_FILE_TEST_IS_DIR));
  test_assert_file_is (kept, "name,gender,weight,height\nA,F,100,60\n");
}

static void
test_example_help (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "example", "--help");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, "backprop-cli example"));
  g_assert_nonnull (strstr (r.out, "--save"));
  run (&r, "--help");
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, "backprop-cli example seeds|class|population"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Report every failing case, not only the first. */
  g_test_set_nonfatal_assertions ();
  tmp_dir = g_dir_make_tmp ("backprop-test-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/train/default", test_train_default);
  g_test_add_func ("/cli/train/every", test_train_every);
  g_test_add_func ("/cli/train/zero-epochs", test_train_zero_epochs);
  g_test_add_func ("/cli/train/random-seed", test_train_random_seed);
  g_test_add_func ("/cli/train/seed-reproducible", test_train_seed_reproducible);
  g_test_add_func ("/cli/train/json", test_train_json);
  g_test_add_func ("/cli/train/classify-text", test_train_classify_text);
  g_test_add_func ("/cli/train/json-test", test_train_json_test);
  g_test_add_func ("/cli/train/json-escape", test_train_json_escape);
  g_test_add_func ("/cli/train/init", test_train_init);
  g_test_add_func ("/cli/train/normalize", test_train_normalize);
  g_test_add_func ("/cli/train/metric", test_train_metric);
  g_test_add_func ("/cli/train/target-loss", test_train_target_loss);
  g_test_add_func ("/cli/train/target-loss-errors", test_train_target_loss_errors);
  g_test_add_func ("/cli/session/target-loss", test_session_target_loss);
  g_test_add_func ("/cli/export-python/target-loss", test_export_python_target_loss);
  g_test_add_func ("/cli/explain/json", test_explain_json);
  g_test_add_func ("/cli/explain/seed-and-text", test_explain_seed_and_text);
  g_test_add_func ("/cli/explain/check-json", test_explain_check_json);
  g_test_add_func ("/cli/explain/check-additive", test_explain_check_additive);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/usage-error-csv-position", test_usage_error_csv_position);
  g_test_add_func ("/cli/help-version", test_help_version);
  g_test_add_func ("/cli/diverge", test_diverge);
  g_test_add_func ("/cli/session/save", test_session_save);
  g_test_add_func ("/cli/session/train", test_session_train);
  g_test_add_func ("/cli/session/units", test_session_units);
  g_test_add_func ("/cli/session/explain", test_session_explain);
  g_test_add_func ("/cli/session/diverged", test_session_diverged);
  g_test_add_func ("/cli/session/errors", test_session_errors);
  g_test_add_func ("/cli/memory-runs-out", test_memory_runs_out);
  g_test_add_func ("/cli/session/save-fifo", test_session_save_fifo);
  g_test_add_func ("/cli/session/save-symlink", test_session_save_symlink);
  g_test_add_func ("/cli/output/full", test_output_full);
  g_test_add_func ("/cli/output/full-save", test_output_full_save);
  g_test_add_func ("/cli/output/closed", test_output_closed);
  g_test_add_func ("/cli/save/empty", test_save_empty);
  g_test_add_func ("/cli/save/fails-after-training", test_save_fails_after_training);
  g_test_add_func ("/cli/save/long-output", test_save_long_output);
  g_test_add_func ("/cli/flags/not-utf8", test_flags_not_utf8);
  g_test_add_func ("/cli/flags/command-help", test_command_help);
  g_test_add_func ("/cli/flags/english", test_flags_english);
  g_test_add_func ("/cli/diverged/no-verdict", test_diverged_no_verdict);
  g_test_add_func ("/cli/metric/as-given", test_metric_as_given);
  g_test_add_func ("/cli/export-python/stdout", test_export_python_stdout);
  g_test_add_func ("/cli/export-python/errors", test_export_python_errors);
  g_test_add_func ("/cli/export-python/help", test_export_python_help);
  g_test_add_func ("/cli/export-python/runs", test_export_python_runs);
  g_test_add_func ("/cli/example/print", test_example_print);
  g_test_add_func ("/cli/example/trains", test_example_trains);
  g_test_add_func ("/cli/example/bad", test_example_bad);
  g_test_add_func ("/cli/example/help", test_example_help);

  status = g_test_run ();
  if (tmp_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (tmp_dir);
      g_free (tmp_dir);
    }
  return status;
}
