/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-color-scheme.c: follow the desktop's light or dark preference
 *
 * GTK 4.8 on its own does not read the desktop's color-scheme, which
 * libadwaita would.  The settings portal says it on the session bus,
 * inside Flatpak and outside (org.freedesktop.appearance color-scheme:
 * 0 no preference, 1 prefer dark, 2 prefer light), and says when it
 * changes; GTK's prefer-dark setting then picks the theme's dark variant.
 * Without a bus or a portal nothing happens and the theme's own choice
 * stands.  High contrast needs nothing here: GTK follows the desktop's
 * theme name itself, and the app's colours come from the theme.
 */
#include "bp-color-scheme.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define SETTINGS_INTERFACE "org.freedesktop.portal.Settings"
#define NAMESPACE "org.freedesktop.appearance"
#define KEY "color-scheme"
#define PREFER_DARK 1

/* Read wraps the value in one more variant than SettingChanged does. */
gboolean
bp_color_scheme_prefers_dark (GVariant *value)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *next = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = next;
    }
  return g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32) &&
         g_variant_get_uint32 (inner) == PREFER_DARK;
}

static void
apply (GtkSettings *settings,
       GVariant    *value)
{
  g_object_set (settings, "gtk-application-prefer-dark-theme",
                bp_color_scheme_prefers_dark (value), NULL);
}

static void
on_setting_changed (GDBusConnection *connection,
                    const char      *sender,
                    const char      *path,
                    const char      *interface,
                    const char      *signal,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, NAMESPACE) && g_str_equal (key, KEY))
    apply (GTK_SETTINGS (user_data), value);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GtkSettings) settings = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  /* No portal, or one without the key: keep the theme's choice. */
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply == NULL)
    return;
  g_variant_get (reply, "(v)", &value);
  apply (settings, value);
}

static void
on_bus (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GtkSettings) settings = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);

  if (bus == NULL)
    return;
  /* For the life of the process, like the GtkSettings it changes. */
  g_dbus_connection_signal_subscribe (bus, PORTAL_NAME, SETTINGS_INTERFACE, "SettingChanged",
                                      PORTAL_PATH, NAMESPACE, G_DBUS_SIGNAL_FLAGS_NONE,
                                      on_setting_changed, g_object_ref (settings), g_object_unref);
  g_dbus_connection_call (bus, PORTAL_NAME, PORTAL_PATH, SETTINGS_INTERFACE, "Read",
                          g_variant_new ("(ss)", NAMESPACE, KEY), G_VARIANT_TYPE ("(v)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_read, g_steal_pointer (&settings));
}

/* Sets GTK's prefer-dark setting from the desktop's, now and whenever it
 * changes. */
void
bp_color_scheme_follow (GtkSettings *settings)
{
  g_return_if_fail (GTK_IS_SETTINGS (settings));

  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_bus, g_object_ref (settings));
}
