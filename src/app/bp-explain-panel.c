/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-explain-panel.c: one step of training, worked out in full
 *
 * For one person and the current parameters: the forward pass, the loss,
 * every partial derivative, and for each of the nine parameters the chain
 * rule with its numbers and the update it leads to, all in the seeds'
 * notation.  The numbers are those of bp_network_explain(), the very
 * numbers backprop-cli explain prints, and "Apply This Step" asks for
 * exactly the step training would take.
 *
 * By default numbers are rounded to three significant digits and each is
 * worked out from the rounded numbers before it, as the seeds do by hand:
 * that is how they arrive at −0.952 × 0.249 × −0.0904 = 0.0214, and how a
 * student with a calculator can follow the panel.  "Exact Values" shows
 * the unrounded doubles instead.  Both are worked out in core
 * (bp-explain.c), where they are tested without GTK; this panel only
 * writes them down.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-accessible.h"
#include "bp-explain.h"
#include "bp-explain-panel.h"
#include "bp-format.h"
#include "bp-name-list.h"

struct _BpExplainPanel
{
  GtkWidget      parent_instance;

  GtkDropDown   *person_dropdown;
  BpNameList    *person_list;  /* "Next in Order", then the names */
  GtkRevealer   *check_revealer;
  GtkLabel      *subject_label;
  GtkLabel      *forward_label;
  GtkLabel      *loss_label;
  GtkLabel      *partials_label;
  GtkLabel      *chain_label;
  GtkLabel      *note_label;
  GtkLabel      *check_names;
  GtkLabel      *check_backprop;
  GtkLabel      *check_numeric;
  GtkLabel      *check_relative;

  BpParams       params;
  BpPeople      *people;
  BpNormalizer   norm;
  double         learning_rate;
  guint          next;       /* the next person in training order */
  int            person;     /* BP_EXPLAIN_NEXT_IN_ORDER or an index */
  gboolean       exact;
  gboolean       show_check;
  gboolean       editable;
  gboolean       stale;      /* the labels wait for the panel to be shown */
  guint          refresh_id; /* a rewrite waiting for its turn */
  gint64         last_refresh;
  gboolean       updating;
  guint          n_list_fills;
};

G_DEFINE_FINAL_TYPE (BpExplainPanel, bp_explain_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PERSON,
  PROP_EXACT,
  PROP_SHOW_CHECK,
  PROP_EDITABLE,
  N_PROPS
};

