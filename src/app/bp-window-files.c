/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-window-files.c: the main window's files
 *
 * Sessions (.backprop) open and save whole lessons; people come in and go
 * out as CSV through the core's reader and writer, the same as
 * backprop-cli's; the views export as PNG, SVG or PDF, the loss history
 * as CSV, and the lesson as a Python program (as backprop-cli export-python).  Each action has a synchronous function underneath that reports
 * failure as a GError (the tests call those), and an interactive part that
 * asks for a file and shows any error in a dialog.  Every file is written
 * through bp_file_save(), which never harms what stands at the path.
 *
 * Files are read and written on the main thread: sessions and people
 * files are bounded to 16 MiB by the core, and a chart is small.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bp-csv.h"
#include "bp-examples.h"
#include "bp-export-dialog.h"
#include "bp-file.h"
#include "bp-format.h"
#include "bp-loss-csv.h"
#include "bp-python.h"
#include "bp-window-private.h"

#define SESSION_MIME_TYPE "application/x-backprop"
#define CLOSE_DIALOG_KEY "bp-close-dialog"

/* The views that can be exported, by the name of their GtkStack page. */
typedef struct
{
  const char *name;
  const char *title;
  const char *file_name;  /* suggested when exporting, translated */
  GtkWidget *(*get_widget) (BpWindow *window);
  BpDrawFunc  draw;
} ExportableView;

static GtkWidget *
get_loss_chart (BpWindow *window)
{
  return GTK_WIDGET (bp_window_get_loss_chart (window));
}

static void
draw_loss_chart (gpointer  view,
                 cairo_t  *cr,
                 int       width,
                 int       height)
{
  bp_loss_chart_draw (BP_LOSS_CHART (view), cr, width, height);
}

static GtkWidget *
get_network_diagram (BpWindow *window)
{
  return GTK_WIDGET (bp_window_get_network_diagram (window));
}

static void
draw_network_diagram (gpointer  view,
                      cairo_t  *cr,
                      int       width,
                      int       height)
{
  bp_network_diagram_draw (BP_NETWORK_DIAGRAM (view), cr, width, height);
}

static GtkWidget *
get_decision_map (BpWindow *window)
{
  return GTK_WIDGET (bp_window_get_decision_map (window));
}

static void
draw_decision_map (gpointer  view,
                   cairo_t  *cr,
                   int       width,
                   int       height)
{
  bp_decision_map_draw (BP_DECISION_MAP (view), cr, width, height);
}

static GtkWidget *
get_landscape_view (BpWindow *window)
{
  return GTK_WIDGET (bp_window_get_landscape_view (window));
}

static void
draw_landscape_view (gpointer  view,
                     cairo_t  *cr,
                     int       width,
                     int       height)
{
  bp_landscape_view_draw (BP_LANDSCAPE_VIEW (view), cr, width, height);
}

/* The file names suggested for an exported image are translated, as the
 * lesson's and the people's are. */
static const ExportableView exportable_views[] = {
  /* Translators: a file name suggested for an exported image (the
   * extension is added), in the words of the view's name; no slashes */
  { "loss", N_("Loss chart"), NC_("file name", "loss"), get_loss_chart, draw_loss_chart },
  /* Translators: see “loss” */
  { "network", N_("Network diagram"), NC_("file name", "network"), get_network_diagram,
    draw_network_diagram },
  /* Translators: see “loss” */
  { "map", N_("Decision map"), NC_("file name", "map"), get_decision_map, draw_decision_map },
  /* Translators: see “loss” */
  { "landscape", N_("Loss landscape"), NC_("file name", "landscape"), get_landscape_view,
    draw_landscape_view },
};

static const ExportableView *
find_view (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (exportable_views); i++)
    if (g_strcmp0 (exportable_views[i].name, name) == 0)
      return &exportable_views[i];
  return NULL;
}

/* ---- messages --------------------------------------------------------------- */

