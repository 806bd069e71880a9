/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-prediction-panel.c: how the network does on the people, and a
 * classify box
 *
 * The panel holds the people (training and held-out), the normalisation
 * and the parameters it was last given.  It shows a summary first (how
 * many of each group are right, the held-out loss, and a confusion table
 * of the training people), then every person in a one-column grid view
 * that makes widgets only for the rows on screen: GTK 4.8's list view
 * keeps 200 row widgets whatever its height, a grid view about 30 rows,
 * which the scrolled window's maximum height keeps within.  The classify box reads a weight
 * and height in the current units, with the same strict rules as the
 * people editor.
 *
 * Cost per frame: during training the window hands over new parameters
 * every frame, and a class can hold 100 000 people.  Only the rows on
 * screen compute their outputs then.  The summary counts everyone; the
 * panel counts it itself rather than have the trainer do it, so that the
 * trainer's numbers and timing stay exactly as they are and the same
 * summary serves a run, a restored session and the idle state alike.
 * Up to SUMMARY_SLICE people it is counted at once; beyond, a pass over
 * everyone is spread across frames, SUMMARY_SLICE people a frame (well
 * under a millisecond), always with one set of parameters per pass, so
 * the summary lags a few frames behind but is always true of parameters
 * the network had.  The last parameters always get their own pass.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-accessible.h"
#include "bp-enums.h"
#include "bp-format.h"
#include "bp-parse.h"
#include "bp-prediction-list.h"
#include "bp-prediction-panel.h"
#include "bp-prediction-row.h"
#include "bp-tooltips.h"

/* People counted per frame, when the class is too large for one frame. */
#define SUMMARY_SLICE 8192

/* How long the parameters must stay put before a list sorted by output
 * or error sorts itself again: the end of a run, not every frame. */
#define RESORT_DELAY_MS 300

/* One group's answers, counted person by person. */
typedef struct
{
  guint  n;
  guint  right;
  guint  confusion[2][2];  /* [gender][answer], BpGender values */
  double sum_sq;           /* of target − output, for the loss */
} Tally;

struct _BpPredictionPanel
{
  GtkWidget       parent_instance;

  GtkLabel       *train_label;
  GtkWidget      *footnote_label;
  GtkLabel       *test_label;
  GtkLabel       *female_f_label;
  GtkLabel       *female_m_label;
  GtkLabel       *male_f_label;
  GtkLabel       *male_m_label;
  GtkDropDown    *sort_drop_down;
  GtkGridView    *grid_view;
  GtkEntry       *weight_entry;
  GtkEntry       *height_entry;
  GtkLabel       *weight_unit;
  GtkLabel       *height_unit;
  GtkLabel       *result_label;
  GtkProgressBar *result_bar;
  GtkLabel       *detail_label;
  GtkWidget      *emily_button;
  GtkWidget      *frank_button;

  BpPeople       *people;
  BpPeople       *test;
  BpDataset      *data[2];     /* training, held-out: the network's inputs */
  BpNormalizer    norm;
  BpParams        params;
  BpUnits         units;

  BpPredictionList *list;
  GPtrArray      *bound;       /* of GtkListItem: the rows with a person */
  BpPredictionSort sort;
  guint           resort_id;
  char           *verdict;     /* what get_verdict() last returned */

  /* The summary shown, and the pass counting the next one. */
  Tally           shown[2];
  guint64         version;        /* bumped by every change of people or params */
  guint64         shown_version;
  Tally           pass[2];
  BpParams        pass_params;
  guint64         pass_version;
  guint           pass_done;      /* people counted, training then held-out */
  gboolean        pass_running;
  guint           tick_id;

