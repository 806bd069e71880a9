/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-tour.c: the guided tour of the seeds' lesson
 *
 * win.tour starts it at the first step, win.tour-next and
 * win.tour-previous (Page Down and Page Up, the keys a presenter's remote
 * sends) move through it, win.tour-leave ends it.  Entering a step puts
 * the window's own views into the state the step explains, by the means
 * a teacher has (the parameters as an edit to undo, the seeds' people as
 * an example, a page, a run), so that leaving at any step keeps it as it
 * is, to go on from there.  Every number in a step's text is computed by
 * the core (bp-tour.c) when the step is entered.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-format.h"
#include "bp-tour.h"
#include "bp-tour-panel.h"
#include "bp-window-private.h"
#include "bp-window-tour.h"

/* The seeds print the loss every 10 epochs. */
#define CONSOLE_EVERY 10

typedef struct
{
  BpWindow    *window;    /* owns this */
  BpTourPanel *panel;
  int          step;      /* -1: no tour */
  guint        tick_id;   /* follows a step's run */

  /* The run of the training steps, as the core trains it. */
  GArray      *console;
  BpNormalizer norm;
  guint64      console_epochs;
  gboolean     finished_shown;
} Tour;

static Tour *
get_tour (BpWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "bp-tour");
}

static void
tour_free (gpointer data)
{
  Tour *tour = data;

  g_clear_pointer (&tour->console, g_array_unref);
  g_free (tour);
}

/* ---- numbers as the text shows them ----------------------------------------- */

/* Every digit, as the seeds print an exact result. */
static char *
exact (double value)
{
  return bp_format_exact (value);
}

/* @digits significant digits, as the seeds round by hand. */
static char *
sig (double value,
     int    digits)
{
  return bp_format_significant (value, digits);
}

/* ---- what a step puts on the window ----------------------------------------- */

static void
activate (BpWindow   *window,
          const char *action,
          GVariant   *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), action, parameter);
}

static void
show_page (BpWindow   *window,
           const char *page)
{
  activate (window, "show-page", g_variant_new_string (page));
}

/* A step changes what a live run would be trained on: it ends first,
 * kept with the earlier runs. */
static void
stop_run (BpWindow *window)
{
  BpProgress progress;

  bp_window_get_progress (window, &progress);
  if (progress.state == BP_TRAINER_RUNNING || progress.state == BP_TRAINER_PAUSED)
    activate (window, "stop", NULL);
}

static gboolean
params_equal (const BpParams *a,
              const BpParams *b)
{
  for (guint i = 0; i < BP_N_PARAMS; i++)
    if (bp_params_get (a, i) != bp_params_get (b, i))
      return FALSE;
  return TRUE;
}

/* @params on show and the next run's start, as an edit to undo; nothing
 * is done when they already are. */
static void
set_params (BpWindow       *window,
            const BpParams *params,
            const char     *label)
{
  BpProgress progress;

  bp_window_get_progress (window, &progress);
  if (!bp_window_has_run (window) && params_equal (&progress.params, params))
    return;
  bp_window_edit_parameters (window, params, label);
}

/* The seeds' four people, as the Examples menu loads them (one step for
 * Undo), unless they are what is listed. */
static void
set_seed_people (BpWindow *window)
{
  BpLesson *lesson = bp_window_get_lesson (window);
  g_autoptr(BpPeople) seeds = bp_people_new_seed ();
  g_autoptr(BpPeople) people = bp_lesson_dup_people (lesson);
  g_autoptr(BpPeople) test = bp_lesson_dup_test_people (lesson);
  g_autoptr(GError) error = NULL;

  if (people != NULL && test != NULL && bp_people_equal (people, seeds) &&
      bp_people_get_n (test) == 0)
    return;
  if (!bp_window_load_example (window, BP_EXAMPLE_SEEDS, BP_PEOPLE_REPLACE, &error))
    g_message ("Guided tour: %s", error->message);
}

