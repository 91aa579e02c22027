# SPDX-License-Identifier: MIT
# Shell completion for bash, zsh and fish, installed where each shell looks
# (configure's --with-{bash,zsh,fish}-completion-dir; --without-... skips
# one). tests/release/completion.sh checks them against goat's --help.
EXTRA_DIST += completion/bash/goat completion/zsh/_goat completion/fish/goat.fish

bashcompletiondir = $(BASH_COMPLETION_DIR)
zshcompletiondir = $(ZSH_COMPLETION_DIR)
fishcompletiondir = $(FISH_COMPLETION_DIR)
if HAVE_BASH_COMPLETION_DIR
bashcompletion_DATA = completion/bash/goat
endif
if HAVE_ZSH_COMPLETION_DIR
zshcompletion_DATA = completion/zsh/_goat
endif
if HAVE_FISH_COMPLETION_DIR
fishcompletion_DATA = completion/fish/goat.fish
endif