static char *
dup_file_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static void
show_error (BpWindow     *self,
            const char   *primary,
            const GError *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* “Could not open “%s”” and the like, with the error's message below. */
static void G_GNUC_PRINTF (3, 4)
show_file_error (BpWindow     *self,
                 const GError *error,
                 const char   *format,
                 ...)
{
  g_autofree char *primary = NULL;
  va_list args;

  va_start (args, format);
  primary = g_strdup_vprintf (format, args);
  va_end (args);
  show_error (self, primary, error);
}

static char *
get_path (GFile   *file,
          GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a file on this computer"), uri);
    }
  return path;
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* ---- sessions ----------------------------------------------------------------- */

/* Opens the session in @file in @self, whatever it showed; on failure
 * nothing changes. */
gboolean
bp_window_load (BpWindow  *self,
                GFile     *file,
                GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(BpSession) session = NULL;

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = get_path (file, error);
  if (path == NULL || (session = bp_session_load (path, error)) == NULL)
    return FALSE;
  bp_window_set_session (self, session);
  bp_window_mark_saved (self, file);
  return TRUE;
}

gboolean
bp_window_save (BpWindow  *self,
                GFile     *file,
                GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(BpSession) session = NULL;

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = get_path (file, error);
  if (path == NULL || (session = bp_window_dup_session (self, error)) == NULL ||
      !bp_session_save (session, path, error))
    return FALSE;
  bp_window_mark_saved (self, file);
  return TRUE;
}

static gboolean
is_csv (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename != NULL ? g_utf8_strdown (basename, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".csv");
}

/* A window for another session: @self when it holds nothing worth
 * keeping, else a new one beside it. */
static BpWindow *
window_for_session (BpWindow *self)
{
  if (bp_window_is_pristine (self))
    return self;
  return g_object_new (BP_TYPE_WINDOW,
                       "application", gtk_window_get_application (GTK_WINDOW (self)),
                       "settings", bp_window_get_settings (self),
                       NULL);
}

static void
open_session (BpWindow *self,
              GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_file_name (file);
  g_autofree char *path = get_path (file, &error);
  g_autoptr(BpSession) session = NULL;
  BpWindow *target;

  if (path == NULL || (session = bp_session_load (path, &error)) == NULL)
    {
      show_file_error (self, error, _("Could not open “%s”"), name);
      return;
    }
  target = window_for_session (self);
  bp_window_set_session (target, session);
  bp_window_mark_saved (target, file);
  add_recent (file);
  gtk_window_present (GTK_WINDOW (target));
}

static void ask_replace_or_add (BpWindow   *self,
                                BpPeople   *people,
                                const char *label,
                                const char *source);

/* Reads @file, then asks whether its people replace those listed or join
 * them.  A file that cannot be read is said, and changes nothing. */
static void
import_people (BpWindow *self,
               GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_file_name (file);
  g_autofree char *path = get_path (file, &error);
  BpPeople *people;

  if (path == NULL || (people = bp_csv_load (path, &error)) == NULL)
    {
      show_file_error (self, error, _("Could not import people from “%s”"), name);
      return;
    }
  add_recent (file);
  ask_replace_or_add (self, people, _("Import People"), name);
}

/* Opens @file as the user asked (Open, a drop, the command line): a
 * people file replaces the people, a session opens as a lesson.  Errors
 * are shown, and change nothing. */
void
bp_window_open (BpWindow *self,
                GFile    *file)
{
  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (is_csv (file))
    import_people (self, file);
  else
    open_session (self, file);
}

/* ---- people --------------------------------------------------------------------- */

static gboolean
run_is_live (BpWindow *self)
{
  return bp_lesson_is_live (self->lesson);
}

/* ---- taking people in: replace or add, undoable --------------------------- */

/* An import or an example, as Undo and Redo set it back: the people, those
 * held out and the units shown, before and after. */
typedef struct
{
  BpWindow *window;      /* not a reference: the window owns the undo stack */
  BpPeople *people[2];   /* [0] before, [1] after */
  BpPeople *test[2];
  BpUnits   units[2];
} PeopleChange;

static void
free_people_change (gpointer data)
{
  PeopleChange *change = data;

  for (guint i = 0; i < 2; i++)
    {
      bp_people_unref (change->people[i]);
      bp_people_unref (change->test[i]);
    }
  g_free (change);
}

static void
show_people (BpWindow *self,
             BpPeople *people,
             BpPeople *test,
             BpUnits   units)
{
  BpPeopleEditor *editor = bp_window_get_people_editor (self);

  bp_people_editor_set_units (editor, units);
  bp_people_editor_set_test_people (editor, test);
  bp_people_editor_set_people (editor, people);
}

static gboolean
listed_as (BpWindow       *self,
           const BpPeople *people,
           const BpPeople *test)
{
  BpPeopleEditor *editor = bp_window_get_people_editor (self);
  g_autoptr(BpPeople) now = bp_lesson_dup_people (self->lesson);
  g_autoptr(BpPeople) test_now = bp_lesson_dup_test_people (self->lesson);

  if (bp_people_editor_get_n_people (editor) == 0)
    return bp_people_get_n (people) == 0 && bp_people_get_n (test) == 0;
  return now != NULL && test_now != NULL &&
         bp_people_equal (now, people) && bp_people_equal (test_now, test);
}

/* The people as they were before (or, redone, after) the step, unless
 * they were edited by hand since: setting the list back would lose those
 * edits without a word, so it is refused with one. */
static void
undo_people_change (gpointer data,
                    gboolean redo)
{
  PeopleChange *change = data;
  guint i = redo ? 1 : 0;
  g_autoptr(GError) error = NULL;

  if (!listed_as (change->window, change->people[1 - i], change->test[1 - i]))
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The people were edited after this step: setting them back would "
                             "lose those edits. Change them by hand instead."));
      show_error (change->window, _("Could not change the people"), error);
      return;
    }
  show_people (change->window, change->people[i], change->test[i], change->units[i]);
}

