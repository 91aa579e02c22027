#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints goat's version (or, with --date, the date of that version as
# YYYY-MM-DD) for the source tree SRCDIR (default: the current directory).
#
#   - A release tarball carries .tarball-version and .tarball-date, written by
#     `make dist`; they win, so a tarball builds the same without git (and the
#     same when a packager keeps the unpacked tarball in a git repository).
#   - From a git checkout: `git describe` against the newest v* tag, without
#     the v (0.2.0, 0.2.0-3-gabc1234, 0.2.0-3-gabc1234-dirty). Before the
#     first tag: the newest version NEWS names, the number of commits and the
#     short hash (0.1.0-190-g58bfb45[-dirty]). The date is the commit's.
#   - Neither: NEWS's version with "-unknown", dated SOURCE_DATE_EPOCH or today.
#
# configure.ac calls it when autoconf runs; the Makefile calls it at every
# build so that `goat version` names the commit it was built from.
set -eu

want=version
if [ "${1-}" = --date ]; then
  want=date
  shift
fi
srcdir=${1:-.}

fail() {
  echo "scripts/version.sh: $*" >&2
  exit 1
}

# A version goes into C strings, file names and the man page: keep it plain.
check_version() {
  case $1 in
    '' | *[!A-Za-z0-9.+~_-]*) fail "'$1' is not a version (letters, digits and . + ~ _ - only)" ;;
  esac
  printf '%s\n' "$1"
}

check_date() {
  case $1 in
    [0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]) printf '%s\n' "$1" ;;
    *) fail "'$1' is not a date in the form YYYY-MM-DD" ;;
  esac
}

if [ -f "$srcdir/.tarball-version" ]; then
  if [ $want = version ]; then
    check_version "$(cat "$srcdir/.tarball-version")"
  else
    [ -f "$srcdir/.tarball-date" ] || fail "$srcdir/.tarball-version exists but .tarball-date does not: unpack the tarball again"
    check_date "$(cat "$srcdir/.tarball-date")"
  fi
  exit 0
fi

# The first "* goat X.Y.Z (date)" heading of NEWS: the newest release.
news_version=$(sed -n 's/^\* goat \([0-9][^ ]*\) .*/\1/p' "$srcdir/NEWS" 2>/dev/null | sed -n 1p)
[ -n "$news_version" ] || fail "no '* goat X.Y.Z (date)' heading in $srcdir/NEWS"

# Only a checkout whose top is SRCDIR itself counts: an unpacked source tree
# inside some other repository must not take that repository's history.
top=$(git -C "$srcdir" rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$srcdir" && pwd -P)" ]; then
  if [ $want = date ]; then
    check_date "$(git -C "$srcdir" log -1 --format=%cd --date=short)"
    exit 0
  fi
  described=$(git -C "$srcdir" describe --tags --match 'v[0-9]*' --abbrev=7 --dirty 2>/dev/null || true)
  if [ -n "$described" ]; then
    check_version "${described#v}"
  else
    count=$(git -C "$srcdir" rev-list --count HEAD)
    hash=$(git -C "$srcdir" describe --always --abbrev=7 --dirty)
    check_version "$news_version-$count-g$hash"
  fi
  exit 0
fi

if [ $want = date ]; then
  if [ -n "${SOURCE_DATE_EPOCH-}" ]; then
    check_date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)"
  else
    check_date "$(date -u +%Y-%m-%d)"
  fi
else
  check_version "$news_version-unknown"
fi
