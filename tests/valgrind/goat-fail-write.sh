#!/bin/sh
# SPDX-License-Identifier: MIT
# Stands in for the test build with injected write failures in `make
# check-valgrind` ($GOAT_FAULTY points here): runs the real one
# ($GOAT_FAULTY_REAL) under valgrind
# (in a sampled run, only some of the time: sampled.sh).
: "${GOAT_FAULTY_REAL:?set by make check-valgrind}"
exec "$(dirname "$0")/sampled.sh" "$GOAT_FAULTY_REAL" "$@"
