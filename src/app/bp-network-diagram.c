/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-network-diagram.c: the network as a graph
 *
 * Every one of the nine parameters is on the picture: w1…w6 as edges,
 * coloured by sign (and dashed when negative, for those who cannot tell
 * the colours apart) and as wide as the weight is large; b1, b2 and b3 as
 * badges under their neurons, b3 included, which other tools leave out.
 * The neurons show what they compute for one chosen person: the inputs
 * their normalised values, the sigmoid neurons their activation as a
 * number and as how full the circle is.
 *
 * Between runs a click on a parameter opens a popover to type a new
 * value; the diagram only reports it ("parameter-edited"), and the window
 * decides what an edit means.  From the keyboard, the focused diagram has
 * a selected parameter: the arrow keys move it and Enter edits it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-draw.h"
#include "bp-field-errors.h"
#include "bp-format.h"
#include "bp-name-list.h"
#include "bp-network-diagram.h"
#include "bp-palette.h"
#include "bp-parse.h"
#include "bp-presenter.h"

#define GAP 6
/* Room between a neuron's value and its circle, either side. */
#define VALUE_INSET 4

struct _BpNetworkDiagram
{
  GtkWidget      parent_instance;

  GtkPopover    *edit_popover;
  GtkLabel      *edit_title;
  GtkEntry      *edit_entry;
  GtkLabel      *edit_error;

  BpParams       params;
  BpPeople      *people;
  BpNormalizer   norm;
  BpNameList    *names;
  guint          person;
  char          *input_name;  /* inputs given instead of a person's, or NULL */
  double         input[2];
  gboolean       show_values;
  gboolean       editable;
  int            hover;     /* the parameter under the pointer, or -1 */
  int            editing;   /* the parameter in the popover, or -1 */
  BpParam        selected;  /* the keyboard's parameter, shown while focused */
  char          *description;  /* as the accessibility bus last heard it */
};

G_DEFINE_FINAL_TYPE (BpNetworkDiagram, bp_network_diagram, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_NAMES,
  PROP_PERSON,
  PROP_SHOW_VALUES,
  PROP_EDITABLE,
  N_PROPS
};

enum
{
  PARAMETER_EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA positive;
  GdkRGBA negative;
} Palette;

/* ---- text ------------------------------------------------------------------ */

static const char * const param_markup[BP_N_PARAMS] = {
  "w<sub>1</sub>", "w<sub>2</sub>", "w<sub>3</sub>", "w<sub>4</sub>", "w<sub>5</sub>",
  "w<sub>6</sub>", "b<sub>1</sub>", "b<sub>2</sub>", "b<sub>3</sub>",
};

static void update_description (BpNetworkDiagram *self);

/* A layout of Pango markup with tabular digits. */
static PangoLayout *
make_layout (BpNetworkDiagram *self,
             const char       *markup)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autofree char *text = g_strdup_printf ("<span font_features='tnum=1'>%s</span>", markup);

  pango_layout_set_markup (layout, text, -1);
  return layout;
}

static int
line_height (BpNetworkDiagram *self)
{
  g_autoptr(PangoLayout) probe = make_layout (self, "0");
  int height;

  pango_layout_get_pixel_size (probe, NULL, &height);
  return height;
}

/* Under the pointer, in the editor, or selected in the focused diagram. */
static gboolean
highlighted (BpNetworkDiagram *self,
             int               param)
{
  return self->hover == param || self->editing == param ||
         (self->selected == (BpParam) param && gtk_widget_has_focus (GTK_WIDGET (self)));
}

static gboolean
value_shown (BpNetworkDiagram *self,
             BpParam           param)
{
  return self->show_values || highlighted (self, param);
}

/* "w<sub>1</sub>", or with its value "w<sub>1</sub> = −0.27". */
static char *
param_label (BpNetworkDiagram *self,
             BpParam           param)
{
  g_autofree char *value = NULL;

  if (!value_shown (self, param))
    return g_strdup (param_markup[param]);
  value = bp_format_significant (bp_params_get (&self->params, param), 3);
  return g_strdup_printf ("%s = %s", param_markup[param], value);
}

/* ---- the selected person ---------------------------------------------------- */

static gboolean
has_person (BpNetworkDiagram *self)
{
  return self->input_name != NULL ||
         (self->people != NULL && self->person < bp_people_get_n (self->people));
}

