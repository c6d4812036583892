/* px-importer.c: files into the library
 *
 * Reads each file with the reader for its format, cleans every article,
 * drops those whose cleaned text is already stored, and stores the rest,
 * one transaction per batch: a failure loses nothing already in the
 * library and nothing committed by an earlier batch.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-importer.h"

#include <glib/gstdio.h>
#include <string.h>

#include "px-cleaner.h"
#include "px-encoding.h"
#include "px-error.h"
#include "px-events.h"
#include "px-language.h"
#include "px-readers.h"
#include "px-store-private.h"

#define BATCH_SIZE 500
/* A batch holds the library's write lock while its articles are cleaned
 * and analysed: on a slow machine it ends sooner, so that another writer
 * (a second import, the window adding a note) waits a second at most,
 * well inside the store's busy timeout. */
#define BATCH_MAX_USEC G_USEC_PER_SEC

struct _PxImporter
{
  GObject parent_instance;

  char *db_path;
  char *outlet;
  char *published;
  char *url;
  char *title;
  goffset max_file_size;
  double fraction;
  PxCleaner *cleaner;
  PxImportResultFunc result_func;
  gpointer result_data;
  GMainContext *progress_context;  /* set while an async import runs */
};

G_DEFINE_FINAL_TYPE (PxImporter, px_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
px_import_result_free (PxImportResult *result)
{
  g_free (result->file);
  g_free (result->outlet);
  g_free (result->title);
  g_clear_error (&result->error);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

static void
px_importer_finalize (GObject *object)
{
  PxImporter *self = PX_IMPORTER (object);

  g_free (self->db_path);
  g_free (self->outlet);
  g_free (self->published);
  g_free (self->url);
  g_free (self->title);
  g_clear_object (&self->cleaner);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  G_OBJECT_CLASS (px_importer_parent_class)->finalize (object);
}

static void
px_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PxImporter *self = PX_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_importer_class_init (PxImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_importer_finalize;
  object_class->get_property = px_importer_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_importer_init (PxImporter *self)
{
  self->max_file_size = PX_IMPORTER_DEFAULT_MAX_FILE_SIZE;
  self->cleaner = px_cleaner_new ();
}

PxImporter *
px_importer_new (const char *db_path)
{
  PxImporter *self = g_object_new (PX_TYPE_IMPORTER, NULL);

  self->db_path = g_strdup (db_path);
  return self;
}

static void
set_override (char       **field,
              const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
px_importer_set_overrides (PxImporter *self,
                           const char *outlet,
                           const char *published,
                           const char *url,
                           const char *title)
{
  g_return_if_fail (PX_IS_IMPORTER (self));

  set_override (&self->outlet, outlet);
  set_override (&self->published, published);
  set_override (&self->url, url);
  set_override (&self->title, title);
}

void
px_importer_set_max_file_size (PxImporter *self,
                               goffset     max_bytes)
{
  g_return_if_fail (PX_IS_IMPORTER (self));
  self->max_file_size = max_bytes;
}

void
px_importer_set_result_func (PxImporter         *self,
                             PxImportResultFunc  func,
                             gpointer            user_data)
{
  g_return_if_fail (PX_IS_IMPORTER (self));
  self->result_func = func;
  self->result_data = user_data;
}

/* Hands the results from *@reported on to the result func. */
static void
report_results (PxImporter *self,
                GPtrArray  *results,
                guint      *reported)
{
  for (; *reported < results->len; (*reported)++)
    if (self->result_func != NULL)
      self->result_func (g_ptr_array_index (results, *reported), self->result_data);
}

double
px_importer_get_fraction (PxImporter *self)
{
  g_return_val_if_fail (PX_IS_IMPORTER (self), 0.0);
  return self->fraction;
}

typedef struct
{
  PxImporter *importer;
  double fraction;
} Progress;

static gboolean
notify_fraction_cb (gpointer data)
{
  Progress *progress = data;

  progress->importer->fraction = progress->fraction;
  g_object_notify_by_pspec (G_OBJECT (progress->importer), properties[PROP_FRACTION]);
  return G_SOURCE_REMOVE;
}

static void
free_progress (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->importer);
  g_free (progress);
}

/* Called from the importing thread; throttled to whole percents. */
static void
report_progress (PxImporter *self,
                 double      fraction,
                 double     *last)
{
  Progress *progress;

  if (fraction < 1.0 && fraction - *last < 0.01)
    return;
  *last = fraction;
  if (self->progress_context == NULL)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
      return;
    }
  progress = g_new (Progress, 1);
  progress->importer = g_object_ref (self);
  progress->fraction = fraction;
  g_main_context_invoke_full (self->progress_context, G_PRIORITY_DEFAULT,
                              notify_fraction_cb, progress, free_progress);
}

static PxImportResult *
result_new (const char     *file,
            guint           line,
            PxImportStatus  status)
{
  PxImportResult *result = g_new0 (PxImportResult, 1);

  result->file = g_strdup (file);
  result->line = line;
  result->status = status;
  return result;
}

static PxImportResult *
result_new_error (const char *file,
                  guint       line,
                  GError     *error)
{
  PxImportResult *result = result_new (file, line, PX_IMPORT_FAILED);

  result->error = error;
  return result;
}

static const char *
format_for (const char *path,
            const char *data,
            gsize       length)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  const char *p = data, *end = data + MIN (length, 4096);

  if (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text"))
    return "text";
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return "markdown";
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
      g_str_has_suffix (lower, ".xhtml"))
    return "html";
  if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".ndjson"))
    return "jsonl";
  if (g_str_has_suffix (lower, ".json"))
    return "json";

  /* No known extension: look at the first character that is not space. */
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p < end && *p == '<')
    return "html";
  if (p < end && (*p == '{' || *p == '['))
    return "json";
  return "text";
}