/* The people listed (@test: those held out), to be given back by Undo:
 * nobody when the list is empty, and an error when a field is wrong, as
 * such a list cannot be kept exactly. */
static BpPeople *
dup_listed (BpWindow  *self,
            gboolean   test,
            GError   **error)
{
  BpPeopleEditor *editor = self->people_editor;
  BpPeople *people;

  if (bp_people_editor_get_n_people (editor) == 0)
    return bp_people_new ();
  people = test ? bp_lesson_dup_test_people (self->lesson)
                : bp_lesson_dup_people (self->lesson);
  if (people == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The people listed have a mistake to correct first, so that Undo can bring "
                   "them back: %s"), bp_people_editor_get_error (editor));
  return people;
}

/* Whether people can be taken in now: not while training, nor while a
 * field is wrong (see dup_listed()). */
static gboolean
can_take_people (BpWindow  *self,
                 GError   **error)
{
  g_autoptr(BpPeople) listed = NULL;

  if (run_is_live (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Training is under way: stop it to change the people"));
      return FALSE;
    }
  listed = dup_listed (self, FALSE, error);
  return listed != NULL;
}

/* @extra after @people. */
static BpPeople *
dup_joined (const BpPeople *people,
            const BpPeople *extra)
{
  BpPeople *joined = bp_people_copy (people);

  for (guint i = 0; i < bp_people_get_n (extra); i++)
    bp_people_add (joined, bp_person_copy (bp_people_get (extra, i)));
  return joined;
}

/* @people become the people trained on (@merge REPLACE: nobody is held
 * out any more, and a file's units, when its weight and height agree,
 * become those shown) or are added after them (ADD: the rest stays as it
 * was).  Names that are already listed are kept as they are: two people
 * may share a name, as in a class.  One step for Undo, called @label. */
gboolean
bp_window_take_people (BpWindow        *self,
                       const BpPeople  *people,
                       BpPeopleMerge    merge,
                       const char      *label,
                       GError         **error)
{
  BpPeopleEditor *editor = bp_window_get_people_editor (self);
  PeopleChange *change;
  g_autoptr(BpPeople) before = NULL;
  g_autoptr(BpPeople) test_before = NULL;
  guint64 revision = bp_lesson_get_revision (self->lesson);
  BpUnits units;

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (people != NULL, FALSE);

  if (!can_take_people (self, error) ||
      (before = dup_listed (self, FALSE, error)) == NULL ||
      (test_before = dup_listed (self, TRUE, error)) == NULL)
    return FALSE;
  units = bp_people_editor_get_units (editor);
  change = g_new0 (PeopleChange, 1);
  change->window = self;
  change->units[0] = units;
  change->units[1] = units;
  if (merge == BP_PEOPLE_REPLACE)
    {
      change->people[1] = bp_people_ref (people);
      change->test[1] = bp_people_new ();
      if (people->weight_units == people->height_units)
        change->units[1] = people->weight_units;
    }
  else
    {
      change->people[1] = dup_joined (before, people);
      change->test[1] = bp_people_ref (test_before);
    }
  change->people[0] = g_steal_pointer (&before);
  change->test[0] = g_steal_pointer (&test_before);
  show_people (self, change->people[1], change->test[1], change->units[1]);
  bp_lesson_push_edit (self->lesson, revision, label, undo_people_change, change,
                       free_people_change);
  return TRUE;
}

/* Everybody in @file becomes a training person, replacing or added after
 * those listed: a CSV file does not say who was held out.  Undoable. */
gboolean
bp_window_import_people_as (BpWindow       *self,
                            GFile          *file,
                            BpPeopleMerge   merge,
                            GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(BpPeople) people = NULL;

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = get_path (file, error);
  if (path == NULL)
    return FALSE;
  if (run_is_live (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Training is under way: stop it to change the people"));
      return FALSE;
    }
  if ((people = bp_csv_load (path, error)) == NULL)
    return FALSE;
  return bp_window_take_people (self, people, merge, _("Import People"), error);
}

/* The people of @file replace those listed. */
gboolean
bp_window_import_people (BpWindow  *self,
                         GFile     *file,
                         GError   **error)
{
  return bp_window_import_people_as (self, file, BP_PEOPLE_REPLACE, error);
}

/* The people of @example, generated ones named in the user's language. */
BpPeople *
bp_window_dup_example (BpExample example)
{
  /* Translators: the name of a generated person of the class example,
   * followed by a number (“Student 07”) */
  const char *student = C_("generated name", "Student");
  /* Translators: the name of a generated person of the population
   * example, followed by a number (“Person 00042”) */
  const char *person = C_("generated name", "Person");

  return bp_example_new (example, example == BP_EXAMPLE_POPULATION ? person : student);
}

gboolean
bp_window_load_example (BpWindow       *self,
                        BpExample       example,
                        BpPeopleMerge   merge,
                        GError        **error)
{
  g_autoptr(BpPeople) people = bp_window_dup_example (example);

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return bp_window_take_people (self, people, merge, _("Load Example"), error);
}

/* Everybody, those held out for testing after the others. */
static BpPeople *
dup_everybody (BpWindow  *self,
               GError   **error)
{
  BpPeopleEditor *editor = self->people_editor;
  g_autoptr(BpPeople) people = bp_lesson_dup_people (self->lesson);
  g_autoptr(BpPeople) test = bp_lesson_dup_test_people (self->lesson);

  if (people == NULL || test == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           bp_people_editor_get_error (editor));
      return NULL;
    }
  for (guint i = 0; i < bp_people_get_n (test); i++)
    bp_people_add (people, bp_person_copy (bp_people_get (test, i)));
  return g_steal_pointer (&people);
}

/* In the units the people are shown in. */
gboolean
bp_window_export_people (BpWindow  *self,
                         GFile     *file,
                         GError   **error)
{
  BpPeopleEditor *editor = bp_window_get_people_editor (self);
  g_autofree char *path = NULL;
  g_autoptr(BpPeople) people = NULL;

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = get_path (file, error);
  if (path == NULL || (people = dup_everybody (self, error)) == NULL)
    return FALSE;
  return bp_csv_save (people, bp_people_editor_get_units (editor), path, error);
}

/* ---- exports -------------------------------------------------------------------- */

gboolean
bp_window_export_loss_history (BpWindow  *self,
                               GFile     *file,
                               GError   **error)
{
  g_autoptr(BpSession) session = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = get_path (file, error);
  if (path == NULL || (session = bp_window_dup_session (self, error)) == NULL)
    return FALSE;
  text = bp_loss_csv_write (&session->history.loss, &session->history.test_loss);
  return bp_file_save (path, text, strlen (text), error);
}

gboolean
bp_window_export_view (BpWindow        *self,
                       const char      *name,
                       BpExportFormat   format,
                       int              width,
                       int              height,
                       GFile           *file,
                       GError         **error)
{
  const ExportableView *view = find_view (name);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) image = NULL;

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = get_path (file, error);
  if (path == NULL)
    return FALSE;
  /* A page not on show may not have followed the run. */
  bp_lesson_catch_up (self->lesson, view->get_widget (self));
  image = bp_chart_export_render (view->draw, view->get_widget (self), format, width, height, error);
  if (image == NULL)
    return FALSE;
  return bp_file_save (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image), error);
}

