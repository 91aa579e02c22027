/* SPDX-License-Identifier: MIT */
/* Harness 2: the rewrite round trip.
 *
 * For every input that parses, marking all of its lines new and inserting
 * tracking blocks at a granularity chosen from the input gives text that
 * still parses and that goat_rewrite_clean turns back into the input, byte
 * for byte. The same holds for the main entry block when the file has one.
 *
 * Inputs that already carry goat markers or the goat import belong to the
 * marker harness: cleaning them removes more than this round trip inserted.
 * Inputs where the alias "goat" is taken where a block goes are refused by
 * track (clash.h), which is all this harness asks of them.
 *
 * A second round marks every third line new: the same round trip, and the
 * function bodies track reports untouched (known_bodies, which goat's check
 * of its output passes over) must be byte copies of the input's bodies. */
#include <string.h>

#include "fuzz/fuzz.h"
#include "parser/parser.h"
#include "rewrite/rewrite.h"
#include "util/lineset.h"

static const goat_rewrite_options base_options = {
    .granularity = GOAT_GRANULARITY_LINE,
    .alias = "goat",
    .import_path = "example.com/app/goat",
    .first_id = 1,
};

/* The granularity comes from the input's bytes, so that the fuzzer can steer
 * it while plain Go files stay valid seeds. */
static goat_granularity granularity_of(const uint8_t *data, size_t size)
{
    unsigned sum = 0;
    for (size_t i = 0; i < size; i++)
        sum += data[i];
    return (goat_granularity)(sum % 4);
}

static void check_round_trip(const char *what, const char *src, size_t len,
                             const goat_rewrite_result *tracked,
                             const goat_rewrite_options *opts)
{
    char *parse_error = NULL;
    if (!fuzz_parses(tracked->text, tracked->len, &parse_error)) {
        fprintf(stderr, "fuzz: output of %s:\n%.*s\n", what, (int)tracked->len, tracked->text);
        fuzz_fail("%s output does not parse: %s", what, parse_error);
    }
    goat_rewrite_result cleaned = {0};
    goat_error *err = goat_rewrite_clean(FUZZ_FILENAME, tracked->text, tracked->len, opts, &cleaned);
    if (err) {
        char *message = goat_error_format(err);
        fuzz_fail("clean of %s output fails: %s", what, message);
    }
    if (cleaned.len != len || memcmp(cleaned.text, src, len) != 0) {
        fuzz_show_difference("input", src, len, "clean(output)", cleaned.text, cleaned.len);
        fuzz_fail("clean(%s(input)) != input", what);
    }
    goat_rewrite_result_free(&cleaned);
}

/* The '{' and '}' of the function declarations' bodies of a text that
 * parses, in order; *count of them. */
static goat_pos *function_bodies(const char *src, size_t len, size_t *count)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file(&arena, FUZZ_FILENAME, src, len, &file);
    if (err)
        fuzz_fail("a text that parsed no longer does: %s", goat_error_format(err));
    goat_pos *braces = calloc(2 * file->u.file.decls.count + 1, sizeof *braces);
    size_t n = 0;
    for (size_t i = 0; i < file->u.file.decls.count; i++) {
        const goat_node *d = file->u.file.decls.items[i];
        if (d->kind == GOAT_FUNC_DECL && d->u.func_decl.body) {
            braces[2 * n] = d->u.func_decl.body->u.block.lbrace;
            braces[2 * n + 1] = d->u.func_decl.body->u.block.rbrace;
            n++;
        }
    }
    goat_arena_free(&arena);
    *count = n;
    return braces;
}

/* Every known body of tracked is, at the same rank, a byte copy of the
 * input's body, and the output passes the check that skips them. */