/* The people listed and the normalisation of the form, as a run would
 * take them; FALSE while a field is wrong. */
static gboolean
get_dataset (BpWindow      *window,
             BpNormalizer  *norm,
             BpDataset    **data,
             BpPeople     **people_out)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  g_autoptr(BpPeople) people = bp_lesson_dup_people (bp_window_get_lesson (window));

  if (people == NULL || bp_people_get_n (people) == 0)
    return FALSE;
  bp_normalizer_init (norm, bp_training_form_get_normalize (form), people);
  *data = bp_people_to_dataset (people, norm);
  if (people_out != NULL)
    *people_out = g_steal_pointer (&people);
  return TRUE;
}

/* The initial parameters the form's seed gives, as in the seeds'
 * np.random.normal() calls. */
static void
seed_params (BpWindow *window,
             BpParams *params)
{
  bp_params_from_seed (params, bp_training_form_get_seed (bp_window_get_training_form (window)));
}

static double
learning_rate (BpWindow *window)
{
  BpTrainerConfig config;

  if (!bp_training_form_get_config (bp_window_get_training_form (window), &config))
    return 0.1;
  return config.learning_rate;
}

static guint64
epochs (BpWindow *window)
{
  BpTrainerConfig config;

  if (!bp_training_form_get_config (bp_window_get_training_form (window), &config))
    return 1000;
  return config.epochs;
}

/* The diagram on given inputs (@name non-NULL) chooses nobody in the
 * page's drop-down, so that choosing a person, even the one chosen
 * before, goes back to people; or on the person chosen. */
static void
set_diagram_input (Tour       *tour,
                   const char *name)
{
  BpNetworkDiagram *diagram = bp_window_get_network_diagram (tour->window);

  bp_network_diagram_set_input (diagram, name, BP_TOUR_X0, BP_TOUR_X1);
  gtk_drop_down_set_selected (bp_window_get_diagram_person (tour->window),
                              name != NULL ? GTK_INVALID_LIST_POSITION
                                           : bp_network_diagram_get_person (diagram));
}

/* The Network page with @params on x = [2, 3], every value written out. */
static void
show_network (Tour           *tour,
              const BpParams *params,
              const char     *label)
{
  g_autofree char *x0 = exact (BP_TOUR_X0), *x1 = exact (BP_TOUR_X1);
  g_autofree char *name = g_strdup_printf ("x = [%s, %s]", x0, x1);

  /* On show first: a page out of sight is given the people when it
   * comes on show, which would put a person back on the inputs. */
  show_page (tour->window, "network");
  set_params (tour->window, params, label);
  set_diagram_input (tour, name);
  bp_network_diagram_set_show_values (bp_window_get_network_diagram (tour->window), TRUE);
}

/* ---- the steps -------------------------------------------------------------- */

typedef struct
{
  char *title;
  char *text;
} StepText;

static void
neuron_step (Tour     *tour,
             StepText *out)
{
  BpParams p;
  BpExplain e;
  g_autofree char *w1 = NULL, *w2 = NULL, *b1 = NULL, *x0 = NULL, *x1 = NULL;
  g_autofree char *sum = NULL, *y = NULL;

  bp_tour_neuron_params (&p);
  bp_tour_forward (&p, &e);
  show_network (tour, &p, _("Tour: One Neuron"));

  w1 = exact (p.w1), w2 = exact (p.w2), b1 = exact (p.b1);
  x0 = exact (e.x0), x1 = exact (e.x1);
  sum = exact (e.sum_h1), y = exact (e.h1);
  out->title = g_strdup (_("One neuron"));
  out->text = g_strdup_printf (
    /* Translators: step 1 of the guided tour; the numbers are computed.
     * f is the sigmoid function. */
    _("A neuron multiplies each input by its weight, adds its bias, and squashes the sum "
      "with the sigmoid f(x) = 1 / (1 + e⁻ˣ), into a number between 0 and 1.\n"
      "With weights w = [%s, %s], bias b = %s and inputs x = [%s, %s]:\n"
      "w · x + b = %s × %s + %s × %s + %s = %s\n"
      "y = f(%s) = %s\n"
      "The network below holds this neuron as h1: w1 = %s, w2 = %s, b1 = %s."),
    w1, w2, b1, x0, x1, w1, x0, w2, x1, b1, sum, sum, y, w1, w2, b1);
}