/* The lesson as backprop-cli export-python writes it: the people and
 * settings on show, starting from where the next run would. */
gboolean
bp_window_export_python (BpWindow  *self,
                         GFile     *file,
                         GError   **error)
{
  g_autoptr(BpSession) session = NULL;
  g_autofree char *path = NULL;
  g_autofree char *program = NULL;
  BpPythonLesson lesson = { 0 };

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = get_path (file, error);
  if (path == NULL || (session = bp_window_dup_session (self, error)) == NULL)
    return FALSE;
  /* In the units the people are shown in. */
  session->people->weight_units = session->people->height_units = session->units;
  lesson.people = session->people;
  lesson.test = session->test;
  bp_normalizer_init (&lesson.norm, session->normalize, session->people);
  lesson.initial = session->initial;
  lesson.has_seed = session->has_seed;
  lesson.seed = session->seed;
  lesson.learning_rate = session->learning_rate;
  lesson.epochs = session->epochs;
  lesson.target_loss = session->target_loss;
  program = bp_python_program (&lesson);
  return bp_file_save (path, program, strlen (program), error);
}

GdkTexture *
bp_window_render_view (BpWindow   *self,
                       const char *name,
                       int         width,
                       int         height,
                       int         scale)
{
  const ExportableView *view = find_view (name);

  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  bp_lesson_catch_up (self->lesson, view->get_widget (self));
  return bp_chart_export_texture (view->draw, view->get_widget (self), width, height, scale);
}

/* ---- one dialog of each kind ---------------------------------------------------- */

/* An action activated again while its dialog is open (a shortcut held
 * down, a menu item clicked twice) brings that dialog to the front rather
 * than opening another: two hundred activations made two hundred file
 * choosers, and gigabytes of memory. */
typedef enum
{
  DIALOG_OPEN,
  DIALOG_SAVE,
  DIALOG_IMPORT_PEOPLE,
  DIALOG_EXPORT_PEOPLE,
  DIALOG_EXPORT_LOSS_HISTORY,
  DIALOG_EXPORT_IMAGE,  /* the export dialog, then its file chooser */
  DIALOG_EXPORT_PYTHON,
  DIALOG_REPLACE_OR_ADD,
  N_DIALOGS
} DialogKind;

