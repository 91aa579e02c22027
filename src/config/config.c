/* SPDX-License-Identifier: MIT */
#include "config/config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "gen/gen.h"
#include "git/refs.h"
#include "util/file.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The reference accepts up to 128 threads; more only costs memory. */
#define GOAT_MAX_THREADS 128

static const char *const default_ignores[] = {
    ".git", ".gitignore", ".DS_Store", ".idea", ".vscode", ".venv", "vendor", "testdata", "node_modules",
};

const char *goat_config_file(void)
{
    const char *env = getenv("GOAT_CONFIG");
    return env && *env ? env : GOAT_CONFIG_DEFAULT_FILE;
}

void goat_string_list_add(goat_string_list *list, const char *s)
{
    list->items = goat_xreallocarray(list->items, list->count + 1, sizeof *list->items);
    list->items[list->count++] = goat_xstrdup(s);
}

void goat_string_list_free(goat_string_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}

static void set_string(char **slot, const char *value)
{
    free(*slot);
    *slot = value ? goat_xstrdup(value) : NULL;
}

void goat_config_defaults(goat_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->old_branch = goat_xstrdup("main");
    cfg->new_branch = goat_xstrdup("HEAD");
    for (size_t i = 0; i < sizeof default_ignores / sizeof *default_ignores; i++)
        goat_string_list_add(&cfg->ignores, default_ignores[i]);
    cfg->goat_package_name = goat_xstrdup("goat");
    cfg->goat_package_alias = goat_xstrdup("goat");
    cfg->goat_package_path = goat_xstrdup("goat");
    cfg->granularity = GOAT_GRANULARITY_PATCH;
    cfg->diff_precision = 1;
    cfg->threads = 1;
    goat_string_list_add(&cfg->main_entries, "*");
    goat_string_list_add(&cfg->printer_config_mode, "useSpaces");
    goat_string_list_add(&cfg->printer_config_mode, "tabIndent");
    cfg->printer_config_tabwidth = 8;
    cfg->printer_config_indent = 0;
    cfg->data_type = GOAT_DATA_TYPE_BOOL;
    cfg->skip_nested_modules = true;
}

void goat_config_free(goat_config *cfg)
{
    free(cfg->app_name);
    free(cfg->app_version);
    free(cfg->old_branch);
    free(cfg->new_branch);
    goat_string_list_free(&cfg->ignores);
    free(cfg->goat_package_name);
    free(cfg->goat_package_alias);
    free(cfg->goat_package_path);
    goat_string_list_free(&cfg->main_entries);
    goat_string_list_free(&cfg->printer_config_mode);
    memset(cfg, 0, sizeof *cfg);
}

/* ---- value checks shared with `goat init` ---- */

static const char *const go_keywords[] = {
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
    "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
    "return", "select", "struct", "switch", "type", "var",
};

/* A Go identifier in ASCII (what goat writes into Go code and goat.yaml
 * reads), not a keyword and not "_". */
static bool valid_identifier(const char *name)
{
    if (!name || !*name || strcmp(name, "_") == 0)
        return false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (!(isalpha(c) || c == '_' || (p > name && isdigit(c))))
            return false;
    }
    for (size_t i = 0; i < sizeof go_keywords / sizeof *go_keywords; i++)
        if (strcmp(name, go_keywords[i]) == 0)
            return false;
    return true;
}

/* The generator's own rule, so that a name goat.yaml accepts is one goat
 * track can write: it refuses "main" and "init" as well. */
char *goat_config_check_package_name(const char *name)
{
    if (goat_gen_valid_package_name(name))
        return NULL;
    return goat_xstrdup("is not a valid Go package name: want an ASCII identifier (letters, digits, underscores, "
                        "not starting with a digit) that is not a Go keyword, \"_\", \"main\" (a command, which "
                        "cannot be imported) or \"init\"; choose another (the default is goat)");
}

/* "main" is a valid import name; "init" never is (Go refuses the import),
 * whatever file imports it, so it is refused here rather than against the
 * first Go file goat instruments. */
char *goat_config_check_package_alias(const char *alias)
{
    if (valid_identifier(alias) && strcmp(alias, "init") != 0)
        return NULL;
    return goat_xstrdup("is not a valid Go package name to import under: want an ASCII identifier (letters, "
                        "digits, underscores, not starting with a digit) that is not a Go keyword, \"_\" or "
                        "\"init\" (which cannot name an import); choose another (the default is goat)");
}

