/* SPDX-License-Identifier: MIT */
/* The line set the git analysis hands the rewriter: freezing sorts and
 * removes duplicates, and the lookups (one line, or any line of a range)
 * answer from the frozen set, or yes for every line of a set marked all. */
#include <criterion/criterion.h>

#include "util/lineset.h"

static goat_lineset frozen(const int *lines, size_t n)
{
    goat_lineset set = GOAT_LINESET_INIT;
    for (size_t i = 0; i < n; i++)
        goat_lineset_add(&set, lines[i]);
    goat_lineset_freeze(&set);
    return set;
}

Test(lineset, freeze_sorts_and_drops_duplicates)
{
    const int lines[] = {9, 3, 3, 7, 1, 9};
    goat_lineset set = frozen(lines, sizeof lines / sizeof *lines);
    cr_assert_eq(set.count, 4);
    const int want[] = {1, 3, 7, 9};
    for (size_t i = 0; i < 4; i++)
        cr_expect_eq(set.lines[i], want[i]);
    cr_expect(goat_lineset_contains(&set, 7));
    cr_expect_not(goat_lineset_contains(&set, 8));
    goat_lineset_free(&set);
}

Test(lineset, any_in_a_range)
{
    const int lines[] = {4, 10, 11, 20};
    goat_lineset set = frozen(lines, sizeof lines / sizeof *lines);
    cr_expect(goat_lineset_any_in(&set, 1, 4), "range ending on a member");
    cr_expect(goat_lineset_any_in(&set, 4, 4), "one-line range on a member");
    cr_expect(goat_lineset_any_in(&set, 12, 30), "range starting past a member");
    cr_expect_not(goat_lineset_any_in(&set, 5, 9), "gap between members");
    cr_expect_not(goat_lineset_any_in(&set, 1, 3), "before the first");
    cr_expect_not(goat_lineset_any_in(&set, 21, 99), "after the last");
    cr_expect_not(goat_lineset_any_in(&set, 11, 10), "empty range");
    goat_lineset_free(&set);

    goat_lineset none = GOAT_LINESET_INIT;
    goat_lineset_freeze(&none);
    cr_expect_not(goat_lineset_any_in(&none, 1, 1000));

    goat_lineset all = GOAT_LINESET_INIT;
    all.all = true;
    cr_expect(goat_lineset_any_in(&all, 500, 600));
    cr_expect_not(goat_lineset_any_in(&all, 2, 1), "an empty range holds no line");
}
