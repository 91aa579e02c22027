/* SPDX-License-Identifier: MIT */
/* The plan's check of the Go texts it would write (goat_plan_validate):
 * a function body goat_plan_set_known says was copied from the file's
 * text on disk is passed over only when its bytes are there the same;
 * setting the text again, or a text that had already been replaced,
 * drops the account; errors elsewhere are still found. The file on disk
 * holds a syntax error in a body on purpose: whether the check reports it
 * tells whether the body was parsed. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "project/plan.h"
#include "scratch.h"

TestSuite(plan, .init = scratch_enter, .fini = scratch_leave);

/* On disk: one body that does not parse. */
static const char on_disk[] = "package p\n\nfunc a() { x := := 1 }\n";

/* A new text: a line before the function, the body moved by its length. */
static const char moved[] = "package p\n\n// new\nfunc a() { x := := 1 }\n";

static goat_known_body *the_body(size_t at)
{
    goat_known_body *k = calloc(1, sizeof *k);
    k->from = (size_t)(strchr(on_disk, '{') - on_disk);
    k->at = at;
    k->len = (size_t)(strrchr(on_disk, '}') - on_disk) + 1 - k->from;
    return k;
}

static goat_error *validate_with(goat_known_body *known, size_t count, const char *text)
{
    goat_plan plan;
    goat_plan_init(&plan);
    goat_plan_set_known(&plan, "p.go", strdup(text), strlen(text), known, count);
    goat_error *err = goat_plan_validate(&plan, 1);
    goat_plan_free(&plan);
    return err;
}

Test(plan, a_copied_body_is_passed_over)
{
    scratch_put("p.go", on_disk);
    size_t at = (size_t)(strchr(moved, '{') - moved);
    goat_error *err = validate_with(the_body(at), 1, moved);
    cr_assert_null(err, "%s", err ? err->message : "");
}

Test(plan, a_body_not_where_it_is_said_to_be_is_parsed)
{
    scratch_put("p.go", on_disk);
    /* one byte off: the bytes there are not the body's */
    size_t at = (size_t)(strchr(moved, '{') - moved) + 1;
    goat_error *err = validate_with(the_body(at), 1, moved);
    cr_assert_not_null(err);
    cr_assert(strstr(err->message, "does not parse") != NULL, "%s", err->message);
    goat_error_free(err);
}

Test(plan, a_changed_body_is_parsed)
{
    /* the body on disk parses; the new one has the same length and a
     * syntax error */
    scratch_put("p.go", "package p\n\nfunc a() { x := 1 + 1 }\n");
    static const char text[] = "package p\n\nfunc a() { x := := 1 }\n";
    goat_known_body *k = calloc(1, sizeof *k);
    k->from = k->at = (size_t)(strchr(text, '{') - text);
    k->len = (size_t)(strrchr(text, '}') - text) + 1 - k->at;
    goat_error *err = validate_with(k, 1, text);
    cr_assert_not_null(err);
    goat_error_free(err);
}

Test(plan, setting_the_text_again_forgets_the_bodies)
{
    scratch_put("p.go", on_disk);
    goat_plan plan;
    goat_plan_init(&plan);
    size_t at = (size_t)(strchr(moved, '{') - moved);
    goat_plan_set_known(&plan, "p.go", strdup(moved), strlen(moved), the_body(at), 1);
    goat_plan_set(&plan, "p.go", strdup(moved), strlen(moved));
    goat_error *err = goat_plan_validate(&plan, 1);
    cr_assert_not_null(err);
    goat_error_free(err);
    /* and a text made from one already replaced is not the disk's */
    goat_plan_set_known(&plan, "p.go", strdup(moved), strlen(moved), the_body(at), 1);
    err = goat_plan_validate(&plan, 1);
    cr_assert_not_null(err);
    goat_error_free(err);
    goat_plan_free(&plan);
}