static const char *
shown_name (BpNetworkDiagram *self)
{
  if (self->input_name != NULL)
    return self->input_name;
  return bp_people_get (self->people, self->person)->name;
}

static void
show_title (BpNetworkDiagram *self)
{
  BpParam param = self->editing;
  g_autofree char *title = NULL;

  if (self->editing < 0)
    return;
  if (param <= BP_PARAM_W6)
    title = g_strdup_printf (_("Weight %s"), param_markup[param]);
  else
    title = g_strdup_printf (_("Bias %s"), param_markup[param]);
  gtk_label_set_markup (self->edit_title, title);
}

/* ---- drawing ------------------------------------------------------------- */

static void
get_palette (BpNetworkDiagram *self,
             Palette          *p)
{
  gboolean dark = bp_palette_widget_colors (GTK_WIDGET (self), &p->fg, &p->bg);

  bp_palette_get_rgba (BP_COLOR_POSITIVE, dark, &p->positive);
  bp_palette_get_rgba (BP_COLOR_NEGATIVE, dark, &p->negative);
}

/* Draws @markup centred on (@x, @y), on a rounded plate of the
 * background when @plate, so that it reads over the edges. */
static void
draw_text (BpNetworkDiagram *self,
           cairo_t          *cr,
           const Palette    *p,
           const char       *markup,
           double            x,
           double            y,
           gboolean          plate,
           double            max_width)
{
  g_autoptr(PangoLayout) layout = make_layout (self, markup);
  int width, height;
  double left, top;

  pango_layout_get_pixel_size (layout, &width, &height);
  /* A value as long as 2.17×10⁻¹² in a neuron, or any in presenter mode's
   * larger text: smaller, rather than over the circle's edge. */
  if (max_width > 0 && width > max_width)
    {
      double scale = max_width / width;

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      draw_text (self, cr, p, markup, 0, 0, plate, 0);
      cairo_restore (cr);
      return;
    }
  left = round (x - width / 2.0);
  top = round (y - height / 2.0);
  if (plate)
    {
      double r = height / 2.0;

      cairo_new_sub_path (cr);
      cairo_arc (cr, left - GAP + r, top + r, r, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, left + width + GAP - r, top + r, r, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      bp_draw_set_color (cr, &p->bg, 0.88);
      cairo_fill (cr);
    }
  bp_draw_set_color (cr, &p->fg, 1);
  cairo_move_to (cr, left, top);
  pango_cairo_show_layout (cr, layout);
}

static void
stroke_edge (cairo_t               *cr,
             const BpDiagramLayout *l,
             BpParam                param)
{
  BpNeuron from, to;

  bp_diagram_edge_ends (param, &from, &to);
  cairo_move_to (cr, l->x[from], l->y[from]);
  cairo_line_to (cr, l->x[to], l->y[to]);
  cairo_stroke (cr);
}

static void
draw_edges (BpNetworkDiagram      *self,
            cairo_t               *cr,
            const BpDiagramLayout *l,
            const Palette         *p)
{
  for (BpParam w = BP_PARAM_W1; w <= BP_PARAM_W6; w++)
    {
      double value = bp_params_get (&self->params, w);
      double width = bp_diagram_edge_width (value);
      double dash[] = { 3 * MAX (width, 2), 2 * MAX (width, 2) };

      if (highlighted (self, w))
        {
          bp_draw_set_color (cr, &p->fg, 0.3);
          cairo_set_line_width (cr, width + 6);
          stroke_edge (cr, l, w);
        }
      bp_draw_set_color (cr, value < 0 ? &p->negative : &p->positive, 1);
      cairo_set_line_width (cr, width);
      cairo_set_dash (cr, dash, value < 0 ? 2 : 0, 0);
      stroke_edge (cr, l, w);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static void
draw_weight_labels (BpNetworkDiagram      *self,
                    cairo_t               *cr,
                    const BpDiagramLayout *l,
                    const Palette         *p)
{
  for (BpParam w = BP_PARAM_W1; w <= BP_PARAM_W6; w++)
    {
      g_autofree char *label = param_label (self, w);
      double x, y;

      bp_diagram_edge_point (l, w, bp_diagram_label_position (w), &x, &y);
      draw_text (self, cr, p, label, x, y, TRUE, 0);
    }
}

/* How full a sigmoid neuron is drawn: its activation, from the bottom. */
static void
draw_gauge (cairo_t       *cr,
            const Palette *p,
            double         x,
            double         y,
            double         r,
            double         activation)
{
  if (!isfinite (activation))
    return;
  cairo_save (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_clip (cr);
  cairo_rectangle (cr, x - r, y + r - 2 * r * CLAMP (activation, 0, 1), 2 * r, 2 * r);
  bp_draw_set_color (cr, &p->fg, 0.16);
  cairo_fill (cr);
  cairo_restore (cr);
}

static const char *
neuron_name (BpNeuron neuron)
{
  switch (neuron)
    {
    case BP_NEURON_X0:
      return _("x<sub>0</sub> weight");
    case BP_NEURON_X1:
      return _("x<sub>1</sub> height");
    case BP_NEURON_H1:
      return "h<sub>1</sub>";
    case BP_NEURON_H2:
      return "h<sub>2</sub>";
    default:
      return _("o<sub>1</sub> = y<sub>pred</sub>");
    }
}

static void
draw_neuron (BpNetworkDiagram      *self,
             cairo_t               *cr,
             const BpDiagramLayout *l,
             const Palette         *p,
             BpNeuron               n,
             double                 value)
{
  double x = l->x[n], y = l->y[n], r = l->radius;
  gboolean hovered = n >= BP_NEURON_H1 && highlighted (self, BP_PARAM_B1 + n - BP_NEURON_H1);
  g_autofree char *text = has_person (self) ? bp_format_significant (value, 3) : g_strdup ("—");
  g_autofree char *name = NULL;

  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  bp_draw_set_color (cr, &p->bg, 1);
  cairo_fill (cr);
  if (n >= BP_NEURON_H1 && has_person (self))
    draw_gauge (cr, p, x, y, r, value);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  bp_draw_set_color (cr, &p->fg, hovered ? 0.9 : 0.55);
  cairo_set_line_width (cr, hovered ? 3 : 2);
  cairo_stroke (cr);
  draw_text (self, cr, p, text, x, y, FALSE, 2 * (r - VALUE_INSET));
  /* The badge is a line of text high and 6 px more: no Pango layout
   * needed to measure one again, five times a frame. */
  name = bp_network_diagram_dup_neuron_label (self, n);
  draw_text (self, cr, p, name, x, y - r - (l->badge_height - 6) / 2.0 - 4, FALSE, 0);
}

/* The bias under its neuron, framed in the colour of its sign. */
static void
draw_bias (BpNetworkDiagram      *self,
           cairo_t               *cr,
           const BpDiagramLayout *l,
           const Palette         *p,
           BpParam                bias)
{
  BpNeuron n = bp_diagram_bias_neuron (bias);
  double value = bp_params_get (&self->params, bias);
  g_autofree char *label = param_label (self, bias);
  g_autoptr(PangoLayout) layout = make_layout (self, label);
  double cy = l->y[n] + l->radius + 4 + l->badge_height / 2;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_rectangle (cr, round (l->x[n] - width / 2.0 - GAP) + 0.5,
                   round (cy - l->badge_height / 2) + 0.5, width + 2 * GAP, l->badge_height);
  bp_draw_set_color (cr, &p->bg, 1);
  cairo_fill_preserve (cr);
  bp_draw_set_color (cr, value < 0 ? &p->negative : &p->positive, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  draw_text (self, cr, p, label, l->x[n], cy, FALSE, 0);
}

/* Which colour and line mean which sign, in the free top right corner. */
static void
draw_legend (BpNetworkDiagram *self,
             cairo_t          *cr,
             const Palette    *p,
             double            width)
{
  const char *names[] = { _("positive"), _("negative") };
  const GdkRGBA *colors[] = { &p->positive, &p->negative };
  double dash[] = { 6, 4 };
  double y = line_height (self) / 2.0 + 2;
  double x = width - GAP;

  for (int i = G_N_ELEMENTS (names) - 1; i >= 0; i--)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, names[i]);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      bp_draw_set_color (cr, &p->fg, 0.8);
      cairo_move_to (cr, x - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
      x -= w + GAP + 28;
      bp_draw_set_color (cr, colors[i], 1);
      cairo_set_line_width (cr, 3);
      cairo_set_dash (cr, dash, i == 1 ? 2 : 0, 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + 28, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      x -= 2 * GAP;
    }
}

/* The neuron's name, and for a hidden neuron the slope of its sigmoid
 * at the chosen person's sum, f′ = f (1 − f): every gradient to the
 * weights before it goes through that factor, and with raw pounds and
 * inches (normalisation "none") it is nearly 0. */
char *
bp_network_diagram_dup_neuron_label (BpNetworkDiagram *self,
                                     BpNeuron          neuron)
{
  g_autofree char *slope = NULL;
  BpExplain f;
  double h;

  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), NULL);

  if ((neuron != BP_NEURON_H1 && neuron != BP_NEURON_H2) ||
      !bp_network_diagram_get_activations (self, &f))
    return g_strdup (neuron_name (neuron));
  h = neuron == BP_NEURON_H1 ? f.h1 : f.h2;
  if (!isfinite (h))
    return g_strdup (neuron_name (neuron));
  slope = bp_format_significant (h * (1 - h), 3);
  /* Translators: a hidden neuron's name (h₁) and the slope of its
   * sigmoid, f′, for the person shown */
  return g_strdup_printf (_("%s <span size='small'>f′ = %s</span>"), neuron_name (neuron), slope);
}

/* The neurons' places at @width × @height.  In presenter mode the
 * circles grow with the text: sized for the smaller text, they shrank a
 * value such as 0.999 to fit, and it read small beside the rest.  They
 * grow as far as the room above the top row, below the bottom one and
 * between the two allows: squeezed under the tour's card, the diagram
 * keeps its circles, and the values shrink to them as before. */
static void
init_layout (BpNetworkDiagram *self,
             BpDiagramLayout  *l,
             double            width,
             double            height)
{
  double text_height = line_height (self);
  g_autoptr(PangoLayout) probe = NULL;
  double outside, between, grow;
  int value_width;

  bp_diagram_layout_init (l, width, height, text_height);
  if (!bp_presenter_is_on (GTK_WIDGET (self)))
    return;
  probe = make_layout (self, "0.000");
  pango_layout_get_pixel_size (probe, &value_width, NULL);
  /* A name above each neuron, a bias under each hidden one. */
  outside = l->y[BP_NEURON_H1] - (text_height + 8 + l->radius);
  between = l->y[BP_NEURON_H2] - l->y[BP_NEURON_H1] - 2 * l->radius - 8 - l->badge_height - text_height;
  grow = MIN (value_width / 2.0 + VALUE_INSET - l->radius, MIN (outside, between / 2));
  l->radius += MAX (grow, 0);
}

/* What the screen and an exported image share, at @width. */
static void
draw_diagram (BpNetworkDiagram      *self,
              cairo_t               *cr,
              const BpDiagramLayout *l,
              const Palette         *p,
              double                 width)
{
  double values[BP_N_NEURONS];
  BpExplain f;

  bp_network_diagram_get_activations (self, &f);
  values[BP_NEURON_X0] = f.x0;
  values[BP_NEURON_X1] = f.x1;
  values[BP_NEURON_H1] = f.h1;
  values[BP_NEURON_H2] = f.h2;
  values[BP_NEURON_O1] = f.o1;
  draw_legend (self, cr, p, width);
  draw_edges (self, cr, l, p);
  for (BpNeuron n = 0; n < BP_N_NEURONS; n++)
    draw_neuron (self, cr, l, p, n, values[n]);
  for (BpParam b = BP_PARAM_B1; b <= BP_PARAM_B3; b++)
    draw_bias (self, cr, l, p, b);
  draw_weight_labels (self, cr, l, p);
}

static void
bp_network_diagram_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  BpNetworkDiagram *self = BP_NETWORK_DIAGRAM (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  BpDiagramLayout l;
  cairo_t *cr;
  Palette p;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bp_network_diagram_get_layout (self, &l);
  get_palette (self, &p);
  draw_diagram (self, cr, &l, &p, width);
  cairo_destroy (cr);
}

/* The diagram as it stands at @width × @height on any cairo context, on
 * the theme's background and with a margin: for PNG, SVG and PDF exports. */
void
bp_network_diagram_draw (BpNetworkDiagram *self,
                         cairo_t          *cr,
                         int               width,
                         int               height)
{
  BpDiagramLayout l;
  Palette p;

  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));
  g_return_if_fail (width > 4 * GAP && height > 4 * GAP);

  get_palette (self, &p);
  bp_draw_begin_export (cr, &p.bg, 2 * GAP);
  init_layout (self, &l, width - 4 * GAP, height - 4 * GAP);
  draw_diagram (self, cr, &l, &p, width - 4 * GAP);
  cairo_restore (cr);
}

static void
bp_network_diagram_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? 360 : 208;
  *natural = horizontal ? 640 : 360;
}