enum
{
  APPLY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const names[BP_N_PARAMS] = {
  "w<sub>1</sub>", "w<sub>2</sub>", "w<sub>3</sub>", "w<sub>4</sub>", "w<sub>5</sub>",
  "w<sub>6</sub>", "b<sub>1</sub>", "b<sub>2</sub>", "b<sub>3</sub>",
};

static const char * const subscript_names[BP_N_PARAMS] = {
  "w₁", "w₂", "w₃", "w₄", "w₅", "w₆", "b₁", "b₂", "b₃",
};

/* Formulas are in English, and in a Latin font (.maths in style.css): in
 * a CJK locale the CJK font would draw · × ∂ ← − and η full width, with
 * wide gaps ("∂ L/ ∂ y"), where a Latin font draws them as in print.
 * Their accessible name reads them as they are said. */
static void
set_maths (GtkLabel   *label,
           const char *markup)
{
  g_autofree char *text = g_strconcat ("<span lang=\"en\">", markup, "</span>", NULL);

  bp_accessible_set_markup (label, text);
}

#define DL_DY "∂L/∂y<sub>pred</sub>"

/* The factors of each parameter's chain rule, as the seeds write them. */
static const char * const chains[BP_N_PARAMS] = {
  DL_DY " · ∂y<sub>pred</sub>/∂h<sub>1</sub> · ∂h<sub>1</sub>/∂w<sub>1</sub>",
  DL_DY " · ∂y<sub>pred</sub>/∂h<sub>1</sub> · ∂h<sub>1</sub>/∂w<sub>2</sub>",
  DL_DY " · ∂y<sub>pred</sub>/∂h<sub>2</sub> · ∂h<sub>2</sub>/∂w<sub>3</sub>",
  DL_DY " · ∂y<sub>pred</sub>/∂h<sub>2</sub> · ∂h<sub>2</sub>/∂w<sub>4</sub>",
  DL_DY " · ∂y<sub>pred</sub>/∂w<sub>5</sub>",
  DL_DY " · ∂y<sub>pred</sub>/∂w<sub>6</sub>",
  DL_DY " · ∂y<sub>pred</sub>/∂h<sub>1</sub> · ∂h<sub>1</sub>/∂b<sub>1</sub>",
  DL_DY " · ∂y<sub>pred</sub>/∂h<sub>2</sub> · ∂h<sub>2</sub>/∂b<sub>2</sub>",
  DL_DY " · ∂y<sub>pred</sub>/∂b<sub>3</sub>",
};

/* ---- the numbers -------------------------------------------------------------- */

static guint
n_people (BpExplainPanel *self)
{
  return self->people != NULL ? bp_people_get_n (self->people) : 0;
}

/* The person explained, or -1 when there is nobody. */
static int
explained (BpExplainPanel *self)
{
  guint n = n_people (self);

  if (n == 0)
    return -1;
  if (self->person == BP_EXPLAIN_NEXT_IN_ORDER)
    return self->next % n;
  return MIN ((guint) self->person, n - 1);
}

static void
person_inputs (BpExplainPanel *self,
               guint           index,
               double         *x0,
               double         *x1,
               double         *y)
{
  const BpPerson *p = bp_people_get (self->people, index);

  bp_normalizer_apply (&self->norm, p->weight_lb, p->height_in, x0, x1);
  *y = p->gender == BP_GENDER_FEMALE ? 1 : 0;
}

/* ---- the text ------------------------------------------------------------------- */

static char *
number (BpExplainPanel *self,
        double          value)
{
  return self->exact ? bp_format_exact (value) : bp_format_significant (value, 3);
}

/* A number after an operator: negative ones in parentheses. */
static char *
operand (BpExplainPanel *self,
         double          value)
{
  g_autofree char *text = number (self, value);

  if (value < 0)
    return g_strdup_printf ("(%s)", text);
  return g_steal_pointer (&text);
}

/* Appends "@formula = @a × @b + @c = @result" for a neuron's sum. */
static void
append_sum (BpExplainPanel *self,
            GString        *out,
            const char     *formula,
            const double   *terms,
            double          result)
{
  g_autofree char *w1 = number (self, terms[0]);
  g_autofree char *x1 = operand (self, terms[1]);
  g_autofree char *w2 = operand (self, terms[2]);
  g_autofree char *x2 = operand (self, terms[3]);
  g_autofree char *b = operand (self, terms[4]);
  g_autofree char *r = number (self, result);

  g_string_append_printf (out, "%s = %s × %s + %s × %s + %s = %s\n", formula, w1, x1, w2, x2, b, r);
}

static void
append_activation (BpExplainPanel *self,
                   GString        *out,
                   const char     *formula,
                   double          sum,
                   double          value)
{
  g_autofree char *s = number (self, sum);
  g_autofree char *v = number (self, value);

  g_string_append_printf (out, "%s = f(%s) = %s\n", formula, s, v);
}

static void
show_forward (BpExplainPanel     *self,
              const BpWorkedStep *s)
{
  g_autoptr(GString) out = g_string_new ("f(x) = 1 / (1 + e<sup>−x</sup>)\n");
  const BpParams *p = &s->p;

  append_sum (self, out, "sum<sub>h1</sub> = w<sub>1</sub>x<sub>0</sub> + w<sub>2</sub>x<sub>1</sub> + b<sub>1</sub>",
              (double[]) { p->w1, s->x0, p->w2, s->x1, p->b1 }, s->sum_h1);
  append_activation (self, out, "h<sub>1</sub> = f(sum<sub>h1</sub>)", s->sum_h1, s->h1);
  append_sum (self, out, "sum<sub>h2</sub> = w<sub>3</sub>x<sub>0</sub> + w<sub>4</sub>x<sub>1</sub> + b<sub>2</sub>",
              (double[]) { p->w3, s->x0, p->w4, s->x1, p->b2 }, s->sum_h2);
  append_activation (self, out, "h<sub>2</sub> = f(sum<sub>h2</sub>)", s->sum_h2, s->h2);
  append_sum (self, out, "sum<sub>o1</sub> = w<sub>5</sub>h<sub>1</sub> + w<sub>6</sub>h<sub>2</sub> + b<sub>3</sub>",
              (double[]) { p->w5, s->h1, p->w6, s->h2, p->b3 }, s->sum_o1);
  append_activation (self, out, "y<sub>pred</sub> = o<sub>1</sub> = f(sum<sub>o1</sub>)", s->sum_o1, s->o1);
  g_string_truncate (out, out->len - 1);
  set_maths (self->forward_label, out->str);
}

static void
show_loss (BpExplainPanel     *self,
           const BpWorkedStep *s)
{
  g_autofree char *y = number (self, s->y);
  g_autofree char *o = operand (self, s->o1);
  g_autofree char *l = number (self, s->loss);
  g_autofree char *text =
    g_strdup_printf ("L = (y<sub>true</sub> − y<sub>pred</sub>)<sup>2</sup> = (%s − %s)<sup>2</sup> = %s",
                     y, o, l);

  set_maths (self->loss_label, text);
}

/* "@formula = @factor × @value = @result", or without the product when
 * @factor is NaN. */
static void
append_partial (BpExplainPanel *self,
                GString        *out,
                const char     *formula,
                double          factor,
                double          value,
                double          result)
{
  g_autofree char *a = number (self, factor);
  g_autofree char *b = operand (self, value);
  g_autofree char *r = number (self, result);

  if (isnan (factor))
    g_string_append_printf (out, "%s = %s\n", formula, r);
  else
    g_string_append_printf (out, "%s = %s × %s = %s\n", formula, a, b, r);
}

static void
show_partials (BpExplainPanel     *self,
               const BpWorkedStep *s)
{
  g_autoptr(GString) out = g_string_new ("f′(x) = f(x) · (1 − f(x))\n");
  g_autofree char *y = number (self, s->y);
  g_autofree char *o = operand (self, s->o1);
  g_autofree char *d = number (self, s->d_L_d_ypred);

  g_string_append_printf (out, DL_DY " = −2(y<sub>true</sub> − y<sub>pred</sub>) = −2 × (%s − %s) = %s\n",
                          y, o, d);
  append_partial (self, out, "∂y<sub>pred</sub>/∂h<sub>1</sub> = w<sub>5</sub> · f′(sum<sub>o1</sub>)",
                  s->p.w5, s->f_o1, s->d_ypred_d_h1);
  append_partial (self, out, "∂y<sub>pred</sub>/∂h<sub>2</sub> = w<sub>6</sub> · f′(sum<sub>o1</sub>)",
                  s->p.w6, s->f_o1, s->d_ypred_d_h2);
  append_partial (self, out, "∂y<sub>pred</sub>/∂w<sub>5</sub> = h<sub>1</sub> · f′(sum<sub>o1</sub>)",
                  s->h1, s->f_o1, s->d_ypred_d_w5);
  append_partial (self, out, "∂y<sub>pred</sub>/∂w<sub>6</sub> = h<sub>2</sub> · f′(sum<sub>o1</sub>)",
                  s->h2, s->f_o1, s->d_ypred_d_w6);
  append_partial (self, out, "∂y<sub>pred</sub>/∂b<sub>3</sub> = f′(sum<sub>o1</sub>)", NAN, 0, s->f_o1);
  append_partial (self, out, "∂h<sub>1</sub>/∂w<sub>1</sub> = x<sub>0</sub> · f′(sum<sub>h1</sub>)",
                  s->x0, s->f_h1, s->d_h1_d_w1);
  append_partial (self, out, "∂h<sub>1</sub>/∂w<sub>2</sub> = x<sub>1</sub> · f′(sum<sub>h1</sub>)",
                  s->x1, s->f_h1, s->d_h1_d_w2);
  append_partial (self, out, "∂h<sub>1</sub>/∂b<sub>1</sub> = f′(sum<sub>h1</sub>)", NAN, 0, s->f_h1);
  append_partial (self, out, "∂h<sub>2</sub>/∂w<sub>3</sub> = x<sub>0</sub> · f′(sum<sub>h2</sub>)",
                  s->x0, s->f_h2, s->d_h2_d_w3);
  append_partial (self, out, "∂h<sub>2</sub>/∂w<sub>4</sub> = x<sub>1</sub> · f′(sum<sub>h2</sub>)",
                  s->x1, s->f_h2, s->d_h2_d_w4);
  append_partial (self, out, "∂h<sub>2</sub>/∂b<sub>2</sub> = f′(sum<sub>h2</sub>)", NAN, 0, s->f_h2);
  g_string_truncate (out, out->len - 1);
  set_maths (self->partials_label, out->str);
}

/* ∂L/∂θ = factors = numbers = result, then θ ← θ − η · ∂L/∂θ = … */
static void
append_chain (BpExplainPanel     *self,
              GString            *out,
              const BpWorkedStep *s,
              BpParam             param)
{
  double f[3];
  guint n = bp_worked_step_factors (s, param, f);
  double g = bp_params_get (&s->gradient, param);
  double after = bp_params_get (&s->after, param);
  g_autofree char *a = number (self, f[0]);
  g_autofree char *b = operand (self, f[1]);
  g_autofree char *c = n == 3 ? operand (self, f[2]) : NULL;
  g_autofree char *result = number (self, g);
  g_autofree char *theta = number (self, bp_params_get (&s->p, param));
  g_autofree char *lr = number (self, s->learning_rate);
  g_autofree char *step = operand (self, g);
  g_autofree char *next = self->exact ? bp_format_exact (after) : bp_format_significant (after, 6);

  g_string_append_printf (out, "∂L/∂%s = %s = %s × %s%s%s = %s\n", names[param], chains[param],
                          a, b, c != NULL ? " × " : "", c != NULL ? c : "", result);
  g_string_append_printf (out, "%s ← %s − η · ∂L/∂%s = %s − %s × %s = <b>%s</b>\n\n", names[param],
                          names[param], names[param], theta, lr, step, next);
}

static void
show_chains (BpExplainPanel     *self,
             const BpWorkedStep *s)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (BpParam i = 0; i < BP_N_PARAMS; i++)
    append_chain (self, out, s, i);
  g_string_truncate (out, out->len - 2);
  set_maths (self->chain_label, out->str);
}