/* The program serves appName and appVersion on /track and /metrics, and
 * goat report refuses an answer whose strings its rule refuses: a build
 * made from such a value could never be reported. */
char *goat_config_check_app_string(const char *value)
{
    size_t n = strlen(value);
    size_t at = goat_utf8_unprintable(value, n);
    if (at == n)
        return NULL;
    static const char why[] = "goat report refuses a name or version with a control character (the tab and "
                              "the newline included) or bytes that are not UTF-8: remove it";
    uint32_t rune;
    if (goat_utf8_decode((const unsigned char *)value + at, n - at, &rune))
        return goat_xasprintf("a control character (U+%04X) at byte %zu; %s", (unsigned)rune, at + 1, why);
    return goat_xasprintf("a byte that is not UTF-8 (0x%02x) at byte %zu; %s", (unsigned char)value[at], at + 1,
                          why);
}

bool goat_config_valid_printer_mode(const char *mode)
{
    static const char *const modes[] = {"", "none", "useSpaces", "tabIndent", "sourcePos", "rawFormat"};
    for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
        if (strcmp(mode, modes[i]) == 0)
            return true;
    return false;
}

int goat_config_data_type_parse(const char *name)
{
    if (strcmp(name, "bool") == 0)
        return GOAT_DATA_TYPE_BOOL;
    if (strcmp(name, "count") == 0)
        return GOAT_DATA_TYPE_COUNT;
    return -1;
}

const char *goat_config_data_type_name(int data_type)
{
    return data_type == GOAT_DATA_TYPE_COUNT ? "count" : "bool";
}

/* Normalizes a path relative to the module root ("./a//b/" -> "a/b"); the
 * result may be "." for the root itself. Refuses absolute paths and "..". */
static char *normalize_relpath(const char *path, const char **problem)
{
    if (path[0] == '/') {
        *problem = "must be a path relative to the module root";
        return NULL;
    }
    char *out = goat_xmalloc(strlen(path) + 2);
    size_t n = 0;
    const char *p = path;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            free(out);
            *problem = "must not contain \"..\"";
            return NULL;
        }
        if (len > 0 && !(len == 1 && p[0] == '.')) {
            if (n > 0)
                out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
        }
        p += len;
        if (*p == '/')
            p++;
    }
    if (n == 0)
        out[n++] = '.';
    out[n] = '\0';
    return out;
}

char *goat_config_check_package_path(const char *path, char **normalized)
{
    const char *problem = NULL;
    char *norm = normalize_relpath(path, &problem);
    if (!norm)
        return goat_xasprintf("%s", problem);
    if (strcmp(norm, ".") == 0) {
        free(norm);
        return goat_xstrdup("must name a directory below the module root");
    }
    if (strcmp(norm, "vendor") == 0 || strncmp(norm, "vendor/", 7) == 0) {
        free(norm);
        return goat_xstrdup("must not be inside vendor/");
    }
    *normalized = norm;
    return NULL;
}

bool goat_config_is_main_entry(const goat_config *cfg, const char *reldir)
{
    for (size_t i = 0; i < cfg->main_entries.count; i++) {
        const char *e = cfg->main_entries.items[i];
        if (strcmp(e, "*") == 0 || strcmp(e, reldir) == 0)
            return true;
    }
    return false;
}

char *goat_config_generated_file(const goat_config *cfg)
{
    return goat_xasprintf("%s/goat_generated.go", cfg->goat_package_path);
}

/* ---- YAML ---- */

typedef struct parse_ctx {
    const char *filename;
    yaml_document_t *doc;
} parse_ctx;