/* The popover is a surface of its own and needs placing with us. */
static void
bp_network_diagram_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  gtk_popover_present (BP_NETWORK_DIAGRAM (widget)->edit_popover);
}

/* ---- editing ----------------------------------------------------------------- */

/* Reads the entry and marks it in place; FALSE while it is no number. */
static gboolean
read_edit (BpNetworkDiagram *self,
           double           *value)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = GTK_WIDGET (self->edit_entry);
  gboolean ok = bp_format_parse_double (gtk_editable_get_text (GTK_EDITABLE (entry)), value, &error);

  bp_entry_mark_error (entry, ok ? NULL : error->message, NULL);
  gtk_label_set_text (self->edit_error, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error), !ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.set-value", ok);
  return ok;
}

static void
on_edit_changed (BpNetworkDiagram *self)
{
  double value;

  read_edit (self, &value);
}

static void
on_edit_activate (BpNetworkDiagram *self)
{
  BpParam param = self->editing;
  double value;

  if (self->editing < 0 || !self->editable || !read_edit (self, &value))
    return;
  gtk_popover_popdown (self->edit_popover);
  if (value != bp_params_get (&self->params, param))
    g_signal_emit (self, signals[PARAMETER_EDITED], 0, (guint) param, value);
}

static void
set_value_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  on_edit_activate (BP_NETWORK_DIAGRAM (widget));
}

