/* test-conflicts.c: each kind of conflict on the examples and ECB+ sentences
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "px-conflicts.h"
#include "px-extractor.h"

typedef struct
{
  const char *text;
  const char *published;
} Member;

/* Extracts the facts of each text (one article each) and finds the
 * conflicts among them. */
static GPtrArray *
conflicts_of (const Member *members,
              guint         n)
{
  g_autoptr (PxExtractor) extractor = px_extractor_new ("en");
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) px_sentence_facts_free);
  g_autofree PxConflictInput *inputs = g_new0 (PxConflictInput, n);

  for (guint i = 0; i < n; i++)
    {
      PxSentenceFacts *f = px_extract_facts (extractor, members[i].text, 0, strlen (members[i].text),
                                             members[i].published);

      g_ptr_array_add (facts, f);
      inputs[i] = (PxConflictInput) { i, members[i].text, f };
    }
  return px_conflicts_find (inputs, n);
}

static const PxConflict *
find_kind (GPtrArray      *conflicts,
           PxConflictKind  kind)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (((PxConflict *) conflicts->pdata[i])->kind == kind)
      return conflicts->pdata[i];
  return NULL;
}

static const char *
value_of (const PxConflict *conflict,
          guint             article)
{
  for (guint i = 0; i < conflict->values->len; i++)
    if (g_array_index (conflict->values, PxConflictValue, i).article == article)
      return g_array_index (conflict->values, PxConflictValue, i).text;
  return NULL;
}

/* The example: one person, three titles, one spelling variant. */
static void
test_conflicts_role_and_name (void)
{
  static const Member members[] = {
    { "the utility's chief operating officer, Maria Lopez", NULL },
    { "chief executive Maria Lopez", NULL },
    { "operations director Maria Lopes", NULL },
  };
  g_autoptr (GPtrArray) conflicts = conflicts_of (members, G_N_ELEMENTS (members));
  const PxConflict *role = find_kind (conflicts, PX_CONFLICT_ROLE);
  const PxConflict *name = find_kind (conflicts, PX_CONFLICT_NAME);

  g_assert_nonnull (role);
  g_assert_cmpuint (role->values->len, ==, 3);
  g_assert_cmpstr (value_of (role, 0), ==, "chief operating officer");
  g_assert_cmpstr (value_of (role, 1), ==, "chief executive");
  g_assert_cmpstr (value_of (role, 2), ==, "operations director");
  g_assert_nonnull (name);
  g_assert_cmpstr (value_of (name, 0), ==, "Maria Lopez");
  g_assert_cmpstr (value_of (name, 2), ==, "Maria Lopes");
}

/* The example: a count and an order of magnitude that cannot both be right. */
static void
test_conflicts_number (void)
{
  static const Member members[] = {
    { "at least 12,000 households in the county lost power", NULL },
    { "tens of thousands of homes across the region", NULL },
  };
  g_autoptr (GPtrArray) conflicts = conflicts_of (members, G_N_ELEMENTS (members));
  const PxConflict *number = find_kind (conflicts, PX_CONFLICT_NUMBER);

  g_assert_nonnull (number);
  g_assert_cmpstr (value_of (number, 0), ==, "at least 12,000");
  g_assert_nonnull (strstr (value_of (number, 1), "tens of thousands"));
}