static GPtrArray *
read_file (PxImporter  *self,
           const char  *path,
           GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  const char *format;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot read the file: %s", g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, PX_ERROR, PX_ERROR_UNSUPPORTED, "is a folder, not a file");
      return NULL;
    }
  if (self->max_file_size > 0 && st.st_size > self->max_file_size)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "the file is %" G_GOFFSET_FORMAT " MB, more than the limit of %"
                   G_GOFFSET_FORMAT " MB",
                   (goffset) st.st_size / (1024 * 1024), self->max_file_size / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    {
      g_prefix_error_literal (error, "cannot read the file: ");
      return NULL;
    }
  if (length == 0)
    {
      g_set_error_literal (error, PX_ERROR, PX_ERROR_EMPTY, "the file is empty");
      return NULL;
    }

  format = format_for (path, data, length);
  if (strcmp (format, "html") == 0)
    return px_html_reader_read (data, length, error);

  text = px_encoding_to_utf8 (data, length, NULL, NULL, error);
  /* A file of 100,000 articles is 250 MB, and its articles as many again. */
  g_clear_pointer (&data, g_free);
  if (text == NULL)
    return NULL;
  if (strcmp (format, "json") == 0 || strcmp (format, "jsonl") == 0)
    return px_json_reader_read (text, strcmp (format, "jsonl") == 0, error);
  return px_text_reader_read (text, format);
}

/* SHA-256 of @text with runs of white space made one space: the same
 * story saved twice with other line breaks is one article. */