static void
on_edit_closed (BpNetworkDiagram *self)
{
  self->editing = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where the popover points: the parameter's label or badge. */
static void
anchor_of (BpNetworkDiagram *self,
           BpParam           param,
           GdkRectangle     *rect)
{
  BpDiagramLayout l;
  double x, y;

  bp_network_diagram_get_layout (self, &l);
  if (param <= BP_PARAM_W6)
    bp_diagram_edge_point (&l, param, bp_diagram_label_position (param), &x, &y);
  else
    {
      BpNeuron n = bp_diagram_bias_neuron (param);

      x = l.x[n];
      y = l.y[n] + l.radius + 4 + l.badge_height / 2;
    }
  *rect = (GdkRectangle) { (int) x - 4, (int) y - 4, 8, 8 };
}

/* ---- keyboard ---------------------------------------------------------------- */

static void
select_param_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BpNetworkDiagram *self = BP_NETWORK_DIAGRAM (widget);
  int step = g_variant_get_int32 (parameter) % BP_N_PARAMS;

  bp_network_diagram_select (self, ((int) self->selected + BP_N_PARAMS + step) % BP_N_PARAMS);
}

/* Enabled only between runs, as the editor is: while a run is live the
 * keys go on to the window. */
static void
edit_selected_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BpNetworkDiagram *self = BP_NETWORK_DIAGRAM (widget);

  bp_network_diagram_edit (self, self->selected);
}

