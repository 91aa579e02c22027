/* SPDX-License-Identifier: MIT */
/* Prints the tokens goat's lexer finds in each file named on the command
 * line, in the form scandump.go prints go/scanner's, so that the two can be
 * compared (tests/lexer/scanner_diff.sh). With -q it only scans and prints
 * the lexing speed on stderr; with -n comments are skipped, not returned;
 * with -b tokens are taken the parser's way, as many as possible from
 * goat_lexer_scan_ahead (in runs of 1 to 7, to reach every boundary, or
 * of 128 with -q) and the rest from goat_lexer_next.
 *
 * Per file: "file NAME", then "OFFSET TOKEN LITERAL" per token (literal with
 * bytes outside printable ASCII, '\\' and '"' as \xHH), then
 * "errors COUNT" and, when there is one, "first OFFSET MESSAGE". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexer/lexer.h"
#include "util/file.h"

static void put_escaped(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7F || c == '\\' || c == '"')
            printf("\\x%02x", c);
        else
            putchar(c);
    }
}

int main(int argc, char **argv)
{
    int first = 1;
    int quiet = 0, batch = 0;
    unsigned mode = GOAT_LEX_COMMENTS;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "-q") == 0)
            quiet = 1;
        else if (strcmp(argv[first], "-n") == 0)
            mode = 0;
        else if (strcmp(argv[first], "-b") == 0)
            batch = 1;
    }
    size_t total = 0;
    double seconds = 0;
    for (int i = first; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        char *buf = NULL;
        size_t len = 0, cap = 0, n;
        char chunk[65536];
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (len + n > cap) {
                cap = (len + n) * 2;
                buf = realloc(buf, cap);
                if (!buf)
                    return 1;
            }
            memcpy(buf + len, chunk, n);
            len += n;
        }
        fclose(f);
        /* an exact-size copy, so that a sanitizer build catches any overread */
        char *exact = malloc(len ? len : 1);
        if (!exact)
            return 1;
        memcpy(exact, buf, len);
        free(buf);
        buf = exact;
        total += len;
        goat_lexer lx;
        goat_lexer_config cfg = {.filename = argv[i], .src = buf, .len = len,
                                 .mode = mode};
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        goat_lexer_init(&lx, &cfg);
        if (!quiet)
            printf("file %s\n", argv[i]);
        /* the tokens and the comments scanned ahead, merged back into
         * source order */
        goat_lexed ahead[256];
        size_t ahead_next = 0, ahead_count = 0, runs = 0;
        for (;;) {
            goat_token t;
            if (batch && ahead_next == ahead_count) {
                size_t want = quiet ? 128 : 1 + runs++ % 7, ncomments = 0;
                goat_lexed tokens[128], comments[128];
                size_t ntokens = goat_lexer_scan_ahead(&lx, tokens, want, comments, want, &ncomments);
                size_t a = 0, b = 0;
                ahead_count = 0;
                while (a < ntokens || b < ncomments)
                    ahead[ahead_count++] = b == ncomments || (a < ntokens && tokens[a].pos < comments[b].pos)
                                               ? tokens[a++] : comments[b++];
                ahead_next = 0;
            }
            if (ahead_next < ahead_count) {
                const goat_lexed *a = &ahead[ahead_next++];
                t = (goat_token){.kind = a->kind, .pos = a->pos, .end = a->pos + a->lit_len,
                                 .lit = buf + a->pos, .lit_len = a->lit_len};
            } else {
                t = goat_lexer_next(&lx);
            }
            if (!quiet) {
                printf("%zu %s \"", t.pos, goat_token_string(t.kind));
                put_escaped(t.lit, t.kind == GOAT_TOK_EOF || (t.kind >= GOAT_TOK_ADD && t.kind <= GOAT_TOK_TILDE && t.kind != GOAT_TOK_SEMICOLON) ? 0 : t.lit_len);
                printf("\"\n");
            }
            if (t.kind == GOAT_TOK_EOF)
                break;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        seconds += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        if (!quiet) {
            printf("errors %d\n", lx.state.error_count);
            if (lx.state.first_error)
                printf("first %zu %s\n", lx.state.first_error_offset, lx.state.first_error);
        }
        goat_lexer_free(&lx);
        free(buf);
    }
    if (quiet)
        fprintf(stderr, "lexed %zu bytes in %.3f s: %.0f MB/s\n", total, seconds,
                seconds > 0 ? (double)total / seconds / 1e6 : 0.0);
    return 0;
}