static void
show_subject (BpExplainPanel     *self,
              guint               index,
              const BpWorkedStep *s)
{
  const BpPerson *p = bp_people_get (self->people, index);
  g_autofree char *name = g_markup_escape_text (p->name, -1);
  g_autofree char *x0 = number (self, s->x0);
  g_autofree char *x1 = number (self, s->x1);
  g_autofree char *lr = number (self, s->learning_rate);
  g_autofree char *text = NULL;

  text = g_strdup_printf (p->gender == BP_GENDER_FEMALE
                          ? _("One step of gradient descent on <b>%s</b>, who is F, so y<sub>true</sub> = 1. "
                              "Inputs x<sub>0</sub> = %s and x<sub>1</sub> = %s; learning rate η = %s.")
                          : _("One step of gradient descent on <b>%s</b>, who is M, so y<sub>true</sub> = 0. "
                              "Inputs x<sub>0</sub> = %s and x<sub>1</sub> = %s; learning rate η = %s."),
                          name, x0, x1, lr);
  bp_accessible_set_markup (self->subject_label, text);
}

/* Four columns of ten lines: a header and the nine parameters. */
static void
show_check (BpExplainPanel        *self,
            const BpGradientCheck *c)
{
  GtkLabel *columns[] = { self->check_names, self->check_backprop,
                          self->check_numeric, self->check_relative };
  /* Translators: “Backprop” heads the column of derivatives found by
   * backpropagation, beside those of a finite difference */
  const char *headers[] = { _("Parameter"), C_("gradient check", "Backprop"),
                            _("Finite difference"), _("Relative difference") };

  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *header = g_markup_escape_text (headers[k], -1);

      g_string_append_printf (out, "<b>%s</b>", header);
      for (BpParam i = 0; i < BP_N_PARAMS; i++)
        {
          const BpParams *values[] = { NULL, &c->backprop, &c->numeric, &c->relative_difference };
          g_autofree char *text = NULL;

          /* Subscript digits, not <sub>, which would make the lines of
           * this column taller than the others'. */
          if (k == 0)
            text = g_strdup_printf ("∂L/∂%s", subscript_names[i]);
          else
            text = bp_format_significant (bp_params_get (values[k], i), k == 3 ? 2 : 8);
          g_string_append_printf (out, "\n<span lang=\"en\">%s</span>", text);
        }
      bp_accessible_set_markup (columns[k], out->str);
    }
}