/* The selection shows only while the diagram itself has the focus, not
 * its editor. */
static void
on_focus_changed (BpNetworkDiagram *self,
                  GParamSpec       *pspec,
                  gpointer          user_data)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  const guint next[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_KP_Right, GDK_KEY_KP_Down };
  const guint previous[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_KP_Left, GDK_KEY_KP_Up };
  /* Not Space: the window's, to pause and resume. */
  const guint edit[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_F2 };

  for (guint i = 0; i < G_N_ELEMENTS (next); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, next[i], 0, "diagram.select", "i", 1);
      gtk_widget_class_add_binding_action (widget_class, previous[i], 0, "diagram.select", "i", -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (edit); i++)
    gtk_widget_class_add_binding_action (widget_class, edit[i], 0, "diagram.edit-selected", NULL);
}

/* ---- pointer ---------------------------------------------------------------- */

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           BpNetworkDiagram         *self)
{
  bp_network_diagram_hover (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *motion,
          BpNetworkDiagram         *self)
{
  bp_network_diagram_hover (self, -1, -1);
}

static void
on_released (GtkGestureClick  *gesture,
             int               n_press,
             double            x,
             double            y,
             BpNetworkDiagram *self)
{
  /* As a button does: the keys then go on from where the click was. */
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  bp_network_diagram_click (self, x, y);
}

/* ---- GObject ----------------------------------------------------------------- */

static void
bp_network_diagram_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BpNetworkDiagram *self = BP_NETWORK_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_NAMES:
      g_value_set_object (value, self->names);
      break;
    case PROP_PERSON:
      g_value_set_uint (value, self->person);
      break;
    case PROP_SHOW_VALUES:
      g_value_set_boolean (value, self->show_values);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_network_diagram_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BpNetworkDiagram *self = BP_NETWORK_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      bp_network_diagram_set_person (self, g_value_get_uint (value));
      break;
    case PROP_SHOW_VALUES:
      bp_network_diagram_set_show_values (self, g_value_get_boolean (value));
      break;
    case PROP_EDITABLE:
      bp_network_diagram_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_network_diagram_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_NETWORK_DIAGRAM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_network_diagram_parent_class)->dispose (object);
}

