/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-python.c: a lesson as a standalone Python program
 *
 * The program is the seeds' OurNeuralNetwork with this lesson's people,
 * start, learning rate and epochs written in.  Its training loop performs
 * the same floating-point operations in the same order as bp-network.c,
 * and every number is written so that Python reads back the very double
 * (%.17g, always as a float literal), so the program ends on the same
 * parameters as the app; only numpy's exp may differ from libm's in the
 * last bit.  Names go in as Python string literals, escaped so that any
 * name gives a valid program that still shows it as it was typed.
 */
#include "bp-python.h"

#include <math.h>
#include <string.h>

#include "bp-text.h"

/* A float literal that Python reads back as @value exactly: "-2.0" rather
 * than "-2", which Python would take for an integer (and lose -0.0). */
static void
append_number (GString *s,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      g_string_append (s, "float(\"nan\")");
      return;
    }
  if (isinf (value))
    {
      g_string_append (s, value < 0 ? "-float(\"inf\")" : "float(\"inf\")");
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  g_string_append (s, buf);
  if (strpbrk (buf, ".e") == NULL)
    g_string_append (s, ".0");
}

/* A value as the people's file shows it, for comments. */
static void
append_shown (GString *s,
              double   value)
{
  g_autofree char *text = bp_text_from_double (value);

  g_string_append (s, text);
}

/* Characters that would break the program's text or hide what a name
 * says: controls (newlines among them), invisible format characters such
 * as bidirectional overrides, line and paragraph separators, and code
 * points that are not characters. */