/* Until the formulas are written, their headings name them: the labels
 * are filled only once the page is shown, and a screen reader walking
 * the window found four empty labels without a name. */
static void
name_formulas (BpExplainPanel *self)
{
  const struct
  {
    GtkLabel   *label;
    const char *name;
  } formulas[] = {
    { self->forward_label, _("Forward Pass") }, { self->loss_label, _("Loss") },
    { self->partials_label, _("Partial Derivatives") },
    { self->chain_label, _("Chain Rule and Update") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (formulas[i].label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, formulas[i].name, -1);
}

static void
show_empty (BpExplainPanel *self)
{
  GtkLabel *labels[] = { self->forward_label, self->loss_label, self->partials_label,
                         self->chain_label, self->check_names, self->check_backprop,
                         self->check_numeric, self->check_relative };

  gtk_label_set_text (self->subject_label, _("Add a person to the people to explain a step on them."));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_label_set_text (labels[i], "");
  /* Not the formulas of the last person explained. */
  name_formulas (self);
}

static void
show_note (BpExplainPanel *self)
{
  gtk_label_set_text (self->note_label,
                      self->exact
                      ? _("Every number is the double the computer works with, as backprop-cli explain prints it.")
                      : _("Numbers are rounded to three significant digits, and each is worked out from the "
                          "rounded numbers before it, as the seeds do by hand; new parameters keep six digits. "
                          "Exact Values shows the numbers the computer works with."));
}

/* Rewrites every label; while the panel is not on screen it only
 * remembers to, so that a run does not lay out text nobody sees. */
static void
refresh (BpExplainPanel *self)
{
  BpGradientCheck check;
  BpExplain e;
  guint index;
  BpWorkedStep s;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explain.apply",
                                 self->editable && n_people (self) > 0);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  self->last_refresh = g_get_monotonic_time ();
  show_note (self);
  if (!bp_explain_panel_get_explain (self, &index, &e))
    {
      show_empty (self);
      return;
    }
  if (self->exact)
    bp_worked_step_exact (&e, &s);
  else
    bp_worked_step_by_hand (&e, &s);
  show_subject (self, index, &s);
  show_forward (self, &s);
  show_loss (self, &s);
  show_partials (self, &s);
  show_chains (self, &s);
  if (self->show_check && bp_explain_panel_get_check (self, &check))
    show_check (self, &check);
}

/* A run changes the parameters every frame; numbers that change sixty
 * times a second cannot be read anyway, while rewriting and laying out
 * a page of text as often costs frames.  New parameters are shown at
 * most every REFRESH_INTERVAL_US, the last ones always. */
#define REFRESH_INTERVAL_US (100 * 1000)

static gboolean
on_refresh_due (gpointer data)
{
  BpExplainPanel *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
refresh_soon (BpExplainPanel *self)
{
  gint64 since = g_get_monotonic_time () - self->last_refresh;

  if (self->refresh_id != 0)
    return;
  if (since >= REFRESH_INTERVAL_US || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->refresh_id = g_timeout_add ((REFRESH_INTERVAL_US - since) / 1000 + 1, on_refresh_due, self);
}

/* ---- the person picker ------------------------------------------------------------ */

static void
on_person_selected (BpExplainPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  bp_explain_panel_set_person (self, (int) selected - 1);
}

/* "Next in Order", then everybody by name; the window gives the people
 * again after every edit and setting, and the same names leave the list
 * (of up to 100 000) alone. */
static void
fill_person_list (BpExplainPanel *self)
{
  self->updating = TRUE;
  if (bp_name_list_set_people (self->person_list, self->people))
    self->n_list_fills++;
  gtk_drop_down_set_selected (self->person_dropdown, self->person + 1);
  self->updating = FALSE;
}

/* ---- actions ------------------------------------------------------------------------ */

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BpExplainPanel *self = BP_EXPLAIN_PANEL (widget);
  guint n = n_people (self);

  if (!self->editable || n == 0)
    return;
  g_signal_emit (self, signals[APPLY], 0);
  if (self->person == BP_EXPLAIN_NEXT_IN_ORDER)
    bp_explain_panel_set_next (self, (self->next + 1) % n);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
bp_explain_panel_map (GtkWidget *widget)
{
  BpExplainPanel *self = BP_EXPLAIN_PANEL (widget);

  GTK_WIDGET_CLASS (bp_explain_panel_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
bp_explain_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpExplainPanel *self = BP_EXPLAIN_PANEL (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_int (value, self->person);
      break;
    case PROP_EXACT:
      g_value_set_boolean (value, self->exact);
      break;
    case PROP_SHOW_CHECK:
      g_value_set_boolean (value, self->show_check);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_explain_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BpExplainPanel *self = BP_EXPLAIN_PANEL (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      bp_explain_panel_set_person (self, g_value_get_int (value));
      break;
    case PROP_EXACT:
      bp_explain_panel_set_exact (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_CHECK:
      bp_explain_panel_set_show_check (self, g_value_get_boolean (value));
      break;
    case PROP_EDITABLE:
      bp_explain_panel_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_explain_panel_dispose (GObject *object)
{
  BpExplainPanel *self = BP_EXPLAIN_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_EXPLAIN_PANEL);
  g_clear_object (&self->person_list);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_explain_panel_parent_class)->dispose (object);
}

static void
bp_explain_panel_finalize (GObject *object)
{
  BpExplainPanel *self = BP_EXPLAIN_PANEL (object);

  g_clear_pointer (&self->people, bp_people_unref);
  G_OBJECT_CLASS (bp_explain_panel_parent_class)->finalize (object);
}

static void
bp_explain_panel_class_init (BpExplainPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_explain_panel_get_property;
  object_class->set_property = bp_explain_panel_set_property;
  object_class->dispose = bp_explain_panel_dispose;
  object_class->finalize = bp_explain_panel_finalize;
  widget_class->map = bp_explain_panel_map;

  /* BP_EXPLAIN_NEXT_IN_ORDER, or the index of the person to explain. */
  properties[PROP_PERSON] =
    g_param_spec_int ("person", NULL, NULL, BP_EXPLAIN_NEXT_IN_ORDER, G_MAXINT,
                      BP_EXPLAIN_NEXT_IN_ORDER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Unrounded doubles instead of three digits worked by hand. */
  properties[PROP_EXACT] =
    g_param_spec_boolean ("exact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CHECK] =
    g_param_spec_boolean ("show-check", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the step can be applied: only between runs. */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "Apply This Step": the owner sets the parameters to the step's
   * "after" (bp_explain_panel_get_explain()). */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-explain-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, check_revealer);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, subject_label);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, forward_label);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, loss_label);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, partials_label);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, chain_label);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, note_label);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, check_names);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, check_backprop);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, check_numeric);
  gtk_widget_class_bind_template_child (widget_class, BpExplainPanel, check_relative);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected);

  gtk_widget_class_install_action (widget_class, "explain.apply", NULL, apply_activated);
  gtk_widget_class_install_property_action (widget_class, "explain.exact", "exact");
  gtk_widget_class_install_property_action (widget_class, "explain.show-check", "show-check");
}

