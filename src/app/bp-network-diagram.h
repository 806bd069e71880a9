/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-network-diagram.h: the network as a graph, every parameter on it */
#pragma once

#include <gtk/gtk.h>

#include "bp-diagram-geometry.h"
#include "bp-network.h"
#include "bp-people.h"

G_BEGIN_DECLS

#define BP_TYPE_NETWORK_DIAGRAM (bp_network_diagram_get_type ())

G_DECLARE_FINAL_TYPE (BpNetworkDiagram, bp_network_diagram, BP, NETWORK_DIAGRAM, GtkWidget)

GtkWidget   *bp_network_diagram_new             (void);
void         bp_network_diagram_set_params      (BpNetworkDiagram   *self,
                                                 const BpParams     *params);
void         bp_network_diagram_get_params      (BpNetworkDiagram   *self,
                                                 BpParams           *params);
void         bp_network_diagram_set_people      (BpNetworkDiagram   *self,
                                                 const BpPeople     *people,
                                                 const BpNormalizer *norm);
GListModel  *bp_network_diagram_get_names       (BpNetworkDiagram   *self);
guint        bp_network_diagram_get_person      (BpNetworkDiagram   *self);
void         bp_network_diagram_set_person      (BpNetworkDiagram   *self,
                                                 guint               person);
void         bp_network_diagram_set_input       (BpNetworkDiagram   *self,
                                                 const char         *name,
                                                 double              x0,
                                                 double              x1);
const char  *bp_network_diagram_get_input_name  (BpNetworkDiagram   *self);
gboolean     bp_network_diagram_get_show_values (BpNetworkDiagram   *self);
void         bp_network_diagram_set_show_values (BpNetworkDiagram   *self,
                                                 gboolean            show_values);
gboolean     bp_network_diagram_get_editable    (BpNetworkDiagram   *self);
void         bp_network_diagram_set_editable    (BpNetworkDiagram   *self,
                                                 gboolean            editable);
gboolean     bp_network_diagram_get_activations (BpNetworkDiagram   *self,
                                                 BpExplain          *forward);
void         bp_network_diagram_get_layout      (BpNetworkDiagram   *self,
                                                 BpDiagramLayout    *layout);
void         bp_network_diagram_hover           (BpNetworkDiagram   *self,
                                                 double              x,
                                                 double              y);
int          bp_network_diagram_get_hover       (BpNetworkDiagram   *self);
void         bp_network_diagram_select          (BpNetworkDiagram   *self,
                                                 BpParam             param);
BpParam      bp_network_diagram_get_selected    (BpNetworkDiagram   *self);
char        *bp_network_diagram_dup_label       (BpNetworkDiagram   *self,
                                                 BpParam             param);
gboolean     bp_network_diagram_click           (BpNetworkDiagram   *self,
                                                 double              x,
                                                 double              y);
gboolean     bp_network_diagram_edit            (BpNetworkDiagram   *self,
                                                 BpParam             param);
int          bp_network_diagram_get_editing     (BpNetworkDiagram   *self);
GtkEditable *bp_network_diagram_get_edit_entry  (BpNetworkDiagram   *self);
void         bp_network_diagram_draw            (BpNetworkDiagram   *self,
                                                 cairo_t            *cr,
                                                 int                 width,
                                                 int                 height);

char        *bp_network_diagram_dup_neuron_label (BpNetworkDiagram *self,
                                                 BpNeuron          neuron);

G_END_DECLS
