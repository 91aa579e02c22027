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
# configure.ac calls it when autoconf runs; the Makefile calls it when what
# the version is computed from changes, so that `goat version` names the
# commit it was built from.
#
# With --deps TARGET it prints instead the make rules that make TARGET depend
# on those files: .tarball-version in a tarball; in a checkout, git's HEAD,
# the branch's ref, packed-refs, the tags and every tracked file (an edit
# makes the version -dirty); NEWS otherwise. Each file also gets an empty
# rule, so that a file deleted later does not stop make.
set -eu

want=version
case ${1-} in
  --date) want=date; shift ;;
  --deps) want=deps; target=$2; shift 2 ;;
esac
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

# deps FILE...: the rules of --deps. Names make cannot take (blanks, and
# : # $ % = \) are left out: an edit of such a file alone goes unseen.
deps() {
  for f in "$@"; do
    case $f in *[[:space:]:#\$%=\\]*) continue ;; esac
    printf '%s: %s\n%s:\n' "$target" "$f" "$f"
  done
}

if [ -f "$srcdir/.tarball-version" ]; then
  if [ $want = deps ]; then
    deps "$srcdir/.tarball-version"
  elif [ $want = version ]; then
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
  if [ $want = deps ]; then
    gitpath() { git -C "$srcdir" rev-parse --path-format=absolute --git-path "$1"; }
    branch=$(git -C "$srcdir" symbolic-ref -q HEAD || true)
    set -- "$(gitpath HEAD)" "$(gitpath packed-refs)" "$(gitpath refs/tags)"
    [ -z "$branch" ] || set -- "$@" "$(gitpath "$branch")"
    for f in "$@"; do
      [ ! -e "$f" ] || deps "$f"
    done
    git -C "$srcdir" ls-files | while IFS= read -r f; do deps "$srcdir/$f"; done
    exit 0
  fi
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

if [ $want = deps ]; then
  deps "$srcdir/NEWS"
elif [ $want = date ]; then
  if [ -n "${SOURCE_DATE_EPOCH-}" ]; then
    check_date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)"
  else
    check_date "$(date -u +%Y-%m-%d)"
  fi
else
  check_version "$news_version-unknown"
fi