/* The labels that hold formulas take the .maths font. */
static void
mark_maths (BpExplainPanel *self)
{
  GtkLabel *maths[] = { self->forward_label, self->loss_label, self->partials_label,
                        self->chain_label, self->check_names, self->check_backprop,
                        self->check_numeric, self->check_relative };

  for (guint i = 0; i < G_N_ELEMENTS (maths); i++)
    gtk_widget_add_css_class (GTK_WIDGET (maths[i]), "maths");
}

static void
bp_explain_panel_init (BpExplainPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_list = bp_name_list_new (_("Next in Order"));
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (self->person_list));
  mark_maths (self);
  name_formulas (self);
  self->person = BP_EXPLAIN_NEXT_IN_ORDER;
  self->learning_rate = 0.1;
  bp_normalizer_init (&self->norm, BP_NORMALIZE_SEED, NULL);
  fill_person_list (self);
  refresh (self);
}

/* ---- public ------------------------------------------------------------------------- */

GtkWidget *
bp_explain_panel_new (void)
{
  return g_object_new (BP_TYPE_EXPLAIN_PANEL, NULL);
}

void
bp_explain_panel_set_params (BpExplainPanel *self,
                             const BpParams *params)
{
  g_return_if_fail (BP_IS_EXPLAIN_PANEL (self));

  self->params = *params;
  refresh_soon (self);
}