static void
bp_network_diagram_finalize (GObject *object)
{
  BpNetworkDiagram *self = BP_NETWORK_DIAGRAM (object);

  g_clear_pointer (&self->people, bp_people_unref);
  g_clear_object (&self->names);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->input_name, g_free);
  G_OBJECT_CLASS (bp_network_diagram_parent_class)->finalize (object);
}

static void
bp_network_diagram_class_init (BpNetworkDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_network_diagram_get_property;
  object_class->set_property = bp_network_diagram_set_property;
  object_class->dispose = bp_network_diagram_dispose;
  object_class->finalize = bp_network_diagram_finalize;
  widget_class->snapshot = bp_network_diagram_snapshot;
  widget_class->measure = bp_network_diagram_measure;
  widget_class->size_allocate = bp_network_diagram_size_allocate;

  /* The people's names, for a drop-down that picks the person. */
  properties[PROP_NAMES] =
    g_param_spec_object ("names", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Whose inputs and activations the neurons show. */
  properties[PROP_PERSON] =
    g_param_spec_uint ("person", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Every parameter's value written out, not just under the pointer. */
  properties[PROP_SHOW_VALUES] =
    g_param_spec_boolean ("show-values", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a click opens the editor: only between runs. */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A new value typed for a parameter (a BpParam). */
  signals[PARAMETER_EDITED] =
    g_signal_new ("parameter-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-network-diagram.ui");
  gtk_widget_class_bind_template_child (widget_class, BpNetworkDiagram, edit_popover);
  gtk_widget_class_bind_template_child (widget_class, BpNetworkDiagram, edit_title);
  gtk_widget_class_bind_template_child (widget_class, BpNetworkDiagram, edit_entry);
  gtk_widget_class_bind_template_child (widget_class, BpNetworkDiagram, edit_error);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_closed);

  gtk_widget_class_install_action (widget_class, "diagram.set-value", NULL, set_value_activated);
  /* Moves the selection by a number of parameters, in the order w1…b3. */
  gtk_widget_class_install_action (widget_class, "diagram.select", "i", select_param_activated);
  gtk_widget_class_install_action (widget_class, "diagram.edit-selected", NULL, edit_selected_activated);
  add_key_bindings (widget_class);
  gtk_widget_class_install_property_action (widget_class, "diagram.show-values", "show-values");

  gtk_widget_class_set_css_name (widget_class, "networkdiagram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bp_network_diagram_init (BpNetworkDiagram *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.edit-selected", FALSE);
  self->names = bp_name_list_new (NULL);
  self->hover = -1;
  self->editing = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_focus_changed), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The network: inputs, hidden neurons, output, and its nine parameters"),
                                  -1);
}

/* ---- public ------------------------------------------------------------------ */

GtkWidget *
bp_network_diagram_new (void)
{
  return g_object_new (BP_TYPE_NETWORK_DIAGRAM, NULL);
}

/* What a screen reader says of the diagram: the chosen person's way
 * through the network, which the picture shows as numbers in circles. */
