/* SPDX-License-Identifier: MIT */
/* goat report: which tracking points ran, over every source of a canary.
 *
 * A source is a running instance (its /track answer, fetched over HTTP), a
 * saved /track answer (a file), or a Prometheus server that scraped the
 * instances' per-point series (see src/gen/gen.h for both formats). Each
 * source gives an answer: the build it comes from (newBranch commit, table
 * digest, data mode) and, per tracking point, where the point is and how
 * often it ran there. The report is the union of the answers: a point ran
 * if it ran in any source, its count is the sum of theirs. Answers from
 * different builds (different table digests) are never mixed: adding one
 * is an error naming both sources.
 *
 * Every answer is untrusted input: the readers check every field they keep
 * (types, ranges, duplicate IDs, control characters, UTF-8) and ignore the
 * fields they do not know. Errors name the source (file name or URL) and,
 * for malformed JSON, the line and column, else the JSON path of the field.
 *
 * The writers (text, JSON, Go cover profile, HTML) render a report; those
 * that show code read it from the commit the sources were built from
 * (goat_report_code), so they work before and after `goat clean` and from
 * any checkout. */
#ifndef GOAT_REPORT_REPORT_H
#define GOAT_REPORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gen/limits.h"
#include "util/error.h"

/* The largest answer a source may give (bytes); a larger one is an error. */
#define GOAT_REPORT_MAX_ANSWER (32u << 20)

typedef enum goat_report_mode {
    GOAT_REPORT_BOOL = 1,  /* a point's count says whether it ran (0 or 1) */
    GOAT_REPORT_COUNT = 2, /* a point's count says how often it ran */
} goat_report_mode;

/* One tracking point, as one answer gives it or as the report unions it. */
typedef struct goat_report_point {
    int id;          /* TRACK_ID_<id>, >= 1 */
    char *file;      /* module-relative, '/'-separated */
    int line;        /* >= 1, in the file as committed at newBranch */
    char *func;      /* as Go's runtime names it, without the package path */
    char *lines;     /* the changed lines it stands for ("12-14,17", possibly "");
                      * NULL when no source said (Prometheus has no such label) */
    char *kind;      /* "track" or "insert"; NULL when no source said */
    uint64_t count;  /* summed over the sources (saturating) */
    char **components; /* the components reporting it, sorted, each once */
    size_t component_count;
    size_t *sources; /* in a report: indices of the sources where it ran, ascending */
    size_t source_count;
} goat_report_point;

/* What one source answered. */
typedef struct goat_report_answer {
    char *app;     /* appName, NULL when the source does not say */
    char *version; /* appVersion, NULL when the source does not say */
    char *commit;  /* the newBranch commit, 40 lowercase hex digits */
    char *digest;  /* the point table's digest */
    goat_report_mode mode;
    int table_size; /* how many points the build's table has, those of no
                     * component included; 0 when the source does not say */
    goat_report_point *points; /* ascending IDs, each once */
    size_t point_count;
    char **components; /* every component the answer names, sorted, each once */
    size_t component_count;
} goat_report_answer;

void goat_report_answer_free(goat_report_answer *a);
/* The largest point table an answer may claim. The size comes from the
 * network, and the report lists every point of the table that no source
 * reports: without a bound one number could make goat list two billion.
 * It is the bound of what goat track and goat patch write (gen/limits.h),
 * so that goat reads every package it writes. */
#define GOAT_REPORT_MAX_TABLE GOAT_GEN_MAX_POINTS

/* For the readers: an error naming source when a's table is larger than
 * GOAT_REPORT_MAX_TABLE or a point of a is past the table's size. */
goat_error *goat_report_check_table_size(const char *source, const goat_report_answer *a);

typedef struct goat_report_source {
    char *name;       /* the URL, file name or Prometheus URL */
    char *problem;    /* why it gave nothing (--ignore-unreachable); NULL when it answered */
    size_t points;    /* how many points it answered */
    size_t covered;   /* how many of them ran there */
} goat_report_source;

