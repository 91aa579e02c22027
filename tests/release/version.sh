#!/bin/sh
# SPDX-License-Identifier: MIT
# The version: `goat version` and `goat --version` print what
# scripts/version.sh says for this source tree; configure's version is the
# one in the man page's header; and scripts/version.sh itself, on throw-away
# repositories, follows git describe (tags, commit counts, -dirty, dates) and
# prefers a tarball's .tarball-version and .tarball-date.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
script=$top_srcdir/scripts/version.sh
# expect WHAT GOT WANT
expect() {
  if [ "$2" = "$3" ]; then echo "ok $1: $2"; else fail "$1: got '$2', want '$3'"; fi
}

# --- goat itself -----------------------------------------------------------
version=$(sh "$script" "$top_srcdir") || fail "scripts/version.sh fails on the source tree"
libgit2=$(pkg-config --modversion libgit2 2>/dev/null | sed 's/^\([0-9]*\.[0-9]*\.[0-9]*\).*/\1/')
printed=$("$GOAT" version)
expect "goat version" "$printed" "goat version $version (libgit2 ${libgit2:-?})"
[ -n "$libgit2" ] || fail "pkg-config does not know libgit2's version"
expect "goat --version" "$("$GOAT" --version)" "$printed"

configured=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h")
th=$(sed -n 's/^\.TH GOAT 1 "\([^"]*\)" "\([^"]*\)".*/\1|\2/p' "$top_builddir/doc/goat.1")
expect "man page header's version" "${th#*|}" "goat $configured"
case ${th%|*} in
  [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]) echo "ok man page date: ${th%|*}" ;;
  *) fail "man page date '${th%|*}' is not YYYY-MM-DD" ;;
esac
grep -q '@[A-Z_]*@' "$top_builddir/doc/goat.1" && fail "doc/goat.1 keeps an unsubstituted @VARIABLE@"

# --- scripts/version.sh on throw-away trees --------------------------------
news_version=$(sed -n 's/^\* goat \([0-9][^ ]*\) .*/\1/p' "$top_srcdir/NEWS" | sed -n 1p)
[ -n "$news_version" ] || fail "NEWS has no '* goat X.Y.Z (date)' heading"

repo=$tmp/repo
mkdir -p "$repo/scripts"
cp "$script" "$repo/scripts/"
printf '* Unreleased\n\n* goat 2.4.0 (2030-01-02)\n\n* goat 2.3.0 (2029-01-01)\n' >"$repo/NEWS"
g() { git -C "$repo" -c user.name=t -c user.email=t@t "$@"; }
commit() {
  echo "$1" >>"$repo/file"
  g add -A && GIT_COMMITTER_DATE="$2 12:00:00 +0000" GIT_AUTHOR_DATE="$2 12:00:00 +0000" g commit -q -m "$1"
}
v() { sh "$repo/scripts/version.sh" "$@"; }

git init -q "$repo" && commit one 2030-03-04 && commit two 2030-03-05 || fail "cannot make a git repository"
hash=$(g rev-parse --short=7 HEAD)
expect "no tag: NEWS version, commit count, hash" "$(v "$repo")" "2.4.0-2-g$hash"
expect "date of the commit" "$(v --date "$repo")" "2030-03-05"
echo edit >>"$repo/file"
expect "modified tree" "$(v "$repo")" "2.4.0-2-g$hash-dirty"
g checkout -q -- file
g tag -a v2.5.0 -m 2.5.0
expect "at a tag" "$(v "$repo")" "2.5.0"
commit three 2030-03-06
expect "after a tag" "$(v "$repo")" "2.5.0-1-g$(g rev-parse --short=7 HEAD)"
g tag other-tag
expect "tags not v<digit> are not versions" "$(v "$repo")" "2.5.0-1-g$(g rev-parse --short=7 HEAD)"
echo edit >>"$repo/file"
expect "after a tag, modified" "$(v "$repo")" "2.5.0-1-g$(g rev-parse --short=7 HEAD)-dirty"
expect "defaults to the current directory" "$(cd "$repo" && sh scripts/version.sh)" "$(v "$repo")"

# A release tarball's files win, even inside a repository.
echo 9.9.9 >"$repo/.tarball-version"
echo 2031-12-31 >"$repo/.tarball-date"
expect "tarball version" "$(v "$repo")" "9.9.9"
expect "tarball date" "$(v --date "$repo")" "2031-12-31"
rm "$repo/.tarball-date"
v --date "$repo" >/dev/null 2>&1 && fail ".tarball-version without .tarball-date is accepted"
echo '9.9"; rm -rf /' >"$repo/.tarball-version"
v "$repo" >/dev/null 2>&1 && fail "a version with quotes and spaces is accepted"
rm "$repo/.tarball-version"

# An unpacked source inside another repository does not take its history.
mkdir -p "$repo/vendored/scripts"
cp "$script" "$repo/vendored/scripts/"
cp "$repo/NEWS" "$repo/vendored/"
expect "source tree inside another repository" "$(v "$repo/vendored")" "2.4.0-unknown"
expect "its date with SOURCE_DATE_EPOCH" "$(SOURCE_DATE_EPOCH=1893456000 v --date "$repo/vendored")" "2030-01-01"

printf 'no headings\n' >"$repo/vendored/NEWS"
v "$repo/vendored" >/dev/null 2>"$tmp/err" && fail "NEWS without a version heading is accepted"
grep -q NEWS "$tmp/err" || fail "the error for a NEWS without a version does not name NEWS: $(cat "$tmp/err")"

finish "version check(s)"
