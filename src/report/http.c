/* SPDX-License-Identifier: MIT */
#include "report/http.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "config.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* First progress line after this many seconds, then one every this many. */
enum { PROGRESS_AFTER = 2, PROGRESS_EVERY = 5 };

typedef struct transfer {
    goat_http_get *get;
    CURL *easy;
    goat_strbuf body;
    bool too_big;
    bool done;
    char message[CURL_ERROR_SIZE];
} transfer;

static size_t on_data(char *data, size_t size, size_t count, void *userdata)
{
    transfer *t = userdata;
    size_t n = size * count;
    if (n > GOAT_REPORT_MAX_ANSWER - t->body.len) {
        t->too_big = true;
        return 0; /* anything but n stops the transfer */
    }
    goat_strbuf_append(&t->body, data, n);
    return n;
}

static void setup(transfer *t, const goat_report_fetch_options *o)
{
    CURL *e = curl_easy_init();
    if (!e)
        goat_out_of_memory();
    t->easy = e;
    curl_easy_setopt(e, CURLOPT_URL, t->get->url);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->message);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, (long)o->timeout);
    curl_easy_setopt(e, CURLOPT_TIMEOUT, (long)o->timeout);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)GOAT_REPORT_MAX_ANSWER);
    curl_easy_setopt(e, CURLOPT_USERAGENT, "goat/" PACKAGE_VERSION);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

/* Up to 120 bytes of an error answer, as printable ASCII. */
static char *excerpt(const goat_strbuf *body)
{
    bool cut = body->len > 120;
    size_t n = cut ? 120 : body->len;
    while (!cut && n && (body->data[n - 1] == '\n' || body->data[n - 1] == '\r' || body->data[n - 1] == ' '))
        n--; /* http.Error's final newline */
    char *s = goat_xmalloc(n + 4);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)body->data[i];
        s[i] = c == '\n' || c == '\r' || c == '\t' ? ' ' : (c < 0x20 || c >= 0x7f ? '?' : (char)c);
    }
    strcpy(s + n, cut ? "..." : "");
    return s;
}

static void finish(transfer *t, CURLcode rc, const goat_report_fetch_options *o)
{
    goat_http_get *g = t->get;
    t->done = true;
    const char *detail = t->message[0] ? t->message : curl_easy_strerror(rc);
    if (rc == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
        if (status == 200) {
            g->body = goat_strbuf_detach(&t->body, &g->len);
            if (!g->body)
                g->body = goat_xstrdup("");
            return;
        }
        char *location = NULL;
        if (status >= 300 && status < 400)
            curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &location);
        char *text = excerpt(&t->body);
        if (location)
            g->err = goat_error_new(g->name, 0, 0, "HTTP status %ld, a redirection to %s: goat follows none; give "
                                    "that URL if it is %s", status, location, g->want);
        else
            g->err = goat_error_new(g->name, 0, 0, "HTTP status %ld%s%s: want %s", status, *text ? ": " : "", text,
                                    g->want);
        free(text);
    } else if (t->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
        g->err = goat_error_new(g->name, 0, 0, "the answer is larger than %u MiB: not what goat serves",
                                GOAT_REPORT_MAX_ANSWER >> 20);
    } else if (rc == CURLE_OPERATION_TIMEDOUT) {
        g->err = goat_error_new(g->name, 0, 0, "no answer within %d s (%s): raise --timeout if it is only slow",
                                o->timeout, detail);
    } else if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST) {
        g->err = goat_error_new(g->name, 0, 0, "cannot connect (%s): is it running, on that address and port?",
                                detail);
    } else {
        g->err = goat_error_new(g->name, 0, 0, "cannot fetch: %s", detail);
    }
    goat_strbuf_free(&t->body);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report_progress(const transfer *ts, size_t count, double elapsed, FILE *out)
{
    size_t waiting = 0;
    for (size_t i = 0; i < count; i++)
        waiting += !ts[i].done;
    if (!waiting)
        return;
    fprintf(out, "goat report: %.0f s, still waiting for", elapsed);
    size_t shown = 0;
    for (size_t i = 0; i < count && shown < 3; i++)
        if (!ts[i].done)
            fprintf(out, "%s %s", shown++ ? "," : "", ts[i].get->name);
    if (waiting > shown)
        fprintf(out, " and %zu more", waiting - shown);
    fputc('\n', out);
    fflush(out);
}

void goat_http_get_all(goat_http_get *gets, size_t count, const goat_report_fetch_options *o)
{
    if (!count)
        return;
    CURLM *multi = curl_multi_init();
    if (!multi)
        goat_out_of_memory();
    transfer *ts = goat_xcalloc(count, sizeof *ts);
    for (size_t i = 0; i < count; i++) {
        ts[i].get = &gets[i];
        gets[i].body = NULL;
        gets[i].err = NULL;
        setup(&ts[i], o);
        curl_multi_add_handle(multi, ts[i].easy);
    }
    double start = now(), next_progress = start + PROGRESS_AFTER;
    int running = 1;
    while (running) {
        CURLMcode mc = curl_multi_perform(multi, &running);
        CURLMsg *msg;
        int left;
        while ((msg = curl_multi_info_read(multi, &left))) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            transfer *t = NULL;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
            finish(t, msg->data.result, o);
        }
        if (mc != CURLM_OK)
            break;
        if (running)
            curl_multi_poll(multi, NULL, 0, 250, NULL);
        double t = now();
        if (o->progress && running && t >= next_progress) {
            report_progress(ts, count, t - start, o->progress);
            next_progress = t + PROGRESS_EVERY;
        }
    }
    for (size_t i = 0; i < count; i++) {
        if (!ts[i].done) {
            gets[i].err = goat_error_new(gets[i].name, 0, 0, "cannot fetch: the HTTP client failed");
            goat_strbuf_free(&ts[i].body);
        }
        curl_multi_remove_handle(multi, ts[i].easy);
        curl_easy_cleanup(ts[i].easy);
    }
    free(ts);
    curl_multi_cleanup(multi);
}

CURLU *goat_http_parse_url(const char *text, const char *what, goat_error **err)
{
    *err = NULL;
    CURLU *u = curl_url();
    if (!u)
        goat_out_of_memory();
    CURLUcode rc = curl_url_set(u, CURLUPART_URL, text, 0);
    char *scheme = NULL;
    if (rc == CURLUE_OK)
        rc = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
    if (rc != CURLUE_OK)
        *err = goat_error_new(text, 0, 0, "%s: not a URL (%s): want http://HOST:PORT", what, curl_url_strerror(rc));
    else if (strcasecmp(scheme, "http") != 0 && strcasecmp(scheme, "https") != 0)
        *err = goat_error_new(text, 0, 0, "%s: a %s URL: want http:// or https://", what, scheme);
    curl_free(scheme);
    if (*err) {
        curl_url_cleanup(u);
        return NULL;
    }
    return u;
}