static gboolean
needs_escape (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_UNASSIGNED:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * bp_python_string:
 * @text: UTF-8 text (bytes that are not are replaced by U+FFFD)
 *
 * Returns: @text as a double-quoted Python 3 string literal: quotes,
 * backslashes and invisible or line-breaking characters escaped, other
 * characters (Chinese too) as they are, the program being UTF-8.
 */
char *
bp_python_string (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *s = g_string_new ("\"");

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (s, "\\%c", (char) c);
      else if (c == '\n')
        g_string_append (s, "\\n");
      else if (c == '\r')
        g_string_append (s, "\\r");
      else if (c == '\t')
        g_string_append (s, "\\t");
      else if (!needs_escape (c))
        g_string_append_unichar (s, c);
      else if (c <= 0xff)
        g_string_append_printf (s, "\\x%02x", c);
      else if (c <= 0xffff)
        g_string_append_printf (s, "\\u%04x", c);
      else
        g_string_append_printf (s, "\\U%08x", c);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static void
append_string (GString    *s,
               const char *text)
{
  g_autofree char *literal = bp_python_string (text);

  g_string_append (s, literal);
}

static const char functions[] =
  "import numpy as np\n"
  "\n"
  "\n"
  "def sigmoid(x):\n"
  "  # The activation function: f(x) = 1 / (1 + e^(-x))\n"
  "  return 1 / (1 + np.exp(-x))\n"
  "\n"
  "\n"
  "def deriv_sigmoid(x):\n"
  "  # The derivative of sigmoid: f'(x) = f(x) * (1 - f(x))\n"
  "  fx = sigmoid(x)\n"
  "  return fx * (1 - fx)\n"
  "\n"
  "\n"
  "def mse_loss(y_true, y_pred):\n"
  "  # The mean squared error of two numpy arrays of the same length\n"
  "  return ((y_true - y_pred) ** 2).mean()\n"
  "\n"
  "\n";

static void
append_header (GString              *s,
               const BpPythonLesson *lesson)
{
  g_string_append (s,
                   "#!/usr/bin/env python3\n"
                   "# A lesson exported from Backprop: the 2-2-1 network of victorzhou's\n"
                   "# \"An introduction to neural networks\", learning gender (1 = F, 0 = M)\n"
                   "# from weight and height.  It needs Python 3 and numpy, and ends on the\n"
                   "# same parameters as the lesson in Backprop.\n");
  g_string_append (s, functions);
}

static void
append_init (GString              *s,
             const BpPythonLesson *lesson)
{
  g_string_append (s, "  def __init__(self):\n");
  if (lesson->has_seed)
    g_string_append_printf (s,
                            "    # The lesson's initial parameters: what np.random.seed(%u) and then\n"
                            "    # np.random.normal() nine times give, w1 to w6 then b1 to b3.\n",
                            lesson->seed);
  else
    g_string_append (s, "    # The lesson's initial parameters, as set by hand.\n");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    {
      if (i == BP_PARAM_B1)
        g_string_append (s, "\n");
      g_string_append_printf (s, "    self.%s = ", bp_param_name (i));
      append_number (s, bp_params_get (&lesson->initial, i));
      g_string_append_c (s, '\n');
    }
  g_string_append (s,
                   "\n"
                   "  def feedforward(self, x):\n"
                   "    # x is a numpy array of the two inputs.\n"
                   "    h1 = sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)\n"
                   "    h2 = sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)\n"
                   "    o1 = sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)\n"
                   "    return o1\n"
                   "\n");
}

/* Epochs per call while looking for where a target loss stops the run. */
#define TARGET_CHUNK 4096

/* The epochs after which the training loss first falls below
 * @lesson's target, found by running the lesson here as backprop-cli
 * train does; FALSE when it never does (or the run diverges, which the
 * program then runs through as it would without a target). */
static gboolean
epochs_to_target (const BpPythonLesson *lesson,
                  guint64              *epochs)
{
  g_autoptr(BpDataset) data = bp_people_to_dataset (lesson->people, &lesson->norm);
  g_autofree double *losses = g_new (double, TARGET_CHUNK);
  BpParams p = lesson->initial;
  guint64 done = 0;

  while (done < lesson->epochs)
    {
      guint64 n = MIN (lesson->epochs - done, TARGET_CHUNK);
      guint64 ran = bp_network_train_until (&p, data, NULL, lesson->learning_rate, n,
                                            lesson->target_loss, losses, NULL);

      done += ran;
      if (losses[ran - 1] < lesson->target_loss && bp_params_all_finite (&p))
        {
          *epochs = done;
          return TRUE;
        }
      if (ran < n || !isfinite (losses[ran - 1]))
        return FALSE;
    }
  return FALSE;
}

/* With a target loss, the program runs exactly the epochs the target
 * leaves: its loop then ends on the parameters train ends on, with no
 * loss to compare each epoch (numpy's could round differently). */
static void
append_epochs (GString              *s,
               const BpPythonLesson *lesson)
{
  g_autofree char *target = NULL;
  guint64 epochs;

  if (lesson->target_loss <= 0 || !epochs_to_target (lesson, &epochs))
    {
      g_string_append_printf (s, "\n    epochs = %" G_GUINT64_FORMAT "  # times through all the people\n\n",
                              lesson->epochs);
      return;
    }
  target = bp_text_from_double (lesson->target_loss);
  g_string_append_printf (s, "\n    # The loss first falls below the target %s after %" G_GUINT64_FORMAT
                             " of the %" G_GUINT64_FORMAT " epochs asked for:\n"
                             "    # training stops there.\n"
                             "    epochs = %" G_GUINT64_FORMAT "  # times through all the people\n\n",
                          target, epochs, lesson->epochs, epochs);
}

/* The seeds' loop: one SGD step per person, in order. */
static const char train_loop[] =
  "    for epoch in range(epochs):\n"
  "      for x, y_true in zip(data, all_y_trues):\n"
  "        # Feedforward, keeping the sums for the derivatives\n"
  "        sum_h1 = self.w1 * x[0] + self.w2 * x[1] + self.b1\n"
  "        h1 = sigmoid(sum_h1)\n"
  "\n"
  "        sum_h2 = self.w3 * x[0] + self.w4 * x[1] + self.b2\n"
  "        h2 = sigmoid(sum_h2)\n"
  "\n"
  "        sum_o1 = self.w5 * h1 + self.w6 * h2 + self.b3\n"
  "        o1 = sigmoid(sum_o1)\n"
  "        y_pred = o1\n"
  "\n"
  "        # Partial derivatives; d_L_d_w1 stands for dL/dw1\n"
  "        d_L_d_ypred = -2 * (y_true - y_pred)\n"
  "\n"
  "        # Output neuron o1\n"
  "        d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1)\n"
  "        d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1)\n"
  "        d_ypred_d_b3 = deriv_sigmoid(sum_o1)\n"
  "\n"
  "        d_ypred_d_h1 = self.w5 * deriv_sigmoid(sum_o1)\n"
  "        d_ypred_d_h2 = self.w6 * deriv_sigmoid(sum_o1)\n"
  "\n"
  "        # Hidden neuron h1\n"
  "        d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1)\n"
  "        d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1)\n"
  "        d_h1_d_b1 = deriv_sigmoid(sum_h1)\n"
  "\n"
  "        # Hidden neuron h2\n"
  "        d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2)\n"
  "        d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2)\n"
  "        d_h2_d_b2 = deriv_sigmoid(sum_h2)\n"
  "\n"
  "        # Gradient descent: each parameter steps against its derivative\n"
  "        self.w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1\n"
  "        self.w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2\n"
  "        self.b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1\n"
  "\n"
  "        self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3\n"
  "        self.w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4\n"
  "        self.b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2\n"
  "\n"
  "        self.w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5\n"
  "        self.w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6\n"
  "        self.b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3\n"
  "\n"
  "      # The loss over all the people, every 10 epochs\n"
  "      if epoch % 10 == 0:\n"
  "        y_preds = np.apply_along_axis(self.feedforward, 1, data)\n"
  "        loss = mse_loss(all_y_trues, y_preds)\n"
  "        print(\"Epoch %d loss: %.3f\" % (epoch, loss))\n"
  "\n"
  "\n";

static void
append_class (GString              *s,
              const BpPythonLesson *lesson)
{
  g_string_append (s,
                   "class OurNeuralNetwork:\n"
                   "  '''\n"
                   "  A neural network with:\n"
                   "    - 2 inputs\n"
                   "    - a hidden layer of 2 neurons (h1, h2)\n"
                   "    - an output layer of 1 neuron (o1)\n"
                   "  '''\n");
  append_init (s, lesson);
  g_string_append (s,
                   "  def train(self, data, all_y_trues):\n"
                   "    '''\n"
                   "    - data is an (n x 2) numpy array: the inputs of n people.\n"
                   "    - all_y_trues is a numpy array of their n targets.\n"
                   "    '''\n"
                   "    learn_rate = ");
  append_number (s, lesson->learning_rate);
  append_epochs (s, lesson);
  g_string_append (s, train_loop);
}

/* The normalisation, in words and numbers, as a comment. */
static void
append_norm_comment (GString              *s,
                     const BpPythonLesson *lesson)
{
  const BpNormalizer *n = &lesson->norm;

  if (n->mode == BP_NORMALIZE_SEED)
    {
      g_string_append (s, "# Inputs as in the seeds: weight minus 135 lb, height minus 66 in.\n");
      return;
    }
  if (n->mode == BP_NORMALIZE_NONE)
    {
      g_string_append (s, "# Inputs: the weight in lb and the height in in, as they are.\n");
      return;
    }
  g_string_append (s, "# Inputs: weight minus the people's mean, ");
  append_number (s, n->weight_offset);
  g_string_append (s, " lb,\n# height minus their mean, ");
  append_number (s, n->height_offset);
  g_string_append (s, " in");
  if (n->mode == BP_NORMALIZE_STANDARD)
    {
      g_string_append (s, ";\n# each then divided by its standard deviation, ");
      append_number (s, n->weight_scale);
      g_string_append (s, " lb and ");
      append_number (s, n->height_scale);
      g_string_append (s, " in");
    }
  g_string_append (s, ".\n");
}

/* One input: ((value [/ unit]) - offset) [/ scale], leaving out what is
 * exact anyway (a unit or scale of 1), as bp_normalizer_apply() after
 * bp_weight_to_lb() or bp_height_to_in() computes it. */
static void
append_input (GString    *s,
              const char *name,
              double      per_unit,
              double      offset,
              double      scale)
{
  if (scale != 1)
    g_string_append_c (s, '(');
  g_string_append (s, name);
  if (per_unit != 1)
    {
      g_string_append (s, " / ");
      append_number (s, per_unit);
    }
  g_string_append (s, " - ");
  append_number (s, offset);
  if (scale != 1)
    {
      g_string_append (s, ") / ");
      append_number (s, scale);
    }
}

static void
append_normalise (GString              *s,
                  const BpPythonLesson *lesson)
{
  const BpPeople *p = lesson->people;
  const BpNormalizer *n = &lesson->norm;
  gboolean kg = p->weight_units == BP_UNITS_KG_CM;
  gboolean cm = p->height_units == BP_UNITS_KG_CM;

  append_norm_comment (s, lesson);
  g_string_append_printf (s, "def normalise(weight, height):\n"
                             "  # The network's two inputs for a weight (%s) and a height (%s)\n"
                             "  return np.array([",
                          bp_units_weight_symbol (p->weight_units),
                          bp_units_height_symbol (p->height_units));
  append_input (s, "weight", kg ? BP_KG_PER_LB : 1, n->weight_offset, n->weight_scale);
  g_string_append (s, ",\n                   ");
  append_input (s, "height", cm ? BP_CM_PER_IN : 1, n->height_offset, n->height_scale);
  g_string_append (s, "])\n\n\n");
}

/* `data`, `all_y_trues` and `names` (with @prefix: `test_data` …): the
 * inputs written exactly as the app computed them. */
static void
append_people (GString              *s,
               const BpPythonLesson *lesson,
               const BpPeople       *people,
               const char           *prefix)
{
  guint n = bp_people_get_n (people);

  g_string_append_printf (s, "%sdata = np.array([\n", prefix);
  for (guint i = 0; i < n; i++)
    {
      BpPerson *p = bp_people_get (people, i);
      double x0, x1;

      bp_normalizer_apply (&lesson->norm, p->weight_lb, p->height_in, &x0, &x1);
      g_string_append (s, "  [");
      append_number (s, x0);
      g_string_append (s, ", ");
      append_number (s, x1);
      g_string_append (s, "],  # ");
      append_string (s, p->name);
      g_string_append (s, ": ");
      append_shown (s, bp_weight_shown (p->weight_lb, lesson->people->weight_units));
      g_string_append_printf (s, " %s, ", bp_units_weight_symbol (lesson->people->weight_units));
      append_shown (s, bp_height_shown (p->height_in, lesson->people->height_units));
      g_string_append_printf (s, " %s\n", bp_units_height_symbol (lesson->people->height_units));
    }
  g_string_append_printf (s, "])\n%sall_y_trues = np.array([", prefix);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%d", i > 0 ? ", " : "",
                            bp_people_get (people, i)->gender == BP_GENDER_FEMALE ? 1 : 0);
  g_string_append_printf (s, "])  # 1 = F, 0 = M\n%snames = [", prefix);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      append_string (s, bp_people_get (people, i)->name);
    }
  g_string_append (s, "]\n\n");
}

