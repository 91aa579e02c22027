/* SPDX-License-Identifier: MIT */
/* HTTP GET with libcurl for the report's sources: every request at once,
 * http and https only, no redirects followed, each within the timeout
 * (connecting included) and at most GOAT_REPORT_MAX_ANSWER bytes; lines on
 * the progress stream while some are slow. Private to src/report. */
#ifndef GOAT_REPORT_HTTP_H
#define GOAT_REPORT_HTTP_H

#include <stddef.h>

#include <curl/curl.h>

#include "report/report.h"

typedef struct goat_http_get {
    const char *url;  /* what to fetch */
    const char *name; /* what to call it in messages (often the URL) */
    const char *want; /* what it should be, said when it answers with an HTTP error */
    char *body;       /* the answer, NUL-terminated; NULL on error */
    size_t len;
    goat_error *err;  /* NULL when the server answered 200 OK */
} goat_http_get;

void goat_http_get_all(goat_http_get *gets, size_t count, const goat_report_fetch_options *o);

/* A URL the user gave (what says which: "source", "--prometheus"),
 * parsed with libcurl's URL API and checked to be http or https; NULL with
 * *err set when it is not. The caller curl_url_cleanup()s it. */
CURLU *goat_http_parse_url(const char *text, const char *what, goat_error **err);

#endif