/* The people to explain a step on (shared) and how they become inputs. */
void
bp_explain_panel_set_people (BpExplainPanel     *self,
                             const BpPeople     *people,
                             const BpNormalizer *norm)
{
  g_return_if_fail (BP_IS_EXPLAIN_PANEL (self));

  g_clear_pointer (&self->people, bp_people_unref);
  self->people = bp_people_ref (people);
  self->norm = *norm;
  if (self->person >= (int) n_people (self))
    self->person = n_people (self) > 0 ? (int) n_people (self) - 1 : BP_EXPLAIN_NEXT_IN_ORDER;
  fill_person_list (self);
  refresh (self);
}

/* η of the update: the run's, or the form's between runs. */
void
bp_explain_panel_set_learning_rate (BpExplainPanel *self,
                                    double          learning_rate)
{
  g_return_if_fail (BP_IS_EXPLAIN_PANEL (self));

  self->learning_rate = learning_rate;
  refresh (self);
}

guint
bp_explain_panel_get_next (BpExplainPanel *self)
{
  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), 0);

  return self->next;
}

/* Who training comes to next, for "Next in Order". */
void
bp_explain_panel_set_next (BpExplainPanel *self,
                           guint           next)
{
  g_return_if_fail (BP_IS_EXPLAIN_PANEL (self));

  if (next == self->next)
    return;
  self->next = next;
  refresh_soon (self);
}

