/* SPDX-License-Identifier: MIT */
#include "gen/gen.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen/template.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Go keywords, plus the names a package cannot usefully take: "main" makes a
 * command, which cannot be imported, and "init" cannot be referred to. */
static const char *const reserved_names[] = {
    "break",  "case",   "chan",      "const", "continue", "default", "defer",
    "else",   "fallthrough", "for",  "func",  "go",       "goto",    "if",
    "import", "interface", "map",    "package", "range",  "return",  "select",
    "struct", "switch", "type",      "var",   "_",        "main",    "init",
};

static bool is_ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool goat_gen_valid_package_name(const char *name)
{
    if (!name || !is_ascii_letter((unsigned char)name[0]))
        return false;
    for (const char *p = name + 1; *p; p++)
        if (!is_ascii_letter((unsigned char)*p) && !(*p >= '0' && *p <= '9'))
            return false;
    for (size_t i = 0; i < sizeof reserved_names / sizeof reserved_names[0]; i++)
        if (strcmp(name, reserved_names[i]) == 0)
            return false;
    return true;
}

/* Decodes one UTF-8 sequence at s (n bytes available) the way Go does:
 * shortest form only, no surrogates, nothing above U+10FFFF. Returns its
 * length, or 0 when s does not start a valid sequence. */
