/* px-people.c: people with their roles and titles, and name spelling variants
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A name is a run of capitalised words; it counts as a person only when a
 * role from data/lexicon/roles-LANG.txt stands beside it ("chief executive
 * Maria Lopez", "Maria Lopez, chief executive of Acme", "Acme's COO Maria
 * Lopez", "the utility's chief operating officer, Maria Lopez"), a title
 * precedes it ("Mr. Lopez"), or it is the subject of a reporting verb
 * ("Lopez said"). Capitalised words alone are as often places and firms.
 */
#include "px-people.h"

#include <string.h>

#include "px-data.h"
#include "px-language.h"
#include "px-phrases.h"

typedef struct
{
  const char *language;
  const char *text;
  GArray     *tokens;
  PxPhrases  *roles;
  GHashTable *organisation_words;
  gboolean   *taken;
} Context;

/* Lower-case words inside names ("Maria de la Cruz", "Ludwig van Beethoven"). */
static const char *particles[] = { "de", "la", "del", "van", "von", "der", "den", "da", "di", "du",
                                   "le", "bin", "al", "el", "dos", "das", "ter", "ten", NULL };

/* Honorifics that only say a name follows. */
static const char *honorifics[] = { "mr", "mrs", "ms", "miss", "mx", "herr", "frau", "m", "mme",
                                    "mlle", "sr", "sra", "srta", "don", "doña", "dr", "prof",
                                    "sir", "dame", NULL };

/* Reporting verbs whose subject is a person ("Lopez said"). */
static const char *reporting[] = { "said", "says", "told", "added", "explained", "wrote", "stated",
                                   "sagte", "erklärte", "dijo", "afirmó", "declaró", NULL };

static GHashTable *
organisation_words (void)
{
  static gsize once;
  static GHashTable *set;

  if (g_once_init_enter (&once))
    {
      g_auto (GStrv) lines = px_data_read_lines ("lexicon/organisation-words-en.txt");
      GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        g_hash_table_add (words, g_utf8_casefold (lines[i], -1));
      set = words;
      g_once_init_leave (&once, 1);
    }
  return set;
}

static PxToken *
token_at (const Context *ctx,
          guint          i)
{
  return &g_array_index (ctx->tokens, PxToken, i);
}

static gboolean
norm_in (const Context *ctx,
         guint          i,
         const char   **list)
{
  return i < ctx->tokens->len && g_strv_contains (list, token_at (ctx, i)->norm);
}

static gboolean
norm_is (const Context *ctx,
         guint          i,
         const char    *text)
{
  return i < ctx->tokens->len && g_str_equal (token_at (ctx, i)->norm, text);
}

static gboolean
is_possessive (const Context *ctx,
               guint          i)
{
  return g_str_has_suffix (token_at (ctx, i)->norm, "'s");
}

/* A capitalised word that can be part of a name; with @last, one ending in
 * 's too ("Prime Minister Ehud Olmert's office"). */
static gboolean
is_name_word_at (const Context *ctx,
                 guint          i,
                 gboolean       last)
{
  PxToken *t;

  if (i >= ctx->tokens->len)
    return FALSE;
  t = token_at (ctx, i);
  return (t->flags & PX_TOKEN_WORD) && (t->flags & PX_TOKEN_CAPITALISED)
         && !(t->flags & PX_TOKEN_STOP) && (last || !is_possessive (ctx, i))
         && px_phrases_match (ctx->roles, ctx->tokens, i, NULL) == 0
         && !g_strv_contains (honorifics, t->norm);
}

static gboolean
is_name_word (const Context *ctx,
              guint          i)
{
  return is_name_word_at (ctx, i, FALSE);
}

/* Two tokens with nothing between them ("Jean" "-" "Luc"). */
static gboolean
touching (const Context *ctx,
          guint          a,
          guint          b)
{
  return token_at (ctx, a)->end == token_at (ctx, b)->start;
}

/* The number of tokens of the name starting at @i (at most four words). */
static guint
name_forward (const Context *ctx,
              guint          i)
{
  guint j = i, words = 0, last = 0;

  while (j < ctx->tokens->len && words < 4)
    {
      /* "Ehud Olmert's": a possessive ends the name. */
      if (words > 0 && !is_name_word (ctx, j) && is_name_word_at (ctx, j, TRUE))
        {
          last = j + 1;
          words++;
          break;
        }
      /* An initial: "Richard M. Nixon", "J. Edgar Hoover" */
      if ((token_at (ctx, j)->flags & PX_TOKEN_CAPITALISED)
          && g_utf8_strlen (token_at (ctx, j)->norm, -1) == 1 && norm_is (ctx, j + 1, ".")
          && is_name_word (ctx, j + 2))
        {
          words++;
          j += 2;
        }
      else if (is_name_word (ctx, j))
        {
          words++;
          last = j + 1;
          j++;
        }
      else if (words > 0 && norm_is (ctx, j, "-") && touching (ctx, j - 1, j)
               && j + 1 < ctx->tokens->len && touching (ctx, j, j + 1) && is_name_word (ctx, j + 1))
        j++;
      else if (words > 0 && norm_in (ctx, j, particles) && is_name_word (ctx, j + 1))
        j++;
      else
        break;
    }
  return words > 0 ? last - i : 0;
}