  /* the person to classify, in lb and in, when the entries are valid */
  double          weight_lb;
  double          height_in;
  char           *classify_error;
  double          classify_output;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (BpPredictionPanel, bp_prediction_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_UNITS,
  N_PROPS
};

enum
{
  CLASSIFY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The seeds' two people to try, as they give them. */
static const struct
{
  const char *id;
  double      weight_lb;
  double      height_in;
} examples[] = {
  { "emily", 128, 63 },
  { "frank", 155, 68 },
};

static double
output_for (BpPredictionPanel *self,
            double             weight_lb,
            double             height_in)
{
  double x0, x1;

  bp_normalizer_apply (&self->norm, weight_lb, height_in, &x0, &x1);
  return bp_network_feedforward (&self->params, x0, x1);
}

/* The output for training person @index, or held-out person when @test. */
static double
person_output (BpPredictionPanel *self,
               gboolean           test,
               guint              index)
{
  const BpDataset *data = self->data[test];

  return bp_network_feedforward (&self->params, data->x0[index], data->x1[index]);
}

/* ---- the summary --------------------------------------------------------- */

/* Counts people @from to @to of @data.  A diverged network's NaN is no
 * answer: neither right nor wrong, and in no cell of the table; its loss
 * is NaN, as the trainer's. */
static void
tally_add (Tally           *tally,
           const BpParams  *params,
           const BpDataset *data,
           guint            from,
           guint            to)
{
  for (guint i = from; i < to; i++)
    {
      double output = bp_network_feedforward (params, data->x0[i], data->x1[i]);
      double d = data->y[i] - output;
      BpGender gender = data->y[i] >= 0.5 ? BP_GENDER_FEMALE : BP_GENDER_MALE;
      BpGender answer = output >= 0.5 ? BP_GENDER_FEMALE : BP_GENDER_MALE;

      /* Summed in the order of bp_network_loss(), for the same number. */
      tally->sum_sq += d * d;
      if (!isfinite (output))
        continue;
      tally->confusion[gender][answer]++;
      if (gender == answer)
        tally->right++;
    }
}

static guint
tally_answered (const Tally *tally)
{
  return tally->confusion[0][0] + tally->confusion[0][1] +
         tally->confusion[1][0] + tally->confusion[1][1];
}

static double
tally_loss (const Tally *tally)
{
  return tally->n > 0 ? tally->sum_sq / tally->n : NAN;
}

/* Sets @label's text, and its accessible name when given, only when the
 * words change: the summary is shown every frame of a run. */
static void
set_text (GtkLabel   *label,
          const char *text,
          const char *name)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) == 0)
    return;
  gtk_label_set_text (label, text);
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static char *
format_loss (double loss)
{
  if (loss >= 1e-4)
    return g_strdup_printf ("%.4f", loss);
  return g_strdup_printf ("%.2e", loss);
}

/* “Training: 3 of 4 right (75 %)”, and for held-out people their loss.
 * The percentage rounds down, so that 100 % means everyone. */
static char *
format_tally (const Tally *tally,
              gboolean     test)
{
  g_autofree char *loss = NULL;
  guint percent;

  if (tally->n == 0)
    return g_strdup (test ? _("Held out: nobody") : _("Training: nobody"));
  if (tally_answered (tally) == 0)
    return g_strdup (test ? _("Held out: no answers, the network diverged")
                          : _("Training: no answers, the network diverged"));
  percent = (guint) floor (100.0 * tally->right / tally->n);
  /* The share right comes first: where a narrow panel cuts the second
   * line, it cuts the counts, which the table beside gives too. */
  /* Translators: the share of right answers, then how many of how many;
   * the space before % does not break (U+00A0) */
  if (!test)
    return g_strdup_printf (_("Training: %u %% right (%u of %u)"), percent, tally->right, tally->n);
  loss = format_loss (tally_loss (tally));
  /* Translators: the share of right answers among the people kept out of
   * training, their loss (mean squared error), then how many of how many;
   * the space before % does not break (U+00A0), so that a narrow panel
   * never starts a line with it */
  return g_strdup_printf (_("Held out: %u %% right, loss %s (%u of %u)"),
                          percent, loss, tally->right, tally->n);
}

/* @name is what a screen reader says for the cell: the number with its
 * row and column. */