static void
network_step (Tour     *tour,
              StepText *out)
{
  BpParams p;
  BpExplain e;
  g_autofree char *w1 = NULL, *w2 = NULL, *b = NULL, *x0 = NULL, *x1 = NULL;
  g_autofree char *sum = NULL, *h = NULL, *o = NULL;

  bp_tour_network_params (&p);
  bp_tour_forward (&p, &e);
  show_network (tour, &p, _("Tour: The Network"));

  w1 = exact (p.w1), w2 = exact (p.w2), b = exact (p.b1);
  x0 = exact (e.x0), x1 = exact (e.x1);
  sum = exact (e.sum_h1), h = sig (e.h1, 4), o = exact (e.o1);
  out->title = g_strdup (_("The network"));
  out->text = g_strdup_printf (
    /* Translators: step 2 of the guided tour; the numbers are computed */
    _("Two hidden neurons, h1 and h2, take the inputs; the output neuron o1 takes what they "
      "give. Every neuron has w = [%s, %s] and b = %s. For x = [%s, %s]:\n"
      "h1 = h2 = f(%s × %s + %s × %s + %s) = f(%s) = %s\n"
      "o1 = f(%s × h1 + %s × h2 + %s) = f(%s) = %s\n"
      "This is the network the whole lesson trains: w1…w6 on its edges, b1, b2, b3 on its "
      "neurons."),
    w1, w2, b, x0, x1, w1, x0, w2, x1, b, sum, h, w1, w2, b, h, o);
}

static void
data_step (Tour     *tour,
           StepText *out)
{
  g_autoptr(BpPeople) people = NULL;
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  BpNormalizer norm;

  set_seed_people (tour->window);
  bp_training_form_set_normalize (bp_window_get_training_form (tour->window), BP_NORMALIZE_SEED);
  show_page (tour->window, "map");
  if (get_dataset (tour->window, &norm, &data, &people))
    for (guint i = 0; i < data->n; i++)
      {
        const BpPerson *p = bp_people_get (people, i);
        g_autofree char *w = exact (p->weight_lb), *h = exact (p->height_in);
        g_autofree char *x0 = exact (data->x0[i]), *x1 = exact (data->x1[i]);
        g_autofree char *y = exact (data->y[i]);

        /* Translators: a person of the guided tour's data step: name,
         * weight in lb, height in in, the two inputs, the target (1 F, 0 M) */
        g_string_append_printf (rows, _("\n%s: %s lb, %s in → x = [%s, %s], y = %s"),
                                p->name, w, h, x0, x1, y);
      }
  out->title = g_strdup (_("The data"));
  out->text = g_strdup_printf (
    /* Translators: step 3 of the guided tour; %s is the list of people */
    _("The network learns to tell F (y = 1) from M (y = 0) by weight and height. It does "
      "not take pounds and inches as they are: the seeds subtract 135 lb and 66 in, so that "
      "the inputs are small numbers around 0.%s\n"
      "The Inputs column of the people list shows them; step 8 shows why it matters."),
    rows->str);
}