static void
append_classify (GString              *s,
                 const BpPythonLesson *lesson)
{
  const BpPeople *p = lesson->people;

  if (lesson->n_classify == 0)
    return;
  g_string_append (s, "\n# More people to classify, in the people's units\n");
  for (guint i = 0; i < lesson->n_classify; i++)
    {
      char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
      char label[G_ASCII_DTOSTR_BUF_SIZE * 2 + 32];

      /* As backprop-cli train labels them (%g), whatever the locale. */
      g_ascii_formatd (w, sizeof w, "%g", lesson->classify[2 * i]);
      g_ascii_formatd (h, sizeof h, "%g", lesson->classify[2 * i + 1]);
      g_snprintf (label, sizeof label, "Classify %s %s, %s %s", w,
                  bp_units_weight_symbol (p->weight_units), h,
                  bp_units_height_symbol (p->height_units));
      g_string_append_printf (s, "print(\"%%s: %%.17g\" %% (\"%s\", network.feedforward(normalise(", label);
      append_number (s, lesson->classify[2 * i]);
      g_string_append (s, ", ");
      append_number (s, lesson->classify[2 * i + 1]);
      g_string_append (s, "))))\n");
    }
}

static void
append_main (GString              *s,
             const BpPythonLesson *lesson)
{
  gboolean has_test = lesson->test != NULL && bp_people_get_n (lesson->test) > 0;

  g_string_append (s, "# The people to train on\n");
  append_people (s, lesson, lesson->people, "");
  if (has_test)
    {
      g_string_append (s, "# Held-out people, never trained on\n");
      append_people (s, lesson, lesson->test, "test_");
    }
  g_string_append (s,
                   "# Train the network\n"
                   "network = OurNeuralNetwork()\n"
                   "network.train(data, all_y_trues)\n"
                   "\n"
                   "# The trained parameters, to 17 significant digits\n");
  for (guint i = 0; i < BP_N_PARAMS; i++)
    g_string_append_printf (s, "print(\"%s = %%.17g\" %% network.%s)\n",
                            bp_param_name (i), bp_param_name (i));
  g_string_append (s,
                   "\n"
                   "# Each person's output: near 1 says F, near 0 says M\n"
                   "for name, x in zip(names, data):\n"
                   "  print(\"%s: %.17g\" % (name, network.feedforward(x)))\n");
  if (has_test)
    g_string_append (s,
                     "for name, x in zip(test_names, test_data):\n"
                     "  print(\"%s: %.17g\" % (name, network.feedforward(x)))\n");
  append_classify (s, lesson);
}

/**
 * bp_python_program:
 * @lesson: the people, their normalisation and the run's start
 *
 * Returns: a Python 3 program (UTF-8) that trains the seeds' network on
 * @lesson, printing `Epoch N loss: %.3f` every 10 epochs, then `w1 = …`
 * to `b3 = …` with %.17g, then `NAME: %.17g` for each person and each
 * point to classify.  The same lesson always gives the same text.
 */
char *
bp_python_program (const BpPythonLesson *lesson)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (lesson != NULL && lesson->people != NULL, NULL);

  append_header (s, lesson);
  append_class (s, lesson);
  append_normalise (s, lesson);
  append_main (s, lesson);
  return g_string_free (s, FALSE);
}
