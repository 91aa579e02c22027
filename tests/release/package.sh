#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds a release tarball the way a distribution does, on a machine without
# Criterion:
#   ./configure --prefix=/usr && make && make check && make install DESTDIR=...
# and checks that configure says the unit tests will be skipped, that the
# rest of the test suite passes, that exactly the files listed in
# tests/release/installed-files are installed, and that what is installed
# works: goat prints the tarball's version, the man page has no groff
# warnings, and bash, zsh and fish load the completions from where they were
# installed. Also checks that nothing is left to build after make (make -q
# is 0, and make install DESTDIR=... compiles and writes nothing)
# (tests/release/nothing-to-rebuild.sh), that a second build elsewhere
# installs the same bytes (tests/release/reproducible.sh),
# that the tarball holds every file git tracks (but
# the CI entry point and .gitignore) and states the license of every file.
#
# Criterion's absence is simulated: pkg-config reads a copy of its search
# path without criterion.pc (PKG_CONFIG_LIBDIR).
#
# usage: package.sh TARBALL WORKDIR [SRCDIR]   (make check-package runs it)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$2
jobs=${GOAT_JOBS:-2}
say() { echo "package.sh: $*"; }
die() { echo "package.sh: FAIL: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/unpacked"
work=$(cd "$work" && pwd)
tar -xzf "$tarball" -C "$work/unpacked"
src=$(echo "$work"/unpacked/*)
[ -x "$src/configure" ] || die "$tarball holds no configure script"
version=$(cat "$src/.tarball-version") || die "$tarball holds no .tarball-version"

if [ -n "${3-}" ] && git -C "$3" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  say "the tarball holds every file git tracks"
  missing=$(git -C "$3" ls-files --cached --others --exclude-standard | grep -v '^\.ci/\|^\.gitignore$' |
    while IFS= read -r f; do [ -e "$src/$f" ] || echo "$f"; done)
  [ -z "$missing" ] || die "files missing from the tarball (add them to EXTRA_DIST): $missing"
fi

say "every file of the tarball states its license"
sh "$here/licensing.sh" "$src" || die "the tarball has files whose license nothing states"

# pkg-config without Criterion: every .pc file of its search path but that one.
PKG_CONFIG_LIBDIR=$(sh "$here/pkgconfig-without-criterion.sh" "$work/pkgconfig") ||
  die "cannot make a pkg-config search path without Criterion"
export PKG_CONFIG_LIBDIR
unset PKG_CONFIG_PATH || true

# As Debian's builders: SOURCE_DATE_EPOCH (Debian's comes from
# debian/changelog, this one from the tarball's date), and CFLAGS with
# dpkg-buildflags' -ffile-prefix-map, so that the build directory is not in
# the binary (reproducible.sh builds the tarball elsewhere and compares).
SOURCE_DATE_EPOCH=$(date -u -d "$(cat "$src/.tarball-date")" +%s) || die "$tarball's .tarball-date is not a date"
export SOURCE_DATE_EPOCH

cd "$src"
say "./configure --prefix=/usr CFLAGS='-g -O2 -ffile-prefix-map=$src=.' (in $src)"
# The outer build's flags (make passes its command line down) are not ours.
(unset CC CPPFLAGS LDFLAGS LIBS MAKEFLAGS MFLAGS; CFLAGS="-g -O2 -ffile-prefix-map=$src=." ./configure --prefix=/usr) >"$work/configure.log" 2>&1 ||
  { tail -n 30 "$work/configure.log"; die "configure failed"; }
grep -q 'Criterion not found (Debian package libcriterion-dev): the unit tests will be skipped' "$work/configure.log" ||
  die "configure does not say that the unit tests will be skipped without Criterion"
grep -q 'unit tests: *no' "$work/configure.log" || die "configure's summary does not say 'unit tests: no'"

say "make"
(unset MAKEFLAGS MFLAGS; make -j"$jobs") >"$work/make.log" 2>&1 || { tail -n 30 "$work/make.log"; die "make failed"; }

if [ -n "${GOAT_PACKAGE_TESTED_BY-}" ]; then
  # check-all: distcheck has just run the whole suite on this tarball without
  # Criterion (and checked that it said so); a second run proves nothing new.
  say "make check: not run again, $GOAT_PACKAGE_TESTED_BY ran the test suite on this tarball without Criterion"
else
  say "make check"
  if ! (unset MAKEFLAGS MFLAGS; make -j"$jobs" check) >"$work/check.log" 2>&1; then
    tail -n 40 "$work/check.log"
    sh "$src/tests/show-failures.sh" "$src"
    die "make check failed without Criterion (logs in $src)"
  fi
  sh "$here/unit-tests-were-skipped.sh" "$work/check.log" || die "make check ran without Criterion as it should not"
  grep '^# ' "$work/check.log"
fi

say "make -q is 0, and make install DESTDIR=$work/root builds nothing again"
MAKE=make sh "$here/nothing-to-rebuild.sh" "$src" "$work/root" || die "the build was not finished when make was"
(cd "$work/root" && find . \( -type f -o -type l \) | sed 's|^\.||' | sort) >"$work/installed"
if ! grep -v "^#" "$here/installed-files" | sort | diff -u - "$work/installed"; then
  die "make install installed other files than tests/release/installed-files lists (- listed, + installed)"
fi

say "what is installed works"
root=$work/root
printed=$("$root/usr/bin/goat" --version)
case $printed in
  "goat version $version "*) ;;
  *) die "the installed goat says '$printed', the tarball is $version" ;;
esac
grep -q "^\.TH GOAT 1 \"[0-9-]*\" \"goat $version\"" "$root/usr/share/man/man1/goat.1" ||
  die "the installed man page's header does not name version $version"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$root/usr/share/man/man1/goat.1" 2>&1)
  [ -z "$warnings" ] || die "groff warns about the installed man page: $warnings"
fi

. "$here/completion-lib.sh"
mkdir -p "$work/home/bin"
ln -s "$root/usr/bin/goat" "$work/home/bin/goat"
goat_completion_env "$work/home" "$root/usr"
for sh in bash zsh fish; do
  if ! shell_available "$sh"; then
    say "$sh is not installed: its completion is not checked (scripts/install-deps installs it)"
    continue
  fi
  loaded=$(completion_loaded "$sh") || die "$sh does not load goat's completion from $root/usr"
  say "$sh loads the installed completion: $loaded"
done
say "two builds of the tarball install the same bytes"
sh "$here/reproducible.sh" "$tarball" "$work" "$work/root" || die "the tarball does not build reproducibly"
say "ok: goat $version builds, tests and installs as a distribution would, without Criterion, reproducibly"