static void
loss_step (Tour     *tour,
           StepText *out)
{
  g_autoptr(BpDataset) data = NULL;
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autofree char *zero = NULL, *mse = NULL, *real = NULL, *n = NULL;
  BpNormalizer norm;
  BpParams p;
  guint32 seed = bp_training_form_get_seed (bp_window_get_training_form (tour->window));

  seed_params (tour->window, &p);
  set_params (tour->window, &p, _("Tour: The Loss"));
  show_page (tour->window, "loss");
  if (!get_dataset (tour->window, &norm, &data, NULL))
    return;
  for (guint i = 0; i < data->n && i < 8; i++)
    {
      g_autofree char *term = exact ((data->y[i] - 0.0) * (data->y[i] - 0.0));

      g_string_append_printf (terms, "%s%s", i > 0 ? " + " : "", term);
    }
  if (data->n > 8)
    g_string_append (terms, " + …");
  zero = exact (0.0);
  n = exact (data->n);
  mse = exact (bp_tour_constant_mse (data, 0.0));
  real = sig (bp_network_loss (&p, data), 3);
  out->title = g_strdup (_("The loss"));
  out->text = g_strdup_printf (
    /* Translators: step 4 of the guided tour; the numbers are computed */
    _("The mean squared error MSE = (1/n) Σ (y_true − y_pred)² says how wrong the network is "
      "on the n people: 0 is perfect.\n"
      "A network that always says %s (everybody is M) gets MSE = (%s) / %s = %s.\n"
      "The network on screen starts from random parameters (seed %u), as in the seeds: its "
      "MSE is %s. Training is what makes it smaller."),
    zero, terms->str, n, mse, seed, real);
}

static void
backprop_step (Tour     *tour,
               StepText *out)
{
  BpParams p;
  BpExplain e;
  BpWorkedStep s;
  g_autofree char *h1 = NULL, *o1 = NULL, *dl = NULL, *dh = NULL, *dw = NULL, *g = NULL;

  activate (tour->window, "worked-example", NULL);
  bp_explain_panel_set_exact (bp_window_get_explain_panel (tour->window), FALSE);
  /* The panel's own step, as it shows it; the seeds' one if the window
   * could not take it (a field to correct). */
  if (!bp_explain_panel_get_explain (bp_window_get_explain_panel (tour->window), NULL, &e))
    {
      bp_tour_example_params (&p);
      bp_network_explain (&p, -2, -1, 1, learning_rate (tour->window), &e);
    }
  bp_worked_step_by_hand (&e, &s);
  h1 = sig (s.h1, 3), o1 = sig (s.o1, 3);
  dl = sig (s.d_L_d_ypred, 3), dh = sig (s.d_ypred_d_h1, 3), dw = sig (s.d_h1_d_w1, 3);
  g = sig (s.gradient.w1, 3);
  out->title = g_strdup (_("Backpropagation"));
  out->text = g_strdup_printf (
    /* Translators: step 5 of the guided tour; the numbers are computed */
    _("Take Alice alone, every weight 1 and every bias 0. The forward pass gives "
      "h1 = %s and y_pred = o1 = %s. The chain rule splits ∂L/∂w1 into steps, each easy:\n"
      "∂L/∂w1 = ∂L/∂y_pred × ∂y_pred/∂h1 × ∂h1/∂w1 = %s × %s × %s = %s\n"
      "It is positive: making w1 a little smaller makes the loss smaller. The Explain page "
      "works out every derivative this way."),
    h1, o1, dl, dh, dw, g);
}