/* Where the window keeps the open dialog of each kind (not a reference:
 * each is forgotten as it goes). */
static const char * const dialog_keys[] = {
  "bp-dialog-open", "bp-dialog-save", "bp-dialog-import-people", "bp-dialog-export-people",
  "bp-dialog-export-loss-history", "bp-dialog-export-image", "bp-dialog-export-python",
  "bp-dialog-replace-or-add",
};

G_STATIC_ASSERT (G_N_ELEMENTS (dialog_keys) == N_DIALOGS);

static void
keep_dialog (BpWindow   *self,
             DialogKind  kind,
             gpointer    dialog)
{
  g_object_set_data (G_OBJECT (self), dialog_keys[kind], dialog);
}

static void
forget_dialog (BpWindow   *self,
               DialogKind  kind,
               gpointer    dialog)
{
  if (g_object_get_data (G_OBJECT (self), dialog_keys[kind]) == dialog)
    g_object_set_data (G_OBJECT (self), dialog_keys[kind], NULL);
}

/* Brings the open dialog of @kind to the front; FALSE when there is none. */
static gboolean
present_dialog (BpWindow   *self,
                DialogKind  kind)
{
  gpointer dialog = g_object_get_data (G_OBJECT (self), dialog_keys[kind]);

  if (dialog == NULL)
    return FALSE;
  if (GTK_IS_WINDOW (dialog))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    {
      /* A GtkNativeDialog has no present(), and show() does nothing
       * while it is shown.  Hidden (which emits no response) and shown
       * again, the same chooser comes back in front, with the folder
       * and the name it had. */
      gtk_native_dialog_hide (GTK_NATIVE_DIALOG (dialog));
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
    }
  return TRUE;
}

/* ---- file choosers ------------------------------------------------------------ */

typedef enum
{
  FILTER_SESSION = 1 << 0,
  FILTER_CSV = 1 << 1,
} Filters;

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  /* The MIME database may not know the type yet (an uninstalled build). */
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_filters (GtkFileChooser *chooser,
             Filters         filters)
{
  if (filters & FILTER_SESSION)
    add_filter (chooser, _("Backprop lessons"), SESSION_MIME_TYPE, "*.backprop");
  if (filters & FILTER_CSV)
    add_filter (chooser, _("People (CSV)"), "text/csv", "*.csv");
}

typedef void (*ChosenFunc) (BpWindow *self,
                            GFile    *file,
                            gpointer  data);

typedef struct
{
  BpWindow  *window;
  DialogKind kind;
  ChosenFunc     chosen;
  gpointer       data;
  GDestroyNotify free_data;  /* for @data when @chosen is not called */
} Choice;

#define CHOICE_KEY "bp-choice"

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  forget_dialog (choice->window, choice->kind, chooser);
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* @chosen takes the data; cancelled, it is freed here. */
  if (file != NULL)
    choice->chosen (choice->window, file, choice->data);
  else if (choice->free_data != NULL)
    choice->free_data (choice->data);
  g_object_unref (choice->window);
  g_free (choice);
  g_object_unref (chooser);
}

/* Asks for a file, then calls @chosen with it and @data, or frees @data
 * with @free_data (may be NULL) when none is chosen; the chooser is the
 * open dialog of @kind until it answers. */
static GtkFileChooser *
choose_file (BpWindow             *self,
             DialogKind            kind,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             ChosenFunc            chosen,
             gpointer              data,
             GDestroyNotify        free_data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);

  choice->window = g_object_ref (self);
  choice->kind = kind;
  choice->chosen = chosen;
  choice->data = data;
  choice->free_data = free_data;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), choice);
  g_object_set_data (G_OBJECT (chooser), CHOICE_KEY, choice);
  keep_dialog (self, kind, chooser);
  return GTK_FILE_CHOOSER (chooser);
}

