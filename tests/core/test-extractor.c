/* test-extractor.c: quantities, dates, people, quotes and certainty of sentences
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-extractor.h"

static GHashTable *ecbplus;  /* "DOC:SENTENCE" → text */

static void
load_ecbplus (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PX_TEST_DATA"), "text",
                                            "ecbplus-sentences.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  ecbplus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);

      if (*lines[i] != '#' && g_strv_length (fields) == 2)
        g_hash_table_insert (ecbplus, g_strdup (fields[0]), g_strdup (fields[1]));
    }
}

static const char *
sentence (const char *id)
{
  const char *text = g_hash_table_lookup (ecbplus, id);

  g_assert_nonnull (text);
  return text;
}

static PxSentenceFacts *
facts_of (const char *language,
          const char *text,
          const char *published)
{
  g_autoptr (PxExtractor) extractor = px_extractor_new (language);

  return px_extract_facts (extractor, text, 0, strlen (text), published);
}

static char *
span (const char *text,
      guint       start,
      guint       end)
{
  return g_strndup (text + start, end - start);
}

static PxQuantity *
quantity (PxSentenceFacts *facts,
          guint            i)
{
  g_assert_cmpuint (i, <, facts->quantities->len);
  return &g_array_index (facts->quantities, PxQuantity, i);
}

static PxDateMention *
date (PxSentenceFacts *facts,
      guint            i)
{
  g_assert_cmpuint (i, <, facts->dates->len);
  return &g_array_index (facts->dates, PxDateMention, i);
}

static PxPersonMention *
person (PxSentenceFacts *facts,
        guint            i)
{
  g_assert_cmpuint (i, <, facts->people->len);
  return &g_array_index (facts->people, PxPersonMention, i);
}