static void
sgd_step (Tour     *tour,
          StepText *out)
{
  BpExplainPanel *panel = bp_window_get_explain_panel (tour->window);
  BpExplain e;
  BpWorkedStep s;
  g_autoptr(GString) others = g_string_new (NULL);
  g_autofree char *eta = NULL, *w1 = NULL, *g = NULL, *after = NULL;

  if (!bp_explain_panel_get_explain (panel, NULL, &e))
    {
      StepText unused = { NULL, NULL };

      backprop_step (tour, &unused);
      g_free (unused.title);
      g_free (unused.text);
    }
  if (!bp_explain_panel_get_explain (panel, NULL, &e))
    return;
  bp_explain_panel_set_exact (panel, FALSE);
  show_page (tour->window, "explain");
  bp_worked_step_by_hand (&e, &s);
  for (guint i = BP_PARAM_W2; i < BP_N_PARAMS; i++)
    {
      g_autofree char *value = sig (bp_params_get (&s.after, i), 6);

      g_string_append_printf (others, "%s%s = %s", i > BP_PARAM_W2 ? ", " : "",
                              bp_param_name (i), value);
    }
  eta = exact (s.learning_rate);
  w1 = sig (s.p.w1, 6), g = sig (s.gradient.w1, 3), after = sig (s.after.w1, 6);
  out->title = g_strdup (_("One SGD step"));
  out->text = g_strdup_printf (
    /* Translators: step 6 of the guided tour; η is the learning rate */
    _("Stochastic gradient descent moves each parameter against its derivative, by the "
      "learning rate η = %s:\n"
      "w1 ← w1 − η · ∂L/∂w1 = %s − %s × %s = %s\n"
      "The other eight the same way: %s.\n"
      "Apply This Step on the Explain page takes it; Alice's loss is then a little smaller."),
    eta, w1, eta, g, after, others->str);
}

/* The seeds' console so far, and once the run is over what the seeds
 * print after it: Emily and Frank. */
static void
update_console (Tour *tour)
{
  BpProgress progress;
  g_autofree char *console = NULL;

  bp_window_get_progress (tour->window, &progress);
  console = bp_tour_format_console (tour->console, progress.epoch);
  if (progress.state == BP_TRAINER_FINISHED)
    {
      char emily[G_ASCII_DTOSTR_BUF_SIZE], frank[G_ASCII_DTOSTR_BUF_SIZE];
      char *with_people;

      g_ascii_formatd (emily, sizeof emily, "%.3f",
                       bp_tour_classify (&progress.params, &tour->norm,
                                         BP_TOUR_EMILY_WEIGHT, BP_TOUR_EMILY_HEIGHT));
      g_ascii_formatd (frank, sizeof frank, "%.3f",
                       bp_tour_classify (&progress.params, &tour->norm,
                                         BP_TOUR_FRANK_WEIGHT, BP_TOUR_FRANK_HEIGHT));
      with_people = g_strdup_printf ("%s\nEmily: %s\nFrank: %s", console, emily, frank);
      g_free (console);
      console = with_people;
    }
  bp_tour_panel_set_console (tour->panel, console);
}

static void enter_step (Tour *tour);

static gboolean
on_run_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Tour *tour = user_data;
  BpProgress progress;

  bp_window_get_progress (tour->window, &progress);
  if (progress.epoch != tour->console_epochs || progress.state == BP_TRAINER_FINISHED)
    {
      tour->console_epochs = progress.epoch;
      update_console (tour);
    }
  if (progress.state == BP_TRAINER_RUNNING || progress.state == BP_TRAINER_PAUSED)
    return G_SOURCE_CONTINUE;
  /* Over: the step's text says how it ended. */
  tour->tick_id = 0;
  if (!tour->finished_shown)
    {
      tour->finished_shown = TRUE;
      enter_step (tour);
    }
  return G_SOURCE_REMOVE;
}

static void
stop_following (Tour *tour)
{
  if (tour->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (tour->panel), tour->tick_id);
  tour->tick_id = 0;
}

/* A run of the form's settings from the seed's parameters, on
 * @normalize, and the console the core prints for it.  The run is
 * started only the first time the step is entered: Previous and Next
 * come back to it as it stands. */
