/* SPDX-License-Identifier: MIT */
/* Worker threads for per-file work that parses Go source.
 *
 * goat_pool_run starts threads - 1 threads and works on this one too; each
 * runs worker(arg) with a stack large enough to parse inputs of up to
 * max_len bytes (see goat_run_with_parse_stack), so the parses inside need
 * no thread of their own. worker takes items off a shared counter; the pool
 * returns when every worker has returned. When no thread can be started,
 * this thread does all the work. */
#ifndef GOAT_PROJECT_POOL_H
#define GOAT_PROJECT_POOL_H

#include <stddef.h>

void goat_pool_run(int threads, size_t max_len, void (*worker)(void *arg), void *arg);

#endif
