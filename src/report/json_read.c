/* SPDX-License-Identifier: MIT */
#include "report/json_read.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/xalloc.h"

/* cJSON ends a string at a NUL it decodes, a raw one or the escape \u0000,
 * and drops the rest of it without a word ("a.go\u0000../x" would read as
 * "a.go"): such text is refused before cJSON sees it. In JSON a backslash
 * only stands in a string, where it starts a two-character escape, so
 * stepping over escapes finds every \u0000. */
static const char *find_nul(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\0')
            return text + i;
        if (text[i] == '\\') {
            if (len - i >= 6 && memcmp(text + i + 1, "u0000", 5) == 0)
                return text + i;
            i++;
        }
    }
    return NULL;
}

static goat_error *error_at(const char *source, const char *text, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static goat_error *error_at(const char *source, const char *text, const char *at, const char *fmt, ...)
{
    int line = 1, col = 1;
    for (const char *p = text; p < at; p++) {
        if (*p == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    va_list ap;
    va_start(ap, fmt);
    char *what = goat_xvasprintf(fmt, ap);
    va_end(ap);
    goat_error *err = goat_error_new(source, line, col, "%s", what);
    free(what);
    return err;
}

goat_error *goat_json_parse(const char *source, const char *want, const char *text, size_t len, cJSON **root)
{
    *root = NULL;
    if (len == 0)
        return goat_error_new(source, 0, 0, "empty answer: want %s", want);
    const char *nul = find_nul(text, len);
    if (nul)
        return error_at(source, text, nul, "a NUL character (a zero byte or \\u0000): not %s", want);
    const char *end = NULL;
    *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!*root)
        return error_at(source, text, end && end >= text && end <= text + len ? end : text, "not valid JSON: want %s",
                        want);
    while (end < text + len && (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r'))
        end++;
    if (end == text + len)
        return NULL;
    cJSON_Delete(*root);
    *root = NULL;
    return error_at(source, text, end, "unexpected text after the JSON value: want %s", want);
}

const char *goat_json_kind(const cJSON *item)
{
    if (cJSON_IsString(item))
        return "a string";
    if (cJSON_IsNumber(item))
        return "a number";
    if (cJSON_IsObject(item))
        return "an object";
    if (cJSON_IsArray(item))
        return "an array";
    if (cJSON_IsBool(item))
        return "a boolean";
    if (cJSON_IsNull(item))
        return "null";
    return "an invalid value";
}

static const char *wanted(int type)
{
    switch (type) {
    case cJSON_String:
        return "a string";
    case cJSON_Number:
        return "a number";
    case cJSON_Object:
        return "an object";
    case cJSON_Array:
        return "an array";
    }
    return "a value";
}

char *goat_json_index_path(const char *path, size_t index)
{
    return goat_xasprintf("%s[%zu]", path, index);
}

char *goat_json_key_path(const char *path, const char *key)
{
    return *path ? goat_xasprintf("%s.%s", path, key) : goat_xstrdup(key);
}

goat_error *goat_json_member(const char *source, const cJSON *obj, const char *path, const char *key, int type,
                             bool required, const cJSON **out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!item) {
        if (!required)
            return NULL;
        return goat_error_new(source, 0, 0, "%s%shas no \"%s\"", path, *path ? " " : "", key);
    }
    /* cJSON gives the first of two members of one name, Go's encoding/json
     * the last: such an object means different things to different readers. */
    for (const cJSON *other = item->next; other; other = other->next) {
        if (other->string && strcmp(other->string, key) == 0) {
            char *at = goat_json_key_path(path, key);
            goat_error *err = goat_error_new(source, 0, 0, "%s: given twice: not what goat serves", at);
            free(at);
            return err;
        }
    }
    if ((item->type & 0xff) != type) {
        char *at = goat_json_key_path(path, key);
        goat_error *err =
            goat_error_new(source, 0, 0, "%s: want %s, got %s", at, wanted(type), goat_json_kind(item));
        free(at);
        return err;
    }
    *out = item;
    return NULL;
}

bool goat_json_printable(const char *s)
{
    size_t n = strlen(s);
    return goat_utf8_unprintable(s, n) == n;
}

goat_error *goat_json_string(const char *source, const cJSON *obj, const char *path, const char *key,
                             bool required, char **out)
{
    const cJSON *item;
    *out = NULL;
    goat_error *err = goat_json_member(source, obj, path, key, cJSON_String, required, &item);
    if (err || !item)
        return err;
    if (!goat_json_printable(item->valuestring)) {
        char *at = goat_json_key_path(path, key);
        err = goat_error_new(source, 0, 0, "%s: a control character or invalid UTF-8 in the string", at);
        free(at);
        return err;
    }
    *out = goat_xstrdup(item->valuestring);
    return NULL;
}

bool goat_json_count_value(double d, uint64_t *out)
{
    if (!(d >= 0)) /* negative, or NaN */
        return false;
    /* cJSON reads every number into a double, exact up to 2^53 only: a
     * larger count reads as the nearest double, and the largest ones a
     * uint64 holds (2^64-1 among them) as 2^64 or more. A count that large
     * is "ran a lot", never a reason to refuse an answer or to wrap. */
    if (d >= 18446744073709551616.0) {
        *out = UINT64_MAX;
        return true;
    }
    uint64_t v = (uint64_t)d;
    if ((double)v != d)
        return false;
    *out = v;
    return true;
}

goat_error *goat_json_count(const char *source, const cJSON *obj, const char *path, const char *key, uint64_t *out)
{
    const cJSON *item;
    goat_error *err = goat_json_member(source, obj, path, key, cJSON_Number, true, &item);
    if (err)
        return err;
    if (goat_json_count_value(item->valuedouble, out))
        return NULL;
    char *at = goat_json_key_path(path, key);
    err = goat_error_new(source, 0, 0, "%s: want a whole number >= 0, got %g", at, item->valuedouble);
    free(at);
    return err;
}

goat_error *goat_json_int(const char *source, const cJSON *obj, const char *path, const char *key, int min, int max,
                          int *out)
{
    const cJSON *item;
    goat_error *err = goat_json_member(source, obj, path, key, cJSON_Number, true, &item);
    if (err)
        return err;
    double d = item->valuedouble;
    if (d >= min && d <= max && d == (double)(int)d) {
        *out = (int)d;
        return NULL;
    }
    char *at = goat_json_key_path(path, key);
    err = goat_error_new(source, 0, 0, "%s: want a whole number from %d to %d, got %g", at, min, max, d);
    free(at);
    return err;
}

bool goat_json_module_file(const char *s)
{
    if (!*s)
        return false;
    for (const char *p = s;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return false;
        if (!slash)
            return true;
        p = slash + 1;
    }
}

bool goat_json_hex(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    return n >= min && n <= max && strspn(s, "0123456789abcdef") == n;
}
