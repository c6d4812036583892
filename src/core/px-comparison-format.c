/* px-comparison-format.c: a comparison as JSON, Markdown or HTML
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-comparison-format.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "px-store-analysis.h"

gboolean
px_comparison_format_from_string (const char         *name,
                                  PxComparisonFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_strcmp0 (name, "json") == 0)
    *format = PX_COMPARISON_FORMAT_JSON;
  else if (g_strcmp0 (name, "markdown") == 0 || g_strcmp0 (name, "md") == 0)
    *format = PX_COMPARISON_FORMAT_MARKDOWN;
  else if (g_strcmp0 (name, "html") == 0)
    *format = PX_COMPARISON_FORMAT_HTML;
  else
    return FALSE;
  return TRUE;
}

static char *
sentence_text (const PxComparisonArticle *article,
               guint                      index)
{
  const PxRange *range = &g_array_index (article->sentences, PxRange, index);

  return g_strndup (article->text + range->start, range->end - range->start);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
px_comparison_to_json (PxComparison *comparison)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  guint n_articles, n_claims;
  GArray *runs;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  n_articles = px_comparison_get_n_articles (comparison);
  n_claims = px_comparison_get_n_claims (comparison);
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint a = 0; a < n_articles; a++)
    {
      const PxComparisonArticle *article = px_comparison_get_article (comparison, a);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, article->id);
      add_nullable_string (builder, "outlet", article->outlet);
      add_nullable_string (builder, "title", article->title);
      add_nullable_string (builder, "published", article->published);
      add_nullable_string (builder, "language", article->language);
      json_builder_set_member_name (builder, "sentences");
      json_builder_begin_array (builder);
      for (guint s = 0; s < article->sentences->len; s++)
        {
          g_autofree char *text = sentence_text (article, s);
          const PxClaim *claim = px_comparison_get_claim (comparison,
                                                          px_comparison_find_claim (comparison, a, s));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "index");
          json_builder_add_int_value (builder, s);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, text);
          json_builder_set_member_name (builder, "claim");
          json_builder_add_int_value (builder, claim->id);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint c = 0; c < n_claims; c++)
    {
      const PxClaim *claim = px_comparison_get_claim (comparison, c);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, claim->id);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, px_claim_status_to_string (claim->status));
      json_builder_set_member_name (builder, "articles");
      json_builder_begin_array (builder);
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);

          if (m == 0 || g_array_index (claim->members, PxClaimMember, m - 1).article != member->article)
            json_builder_add_int_value (builder, px_comparison_get_article (comparison, member->article)->id);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "wire");
      json_builder_add_boolean_value (builder, claim->wire);

      json_builder_set_member_name (builder, "members");
      json_builder_begin_array (builder);
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
          const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
          g_autofree char *text = sentence_text (article, member->sentence);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "article");
          json_builder_add_int_value (builder, article->id);
          json_builder_set_member_name (builder, "sentence");
          json_builder_add_int_value (builder, member->sentence);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, text);
          json_builder_set_member_name (builder, "changed");
          json_builder_begin_array (builder);
          for (guint i = 0; i < member->changed->len; i++)
            {
              const PxRange *range = &g_array_index (member->changed, PxRange, i);

              json_builder_begin_array (builder);
              json_builder_add_int_value (builder, g_utf8_pointer_to_offset (text, text + range->start));
              json_builder_add_int_value (builder, g_utf8_pointer_to_offset (text, text + range->end));
              json_builder_end_array (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "conflicts");
      json_builder_begin_array (builder);
      for (guint k = 0; k < claim->conflicts->len; k++)
        {
          const PxConflict *conflict = claim->conflicts->pdata[k];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, px_conflict_kind_to_string (conflict->kind));
          json_builder_set_member_name (builder, "values");
          json_builder_begin_array (builder);
          for (guint v = 0; v < conflict->values->len; v++)
            {
              const PxConflictValue *value = &g_array_index (conflict->values, PxConflictValue, v);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "article");
              json_builder_add_int_value (builder, px_comparison_get_article (comparison, value->article)->id);
              json_builder_set_member_name (builder, "text");
              json_builder_add_string_value (builder, value->text);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  runs = px_comparison_get_wire_runs (comparison);
  json_builder_set_member_name (builder, "wire_runs");
  json_builder_begin_array (builder);
  for (guint r = 0; r < runs->len; r++)
    {
      const PxWireRun *run = &g_array_index (runs, PxWireRun, r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "articles");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, px_comparison_get_article (comparison, run->article_a)->id);
      json_builder_add_int_value (builder, px_comparison_get_article (comparison, run->article_b)->id);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "sentences");
      json_builder_begin_array (builder);
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, run->first_a);
      json_builder_add_int_value (builder, run->first_a + run->length - 1);
      json_builder_end_array (builder);
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, run->first_b);
      json_builder_add_int_value (builder, run->first_b + run->length - 1);
      json_builder_end_array (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "offsets");
  json_builder_add_string_value (builder, "codepoints");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* "3,5,9:" and a digest of everything the analysis reads of them. */
