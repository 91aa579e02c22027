# SPDX-License-Identifier: MIT
# Shared by the tests in tests/release/, which set $here to their directory
# first: the paths make check passes, a temporary directory, a count of
# failed checks, and what goat's help lists.
: "${top_srcdir:=$here/../..}" "${top_builddir:=.}" "${GOAT:=$PWD/goat}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
# finish WHAT: exit 1, saying how many checks of WHAT failed, if any did.
finish() {
  [ "$failures" -eq 0 ] || { echo "$failures $1 failed"; exit 1; }
}

# The commands `goat --help` lists, one per line.
goat_commands() {
  "$GOAT" --help | awk '/^Commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 } f && /^$/ { exit }'
}
# The first column of every option line of `goat CMD --help`, as it is
# written there: "-v, --verbose", "--old REV", "--race[=BOOL]".
goat_option_columns() {
  "$GOAT" "$1" --help | awk '/^  -/ { sub(/^  /, ""); split($0, col, /  +/); print col[1] }'
}