/* The first token of the name ending just before @end, or @end if none. */
static guint
name_backward (const Context *ctx,
               guint          end)
{
  guint start = end;

  while (start > 0)
    {
      guint k = start - 1;

      if (is_name_word (ctx, k) || norm_is (ctx, k, ".") || norm_is (ctx, k, "-")
          || (norm_in (ctx, k, particles) && start < end))
        start = k;
      else
        break;
    }
  /* Trim back to a name word at the left edge. */
  while (start < end && !is_name_word (ctx, start))
    start++;
  /* Keep at most four tokens, and make sure the run reads as a name forwards. */
  while (start < end && name_forward (ctx, start) != end - start)
    start++;
  return start;
}

static char *
span_text (const Context *ctx,
           guint          first,
           guint          last)
{
  return g_strndup (ctx->text + token_at (ctx, first)->start,
                    token_at (ctx, last - 1)->end - token_at (ctx, first)->start);
}

static char *
role_value (const Context *ctx,
            guint          i)
{
  const char *value = NULL;

  px_phrases_match (ctx->roles, ctx->tokens, i, &value);
  return g_strdup (value);
}

/* "the utility's", "Acme's": the owner before a role, or NULL. */
static char *
possessor_before (const Context *ctx,
                  guint          role,
                  guint         *start)
{
  guint k;
  PxToken *t;
  g_autofree char *owner = NULL;

  if (role == 0)
    return NULL;
  k = role - 1;
  t = token_at (ctx, k);
  if (!(t->flags & PX_TOKEN_WORD) || !g_str_has_suffix (t->norm, "'s"))
    return NULL;
  /* Back over capitalised words of a firm's name, or "the". */
  while (k > 0 && ((token_at (ctx, k - 1)->flags & PX_TOKEN_CAPITALISED)
                   || norm_is (ctx, k - 1, "the")))
    {
      k--;
      if (norm_is (ctx, k, "the"))
        break;
    }
  *start = k;
  owner = span_text (ctx, k, role);
  /* Drop the possessive ending ('s or ’s). */
  {
    gsize len = strlen (owner);
    if (len >= 2 && owner[len - 1] == 's' && owner[len - 2] == '\'')
      owner[len - 2] = '\0';
    else if (len >= 4 && owner[len - 1] == 's' && g_str_has_suffix (owner, "\xe2\x80\x99s"))
      owner[len - 4] = '\0';
  }
  return g_steal_pointer (&owner);
}

/* "of Acme", "at the utility": the organisation after a role, or NULL. */
static char *
organisation_after (const Context *ctx,
                    guint          j,
                    guint         *end)
{
  guint k;

  if (!norm_is (ctx, j, "of") && !norm_is (ctx, j, "at") && !norm_is (ctx, j, "for"))
    return NULL;
  k = j + 1;
  if (norm_is (ctx, k, "the"))
    k++;
  while (k < ctx->tokens->len && (token_at (ctx, k)->flags & PX_TOKEN_CAPITALISED)
         && (token_at (ctx, k)->flags & PX_TOKEN_WORD))
    k++;
  if (k == j + 1 || (k == j + 2 && norm_is (ctx, j + 1, "the")))
    return NULL;
  *end = k;
  return span_text (ctx, j + 1, k);
}

static void
add_person (const Context *ctx,
            GArray        *out,
            guint          first,
            guint          last,
            guint          name_first,
            guint          name_last,
            guint          role_first,
            guint          role_last,
            char          *organisation)
{
  PxPersonMention m = { 0 };

  /* Taken already, or an organisation's name ("Justice Department", "US
   * Geological Survey"): a word of the list, or an acronym. */
  for (guint k = name_first; k < name_last; k++)
    if (ctx->taken[k] || g_hash_table_contains (ctx->organisation_words, token_at (ctx, k)->norm)
        || (token_at (ctx, k)->flags & PX_TOKEN_UPPER))
      {
        g_free (organisation);
        return;
      }
  m.start = token_at (ctx, first)->start;
  m.end = token_at (ctx, last - 1)->end;
  m.name_start = token_at (ctx, name_first)->start;
  m.name_end = token_at (ctx, name_last - 1)->end;
  if (is_possessive (ctx, name_last - 1))
    {
      /* Without the 's (or ’s). */
      const char *apostrophe = g_utf8_find_prev_char (ctx->text + m.name_start,
                                                      ctx->text + m.name_end - 1);
      m.name_end = apostrophe - ctx->text;
    }
  m.name = g_strndup (ctx->text + m.name_start, m.name_end - m.name_start);
  m.name_key = px_people_name_key (m.name);
  if (role_last > role_first)
    {
      m.role = role_value (ctx, role_first);
      m.role_start = token_at (ctx, role_first)->start;
      m.role_end = token_at (ctx, role_last - 1)->end;
    }
  m.organisation = organisation;
  for (guint k = name_first; k < name_last; k++)
    ctx->taken[k] = TRUE;
  g_array_append_val (out, m);
}