static size_t decode_utf8(const unsigned char *s, size_t n, uint32_t *rune)
{
    size_t len;
    uint32_t r, min;
    if (s[0] < 0x80) {
        *rune = s[0];
        return 1;
    } else if ((s[0] & 0xE0) == 0xC0) {
        len = 2, r = s[0] & 0x1F, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3, r = s[0] & 0x0F, min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4, r = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        r = r << 6 | (s[i] & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        return 0;
    *rune = r;
    return len;
}

/* Runes that are legal in a Go string literal but invisible or misleading
 * when the file is read: C1 controls, line and paragraph separators, bidi
 * controls, and the byte order mark (which Go rejects inside a file). */
static bool rune_needs_escape(uint32_t r)
{
    return (r >= 0x80 && r <= 0x9F) || r == 0x2028 || r == 0x2029 ||
           (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) ||
           r == 0x200E || r == 0x200F || r == 0xFEFF;
}

/* Appends s as an interpreted Go string literal, quotes included. Any bytes
 * are accepted: invalid UTF-8 becomes \x escapes, so the literal holds
 * exactly the bytes of s. */
static void put_go_string(goat_strbuf *sb, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    goat_strbuf_putc(sb, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        uint32_t rune;
        size_t len = decode_utf8(p + i, n - i, &rune);
        char esc = 0;
        switch (c) {
        case '"': esc = '"'; break;
        case '\\': esc = '\\'; break;
        case '\a': esc = 'a'; break;
        case '\b': esc = 'b'; break;
        case '\f': esc = 'f'; break;
        case '\n': esc = 'n'; break;
        case '\r': esc = 'r'; break;
        case '\t': esc = 't'; break;
        case '\v': esc = 'v'; break;
        }
        if (esc) {
            char pair[2] = {'\\', esc};
            goat_strbuf_append(sb, pair, 2);
            i++;
        } else if (len == 0 || c < 0x20 || c == 0x7F) {
            char x[4] = {'\\', 'x', hex[c >> 4], hex[c & 0xF]};
            goat_strbuf_append(sb, x, 4);
            i++;
        } else if (len > 1 && rune_needs_escape(rune)) {
            char u[6] = {'\\', 'u', hex[rune >> 12 & 0xF], hex[rune >> 8 & 0xF],
                         hex[rune >> 4 & 0xF], hex[rune & 0xF]};
            goat_strbuf_append(sb, u, 6);
            i += len;
        } else {
            goat_strbuf_append(sb, s + i, len);
            i += len;
        }
    }
    goat_strbuf_putc(sb, '"');
}

/* Appends a decimal number; the ID lists can run to tens of thousands of
 * lines, so this avoids a printf per line. */
static void put_uint(goat_strbuf *sb, unsigned long v)
{
    char digits[24];
    size_t i = sizeof digits;
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    goat_strbuf_append(sb, digits + i, sizeof digits - i);
}

/* One component's track IDs as sorted runs of consecutive IDs. */
typedef struct id_run {
    int first, last;
} id_run;

typedef struct component_runs {
    id_run *runs;
    size_t count;
} component_runs;

static goat_error *compute_runs(const goat_gen_values *v, component_runs *out)
{
    /* A mark per ID; cleared after each component through its own list, so
     * the cost is the IDs listed plus one scan of 1..track_id_count. */
    unsigned char *seen = goat_xcalloc((size_t)v->track_id_count + 1, 1);
    goat_error *err = NULL;
    for (size_t c = 0; c < v->component_count && !err; c++) {
        const goat_gen_component *comp = &v->components[c];
        size_t marked = 0;
        for (size_t i = 0; i < comp->track_id_count; i++) {
            int id = comp->track_ids[i];
            if (id < 1 || id > v->track_id_count) {
                err = goat_error_new(NULL, 0, 0,
                                     "generated package: component %zu lists track ID %d, outside 1..%d",
                                     c, id, v->track_id_count);
                break;
            }
            marked += !seen[id];
            seen[id] = 1;
        }
        size_t cap = 0;
        for (int id = 1; !err && marked > 0 && id <= v->track_id_count; id++) {
            if (!seen[id])
                continue;
            component_runs *r = &out[c];
            if (r->count > 0 && r->runs[r->count - 1].last == id - 1) {
                r->runs[r->count - 1].last = id;
            } else {
                goat_grow((void **)&r->runs, &cap, r->count + 1, sizeof *r->runs);
                r->runs[r->count++] = (id_run){id, id};
            }
            if (--marked == 0)
                break;
        }
        for (size_t i = 0; i < comp->track_id_count; i++) {
            int id = comp->track_ids[i];
            if (id >= 1 && id <= v->track_id_count)
                seen[id] = 0;
        }
    }
    free(seen);
    return err;
}

static const char *const imports[] = {
    "crypto/md5", "encoding/hex", "encoding/json", "fmt", "log", "net", "net/http",
    "net/url", "os", "sort", "strconv", "strings", "sync", NULL /* sync/atomic */, "time",
};

static void put_imports(goat_strbuf *sb, const goat_gen_values *v)
{
    for (size_t i = 0; i < sizeof imports / sizeof imports[0]; i++) {
        const char *path = imports[i] ? imports[i] : v->race ? "sync/atomic" : NULL;
        if (!path)
            continue;
        goat_strbuf_puts(sb, "\t\"");
        goat_strbuf_puts(sb, path);
        goat_strbuf_puts(sb, "\"\n");
    }
}

static void put_component_ids(goat_strbuf *sb, const goat_gen_values *v)
{
    if (v->component_count == 0)
        return;
    goat_strbuf_puts(sb, "\n// The components: goat inserts ServeHTTP(COMPONENT_N) at the top of the\n"
                         "// main function of each selected main package.\n"
                         "const (\n\tCOMPONENT_0 = iota\n");
    for (size_t c = 1; c < v->component_count; c++) {
        goat_strbuf_puts(sb, "\t" GOAT_GEN_COMPONENT_PREFIX);
        put_uint(sb, c);
        goat_strbuf_putc(sb, '\n');
    }
    goat_strbuf_puts(sb, ")\n");
}

static void put_component_names(goat_strbuf *sb, const goat_gen_values *v)
{
    goat_strbuf_puts(sb, "[]string{");
    if (v->component_count > 0)
        goat_strbuf_putc(sb, '\n');
    for (size_t c = 0; c < v->component_count; c++) {
        goat_strbuf_putc(sb, '\t');
        put_go_string(sb, v->components[c].name ? v->components[c].name : "");
        goat_strbuf_puts(sb, ",\n");
    }
    goat_strbuf_putc(sb, '}');
}

enum { RUNS_PER_LINE = 8 };

static void put_run(goat_strbuf *sb, id_run run)
{
    goat_strbuf_putc(sb, '{');
    put_uint(sb, (unsigned long)run.first);
    goat_strbuf_puts(sb, ", ");
    put_uint(sb, (unsigned long)run.last);
    goat_strbuf_putc(sb, '}');
}

static void put_component_ranges(goat_strbuf *sb, const goat_gen_values *v,
                                 const component_runs *runs)
{
    goat_strbuf_puts(sb, "[][][2]int{");
    if (v->component_count > 0)
        goat_strbuf_putc(sb, '\n');
    for (size_t c = 0; c < v->component_count; c++) {
        const component_runs *r = &runs[c];
        goat_strbuf_puts(sb, "\t{");
        if (r->count <= RUNS_PER_LINE) {
            for (size_t i = 0; i < r->count; i++) {
                if (i > 0)
                    goat_strbuf_puts(sb, ", ");
                put_run(sb, r->runs[i]);
            }
        } else {
            for (size_t i = 0; i < r->count; i++) {
                goat_strbuf_puts(sb, i % RUNS_PER_LINE == 0 ? "\n\t\t" : " ");
                put_run(sb, r->runs[i]);
                goat_strbuf_putc(sb, ',');
            }
            goat_strbuf_puts(sb, "\n\t");
        }
        goat_strbuf_puts(sb, "},\n");
    }
    goat_strbuf_putc(sb, '}');
}

static void put_track_ids(goat_strbuf *sb, const goat_gen_values *v)
{
    for (int id = 1; id <= v->track_id_count; id++) {
        goat_strbuf_puts(sb, "\t" GOAT_GEN_TRACK_ID_PREFIX);
        put_uint(sb, (unsigned long)id);
        goat_strbuf_putc(sb, '\n');
    }
}

static void put_record(goat_strbuf *sb, const goat_gen_values *v)
{
    bool count = v->data_type == GOAT_GEN_DATA_COUNT;
    if (v->race && count)
        goat_strbuf_puts(sb, "\tatomic.AddUint32(&counters[id], 1)\n");
    else if (v->race)
        /* Loading first keeps a hot point from writing its cache line on
         * every call once it is set. */
        goat_strbuf_puts(sb, "\tif atomic.LoadUint32(&counters[id]) == 0 {\n"
                             "\t\tatomic.StoreUint32(&counters[id], 1)\n\t}\n");
    else if (count)
        goat_strbuf_puts(sb, "\tcounters[id]++\n");
    else
        goat_strbuf_puts(sb, "\tcounters[id] = 1\n");
}

/* Fills the hole named name[0..len); false when there is no such hole. */
static bool put_hole(goat_strbuf *sb, const char *name, size_t len, const goat_gen_values *v,
                     const component_runs *runs)
{
#define HOLE(s) (len == sizeof(s) - 1 && memcmp(name, s, len) == 0)
    if (HOLE("package"))
        goat_strbuf_puts(sb, v->package_name);
    else if (HOLE("settings"))
        goat_strbuf_printf(sb, "dataType %s, race %s",
                           v->data_type == GOAT_GEN_DATA_COUNT ? "count" : "bool",
                           v->race ? "true" : "false");
    else if (HOLE("imports"))
        put_imports(sb, v);
    else if (HOLE("name"))
        put_go_string(sb, v->app_name ? v->app_name : "");
    else if (HOLE("version"))
        put_go_string(sb, v->app_version ? v->app_version : "");
    else if (HOLE("track_ids"))
        put_track_ids(sb, v);
    else if (HOLE("component_ids"))
        put_component_ids(sb, v);
    else if (HOLE("component_names"))
        put_component_names(sb, v);
    else if (HOLE("component_ranges"))
        put_component_ranges(sb, v, runs);
    else if (HOLE("record"))
        put_record(sb, v);
    else if (HOLE("load"))
        goat_strbuf_puts(sb, v->race ? "atomic.LoadUint32(&counters[id])" : "counters[id]");
    else
        return false;
    return true;
#undef HOLE
}

static goat_error *check_values(const goat_gen_values *v)
{
    if (!goat_gen_valid_package_name(v->package_name)) {
        goat_strbuf quoted = GOAT_STRBUF_INIT;
        put_go_string(&quoted, v->package_name ? v->package_name : "");
        goat_error *err = goat_error_new(
            NULL, 0, 0,
            "goatPackageName: %s is not a valid Go package name: want an ASCII identifier "
            "(letters, digits, underscores, not starting with a digit) that is not a Go "
            "keyword, \"_\", \"main\" or \"init\"",
            quoted.data);
        goat_strbuf_free(&quoted);
        return err;
    }
    if (v->data_type != GOAT_GEN_DATA_BOOL && v->data_type != GOAT_GEN_DATA_COUNT)
        return goat_error_new(NULL, 0, 0, "dataType: unknown data type %d: want 1 (bool) or 2 (count)",
                              (int)v->data_type);
    if (v->track_id_count < 0)
        return goat_error_new(NULL, 0, 0, "generated package: negative number of track IDs %d",
                              v->track_id_count);
    if (v->component_count > 0 && !v->components)
        return goat_error_new(NULL, 0, 0, "generated package: %zu components but no component list",
                              v->component_count);
    for (size_t c = 0; c < v->component_count; c++)
        if (v->components[c].track_id_count > 0 && !v->components[c].track_ids)
            return goat_error_new(NULL, 0, 0, "generated package: component %zu has no track ID list", c);
    return NULL;
}

goat_error *goat_gen_render(const goat_gen_values *v, char **text, size_t *len)
{
    *text = NULL;
    if (len)
        *len = 0;
    goat_error *err = check_values(v);
    if (err)
        return err;
    component_runs *runs = goat_xcalloc(v->component_count ? v->component_count : 1, sizeof *runs);
    err = compute_runs(v, runs);
    if (!err) {
        goat_strbuf sb = GOAT_STRBUF_INIT;
        const char *p = goat_gen_template;
        for (;;) {
            const char *open = strchr(p, '$');
            if (!open) {
                goat_strbuf_puts(&sb, p);
                break;
            }
            goat_strbuf_append(&sb, p, (size_t)(open - p));
            const char *close = strchr(open + 1, '$');
            if (!close || !put_hole(&sb, open + 1, (size_t)(close - open - 1), v, runs)) {
                /* The template is ours: a broken hole is a bug, caught by the tests. */
                err = goat_error_new(NULL, 0, 0, "generated package: bad template hole at byte %td",
                                     open - goat_gen_template);
                goat_strbuf_free(&sb);
                break;
            }
            p = close + 1;
        }
        if (!err)
            *text = goat_strbuf_detach(&sb, len);
    }
    for (size_t c = 0; c < v->component_count; c++)
        free(runs[c].runs);
    free(runs);
    return err;
}
