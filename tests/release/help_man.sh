#!/bin/sh
# SPDX-License-Identifier: MIT
# `goat help COMMAND` and goat(1) agree: for every command `goat --help`
# lists, the man page has
#   - a SYNOPSIS entry (".B goat CMD" up to ".br") and a COMMANDS section
#     (".SS goat CMD ...") that both read as the help's usage line, and
#   - in that section, one ".TP" entry per option, whose tag reads as the
#     option's column in the help ("-v, --verbose", "--old REV",
#     "--race[=BOOL]"): the same options with the same argument names;
# and the man page documents no command goat does not have. Names are
# compared without regard to case (REV in the help, REV or rev in the page).
# The man page is also free of groff warnings.
#
# New commands need nothing here: they are read from `goat --help`.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
man=$top_builddir/doc/goat.1
[ -r "$man" ] || { echo "FAIL: no $man (configure writes it from doc/goat.1.in)"; exit 1; }

# The man page as "KIND<TAB>COMMAND<TAB>TEXT" records: "synopsis" and
# "section" lines (the usage as the page shows it), "option" lines (an
# option entry's tag) and "command" lines (every command with a section).
# Roff is rendered to plain text the way a reader sees it: font macros join
# their arguments (alternating ones without spaces), escapes are dropped.
awk '
  function render(line,    macro, rest, args, n, c, i, q, word, out) {
    if (line !~ /^\./) macro = ""
    else { macro = line; sub(/[ \t].*/, "", macro); line = substr(line, length(macro) + 1) }
    n = 0; word = ""; q = 0; c = 0
    for (i = 1; i <= length(line); i++) {
      ch = substr(line, i, 1)
      if (ch == "\"") { q = !q; c = 1; continue }
      if ((ch == " " || ch == "\t") && !q) { if (c) args[++n] = word; word = ""; c = 0; continue }
      word = word ch; c = 1
    }
    if (c) args[++n] = word
    out = ""
    for (i = 1; i <= n; i++) {
      if (i > 1 && (macro == "" || macro == ".B" || macro == ".I" || macro == ".SS")) out = out " "
      out = out args[i]
    }
    gsub(/\\f(\(..|\[[^]]*\]|.)/, "", out)
    gsub(/\\-/, "-", out); gsub(/\\\(dq/, "\"", out); gsub(/\\&/, "", out); gsub(/\\e/, "\\", out)
    return out
  }
  /^\.SH/ { sh = $2; entry = ""; next }
  sh == "SYNOPSIS" {
    if ($0 ~ /^\.B goat [a-z]/) { if (entry != "") print "synopsis\t" cmd "\t" entry; cmd = $3; entry = render($0); next }
    if ($0 == ".br") { if (entry != "") print "synopsis\t" cmd "\t" entry; entry = ""; next }
    if (entry != "") entry = entry " " render($0)
    next
  }
  sh == "COMMANDS" && /^\.SS goat / { cmd = $3; print "command\t" cmd; print "section\t" cmd "\t" render($0); tp = 0; next }
  sh == "COMMANDS" && /^\.SS/ { cmd = ""; next }
  sh == "COMMANDS" && /^\.TP/ { tp = 1; next }
  sh == "COMMANDS" && tp { tp = 0; t = render($0); if (cmd != "" && t ~ /^-/) print "option\t" cmd "\t" t }
' "$man" | tr 'A-Z' 'a-z' >"$tmp/man"

commands=$(goat_commands)
[ -n "$commands" ] || { echo "FAIL: goat --help lists no commands"; exit 1; }

# The man page as seen for one KIND and COMMAND.
from_man() {
  awk -F '\t' -v k="$1" -v c="$2" '$1 == k && $2 == c { print $3 }' "$tmp/man"
}

for cmd in $commands; do
  "$GOAT" help "$cmd" >"$tmp/help" || { fail "goat help $cmd exits with $?"; continue; }
  "$GOAT" "$cmd" --help | cmp -s - "$tmp/help" || fail "goat help $cmd and goat $cmd --help differ"
  usage=$(sed -n '1s/^usage: //p' "$tmp/help" | tr 'A-Z' 'a-z' | tr -s ' ')
  [ -n "$usage" ] || fail "goat $cmd --help does not start with 'usage: '"
  synopsis=$(from_man synopsis "$cmd" | tr -s ' ')
  section=$(from_man section "$cmd" | tr -s ' ')
  [ "$synopsis" = "$usage" ] ||
    fail "goat(1) SYNOPSIS for $cmd reads '${synopsis:-(none)}'; goat $cmd --help says '$usage'"
  [ "$section" = "$usage" ] ||
    fail "goat(1) COMMANDS section for $cmd reads '${section:-(none)}'; goat $cmd --help says '$usage'"

  goat_option_columns "$cmd" | tr 'A-Z' 'a-z' | sort >"$tmp/help-options"
  from_man option "$cmd" | sort >"$tmp/man-options"
  only_help=$(comm -23 "$tmp/help-options" "$tmp/man-options" | sed 's/.*/"&"/' | tr '\n' ' ')
  only_man=$(comm -13 "$tmp/help-options" "$tmp/man-options" | sed 's/.*/"&"/' | tr '\n' ' ')
  [ -z "$only_help" ] || fail "goat $cmd: options in --help but not (or not so) in goat(1): $only_help"
  [ -z "$only_man" ] || fail "goat $cmd: options in goat(1) but not (or not so) in --help: $only_man"
  echo "ok $cmd: $(wc -l <"$tmp/help-options") option(s)"
done

for cmd in $(awk -F '\t' '$1 == "command" { print $2 }' "$tmp/man"); do
  printf '%s\n' $commands | grep -qxF "$cmd" || fail "goat(1) documents a command 'goat $cmd' that goat --help does not list"
done

# An unknown command is a usage error that names it.
"$GOAT" help no-such-command >/dev/null 2>"$tmp/err"
status=$?
[ "$status" -eq 2 ] && grep -q "no-such-command" "$tmp/err" ||
  fail "goat help no-such-command: exit $status, '$(cat "$tmp/err")' (want exit 2 naming the command)"

# What lintian and man --warnings would report.
if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z "$man" >"$tmp/groff" 2>&1
  [ -s "$tmp/groff" ] && fail "groff warns about goat(1): $(head -5 "$tmp/groff")"
else
  echo "(groff not installed: man page warnings not checked)"
fi

finish "check(s) that goat's help and goat(1) agree"
echo "ok: goat help and goat(1) agree on $(echo $commands | wc -w) commands"
