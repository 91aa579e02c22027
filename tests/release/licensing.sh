#!/bin/sh
# SPDX-License-Identifier: MIT
# Every file of goat states its license: an SPDX-License-Identifier line near
# its top, or a path in REUSE.toml.
#
# usage: licensing.sh [DIR]
#   without DIR: the files git tracks (and new ones) in $top_srcdir; skipped
#   outside a git checkout. With DIR: every file below DIR, an unpacked
#   release tarball (tests/release/package.sh), autotools' files included.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$here/../..}"
if [ $# -gt 0 ]; then
  root=$1
  list() { (cd "$root" && find . -type f | sed 's|^\./||'); }
else
  root=$top_srcdir
  # Only a checkout whose top is the source tree: an unpacked tarball inside
  # some repository (make distcheck's) is not one.
  top=$(git -C "$root" rev-parse --show-toplevel 2>/dev/null || true)
  [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$root" && pwd -P)" ] || {
    echo "SKIP: not a git checkout (tests/release/package.sh checks the tarball)"
    exit 77
  }
  # Build trees configured inside the checkout, whatever their name
  # (Debian's obj-<triplet>, _build, ...), hold outputs, not sources.
  builds=$(cd "$root" && find . -mindepth 2 -name config.status -not -path './.git/*' |
    sed 's|^\./||; s|config\.status$||')
  list() {
    git -C "$root" ls-files --cached --others --exclude-standard |
      awk -v builds="$builds" 'BEGIN { n = split(builds, b, "\n") }
        { for (i = 1; i <= n; i++) if (b[i] != "" && index($0, b[i]) == 1) next; print }'
  }
fi
[ -r "$root/REUSE.toml" ] || { echo "FAIL: no REUSE.toml in $root"; exit 1; }

# REUSE.toml's paths as shell patterns, one per line ("**" spans
# directories, as a shell pattern's "*" does).
patterns=$(awk '
  /^\[\[annotations\]\]/ { inpath = 0 }
  /^path *=/ { inpath = 1 }
  inpath { while (match($0, /"[^"]*"/)) { print substr($0, RSTART + 1, RLENGTH - 2); $0 = substr($0, RSTART + RLENGTH) } }
  inpath && /\]|^path *= *"/ && !/\[ *$/ { inpath = 0 }
' "$root/REUSE.toml" | sed 's/\*\*/*/g')

set -f # the patterns are for case, not for the shell to expand
unstated=$(list | while IFS= read -r f; do
  head -n 5 "$root/$f" 2>/dev/null | grep -q 'SPDX-License-Identifier: ' && continue
  covered=
  for p in $patterns; do
    # shellcheck disable=SC2254
    case $f in $p) covered=1 && break ;; esac
  done
  [ -n "$covered" ] || echo "$f"
done)
count=$(list | wc -l)
[ "$count" -gt 0 ] || { echo "FAIL: no files found in $root"; exit 1; }
if [ -n "$unstated" ]; then
  echo "FAIL: files whose license nothing states (add an SPDX-License-Identifier line, or a path in REUSE.toml):"
  echo "$unstated" | sed 's/^/  /'
  exit 1
fi
echo "ok: the license of all $count files is stated"
