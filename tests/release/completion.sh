#!/bin/sh
# SPDX-License-Identifier: MIT
# Shell completion: bash, zsh and fish, loaded the way each shell finds an
# installed completion, offer exactly the commands `goat --help` lists and,
# for each command, exactly the options `goat CMD --help` lists (plus
# --help), and after `goat help` one command, then nothing; the
# granularities and data types the help names; and the git branches and tags
# of the repository at hand for --old and --new.
#
# A command or option added to goat but not to completion/ fails here. A
# shell that is not installed is skipped (scripts/install-deps installs all
# three).
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/completion-lib.sh"

# The three files where `make install` puts them, under $tmp/usr.
install_completions "$top_srcdir/completion" "$tmp/usr"
mkdir -p "$tmp/bin" && ln -s "$GOAT" "$tmp/bin/goat"
goat_completion_env "$tmp" "$tmp/usr"

# What goat says it has.
commands=$(goat_commands)
[ -n "$commands" ] || { echo "FAIL: goat --help lists no commands"; exit 1; }
# The option names of CMD ("-v", "--verbose", "--old"), and --help.
options() {
  goat_option_columns "$1" | awk '
    { n = split($0, names, /, /); for (i = 1; i <= n; i++) { x = names[i]; sub(/\[=.*/, "", x); sub(/ .*/, "", x); print x } }'
  echo --help
}
# The words listed as "a, b or c" in the description of OPTION in CMD --help.
help_values() {
  "$GOAT" "$1" --help | awk -v opt="$2" '
    $1 == opt { sub(/^ *[^ ]+ +[^ ]+ +/, ""); sub(/ \(.*/, ""); gsub(/,| or /, " "); print; exit }' |
    tr -s ' ' '\n' | sed '/^$/d'
}
granularities=$(help_values init --granularity)
data_types=$(help_values init --data-type)
[ "$(echo $granularities)" = "line patch scope func" ] || fail "goat init --help: granularities read as '$(echo $granularities)'"

# A repository with branches and a tag, for --old and --new.
repo=$tmp/repo
git init -q -b main "$repo" && (
  cd "$repo" && git -c user.name=t -c user.email=t@t commit -q --allow-empty -m one &&
    git branch feature/x && git tag v1.0
) || { echo "FAIL: cannot make a git repository"; exit 1; }

# same SHELL LINE PREFIX EXPECTED: what SHELL offers for LINE, less PREFIX
# and any '=' ending an option that takes a value, is exactly EXPECTED.
same() {
  complete_with "$1" "$2" | sed "s/^${3:-}//; s/=\$//; /^\$/d" | sort -u >"$tmp/got"
  printf '%s\n' $4 | sort -u >"$tmp/want"
  cmp -s "$tmp/got" "$tmp/want" && return
  missing=$(comm -23 "$tmp/want" "$tmp/got" | tr '\n' ' ')
  extra=$(comm -13 "$tmp/want" "$tmp/got" | tr '\n' ' ')
  fail "$1: '$2'${missing:+ lacks: $missing}${extra:+ offers what goat does not have: $extra}"
}

# nothing_but_help SHELL LINE: SHELL offers nothing for LINE, a complete
# `goat help COMMAND`, but --help: goat help takes one command, and rejects
# any other word (the options of that command too).
nothing_but_help() {
  extra=$(complete_with "$1" "$2" | sed '/^--help$/d; /^$/d' | sort -u | tr '\n' ' ')
  [ -z "$extra" ] || fail "$1: '$2' offers what goat help rejects: $extra"
}

shells=0
for sh in bash zsh fish; do
  if ! shell_available "$sh"; then
    echo "SKIP $sh: not installed (scripts/install-deps installs it)"
    continue
  fi
  shells=$((shells + 1))
  if loaded=$(completion_loaded "$sh"); then
    echo "ok $sh loads the completion: $loaded"
  else
    fail "$sh does not load the completion from $tmp/usr: '$loaded'"
  fi
  same "$sh" "goat " "" "$commands"
  same "$sh" "goat -" "" "--help --version"
  same "$sh" "goat help " "" "$commands"
  for cmd in init report; do
    nothing_but_help "$sh" "goat help $cmd "
    same "$sh" "goat help $cmd -" "" "--help"
  done
  for cmd in $commands; do
    same "$sh" "goat $cmd -" "" "$(options "$cmd")"
  done
  same "$sh" "goat init --granularity " "" "$granularities"
  same "$sh" "goat rewrite --granularity " "" "$granularities"
  same "$sh" "goat init --data-type " "" "$data_types"
  same "$sh" "goat init --race=" "--race=" "true false"
  cd "$repo" || exit 1
  same "$sh" "goat init --old " "" "HEAD INIT main feature/x v1.0"
  same "$sh" "goat init --new " "" "HEAD main feature/x v1.0"
  same "$sh" "goat init --new=" "--new=" "HEAD main feature/x v1.0"
  cd - >/dev/null || exit 1
done

[ "$shells" -gt 0 ] || { echo "SKIP: none of bash-completion, zsh and fish is installed"; exit 77; }
finish "completion check(s) (update completion/ for goat's commands and options)"
echo "ok: $shells shell(s) complete every command and option"
