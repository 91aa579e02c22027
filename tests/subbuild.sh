#!/bin/sh
# SPDX-License-Identifier: MIT
# Makes sure BUILDDIR holds a configured build of the goat sources in SRCDIR,
# configured with CONFIGURE_ARGS, and prints the directory in which to run
# make. `make fuzz-smoke` (from a non-fuzzing build) and tests/ci-sanitizers.sh
# use it to get a second, differently configured build next to the first.
#
# When SRCDIR was itself configured in place (it holds config.status),
# configure refuses to build it from another directory, so the sources are
# copied into BUILDDIR/src first (the files git tracks, or `make distdir`
# outside a git checkout) and configured there.
#
# usage: subbuild.sh SRCDIR BUILDDIR [CONFIGURE_ARGS...]
set -e
srcdir=$1 builddir=$2
shift 2
[ -f "$srcdir/configure.ac" ] || { echo "subbuild.sh: $srcdir is not the goat source tree" >&2; exit 1; }
mkdir -p "$builddir"
builddir=$(cd "$builddir" && pwd)

if [ -f "$srcdir/config.status" ]; then
    copy=$builddir/src
    mkdir -p "$copy"
    if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        # Tracked files plus new ones not ignored; tar keeps their times, so
        # make rebuilds only what changed since the last copy.
        # (Not the build directory itself when it lies inside the sources.)
        inside=${builddir#"$(cd "$srcdir" && pwd)"/}
        (cd "$srcdir" && git ls-files -z --cached --others --exclude-standard) |
            grep -zv "^$inside/" |
            (cd "$srcdir" && tar --null -T - -cf -) | (cd "$copy" && tar -xf -) >&2
        [ -x "$copy/configure" ] || (cd "$copy" && ./bootstrap) >&2
    else
        (cd "$srcdir" && make distdir distdir="$copy.new") >&2
        rm -rf "$copy" && mv "$copy.new" "$copy"
    fi
    run_in=$copy
    configure=./configure
else
    run_in=$builddir
    configure=$srcdir/configure
fi

if [ ! -f "$run_in/config.status" ]; then
    echo "subbuild.sh: configuring $run_in with: $*" >&2
    # The outer build's flags (make passes command-line variables down in
    # the environment) are not this build's: it gets exactly CONFIGURE_ARGS.
    (unset CC CFLAGS CPPFLAGS LDFLAGS LIBS
     cd "$run_in" && "$configure" "$@") >"$builddir/configure.log" 2>&1 || {
        tail -n 30 "$builddir/configure.log" >&2
        echo "subbuild.sh: configure failed; see $builddir/configure.log" >&2
        exit 1
    }
fi
echo "$run_in"