void
px_people_extract (const char *language,
                   const char *text,
                   GArray     *tokens,
                   GArray     *out)
{
  g_autofree gboolean *taken = NULL;
  Context ctx = {
    .language = px_language_canonical (language) ? px_language_canonical (language) : "en",
    .text = text,
    .tokens = tokens,
  };

  g_return_if_fail (text != NULL && tokens != NULL && out != NULL);

  ctx.roles = px_phrases_get_shared ("lexicon/roles-%s.txt", ctx.language);
  ctx.organisation_words = organisation_words ();
  taken = g_new0 (gboolean, tokens->len + 1);
  ctx.taken = taken;

  for (guint i = 0; i < tokens->len; i++)
    {
      guint n = px_phrases_match (ctx.roles, tokens, i, NULL);
      guint role_end = i + n, first = i, last, name, org_start = i, org_end;
      char *organisation;

      if (n == 0)
        continue;
      organisation = possessor_before (&ctx, i, &org_start);

      /* "chief executive Maria Lopez", "Acme's COO Maria Lopez", "Dr. Lopez" */
      name = role_end + (norm_is (&ctx, role_end, ".") ? 1 : 0);
      if ((last = name_forward (&ctx, name)) > 0)
        {
          add_person (&ctx, out, MIN (org_start, first), name + last, name, name + last, i, role_end,
                      organisation);
          i = name + last - 1;
          continue;
        }
      /* "the utility's chief operating officer, Maria Lopez" */
      if (norm_is (&ctx, role_end, ",") && (last = name_forward (&ctx, role_end + 1)) > 0
          && (organisation != NULL || i == 0 || norm_is (&ctx, i - 1, "the")
              || norm_is (&ctx, i - 1, "its") || norm_is (&ctx, i - 1, "their")))
        {
          add_person (&ctx, out, MIN (org_start, first), role_end + 1 + last, role_end + 1,
                      role_end + 1 + last, i, role_end, organisation);
          i = role_end + last;
          continue;
        }
      /* "Maria Lopez, (the) (Acme's) chief operating officer (of Acme)" */
      {
        guint k = MIN (org_start, i);

        if (k > 0 && (norm_is (&ctx, k - 1, "the") || norm_is (&ctx, k - 1, "a")
                      || norm_is (&ctx, k - 1, "an")))
          k--;
        if (k > 0 && norm_is (&ctx, k - 1, ","))
          {
            guint start = name_backward (&ctx, k - 1);

            if (start < k - 1)
              {
                if (organisation == NULL)
                  organisation = organisation_after (&ctx, role_end, &org_end);
                else
                  org_end = role_end;
                add_person (&ctx, out, start, organisation != NULL ? MAX (org_end, role_end) : role_end,
                            start, k - 1, i, role_end, organisation);
                i = role_end - 1;
                continue;
              }
          }
      }
      g_free (organisation);
    }

  /* Names without a role: after an honorific, or before a reporting verb. */
  for (guint i = 0; i < tokens->len; i++)
    {
      guint last;

      if (taken[i])
        continue;
      /* "Mr. Gigante", "Ms Livni"; not "MS Columbus" (a ship). */
      if ((token_at (&ctx, i)->flags & PX_TOKEN_CAPITALISED)
          && !(token_at (&ctx, i)->flags & PX_TOKEN_UPPER) && norm_in (&ctx, i, honorifics))
        {
          guint name = i + 1 + (norm_is (&ctx, i + 1, ".") ? 1 : 0);

          if ((last = name_forward (&ctx, name)) > 0)
            {
              add_person (&ctx, out, i, name + last, name, name + last, 0, 0, NULL);
              i = name + last - 1;
            }
          continue;
        }
      /* Two words at least: "Microsoft said" is as common as "Gaskin said". */
      if ((last = name_forward (&ctx, i)) > 1 && norm_in (&ctx, i + last, reporting))
        {
          add_person (&ctx, out, i, i + last, i, i + last, 0, 0, NULL);
          i += last - 1;
        }
    }
}