static char *
cache_key (GPtrArray *articles)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      PxArticle *article = articles->pdata[i];
      const char *fields[] = { px_article_get_outlet (article), px_article_get_title (article),
                               px_article_get_published (article), px_article_get_language (article),
                               px_article_get_clean_text (article) };

      g_string_append_printf (key, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", px_article_get_id (article));
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          /* The NUL between fields keeps "ab"+"c" apart from "a"+"bc". */
          g_checksum_update (checksum, (const guchar *) (fields[f] != NULL ? fields[f] : ""), -1);
          g_checksum_update (checksum, (const guchar *) "", 1);
        }
    }
  g_string_append_printf (key, ":%s", g_checksum_get_string (checksum));
  return g_string_free (key, FALSE);
}

char *
px_comparison_json_for_ids (PxStore       *store,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_autoptr (GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxComparison) comparison = NULL;
  g_autofree char *key = NULL;
  GError *local_error = NULL;
  char *json;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL && n_ids > 0, NULL);

  g_array_append_vals (sorted, ids, n_ids);
  g_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    {
      gint64 id = g_array_index (sorted, gint64, i);
      PxArticle *article;

      if (i > 0 && id == g_array_index (sorted, gint64, i - 1))
        continue;
      article = px_store_get_article (store, id, error);
      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
    }

  key = cache_key (articles);
  /* The cache is an optimisation: a library that cannot read or keep it
   * still compares. */
  json = px_store_get_comparison (store, key, PX_COMPARISON_VERSION, &local_error);
  if (json != NULL)
    return json;
  if (local_error != NULL)
    {
      g_debug ("Cached comparison unreadable: %s", local_error->message);
      g_clear_error (&local_error);
    }
  comparison = px_comparison_new ((PxArticle * const *) articles->pdata, articles->len, store);
  json = px_comparison_to_json (comparison);
  if (!px_store_set_comparison (store, key, PX_COMPARISON_VERSION, json, &local_error))
    {
      g_debug ("Comparison not cached: %s", local_error->message);
      g_clear_error (&local_error);
    }
  return json;
}

static const char *
outlet_name (const PxComparisonArticle *article)
{
  return article->outlet != NULL && *article->outlet != '\0' ? article->outlet : NULL;
}

