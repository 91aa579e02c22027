/* SPDX-License-Identifier: MIT */
/* Internal to src/gen: the Go text that gen.c renders. */
#ifndef GOAT_GEN_TEMPLATE_H
#define GOAT_GEN_TEMPLATE_H

extern const char goat_gen_template[];

#endif
