/* px-exporter.c: an event or a set of articles, with their notes, as a file
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exporter gathers the articles, their comparison and their notes into
 * a PxExportDoc once; one writer per format (px-export-*.c) turns that into
 * bytes.
 */
#include "px-exporter.h"

#include "px-error.h"
#include "px-export-private.h"
#include "px-store-events.h"
#include "px-store-notes.h"

struct _PxExporter
{
  GObject parent_instance;

  PxExportFormat format;
  PxPaper paper;
  gboolean include_claims;
};

enum
{
  PROP_0,
  PROP_FORMAT,
  PROP_PAPER,
  PROP_INCLUDE_CLAIMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PxExporter, px_exporter, G_TYPE_OBJECT)

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [PX_EXPORT_MARKDOWN] = { "markdown", "md", "text/markdown" },
  [PX_EXPORT_HTML] = { "html", "html", "text/html" },
  [PX_EXPORT_PDF] = { "pdf", "pdf", "application/pdf" },
  [PX_EXPORT_JSON] = { "json", "json", "application/json" },
  [PX_EXPORT_CSV] = { "csv", "csv", "text/csv" },
};

gboolean
px_export_format_from_string (const char     *name,
                              PxExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0 || g_strcmp0 (name, formats[i].extension) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
px_export_format_extension (PxExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
px_export_format_mime_type (PxExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].mime_type;
}

gboolean
px_paper_from_string (const char *name,
                      PxPaper    *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = PX_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = PX_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

static void
px_exporter_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PxExporter *self = PX_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_int (value, self->format);
      break;
    case PROP_PAPER:
      g_value_set_int (value, self->paper);
      break;
    case PROP_INCLUDE_CLAIMS:
      g_value_set_boolean (value, self->include_claims);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_exporter_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PxExporter *self = PX_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      self->format = g_value_get_int (value);
      break;
    case PROP_PAPER:
      px_exporter_set_paper (self, g_value_get_int (value));
      break;
    case PROP_INCLUDE_CLAIMS:
      px_exporter_set_include_claims (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_exporter_class_init (PxExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = px_exporter_get_property;
  object_class->set_property = px_exporter_set_property;

  properties[PROP_FORMAT] =
    g_param_spec_int ("format", NULL, NULL, PX_EXPORT_MARKDOWN, PX_EXPORT_CSV, PX_EXPORT_MARKDOWN,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAPER] =
    g_param_spec_int ("paper", NULL, NULL, PX_PAPER_A4, PX_PAPER_LETTER, PX_PAPER_A4,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_CLAIMS] =
    g_param_spec_boolean ("include-claims", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_exporter_init (PxExporter *self)
{
  self->include_claims = TRUE;
}

PxExporter *
px_exporter_new (PxExportFormat format)
{
  return g_object_new (PX_TYPE_EXPORTER, "format", format, NULL);
}

PxExportFormat
px_exporter_get_format (PxExporter *self)
{
  g_return_val_if_fail (PX_IS_EXPORTER (self), PX_EXPORT_MARKDOWN);
  return self->format;
}

void
px_exporter_set_paper (PxExporter *self,
                       PxPaper     paper)
{
  g_return_if_fail (PX_IS_EXPORTER (self));
  if (self->paper == paper)
    return;
  self->paper = paper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

PxPaper
px_exporter_get_paper (PxExporter *self)
{
  g_return_val_if_fail (PX_IS_EXPORTER (self), PX_PAPER_A4);
  return self->paper;
}

void
px_exporter_set_include_claims (PxExporter *self,
                                gboolean    include_claims)
{
  g_return_if_fail (PX_IS_EXPORTER (self));
  include_claims = !!include_claims;
  if (self->include_claims == include_claims)
    return;
  self->include_claims = include_claims;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_CLAIMS]);
}

gboolean
px_exporter_get_include_claims (PxExporter *self)
{
  g_return_val_if_fail (PX_IS_EXPORTER (self), TRUE);
  return self->include_claims;
}

/* ---- The document ---------------------------------------------------- */

static void
doc_free (PxExportDoc *doc)
{
  g_free (doc->title);
  g_free (doc->exported);
  g_clear_pointer (&doc->articles, g_ptr_array_unref);
  g_clear_pointer (&doc->maps, g_ptr_array_unref);
  g_clear_object (&doc->comparison);
  for (guint i = 0; doc->notes != NULL && i < doc->notes->len; i++)
    g_object_unref (g_array_index (doc->notes, PxExportNote, i).note);
  g_clear_pointer (&doc->notes, g_array_unref);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxExportDoc, doc_free)

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static PxExportDoc *
doc_new (PxExporter    *self,
         PxStore       *store,
         gint64         event_id,
         const gint64  *article_ids,
         guint          n_ids,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr (PxExportDoc) doc = g_new0 (PxExportDoc, 1);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  doc->articles = g_ptr_array_new_with_free_func (g_object_unref);
  doc->maps = g_ptr_array_new_with_free_func ((GDestroyNotify) px_text_map_unref);
  doc->notes = g_array_new (FALSE, FALSE, sizeof (PxExportNote));
  doc->paper = self->paper;
  doc->event_id = MAX (event_id, 0);
  doc->exported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (event_id > 0)
    {
      g_autoptr (PxEvent) event = px_store_get_event (store, event_id, error);

      if (event == NULL)
        return NULL;
      g_array_append_vals (ids, event->article_ids->data, event->article_ids->len);
      doc->title = event->label != NULL && *event->label != '\0'
                     ? g_strdup (event->label)
                     : g_strdup_printf ("Event %" G_GINT64_FORMAT, event_id);
    }
  else
    g_array_append_vals (ids, article_ids, n_ids);
  if (ids->len == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "Nothing to export: no articles");
      return NULL;
    }
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      PxArticle *article;

      if (i > 0 && id == g_array_index (ids, gint64, i - 1))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      article = px_store_get_article (store, id, error);
      if (article == NULL)
        return NULL;
      g_ptr_array_add (doc->articles, article);
      g_ptr_array_add (doc->maps, px_text_map_new_for_article (article));
    }
  if (doc->title == NULL)
    doc->title = doc->articles->len == 1
                   ? g_strdup (px_article_get_title (doc->articles->pdata[0]))
                   : g_strdup_printf ("%u articles", doc->articles->len);

  if (self->include_claims)
    {
      doc->comparison = px_comparison_new ((PxArticle * const *) doc->articles->pdata,
                                           doc->articles->len, store);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  for (guint a = 0; a < doc->articles->len; a++)
    {
      g_autoptr (GPtrArray) notes = px_store_list_notes (store, px_article_get_id (doc->articles->pdata[a]),
                                                         0, NULL, error);

      if (notes == NULL)
        return NULL;
      for (guint i = 0; i < notes->len; i++)
        {
          PxExportNote entry = { g_object_ref (notes->pdata[i]), doc->notes->len + 1, a, FALSE, 0, 0, -1 };

          entry.placed = px_note_get_clean_range (entry.note, doc->maps->pdata[a],
                                                  &entry.clean_start, &entry.clean_end);
          if (doc->comparison != NULL)
            entry.claim = px_note_find_claim (entry.note, doc->comparison, doc->maps->pdata[a], NULL, NULL);
          g_array_append_val (doc->notes, entry);
        }
    }
  return g_steal_pointer (&doc);
}

char *
_px_export_article_name (const PxExportDoc *doc,
                         guint              article)
{
  PxArticle *a = doc->articles->pdata[article];
  const char *outlet = px_article_get_outlet (a);

  if (outlet != NULL && *outlet != '\0')
    return g_strdup (outlet);
  return g_strdup_printf ("article %" G_GINT64_FORMAT, px_article_get_id (a));
}

char *
_px_export_conflict_kinds (const PxExportDoc *doc,
                           int                claim)
{
  g_autoptr (GPtrArray) kinds = g_ptr_array_new ();
  const PxClaim *c;

  if (doc->comparison == NULL || claim < 0)
    return g_strdup ("");
  c = px_comparison_get_claim (doc->comparison, claim);
  for (guint k = 0; k < c->conflicts->len; k++)
    {
      const char *kind = px_conflict_kind_to_string (((PxConflict *) c->conflicts->pdata[k])->kind);

      if (!g_ptr_array_find_with_equal_func (kinds, kind, g_str_equal, NULL))
        g_ptr_array_add (kinds, (gpointer) kind);
    }
  g_ptr_array_add (kinds, NULL);
  return g_strjoinv (", ", (char **) kinds->pdata);
}

gboolean
_px_export_is_web_url (const char *url)
{
  return url != NULL && (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
                         g_ascii_strncasecmp (url, "https://", 8) == 0);
}

char *
_px_export_member_text (const PxExportDoc   *doc,
                        const PxClaimMember *member)
{
  const PxComparisonArticle *article = px_comparison_get_article (doc->comparison, member->article);
  const PxRange *range = &g_array_index (article->sentences, PxRange, member->sentence);

  return g_strndup (article->text + range->start, range->end - range->start);
}

/* ---- Entry points ---------------------------------------------------- */

GBytes *
px_exporter_export (PxExporter    *self,
                    PxStore       *store,
                    gint64         event_id,
                    const gint64  *article_ids,
                    guint          n_ids,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr (PxExportDoc) doc = NULL;
  char *text = NULL;

  g_return_val_if_fail (PX_IS_EXPORTER (self), NULL);
  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id > 0 || article_ids != NULL || n_ids == 0, NULL);

  doc = doc_new (self, store, event_id, article_ids, n_ids, cancellable, error);
  if (doc == NULL)
    return NULL;
  switch (self->format)
    {
    case PX_EXPORT_MARKDOWN:
      text = _px_export_markdown (doc);
      break;
    case PX_EXPORT_HTML:
      text = _px_export_html (doc);
      break;
    case PX_EXPORT_JSON:
      text = _px_export_json (doc);
      break;
    case PX_EXPORT_CSV:
      text = _px_export_csv (doc);
      break;
    case PX_EXPORT_PDF:
      return _px_export_pdf (doc, error);
    default:
      g_return_val_if_reached (NULL);
    }
  return g_bytes_new_take (text, strlen (text));
}

gboolean
px_exporter_export_to_file (PxExporter    *self,
                            PxStore       *store,
                            gint64         event_id,
                            const gint64  *article_ids,
                            guint          n_ids,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = px_exporter_export (self, store, event_id, article_ids, n_ids, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

typedef struct
{
  char *db_path;
  gint64 event_id;
  GArray *ids;
  GFile *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_array_unref (job->ids);
  g_object_unref (job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PxExporter *self = source_object;
  ExportJob *job = task_data;
  g_autoptr (PxStore) store = NULL;
  GError *error = NULL;

  store = px_store_open (job->db_path, &error);
  if (store == NULL ||
      !px_exporter_export_to_file (self, store, job->event_id, (const gint64 *) job->ids->data,
                                   job->ids->len, job->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
px_exporter_export_async (PxExporter          *self,
                          const char          *db_path,
                          gint64               event_id,
                          const gint64        *article_ids,
                          guint                n_ids,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (PX_IS_EXPORTER (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (db_path);
  job->event_id = event_id;
  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (n_ids > 0)
    g_array_append_vals (job->ids, article_ids, n_ids);
  job->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_exporter_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
px_exporter_export_finish (PxExporter    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
