/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-enums.h: GTypes for the core's enumerations, for properties
 *
 * The core is GLib only, without GObject, so the types live here.
 */
#pragma once

#include <glib-object.h>

#include "bp-people.h"

G_BEGIN_DECLS

#define BP_TYPE_UNITS (bp_units_get_type ())
#define BP_TYPE_NORMALIZE (bp_normalize_get_type ())

GType bp_units_get_type     (void) G_GNUC_CONST;
GType bp_normalize_get_type (void) G_GNUC_CONST;

G_END_DECLS
