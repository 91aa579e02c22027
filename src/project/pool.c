/* SPDX-License-Identifier: MIT */
#include "project/pool.h"

#include <pthread.h>
#include <stdlib.h>

#include "parser/parser.h"
#include "util/xalloc.h"

typedef struct pool_call {
    void (*worker)(void *);
    void *arg;
} pool_call;

static void *pool_thread(void *arg)
{
    const pool_call *call = arg;
    goat_run_on_parse_thread(call->worker, call->arg);
    return NULL;
}

void goat_pool_run(int threads, size_t max_len, void (*worker)(void *arg), void *arg)
{
    pool_call call = {worker, arg};
    size_t extra = threads > 1 ? (size_t)threads - 1 : 0;
    pthread_t *tids = goat_xcalloc(extra + 1, sizeof *tids);
    size_t started = 0;
    pthread_attr_t attr;
    if (extra && pthread_attr_init(&attr) == 0) {
        if (pthread_attr_setstacksize(&attr, goat_parse_stack_size(max_len)) == 0)
            for (size_t i = 0; i < extra; i++)
                if (pthread_create(&tids[started], &attr, pool_thread, &call) == 0)
                    started++;
        pthread_attr_destroy(&attr);
    }
    goat_run_with_parse_stack(max_len, worker, arg);
    for (size_t i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    free(tids);
}