static void
show_chooser (GtkFileChooser *chooser)
{
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- replace or add ------------------------------------------------------------- */

#define RESPONSE_ADD 1
#define PENDING_PEOPLE_KEY "bp-pending-people"
#define PENDING_LABEL_KEY "bp-pending-label"

/* The examples of the Examples menu, by the name win.load-example takes. */
static const char * const example_titles[] = {
  N_("The Seeds’ Four People"),
  N_("A Class of 30"),
  N_("A Population of 10 000"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (example_titles) == BP_N_EXAMPLES);

static void
take_people (BpWindow       *self,
             const BpPeople *people,
             BpPeopleMerge   merge,
             const char     *label)
{
  g_autoptr(GError) error = NULL;

  if (!bp_window_take_people (self, people, merge, label, &error))
    show_error (self, _("Could not change the people"), error);
}

static void
on_replace_or_add_response (GtkDialog *dialog,
                            int        response,
                            BpWindow  *self)
{
  const BpPeople *people = g_object_get_data (G_OBJECT (dialog), PENDING_PEOPLE_KEY);
  const char *label = g_object_get_data (G_OBJECT (dialog), PENDING_LABEL_KEY);

  forget_dialog (self, DIALOG_REPLACE_OR_ADD, dialog);
  if (response == GTK_RESPONSE_ACCEPT)
    take_people (self, people, BP_PEOPLE_REPLACE, label);
  else if (response == RESPONSE_ADD)
    take_people (self, people, BP_PEOPLE_ADD, label);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
new_replace_or_add_dialog (BpWindow   *self,
                           guint       n,
                           const char *source)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              "%s", _("Replace the people listed, or add the new "
                                                      "ones after them?"));
  g_autofree char *count = bp_format_count (n);
  /* Translators: the first %s is a file name or the title of an example,
   * the second how many people, as “10 000” */
  g_autofree char *brings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "“%s” brings %s person.",
                                                          "“%s” brings %s people.", n),
                                             source, count);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), C_("two sentences", "%s %s"),
                                            brings,
                                            _("Replace takes the place of everybody listed, "
                                              "those held out for testing too; Add keeps them. "
                                              "Undo takes either back."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Add"), RESPONSE_ADD);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Replace"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  return dialog;
}

/* Takes @people (owned) in as one undoable step called @label, asking
 * first whether they replace those listed or join them, unless nobody is
 * listed or the window is as it opened.  While a question is up, asking
 * again only raises it, and @people are dropped: one question at a time
 * (see tests/ui/test-dialogs.c). */
static void
ask_replace_or_add (BpWindow   *self,
                    BpPeople   *people,
                    const char *label,
                    const char *source)
{
  BpPeopleEditor *editor = bp_window_get_people_editor (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  /* Nothing to ask about when the answer could only be refused. */
  if (!can_take_people (self, &error))
    {
      show_error (self, _("Could not change the people"), error);
      bp_people_unref (people);
      return;
    }
  /* Nobody listed, or the seeds of a window nobody has touched (as when
   * `backprop class.csv` starts the app): nothing the answer could keep. */
  if (bp_people_editor_get_n_people (editor) == 0 || bp_window_is_pristine (self))
    {
      take_people (self, people, BP_PEOPLE_REPLACE, label);
      bp_people_unref (people);
      return;
    }
  if (present_dialog (self, DIALOG_REPLACE_OR_ADD))
    {
      bp_people_unref (people);
      return;
    }
  dialog = new_replace_or_add_dialog (self, bp_people_get_n (people), source);
  g_object_set_data_full (G_OBJECT (dialog), PENDING_PEOPLE_KEY, people,
                          (GDestroyNotify) bp_people_unref);
  g_object_set_data_full (G_OBJECT (dialog), PENDING_LABEL_KEY, g_strdup (label), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_or_add_response), self, 0);
  keep_dialog (self, DIALOG_REPLACE_OR_ADD, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.load-example::class and the like, from the Examples menu. */
static void
load_example_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  const char *name = g_variant_get_string (parameter, NULL);
  BpExample example;

  if (!bp_example_from_string (name, &example))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                             _("There is no example “%s”."), name);

      show_error (self, _("Could not load the example"), error);
      return;
    }
  ask_replace_or_add (self, bp_window_dup_example (example), _("Load Example"),
                      _(example_titles[example]));
}

/* ---- actions -------------------------------------------------------------------- */

static void
on_open_chosen (BpWindow *self,
                GFile    *file,
                gpointer  data)
{
  bp_window_open (self, file);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  GtkFileChooser *chooser;

  if (present_dialog (self, DIALOG_OPEN))
    return;
  chooser = choose_file (self, DIALOG_OPEN, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Lesson"),
                         _("_Open"), on_open_chosen, NULL, NULL);
  add_filters (chooser, FILTER_SESSION | FILTER_CSV);
  show_chooser (chooser);
}

/* After a save that a closing window asked for, the window goes. */
static void
after_save (BpWindow *self,
            GFile    *file,
            gboolean  close)
{
  add_recent (file);
  if (close)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_to (BpWindow *self,
         GFile    *file,
         gpointer  close)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_file_name (file);

  if (!bp_window_save (self, file, &error))
    show_file_error (self, error, _("Could not save “%s”"), name);
  else
    after_save (self, file, GPOINTER_TO_INT (close));
}

/* A chooser already open for Save As takes over a request to close the
 * window after saving. */
static gboolean
present_save_as (BpWindow *self,
                 gboolean  close)
{
  GObject *chooser = g_object_get_data (G_OBJECT (self), dialog_keys[DIALOG_SAVE]);
  Choice *choice = chooser != NULL ? g_object_get_data (chooser, CHOICE_KEY) : NULL;

  if (choice != NULL && close)
    choice->data = GINT_TO_POINTER (TRUE);
  return present_dialog (self, DIALOG_SAVE);
}

