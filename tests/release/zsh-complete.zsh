# SPDX-License-Identifier: MIT
# Prints, one per line, what zsh's completion system offers for a command
# line, the way an interactive shell would complete it on Tab.
#
# usage: zsh -f zsh-complete.zsh FPATH-DIR 'goat init --old '
#
# Completion functions only run inside the line editor, so a second zsh runs
# interactively on a pseudo-terminal (zpty). There compadd is wrapped to print
# each match between markers, the line is typed, Tab is pressed, and the
# output is read back up to an end marker a post-completion hook prints.
zmodload zsh/zpty || exit 1
fpath_dir=$1 line=$2

zpty goat_z zsh -f -i
zpty -w goat_z "setopt interactive_comments; PS1='' PS2='' RPS1=''; unsetopt zle_bracketed_paste 2>/dev/null"
zpty -w goat_z "fpath=(${(q)fpath_dir} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w goat_z "zstyle ':completion:*' list-prompt ''; zstyle ':completion:*' menu no"
zpty -w goat_z 'compadd() {
  # -O, -A and -D ask for matches back instead of offering them: internal.
  local arg
  for arg in "$@"; do
    [[ $arg == -- ]] && break
    [[ $arg == -[OAD] ]] && { builtin compadd "$@"; return }
  done
  local -a goat_matches
  builtin compadd -O goat_matches "$@"
  (( $#goat_matches )) && print -rl -- "<goat-match>"${^goat_matches}
  builtin compadd "$@"
}'
zpty -w goat_z 'goat_done() { print -r -- "<goat-done>"; compstate[list]= ; compstate[insert]= }'
zpty -w goat_z 'goat_complete() { comppostfuncs=(goat_done); zle complete-word }; zle -N goat_complete; bindkey "^I" goat_complete'
zpty -w goat_z 'print -r -- "<goat-""ready>"'
# Wait for the set-up to finish before typing the line.
zpty -r -m goat_z out '*<goat-ready>*' || exit 1
out=
zpty -n -w goat_z "$line"$'\t'
integer found=0
while zpty -r -t goat_z chunk 2>/dev/null || { sleep 0.1; zpty -r goat_z chunk; }; do
  out+=$chunk
  [[ $out == *'<goat-done>'* ]] && { found=1; break }
done
zpty -d goat_z
(( found )) || { print -u2 "zsh-complete: no completion finished for '$line'"; exit 1 }
print -r -- $out | tr -d '\r' | sed -n 's/^.*<goat-match>//p' | sort -u