static void
show_confusion_cell (GtkLabel *label,
                     char     *name,
                     guint     count,
                     gboolean  wrong)
{
  g_autofree char *owned_name = name;
  g_autofree char *text = g_strdup_printf ("%u", count);

  set_text (label, text, owned_name);
  if (wrong && count > 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static void
show_summary (BpPredictionPanel *self)
{
  const Tally *train = &self->shown[0];
  guint ff = train->confusion[BP_GENDER_FEMALE][BP_GENDER_FEMALE];
  guint fm = train->confusion[BP_GENDER_FEMALE][BP_GENDER_MALE];
  guint mf = train->confusion[BP_GENDER_MALE][BP_GENDER_FEMALE];
  guint mm = train->confusion[BP_GENDER_MALE][BP_GENDER_MALE];
  g_autofree char *train_text = format_tally (train, FALSE);
  g_autofree char *test_text = format_tally (&self->shown[1], TRUE);

  set_text (self->train_label, train_text, NULL);
  set_text (self->test_label, test_text, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->test_label), self->shown[1].n > 0);
  /* Translators: the cells of the confusion table, as a screen reader
   * says them: the training people of a gender who got an answer */
  show_confusion_cell (self->female_f_label, g_strdup_printf (_("Female, answered F: %u"), ff), ff, FALSE);
  show_confusion_cell (self->female_m_label, g_strdup_printf (_("Female, answered M: %u"), fm), fm, TRUE);
  show_confusion_cell (self->male_f_label, g_strdup_printf (_("Male, answered F: %u"), mf), mf, TRUE);
  show_confusion_cell (self->male_m_label, g_strdup_printf (_("Male, answered M: %u"), mm), mm, FALSE);
}

static guint
n_everyone (BpPredictionPanel *self)
{
  return self->data[0]->n + self->data[1]->n;
}

static void
pass_start (BpPredictionPanel *self)
{
  memset (self->pass, 0, sizeof self->pass);
  self->pass[0].n = self->data[0]->n;
  self->pass[1].n = self->data[1]->n;
  self->pass_params = self->params;
  self->pass_version = self->version;
  self->pass_done = 0;
  self->pass_running = TRUE;
}

/* Counts up to @budget more people of the pass under way; when it has
 * counted everyone, shows what it found and returns TRUE. */
static gboolean
pass_run (BpPredictionPanel *self,
          guint              budget)
{
  guint n_train = self->data[0]->n;
  guint total = n_everyone (self);
  guint end = total - self->pass_done > budget ? self->pass_done + budget : total;

  if (self->pass_done < n_train)
    tally_add (&self->pass[0], &self->pass_params, self->data[0], self->pass_done, MIN (end, n_train));
  if (end > n_train)
    tally_add (&self->pass[1], &self->pass_params, self->data[1],
               MAX (self->pass_done, n_train) - n_train, end - n_train);
  self->pass_done = end;
  if (end < total)
    return FALSE;
  memcpy (self->shown, self->pass, sizeof self->shown);
  self->shown_version = self->pass_version;
  self->pass_running = FALSE;
  show_summary (self);
  return TRUE;
}

static void
stop_summary_tick (BpPredictionPanel *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
}

/* Counts everyone at once with the current parameters, unless the
 * summary shown already is about them. */
static void
summary_update_now (BpPredictionPanel *self)
{
  stop_summary_tick (self);
  if (self->shown_version == self->version)
    return;
  pass_start (self);
  pass_run (self, G_MAXUINT);
}

/* One slice a frame; a pass, once started, finishes with its own
 * parameters even though new ones arrive every frame, and a new pass
 * starts as long as the summary shown is not about the latest ones. */
static gboolean
on_summary_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (widget);

  if (!self->pass_running)
    pass_start (self);
  if (pass_run (self, SUMMARY_SLICE) && self->shown_version == self->version)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* The people or the parameters changed. */
static void
summary_changed (BpPredictionPanel *self)
{
  self->version++;
  if (n_everyone (self) <= SUMMARY_SLICE)
    summary_update_now (self);
  else if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_summary_tick, NULL, NULL);
}

/* ---- the list ------------------------------------------------------------ */

typedef struct
{
  double key;
  guint  index;
} SortKey;

/* Largest key first; equal keys keep the training order. */
static int
compare_keys (const void *a,
              const void *b)
{
  const SortKey *ka = a, *kb = b;

  if (ka->key != kb->key)
    return ka->key > kb->key ? -1 : 1;
  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

/* The people of one group in the order asked for.  No answer sorts last
 * by output and first by error: it is as wrong as can be. */
static guint *
sorted_order (BpPredictionPanel *self,
              gboolean           test)
{
  guint n = self->data[test]->n;
  g_autofree SortKey *keys = g_new (SortKey, n);
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      double output = self->sort != BP_PREDICTION_SORT_ORDER ? person_output (self, test, i) : 0;

      keys[i].index = i;
      if (self->sort == BP_PREDICTION_SORT_OUTPUT)
        keys[i].key = isfinite (output) ? output : -INFINITY;
      else if (self->sort == BP_PREDICTION_SORT_ERROR)
        keys[i].key = isfinite (output) ? fabs (self->data[test]->y[i] - output) : INFINITY;
      else
        keys[i].key = 0;
    }
  if (self->sort != BP_PREDICTION_SORT_ORDER && n > 1)
    qsort (keys, n, sizeof *keys, compare_keys);
  for (guint i = 0; i < n; i++)
    order[i] = keys[i].index;
  return order;
}

