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
 * track (clash.h), which is all this harness asks of them. */
#include <string.h>

#include "fuzz/fuzz.h"
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