static goat_error *node_error(const parse_ctx *ctx, const yaml_node_t *node, const char *key,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static goat_error *node_error(const parse_ctx *ctx, const yaml_node_t *node, const char *key,
                              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = goat_xvasprintf(fmt, ap);
    va_end(ap);
    goat_error *err = goat_error_new(ctx->filename, (int)node->start_mark.line + 1,
                                     (int)node->start_mark.column + 1, "%s: %s", key, msg);
    free(msg);
    return err;
}

static const char *scalar(const yaml_node_t *node)
{
    return (const char *)node->data.scalar.value;
}

static bool is_plain(const yaml_node_t *node)
{
    return node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ||
           node->data.scalar.style == YAML_ANY_SCALAR_STYLE;
}

/* YAML 1.2's null: a plain "~", "null" in its three spellings, or nothing. */
static bool is_null(const yaml_node_t *node)
{
    if (node->type != YAML_SCALAR_NODE || !is_plain(node))
        return false;
    const char *s = scalar(node);
    return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
           strcmp(s, "NULL") == 0;
}

static const char *type_name(const yaml_node_t *node)
{
    switch (node->type) {
    case YAML_MAPPING_NODE:
        return "a mapping";
    case YAML_SEQUENCE_NODE:
        return "a list";
    default:
        return "a scalar";
    }
}

/* A scalar is read as a C string: a NUL ("\0" in a quoted scalar) would
 * cut it short without a word. */
static goat_error *check_nul(const parse_ctx *ctx, const char *key, const yaml_node_t *node)
{
    size_t n = strlen(scalar(node));
    if (n == node->data.scalar.length)
        return NULL;
    return node_error(ctx, node, key, "a NUL character (U+0000) at byte %zu: remove it", n + 1);
}

static goat_error *get_string(const parse_ctx *ctx, const char *key, const yaml_node_t *node, char **out)
{
    if (is_null(node))
        return NULL; /* keep the default */
    if (node->type != YAML_SCALAR_NODE)
        return node_error(ctx, node, key, "expected a string, got %s", type_name(node));
    goat_error *err = check_nul(ctx, key, node);
    if (err)
        return err;
    set_string(out, scalar(node));
    return NULL;
}

/* Whether a quoted scalar would be an integer without its quotes. */
static bool quoted_integer(const char *s)
{
    if (*s == '+' || *s == '-')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

static goat_error *get_int(const parse_ctx *ctx, const char *key, const yaml_node_t *node, int *out)
{
    if (is_null(node))
        return NULL;
    if (node->type != YAML_SCALAR_NODE)
        return node_error(ctx, node, key, "expected an integer, got %s", type_name(node));
    const char *s = scalar(node);
    char *end = NULL;
    errno = 0;
    long v = 0;
    bool ok = is_plain(node) && *s;
    if (ok) {
        const char *digits = s + (*s == '+' || *s == '-');
        int base = 10;
        if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
            base = 16;
        else if (digits[0] == '0' && digits[1] == 'o')
            base = 8, s = goat_xasprintf("%.*s%s", (int)(digits - s), s, digits + 2);
        v = strtol(s, &end, base);
        ok = end && *end == '\0' && end != s && errno == 0 && v >= INT_MIN && v <= INT_MAX;
        if (s != scalar(node))
            free((char *)s);
    }
    if (!ok && !is_plain(node) && quoted_integer(scalar(node)))
        return node_error(ctx, node, key,
                          "expected an integer, got the quoted string \"%s\": drop the quotes (%s: %s)",
                          scalar(node), key, scalar(node));
    if (!ok)
        return node_error(ctx, node, key, "expected an integer, got \"%s\"", scalar(node));
    *out = (int)v;
    return NULL;
}

static goat_error *get_bool(const parse_ctx *ctx, const char *key, const yaml_node_t *node, bool *out)
{
    if (is_null(node))
        return NULL;
    if (node->type != YAML_SCALAR_NODE)
        return node_error(ctx, node, key, "expected true or false, got %s", type_name(node));
    /* YAML 1.1's booleans, as gopkg.in/yaml reads them for the reference */
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"};
    const char *s = scalar(node);
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        if (strcmp(s, yes[i]) != 0 && strcmp(s, no[i]) != 0)
            continue;
        if (!is_plain(node))
            return node_error(ctx, node, key,
                              "expected true or false, got the quoted string \"%s\": drop the quotes (%s: %s)", s,
                              key, s);
        *out = strcmp(s, yes[i]) == 0;
        return NULL;
    }
    return node_error(ctx, node, key, "expected true or false, got \"%s\" (write %s: true or %s: false)", s, key,
                      key);
}

static goat_error *get_list(const parse_ctx *ctx, const char *key, const yaml_node_t *node,
                            goat_string_list *out)
{
    if (is_null(node))
        return NULL;
    if (node->type != YAML_SEQUENCE_NODE)
        return node_error(ctx, node, key, "expected a list of strings, got %s", type_name(node));
    goat_string_list list = {NULL, 0};
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
        yaml_node_t *item = yaml_document_get_node(ctx->doc, *it);
        if (item->type != YAML_SCALAR_NODE) {
            goat_string_list_free(&list);
            return node_error(ctx, item, key, "expected a list of strings, got %s in the list",
                              type_name(item));
        }
        goat_error *err = check_nul(ctx, key, item);
        if (err) {
            goat_string_list_free(&list);
            return err;
        }
        goat_string_list_add(&list, is_null(item) ? "" : scalar(item));
    }
    goat_string_list_free(out);
    *out = list;
    return NULL;
}