/* Puts the people in the order asked for, by the current outputs. */
static void
resort (BpPredictionPanel *self)
{
  g_autofree guint *train = sorted_order (self, FALSE);
  g_autofree guint *test = sorted_order (self, TRUE);

  g_clear_handle_id (&self->resort_id, g_source_remove);
  bp_prediction_list_set_order (self->list, train, self->data[0]->n, test, self->data[1]->n);
}

static gboolean
on_resort_timeout (gpointer user_data)
{
  BpPredictionPanel *self = user_data;

  self->resort_id = 0;
  resort (self);
  return G_SOURCE_REMOVE;
}

static void
on_sort_selected (BpPredictionPanel *self)
{
  bp_prediction_panel_set_sort (self, gtk_drop_down_get_selected (self->sort_drop_down));
}

static void
on_row_setup (BpPredictionPanel *self,
              GtkListItem       *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_set_margin_top (heading, 3);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), bp_prediction_row_new ());
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static BpPredictionRow *
list_item_row (GtkListItem *list_item)
{
  return BP_PREDICTION_ROW (gtk_widget_get_last_child (gtk_list_item_get_child (list_item)));
}

static void
on_row_bind (BpPredictionPanel *self,
             GtkListItem       *list_item)
{
  BpPredictionItem *item = gtk_list_item_get_item (list_item);
  BpPredictionItemKind kind = bp_prediction_item_get_kind (item);
  guint index = bp_prediction_item_get_index (item);
  GtkWidget *heading = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  BpPredictionRow *row = list_item_row (list_item);
  gboolean test = kind == BP_PREDICTION_ITEM_TEST;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (heading, kind == BP_PREDICTION_ITEM_TRAIN_HEADER ||
                                   kind == BP_PREDICTION_ITEM_TEST_HEADER);
  gtk_widget_set_visible (GTK_WIDGET (row), !gtk_widget_get_visible (heading));
  if (kind == BP_PREDICTION_ITEM_TRAIN_HEADER)
    title = g_strdup_printf (_("Training people (%u)"), self->data[0]->n);
  else if (kind == BP_PREDICTION_ITEM_TEST_HEADER)
    title = g_strdup_printf (_("Held out, not trained on (%u)"), self->data[1]->n);
  if (title != NULL)
    {
      gtk_label_set_text (GTK_LABEL (heading), title);
      bp_accessible_label_list_item (gtk_list_item_get_child (list_item), 1, title);
      return;
    }
  bp_accessible_label_list_item (gtk_list_item_get_child (list_item), 1,
                                 bp_people_get (test ? self->test : self->people, index)->name);
  bp_prediction_row_set_person (row, bp_people_get (test ? self->test : self->people, index)->name,
                                bp_people_get (test ? self->test : self->people, index)->gender);
  bp_prediction_row_set_output (row, person_output (self, test, index));
  g_ptr_array_add (self->bound, list_item);
}

static void
on_row_unbind (BpPredictionPanel *self,
               GtkListItem       *list_item)
{
  if (self->bound != NULL)
    g_ptr_array_remove_fast (self->bound, list_item);
}

/* The rows on screen follow the parameters; the others are computed when
 * they scroll into view. */
static void
show_bound_outputs (BpPredictionPanel *self)
{
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound, i);
      BpPredictionItem *item = gtk_list_item_get_item (list_item);

      bp_prediction_row_set_output (list_item_row (list_item),
                                    person_output (self, bp_prediction_item_get_kind (item) ==
                                                         BP_PREDICTION_ITEM_TEST,
                                                   bp_prediction_item_get_index (item)));
    }
}

/* The verdict in large type; under it the raw output, or in its place
 * why the entries cannot be read, so that an error does not resize the
 * box. */