int
bp_explain_panel_get_person (BpExplainPanel *self)
{
  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), BP_EXPLAIN_NEXT_IN_ORDER);

  return self->person;
}

void
bp_explain_panel_set_person (BpExplainPanel *self,
                             int             person)
{
  g_return_if_fail (BP_IS_EXPLAIN_PANEL (self));
  g_return_if_fail (person >= BP_EXPLAIN_NEXT_IN_ORDER);

  if (person == self->person)
    return;
  self->person = person;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->person_dropdown, person + 1);
  self->updating = FALSE;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

gboolean
bp_explain_panel_get_exact (BpExplainPanel *self)
{
  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), FALSE);

  return self->exact;
}

void
bp_explain_panel_set_exact (BpExplainPanel *self,
                            gboolean        exact)
{
  g_return_if_fail (BP_IS_EXPLAIN_PANEL (self));

  exact = !!exact;
  if (exact == self->exact)
    return;
  self->exact = exact;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXACT]);
}

gboolean
bp_explain_panel_get_show_check (BpExplainPanel *self)
{
  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), FALSE);

  return self->show_check;
}

void
bp_explain_panel_set_show_check (BpExplainPanel *self,
                                 gboolean        show_check)
{
  g_return_if_fail (BP_IS_EXPLAIN_PANEL (self));

  show_check = !!show_check;
  if (show_check == self->show_check)
    return;
  self->show_check = show_check;
  /* Folded away, its selectable labels would still be focus stops that a
   * screen reader finds empty. */
  gtk_widget_set_visible (gtk_revealer_get_child (self->check_revealer), show_check);
  gtk_revealer_set_reveal_child (self->check_revealer, show_check);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CHECK]);
}