/* The example of the same claim worded differently: no conflict. */
static void
test_conflicts_agreeing_shares (void)
{
  static const Member members[] = {
    { "nearly a quarter of the injured were children", NULL },
    { "about one in four of those hurt were minors", NULL },
  };
  g_autoptr (GPtrArray) conflicts = conflicts_of (members, G_N_ELEMENTS (members));

  g_assert_null (find_kind (conflicts, PX_CONFLICT_NUMBER));
  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* ECB+ 37_2ecb (published Wednesday 7 January 2009) and 37_1ecb: "on
 * Sunday" is 4 January, as "Jan. 4" says; read a week later it is not. */
static void
test_conflicts_date (void)
{
  static const Member agreeing[] = {
    { "The 6.1-magnitude quake was the latest in a series of dozens of powerful tremors to have hit "
      "the region since 7.6 and 7.5 magnitude quakes that struck off the provincial capital "
      "Manokwari on Sunday.", "2009-01-07" },
    { "A United Nations assessment team was dispatched to the province after two quakes, measuring "
      "7.6 and 7.4, struck west of Manokwari Jan. 4.", "2009-01-07" },
  };
  Member late[2] = { agreeing[0], agreeing[1] };
  g_autoptr (GPtrArray) same = conflicts_of (agreeing, 2);
  g_autoptr (GPtrArray) different = NULL;
  const PxConflict *date;

  g_assert_null (find_kind (same, PX_CONFLICT_DATE));
  late[0].published = "2009-01-14";
  different = conflicts_of (late, 2);
  date = find_kind (different, PX_CONFLICT_DATE);
  g_assert_nonnull (date);
  g_assert_cmpstr (value_of (date, 0), ==, "Sunday");
  g_assert_cmpstr (value_of (date, 1), ==, "Jan. 4");
}

/* ECB+ 2_4ecb and 2_5ecb: the producers' quotation, with and without
 * its first words. */
static void
test_conflicts_quote (void)
{
  static const Member members[] = {
    { "Producers Laurence Mark and Bill Condon called the Australian actor “a consummate "
      "entertainer and an internationally renowned movie star.”", NULL },
    { "“Hugh Jackman is a consummate entertainer and an internationally renowned movie star,” "
      "said Laurence Mark and Bill Condon, the new producers of the televised show.", NULL },
    { "“We appreciate your respect to her and her family's privacy at this time.”", NULL },
  };
  g_autoptr (GPtrArray) conflicts = conflicts_of (members, G_N_ELEMENTS (members));
  const PxConflict *quote = find_kind (conflicts, PX_CONFLICT_QUOTE);

  g_assert_nonnull (quote);
  /* The third quotation is another one: not part of the conflict. */
  g_assert_cmpuint (quote->values->len, ==, 2);
  g_assert_nonnull (strstr (value_of (quote, 1), "Hugh Jackman is a consummate"));
  g_assert_null (strstr (value_of (quote, 0), "Hugh Jackman"));
}

/* ECB+ 37_10ecbplus, 37_1ecbplus and 37_11ecbplus: the same quoted
 * words, once closed with two apostrophes (as the corpus writes ''),
 * else with a double quote: quote marks alone are no conflict. */
static void
test_conflicts_quote_marks (void)
{
  static const Member members[] = {
    { "Indonesia sits on the Pacific \"Ring of Fire'' where tectonic plates collide, causing "
      "frequent seismic and volcanic activity.", NULL },
    { "Indonesia sits on the Pacific \"Ring of Fire\" where tectonic plates collide, causing "
      "frequent seismic and volcanic activity.", NULL },
    { "Indonesia sits on the Pacific \"Ring of Fire\" where continental plates collide, causing "
      "frequent seismic and volcanic activity.", NULL },
  };
  /* 37_1ecbplus and 37_10ecbplus: the closing mark written as an opening one. */
  static const Member closing[] = {
    { "\"His body was found under a pile of earth soon afterwards, “he said, adding that his wife "
      "and another woman were missing at the site.", NULL },
    { "His body was found under a pile of earth soon afterwards,” he said, adding that his wife "
      "and another woman were missing at the site.", NULL },
  };
  g_autoptr (GPtrArray) conflicts = conflicts_of (members, G_N_ELEMENTS (members));
  g_autoptr (GPtrArray) closing_conflicts = conflicts_of (closing, G_N_ELEMENTS (closing));

  g_assert_null (find_kind (conflicts, PX_CONFLICT_QUOTE));
  g_assert_null (find_kind (closing_conflicts, PX_CONFLICT_QUOTE));
}

/* ECB+ 41_9ecbplus and 41_1ecbplus headlines: "allegedly" against a
 * plain statement of the same bombing. */
static void
test_conflicts_certainty (void)
{
  static const Member members[] = {
    { "Samaritan's Purse Refugee Camp Bombed, Allegedly By Sudanese Government", NULL },
    { "Breaking News: Sudan Bombs Yida Refugee Camp in South Sudan", NULL },
  };
  g_autoptr (GPtrArray) conflicts = conflicts_of (members, G_N_ELEMENTS (members));
  const PxConflict *certainty = find_kind (conflicts, PX_CONFLICT_CERTAINTY);

  g_assert_nonnull (certainty);
  g_assert_cmpstr (value_of (certainty, 0), ==, "Allegedly");
  g_assert_cmpstr (value_of (certainty, 1), ==, "unmarked");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/px/conflicts/role-and-name", test_conflicts_role_and_name);
  g_test_add_func ("/px/conflicts/number", test_conflicts_number);
  g_test_add_func ("/px/conflicts/agreeing-shares", test_conflicts_agreeing_shares);
  g_test_add_func ("/px/conflicts/date", test_conflicts_date);
  g_test_add_func ("/px/conflicts/quote", test_conflicts_quote);
  g_test_add_func ("/px/conflicts/quote-marks", test_conflicts_quote_marks);
  g_test_add_func ("/px/conflicts/certainty", test_conflicts_certainty);
  return g_test_run ();
}