static void
show_classify (BpPredictionPanel *self)
{
  GtkWidget *detail = GTK_WIDGET (self->detail_label);
  g_autofree char *verdict = NULL;
  g_autofree char *output = NULL;

  if (self->classify_error != NULL)
    {
      gtk_label_set_text (self->result_label, "—");
      gtk_widget_set_visible (GTK_WIDGET (self->result_bar), TRUE);
      gtk_progress_bar_set_fraction (self->result_bar, 0);
      gtk_label_set_text (self->detail_label, self->classify_error);
      gtk_widget_remove_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "error");
      return;
    }
  self->classify_output = output_for (self, self->weight_lb, self->height_in);
  verdict = bp_format_verdict (self->classify_output);
  /* A diverged network answers NaN: no verdict, no bar, and why. */
  if (isfinite (self->classify_output))
    output = g_strdup_printf (_("Output %.4f"), self->classify_output);
  else
    output = g_strdup (_("The network diverged"));
  gtk_label_set_text (self->result_label, verdict);
  gtk_widget_set_visible (GTK_WIDGET (self->result_bar), isfinite (self->classify_output));
  gtk_progress_bar_set_fraction (self->result_bar,
                                 isfinite (self->classify_output) ? self->classify_output : 0);
  gtk_label_set_text (self->detail_label, output);
  gtk_widget_remove_css_class (detail, "error");
  gtk_widget_add_css_class (detail, "dim-label");
}

/* Reads one classify entry in the current units; sets the error text. */
static gboolean
read_measure (BpPredictionPanel *self,
              gboolean           height,
              double            *value)
{
  GtkEditable *entry = GTK_EDITABLE (height ? self->height_entry : self->weight_entry);
  g_autoptr(GError) error = NULL;
  double shown;
  gboolean ok;

  ok = bp_format_parse_double (gtk_editable_get_text (entry), &shown, &error);
  if (ok)
    {
      *value = height ? bp_height_to_in (shown, self->units) : bp_weight_to_lb (shown, self->units);
      ok = height ? bp_check_height_in (*value, self->units, &error)
                  : bp_check_weight_lb (*value, self->units, &error);
    }
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      g_free (self->classify_error);
      self->classify_error = g_strdup_printf (height ? _("Height: %s") : _("Weight: %s"),
                                              error->message);
    }
  return ok;
}

static void
on_classify_changed (BpPredictionPanel *self)
{
  double weight, height;
  gboolean ok;

  if (self->updating)
    return;
  g_clear_pointer (&self->classify_error, g_free);
  /* Both, so that both entries get marked. */
  ok = read_measure (self, TRUE, &height);
  ok = read_measure (self, FALSE, &weight) && ok;
  if (ok)
    {
      self->weight_lb = weight;
      self->height_in = height;
    }
  show_classify (self);
  g_signal_emit (self, signals[CLASSIFY_CHANGED], 0);
}

/* Writes the classify entries from the data without reading them back,
 * so that Emily stays exactly 128 lb even when shown as 58.06 kg. */
static void
show_classify_entries (BpPredictionPanel *self)
{
  g_autofree char *weight = bp_format_measure (bp_weight_shown (self->weight_lb, self->units));
  g_autofree char *height = bp_format_measure (bp_height_shown (self->height_in, self->units));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->weight_entry), weight);
  gtk_editable_set_text (GTK_EDITABLE (self->height_entry), height);
  self->updating = FALSE;
  g_clear_pointer (&self->classify_error, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->weight_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->height_entry), "error");
  show_classify (self);
  g_signal_emit (self, signals[CLASSIFY_CHANGED], 0);
}

static void
example_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    if (g_str_equal (id, examples[i].id))
      {
        self->weight_lb = examples[i].weight_lb;
        self->height_in = examples[i].height_in;
        show_classify_entries (self);
      }
}

static void
show_units (BpPredictionPanel *self)
{
  GtkWidget *buttons[] = { self->emily_button, self->frank_button };

  gtk_label_set_text (self->weight_unit, bp_format_weight_unit (self->units));
  gtk_label_set_text (self->height_unit, bp_format_height_unit (self->units));
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *w = bp_format_measure (bp_weight_shown (examples[i].weight_lb, self->units));
      g_autofree char *h = bp_format_measure (bp_height_shown (examples[i].height_in, self->units));
      /* Translators: an example person's weight and height, such as
       * “128 lb, 63 in” */
      g_autofree char *tip = g_strdup_printf (_("%s %s, %s %s"), w, bp_format_weight_unit (self->units),
                                              h, bp_format_height_unit (self->units));

      bp_set_tooltip (buttons[i], tip);
    }
}

