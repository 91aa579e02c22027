#!/bin/sh
# SPDX-License-Identifier: MIT
# make distcheck as a distribution without Criterion runs it (check-all's
# step): pkg-config sees every library but Criterion, so the tarball is built
# in a separate build tree with a read-only source tree, its whole test suite
# runs with the unit tests reported as skipped, and it installs, uninstalls
# and cleans up. The failing tests' logs are printed when it fails.
#
# usage: distcheck.sh DISTDIR   (run by make, with MAKE set, in the build tree)
set -u
here=$(cd "$(dirname "$0")" && pwd)
distdir=$1
make=${MAKE:-make}
pc=$(sh "$here/pkgconfig-without-criterion.sh" "$PWD/pkgconfig-without-criterion") || exit 1
unset PKG_CONFIG_PATH
# On make's command line: the Makefile defines PKG_CONFIG_LIBDIR (empty, as
# configure found it), and that would win over the environment.
{ $make distcheck PKG_CONFIG_LIBDIR="$pc" 2>&1; echo $? >distcheck.status; } | tee distcheck.log
status=$(cat distcheck.status)
if [ "$status" -ne 0 ]; then
  sh "$here/../show-failures.sh" "$distdir"
  echo "distcheck.sh: make distcheck failed (exit $status); its output is in $PWD/distcheck.log" >&2
  exit 1
fi
sh "$here/unit-tests-were-skipped.sh" distcheck.log || exit 1
echo "distcheck.sh: the tarball passes make distcheck without Criterion"