static char *
content_hash (const char *text)
{
  g_autofree char *words = g_malloc (strlen (text) + 2);
  gboolean in_word = FALSE;
  gsize n = 0;

  /* Each word followed by one space; hashed at once, not by two checksum
   * updates a word. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        words[n++] = *p;
      else if (in_word)
        words[n++] = ' ';
      in_word = !g_ascii_isspace (*p);
    }
  if (in_word)
    words[n++] = ' ';
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) words, n);
}

static void
apply_overrides (PxImporter *self,
                 PxArticle  *article,
                 const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  if (self->outlet != NULL)
    px_article_set_outlet (article, self->outlet);
  if (self->published != NULL)
    px_article_set_published (article, self->published);
  if (self->url != NULL)
    px_article_set_url (article, self->url);
  if (self->title != NULL)
    px_article_set_title (article, self->title);
  px_article_set_source_file (article, basename);
}

/* A title for an article whose file gave none: its first line. */
static void
ensure_title (PxArticle *article)
{
  const char *text = px_article_get_clean_text (article);
  g_autofree char *line = NULL;

  if (px_article_get_title (article) != NULL && *px_article_get_title (article) != '\0')
    return;
  line = g_strndup (text, strcspn (text, "\n"));
  if (g_utf8_strlen (line, -1) > 120)
    *g_utf8_offset_to_pointer (line, 120) = '\0';
  px_article_set_title (article, g_strstrip (line));
}

/* The language a file declared, in the form the analysis knows ("en_GB"
 * → "en"), else the one its text is written in. */
static void
detect_language (PxArticle *article)
{
  const char *declared = px_article_get_language (article);
  const char *language;

  if (declared != NULL && *declared != '\0')
    language = px_language_canonical (declared);
  else
    language = px_language_detect (px_article_get_raw_text (article), -1);
  if (language != NULL)
    px_article_set_language (article, language);
}

/* Cleans and stores one item; the result says what happened. */
static PxImportResult *
store_item (PxImporter    *self,
            PxStore       *store,
            const char    *path,
            PxImportItem  *item,
            GError       **store_error)
{
  g_autoptr (PxCleaning) cleaning = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *visible = NULL;
  PxArticle *article = item->article;
  PxImportResult *result;
  gint64 existing;

  apply_overrides (self, article, path);
  detect_language (article);
  cleaning = px_cleaner_clean (self->cleaner, px_article_get_raw_text (article),
                               px_article_get_title (article), px_article_get_language (article),
                               item->given, NULL);
  if (*cleaning->clean_text == '\0')
    return result_new_error (path, item->line,
                             g_error_new_literal (PX_ERROR, PX_ERROR_EMPTY,
                                                  "no article text is left after removing "
                                                  "boilerplate"));
  px_article_set_clean_text (article, cleaning->clean_text);
  px_article_set_removed (article, cleaning->removed);
  px_article_set_cleaner_version (article, PX_CLEANER_VERSION);
  ensure_title (article);
  /* Characters that show nothing (a zero-width space, a soft hyphen) make
   * no other article either. A library written before they were left out
   * of the hash holds such an article under the hash of its whole text,
   * which is looked for too. */
  visible = px_encoding_drop_invisible (cleaning->clean_text);
  hash = content_hash (visible);
  px_article_set_content_hash (article, hash);

  existing = px_store_find_by_hash (store, hash, store_error);
  if (existing == 0 && strcmp (visible, cleaning->clean_text) != 0)
    {
      g_autofree char *whole_hash = content_hash (cleaning->clean_text);

      existing = px_store_find_by_hash (store, whole_hash, store_error);
    }
  if (existing < 0)
    return NULL;
  result = result_new (path, item->line, existing > 0 ? PX_IMPORT_DUPLICATE : PX_IMPORT_STORED);
  if (item->warnings != NULL)
    result->warnings = g_ptr_array_ref (item->warnings);
  if (existing == 0 && !px_store_insert_article (store, article, store_error))
    {
      px_import_result_free (result);
      return NULL;
    }
  result->article_id = existing > 0 ? existing : px_article_get_id (article);
  result->outlet = g_strdup (px_article_get_outlet (article));
  result->title = g_strdup (px_article_get_title (article));
  return result;
}

/* Groups the batch's new articles into events and commits them together;
 * on failure the batch's articles are reported as not stored, since the
 * rollback took them out again. */
static gboolean
end_batch (PxStore           *store,
           PxEventsAssigner  *assigner,
           GPtrArray         *results,
           guint              batch_start,
           GError           **error)
{
  g_autoptr (GArray) stored = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = batch_start; i < results->len; i++)
    {
      PxImportResult *result = g_ptr_array_index (results, i);
      if (result->status == PX_IMPORT_STORED)
        g_array_append_val (stored, result->article_id);
    }
  if ((stored->len == 0 ||
       px_events_assigner_assign (assigner, (gint64 *) stored->data, stored->len,
                                  PX_EVENTS_DEFAULT_THRESHOLD, error)) &&
      px_store_commit (store, error))
    return TRUE;
  px_store_rollback (store);
  for (guint i = batch_start; i < results->len; i++)
    {
      PxImportResult *result = g_ptr_array_index (results, i);
      if (result->status == PX_IMPORT_STORED)
        {
          result->status = PX_IMPORT_FAILED;
          result->error = g_error_copy (*error);
        }
    }
  return FALSE;
}