static void
bp_prediction_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      g_value_set_enum (value, self->units);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_prediction_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      bp_prediction_panel_set_units (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_prediction_panel_dispose (GObject *object)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (object);
  GtkWidget *child;

  stop_summary_tick (self);
  g_clear_handle_id (&self->resort_id, g_source_remove);
  /* The grid view unbinds its rows as it goes. */
  g_clear_pointer (&self->bound, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_PREDICTION_PANEL);
  /* The template's unnamed children are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_prediction_panel_parent_class)->dispose (object);
}

static void
bp_prediction_panel_finalize (GObject *object)
{
  BpPredictionPanel *self = BP_PREDICTION_PANEL (object);

  g_clear_pointer (&self->people, bp_people_unref);
  g_clear_pointer (&self->test, bp_people_unref);
  g_clear_pointer (&self->data[0], bp_dataset_free);
  g_clear_pointer (&self->data[1], bp_dataset_free);
  g_clear_object (&self->list);
  g_clear_pointer (&self->classify_error, g_free);
  g_clear_pointer (&self->verdict, g_free);
  G_OBJECT_CLASS (bp_prediction_panel_parent_class)->finalize (object);
}

static void
bp_prediction_panel_class_init (BpPredictionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_prediction_panel_get_property;
  object_class->set_property = bp_prediction_panel_set_property;
  object_class->dispose = bp_prediction_panel_dispose;
  object_class->finalize = bp_prediction_panel_finalize;

  properties[PROP_UNITS] =
    g_param_spec_enum ("units", NULL, NULL, BP_TYPE_UNITS, BP_UNITS_LB_IN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person to classify changed, or became readable or not. */
  signals[CLASSIFY_CHANGED] = g_signal_new ("classify-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-prediction-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, train_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, footnote_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, test_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, female_f_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, female_m_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, male_f_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, male_m_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, sort_drop_down);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, grid_view);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, weight_entry);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, height_entry);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, weight_unit);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, height_unit);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, result_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, result_bar);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, detail_label);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, emily_button);
  gtk_widget_class_bind_template_child (widget_class, BpPredictionPanel, frank_button);
  gtk_widget_class_bind_template_callback (widget_class, on_classify_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind);

  gtk_widget_class_install_action (widget_class, "prediction.example", "s", example_activated);

  g_type_ensure (BP_TYPE_PREDICTION_ROW);
}

/* Two lines high whatever it says: "4 of 4 right" takes fewer than "3886
 * of 10000 right", and the window's size must not depend on the class.
 * In the narrowest window the end of a long one is cut (the whole of it
 * is the label's text, which a screen reader reads). */
static void
reserve_two_lines (GtkWidget *label)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, "1\n2");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_widget_set_size_request (label, -1, height);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
}

static void
bp_prediction_panel_init (BpPredictionPanel *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->bound = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  reserve_two_lines (GTK_WIDGET (self->train_label));
  reserve_two_lines (GTK_WIDGET (self->test_label));
  self->people = bp_people_new ();
  self->test = bp_people_new ();
  self->units = BP_UNITS_LB_IN;
  bp_normalizer_init (&self->norm, BP_NORMALIZE_SEED, self->people);
  self->data[0] = bp_people_to_dataset (self->people, &self->norm);
  self->data[1] = bp_people_to_dataset (self->test, &self->norm);
  self->list = bp_prediction_list_new ();
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  self->version = 1;  /* nothing counted yet */
  summary_changed (self);
  /* Emily is waiting to be classified from the start. */
  self->weight_lb = examples[0].weight_lb;
  self->height_in = examples[0].height_in;
  show_units (self);
  show_classify_entries (self);
}

GtkWidget *
bp_prediction_panel_new (void)
{
  return g_object_new (BP_TYPE_PREDICTION_PANEL, NULL);
}

/* Copies @people (training or held-out) and their inputs. */
static void
take_people (BpPredictionPanel *self,
             gboolean           test,
             const BpPeople    *people)
{
  BpPeople **slot = test ? &self->test : &self->people;
  /* Copied first: @people may be the very people held. */
  BpPeople *copy = people != NULL ? bp_people_ref (people) : bp_people_new ();

  g_clear_pointer (slot, bp_people_unref);
  *slot = copy;
  g_clear_pointer (&self->data[test], bp_dataset_free);
  self->data[test] = bp_people_to_dataset (*slot, &self->norm);
}

static void
people_changed (BpPredictionPanel *self)
{
  /* A pass under way counts people who are gone; and the summary of the
   * people before must not stay up for frames beside these: new people
   * are counted at once, which costs a frame once, not every frame. */
  self->pass_running = FALSE;
  self->version++;
  summary_update_now (self);
  resort (self);
  show_classify (self);
}