static goat_error *set_key(const parse_ctx *ctx, goat_config *cfg, const char *key, const yaml_node_t *v)
{
    goat_error *err = NULL;
    char *s = NULL;
    if (strcmp(key, "appName") == 0 || strcmp(key, "appVersion") == 0) {
        char **slot = key[3] == 'N' ? &cfg->app_name : &cfg->app_version;
        if ((err = get_string(ctx, key, v, slot)) || !*slot)
            return err;
        char *problem = goat_config_check_app_string(*slot);
        if (problem) {
            err = node_error(ctx, v, key, "%s", problem);
            free(problem);
        }
        return err;
    }
    if (strcmp(key, "oldBranch") == 0 || strcmp(key, "newBranch") == 0) {
        char **slot = key[0] == 'o' ? &cfg->old_branch : &cfg->new_branch;
        if ((err = get_string(ctx, key, v, &s)) || !s)
            return err;
        /* "" means the default, as in the reference. */
        if (*s)
            set_string(slot, s);
        else
            set_string(slot, key[0] == 'o' ? "main" : "HEAD");
        free(s);
        return NULL;
    }
    if (strcmp(key, "ignores") == 0) {
        if ((err = get_list(ctx, key, v, &cfg->ignores)))
            return err;
        for (size_t i = 0; i < cfg->ignores.count; i++)
            if (cfg->ignores.items[i][0] == '\0')
                return node_error(ctx, v, key, "entry %zu is empty", i + 1);
        return NULL;
    }
    if (strcmp(key, "goatPackageName") == 0 || strcmp(key, "goatPackageAlias") == 0) {
        char **slot = key[11] == 'N' ? &cfg->goat_package_name : &cfg->goat_package_alias;
        if ((err = get_string(ctx, key, v, &s)) || !s)
            return err;
        char *problem = NULL;
        if (*s)
            problem = slot == &cfg->goat_package_name ? goat_config_check_package_name(s)
                                                      : goat_config_check_package_alias(s);
        if (problem)
            err = node_error(ctx, v, key, "\"%s\" %s", s, problem);
        else if (*s)
            set_string(slot, s);
        free(problem);
        free(s);
        return err;
    }
    if (strcmp(key, "goatPackagePath") == 0) {
        if ((err = get_string(ctx, key, v, &s)) || !s)
            return err;
        if (*s) {
            char *norm = NULL;
            char *problem = goat_config_check_package_path(s, &norm);
            if (problem) {
                err = node_error(ctx, v, key, "\"%s\" %s", s, problem);
                free(problem);
            } else {
                free(cfg->goat_package_path);
                cfg->goat_package_path = norm;
            }
        }
        free(s);
        return err;
    }
    if (strcmp(key, "granularity") == 0) {
        if ((err = get_string(ctx, key, v, &s)) || !s)
            return err;
        int g = *s ? goat_granularity_parse(s) : GOAT_GRANULARITY_PATCH;
        if (g < 0)
            err = node_error(ctx, v, key, "\"%s\" is not one of line, patch, scope, func", s);
        else
            cfg->granularity = (goat_granularity)g;
        free(s);
        return err;
    }
    if (strcmp(key, "diffPrecision") == 0) {
        int p = cfg->diff_precision;
        if ((err = get_int(ctx, key, v, &p)))
            return err;
        if (p < 1 || p > 3)
            return node_error(ctx, v, key, "%d is not 1, 2 or 3", p);
        cfg->diff_precision = p;
        return NULL;
    }
    if (strcmp(key, "threads") == 0) {
        int t = cfg->threads;
        if ((err = get_int(ctx, key, v, &t)))
            return err;
        if (t <= 0) {
            long cpus = sysconf(_SC_NPROCESSORS_ONLN);
            t = cpus > 0 ? (int)(cpus > GOAT_MAX_THREADS ? GOAT_MAX_THREADS : cpus) : 1;
        }
        if (t > GOAT_MAX_THREADS)
            return node_error(ctx, v, key, "%d is more than %d", t, GOAT_MAX_THREADS);
        cfg->threads = t;
        return NULL;
    }
    if (strcmp(key, "race") == 0)
        return get_bool(ctx, key, v, &cfg->race);
    if (strcmp(key, "verbose") == 0)
        return get_bool(ctx, key, v, &cfg->verbose);
    if (strcmp(key, "skipNestedModules") == 0)
        return get_bool(ctx, key, v, &cfg->skip_nested_modules);
    if (strcmp(key, "mainEntries") == 0) {
        if ((err = get_list(ctx, key, v, &cfg->main_entries)))
            return err;
        for (size_t i = 0; i < cfg->main_entries.count; i++) {
            char *e = cfg->main_entries.items[i];
            if (strcmp(e, "*") == 0)
                continue;
            const char *problem = "is empty";
            char *norm = *e ? normalize_relpath(e, &problem) : NULL;
            if (!norm)
                return node_error(ctx, v, key, "entry %zu \"%s\" %s", i + 1, e, problem);
            free(e);
            cfg->main_entries.items[i] = norm;
        }
        return NULL;
    }
    if (strcmp(key, "printerConfigMode") == 0) {
        if ((err = get_list(ctx, key, v, &cfg->printer_config_mode)))
            return err;
        for (size_t i = 0; i < cfg->printer_config_mode.count; i++)
            if (!goat_config_valid_printer_mode(cfg->printer_config_mode.items[i]))
                return node_error(ctx, v, key,
                                  "\"%s\" is not one of none, useSpaces, tabIndent, sourcePos, rawFormat",
                                  cfg->printer_config_mode.items[i]);
        return NULL;
    }
    if (strcmp(key, "printerConfigTabwidth") == 0) {
        if ((err = get_int(ctx, key, v, &cfg->printer_config_tabwidth)))
            return err;
        if (cfg->printer_config_tabwidth < 1)
            cfg->printer_config_tabwidth = 8;
        return NULL;
    }
    if (strcmp(key, "printerConfigIndent") == 0) {
        if ((err = get_int(ctx, key, v, &cfg->printer_config_indent)))
            return err;
        if (cfg->printer_config_indent < 0)
            cfg->printer_config_indent = 0;
        return NULL;
    }
    if (strcmp(key, "dataType") == 0) {
        if ((err = get_string(ctx, key, v, &s)) || !s)
            return err;
        int dt = *s ? goat_config_data_type_parse(s) : GOAT_DATA_TYPE_BOOL;
        if (dt < 0)
            err = node_error(ctx, v, key, "\"%s\" is not one of bool, count", s);
        else
            cfg->data_type = dt;
        free(s);
        return err;
    }
    return NULL; /* not reached: keys are checked against known_keys first */
}