static GPtrArray *
import_files (PxImporter          *self,
              PxStore             *store,
              const char * const  *files,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) px_import_result_free);
  g_autoptr (PxEventsAssigner) assigner = NULL;
  guint n_files = g_strv_length ((char **) files);
  guint in_batch = 0, batch_start = 0, reported = 0;
  gint64 batch_began = 0;
  double last_fraction = -1.0;

  /* One for the whole import: its batches share what it read. */
  assigner = px_events_assigner_new (store);
  for (guint f = 0; f < n_files; f++)
    {
      g_autoptr (GPtrArray) items = NULL;
      GError *read_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      items = read_file (self, files[f], &read_error);
      if (items == NULL)
        {
          g_ptr_array_add (results, result_new_error (files[f], 0, read_error));
          if (in_batch == 0)
            report_results (self, results, &reported);
          continue;
        }

      for (guint i = 0; i < items->len; i++)
        {
          PxImportItem *item = g_ptr_array_index (items, i);
          PxImportResult *result;

          if (item->error != NULL)
            {
              g_ptr_array_add (results,
                               result_new_error (files[f], item->line, g_steal_pointer (&item->error)));
              continue;
            }
          if (in_batch == 0)
            {
              if (!px_store_begin_import (store, error))
                return NULL;
              batch_start = results->len;
              batch_began = g_get_monotonic_time ();
            }
          result = store_item (self, store, files[f], item, error);
          if (result == NULL)
            {
              px_store_rollback (store);
              return NULL;
            }
          g_ptr_array_add (results, result);
          /* Done with (the events read a stored article back from the
           * library): a file's articles would otherwise all stay in
           * memory until its end. */
          g_clear_object (&item->article);
          if (++in_batch == BATCH_SIZE || g_get_monotonic_time () - batch_began >= BATCH_MAX_USEC)
            {
              in_batch = 0;
              if (!end_batch (store, assigner, results, batch_start, error))
                return NULL;
              report_results (self, results, &reported);
            }
          report_progress (self, (f + (double) (i + 1) / items->len) / n_files, &last_fraction);
        }
      report_progress (self, (double) (f + 1) / n_files, &last_fraction);
    }
  if (in_batch > 0 && !end_batch (store, assigner, results, batch_start, error))
    return NULL;
  report_results (self, results, &reported);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&results);
}

GPtrArray *
px_importer_import (PxImporter          *self,
                    PxStore             *store,
                    const char * const  *files,
                    GCancellable        *cancellable,
                    GError             **error)
{
  GPtrArray *results;

  g_return_val_if_fail (PX_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  results = import_files (self, store, files, cancellable, error);
  _px_store_end_import (store);
  return results;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PxImporter *self = source_object;
  const char * const *files = task_data;
  g_autoptr (PxStore) store = NULL;
  GPtrArray *results;
  GError *error = NULL;

  store = px_store_open (self->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  results = px_importer_import (self, store, files, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
px_importer_import_async (PxImporter          *self,
                          const char * const  *files,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PX_IS_IMPORTER (self));
  g_return_if_fail (self->db_path != NULL);
  g_return_if_fail (self->progress_context == NULL);

  self->progress_context = g_main_context_ref_thread_default ();
  self->fraction = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_importer_import_async);
  g_task_set_task_data (task, g_strdupv ((char **) files), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, import_thread);
}

GPtrArray *
px_importer_import_finish (PxImporter    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (PX_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  g_clear_pointer (&self->progress_context, g_main_context_unref);
  return g_task_propagate_pointer (G_TASK (result), error);
}