static void
save_as (BpWindow *self,
         gboolean  close)
{
  GtkFileChooser *chooser;
  GFile *file = bp_window_get_file (self);

  if (present_save_as (self, close))
    return;
  chooser = choose_file (self, DIALOG_SAVE, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Lesson"),
                         _("_Save"), save_to, GINT_TO_POINTER (close), NULL);
  add_filters (chooser, FILTER_SESSION);
  if (file != NULL)
    gtk_file_chooser_set_file (chooser, file, NULL);
  else
    {
      /* Translators: the suggested name of a new lesson's file */
      g_autofree char *name = g_strdup_printf ("%s.backprop", _("lesson"));

      gtk_file_chooser_set_current_name (chooser, name);
    }
  show_chooser (chooser);
}

static void
save (BpWindow *self,
      gboolean  close)
{
  GFile *file = bp_window_get_file (self);

  if (file != NULL)
    save_to (self, file, GINT_TO_POINTER (close));
  else
    save_as (self, close);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  save (BP_WINDOW (user_data), FALSE);
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  save_as (BP_WINDOW (user_data), FALSE);
}

static void
on_import_chosen (BpWindow *self,
                  GFile    *file,
                  gpointer  data)
{
  import_people (self, file);
}

static void
import_people_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  GtkFileChooser *chooser;

  if (present_dialog (self, DIALOG_IMPORT_PEOPLE))
    return;
  chooser = choose_file (self, DIALOG_IMPORT_PEOPLE, GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("Import People"), _("_Import"), on_import_chosen, NULL, NULL);
  add_filters (chooser, FILTER_CSV);
  show_chooser (chooser);
}

static void
on_export_people_chosen (BpWindow *self,
                         GFile    *file,
                         gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_file_name (file);

  if (!bp_window_export_people (self, file, &error))
    show_file_error (self, error, _("Could not export the people to “%s”"), name);
}

static void
export_people_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  GtkFileChooser *chooser;
  /* Translators: the suggested name of an exported people file */
  g_autofree char *name = g_strdup_printf ("%s.csv", _("people"));

  if (present_dialog (self, DIALOG_EXPORT_PEOPLE))
    return;
  chooser = choose_file (self, DIALOG_EXPORT_PEOPLE, GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("Export People"), _("_Export"), on_export_people_chosen, NULL,
                         NULL);
  add_filters (chooser, FILTER_CSV);
  gtk_file_chooser_set_current_name (chooser, name);
  show_chooser (chooser);
}

static void
on_export_history_chosen (BpWindow *self,
                          GFile    *file,
                          gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_file_name (file);

  if (!bp_window_export_loss_history (self, file, &error))
    show_file_error (self, error, _("Could not export the loss history to “%s”"), name);
}

static void
export_loss_history_activated (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  GtkFileChooser *chooser;
  /* Translators: the suggested name of an exported loss history */
  g_autofree char *name = g_strdup_printf ("%s.csv", _("loss-history"));

  if (present_dialog (self, DIALOG_EXPORT_LOSS_HISTORY))
    return;
  chooser = choose_file (self, DIALOG_EXPORT_LOSS_HISTORY, GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("Export Loss History"), _("_Export"), on_export_history_chosen,
                         NULL, NULL);
  add_filter (chooser, _("CSV files"), "text/csv", "*.csv");
  gtk_file_chooser_set_current_name (chooser, name);
  show_chooser (chooser);
}

static void
on_export_python_chosen (BpWindow *self,
                         GFile    *file,
                         gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_file_name (file);

  if (!bp_window_export_python (self, file, &error))
    show_file_error (self, error, _("Could not export the Python program to “%s”"), name);
}

static void
export_python_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  GtkFileChooser *chooser;
  g_autofree char *name = g_strdup_printf ("%s.py", _("lesson"));

  if (present_dialog (self, DIALOG_EXPORT_PYTHON))
    return;
  chooser = choose_file (self, DIALOG_EXPORT_PYTHON, GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("Export As Python Program"), _("_Export"), on_export_python_chosen,
                         NULL, NULL);
  add_filter (chooser, _("Python programs"), "text/x-python3", "*.py");
  gtk_file_chooser_set_current_name (chooser, name);
  show_chooser (chooser);
}

/* What the export dialog chose, while the file chooser is open. */
typedef struct
{
  char          *view;
  BpExportFormat format;
  int            width;
  int            height;
} ExportChoice;

static void
free_export_choice (gpointer data)
{
  ExportChoice *choice = data;

  g_free (choice->view);
  g_free (choice);
}

static void
on_export_view_chosen (BpWindow *self,
                       GFile    *file,
                       gpointer  data)
{
  g_autofree ExportChoice *choice = data;
  g_autofree char *view = choice->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_file_name (file);

  if (!bp_window_export_view (self, view, choice->format, choice->width, choice->height,
                              file, &error))
    show_file_error (self, error, _("Could not export the image to “%s”"), name);
}