typedef struct goat_report {
    char *commit, *digest; /* from the first answer */
    char *app, *version;   /* from the first answer that says them; NULL when none does */
    goat_report_mode mode; /* GOAT_REPORT_COUNT when every answer counts */
    int table_size; /* as the answers give it; 0 when none said, and after
                     * goat_report_select (the points outside the selection
                     * are not the report's business) */
    goat_report_source *sources;
    size_t source_count;
    size_t answered; /* sources that gave an answer */
    goat_report_point *points; /* ascending IDs */
    size_t point_count;
    size_t covered; /* points that ran somewhere */
    char **components; /* sorted, each once */
    size_t component_count;
} goat_report;

void goat_report_init(goat_report *r);
/* Adds source's answer to the union and frees the answer (in any case).
 * Fails, leaving r as it was, when the answer is from another build than
 * the answers before it (another digest), gives a point another place, or
 * the table another size. */
goat_error *goat_report_add(goat_report *r, const char *source, goat_report_answer *a);
/* The IDs of the table's points that no source reports in any component
 * (none when the table's size is unknown), ascending; the caller frees them.
 * A point in a package no main package imports is in no component: no
 * program goat knows can run it. With Prometheus, so is a point of a
 * component no scraped instance serves. They are not in the report's
 * points, nor in its total. */
int *goat_report_unreported(const goat_report *r, size_t *count);
/* Records a source that gave no answer, and why (shown as a warning). */
void goat_report_add_problem(goat_report *r, const char *source, const goat_error *problem);
/* Keeps only the points of the named components; a name the answers do
 * not know is an error listing those they know. */
goat_error *goat_report_select(goat_report *r, const char *const *components, size_t count);
void goat_report_free(goat_report *r);

/* The point's share of the report, as a percentage (100 when there are no
 * points: nothing is left unproven). */
double goat_report_percent(size_t covered, size_t total);
/* The same as text, "71.4%": in tenths of a percent rounded down, so that
 * it never reads 100.0% while a point did not run. */
#define GOAT_REPORT_PERCENT_SIZE 48
void goat_report_format_percent(char buf[GOAT_REPORT_PERCENT_SIZE], size_t covered, size_t total);

/* A point's changed lines as ranges: "12-14,17" gives {12,14},{17,17}. An
 * empty string gives none. Returns false when text is not ascending,
 * non-overlapping ranges of lines >= 1. */
typedef struct goat_report_range {
    int first, last;
} goat_report_range;
bool goat_report_parse_lines(const char *text, goat_report_range **ranges, size_t *count);
/* The point's ranges: its lines, or when none are known or they are empty,
 * its own line. Caller frees *ranges. */
void goat_report_point_ranges(const goat_report_point *p, goat_report_range **ranges, size_t *count);

/* Tallies by component, by file and by function. */
typedef struct goat_report_group {
    const char *name;  /* component, file, or function name */
    const char *file;  /* for a function: its file; otherwise NULL */
    int line;          /* for a function: the first line of its points */
    size_t total, covered;
} goat_report_group;

typedef struct goat_report_summary {
    goat_report_group *components; /* in component order */
    size_t component_count;
    goat_report_group *files; /* in path order */
    size_t file_count;
    goat_report_group *functions; /* by file, then first line */
    size_t function_count;
} goat_report_summary;

/* The groups point into r, which must outlive the summary. */
void goat_report_summarize(const goat_report *r, goat_report_summary *s);
void goat_report_summary_free(goat_report_summary *s);

/* ---- Sources ---- */

/* Reads a /track answer: source names it in errors. */
goat_error *goat_report_parse_track(const char *source, const char *text, size_t len, goat_report_answer *out);

/* Builds an answer from the two answers of Prometheus's query API that
 * goat_report_query_prometheus asks for: the builds (goat_build_info, one
 * series per build and component, labelled commit, digest, mode,
 * component) and the points (one series per point and component, labelled
 * id, file, line, func, component, valued by the count). what describes
 * the series asked for, in messages (app="shop", version="v1" ...). */
