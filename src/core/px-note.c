/* px-note.c: a reader's note on a span of an article
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-note.h"

#include <string.h>

struct _PxNote
{
  GObject parent_instance;

  gint64 id;
  gint64 article_id;
  guint start;
  guint end;
  gboolean orphan;
  char **tags;
  /* The string properties, by PROP_ id minus PROP_QUOTE. */
  char *strings[9];
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_START,
  PROP_END,
  PROP_TAGS,
  PROP_ORPHAN,
  PROP_QUOTE,  /* the string properties follow, in the order of strings[] */
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_BODY,
  PROP_COLOR,
  PROP_CLAIM_KEY,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_ARTICLE_TITLE,
  N_PROPS
};

G_STATIC_ASSERT (N_PROPS - PROP_QUOTE == 9);

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PxNote, px_note, G_TYPE_OBJECT)

static void
px_note_finalize (GObject *object)
{
  PxNote *self = PX_NOTE (object);

  g_strfreev (self->tags);
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  G_OBJECT_CLASS (px_note_parent_class)->finalize (object);
}

static void
set_string (PxNote     *self,
            guint       prop,
            const char *value)
{
  char **field = &self->strings[prop - PROP_QUOTE];

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static const char *
get_string (PxNote *self,
            guint   prop)
{
  return self->strings[prop - PROP_QUOTE];
}

static void
px_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PxNote *self = PX_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_ORPHAN:
      g_value_set_boolean (value, self->orphan);
      break;
    default:
      if (prop_id >= PROP_QUOTE && prop_id < N_PROPS)
        g_value_set_string (value, get_string (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_note_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PxNote *self = PX_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      px_note_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ARTICLE_ID:
      px_note_set_article_id (self, g_value_get_int64 (value));
      break;
    case PROP_START:
      px_note_set_range (self, g_value_get_uint (value), MAX (self->end, g_value_get_uint (value)));
      break;
    case PROP_END:
      px_note_set_range (self, MIN (self->start, g_value_get_uint (value)), g_value_get_uint (value));
      break;
    case PROP_TAGS:
      px_note_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_ORPHAN:
      px_note_set_orphan (self, g_value_get_boolean (value));
      break;
    default:
      if (prop_id >= PROP_QUOTE && prop_id < N_PROPS)
        set_string (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_note_class_init (PxNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char *const string_names[] = {
    "quote", "prefix", "suffix", "body", "color", "claim-key", "created", "updated",
    "article-title",
  };

  object_class->finalize = px_note_finalize;
  object_class->get_property = px_note_get_property;
  object_class->set_property = px_note_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ARTICLE_ID] = g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ORPHAN] = g_param_spec_boolean ("orphan", NULL, NULL, FALSE, flags);
  for (guint i = 0; i < G_N_ELEMENTS (string_names); i++)
    properties[PROP_QUOTE + i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_note_init (PxNote *self)
{
  self->tags = g_new0 (char *, 1);
}

PxNote *
px_note_new (void)
{
  return g_object_new (PX_TYPE_NOTE, NULL);
}

gint64
px_note_get_id (PxNote *self)
{
  g_return_val_if_fail (PX_IS_NOTE (self), 0);
  return self->id;
}

void
px_note_set_id (PxNote *self,
                gint64  id)
{
  g_return_if_fail (PX_IS_NOTE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
px_note_get_article_id (PxNote *self)
{
  g_return_val_if_fail (PX_IS_NOTE (self), 0);
  return self->article_id;
}

void
px_note_set_article_id (PxNote *self,
                        gint64  article_id)
{
  g_return_if_fail (PX_IS_NOTE (self));
  if (self->article_id == article_id)
    return;
  self->article_id = article_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_ID]);
}

guint
px_note_get_start (PxNote *self)
{
  g_return_val_if_fail (PX_IS_NOTE (self), 0);
  return self->start;
}

guint
px_note_get_end (PxNote *self)
{
  g_return_val_if_fail (PX_IS_NOTE (self), 0);
  return self->end;
}

void
px_note_set_range (PxNote *self,
                   guint   start,
                   guint   end)
{
  g_return_if_fail (PX_IS_NOTE (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

#define STRING_ACCESSORS(name, PROP)                    \
  const char *                                          \
  px_note_get_##name (PxNote *self)                     \
  {                                                     \
    g_return_val_if_fail (PX_IS_NOTE (self), NULL);     \
    return get_string (self, PROP);                     \
  }                                                     \
  void                                                  \
  px_note_set_##name (PxNote     *self,                 \
                      const char *value)                \
  {                                                     \
    g_return_if_fail (PX_IS_NOTE (self));               \
    set_string (self, PROP, value);                     \
  }

STRING_ACCESSORS (quote, PROP_QUOTE)
STRING_ACCESSORS (prefix, PROP_PREFIX)
STRING_ACCESSORS (suffix, PROP_SUFFIX)
STRING_ACCESSORS (body, PROP_BODY)
STRING_ACCESSORS (color, PROP_COLOR)
STRING_ACCESSORS (claim_key, PROP_CLAIM_KEY)
STRING_ACCESSORS (created, PROP_CREATED)
STRING_ACCESSORS (updated, PROP_UPDATED)
STRING_ACCESSORS (article_title, PROP_ARTICLE_TITLE)

const char * const *
px_note_get_tags (PxNote *self)
{
  g_return_val_if_fail (PX_IS_NOTE (self), NULL);
  return (const char * const *) self->tags;
}

void
px_note_set_tags (PxNote             *self,
                  const char * const *tags)
{
  g_autoptr (GPtrArray) unique = g_ptr_array_new ();

  g_return_if_fail (PX_IS_NOTE (self));

  /* Trimmed, without empties or repeats (tags compare case-insensitively,
   * as the store's index does). */
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      char *tag = g_strstrip (g_strdup (tags[i]));
      gboolean seen = *tag == '\0';

      for (guint j = 0; !seen && j < unique->len; j++)
        seen = g_ascii_strcasecmp (unique->pdata[j], tag) == 0;
      if (seen)
        g_free (tag);
      else
        g_ptr_array_add (unique, tag);
    }
  g_ptr_array_add (unique, NULL);
  if (g_strv_equal ((const char * const *) unique->pdata, (const char * const *) self->tags))
    {
      g_strfreev ((char **) g_ptr_array_steal (unique, NULL));
      return;
    }
  g_strfreev (self->tags);
  self->tags = (char **) g_ptr_array_steal (unique, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

char *
px_note_dup_tags_string (PxNote *self)
{
  g_return_val_if_fail (PX_IS_NOTE (self), NULL);
  return g_strjoinv (", ", self->tags);
}

gboolean
px_note_has_tag (PxNote     *self,
                 const char *tag)
{
  g_return_val_if_fail (PX_IS_NOTE (self), FALSE);

  for (guint i = 0; self->tags[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->tags[i], tag) == 0)
      return TRUE;
  return FALSE;
}

gboolean
px_note_get_orphan (PxNote *self)
{
  g_return_val_if_fail (PX_IS_NOTE (self), FALSE);
  return self->orphan;
}

void
px_note_set_orphan (PxNote   *self,
                    gboolean  orphan)
{
  g_return_if_fail (PX_IS_NOTE (self));
  orphan = !!orphan;
  if (self->orphan == orphan)
    return;
  self->orphan = orphan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORPHAN]);
}

/* Moves @offset back to the start of the UTF-8 character it is in. */
static guint
char_start (const char *text,
            guint       offset)
{
  while (offset > 0 && ((guchar) text[offset] & 0xC0) == 0x80)
    offset--;
  return offset;
}

void
px_note_set_clean_range (PxNote    *self,
                         PxTextMap *map,
                         guint      clean_start,
                         guint      clean_end)
{
  const char *clean;
  guint len, raw_start, raw_end, before, after;
  g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;

  g_return_if_fail (PX_IS_NOTE (self));
  g_return_if_fail (map != NULL);
  g_return_if_fail (clean_start <= clean_end);

  clean = px_text_map_get_clean (map);
  len = strlen (clean);
  g_return_if_fail (clean_end <= len);

  before = char_start (clean, clean_start > PX_NOTE_CONTEXT_BYTES ? clean_start - PX_NOTE_CONTEXT_BYTES : 0);
  after = char_start (clean, MIN (len, clean_end + PX_NOTE_CONTEXT_BYTES));
  quote = g_strndup (clean + clean_start, clean_end - clean_start);
  prefix = g_strndup (clean + before, clean_start - before);
  suffix = g_strndup (clean + clean_end, after - clean_end);
  px_text_map_clean_to_raw (map, clean_start, clean_end, &raw_start, &raw_end);

  g_object_freeze_notify (G_OBJECT (self));
  px_note_set_range (self, raw_start, raw_end);
  px_note_set_quote (self, quote);
  px_note_set_prefix (self, prefix);
  px_note_set_suffix (self, suffix);
  px_note_set_orphan (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
px_note_get_clean_range (PxNote    *self,
                         PxTextMap *map,
                         guint     *clean_start,
                         guint     *clean_end)
{
  g_return_val_if_fail (PX_IS_NOTE (self), FALSE);
  g_return_val_if_fail (map != NULL, FALSE);

  if (self->orphan)
    return FALSE;
  return px_text_map_raw_to_clean (map, self->start, self->end, clean_start, clean_end);
}

char *
px_note_claim_key (const char *sentence,
                   gssize      length)
{
  g_autofree char *digest = NULL;

  g_return_val_if_fail (sentence != NULL, NULL);

  if (length < 0)
    length = strlen (sentence);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) sentence, length);
  return g_strdup_printf ("s1:%.16s", digest);
}

int
px_note_find_claim (PxNote       *self,
                    PxComparison *comparison,
                    PxTextMap    *map,
                    guint        *article_index,
                    guint        *sentence)
{
  const PxComparisonArticle *article = NULL;
  guint a, clean_start = 0;
  gboolean placed;

  g_return_val_if_fail (PX_IS_NOTE (self), -1);
  g_return_val_if_fail (PX_IS_COMPARISON (comparison), -1);

  if (self->article_id == 0)
    return -1;
  for (a = 0; a < px_comparison_get_n_articles (comparison); a++)
    {
      article = px_comparison_get_article (comparison, a);
      if (article->id == self->article_id)
        break;
    }
  if (a == px_comparison_get_n_articles (comparison))
    return -1;

  placed = map != NULL && px_note_get_clean_range (self, map, &clean_start, NULL);
  for (guint pass = 0; pass < 2; pass++)
    for (guint s = 0; s < article->sentences->len; s++)
      {
        const PxRange *range = &g_array_index (article->sentences, PxRange, s);
        gboolean found;

        if (pass == 0)
          {
            g_autofree char *key = NULL;

            if (self->strings[PROP_CLAIM_KEY - PROP_QUOTE] == NULL)
              break;
            key = px_note_claim_key (article->text + range->start, range->end - range->start);
            found = strcmp (key, get_string (self, PROP_CLAIM_KEY)) == 0;
          }
        else
          found = placed && clean_start < range->end &&
                  (s + 1 == article->sentences->len ||
                   clean_start < g_array_index (article->sentences, PxRange, s + 1).start);
        if (found)
          {
            if (article_index != NULL)
              *article_index = a;
            if (sentence != NULL)
              *sentence = s;
            return px_comparison_find_claim (comparison, a, s);
          }
      }
  return -1;
}
