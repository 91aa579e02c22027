# SPDX-License-Identifier: MIT
# Shell functions to load goat's installed completions in bash, zsh and fish
# and ask each what it offers for a command line. Sourced by
# tests/release/completion.sh (on a copy of completion/) and by
# tests/release/package.sh (on what `make install` installed), which set
# $here to this directory (an absolute path) first.

# install_completions SRC PREFIX: completion/* where make install puts them
# by default, under PREFIX.
install_completions() {
  mkdir -p "$2/share/bash-completion/completions" "$2/share/zsh/site-functions" \
    "$2/share/fish/vendor_completions.d"
  cp "$1/bash/goat" "$2/share/bash-completion/completions/goat"
  cp "$1/zsh/_goat" "$2/share/zsh/site-functions/_goat"
  cp "$1/fish/goat.fish" "$2/share/fish/vendor_completions.d/goat.fish"
}

# goat_completion_env HOME PREFIX: the shells see only PREFIX's completions
# (and their own), not the user's; goat is on PATH from HOME/bin.
goat_completion_env() {
  comp_home=$1 comp_prefix=$2
  HOME=$comp_home XDG_CONFIG_HOME=$comp_home/config XDG_DATA_HOME=$comp_home/data
  BASH_COMPLETION_USER_DIR=$comp_home/none XDG_DATA_DIRS=$comp_prefix/share:/usr/share
  PATH=$comp_home/bin:$PATH
  export HOME XDG_CONFIG_HOME XDG_DATA_HOME BASH_COMPLETION_USER_DIR XDG_DATA_DIRS PATH
}

bash_completion_main=/usr/share/bash-completion/bash_completion

shell_available() {
  case $1 in
    bash) [ -r "$bash_completion_main" ] && command -v bash >/dev/null ;;
    *) command -v "$1" >/dev/null ;;
  esac
}

# completion_loaded SHELL: loads the completion from where it was installed,
# as an interactive SHELL would, and prints how SHELL then completes goat;
# fails when that is not goat's completion.
completion_loaded() {
  case $1 in
    bash)
      bash --norc --noprofile -i -c ". $bash_completion_main; __load_completion goat && complete -p goat" 2>/dev/null |
        grep -x 'complete -F _goat goat' ;;
    zsh)
      zsh -f -c "fpath=($comp_prefix/share/zsh/site-functions \$fpath); autoload -U compinit; compinit -u -D; print -r -- goat: \$_comps[goat]" |
        grep -x 'goat: _goat' ;;
    fish)
      fish -c 'complete -C "goat tr"' | grep '^track' ;;
  esac
}

# complete_with SHELL LINE: the words SHELL offers for LINE, one per line.
complete_with() {
  case $1 in
    bash)
      bash --norc --noprofile -c '
        . "$1" && __load_completion goat || exit 1
        line=$2
        read -ra COMP_WORDS <<< "${line//=/ = }"
        case $line in *" " | *=) COMP_WORDS+=("") ;; esac
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE=$line COMP_POINT=${#line}
        _goat goat "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion_main" "$2" ;;
    zsh)
      timeout 120 zsh -f "$here/zsh-complete.zsh" "$comp_prefix/share/zsh/site-functions" "$2" ;;
    fish)
      fish -c 'complete -C"$argv[1]"' "$2" | cut -f1 ;;
  esac
}