goat_error *goat_report_parse_prometheus(const char *source, const char *what, const char *builds,
                                         size_t builds_len, const char *points, size_t points_len,
                                         goat_report_answer *out);

typedef struct goat_report_fetch_options {
    int timeout;    /* seconds each source has to answer, connecting included */
    FILE *progress; /* where "still waiting" lines go; NULL for none */
} goat_report_fetch_options;

/* The /track URL of an instance given as http(s)://HOST:PORT (a path of
 * "/" or none becomes "/track"; any other is kept). NULL with *err set
 * when arg is not an http or https URL. */
char *goat_report_track_url(const char *arg, goat_error **err);

/* Fetches every URL at once; answers[i] or errors[i] gets the result. */
void goat_report_fetch_instances(const char *const *urls, size_t count, const goat_report_fetch_options *o,
                                 goat_report_answer *answers, goat_error **errors);

/* Reads a saved /track answer from path ("-": standard input, which the
 * report and messages call GOAT_REPORT_STDIN). */
#define GOAT_REPORT_STDIN "(standard input)"
goat_error *goat_report_read_saved(const char *path, goat_report_answer *out);

typedef struct goat_report_prometheus {
    const char *url;     /* the server, e.g. http://prometheus:9090 */
    const char *app;     /* the app label of the series */
    const char *version; /* the version label */
    const char *since;   /* a PromQL duration ("1w", "12h", "1d12h") */
} goat_report_prometheus;

/* What is wrong with text as a duration goat passes to PromQL, as a phrase
 * that follows the option's name ("must be longer than 0"), or NULL when
 * nothing is. A duration is one or more NUMBER UNIT with units w, d, h,
 * m, s in that order, each at most once, longer than 0 and at most
 * 9223372036s: what PromQL takes. */
const char *goat_report_duration_problem(const char *text);

/* Asks Prometheus for the builds and for the largest value each point's
 * series reached within since (so that instances that restarted or are
 * gone count), summed per point and component. The answer's app and
 * version are q's: the labels every series it holds was selected by. */
goat_error *goat_report_query_prometheus(const goat_report_prometheus *q, const goat_report_fetch_options *o,
                                         goat_report_answer *out);

/* ---- The code the points stand in ---- */

typedef struct goat_report_code goat_report_code;

/* The module in directory dir (its root: where go.mod is) at commit, read
 * from the git repository holding dir with libgit2. */
goat_error *goat_report_code_open(const char *dir, const char *commit, goat_report_code **out);
/* A module held in memory (module_path as go.mod declares it), for tests. */
goat_report_code *goat_report_code_new(const char *module_path);
void goat_report_code_add(goat_report_code *c, const char *file, const char *text, size_t len);
const char *goat_report_code_module(const goat_report_code *c);
/* The text of file (module-relative); an error when the commit has no such
 * file. The text stays valid until goat_report_code_free. */
goat_error *goat_report_code_file(goat_report_code *c, const char *file, const char **text, size_t *len);
void goat_report_code_free(goat_report_code *c);

/* ---- Writers: each returns a fresh NUL-terminated text ---- */

/* For a terminal: the totals, by component, file and function, then every
 * point that did not run with its code (when code is not NULL). color adds
 * ANSI colours. */
char *goat_report_text(const goat_report *r, goat_report_code *code, bool color);

/* The same data as JSON: total, covered, the build, the sources, the
 * summaries and one entry per point. */
char *goat_report_json(const goat_report *r);

/* Go's cover profile: "mode: set" (or "count" when every source counts),
 * then one block per range of each point's lines, named by import path
 * (module path / file), from the first non-blank byte of the range's first
 * line to the end of the text of its last. */
goat_error *goat_report_cover_profile(const goat_report *r, goat_report_code *code, char **text);

/* One self-contained HTML page: the summary, then every file with points,
 * its changed lines marked as ran or not run, the others as context. */
goat_error *goat_report_html(const goat_report *r, goat_report_code *code, char **text);

#endif