static void check_known_bodies(const char *src, size_t len, const goat_rewrite_result *tracked)
{
    size_t n_in = 0, n_out = 0, k = 0;
    goat_pos *in = function_bodies(src, len, &n_in);
    goat_pos *out = function_bodies(tracked->text, tracked->len, &n_out);
    if (n_in != n_out)
        fuzz_fail("track changed the number of function bodies: %zu -> %zu", n_in, n_out);
    size_t *at = calloc(tracked->known_body_count + 1, sizeof *at);
    for (size_t i = 0; i < n_out && k < tracked->known_body_count; i++) {
        const goat_known_body *known = &tracked->known_bodies[k];
        if ((size_t)out[2 * i] != known->at)
            continue;
        goat_pos in_len = in[2 * i + 1] - in[2 * i] + 1, out_len = out[2 * i + 1] - out[2 * i] + 1;
        if (in_len != out_len || (size_t)in_len != known->len || (size_t)in[2 * i] != known->from ||
            memcmp(src + in[2 * i], tracked->text + out[2 * i], (size_t)in_len) != 0)
            fuzz_fail("known body %zu (at offset %zu) is not the input's body", i, known->at);
        at[k++] = known->at;
    }
    if (k != tracked->known_body_count)
        fuzz_fail("known body at offset %zu is no function body", tracked->known_bodies[k].at);
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file_known_bodies(&arena, FUZZ_FILENAME, tracked->text, tracked->len, at, k, &file);
    if (err)
        fuzz_fail("the output fails the check with known bodies: %s", goat_error_format(err));
    goat_arena_free(&arena);
    free(at);
    free(in);
    free(out);
}

static int contains(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(text + i, needle, n) == 0)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    if (contains(src, size, "+goat:") || contains(src, size, base_options.import_path) ||
        !fuzz_parses(src, size, NULL))
        return 0;

    goat_rewrite_options opts = base_options;
    opts.granularity = granularity_of(data, size);
    goat_lineset all_lines = GOAT_LINESET_INIT;
    all_lines.all = true;

    goat_rewrite_result tracked = {0};
    goat_error *err = goat_rewrite_track(FUZZ_FILENAME, src, size, &all_lines, &opts, &tracked);
    if (err && strstr(err->message, "set goatPackageAlias")) {
        /* the input declares the alias where a block goes: refusing is right */
        goat_error_free(err);
        goat_lineset_free(&all_lines);
        return 0;
    }
    if (err) {
        char *message = goat_error_format(err);
        fuzz_fail("track (%s) fails on input that parses: %s",
                  goat_granularity_name(opts.granularity), message);
    }
    if (tracked.points < 0)
        fuzz_fail("track reports %d points", tracked.points);
    if (tracked.points == 0 && (tracked.len != size || memcmp(tracked.text, src, size) != 0))
        fuzz_fail("track changed the text without inserting a block");
    check_round_trip(goat_granularity_name(opts.granularity), src, size, &tracked, &opts);
    goat_rewrite_result_free(&tracked);
    goat_lineset_free(&all_lines);

    goat_lineset some_lines = GOAT_LINESET_INIT;
    int line_count = 1;
    for (size_t i = 0; i < size; i++)
        line_count += src[i] == '\n';
    for (int line = 1; line <= line_count; line += 3)
        goat_lineset_add(&some_lines, line);
    goat_lineset_freeze(&some_lines);
    err = goat_rewrite_track(FUZZ_FILENAME, src, size, &some_lines, &opts, &tracked);
    if (err && strstr(err->message, "set goatPackageAlias"))
        goat_error_free(err);
    else if (err)
        fuzz_fail("track (every third line) fails on input that parses: %s", goat_error_format(err));
    else {
        check_round_trip("every third line", src, size, &tracked, &opts);
        check_known_bodies(src, size, &tracked);
        goat_rewrite_result_free(&tracked);
    }
    goat_lineset_free(&some_lines);

    /* The main entry: an error is fine (no func main, no body); success must
     * round-trip like any block. */
    goat_rewrite_result entry = {0};
    err = goat_rewrite_main_entry(FUZZ_FILENAME, src, size, &opts, 0, &entry);
    if (err)
        goat_error_free(err);
    else {
        check_round_trip("main entry", src, size, &entry, &opts);
        goat_rewrite_result_free(&entry);
    }
    return 0;
}
