/* SPDX-License-Identifier: MIT */
/* goat report: which tracking points ran across the canary, from running
 * instances, saved /track answers and Prometheus, as text, JSON, a Go cover
 * profile or an HTML page, and as a release gate (--fail-under). */
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/command.h"
#include "cmd/options.h"
#include "config/config.h"
#include "report/report.h"
#include "util/samefile.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

typedef struct report_flags {
    const char *prometheus, *since, *app, *version, *components, *format, *coverprofile, *html, *fail_under;
    bool ignore_unreachable;
    int timeout;
    double fail_under_pct;
} report_flags;

/* Prints "goat report: MESSAGE" for err and frees it. */
static void print_error(const char *prefix, goat_error *err)
{
    fprintf(stderr, "goat report: %s", prefix);
    goat_error_print(err, stderr);
    goat_error_free(err);
}

static bool is_url(const char *arg)
{
    return strstr(arg, "://") != NULL;
}

/* A source failed: with --ignore-unreachable a warning and a line in the
 * report, else an error. Returns whether it is an error. */
static bool source_failed(goat_report *r, const report_flags *f, const char *source, goat_error *err)
{
    if (!f->ignore_unreachable) {
        print_error("", err);
        return true;
    }
    goat_report_add_problem(r, source, err);
    print_error("warning: ignored (--ignore-unreachable): ", err);
    return false;
}

/* app and version of the Prometheus series: the flags, else goat.yaml. */
static goat_error *series_labels(const report_flags *f, goat_config *cfg, const char **app, const char **version)
{
    *app = f->app;
    *version = f->version;
    if (f->app && f->version)
        return NULL;
    goat_error *err = goat_config_load(goat_config_file(), ".", cfg);
    if (!err)
        err = goat_config_resolve(cfg, ".");
    if (err) {
        char *why = goat_error_format(err);
        goat_error_free(err);
        err = goat_error_new(NULL, 0, 0, "--prometheus needs the app and version labels of the series: give --app "
                             "and --version, or run goat report in the module root, beside its goat.yaml (%s)", why);
        free(why);
    }
    if (err)
        return err;
    if (!*app)
        *app = cfg->app_name;
    if (!*version)
        *version = cfg->app_version;
    return NULL;
}

/* The name of each operand in the report and in messages: an instance's
 * /track URL, GOAT_REPORT_STDIN for "-", a file's path. Returns an exit
 * status: a URL goat cannot use, or one source given twice (its counts
 * would be added twice), is an error. */
static int source_names(const char **operands, size_t count, char **names)
{
    for (size_t i = 0; i < count; i++) {
        goat_error *err = NULL;
        if (!is_url(operands[i]))
            names[i] = goat_xstrdup(strcmp(operands[i], "-") == 0 ? GOAT_REPORT_STDIN : operands[i]);
        else if (!(names[i] = goat_report_track_url(operands[i], &err))) {
            print_error("", err);
            return GOAT_EXIT_FAILURE;
        }
        for (size_t k = 0; k < i; k++)
            if (strcmp(names[k], names[i]) == 0)
                return goat_usage_error(&goat_cmd_report, "%s is given twice: its counts would be added twice",
                                        names[i]);
    }
    return GOAT_EXIT_OK;
}