static void
start_console_run (Tour        *tour,
                   BpNormalize  normalize,
                   const char  *label)
{
  g_autoptr(BpDataset) data = NULL;
  BpTrainingForm *form = bp_window_get_training_form (tour->window);
  BpParams p;

  bp_training_form_set_normalize (form, normalize);
  seed_params (tour->window, &p);
  if (!tour->finished_shown)
    {
      set_params (tour->window, &p, label);
      g_object_set (bp_window_get_loss_chart (tour->window), "log-scale", FALSE, NULL);
    }
  show_page (tour->window, "loss");
  if (!get_dataset (tour->window, &tour->norm, &data, NULL))
    return;
  tour->console = bp_tour_train_console (&p, data, learning_rate (tour->window),
                                         epochs (tour->window), CONSOLE_EVERY, NULL);
  if (!tour->finished_shown)
    activate (tour->window, "train", NULL);
  tour->console_epochs = G_MAXUINT64;
  tour->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (tour->panel), on_run_tick, tour, NULL);
  update_console (tour);
}

static void
training_step (Tour     *tour,
               StepText *out)
{
  BpPredictionPanel *predictions = bp_window_get_prediction_panel (tour->window);
  BpUnits units = bp_people_editor_get_units (bp_window_get_people_editor (tour->window));
  g_autofree char *n = exact (epochs (tour->window)), *eta = exact (learning_rate (tour->window));
  g_autofree char *w = bp_format_measure (bp_weight_shown (BP_TOUR_EMILY_WEIGHT, units));
  g_autofree char *h = bp_format_measure (bp_height_shown (BP_TOUR_EMILY_HEIGHT, units));
  guint32 seed = bp_training_form_get_seed (bp_window_get_training_form (tour->window));
  BpProgress progress;

  start_console_run (tour, BP_NORMALIZE_SEED, _("Tour: Training"));
  bp_prediction_panel_set_classify (predictions, w, h);
  bp_window_get_progress (tour->window, &progress);
  out->title = g_strdup (_("Training"));
  if (progress.state != BP_TRAINER_FINISHED)
    {
      out->text = g_strdup_printf (
        /* Translators: step 7 of the guided tour, while the run trains */
        _("The seeds train for %s epochs: in each, one SGD step for each person in turn, at "
          "η = %s, from random parameters (seed %u). Every 10 epochs they print the loss, "
          "as the console beside this text does. Watch the curve fall."),
        n, eta, seed);
      return;
    }
  {
    double emily = bp_tour_classify (&progress.params, &tour->norm,
                                     BP_TOUR_EMILY_WEIGHT, BP_TOUR_EMILY_HEIGHT);
    double frank = bp_tour_classify (&progress.params, &tour->norm,
                                     BP_TOUR_FRANK_WEIGHT, BP_TOUR_FRANK_HEIGHT);
    g_autofree char *loss = sig (progress.loss, 3);
    /* As the seeds print them, "%.3f", in the user's digits. */
    g_autofree char *e = g_strdup_printf ("%.3f", emily), *f = g_strdup_printf ("%.3f", frank);
    g_autofree char *ev = bp_format_verdict (emily), *fv = bp_format_verdict (frank);

    out->text = g_strdup_printf (
      /* Translators: step 7 of the guided tour, after the run; Emily
       * weighs 128 lb and is 63 in tall, Frank 155 lb and 68 in */
      _("After %s epochs the loss is %s. Now the network can be asked about people it "
        "never saw, as the seeds ask it about Emily (128 lb, 63 in) and Frank (155 lb, "
        "68 in):\n"
        "Emily: %s, %s\n"
        "Frank: %s, %s\n"
        "After the tour, Classify Someone asks it about anybody."),
      n, loss, e, ev, f, fv);
  }
}