char *
px_people_normalise_role (const char *language,
                          const char *role)
{
  g_autoptr (PxTokenizer) tokenizer = NULL;
  g_autoptr (GArray) tokens = NULL;
  PxPhrases *roles;
  const char *value = NULL;

  g_return_val_if_fail (role != NULL, NULL);

  roles = px_phrases_get_shared ("lexicon/roles-%s.txt", language);
  tokenizer = px_tokenizer_new (language);
  tokens = px_tokenizer_tokenize (tokenizer, role, 0, strlen (role));
  if (tokens->len > 0 && px_phrases_match (roles, tokens, 0, &value) == tokens->len)
    return g_strdup (value);
  return px_tokenizer_fold (role, -1);
}

void
px_person_mention_clear (PxPersonMention *mention)
{
  g_clear_pointer (&mention->name, g_free);
  g_clear_pointer (&mention->name_key, g_free);
  g_clear_pointer (&mention->role, g_free);
  g_clear_pointer (&mention->organisation, g_free);
}

GArray *
px_person_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PxPersonMention));

  g_array_set_clear_func (array, (GDestroyNotify) px_person_mention_clear);
  return array;
}

char *
px_people_name_key (const char *name)
{
  g_autofree char *ascii = NULL;
  g_autofree char *lower = NULL;
  g_auto (GStrv) words = NULL;
  GString *key = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);

  /* "López" → "Lopez": accents are often dropped by one outlet. */
  ascii = g_str_to_ascii (name, "C");
  lower = g_ascii_strdown (ascii, -1);
  for (char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '\'' && *p != '-')
      *p = ' ';
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || (key->len == 0 && g_strv_contains (honorifics, words[i])))
        continue;
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, words[i]);
    }
  return g_string_free (key, FALSE);
}

guint
px_people_edit_distance (const char *a,
                         const char *b)
{
  g_autofree gunichar *x = NULL;
  g_autofree gunichar *y = NULL;
  g_autofree guint *row = NULL;
  glong n, m;
  guint result;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  x = g_utf8_to_ucs4_fast (a, -1, &n);
  y = g_utf8_to_ucs4_fast (b, -1, &m);
  row = g_new (guint, m + 1);
  for (glong j = 0; j <= m; j++)
    row[j] = j;
  for (glong i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = x[i - 1] == y[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  result = row[m];
  return result;
}

/* The first and last words of a name key. */
static void
split_name (const char  *key,
            GStrv       *words,
            const char **first,
            const char **last)
{
  guint n;

  *words = g_strsplit (key, " ", -1);
  n = g_strv_length (*words);
  *first = n >= 2 ? (*words)[0] : NULL;
  *last = n >= 1 ? (*words)[n - 1] : NULL;
}

static gboolean
surnames_close (const char *a,
                const char *b)
{
  guint d;

  /* Short surnames ("Li" / "Lu") differ by one letter too often. */
  if (g_utf8_strlen (a, -1) < 4 || g_utf8_strlen (b, -1) < 4)
    return FALSE;
  d = px_people_edit_distance (a, b);
  return d >= 1 && d <= 2;
}

gboolean
px_people_is_spelling_variant (const char *name_a,
                               const char *name_b)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto (GStrv) words_a = NULL;
  g_auto (GStrv) words_b = NULL;
  const char *first_a, *last_a, *first_b, *last_b;

  g_return_val_if_fail (name_a != NULL && name_b != NULL, FALSE);

  a = px_people_name_key (name_a);
  b = px_people_name_key (name_b);
  if (g_str_equal (a, b) || *a == '\0' || *b == '\0')
    return FALSE;
  split_name (a, &words_a, &first_a, &last_a);
  split_name (b, &words_b, &first_b, &last_b);
  if (first_a != NULL && first_b != NULL && !g_str_equal (first_a, first_b))
    return FALSE;
  return surnames_close (last_a, last_b);
}

gboolean
px_people_same_person (const char *name_a,
                       const char *name_b)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto (GStrv) words_a = NULL;
  g_auto (GStrv) words_b = NULL;
  const char *first_a, *last_a, *first_b, *last_b;

  g_return_val_if_fail (name_a != NULL && name_b != NULL, FALSE);

  a = px_people_name_key (name_a);
  b = px_people_name_key (name_b);
  if (*a == '\0' || *b == '\0')
    return FALSE;
  if (g_str_equal (a, b))
    return TRUE;
  split_name (a, &words_a, &first_a, &last_a);
  split_name (b, &words_b, &first_b, &last_b);
  /* "Lopez" and "Maria Lopez" */
  if ((first_a == NULL || first_b == NULL) && g_str_equal (last_a, last_b))
    return TRUE;
  return px_people_is_spelling_variant (name_a, name_b);
}
