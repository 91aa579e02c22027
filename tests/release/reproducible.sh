#!/bin/sh
# SPDX-License-Identifier: MIT
# Two builds of one tarball install the same bytes: the tarball is built a
# second time, as tests/release/package.sh built it (./configure
# --prefix=/usr, make, make install DESTDIR=...) but somewhere else, and the
# two installed trees must be identical, file for file and mode for mode
# (the binary, the man page, the completions: everything make install
# writes). This is what Debian's reproducible builds compare.
#
# The second build differs from the first as two builders differ: in the
# build path (longer, so that lengths differ too), TMPDIR, the locale, the
# time zone and the time of day. Both build as Debian's builders do: with
# SOURCE_DATE_EPOCH set (from the tarball's date, where Debian takes it from
# debian/changelog) and with dpkg-buildflags' -ffile-prefix-map=BUILDDIR=.,
# without which GCC writes the build directory into the debug information
# (DW_AT_comp_dir) and from there into the build ID. The build is
# profile-guided where it is by default, so the training's profile is
# checked too: a profile that depended on the path, the time or the
# scheduling of threads would show here as a different binary (and
# tests/release/pgo.sh compares the profiles themselves).
#
# Cost: one more configure, make and install of the tarball (two to three
# minutes on CI's two cores). The builds CI already makes of the tarball
# cannot stand in for it: distcheck builds in a subdirectory of a read-only
# source with its own prefix and flags and deletes the result, so it differs
# from package.sh's build in more than a builder would; the second build
# here differs only in what a builder varies.
#
# usage: reproducible.sh TARBALL WORKDIR ROOT
#   ROOT is what package.sh installed (make install DESTDIR=ROOT) from the
#   tarball unpacked under WORKDIR/unpacked; package.sh runs it with
#   PKG_CONFIG_LIBDIR, SOURCE_DATE_EPOCH and GOAT_JOBS as it built with.
set -eu
tarball=$1
work=$2
root1=$3
jobs=${GOAT_JOBS:-2}
say() { echo "reproducible.sh: $*"; }
die() { echo "reproducible.sh: FAIL: $*" >&2; exit 1; }

again=$work/a-second-builder-builds-in-a-longer-directory
rm -rf "$again"
mkdir -p "$again/unpacked" "$again/tmp"
tar -xzf "$tarball" -C "$again/unpacked"
src=$(echo "$again"/unpacked/*)
root2=$again/root

say "the tarball built again in $src"
cd "$src"
(unset CC CPPFLAGS LDFLAGS LIBS MAKEFLAGS MFLAGS
 export TMPDIR="$again/tmp" LC_ALL=C.UTF-8 TZ=Pacific/Kiritimati
 CFLAGS="-g -O2 -ffile-prefix-map=$src=." ./configure --prefix=/usr >"$again/configure.log" 2>&1 ||
   { tail -n 30 "$again/configure.log"; exit 1; }
 make -j"$jobs" >"$again/make.log" 2>&1 || { tail -n 30 "$again/make.log"; exit 1; }
 make install DESTDIR="$root2" >"$again/install.log" 2>&1 || { tail -n 30 "$again/install.log"; exit 1; }) ||
  die "the second build failed"

# What was installed: every file, link and directory with its mode.
list() { (cd "$1" && find . -printf '%y %m %p\n' | LC_ALL=C sort); }
list "$root1" >"$again/installed1"
list "$root2" >"$again/installed2"
diff -u "$again/installed1" "$again/installed2" >&2 ||
  die "the two builds installed different files or modes (- first build, + second)"

differ=0
while read -r type mode path; do
  [ "$type" = f ] || continue
  if ! cmp -s "$root1/$path" "$root2/$path"; then
    differ=$((differ + 1))
    echo "reproducible.sh: $path differs in $(cmp -l "$root1/$path" "$root2/$path" 2>/dev/null | wc -l) bytes" >&2
    strings -a "$root2/$path" | grep -F "$again" | sed 's/^/  names the second build: /' | head -n 3 >&2 || true
    if readelf -h "$root1/$path" >/dev/null 2>&1; then
      for s in .text .rodata .data .debug_info .debug_line .debug_str .debug_line_str .note.gnu.build-id; do
        rm -f "$again/s1" "$again/s2"
        objcopy --dump-section "$s=$again/s1" "$root1/$path" "$again/o1" 2>/dev/null || continue
        objcopy --dump-section "$s=$again/s2" "$root2/$path" "$again/o2" 2>/dev/null || continue
        cmp -s "$again/s1" "$again/s2" || echo "  section $s differs" >&2
      done
    fi
  fi
done <"$again/installed1"
[ "$differ" -eq 0 ] || die "$differ installed files differ between two builds of $(basename "$tarball") (the second is kept in $again)"
files=$(grep -c '^f' "$again/installed1")
rm -rf "$again"
say "ok: two builds in different directories installed the same $files files, byte for byte"