static void
update_description (BpNetworkDiagram *self)
{
  g_autofree char *x0 = NULL, *x1 = NULL, *h1 = NULL, *h2 = NULL, *o1 = NULL;
  g_autofree char *text = NULL;
  BpExplain f;

  if (!bp_network_diagram_get_activations (self, &f))
    text = g_strdup (_("Nobody to show: add a person"));
  else
    {
      x0 = bp_format_significant (f.x0, 3);
      x1 = bp_format_significant (f.x1, 3);
      h1 = bp_format_significant (f.h1, 3);
      h2 = bp_format_significant (f.h2, 3);
      o1 = bp_format_significant (f.o1, 3);
      /* Translators: the network diagram's description for screen readers:
       * a person's name, the two inputs, the two hidden neurons, the output */
      text = g_strdup_printf (_("%s: inputs %s and %s, hidden neurons %s and %s, output %s"),
                              shown_name (self), x0, x1, h1, h2, o1);
    }
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      g_autofree char *value = bp_format_significant (bp_params_get (&self->params, self->selected), 3);
      g_autofree char *with_selected = NULL;

      /* Translators: the diagram's description while it has the keyboard
       * focus: the description above, then the selected parameter (w1…b3)
       * and its value */
      with_selected = g_strdup_printf (_("%s. Selected %s = %s: the arrow keys select another parameter, Enter edits it"),
                                       text, bp_param_name (self->selected), value);
      g_free (text);
      text = g_steal_pointer (&with_selected);
    }
  /* Each update goes out on the accessibility bus: only new words. */
  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

void
bp_network_diagram_set_params (BpNetworkDiagram *self,
                               const BpParams   *params)
{
  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  self->params = *params;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bp_network_diagram_get_params (BpNetworkDiagram *self,
                               BpParams         *params)
{
  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  *params = self->params;
}

/* The people to pick from (shared) and how they become inputs (copied).  The
 * chosen person stays chosen while they are still there. */
void
bp_network_diagram_set_people (BpNetworkDiagram   *self,
                               const BpPeople     *people,
                               const BpNormalizer *norm)
{
  guint person = self->person;
  guint n;

  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  g_clear_pointer (&self->people, bp_people_unref);
  self->people = bp_people_ref (people);
  self->norm = *norm;
  n = bp_people_get_n (people);
  /* A drop-down bound to "person" may pick another item meanwhile. */
  bp_name_list_set_people (self->names, people);
  if (n > 0)
    bp_network_diagram_set_person (self, MIN (person, n - 1));
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The people's names, in order, as GtkStringObjects. */
GListModel *
bp_network_diagram_get_names (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), NULL);

  return G_LIST_MODEL (self->names);
}

guint
bp_network_diagram_get_person (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), 0);

  return self->person;
}

void
bp_network_diagram_set_person (BpNetworkDiagram *self,
                               guint             person)
{
  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  /* A drop-down with no selection says GTK_INVALID_LIST_POSITION. */
  if (person == GTK_INVALID_LIST_POSITION ||
      (person == self->person && self->input_name == NULL))
    return;
  g_clear_pointer (&self->input_name, g_free);
  self->person = person;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

/* The network's way for the inputs @x0 and @x1, called @name, instead
 * of a person's (the guided tour's x = [2, 3]); @name NULL goes back to
 * the person chosen, as choosing one does. */
void
bp_network_diagram_set_input (BpNetworkDiagram *self,
                              const char       *name,
                              double            x0,
                              double            x1)
{
  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  g_free (self->input_name);
  self->input_name = g_strdup (name);
  self->input[0] = x0;
  self->input[1] = x1;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
bp_network_diagram_get_input_name (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), NULL);

  return self->input_name;
}

gboolean
bp_network_diagram_get_show_values (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), FALSE);

  return self->show_values;
}

void
bp_network_diagram_set_show_values (BpNetworkDiagram *self,
                                    gboolean          show_values)
{
  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  show_values = !!show_values;
  if (show_values == self->show_values)
    return;
  self->show_values = show_values;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_VALUES]);
}

gboolean
bp_network_diagram_get_editable (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), FALSE);

  return self->editable;
}

