/* SPDX-License-Identifier: MIT */
/* Source: a running instance, whose /track answer is fetched over HTTP. */
#include <stdlib.h>
#include <string.h>

#include "report/http.h"
#include "report/report.h"
#include "util/xalloc.h"

char *goat_report_track_url(const char *arg, goat_error **err)
{
    CURLU *u = goat_http_parse_url(arg, "source", err);
    if (!u)
        return NULL;
    char *path = NULL, *full = NULL;
    if (curl_url_get(u, CURLUPART_PATH, &path, 0) == CURLUE_OK && (!*path || strcmp(path, "/") == 0))
        curl_url_set(u, CURLUPART_PATH, "/track", 0);
    curl_free(path);
    char *url = NULL;
    if (curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
        url = goat_xstrdup(full);
    else
        *err = goat_error_new(arg, 0, 0, "source: cannot make the /track URL of it");
    curl_free(full);
    curl_url_cleanup(u);
    return url;
}

void goat_report_fetch_instances(const char *const *urls, size_t count, const goat_report_fetch_options *o,
                                 goat_report_answer *answers, goat_error **errors)
{
    goat_http_get *gets = goat_xcalloc(count + 1, sizeof *gets);
    for (size_t i = 0; i < count; i++)
        gets[i] = (goat_http_get){
            .url = urls[i], .name = urls[i], .want = "the /track of a program goat tracked (at its GOAT_PORT)"};
    goat_http_get_all(gets, count, o);
    for (size_t i = 0; i < count; i++) {
        memset(&answers[i], 0, sizeof answers[i]);
        errors[i] = gets[i].err;
        if (!errors[i])
            errors[i] = goat_report_parse_track(urls[i], gets[i].body, gets[i].len, &answers[i]);
        free(gets[i].body);
    }
    free(gets);
}