static void
choose_export_file (BpWindow       *self,
                    BpExportDialog *dialog)
{
  const ExportableView *view = &exportable_views[bp_export_dialog_get_view (dialog)];
  ExportChoice *choice = g_new0 (ExportChoice, 1);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;

  choice->view = g_strdup (view->name);
  choice->format = bp_export_dialog_get_format (dialog);
  choice->width = bp_export_dialog_get_width (dialog);
  choice->height = bp_export_dialog_get_height (dialog);
  /* The chooser takes the export dialog's place as the open dialog. */
  chooser = choose_file (self, DIALOG_EXPORT_IMAGE, GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("Export Image"), _("_Export"), on_export_view_chosen, choice,
                         free_export_choice);
  name = g_strdup_printf ("%s.%s", g_dpgettext2 (GETTEXT_PACKAGE, "file name", view->file_name), bp_export_format_extension (choice->format));
  pattern = g_strdup_printf ("*.%s", bp_export_format_extension (choice->format));
  add_filter (chooser, bp_export_dialog_get_format_name (dialog),
              bp_export_format_mime_type (choice->format), pattern);
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_window_destroy (GTK_WINDOW (dialog));
  show_chooser (chooser);
}

static void
on_export_dialog_destroy (BpExportDialog *dialog,
                          BpWindow       *self)
{
  forget_dialog (self, DIALOG_EXPORT_IMAGE, dialog);
}

static void
export_image_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  const char *visible = gtk_stack_get_visible_child_name (bp_window_get_views (self));
  BpExportDialog *dialog;

  if (present_dialog (self, DIALOG_EXPORT_IMAGE))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (exportable_views); i++)
    gtk_string_list_append (titles, _(exportable_views[i].title));
  dialog = bp_export_dialog_new (GTK_WINDOW (self), G_LIST_MODEL (titles));
  /* The view on show, when it is one that exports. */
  for (guint i = 0; i < G_N_ELEMENTS (exportable_views); i++)
    if (g_strcmp0 (exportable_views[i].name, visible) == 0)
      bp_export_dialog_set_view (dialog, i);
  g_signal_connect_object (dialog, "export", G_CALLBACK (choose_export_file), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_export_dialog_destroy), self, 0);
  keep_dialog (self, DIALOG_EXPORT_IMAGE, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The loss chart as it is on screen, at the screen's resolution. */
static void
copy_chart_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (user_data);
  GtkWidget *chart = GTK_WIDGET (bp_window_get_loss_chart (self));
  int width = MAX (gtk_widget_get_width (chart), BP_EXPORT_MIN_SIZE);
  int height = MAX (gtk_widget_get_height (chart), BP_EXPORT_MIN_SIZE);
  g_autoptr(GdkTexture) texture =
    bp_window_render_view (self, "loss", width, height, gtk_widget_get_scale_factor (chart));

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
}

static const GActionEntry file_entries[] = {
  { .name = "open", .activate = open_activated },
  { .name = "save", .activate = save_activated },
  { .name = "save-as", .activate = save_as_activated },
  { .name = "import-people", .activate = import_people_activated },
  { .name = "load-example", .parameter_type = "s", .activate = load_example_activated },
  { .name = "export-people", .activate = export_people_activated },
  { .name = "export-image", .activate = export_image_activated },
  { .name = "export-loss-history", .activate = export_loss_history_activated },
  { .name = "export-python", .activate = export_python_activated },
  { .name = "copy-chart", .activate = copy_chart_activated },
};

/* ---- closing -------------------------------------------------------------------- */

static void
on_close_response (GtkDialog *dialog,
                   int        response,
                   BpWindow  *self)
{
  g_object_set_data (G_OBJECT (self), CLOSE_DIALOG_KEY, NULL);
  /* The dialog outlives this emission, and its finalize would unlink it
   * from a parent that Discard (or a save that closes) has already freed:
   * unlink it while the window is alive. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    save (self, TRUE);
  else if (response == GTK_RESPONSE_REJECT)
    gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
new_close_dialog (BpWindow *self)
{
  g_autofree char *name = bp_window_dup_display_name (self);
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              _("Save changes to “%s” before closing?"), name);
  GtkWidget *discard;

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, the changes will be lost."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  discard = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  return dialog;
}

/* Save, Discard or Cancel: asked when a modified window is closed.  A
 * second request while the question is up only raises it. */
void
_bp_window_confirm_close (BpWindow *self)
{
  GtkWidget *dialog = g_object_get_data (G_OBJECT (self), CLOSE_DIALOG_KEY);

  g_return_if_fail (BP_IS_WINDOW (self));

  if (dialog == NULL)
    {
      dialog = new_close_dialog (self);
      g_object_set_data (G_OBJECT (self), CLOSE_DIALOG_KEY, dialog);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file actions. */
void
_bp_window_files_init (BpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_entries,
                                   G_N_ELEMENTS (file_entries), self);
}