gboolean
bp_explain_panel_get_editable (BpExplainPanel *self)
{
  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), FALSE);

  return self->editable;
}

void
bp_explain_panel_set_editable (BpExplainPanel *self,
                               gboolean        editable)
{
  g_return_if_fail (BP_IS_EXPLAIN_PANEL (self));

  editable = !!editable;
  if (editable == self->editable)
    return;
  self->editable = editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explain.apply",
                                 editable && n_people (self) > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* The step the panel explains, exactly as bp_network_explain() works it
 * out, and whose it is; FALSE when there is nobody. */
gboolean
bp_explain_panel_get_explain (BpExplainPanel *self,
                              guint          *person,
                              BpExplain      *explain)
{
  int index;
  double x0, x1, y;

  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), FALSE);

  index = explained (self);
  if (index < 0)
    return FALSE;
  person_inputs (self, index, &x0, &x1, &y);
  bp_network_explain (&self->params, x0, x1, y, self->learning_rate, explain);
  if (person != NULL)
    *person = index;
  return TRUE;
}

/* The gradient check of the same step. */
gboolean
bp_explain_panel_get_check (BpExplainPanel  *self,
                            BpGradientCheck *check)
{
  int index;
  double x0, x1, y;

  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), FALSE);

  index = explained (self);
  if (index < 0)
    return FALSE;
  person_inputs (self, index, &x0, &x1, &y);
  bp_network_gradient_check (&self->params, x0, x1, y, check);
  return TRUE;
}

/* How many times the person list was built: once per change of the
 * names, not per call of bp_explain_panel_set_people(). */
guint
bp_explain_panel_get_n_list_fills (BpExplainPanel *self)
{
  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), 0);

  return self->n_list_fills;
}

/* The text of a section as shown, without markup: "subject", "forward",
 * "loss", "partials", "chain", "check-backprop", "check-numeric" or
 * "check-relative".  Brings the labels up to date first. */
const char *
bp_explain_panel_get_text (BpExplainPanel *self,
                           const char     *section)
{
  const struct
  {
    const char *name;
    GtkLabel   *label;
  } sections[] = {
    { "subject", self->subject_label }, { "forward", self->forward_label },
    { "loss", self->loss_label }, { "partials", self->partials_label },
    { "chain", self->chain_label }, { "check-backprop", self->check_backprop },
    { "check-numeric", self->check_numeric }, { "check-relative", self->check_relative },
  };

  g_return_val_if_fail (BP_IS_EXPLAIN_PANEL (self), NULL);

  if (self->refresh_id != 0 || (self->stale && gtk_widget_get_mapped (GTK_WIDGET (self))))
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (section, sections[i].name))
      return gtk_label_get_text (sections[i].label);
  g_return_val_if_reached (NULL);
}