/* Every source into r; returns false when one failed (messages printed). */
static bool gather(goat_report *r, const report_flags *f, const char **operands, char **names, size_t count)
{
    goat_report_fetch_options fetch = {.timeout = f->timeout, .progress = stderr};
    bool ok = true;
    /* The instances are fetched all at once, then every source is added in
     * command-line order. */
    const char **urls = goat_xcalloc(count + 1, sizeof *urls);
    size_t url_count = 0;
    for (size_t i = 0; i < count; i++)
        if (is_url(operands[i]))
            urls[url_count++] = names[i];
    goat_report_answer *answers = goat_xcalloc(url_count + 1, sizeof *answers);
    goat_error **errors = goat_xcalloc(url_count + 1, sizeof *errors);
    goat_report_fetch_instances(urls, url_count, &fetch, answers, errors);
    for (size_t i = 0, u = 0; ok && i < count; i++) {
        goat_report_answer saved;
        goat_report_answer *a = &saved;
        goat_error *err;
        if (is_url(operands[i])) {
            a = &answers[u];
            err = errors[u];
            errors[u++] = NULL;
        } else {
            err = goat_report_read_saved(operands[i], &saved);
        }
        if (err) {
            ok = !source_failed(r, f, names[i], err) && ok;
            continue;
        }
        if ((err = goat_report_add(r, names[i], a))) {
            print_error("", err);
            ok = false;
        }
    }
    for (size_t i = 0; i < url_count; i++) {
        goat_report_answer_free(&answers[i]);
        goat_error_free(errors[i]);
    }
    free(answers);
    free(errors);
    free(urls);
    if (ok && f->prometheus) {
        goat_config cfg = {0}; /* goat_config_load fills it, or leaves it empty */
        goat_report_prometheus q = {.url = f->prometheus, .since = f->since};
        goat_report_answer a;
        goat_error *err = series_labels(f, &cfg, &q.app, &q.version);
        if (err) {
            print_error("", err);
            ok = false;
        } else if ((err = goat_report_query_prometheus(&q, &fetch, &a))) {
            ok = !source_failed(r, f, f->prometheus, err);
        } else if ((err = goat_report_add(r, f->prometheus, &a))) {
            print_error("", err);
            ok = false;
        }
        goat_config_free(&cfg);
    }
    return ok;
}

/* Writes text to path through a temporary file and a rename, so that a
 * reader never sees half of it. */
