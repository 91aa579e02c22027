/* SPDX-License-Identifier: MIT */
/* Reading back what a generated file's header records about how it was
 * made, for goat patch, which keeps the points where goat track placed
 * them and must know at which granularity that was. */
#include <stdbool.h>
#include <string.h>

#include "gen/gen.h"
#include "gen/internal.h"

bool goat_gen_valid_granularity_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n >= GOAT_GEN_GRANULARITY_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (name[i] < 'a' || name[i] > 'z')
            return false;
    return true;
}

/* The granularity named in a Settings line's text [p, eol). */
static bool granularity_in(const char *p, const char *eol, char buf[GOAT_GEN_GRANULARITY_MAX])
{
    const char *key = memmem(p, (size_t)(eol - p), ", " SETTINGS_GRANULARITY, sizeof SETTINGS_GRANULARITY + 1);
    if (!key)
        return false;
    key += sizeof SETTINGS_GRANULARITY + 1;
    size_t n = 0;
    while (key + n < eol && key[n] >= 'a' && key[n] <= 'z' && n + 1 < GOAT_GEN_GRANULARITY_MAX)
        n++;
    if (n == 0 || key + n == eol || (key[n] != '.' && key[n] != ','))
        return false;
    memcpy(buf, key, n);
    buf[n] = '\0';
    return true;
}

bool goat_gen_recorded_granularity(const char *text, size_t len, char buf[GOAT_GEN_GRANULARITY_MAX])
{
    static const char settings[] = "// Settings: ";
    buf[0] = '\0';
    size_t header = sizeof GOAT_GEN_HEADER - 1;
    if (len <= header || memcmp(text, GOAT_GEN_HEADER, header) != 0 || text[header] != '\n')
        return false;
    /* the Settings line is in the package comment, before the package clause */
    const char *end = text + len;
    for (const char *p = text + header + 1; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *eol = nl ? nl : end;
        size_t n = (size_t)(eol - p);
        if (n >= 8 && memcmp(p, "package ", 8) == 0)
            return false;
        if (n >= sizeof settings - 1 && memcmp(p, settings, sizeof settings - 1) == 0)
            return granularity_in(p, eol, buf);
        if (!nl)
            break;
        p = nl + 1;
    }
    return false;
}
