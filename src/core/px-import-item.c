/* px-import-item.c: what a reader produces, and metadata helpers the readers share
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-readers.h"

#include <stdlib.h>
#include <string.h>

#include "px-error.h"
#include "px-span.h"

PxImportItem *
px_import_item_new (PxArticle *article,
                    guint      line)
{
  PxImportItem *item = g_new0 (PxImportItem, 1);

  item->article = g_object_ref (article);
  item->given = px_span_array_new ();
  item->line = line;
  return item;
}

PxImportItem *
px_import_item_new_error (guint   line,
                          GError *error)
{
  PxImportItem *item = g_new0 (PxImportItem, 1);

  item->given = px_span_array_new ();
  item->line = line;
  item->error = error;
  return item;
}

void
px_import_item_free (PxImportItem *item)
{
  g_clear_object (&item->article);
  g_clear_pointer (&item->given, g_array_unref);
  g_clear_error (&item->error);
  g_clear_pointer (&item->warnings, g_ptr_array_unref);
  g_free (item);
}

void
px_import_item_add_warning (PxImportItem *item,
                            const char   *format,
                            ...)
{
  va_list args;

  if (item->warnings == NULL)
    item->warnings = g_ptr_array_new_with_free_func (g_free);
  va_start (args, format);
  g_ptr_array_add (item->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static const char *const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
parse_month (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_has_prefix (lower, month_names[i]))
      return i + 1;
  return 0;
}

/* @date: the text that was read as one, named in the error. */
static char *
format_date (const char  *date,
             int          year,
             int          month,
             int          day,
             GError     **error)
{
  if (year < 1800 || year > 2200)
    g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                 "unlikely date “%s”: not within the years 1800 to 2200", date);
  else if (month < 1 || month > 12)
    g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                 "impossible date “%s”: there is no month %d", date, month);
  else if (!g_date_valid_dmy (day, month, year))
    g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                 "impossible date “%s”: %04d-%02d has %u days", date, year, month,
                 g_date_get_days_in_month (month, year));
  else
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return NULL;
}

char *
px_parse_date (const char  *text,
               GError     **error)
{
  static GRegex *iso, *day_month, *month_day;
  g_autoptr (GMatchInfo) match = NULL;

  if (g_once_init_enter (&iso))
    {
      day_month = g_regex_new ("\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b",
                               G_REGEX_OPTIMIZE, 0, NULL);
      month_day = g_regex_new ("\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&iso, g_regex_new ("\\b(\\d{4})-(\\d{2})-(\\d{2})", G_REGEX_OPTIMIZE, 0, NULL));
    }
  if (text == NULL)
    return NULL;

  if (g_regex_match (iso, text, 0, &match))
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);
      return format_date (whole, atoi (y), atoi (m), atoi (d), error);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (day_month, text, 0, &match))
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);
      if (parse_month (m) > 0)
        return format_date (whole, atoi (y), parse_month (m), atoi (d), error);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (month_day, text, 0, &match))
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);
      g_autofree char *m = g_match_info_fetch (match, 1);
      g_autofree char *d = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);
      if (parse_month (m) > 0)
        return format_date (whole, atoi (y), parse_month (m), atoi (d), error);
    }
  return NULL;
}

char *
px_outlet_from_url (const char *url)
{
  g_autofree char *host = NULL;
  const char *start, *end;

  if (url == NULL)
    return NULL;
  start = strstr (url, "://");
  start = start ? start + 3 : url;
  end = start + strcspn (start, "/?#:");
  if (end == start)
    return NULL;
  host = g_ascii_strdown (start, end - start);
  if (g_str_has_prefix (host, "www.") && strchr (host + 4, '.') != NULL)
    return g_strdup (host + 4);
  if (strchr (host, '.') == NULL)
    return NULL;
  return g_steal_pointer (&host);
}