static goat_error *write_file(const char *path, const char *text)
{
    char *tmp = goat_xasprintf("%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    goat_error *err = NULL;
    if (fd < 0) {
        err = goat_error_new(path, 0, 0, "cannot write: %s", strerror(errno));
        free(tmp);
        return err;
    }
    /* A page or a profile is often published: the mode the umask leaves,
     * as for any new file, not mkstemp's 0600. goat runs no thread here to
     * see the umask change for a moment. */
    mode_t mask = umask(0);
    umask(mask);
    FILE *out = fchmod(fd, 0666 & ~mask) == 0 ? fdopen(fd, "w") : NULL;
    size_t len = strlen(text);
    bool written = out && fwrite(text, 1, len, out) == len;
    written = out && fclose(out) == 0 && written;
    if (!out)
        close(fd);
    if (!written || rename(tmp, path) != 0) {
        err = goat_error_new(path, 0, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return err;
}

static bool use_color(void)
{
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
}

/* The outputs; returns an exit status. */
static int write_outputs(const goat_report *r, const report_flags *f)
{
    bool text = strcmp(f->format, "text") == 0;
    goat_report_code *code = NULL;
    goat_error *err = NULL;
    if (text || f->html || f->coverprofile) {
        err = goat_report_code_open(".", r->commit, &code);
        if (err && (f->html || f->coverprofile)) {
            print_error("", err);
            return GOAT_EXIT_FAILURE;
        }
        if (err)
            print_error("warning: the report shows no code: ", err);
        err = NULL;
    }
    /* Both files are made before either is written, so that a report the
     * code cannot back (a file missing from the commit) writes neither. */
    char *profile = NULL, *page = NULL;
    if (f->coverprofile)
        err = goat_report_cover_profile(r, code, &profile);
    if (!err && f->html)
        err = goat_report_html(r, code, &page);
    if (!err && profile)
        err = write_file(f->coverprofile, profile);
    if (!err && page)
        err = write_file(f->html, page);
    free(profile);
    free(page);
    if (!err) {
        char *out = text ? goat_report_text(r, code, use_color()) : goat_report_json(r);
        fputs(out, stdout);
        free(out);
        if (fflush(stdout) != 0)
            err = goat_error_new(NULL, 0, 0, "cannot write the report: %s", strerror(errno));
    }
    goat_report_code_free(code);
    if (err) {
        print_error("", err);
        return GOAT_EXIT_FAILURE;
    }
    return GOAT_EXIT_OK;
}

static int check_flags(report_flags *f, size_t sources)
{
    if (!sources && !f->prometheus)
        return goat_usage_error(&goat_cmd_report, "no source: name instances (http://HOST:PORT), saved /track "
                                                  "answers (FILE), or --prometheus URL");
    if (strcmp(f->format, "text") != 0 && strcmp(f->format, "json") != 0)
        return goat_usage_error(&goat_cmd_report, "--format takes text or json, not '%s'", f->format);
    if (f->timeout < 1 || f->timeout > 3600)
        return goat_usage_error(&goat_cmd_report, "--timeout takes seconds from 1 to 3600, not %d", f->timeout);
    const char *problem = goat_report_duration_problem(f->since);
    if (problem)
        return goat_usage_error(&goat_cmd_report, "--since %s, not '%s'", problem, f->since);
    /* No name would select no point, and a report of nothing passes any gate. */
    if (f->components && !f->components[strspn(f->components, ",")])
        return goat_usage_error(&goat_cmd_report, "--component takes component names separated by commas, not '%s'",
                                f->components);
    if (f->fail_under) {
        char *end = NULL;
        errno = 0;
        f->fail_under_pct = strtod(f->fail_under, &end);
        if (end && *end == '%')
            end++;
        if (!*f->fail_under || !end || *end || errno || !(f->fail_under_pct >= 0 && f->fail_under_pct <= 100))
            return goat_usage_error(&goat_cmd_report, "--fail-under takes a percentage from 0 to 100, not '%s'",
                                    f->fail_under);
    }
    return GOAT_EXIT_OK;
}

/* The files --coverprofile and --html write must be neither a source (the
 * evidence the report is made of, lost once written over) nor each other
 * (one would silently replace the other). '-' names no output: standard
 * output carries the report, and a file named '-' is a surprise. Checked
 * before anything is read or written. Returns an exit status. */
static int check_outputs(const report_flags *f, const char **sources, size_t count)
{
    const struct {
        const char *option, *path;
    } outputs[] = {{"--coverprofile", f->coverprofile}, {"--html", f->html}};
    for (size_t o = 0; o < sizeof outputs / sizeof *outputs; o++) {
        const char *option = outputs[o].option, *path = outputs[o].path;
        if (!path)
            continue;
        if (strcmp(path, "-") == 0)
            return goat_usage_error(&goat_cmd_report, "%s takes a file, not '-' (standard output carries the "
                                                      "report): name a file, such as %s %s",
                                    option, option, o == 0 ? "canary.out" : "canary.html");
        for (size_t i = 0; i < count; i++) {
            bool in = strcmp(sources[i], "-") == 0;
            if (is_url(sources[i]) || !(in ? goat_same_file_fd(path, STDIN_FILENO) : goat_same_file(path, sources[i])))
                continue;
            return goat_usage_error(&goat_cmd_report, "%s %s is the source %s: it would be written over; name "
                                                      "another file",
                                    option, path, in ? "- (standard input)" : sources[i]);
        }
    }
    if (f->coverprofile && f->html && goat_same_file(f->coverprofile, f->html))
        return goat_usage_error(&goat_cmd_report, "--coverprofile %s and --html %s are the same file: one would "
                                                  "replace the other; name another file for one of them",
                                f->coverprofile, f->html);
    return GOAT_EXIT_OK;
}

/* --component A,B as a list (pointers into the copy list, which the caller frees). */
static size_t split_components(char *list, const char **names)
{
    size_t n = 0;
    for (char *save = NULL, *name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save))
        names[n++] = name;
    return n;
}

static int run(int argc, char **argv)
{
    report_flags f = {.since = "1w", .format = "text", .timeout = 30};
    const goat_option opts[] = {
        {"prometheus", 0, GOAT_OPT_STRING, &f.prometheus, NULL},
        {"since", 0, GOAT_OPT_STRING, &f.since, NULL},
        {"app", 0, GOAT_OPT_STRING, &f.app, NULL},
        {"version", 0, GOAT_OPT_STRING, &f.version, NULL},
        {"component", 0, GOAT_OPT_STRING, &f.components, NULL},
        {"format", 0, GOAT_OPT_STRING, &f.format, NULL},
        {"coverprofile", 0, GOAT_OPT_STRING, &f.coverprofile, NULL},
        {"html", 0, GOAT_OPT_STRING, &f.html, NULL},
        {"fail-under", 0, GOAT_OPT_STRING, &f.fail_under, NULL},
        {"ignore-unreachable", 0, GOAT_OPT_BOOL, &f.ignore_unreachable, NULL},
        {"timeout", 0, GOAT_OPT_INT, &f.timeout, NULL},
    };
    const char **sources = goat_xcalloc((size_t)argc + 1, sizeof *sources);
    size_t source_count = 0;
    int rc = goat_parse_arguments(&goat_cmd_report, argc, argv, opts, sizeof opts / sizeof *opts, sources,
                                  &source_count);
    if (rc == GOAT_EXIT_OK)
        rc = check_flags(&f, source_count);
    if (rc == GOAT_EXIT_OK)
        rc = check_outputs(&f, sources, source_count);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    char **names = goat_xcalloc(source_count + 1, sizeof *names);
    if (rc == GOAT_EXIT_OK)
        rc = source_names(sources, source_count, names);
    goat_report r;
    goat_report_init(&r);
    if (rc == GOAT_EXIT_OK)
        rc = gather(&r, &f, sources, names, source_count) ? GOAT_EXIT_OK : GOAT_EXIT_FAILURE;
    if (rc == GOAT_EXIT_OK && !r.answered) {
        fprintf(stderr, "goat report: no source answered: nothing to report\n");
        rc = GOAT_EXIT_FAILURE;
    }
    if (rc == GOAT_EXIT_OK && f.components) {
        char *list = goat_xstrdup(f.components);
        const char **components = goat_xcalloc(strlen(list) + 1, sizeof *components);
        goat_error *err = goat_report_select(&r, components, split_components(list, components));
        if (err) {
            print_error("", err);
            rc = GOAT_EXIT_FAILURE;
        }
        free(components);
        free(list);
    }
    if (rc == GOAT_EXIT_OK)
        rc = write_outputs(&r, &f);
    if (rc == GOAT_EXIT_OK && f.fail_under && goat_report_percent(r.covered, r.point_count) < f.fail_under_pct) {
        char pct[GOAT_REPORT_PERCENT_SIZE];
        goat_report_format_percent(pct, r.covered, r.point_count);
        fprintf(stderr, "goat report: %zu of %zu tracking points ran (%s), below --fail-under %s\n", r.covered,
                r.point_count, pct, f.fail_under);
        rc = GOAT_EXIT_BELOW;
    }
    goat_report_free(&r);
    for (size_t i = 0; i < source_count; i++)
        free(names[i]);
    free(names);
    curl_global_cleanup();
    free(sources);
    return rc;
}

const goat_command goat_cmd_report = {
    .name = "report",
    .summary = "show which tracking points ran, over every instance of a canary",
    .help =
        "usage: goat report [OPTIONS] [SOURCE...] [--prometheus URL]\n"
        "\n"
        "Gathers which tracking points ran from every SOURCE and unions them: a point\n"
        "ran if it ran in any source, and its count is the sum of theirs. A SOURCE is\n"
        "a running instance, http://HOST:PORT (its /track answer is fetched; a URL\n"
        "with a path is used as it is), or a file holding a saved /track answer\n"
        "('-' for standard input). Sources of different builds (another point table\n"
        "digest) are an error. The code is read from the commit the sources were\n"
        "built from, in the git repository of the current directory (the module root).\n"
        "\n"
        "Options:\n"
        "  --prometheus URL        also ask this Prometheus server, which scrapes the\n"
        "                          instances' /metrics, for every point that ran within\n"
        "                          --since, in the series of --app and --version\n"
        "  --since DURATION        how far back Prometheus looks: 1w (default), 3d, 12h...\n"
        "  --app NAME              the app label (default: appName of goat.yaml)\n"
        "  --version VERSION       the version label (default: appVersion of goat.yaml)\n"
        "  --component A,B,...     report only the points of these components\n"
        "  --format text|json      what to print on standard output (default text)\n"
        "  --coverprofile FILE     also write a Go cover profile (go tool cover -func/-html)\n"
        "  --html FILE             also write a self-contained HTML page\n"
        "  --fail-under PCT        exit with status 3 when less than PCT percent of the\n"
        "                          points ran\n"
        "  --ignore-unreachable    a source that cannot be read is a warning, not an error\n"
        "  --timeout SECONDS       how long each source has to answer (default 30)\n"
        "\n"
        "The files of --coverprofile and --html must differ from each other and from\n"
        "every SOURCE, and neither may be '-' (standard output carries the report):\n"
        "else it is a usage error, and nothing is written.\n"
        "\n"
        "Exit status: 0 done (and at or above --fail-under), 1 a source or the\n"
        "repository could not be read or sources disagree, 2 a usage error, 3 below\n"
        "--fail-under.\n",
    .run = run,
};
