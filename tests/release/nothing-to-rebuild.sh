#!/bin/sh
# SPDX-License-Identifier: MIT
# After a build, nothing is left to build: make -q says so (exit 0), and
# make install DESTDIR=... compiles, links and writes nothing in the build
# tree. Packagers install in a step of its own, often as root: a rule that
# always runs, or a profile-guided build done again, would happen there.
#
# usage: nothing-to-rebuild.sh BUILDDIR DESTDIR   (BUILDDIR built with make;
# make install DESTDIR=DESTDIR is left installed for the caller)
# tests/release/package.sh runs it on the tarball's build, check-all on the
# build of the git checkout.
set -u
builddir=$1
destdir=$2
make=${MAKE:-make}
die() { echo "nothing-to-rebuild.sh: FAIL: $*" >&2; exit 1; }
# The caller's make (check-all) passes its flags down; this make is a new one.
unset MAKEFLAGS MFLAGS MAKELEVEL

cd "$builddir" || exit 1
if ! $make -q all >/dev/null 2>&1; then
  echo "make -q all in $builddir says something is left to build; what make -d would remake:" >&2
  $make -d -q all 2>/dev/null | grep 'Must remake target' | sed 's/^ */  /' | sort -u | head -n 20 >&2
  die "make -q all is not 0 after a build"
fi

marker=$(mktemp "$builddir/.nothing-to-rebuild.XXXXXX") || exit 1
log=$marker.log
# Files written in the same second as the marker must still count as newer.
sleep 1
touch "$marker"
status=0
$make install DESTDIR="$destdir" >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  tail -n 30 "$log" >&2
  rm -f "$marker" "$log"
  die "make install DESTDIR=$destdir failed (exit $status)"
fi
built=$(grep -E '^  (CC|CCLD|AR|GEN) |(^|[ /])(gcc|cc|clang)(-[0-9]+)? .*-(c|o) ' "$log")
written=$(find . -newer "$marker" ! -path "./${marker##*/}*" -type f -print 2>/dev/null |
  while IFS= read -r f; do
    case $(cd "$(dirname "$f")" && pwd -P)/ in "$(cd "$destdir" 2>/dev/null && pwd -P)"/*) ;; *) echo "$f" ;; esac
  done)
rm -f "$marker" "$log"
[ -z "$built" ] || die "make install compiled or generated again:
$built"
[ -z "$written" ] || die "make install wrote in the build tree:
$written"
echo "nothing-to-rebuild.sh: make -q all is 0 and make install DESTDIR=$destdir builds nothing"