/* The issue's examples: one claim with a quantity conflict, one without. */
static void
test_issue_quantities (void)
{
  const char *a = "At least 12,000 households in the county lost power.";
  const char *b = "Tens of thousands of homes across the region lost power.";
  const char *c = "Nearly a quarter of the injured were children.";
  const char *d = "About one in four of those hurt were minors.";
  g_autoptr (PxSentenceFacts) fa = facts_of ("en", a, NULL);
  g_autoptr (PxSentenceFacts) fb = facts_of ("en", b, NULL);
  g_autoptr (PxSentenceFacts) fc = facts_of ("en", c, NULL);
  g_autoptr (PxSentenceFacts) fd = facts_of ("en", d, NULL);
  g_autofree char *qa = NULL;

  g_assert_cmpuint (fa->quantities->len, ==, 1);
  g_assert_cmpfloat (quantity (fa, 0)->value, ==, 12000);
  g_assert_cmpint (quantity (fa, 0)->qualifier, ==, PX_QUALIFIER_AT_LEAST);
  g_assert_cmpstr (quantity (fa, 0)->qualifier_text, ==, "At least");
  g_assert_cmpstr (quantity (fa, 0)->unit, ==, "households");
  g_assert_cmpstr (quantity (fa, 0)->unit_stem, ==, "household");
  qa = span (a, quantity (fa, 0)->start, quantity (fa, 0)->end);
  g_assert_cmpstr (qa, ==, "At least 12,000");

  g_assert_cmpuint (fb->quantities->len, ==, 1);
  g_assert_cmpint (quantity (fb, 0)->qualifier, ==, PX_QUALIFIER_VAGUE);
  g_assert_cmpfloat (quantity (fb, 0)->low, ==, 20000);
  g_assert_cmpfloat (quantity (fb, 0)->high, ==, 90000);
  g_assert_cmpstr (quantity (fb, 0)->unit, ==, "homes");
  g_assert_false (px_quantity_agrees (quantity (fa, 0), quantity (fb, 0)));

  g_assert_cmpuint (fc->quantities->len, ==, 1);
  g_assert_cmpuint (fd->quantities->len, ==, 1);
  g_assert_cmpint (quantity (fc, 0)->kind, ==, PX_QUANTITY_SHARE);
  g_assert_cmpint (quantity (fd, 0)->kind, ==, PX_QUANTITY_SHARE);
  g_assert_cmpfloat_with_epsilon (quantity (fc, 0)->value, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (quantity (fd, 0)->value, 0.25, 1e-9);
  g_assert_cmpint (quantity (fc, 0)->qualifier, ==, PX_QUALIFIER_NEARLY);
  g_assert_cmpint (quantity (fd, 0)->qualifier, ==, PX_QUALIFIER_ABOUT);
  g_assert_cmpstr (quantity (fc, 0)->unit, ==, "injured");
  g_assert_cmpstr (quantity (fd, 0)->unit, ==, "hurt");
  g_assert_true (px_quantity_agrees (quantity (fc, 0), quantity (fd, 0)));
}

static void
test_number_forms (void)
{
  g_autoptr (PxSentenceFacts) f = facts_of ("en",
    "Officials said twelve thousand people, or 40%, and two-thirds of 12,500 voters, "
    "hundreds of thousands in all, with up to 40 percent roughly 300 or so.", NULL);
  double values[] = { 12000, 0.4, 2.0 / 3, 12500, 424264.0687, 0.4, 300 };
  PxQualifier qualifiers[] = { PX_QUALIFIER_EXACT, PX_QUALIFIER_EXACT, PX_QUALIFIER_EXACT,
                               PX_QUALIFIER_EXACT, PX_QUALIFIER_VAGUE, PX_QUALIFIER_AT_MOST,
                               PX_QUALIFIER_ABOUT };

  g_assert_cmpuint (f->quantities->len, ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_cmpfloat_with_epsilon (quantity (f, i)->value, values[i], 1e-3);
      g_assert_cmpint (quantity (f, i)->qualifier, ==, qualifiers[i]);
    }
  g_assert_cmpstr (quantity (f, 0)->unit, ==, "people");
  g_assert_cmpfloat (quantity (f, 4)->low, ==, 200000);
  g_assert_cmpfloat (quantity (f, 4)->high, ==, 900000);
}

/* Money in real ECB+ sentences. */
static void
test_ecbplus_money (void)
{
  g_autoptr (PxSentenceFacts) trial = facts_of ("en", sentence ("3_1ecb:11"), NULL);
  g_autoptr (PxSentenceFacts) deal = facts_of ("en", sentence ("5_2ecb:18"), NULL);
  g_autoptr (PxSentenceFacts) paid = facts_of ("en", sentence ("6_10ecbplus:6"), NULL);
  g_autoptr (PxSentenceFacts) reward = facts_of ("en", sentence ("8_1ecb:15"), NULL);
  g_autoptr (PxSentenceFacts) share = facts_of ("en", sentence ("3_1ecb:19"), NULL);

  /* "The trial has already cost more than $2 million, likely …" */
  g_assert_cmpuint (trial->quantities->len, ==, 1);
  g_assert_cmpint (quantity (trial, 0)->kind, ==, PX_QUANTITY_MONEY);
  g_assert_cmpstr (quantity (trial, 0)->unit, ==, "$");
  g_assert_cmpfloat (quantity (trial, 0)->value, ==, 2e6);
  g_assert_cmpint (quantity (trial, 0)->qualifier, ==, PX_QUALIFIER_AT_LEAST);
  /* "a five-year deal worth nearly $80 million" */
  g_assert_cmpuint (deal->quantities->len, >=, 2);
  g_assert_cmpfloat (quantity (deal, 0)->value, ==, 5);
  g_assert_cmpstr (quantity (deal, 0)->unit, ==, "year");
  g_assert_cmpfloat (quantity (deal, 1)->value, ==, 80e6);
  g_assert_cmpint (quantity (deal, 1)->qualifier, ==, PX_QUALIFIER_NEARLY);
  /* "$3 million … plus five per cent" */
  g_assert_cmpuint (paid->quantities->len, ==, 2);
  g_assert_cmpfloat (quantity (paid, 0)->value, ==, 3e6);
  g_assert_cmpint (quantity (paid, 1)->kind, ==, PX_QUANTITY_SHARE);
  g_assert_cmpfloat_with_epsilon (quantity (paid, 1)->value, 0.05, 1e-9);
  g_assert_cmpuint (reward->quantities->len, ==, 1);
  g_assert_cmpfloat (quantity (reward, 0)->value, ==, 35000);
  g_assert_cmpstr (quantity (reward, 0)->unit, ==, "$");
  g_assert_cmpfloat_with_epsilon (quantity (share, 0)->value, 0.43, 1e-9);
}

/* "lost an estimated $10 million to $15 million", "worth between $60
 * million to $70 million": one quantity with two bounds. */
static void
test_ecbplus_ranges (void)
{
  g_autoptr (PxSentenceFacts) lost = facts_of ("en", sentence ("2_11ecb:15"), NULL);
  g_autoptr (PxSentenceFacts) worth = facts_of ("en", sentence ("5_9ecbplus:4"), NULL);
  g_autofree char *text = NULL;

  g_assert_cmpuint (lost->quantities->len, ==, 1);
  g_assert_cmpint (quantity (lost, 0)->qualifier, ==, PX_QUALIFIER_RANGE);
  g_assert_cmpfloat (quantity (lost, 0)->low, ==, 10e6);
  g_assert_cmpfloat (quantity (lost, 0)->high, ==, 15e6);
  g_assert_cmpuint (worth->quantities->len, ==, 1);
  g_assert_cmpint (quantity (worth, 0)->kind, ==, PX_QUANTITY_MONEY);
  g_assert_cmpfloat (quantity (worth, 0)->low, ==, 60e6);
  g_assert_cmpfloat (quantity (worth, 0)->high, ==, 70e6);
  text = span (sentence ("5_9ecbplus:4"), quantity (worth, 0)->start, quantity (worth, 0)->end);
  g_assert_cmpstr (text, ==, "between $60 million to $70 million");
  g_assert_false (px_quantity_agrees (quantity (lost, 0), quantity (worth, 0)));
}

static void
test_dates (void)
{
  /* ECB+ 1_10ecb:3, "… she went to Promises on Tuesday …", read as if
   * published on Thursday 3 January 2009. */
  g_autoptr (PxSentenceFacts) tuesday = facts_of ("en", sentence ("1_10ecb:3"), "2009-01-03");
  g_autoptr (PxSentenceFacts) range = facts_of ("en", sentence ("1_10ecbplus:4"), NULL);
  g_autoptr (PxSentenceFacts) last = facts_of ("en", sentence ("1_12ecb:11"), "2009-01-07");
  g_autoptr (PxSentenceFacts) forms = facts_of ("en",
    "It closed March 12, 2024, 12 March 2024 or 2024-03-12, in March last year, late 2019, "
    "at 3 p.m. yesterday, three days ago and last month.", "2024-03-14");
  const char *expected[] = { "2024-03-12", "2024-03-12", "2024-03-12", "2023-03",
                             "2019-09-01..2019-12-31", "15:00", "2024-03-13", "2024-03-11",
                             "2024-02" };
  g_autofree char *word = NULL;

  g_assert_cmpuint (tuesday->dates->len, ==, 1);
  word = span (sentence ("1_10ecb:3"), date (tuesday, 0)->start, date (tuesday, 0)->end);
  g_assert_cmpstr (word, ==, "Tuesday");
  g_assert_true (date (tuesday, 0)->relative);
  g_assert_cmpuint (date (tuesday, 0)->first, ==, 20081230);
  g_assert_cmpuint (date (tuesday, 0)->last, ==, 20081230);

  /* "from September 2010 to January 2011" */
  g_assert_cmpuint (range->dates->len, ==, 2);
  g_assert_cmpint (date (range, 0)->granularity, ==, PX_DATE_MONTH);
  g_assert_cmpuint (date (range, 0)->first, ==, 20100901);
  g_assert_cmpuint (date (range, 0)->last, ==, 20100930);
  g_assert_cmpuint (date (range, 1)->first, ==, 20110101);
  g_assert_false (px_date_mention_agrees (date (range, 0), date (range, 1)));

  /* "Sadly last week we learned …" */
  g_assert_cmpuint (last->dates->len, ==, 1);
  g_assert_cmpint (last->dates->len, ==, 1);
  g_assert_cmpint (date (last, 0)->granularity, ==, PX_DATE_WEEK);
  g_assert_cmpuint (date (last, 0)->first, ==, 20081229);
  g_assert_cmpuint (date (last, 0)->last, ==, 20090104);

  g_assert_cmpuint (forms->dates->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *s = px_date_mention_to_string (date (forms, i));
      g_assert_cmpstr (s, ==, expected[i]);
    }
  /* Numbers inside dates are not quantities; "three days" is a date here. */
  g_assert_cmpuint (forms->quantities->len, ==, 0);
}

static void
test_unresolved_dates (void)
{
  g_autoptr (PxSentenceFacts) f = facts_of ("en", "She may leave on Tuesday, in May.", NULL);

  g_assert_cmpuint (f->dates->len, ==, 2);
  g_assert_false (date (f, 0)->resolved);
  g_assert_cmpuint (date (f, 0)->first, ==, 0);
  /* "may" the verb is not the month. */
  g_assert_cmpint (date (f, 1)->granularity, ==, PX_DATE_MONTH);
  g_assert_true (px_date_mention_agrees (date (f, 0), date (f, 1)));
}

/* The issue's role example: one person, three roles, one spelling variant. */
static void
test_issue_roles (void)
{
  const char *a = "The utility's chief operating officer, Maria Lopez, said crews worked overnight.";
  const char *b = "Chief executive Maria Lopez said crews worked overnight.";
  const char *c = "Operations director Maria Lopes said crews worked overnight.";
  g_autoptr (PxSentenceFacts) fa = facts_of ("en", a, NULL);
  g_autoptr (PxSentenceFacts) fb = facts_of ("en", b, NULL);
  g_autoptr (PxSentenceFacts) fc = facts_of ("en", c, NULL);
  g_autofree char *role = NULL;

  g_assert_cmpuint (fa->people->len, ==, 1);
  g_assert_cmpstr (person (fa, 0)->name, ==, "Maria Lopez");
  g_assert_cmpstr (person (fa, 0)->name_key, ==, "maria lopez");
  g_assert_cmpstr (person (fa, 0)->role, ==, "chief operating officer");
  g_assert_cmpstr (person (fa, 0)->organisation, ==, "The utility");
  role = span (a, person (fa, 0)->role_start, person (fa, 0)->role_end);
  g_assert_cmpstr (role, ==, "chief operating officer");

  g_assert_cmpuint (fb->people->len, ==, 1);
  g_assert_cmpstr (person (fb, 0)->role, ==, "chief executive");
  g_assert_cmpuint (fc->people->len, ==, 1);
  g_assert_cmpstr (person (fc, 0)->name, ==, "Maria Lopes");
  g_assert_cmpstr (person (fc, 0)->role, ==, "operations director");

  g_assert_true (px_people_same_person (person (fa, 0)->name, person (fb, 0)->name));
  g_assert_false (px_people_is_spelling_variant (person (fa, 0)->name, person (fb, 0)->name));
  g_assert_true (px_people_is_spelling_variant (person (fa, 0)->name, person (fc, 0)->name));
  g_assert_true (px_people_same_person (person (fb, 0)->name, person (fc, 0)->name));
}

static void
test_role_forms (void)
{
  g_autoptr (PxSentenceFacts) f = facts_of ("en",
    "Acme's COO John Smith met John Smith, chief operating officer of Acme Corp.", NULL);
  g_autofree char *coo = px_people_normalise_role ("en", "COO");
  g_autofree char *ceo = px_people_normalise_role ("en", "Chief Executive Officer");
  g_autofree char *unknown = px_people_normalise_role ("en", "Chief Gardener");

  g_assert_cmpstr (coo, ==, "chief operating officer");
  g_assert_cmpstr (ceo, ==, "chief executive");
  g_assert_cmpstr (unknown, ==, "chief gardener");
  g_assert_cmpuint (f->people->len, ==, 2);
  g_assert_cmpstr (person (f, 0)->organisation, ==, "Acme");
  g_assert_cmpstr (person (f, 0)->role, ==, "chief operating officer");
  g_assert_cmpstr (person (f, 1)->organisation, ==, "Acme Corp");
  g_assert_cmpstr (person (f, 1)->role, ==, "chief operating officer");
}

/* Real ECB+ sentences with people in several shapes. */
static void
test_ecbplus_people (void)
{
  g_autoptr (PxSentenceFacts) unger = facts_of ("en", sentence ("2_11ecb:18"), NULL);
  g_autoptr (PxSentenceFacts) lee_a = facts_of ("en", sentence ("2_1ecbplus:20"), NULL);
  g_autoptr (PxSentenceFacts) lee_b = facts_of ("en", sentence ("2_4ecbplus:13"), NULL);
  g_autoptr (PxSentenceFacts) perez = facts_of ("en", sentence ("3_10ecbplus:4"), NULL);
  g_autoptr (PxSentenceFacts) lyons = facts_of ("en", sentence ("3_5ecbplus:4"), NULL);

  /* "… said Academy spokeswoman Leslie Unger." */
  g_assert_cmpuint (unger->people->len, ==, 1);
  g_assert_cmpstr (person (unger, 0)->name, ==, "Leslie Unger");
  g_assert_cmpstr (person (unger, 0)->role, ==, "spokesperson");
  /* "said Paul Lee, president, ABC Entertainment Group" and
   * "ABC Entertainment Group president Paul Lee said" */
  g_assert_cmpuint (lee_a->people->len, ==, 1);
  g_assert_cmpuint (lee_b->people->len, ==, 1);
  g_assert_cmpstr (person (lee_a, 0)->name, ==, "Paul Lee");
  g_assert_cmpstr (person (lee_b, 0)->name, ==, "Paul Lee");
  g_assert_cmpstr (person (lee_a, 0)->role, ==, "president");
  g_assert_cmpstr (person (lee_b, 0)->role, ==, "president");
  /* "said Alfredo Perez, a spokesman for the U. S. Marshals Service" */
  g_assert_cmpuint (perez->people->len, ==, 1);
  g_assert_cmpstr (person (perez, 0)->name, ==, "Alfredo Perez");
  g_assert_cmpstr (person (perez, 0)->role, ==, "spokesperson");
  g_assert_cmpuint (lyons->people->len, ==, 1);
  g_assert_cmpstr (person (lyons, 0)->name, ==, "Michelle Lyons");
}

static void
test_names (void)
{
  g_autofree char *key = px_people_name_key ("Dr. María  López");

  g_assert_cmpstr (key, ==, "maria lopez");
  g_assert_cmpuint (px_people_edit_distance ("lopez", "lopes"), ==, 1);
  g_assert_cmpuint (px_people_edit_distance ("", "abc"), ==, 3);
  g_assert_true (px_people_same_person ("María López", "Maria Lopez"));
  g_assert_true (px_people_same_person ("Lopez", "Maria Lopez"));
  g_assert_true (px_people_is_spelling_variant ("Lopez", "Maria Lopes"));
  g_assert_false (px_people_is_spelling_variant ("Maria Lopez", "Mario Lopes"));
  g_assert_false (px_people_is_spelling_variant ("Maria Lopez", "Maria Gonzalez"));
  g_assert_false (px_people_same_person ("Tara Reid", "Lindsay Lohan"));
}

static void
test_quotes (void)
{
  const char *texts[] = {
    sentence ("2_1ecbplus:20"),
    sentence ("28_6ecbplus:7"),
    "„Wir arbeiten daran“, sagte die Sprecherin.",
    "Elle assure que ce mouvement « n’aura aucun impact sur les livraisons ».",
    "He called it 'a disaster' but the utility's crews' work went on.",
  };
  const char *inner[] = {
    " It is an honor to welcome back Ellen DeGeneres as the host of the biggest entertainment "
    "celebration of the year, ",
    "bagman",
    "Wir arbeiten daran",
    " n’aura aucun impact sur les livraisons ",
    "a disaster",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (PxSentenceFacts) f = facts_of ("en", texts[i], NULL);
      PxQuote *q;
      g_autofree char *got = NULL;

      g_assert_cmpuint (f->quotes->len, ==, 1);
      q = &g_array_index (f->quotes, PxQuote, 0);
      got = span (texts[i], q->inner_start, q->inner_end);
      g_assert_cmpstr (got, ==, inner[i]);
      g_assert_cmpuint (q->start, <, q->inner_start);
      g_assert_cmpuint (q->end, >, q->inner_end);
    }
}

static void
test_quote_across_sentences (void)
{
  const char *text = "“We are working hard. Power is back,” she said.";
  const char *second = strstr (text, "Power");
  g_autoptr (PxExtractor) extractor = px_extractor_new ("en");
  g_autoptr (PxSentenceFacts) first = px_extract_facts (extractor, text, 0, second - text - 1, NULL);
  g_autoptr (PxSentenceFacts) next = px_extract_facts (extractor, text, second - text, strlen (text), NULL);
  PxQuote *a, *b;

  g_assert_cmpuint (first->quotes->len, ==, 1);
  g_assert_cmpuint (next->quotes->len, ==, 1);
  a = &g_array_index (first->quotes, PxQuote, 0);
  b = &g_array_index (next->quotes, PxQuote, 0);
  g_assert_cmpuint (a->inner_end, ==, second - text - 1);
  g_assert_cmpuint (b->inner_start, ==, second - text);
  g_assert_cmpuint (b->inner_end, ==, strstr (text, "”") - text);
}

static void
test_certainty (void)
{
  struct
  {
    const char  *text;
    PxCertainty  level;
    const char  *cue;
  } cases[] = {
    { sentence ("1_7ecb:1"), PX_CERTAINTY_UNCERTAIN, "reportedly" },
    { sentence ("1_17ecb:0"), PX_CERTAINTY_REPORTED, "according to" },
    { sentence ("3_1ecb:11"), PX_CERTAINTY_HEDGED, "likely" },
    { sentence ("5_9ecbplus:4"), PX_CERTAINTY_HEDGED, "believed to" },
    { sentence ("6_10ecbplus:6"), PX_CERTAINTY_UNCERTAIN, "Allegedly" },
    { "Investigators assessed with moderate confidence that the fire started in the kitchen.",
      PX_CERTAINTY_HEDGED, "with moderate confidence" },
    { "The cause is certain.", PX_CERTAINTY_ASSERTED, "is certain" },
    { "The fire started in the kitchen.", PX_CERTAINTY_UNMARKED, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PxSentenceFacts) f = facts_of ("en", cases[i].text, NULL);

      g_assert_cmpstr (px_certainty_to_string (f->certainty), ==,
                       px_certainty_to_string (cases[i].level));
      g_assert_cmpstr (f->certainty_cue, ==, cases[i].cue);
    }
}

static void
test_other_languages (void)
{
  g_autoptr (PxSentenceFacts) de = facts_of ("de",
    "Am 12. März 2024 waren laut Sprecher mindestens 12.000 Haushalte und rund 40 Prozent "
    "der Kunden ohne Strom, vor drei Tagen Zehntausende.", "2024-03-14");
  g_autoptr (PxSentenceFacts) fr = facts_of ("fr",
    "Le 12 mars 2024, au moins 12 000 foyers, soit la moitié des habitants, selon le porte-parole.",
    NULL);
  g_autoptr (PxSentenceFacts) es = facts_of ("es",
    "El 12 de marzo de 2024, al menos 12.000 hogares y casi la mitad de los heridos, según el portavoz.",
    NULL);

  g_assert_cmpuint (de->dates->len, ==, 2);
  g_assert_cmpuint (date (de, 0)->first, ==, 20240312);
  g_assert_cmpuint (date (de, 1)->first, ==, 20240311);
  g_assert_cmpuint (de->quantities->len, ==, 3);
  g_assert_cmpfloat (quantity (de, 0)->value, ==, 12000);
  g_assert_cmpint (quantity (de, 0)->qualifier, ==, PX_QUALIFIER_AT_LEAST);
  g_assert_cmpstr (quantity (de, 0)->unit_stem, ==, "haushalt");
  g_assert_cmpfloat_with_epsilon (quantity (de, 1)->value, 0.4, 1e-9);
  g_assert_cmpint (quantity (de, 2)->qualifier, ==, PX_QUALIFIER_VAGUE);
  g_assert_cmpint (de->certainty, ==, PX_CERTAINTY_REPORTED);

  g_assert_cmpuint (fr->dates->len, ==, 1);
  g_assert_cmpuint (date (fr, 0)->first, ==, 20240312);
  g_assert_cmpuint (fr->quantities->len, ==, 2);
  g_assert_cmpfloat (quantity (fr, 0)->value, ==, 12000);
  g_assert_cmpfloat (quantity (fr, 1)->value, ==, 0.5);
  g_assert_cmpint (fr->certainty, ==, PX_CERTAINTY_REPORTED);

  g_assert_cmpuint (es->dates->len, ==, 1);
  g_assert_cmpuint (date (es, 0)->first, ==, 20240312);
  g_assert_cmpuint (es->quantities->len, ==, 2);
  g_assert_cmpfloat (quantity (es, 0)->value, ==, 12000);
  g_assert_cmpint (quantity (es, 1)->qualifier, ==, PX_QUALIFIER_NEARLY);
  g_assert_cmpint (es->certainty, ==, PX_CERTAINTY_REPORTED);
}

static gpointer
extract_cb (gpointer data)
{
  test_issue_quantities ();
  test_issue_roles ();
  return NULL;
}

static void
test_threads (void)
{
  /* Extractors of one language share their lexicons; use them from threads. */
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();

  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (threads, g_thread_new ("extract", extract_cb, NULL));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  load_ecbplus ();

  g_test_add_func ("/px/extractor/issue-quantities", test_issue_quantities);
  g_test_add_func ("/px/extractor/number-forms", test_number_forms);
  g_test_add_func ("/px/extractor/ecbplus-money", test_ecbplus_money);
  g_test_add_func ("/px/extractor/ecbplus-ranges", test_ecbplus_ranges);
  g_test_add_func ("/px/extractor/dates", test_dates);
  g_test_add_func ("/px/extractor/unresolved-dates", test_unresolved_dates);
  g_test_add_func ("/px/extractor/issue-roles", test_issue_roles);
  g_test_add_func ("/px/extractor/role-forms", test_role_forms);
  g_test_add_func ("/px/extractor/ecbplus-people", test_ecbplus_people);
  g_test_add_func ("/px/extractor/names", test_names);
  g_test_add_func ("/px/extractor/quotes", test_quotes);
  g_test_add_func ("/px/extractor/quote-across-sentences", test_quote_across_sentences);
  g_test_add_func ("/px/extractor/certainty", test_certainty);
  g_test_add_func ("/px/extractor/other-languages", test_other_languages);
  g_test_add_func ("/px/extractor/threads", test_threads);
  status = g_test_run ();
  g_hash_table_unref (ecbplus);
  return status;
}