/* Markdown: a backslash before every character that could start markup. */
static void
append_markdown_escaped (GString    *out,
                         const char *text,
                         gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  for (const char *p = text; p < end; p++)
    {
      if (strchr ("\\`*_[]<>#|~", *p) != NULL)
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static void
append_article_name (GString                   *out,
                     const PxComparisonArticle *article)
{
  if (outlet_name (article) != NULL)
    append_markdown_escaped (out, article->outlet, -1);
  else
    g_string_append_printf (out, "article %" G_GINT64_FORMAT, article->id);
}

char *
px_comparison_to_markdown (PxComparison *comparison)
{
  GString *out = g_string_new (NULL);
  guint n_articles, n_claims;
  GArray *runs;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  n_articles = px_comparison_get_n_articles (comparison);
  n_claims = px_comparison_get_n_claims (comparison);
  g_string_append_printf (out, "# Comparison of %u articles\n\n", n_articles);
  for (guint a = 0; a < n_articles; a++)
    {
      const PxComparisonArticle *article = px_comparison_get_article (comparison, a);

      g_string_append_printf (out, "%u. ", a + 1);
      append_article_name (out, article);
      g_string_append (out, ": ");
      append_markdown_escaped (out, article->title != NULL ? article->title : "", -1);
      g_string_append_printf (out, " (id %" G_GINT64_FORMAT, article->id);
      if (article->published != NULL)
        {
          g_string_append (out, ", ");
          append_markdown_escaped (out, article->published, -1);
        }
      g_string_append (out, ")\n");
    }

  for (guint c = 0; c < n_claims; c++)
    {
      const PxClaim *claim = px_comparison_get_claim (comparison, c);

      g_string_append_printf (out, "\n## Claim %u: %s", claim->id, px_claim_status_to_string (claim->status));
      if (claim->wire)
        g_string_append (out, ", wire copy");
      g_string_append (out, "\n\n");
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
          const PxComparisonArticle *article = px_comparison_get_article (comparison, member->article);
          g_autofree char *text = sentence_text (article, member->sentence);
          guint at = 0;

          g_string_append (out, "- **");
          append_article_name (out, article);
          g_string_append_printf (out, "** (sentence %u): ", member->sentence + 1);
          for (guint i = 0; i < member->changed->len; i++)
            {
              const PxRange *range = &g_array_index (member->changed, PxRange, i);

              append_markdown_escaped (out, text + at, range->start - at);
              g_string_append (out, "**");
              append_markdown_escaped (out, text + range->start, range->end - range->start);
              g_string_append (out, "**");
              at = range->end;
            }
          append_markdown_escaped (out, text + at, -1);
          g_string_append_c (out, '\n');
        }
      if (claim->conflicts->len > 0)
        g_string_append (out, "\nConflicts:\n\n");
      for (guint k = 0; k < claim->conflicts->len; k++)
        {
          const PxConflict *conflict = claim->conflicts->pdata[k];

          g_string_append_printf (out, "- %s: ", px_conflict_kind_to_string (conflict->kind));
          for (guint v = 0; v < conflict->values->len; v++)
            {
              const PxConflictValue *value = &g_array_index (conflict->values, PxConflictValue, v);

              if (v > 0)
                g_string_append (out, "; ");
              append_article_name (out, px_comparison_get_article (comparison, value->article));
              g_string_append (out, " “");
              append_markdown_escaped (out, value->text, -1);
              g_string_append (out, "”");
            }
          g_string_append_c (out, '\n');
        }
    }

  runs = px_comparison_get_wire_runs (comparison);
  if (runs->len > 0)
    g_string_append (out, "\n## Wire copy\n\n");
  for (guint r = 0; r < runs->len; r++)
    {
      const PxWireRun *run = &g_array_index (runs, PxWireRun, r);

      g_string_append (out, "- ");
      append_article_name (out, px_comparison_get_article (comparison, run->article_a));
      g_string_append_printf (out, " sentences %u–%u and ", run->first_a + 1, run->first_a + run->length);
      append_article_name (out, px_comparison_get_article (comparison, run->article_b));
      g_string_append_printf (out, " sentences %u–%u\n", run->first_b + 1, run->first_b + run->length);
    }
  return g_string_free (out, FALSE);
}

static void
append_html_escaped (GString    *out,
                     const char *text,
                     gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

static const char html_head[] =
  "<!DOCTYPE html>\n"
  "<html>\n<head>\n<meta charset=\"utf-8\">\n"
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
  "<title>Parallax comparison</title>\n"
  "<style>\n"
  "body { font: 15px/1.5 sans-serif; margin: 1.5em; color: #222; }\n"
  ".columns { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(18em, 1fr);"
  " gap: 1.5em; overflow-x: auto; }\n"
  ".article h2 { font-size: 1.05em; margin: 0 0 .2em; }\n"
  ".article .meta { color: #666; font-size: .9em; margin-bottom: 1em; }\n"
  ".sentence { padding: 0 .1em; border-radius: 3px; }\n"
  ".shared { background: #d7f0d2; }\n"
  ".partial { background: #fff0bd; }\n"
  ".unique { background: #eeeeee; }\n"
  ".wire { text-decoration: underline dotted #555; }\n"
  "mark { background: #ffb3a7; border-radius: 2px; }\n"
  ".legend span { margin-right: 1em; padding: 0 .4em; }\n"
  "table { border-collapse: collapse; margin-top: 2em; }\n"
  "td, th { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }\n"
  "@media (prefers-color-scheme: dark) {\n"
  " body { background: #1e1e1e; color: #ddd; }\n"
  " .shared { background: #264d23; } .partial { background: #5a4a12; }\n"
  " .unique { background: #3a3a3a; } mark { background: #8a3a2e; color: #fff; }\n"
  "}\n"
  "</style>\n</head>\n<body>\n";

char *
px_comparison_to_html (PxComparison *comparison)
{
  GString *out = g_string_new (html_head);
  guint n_articles, n_claims;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  n_articles = px_comparison_get_n_articles (comparison);
  n_claims = px_comparison_get_n_claims (comparison);
  g_string_append_printf (out, "<h1>Comparison of %u articles</h1>\n"
                               "<p class=\"legend\"><span class=\"shared\">every article</span>"
                               "<span class=\"partial\">some articles</span>"
                               "<span class=\"unique\">one article</span>"
                               "<mark>worded differently</mark></p>\n"
                               "<div class=\"columns\">\n", n_articles);
  for (guint a = 0; a < n_articles; a++)
    {
      const PxComparisonArticle *article = px_comparison_get_article (comparison, a);

      g_string_append (out, "<div class=\"article\">\n<h2>");
      append_html_escaped (out, article->title != NULL ? article->title : "", -1);
      g_string_append (out, "</h2>\n<div class=\"meta\">");
      append_html_escaped (out, outlet_name (article) != NULL ? article->outlet : "", -1);
      if (article->published != NULL)
        {
          g_string_append (out, " · ");
          append_html_escaped (out, article->published, -1);
        }
      g_string_append_printf (out, " · id %" G_GINT64_FORMAT "</div>\n<p>", article->id);
      for (guint s = 0; s < article->sentences->len; s++)
        {
          const PxClaim *claim = px_comparison_get_claim (comparison,
                                                          px_comparison_find_claim (comparison, a, s));
          const PxClaimMember *member = NULL;
          g_autofree char *text = sentence_text (article, s);
          guint at = 0;

          for (guint m = 0; m < claim->members->len; m++)
            {
              const PxClaimMember *candidate = &g_array_index (claim->members, PxClaimMember, m);

              if (candidate->article == a && candidate->sentence == s)
                member = candidate;
            }
          g_assert (member != NULL);
          g_string_append_printf (out, "<span class=\"sentence %s%s\" id=\"a%u-s%u\" title=\"claim %u\">",
                                  px_claim_status_to_string (claim->status),
                                  claim->wire ? " wire" : "", a, s, claim->id);
          for (guint i = 0; i < member->changed->len; i++)
            {
              const PxRange *range = &g_array_index (member->changed, PxRange, i);

              append_html_escaped (out, text + at, range->start - at);
              g_string_append (out, "<mark>");
              append_html_escaped (out, text + range->start, range->end - range->start);
              g_string_append (out, "</mark>");
              at = range->end;
            }
          append_html_escaped (out, text + at, -1);
          g_string_append (out, "</span> ");
        }
      g_string_append (out, "</p>\n</div>\n");
    }
  g_string_append (out, "</div>\n");

  g_string_append (out, "<table>\n<tr><th>Claim</th><th>Status</th><th>Conflicts</th></tr>\n");
  for (guint c = 0; c < n_claims; c++)
    {
      const PxClaim *claim = px_comparison_get_claim (comparison, c);

      if (claim->conflicts->len == 0 && !claim->wire)
        continue;
      g_string_append_printf (out, "<tr><td>%u</td><td>%s%s</td><td>", claim->id,
                              px_claim_status_to_string (claim->status),
                              claim->wire ? ", wire copy" : "");
      for (guint k = 0; k < claim->conflicts->len; k++)
        {
          const PxConflict *conflict = claim->conflicts->pdata[k];

          g_string_append_printf (out, "%s<b>%s</b>: ", k > 0 ? "<br>" : "",
                                  px_conflict_kind_to_string (conflict->kind));
          for (guint v = 0; v < conflict->values->len; v++)
            {
              const PxConflictValue *value = &g_array_index (conflict->values, PxConflictValue, v);
              const PxComparisonArticle *article = px_comparison_get_article (comparison, value->article);

              if (v > 0)
                g_string_append (out, "; ");
              if (outlet_name (article) != NULL)
                append_html_escaped (out, article->outlet, -1);
              else
                g_string_append_printf (out, "article %" G_GINT64_FORMAT, article->id);
              g_string_append (out, " “");
              append_html_escaped (out, value->text, -1);
              g_string_append (out, "”");
            }
        }
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</table>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

char *
px_comparison_format (PxComparison       *comparison,
                      PxComparisonFormat  format)
{
  switch (format)
    {
    case PX_COMPARISON_FORMAT_JSON:
      return px_comparison_to_json (comparison);
    case PX_COMPARISON_FORMAT_MARKDOWN:
      return px_comparison_to_markdown (comparison);
    case PX_COMPARISON_FORMAT_HTML:
      return px_comparison_to_html (comparison);
    default:
      g_return_val_if_reached (NULL);
    }
}