Test(plan, errors_outside_the_bodies_are_found)
{
    scratch_put("p.go", on_disk);
    static const char text[] = "package p\n\nvar = 1\nfunc a() { x := := 1 }\n";
    size_t at = (size_t)(strchr(text, '{') - text);
    goat_error *err = validate_with(the_body(at), 1, text);
    cr_assert_not_null(err);
    cr_assert_eq(err->line, 3, "%s", err->message);
    goat_error_free(err);
}

/* ---- goat_plan_seed: a text the caller read, which the plan then does
 * not read again ---- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

Test(plan, a_seeded_text_is_the_one_the_plan_gives)
{
    /* no such file: a read would fail, so the text can only be the seed */
    goat_plan plan;
    goat_plan_init(&plan);
    char *seed = strdup(on_disk);
    goat_plan_seed(&plan, "p.go", seed, strlen(on_disk));
    const char *text = NULL;
    size_t len = 0;
    goat_error *err = goat_plan_text(&plan, "p.go", &text, &len);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_assert_eq(text, seed, "the plan holds the seed itself, not a copy");
    cr_assert_eq(len, strlen(on_disk));
    const goat_plan_file *f = goat_plan_file_of(&plan, "p.go");
    cr_assert_not_null(f);
    cr_assert_eq(f->old_text, seed, "the seed is the text on disk the plan diffs against");
    cr_assert_eq(goat_plan_changed_count(&plan), 0);
    goat_plan_free(&plan);
}

Test(plan, a_file_not_seeded_is_read)
{
    scratch_put("a.go", "package a\n");
    scratch_put("b.go", "package b\n");
    goat_plan plan;
    goat_plan_init(&plan);
    goat_plan_seed(&plan, "a.go", strdup("package a\n"), 10);
    const char *text = NULL;
    size_t len = 0;
    goat_error *err = goat_plan_text(&plan, "b.go", &text, &len);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_assert_eq(len, 10);
    cr_assert_str_eq(text, "package b\n");
    goat_plan_free(&plan);
}

Test(plan, seeding_a_touched_path_keeps_the_plans_text)
{
    scratch_put("p.go", on_disk);
    goat_plan plan;
    goat_plan_init(&plan);
    const char *text = NULL;
    size_t len = 0;
    goat_error *err = goat_plan_text(&plan, "p.go", &text, &len);
    cr_assert_null(err, "%s", err ? err->message : "");
    /* the seed is freed (valgrind and the sanitizers see a leak) */
    goat_plan_seed(&plan, "p.go", strdup("package other\n"), 14);
    cr_assert_null(goat_plan_text(&plan, "p.go", &text, &len));
    cr_assert_str_eq(text, on_disk);
    /* nor does it undo a new text */
    goat_plan_set(&plan, "p.go", strdup(moved), strlen(moved));
    goat_plan_seed(&plan, "p.go", strdup(on_disk), strlen(on_disk));
    cr_assert_null(goat_plan_text(&plan, "p.go", &text, &len));
    cr_assert_str_eq(text, moved);
    cr_assert(goat_plan_changes(&plan, "p.go"));
    goat_plan_free(&plan);
}

Test(plan, a_seeded_file_is_rewritten_and_freed_once)
{
    scratch_put("p.go", on_disk);
    goat_plan plan;
    goat_plan_init(&plan);
    goat_plan_seed(&plan, "p.go", strdup(on_disk), strlen(on_disk));
    /* the known body is found in the seed, the text on disk: passed over */
    size_t at = (size_t)(strchr(moved, '{') - moved);
    goat_plan_set_known(&plan, "p.go", strdup(moved), strlen(moved), the_body(at), 1);
    goat_error *err = goat_plan_validate(&plan, 1);
    cr_assert_null(err, "%s", err ? err->message : "");
    err = goat_plan_commit(&plan);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_assert_str_eq(slurp("p.go"), moved);
    goat_plan_free(&plan);
}
