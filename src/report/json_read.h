/* SPDX-License-Identifier: MIT */
/* Reading untrusted JSON with cJSON, for the report's sources: a parse
 * error names the source, line and column; a field of the wrong type, out
 * of range or missing names the source and the field's JSON path
 * ("results[0].metrics.items[3].line"). Strings kept from an answer are
 * valid UTF-8 without control characters, so that printing them cannot
 * drive a terminal. Private to src/report. */
#ifndef GOAT_REPORT_JSON_READ_H
#define GOAT_REPORT_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "util/error.h"

/* Parses text[0..len) (no NUL needed) as one JSON value, nothing but white
 * space after it; want says what the text should be ("a goat /track
 * answer"), in messages. */
goat_error *goat_json_parse(const char *source, const char *want, const char *text, size_t len, cJSON **root);

/* The member key of obj (an object, at path). A missing member is an error
 * when required, else *out is NULL. A member given twice, or of another
 * JSON type than type (cJSON_String, cJSON_Number, cJSON_Object,
 * cJSON_Array), is an error. */
goat_error *goat_json_member(const char *source, const cJSON *obj, const char *path, const char *key, int type,
                             bool required, const cJSON **out);

/* A string member (see goat_json_member); *out is a fresh copy, NULL when
 * missing and not required. */
goat_error *goat_json_string(const char *source, const cJSON *obj, const char *path, const char *key,
                             bool required, char **out);

/* A required integer member within [min, max]. */
goat_error *goat_json_int(const char *source, const cJSON *obj, const char *path, const char *key, int min, int max,
                          int *out);

/* A required count member: a whole number >= 0; from 2^64 on (as cJSON's
 * double reads it), UINT64_MAX. */
goat_error *goat_json_count(const char *source, const cJSON *obj, const char *path, const char *key,
                            uint64_t *out);

/* Whether d is a whole number >= 0; then *out is it, or UINT64_MAX from
 * 2^64 on. */
bool goat_json_count_value(double d, uint64_t *out);

/* Whether s is valid UTF-8 without control characters, the tab included
 * (goat_utf8_unprintable). */
bool goat_json_printable(const char *s);

/* Whether s is a module-relative path as goat writes it: '/'-separated
 * elements, none empty, "." or "..". */
bool goat_json_module_file(const char *s);

/* Whether s is min to max lowercase hex digits. */
bool goat_json_hex(const char *s, size_t min, size_t max);

/* What kind of JSON value item is ("a string", "an object", ...). */
const char *goat_json_kind(const cJSON *item);

/* "path[index]" and "path.key", freshly allocated ("key" when path is ""). */
char *goat_json_index_path(const char *path, size_t index);
char *goat_json_key_path(const char *path, const char *key);

#endif