static const char *const known_keys[] = {
    "appName", "appVersion", "oldBranch", "newBranch", "ignores", "goatPackageName",
    "goatPackageAlias", "goatPackagePath", "granularity", "diffPrecision", "threads", "race",
    "mainEntries", "printerConfigMode", "printerConfigTabwidth", "printerConfigIndent",
    "dataType", "verbose", "skipNestedModules",
};

static bool is_known_key(const char *key)
{
    for (size_t i = 0; i < sizeof known_keys / sizeof *known_keys; i++)
        if (strcmp(key, known_keys[i]) == 0)
            return true;
    return false;
}

static goat_error *parse_root(const parse_ctx *ctx, yaml_node_t *root, goat_config *cfg)
{
    if (!root || is_null(root))
        return NULL; /* an empty file: every default */
    if (root->type != YAML_MAPPING_NODE)
        return goat_error_new(ctx->filename, (int)root->start_mark.line + 1, (int)root->start_mark.column + 1,
                              "expected a mapping of keys to values at the top level, got %s", type_name(root));
    size_t n = (size_t)(root->data.mapping.pairs.top - root->data.mapping.pairs.start);
    const char **seen = goat_xcalloc(n + 1, sizeof *seen);
    size_t seen_count = 0;
    goat_error *err = NULL;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top && !err; p++) {
        yaml_node_t *k = yaml_document_get_node(ctx->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(ctx->doc, p->value);
        if (k->type != YAML_SCALAR_NODE) {
            err = goat_error_new(ctx->filename, (int)k->start_mark.line + 1, (int)k->start_mark.column + 1,
                                 "a key must be a plain name, got %s", type_name(k));
            break;
        }
        const char *key = scalar(k);
        if (!is_known_key(key)) {
            err = goat_error_new(ctx->filename, (int)k->start_mark.line + 1, (int)k->start_mark.column + 1,
                                 "%s: unknown key (see goat(1) for the keys of goat.yaml)", key);
            break;
        }
        for (size_t i = 0; i < seen_count; i++)
            if (strcmp(seen[i], key) == 0)
                err = goat_error_new(ctx->filename, (int)k->start_mark.line + 1, (int)k->start_mark.column + 1,
                                     "%s: key given twice", key);
        if (err)
            break;
        seen[seen_count++] = key;
        err = set_key(ctx, cfg, key, v);
    }
    free(seen);
    return err;
}