static void
centring_step (Tour     *tour,
               StepText *out)
{
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpDataset) raw = NULL, centred = NULL;
  g_autoptr(GArray) centred_lines = NULL;
  g_autoptr(GArray) raw_lines = NULL;
  BpNormalizer norm;
  BpParams p, raw_final, centred_final;
  BpExplain e;
  BpWorkedStep s;
  g_autofree char *sum1 = NULL, *sum2 = NULL, *f1 = NULL, *f2 = NULL;
  g_autofree char *raw_loss = NULL, *centred_loss = NULL;

  start_console_run (tour, BP_NORMALIZE_NONE, _("Tour: Raw Inputs"));
  seed_params (tour->window, &p);
  bp_normalizer_init (&norm, BP_NORMALIZE_NONE, people);
  raw = bp_people_to_dataset (people, &norm);
  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  centred = bp_people_to_dataset (people, &norm);
  bp_network_explain (&p, raw->x0[0], raw->x1[0], raw->y[0], learning_rate (tour->window), &e);
  bp_worked_step_exact (&e, &s);
  /* The loss after the last epoch, as the status line gives it. */
  raw_lines = bp_tour_train_console (&p, raw, learning_rate (tour->window), epochs (tour->window),
                                     CONSOLE_EVERY, &raw_final);
  centred_lines = bp_tour_train_console (&p, centred, learning_rate (tour->window),
                                         epochs (tour->window), CONSOLE_EVERY, &centred_final);
  sum1 = sig (e.sum_h1, 4), sum2 = sig (e.sum_h2, 4);
  f1 = sig (s.f_h1, 2), f2 = sig (s.f_h2, 2);
  raw_loss = sig (bp_network_loss (&raw_final, raw), 3);
  centred_loss = sig (bp_network_loss (&centred_final, centred), 3);
  out->title = g_strdup (_("Why centre the inputs"));
  out->text = g_strdup_printf (
    /* Translators: step 8 of the guided tour; f′ is the sigmoid's
     * derivative, the numbers are computed */
    _("The same run on raw pounds and inches (normalisation None): Alice's hidden sums are "
      "%s and %s, so far out on the flat ends of the sigmoid that f′ of them is %s and %s. "
      "Every derivative through h1 and h2 is multiplied by these: the hidden neurons hardly "
      "learn, and the loss stays near %s where the centred run's fell to %s (the earlier "
      "curve behind). The Network page shows each neuron's f′."),
    sum1, sum2, f1, f2, raw_loss, centred_loss);
}

typedef void (*StepFunc) (Tour *tour, StepText *out);

static const StepFunc steps[BP_TOUR_N_STEPS] = {
  [BP_TOUR_NEURON] = neuron_step,
  [BP_TOUR_NETWORK] = network_step,
  [BP_TOUR_DATA] = data_step,
  [BP_TOUR_LOSS] = loss_step,
  [BP_TOUR_BACKPROP] = backprop_step,
  [BP_TOUR_SGD] = sgd_step,
  [BP_TOUR_TRAINING] = training_step,
  [BP_TOUR_CENTRING] = centring_step,
};

static void
update_actions (Tour *tour)
{
  const char *names[] = { "tour-next", "tour-previous", "tour-leave" };
  gboolean enabled[] = { tour->step >= 0, tour->step > 0, tour->step >= 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (
      G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (tour->window), names[i])),
      enabled[i]);
}

static void
step_text_show (Tour     *tour,
                StepText *text)
{
  bp_tour_panel_set_step (tour->panel, tour->step, BP_TOUR_N_STEPS,
                          text->title != NULL ? text->title : "",
                          text->text != NULL ? text->text : "");
  g_free (text->title);
  g_free (text->text);
}

/* Puts the window into the state of the current step and shows its text. */
static void
enter_step (Tour *tour)
{
  StepText text = { NULL, NULL };

  stop_following (tour);
  g_clear_pointer (&tour->console, g_array_unref);
  bp_tour_panel_set_console (tour->panel, NULL);
  /* From the data on, the diagram shows people again. */
  if (tour->step > BP_TOUR_NETWORK &&
      bp_network_diagram_get_input_name (bp_window_get_network_diagram (tour->window)) != NULL)
    set_diagram_input (tour, NULL);
  steps[tour->step] (tour, &text);
  step_text_show (tour, &text);
  update_actions (tour);
}