/* A run that starts closes the editor: its value would no longer apply. */
void
bp_network_diagram_set_editable (BpNetworkDiagram *self,
                                 gboolean          editable)
{
  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  editable = !!editable;
  if (editable == self->editable)
    return;
  self->editable = editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.edit-selected", editable);
  if (!editable)
    gtk_popover_popdown (self->edit_popover);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* The forward pass for the chosen person (inputs, sums, activations);
 * FALSE, with everything NaN, when there is nobody to show. */
gboolean
bp_network_diagram_get_activations (BpNetworkDiagram *self,
                                    BpExplain        *forward)
{
  const BpPerson *p;
  double x0, x1;

  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), FALSE);

  if (!has_person (self))
    {
      bp_network_explain (&self->params, NAN, NAN, NAN, 0, forward);
      return FALSE;
    }
  if (self->input_name != NULL)
    {
      bp_network_explain (&self->params, self->input[0], self->input[1], NAN, 0, forward);
      return TRUE;
    }
  p = bp_people_get (self->people, self->person);
  bp_normalizer_apply (&self->norm, p->weight_lb, p->height_in, &x0, &x1);
  bp_network_explain (&self->params, x0, x1, p->gender == BP_GENDER_FEMALE ? 1 : 0, 0, forward);
  return TRUE;
}

void
bp_network_diagram_get_layout (BpNetworkDiagram *self,
                               BpDiagramLayout  *layout)
{
  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  init_layout (self, layout, gtk_widget_get_width (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self)));
}

/* As if the pointer were at (@x, @y); a negative @x means it left. */
void
bp_network_diagram_hover (BpNetworkDiagram *self,
                          double            x,
                          double            y)
{
  BpDiagramLayout l;
  int hover = -1;

  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));

  if (x >= 0)
    {
      bp_network_diagram_get_layout (self, &l);
      hover = bp_diagram_hit_test (&l, &self->params, x, y);
    }
  if (hover == self->hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 && self->editable ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The parameter under the pointer, or -1. */
int
bp_network_diagram_get_hover (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), -1);

  return self->hover;
}

/* Selects @param for the keyboard, as the arrow keys do. */
void
bp_network_diagram_select (BpNetworkDiagram *self,
                           BpParam           param)
{
  g_return_if_fail (BP_IS_NETWORK_DIAGRAM (self));
  g_return_if_fail (param < BP_N_PARAMS);

  self->selected = param;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BpParam
bp_network_diagram_get_selected (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), BP_PARAM_W1);

  return self->selected;
}

/* The markup drawn for @param: its name, and its value when shown. */
char *
bp_network_diagram_dup_label (BpNetworkDiagram *self,
                              BpParam           param)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), NULL);
  g_return_val_if_fail (param < BP_N_PARAMS, NULL);

  return param_label (self, param);
}

/* As a click at (@x, @y): opens the editor on the parameter there.
 * Returns whether it did (only between runs, and on a parameter). */
gboolean
bp_network_diagram_click (BpNetworkDiagram *self,
                          double            x,
                          double            y)
{
  BpDiagramLayout l;
  int param;

  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), FALSE);

  bp_network_diagram_get_layout (self, &l);
  param = bp_diagram_hit_test (&l, &self->params, x, y);
  if (param < 0)
    return FALSE;
  bp_network_diagram_select (self, param);
  return bp_network_diagram_edit (self, param);
}

/* Opens the editor on @param, its current value selected. */
gboolean
bp_network_diagram_edit (BpNetworkDiagram *self,
                         BpParam           param)
{
  g_autofree char *text = NULL;
  GdkRectangle anchor;

  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), FALSE);
  g_return_val_if_fail (param < BP_N_PARAMS, FALSE);

  if (!self->editable)
    return FALSE;
  self->editing = param;
  show_title (self);
  text = bp_format_editable (bp_params_get (&self->params, param));
  gtk_editable_set_text (GTK_EDITABLE (self->edit_entry), text);
  anchor_of (self, param, &anchor);
  gtk_popover_set_pointing_to (self->edit_popover, &anchor);
  gtk_popover_popup (self->edit_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->edit_entry), 0, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* The parameter being edited, or -1. */
int
bp_network_diagram_get_editing (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), -1);

  return self->editing;
}

GtkEditable *
bp_network_diagram_get_edit_entry (BpNetworkDiagram *self)
{
  g_return_val_if_fail (BP_IS_NETWORK_DIAGRAM (self), NULL);

  return GTK_EDITABLE (self->edit_entry);
}