/* Whether @test are the held-out people shown already (none is none). */
static gboolean
same_test_people (BpPredictionPanel *self,
                  const BpPeople    *test)
{
  return test == self->test ||
         ((test == NULL || bp_people_get_n (test) == 0) && bp_people_get_n (self->test) == 0);
}

/* The training people whose outputs to show, and the normalisation that
 * turns them (the held-out people and the classify box too) into inputs.
 * The people are shared (see bp_people_ref()), the normalisation copied. */
void
bp_prediction_panel_set_people (BpPredictionPanel  *self,
                                const BpPeople     *people,
                                const BpNormalizer *norm)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  /* Each new run sets its people, mostly the very list already shown
   * (lists never change once made): listing 100 000 again would cost GTK
   * about a quarter of a second before the run could start. */
  if (people == self->people && bp_normalizer_equal (norm, &self->norm))
    return;
  self->norm = *norm;
  take_people (self, FALSE, people);
  /* The held-out people go through the new normalisation. */
  take_people (self, TRUE, self->test);
  people_changed (self);
}

/* Both sets at once, as after an edit: the summary is counted once. */
void
bp_prediction_panel_set_all_people (BpPredictionPanel  *self,
                                    const BpPeople     *people,
                                    const BpPeople     *test,
                                    const BpNormalizer *norm)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  /* As for set_people(): each new run sets the lists already shown. */
  if (people == self->people && same_test_people (self, test) &&
      bp_normalizer_equal (norm, &self->norm))
    return;
  self->norm = *norm;
  take_people (self, FALSE, people);
  take_people (self, TRUE, test);
  people_changed (self);
}

/* The people kept out of training (NULL or empty: none), shown in their
 * own section, with their own accuracy and loss.  They go through the
 * training people's normalisation.  Copied. */
void
bp_prediction_panel_set_test_people (BpPredictionPanel *self,
                                     const BpPeople    *test)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  /* The same people again, as for set_people(). */
  if (same_test_people (self, test))
    return;
  take_people (self, TRUE, test);
  people_changed (self);
}

/* The network to ask; call it whenever the parameters change. */
void
bp_prediction_panel_set_params (BpPredictionPanel *self,
                                const BpParams    *params)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  self->params = *params;
  show_bound_outputs (self);
  summary_changed (self);
  show_classify (self);
  /* A list sorted by the outputs sorts again once they settle. */
  if (self->sort != BP_PREDICTION_SORT_ORDER)
    {
      g_clear_handle_id (&self->resort_id, g_source_remove);
      self->resort_id = g_timeout_add (RESORT_DELAY_MS, on_resort_timeout, self);
    }
}

BpUnits
bp_prediction_panel_get_units (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), BP_UNITS_LB_IN);

  return self->units;
}

/* The units of the classify box; what it holds stays the same person. */
void
bp_prediction_panel_set_units (BpPredictionPanel *self,
                               BpUnits            units)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  if (units == self->units)
    return;
  self->units = units;
  show_units (self);
  if (self->classify_error == NULL)
    show_classify_entries (self);
  else
    on_classify_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

/* The training people. */
guint
bp_prediction_panel_get_n_people (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), 0);

  return bp_people_get_n (self->people);
}

guint
bp_prediction_panel_get_n_test_people (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), 0);

  return bp_people_get_n (self->test);
}

/* Training person @index's output. */
double
bp_prediction_panel_get_output (BpPredictionPanel *self,
                                guint              index)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), 0);
  g_return_val_if_fail (index < bp_prediction_panel_get_n_people (self), 0);

  return person_output (self, FALSE, index);
}

/* Training person @index's verdict, as their row shows it; valid until
 * the next call. */
const char *
bp_prediction_panel_get_verdict (BpPredictionPanel *self,
                                 guint              index)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), NULL);
  g_return_val_if_fail (index < bp_prediction_panel_get_n_people (self), NULL);

  g_free (self->verdict);
  self->verdict = bp_format_verdict (person_output (self, FALSE, index));
  return self->verdict;
}

/* The summary's numbers, brought up to date first. */
static const Tally *
summary (BpPredictionPanel *self,
         gboolean           test)
{
  summary_update_now (self);
  return &self->shown[test != FALSE];
}

