#!/bin/sh
# SPDX-License-Identifier: MIT
# Stands in for the goat binary in `make check-valgrind` ($GOAT points here):
# runs the real one ($GOAT_REAL) under valgrind
# (in a sampled run, only some of the time: sampled.sh).
: "${GOAT_REAL:?set by make check-valgrind}"
exec "$(dirname "$0")/sampled.sh" "$GOAT_REAL" "$@"
