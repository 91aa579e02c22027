/* SPDX-License-Identifier: MIT */
/* What a person can do when the system refuses a write: the sentence goat
 * appends to "cannot ...: <strerror>" so that the message says what to do
 * next, not only what failed. Each returns "" when errno needs no advice,
 * else a text starting with "; ". */
#ifndef GOAT_UTIL_ADVICE_H
#define GOAT_UTIL_ADVICE_H

/* A file goat replaces (or a temporary file next to it) could not be
 * written, linked or renamed. */
const char *goat_write_advice(int errnum);

/* The generated package's directory could not be created. */
const char *goat_mkdir_advice(int errnum);

#endif
