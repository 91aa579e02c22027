#!/bin/sh
# SPDX-License-Identifier: MIT
# Makes DIR a pkg-config search directory holding every .pc file of the
# default search path but criterion.pc, and prints DIR: with
# PKG_CONFIG_LIBDIR=DIR (and PKG_CONFIG_PATH unset), configure finds every
# library goat needs and not Criterion, as on a machine without it.
#
# usage: pkgconfig-without-criterion.sh DIR
set -eu
dir=$1
rm -rf "$dir"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
for search in $(pkg-config --variable pc_path pkg-config | tr ':' ' '); do
  [ -d "$search" ] || continue
  for pc in "$search"/*.pc; do
    [ -e "$pc" ] && [ "$(basename "$pc")" != criterion.pc ] && [ ! -e "$dir/$(basename "$pc")" ] &&
      cp "$pc" "$dir/"
  done
done
if PKG_CONFIG_LIBDIR=$dir pkg-config --exists criterion; then
  echo "pkgconfig-without-criterion.sh: criterion.pc is still visible in $dir" >&2
  exit 1
fi
PKG_CONFIG_LIBDIR=$dir pkg-config --exists libgit2 || {
  echo "pkgconfig-without-criterion.sh: $dir lost libgit2" >&2
  exit 1
}
echo "$dir"
