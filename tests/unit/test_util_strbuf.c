/* SPDX-License-Identifier: MIT */
/* The output buffer keeps its promise to be a NUL-terminated string at
 * every step: empty, after reserving room (which may allocate), after
 * appends that grow it, and when handed over. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

Test(strbuf, reserved_then_detached_is_an_empty_string)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_strbuf_reserve(&sb, 100);
    cr_assert_not_null(sb.data);
    cr_expect_eq(sb.data[0], '\0');
    size_t len = 99;
    char *s = goat_strbuf_detach(&sb, &len);
    cr_expect_eq(len, 0);
    cr_expect_str_eq(s, "");
    cr_expect_null(sb.data);
    free(s);
}

Test(strbuf, never_used_detaches_as_an_empty_string)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    char *s = goat_strbuf_detach(&sb, NULL);
    cr_expect_str_eq(s, "");
    free(s);
}

Test(strbuf, stays_terminated_while_it_grows)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    char expect[5001] = {0};
    for (size_t i = 0; i < 5000; i++) {
        char c = (char)('a' + i % 26);
        expect[i] = c;
        if (i % 3 == 0)
            goat_strbuf_putc(&sb, c);
        else
            goat_strbuf_append(&sb, &c, 1);
        cr_assert_eq(sb.len, i + 1);
        cr_assert_eq(sb.data[sb.len], '\0');
        if (i % 1000 == 0) {
            goat_strbuf_reserve(&sb, 4096); /* growing must keep the NUL */
            cr_assert_eq(sb.data[sb.len], '\0');
        }
    }
    goat_strbuf_printf(&sb, "%d", 42);
    cr_expect_eq(sb.len, 5002);
    cr_expect_str_eq(sb.data + 5000, "42");
    cr_expect_eq(memcmp(sb.data, expect, 5000), 0);
    goat_strbuf_free(&sb);
}
