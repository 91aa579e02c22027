#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs PROGRAM ARGS... under valgrind's memcheck for `make check-valgrind`:
# every process (children too) logs to its own file in $GOAT_VALGRIND_LOGS,
# which tests/valgrind/summary.sh checks afterwards; the program's own exit
# status and output are left as they are, so the tests judge them as usual.
# Definite leaks count as errors; reachable memory at exit does not.
: "${GOAT_VALGRIND_LOGS:?set by make check-valgrind}"
supp=
[ -n "$GOAT_VALGRIND_SUPP" ] && [ -f "$GOAT_VALGRIND_SUPP" ] && supp=--suppressions=$GOAT_VALGRIND_SUPP
# --track-origins=no (GOAT_VALGRIND_ORIGINS=no, CI's sample) finds the same
# errors a third faster but cannot say where an uninitialised value came from.
exec valgrind --tool=memcheck --trace-children=yes --track-origins="${GOAT_VALGRIND_ORIGINS:-yes}" \
    --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --max-stackframe=16000000 --main-stacksize=67108864 $supp \
    --log-file="$GOAT_VALGRIND_LOGS/vg.%p.log" "$@"