goat_error *goat_config_parse(const char *filename, const char *text, size_t len, goat_config *cfg)
{
    goat_config_defaults(cfg);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        goat_out_of_memory();
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    yaml_document_t doc;
    goat_error *err = NULL;
    if (!yaml_parser_load(&parser, &doc)) {
        const yaml_mark_t *m = parser.problem ? &parser.problem_mark : &parser.context_mark;
        err = goat_error_new(filename, (int)m->line + 1, (int)m->column + 1, "invalid YAML: %s%s%s",
                             parser.problem ? parser.problem : "malformed document",
                             parser.context ? " " : "", parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        goat_config_free(cfg);
        return err;
    }
    parse_ctx ctx = {filename, &doc};
    err = parse_root(&ctx, yaml_document_get_root_node(&doc), cfg);
    if (!err) {
        /* A second document is almost certainly a mistake; say so. */
        yaml_document_t extra;
        if (yaml_parser_load(&parser, &extra)) {
            yaml_node_t *r = yaml_document_get_root_node(&extra);
            if (r)
                err = goat_error_new(filename, (int)r->start_mark.line + 1, (int)r->start_mark.column + 1,
                                     "only one YAML document is allowed");
            yaml_document_delete(&extra);
        }
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    if (err)
        goat_config_free(cfg);
    return err;
}

goat_error *goat_config_default_app_name(goat_config *cfg, const char *project_dir)
{
    if (!cfg->app_name || !*cfg->app_name) {
        char *abs = realpath(project_dir, NULL);
        const char *base = abs ? strrchr(abs, '/') : NULL;
        set_string(&cfg->app_name, base && base[1] ? base + 1 : (abs ? abs : project_dir));
        free(abs);
    }
    /* goat.yaml's appName was checked as it was read: only the default fails. */
    char *problem = goat_config_check_app_string(cfg->app_name);
    if (!problem)
        return NULL;
    goat_error *err = goat_error_new(NULL, 0, 0,
                                     "appName: its default, the project directory's name, has %s, or give "
                                     "appName in goat.yaml (goat init --app-name)",
                                     problem);
    free(problem);
    return err;
}

goat_error *goat_config_resolve(goat_config *cfg, const char *project_dir)
{
    goat_error *err = goat_config_default_app_name(cfg, project_dir);
    if (err)
        return err;
    if (cfg->app_version && *cfg->app_version)
        return NULL;
    char hex[8];
    err = goat_git_short_hash(project_dir, *cfg->new_branch ? cfg->new_branch : "HEAD", "newBranch", hex);
    if (!err)
        set_string(&cfg->app_version, hex);
    return err;
}

goat_error *goat_config_load_if_present(const char *path, const char *project_dir, goat_config *cfg, bool *missing)
{
    struct stat st;
    *missing = lstat(path, &st) != 0 && errno == ENOENT;
    if (!*missing)
        return goat_config_load(path, project_dir, cfg);
    goat_config_defaults(cfg);
    goat_config_default_app_name(cfg, project_dir);
    return NULL;
}

goat_error *goat_config_load(const char *path, const char *project_dir, goat_config *cfg)
{
    char *text = NULL;
    size_t len = 0;
    goat_error *err = goat_read_file(path, &text, &len);
    if (err) {
        memset(cfg, 0, sizeof *cfg);
        struct stat st;
        if (lstat(path, &st) != 0 && errno == ENOENT) /* a dangling link is there, and broken */
            return goat_error_wrap(err, "no configuration (run 'goat init' first, or set GOAT_CONFIG)");
        return err;
    }
    err = goat_config_parse(path, text, len, cfg);
    free(text);
    /* A default goat report would refuse is refused by goat_config_resolve,
     * which the commands that serve or read appName call: clean needs none. */
    if (!err)
        goat_error_free(goat_config_default_app_name(cfg, project_dir));
    return err;
}