/* How many training (or held-out) people the network answers right. */
guint
bp_prediction_panel_get_n_right (BpPredictionPanel *self,
                                 gboolean           test)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), 0);

  return summary (self, test)->right;
}

/* How many training (or held-out) people of @gender got @answer. */
guint
bp_prediction_panel_get_confusion (BpPredictionPanel *self,
                                   gboolean           test,
                                   BpGender           gender,
                                   BpGender           answer)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), 0);
  g_return_val_if_fail (gender <= BP_GENDER_FEMALE && answer <= BP_GENDER_FEMALE, 0);

  return summary (self, test)->confusion[gender][answer];
}

/* The held-out people's loss (mean squared error); NAN without any. */
double
bp_prediction_panel_get_test_loss (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), NAN);

  return tally_loss (summary (self, TRUE));
}

/* The summary's line about the training (or held-out) people. */
const char *
bp_prediction_panel_get_summary_text (BpPredictionPanel *self,
                                      gboolean           test)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), NULL);

  summary_update_now (self);
  return gtk_label_get_text (test ? self->test_label : self->train_label);
}

BpPredictionSort
bp_prediction_panel_get_sort (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), BP_PREDICTION_SORT_ORDER);

  return self->sort;
}

/* Sorts the list now, and keeps it sorted so when training stops. */
void
bp_prediction_panel_set_sort (BpPredictionPanel *self,
                              BpPredictionSort   sort)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));
  g_return_if_fail (sort <= BP_PREDICTION_SORT_ERROR);

  if (sort == self->sort)
    return;
  self->sort = sort;
  gtk_drop_down_set_selected (self->sort_drop_down, sort);
  resort (self);
}

/* The list's rows: people and, with held-out people, a heading above
 * each group. */
guint
bp_prediction_panel_get_n_rows (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->list));
}

/* Who row @position shows: FALSE for a heading. */
gboolean
bp_prediction_panel_get_row (BpPredictionPanel *self,
                             guint              position,
                             gboolean          *test,
                             guint             *index)
{
  BpPredictionItemKind kind;

  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), FALSE);
  g_return_val_if_fail (position < bp_prediction_panel_get_n_rows (self), FALSE);

  bp_prediction_list_lookup (self->list, position, &kind, index);
  *test = kind == BP_PREDICTION_ITEM_TEST;
  return kind == BP_PREDICTION_ITEM_TRAIN || kind == BP_PREDICTION_ITEM_TEST;
}

/* Types into the classify box, in the current units. */
void
bp_prediction_panel_set_classify (BpPredictionPanel *self,
                                  const char        *weight,
                                  const char        *height)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->weight_entry), weight);
  gtk_editable_set_text (GTK_EDITABLE (self->height_entry), height);
}

/* The person in the classify box, in lb and in; FALSE while the box
 * cannot be read. */
gboolean
bp_prediction_panel_get_classify_point (BpPredictionPanel *self,
                                        double            *weight_lb,
                                        double            *height_in)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), FALSE);

  if (self->classify_error != NULL)
    return FALSE;
  *weight_lb = self->weight_lb;
  *height_in = self->height_in;
  return TRUE;
}

/* The network's output for the classify box; FALSE while it is wrong. */
gboolean
bp_prediction_panel_get_classify_output (BpPredictionPanel *self,
                                         double            *output)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), FALSE);

  if (self->classify_error != NULL)
    return FALSE;
  *output = self->classify_output;
  return TRUE;
}

/* What the classify box shows: “Female 95.1 %”, or why it cannot. */
const char *
bp_prediction_panel_get_classify_text (BpPredictionPanel *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), NULL);

  if (self->classify_error != NULL)
    return self->classify_error;
  return gtk_label_get_text (self->result_label);
}

/* The weight (or height) entry of the classify box, for tests that type. */
GtkEditable *
bp_prediction_panel_get_classify_entry (BpPredictionPanel *self,
                                        gboolean           height)
{
  g_return_val_if_fail (BP_IS_PREDICTION_PANEL (self), NULL);

  return GTK_EDITABLE (height ? self->height_entry : self->weight_entry);
}

/* Without the footnote on what the bars mean: presenter mode's larger
 * text needs its three lines on an 800×600 projector, and the teacher
 * says it. */
void
bp_prediction_panel_set_compact (BpPredictionPanel *self,
                                 gboolean           compact)
{
  g_return_if_fail (BP_IS_PREDICTION_PANEL (self));

  gtk_widget_set_visible (self->footnote_label, !compact);
}