static void
go_to (Tour *tour,
       int   step)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (tour->window));

  if (step != tour->step)
    {
      stop_run (tour->window);
      tour->finished_shown = FALSE;
    }
  tour->step = step;
  gtk_widget_set_visible (GTK_WIDGET (tour->panel), TRUE);
  bp_window_set_touring (tour->window, TRUE);
  enter_step (tour);
  /* GTK 4.8 cannot announce the new text: a keyboard user in the card
   * gets the focus on it, so that a screen reader reads the step.  Page
   * Down goes on from there; a click elsewhere leaves the focus alone. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (tour->panel)))
    bp_tour_panel_focus_text (tour->panel);
}

static void
tour_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Tour *tour = get_tour (BP_WINDOW (user_data));

  tour->step = -1;
  go_to (tour, 0);
  bp_tour_panel_focus_text (tour->panel);
}

static void
tour_next_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Tour *tour = get_tour (BP_WINDOW (user_data));

  if (tour->step < 0)
    return;
  if (tour->step + 1 >= BP_TOUR_N_STEPS)
    g_action_group_activate_action (G_ACTION_GROUP (user_data), "tour-leave", NULL);
  else
    go_to (tour, tour->step + 1);
}

static void
tour_previous_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  Tour *tour = get_tour (BP_WINDOW (user_data));

  if (tour->step > 0)
    go_to (tour, tour->step - 1);
}

/* The tour ends; what it put on the window stays, a run included. */
static void
tour_leave_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Tour *tour = get_tour (BP_WINDOW (user_data));

  stop_following (tour);
  g_clear_pointer (&tour->console, g_array_unref);
  tour->step = -1;
  gtk_widget_set_visible (GTK_WIDGET (tour->panel), FALSE);
  bp_window_set_touring (tour->window, FALSE);
  update_actions (tour);
}

static const GActionEntry tour_entries[] = {
  { .name = "tour", .activate = tour_activated },
  { .name = "tour-next", .activate = tour_next_activated },
  { .name = "tour-previous", .activate = tour_previous_activated },
  { .name = "tour-leave", .activate = tour_leave_activated },
};

/* Page Down and Page Up move through the tour while it is on, unless the
 * focused widget pages through something of its own: a field, a text or
 * a list. */
static gboolean
on_page_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  Tour *tour = get_tour (BP_WINDOW (widget));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));
  const char *action = user_data;

  if (tour == NULL || tour->step < 0)
    return FALSE;
  if (focus != NULL &&
      (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) ||
       gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) != NULL ||
       gtk_widget_get_ancestor (focus, GTK_TYPE_GRID_VIEW) != NULL ||
       gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) != NULL ||
       gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) != NULL))
    return FALSE;
  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (widget), action))
    return TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (widget), action, NULL);
  return TRUE;
}

static void
init_keys (BpWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                      gtk_callback_action_new (on_page_key, (gpointer) "tour-next", NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                      gtk_callback_action_new (on_page_key, (gpointer) "tour-previous", NULL)));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/* The tour's card goes above the views, under the status line: it
 * explains what they show. */
void
bp_window_tour_init (BpWindow *window)
{
  GtkWidget *views = GTK_WIDGET (bp_window_get_views (window));
  Tour *tour = g_new0 (Tour, 1);

  tour->window = window;
  tour->step = -1;
  tour->panel = BP_TOUR_PANEL (bp_tour_panel_new ());
  gtk_widget_set_visible (GTK_WIDGET (tour->panel), FALSE);
  gtk_widget_insert_before (GTK_WIDGET (tour->panel), gtk_widget_get_parent (views), views);
  g_object_set_data_full (G_OBJECT (window), "bp-tour", tour, tour_free);
  g_action_map_add_action_entries (G_ACTION_MAP (window), tour_entries,
                                   G_N_ELEMENTS (tour_entries), window);
  init_keys (window);
  update_actions (tour);
}

BpTourPanel *
bp_window_get_tour_panel (BpWindow *window)
{
  Tour *tour = get_tour (window);

  g_return_val_if_fail (tour != NULL, NULL);

  return tour->panel;
}
